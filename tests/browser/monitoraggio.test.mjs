// A case worker's week of monitoring in a real browser: the responsabile
// takes a new minor in charge (for the demo operatore, at the demo
// facility); the operatore opens the case's monitoring and records an
// interview (an action for "an office operator" with no operator chosen is
// refused next to the field, with what was typed kept), then records it
// properly, filled by label, with a follow-up action for themself in three
// days; a second interview with an action already overdue. "Le mie azioni"
// puts each under its heading; the overdue one is marked done, and the
// case's page says when and by whom. The responsabile's list has the
// office's overdue actions. A team meeting with two minors: its office
// participants ticked (refused with none, under the group's legend, what
// was typed kept), their decisions and an action; for the first minor,
// whose PEI is being written, the form comes back with its objective,
// whose state the meeting changes and under which its action goes into
// the PEI: the minutes, the PEI. The facility's user reaches none of it.
// axe-core's WCAG 2.1 A/AA checks and the CSP/console watcher on every page
// visited, screenshots at 1280 and 390 px (SCREENSHOTS_DIR).
//
//   BASE_URL=http://127.0.0.1:8080 node --test --test-reporter=spec tests/browser/monitoraggio.test.mjs
//
// Needs a running Approdo (tests/servers.sh) with the demo users (`demo`);
// the minor and the actions are made here, with names of their own, so the
// file passes again and again on the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SCREENSHOTS, useBrowser, navigating, go, pathOf, fieldError, errorNextTo, screenshotBoth,
  session, field, fill, choose, tickLabel, link, notice, follow, press, escapeRe, itDate, daysFrom, uniqueWord,
  takeInCharge,
} from './lib.mjs';

useBrowser();

const FACILITY = 'Comunità Il Ponte'; // the demo user "struttura" works there
const OPERATORE = 'Omar Operatore'; // the demo user "operatore"
const RESPONSABILE = 'Rita Responsabile'; // the demo user "responsabile"

// ------------------------------------------------------------ data

const today = new Date();
const yesterday = itDate(daysFrom(today, -1));
const minor = {
  cognome: `Diallo ${uniqueWord()}`, nome: 'Mamadou', sesso: 'Maschio',
  nascita: itDate(new Date(today.getFullYear() - 16, 2, 3)), cittadinanza: 'Mali',
  rintraccio: itDate(daysFrom(today, -20)), modalita: 'Sbarco', presa: itDate(daysFrom(today, -19)),
  struttura: FACILITY, operatore: OPERATORE,
};
// The actions name the minor: on a list of everyone's actions, these are
// this run's.
const TEXT = {
  luogo: 'Ufficio MSNA, via Merulana',
  mediatore: 'Awa Traoré', lingua: 'Bambara',
  parole: 'A scuola mi trovo bene, ma la sera mi manca mia madre.',
  valutazione: 'Sereno; va sostenuto il contatto con la famiglia.',
  azione: `Chiamare il CPIA per l'iscrizione di ${minor.cognome}`,
  parole2: 'Voglio giocare a calcio con la squadra del quartiere.',
  scaduta: `Chiedere il tesserino sanitario di ${minor.cognome}`,
  obiettivo: 'Licenza media al CPIA',
};

// ------------------------------------------------------------ helpers

const part = (page, id) => page.locator(`section[aria-labelledby="${id}"]`);
const item = (locator, text) => locator.locator('li', { hasText: text });
// "Segna come fatta", named for its action (a hidden ": what"; Chromium puts
// a space before it).
const doneButton = (within, cosa) => within.getByRole('button', { name: new RegExp(`^Segna come fatta ?: ${escapeRe(cosa)}$`) });
const invalid = async (page) => (await page.locator('.invalid-feedback').allTextContents()).join(' | ');

// The case's monitoring page, from the case page's button.
async function openMonitoraggio(page, label) {
  if (pathOf(page) !== office.path) await go(page, office.path, `case page (${label})`);
  await follow(page, 'Monitoraggio', `monitoraggio (${label})`);
  assert.equal(pathOf(page), `${office.path}/monitoraggio`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: `Monitoraggio di ${minor.cognome} ${minor.nome}` }).waitFor());
}

// "Le mie azioni" from the navigation.
async function mieAzioni(page, label) {
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await navigating(page, () => nav.getByRole('link', { name: 'Le mie azioni', exact: true }).click(), label);
  assert.equal(pathOf(page), '/minori/azioni');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Le mie azioni' }).waitFor());
  assert.deepEqual(await nav.locator('[aria-current="page"]').allTextContents(), ['Le mie azioni'],
    'the navigation marks this page, and only this one, as the current one');
}

