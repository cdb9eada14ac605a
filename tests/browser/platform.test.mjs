// The platform seen through a real browser: Debian's Chromium driven by
// playwright-core. A user's first login and password change, axe-core's
// WCAG 2.1 A/AA checks on every page visited, the Content-Security-Policy
// enforced without a single console error, the pages without JavaScript,
// and full-page screenshots for humans (SCREENSHOTS_DIR).
//
//   BASE_URL=http://127.0.0.1:8080 node --test --test-reporter=tap tests/browser/
//
// Needs a running Approdo (tests/servers.sh) with the demo users, and
// `npm ci` in tests/. CHROMIUM overrides /usr/bin/chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, SCREENSHOTS, DEMO, BAD_LOGIN, useBrowser, newPage, watchProblems, screenshotBoth,
  navigating, go, submitButton, login, logout, pathOf, fieldError, axeAccumulator,
} from './lib.mjs';

// Chromium, the helpers and axe: lib.mjs.
useBrowser();

// ------------------------------------------------------------ tests

test('a new operatore, created by the admin, logs in, must change the password, logs out and in again', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  try {
    const username = `bt${Date.now().toString(36)}`;
    const initial = 'Provvisoria-2026-iniziale';
    const chosen = 'Scelta-dalla-utente-2026';

    // The admin creates the user through the admin UI.
    await login(page, ...DEMO.amministratore, 'home amministratore');
    assert.equal(pathOf(page), '/');
    await navigating(page, () => page.locator('nav a[href="/utenti"]').click(), 'utenti');
    assert.equal(pathOf(page), '/utenti');
    await navigating(page, () => page.getByRole('link', { name: 'Nuovo utente' }).click(), 'utenti/nuovo');
    assert.equal(pathOf(page), '/utenti/nuovo');
    await page.fill('#f-username', username);
    await page.fill('#f-nome', 'Prova Browser');
    await page.selectOption('#f-ruolo', 'operatore');
    await page.fill('#f-password', initial);
    await navigating(page, () => submitButton(page, '/utenti/nuovo').click(), 'utenti after creation');
    assert.equal(pathOf(page), '/utenti');
    await assert.doesNotReject(page.locator('.alert-success', { hasText: 'Utente creato.' }).waitFor());
    await assert.doesNotReject(page.getByRole('link', { name: username, exact: true }).waitFor());
    await logout(page);

    // First login: the new user must choose a password.
    await login(page, username, initial, 'password (change required)');
    assert.equal(pathOf(page), '/password', 'a reset password leads to /password');
    await assert.doesNotReject(page.locator('.alert-warning', { hasText: 'scegline una nuova' }).waitFor());
    await page.fill('#f-attuale', initial);
    await page.fill('#f-nuova', chosen);
    await page.fill('#f-conferma', chosen);
    await navigating(page, () => submitButton(page, '/password').click(), 'home after password change');
    assert.equal(pathOf(page), '/');
    await assert.doesNotReject(page.locator('.alert-success', { hasText: 'Password modificata.' }).waitFor());
    await logout(page);

    // The old password no longer works, with the Italian message.
    await login(page, username, initial, 'login with the old password');
    assert.equal(pathOf(page), '/login');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: BAD_LOGIN }).waitFor());
    assert.equal(await page.locator('#f-username').inputValue(), username, 'the username is kept');

    // The new one does, straight to the home page.
    await login(page, username, chosen);
    assert.equal(pathOf(page), '/');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Prova Browser/ }).waitFor());
    await logout(page);
  } finally {
    await context.close();
  }
  axe.done();
});

test('axe: login page, login with error and 404 without a session', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  try {
    assert.equal(await go(page, '/login', 'login'), 200);
    // An unknown user: the same message, and no demo user's failure count grows.
    await login(page, 'utente-inesistente', 'password-sbagliata-123', 'login with error');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: BAD_LOGIN }).waitFor());
    await navigating(page, () => submitButton(page, '/login').click(), 'login with empty fields');
    assert.equal(await fieldError(page, 'password').count(), 1, 'empty password: error next to the field');
    assert.equal(await go(page, '/pagina-che-non-esiste', '404 (no session)'), 404);
    await assert.doesNotReject(page.getByText('Pagina non trovata').first().waitFor());
  } finally {
    await context.close();
  }
  axe.done();
});

test('axe: the home page of each demo role', async (t) => {
  const axe = axeAccumulator(t);
  for (const [role, [u, p]] of Object.entries(DEMO)) {
    const { context, page } = await newPage();
    axe.watch(page);
    try {
      await login(page, u, p, `home ${role}`);
      assert.equal(pathOf(page), '/', `${role} logs in`);
      await assert.doesNotReject(page.getByRole('button', { name: 'Esci' }).waitFor());
    } finally {
      await context.close();
    }
  }
  axe.done();
});

test('axe: /password with validation errors', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  try {
    await login(page, ...DEMO.operatore, 'home operatore');
    await go(page, '/password', 'password');
    // Empty current password (no password check, no failed-login count),
    // too short a new one, a different confirmation.
    await page.fill('#f-nuova', 'corta');
    await page.fill('#f-conferma', 'diversa');
    await navigating(page, () => submitButton(page, '/password').click(), 'password with errors');
    assert.equal(pathOf(page), '/password');
    await assert.doesNotReject(fieldError(page, 'attuale').waitFor());
  } finally {
    await context.close();
  }
  axe.done();
});

