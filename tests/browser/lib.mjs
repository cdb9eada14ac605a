// Shared by the browser tests (tests/browser/*.test.mjs): Debian's Chromium
// driven by playwright-core, axe-core's WCAG 2.1 A/AA checks under the
// enforced Content-Security-Policy, login helpers and each test's users
// (session), form controls found by their label, a new case taken in
// charge, the CSP and console watcher, screenshots (SCREENSHOTS_DIR).
//
// Each test file calls useBrowser() once at top level: it launches Chromium
// before the file's tests (after checking that Approdo answers at BASE_URL)
// and closes it after them.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR || '';
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BLOCKING = new Set(['serious', 'critical']);

export const DEMO = {
  amministratore: ['admin', 'amministratore-demo-2026'],
  responsabile: ['responsabile', 'responsabile-demo-2026'],
  operatore: ['operatore', 'operatore-demo-2026'],
  struttura: ['struttura', 'struttura-demo-2026'],
  formazione: ['formazione', 'formazione-demo-2026'],
  comunicazione: ['comunicazione', 'comunicazione-demo-2026'],
};
export const BAD_LOGIN = /Nome utente o password non validi/;

let browser;

export function useBrowser() {
  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
    const res = await fetch(`${BASE}/login`).catch((e) => assert.fail(`no Approdo at ${BASE}: ${e.message}`));
    assert.equal(res.status, 200, `GET ${BASE}/login`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });
}

// ------------------------------------------------------------ pages

export async function newPage(options = {}) {
  // Reduced motion: no smooth scrolling (Bootstrap Italia's :root rule),
  // which makes clicks below the fold wait for a scroll that keeps moving.
  const context = await browser.newContext({
    locale: 'it-IT', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', ...options,
  });
  context.setDefaultTimeout(10000);
  context.setDefaultNavigationTimeout(15000);
  const page = await context.newPage();
  return { context, page };
}

// The checks run on each document of a page that loaded() sees: axe
// (axeAccumulator's watch) and the CSP watcher (watchProblems' everyPage).
const checksOf = new WeakMap();
export function onEveryPage(page, check) {
  if (!checksOf.has(page)) checksOf.set(page, []);
  checksOf.get(page).push(check);
  return page;
}

export async function loaded(page, label) {
  await page.waitForLoadState('load');
  for (const check of checksOf.get(page) || []) await check(label || pathOf(page));
}

// Runs `action` (a click) and waits for the main frame's next document.
export async function navigating(page, action, label) {
  const nav = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  nav.catch(() => {}); // awaited below, after the action's own errors
  await action();
  await nav;
  await loaded(page, label);
}

export async function go(page, p, label) {
  const res = await page.goto(BASE + p, { waitUntil: 'load' });
  await loaded(page, label);
  return res.status();
}

export const submitButton = (page, action) => page.locator(`form[action="${action}"] button[type="submit"]`);

export async function login(page, username, password, label) {
  if (!page.url().endsWith('/login')) await go(page, '/login', 'login');
  await page.fill('#f-username', username);
  await page.fill('#f-password', password);
  await navigating(page, () => submitButton(page, '/login').click(), label || `after login as ${username}`);
}

export async function logout(page) {
  await navigating(page, () => page.getByRole('button', { name: 'Esci' }).click(), 'after Esci');
  assert.equal(pathOf(page), '/login', 'Esci leads back to the login page');
}

export const pathOf = (page) => new URL(page.url()).pathname;
export const fieldError = (page, name) => page.locator(`#e-${name}`);

// Bootstrap Italia draws a checkbox in its label, over the (transparent)
// input: a user clicks the label.
export async function tick(page, id, on = true) {
  const box = page.locator(`#${id}`);
  if (await box.isChecked() !== on) await page.locator(`label[for="${id}"]`).click();
  assert.equal(await box.isChecked(), on, `#${id} ${on ? 'ticked' : 'not ticked'}`);
}

// An error shown right below its field and tied to it.
export async function errorNextTo(page, name, pattern) {
  const err = fieldError(page, name);
  await assert.doesNotReject(err.waitFor(), `an error next to ${name}`);
  if (pattern) assert.match(await err.textContent(), pattern, `the error of ${name}`);
  assert.ok(await err.isVisible(), `the error of ${name} is visible`);
  const input = page.locator(`#f-${name}`);
  assert.equal(await input.getAttribute('aria-invalid'), 'true', `${name} is marked invalid`);
  assert.match(await input.getAttribute('aria-describedby'), new RegExp(`\\be-${name}\\b`), `${name} is described by its error`);
  const [box, ebox] = [await input.boundingBox(), await err.boundingBox()];
  assert.ok(ebox.y >= box.y + box.height - 1 && ebox.y - (box.y + box.height) < 60,
    `the error of ${name} sits just below the field (input ${JSON.stringify(box)}, error ${JSON.stringify(ebox)})`);
}

