// The case registry of minors through the real web server: intake and its
// validation, the duplicate check, gapless case numbers under concurrency,
// who sees what, documents and their scans, status changes, CSV export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const struttura = (nome) => sql(`SELECT id FROM strutture WHERE nome = '${nome}'`);
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const PONTE = () => struttura('Comunità Il Ponte');
const AURORA = () => struttura('SAI Casa Aurora');

function intake(overrides = {}) {
  return {
    cognome: 'Hassan', nome: 'Karim', alias: '', sesso: 'M', data_nascita: '12/03/2009',
    luogo_nascita: 'Alessandria', paese_nascita: 'Egitto', cittadinanza: 'Egitto',
    lingue: 'arabo', cui: '', codice_fiscale: '', data_rintraccio: '02/10/2025',
    luogo_rintraccio: 'Stazione Termini', modalita_rintraccio: 'rintraccio_territorio',
    ente_segnalante: 'Polizia di Stato', data_403: '02/10/2025', data_403_comunicazione: '02/10/2025',
    data_403_richiesta_convalida: '', data_403_decreto: '', data_403_udienza: '',
    data_presa_in_carico: '03/10/2025', struttura_id: PONTE(), operatore_id: userId('operatore'),
    ...overrides,
  };
}

async function responsabile() {
  const c = new Client();
  assert.equal((await c.login(...DEMO.responsabile)).status, 303);
  return c;
}

async function create(c, fields) {
  const token = await c.csrf('/minori/nuovo');
  const res = await c.post('/minori/nuovo', { csrf: token, ...fields });
  return res;
}

const idOf = (res) => Number((res.headers.location || '').match(/^\/minori\/(\d+)$/)?.[1]);

test(`${SERVER}: intake happy path, numbered MSNA-YYYY-NNNNN, audited`, async () => {
  const c = await responsabile();
  const res = await create(c, intake({ cognome: 'Ouattara', nome: 'Yacouba', cittadinanza: "Costa d'Avorio", cui: 'ab12345' }));
  assert.equal(res.status, 303);
  const id = idOf(res);
  assert.ok(id > 0);
  const page = await c.get(`/minori/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Ouattara Yacouba/);
  assert.match(page.body, /Fascicolo MSNA-2025-\d{5}/);
  assert.match(page.body, /Presa in carico registrata/);
  assert.match(page.body, /AB12345/, 'CUI stored in capitals');
  assert.match(page.body, /Comunità Il Ponte/);
  assert.match(page.body, /nessun tutore registrato/);
  assert.equal(sql(`SELECT count(*) FROM audit WHERE azione = 'create' AND entita = 'minore' AND entita_id = ${id}`), '1');
  assert.equal(sql(`SELECT dopo FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita_id = ${id} AND a.azione = 'create' AND a.entita = 'minore' AND campo = 'cognome'`), 'Ouattara');
  assert.ok(Number(sql(`SELECT count(*) FROM audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${id}`)) >= 1, 'the view is audited');
  assert.equal(sql(`SELECT count(*) FROM collocamenti WHERE minore_id = ${id} AND al IS NULL`), '1');
});

test(`${SERVER}: each validation rule rejects with its message and keeps the values`, async () => {
  const c = await responsabile();
  const before = sql('SELECT count(*) FROM minori');
  const cases = [
    [{ cognome: '' }, /Il campo «Cognome \(come dichiarato\)» è obbligatorio/],
    [{ data_nascita: '31/02/2009' }, /Data non valida: usare il formato gg\/mm\/aaaa/],
    [{ data_presa_in_carico: '01/01/2099' }, /La data non può essere nel futuro/],
    [{ data_nascita: '04/10/2025' }, /La data di nascita non può seguire la presa in carico/],
    [{ data_rintraccio: '05/10/2025' }, /Il rintraccio non può seguire la presa in carico/],
    [{ cui: 'A1' }, /Il CUI è fatto di 5-20 lettere e cifre/],
    [{ codice_fiscale: 'RSSMRA80A01H501A' }, /Codice fiscale non valido/],
    [{ data_403_comunicazione: '01/10/2025' }, /non può precedere il provvedimento art\. 403/],
    [{ cittadinanza: 'Atlantide' }, /Scegliere uno dei valori proposti/],
    [{ data_nascita: '01/01/2021' }, /L&#39;età dichiarata alla presa in carico è di 4 anni/],
    [{ data_nascita: '01/01/2007' }, /L&#39;età dichiarata alla presa in carico è di 18 anni/],
  ];
  for (const [bad, message] of cases) {
    const fields = intake({ cognome: 'Valori', nome: 'Conservati', luogo_rintraccio: 'Via «Prova» & <b>', ...bad });
    const res = await create(c, fields);
    assert.equal(res.status, 200, JSON.stringify(bad));
    assert.match(res.body, message, JSON.stringify(bad));
    assert.match(res.body, /class="invalid-feedback d-block"/);
    assert.match(res.body, /value="Via «Prova» &amp; &lt;b&gt;"/, 'typed values come back, escaped');
    for (const [k, v] of Object.entries(bad))
      if (v && k !== 'cittadinanza') assert.ok(res.body.includes(`value="${v}"`), `${k} kept`);
  }
  assert.equal(sql('SELECT count(*) FROM minori'), before, 'nothing was saved');
});

test(`${SERVER}: an age outside 6-17 is saved with confirmation and reason`, async () => {
  const c = await responsabile();
  let res = await create(c, intake({ cognome: 'Piccolo', nome: 'Amadou', data_nascita: '01/01/2021', conferma_eta: '1' }));
  assert.equal(res.status, 200);
  assert.match(res.body, /Indica il motivo della conferma dell&#39;età/);
  res = await create(c, intake({ cognome: 'Piccolo', nome: 'Amadou', data_nascita: '01/01/2021', conferma_eta: '1', eta_motivo: 'Certificato di nascita verificato' }));
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT eta_motivo FROM minori WHERE id = ${idOf(res)}`), 'Certificato di nascita verificato');
});