// An interview saved: back on the case's monitoring, told so.
async function saved(page, what) {
  await press(page, 'Salva', `monitoraggio after ${what}`);
  assert.equal(pathOf(page), `${office.path}/monitoraggio`, `${what}: saved (errors: ${await invalid(page)})`);
  await assert.doesNotReject(notice(page, 'Colloquio registrato.').waitFor(), `${what}: "Colloquio registrato."`);
}

// ------------------------------------------------------------ the week

// Shared by the tests below, which run in order.
const office = {};

test('responsabile: a new minor taken in charge for the demo operatore at Comunità Il Ponte', async (t) => {
  const s = session(t);
  try {
    Object.assign(office, await takeInCharge(await s.as('responsabile'), minor));
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: an interview, refused without the operator who acts, then recorded with its action', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('operatore');
    await go(page, office.path, 'case page (operatore)');
    await openMonitoraggio(page, 'empty');
    await assert.doesNotReject(page.getByText('Nessun colloquio registrato.').waitFor());
    await assert.doesNotReject(part(page, 'azioni').getByText('Nessuna azione.').waitFor());
    await follow(page, 'Nuovo colloquio', 'form: Nuovo colloquio');
    assert.equal(pathOf(page), `${office.path}/colloqui/nuovo`);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Nuovo colloquio' }).waitFor());
    assert.equal(await field(page, 'Data del colloquio').inputValue(), itDate(today), 'today is proposed');

    // "An office operator" acts, but which one is not said.
    await fill(page, 'Data del colloquio', yesterday);
    await fill(page, 'Che cosa ha detto e che cosa vuole il minore, con le sue parole', TEXT.parole);
    await fill(page, 'Azione di follow-up: che cosa va fatto', TEXT.azione);
    await choose(page, 'Chi la fa', "Un operatore dell'ufficio");
    await press(page, 'Salva', 'Nuovo colloquio with an error');
    assert.equal(pathOf(page), `${office.path}/colloqui/nuovo`, 'the form comes back');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene un errore' }).waitFor());
    await errorNextTo(page, 'azione_utente', /Scegli l'operatore che deve farlo/);
    assert.equal(await page.locator('.invalid-feedback').count(), 1, `only that error: ${await invalid(page)}`);
    assert.equal(await fieldError(page, 'data').count(), 0, 'the date is not wrong');
    assert.equal(await field(page, 'Data del colloquio').inputValue(), yesterday, 'the date is kept');
    assert.equal(await field(page, 'Che cosa ha detto e che cosa vuole il minore, con le sue parole').inputValue(), TEXT.parole, 'the words are kept');
    assert.equal(await field(page, 'Azione di follow-up: che cosa va fatto').inputValue(), TEXT.azione, 'the action is kept');
    assert.equal(await field(page, 'Chi la fa').inputValue(), 'utente', 'the choice is kept');
    await screenshotBoth(page, 'monitoraggio-colloquio-errore');

    // Now whole.
    await fill(page, 'Luogo', TEXT.luogo);
    await fill(page, "Chi ha partecipato per l'ufficio", OPERATORE);
    await fill(page, 'Mediatore culturale', TEXT.mediatore);
    await fill(page, 'Lingua', TEXT.lingua);
    await tickLabel(page, 'Scuola e italiano L2');
    await tickLabel(page, 'Relazioni e famiglia');
    await fill(page, "Valutazione dell'operatore", TEXT.valutazione);
    await choose(page, 'Quale operatore', OPERATORE);
    await fill(page, 'Entro il', itDate(daysFrom(today, 3)));
    await saved(page, 'the first interview');

    const colloqui = part(page, 'colloqui');
    const first = colloqui.locator('article', { hasText: TEXT.parole });
    await assert.doesNotReject(first.waitFor(), 'the interview is on the page');
    assert.match(await first.getByRole('heading').textContent(), new RegExp(`Colloquio del ${yesterday}, ${TEXT.luogo}`));
    const said = await first.textContent();
    for (const text of ['Scuola e italiano L2, Relazioni e famiglia', `${TEXT.mediatore} (${TEXT.lingua})`, TEXT.valutazione, OPERATORE])
      assert.ok(said.includes(text), `the interview shows "${text}": ${said}`);
    const action = item(part(page, 'azioni'), TEXT.azione);
    await assert.doesNotReject(action.waitFor(), 'the action is on the page');
    assert.match(await action.textContent(),
      new RegExp(`Un operatore dell'ufficio: ${OPERATORE} · entro il ${itDate(daysFrom(today, 3))} · Da fare`));
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: a second interview, its action already overdue', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('operatore');
    await openMonitoraggio(page, 'one interview');
    await follow(page, 'Nuovo colloquio', 'form: second Nuovo colloquio');
    await tickLabel(page, 'Tempo libero e sport');
    await fill(page, 'Che cosa ha detto e che cosa vuole il minore, con le sue parole', TEXT.parole2);
    await fill(page, 'Azione di follow-up: che cosa va fatto', TEXT.scaduta);
    await choose(page, 'Chi la fa', "Un operatore dell'ufficio");
    await choose(page, 'Quale operatore', OPERATORE);
    await fill(page, 'Entro il', yesterday); // past: the form allows it
    await saved(page, 'the second interview');
    assert.equal(await part(page, 'colloqui').locator('article').count(), 2, 'two interviews');
    assert.match(await part(page, 'colloqui').locator('article').first().textContent(), new RegExp(TEXT.parole2), 'the latest first');
    const overdue = item(part(page, 'azioni'), TEXT.scaduta);
    assert.match(await overdue.textContent(), new RegExp(`entro il ${yesterday} · scaduta`));
    assert.match(await overdue.getAttribute('class'), /border-danger/, 'marked as overdue');
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: "Le mie azioni" by when they are due; the overdue one done', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('operatore');
    await mieAzioni(page, 'le mie azioni (operatore)');
    const [scadute, settimana, avanti] = ['scadute', 'settimana', 'avanti'].map((id) => part(page, id));
    await assert.doesNotReject(scadute.getByRole('heading', { name: 'Scadute' }).waitFor());
    await assert.doesNotReject(settimana.getByRole('heading', { name: 'Entro 7 giorni' }).waitFor());
    assert.equal(await item(scadute, TEXT.scaduta).count(), 1, 'the overdue one under "Scadute"');
    assert.equal(await item(settimana, TEXT.azione).count(), 1, 'the other under "Entro 7 giorni"');
    assert.equal(await item(scadute, TEXT.azione).count() + await item(avanti, TEXT.azione).count() +
      await item(settimana, TEXT.scaduta).count() + await item(avanti, TEXT.scaduta).count(), 0, 'each under one heading only');
    const overdue = item(scadute, TEXT.scaduta);
    assert.ok((await overdue.textContent()).includes(`${minor.cognome} ${minor.nome}`), 'it names the minor');
    assert.ok((await overdue.textContent()).includes(`Entro il ${yesterday}`), 'and when it was due');
    assert.equal(await page.getByRole('heading', { name: "Azioni scadute di tutto l'ufficio" }).count(), 0,
      "the office's overdue actions are the responsabile's");
    await screenshotBoth(page, 'monitoraggio-mie-azioni');

    await navigating(page, () => doneButton(item(scadute, TEXT.scaduta), TEXT.scaduta).click(), 'le mie azioni after Segna come fatta');
    assert.equal(pathOf(page), '/minori/azioni');
    await assert.doesNotReject(notice(page, 'Azione segnata come fatta.').waitFor());
    assert.equal(await page.locator('main li', { hasText: TEXT.scaduta }).count(), 0, 'done, it leaves the list');
    assert.equal(await item(part(page, 'settimana'), TEXT.azione).count(), 1, 'the other stays');

    // On the case's page: done, when and by whom.
    await follow(page, `${minor.cognome} ${minor.nome}`, 'monitoraggio from le mie azioni');
    assert.equal(pathOf(page), `${office.path}/monitoraggio`);
    const done = item(part(page, 'azioni'), TEXT.scaduta);
    assert.match(await done.textContent(), new RegExp(`Fatta il ${itDate(new Date())} da ${OPERATORE}`));
    assert.equal(await done.getByRole('button').count(), 0, 'nothing more to do on it');
    assert.equal(await doneButton(page, TEXT.azione).count(), 1, 'the open one can still be done');
    await screenshotBoth(page, 'monitoraggio-caso');
    t.diagnostic(SCREENSHOTS ? `screenshots in ${SCREENSHOTS}` : 'SCREENSHOTS_DIR not set: screenshots taken, not saved');
  } finally {
    await s.close();
  }
  s.done();
});

test('responsabile: "Le mie azioni" has the office\'s overdue actions', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    await mieAzioni(page, 'le mie azioni (responsabile)');
    const ufficio = part(page, 'tutte-scadute');
    await assert.doesNotReject(ufficio.getByRole('heading', { level: 2, name: "Azioni scadute di tutto l'ufficio" }).waitFor());
    assert.equal(await item(ufficio, TEXT.scaduta).count(), 0, 'the one done is not overdue any more');
    assert.equal(await item(page.locator('main'), TEXT.azione).count(), 0, "an operatore's action not yet due is not the responsabile's");
  } finally {
    await s.close();
  }
  s.done();
});

