// Monitoring through the web server: an interview with the minor (its
// rules, Italian messages next to the field, what was typed kept), the
// follow-up action written with it, "le mie azioni" by when they are due,
// an action done (who and when), the responsabile's view of what is
// overdue, and who may do what (a facility never reaches it: 403 and an
// audit row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client, DEMO, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const struttura = (nome) => sql(`SELECT id FROM strutture WHERE nome = '${nome}'`);
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));
const pad = (n) => String(n).padStart(2, '0');
const it = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const days = (n) => new Date(Date.now() + n * 86400000);
let seq = 0;

async function as(who) {
  const c = new Client();
  assert.equal((await c.login(...DEMO[who])).status, 303, `${who} signs in`);
  return c;
}

async function newCase(r, cognome) {
  seq++;
  const token = await r.csrf('/minori/nuovo');
  const res = await r.post('/minori/nuovo', {
    csrf: token, cognome: cognome || `Mon${SERVER}${seq}${Date.now() % 100000}`, nome: 'Nove', sesso: 'M',
    data_nascita: '10/05/2009', paese_nascita: 'Mali', cittadinanza: 'Mali', data_rintraccio: '02/10/2025',
    modalita_rintraccio: 'sbarco', data_403: '02/10/2025', data_presa_in_carico: '03/10/2025',
    struttura_id: struttura('Comunità Il Ponte'), operatore_id: userId('operatore'), conferma_nuovo: '1',
  });
  assert.equal(res.status, 303);
  return Number(res.headers.location.match(/^\/minori\/(\d+)$/)[1]);
}

async function send(c, path, fields) {
  const page = await c.get(path);
  assert.equal(page.status, 200, `GET ${path}`);
  const token = page.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  const invio = page.body.match(/name="invio" value="([0-9a-f]+)"/)?.[1];
  return c.post(path, { csrf: token, ...(invio ? { invio } : {}), ...fields });
}