test(`${SERVER}: the duplicate check finds transliterated names`, async () => {
  const c = await responsabile();
  let res = await create(c, intake({ cognome: 'Abdelrahman', nome: 'Mohamed', data_nascita: '05/05/2008', cittadinanza: 'Egitto' }));
  assert.equal(res.status, 303);
  const first = idOf(res);
  const numero = sql(`SELECT numero FROM minori WHERE id = ${first}`);
  for (const [cognome, nome] of [['Abdul Rahman', 'Muhammad'], ['Abd al-Rahman', 'Mohammed'], ['ABDELRAHMAN', 'Mohamed']]) {
    res = await create(c, intake({ cognome, nome, data_nascita: '20/11/2008', cittadinanza: 'Egitto' }));
    assert.equal(res.status, 200, `${cognome} ${nome}`);
    assert.match(res.body, /Fascicoli simili già registrati/);
    assert.ok(res.body.includes(`href="/minori/${first}">${numero}</a>`), `${cognome} ${nome} finds ${numero}`);
    assert.match(res.body, /name="conferma_nuovo"/);
  }
  // Another citizenship or birth year is not a candidate.
  res = await create(c, intake({ cognome: 'Abdul Rahman', nome: 'Muhammad', data_nascita: '20/11/2008', cittadinanza: 'Sudan' }));
  assert.equal(res.status, 303);
  // Confirming a new person saves it.
  res = await create(c, intake({ cognome: 'Abdul Rahman', nome: 'Muhammad', data_nascita: '20/11/2008', cittadinanza: 'Egitto', conferma_nuovo: '1' }));
  assert.equal(res.status, 303);
  // The same CUI identifies one person: no confirmation can save it.
  await create(c, intake({ cognome: 'Sow', nome: 'Thierno', cittadinanza: 'Guinea', cui: 'CUI7788' }));
  res = await create(c, intake({ cognome: 'Diallo', nome: 'Alpha', cittadinanza: 'Guinea', cui: 'cui7788', conferma_nuovo: '1' }));
  assert.equal(res.status, 200);
  assert.match(res.body, /Questo CUI è già nel fascicolo MSNA-2025-\d{5}/);
});