// ------------------------------------------------------------ users and forms

// The browsers of a test's users, with axe-core and the CSP/console
// watcher on every page they load: close() them, then done() fails on
// anything found.
export function session(t) {
  const axe = axeAccumulator(t);
  const open = [];
  return {
    async as(who) {
      const { context, page } = await newPage();
      const problems = await watchProblems(t, context, page, { everyPage: true });
      axe.watch(page);
      open.push({ context, problems });
      await login(page, ...DEMO[who], `home ${who}`);
      assert.equal(pathOf(page), '/', `${who} is signed in`);
      return page;
    },
    async close() {
      for (const o of open) await o.context.close();
    },
    done() {
      axe.done();
      for (const o of open) o.problems.done();
    },
  };
}

// The form control a label names: the label's text, exactly, with the
// asterisk (hidden from screen readers) of a required field.
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const field = (page, label) => page.getByLabel(new RegExp(`^${escapeRe(label)}( \\*)?$`));
export const fill = (page, label, value) => field(page, label).fill(value);
export const choose = (page, label, option) => field(page, label).selectOption({ label: option });
export async function tickLabel(page, label, on = true) {
  await tick(page, await field(page, label).getAttribute('id'), on);
}

export const link = (page, name) => page.getByRole('link', { name, exact: true });
export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const notice = (page, text) => page.locator('.alert-success', { hasText: text });
export const follow = (page, name, label) => navigating(page, () => link(page, name).click(), label || name);
export const press = (page, name, label) => navigating(page, () => button(page, name).click(), label || name);

// A new minor taken in charge from the list's "Nuova presa in carico", by a
// user who may (the responsabile): `m` gives the intake's values by label
// (dates as gg/mm/aaaa). A minor of an earlier run, as similar as two
// people can be, is confirmed as a different person. Returns the case's
// path and number.
export async function takeInCharge(page, m) {
  await go(page, '/minori', 'minori list');
  await follow(page, 'Nuova presa in carico', 'intake');
  assert.equal(pathOf(page), '/minori/nuovo');
  await fill(page, 'Cognome (come dichiarato)', m.cognome);
  await fill(page, 'Nome (come dichiarato)', m.nome);
  await choose(page, 'Sesso', m.sesso);
  await fill(page, 'Data di nascita dichiarata', m.nascita);
  await choose(page, 'Cittadinanza', m.cittadinanza);
  if (m.lingue) await fill(page, 'Lingue parlate', m.lingue);
  if (m.mediatore) await tickLabel(page, 'Serve un mediatore culturale');
  await fill(page, 'Data del rintraccio o della segnalazione', m.rintraccio);
  await choose(page, 'Modalità', m.modalita);
  await fill(page, 'Data della presa in carico', m.presa);
  await choose(page, 'Struttura di collocamento', m.struttura);
  await choose(page, 'Operatore di riferimento', m.operatore);
  await press(page, 'Registra la presa in carico', 'case page');
  if (pathOf(page) === '/minori/nuovo' && await page.getByText('Fascicoli simili già registrati').count()) {
    await tickLabel(page, 'Ho controllato i fascicoli simili: è una persona diversa');
    await press(page, 'Registra la presa in carico', 'case page after the confirmation');
  }
  assert.match(pathOf(page), /^\/minori\/\d+$/, `the intake leads to the case page (errors: ${
    (await page.locator('.invalid-feedback').allTextContents()).join(' | ')})`);
  const text = await notice(page, 'Presa in carico registrata').textContent();
  const numero = text.match(/MSNA-\d{4}-\d{5}/)?.[0];
  assert.ok(numero, `the notice gives the case number: ${text}`);
  return { path: pathOf(page), numero };
}

// ------------------------------------------------------------ data

const pad = (n) => String(n).padStart(2, '0');
export const itDate = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
export const daysFrom = (d, n) => new Date(d.getTime() + n * 86400000);

// A word no earlier run has used, of letters only (as a surname would be),
// capitalised.
export function uniqueWord() {
  const w = Date.now().toString(26).replace(/\d/g, (c) => 'qrstuvwxyz'[c]);
  return `${w[0].toUpperCase()}${w.slice(1)}`;
}

// ------------------------------------------------------------ axe