test(`${SERVER}: an interview with its follow-up action; the form's rules`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const me = userId('operatore');
  const base = `/minori/${id}`;
  assert.match((await o.get(base)).body, new RegExp(`href="${base}/monitoraggio"`), 'the case page links to it');
  const empty = await o.get(`${base}/monitoraggio`);
  assert.equal(empty.status, 200);
  assert.match(empty.body, /Nessun colloquio registrato/);
  let res = await send(o, `${base}/colloqui/nuovo`, { data: '', parole: 'Voglio andare a scuola', azione_chi: 'utente' });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-data"/);
  assert.match(res.body, /Scrivi che cosa va fatto, o lascia vuota tutta l&#39;azione|Scrivi che cosa va fatto, o lascia vuota tutta l'azione/);
  assert.match(res.body, /Voglio andare a scuola/, 'what was typed comes back');
  res = await send(o, `${base}/colloqui/nuovo`, { data: it(days(-1)), azione_cosa: 'Chiamare il CPIA', azione_chi: 'utente' });
  assert.match(res.body, /Scegli l&#39;operatore che deve farlo|Scegli l'operatore che deve farlo/);
  res = await send(o, `${base}/colloqui/nuovo`, { data: it(days(-1)), azione_cosa: 'Chiamare il CPIA', azione_chi: 'servizio' });
  assert.match(res.body, /Indica quale servizio/);
  res = await send(o, `${base}/colloqui/nuovo`, { data: it(days(1)) });
  assert.match(res.body, /id="e-data"/, 'an interview is not in the future');
  assert.equal(count(`colloqui WHERE minore_id = ${id}`), 0, 'nothing written');
  res = await send(o, `${base}/colloqui/nuovo`, {
    data: it(days(-1)), luogo: 'Comunità Il Ponte', partecipanti: 'Omar Operatore', mediatore: 'Awa', lingua: 'bambara',
    area_scuola: '1', area_relazioni: '1', parole: 'Voglio andare a scuola e giocare a calcio',
    valutazione: 'Sereno', azione_cosa: 'Chiamare il CPIA per l\'iscrizione', azione_chi: 'utente',
    azione_utente: me, azione_entro: it(days(-2)),
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `${base}/monitoraggio#colloqui`);
  const c = sql(`SELECT id FROM colloqui WHERE minore_id = ${id}`);
  assert.equal(sql(`SELECT aree FROM colloqui WHERE id = ${c}`), 'scuola,relazioni');
  assert.equal(sql(`SELECT origine || ':' || origine_id || ':' || chi || ':' || utente_id FROM azioni_seguito WHERE minore_id = ${id}`), `colloquio:${c}:utente:${me}`);
  assert.equal(count(`audit WHERE entita = 'colloquio' AND entita_id = ${c} AND azione = 'create'`), 1);
  assert.equal(count(`audit WHERE entita = 'azione' AND azione = 'create' AND dettaglio = 'minore ${id}'`), 1);
  const page = (await o.get(`${base}/monitoraggio`)).body;
  for (const t of ['Voglio andare a scuola e giocare a calcio', 'Scuola e italiano L2, Relazioni e famiglia', 'Chiamare il CPIA', 'scaduta'])
    assert.ok(page.includes(t) || page.includes(t.replace("'", '&#39;')), `the page shows ${t}`);
  // Changed: the areas come back ticked; a second action is added.
  const form = await o.get(`${base}/colloqui/${c}`);
  assert.match(form.body, /name="area_scuola" value="1" checked/);
  assert.doesNotMatch(form.body, /name="area_salute" value="1" checked/);
  res = await send(o, `${base}/colloqui/${c}`, { data: it(days(-1)), area_salute: '1', parole: 'Voglio andare a scuola', azione_cosa: 'Sentire la struttura', azione_chi: 'struttura', azione_entro: it(days(30)) });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT aree FROM colloqui WHERE id = ${c}`), 'salute');
  assert.equal(count(`azioni_seguito WHERE minore_id = ${id}`), 2);
  // Another case's path with this interview: not found.
  const other = await newCase(r);
  assert.equal((await r.get(`/minori/${other}/colloqui/${c}`)).status, 404);
});

test(`${SERVER}: an interview updates the PEI being written: an objective's state, its action in the PEI`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const base = `/minori/${id}`;
  // Without a PEI being written, the form has nothing of it.
  assert.doesNotMatch((await o.get(`${base}/colloqui/nuovo`)).body, /obiettivi del PEI in lavorazione/);
  let token = await o.csrf(`${base}/pei`);
  assert.equal((await o.post(`${base}/pei/apri`, { csrf: token })).status, 303);
  assert.equal((await send(o, `${base}/pei/obiettivi/nuova`, { area: 'scuola', descrizione: 'Licenza media', stato: 'da_avviare' })).status, 303);
  const ob = sql(`SELECT o.id FROM pei_obiettivi o JOIN pei p ON p.id = o.pei_id WHERE p.minore_id = ${id}`);
  const form = await o.get(`${base}/colloqui/nuovo`);
  assert.match(form.body, /Gli obiettivi del PEI in lavorazione/);
  assert.match(form.body, new RegExp(`name="obiettivo_${ob}"[\\s\\S]*?<option value="da_avviare" selected>`), 'the state it has');
  let res = await send(o, `${base}/colloqui/nuovo`, { data: it(days(-1)), [`obiettivo_${ob}`]: 'in_corso', azione_obiettivo: ob });
  assert.match(res.body, /Scrivi prima l&#39;azione di follow-up|Scrivi prima l'azione di follow-up/);
  res = await send(o, `${base}/colloqui/nuovo`, { data: it(days(-1)), [`obiettivo_${ob}`]: 'in_corso', azione_cosa: 'Iscriverlo al CPIA', azione_chi: 'struttura', azione_entro: it(days(20)), azione_obiettivo: ob });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato FROM pei_obiettivi WHERE id = ${ob}`), 'in_corso');
  assert.equal(sql(`SELECT cosa || ':' || chi FROM pei_azioni WHERE obiettivo_id = ${ob}`), 'Iscriverlo al CPIA:struttura');
  assert.equal(count(`azioni_seguito WHERE minore_id = ${id} AND cosa = 'Iscriverlo al CPIA'`), 1, 'and a follow-up action');
  assert.equal(count(`audit WHERE entita = 'pei_obiettivi' AND entita_id = ${ob} AND azione = 'update'`), 1);
  // Submitted: the interview no longer offers the PEI's objectives.
  const v = sql(`SELECT id FROM pei WHERE minore_id = ${id}`);
  token = await o.csrf(`${base}/pei`);
  assert.equal((await o.post(`${base}/pei/${v}/invia`, { csrf: token })).status, 303);
  assert.doesNotMatch((await o.get(`${base}/colloqui/nuovo`)).body, /obiettivi del PEI in lavorazione/);
});

test(`${SERVER}: my actions by when they are due; done records who and when`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const me = userId('operatore');
  const base = `/minori/${id}`;
  for (const [cosa, entro] of [['Scaduta ieri', -1], ['Tra tre giorni', 3], ['Tra un mese', 30]])
    assert.equal((await send(o, `${base}/colloqui/nuovo`, { data: it(days(-2)), azione_cosa: cosa, azione_chi: 'utente', azione_utente: me, azione_entro: it(days(entro)) })).status, 303);
  const mine = (await o.get('/minori/azioni')).body;
  assert.deepEqual(mine.match(/<a href="[^"]*" aria-current="page"/g), ['<a href="/minori/azioni" aria-current="page"'],
    'the navigation marks "Le mie azioni" as the current page, not "Minori" too');
  const at = (t) => mine.indexOf(t);
  assert.ok(at('Scaduta ieri') > at('id="scadute"') && at('Scaduta ieri') < at('id="settimana"'), 'overdue');
  assert.ok(at('Tra tre giorni') > at('id="settimana"') && at('Tra tre giorni') < at('id="avanti"'), 'due this week');
  assert.ok(at('Tra un mese') > at('id="avanti"'), 'later');
  assert.doesNotMatch(mine, /Azioni scadute di tutto l&#39;ufficio|Azioni scadute di tutto l'ufficio/, 'the office\'s overdue list is the responsabile\'s');
  // The responsabile sees every overdue action, the oldest first, 25 a page, to read.
  const a = sql(`SELECT id FROM azioni_seguito WHERE minore_id = ${id} AND cosa = 'Scaduta ieri'`);
  const older = count(`azioni_seguito WHERE stato = 'aperta' AND entro < date('now', 'localtime') AND (entro < (SELECT entro FROM azioni_seguito WHERE id = ${a}) OR (entro = (SELECT entro FROM azioni_seguito WHERE id = ${a}) AND id < ${a}))`);
  const office = (await r.get(`/minori/azioni?pagina=${Math.floor(older / 25) + 1}`)).body;
  assert.match(office, /Scaduta ieri/);
  assert.match(office, new RegExp(`${count(`azioni_seguito WHERE stato = 'aperta' AND entro < date('now', 'localtime')`)} azioni scadute`), 'how many');
  assert.doesNotMatch(office.slice(office.indexOf('id="tutte-scadute"')), /\/fatta"/, 'the office\'s list is to read: done from the case');
  assert.match((await r.get('/minori/azioni?pagina=0')).body, /Azioni scadute di tutto l/, 'a wrong page: the first');
  // Done.
  const token = await o.csrf('/minori/azioni');
  let res = await o.post(`/minori/azioni/${a}/fatta`, { csrf: token });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato || ':' || fatta_da || ':' || (fatta_il IS NOT NULL) FROM azioni_seguito WHERE id = ${a}`), `fatta:${me}:1`);
  assert.doesNotMatch((await o.get('/minori/azioni')).body, /Scaduta ieri/);
  assert.doesNotMatch((await r.get(`/minori/azioni?pagina=${Math.floor(older / 25) + 1}`)).body, new RegExp(`/minori/azioni/${a}/fatta`));
  assert.equal(count(`audit WHERE entita = 'azione' AND entita_id = ${a} AND azione = 'update'`), 1);
  res = await o.post(`/minori/azioni/${a}/fatta`, { csrf: token });
  assert.equal(res.status, 303);
  assert.match((await o.get('/minori/azioni')).body, /Questa azione non è più da fare/, 'twice: told, not done twice');
  assert.equal(count(`audit WHERE entita = 'azione' AND entita_id = ${a} AND azione = 'update'`), 1);
  // From the case's page, back to it.
  const b = sql(`SELECT id FROM azioni_seguito WHERE minore_id = ${id} AND cosa = 'Tra un mese'`);
  res = await o.post(`/minori/azioni/${b}/fatta`, { csrf: token, da: 'caso' });
  assert.equal(res.headers.location, `${base}/monitoraggio#azioni`);
  assert.match((await o.get(`${base}/monitoraggio`)).body, /Fatta il \d\d\/\d\d\/\d{4} da Omar Operatore/);
});

test(`${SERVER}: a contact with the facility, its follow-up action`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const base = `/minori/${id}`;
  let res = await send(o, `${base}/contatti/nuovo`, { data: it(days(-3)), tipo: '', referente: 'Laura, coordinatrice', riscontro_ricevuto: 'Frequenta poco la scuola' });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-tipo"/);
  assert.match(res.body, /id="e-argomento"/);
  assert.match(res.body, /Frequenta poco la scuola/, 'what was typed comes back');
  res = await send(o, `${base}/contatti/nuovo`, { data: it(days(-3)), tipo: 'telefonata', referente: 'Laura, coordinatrice', argomento: 'Frequenza scolastica', riscontro_dato: 'Serve un orario fisso per i compiti', riscontro_ricevuto: 'Frequenta poco la scuola', azione_cosa: 'Incontro con la scuola', azione_chi: 'struttura', azione_entro: it(days(10)) });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `${base}/monitoraggio#contatti`);
  const c = sql(`SELECT id FROM contatti WHERE minore_id = ${id}`);
  assert.equal(sql(`SELECT s.nome FROM contatti c JOIN strutture s ON s.id = c.struttura_id WHERE c.id = ${c}`), 'Comunità Il Ponte', 'the facility of the placement');
  assert.equal(sql(`SELECT origine || ':' || chi FROM azioni_seguito WHERE origine_id = ${c} AND origine = 'contatto'`), 'contatto:struttura');
  const page = (await o.get(`${base}/monitoraggio`)).body;
  for (const t of ['Telefonata del', 'Frequenza scolastica', 'Laura, coordinatrice', 'Frequenta poco la scuola', 'Incontro con la scuola'])
    assert.ok(page.includes(t), `the page shows ${t}`);
  // The facility finds the action given to it on its page.
  const f = await as('struttura');
  assert.match((await f.get('/minori/struttura')).body, /chiesta dall&#39;ufficio: Incontro con la scuola|chiesta dall'ufficio: Incontro con la scuola/);
  res = await send(o, `${base}/contatti/${c}`, { data: it(days(-3)), tipo: 'visita', argomento: 'Frequenza scolastica' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT tipo || ':' || coalesce(referente, '-') FROM contatti WHERE id = ${c}`), 'visita:-');
  assert.equal(Number(sql(`SELECT count(*) FROM audit a JOIN audit_modifiche m ON m.audit_id = a.id WHERE a.entita = 'contatto' AND a.entita_id = ${c} AND a.azione = 'update' AND m.campo = 'tipo'`)), 1);
  const other = await newCase(r);
  assert.equal((await r.get(`/minori/${other}/contatti/${c}`)).status, 404);
});

test(`${SERVER}: the case's timeline, from every module, filterable by kind`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const base = `/minori/${id}`;
  assert.equal((await send(o, `${base}/colloqui/nuovo`, { data: it(days(-2)), luogo: 'Ufficio MSNA' })).status, 303);
  assert.equal((await send(o, `${base}/contatti/nuovo`, { data: it(days(-1)), tipo: 'email', argomento: 'Orari del CPIA' })).status, 303);
  const token = await o.csrf(`/minori/${id}/pei`);
  assert.equal((await o.post(`/minori/${id}/pei/apri`, { csrf: token })).status, 303);
  assert.match((await o.get(base)).body, new RegExp(`href="${base}/cronologia"`));
  const page = await o.get(`${base}/cronologia`);
  assert.equal(page.status, 200);
  const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ :/g, ':');
  for (const t of ['Rintracciato', 'Presa in carico: MSNA-', 'Ingresso in struttura: Comunità Il Ponte', 'Colloquio con il minore: Ufficio MSNA', 'Contatto con la struttura: Orari del CPIA', 'PEI versione 1: Aperta'])
    assert.ok(text.includes(t), `the timeline has ${t}`);
  const at = (t) => text.indexOf(t);
  assert.ok(at('PEI versione 1: Aperta') < at('Contatto con la struttura') && at('Contatto con la struttura') < at('Colloquio con il minore') && at('Colloquio con il minore') < at('Presa in carico: MSNA-'), 'the latest first');
  const only = (await o.get(`${base}/cronologia?tipo=colloquio`)).body.replace(/<[^>]+>/g, ' ');
  assert.ok(only.includes('Colloquio con il minore') && !only.includes('Orari del CPIA') && !only.includes('Ingresso in struttura'), 'one kind only');
  assert.match((await o.get(`${base}/cronologia`)).body, /<option value="contatto">Contatti con la struttura<\/option>/);
  // The case page has the latest six, the way to all of them and to each kind.
  const casePage = (await o.get(base)).body;
  const latest = casePage.slice(casePage.indexOf('id="cronologia"'), casePage.indexOf('</section>', casePage.indexOf('id="cronologia"')));
  const latestText = latest.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ :/g, ':');
  assert.ok(latestText.includes('Ultimi eventi') && latestText.includes('PEI versione 1: Aperta') && latestText.includes('Contatto con la struttura: Orari del CPIA'), latestText);
  assert.ok(latestText.indexOf('PEI versione 1: Aperta') < latestText.indexOf('Contatto con la struttura'), 'the latest first');
  assert.equal((latest.match(/<li /g) || []).length, 6, 'six of them');
  assert.match(latest, new RegExp(`href="${base}/cronologia">Tutta la cronologia`));
  assert.match(latest, new RegExp(`href="${base}/cronologia\\?tipo=colloquio">Colloqui</a>`));
  const s = await as('struttura');
  assert.equal((await s.get(`${base}/cronologia`)).status, 403);
  assert.doesNotMatch((await s.get(base)).body, /Ultimi eventi/, 'not the facility\'s');
  assert.equal(count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${id} AND dettaglio = 'cronologia'`) >= 1, true);
});

test(`${SERVER}: a facility reports a minor missing: notices and the status change to confirm, in one transaction`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const s = await as('struttura');
  const base = `/minori/${id}`;
  assert.match((await s.get(base)).body, new RegExp(`href="${base}/eventi/nuovo"`), 'the facility\'s case page offers it');
  let res = await send(s, `${base}/eventi/nuovo`, { tipo: 'allontanamento', data: it(days(-1)), ora: '25:10', descrizione: 'Non è rientrato dopo la scuola', denuncia_data: it(days(-1)) });
  assert.equal(res.status, 200);
  assert.match(res.body, /Scrivi l&#39;ora come hh:mm|Scrivi l'ora come hh:mm/);
  assert.match(res.body, /indica dove e con chi è stato visto l&#39;ultima volta|indica dove e con chi è stato visto l'ultima volta/);
  assert.match(res.body, /spunta anche la casella/);
  assert.match(res.body, /Non è rientrato dopo la scuola/, 'what was typed comes back');
  const events = () => count(`eventi_critici WHERE minore_id = ${id}`);
  const notices = () => count(`notifiche WHERE href = '${base}'`);
  const proposals = () => count(`stati_proposti WHERE minore_id = ${id}`);
  assert.equal(events(), 0);
  // If any part fails, nothing of it is written.
  sql("CREATE TRIGGER test_blocca_proposte BEFORE INSERT ON stati_proposti BEGIN SELECT RAISE(ABORT, 'test'); END");
  try {
    res = await send(s, `${base}/eventi/nuovo`, { tipo: 'allontanamento', data: it(days(-1)), ora: '21:30', ultimo_avvistamento: 'Stazione Termini, da solo', denuncia: '1', denuncia_data: it(days(-1)), descrizione: 'Non è rientrato dopo la scuola' });
    assert.equal(res.status, 500);
    assert.equal(events(), 0, 'no event');
    assert.equal(notices(), 0, 'no notice');
  } finally {
    sql('DROP TRIGGER test_blocca_proposte');
  }
  res = await send(s, `${base}/eventi/nuovo`, { tipo: 'allontanamento', data: it(days(-1)), ora: '21:30', ultimo_avvistamento: 'Stazione Termini, da solo', denuncia: '1', denuncia_data: it(days(-1)), descrizione: 'Non è rientrato dopo la scuola' });
  assert.equal(res.status, 303);
  assert.equal(events(), 1);
  assert.equal(proposals(), 1);
  const responsabili = count(`utenti WHERE ruolo = 'responsabile' AND disattivato = 0`);
  assert.equal(notices(), responsabili + 1, 'the case worker and every responsabile');
  assert.equal(count(`notifiche WHERE href = '${base}' AND utente_id = ${userId('operatore')}`), 1);
  assert.doesNotMatch(sql(`SELECT group_concat(testo) FROM notifiche WHERE href = '${base}'`), /Mon|Nove/, 'no name in the notice: the case number');
  // The case worker sees it on the home page, and opens it.
  const o = await as('operatore');
  const home = (await o.get('/')).body;
  assert.match(home, /Da vedere subito/);
  assert.match(home, /allontanamento segnalato il/);
  const n = sql(`SELECT id FROM notifiche WHERE href = '${base}' AND utente_id = ${userId('operatore')}`);
  const token = await o.csrf('/');
  res = await o.post(`/notifiche/${n}/letta`, { csrf: token });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, base);
  assert.doesNotMatch((await o.get('/')).body, /allontanamento segnalato il/, 'read: gone from the home page');
  // The office confirms the status change: the case is missing, the placement ends.
  const page = (await r.get(base)).body;
  assert.match(page, /Cambi di stato da confermare/);
  const p = sql(`SELECT id FROM stati_proposti WHERE minore_id = ${id}`);
  const t2 = await r.csrf(base);
  res = await r.post(`${base}/proposte/${p}/conferma`, { csrf: t2 });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato FROM minori WHERE id = ${id}`), 'allontanato');
  assert.equal(sql(`SELECT struttura_id IS NULL FROM minori WHERE id = ${id}`), '1');
  assert.equal(sql(`SELECT esito FROM stati_proposti WHERE id = ${p}`), 'confermato');
  res = await r.post(`${base}/proposte/${p}/conferma`, { csrf: t2 });
  assert.match((await r.get(base)).body, /già stata decisa/);
  // The facility no longer has the minor: it reports nothing more on them.
  assert.equal((await s.get(`${base}/eventi/nuovo`)).status, 403);
  // The office sees the event on the monitoring page and the timeline.
  assert.match((await r.get(`${base}/monitoraggio`)).body, /Allontanamento<\/strong> il/);
  assert.match((await r.get(`${base}/cronologia`)).body, /Allontanamento/);
});