test(`${SERVER}: a name search is tolerant of spelling`, async () => {
  const c = await responsabile();
  for (const q of ['muhammad abdul rahman', 'Mohammed Abdelrahman', 'abd']) {
    const res = await c.get(`/minori?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, q);
    assert.match(res.body, /Abdelrahman Mohamed/, q);
  }
  const none = await c.get('/minori?q=Zzyzx');
  assert.match(none.body, /Nessun minore corrisponde/);
});

test(`${SERVER}: 20 concurrent intakes get 20 distinct consecutive case numbers`, async () => {
  const clients = await Promise.all(Array.from({ length: 20 }, () => responsabile()));
  const tokens = await Promise.all(clients.map((c) => c.csrf('/minori/nuovo')));
  const names = ['Bah', 'Barry', 'Camara', 'Ceesay', 'Darboe', 'Jallow', 'Jammeh', 'Njie', 'Sanneh', 'Sowe',
    'Touray', 'Keita', 'Sylla', 'Soumah', 'Conde', 'Toure', 'Traore', 'Kone', 'Bamba', 'Yao'];
  const results = await Promise.all(clients.map((c, i) => c.post('/minori/nuovo', {
    csrf: tokens[i], ...intake({ cognome: `${names[i]}`, nome: `Lamin${'x'.repeat(i)}`, cittadinanza: 'Gambia',
      data_nascita: '01/01/2010', data_rintraccio: '01/06/2019', data_403: '', data_403_comunicazione: '',
      data_presa_in_carico: '02/06/2019' }), conferma_nuovo: '1',
  })));
  for (const r of results) assert.equal(r.status, 303);
  const numbers = sql("SELECT numero FROM minori WHERE numero LIKE 'MSNA-2019-%' ORDER BY numero").split('\n');
  assert.equal(numbers.length, 20);
  assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => `MSNA-2019-${String(i + 1).padStart(5, '0')}`));
});

test(`${SERVER}: a facility sees only its own minors, and only some fields`, async () => {
  const r = await responsabile();
  const own = idOf(await create(r, intake({ cognome: 'Gebremedhin', nome: 'Yonas', cittadinanza: 'Eritrea', cui: 'ER55501', struttura_id: PONTE() })));
  const other = idOf(await create(r, intake({ cognome: 'Tesfay', nome: 'Filmon', cittadinanza: 'Eritrea', struttura_id: AURORA() })));
  const s = new Client();
  assert.equal((await s.login(...DEMO.struttura)).status, 303);
  const list = await s.get('/minori');
  assert.equal(list.status, 200);
  assert.match(list.body, /Gebremedhin Yonas/);
  assert.doesNotMatch(list.body, /Tesfay Filmon/);
  const filtered = await s.get(`/minori?struttura_id=${AURORA()}`);
  assert.doesNotMatch(filtered.body, /Tesfay Filmon/, 'the facility filter cannot be widened');
  const page = await s.get(`/minori/${own}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Gebremedhin Yonas/);
  assert.doesNotMatch(page.body, /ER55501/, 'no CUI for a facility');
  assert.doesNotMatch(page.body, /Stazione Termini/, 'no finding details for a facility');
  const before = Number(sql(`SELECT count(*) FROM audit WHERE azione = 'permission_denied' AND entita = 'minore' AND entita_id = ${other}`));
  const denied = await s.get(`/minori/${other}`);
  assert.equal(denied.status, 403);
  assert.equal(Number(sql(`SELECT count(*) FROM audit WHERE azione = 'permission_denied' AND entita = 'minore' AND entita_id = ${other}`)), before + 1);
  assert.equal((await s.get(`/minori/${own}/anagrafica`)).status, 403, 'a facility edits nothing');
  assert.equal((await s.get('/minori/export.csv')).status, 403, 'a facility exports nothing');
  assert.equal((await s.get('/minori/999999')).status, 404);
});

test(`${SERVER}: an operatore edits assigned cases and only reads the others`, async () => {
  const r = await responsabile();
  const mine = idOf(await create(r, intake({ cognome: 'Rahimi', nome: 'Jawad', cittadinanza: 'Afghanistan', operatore_id: userId('operatore') })));
  const theirs = idOf(await create(r, intake({ cognome: 'Karimi', nome: 'Farid', cittadinanza: 'Afghanistan', operatore_id: userId('operatrice') })));
  const o = new Client();
  await o.login(...DEMO.operatore);
  assert.equal((await o.get(`/minori/${theirs}`)).status, 200, 'reads the team\'s cases');
  assert.equal((await o.get(`/minori/${theirs}/anagrafica`)).status, 403);
  let token = await o.csrf(`/minori/${mine}/anagrafica`);
  const fields = { csrf: token, cognome: 'Rahimi', nome: 'Jawad', alias: 'Javad', sesso: 'M', data_nascita: '12/03/2009', cittadinanza: 'Afghanistan', lingue: 'dari, pashto' };
  let res = await o.post(`/minori/${theirs}/anagrafica`, fields);
  assert.equal(res.status, 403);
  res = await o.post(`/minori/${mine}/anagrafica`, fields);
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT prima || '>' || dopo FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita = 'minore' AND a.entita_id = ${mine} AND a.azione = 'update' AND campo = 'lingue'`), 'arabo>dari, pashto');
  const found = await o.get('/minori?q=javad');
  assert.match(found.body, /Rahimi Jawad/, 'the alias is searchable at once');
  // Closing needs the responsabile.
  token = await o.csrf(`/minori/${mine}/stato`);
  res = await o.post(`/minori/${mine}/stato`, { csrf: token, stato: 'chiuso', data: '10/10/2025', motivo: 'prova' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Solo il responsabile può chiudere un fascicolo/);
  res = await o.post(`/minori/${mine}/stato`, { csrf: token, stato: 'allontanato', data: '10/10/2025', motivo: 'Non rientrato in comunità' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato || ' ' || (struttura_id IS NULL) FROM minori WHERE id = ${mine}`), 'allontanato 1');
  assert.equal(sql(`SELECT al || ' ' || motivo_uscita FROM collocamenti WHERE minore_id = ${mine}`), '2025-10-10 allontanamento');
  token = await r.csrf(`/minori/${mine}/stato`);
  res = await r.post(`/minori/${mine}/stato`, { csrf: token, stato: 'chiuso', data: '11/10/2025', motivo: 'Irreperibile da oltre 30 giorni' });
  assert.equal(res.status, 303);
});

