// The deadlines through the web server: a new case's deadlines on its own
// page (computed from its facts at once, as the triggers queue it), the
// timer's pass (approdo-admin scadenze aggiorna, every minute) keeping
// them with their notices by case number and their mail; a fact written
// outside the programs, queued all the same; "Le mie scadenze" by when they are due with
// the count in the navigation; a step of art. 403 closed when its fact is
// recorded; the responsabile's view of the office's overdue ones by
// worker with the escalation; who may see what (a facility: nothing, a
// 403 and an audit row; another worker: the case, not in their agenda).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client, DEMO, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const struttura = (nome) => sql(`SELECT id FROM strutture WHERE nome = '${nome}'`);
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));
const pad = (n) => String(n).padStart(2, '0');
const it = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const days = (n) => new Date(Date.now() + n * 86400000);
let seq = 0;

// approdo-admin of the build the server runs, as the server's user (so
// that no file of the database becomes root's).
function admin(...args) {
  const st = process.env.STATEDIR;
  const candidates = [`${st}/install/usr/local/bin/approdo-admin`,
    `${st}/home/approdo/bin/approdo-admin`, `${process.env.SRCDIR}/cgi-bin/approdo-admin`];
  const bin = candidates.find((p) => existsSync(p));
  const argv = [bin, ...args];
  if (process.getuid() === 0) argv.unshift('runuser', '-u', process.env.APPRODO_USER || 'www-data', '--');
  return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, APPRODO_DB: process.env.APPRODO_DB } });
}

async function as(who) {
  const c = new Client();
  assert.equal((await c.login(...DEMO[who])).status, 303, `${who} signs in`);
  return c;
}

async function newCase(r, fields = {}) {
  seq++;
  const token = await r.csrf('/minori/nuovo');
  const res = await r.post('/minori/nuovo', {
    csrf: token, cognome: `Scad${SERVER}${seq}${Date.now() % 100000}`, nome: 'Dieci', sesso: 'M',
    data_nascita: '10/05/2009', paese_nascita: 'Mali', cittadinanza: 'Mali', data_rintraccio: it(days(0)),
    modalita_rintraccio: 'sbarco', data_403: it(days(0)), data_presa_in_carico: it(days(0)),
    struttura_id: struttura('Comunità Il Ponte'), operatore_id: userId('operatore'), conferma_nuovo: '1',
    ...fields,
  });
  assert.equal(res.status, 303, 'the case is taken in charge');
  return Number(res.headers.location.match(/^\/minori\/(\d+)$/)[1]);
}