test(`${SERVER}: other events notify nobody; a facility reports only on its minors`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const s = await as('struttura');
  assert.equal((await send(s, `/minori/${id}/eventi/nuovo`, { tipo: 'conflitto', data: it(days(-1)), descrizione: 'Lite in stanza, nessun ferito' })).status, 303);
  assert.equal(count(`notifiche WHERE href = '/minori/${id}'`), 0);
  assert.equal(count(`stati_proposti WHERE minore_id = ${id}`), 0);
  const elsewhere = await newCase(r);
  sql(`UPDATE minori SET struttura_id = (SELECT id FROM strutture WHERE nome = 'SAI Casa Aurora') WHERE id = ${elsewhere}`);
  const before = count(`audit WHERE azione = 'permission_denied' AND entita = 'minore' AND entita_id = ${elsewhere}`);
  assert.equal((await s.get(`/minori/${elsewhere}/eventi/nuovo`)).status, 403);
  assert.equal(count(`audit WHERE azione = 'permission_denied' AND entita = 'minore' AND entita_id = ${elsewhere}`), before + 1);
  // Another operatore cannot report on a case that is not theirs.
  const x = await as('operatrice');
  assert.equal((await x.get(`/minori/${id}/eventi/nuovo`)).status, 403);
});

test(`${SERVER}: the facility's periodic report: draft, sent (then fixed), read with feedback`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const s = await as('struttura');
  const base = `/minori/${id}`;
  const numero = sql(`SELECT numero FROM minori WHERE id = ${id}`);
  const mine = await s.get(`/minori/struttura?q=${numero}`);
  assert.equal(mine.status, 200);
  assert.match(mine.body, new RegExp(`href="${base}/relazioni/nuova"`), 'due: write it');
  assert.equal((mine.body.match(/<tr>/g) || []).length, 2, 'found by its number: the header and its row');
  let res = await send(s, `${base}/relazioni/nuova`, { periodo: '13/2026', scuola: 'Frequenta il CPIA tre mattine' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Scrivi il mese come mm\/aaaa/);
  assert.match(res.body, /Frequenta il CPIA tre mattine/);
  res = await send(s, `${base}/relazioni/nuova`, { periodo: '11/2026', scuola: 'Frequenta il CPIA tre mattine' });
  assert.equal(res.status, 303);
  const rel = sql(`SELECT id FROM relazioni WHERE minore_id = ${id}`);
  assert.equal(sql(`SELECT periodo || ':' || stato FROM relazioni WHERE id = ${rel}`), '2026-11:bozza');
  res = await send(s, `${base}/relazioni/nuova`, { periodo: '11/2026' });
  assert.match(res.body, /C&#39;è già una relazione di questo mese|C'è già una relazione di questo mese/);
  // Sent only when complete.
  let token = await s.csrf(`${base}/relazioni/${rel}`);
  res = await s.post(`${base}/relazioni/${rel}/invia`, { csrf: token });
  assert.equal(res.status, 303);
  assert.match((await s.get(`${base}/relazioni/${rel}`)).body, /La relazione non è completa/);
  assert.equal(sql(`SELECT stato FROM relazioni WHERE id = ${rel}`), 'bozza');
  res = await send(s, `${base}/relazioni/${rel}`, { periodo: '11/2026', scuola: 'Frequenta il CPIA tre mattine', italiano: 'Livello A1 raggiunto', salute: 'Bene', comportamento: 'Sereno con gli altri ragazzi', azioni: 'Iscrizione fatta' });
  assert.equal(res.status, 303);
  token = await s.csrf(`${base}/relazioni/${rel}`);
  res = await s.post(`${base}/relazioni/${rel}/invia`, { csrf: token });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato FROM relazioni WHERE id = ${rel}`), 'inviata');
  // Sent: the facility's changes are refused, what it typed kept; the database refuses too.
  token = await s.csrf('/minori/struttura');
  res = await s.post(`${base}/relazioni/${rel}`, { csrf: token, periodo: '11/2026', scuola: 'Cambiato dopo' });
  assert.equal(res.status, 200);
  assert.match(res.body, /già stata inviata all&#39;ufficio|già stata inviata all'ufficio/);
  assert.match(res.body, /Cambiato dopo/);
  assert.equal(sql(`SELECT scuola FROM relazioni WHERE id = ${rel}`), 'Frequenta il CPIA tre mattine');
  assert.throws(() => sql(`UPDATE relazioni SET scuola = 'x' WHERE id = ${rel}`), /a report sent is not changed/);
  // The office reads it, with feedback the facility sees.
  const o = await as('operatore');
  assert.match((await o.get(`${base}/monitoraggio`)).body, /Livello A1 raggiunto/);
  token = await o.csrf(`${base}/monitoraggio`);
  res = await o.post(`${base}/relazioni/${rel}/letta`, { csrf: token, riscontro: 'Bene, continuate così' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato || ':' || riscontro FROM relazioni WHERE id = ${rel}`), 'letta:Bene, continuate così');
  assert.match((await s.get('/minori/struttura')).body, /Bene, continuate così/);
  res = await o.post(`${base}/relazioni/${rel}/letta`, { csrf: token, riscontro: 'Di nuovo' });
  assert.equal(sql(`SELECT riscontro FROM relazioni WHERE id = ${rel}`), 'Bene, continuate così', 'read once');
  // Only the facility writes reports; another facility's minor is out of reach.
  assert.equal((await o.get(`${base}/relazioni/nuova`)).status, 403);
  const elsewhere = await newCase(r);
  sql(`UPDATE minori SET struttura_id = (SELECT id FROM strutture WHERE nome = 'SAI Casa Aurora') WHERE id = ${elsewhere}`);
  const d = count(`audit WHERE azione = 'permission_denied' AND entita = 'minore' AND entita_id = ${elsewhere}`);
  assert.equal((await s.get(`/minori/${elsewhere}/relazioni/nuova`)).status, 403);
  assert.equal(count(`audit WHERE azione = 'permission_denied' AND entita = 'minore' AND entita_id = ${elsewhere}`), d + 1);
  assert.equal((await s.get(`/minori/${elsewhere}/relazioni/${rel}`)).status, 403);
  assert.equal((await o.get('/minori/struttura')).status, 403);
});