test(`${SERVER}: guardianship and transfer are edited in their own sections`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake({ cognome: 'Jallow', nome: 'Ebrima', cittadinanza: 'Gambia' })));
  let token = await r.csrf(`/minori/${id}/tutela`);
  let res = await r.post(`/minori/${id}/tutela`, { csrf: token, tipo: 'volontario', nome: '', data_ricorso: '05/10/2025' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Per il tutore volontario indica nome e cognome/);
  res = await r.post(`/minori/${id}/tutela`, { csrf: token, tipo: 'volontario', nome: 'Giulia Bianchi', recapito: '06 1234', tribunale: 'TM Roma', data_ricorso: '05/10/2025', data_nomina: '20/11/2025' });
  assert.equal(res.status, 303);
  token = await r.csrf(`/minori/${id}/collocamento`);
  res = await r.post(`/minori/${id}/collocamento`, { csrf: token, struttura_id: AURORA(), dal: '01/11/2025', note: 'Seconda accoglienza' });
  assert.equal(res.status, 303);
  const page = await r.get(`/minori/${id}`);
  assert.match(page.body, /Tutore volontario: Giulia Bianchi/);
  assert.match(page.body, /SAI Casa Aurora/);
  assert.equal(sql(`SELECT count(*) FROM collocamenti WHERE minore_id = ${id}`), '2');
  assert.equal(sql(`SELECT al FROM collocamenti WHERE minore_id = ${id} AND struttura_id = ${PONTE()}`), '2025-11-01');
});