const numero = (id) => sql(`SELECT numero FROM minori WHERE id = ${id}`);
// Every deadline of a section of the agenda, its own pages walked.
async function allOf(c, elenco) {
  const items = [];
  for (let p = 1; p < 200; p++) {
    const res = await c.get(`/minori/scadenze?elenco=${elenco}&pagina=${p}`);
    items.push(...(res.body.match(/<li class="border-start[\s\S]*?<\/li>/g) || []));
    if (!res.body.includes('Pagina successiva')) break;
  }
  return items;
}
const section = (html, id) => {
  const m = html.match(new RegExp(`<section aria-labelledby="${id}"[\\s\\S]*?</section>`));
  return m ? m[0] : '';
};

test(`${SERVER}: a new case's deadlines shown from its facts at once, kept and told once by the timer's pass, my agenda, a step of art. 403 done`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  const num = numero(id);
  const o = await as('operatore');
  assert.equal(count(`scadenze_da_ricalcolare WHERE minore_id = ${id}`), 1, 'intake queued the case');

  // Before the timer's pass, the case's page computes them from its facts.
  const views = count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${id} AND dettaglio = 'scadenze'`);
  let page = await o.get(`/minori/${id}/scadenze`);
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1>Scadenze di Scad/);
  assert.match(page.body, /Art\. 403: trasmettere al PM minorile il provvedimento/);
  assert.ok(page.body.includes(`Entro il ${it(days(1))} alle 00:00`), 'a date alone: 24 hours from its midnight');
  assert.match(page.body, /Fonte: art\. 403 c\. 2 c\.c\./);
  assert.match(page.body, /Ricorso per l&#39;apertura della tutela|Ricorso per l'apertura della tutela/);
  assert.match(page.body, /<strong>Scade oggi<\/strong>/, 'the guardian petition: at once');
  assert.equal(count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${id} AND dettaglio = 'scadenze'`), views + 1, 'the view is an audit row');

  // The timer's pass (every minute): kept, and each responsible told once,
  // by case number; the art. 403 step by mail at once, the rest in the
  // daily digest.
  let out = admin('scadenze', 'aggiorna');
  assert.match(out, /scadenze aggiornate: [1-9]\d* minori ricalcolati, [1-9]\d* avvisi/);
  assert.equal(count(`scadenze_da_ricalcolare WHERE minore_id = ${id}`), 0);
  assert.equal(sql(`SELECT stato || ':' || utente_id FROM scadenze WHERE minore_id = ${id} AND regola = 'art403_atti'`), `aperta:${userId('operatore')}`);
  const told = (tipo) => count(`notifiche WHERE utente_id = ${userId('operatore')} AND href = '/minori/${id}/scadenze' AND tipo = '${tipo}'`);
  assert.equal(told('scadenza_urgente'), 1, 'the art. 403 step');
  assert.ok(told('scadenza') >= 1, 'and the others');
  const mine = count(`notifiche WHERE utente_id = ${userId('operatore')} AND href = '/minori/${id}/scadenze'`);
  assert.doesNotMatch(sql(`SELECT group_concat(testo) FROM notifiche WHERE href = '/minori/${id}/scadenze'`), /Scad|Dieci/, 'by case number, not by name');
  assert.match(sql(`SELECT group_concat(testo) FROM notifiche WHERE href = '/minori/${id}/scadenze'`), new RegExp(`${num}: Art\\. 403`));
  const mail = (where) => count(`notifiche n JOIN ${where} AND n.utente_id = ${userId('operatore')} AND n.href = '/minori/${id}/scadenze'`);
  assert.equal(mail("posta_voci v ON v.notifica_id = n.id JOIN posta_messaggi p ON p.id = v.messaggio_id AND p.genere = 'avviso' WHERE n.tipo = 'scadenza_urgente'"), 1, 'one mail at once, for the art. 403 step');
  assert.equal(mail("posta_voci v ON v.notifica_id = n.id WHERE n.tipo = 'scadenza'"), 0, 'the others not at once');
  assert.equal(mail("posta_attesa a ON a.notifica_id = n.id WHERE n.tipo = 'scadenza'"), told('scadenza'), 'but in the daily digest');
  out = admin('scadenze', 'aggiorna');
  assert.equal(count(`notifiche WHERE utente_id = ${userId('operatore')} AND href = '/minori/${id}/scadenze'`), mine, 'never told twice');

  // A fact written outside the programs (by hand, in SQL): the trigger
  // queues the case all the same.
  const other = await newCase(r);
  admin('scadenze', 'aggiorna');
  sql(`UPDATE minori SET data_403 = '${days(-1).toISOString().slice(0, 10)}' WHERE id = ${other}`);
  assert.equal(count(`scadenze_da_ricalcolare WHERE minore_id = ${other}`), 1, 'the trigger queued it');
  page = await o.get(`/minori/${other}/scadenze`);
  assert.ok(page.body.includes(`Entro il ${it(days(0))} alle 00:00`), 'shown from the facts before the recompute');
  assert.notEqual(sql(`SELECT entro FROM scadenze WHERE minore_id = ${other} AND regola = 'art403_atti'`), days(0).toISOString().slice(0, 10));
  out = admin('scadenze', 'aggiorna');
  assert.match(out, /scadenze aggiornate: [1-9]\d* minori ricalcolati/);
  assert.equal(count(`scadenze_da_ricalcolare WHERE minore_id = ${other}`), 0);
  assert.equal(sql(`SELECT entro FROM scadenze WHERE minore_id = ${other} AND regola = 'art403_atti'`), days(0).toISOString().slice(0, 10));

  // My agenda: today's section has it (the other tests' cases may come
  // first: its own pages); the navigation counts it.
  page = await o.get('/minori/scadenze');
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1>Le mie scadenze<\/h1>/);
  for (const id of ['scadute', 'oggi', 'settimana', 'avanti'])
    assert.match(section(page.body, id), new RegExp(`<h2 id="${id}"`), `the section ${id}`);
  const oggi = await allOf(o, 'oggi');
  assert.ok(oggi.some((li) => li.includes(num) && li.includes('Art. 403: trasmettere')), 'due today: the art. 403 step');
  assert.match(page.body, /aria-current="page" class="active">Le mie scadenze <span class="approdo-conta">(\d+|99\+)<span class="visually-hidden"> scadute o in scadenza oggi<\/span>/);
  assert.doesNotMatch(page.body, /scadenze\/ufficio/, 'no link to the office\'s view for a worker');
  const home = await o.get('/');
  assert.match(home.body, /Le mie scadenze <span class="approdo-conta">/, 'the count on every page');
  // Another worker reads the case, but it is not in their agenda.
  const g = await as('operatrice');
  assert.equal((await g.get(`/minori/${id}/scadenze`)).status, 200);
  assert.ok(!(await allOf(g, 'oggi')).some((li) => li.includes(num)), 'not in another worker\'s agenda');

  // The notice to the prosecutor recorded: the 24 hours are done, the 72 start.
  const token = await o.csrf(`/minori/${id}/rintraccio`);
  const res = await o.post(`/minori/${id}/rintraccio`, {
    csrf: token, data_rintraccio: it(days(0)), modalita_rintraccio: 'sbarco', data_403: it(days(0)),
    data_403_comunicazione: it(days(0)),
  });
  assert.equal(res.status, 303);
  page = await o.get(`/minori/${id}/scadenze`);
  assert.match(page.body, /<strong>Fatta il [0-9/]+<\/strong>: Art\. 403: trasmettere/, 'shown done at once (computed from the facts)');
  assert.match(page.body, /Art\. 403: il PM revoca o chiede la convalida/);
  assert.ok(page.body.includes(`Entro il ${it(days(3))} alle 00:00`), '72 hours from the notice\'s date');
  admin('scadenze', 'aggiorna');
  assert.equal(sql(`SELECT stato FROM scadenze WHERE minore_id = ${id} AND regola = 'art403_atti'`), 'fatta');
  assert.equal(sql(`SELECT stato FROM scadenze WHERE minore_id = ${id} AND regola = 'art403_convalida'`), 'aperta');
  assert.ok(!(await allOf(o, 'oggi')).some((li) => li.includes(`${num})</span>: Art. 403: trasmettere`)), 'no longer in my agenda');
});

