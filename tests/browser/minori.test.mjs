// The minors' area seen through a real browser: intake of a new minor (with
// the errors next to the fields and the duplicate prompt), search by a
// variant spelling of the name, the case page, a scanned document uploaded
// (and a fake one refused), the section forms, the case page seen by a
// facility. axe-core's WCAG 2.1 A/AA checks on every page visited, the
// Content-Security-Policy enforced without a console error, the intake
// form without JavaScript, screenshots at 1280 and 390 px (SCREENSHOTS_DIR).
//
//   BASE_URL=http://127.0.0.1:8080 node --test --test-reporter=tap tests/browser/minori.test.mjs
//
// Needs a running Approdo (tests/servers.sh) with the demo users (`demo`,
// with or without --minori: every minor used here is created here).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  SCREENSHOTS, DEMO, useBrowser, newPage, navigating, go, submitButton, login, pathOf, fieldError,
  tick, errorNextTo, axeAccumulator, screenshotBoth, watchProblems,
} from './lib.mjs';

useBrowser();

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'approdo-minori-bt-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const FACILITY = 'Comunità Il Ponte'; // the demo user "struttura" works there

// ------------------------------------------------------------ data

const pad = (n) => String(n).padStart(2, '0');
const itDate = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const daysAgo = (n) => new Date(Date.now() - n * 86400000);
const random = (n) => Math.floor(Math.random() * n);

// A declared birth date 14 to 16 years ago: inside the 6-17 band at intake.
function birthDate() {
  const d = daysAgo(random(365));
  d.setFullYear(d.getFullYear() - 14 - random(3));
  return d;
}

// A minor to take in charge; found today, taken in charge today.
function minor(over = {}) {
  return {
    cognome: 'Abdelrahman', nome: 'Mohamed', sesso: 'M', nascita: itDate(birthDate()),
    paese: 'Egitto', cittadinanza: 'Egitto', lingue: 'arabo', mediatore: true,
    rintraccio: itDate(new Date()), luogo: 'Lampedusa', modalita: 'sbarco', ente: 'Polizia di Stato',
    struttura: null, ...over,
  };
}

// A small but well-formed one-page PDF.
function pdfBytes() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function tempFile(name, bytes) {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, bytes);
  return file;
}

// ------------------------------------------------------------ helpers

const REQUIRED = ['cognome', 'nome', 'sesso', 'data_nascita', 'cittadinanza', 'data_rintraccio',
  'modalita_rintraccio', 'struttura_id', 'operatore_id'];

async function fillIntake(page, m) {
  await page.fill('#f-cognome', m.cognome);
  await page.fill('#f-nome', m.nome);
  await page.selectOption('#f-sesso', m.sesso);
  await page.fill('#f-data_nascita', m.nascita);
  await page.selectOption('#f-paese_nascita', m.paese);
  await page.selectOption('#f-cittadinanza', m.cittadinanza);
  await page.fill('#f-lingue', m.lingue);
  await tick(page, 'f-mediatore', m.mediatore);
  await page.fill('#f-data_rintraccio', m.rintraccio);
  await page.fill('#f-luogo_rintraccio', m.luogo);
  await page.selectOption('#f-modalita_rintraccio', m.modalita);
  await page.fill('#f-ente_segnalante', m.ente);
  if (m.struttura) await page.selectOption('#f-struttura_id', { label: m.struttura });
  else await page.selectOption('#f-struttura_id', { index: 1 });
  await page.selectOption('#f-operatore_id', { index: 1 });
}

const duplicatePrompt = (page) => page.locator('.alert-warning', { hasText: 'Fascicoli simili già registrati' });

// Submits the intake form; on the duplicate prompt (the same name may be
// there already from another run) confirms that this is someone else.
// Returns the new case's path and number.
async function saveIntake(page) {
  await navigating(page, () => submitButton(page, '/minori/nuovo').click(), 'after intake');
  if (pathOf(page) === '/minori/nuovo' && await duplicatePrompt(page).count()) {
    await tick(page, 'f-conferma_nuovo');
    await navigating(page, () => submitButton(page, '/minori/nuovo').click(), 'case page after the confirmation');
  }
  return landedOnCase(page);
}

async function landedOnCase(page) {
  const where = pathOf(page);
  assert.match(where, /^\/minori\/\d+$/, `the intake leads to the case page (on ${where}: ${
    (await page.locator('.invalid-feedback').allTextContents()).join(' | ')})`);
  const notice = await page.locator('.alert-success', { hasText: 'Presa in carico registrata' }).textContent();
  const numero = notice.match(/MSNA-\d{4}-\d{5}/)?.[0];
  assert.ok(numero, `the notice gives the case number: ${notice}`);
  return { path: where, numero };
}

