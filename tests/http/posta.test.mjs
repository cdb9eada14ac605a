// Mail, with a real SMTP server on loopback (tests/posta_server.py,
// Debian's python3-aiosmtpd) that requires STARTTLS, with a certificate
// made for the test by openssl, and AUTH; the sender is the installed
// approdo-admin, run as the programs' user as its systemd unit runs it.
// A notice queues exactly one message per recipient, which says the case
// number, the kind, the date and the link and nothing of the minor; a
// deadline becoming due (the timer's run on a clock two days ahead,
// libfaketime) queues exactly one message, once; the user's choice is kept (CSRF, audit); a refused recipient: the error
// kept and the message tried again; the server down for a while: every
// message arrives once; the sender killed mid-batch: none lost, at most
// the one it was sending twice; a CR/LF in a subject adds no header; the
// digest is one message per user; a message failed for good is on the
// administrator's page and can be tried again; smtps:// and a server
// without TLS. The servers it starts are stopped after, also on failure.
// The mail does not depend on the web server: it runs under nginx only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Client, BASE, DEMO, csrfOf, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const STATEDIR = process.env.STATEDIR;
const SKIP = SERVER !== 'nginx' && 'the mail is the same whatever the web server: nginx only';
const ADMIN = `${STATEDIR}/install/usr/local/bin/approdo-admin`;
const DIR = `${STATEDIR}/posta-test`;
const BOX = `${DIR}/casella`;
const REFUSE = `${DIR}/rifiuta`;
const PASSWORD = 'password-smtp-di-prova';
const RUN_USER = process.env.APPRODO_USER || 'www-data';
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const pad = (n) => String(n).padStart(2, '0');
const it = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const yesterday = () => new Date(Date.now() - 86400000);
const servers = new Set();
let smtpPort = 0;
let main = null;	// the server the scenarios share, started in before()

// ---- the SMTP server -------------------------------------------------------

function startSmtp({ port = 0, tls = true, smtps = false, auth = true, lento = 0 } = {}) {
  const args = [`${process.env.SRCDIR}/tests/posta_server.py`, '--porta', String(port), '--cartella', BOX, '--rifiuta', REFUSE, '--lento', String(lento)];
  if (tls) args.push('--tls', `${DIR}/cert.pem`, `${DIR}/key.pem`);
  if (smtps) args.push('--smtps');
  if (auth) args.push('--utente', 'approdo', '--password', PASSWORD);
  const p = spawn('/usr/bin/python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.add(p);
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`posta_server.py did not start: ${err}`)), 15000);
    p.stderr.on('data', (c) => { err += c; });
    p.stdout.on('data', (c) => {
      const m = String(c).match(/pronto (\d+)/);
      if (m) { clearTimeout(timer); resolve({ p, port: Number(m[1]) }); }
    });
    p.on('exit', (code) => { clearTimeout(timer); servers.delete(p); reject(new Error(`posta_server.py exited ${code}: ${err}`)); });
  });
}

function stopSmtp(s) {
  return new Promise((resolve) => {
    if (s.p.exitCode !== null) return resolve();
    s.p.removeAllListeners('exit');
    s.p.on('exit', () => { servers.delete(s.p); resolve(); });
    s.p.kill('SIGTERM');
  });
}

// ---- what the server received ---------------------------------------------

// Every message the server accepted: envelope, headers (unfolded, encoded
// words decoded), body (quoted-printable decoded), the text as it came.
function received() {
  if (!fs.existsSync(BOX)) return [];
  return fs.readdirSync(BOX).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const m = JSON.parse(fs.readFileSync(`${BOX}/${f}`, 'utf8'));
    const raw = Buffer.from(m.data, 'latin1').toString('latin1');
    const cut = raw.indexOf('\r\n\r\n');
    const head = raw.slice(0, cut).replace(/\r\n[ \t]+/g, ' ');
    const headers = [];
    for (const line of head.split('\r\n')) {
      const i = line.indexOf(':');
      const value = line.slice(i + 1).trim()
        .replace(/\?=\s+=\?/g, '?==?')
        .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b) => Buffer.from(b, 'base64').toString('latin1'));
      headers.push([line.slice(0, i).toLowerCase(), Buffer.from(value, 'latin1').toString('utf8')]);
    }
    const qp = raw.slice(cut + 4).replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return {
      ...m, raw, headers,
      header: (n) => headers.filter(([k]) => k === n.toLowerCase()).map(([, v]) => v),
      body: Buffer.from(qp, 'latin1').toString('utf8').replace(/\r\n/g, '\n'),
    };
  });
}

const receivedCount = () => (fs.existsSync(BOX) ? fs.readdirSync(BOX).filter((f) => f.endsWith('.json')).length : 0);