test(`${SERVER}: the office's overdue deadlines by worker, escalated to the responsabile`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r, {
    data_rintraccio: it(days(-40)), data_403: it(days(-40)), data_presa_in_carico: it(days(-39)),
    struttura_id: struttura('Centro di pronta accoglienza Tiburtino'),
  });
  const num = numero(id);
  admin('scadenze', 'aggiorna');
  assert.equal(sql(`SELECT stato FROM scadenze WHERE minore_id = ${id} AND regola = 'prima_accoglienza'`), 'aperta', 'in first reception for 39 days');
  assert.ok(count(`notifiche WHERE utente_id = ${userId('responsabile')} AND href = '/minori/${id}/scadenze' AND testo LIKE '%passa al responsabile%'`) >= 1,
    'late for more than 3 days: the responsabile is told');
  let page = await r.get('/minori/scadenze/ufficio');
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1>Scadenze scadute dell&#39;ufficio<\/h1>|<h1>Scadenze scadute dell'ufficio<\/h1>/);
  const table = section(page.body, 'operatori');
  assert.match(table, /<th scope="row"><a href="\/minori\/scadenze\/ufficio\?operatore=\d+">Omar Operatore<\/a><\/th><td>\d+<\/td><td>\d+<\/td>/);
  page = await r.get(`/minori/scadenze/ufficio?operatore=${userId('operatore')}`);
  assert.match(page.body, /Scadute di Omar Operatore/);
  // Oldest first, 25 a page: the other tests' cases may come before.
  let found = '';
  for (let p = 1; p < 200 && !/Permanenza in prima accoglienza/.test(found); p++) {
    const res = await r.get(`/minori/scadenze/ufficio?operatore=${userId('operatore')}&pagina=${p}`);
    found += (res.body.match(/<li[\s\S]*?<\/li>/g) || []).filter((li) => li.includes(num)).join('\n');
    if (!res.body.includes('Pagina successiva')) break;
  }
  assert.ok(found, 'the case is in Omar\'s overdue list');
  assert.match(found, /Permanenza in prima accoglienza: al massimo 30 giorni/);
  assert.match(found, /in ritardo di oltre 3 giorni/);
  assert.equal((await r.get('/minori/scadenze/ufficio?operatore=abc')).status, 200, 'a bad filter is ignored');
  page = await r.get('/minori/scadenze');
  assert.match(page.body, /href="\/minori\/scadenze\/ufficio"/, 'the responsabile\'s agenda links the office\'s view');

  // A worker does not reach the office's view; a facility reaches nothing.
  const o = await as('operatore');
  let denied = count(`audit WHERE azione = 'permission_denied' AND dettaglio = '/minori/scadenze/ufficio'`);
  assert.equal((await o.get('/minori/scadenze/ufficio')).status, 403);
  assert.equal(count(`audit WHERE azione = 'permission_denied' AND dettaglio = '/minori/scadenze/ufficio'`), denied + 1);
  const s = await as('struttura');
  for (const path of ['/minori/scadenze', '/minori/scadenze/ufficio', `/minori/${id}/scadenze`]) {
    denied = count(`audit WHERE azione = 'permission_denied' AND dettaglio = '${path}'`);
    assert.equal((await s.get(path)).status, 403, `${path}: 403 for a facility`);
    assert.equal(count(`audit WHERE azione = 'permission_denied' AND dettaglio = '${path}'`), denied + 1, `${path}: an audit row`);
  }
  assert.doesNotMatch((await s.get('/')).body, /Le mie scadenze/, 'no agenda in a facility\'s navigation');
  assert.equal((await s.post('/minori/scadenze', {})).status === 405 || (await s.post('/minori/scadenze', {})).status === 403, true);
});

test(`${SERVER}: the agenda's pages and paths`, async () => {
  const o = await as('operatore');
  let page = await o.get('/minori/scadenze?elenco=scadute');
  assert.equal(page.status, 200);
  assert.match(page.body, /← Tutte le mie scadenze/, 'one section alone');
  assert.match(page.body, /<h2 id="scadute"/);
  assert.doesNotMatch(page.body, /<h2 id="oggi"/);
  page = await o.get('/minori/scadenze?elenco=scadute&pagina=2');
  assert.equal(page.status, 200);
  page = await o.get('/minori/scadenze?elenco=nulla');
  assert.equal(page.status, 200);
  assert.match(page.body, /<h2 id="oggi"/, 'an unknown section: the whole agenda');
  assert.equal((await o.get('/minori/scadenze?pagina=0')).status, 200, 'a page out of range: the first');
  assert.equal((await o.get('/minori/999999/scadenze')).status, 404, 'no such case');
  const tpl = await o.get('/minori/scadenze/../../cgi-bin/templates/scadenze/pannello.cs');
  assert.notEqual(tpl.status, 200, 'templates are never served');
});