test(`${SERVER}: documents: scans checked by content and size, served only through the program`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake({ cognome: 'Koné', nome: 'Adama', cittadinanza: "Costa d'Avorio" })));
  const token = await r.csrf(`/minori/${id}/documenti/nuovo`);
  const fields = { csrf: token, tipo: 'passaporto', numero: 'CI1234567', data_rilascio: '01/09/2025', data_scadenza: '31/08/2030', verificato: '1' };
  let res = await r.postMultipart(`/minori/${id}/documenti/nuovo`, fields, { file: { filename: 'passaporto.pdf', type: 'application/pdf', data: Buffer.from('<html>not a pdf</html>') } });
  assert.equal(res.status, 200);
  assert.match(res.body, /deve essere un PDF, un JPEG o un PNG/);
  assert.match(res.body, /value="CI1234567"/);
  res = await r.postMultipart(`/minori/${id}/documenti/nuovo`, fields, { file: { filename: 'grande.pdf', type: 'application/pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)]) } });
  assert.equal(res.status, 200);
  assert.match(res.body, /Il file supera il limite di 5 MB/);
  assert.equal(sql(`SELECT count(*) FROM documenti WHERE minore_id = ${id}`), '0');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from('1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')]);
  res = await r.postMultipart(`/minori/${id}/documenti/nuovo`, fields, { file: { filename: 'scan.png', type: 'image/png', data: pdf } });
  assert.equal(res.status, 303, 'the type comes from the content, not the name');
  const doc = sql(`SELECT id FROM documenti WHERE minore_id = ${id}`);
  const page = await r.get(`/minori/${id}`);
  assert.match(page.body, /Passaporto/);
  assert.match(page.body, new RegExp(`/minori/${id}/documenti/${doc}/file`));
  const file = await r.get(`/minori/${id}/documenti/${doc}/file`);
  assert.equal(file.status, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(file.headers['content-disposition'], /^attachment; filename="documento-\d+\.pdf"$/);
  assert.ok(file.bytes.equals(pdf), 'the same bytes come back');
  assert.equal((await r.get(`/static/../files/documento-${doc}`)).status, 404);
  const other = idOf(await create(r, intake({ cognome: 'Coulibaly', nome: 'Drissa', cittadinanza: "Costa d'Avorio" })));
  assert.equal((await r.get(`/minori/${other}/documenti/${doc}/file`)).status, 404, 'a document is reached only through its own case');
  const s = new Client();
  await s.login(...DEMO.struttura);
  assert.equal((await s.get(`/minori/${id}/documenti/${doc}/file`)).status, 403);
});

test(`${SERVER}: the CSV export neutralises formula cells and is audited`, async () => {
  const r = await responsabile();
  for (const [cognome, nome] of [['=HYPERLINK("http://x")', 'Uno'], ['+SUM(A1)', 'Due'], ['-2+3', 'Tre'], ['@cmd', 'Quattro']])
    assert.equal((await create(r, intake({ cognome, nome, cittadinanza: 'Albania', conferma_nuovo: '1' }))).status, 303);
  const before = Number(sql("SELECT count(*) FROM audit WHERE azione = 'export'"));
  const res = await r.get('/minori/export.csv?cittadinanza=Albania');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^text\/csv/);
  const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 5);
  for (const prefix of ['=', '+', '-', '@']) {
    assert.ok(lines.some((l) => l.includes(`"'${prefix}`)), `${prefix} neutralised`);
    assert.ok(!lines.some((l) => l.includes(`;"${prefix}`) || l.startsWith(`"${prefix}`)), `${prefix} never starts a cell`);
  }
  assert.match(res.body, /"'=HYPERLINK\(""http:\/\/x""\)"/);
  assert.ok(lines.slice(1).every((l) => l.endsWith(';"03/10/2025"')), 'each row ends with its date of taking charge');
  assert.equal(Number(sql("SELECT count(*) FROM audit WHERE azione = 'export'")), before + 1);
});

