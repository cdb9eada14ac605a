// A facility's month in a real browser: the responsabile takes two new
// minors in charge for the demo operatore at the demo facility; the
// facility's user finds them on "La mia struttura" with their report "Da
// scrivere", writes the first one's report (a wrong month refused next to
// the field, what was typed kept; a draft; sending it incomplete refused;
// completed and sent), and reports the second one missing from the case
// page (without the time and the last sighting: refused next to both
// fields; then whole, with the report to the police). The case worker
// sees the notice on the home page (the case number, not the name) and
// opens the case, the proposed status change on it; the responsabile
// confirms it. The case worker marks the report read with feedback, which
// the facility then reads on its page, where the missing minor no longer
// is. axe-core's WCAG 2.1 A/AA checks and the CSP/console watcher on every
// page visited, screenshots at 1280 and 390 px (SCREENSHOTS_DIR).
//
//   BASE_URL=http://127.0.0.1:8080 node --test --test-reporter=spec tests/browser/struttura.test.mjs
//
// Needs a running Approdo (tests/servers.sh) with the demo users (`demo`);
// the minors are made here, with names of their own, so the file passes
// again and again on the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SCREENSHOTS, useBrowser, navigating, go, pathOf, fieldError, errorNextTo, screenshotBoth,
  session, field, fill, choose, tickLabel, link, button, notice, follow, press, escapeRe, itDate, daysFrom,
  uniqueWord, takeInCharge,
} from './lib.mjs';

useBrowser();

const FACILITY = 'Comunità Il Ponte'; // the demo user "struttura" works there
const OPERATORE = 'Omar Operatore'; // the demo user "operatore"

// ------------------------------------------------------------ data

const today = new Date();
const yesterday = itDate(daysFrom(today, -1));
const word = uniqueWord().toLowerCase();
const common = {
  sesso: 'Maschio', cittadinanza: 'Guinea', modalita: 'Sbarco',
  rintraccio: itDate(daysFrom(today, -12)), presa: itDate(daysFrom(today, -11)),
  struttura: FACILITY, operatore: OPERATORE,
};
// Two surnames of letters only, neither inside the other.
const primo = { ...common, cognome: `Camara${word}`, nome: 'Ibrahima', nascita: itDate(new Date(today.getFullYear() - 16, 4, 9)) };
const secondo = { ...common, cognome: `Sylla${word}`, nome: 'Alseny', nascita: itDate(new Date(today.getFullYear() - 15, 8, 21)) };
const who = (m) => `${m.cognome} ${m.nome}`;

const REPORT = {
  scuola: 'Frequenta il CPIA quattro mattine su cinque.',
  italiano: 'Capisce le consegne; parla a frasi brevi (livello A1).',
  salute: 'Bene; visita dal medico di base fatta.',
  comportamento: 'Sereno, ha fatto amicizia con due ragazzi della comunità.',
  azioni: "Accompagnato all'iscrizione al corso; frequenza seguita ogni giorno.",
  riscontro: `Grazie: continuate a seguire la frequenza di ${primo.cognome}.`,
};
const EVENT = {
  ora: '22:15',
  visto: 'Fermata della metro Termini, da solo',
  descrizione: 'Non è rientrato in comunità dopo la partita al campo del quartiere.',
};
const LABEL = {
  periodo: 'Mese della relazione',
  scuola: 'Frequenza della scuola o del corso',
  italiano: 'Progressi in italiano L2',
  salute: 'Salute',
  comportamento: 'Comportamento e relazioni',
  azioni: 'Altre attività con il minore',
  tipo: 'Che cosa è successo',
  data: 'Data',
  ora: 'Ora',
  visto: 'Ultima volta visto: dove, con chi',
  denuncia: "Fatta la denuncia alle forze dell'ordine",
  denunciaData: 'Data della denuncia',
  descrizione: 'Descrizione',
  riscontro: 'Riscontro per la struttura (facoltativo)',
};

// ------------------------------------------------------------ helpers