async function createMinor(page, m) {
  await go(page, '/minori/nuovo', 'intake');
  await fillIntake(page, m);
  return saveIntake(page);
}

async function addDocument(page, casePath, file) {
  await go(page, `${casePath}/documenti/nuovo`, 'document form');
  await page.selectOption('#f-tipo', 'passaporto');
  await page.fill('#f-numero', 'A1234567');
  await page.fill('#f-data_rilascio', itDate(daysAgo(400)));
  await page.fill('#f-data_scadenza', itDate(daysAgo(-3000)));
  await page.setInputFiles('#f-file', file);
  await navigating(page, () => submitButton(page, `${casePath}/documenti/nuovo`).click(), 'case page with a document');
  assert.equal(pathOf(page), casePath);
}

// ------------------------------------------------------------ tests

test('responsabile: intake, search by another spelling, documents, sections; a facility sees its minor (axe on every page)', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  try {
    await login(page, ...DEMO.responsabile, 'home responsabile');
    assert.equal(await go(page, '/minori', 'minori list'), 200);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Minori' }).waitFor());
    await assert.doesNotReject(page.getByRole('button', { name: 'Esporta CSV' }).waitFor());

    // The empty form: an error next to each required field.
    await navigating(page, () => page.getByRole('link', { name: 'Nuova presa in carico' }).click(), 'intake empty');
    assert.equal(pathOf(page), '/minori/nuovo');
    assert.match(await page.locator('#f-data_presa_in_carico').inputValue(), /^\d\d\/\d\d\/\d{4}$/, 'today is proposed');
    await navigating(page, () => submitButton(page, '/minori/nuovo').click(), 'intake with errors');
    assert.equal(pathOf(page), '/minori/nuovo');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene' }).waitFor());
    for (const name of REQUIRED) await errorNextTo(page, name);

    // A new minor.
    const a = minor();
    await fillIntake(page, a);
    const caseA = await saveIntake(page);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Abdelrahman Mohamed' }).waitFor());
    assert.match(await page.locator('.lead').first().textContent(), new RegExp(caseA.numero));

    // Found under another spelling of the name, and opened from the results.
    await go(page, '/minori', 'minori list');
    await page.fill('#f-q', 'Muhammad Abdul Rahman');
    await navigating(page, () => page.getByRole('button', { name: 'Cerca' }).click(), 'list with search results');
    assert.equal(pathOf(page), '/minori');
    const result = page.locator('table tbody a', { hasText: caseA.numero });
    await assert.doesNotReject(result.waitFor(), `${caseA.numero} found as "Muhammad Abdul Rahman"`);
    assert.equal(await page.locator('#f-q').inputValue(), 'Muhammad Abdul Rahman', 'the search is kept');
    await navigating(page, () => result.click(), 'case page');
    assert.equal(pathOf(page), caseA.path);

    // A fake PDF is refused with the Italian message, a real one is stored.
    await navigating(page, () => page.getByRole('link', { name: 'Aggiungi documento' }).click(), 'document form');
    assert.equal(pathOf(page), `${caseA.path}/documenti/nuovo`);
    const docAction = `${caseA.path}/documenti/nuovo`;
    await page.selectOption('#f-tipo', 'passaporto');
    await page.fill('#f-numero', 'A1234567');
    await page.fill('#f-data_rilascio', itDate(daysAgo(400)));
    await page.fill('#f-data_scadenza', itDate(daysAgo(-3000)));
    await page.setInputFiles('#f-file', tempFile('passaporto-finto.pdf', Buffer.from('Solo testo, non un PDF.\n'.repeat(20))));
    await navigating(page, () => submitButton(page, docAction).click(), 'document form with file error');
    assert.equal(pathOf(page), docAction);
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il file non è stato accettato' }).waitFor());
    await errorNextTo(page, 'file', /Il file deve essere un PDF, un JPEG o un PNG/);
    assert.equal(await page.locator('#f-tipo').inputValue(), 'passaporto', 'the type is kept');
    assert.equal(await page.locator('#f-numero').inputValue(), 'A1234567', 'the number is kept');
    const pdf = pdfBytes();
    await page.setInputFiles('#f-file', tempFile('passaporto.pdf', pdf));
    await navigating(page, () => submitButton(page, docAction).click(), 'case page with a document');
    assert.equal(pathOf(page), caseA.path);
    const row = page.locator('section[aria-labelledby="documenti"] tbody tr', { hasText: 'Passaporto' });
    await assert.doesNotReject(row.waitFor(), 'the document is listed');
    const download = row.getByRole('link', { name: /^Scarica/ });
    assert.equal(await download.count(), 1, 'with a "Scarica" link');
    const res = await page.request.get(new URL(await download.getAttribute('href'), page.url()).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /^application\/pdf/);
    assert.deepEqual(Buffer.from(await res.body()), pdf, 'the stored copy is the uploaded file');

    // Each section's form, from its link on the case page.
    const sections = [
      ['Modifica dati anagrafici', 'anagrafica'],
      ['Modifica rintraccio e provvedimento', 'rintraccio'],
      ['Modifica tutela', 'tutela'],
      ['Cambia stato', 'stato'],
      ['Trasferisci', 'collocamento'],
    ];
    for (const [link, section] of sections) {
      await navigating(page, () => page.getByRole('link', { name: link, exact: true }).click(), `${section} form`);
      assert.equal(pathOf(page), `${caseA.path}/${section}`);
      await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());
      if (section === 'stato') {
        // Without a reason: the error next to the field.
        await page.selectOption('#f-stato', 'in_prosieguo');
        await navigating(page, () => submitButton(page, `${caseA.path}/stato`).click(), 'stato form with errors');
        await errorNextTo(page, 'motivo');
      }
      if (section === 'tutela') {
        await page.selectOption('#f-tipo', 'provvisorio');
        await page.fill('#f-nome', 'Laura Bianchi');
        await navigating(page, () => submitButton(page, `${caseA.path}/tutela`).click(), 'case page with a tutor');
      } else {
        await navigating(page, () => page.getByRole('link', { name: 'Annulla' }).click(), 'case page');
      }
      assert.equal(pathOf(page), caseA.path);
    }
    await assert.doesNotReject(page.locator('section[aria-labelledby="tutela"]', { hasText: 'Laura Bianchi' }).waitFor());

    // The same name, birth year and citizenship: the duplicate prompt,
    // which lists the first case; confirmed, the minor goes to the facility.
    const b = minor({ cognome: 'Abdul Rahman', nome: 'Mohammed', nascita: a.nascita, struttura: FACILITY });
    await go(page, '/minori/nuovo', 'intake empty');
    await fillIntake(page, b);
    await navigating(page, () => submitButton(page, '/minori/nuovo').click(), 'intake with the duplicate prompt');
    assert.equal(pathOf(page), '/minori/nuovo');
    await assert.doesNotReject(duplicatePrompt(page).getByRole('link', { name: caseA.numero }).waitFor(),
      `the prompt lists ${caseA.numero}`);
    assert.equal(await page.locator('#f-cognome').inputValue(), 'Abdul Rahman', 'what was typed is kept');
    await tick(page, 'f-conferma_nuovo');
    await navigating(page, () => submitButton(page, '/minori/nuovo').click(), 'case page');
    const caseB = await landedOnCase(page);

    // The facility's user: the list of its minors, and the case page.
    const s = await newPage();
    axe.watch(s.page);
    try {
      await login(s.page, ...DEMO.struttura, 'home struttura');
      await go(s.page, '/minori', 'minori list (struttura)');
      const link = s.page.locator('table tbody a', { hasText: caseB.numero });
      await assert.doesNotReject(link.waitFor(), `${caseB.numero} is listed for ${FACILITY}`);
      assert.equal(await s.page.getByRole('link', { name: 'Nuova presa in carico' }).count(), 0, 'no intake for a facility');
      await navigating(s.page, () => link.click(), 'case page (struttura)');
      assert.equal(pathOf(s.page), caseB.path);
      await assert.doesNotReject(s.page.getByRole('heading', { level: 1, name: 'Abdul Rahman Mohammed' }).waitFor());
      assert.equal(await s.page.getByRole('link', { name: 'Aggiungi documento' }).count(), 0, 'a facility changes nothing');
      assert.equal(await s.page.locator('#anagrafica').count(), 0, 'nor sees the full personal data');
    } finally {
      await s.context.close();
    }
  } finally {
    await context.close();
  }
  axe.done();
});

