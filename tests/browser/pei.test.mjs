// The PEI's whole path in a real browser, as the office walks it: the
// responsabile takes a new minor in charge (for the demo operatore, at the
// demo facility); the operatore opens the case, writes the PEI section by
// section (the interview's late date refused next to the field until the
// reason is given; the anamnesis with a relative in the EU and a stage of
// the journey; trafficking assessed with its indicators; the assessment; a
// referral; an objective with an action for the facility; the minor's
// opinion) and submits it; the responsabile returns it (not without
// comments), the operatore reads them, changes something and submits it
// again; the responsabile approves it. Then the facility's user sees the
// objective, the facility's action and the needs, and nothing of the
// anamnesis or the interview. axe-core's WCAG 2.1 A/AA checks and the
// CSP/console watcher on every page visited, screenshots at 1280 and
// 390 px (SCREENSHOTS_DIR).
//
//   BASE_URL=http://127.0.0.1:8080 node --test --test-reporter=spec tests/browser/pei.test.mjs
//
// Needs a running Approdo (tests/servers.sh) with the demo users (`demo`);
// every minor used here is created here, with a name of its own, so the
// file passes again and again on the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  SCREENSHOTS, useBrowser, navigating, go, pathOf, fieldError, errorNextTo, screenshotBoth,
  session, field, fill, choose, tickLabel, link, button, notice, follow, press, itDate, daysFrom, uniqueWord,
  takeInCharge,
} from './lib.mjs';

useBrowser();

const FACILITY = 'Comunità Il Ponte'; // the demo user "struttura" works there
const OPERATORE = 'Omar Operatore'; // the demo user "operatore"
const RESPONSABILE = 'Rita Responsabile'; // the demo user "responsabile"

// ------------------------------------------------------------ data

const pad = (n) => String(n).padStart(2, '0');
const today = new Date();

// The same day `n` months on, or the month's last day when it has no such
// day (art. 2963 c.c.), of an ISO date: as the PEI's review date is set.
function monthsLater(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(y, m - 1 + n, Math.min(d, last)));
  return `${pad(out.getUTCDate())}/${pad(out.getUTCMonth() + 1)}/${out.getUTCFullYear()}`;
}

// A surname no earlier run has used (letters only, as a name would be).
const minor = {
  cognome: `Camara ${uniqueWord()}`, nome: 'Ousmane', sesso: 'Maschio',
  nascita: itDate(new Date(today.getFullYear() - 16, 4, 12)), cittadinanza: 'Guinea',
  // Found and taken in charge ten days ago: the first interview is due
  // within three days of that.
  rintraccio: itDate(daysFrom(today, -11)), presa: daysFrom(today, -10),
};

// What the office writes, and what a facility must never read.
const TEXT = {
  conduttore: 'Anna Verdi',
  casa: 'Viveva con la madre e due sorelle a Labé; aiutava al mercato.',
  ritardo: 'Il mediatore in lingua pular era disponibile solo da quel giorno.',
  parole: 'Voglio studiare da meccanico e aiutare mia madre.',
  zio: 'Zio materno', citta: 'Lione, Francia', transito: 'Libia',
  fonte: 'Primo colloquio', salute: 'Dolori a un ginocchio',
  bisogni: 'Accompagnarlo ogni martedì al consultorio',
  servizio: 'Consultorio familiare', obiettivo: 'Licenza media al CPIA',
  azione: "Accompagnarlo all'iscrizione al CPIA 3", parere: 'Va bene, ma voglio anche giocare a calcio.',
  osservazioni: 'Manca come sente la madre: scrivilo nell\'anamnesi.',
  contatti: 'Videochiamata con la madre ogni domenica',
};

// ------------------------------------------------------------ helpers

// A section's form from its link on the PEI page; `fillIn` fills it, Salva
// sends it and the PEI page says it is saved.
async function section(page, linkName, heading, fillIn) {
  const peiPath = pathOf(page);
  await follow(page, linkName, `form: ${heading}`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: heading }).waitFor(), `the form "${heading}"`);
  await fillIn();
  await save(page, peiPath, heading);
}

async function save(page, peiPath, what) {
  await press(page, 'Salva', `PEI after ${what}`);
  assert.equal(pathOf(page), peiPath, `${what}: saved, back on the PEI (errors: ${
    (await page.locator('.invalid-feedback').allTextContents()).join(' | ')})`);
  await assert.doesNotReject(notice(page, 'PEI aggiornato.').waitFor(), `${what}: "PEI aggiornato."`);
}