const part = (page, id) => page.locator(`section[aria-labelledby="${id}"]`);
const invalid = async (page) => (await page.locator('.invalid-feedback').allTextContents()).join(' | ');
const warning = (page, text) => page.locator('.alert-warning', { hasText: text });
// The facility page's row of a case, found by its number.
const row = (page, m) => part(page, 'minori').locator('tbody tr', { hasText: m.numero });
const reportCell = (page, m) => row(page, m).locator('td').first();
const lead = async (page) => (await page.locator('main .lead').first().textContent()).replace(/\s+/g, ' ').trim();

// "La mia struttura", from the navigation.
async function laMiaStruttura(page, label) {
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await navigating(page, () => nav.getByRole('link', { name: 'La mia struttura', exact: true }).click(), label);
  assert.equal(pathOf(page), '/minori/struttura');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: `La mia struttura: ${FACILITY}` }).waitFor());
}

// The report form saved: back on the facility's page, told so.
async function savedDraft(page, what) {
  await press(page, 'Salva', `struttura after ${what}`);
  assert.equal(pathOf(page), '/minori/struttura', `${what}: saved (errors: ${await invalid(page)})`);
  await assert.doesNotReject(notice(page, 'Bozza della relazione salvata').waitFor(), `${what}: "Bozza della relazione salvata"`);
}

// The facility page's search, by case number: the minor's row alone (the
// page lists 25 minors at a time, and the tests put many at Il Ponte).
async function cerca(page, m) {
  await fill(page, 'Cerca un minore', m.numero);
  await press(page, 'Cerca', `struttura: cerca ${m.numero}`);
  assert.equal(pathOf(page), '/minori/struttura');
  assert.equal(await field(page, 'Cerca un minore').inputValue(), m.numero, 'the search is kept');
}

// The first minor's draft, from the facility page's "Continua la relazione".
async function continueReport(page, label) {
  await cerca(page, primo);
  await follow(page, `Continua la relazione di ${who(primo)}`, label);
  assert.match(pathOf(page), new RegExp(`^${escapeRe(primo.path)}/relazioni/\\d+$`));
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Relazione periodica' }).waitFor());
}

// ------------------------------------------------------------ the month

// Shared by the tests below, which run in order.
let periodo = '';

test('responsabile: two new minors taken in charge for the demo operatore at Comunità Il Ponte', async (t) => {
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    for (const m of [primo, secondo]) Object.assign(m, await takeInCharge(page, m));
  } finally {
    await s.close();
  }
  s.done();
});

