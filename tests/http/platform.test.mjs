// The platform scenario, run through each real web server (nginx with
// spawn-fcgi, Apache with mod_fcgid): login, sessions, CSRF, roles,
// audit, limits, escaping and a worker that dies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, BASE, DEMO, csrfOf, raw, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));

// Tests for some servers only. The virtual hosts (nginx, apache) send every
// path outside /static/ to the programs, so even a template's name gets the
// app's own 404 page; the shared host's .htaccess refuses such names itself
// (Apache's 403): deploy.test.mjs checks them on every server.
const VHOST_ONLY = SERVER === 'shared' && 'virtual hosts only: the shared host answers 403 itself (deploy.test.mjs)';

test(`${SERVER}: login page has the security headers`, async () => {
  const c = new Client();
  const res = await c.get('/login');
  assert.equal(res.status, 200);
  assert.match(res.body, /<html lang="it">/);
  assert.match(res.body, /<form method="post" action="\/login"/);
  const csp = res.headers['content-security-policy'];
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['referrer-policy'], 'same-origin');
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.ok(res.setCookie.some((s) => /HttpOnly/.test(s) && /SameSite=Strict/.test(s)));
  assert.doesNotMatch(res.body, /<script>|<script [^s]|\sstyle="/, 'no inline script or style');
});

test(`${SERVER}: static files are served, templates and unknown paths are not`, { skip: VHOST_ONLY }, async () => {
  const c = new Client();
  const css = await c.get('/static/css/approdo.css');
  assert.equal(css.status, 200);
  assert.match(css.headers['content-type'], /text\/css/);
  const bi = await c.get('/static/bi/css/bootstrap-italia.min.css');
  assert.equal(bi.status, 200, 'Bootstrap Italia is copied into static/');
  for (const p of ['/cgi-bin/templates/layout.cs', '/templates/layout.cs', '/layout.cs', '/sql/001_platform.sql', '/nope']) {
    const res = await c.get(p);
    assert.equal(res.status, 404, p);
    assert.match(res.body, /Pagina non trovata/, p);
    assert.doesNotMatch(res.body, /<\?cs/, p);
  }
});

test(`${SERVER}: a protected page without a session redirects to login`, async () => {
  const c = new Client();
  for (const p of ['/', '/utenti', '/registro', '/password']) {
    const res = await c.get(p);
    assert.equal(res.status, 303, p);
    assert.equal(res.headers.location, '/login', p);
  }
  const post = await c.post('/utenti/nuovo', { username: 'x' });
  assert.equal(post.status, 403);
});

test(`${SERVER}: a bad login answers the same whether or not the user exists`, async () => {
  const before = count("audit WHERE azione = 'login_failed'");
  const unknownBefore = Number(sql("SELECT coalesce(sum(n), 0) FROM audit_tentativi WHERE motivo = 'utente sconosciuto'"));
  const a = new Client(), b = new Client();
  const known = await a.login('operatore', 'wrong-password-123');
  const unknown = await b.login('nessuno-cosi', 'wrong-password-123');
  assert.equal(known.status, 200);
  assert.equal(unknown.status, 200);
  assert.match(known.body, /Nome utente o password non validi/);
  const msg = (s) => s.match(/<div class="alert alert-danger"[^>]*>([^<]*)</)[1];
  assert.equal(msg(known.body), msg(unknown.body));
  assert.ok(!a.cookies.has('approdo') && !b.cookies.has('approdo'), 'no session');
  // The real account's failure is a row (it counts towards its lock); the
  // unknown name is counted per address and minute, and not kept.
  assert.equal(count("audit WHERE azione = 'login_failed'"), before + 1);
  assert.equal(sql("SELECT username FROM audit WHERE azione = 'login_failed' ORDER BY id DESC LIMIT 1"), 'operatore');
  assert.equal(Number(sql("SELECT sum(n) FROM audit_tentativi WHERE motivo = 'utente sconosciuto'")), unknownBefore + 1);
  assert.equal(count("audit WHERE username = 'nessuno-cosi'"), 0);
});