// What was received, by Message-ID.
function index() {
  const map = new Map();
  for (const m of received()) {
    const k = m.header('message-id')[0];
    map.set(k, [...(map.get(k) || []), m]);
  }
  return map;
}

// The messages received for outbox message `id` (by its Message-ID);
// `keys` the Message-IDs' own parts of many messages, read at once.
function arrived(id, map = index(), keys = null) {
  const key = keys ? keys.get(id) : sql(`SELECT chiave FROM posta_messaggi WHERE id = ${id}`);
  return map.get(`<${id}.${key}@comune.example>`) || [];
}
const keysSince = (from) => new Map(sql(`SELECT id || ' ' || chiave FROM posta_messaggi WHERE id > ${from}`).split('\n').map((l) => l.split(' ')).map(([i, k]) => [Number(i), k]));

async function waitFor(cond, ms = 20000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

// ---- the sender --------------------------------------------------------------

function env(extra = {}) {
  return {
    ...process.env,
    APPRODO_DB: process.env.APPRODO_DB,
    APPRODO_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    APPRODO_SMTP_USER: 'approdo',
    APPRODO_SMTP_PASSWORD_FILE: `${DIR}/password`,
    APPRODO_SMTP_FROM: 'Approdo <approdo@comune.example>',
    APPRODO_SMTP_CA: `${DIR}/cert.pem`,
    APPRODO_SMTP_TIMEOUT: '5',
    APPRODO_URL: BASE,
    ...extra,
  };
}
// approdo-admin as the programs' user (setpriv execs it: its pid is ours).
const asUser = ['setpriv', `--reuid=${RUN_USER}`, `--regid=${RUN_USER}`, '--init-groups', ADMIN];
function admin(args, extra = {}) {
  const r = spawnSync(asUser[0], [...asUser.slice(1), ...args], { env: env(extra), encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
const send = (extra) => admin(['posta', 'invia'], extra);
const lastId = () => Number(sql('SELECT coalesce(max(id), 0) FROM posta_messaggi'));
const newSince = (id) => sql(`SELECT group_concat(id) FROM posta_messaggi WHERE id > ${id}`).split(',').filter(Boolean).map(Number);

// ---- the web side ------------------------------------------------------------

async function as(who, pw) {
  const c = new Client();
  assert.equal((await c.login(...(pw ? [who, pw] : DEMO[who]))).status, 303, `${who} signs in`);
  return c;
}

async function post(c, path, fields) {
  const page = await c.get(path);
  assert.equal(page.status, 200, `GET ${path}`);
  const invio = page.body.match(/name="invio" value="([0-9a-f]+)"/)?.[1];
  return c.post(path, { csrf: csrfOf(page.body), ...(invio ? { invio } : {}), ...fields });
}

let seq = 0;
async function newCase(r, cognome, fields = {}) {
  seq++;
  const res = await post(r, '/minori/nuovo', {
    cognome, nome: 'Ibrahima', sesso: 'M', data_nascita: '10/05/2009', paese_nascita: 'Gambia',
    cittadinanza: 'Gambia', data_rintraccio: '02/10/2025', modalita_rintraccio: 'sbarco', data_403: '02/10/2025',
    data_presa_in_carico: '03/10/2025', struttura_id: sql("SELECT id FROM strutture WHERE nome = 'Comunità Il Ponte'"),
    operatore_id: userId('operatore'), conferma_nuovo: '1', ...fields,
  });
  assert.equal(res.status, 303);
  // The intake's deadlines kept and told (the timer's pass), their mail
  // (art. 403, long past) sent first.
  const k = admin(['scadenze', 'aggiorna']);
  assert.equal(k.status, 0, k.out);
  await drain();
  return Number(res.headers.location.match(/^\/minori\/(\d+)$/)[1]);
}

// The facility reports the minor missing: the urgent notice.
async function runAway(id) {
  const s = await as('struttura');
  const res = await post(s, `/minori/${id}/eventi/nuovo`, {
    tipo: 'allontanamento', data: it(yesterday()), ora: '21:30', ultimo_avvistamento: 'Stazione Termini con Moussa',
    descrizione: 'Non è rientrato dopo la scuola di via Merulana',
  });
  assert.equal(res.status, 303);
}

// Everything queued so far (the other scenarios' notices) sent first.
async function drain() {
  fs.writeFileSync(REFUSE, '');
  const r = admin(['posta', 'invia', '--subito']);
  assert.equal(r.status, 0, r.out);
  assert.equal(count("posta_messaggi WHERE stato IN ('in_coda', 'in_invio')"), 0, 'the queue is empty');
}

before(async () => {
  if (SKIP) return;
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true, mode: 0o755 });
  fs.chmodSync(DIR, 0o755);
  // A throwaway CA-less certificate for 127.0.0.1, trusted by the sender.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', `${DIR}/key.pem`, '-out', `${DIR}/cert.pem`],
  { stdio: 'ignore' });
  fs.chmodSync(`${DIR}/cert.pem`, 0o644);
  fs.writeFileSync(`${DIR}/password`, `${PASSWORD}\n`, { mode: 0o644 });
  fs.writeFileSync(REFUSE, '');
  main = await startSmtp();
  smtpPort = main.port;
});

after(async () => {
  for (const p of servers) p.kill('SIGKILL');
  servers.clear();
});

test(`${SERVER}: a notice queues exactly one message per recipient; it holds the case number, the kind, the date and the link, nothing of the minor`, { skip: SKIP }, async () => {
  await drain();
  const r = await as('responsabile');
  const cognome = `Ceesay${Date.now() % 100000}`;
  const id = await newCase(r, cognome);
  const numero = sql(`SELECT numero FROM minori WHERE id = ${id}`);
  const from = lastId();
  await runAway(id);
  const wants = sql("SELECT group_concat(id) FROM (SELECT id FROM utenti WHERE email <> '' AND disattivato = 0 AND (ruolo = 'responsabile' OR username = 'operatore') ORDER BY id)");
  const ids = newSince(from);
  assert.equal(ids.length, wants.split(',').length, 'one message for the case worker, one for each responsabile with an address');
  assert.equal(sql(`SELECT group_concat(utente_id) FROM (SELECT utente_id FROM posta_messaggi WHERE id > ${from} ORDER BY utente_id)`), wants);
  for (const m of ids) {
    assert.equal(sql(`SELECT genere || ' ' || stato FROM posta_messaggi WHERE id = ${m}`), 'avviso in_coda');
    assert.equal(count(`posta_voci v JOIN notifiche n ON n.id = v.notifica_id WHERE v.messaggio_id = ${m} AND n.riferimento = '${numero}' AND n.tipo = 'allontanamento'`), 1, 'telling the notice');
  }
  const res = send();
  assert.equal(res.status, 0, res.out);
  assert.match(res.out, new RegExp(`posta: ${ids.length} inviati, 0 non riusciti`));
  const names = [cognome, 'Ibrahima', 'Gambia', 'Il Ponte', 'Termini', 'Moussa', 'Merulana'];
  for (const m of ids) {
    const got = arrived(m);
    assert.equal(got.length, 1, `message ${m} arrived once`);
    const [mail] = got;
    const to = sql(`SELECT u.email FROM posta_messaggi p JOIN utenti u ON u.id = p.utente_id WHERE p.id = ${m}`);
    assert.deepEqual(mail.rcpt_tos, [to]);
    assert.equal(mail.mail_from, 'approdo@comune.example');
    assert.equal(mail.tls, true, 'over STARTTLS');
    assert.equal(mail.utente, 'approdo', 'signed in');
    assert.deepEqual(mail.header('subject'), [`Approdo, urgente: Allontanamento di un minore (${numero})`]);
    assert.deepEqual(mail.header('to'), [`<${to}>`]);
    assert.deepEqual(mail.header('from'), ['Approdo <approdo@comune.example>']);
    assert.equal(mail.header('date').length, 1);
    assert.deepEqual(mail.header('mime-version'), ['1.0']);
    assert.deepEqual(mail.header('content-type'), ['text/plain; charset=UTF-8']);
    assert.match(mail.body, new RegExp(`Riferimento: ${numero}\\nData: ${it(yesterday()).replace(/\//g, '\\/')} alle 21:30\\nApri in Approdo: ${BASE}/minori/${id}\\n`));
    for (const n of names) {
      assert.ok(!mail.raw.includes(n) && !mail.body.includes(n), `"${n}" is not in the mail`);
    }
    assert.equal(sql(`SELECT stato FROM posta_messaggi WHERE id = ${m}`), 'inviato');
    assert.equal(sql(`SELECT group_concat(esito) FROM posta_tentativi WHERE messaggio_id = ${m}`), 'inviato', 'one try, accepted');
  }
  const again = send();
  assert.equal(again.status, 0);
  assert.match(again.out, /posta: 0 inviati/, 'nothing is sent twice');
  for (const m of ids) assert.equal(arrived(m).length, 1);
});

// approdo-admin as the timer runs it, on a clock `shift` ahead (libfaketime:
// the program's time and SQLite's 'now' both move).
// Under the sanitizers' build libfaketime is preloaded before ASan's
// runtime, which ASan then allows (its checks still run).
function later(shift, args) {
  const asan = process.env.ASAN_OPTIONS;
  const extra = asan ? { ASAN_OPTIONS: `${asan}:verify_asan_link_order=0` } : {};
  const r = spawnSync('faketime', ['-f', shift, ...asUser, ...args], { env: env(extra), encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

test(`${SERVER}: a deadline becoming due queues exactly one message, told once; it says the case number, never the name`, { skip: SKIP }, async () => {
  await drain();
  const r = await as('responsabile');
  const cognome = `Sowe${Date.now() % 100000}`;
  const today = it(new Date());
  // Placed under art. 403 today: 24 hours to tell the prosecutor, due at
  // tomorrow's midnight; its first mail went with the timer's first pass
  // after the intake (drained).
  const id = await newCase(r, cognome, { data_rintraccio: today, data_403: today, data_presa_in_carico: today });
  const numero = sql(`SELECT numero FROM minori WHERE id = ${id}`);
  const from = lastId();
  const mine = () => sql(`SELECT group_concat(p.id || ':' || p.utente_id || ':' || n.tipo) FROM posta_messaggi p JOIN posta_voci v ON v.messaggio_id = p.id JOIN notifiche n ON n.id = v.notifica_id WHERE p.id > ${from} AND n.href = '/minori/${id}/scadenze'`);
  let res = admin(['scadenze', 'aggiorna']);
  assert.equal(res.status, 0, res.out);
  assert.equal(mine(), '', 'nothing new before it is due');
  // Two days on, as the timer would run then: overdue.
  res = later('+2d', ['scadenze', 'aggiorna']);
  assert.equal(res.status, 0, res.out);
  const got = mine();
  assert.match(got, new RegExp(`^\\d+:${userId('operatore')}:scadenza_urgente$`), `exactly one message, to the case worker (${got})`);
  assert.match(sql(`SELECT testo FROM notifiche WHERE href = '/minori/${id}/scadenze' AND tipo = 'scadenza_urgente' ORDER BY id DESC LIMIT 1`), new RegExp(`^${numero}: Art\\. 403: trasmettere.*scaduta il`));
  res = later('+2d', ['scadenze', 'aggiorna']);
  assert.equal(mine(), got, 'the next run tells nothing again');
  res = admin(['posta', 'invia', '--subito']);	// queued "two days on": now
  assert.equal(res.status, 0, res.out);
  const m = Number(got.split(':')[0]);
  const mail = arrived(m);
  assert.equal(mail.length, 1, 'it arrived once');
  assert.match(mail[0].header('subject')[0], new RegExp(`^Approdo, urgente: .*\\(${numero}\\)$`));
  assert.match(mail[0].body, new RegExp(`Riferimento: ${numero}\\n[\\s\\S]*Apri in Approdo: ${BASE}/minori/${id}/scadenze\\n`));
  for (const w of [cognome, 'Ibrahima', 'Gambia', 'Il Ponte']) assert.ok(!mail[0].raw.includes(w) && !mail[0].body.includes(w), `without "${w}"`);
});

test(`${SERVER}: each user chooses the kinds that come by mail; the app still shows them`, { skip: SKIP }, async () => {
  await drain();
  const o = await as('operatore');
  const me = userId('operatore');
  let page = await o.get('/avvisi');
  assert.equal(page.status, 200);
  assert.match(page.body, /Avvisi per email/);
  assert.match(page.body, /operatore@approdo\.example/);
  assert.match(page.body, /id="f-allontanamento" type="checkbox" name="allontanamento" value="1" checked/, 'by mail unless turned off');
  assert.doesNotMatch(page.body, /posta_fallita/, 'only the kinds of the role');
  assert.match((await o.get('/')).body, /href="\/avvisi"/, 'a tile on the home page');
  // Without the CSRF token: refused, nothing changes.
  const prefs = () => sql(`SELECT coalesce(group_concat(tipo || '=' || email), '') FROM posta_preferenze WHERE utente_id = ${me}`);
  const stored = prefs();
  const before = count('audit');
  let res = await o.post('/avvisi', { csrf: 'x'.repeat(64) });
  assert.equal(res.status, 403);
  assert.equal(prefs(), stored, 'nothing changed');
  // The role's other kinds stay by mail: only the missing minor is turned off.
  const kinds = [...page.body.matchAll(/type="checkbox" name="([a-z_0-9]+)" value="1"/g)].map((m) => m[1]);
  assert.ok(kinds.includes('allontanamento') && kinds.length > 1, kinds.join());
  const others = Object.fromEntries(kinds.filter((k) => k !== 'allontanamento').map((k) => [k, '1']));
  res = await post(o, '/avvisi', others);
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/avvisi');
  assert.equal(sql(`SELECT email FROM posta_preferenze WHERE utente_id = ${me} AND tipo = 'allontanamento'`), '0');
  assert.equal(sql(`SELECT a.dettaglio || ':' || m.campo || ':' || m.prima || ':' || m.dopo FROM audit a JOIN audit_modifiche m ON m.audit_id = a.id WHERE a.id > ${before} AND a.entita = 'utente' AND a.entita_id = ${me} AND a.azione = 'update'`),
    'avvisi per email:allontanamento:per email:solo in Approdo', 'an audit row with the old and new choice');
  page = await o.get('/avvisi');
  assert.match(page.body, /Scelte salvate/);
  assert.doesNotMatch(page.body, /name="allontanamento" value="1" checked/);
  // A notice: in the app for both, by mail to the responsabile only.
  const r = await as('responsabile');
  const id = await newCase(r, `Jallow${Date.now() % 100000}`);
  const from = lastId();
  const notices = count(`notifiche WHERE utente_id = ${me}`);
  await runAway(id);
  assert.equal(count(`notifiche WHERE utente_id = ${me}`), notices + 1, 'the case worker still sees it in the app');
  assert.equal(count(`posta_messaggi WHERE id > ${from} AND utente_id = ${me}`), 0, 'no mail for the case worker');
  assert.equal(count(`posta_messaggi WHERE id > ${from} AND utente_id = ${userId('responsabile')}`), 1, 'the responsabile\'s mail');
  // Back on.
  res = await post(o, '/avvisi', { ...others, allontanamento: '1' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT email FROM posta_preferenze WHERE utente_id = ${me} AND tipo = 'allontanamento'`), '1');
  res = await post(o, '/avvisi', { ...others, allontanamento: '1' });
  assert.equal(res.status, 303);
  assert.match((await o.get('/avvisi')).body, /Nessuna modifica/);
  // A role no kind goes to is told so.
  const f = await as('formazione', 'formazione-demo-2026');
  page = await f.get('/avvisi');
  assert.equal(page.status, 200);
  assert.match(page.body, /Per il tuo ruolo non ci sono avvisi/);
  assert.equal(send().status, 0);
});

test(`${SERVER}: the server refusing a recipient: the error is kept, the message tried again later, then sent once`, { skip: SKIP }, async () => {
  const r = await as('responsabile');
  const id = await newCase(r, `Touray${Date.now() % 100000}`);
  fs.writeFileSync(REFUSE, 'operatore@approdo.example\n');
  const from = lastId();
  await runAway(id);
  const mine = Number(sql(`SELECT id FROM posta_messaggi WHERE id > ${from} AND utente_id = ${userId('operatore')}`));
  const other = Number(sql(`SELECT id FROM posta_messaggi WHERE id > ${from} AND utente_id = ${userId('responsabile')}`));
  const t0 = Math.floor(Date.now() / 1000);
  let res = send();
  assert.equal(res.status, 0, 'a refused recipient is not a broken relay');
  assert.match(res.out, /1 inviati, 1 non riusciti \(0 definitivamente\)/);
  assert.doesNotMatch(res.out, /operatore@/, 'the log names no address');
  assert.equal(arrived(other).length, 1, 'the other recipient\'s message went');
  assert.equal(arrived(mine).length, 0);
  assert.equal(sql(`SELECT stato || ' ' || tentativi FROM posta_messaggi WHERE id = ${mine}`), 'in_coda 1');
  assert.ok(Number(sql(`SELECT prossimo FROM posta_messaggi WHERE id = ${mine}`)) >= t0 + 60, 'tried again in a minute');
  const err = sql(`SELECT esito || ' | ' || errore FROM posta_tentativi WHERE messaggio_id = ${mine}`);
  assert.match(err, /^errore \| .*RCPT failed: 550.*550 5\.1\.1 <operatore@approdo\.example>: destinatario rifiutato/, err);
  res = send();
  assert.match(res.out, /0 inviati, 0 non riusciti/, 'not before its time');
  fs.writeFileSync(REFUSE, '');
  res = admin(['posta', 'invia', '--subito']);
  assert.equal(res.status, 0, res.out);
  assert.equal(arrived(mine).length, 1, 'sent once the server takes it');
  assert.equal(sql(`SELECT group_concat(esito, ',') FROM (SELECT esito FROM posta_tentativi WHERE messaggio_id = ${mine} ORDER BY id)`), 'errore,inviato');
});

test(`${SERVER}: the server down for a while, then back: every message arrives once, none lost`, { skip: SKIP }, async () => {
  await drain();
  const from = lastId();
  let res = admin(['posta', 'prova', 'operatore@approdo.example', '--n', '12']);
  assert.equal(res.status, 0, res.out);
  const ids = newSince(from);
  assert.equal(ids.length, 12);
  await stopSmtp(main);
  res = send();
  assert.equal(res.status, 1, 'an exit status for systemd to show');
  assert.match(res.out, /il server non risponde/);
  assert.equal(count(`posta_tentativi WHERE messaggio_id > ${from}`), 1, 'one try, then the sender stops until its next run');
  assert.match(sql(`SELECT errore FROM posta_tentativi WHERE messaggio_id > ${from}`), /connect|Connection refused/i, 'its error kept');
  res = send();
  assert.equal(res.status, 1);
  assert.equal(count(`posta_tentativi WHERE messaggio_id > ${from}`), 2, 'each run one try');
  assert.equal(count(`posta_messaggi WHERE id > ${from} AND stato = 'in_coda'`), 12, 'nothing lost, nothing failed');
  main = await startSmtp({ port: smtpPort });
  res = send();
  assert.equal(res.status, 0, res.out);
  assert.match(res.out, /10 inviati/, 'the ten not tried yet go at once');
  res = admin(['posta', 'invia', '--subito']);
  assert.match(res.out, /2 inviati/, 'the two that failed, without waiting (--subito)');
  const map = index();
  for (const m of ids) assert.equal(arrived(m, map).length, 1, `message ${m} arrived exactly once`);
  assert.equal(count(`posta_messaggi WHERE id > ${from} AND stato = 'inviato'`), 12);
});

test(`${SERVER}: the sender killed mid-batch: no message lost, at most the one it was sending twice`, { skip: SKIP }, async () => {
  await drain();
  // A relay that takes 5 ms a message, so that the kill falls mid-batch.
  const slow = await startSmtp({ lento: 5 });
  const url = { APPRODO_SMTP_URL: `smtp://127.0.0.1:${slow.port}` };
  const from = lastId();
  const N = 300;
  assert.equal(admin(['posta', 'prova', 'responsabile@approdo.example', '--n', String(N)]).status, 0);
  const ids = newSince(from);
  assert.equal(ids.length, N);
  const already = receivedCount();
  const p = spawn(asUser[0], [...asUser.slice(1), 'posta', 'invia'], { env: env(url), stdio: 'ignore' });
  const exited = new Promise((resolve) => p.on('exit', resolve));
  assert.ok(await waitFor(() => receivedCount() >= already + 50), 'the sender is under way');
  p.kill('SIGKILL');
  await exited;
  const sentBefore = count(`posta_messaggi WHERE id > ${from} AND stato = 'inviato'`);
  assert.ok(sentBefore >= 49 && sentBefore < N, `killed mid-batch (${sentBefore} of ${N} marked sent)`);
  assert.ok(count(`posta_messaggi WHERE id > ${from} AND stato = 'in_invio'`) <= 1, 'at most one in progress');
  const res = admin(['posta', 'invia', '--subito'], url);
  assert.equal(res.status, 0, res.out);
  assert.equal(count(`posta_messaggi WHERE id > ${from} AND stato = 'inviato'`), N, 'every message sent');
  const map = index();
  const keys = keysSince(from);
  let twice = 0;
  for (const m of ids) {
    const n = arrived(m, map, keys).length;
    assert.ok(n === 1 || n === 2, `message ${m} arrived (${n})`);
    if (n === 2) twice++;
  }
  const interrupted = count(`posta_tentativi WHERE messaggio_id > ${from} AND esito = 'interrotto'`);
  assert.ok(twice <= 1 && interrupted <= 1, `at most the interrupted one twice (${twice}; ${interrupted} interrupted)`);
  if (twice === 1) assert.equal(interrupted, 1, 'the one sent twice is the interrupted try');
  assert.equal(count(`posta_tentativi WHERE messaggio_id > ${from} AND esito = 'in_corso'`), 0);
  await stopSmtp(slow);
});

test(`${SERVER}: a CR/LF in a subject cannot add a header or a recipient`, { skip: SKIP }, async () => {
  await drain();
  const from = lastId();
  const res = admin(['posta', 'prova', 'operatore@approdo.example', '--oggetto', 'Prova\r\nBcc: spia@altrove.example\r\n\r\nCorpo finto']);
  assert.equal(res.status, 0, res.out);
  assert.equal(admin(['posta', 'prova', 'a@b.it\r\nRCPT TO:<spia@altrove.example>']).status, 1, 'an address with a CR/LF is refused');
  assert.equal(send().status, 0);
  const [id] = newSince(from);
  const [mail] = arrived(id);
  assert.deepEqual(mail.rcpt_tos, ['operatore@approdo.example'], 'one recipient');
  assert.deepEqual(mail.header('bcc'), [], 'no Bcc header');
  assert.deepEqual(mail.header('subject'), ['Prova Bcc: spia@altrove.example Corpo finto']);
  assert.deepEqual(mail.headers.map(([k]) => k), ['date', 'from', 'to', 'subject', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding', 'auto-submitted']);
  assert.doesNotMatch(mail.body, /Corpo finto/);
});

test(`${SERVER}: a message failed for good: the administrators are told (in the app, in their one daily digest); its page; tried again`, { skip: SKIP }, async () => {
  await drain();
  const a = await as('admin');
  // A second administrator, with an address, who takes this kind in the app only.
  const name = `admin${Date.now() % 100000}`;
  const add = spawnSync(asUser[0], [...asUser.slice(1), 'user', 'add', name, 'amministratore', '--nome', 'Seconda Amministratrice'], { env: env(), input: 'seconda-amministratrice-2026\n', encoding: 'utf8' });
  assert.equal(add.status, 0, add.stdout + add.stderr);
  const second = userId(name);
  assert.equal((await post(a, `/utenti/${second}`, { nome: 'Seconda Amministratrice', email: `${name}@approdo.example`, ruolo: 'amministratore', struttura_id: '' })).status, 303);
  const a2 = await as(name, 'seconda-amministratrice-2026');
  assert.match((await a2.get('/avvisi')).body, /name="posta_fallita" value="1" checked/);
  assert.equal((await post(a2, '/avvisi', {})).status, 303);
  const admins = sql("SELECT group_concat(id) FROM utenti WHERE ruolo = 'amministratore' AND disattivato = 0").split(',').length;

  fs.writeFileSync(REFUSE, 'nessuno@approdo.example\n');
  const from = lastId();
  assert.equal(admin(['posta', 'prova', 'nessuno@approdo.example', '--n', '2']).status, 0);
  const failed = newSince(from);
  const notices = count("notifiche WHERE tipo = 'posta_fallita'");
  const res = send({ APPRODO_SMTP_TENTATIVI: '1' });
  assert.equal(res.status, 0, res.out);
  assert.match(res.out, /0 inviati, 2 non riusciti \(2 definitivamente\)/);
  for (const m of failed) assert.equal(sql(`SELECT stato FROM posta_messaggi WHERE id = ${m}`), 'fallito');
  assert.equal(count("notifiche WHERE tipo = 'posta_fallita'"), notices + 2 * admins, 'each administrator, for each message, in the app');
  assert.match((await a2.get('/')).body, new RegExp(`Email n. ${failed[0]} non consegnata`), 'on the home page');
  // The digest: one message for the administrator who takes it by mail, none for the other.
  const digests = lastId();
  const d = admin(['posta', 'riepilogo']);
  assert.equal(d.status, 0, d.out);
  const made = newSince(digests);
  assert.equal(count(`posta_messaggi WHERE id > ${digests} AND utente_id = ${second}`), 0, 'none for the one who turned it off', d.out);
  assert.equal(count(`posta_messaggi WHERE id > ${digests} AND genere <> 'riepilogo'`), 0);
  assert.equal(Number(sql(`SELECT count(DISTINCT utente_id) FROM posta_messaggi WHERE id > ${digests}`)), made.length, 'one per user');
  const mine = Number(sql(`SELECT id FROM posta_messaggi WHERE id > ${digests} AND utente_id = ${userId('admin')}`));
  assert.equal(count(`posta_voci WHERE messaggio_id = ${mine}`), 2, 'both notices in one message');
  assert.match(admin(['posta', 'riepilogo']).out, /0 riepiloghi/, 'nothing waits any more');
  fs.writeFileSync(REFUSE, '');
  assert.equal(send().status, 0);
  const [mail] = arrived(mine);
  assert.deepEqual(mail.rcpt_tos, ['admin@approdo.example']);
  assert.match(mail.header('subject')[0], /^Approdo: riepilogo del \d\d\/\d\d\/\d{4}, 2 avvisi$/);
  for (const m of failed) assert.match(mail.body, new RegExp(`Email non consegnata\\nRiferimento: messaggio n. ${m}\\nData: \\d\\d/\\d\\d/\\d{4}\\nApri in Approdo: ${BASE}/avvisi/posta\\n`));
  // The outbox's page, the administrator's only.
  const o = await as('operatore');
  assert.equal((await o.get('/avvisi/posta')).status, 403);
  let page = await a.get('/avvisi/posta');
  assert.equal(page.status, 200);
  assert.match(page.body, /Posta in uscita/);
  assert.match(page.body, new RegExp(`<td>${failed[0]}</td><td>prova</td><td>nessuno@approdo.example</td>`));
  assert.match(page.body, /destinatario rifiutato/, 'with the last error');
  const st = admin(['posta', 'stato']);
  assert.equal(st.status, 1, 'posta stato exits 1 while a message has failed');
  assert.match(st.out, new RegExp(`n\\. ${failed[0]} +prova +per nessuno@approdo\\.example`));
  // Tried again, from the page: audited, then sent.
  const audits = count(`audit WHERE entita = 'posta_messaggio' AND entita_id = ${failed[0]} AND azione = 'update'`);
  assert.equal((await a.post(`/avvisi/posta/${failed[0]}/riprova`, { csrf: 'x'.repeat(64) })).status, 403, 'CSRF');
  const token = csrfOf(page.body);
  assert.equal((await a.post(`/avvisi/posta/${failed[0]}/riprova`, { csrf: token })).status, 303);
  assert.equal(count(`audit WHERE entita = 'posta_messaggio' AND entita_id = ${failed[0]} AND azione = 'update'`), audits + 1);
  assert.equal(admin(['posta', 'riprova', String(failed[1])]).status, 0);
  assert.equal(send().status, 0);
  for (const m of failed) assert.equal(arrived(m).length, 1, `message ${m} sent after all`);
  assert.equal(admin(['posta', 'stato']).status, 0);
});

test(`${SERVER}: smtps:// (TLS from the start); a server without TLS gets nothing (STARTTLS required)`, { skip: SKIP }, async () => {
  await drain();
  const s = await startSmtp({ smtps: true });
  let from = lastId();
  assert.equal(admin(['posta', 'prova', 'operatore@approdo.example']).status, 0);
  let res = send({ APPRODO_SMTP_URL: `smtps://127.0.0.1:${s.port}` });
  assert.equal(res.status, 0, res.out);
  let [id] = newSince(from);
  assert.equal(arrived(id).length, 1);
  assert.equal(arrived(id)[0].tls, true);
  await stopSmtp(s);
  const plain = await startSmtp({ tls: false, auth: false });
  from = lastId();
  assert.equal(admin(['posta', 'prova', 'operatore@approdo.example']).status, 0);
  [id] = newSince(from);
  res = send({ APPRODO_SMTP_URL: `smtp://127.0.0.1:${plain.port}`, APPRODO_SMTP_USER: '' });
  assert.equal(res.status, 1, res.out);
  assert.equal(arrived(id).length, 0, 'nothing sent in clear');
  assert.match(sql(`SELECT errore FROM posta_tentativi WHERE messaggio_id = ${id}`), /SSL|TLS/i);
  res = send({ APPRODO_SMTP_URL: `smtp://127.0.0.1:${plain.port}`, APPRODO_SMTP_TLS: 'none' });
  assert.equal(res.status, 1, 'a password is never sent in clear');
  assert.match(res.out, /posta non configurata: con APPRODO_SMTP_USER la connessione deve essere cifrata/);
  res = admin(['posta', 'invia', '--subito'], { APPRODO_SMTP_URL: `smtp://127.0.0.1:${plain.port}`, APPRODO_SMTP_TLS: 'none', APPRODO_SMTP_USER: '' });
  assert.equal(res.status, 0, res.out);
  assert.equal(arrived(id).length, 1, 'with TLS turned off (a relay on this machine), it goes');
  assert.equal(arrived(id)[0].tls, false);
  await stopSmtp(plain);
  assert.match(send({ APPRODO_SMTP_URL: '' }).out, /posta non configurata: manca APPRODO_SMTP_URL/);
});

test(`${SERVER}: the systemd units run the commands tested here, the sender every minute`, { skip: SKIP }, () => {
  const unit = (f) => fs.readFileSync(`${process.env.SRCDIR}/apache/${f}`, 'utf8');
  const line = (text, key) => text.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  assert.deepEqual(line(unit('approdo-posta-invia.service'), 'ExecStart'), ['/usr/local/bin/approdo-admin posta invia']);
  assert.deepEqual(line(unit('approdo-posta-invia.service'), 'User'), ['approdo'], 'as the programs\' user');
  assert.deepEqual(line(unit('approdo-posta-invia.timer'), 'OnCalendar'), ['*-*-* *:*:00']);
  assert.deepEqual(line(unit('approdo-posta-riepilogo.service'), 'ExecStart'), ['/usr/local/bin/approdo-admin posta riepilogo']);
  assert.equal(line(unit('approdo-posta-riepilogo.timer'), 'OnCalendar').length, 1);
  assert.ok(line(unit('approdo-posta-invia.service'), 'Environment').some((e) => e.startsWith('APPRODO_SMTP_PASSWORD_FILE=%d/')), 'the password as a credential');
  assert.ok(!line(unit('approdo-posta-invia.service'), 'Environment').some((e) => e.startsWith('APPRODO_SMTP_PASSWORD=')), 'never in the environment');
});
