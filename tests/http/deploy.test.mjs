// What the deployed configuration must never hand out, on every server
// (nginx, apache, and the shared host of apache/htaccess): templates, the
// database and its WAL files, uploaded files, the state directory (var/),
// the programs, the .htaccess and the wrappers. Requests go to the places
// where these live relative to the document root, and to the obvious
// guesses; each must answer 403 or 404 (or 400 for a path climbing above
// the root, which the servers refuse themselves), and never with their
// contents. Needs STATEDIR (the server's tests/servers.sh state directory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const STATEDIR = process.env.STATEDIR;
const SHARED = SERVER === 'shared';

// Where tests/servers.sh installs things (its "Production path -> here"):
// the directory served as files, the URL it is served at, the templates.
const layout = SHARED ? {
  docroot: `${STATEDIR}/home/public_html`, url: '/',
  templates: `${STATEDIR}/home/approdo/templates`,
  programs: `${STATEDIR}/home/approdo/libexec`,
} : {
  docroot: `${STATEDIR}/install/usr/local/share/approdo/htdocs/static`, url: '/static/',
  templates: `${STATEDIR}/install/usr/local/share/approdo/templates`,
  programs: `${STATEDIR}/install/usr/local/libexec/approdo`,
};

// What must never come back, each with a file that has it (so that a
// detector that matches nothing cannot pass everything).
const SECRETS = [
  ['a template', /<\?cs/, () => `${layout.templates}/layout.cs`],
  ['the database', /SQLite format 3/, () => `${STATEDIR}/approdo.db`],
  ['a program', /\x7fELF/, () => `${layout.programs}/sessione`],
  ['a migration', /CREATE TABLE/i, () => `${process.env.SRCDIR}/sql/001_core_platform.sql`],
  ['the .htaccess', /RewriteRule/, () => SHARED && `${layout.docroot}/.htaccess`],
  ['a wrapper', /#!\/bin\/sh|APPRODO_DB=/, () => SHARED && `${layout.docroot}/fcgi/sessione.fcgi`],
  ['an uploaded file', /approdo-never-served-marker/, () => null],
  ['a directory listing', /Index of|<title>Index/i, () => null],
];

function neverServed(res, what) {
  for (const [name, re] of SECRETS) {
    assert.doesNotMatch(res.bytes.toString('latin1'), re, `${what}: the body has ${name}`);
  }
}

const up = (from, to) => path.relative(from, to);
// The place where FILE lives, as a URL relative to the served directory,
// as it is and with its dots escaped.
function relative(file) {
  const p = layout.url + up(layout.docroot, file);
  return [p, p.replaceAll('..', '%2e%2e'), p.replaceAll('..', '.%2E')];
}

const GUESSES = [
  '/approdo.db', '/approdo.db-wal', '/approdo.db-shm', '/approdo.sqlite',
  '/var/', '/var/approdo.db', '/var/files/', '/var/lib/approdo/approdo.db',
  '/files/', '/conf/', '/log/', '/run/',
  '/templates/layout.cs', '/templates/', '/cgi-bin/templates/layout.cs', '/cgi-bin/',
  '/cgi-bin/sessione', '/layout.cs', '/static/layout.cs', '/static/../templates/layout.cs',
  '/static/../approdo.db', '/static/templates/layout.cs', '/static/approdo.db', '/static/var/approdo.db',
  '/static/', '/static/css/', '/sql/001_core_platform.sql',
  '/approdo/templates/layout.cs', '/approdo/var/approdo.db', '/approdo/var/', '/approdo/var/files/',
  '/approdo/libexec/sessione', '/approdo/sql/001_core_platform.sql', '/usr/local/share/approdo/templates/layout.cs',
  '/.htaccess', '/static/.htaccess', '/htaccess', '/.ht', '/fcgi/', '/fcgi/sessione.fcgi',
  '/fcgi/utenti.fcgi', '/static/../fcgi/sessione.fcgi', '/public_html/.htaccess',
];

async function refuses(c, p, statuses) {
  const res = await c.get(p);
  assert.ok(statuses.includes(res.status), `${p}: status ${res.status}, expected one of ${statuses}`);
  neverServed(res, p);
  return res;
}

test(`${SERVER}: static files are served, with nosniff`, async () => {
  const c = new Client();
  const css = await c.get('/static/css/approdo.css');
  assert.equal(css.status, 200);
  assert.match(css.headers['content-type'], /text\/css/);
  assert.equal(css.headers['x-content-type-options'], 'nosniff');
  assert.equal((await c.get('/static/bi/css/bootstrap-italia.min.css')).status, 200);
  const nope = await c.get('/nope');
  assert.equal(nope.status, 404, 'an unknown path reaches the program');
  assert.match(nope.body, /Pagina non trovata/);
});

test(`${SERVER}: templates, the database, var/ and the programs are never served`, async () => {
  for (const [name, re, file] of SECRETS) {
    const f = file();
    if (f) assert.match(fs.readFileSync(f).toString('latin1'), re, `the detector for ${name} finds it in ${f}`);
  }
  const c = new Client();
  // An uploaded file, where uploads live (APPRODO_FILES, STATEDIR/files).
  const upload = `${STATEDIR}/files/documento-never-served`;
  fs.writeFileSync(upload, 'approdo-never-served-marker\n');
  try {
    for (const p of GUESSES) await refuses(c, p, [403, 404]);
    for (const p of ['/files/documento-never-served', '/var/files/documento-never-served',
      '/approdo/var/files/documento-never-served']) await refuses(c, p, [403, 404]);
    // Where they are, relative to the document root: the servers resolve
    // or refuse the dots, and never reach the file.
    for (const f of [`${layout.templates}/layout.cs`, `${STATEDIR}/approdo.db`, `${STATEDIR}/approdo.db-wal`,
      upload, `${STATEDIR}/files/`, `${STATEDIR}/log/`, `${layout.programs}/sessione`]) {
      for (const p of relative(f)) await refuses(c, p, [400, 403, 404]);
    }
  } finally {
    fs.rmSync(upload, { force: true });
  }
});

// apache/htaccess: "If the host leaves no choice, the rules below still
// never serve them": copies inside public_html, where a host might force
// them, are not served either.
test(`${SERVER}: templates and databases inside public_html are not served either`, { skip: !SHARED && 'the shared host only (apache/htaccess)' }, async () => {
  const c = new Client();
  const layoutCs = fs.readFileSync(`${layout.templates}/layout.cs`);
  const db = fs.readFileSync(`${STATEDIR}/approdo.db`).subarray(0, 4096);
  const copies = {
    'approdo.db': db, 'approdo.db-wal': db, 'approdo.sqlite': db, 'var/approdo.db': db,
    'approdo/var/approdo.db': db, 'static/approdo.db': db, 'static/css/approdo.db': db,
    'templates/layout.cs': layoutCs, 'approdo/templates/layout.cs': layoutCs,
    'static/layout.cs': layoutCs, 'static/templates/macros.cs': layoutCs, 'static/x.hdf': layoutCs,
    'static/fcgi.sh': fs.readFileSync(`${layout.docroot}/fcgi/sessione.fcgi`),
  };
  const made = [];
  try {
    for (const [rel, bytes] of Object.entries(copies)) {
      const f = `${layout.docroot}/${rel}`;
      for (let d = path.dirname(f); !fs.existsSync(d); d = path.dirname(d)) made.push(d);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, bytes);
      made.push(f);
    }
    for (const rel of Object.keys(copies)) await refuses(c, `/${rel}`, [403, 404]);
    // The same directory serves what is meant to be served.
    assert.equal((await c.get('/static/css/approdo.css')).status, 200);
  } finally {
    for (const f of made.reverse()) fs.rmSync(f, { force: true, recursive: true });
  }
});
