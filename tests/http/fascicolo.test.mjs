// The case file's rules as a reviewer tried them: a second POST of the
// same form creates nothing, every page that shows a case is a view row,
// every column a change writes is in its audit row, sections keep the
// intake's rules, a field's own error is not overwritten, 405 names the
// methods the path takes, duplicate codes and usernames are form errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const struttura = (nome) => sql(`SELECT id FROM strutture WHERE nome = '${nome}'`);
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));
const idOf = (res) => Number((res.headers.location || '').match(/^\/minori\/(\d+)$/)?.[1]);
let seq = 0;

// A new case with a name of its own (no duplicate prompt), born in 2009.
function intake(overrides = {}) {
  seq++;
  return {
    cognome: `Prova${SERVER}${seq}`, nome: 'Sette', sesso: 'M', data_nascita: '12/03/2009',
    paese_nascita: 'Mali', cittadinanza: 'Mali', data_rintraccio: '02/10/2025',
    modalita_rintraccio: 'rintraccio_territorio', data_403: '02/10/2025',
    data_presa_in_carico: '03/10/2025', struttura_id: struttura('Comunità Il Ponte'),
    operatore_id: userId('operatore'), conferma_nuovo: '1', ...overrides,
  };
}

async function responsabile() {
  const c = new Client();
  assert.equal((await c.login(...DEMO.responsabile)).status, 303);
  return c;
}

async function create(c, fields) {
  const form = await c.get('/minori/nuovo');
  const token = form.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  return c.post('/minori/nuovo', { csrf: token, ...fields });
}