test(`${SERVER}: the periodic report tells how each PEI action given to the facility is going`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const base = `/minori/${id}`;
  // A PEI in force with two actions for the facility (one done) and one for the worker.
  let token = await o.csrf(`${base}/pei`);
  assert.equal((await o.post(`${base}/pei/apri`, { csrf: token })).status, 303);
  assert.equal((await send(o, `${base}/pei/obiettivi/nuova`, { area: 'scuola', descrizione: 'Licenza media', stato: 'in_corso' })).status, 303);
  const ob = sql(`SELECT o.id FROM pei_obiettivi o JOIN pei p ON p.id = o.pei_id WHERE p.minore_id = ${id}`);
  for (const [cosa, chi, stato, entro] of [['Accompagnarlo al CPIA', 'struttura', 'da_fare', '30/11/2027'], ['Prima visita medica', 'struttura', 'fatta', ''], ['Trovare una squadra', 'operatore', 'da_fare', '']])
    assert.equal((await send(o, `${base}/pei/obiettivi/${ob}/azioni/nuova`, { cosa, chi, stato, entro })).status, 303, cosa);
  const v = sql(`SELECT id FROM pei WHERE minore_id = ${id}`);
  token = await o.csrf(`${base}/pei`);
  assert.equal((await o.post(`${base}/pei/${v}/invia`, { csrf: token })).status, 303);
  token = await r.csrf(`${base}/pei`);
  assert.equal((await r.post(`${base}/pei/${v}/decisione`, { csrf: token, decisione: 'approva' })).status, 303);
  assert.equal(sql(`SELECT stato FROM pei WHERE id = ${v}`), 'approvata');
  const azione = sql(`SELECT id FROM pei_azioni WHERE pei_id = ${v} AND cosa = 'Accompagnarlo al CPIA'`);
  // The form asks for the open facility action only.
  const s = await as('struttura');
  const form = (await s.get(`${base}/relazioni/nuova`)).body;
  assert.match(form, /Le azioni del PEI affidate alla struttura/);
  assert.match(form, new RegExp(`<label[^>]*for="f-avanzamento_${azione}"[^>]*>Accompagnarlo al CPIA \\(entro il 30/11/2027\\)`));
  assert.doesNotMatch(form, /Prima visita medica|Trovare una squadra/, 'not what is done, not what is not the facility\'s');
  const whole = { periodo: '11/2026', scuola: 'Frequenta', italiano: 'A1', salute: 'Bene', comportamento: 'Sereno' };
  let res = await send(s, `${base}/relazioni/nuova`, whole);
  assert.equal(res.status, 303);
  const rel = sql(`SELECT id FROM relazioni WHERE minore_id = ${id}`);
  // Sent without the action's progress: refused, still a draft.
  token = await s.csrf(`${base}/relazioni/${rel}`);
  assert.equal((await s.post(`${base}/relazioni/${rel}/invia`, { csrf: token })).status, 303);
  assert.match((await s.get(`${base}/relazioni/${rel}`)).body, /scrivi come va ciascuna azione del PEI affidata alla struttura/);
  assert.equal(sql(`SELECT stato FROM relazioni WHERE id = ${rel}`), 'bozza');
  // Its progress written: kept, shown again, audited field by field.
  res = await send(s, `${base}/relazioni/${rel}`, { ...whole, [`avanzamento_${azione}`]: 'Iscritto, frequenta tre mattine' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT cosa || '|' || entro || '|' || avanzamento FROM relazioni_azioni WHERE relazione_id = ${rel}`), 'Accompagnarlo al CPIA|30/11/2027|Iscritto, frequenta tre mattine');
  assert.match((await s.get(`${base}/relazioni/${rel}`)).body, /Iscritto, frequenta tre mattine<\/textarea>/);
  assert.equal(sql(`SELECT coalesce(m.prima, '-') || '>' || m.dopo FROM audit a JOIN audit_modifiche m ON m.audit_id = a.id WHERE a.entita = 'relazione' AND a.entita_id = ${rel} AND m.campo = 'avanzamento_${azione}'`), '->Iscritto, frequenta tre mattine');
  token = await s.csrf(`${base}/relazioni/${rel}`);
  assert.equal((await s.post(`${base}/relazioni/${rel}/invia`, { csrf: token })).status, 303);
  assert.equal(sql(`SELECT stato FROM relazioni WHERE id = ${rel}`), 'inviata');
  assert.throws(() => sql(`UPDATE relazioni_azioni SET avanzamento = 'x' WHERE relazione_id = ${rel}`), /a report sent is not changed/);
  assert.throws(() => sql(`DELETE FROM relazioni_azioni WHERE relazione_id = ${rel}`), /a report sent is not changed/);
  // The office reads each action's progress.
  const page = (await o.get(`${base}/monitoraggio`)).body;
  assert.match(page, /<strong>Accompagnarlo al CPIA<\/strong> \(entro il 30\/11\/2027\)<br><span class="approdo-pre">Iscritto, frequenta tre mattine/);
});

test(`${SERVER}: the facility's page: its minors 25 a page in name order, found by name or number, never another facility's`, async () => {
  const r = await as('responsabile');
  // Names of letters only (a search with digits is one by code), their own.
  const letters = (n) => String(n).replace(/\d/g, (d) => 'abcdefghij'[d]);
  const cognome = `Pontina${letters(Date.now())}`;
  const cognome2 = `Aurorina${letters(Date.now())}`;
  const mine = await newCase(r, cognome);
  const other = await newCase(r, cognome2);
  sql(`UPDATE minori SET struttura_id = (SELECT id FROM strutture WHERE nome = 'SAI Casa Aurora') WHERE id = ${other}`);
  const s = await as('struttura');
  const ponte = struttura('Comunità Il Ponte');
  const ids = (body) => [...body.matchAll(/<th scope="row"><a href="\/minori\/(\d+)">/g)].map((m) => Number(m[1]));
  const inOrder = (offset) => sql(`SELECT group_concat(id) FROM (SELECT id FROM minori WHERE struttura_id = ${ponte} ORDER BY cognome COLLATE NOCASE, nome COLLATE NOCASE, id LIMIT 25 OFFSET ${offset})`).split(',').map(Number);
  while (count(`minori WHERE struttura_id = ${ponte}`) <= 25) await newCase(r);
  const first = (await s.get('/minori/struttura')).body;
  assert.deepEqual(ids(first), inOrder(0), 'the first 25 in name order');
  assert.match(first, /href="\/minori\/struttura\?q=&amp;pagina=2">Pagina successiva/);
  assert.doesNotMatch(first, /Pagina precedente/);
  const second = (await s.get('/minori/struttura?pagina=2')).body;
  assert.deepEqual(ids(second), inOrder(25), 'the next 25');
  assert.match(second, /Pagina precedente/);
  assert.deepEqual(ids((await s.get('/minori/struttura?pagina=abc')).body), inOrder(0), 'a wrong page: the first');
  // Found by number and by name; another facility's minor never.
  const numero = sql(`SELECT numero FROM minori WHERE id = ${mine}`);
  assert.deepEqual(ids((await s.get(`/minori/struttura?q=${numero.toLowerCase()}`)).body), [mine], 'by number, any case');
  assert.deepEqual(ids((await s.get(`/minori/struttura?q=${encodeURIComponent(cognome)}`)).body), [mine], 'by name');
  const numero2 = sql(`SELECT numero FROM minori WHERE id = ${other}`);
  for (const q of [numero2, cognome2]) {
    const found = (await s.get(`/minori/struttura?q=${encodeURIComponent(q)}`)).body;
    assert.deepEqual(ids(found), [], `another facility's minor is not found by ${q === numero2 ? 'number' : 'name'}`);
    assert.match(found, /Nessun minore accolto corrisponde alla ricerca/);
  }
  // No letter and no digit: told next to the field, what was typed kept.
  const bad = (await s.get(`/minori/struttura?q=${encodeURIComponent('%% !')}`)).body;
  assert.match(bad, /id="e-q"[^>]*>Scrivi almeno una lettera del nome o il numero del fascicolo/);
  assert.match(bad, /name="q"[^>]*value="%% !"/);
  assert.deepEqual(ids(bad), []);
  // The searches are GETs; the access log has their path, never the name typed.
  const log = readFileSync(`${process.env.STATEDIR}/log/approdo-access.log`, 'utf8');
  assert.match(log, /GET \/minori\/struttura /);
  for (const name of [cognome, cognome2]) assert.ok(!log.includes(name), `the access log does not name ${name}`);
});