test('axe: /utenti, /utenti/nuovo with errors, /utenti/N, 404 with a session', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  try {
    await login(page, ...DEMO.amministratore, 'home amministratore');
    assert.equal(await go(page, '/utenti', 'utenti'), 200);
    const href = await page.locator('table a[href^="/utenti/"]', { hasText: /^operatore$/ }).getAttribute('href');
    assert.match(href, /^\/utenti\/\d+$/);

    await go(page, '/utenti/nuovo', 'utenti/nuovo');
    await page.fill('#f-username', 'x y');
    await page.fill('#f-email', 'non-una-email');
    await page.selectOption('#f-ruolo', 'struttura');
    await page.fill('#f-password', 'corta');
    await navigating(page, () => submitButton(page, '/utenti/nuovo').click(), 'utenti/nuovo with errors');
    assert.equal(pathOf(page), '/utenti/nuovo');
    for (const f of ['username', 'nome', 'email', 'struttura_id', 'password'])
      await assert.doesNotReject(fieldError(page, f).waitFor(), `error next to ${f}`);

    await go(page, href, 'utenti/N');
    // The edited user's name, not the logged-in admin's.
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Utente operatore' }).waitFor());
    // A reset with too short a password: the error is next to the field.
    await page.fill('#f-reset', 'corta');
    await navigating(page, () => submitButton(page, `${href}/password`).click(), 'utenti/N with reset error');
    await assert.doesNotReject(page.locator('#e-reset').waitFor());
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Utente operatore' }).waitFor());

    assert.equal(await go(page, '/utenti/999999', '404 utenti (session)'), 404);
    assert.equal(await go(page, '/non-esiste', '404 (session)'), 404);
  } finally {
    await context.close();
  }
  axe.done();
});

test('axe: /registro, /registro with a filter error, /registro/tentativi', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  try {
    await login(page, ...DEMO.responsabile, 'home responsabile');
    assert.equal(await go(page, '/registro', 'registro'), 200);
    await assert.doesNotReject(page.locator('table caption').waitFor());
    await page.fill('#f-dal', '31/02/2026');
    await navigating(page, () => page.getByRole('button', { name: 'Filtra' }).click(), 'registro with filter error');
    assert.equal(pathOf(page), '/registro');
    await assert.doesNotReject(fieldError(page, 'dal').waitFor());
    assert.equal(await go(page, '/registro/tentativi', 'tentativi senza accesso'), 200);
    await assert.doesNotReject(page.getByRole('heading', { name: 'Tentativi senza accesso' }).waitFor());
  } finally {
    await context.close();
  }
  axe.done();
});

test('with the CSP enforced: no console errors, no CSP violations, fonts loaded', async (t) => {
  const { context, page } = await newPage();
  const watch = await watchProblems(t, context, page);
  try {
    const csp = (await page.goto(`${BASE}/login`)).headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self'/, 'the page has its CSP');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    await watch.inspect();
    await login(page, ...DEMO.amministratore);
    assert.equal(pathOf(page), '/');
    await watch.inspect();
    await go(page, '/utenti');
    await watch.inspect();
    await go(page, '/utenti/nuovo');
    await navigating(page, () => submitButton(page, '/utenti/nuovo').click());
    await watch.inspect();
    await logout(page);
    await watch.inspect();
  } finally {
    await context.close();
  }
  watch.done();
});

test('without JavaScript: log in, open /utenti, see a form error next to its field', async () => {
  const { context, page } = await newPage({ javaScriptEnabled: false });
  try {
    await login(page, ...DEMO.amministratore);
    assert.equal(pathOf(page), '/');
    await navigating(page, () => page.locator('nav a[href="/utenti"]').click());
    assert.equal(pathOf(page), '/utenti');
    assert.ok(await page.locator('table tbody tr').count() >= 6, 'the demo users are listed');
    await navigating(page, () => page.getByRole('link', { name: 'Nuovo utente' }).click());
    await page.fill('#f-username', 'admin');
    await page.fill('#f-nome', 'Doppione');
    await page.selectOption('#f-ruolo', 'operatore');
    await page.fill('#f-password', 'Una-password-lunga-2026');
    await navigating(page, () => submitButton(page, '/utenti/nuovo').click());
    assert.equal(pathOf(page), '/utenti/nuovo');
    const err = fieldError(page, 'username');
    assert.match(await err.textContent(), /Esiste già un utente/);
    assert.ok(await err.isVisible(), 'the error is visible');
    // Next to the field: right after the input, and tied to it.
    assert.equal(await page.locator('#f-username').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#f-username').getAttribute('aria-describedby'), /\be-username\b/);
    const [input, error] = [await page.locator('#f-username').boundingBox(), await err.boundingBox()];
    assert.ok(error.y >= input.y + input.height - 1 && error.y - (input.y + input.height) < 40,
      `the error sits just below the field (input ${JSON.stringify(input)}, error ${JSON.stringify(error)})`);
    assert.equal(await page.locator('#f-nome').inputValue(), 'Doppione', 'what was typed is kept');
    await logout(page);
  } finally {
    await context.close();
  }
});

test('screenshots of login, home and /utenti/nuovo with errors (SCREENSHOTS_DIR)', async (t) => {
  const { context, page } = await newPage();
  try {
    await go(page, '/login');
    await screenshotBoth(page, 'login');
    await login(page, ...DEMO.amministratore);
    await screenshotBoth(page, 'home-amministratore');
    await go(page, '/utenti/nuovo');
    await page.fill('#f-username', 'x y');
    await page.fill('#f-password', 'corta');
    await navigating(page, () => submitButton(page, '/utenti/nuovo').click());
    await assert.doesNotReject(fieldError(page, 'username').waitFor());
    await screenshotBoth(page, 'utenti-nuovo-errori');
    t.diagnostic(SCREENSHOTS ? `screenshots in ${SCREENSHOTS}` : 'SCREENSHOTS_DIR not set: screenshots taken, not saved');
  } finally {
    await context.close();
  }
});