const views = (id, detail) => count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${id}${detail ? ` AND dettaglio = '${detail}'` : ''}`);
const changed = (entita, id, campo) => sql(`SELECT coalesce(prima, '∅') || '>' || coalesce(dopo, '∅') FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita = '${entita}' AND a.entita_id = ${id} AND a.azione = 'update' AND m.campo = '${campo}' ORDER BY a.id DESC LIMIT 1`);

test(`${SERVER}: a form that creates carries a one-time key: sent twice, one case`, async () => {
  const r = await responsabile();
  const form = await r.get('/minori/nuovo');
  const key = form.body.match(/name="invio" value="([0-9a-f]{32})"/)?.[1];
  assert.ok(key, 'the intake form has its submission key');
  const token = form.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  const fields = { csrf: token, invio: key, ...intake() };
  const cases = count('minori');
  const first = await r.post('/minori/nuovo', fields);
  assert.equal(first.status, 303);
  // The reply was lost; the user presses "Salva" again.
  const again = await r.post('/minori/nuovo', fields);
  assert.equal(again.status, 303);
  assert.equal(again.headers.location, first.headers.location, 'the second answer is the first one\'s result');
  assert.equal(count('minori'), cases + 1, 'one case, not two');
  // A form coming back with errors keeps its key.
  const bad = await r.post('/minori/nuovo', { ...fields, invio: 'f'.repeat(32), cognome: '' });
  assert.equal(bad.status, 200);
  assert.match(bad.body, new RegExp(`name="invio" value="${'f'.repeat(32)}"`));
  // Another user's key is not a way to someone else's result.
  const o = new Client();
  await o.login(...DEMO.operatore);
  const otoken = await o.csrf('/minori/nuovo');
  const theirs = await o.post('/minori/nuovo', { ...intake(), csrf: otoken, invio: key });
  assert.equal(theirs.status, 303);
  assert.notEqual(theirs.headers.location, first.headers.location);
  // Documents and users too.
  const id = idOf(first);
  const doc = await r.get(`/minori/${id}/documenti/nuovo`);
  assert.match(doc.body, /name="invio" value="[0-9a-f]{32}"/);
  const admin = new Client();
  await admin.login(...DEMO.admin);
  assert.match((await admin.get('/utenti/nuovo')).body, /name="invio" value="[0-9a-f]{32}"/);
});

test(`${SERVER}: every page that shows a case is a view row`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake()));
  for (const [path, detail] of [['stato', 'stato'], ['collocamento', 'collocamento'], ['documenti/nuovo', 'documenti/nuovo'], ['tutela', 'tutela'], ['anagrafica', 'anagrafica'], ['rintraccio', 'rintraccio']]) {
    const before = views(id, detail);
    assert.equal((await r.get(`/minori/${id}/${path}`)).status, 200, path);
    assert.equal(views(id, detail), before + 1, `GET ${path} is a view row`);
  }
  // A refused POST that draws the case header again is a view too.
  const before = views(id, 'stato');
  const token = await r.csrf(`/minori/${id}/stato`);
  const res = await r.post(`/minori/${id}/stato`, { csrf: token, stato: 'in_carico', data: '05/10/2025', motivo: 'nessuno' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Il fascicolo è già in questo stato/);
  assert.equal(views(id, 'stato'), before + 2, 'the GET and the redrawn POST');
});

test(`${SERVER}: under load every case page served is one view row`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake()));
  const before = views(id);
  // 40 at once: the workers keep view rows while requests wait and
  // commit them together as soon as nobody waits.
  const pages = await Promise.all(Array.from({ length: 40 }, () => r.get(`/minori/${id}`)));
  assert.deepEqual(pages.map((p) => p.status), Array(40).fill(200));
  let now = views(id);
  for (let i = 0; i < 30 && now < before + 40; i++) {
    await new Promise((done) => setTimeout(done, 100));
    now = views(id);
  }
  assert.equal(now, before + 40, 'one row per page, none lost, none twice');
});

test(`${SERVER}: every column a change writes is in its audit row`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake()));
  const ponte = struttura('Comunità Il Ponte'), aurora = struttura('SAI Casa Aurora');
  let token = await r.csrf(`/minori/${id}/collocamento`);
  let res = await r.post(`/minori/${id}/collocamento`, { csrf: token, struttura_id: aurora, dal: '01/11/2025', note: 'Posto in seconda accoglienza' });
  assert.equal(res.status, 303);
  assert.equal(changed('minore', id, 'note'), '∅>Posto in seconda accoglienza', 'the transfer\'s note');
  assert.equal(changed('minore', id, 'struttura_id'), `${ponte}>${aurora}`);
  token = await r.csrf(`/minori/${id}/stato`);
  res = await r.post(`/minori/${id}/stato`, { csrf: token, stato: 'allontanato', data: '10/11/2025', motivo: 'Non rientrato' });
  assert.equal(res.status, 303);
  assert.equal(changed('minore', id, 'stato'), 'in_carico>allontanato');
  assert.equal(changed('minore', id, 'struttura_id'), `${aurora}>∅`, 'a leaving status ends the placement: recorded');
  assert.equal(sql(`SELECT struttura_id IS NULL FROM minori WHERE id = ${id}`), '1');
});

test(`${SERVER}: the sections keep the intake's rules`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake()));
  const base = { cognome: `Sezione${SERVER}`, nome: 'Sette', sesso: 'M', data_nascita: '12/03/2009', cittadinanza: 'Mali' };
  let token = await r.csrf(`/minori/${id}/anagrafica`);
  let res = await r.post(`/minori/${id}/anagrafica`, { csrf: token, ...base, data_nascita: '04/10/2025' });
  assert.equal(res.status, 200);
  assert.match(res.body, /La data di nascita non può seguire il rintraccio/);
  res = await r.post(`/minori/${id}/anagrafica`, { csrf: token, ...base, data_nascita: '01/01/2021' });
  assert.equal(res.status, 200, 'an age of 4 at intake needs the confirmation');
  assert.match(res.body, /L&#39;età dichiarata alla presa in carico è di 4 anni/);
  assert.match(res.body, /Indica il motivo della conferma/);
  assert.equal(sql(`SELECT data_nascita FROM minori WHERE id = ${id}`), '2009-03-12', 'nothing saved');
  res = await r.post(`/minori/${id}/anagrafica`, { csrf: token, ...base, data_nascita: '01/01/2021', conferma_eta: '1', eta_motivo: 'Certificato di nascita' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT data_nascita || ' ' || eta_motivo FROM minori WHERE id = ${id}`), '2021-01-01 Certificato di nascita');
  res = await r.post(`/minori/${id}/anagrafica`, { csrf: token, ...base, data_nascita: '01/01/2021', lingue: 'bambara' });
  assert.equal(res.status, 303, 'a date already confirmed is not asked again');
  assert.equal(sql(`SELECT eta_motivo FROM minori WHERE id = ${id}`), 'Certificato di nascita');
  token = await r.csrf(`/minori/${id}/rintraccio`);
  res = await r.post(`/minori/${id}/rintraccio`, { csrf: token, data_rintraccio: '05/10/2025', modalita_rintraccio: 'sbarco', data_403: '02/10/2025' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Il rintraccio non può seguire la presa in carico/);
});

test(`${SERVER}: a field's own error is not overwritten by a rule across fields`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake()));
  let token = await r.csrf(`/minori/${id}/tutela`);
  let res = await r.post(`/minori/${id}/tutela`, { csrf: token, tipo: 'volontario', nome: 'Anna Neri', data_nomina: '31/02/2026' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Data non valida: usare il formato gg\/mm\/aaaa/);
  assert.doesNotMatch(res.body, /indica la data della nomina/);
  res = await r.post(`/minori/${id}/tutela`, { csrf: token, tipo: 'volontario', nome: 'x'.repeat(121), data_nomina: '01/11/2025' });
  assert.match(res.body, /Inserire al massimo 120 caratteri/);
  assert.doesNotMatch(res.body, /indica nome e cognome/);
  const form = await r.get('/minori/nuovo');
  token = form.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  res = await r.post('/minori/nuovo', { csrf: token, ...intake({ data_nascita: '01/01/2022', conferma_eta: '1', eta_motivo: 'y'.repeat(501) }) });
  assert.equal(res.status, 200);
  assert.match(res.body, /Inserire al massimo 500 caratteri/);
  assert.doesNotMatch(res.body, /Indica il motivo della conferma/);
});

test(`${SERVER}: 405 names the methods the path takes`, async () => {
  const r = await responsabile();
  const id = idOf(await create(r, intake()));
  const token = await r.csrf('/minori');
  let res = await r.post('/minori', { csrf: token });
  assert.equal(res.status, 405);
  assert.equal(res.headers.allow, 'GET, HEAD');
  res = await r.get(`/minori/${id}/documenti/1/verifica`);
  assert.equal(res.status, 405);
  assert.equal(res.headers.allow, 'POST');
});

test(`${SERVER}: codes and usernames already in use are form errors, also when two arrive at once`, async () => {
  const r = await responsabile();
  const a = idOf(await create(r, intake({ cui: `CUI${SERVER}7A` })));
  const b = idOf(await create(r, intake()));
  const token = await r.csrf(`/minori/${b}/anagrafica`);
  const res = await r.post(`/minori/${b}/anagrafica`, { csrf: token, cognome: 'Altro', nome: 'Nome', sesso: 'M', data_nascita: '12/03/2009', cittadinanza: 'Mali', cui: `CUI${SERVER}7A` });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-cui"[^>]*>Il CUI o il codice fiscale è già registrato in un altro fascicolo/);
  assert.ok(a > 0);
  const admin = new Client();
  await admin.login(...DEMO.admin);
  const t = await admin.csrf('/utenti/nuovo');
  const user = { csrf: t, username: `doppio.${SERVER}`, nome: 'Doppio Utente', ruolo: 'operatore', password: 'password-lunga-1' };
  const both = await Promise.all([admin.post('/utenti/nuovo', user), admin.post('/utenti/nuovo', user)]);
  const statuses = both.map((x) => x.status).sort();
  assert.deepEqual(statuses, [200, 303], `one created, one refused with a form error (${statuses})`);
  assert.match(both.find((x) => x.status === 200).body, /Esiste già un utente con questo nome/);
  assert.equal(count(`utenti WHERE username = 'doppio.${SERVER}'`), 1);
});