// The part of the PEI page under heading `id` (its sections' ids).
const part = (page, id) => page.locator(`section[aria-labelledby="${id}"]`);

async function shows(locator, text, what) {
  await assert.doesNotReject(locator.getByText(text, { exact: false }).first().waitFor(), `${what} shows "${text}"`);
}

// The case's PEI page, from the case page's button.
async function openPei(page, casePath, label) {
  if (pathOf(page) !== casePath) await go(page, casePath, `case page (${label})`);
  await follow(page, 'Progetto educativo (PEI)', `PEI (${label})`);
  assert.equal(pathOf(page), `${casePath}/pei`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: `PEI di ${minor.cognome} ${minor.nome}` }).waitFor());
}

const lead = (page) => page.locator('p.lead').first();

// ------------------------------------------------------------ the path

// Shared by the tests below, which run in order.
const office = {};

test('responsabile: a new minor taken in charge for the demo operatore at Comunità Il Ponte', async (t) => {
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    Object.assign(office, await takeInCharge(page, {
      ...minor, presa: itDate(minor.presa), lingue: 'pular, francese', mediatore: true,
      modalita: 'Sbarco', struttura: FACILITY, operatore: OPERATORE,
    }));
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: opens the case, writes the PEI section by section and submits it', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('operatore');
    // The case, found by its number in the list.
    await go(page, '/minori', 'minori list (operatore)');
    await fill(page, 'Nome, n. fascicolo, CUI o codice fiscale', office.numero);
    await press(page, 'Cerca', 'search by number');
    await navigating(page, () => page.locator('table tbody a', { hasText: office.numero }).click(), 'case page (operatore)');
    assert.equal(pathOf(page), office.path);
    await openPei(page, office.path, 'operatore, empty');
    const pei = pathOf(page);
    await assert.doesNotReject(page.getByText('Il PEI di questo minore non è ancora stato scritto.').waitFor());
    await press(page, 'Scrivi il PEI', 'PEI opened');
    assert.equal(pathOf(page), pei);
    await assert.doesNotReject(notice(page, 'Nuova versione del PEI aperta.').waitFor());
    assert.match(await lead(page).textContent(), /Versione 1 · Bozza/);

    // The first interview, five days after the intake and without saying
    // why: refused next to the reason's field, which only now appears.
    await follow(page, 'Modifica Primo colloquio', 'form: Primo colloquio');
    assert.equal(pathOf(page), `${pei}/colloquio`);
    assert.equal(await page.locator('#f-ritardo_motivo').count(), 0, 'no reason asked before it is needed');
    const late = itDate(daysFrom(minor.presa, 5));
    await fill(page, 'Data del colloquio', late);
    await fill(page, 'Chi ha condotto il colloquio', TEXT.conduttore);
    await choose(page, 'Profilo professionale', 'Assistente sociale');
    await fill(page, 'Mediatore culturale presente', 'Ibrahim Kanté');
    await fill(page, 'Lingua del colloquio', 'Pular');
    await fill(page, 'Storia: la vita a casa', TEXT.casa);
    await press(page, 'Salva', 'Primo colloquio with an error');
    assert.equal(pathOf(page), `${pei}/colloquio`);
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene un errore' }).waitFor());
    await errorNextTo(page, 'ritardo_motivo', /entro 3 giorni dall'ingresso in accoglienza/);
    assert.equal(await field(page, 'Perché il colloquio si è tenuto oltre i 3 giorni').count(), 1, 'the reason is asked, with its label');
    assert.equal(await fieldError(page, 'data').count(), 0, 'the date itself is not wrong');
    assert.equal(await field(page, 'Data del colloquio').inputValue(), late, 'the date is kept');
    assert.equal(await field(page, 'Storia: la vita a casa').inputValue(), TEXT.casa, 'the text is kept');
    assert.equal(await field(page, 'Profilo professionale').inputValue(), 'assistente_sociale', 'the choice is kept');
    await screenshotBoth(page, 'pei-colloquio-errore');
    await fill(page, 'Perché il colloquio si è tenuto oltre i 3 giorni', TEXT.ritardo);
    await fill(page, 'Parere del minore sul progetto di accoglienza proposto', 'Il progetto mi piace.');
    await save(page, pei, 'Primo colloquio');
    await shows(part(page, 'colloquio'), TEXT.conduttore, 'the interview');
    await shows(part(page, 'colloquio'), TEXT.ritardo, 'the interview');

    // The social anamnesis, a relative in the EU, a stage of the journey.
    await section(page, 'Modifica Anamnesi sociale', 'Anamnesi sociale', async () => {
      await choose(page, 'Genitori', 'Solo la madre in vita');
      await fill(page, 'Fratelli e sorelle', 'Due sorelle più piccole, a Labé');
      await fill(page, 'Anni di scuola nel paese d\'origine', '6');
      await choose(page, 'Livello di italiano (QCER)', 'A2');
      await fill(page, 'Data di partenza', itDate(daysFrom(today, -300)));
      await fill(page, 'Data di arrivo in Italia', minor.rintraccio);
      await tickLabel(page, 'Progetto: studiare');
      await fill(page, 'Il progetto migratorio con le sue parole', TEXT.parole);
    });
    await shows(part(page, 'anamnesi'), TEXT.parole, 'the anamnesis');
    await section(page, 'Aggiungi un familiare', 'Familiare', async () => {
      await fill(page, 'Relazione', TEXT.zio);
      await choose(page, 'Dove vive', "In un altro paese dell'UE (Dublino)");
      await fill(page, 'Paese e città', TEXT.citta);
      await tickLabel(page, 'Il minore è in contatto con questa persona');
    });
    await shows(part(page, 'famiglia-viaggio'), TEXT.citta, 'the relatives');
    await section(page, 'Aggiungi una tappa', 'Tappa del viaggio', async () => {
      assert.equal(await field(page, 'Tappa n.').inputValue(), '1', 'the first stage is numbered 1');
      await fill(page, 'Paese attraversato', TEXT.transito);
      await fill(page, 'Per quanto tempo', '8 mesi');
      await tickLabel(page, 'È stato detenuto');
    });
    await shows(part(page, 'famiglia-viaggio'), TEXT.transito, 'the journey');

    // Trafficking, from its row of the table, with two indicators.
    const tratta = part(page, 'vulnerabilita').locator('tr', { has: page.getByRole('rowheader', { name: 'Vittima di tratta' }) });
    assert.match(await tratta.textContent(), /non valutata/);
    await navigating(page, () => tratta.getByRole('link', { name: 'Valuta Vittima di tratta' }).click(), 'form: Vittima di tratta');
    assert.equal(pathOf(page), `${pei}/vulnerabilita/4`);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Vittima di tratta' }).waitFor());
    await assert.doesNotReject(page.getByRole('group', { name: 'Indicatori di tratta osservati' }).waitFor());
    await choose(page, 'Esito della valutazione', 'Sospetta');
    await fill(page, 'Data della valutazione', itDate(daysFrom(minor.presa, 5)));
    await fill(page, 'Fonte', TEXT.fonte);
    await tickLabel(page, 'Debito da ripagare a chi ha organizzato il viaggio');
    await tickLabel(page, 'Lavoro: orari eccessivi, senza paga o con paga trattenuta');
    await save(page, pei, 'Vittima di tratta');
    assert.match(await tratta.textContent(), /Sospetta/);
    assert.match(await tratta.textContent(), /Indicatori: Debito da ripagare a chi ha organizzato il viaggio; Lavoro: orari eccessivi/);

    await section(page, 'Modifica Valutazione e salute', 'Valutazione e salute', async () => {
      await choose(page, 'Livello complessivo di vulnerabilità', 'Alto');
      await tickLabel(page, 'Iscritto al Servizio sanitario nazionale');
      await fill(page, 'Data di iscrizione al SSN', itDate(daysFrom(minor.presa, 2)));
      await fill(page, 'Bisogni di salute', TEXT.salute);
      await fill(page, 'Bisogni su cui la struttura deve agire', TEXT.bisogni);
    });
    await shows(part(page, 'valutazione'), TEXT.bisogni, 'the assessment');

    await section(page, 'Aggiungi un invio', 'Invio ai servizi', async () => {
      assert.equal(await field(page, "Data dell'invio").inputValue(), itDate(today), 'today is proposed');
      await fill(page, 'Servizio', TEXT.servizio);
      await fill(page, 'Ente o professionista', 'ASL Roma 2');
      await fill(page, 'Appuntamento', itDate(daysFrom(today, 7)));
    });
    await shows(part(page, 'servizi'), TEXT.servizio, 'the referrals');

    await section(page, 'Aggiungi un obiettivo', 'Obiettivo', async () => {
      await choose(page, 'Area', 'Scuola e italiano L2');
      await fill(page, 'Obiettivo', TEXT.obiettivo);
      await fill(page, 'Indicatore', 'Esame superato a giugno');
      await choose(page, 'Stato', 'In corso');
    });
    const obiettivi = part(page, 'obiettivi-titolo');
    await shows(obiettivi, TEXT.obiettivo, 'the objectives');
    await section(page, "Aggiungi un'azione all'obiettivo 1", 'Azione', async () => {
      await fill(page, 'Azione', TEXT.azione);
      await choose(page, 'Chi agisce', 'La struttura di accoglienza');
      await fill(page, 'Entro il', itDate(daysFrom(today, 60)));
    });
    await shows(obiettivi, TEXT.azione, 'the objective\'s actions');

    await section(page, 'Modifica Parere del minore', 'Parere del minore', async () => {
      await fill(page, 'Data in cui il minore è stato ascoltato', itDate(today));
      await fill(page, 'Il parere del minore, con le sue parole', TEXT.parere);
      await choose(page, "Il minore è d'accordo con il progetto", "In parte d'accordo");
      await fill(page, 'Mediatore culturale', 'Ibrahim Kanté');
      await fill(page, 'Lingua', 'Pular');
    });
    await shows(part(page, 'parere'), TEXT.parere, 'the opinion');

    await press(page, "Invia al responsabile per l'approvazione", 'PEI submitted');
    assert.equal(pathOf(page), pei);
    await assert.doesNotReject(notice(page, "PEI inviato al responsabile per l'approvazione.").waitFor());
    assert.match(await lead(page).textContent(), /Inviata per l'approvazione/);
    assert.equal(await link(page, 'Modifica Primo colloquio').count(), 0, 'a submitted version is not edited');
    assert.equal(await button(page, "Invia al responsabile per l'approvazione").count(), 0, 'nor submitted twice');
    assert.equal(await page.getByRole('button', { name: 'Approva' }).count(), 0, 'nor approved by the operatore');
  } finally {
    await s.close();
  }
  s.done();
});

test('responsabile returns it (comments required); the operatore reads them, changes the anamnesis, submits again', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const r = await s.as('responsabile');
    await openPei(r, office.path, 'responsabile, submitted');
    const pei = pathOf(r);
    const decisione = part(r, 'decisione');
    await assert.doesNotReject(decisione.getByRole('heading', { name: 'Decisione del responsabile' }).waitFor());
    assert.equal(await field(r, 'Osservazioni per chi ha scritto il PEI').getAttribute('name'), 'commento',
      'the box for the comments is there, and sent with the form');
    await press(r, 'Restituisci con osservazioni', 'PEI returned without comments');
    assert.match(pathOf(r), new RegExp(`^${pei}/\\d+/decisione$`), 'the decision comes back with its error');
    await errorNextTo(r, 'commento', /Scrivi perché la versione torna indietro/);
    assert.match(await lead(r).textContent(), /Inviata per l'approvazione/, 'still waiting for a decision');
    await fill(r, 'Osservazioni per chi ha scritto il PEI', TEXT.osservazioni);
    await press(r, 'Restituisci con osservazioni', 'PEI returned');
    assert.equal(pathOf(r), pei);
    await assert.doesNotReject(notice(r, 'PEI restituito con le tue osservazioni.').waitFor());
    assert.match(await lead(r).textContent(), /Restituita con osservazioni/);

    const o = await s.as('operatore');
    await openPei(o, office.path, 'operatore, returned');
    const comments = o.locator('.alert-warning', { hasText: 'Osservazioni del responsabile' });
    await assert.doesNotReject(comments.waitFor(), 'the comments are on the page');
    const said = await comments.textContent();
    assert.ok(said.includes(RESPONSABILE) && said.includes(TEXT.osservazioni), `who returned it and why: ${said}`);
    await section(o, 'Modifica Anamnesi sociale', 'Anamnesi sociale', async () => {
      assert.equal(await field(o, 'Il progetto migratorio con le sue parole').inputValue(), TEXT.parole, 'what was written is kept');
      await choose(o, 'Contatti con la famiglia', 'Regolari');
      await fill(o, 'Come e quanto spesso', TEXT.contatti);
    });
    await shows(part(o, 'anamnesi'), TEXT.contatti, 'the anamnesis');
    await press(o, "Invia al responsabile per l'approvazione", 'PEI submitted again');
    await assert.doesNotReject(notice(o, "PEI inviato al responsabile per l'approvazione.").waitFor());
    assert.match(await lead(o).textContent(), /Inviata per l'approvazione/);
  } finally {
    await s.close();
  }
  s.done();
});

test('responsabile approves it: "Approvata" and the next review date', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const r = await s.as('responsabile');
    await openPei(r, office.path, 'responsabile, submitted again');
    await shows(part(r, 'anamnesi'), TEXT.contatti, 'the version to approve');
    await press(r, 'Approva', 'PEI approved');
    assert.equal(pathOf(r), `${office.path}/pei`);
    await assert.doesNotReject(notice(r, 'PEI approvato.').waitFor());
    assert.match(await lead(r).textContent(), new RegExp(`Versione 1 · Approvata il \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d da ${RESPONSABILE}`));
    const due = monthsLater(new Date().toISOString().slice(0, 10), 3);
    await assert.doesNotReject(r.getByText(`Prossima verifica entro il ${due}.`, { exact: true }).waitFor(), `the review is due on ${due}`);
    assert.equal(await part(r, 'decisione').count(), 0, 'nothing left to decide');
    assert.equal(await link(r, 'Modifica Anamnesi sociale').count(), 0, 'an approved version is not edited');
    const storia = await part(r, 'storia').locator('li').allTextContents();
    assert.deepEqual(storia.map((e) => e.replace(/^.*?: (.*?) da .*$/s, '$1')),
      ['Aperta', "Inviata per l'approvazione", 'Restituita con osservazioni', "Inviata per l'approvazione", 'Approvata'], 'the version\'s history');
    await screenshotBoth(r, 'pei-approvato');
    t.diagnostic(SCREENSHOTS ? `screenshots in ${SCREENSHOTS}` : 'SCREENSHOTS_DIR not set: screenshots taken, not saved');
    // The PDF made at approval, to print and sign: its fingerprint is on
    // the page, and the file downloaded has it.
    const shown = (await part(r, 'firmate').locator('code').first().textContent()).trim();
    assert.match(shown, /^[0-9a-f]{64}$/, 'the SHA-256 is on the page');
    const [download] = await Promise.all([r.waitForEvent('download'),
      r.getByRole('link', { name: 'Scarica il PDF da firmare' }).click()]);
    assert.match(download.suggestedFilename(), /^PEI-MSNA-\d{4}-\d{5}-v1\.pdf$/);
    const bytes = fs.readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', 'a PDF');
    assert.equal(crypto.createHash('sha256').update(bytes).digest('hex'), shown, 'the file is the one the page names');
  } finally {
    await s.close();
  }
  s.done();
});