test('with the CSP enforced: no console errors or CSP violations on /minori, /minori/nuovo, a case page', async (t) => {
  const { context, page } = await newPage();
  const watch = await watchProblems(t, context, page);
  try {
    await login(page, ...DEMO.responsabile);
    assert.equal(pathOf(page), '/');
    await go(page, '/minori');
    await watch.inspect();
    await go(page, '/minori?q=Muhammad&ordine=cognome');
    await watch.inspect();
    await go(page, '/minori/nuovo');
    await watch.inspect();
    await navigating(page, () => submitButton(page, '/minori/nuovo').click());
    await fieldError(page, 'cognome').waitFor();
    await watch.inspect();
    await fillIntake(page, minor({ cognome: 'Diallo', nome: 'Mamadou', paese: 'Guinea', cittadinanza: 'Guinea', lingue: 'fula, francese' }));
    const c = await saveIntake(page);
    await watch.inspect();
    await go(page, `${c.path}/documenti/nuovo`);
    await watch.inspect();
    await go(page, `${c.path}/tutela`);
    await watch.inspect();
  } finally {
    await context.close();
  }
  watch.done();
});

test('without JavaScript: the intake form shows the errors next to the fields and keeps the values', async () => {
  const { context, page } = await newPage({ javaScriptEnabled: false });
  try {
    await login(page, ...DEMO.responsabile);
    await go(page, '/minori');
    await navigating(page, () => page.getByRole('link', { name: 'Nuova presa in carico' }).click());
    assert.equal(pathOf(page), '/minori/nuovo');
    await page.fill('#f-cognome', 'Ouédraogo');
    await page.selectOption('#f-sesso', 'F');
    await page.fill('#f-data_nascita', '31/02/2011');
    await page.selectOption('#f-cittadinanza', 'Burkina Faso');
    await page.fill('#f-lingue', 'mooré, francese');
    await tick(page, 'f-mediatore');
    await page.fill('#f-cui', 'ab');
    await page.selectOption('#f-modalita_rintraccio', 'frontiera_terrestre');
    await page.selectOption('#f-struttura_id', { label: FACILITY });
    await navigating(page, () => submitButton(page, '/minori/nuovo').click());
    assert.equal(pathOf(page), '/minori/nuovo');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene' }).waitFor());
    for (const name of ['nome', 'data_nascita', 'cui', 'data_rintraccio', 'operatore_id']) await errorNextTo(page, name);
    assert.match(await fieldError(page, 'cui').textContent(), /CUI/);
    assert.equal(await fieldError(page, 'cognome').count(), 0, 'no error on a good field');
    // What was typed is kept.
    assert.equal(await page.locator('#f-cognome').inputValue(), 'Ouédraogo');
    assert.equal(await page.locator('#f-sesso').inputValue(), 'F');
    assert.equal(await page.locator('#f-data_nascita').inputValue(), '31/02/2011');
    assert.equal(await page.locator('#f-cittadinanza').inputValue(), 'Burkina Faso');
    assert.equal(await page.locator('#f-lingue').inputValue(), 'mooré, francese');
    assert.ok(await page.locator('#f-mediatore').isChecked(), 'the checkbox stays ticked');
    assert.equal((await page.locator('#f-cui').inputValue()).toUpperCase(), 'AB');
    assert.equal(await page.locator('#f-modalita_rintraccio').inputValue(), 'frontiera_terrestre');
    assert.equal(await page.locator('#f-struttura_id option:checked').textContent(), FACILITY);
  } finally {
    await context.close();
  }
});