test(`${SERVER}: a team meeting with two minors, their decisions and actions; its minutes`, async () => {
  const r = await as('responsabile');
  const a = await newCase(r), b = await newCase(r);
  const num = (id) => sql(`SELECT numero FROM minori WHERE id = ${id}`);
  const [me, op, fac, admin] = ['responsabile', 'operatore', 'struttura', 'admin'].map(userId);
  const box = (id) => new RegExp(`name="partecipante_${id}" value="1"( checked)?>`);
  const ticked = (body, id) => body.match(box(id))?.[1] === ' checked';
  const meetings = () => count('riunioni');
  // The office's people, a box each; the author's ticked. Not a facility's
  // user, nor the administrator.
  let form = (await r.get('/minori/riunioni/nuova')).body;
  assert.ok(ticked(form, me), 'the author takes part');
  assert.match(form, box(op));
  assert.ok(!ticked(form, op), 'the others are not ticked');
  assert.doesNotMatch(form, box(fac), "no facility's user");
  assert.doesNotMatch(form, box(admin), 'no administrator');
  assert.match(form, /<legend class="h4">Partecipanti dell&#39;ufficio \(almeno uno\)<\/legend>/);
  const before = meetings();
  // Nobody of the office: refused under the group's legend, the rest kept.
  let res = await send(r, '/minori/riunioni/nuova', { data: it(days(-1)), luogo: 'Dipartimento', tipo: 'caso', esterni: 'Giulia Neri, tutrice volontaria' });
  assert.equal(res.status, 200);
  const first = res.body.match(/name="(partecipante_\d+)"/)[1];
  assert.match(res.body, new RegExp(`<fieldset class="mb-4" aria-describedby="e-${first}"><legend class="h4">Partecipanti dell&#39;ufficio \\(almeno uno\\)</legend>\\s*<div id="e-${first}" class="invalid-feedback d-block mb-2">Indica almeno un partecipante dell&#39;ufficio.</div>`));
  assert.match(res.body, /Giulia Neri, tutrice volontaria/);
  assert.match(res.body, /<option value="caso" selected>/);
  assert.match(res.body, /value="Dipartimento"/);
  assert.ok(!ticked(res.body, me), 'what was sent comes back: nobody ticked');
  res = await send(r, '/minori/riunioni/nuova', { data: it(days(-1)), luogo: 'Dipartimento', tipo: '', [`partecipante_${op}`]: '1', esterni: 'Giulia Neri, tutrice volontaria' });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-tipo"/);
  assert.doesNotMatch(res.body, /Indica almeno un partecipante/);
  assert.ok(ticked(res.body, op) && !ticked(res.body, me), 'the boxes come back as ticked');
  assert.equal(meetings(), before, 'nothing written');
  // A box for a facility's user is none of the form's: not stored.
  res = await send(r, '/minori/riunioni/nuova', { data: it(days(-1)), luogo: 'Dipartimento', tipo: 'caso', [`partecipante_${me}`]: '1', [`partecipante_${op}`]: '1', [`partecipante_${fac}`]: '1', esterni: 'Giulia Neri, tutrice volontaria\nMarco Blu, educatore, Comunità Il Ponte' });
  assert.equal(res.status, 303);
  const m = Number(res.headers.location.match(/^\/minori\/riunioni\/(\d+)$/)[1]);
  assert.equal(sql(`SELECT group_concat(utente_id) FROM (SELECT utente_id FROM riunioni_partecipanti WHERE riunione_id = ${m} ORDER BY utente_id)`), [me, op].sort((x, y) => x - y).join(','));
  assert.equal(sql(`SELECT interni IS NULL FROM riunioni WHERE id = ${m}`), '1', 'no free text for the office any more');
  const created = sql(`SELECT m.dopo FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita = 'riunione' AND a.entita_id = ${m} AND a.azione = 'create' AND m.campo = 'partecipanti'`);
  assert.deepEqual(created.split(',').sort(), [me, op].sort(), 'the create row lists who took part');
  res = await send(r, `/minori/riunioni/${m}/minori/nuovo`, { numero: 'MSNA-1999-99999', esito: 'resta_aperto' });
  assert.match(res.body, /Non c&#39;è un fascicolo con questo numero|Non c'è un fascicolo con questo numero/);
  res = await send(r, `/minori/riunioni/${m}/minori/nuovo`, { numero: num(a), situazione: 'Frequenta la scuola', decisioni: 'Iscrizione al corso di elettricista', esito: 'resta_aperto', azione_cosa: 'Cercare il corso', azione_chi: 'utente', azione_utente: userId('operatore'), azione_entro: it(days(14)) });
  assert.equal(res.status, 303);
  res = await send(r, `/minori/riunioni/${m}/minori/nuovo`, { numero: num(b), decisioni: 'Trasferimento in seconda accoglienza', esito: 'da_trasferire' });
  assert.equal(res.status, 303);
  res = await send(r, `/minori/riunioni/${m}/minori/nuovo`, { numero: num(b), esito: 'altro' });
  assert.match(res.body, /già tra quelli discussi/);
  assert.equal(count(`riunioni_minori WHERE riunione_id = ${m}`), 2);
  assert.equal(sql(`SELECT origine || ':' || origine_id || ':' || minore_id FROM azioni_seguito WHERE origine = 'riunione' AND origine_id = ${m}`), `riunione:${m}:${a}`);
  const minutes = (await r.get(`/minori/riunioni/${m}`)).body;
  assert.match(minutes, /<dt class="col-sm-4">Per l'ufficio<\/dt><dd class="col-sm-8">Omar Operatore, Rita Responsabile<\/dd>/, 'the office\'s people by name');
  for (const t of ['Verbale della riunione d&#39;équipe', 'Discussione del caso', 'Marco Blu, educatore, Comunità Il Ponte', 'Iscrizione al corso di elettricista', 'Trasferimento in seconda accoglienza', 'Da trasferire', 'Cercare il corso'])
    assert.ok(minutes.includes(t) || minutes.includes(t.replace('&#39;', "'")), `the minutes have ${t}`);
  assert.ok(count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id IN (${a}, ${b}) AND dettaglio = 'riunione'`) >= 2, 'each case seen is a view row');
  assert.match((await r.get('/minori/riunioni')).body, new RegExp(`/minori/riunioni/${m}`));
  // A meeting recorded before the office's people were chosen: its text.
  const old = sql(`INSERT INTO riunioni (data, tipo, interni, autore_id) VALUES ('2026-01-15', 'altro', 'Rita e Omar', ${me}) RETURNING id`);
  assert.match((await r.get(`/minori/riunioni/${old}`)).body, /<dt class="col-sm-4">Per l'ufficio<\/dt><dd class="col-sm-8 approdo-pre">Rita e Omar<\/dd>/);
  assert.match((await r.get(`/minori/${b}/monitoraggio`)).body, /Da trasferire/);
  assert.match((await r.get(`/minori/${a}/cronologia`)).body, /Riunione d&#39;équipe: Discussione del caso|Riunione d'équipe: Discussione del caso/);
  // Decisions only on the cases one may change; a facility reads no minutes.
  const x = await as('operatrice');
  res = await send(x, `/minori/riunioni/${m}/minori/nuovo`, { numero: num(a), esito: 'altro' });
  assert.match(res.body, /non è tra i tuoi/);
  const s = await as('struttura');
  assert.equal((await s.get(`/minori/riunioni/${m}`)).status, 403);
  assert.equal((await s.get('/minori/riunioni')).status, 403);
});

test(`${SERVER}: a minor discussed at a meeting updates the PEI being written: objectives' states, the action in the PEI, audited, all or nothing`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const o = await as('operatore');
  const numero = sql(`SELECT numero FROM minori WHERE id = ${id}`);
  const base = `/minori/${id}`;
  const token = await o.csrf(`${base}/pei`);
  assert.equal((await o.post(`${base}/pei/apri`, { csrf: token })).status, 303);
  assert.equal((await send(o, `${base}/pei/obiettivi/nuova`, { area: 'scuola', descrizione: 'Licenza media', stato: 'da_avviare' })).status, 303);
  assert.equal((await send(o, `${base}/pei/obiettivi/nuova`, { area: 'salute', descrizione: 'Visita dal medico di base', stato: 'in_corso' })).status, 303);
  const [ob, ob2] = sql(`SELECT o.id FROM pei_obiettivi o JOIN pei p ON p.id = o.pei_id WHERE p.minore_id = ${id} ORDER BY o.id`).split('\n');
  let res = await send(o, '/minori/riunioni/nuova', { data: it(days(-1)), tipo: 'revisione_pei', [`partecipante_${userId('operatore')}`]: '1' });
  assert.equal(res.status, 303);
  const m = Number(res.headers.location.match(/^\/minori\/riunioni\/(\d+)$/)[1]);
  const path = `/minori/riunioni/${m}/minori/nuovo`;
  assert.doesNotMatch((await o.get(path)).body, /obiettivi del PEI in lavorazione/, 'no case yet, no PEI');
  const views = () => count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${id} AND dettaglio = 'riunione'`);
  const written = () => count(`riunioni_minori WHERE riunione_id = ${m}`) + count(`azioni_seguito WHERE minore_id = ${id}`) + count(`pei_azioni a JOIN pei_obiettivi o ON o.id = a.obiettivo_id WHERE o.id IN (${ob}, ${ob2})`);
  const state = (o) => sql(`SELECT stato FROM pei_obiettivi WHERE id = ${o}`);
  const seen = views();
  const cosa = "Iscriverlo all'esame di licenza media";
  const typed = { numero, situazione: 'Frequenta il CPIA', decisioni: "Iscriverlo all'esame", esito: 'resta_aperto', azione_cosa: cosa, azione_chi: 'struttura', azione_entro: it(days(30)) };
  // Sent without them, the form comes back with the objectives, from
  // their states, and all that was typed: nothing is written yet.
  res = await send(o, path, typed);
  assert.equal(res.status, 200);
  assert.match(res.body, /Il minore ha un PEI in lavorazione/);
  assert.match(res.body, /<legend class="h4">Gli obiettivi del PEI in lavorazione<\/legend>/);
  assert.match(res.body, /<label for="f-obiettivo_\d+" class="active">Scuola e italiano L2: Licenza media<\/label>/);
  assert.match(res.body, new RegExp(`name="obiettivo_${ob}"[^>]*>[\\s\\S]*?<option value="da_avviare" selected>`), 'the state it has');
  assert.match(res.body, new RegExp(`name="obiettivo_${ob2}"[^>]*>[\\s\\S]*?<option value="in_corso" selected>`));
  assert.match(res.body, /name="azione_obiettivo"/);
  assert.doesNotMatch(res.body, /class="invalid-feedback/, 'no error: one more step');
  for (const t of ['Frequenta il CPIA', 'Iscriverlo all&#39;esame di licenza media', `value="${numero}"`]) assert.ok(res.body.includes(t), `kept: ${t}`);
  assert.equal(written(), 0, 'nothing written');
  assert.equal(views(), seen + 1, 'the PEI shown is a view of the case');
  const pei = { [`obiettivo_${ob}`]: 'in_corso', [`obiettivo_${ob2}`]: 'in_corso', azione_obiettivo: ob };
  // An action in the PEI needs the action.
  res = await send(o, path, { ...typed, azione_cosa: '', azione_chi: '', azione_entro: '', ...pei });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-azione_obiettivo"[^>]*>Scrivi prima l&#39;azione di follow-up che va nel PEI./);
  assert.equal(written(), 0);
  assert.equal(state(ob), 'da_avviare');
  // A write that fails (the PEI's actions refused, for this test) leaves
  // nothing half-written: one transaction.
  sql("CREATE TRIGGER test_riunione_rifiuta BEFORE INSERT ON pei_azioni BEGIN SELECT RAISE(ABORT, 'rifiutata dal test'); END");
  try {
    res = await send(o, path, { ...typed, ...pei });
  } finally {
    sql('DROP TRIGGER test_riunione_rifiuta');
  }
  assert.equal(res.status, 500);
  assert.equal(written(), 0, 'no minor discussed, no follow-up action');
  assert.equal(state(ob), 'da_avviare', 'no objective changed');
  // Whole.
  res = await send(o, path, { ...typed, ...pei });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/minori/riunioni/${m}#minori`);
  assert.equal(state(ob), 'in_corso');
  assert.equal(state(ob2), 'in_corso');
  assert.equal(sql(`SELECT cosa || ':' || chi || ':' || entro FROM pei_azioni WHERE obiettivo_id = ${ob}`), `${cosa}:struttura:${sql(`SELECT entro FROM azioni_seguito WHERE minore_id = ${id}`)}`);
  assert.equal(sql(`SELECT origine || ':' || origine_id || ':' || chi FROM azioni_seguito WHERE minore_id = ${id}`), `riunione:${m}:struttura`, 'and the follow-up action');
  // Each change its audit row: the objective changed (not the one left
  // as it was), the PEI's action, the follow-up action, the minor discussed.
  const x = sql(`SELECT id FROM riunioni_minori WHERE riunione_id = ${m} AND minore_id = ${id}`);
  const pa = sql(`SELECT id FROM pei_azioni WHERE obiettivo_id = ${ob}`);
  const changed = sql(`SELECT m.prima || '>' || m.dopo FROM audit a JOIN audit_modifiche m ON m.audit_id = a.id WHERE a.entita = 'pei_obiettivi' AND a.entita_id = ${ob} AND a.azione = 'update' AND m.campo = 'stato'`);
  assert.equal(changed, 'da_avviare>in_corso');
  assert.equal(count(`audit WHERE entita = 'pei_obiettivi' AND entita_id = ${ob2} AND azione = 'update'`), 0);
  assert.equal(count(`audit WHERE entita = 'pei_azioni' AND entita_id = ${pa} AND azione = 'create' AND dettaglio = 'pei.azioni'`), 1);
  assert.equal(count(`audit WHERE entita = 'azione' AND azione = 'create' AND dettaglio = 'minore ${id}'`), 1);
  assert.equal(count(`audit WHERE entita = 'riunione_minore' AND entita_id = ${x} AND azione = 'create' AND dettaglio = 'riunione ${m}, minore ${id}'`), 1);
  assert.match((await o.get(`${base}/pei`)).body, /Iscriverlo all&#39;esame di licenza media/, "on the PEI's page");
  // Another worker's case: refused, its PEI not shown, the refusal audited.
  const x2 = await as('operatrice');
  res = await send(x2, `/minori/riunioni/${m}/minori/nuovo`, { numero, esito: 'altro' });
  assert.match(res.body, /non è tra i tuoi/);
  assert.doesNotMatch(res.body, /obiettivi del PEI in lavorazione|Licenza media/);
  assert.equal(count(`audit WHERE azione = 'permission_denied' AND entita = 'riunione' AND entita_id = ${m} AND dettaglio = 'minore ${id}' AND username = 'operatrice'`), 1);
  // Already discussed: no PEI offered again.
  res = await send(o, path, { numero, esito: 'altro' });
  assert.match(res.body, /già tra quelli discussi/);
  assert.doesNotMatch(res.body, /obiettivi del PEI in lavorazione/);
});

test(`${SERVER}: a facility user and another facility's minor: every URL is a 403 and an audit row`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  let token = await r.csrf(`/minori/${id}/pei`);
  await r.post(`/minori/${id}/pei/apri`, { csrf: token });
  const v = sql(`SELECT id FROM pei WHERE minore_id = ${id}`);
  sql(`UPDATE minori SET struttura_id = (SELECT id FROM strutture WHERE nome = 'SAI Casa Aurora') WHERE id = ${id}`);
  const s = await as('struttura');
  const gets = ['', '/pei', `/pei/versioni/${v}`, `/pei/versioni/${v}/stampa`, `/pei/versioni/${v}/pdf`, '/pei/confronto',
    '/pei/anamnesi', '/pei/percorso/eta', '/monitoraggio', '/cronologia', '/colloqui/nuovo', '/contatti/nuovo',
    '/eventi/nuovo', '/relazioni/nuova', '/anagrafica', '/tutela', '/stato', '/documenti/nuovo'];
  // Refused by the case's check (entita minore) or by the page's role
  // (entita pagina, the path as detail): an audit row either way.
  const refusals = () => count(`audit WHERE azione = 'permission_denied' AND ((entita = 'minore' AND entita_id = ${id}) OR (entita = 'pagina' AND (dettaglio = '/minori/${id}' OR dettaglio LIKE '/minori/${id}/%')))`);
  for (const g of gets) {
    const before = refusals();
    assert.equal((await s.get(`/minori/${id}${g}`)).status, 403, `GET /minori/N${g}`);
    assert.equal(refusals(), before + 1, `GET /minori/N${g}: an audit row`);
  }
  token = await s.csrf('/minori/struttura');
  for (const p of ['/eventi/nuovo', '/relazioni/nuova', '/pei/apri', `/pei/${v}/invia`]) {
    const before = count(`audit WHERE azione = 'permission_denied'`);
    assert.equal((await s.post(`/minori/${id}${p}`, { csrf: token, tipo: 'conflitto', data: it(days(-1)), descrizione: 'xxx', periodo: '11/2026' })).status, 403, `POST /minori/N${p}`);
    assert.ok(count(`audit WHERE azione = 'permission_denied'`) > before, `POST /minori/N${p}: an audit row`);
  }
  assert.equal(count(`eventi_critici WHERE minore_id = ${id}`) + count(`relazioni WHERE minore_id = ${id}`), 0, 'nothing written');
});

test(`${SERVER}: who may do what`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const base = `/minori/${id}`;
  const o = await as('operatore');
  await send(o, `${base}/colloqui/nuovo`, { data: it(days(-1)), azione_cosa: 'Per Omar', azione_chi: 'utente', azione_utente: userId('operatore'), azione_entro: it(days(5)) });
  const a = sql(`SELECT id FROM azioni_seguito WHERE minore_id = ${id}`);
  // Another operatore reads the case's page, changes nothing.
  const x = await as('operatrice');
  assert.equal((await x.get(`${base}/monitoraggio`)).status, 200);
  assert.doesNotMatch((await x.get(`${base}/monitoraggio`)).body, /colloqui\/nuovo|Segna come fatta/);
  assert.equal((await x.get(`${base}/colloqui/nuovo`)).status, 403);
  const token = await x.csrf('/minori/azioni');
  assert.equal((await x.post(`/minori/azioni/${a}/fatta`, { csrf: token })).status, 403);
  assert.equal(sql(`SELECT stato FROM azioni_seguito WHERE id = ${a}`), 'aperta');
  // A facility reaches none of it: 403 and an audit row.
  const s = await as('struttura');
  const before = count(`audit WHERE azione = 'permission_denied'`);
  for (const p of [`${base}/monitoraggio`, `${base}/colloqui/nuovo`, `${base}/contatti/nuovo`, '/minori/azioni'])
    assert.equal((await s.get(p)).status, 403, p);
  assert.ok(count(`audit WHERE azione = 'permission_denied'`) >= before + 4, 'each refusal is an audit row');
  assert.doesNotMatch((await s.get(base)).body, /monitoraggio/, 'no link for a facility');
});