test(`${SERVER}: nobody can flood the audit log without signing in`, async () => {
  const rows = count('audit');
  const counted = Number(sql("SELECT coalesce(sum(n), 0) FROM audit_tentativi WHERE motivo = 'login senza token'"));
  const c = new Client();
  const N = 60;
  for (let i = 0; i < N; i++) {
    const res = await c.post('/login', { csrf: i % 2 ? 'b'.repeat(64) : '', username: 'x', password: 'y' });
    assert.equal(res.status, 403);
  }
  assert.equal(count('audit'), rows, 'no audit row for a login without its token');
  assert.equal(Number(sql("SELECT sum(n) FROM audit_tentativi WHERE motivo = 'login senza token'")), counted + N);
  assert.ok(count("audit_tentativi WHERE motivo = 'login senza token'") <= 2, 'one counter per address and minute');
  const resp = new Client();
  await resp.login(...DEMO.responsabile);
  assert.match((await resp.get('/registro')).body, /href="\/registro\/tentativi">Tentativi senza accesso nelle ultime 24 ore: \d+/);
  const page = await resp.get('/registro/tentativi');
  assert.equal(page.status, 200);
  assert.match(page.body, /<td>login senza token<\/td>/);
  // An authenticated denial is still a row each.
  const op = new Client();
  await op.login(...DEMO.operatore);
  const denied = count("audit WHERE azione = 'permission_denied'");
  assert.equal((await op.get('/registro')).status, 403);
  assert.equal(count("audit WHERE azione = 'permission_denied'"), denied + 1);
});

test(`${SERVER}: the login form needs its CSRF token and our Origin`, async () => {
  const c = new Client();
  const token = await c.csrf('/login');
  const [u, p] = DEMO.operatore;
  assert.equal((await c.post('/login', { username: u, password: p })).status, 403);
  assert.equal((await c.post('/login', { csrf: 'f'.repeat(64), username: u, password: p })).status, 403);
  assert.equal((await c.post('/login', { csrf: token, username: u, password: p }, { origin: 'http://evil.example' })).status, 403);
  assert.ok(!c.cookies.has('approdo'));
});

test(`${SERVER}: login gives a new session token each time and ends the old one`, async () => {
  const c = new Client();
  const res = await c.login(...DEMO.admin);
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/');
  const cookie = res.setCookie.find((s) => s.startsWith('approdo='));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/, 'plain http on loopback');
  const first = c.cookies.get('approdo');
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.equal(count(`sessioni WHERE hex(token_hash) = upper('${first}')`), 0, 'only a hash is stored');
  const home = await c.get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /Anna Amministratrice/);
  assert.match(home.body, /Amministratore/);
  assert.match(home.body, /href="\/utenti"/);
  assert.doesNotMatch(home.body, /href="\/registro"/, 'navigation follows the role');

  // Log in again while still holding the first session's cookie.
  const fresh = new Client();
  const token = await fresh.csrf('/login');
  c.cookies.set('approdo_login', fresh.cookies.get('approdo_login'));
  assert.equal((await c.post('/login', { csrf: token, username: DEMO.admin[0], password: DEMO.admin[1] })).status, 303);
  const second = c.cookies.get('approdo');
  assert.notEqual(first, second);
  const old = new Client();
  old.cookies.set('approdo', first);
  assert.equal((await old.get('/')).status, 303, 'the old token no longer works');
});

test(`${SERVER}: a POST without or with a wrong CSRF token gets 403 and changes nothing`, async () => {
  const c = new Client();
  await c.login(...DEMO.admin);
  const token = await c.csrf('/utenti/nuovo');
  assert.ok(token);
  const fields = { username: 'csrf.test', nome: 'Prova CSRF', ruolo: 'operatore', password: 'una-password-lunga' };
  const users = count('utenti');
  for (const [what, extra, opts] of [
    ['no token', {}, {}],
    ['wrong token', { csrf: 'a'.repeat(64) }, {}],
    ['foreign origin', { csrf: token }, { origin: 'http://127.0.0.1:1' }],
  ]) {
    const res = await c.post('/utenti/nuovo', { ...fields, ...extra }, opts);
    assert.equal(res.status, 403, what);
    assert.match(res.body, /Accesso non consentito/, what);
  }
  assert.equal(count('utenti'), users, 'nothing was created');
  assert.ok(count("audit WHERE azione = 'permission_denied' AND entita = 'csrf'") >= 3);
});

test(`${SERVER}: an operatore opening user administration gets 403 and an audit row`, async () => {
  const c = new Client();
  assert.equal((await c.login(...DEMO.operatore)).status, 303);
  const before = count("audit a JOIN utenti u ON u.id = a.utente_id WHERE u.username = 'operatore' AND a.azione = 'permission_denied'");
  const res = await c.get('/utenti');
  assert.equal(res.status, 403);
  assert.match(res.body, /Accesso non consentito/);
  const reg = await c.get('/registro');
  assert.equal(reg.status, 403);
  const after = count("audit a JOIN utenti u ON u.id = a.utente_id WHERE u.username = 'operatore' AND a.azione = 'permission_denied'");
  assert.equal(after, before + 2);
  assert.equal(sql("SELECT dettaglio FROM audit WHERE azione = 'permission_denied' ORDER BY id DESC LIMIT 1"), '/registro');
});