test('screenshots of /minori, the intake form with errors and a case page, at 1280 and 390 px (SCREENSHOTS_DIR)', async (t) => {
  const { context, page } = await newPage();
  try {
    await login(page, ...DEMO.responsabile);
    // A case with a document, a tutor and a long name, created first so
    // that the list shows at least one row.
    const c = await createMinor(page, minor({
      cognome: 'Abdelrahman Al-Mahdi', nome: 'Mohamed Abdelkarim', paese: 'Sudan', cittadinanza: 'Sudan',
      lingue: 'arabo, inglese', luogo: 'Porto di Lampedusa, molo Favarolo', ente: 'Questura di Agrigento',
    }));
    await addDocument(page, c.path, tempFile('documento.pdf', pdfBytes()));
    await go(page, '/minori');
    await assert.doesNotReject(page.locator('table tbody tr').first().waitFor());
    await screenshotBoth(page, 'minori');
    await go(page, '/minori/nuovo');
    await page.fill('#f-cognome', 'Ouédraogo');
    await page.fill('#f-data_nascita', '31/02/2011');
    await page.fill('#f-cui', 'ab');
    await navigating(page, () => submitButton(page, '/minori/nuovo').click());
    await assert.doesNotReject(fieldError(page, 'nome').waitFor());
    await screenshotBoth(page, 'minori-nuovo-errori');
    await go(page, c.path);
    await screenshotBoth(page, 'fascicolo');
    t.diagnostic(SCREENSHOTS ? `screenshots in ${SCREENSHOTS}` : 'SCREENSHOTS_DIR not set: screenshots taken, not saved');
  } finally {
    await context.close();
  }
});
