// Places and transfers through the web server: the facility registry (its
// rules, Italian messages next to the field, what was typed kept, every
// change audited with old and new value), a facility's declaration of its
// free places (only its own: any other facility is a 403 and an audit
// row), the board with stale and disagreeing declarations marked, a
// request for a place with its matching, the proposal that holds a place,
// the facility's answer, the transfer on its date (the daily job) or at
// once, withdrawal, expiry, and two requests for the last place at the
// same moment: one reservation, one clear refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, DEMO, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const struttura = (nome) => sql(`SELECT id FROM strutture WHERE nome = '${nome}'`);
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));
const denied = (entita, id) => count(`audit WHERE azione = 'permission_denied' AND entita = '${entita}' AND entita_id = ${id}`);
const pad = (n) => String(n).padStart(2, '0');
const it = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const days = (n) => new Date(Date.now() + n * 86400000);
const unescape = (s) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const CELLE = ['m_6_13', 'm_14_17', 'm_18_21', 'f_6_13', 'f_14_17', 'f_18_21'];
let seq = 0;

async function as(who) {
  const c = new Client();
  assert.equal((await c.login(...DEMO[who])).status, 303, `${who} signs in`);
  return c;
}

// GETs the form at `path`, then POSTs it with its tokens and `fields`.
async function send(c, p, fields, form = p) {
  const page = await c.get(form);
  assert.equal(page.status, 200, `GET ${form}`);
  const token = page.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  const invio = page.body.match(/name="invio" value="([0-9a-f]+)"/)?.[1];
  return c.post(p, { csrf: token, ...(invio ? { invio } : {}), ...fields });
}

// A facility of the registry: every field, places where asked.
function scheda(nome, posti = {}, extra = {}) {
  const f = { nome, tipo: 'comunita_educativa', indirizzo: 'Via di Prova 1, Roma', municipio: '5', attiva: '1',
    referente: 'Giulia Prova', telefono: '06 1234', email: 'prova@esempio.it', ...extra };
  for (const c of CELLE) f[`posti_${c}`] = String(posti[c] ?? 0);
  return f;
}

async function newFacility(r, nome, posti, extra) {
  const res = await send(r, '/minori/strutture/nuova', scheda(nome, posti, extra));
  assert.equal(res.status, 303, `facility ${nome} created`);
  return Number(struttura(nome));
}

// A new case of the demo operatore, a boy of 15 (or `nascita`) at `facility`.
async function newCase(r, { sesso = 'M', nascita, facility } = {}) {
  seq++;
  const born = nascita || it(new Date(new Date().getFullYear() - 15, 2, 10));
  const res = await send(r, '/minori/nuovo', {
    cognome: `Posti${SERVER}${seq}x${Date.now() % 100000}`, nome: 'Sei', sesso, data_nascita: born,
    paese_nascita: 'Guinea', cittadinanza: 'Guinea', data_rintraccio: it(days(-40)), modalita_rintraccio: 'sbarco',
    data_403: it(days(-40)), data_presa_in_carico: it(days(-39)),
    struttura_id: facility || struttura('Centro di pronta accoglienza Tiburtino'), operatore_id: userId('operatore'),
    conferma_nuovo: '1',
  });
  assert.equal(res.status, 303);
  const id = Number(res.headers.location.match(/^\/minori\/(\d+)$/)[1]);
  return { id, numero: sql(`SELECT numero FROM minori WHERE id = ${id}`) };
}

async function newRequest(o, caso, extra = {}) {
  const res = await send(o, '/minori/posti/richieste/nuova', {
    numero: caso.numero, motivo: 'seconda_accoglienza', data_prevista: it(days(14)), ...extra,
  });
  assert.equal(res.status, 303, 'request made');
  return Number(res.headers.location.match(/^\/minori\/posti\/richieste\/(\d+)$/)[1]);
}

async function propose(r, richiesta, facility) {
  const token = await r.csrf(`/minori/posti/richieste/${richiesta}`);
  return r.post(`/minori/posti/richieste/${richiesta}/proposta`, { csrf: token, struttura_id: String(facility) });
}

// A facility user for `facility`, signed in (the admin's form, then no
// forced password change).
async function facilityUser(facility, name) {
  const admin = await as('admin');
  const res = await send(admin, '/utenti/nuovo', { username: name, nome: `Utente ${name}`, ruolo: 'struttura',
    struttura_id: String(facility), password: 'password-struttura-1' });
  assert.equal(res.status, 303, `user ${name} created`);
  sql(`UPDATE utenti SET cambio_password = 0 WHERE username = '${name}'`);
  const c = new Client();
  assert.equal((await c.login(name, 'password-struttura-1')).status, 303);
  return c;
}