// axe-core on the page as it is, its CSP enforced: the source is evaluated
// through the DevTools protocol, which no page policy blocks (so no
// bypassCSP context is needed). Returns the serious/critical violations.
export async function axeCheck(t, page, label) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    const shape = (v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    });
    return { violations: r.violations.map(shape), incomplete: r.incomplete.map(shape) };
  }, AXE_TAGS).then((r) => {
    // "Incomplete" results need a human: shown, never failing.
    for (const v of r.incomplete)
      t.diagnostic(`axe ${label} [${pathOf(page)}] needs review: ${v.id} (${v.impact}): ${v.targets.join(', ')}`);
    return r.violations;
  });
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  const line = violations.length
    ? violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`).join('; ')
    : 'no violations';
  t.diagnostic(`axe ${label} [${pathOf(page)}]: ${line}`);
  return blocking;
}

// Checks every document loaded in the pages given to watch() and collects
// the serious/critical violations; done() fails the test on any of them.
export function axeAccumulator(t) {
  const failures = [];
  return {
    watch(page) {
      return onEveryPage(page, (label) => this.check(page, label));
    },
    async check(page, label) {
      for (const v of await axeCheck(t, page, label))
        failures.push(`${label} ${pathOf(page)}: ${v.id} [${v.impact}] ${v.help} -> ${v.targets.join(' | ')}`);
    },
    done() {
      assert.deepEqual(failures, [], `axe found serious/critical violations:\n${failures.join('\n')}`);
    },
  };
}

// ------------------------------------------------------------ screenshots

export async function screenshot(page, name) {
  const png = await page.screenshot({ fullPage: true });
  assert.ok(png.length > 1000, `screenshot ${name} is not empty`);
  if (SCREENSHOTS) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOTS, `${name}.png`), png);
  }
}

// The page at 1280 px (`name`) and at 390 px (`name-mobile`), asserting
// that nothing sticks out sideways on the phone; back to 1280 px after.
// A page whose documents are checked (onEveryPage) is checked at 390 px
// too: a table that scrolls there must be reachable by keyboard.
export async function screenshotBoth(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, `${name}-mobile`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: nothing sticks out of a 390px-wide screen (${overflow}px)`);
  for (const check of checksOf.get(page) || []) await check(`${name} at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

// ------------------------------------------------------------ CSP

export const short = (s) => (s.length > 220 ? `${s.slice(0, 220)}...` : s);

// Watches a page for console errors, page errors, failed requests, HTTP
// errors of subresources and CSP violations: any of them fails the test
// (a document's own status is the test's to check). Call inspect() on each
// page visited (it also checks that Bootstrap Italia's stylesheet and
// Titillium Web apply), or pass
// { everyPage: true } to have loaded() call it on each document; then
// done() to fail on anything found. Set up before the first navigation.
export async function watchProblems(t, context, page, { everyPage = false } = {}) {
  const problems = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ||= []).push({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile || '',
        line: e.lineNumber,
      });
    });
  });
  // A document answered with an error status (a 403 page the test asks
  // for) is the test's to check, as its status is: Chromium's console line
  // for it is no problem. Told apart at done(), when both events are in.
  const errorDocuments = new Set(), loadErrors = [];
  page.on('console', (m) => {
    const where = pathOf(page), text = m.text(), url = m.location().url || '';
    if (m.type() === 'error' && /^Failed to load resource: the server responded with a status of \d+/.test(text)) {
      loadErrors.push({ url, line: `console error on ${where}: ${short(text)} (${url})` });
    } else if (m.type() === 'error') {
      problems.push(`console error on ${where}: ${short(text)} (${url})`);
    } else if (m.type() === 'warning') {
      t.diagnostic(`console warning on ${where}: ${short(text)}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error on ${pathOf(page)}: ${e.message}`));
  // A link to an attachment (a PDF to download) ends its navigation with
  // ERR_ABORTED once the download starts: that is not a failure.
  const downloads = new Set();
  page.on('download', (d) => downloads.add(d.url()));
  page.on('requestfailed', (r) => {
    const aborted = r.failure()?.errorText === 'net::ERR_ABORTED' &&
      r.resourceType() === 'document' && (downloads.has(r.url()) ||
      /\/pdf$|\/firmate\/\d+$/.test(new URL(r.url()).pathname));
    if (!aborted) problems.push(`request failed on ${pathOf(page)}: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() === 'document')
      errorDocuments.add(r.url());
    else if (r.status() >= 400)
      problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  const watcher = {
    async inspect() {
      const where = pathOf(page);
      const { csp, fonts, family } = await page.evaluate(async () => {
        await document.fonts.ready;
        const csp = window.__cspViolations || [];
        window.__cspViolations = [];
        return {
          csp,
          fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`),
          family: getComputedStyle(document.body).fontFamily,
        };
      });
      for (const v of csp)
        problems.push(`CSP violation on ${where}: ${v.directive} blocked ${v.blocked || '?'} (${v.source}:${v.line})`);
      assert.match(family, /Titillium Web/, `${where}: Bootstrap Italia's stylesheet applies`);
      assert.ok(fonts.some((f) => /Titillium Web/.test(f)), `${where}: Titillium Web loaded (${fonts.join(', ') || 'none'})`);
    },
    done() {
      for (const e of loadErrors) if (!errorDocuments.has(e.url)) problems.push(e.line);
      assert.deepEqual(problems, [], problems.join('\n'));
    },
  };
  if (everyPage) onEveryPage(page, () => watcher.inspect());
  return watcher;
}