test('struttura: "La mia struttura" lists both; the first report, refused, a draft, refused incomplete, then sent', async (t) => {
  assert.ok(primo.path && secondo.path, 'the intakes above succeeded');
  const s = session(t);
  try {
    const page = await s.as('struttura');
    // The home page's tile, and the navigation, lead to the facility's page.
    await navigating(page, () => page.locator('main').getByRole('link', { name: 'La mia struttura', exact: true }).click(), 'struttura from the home tile');
    assert.equal(pathOf(page), '/minori/struttura');
    await go(page, '/', 'home struttura again');
    await laMiaStruttura(page, 'struttura from the navigation');
    assert.deepEqual(await page.getByRole('navigation', { name: 'Navigazione principale' }).locator('[aria-current="page"]').allTextContents(),
      ['La mia struttura'], 'the navigation marks this page as the current one');
    periodo = (await page.locator('main .lead').textContent()).match(/relazione di (\d\d\/\d{4})/)?.[1];
    assert.ok(periodo, 'the page says which month the reports are of');
    for (const m of [secondo, primo]) {
      await cerca(page, m);
      await assert.doesNotReject(row(page, m).waitFor(), `${who(m)} is listed`);
      assert.equal(await part(page, 'minori').locator('tbody tr').count(), 1, 'found alone');
      assert.ok((await row(page, m).textContent()).includes(who(m)), `the row names ${who(m)}`);
      assert.equal((await reportCell(page, m).textContent()).trim(), 'Da scrivere', `${who(m)}: the report is to write`);
    }
    await screenshotBoth(page, 'struttura-pagina');

    // A month that is none: refused next to the field, what was typed kept.
    await follow(page, `Scrivi la relazione di ${who(primo)}`, 'form: Relazione periodica');
    assert.equal(pathOf(page), `${primo.path}/relazioni/nuova`);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Relazione periodica' }).waitFor());
    assert.match(await lead(page), new RegExp(`${escapeRe(who(primo))} · ${primo.numero}`), 'the form names the minor');
    assert.equal(await field(page, LABEL.periodo).inputValue(), periodo, 'the month of the facility page is proposed');
    assert.equal(await button(page, "Invia la relazione all'ufficio").count(), 0, 'nothing to send before a draft');
    await fill(page, LABEL.periodo, '13/2026');
    await fill(page, LABEL.scuola, REPORT.scuola);
    await press(page, 'Salva', 'Relazione periodica with an error');
    assert.equal(pathOf(page), `${primo.path}/relazioni/nuova`, 'the form comes back');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene un errore' }).waitFor());
    await errorNextTo(page, 'periodo', /Scrivi il mese come mm\/aaaa/);
    assert.equal(await page.locator('.invalid-feedback').count(), 1, `only that error: ${await invalid(page)}`);
    assert.equal(await field(page, LABEL.periodo).inputValue(), '13/2026', 'the month is kept as typed');
    assert.equal(await field(page, LABEL.scuola).inputValue(), REPORT.scuola, 'the attendance is kept');
    await screenshotBoth(page, 'struttura-relazione-errore');

    // A draft with the attendance only.
    await fill(page, LABEL.periodo, periodo);
    await savedDraft(page, 'the draft');
    await cerca(page, secondo);
    assert.equal((await reportCell(page, secondo).textContent()).trim(), 'Da scrivere', 'the other still to write');
    await cerca(page, primo);
    assert.equal((await reportCell(page, primo).textContent()).trim(), 'Bozza, da inviare');

    // Sent incomplete: refused, still a draft.
    await continueReport(page, 'the draft');
    assert.equal(await field(page, LABEL.scuola).inputValue(), REPORT.scuola, 'the draft has the attendance');
    assert.equal(await field(page, LABEL.periodo).inputValue(), periodo);
    await press(page, "Invia la relazione all'ufficio", 'the draft after Invia');
    assert.match(pathOf(page), new RegExp(`^${escapeRe(primo.path)}/relazioni/\\d+$`), 'back on the draft');
    await assert.doesNotReject(warning(page, 'La relazione non è completa').waitFor(), 'told it is not complete');
    assert.equal(await notice(page, "Relazione inviata all'ufficio").count(), 0, 'not sent');
    assert.equal(await field(page, LABEL.scuola).inputValue(), REPORT.scuola, 'the draft is as it was');
    await laMiaStruttura(page, 'struttura after the refusal');
    await cerca(page, primo);
    assert.equal((await reportCell(page, primo).textContent()).trim(), 'Bozza, da inviare', 'still a draft');

    // Completed, then sent.
    await continueReport(page, 'the draft again');
    await fill(page, LABEL.italiano, REPORT.italiano);
    await fill(page, LABEL.salute, REPORT.salute);
    await fill(page, LABEL.comportamento, REPORT.comportamento);
    await fill(page, LABEL.azioni, REPORT.azioni);
    await savedDraft(page, 'the whole report');
    await continueReport(page, 'the whole report');
    for (const k of ['scuola', 'italiano', 'salute', 'comportamento', 'azioni'])
      assert.equal(await field(page, LABEL[k]).inputValue(), REPORT[k], `${k} saved`);
    await press(page, "Invia la relazione all'ufficio", 'struttura after Invia');
    assert.equal(pathOf(page), '/minori/struttura');
    await assert.doesNotReject(notice(page, "Relazione inviata all'ufficio.").waitFor());
    await cerca(page, primo);
    assert.equal((await reportCell(page, primo).textContent()).trim(), "Inviata all'ufficio");
    assert.equal(await link(page, `Continua la relazione di ${who(primo)}`).count(), 0, 'sent: no longer to continue');
    assert.equal((await row(page, primo).locator('td').last().textContent()).replace(/\s+/g, ' ').trim(),
      `Segnala un evento per ${who(primo)}`, 'what is left to do, with no separator before it');
  } finally {
    await s.close();
  }
  s.done();
});