// approdo-admin as the programs' user (root never owns a database file):
// a copy of the build's in a directory that user can reach.
let adminBin;
function approdoAdmin(...args) {
  if (!adminBin) {
    const dir = mkdtempSync(path.join(tmpdir(), 'approdo-posti-'));
    chmodSync(dir, 0o755);
    adminBin = path.join(dir, 'approdo-admin');
    copyFileSync(path.join(process.env.SRCDIR || '.', 'cgi-bin', 'approdo-admin'), adminBin);
    chmodSync(adminBin, 0o755);
  }
  const argv = [adminBin, ...args];
  if (process.getuid() === 0) argv.unshift('runuser', '-u', process.env.APPRODO_USER || 'www-data', '--');
  return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, APPRODO_DB: process.env.APPRODO_DB } });
}

const proposte = (richiesta) => sql(`SELECT group_concat(stato) FROM (SELECT stato FROM posti_proposte WHERE richiesta_id = ${richiesta} ORDER BY id)`);

test(`${SERVER}: the registry: a facility's rules, what was typed kept, every change audited`, async () => {
  const r = await as('responsabile');
  const nome = `Comunità Registro ${SERVER}`;
  let res = await send(r, '/minori/strutture/nuova', scheda('', { m_14_17: 'tre' }, { tipo: '', convenzione_dal: '01/09/2025', convenzione_al: '31/08/2025', note: 'Scritta a mano' }));
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-nome"/);
  assert.match(res.body, /id="e-tipo"/);
  assert.match(res.body, /id="e-posti_m_14_17"/);
  assert.match(unescape(res.body), /id="e-convenzione_al"[^>]*>La fine della convenzione non può precedere l'inizio/);
  assert.match(res.body, /Scritta a mano/, 'what was typed comes back');
  assert.match(res.body, /value="tre"/);
  assert.equal(count(`strutture WHERE note = 'Scritta a mano'`), 0, 'nothing written');
  const id = await newFacility(r, nome, { m_14_17: 6, f_14_17: 2 }, { spec_psicologico: '1', convenzione_dal: '01/09/2025', convenzione_al: '31/08/2026' });
  assert.equal(sql(`SELECT tipo || ':' || municipio || ':' || posti_m_14_17 || ':' || posti_f_14_17 || ':' || spec_psicologico || ':' || spec_tratta || ':' || convenzione_al FROM strutture WHERE id = ${id}`),
    'comunita_educativa:5:6:2:1:0:2026-08-31');
  assert.equal(count(`audit WHERE entita = 'struttura' AND entita_id = ${id} AND azione = 'create'`), 1);
  res = await send(r, '/minori/strutture/nuova', scheda(nome));
  assert.match(unescape(res.body), /id="e-nome"[^>]*>C'è già una struttura con questo nome/);
  // A change: old and new value of each field that moved.
  res = await send(r, `/minori/strutture/${id}`, scheda(nome, { m_14_17: 8, f_14_17: 2 }, { spec_psicologico: '1', spec_tratta: '1', convenzione_dal: '01/09/2025', convenzione_al: '31/08/2026' }));
  assert.equal(res.status, 303);
  const changes = sql(`SELECT group_concat(campo || '=' || coalesce(prima, '') || '>' || coalesce(dopo, ''), ' ') FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita = 'struttura' AND a.entita_id = ${id} AND a.azione = 'update'`);
  assert.match(changes, /posti_m_14_17=6>8/);
  assert.match(changes, /spec_tratta=>1/);
  assert.doesNotMatch(changes, /posti_f_14_17/, 'only what changed');
  const list = await r.get('/minori/strutture');
  assert.match(list.body, new RegExp(`${nome}</a></th>\\s*<td>Comunità educativa</td>`));
  // A facility with minors placed cannot leave the circuit.
  const ponte = struttura('Comunità Il Ponte');
  await newCase(r, { facility: ponte });
  const form = (await r.get(`/minori/strutture/${ponte}`)).body;
  assert.match(form, /name="attiva" value="1" checked/);
  res = await send(r, `/minori/strutture/${ponte}`, { ...scheda('Comunità Il Ponte', {}, { tipo: 'seconda_accoglienza' }), attiva: '' });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-attiva"[^>]*>La struttura accoglie ancora \d+ minor/);
  assert.equal(sql(`SELECT attiva FROM strutture WHERE id = ${ponte}`), '1');
});

test(`${SERVER}: who reaches the registry and the board`, async () => {
  const admin = await as('admin');
  assert.equal((await admin.get('/minori/strutture')).status, 200, 'the administrator keeps the registry');
  assert.equal((await admin.get('/minori/posti')).status, 403, 'but sees no places of minors');
  const o = await as('operatore');
  assert.equal((await o.get('/minori/posti')).status, 200);
  const before = count(`audit WHERE azione = 'permission_denied' AND entita = 'pagina' AND dettaglio = '/minori/strutture'`);
  assert.equal((await o.get('/minori/strutture')).status, 403);
  assert.equal(count(`audit WHERE azione = 'permission_denied' AND entita = 'pagina' AND dettaglio = '/minori/strutture'`), before + 1);
  const s = await as('struttura');
  assert.equal((await s.get('/minori/strutture')).status, 403);
  assert.equal((await s.get('/minori/posti/richieste')).status, 403);
  // A form without its token is refused.
  assert.equal((await admin.post('/minori/strutture/nuova', scheda(`Senza token ${SERVER}`))).status, 403);
  assert.equal(count(`strutture WHERE nome = 'Senza token ${SERVER}'`), 0);
});

test(`${SERVER}: a facility declares only its own places; stale and disagreeing declarations are marked`, async () => {
  const r = await as('responsabile');
  const ponte = Number(struttura('Comunità Il Ponte'));
  // Il Ponte: 3 places for boys 14-17; the minors placed there now count.
  const cur = sql(`SELECT posti_m_14_17 FROM strutture WHERE id = ${ponte}`);
  const placed = count(`minori WHERE struttura_id = ${ponte} AND sesso = 'M'`);
  await send(r, `/minori/strutture/${ponte}`, scheda('Comunità Il Ponte', { m_14_17: placed + 3, m_6_13: 10, m_18_21: 10 }, { tipo: 'seconda_accoglienza' }));
  assert.notEqual(cur, sql(`SELECT posti_m_14_17 FROM strutture WHERE id = ${ponte}`));
  const other = await newFacility(r, `Comunità Altrui ${SERVER}`, { m_14_17: 4 });
  const s = await as('struttura');
  // The board's address shows the facility its own places only.
  let page = await s.get('/minori/posti');
  assert.equal(page.status, 200);
  assert.match(page.body, /I posti della struttura: Comunità Il Ponte/);
  assert.doesNotMatch(page.body, new RegExp(`Comunità Altrui ${SERVER}`));
  const d0 = denied('struttura', other);
  assert.equal((await s.get(`/minori/posti/strutture/${other}`)).status, 403);
  assert.equal(denied('struttura', other), d0 + 1, 'and an audit row');
  assert.equal((await s.get(`/minori/posti/strutture/${ponte}`)).status, 200);
  // More than the authorised places: refused next to the field, as typed.
  const form = await s.get('/minori/posti/dichiarazione');
  assert.match(form.body, /name="liberi_m_14_17"/);
  assert.doesNotMatch(form.body, /name="liberi_f_14_17"/, 'only the cells it has places in');
  const n = count(`posti_dichiarazioni WHERE struttura_id = ${ponte}`);
  let res = await send(s, '/minori/posti/dichiarazione', { liberi_m_6_13: '0', liberi_m_14_17: String(placed + 9), liberi_m_18_21: '1', note: 'Una stanza chiusa' });
  assert.equal(res.status, 200);
  assert.match(res.body, new RegExp(`id="e-liberi_m_14_17"[^>]*>Al massimo ${placed + 3}`));
  assert.match(res.body, /Una stanza chiusa/);
  res = await send(s, '/minori/posti/dichiarazione', { liberi_m_6_13: '', liberi_m_14_17: '2', liberi_m_18_21: '1' });
  assert.match(res.body, /id="e-liberi_m_6_13"/, 'every cell is required');
  assert.equal(count(`posti_dichiarazioni WHERE struttura_id = ${ponte}`), n, 'nothing written');
  // Whatever facility the form names, the declaration is the user's own.
  res = await send(s, '/minori/posti/dichiarazione', { struttura_id: String(other), liberi_m_6_13: '0', liberi_m_14_17: '2', liberi_m_18_21: '1', note: 'Dichiarata per sé' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/minori/posti');
  assert.equal(count(`posti_dichiarazioni WHERE struttura_id = ${other}`), 0);
  const d = sql(`SELECT id || ':' || liberi_m_14_17 || ':' || utente_id FROM posti_dichiarazioni WHERE struttura_id = ${ponte} ORDER BY id DESC LIMIT 1`).split(':');
  assert.equal(d[1], '2');
  assert.equal(d[2], userId('struttura'));
  assert.equal(count(`audit WHERE entita = 'posti_dichiarazione' AND entita_id = ${d[0]} AND azione = 'create'`), 1);
  // The deadline engine's (the timer's pass): declare again within 7 days.
  assert.match(approdoAdmin('scadenze', 'aggiorna'), /scadenze aggiornate: [1-9]/);
  const week = new Date(Date.now() + 7 * 86400000);
  assert.equal(sql(`SELECT entro || ' ' || coalesce(utente_id, '-') FROM scadenze WHERE regola = 'dichiarazione_posti' AND minore_id = -${ponte} AND oggetto_id = ${d[0]} AND stato = 'aperta'`),
    `${week.getFullYear()}-${String(week.getMonth() + 1).padStart(2, '0')}-${String(week.getDate()).padStart(2, '0')} -`, 'due in 7 days');
  assert.equal(count(`scadenze WHERE regola = 'dichiarazione_posti' AND minore_id = -${ponte} AND stato = 'aperta'`), 1, 'the earlier one done');
  page = await s.get('/minori/posti');
  assert.match(page.body, /Ultima dichiarazione il \d\d\/\d\d\/\d{4} \d\d:\d\d \(oggi\)/);
  assert.match(page.body, /Dichiarata per sé/);
  // Two places declared where the registry counts three free: marked.
  const board = (await r.get('/minori/posti')).body;
  const row = board.slice(board.indexOf(`/minori/posti/strutture/${ponte}"`));
  assert.match(row.slice(0, row.indexOf('</tr>')), /Diversa da autorizzati meno collocati/);
  // The office cannot declare for a facility.
  assert.equal((await r.get('/minori/posti/dichiarazione')).status, 403);
  // A declaration older than 7 days is stale (written ten days ago).
  sql(`INSERT INTO posti_dichiarazioni (struttura_id, quando, liberi_m_14_17) VALUES (${other}, datetime('now', '-10 days'), 4)`);
  const stale = (await r.get('/minori/posti?segnalate=1')).body;
  const srow = stale.slice(stale.indexOf(`/minori/posti/strutture/${other}"`));
  assert.match(srow.slice(0, srow.indexOf('</tr>')), /10 giorni fa[\s\S]*Dichiarazione da aggiornare/);
  assert.doesNotMatch(srow.slice(0, srow.indexOf('</tr>')), /Diversa da autorizzati/, 'four declared, four free: it agrees');
  assert.match((await r.get(`/minori/posti/strutture/${other}`)).body, /Da aggiornare: le dichiarazioni valgono 7 giorni/);
  // Written by hand, it was queued; the timer's recompute finds it stale:
  // in the office's overdue deadlines, under no worker, by the facility's
  // name and to its page; the responsabili are told (and its users: the
  // unit test's facility has one).
  assert.match(approdoAdmin('scadenze', 'aggiorna'), /scadenze aggiornate: [1-9]/);
  const mine = await r.get('/minori/scadenze/ufficio?operatore=0');
  assert.match(mine.body, new RegExp(`<a href="/minori/posti/strutture/${other}">Comunità Altrui ${SERVER}</a> <span class="text-nowrap small">\\(struttura\\)</span>: Dichiarare di nuovo i posti liberi`));
  assert.equal(count(`notifiche WHERE utente_id = ${userId('responsabile')} AND tipo = 'scadenza' AND href = '/minori/posti/strutture/${other}'`), 1, 'the responsabile told once');
});

test(`${SERVER}: a request, its matching, a proposal refused then accepted, the transfer on its date`, async () => {
  const r = await as('responsabile');
  const o = await as('operatore');
  const nome = `SAI Abbinamento ${SERVER}`;
  const sai = await newFacility(r, nome, { m_14_17: 3 }, { tipo: 'sai', spec_psicologico: '1' });
  const girls = await newFacility(r, `Casa Ragazze ${SERVER}`, { f_14_17: 5 }, { tipo: 'sai' });
  const caso = await newCase(r);
  // The form's rules.
  let res = await send(o, '/minori/posti/richieste/nuova', { numero: 'MSNA-1999-99999', motivo: 'seconda_accoglienza', data_prevista: it(days(-1)) });
  assert.equal(res.status, 200);
  assert.match(unescape(res.body), /id="e-numero"[^>]*>Non c'è un fascicolo con questo numero/);
  assert.match(unescape(res.body), /id="e-data_prevista"[^>]*>La data prevista non può essere già passata/);
  res = await send(o, '/minori/posti/richieste/nuova', { numero: caso.numero, motivo: 'prosieguo', data_prevista: it(days(14)) });
  assert.match(res.body, /id="e-motivo"[^>]*>Il prosieguo amministrativo è per chi ha compiuto 18 anni/);
  // Somebody else's case: refused, audited.
  const altrui = await newCase(r);
  sql(`UPDATE minori SET operatore_id = ${userId('responsabile')} WHERE id = ${altrui.id}`);
  const refusals = () => count(`audit WHERE azione = 'permission_denied' AND entita = 'posti_richiesta' AND dettaglio = 'minore ${altrui.id}'`);
  const d0 = refusals();
  res = await send(o, '/minori/posti/richieste/nuova', { numero: altrui.numero, motivo: 'seconda_accoglienza', data_prevista: it(days(14)) });
  assert.match(unescape(res.body), /id="e-numero"[^>]*>Non puoi chiedere un posto per questo fascicolo/);
  assert.equal(refusals(), d0 + 1, 'the refusal is an audit row');
  assert.equal(count(`posti_richieste WHERE minore_id = ${altrui.id}`), 0);
  const q = await newRequest(o, caso, { note: 'Preferisce restare a Roma est' });
  res = await send(o, '/minori/posti/richieste/nuova', { numero: caso.numero, motivo: 'seconda_accoglienza', data_prevista: it(days(14)) });
  assert.match(unescape(res.body), /C'è già una richiesta di posto aperta per questo minore/);
  // The request's page: a view of the case; the matching says why.
  const views = count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${caso.id} AND dettaglio = 'posti'`);
  let page = unescape((await o.get(`/minori/posti/richieste/${q}`)).body);
  assert.equal(count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${caso.id} AND dettaglio = 'posti'`), views + 1);
  const at = page.indexOf(`id="s${sai}"`);
  const item = page.slice(at, page.indexOf('</form>', at) > 0 ? Math.min(page.indexOf('<li class="mb-4"', at + 1) >>> 0, page.indexOf('</ol>', at)) : page.indexOf('</ol>', at));
  assert.match(item, /Accoglie: Ragazzi 14-17 anni/);
  assert.match(item, /3 posti liberi su 3/);
  assert.match(item, /È Seconda accoglienza SAI/);
  assert.match(item, /Non ha mai dichiarato i posti liberi/);
  assert.doesNotMatch(page, /action="\/minori\/posti\/richieste\/\d+\/proposta"/, 'a case worker asks; the office proposes');
  assert.match((await r.get(`/minori/posti/richieste/${q}`)).body, new RegExp(`action="/minori/posti/richieste/${q}/proposta"`));
  assert.match(page, new RegExp(`Non accolgono Ragazzi 14-17 anni:[^<]*Casa Ragazze ${SERVER}`), 'a girls\' house is not offered');
  // A refused proposal elsewhere: the facility must host the minor's cell.
  res = await propose(r, q, girls);
  assert.equal(res.status, 200);
  assert.match(res.body, new RegExp(`La proposta non è stata fatta\\. Casa Ragazze ${SERVER} non accoglie: Ragazzi 14-17 anni`));
  assert.equal(count(`posti_proposte WHERE richiesta_id = ${q}`), 0);
  // The proposal holds a place.
  res = await propose(r, q, sai);
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/minori/posti/richieste/${q}`);
  const p1 = Number(sql(`SELECT id FROM posti_proposte WHERE richiesta_id = ${q}`));
  assert.equal(sql(`SELECT stato || ':' || sesso || ':' || fascia || ':' || scade_il FROM posti_proposte WHERE id = ${p1}`), `in_attesa:M:14_17:${iso(days(7))}`);
  assert.equal(sql(`SELECT stato FROM posti_richieste WHERE id = ${q}`), 'in_corso');
  assert.equal(count(`audit WHERE entita = 'posti_proposta' AND entita_id = ${p1} AND azione = 'create'`), 1);
  page = (await r.get(`/minori/posti/richieste/${q}`)).body;
  assert.match(page, /in attesa della risposta/);
  const board = (await r.get('/minori/posti')).body;
  const brow = board.slice(board.indexOf(`/minori/posti/strutture/${sai}"`));
  assert.match(brow.slice(0, brow.indexOf('</tr>')), /<td class="text-end">3<\/td>\s*<td class="text-end">0<\/td>\s*<td class="text-end">1<\/td>\s*<td><strong>2<\/strong>/, '3 authorised, 0 placed, 1 held, 2 free');
  assert.equal((await propose(r, q, sai)).status, 200, 'one proposal at a time');
  // The facility: only its own proposals.
  const su = await facilityUser(sai, `sai.${SERVER}`);
  const other = await facilityUser(girls, `ragazze.${SERVER}`);
  const d1 = denied('posti_proposta', p1);
  assert.equal((await other.get(`/minori/posti/proposte/${p1}`)).status, 403);
  assert.equal((await other.post(`/minori/posti/proposte/${p1}`, { csrf: await other.csrf('/minori/posti'), esito: 'accetta' })).status, 403);
  assert.equal(denied('posti_proposta', p1), d1 + 2);
  assert.equal(sql(`SELECT stato FROM posti_proposte WHERE id = ${p1}`), 'in_attesa', 'nothing written');
  const mine = (await su.get('/minori/posti')).body;
  assert.match(mine, new RegExp(`href="/minori/posti/proposte/${p1}"`));
  page = (await su.get(`/minori/posti/proposte/${p1}`)).body;
  assert.match(page, new RegExp(caso.numero));
  assert.doesNotMatch(page, /Posti\w+x\d+/, 'no name before the minor arrives');
  // Refused without a reason: next to the field; with one: the request is open again.
  res = await send(su, `/minori/posti/proposte/${p1}`, { esito: 'rifiuta', motivo_rifiuto: '' });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-motivo_rifiuto"[^>]*>Scrivi perché la struttura non può accogliere il minore/);
  res = await send(su, `/minori/posti/proposte/${p1}`, { esito: 'rifiuta', motivo_rifiuto: 'Nessun mediatore per il pular in questo periodo' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato || ':' || motivo_rifiuto FROM posti_proposte WHERE id = ${p1}`), 'rifiutata:Nessun mediatore per il pular in questo periodo');
  assert.equal(sql(`SELECT stato FROM posti_richieste WHERE id = ${q}`), 'aperta');
  // The office is told, by case number: the case worker and the responsabili.
  const told = (user, tipo, like) => count(`notifiche WHERE utente_id = ${userId(user)} AND tipo = '${tipo}' AND href = '/minori/posti/richieste/${q}' AND testo LIKE '${like}'`);
  assert.equal(told('operatore', 'posti_risposta', `${caso.numero}: SAI Abbinamento ${SERVER} ha rifiutato la proposta (Nessun mediatore%`), 1);
  assert.equal(told('responsabile', 'posti_risposta', `${caso.numero}: %ha rifiutato%`), 1);
  res = await send(su, `/minori/posti/proposte/${p1}`, { esito: 'accetta' });
  assert.match(unescape(res.body), /A questa proposta è già stata data una risposta/);
  // Proposed again, accepted: the office sets tomorrow as the date.
  assert.equal((await propose(r, q, sai)).status, 303);
  const p2 = Number(sql(`SELECT id FROM posti_proposte WHERE richiesta_id = ${q} AND stato = 'in_attesa'`));
  // The facility's users are told, by case number, with the last day.
  assert.equal(count(`notifiche WHERE utente_id = ${userId(`sai.${SERVER}`)} AND tipo = 'posti_proposta' AND href = '/minori/posti/proposte/${p2}' AND testo = '${caso.numero}: l''ufficio vi propone l''inserimento di un minore; rispondete entro il ${it(days(7))}.'`), 1);
  assert.equal(count(`notifiche WHERE utente_id = ${userId(`ragazze.${SERVER}`)} AND tipo = 'posti_proposta'`), 0, 'not another facility\'s');
  assert.equal((await send(su, `/minori/posti/proposte/${p2}`, { esito: 'accetta' })).status, 303);
  assert.equal(sql(`SELECT stato FROM posti_proposte WHERE id = ${p2}`), 'accettata');
  assert.equal(told('operatore', 'posti_risposta', `${caso.numero}: SAI Abbinamento ${SERVER} ha accettato la proposta; fissate la data del trasferimento.`), 1);
  assert.equal((await su.get(`/minori/posti/proposte/${p2}/data`)).status, 403, 'the facility does not set the date');
  res = await send(r, `/minori/posti/proposte/${p2}/data`, { data_trasferimento: '' });
  assert.match(res.body, /id="e-data_trasferimento"/);
  res = await send(r, `/minori/posti/proposte/${p2}/data`, { data_trasferimento: it(days(-60)) });
  assert.match(unescape(res.body), /Il trasferimento non può precedere l'inizio del collocamento attuale/);
  res = await send(r, `/minori/posti/proposte/${p2}/data`, { data_trasferimento: it(days(1)), note: 'Accompagna l\'educatore' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato || ':' || data_trasferimento || ':' || coalesce(scade_il, '-') FROM posti_proposte WHERE id = ${p2}`), `programmata:${iso(days(1))}:-`);
  const from = sql(`SELECT struttura_id FROM minori WHERE id = ${caso.id}`);
  // The day comes: the daily job closes the placement and opens the new one.
  assert.match(approdoAdmin('posti', 'giornaliero'), /0 trasferimenti fatti/, 'not before its day');
  sql(`UPDATE posti_proposte SET data_trasferimento = '${iso(days(0))}' WHERE id = ${p2}`);
  assert.match(approdoAdmin('posti', 'giornaliero'), /1 trasferimenti fatti/);
  assert.equal(told('operatore', 'posti_trasferimento', `${caso.numero}: trasferito in SAI Abbinamento ${SERVER} il ${it(days(0))}.`), 1, 'the case worker told of the transfer');
  assert.equal(sql(`SELECT struttura_id FROM minori WHERE id = ${caso.id}`), String(sai));
  assert.equal(sql(`SELECT group_concat(struttura_id || ':' || dal || ':' || coalesce(al, '') || ':' || coalesce(motivo_uscita, ''), ' ') FROM (SELECT * FROM collocamenti WHERE minore_id = ${caso.id} ORDER BY id)`),
    `${from}:${iso(days(-39))}:${iso(days(0))}:trasferimento ${sai}:${iso(days(0))}::`);
  assert.equal(sql(`SELECT note FROM collocamenti WHERE minore_id = ${caso.id} AND al IS NULL`), 'Accompagna l\'educatore');
  assert.equal(proposte(q), 'rifiutata,eseguita');
  assert.equal(sql(`SELECT stato FROM posti_richieste WHERE id = ${q}`), 'eseguita');
  assert.equal(count(`audit WHERE entita = 'minore' AND entita_id = ${caso.id} AND azione = 'update' AND dettaglio = 'trasferimento' AND username = 'approdo-admin'`), 1);
  assert.match(approdoAdmin('posti', 'giornaliero'), /0 trasferimenti fatti/, 'run again: nothing more');
  // On the case's timeline, and the facility now sees the minor.
  const timeline = unescape((await r.get(`/minori/${caso.id}/cronologia`)).body);
  assert.match(timeline, /Richiesta di un posto/);
  assert.match(timeline, new RegExp(`Proposto a ${nome} \\(Rifiutata dalla struttura\\)`));
  assert.equal((await su.get(`/minori/${caso.id}`)).status, 200);
});

test(`${SERVER}: a date that has come makes the transfer at once; a withdrawn proposal frees its place; a cancelled request too`, async () => {
  const r = await as('responsabile');
  const o = await as('operatore');
  const ga = await newFacility(r, `Gruppo Subito ${SERVER}`, { m_14_17: 2 }, { tipo: 'gruppo_appartamento' });
  const su = await facilityUser(ga, `subito.${SERVER}`);
  const a = await newCase(r);
  const qa = await newRequest(o, a);
  assert.equal((await propose(r, qa, ga)).status, 303);
  const pa = Number(sql(`SELECT id FROM posti_proposte WHERE richiesta_id = ${qa}`));
  // Not accepted yet: no date.
  let res = await send(r, `/minori/posti/proposte/${pa}/data`, { data_trasferimento: it(days(0)) });
  assert.match(res.body, /La data si fissa quando la struttura ha accettato la proposta/);
  assert.equal((await send(su, `/minori/posti/proposte/${pa}`, { esito: 'accetta' })).status, 303);
  res = await send(r, `/minori/posti/proposte/${pa}/data`, { data_trasferimento: it(days(0)) });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT struttura_id FROM minori WHERE id = ${a.id}`), String(ga));
  assert.equal(proposte(qa), 'eseguita');
  // Withdrawn by the office: the place is free again.
  const b = await newCase(r);
  const qb = await newRequest(o, b);
  assert.equal((await propose(r, qb, ga)).status, 303);
  const pb = Number(sql(`SELECT id FROM posti_proposte WHERE richiesta_id = ${qb}`));
  let token = await r.csrf(`/minori/posti/richieste/${qb}`);
  assert.equal((await o.post(`/minori/posti/proposte/${pb}/ritira`, { csrf: token })).status, 403, 'a case worker does not withdraw');
  token = await r.csrf(`/minori/posti/richieste/${qb}`);
  res = await r.post(`/minori/posti/proposte/${pb}/ritira`, { csrf: token });
  assert.equal(res.status, 303);
  assert.equal(proposte(qb), 'annullata');
  assert.equal(sql(`SELECT stato FROM posti_richieste WHERE id = ${qb}`), 'aperta');
  assert.equal(count(`notifiche n JOIN utenti u ON u.id = n.utente_id WHERE u.struttura_id = ${ga} AND n.tipo = 'posti_proposta' AND n.testo = '${b.numero}: l''ufficio ha ritirato la proposta di inserimento; il posto è di nuovo libero.'`), count(`utenti WHERE struttura_id = ${ga}`), 'the facility told');
  assert.ok(count(`utenti WHERE struttura_id = ${ga}`) > 0);
  token = await r.csrf(`/minori/posti/richieste/${qb}`);
  await r.post(`/minori/posti/proposte/${pb}/ritira`, { csrf: token });
  assert.equal(proposte(qb), 'annullata', 'withdrawn once');
  // The case worker cancels the request, and what it held with it.
  assert.equal((await propose(r, qb, ga)).status, 303);
  token = await o.csrf(`/minori/posti/richieste/${qb}`);
  res = await o.post(`/minori/posti/richieste/${qb}/annulla`, { csrf: token, motivo: 'Rimpatrio assistito deciso' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT stato || ':' || motivo_annullamento FROM posti_richieste WHERE id = ${qb}`), 'annullata:Rimpatrio assistito deciso');
  assert.equal(proposte(qb), 'annullata,annullata');
  assert.equal((await su.get('/minori/posti')).body.match(/in attesa della risposta/gi), null);
});

test(`${SERVER}: a proposal nobody answers expires: its place is free at once, the job records it`, async () => {
  const r = await as('responsabile');
  const o = await as('operatore');
  const c = await newFacility(r, `Comunità Scadenza ${SERVER}`, { m_14_17: 1 });
  const su = await facilityUser(c, `scadenza.${SERVER}`);
  const a = await newCase(r);
  const q = await newRequest(o, a);
  assert.equal((await propose(r, q, c)).status, 303);
  const p = Number(sql(`SELECT id FROM posti_proposte WHERE richiesta_id = ${q}`));
  const b = await newCase(r);
  const q2 = await newRequest(o, b);
  let res = await propose(r, q2, c);
  assert.equal(res.status, 409, 'the only place is held');
  // Seven days later, nobody answered.
  sql(`UPDATE posti_proposte SET scade_il = '${iso(days(-1))}' WHERE id = ${p}`);
  const page = (await r.get(`/minori/posti/richieste/${q}`)).body;
  assert.match(page, /Strutture per Ragazzi 14-17 anni/, 'the request is to propose again');
  res = await send(su, `/minori/posti/proposte/${p}`, { esito: 'accetta' });
  assert.match(unescape(res.body), /La proposta è scaduta il/);
  assert.equal(sql(`SELECT stato FROM posti_proposte WHERE id = ${p}`), 'in_attesa');
  assert.match(approdoAdmin('posti', 'giornaliero'), /[1-9]\d* proposte scadute/);
  assert.equal(proposte(q), 'scaduta');
  assert.equal(sql(`SELECT stato FROM posti_richieste WHERE id = ${q}`), 'aperta');
  assert.equal(count(`audit WHERE entita = 'posti_proposta' AND entita_id = ${p} AND dettaglio = 'scaduta'`), 1);
  // The place it held is free for the other minor.
  assert.equal((await propose(r, q2, c)).status, 303);
});

test(`${SERVER}: two requests for the last place at the same moment: one reservation, one clear refusal`, async () => {
  const r = await as('responsabile');
  const o = await as('operatore');
  const last = await newFacility(r, `Ultimo Posto ${SERVER}`, { m_14_17: 1 });
  const q1 = await newRequest(o, await newCase(r));
  const q2 = await newRequest(o, await newCase(r));
  const [c1, c2] = [await as('responsabile'), await as('responsabile')];
  const [t1, t2] = [await c1.csrf(`/minori/posti/richieste/${q1}`), await c2.csrf(`/minori/posti/richieste/${q2}`)];
  const both = await Promise.all([
    c1.post(`/minori/posti/richieste/${q1}/proposta`, { csrf: t1, struttura_id: String(last) }),
    c2.post(`/minori/posti/richieste/${q2}/proposta`, { csrf: t2, struttura_id: String(last) }),
  ]);
  const statuses = both.map((x) => x.status).sort();
  assert.deepEqual(statuses, [303, 409], `one reservation, one refusal (${statuses})`);
  const refused = unescape(both.find((x) => x.status === 409).body);
  assert.match(refused, new RegExp(`La proposta non è stata fatta\\. Non ci sono più posti liberi in Ultimo Posto ${SERVER} per: Ragazzi 14-17 anni`));
  assert.match(refused, /id="e-struttura_id"[^>]*>Non ci sono più posti liberi/, 'next to the field');
  assert.match(refused, new RegExp(`<option value="${last}" selected>`), 'the facility chosen is kept');
  assert.equal(count(`posti_proposte WHERE struttura_id = ${last}`), 1, 'exactly one reservation');
  assert.equal(count(`posti_richieste WHERE id IN (${q1}, ${q2}) AND stato = 'in_corso'`), 1);
});

test(`${SERVER}: the office's lists and figures`, async () => {
  const r = await as('responsabile');
  const list = await r.get('/minori/posti/richieste');
  assert.equal(list.status, 200);
  assert.match(list.body, /Da proporre a una struttura/);
  assert.match(list.body, /Chiuse negli ultimi 30 giorni/);
  const g = await r.get('/minori/posti/grafici');
  assert.equal(g.status, 200);
  assert.match(g.body, /<svg role="img" aria-labelledby="g-occ-t g-occ-d"/);
  assert.match(g.body, /<svg role="img" aria-labelledby="g-att-t g-att-d"/);
  assert.match(g.body, /<caption id="t-occupazione">Minori accolti per tipo di struttura, a fine mese<\/caption>/);
  assert.match(g.body, /<caption id="t-attese">Attesa per la seconda accoglienza, per mese del trasferimento<\/caption>/);
  const main = g.body.slice(g.body.indexOf('<main'), g.body.indexOf('</main>'));
  assert.doesNotMatch(main, /<script|style="/, 'no script, no inline style');
  // The transfers made above are a month's wait in the table.
  assert.match(g.body, /<th scope="row">[a-z]{3} \d\d<\/th><td class="text-end">[1-9]\d*<\/td><td class="text-end">\d+<\/td>/);
  assert.equal((await (await as('struttura')).get('/minori/posti/grafici')).status, 403);
});
