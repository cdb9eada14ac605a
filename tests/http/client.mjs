// A small HTTP client for the integration tests: raw requests (so that
// malformed ones can be sent), a cookie jar per client, and helpers to
// read the CSRF token out of a page.
import http from 'node:http';
import net from 'node:net';
import { execFileSync } from 'node:child_process';

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';
const base = new URL(BASE);

export class Client {
  constructor() { this.cookies = new Map(); }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  // request(method, path, {body, headers}) -> {status, headers, body}
  request(method, path, { body = null, headers = {} } = {}) {
    return new Promise((resolve, reject) => {
      const h = { ...headers };
      if (this.cookies.size && !('Cookie' in h)) h.Cookie = this.cookieHeader();
      if (body !== null && !('Content-Length' in h)) h['Content-Length'] = Buffer.isBuffer(body) ? body.length : Buffer.byteLength(body);
      // A fresh connection per request: a pooled one may be closed by the
      // server's keep-alive timeout just as it is reused.
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers: h, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          for (const sc of [].concat(res.headers['set-cookie'] || [])) {
            const [pair, ...attrs] = sc.split(';');
            const i = pair.indexOf('=');
            const name = pair.slice(0, i).trim(), value = pair.slice(i + 1).trim();
            if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode, headers: res.headers, body: bytes.toString('utf8'), bytes, setCookie: [].concat(res.headers['set-cookie'] || []) });
        });
      });
      req.on('error', reject);
      if (body !== null) req.write(body);
      req.end();
    });
  }

  get(path, opts) { return this.request('GET', path, opts); }

  // A same-origin form POST, as a browser sends it.
  post(path, fields, { origin = BASE, headers = {} } = {}) {
    const body = new URLSearchParams(fields).toString();
    const h = { 'Content-Type': 'application/x-www-form-urlencoded', ...headers };
    if (origin) h.Origin = origin;
    return this.request('POST', path, { body, headers: h });
  }

  // GETs a page and returns the value of its first csrf hidden field.
  // A multipart/form-data POST; files are {filename, type, data: Buffer}.
  postMultipart(path, fields, files = {}, { origin = BASE } = {}) {
    const boundary = '----approdo' + Math.random().toString(16).slice(2);
    const parts = [];
    for (const [k, v] of Object.entries(fields))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    for (const [k, f] of Object.entries(files)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
      parts.push(f.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    if (origin) headers.Origin = origin;
    return this.request('POST', path, { body: Buffer.concat(parts), headers });
  }

  async csrf(path) {
    const res = await this.get(path);
    return csrfOf(res.body);
  }

  async login(username, password) {
    const token = await this.csrf('/login');
    return this.post('/login', { csrf: token, username, password });
  }
}

export function csrfOf(html) {
  const m = html.match(/name="csrf" value="([0-9a-f]+)"/);
  return m ? m[1] : null;
}

// Sends bytes as they are, for requests no well-behaved client makes.
export function raw(bytes, { timeout = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(base.port), base.hostname);
    const chunks = [];
    s.setTimeout(timeout, () => { s.destroy(); resolve({ status: 0, text: Buffer.concat(chunks).toString('latin1') }); });
    s.on('data', (c) => chunks.push(c));
    s.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = text.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, text });
    });
    s.on('error', reject);
    s.write(bytes);
  });
}

// Reads the database the server writes (sqlite3 command-line tool).
// As root it runs as the programs' user, so that no file of the database
// (WAL, shared memory) ever becomes root's.
export function sql(query) {
  const argv = ['sqlite3', '-cmd', '.timeout 5000', process.env.APPRODO_DB, query];
  if (process.getuid() === 0) argv.unshift('runuser', '-u', process.env.APPRODO_USER || 'www-data', '--');
  const out = execFileSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  return out.trim();
}

export const DEMO = {
  admin: ['admin', 'amministratore-demo-2026'],
  responsabile: ['responsabile', 'responsabile-demo-2026'],
  operatore: ['operatore', 'operatore-demo-2026'],
  struttura: ['struttura', 'struttura-demo-2026'],
  operatrice: ['operatrice', 'operatore-demo-2026'],
};