test('struttura: the second minor reported missing, refused without the time and the last sighting, then whole', async (t) => {
  assert.ok(secondo.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('struttura');
    await laMiaStruttura(page, 'struttura (evento)');
    await cerca(page, secondo);
    await navigating(page, () => row(page, secondo).getByRole('link', { name: who(secondo), exact: true }).click(), 'case page (struttura)');
    assert.equal(pathOf(page), secondo.path);
    await follow(page, 'Segnala un evento critico', 'form: Segnala un evento critico');
    assert.equal(pathOf(page), `${secondo.path}/eventi/nuovo`);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Segnala un evento critico' }).waitFor());
    assert.equal(await field(page, LABEL.data).inputValue(), itDate(today), 'today is proposed');

    await choose(page, LABEL.tipo, 'Allontanamento');
    await fill(page, LABEL.data, yesterday);
    await fill(page, LABEL.descrizione, EVENT.descrizione);
    await press(page, 'Salva', 'Segnala un evento critico with errors');
    assert.equal(pathOf(page), `${secondo.path}/eventi/nuovo`, 'the form comes back');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene 2 errori' }).waitFor());
    await errorNextTo(page, 'ora', /Per un allontanamento indica l'ora/);
    await errorNextTo(page, 'ultimo_avvistamento', /indica dove e con chi è stato visto l'ultima volta/);
    assert.equal(await page.locator('.invalid-feedback').count(), 2, `only those errors: ${await invalid(page)}`);
    assert.equal(await fieldError(page, 'descrizione').count(), 0, 'the description is not wrong');
    assert.equal(await field(page, LABEL.tipo).inputValue(), 'allontanamento', 'the kind is kept');
    assert.equal(await field(page, LABEL.data).inputValue(), yesterday, 'the date is kept');
    assert.equal(await field(page, LABEL.descrizione).inputValue(), EVENT.descrizione, 'the description is kept');
    await screenshotBoth(page, 'struttura-evento-errore');

    await fill(page, LABEL.ora, EVENT.ora);
    await fill(page, LABEL.visto, EVENT.visto);
    await tickLabel(page, LABEL.denuncia);
    await fill(page, LABEL.denunciaData, itDate(today));
    await press(page, 'Salva', 'case page after the event');
    assert.equal(pathOf(page), secondo.path, `reported (errors: ${await invalid(page)})`);
    await assert.doesNotReject(notice(page, "Evento critico segnalato all'ufficio.").waitFor());
    assert.equal(await page.getByRole('heading', { name: 'Cambi di stato da confermare' }).count(), 0,
      "the proposal is the office's to see");
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: "Da vedere subito" on the home page; "Apri" leads to the case, its status change to confirm', async (t) => {
  assert.ok(secondo.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('operatore');
    const avvisi = part(page, 'avvisi');
    await assert.doesNotReject(avvisi.getByRole('heading', { level: 2, name: 'Da vedere subito' }).waitFor());
    // The case's deadlines are told too (art. 403 ...): the report's notice.
    const item = avvisi.locator('li', { hasText: `${secondo.numero}: allontanamento segnalato` });
    assert.equal(await item.count(), 1, 'one notice of the report');
    const text = (await item.textContent()).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`${secondo.numero}: allontanamento segnalato il ${yesterday} alle ${EVENT.ora} da ${FACILITY}`));
    assert.ok(!text.includes(secondo.cognome) && !text.includes(secondo.nome), `no name in the notice: ${text}`);
    await navigating(page, () => item.getByRole('button', { name: /^Apri/ }).click(), 'case page from Apri');
    assert.equal(pathOf(page), secondo.path);
    const proposte = part(page, 'proposte');
    await assert.doesNotReject(proposte.getByRole('heading', { name: 'Cambi di stato da confermare' }).waitFor());
    assert.match((await proposte.textContent()).replace(/\s+/g, ' '), new RegExp(`Allontanato / irreperibile dal ${yesterday}, proposto da`));
    await go(page, '/', 'home operatore after Apri');
    assert.equal(await part(page, 'avvisi').locator('li', { hasText: `${secondo.numero}: allontanamento segnalato` }).count(), 0, 'opened: gone from the home page');
  } finally {
    await s.close();
  }
  s.done();
});

test('responsabile: the status change confirmed; the case is missing', async (t) => {
  assert.ok(secondo.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    await go(page, secondo.path, 'case page (responsabile)');
    assert.match(await lead(page), /· In carico dal/, 'in charge before');
    await press(page, 'Conferma il cambio di stato', 'case page after the confirmation');
    assert.equal(pathOf(page), secondo.path);
    await assert.doesNotReject(notice(page, 'Cambio di stato confermato.').waitFor());
    assert.equal(await lead(page), `Fascicolo ${secondo.numero} · Allontanato / irreperibile dal ${yesterday}`);
    assert.equal(await page.getByRole('heading', { name: 'Cambi di stato da confermare' }).count(), 0, 'the proposal is gone');
    assert.equal(await button(page, 'Conferma il cambio di stato').count(), 0);
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: the report on the monitoring page, marked read with feedback', async (t) => {
  assert.ok(primo.path && periodo, 'the intake and the report above succeeded');
  const s = session(t);
  try {
    const page = await s.as('operatore');
    await go(page, primo.path, 'case page (operatore)');
    await follow(page, 'Monitoraggio', 'monitoraggio (operatore)');
    assert.equal(pathOf(page), `${primo.path}/monitoraggio`);
    const relazioni = part(page, 'relazioni');
    const article = relazioni.locator('article', { hasText: `Relazione di ${periodo}` });
    await assert.doesNotReject(article.waitFor(), 'the report is on the page');
    assert.match(await article.getByRole('heading').textContent(), new RegExp(`Relazione di ${escapeRe(periodo)}, ${FACILITY} \\(inviata il ${itDate(today)}\\)`));
    const said = await article.textContent();
    for (const k of ['scuola', 'italiano', 'salute', 'comportamento', 'azioni'])
      assert.ok(said.includes(REPORT[k]), `the report shows ${k}: ${REPORT[k]}`);
    await article.getByLabel(LABEL.riscontro, { exact: true }).fill(REPORT.riscontro);
    await navigating(page, () => article.getByRole('button', { name: new RegExp(`^Segna come letta ?: relazione di ${escapeRe(periodo)}$`) }).click(),
      'monitoraggio after Segna come letta');
    assert.equal(pathOf(page), `${primo.path}/monitoraggio`);
    await assert.doesNotReject(notice(page, 'Presa visione registrata.').waitFor());
    const read = part(page, 'relazioni').locator('article', { hasText: `Relazione di ${periodo}` });
    assert.match((await read.textContent()).replace(/\s+/g, ' '),
      new RegExp(`Presa visione di ${OPERATORE} il ${itDate(today)}: ${escapeRe(REPORT.riscontro)}`));
    assert.equal(await read.getByRole('button').count(), 0, 'read once');
  } finally {
    await s.close();
  }
  s.done();
});

test("struttura: the office's answer on the facility page; the missing minor no longer listed", async (t) => {
  assert.ok(primo.path && secondo.path && periodo, 'the steps above succeeded');
  const s = session(t);
  try {
    const page = await s.as('struttura');
    await laMiaStruttura(page, 'struttura at the end');
    await cerca(page, secondo);
    assert.equal(await row(page, secondo).count(), 0, `${who(secondo)} is no longer placed here`);
    await assert.doesNotReject(part(page, 'minori').getByText('Nessun minore accolto corrisponde alla ricerca.').waitFor());
    await cerca(page, primo);
    assert.equal((await reportCell(page, primo).textContent()).trim(), "Letta dall'ufficio");
    const risposta = part(page, 'risposte').locator('li', { hasText: who(primo) });
    assert.equal(await risposta.count(), 1, 'the answer on the report');
    const text = (await risposta.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(`Relazione di ${periodo} su ${who(primo)}: letta da ${OPERATORE} il ${itDate(today)}`), text);
    assert.ok(text.includes(REPORT.riscontro), `the feedback: ${text}`);
    await screenshotBoth(page, 'struttura-risposte');
    t.diagnostic(SCREENSHOTS ? `screenshots in ${SCREENSHOTS}` : 'SCREENSHOTS_DIR not set: screenshots taken, not saved');
  } finally {
    await s.close();
  }
  s.done();
});