test('operatore: a team meeting, its participants chosen, with two minors, their decisions and an action, an objective of the PEI being written updated; the minutes', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const second = await takeInCharge(await s.as('responsabile'), { ...minor, cognome: `Keita ${uniqueWord()}`, nome: 'Sekou' });
    const page = await s.as('operatore');
    // The first minor's PEI is being written, with an objective.
    await go(page, office.path, 'case page (PEI)');
    await follow(page, 'Progetto educativo (PEI)', 'PEI (empty)');
    const pei = pathOf(page);
    await press(page, 'Scrivi il PEI', 'PEI opened');
    await follow(page, 'Aggiungi un obiettivo', 'form: Obiettivo');
    await choose(page, 'Area', 'Scuola e italiano L2');
    await fill(page, 'Obiettivo', TEXT.obiettivo);
    await choose(page, 'Stato', 'Da avviare');
    await press(page, 'Salva', 'PEI after Obiettivo');
    assert.equal(pathOf(page), pei, `the objective saved (errors: ${await invalid(page)})`);
    const objective = `Scuola e italiano L2: ${TEXT.obiettivo}`;

    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    await navigating(page, () => nav.getByRole('link', { name: 'Riunioni', exact: true }).click(), 'riunioni');
    assert.equal(pathOf(page), '/minori/riunioni');
    await follow(page, 'Nuova riunione', 'nuova riunione');
    // The office's people, a box each: the author ticked. Without anyone
    // of the office the meeting is refused, under the group's legend.
    const ufficio = () => page.getByRole('group', { name: "Partecipanti dell'ufficio (almeno uno)" });
    assert.equal(await field(ufficio(), OPERATORE).isChecked(), true, 'the author takes part');
    assert.equal(await field(ufficio(), RESPONSABILE).isChecked(), false, 'the others are to tick');
    assert.equal(await ufficio().getByRole('checkbox', { name: 'Sara della Comunità Il Ponte' }).count() + await ufficio().getByRole('checkbox', { name: 'Anna Amministratrice' }).count(), 0, "no facility's user, no administrator");
    const esterni = `Giulia Neri, tutrice volontaria\nMarco Blu, educatore, ${FACILITY}`;
    await fill(page, 'Data', yesterday);
    await fill(page, 'Luogo', 'Dipartimento, sala riunioni');
    await choose(page, 'Tipo di riunione', 'Discussione del caso');
    await fill(page, 'Nome, ruolo, ente (uno per riga)', esterni);
    await tickLabel(page, OPERATORE, false);
    await press(page, 'Salva', 'riunione without the office');
    assert.equal(pathOf(page), '/minori/riunioni/nuova', 'the form comes back');
    await assert.doesNotReject(page.locator('.alert-danger', { hasText: 'Il modulo contiene un errore' }).waitFor());
    const why = ufficio().locator('.invalid-feedback');
    assert.equal(await why.textContent(), "Indica almeno un partecipante dell'ufficio.");
    assert.ok(await why.isVisible(), 'the error is visible');
    assert.equal(await ufficio().getAttribute('aria-describedby'), await why.getAttribute('id'), 'the group is described by its error');
    const [legend, err] = [await ufficio().locator('legend').boundingBox(), await why.boundingBox()];
    assert.ok(err.y >= legend.y + legend.height - 1 && err.y - (legend.y + legend.height) < 40, 'the error sits under the legend');
    assert.equal(await page.locator('.invalid-feedback').count(), 1, `only that error: ${await invalid(page)}`);
    assert.equal(await field(page, 'Luogo').inputValue(), 'Dipartimento, sala riunioni', 'the place is kept');
    assert.equal(await field(page, 'Tipo di riunione').inputValue(), 'caso', 'the kind is kept');
    assert.equal(await field(page, 'Nome, ruolo, ente (uno per riga)').inputValue(), esterni, 'the others are kept');
    await screenshotBoth(page, 'monitoraggio-riunione-errore');
    await tickLabel(page, OPERATORE);
    await tickLabel(page, RESPONSABILE);
    await press(page, 'Salva', 'riunione saved');
    assert.match(pathOf(page), /^\/minori\/riunioni\/\d+$/, `saved (errors: ${await invalid(page)})`);
    const minutes = pathOf(page);
    const decisioni = {};
    for (const [m, esito, azione] of [[office, 'Il caso resta aperto', `Cercare un corso per ${minor.cognome}`], [second, 'Da trasferire', null]]) {
      await follow(page, 'Aggiungi un minore discusso', `minore discusso ${m.numero}`);
      await fill(page, 'Numero del fascicolo', m.numero);
      decisioni[m.numero] = `Decisione per ${m.numero}`;
      await fill(page, 'Decisioni', decisioni[m.numero]);
      await choose(page, 'Esito per il caso', esito);
      if (azione) {
        await fill(page, 'Azione di follow-up: che cosa va fatto', azione);
        await choose(page, 'Chi la fa', "Un operatore dell'ufficio");
        await choose(page, 'Quale operatore', OPERATORE);
        await fill(page, 'Entro il', itDate(daysFrom(today, 10)));
      }
      await press(page, 'Salva', `minore ${m.numero} sent`);
      if (m === office) {
        // Its PEI being written: the form comes back with its objectives,
        // from their states, and all that was typed.
        assert.equal(pathOf(page), `${minutes}/minori/nuovo`, 'the form comes back');
        await assert.doesNotReject(page.locator('.alert-warning', { hasText: 'Il minore ha un PEI in lavorazione' }).waitFor());
        assert.equal(await page.locator('.invalid-feedback').count(), 0, `no error: ${await invalid(page)}`);
        await assert.doesNotReject(page.getByRole('group', { name: 'Gli obiettivi del PEI in lavorazione' }).waitFor());
        assert.equal(await field(page, objective).inputValue(), 'da_avviare', 'the state it has');
        assert.equal(await field(page, 'Decisioni').inputValue(), decisioni[m.numero], 'the decisions are kept');
        assert.equal(await field(page, 'Azione di follow-up: che cosa va fatto').inputValue(), azione, 'the action is kept');
        await choose(page, objective, 'In corso');
        await choose(page, "L'azione di follow-up è anche un'azione del PEI, sotto l'obiettivo", objective);
        await screenshotBoth(page, 'monitoraggio-riunione-pei');
        await press(page, 'Salva', `minore ${m.numero} added`);
      }
      assert.equal(pathOf(page), minutes, `back to the minutes (errors: ${await invalid(page)})`);
      await assert.doesNotReject(notice(page, 'Minore aggiunto alla riunione.').waitFor());
    }
    const body = await page.locator('main').textContent();
    for (const text of ['Verbale della riunione', 'Discussione del caso', `${OPERATORE}, ${RESPONSABILE}`, `Marco Blu, educatore, ${FACILITY}`, decisioni[office.numero], decisioni[second.numero], 'Da trasferire', `Cercare un corso per ${minor.cognome}`])
      assert.ok(body.includes(text), `the minutes have "${text}"`);
    await screenshotBoth(page, 'monitoraggio-verbale');
    await go(page, `${second.path}/monitoraggio`, 'the second minor\'s monitoring');
    await assert.doesNotReject(part(page, 'riunioni').getByText('Da trasferire').waitFor());
    // The first minor's PEI: the objective under way, the meeting's action
    // among its actions.
    await go(page, pei, 'the first minor\'s PEI');
    const obiettivi = part(page, 'obiettivi-titolo');
    const text = await obiettivi.textContent();
    for (const t of [TEXT.obiettivo, 'In corso', `Cercare un corso per ${minor.cognome}`])
      assert.ok(text.includes(t), `the PEI's objectives have "${t}": ${text}`);
  } finally {
    await s.close();
  }
  s.done();
});

test('the facility sees the case, not its monitoring', async (t) => {
  assert.ok(office.path, 'the intake above succeeded');
  const s = session(t);
  try {
    const page = await s.as('struttura');
    await go(page, '/minori', 'minori list (struttura)');
    await navigating(page, () => page.locator('table tbody a', { hasText: office.numero }).click(), 'case page (struttura)');
    assert.equal(pathOf(page), office.path);
    assert.equal(await link(page, 'Monitoraggio').count(), 0, 'no "Monitoraggio" on the case page');
    assert.equal(await page.getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Le mie azioni' }).count(), 0, 'nor "Le mie azioni" in the navigation');
    assert.equal(await go(page, `${office.path}/monitoraggio`, 'monitoraggio (struttura)'), 403);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Accesso non consentito' }).waitFor());
    const body = await page.locator('main').textContent();
    for (const text of [TEXT.parole, TEXT.azione, TEXT.scaduta])
      assert.ok(!body.includes(text), `the facility does not read "${text}"`);
  } finally {
    await s.close();
  }
  s.done();
});