test('the facility sees the objective, its action and the needs, not the anamnesis nor the interview', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('struttura');
    await go(page, '/minori', 'minori list (struttura)');
    await navigating(page, () => page.locator('table tbody a', { hasText: office.numero }).click(), 'case page (struttura)');
    assert.equal(pathOf(page), office.path);
    await openPei(page, office.path, 'struttura');
    assert.match(await lead(page).textContent(), /Approvata/);
    const obiettivi = part(page, 'obiettivi-titolo');
    await shows(obiettivi, TEXT.obiettivo, 'the facility\'s PEI');
    await shows(obiettivi, TEXT.azione, 'the facility\'s PEI');
    await shows(obiettivi, 'La struttura di accoglienza', 'the facility\'s PEI');
    await shows(part(page, 'bisogni'), TEXT.bisogni, 'the facility\'s PEI');
    const body = await page.locator('main').textContent();
    for (const text of [TEXT.parole, TEXT.contatti, TEXT.casa, TEXT.conduttore, TEXT.ritardo, TEXT.zio, TEXT.citta,
      TEXT.transito, TEXT.fonte, 'Indicatori', TEXT.salute, TEXT.servizio, TEXT.parere, TEXT.osservazioni])
      assert.ok(!body.includes(text), `the facility does not read "${text}"`);
    for (const heading of ['Anamnesi sociale', 'Primo colloquio', 'Vulnerabilità', 'Parere del minore', 'Storia di questa versione'])
      assert.equal(await page.getByRole('heading', { name: heading }).count(), 0, `no "${heading}" for the facility`);
    assert.equal(await page.getByRole('button').filter({ hasText: /nuova versione|Approva|Invia/ }).count(), 0, 'and no step to take');
    await screenshotBoth(page, 'pei-struttura');
  } finally {
    await s.close();
  }
  s.done();
});