test(`${SERVER}: a bad form comes back with its errors and everything typed`, async () => {
  const c = new Client();
  await c.login(...DEMO.admin);
  const token = await c.csrf('/utenti/nuovo');
  const res = await c.post('/utenti/nuovo', { csrf: token, username: 'mario.rossi', nome: '', email: 'non-una-mail', ruolo: 'struttura', struttura_id: '', password: 'corta' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Il campo «Nome e cognome» è obbligatorio\./);
  assert.match(res.body, /Indirizzo email non valido\./);
  assert.match(res.body, /occorre indicare la struttura/);
  assert.match(res.body, /almeno 10 caratteri/);
  assert.match(res.body, /value="mario.rossi"/);
  assert.match(res.body, /value="non-una-mail"/);
  assert.match(res.body, /<option value="struttura" selected>/);
  assert.doesNotMatch(res.body, /value="corta"/, 'passwords are not echoed');
  assert.equal(count("utenti WHERE username = 'mario.rossi'"), 0);
});

test(`${SERVER}: stored markup comes back escaped`, async () => {
  const c = new Client();
  await c.login(...DEMO.admin);
  const name = `x${SERVER}`;
  const token = await c.csrf('/utenti/nuovo');
  const res = await c.post('/utenti/nuovo', { csrf: token, username: name, nome: '<script>alert("xss")</script>', ruolo: 'operatore', password: 'password-lunga-1' });
  assert.equal(res.status, 303);
  const list = await c.get('/utenti');
  assert.match(list.body, /&lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt;/);
  assert.doesNotMatch(list.body, /<script>alert/);
  const id = sql(`SELECT id FROM utenti WHERE username = '${name}'`);
  assert.equal(sql(`SELECT count(*) FROM audit WHERE azione = 'create' AND entita = 'utente' AND entita_id = ${id}`), '1');
  assert.equal(sql(`SELECT dopo FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita = 'utente' AND a.entita_id = ${id} AND a.azione = 'create' AND campo = 'nome'`), '<script>alert("xss")</script>');
});

test(`${SERVER}: user administration: role change audited, reset forces a new password, disable blocks login`, async () => {
  const admin = new Client();
  await admin.login(...DEMO.admin);
  const name = `u${SERVER}`;
  let token = await admin.csrf('/utenti/nuovo');
  assert.equal((await admin.post('/utenti/nuovo', { csrf: token, username: name, nome: 'Utente Prova', ruolo: 'operatore', password: 'prima-password-1' })).status, 303);
  const id = sql(`SELECT id FROM utenti WHERE username = '${name}'`);

  // The new user must change the initial password first.
  const u = new Client();
  assert.equal((await u.login(name, 'prima-password-1')).status, 303);
  let home = await u.get('/');
  assert.equal(home.status, 303);
  assert.equal(home.headers.location, '/password');
  token = await u.csrf('/password');
  let res = await u.post('/password', { csrf: token, attuale: 'prima-password-1', nuova: 'seconda-password-2', conferma: 'diversa-password' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Le due password non coincidono/);
  res = await u.post('/password', { csrf: token, attuale: 'prima-password-1', nuova: 'seconda-password-2', conferma: 'seconda-password-2' });
  assert.equal(res.status, 303);
  home = await u.get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /Password modificata/);

  // Role change: audited with old and new value.
  token = await admin.csrf(`/utenti/${id}`);
  res = await admin.post(`/utenti/${id}`, { csrf: token, nome: 'Utente Prova', email: '', ruolo: 'responsabile', struttura_id: '' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT prima || '>' || dopo FROM audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE a.entita = 'utente' AND a.entita_id = ${id} AND a.azione = 'update' AND m.campo = 'ruolo'`), 'operatore>responsabile');
  assert.equal((await u.get('/')).status, 303, 'a role change ends the sessions');

  // Reset: the user must choose a new password at the next login.
  token = await admin.csrf(`/utenti/${id}`);
  res = await admin.post(`/utenti/${id}/password`, { csrf: token, password: 'provvisoria-123' });
  assert.equal(res.status, 303);
  assert.equal((await u.login(name, 'seconda-password-2')).status, 200);
  assert.equal((await u.login(name, 'provvisoria-123')).status, 303);
  assert.equal((await u.get('/')).headers.location, '/password');

  // Disable: the right password no longer opens a session.
  token = await admin.csrf(`/utenti/${id}`);
  res = await admin.post(`/utenti/${id}`, { csrf: token, nome: 'Utente Prova', ruolo: 'responsabile', disattivato: '1' });
  assert.equal(res.status, 303);
  const d = new Client();
  const again = await d.login(name, 'provvisoria-123');
  assert.equal(again.status, 200);
  assert.match(again.body, /Nome utente o password non validi/);
});

test(`${SERVER}: five failed logins lock the account, with the same answer`, async () => {
  const admin = new Client();
  await admin.login(...DEMO.admin);
  const name = `lock${SERVER}`;
  const token = await admin.csrf('/utenti/nuovo');
  await admin.post('/utenti/nuovo', { csrf: token, username: name, nome: 'Da Bloccare', ruolo: 'formazione', password: 'giusta-password-1' });
  const c = new Client();
  for (let i = 0; i < 5; i++) assert.equal((await c.login(name, `sbagliata-${i}-xxxx`)).status, 200);
  const res = await c.login(name, 'giusta-password-1');
  assert.equal(res.status, 200, 'locked: even the right password is refused');
  assert.match(res.body, /Nome utente o password non validi/);
  assert.ok(Number(sql(`SELECT bloccato_fino - unixepoch() FROM utenti WHERE username = '${name}'`)) > 30);
  const list = await admin.get('/utenti');
  assert.match(list.body, /Bloccato temporaneamente/);
});

test(`${SERVER}: the responsabile browses and filters the audit log`, async () => {
  const c = new Client();
  await c.login(...DEMO.responsabile);
  const res = await c.get('/registro?azione=login_failed');
  assert.equal(res.status, 200);
  assert.match(res.body, /Accesso fallito/);
  assert.doesNotMatch(res.body, /<td>Uscita<\/td>/);
  const d = new Date();
  const today = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
  const fromToday = await c.get(`/registro?dal=${today}&al=${today}&azione=login`);
  assert.match(fromToday.body, /<td>Accesso<\/td>/, 'today\'s logins are found by date');
  const old = await c.get('/registro?al=01/01/2020');
  assert.match(old.body, /Nessuna voce corrisponde ai filtri/, 'nothing before the first day');
  const bad = await c.get('/registro?dal=31/02/2024');
  assert.equal(bad.status, 200);
  assert.match(bad.body, /Data non valida/);
  assert.match(bad.body, /value="31\/02\/2024"/);
});

test(`${SERVER}: logout ends the session`, async () => {
  const c = new Client();
  await c.login(...DEMO.operatore);
  const token = await c.csrf('/');
  const cookie = c.cookies.get('approdo');
  const res = await c.post('/logout', { csrf: token });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/login');
  assert.ok(!c.cookies.has('approdo'));
  const old = new Client();
  old.cookies.set('approdo', cookie);
  assert.equal((await old.get('/')).status, 303);
  assert.equal(sql("SELECT azione FROM audit WHERE username = 'operatore' ORDER BY id DESC LIMIT 1"), 'logout');
});

test(`${SERVER}: an oversized body gets 413`, async () => {
  const c = new Client();
  const big = 'a=' + 'x'.repeat(10 * 1024 * 1024 + 10);
  const res = await c.request('POST', '/login', { body: big, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.status, 413);
  assert.match(res.body, /troppo grande/);
});

test(`${SERVER}: malformed encoding gets 400`, async () => {
  const c = new Client();
  for (const p of ['/login?x=%zz', '/login?x=%C3%28', '/login?%=1']) {
    const res = await c.get(p);
    assert.equal(res.status, 400, p);
    assert.match(res.body, /Richiesta non valida/, p);
  }
  // A bad escape in the path may be refused by the server itself.
  assert.equal((await c.get('/%zz')).status, 400);
  const token = await c.csrf('/login');
  for (const body of [`csrf=${token}&username=%C3%28&password=x`, `csrf=${token}&username=a%2&password=x`]) {
    const res = await c.request('POST', '/login', { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE } });
    assert.equal(res.status, 400, body);
  }
  const mp = await c.request('POST', '/login', { body: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx', headers: { 'Content-Type': 'multipart/form-data; boundary=b' } });
  assert.equal(mp.status, 400, 'truncated multipart');
});

test(`${SERVER}: unknown path 404, wrong method 405`, async () => {
  const c = new Client();
  assert.equal((await c.get('/utenti/nuovo/altro')).status, 404);
  assert.equal((await c.get('/non-esiste')).status, 404);
  const res = await c.request('PUT', '/login', { body: '' });
  assert.equal(res.status, 405);
  assert.match(res.body, /Metodo non consentito/);
  assert.equal((await c.get('/logout')).status, 405);
});

test(`${SERVER}: a worker killed with SIGKILL is replaced`, async () => {
  const pid = execFileSync('bash', [`${process.env.SRCDIR}/tests/servers.sh`, 'worker-pid', process.env.STATEDIR, 'sessione'], { encoding: 'utf8' }).trim();
  assert.match(pid, /^\d+$/);
  process.kill(Number(pid), 'SIGKILL');
  const c = new Client();
  for (let i = 0; i < 4; i++) {
    const res = await c.get('/login');
    assert.equal(res.status, 200, `request ${i + 1} after the kill`);
  }
});
