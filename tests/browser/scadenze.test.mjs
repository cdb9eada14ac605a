// The deadlines in a real browser: the responsabile takes a minor in
// charge (for the demo operatore, found 25 days ago, at the demo
// facility); the case's deadlines page lists them with their state and
// legal source, the overdue ones first; after the recompute (approdo-admin
// scadenze aggiorna, as the timer runs it) the operatore opens "Le mie
// scadenze" from the navigation, which counts what is overdue or due
// today, and finds the case under its heading; the responsabile's view of
// the office's overdue deadlines by worker, filtered to the operatore.
// axe-core's WCAG 2.1 A/AA checks and the CSP/console watcher on every page
// visited, screenshots at 1280 and 390 px (SCREENSHOTS_DIR).
//
//   BASE_URL=http://127.0.0.1:8080 STATEDIR=... APPRODO_DB=... node --test tests/browser/scadenze.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  useBrowser, navigating, go, pathOf, screenshotBoth, session, itDate, daysFrom, uniqueWord,
  takeInCharge,
} from './lib.mjs';

useBrowser();

const today = new Date();
const minor = {
  cognome: `Bah ${uniqueWord()}`, nome: 'Alieu', sesso: 'Maschio',
  nascita: itDate(new Date(today.getFullYear() - 16, 4, 10)), cittadinanza: 'Gambia',
  rintraccio: itDate(daysFrom(today, -25)), modalita: 'Sbarco', presa: itDate(daysFrom(today, -25)),
  struttura: 'Comunità Il Ponte', operatore: 'Omar Operatore',
};
const office = {};
const part = (page, id) => page.locator(`section[aria-labelledby="${id}"]`);

// The items of `id` with `text`, following "Pagina successiva" (the
// other tests' deadlines may come first): the first page that has some.
async function trova(page, id, text, label) {
  for (let n = 1; n < 50; n++) {
    const found = part(page, id).locator('li', { hasText: text });
    if (await found.count()) return found;
    const next = part(page, id).getByRole('link', { name: 'Pagina successiva' });
    if (!await next.count()) break;
    await navigating(page, () => next.click(), `${label}, page ${n + 1}`);
  }
  return part(page, id).locator('li', { hasText: text });
}

// approdo-admin of the build the server runs, as the server's user.
function admin(...args) {
  const st = process.env.STATEDIR;
  const bin = [`${st}/install/usr/local/bin/approdo-admin`, `${process.env.SRCDIR}/cgi-bin/approdo-admin`]
    .find((p) => existsSync(p));
  const argv = [bin, ...args];
  if (process.getuid() === 0) argv.unshift('runuser', '-u', process.env.APPRODO_USER || 'www-data', '--');
  return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8' });
}

test('responsabile: a minor found 25 days ago taken in charge; the case\'s deadlines', async (t) => {
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    Object.assign(office, await takeInCharge(page, minor));
    await go(page, `${office.path}/scadenze`, 'the case\'s deadlines');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: `Scadenze di ${minor.cognome} ${minor.nome}` }).waitFor());
    const items = part(page, 'scadenze').locator('li');
    assert.ok(await items.count() > 5, 'its deadlines are listed');
    assert.match(await items.first().textContent(), /Scaduta/, 'the overdue ones first');
    const tutela = items.filter({ hasText: 'Ricorso per l\'apertura della tutela' });
    assert.match(await tutela.textContent(), new RegExp(`Scaduta[\\s\\S]*Entro il ${itDate(daysFrom(today, -25))}[\\s\\S]*Fonte: art\\. 19 c\\. 5 D\\.Lgs\\. 142/2015`));
    assert.match(await tutela.getAttribute('class'), /border-danger/);
    await screenshotBoth(page, 'scadenze-caso');
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: "Le mie scadenze" from the navigation, with its count', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  assert.match(admin('scadenze', 'aggiorna'), /scadenze aggiornate/);
  const s = session(t);
  try {
    const page = await s.as('operatore');
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    const entry = nav.getByRole('link', { name: /^Le mie scadenze (\d+|99\+) scadute o in scadenza oggi$/ });
    await assert.doesNotReject(entry.waitFor(), 'the navigation counts what is overdue or due today');
    await navigating(page, () => entry.click(), 'le mie scadenze');
    assert.equal(pathOf(page), '/minori/scadenze');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Le mie scadenze' }).waitFor());
    for (const [id, name] of [['scadute', 'Scadute'], ['oggi', 'Oggi'], ['settimana', 'Entro 7 giorni'], ['avanti', 'Più avanti']])
      await assert.doesNotReject(part(page, id).getByRole('heading', { level: 2, name }).waitFor(), `the heading ${name}`);
    await screenshotBoth(page, 'scadenze-mie');
    if (!await part(page, 'scadute').locator('li', { hasText: office.numero }).count())
      await navigating(page, () => part(page, 'scadute').getByRole('link', { name: 'Tutte le scadenze: Scadute' }).click(), 'scadute');
    const mine = await trova(page, 'scadute', office.numero, 'scadute');
    assert.ok(await mine.count() >= 3, 'the case\'s overdue deadlines are under "Scadute"');
    assert.equal(await mine.filter({ hasText: 'Ricorso per l\'apertura della tutela' }).count(), 1,
      'the guardian petition, due at intake 25 days ago, among them');
    assert.match(await mine.first().getAttribute('class'), /border-danger/, 'late for more than 3 days: marked');
    await navigating(page, () => mine.first().getByRole('link').click(), 'from the agenda to the case\'s deadlines');
    assert.equal(pathOf(page), `${office.path}/scadenze`);
  } finally {
    await s.close();
  }
  s.done();
});

test('responsabile: the office\'s overdue deadlines by worker', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    await go(page, '/minori/scadenze', 'le mie scadenze (responsabile)');
    await navigating(page, () => page.getByRole('link', { name: 'Le scadenze scadute di tutto l\'ufficio, per operatore' }).click(), 'ufficio');
    assert.equal(pathOf(page), '/minori/scadenze/ufficio');
    const row = part(page, 'operatori').getByRole('row', { name: /Omar Operatore/ });
    await assert.doesNotReject(row.waitFor(), 'a row for the operatore');
    await screenshotBoth(page, 'scadenze-ufficio');
    await navigating(page, () => row.getByRole('link', { name: 'Omar Operatore' }).click(), 'ufficio, operatore');
    await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Scadute di Omar Operatore' }).waitFor());
    assert.ok(await (await trova(page, 'elenco', office.numero, 'ufficio, operatore')).count() >= 1, 'the case is in their list');
  } finally {
    await s.close();
  }
  s.done();
});