test(`${SERVER}: a new case worker appears at once in the forms (lists kept in memory are refreshed)`, async () => {
  const r = await responsabile();
  for (let i = 0; i < 4; i++) assert.doesNotMatch((await r.get('/minori/nuovo')).body, /Operatrice Appena Assunta/);
  const admin = new Client();
  await admin.login(...DEMO.admin);
  const token = await admin.csrf('/utenti/nuovo');
  const name = `assunta.${SERVER}`;
  assert.equal((await admin.post('/utenti/nuovo', { csrf: token, username: name, nome: `Operatrice Appena Assunta ${SERVER}`, ruolo: 'operatore', password: 'password-lunga-1' })).status, 303);
  for (let i = 0; i < 4; i++) {
    const form = await r.get('/minori/nuovo');
    assert.match(form.body, new RegExp(`<option value="${userId(name)}">Operatrice Appena Assunta ${SERVER}</option>`), `request ${i + 1}`);
  }
  const list = await r.get('/minori');
  assert.match(list.body, /Operatrice Appena Assunta/);
});

test(`${SERVER}: the list names each case's facility and case worker, also one since disabled`, async () => {
  const admin = new Client();
  await admin.login(...DEMO.admin);
  const name = `uscente.${SERVER}`;
  const token = await admin.csrf('/utenti/nuovo');
  assert.equal((await admin.post('/utenti/nuovo', { csrf: token, username: name, nome: `Operatore Uscente ${SERVER}`, ruolo: 'operatore', password: 'password-lunga-1' })).status, 303);
  const r = await responsabile();
  const cognome = `Elencato${SERVER}`;
  const id = idOf(await create(r, intake({ cognome, nome: 'Nove', operatore_id: userId(name), struttura_id: AURORA(), conferma_nuovo: '1' })));
  assert.ok(id > 0, 'the case is created');
  // The case's own row of the table (the filters above it name everyone).
  const row = (body) => (body.split('<tr>').find((t) => t.includes(`href="/minori/${id}"`)) || '').split('</tr>')[0];
  let list = await r.get(`/minori?q=${cognome}`);
  assert.match(row(list.body), /SAI Casa Aurora/);
  assert.match(row(list.body), new RegExp(`Operatore Uscente ${SERVER}`));
  sql(`UPDATE utenti SET disattivato = 1 WHERE username = '${name}'`);
  list = await r.get(`/minori?q=${cognome}`);
  assert.match(row(list.body), new RegExp(`Operatore Uscente ${SERVER}`), 'still named once disabled');
  assert.doesNotMatch((await r.get('/minori/nuovo')).body, new RegExp(`Operatore Uscente ${SERVER}`), 'no longer offered for new cases');
});

test(`${SERVER}: the list is paged, 25 cases a page, newest first`, async () => {
  const r = await responsabile();
  const total = Number(sql('SELECT count(*) FROM minori'));
  assert.ok(total > 25, `enough cases for two pages (${total})`);
  const numbers = async (p) => [...(await r.get(p)).body.matchAll(/>(MSNA-\d{4}-\d{5})</g)].map((m) => m[1]);
  const first = await r.get('/minori');
  assert.match(first.body, /pagina=2">Pagina successiva/);
  const p1 = await numbers('/minori'), p2 = await numbers('/minori?pagina=2');
  assert.equal(p1.length, 25);
  assert.equal(p2.length, Math.min(25, total - 25));
  assert.ok(!p1.some((n) => p2.includes(n)), 'no case on both pages');
  assert.equal(p1[0], sql('SELECT numero FROM minori ORDER BY id DESC LIMIT 1'));
  const bad = await r.get('/minori?pagina=0');
  assert.equal(bad.status, 200);
  assert.match(bad.body, /Il modulo contiene un errore/, 'a page number out of range is refused');
});
