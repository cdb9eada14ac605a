// Places and a whole transfer in a real browser: the responsabile adds a
// facility to the registry (refused without its type, next to the field,
// what was typed kept; then saved) and gives the demo facility its places;
// the facility's user declares its free places from "Posti" (more than
// authorised refused next to the field, then sent) and finds the
// declaration of today; the board marks it as different from the count.
// A minor taken in charge at a first-reception centre: the case worker
// asks a place for them by case number; the request's page ranks the
// facilities, the new one with why it fits; the responsabile proposes the
// minor to the demo facility, whose user reads the proposal (the case
// number, no name) and accepts it; the responsabile sets today as the
// date, and the transfer is made: the minor is now on the facility's page.
// The figures last. axe-core's WCAG 2.1 A/AA checks and the CSP/console
// watcher on every page visited, screenshots at 1280 and 390 px.
//
//   BASE_URL=http://127.0.0.1:8080 node --test --test-reporter=spec tests/browser/posti.test.mjs
//
// Needs a running Approdo (tests/servers.sh) with the demo users (`demo`);
// its facility and minor have names of their own, so the file passes again
// and again on the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, navigating, go, pathOf, errorNextTo, screenshotBoth, session, field, fill, choose, tickLabel,
  link, button, notice, follow, press, escapeRe, itDate, daysFrom, uniqueWord, takeInCharge,
} from './lib.mjs';

useBrowser();

const FACILITY = 'Comunità Il Ponte'; // the demo user "struttura" works there
const word = uniqueWord();
const SAI = `SAI Browser ${word}`;
const today = new Date();
const minore = {
  cognome: `Keita${word.toLowerCase()}`, nome: 'Sekou', sesso: 'Maschio', cittadinanza: 'Guinea',
  nascita: itDate(new Date(today.getFullYear() - 16, 1, 14)), modalita: 'Sbarco',
  rintraccio: itDate(daysFrom(today, -40)), presa: itDate(daysFrom(today, -39)),
  struttura: 'Centro di pronta accoglienza Tiburtino', operatore: 'Omar Operatore',
};
const invalid = async (page) => (await page.locator('.invalid-feedback').allTextContents()).join(' | ');
const nav = (page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const fromNav = (page, name, label) => navigating(page, () => nav(page).getByRole('link', { name, exact: true }).click(), label);
const section = (page, id) => page.locator(`section[aria-labelledby="${id}"]`);
let request = '';

test('responsabile: a new facility in the registry, refused without its type; the demo facility gets its places', async (t) => {
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    await fromNav(page, 'Strutture', 'registry');
    assert.equal(pathOf(page), '/minori/strutture');
    await follow(page, 'Nuova struttura', 'new facility');
    await fill(page, 'Nome della struttura', SAI);
    await fill(page, 'Indirizzo', 'Via Aurelia 900, Roma');
    await fill(page, 'Ragazzi 14-17 anni', '2');
    await tickLabel(page, 'Supporto psicologico');
    await press(page, 'Salva', 'new facility without a type');
    assert.equal(pathOf(page), '/minori/strutture/nuova', 'the form comes back');
    await errorNextTo(page, 'tipo');
    assert.equal(await field(page, 'Nome della struttura').inputValue(), SAI, 'the name is kept');
    assert.equal(await field(page, 'Ragazzi 14-17 anni').inputValue(), '2', 'the places are kept');
    assert.ok(await page.locator('#f-spec_psicologico').isChecked(), 'the specialisation is kept');
    await screenshotBoth(page, 'posti-struttura-errore');
    await choose(page, 'Tipo', 'Seconda accoglienza SAI');
    await choose(page, 'Municipio', 'Municipio XIII');
    await fill(page, 'Referente', 'Giulia Ferri');
    await fill(page, 'Convenzione fino al', itDate(daysFrom(today, 300)));
    await press(page, 'Salva', 'registry after the new facility');
    assert.equal(pathOf(page), '/minori/strutture', `saved (errors: ${await invalid(page)})`);
    await assert.doesNotReject(notice(page, "Struttura aggiunta all'anagrafe").waitFor());
    await assert.doesNotReject(page.getByRole('rowheader', { name: SAI }).waitFor(), 'listed');
    await screenshotBoth(page, 'posti-anagrafe');
    // The demo facility: room for more boys of 14-17 than it hosts.
    await follow(page, FACILITY, 'the demo facility\'s record');
    await fill(page, 'Ragazzi 14-17 anni', '150');
    await press(page, 'Salva', 'registry after the demo facility');
    await assert.doesNotReject(notice(page, 'Scheda della struttura salvata').waitFor(), `saved (errors: ${await invalid(page)})`);
  } finally {
    await s.close();
  }
  s.done();
});

test('struttura: its places from "Posti"; a declaration refused over the authorised places, then sent; the board marks it', async (t) => {
  const s = session(t);
  try {
    const page = await s.as('struttura');
    await fromNav(page, 'Posti', 'struttura: its places');
    assert.equal(pathOf(page), '/minori/posti');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: `I posti della struttura: ${FACILITY}` }).waitFor());
    await follow(page, 'Dichiara i posti liberi', 'declaration form');
    assert.equal(pathOf(page), '/minori/posti/dichiarazione');
    await fill(page, 'Ragazzi 14-17 anni: posti liberi', '151');
    await fill(page, "Note per l'ufficio", 'Una stanza in ristrutturazione');
    await press(page, 'Invia la dichiarazione', 'declaration over the places');
    await errorNextTo(page, 'liberi_m_14_17', /Al massimo 150/);
    assert.equal(await field(page, "Note per l'ufficio").inputValue(), 'Una stanza in ristrutturazione', 'the note is kept');
    await screenshotBoth(page, 'posti-dichiarazione-errore');
    await fill(page, 'Ragazzi 14-17 anni: posti liberi', '3');
    await press(page, 'Invia la dichiarazione', 'struttura after the declaration');
    assert.equal(pathOf(page), '/minori/posti', `sent (errors: ${await invalid(page)})`);
    await assert.doesNotReject(notice(page, 'Dichiarazione registrata').waitFor());
    assert.match(await section(page, 'posti').textContent(), /Ultima dichiarazione il \d\d\/\d\d\/\d{4} \d\d:\d\d \(oggi\)/);
    await assert.doesNotReject(section(page, 'dichiarazioni').getByText('Una stanza in ristrutturazione').waitFor());
    await screenshotBoth(page, 'posti-struttura-pagina');
  } finally {
    await s.close();
  }
  const o = session(t);
  try {
    const page = await o.as('responsabile');
    await fromNav(page, 'Posti', 'the board');
    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: FACILITY, exact: true }) });
    assert.match(await row.textContent(), /3 \(il \d\d\/\d\d\/\d{4} \d\d:\d\d, oggi\)/, 'the declaration of today');
    assert.match(await row.textContent(), /Diversa da autorizzati meno collocati/, '3 free declared, more by the count');
    await screenshotBoth(page, 'posti-quadro');
  } finally {
    await o.close();
  }
  o.done();
  s.done();
});

test('a whole transfer: asked by the case worker, ranked, proposed, accepted, made on its date', async (t) => {
  const s = session(t);
  try {
    const resp = await s.as('responsabile');
    Object.assign(minore, await takeInCharge(resp, minore));

    const op = await s.as('operatore');
    await fromNav(op, 'Posti', 'operatore: the board');
    await follow(op, 'Richieste di posto', 'requests');
    await follow(op, 'Nuova richiesta', 'new request');
    await fill(op, 'Numero del fascicolo', minore.numero);
    await choose(op, 'Motivo', 'Passaggio in seconda accoglienza');
    await fill(op, 'Data prevista del trasferimento', itDate(daysFrom(today, -1)));
    await press(op, 'Salva', 'new request in the past');
    await errorNextTo(op, 'data_prevista', /La data prevista non può essere già passata/);
    assert.equal(await field(op, 'Numero del fascicolo').inputValue(), minore.numero, 'the number is kept');
    await fill(op, 'Data prevista del trasferimento', itDate(daysFrom(today, 10)));
    await press(op, 'Salva', 'the request');
    assert.match(pathOf(op), /^\/minori\/posti\/richieste\/\d+$/, `saved (errors: ${await invalid(op)})`);
    request = pathOf(op);
    await assert.doesNotReject(notice(op, 'Richiesta registrata').waitFor());
    const item = section(op, 'adatte').locator('li.mb-4', { has: op.getByRole('heading', { name: new RegExp(`^${escapeRe(SAI)}`) }) });
    const text = (await item.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /Accoglie: Ragazzi 14-17 anni/);
    assert.match(text, /2 posti liberi su 2/);
    assert.match(text, /Non ha mai dichiarato i posti liberi/, 'and what it lacks');
    assert.equal(await button(op, 'Proponi').count(), 0, 'the office proposes, not the case worker');
    await screenshotBoth(op, 'posti-abbinamento');

    await go(resp, request, 'responsabile: the request');
    await choose(resp, 'Proponi il minore a', FACILITY);
    await press(resp, 'Proponi', 'the request after the proposal');
    assert.equal(pathOf(resp), request);
    await assert.doesNotReject(notice(resp, `Proposta fatta a ${FACILITY}`).waitFor());
    assert.match(await section(resp, 'in-corso').textContent(), new RegExp(`Proposto a ${escapeRe(FACILITY)}: in attesa della risposta`));

    const fac = await s.as('struttura');
    await fromNav(fac, 'Posti', 'struttura: its places and proposals');
    const proposal = section(fac, 'proposte').locator('tbody tr', { hasText: minore.numero });
    await navigating(fac, () => proposal.getByRole('link', { name: `Rispondi alla proposta per ${minore.numero}` }).click(), 'the proposal');
    assert.match(pathOf(fac), /^\/minori\/posti\/proposte\/\d+$/);
    const body = await fac.locator('main').textContent();
    assert.ok(body.includes(minore.numero), 'the proposal gives the case number');
    assert.ok(!body.includes(minore.cognome), 'and no name');
    await choose(fac, 'Risposta', 'La struttura accoglie il minore');
    await screenshotBoth(fac, 'posti-proposta');
    await press(fac, 'Invia la risposta', 'struttura after accepting');
    assert.equal(pathOf(fac), '/minori/posti');
    await assert.doesNotReject(notice(fac, 'Proposta accettata').waitFor(), `accepted (errors: ${await invalid(fac)})`);

    await go(resp, request, 'responsabile: the accepted request');
    await follow(resp, 'Fissa la data del trasferimento', 'the date form');
    await fill(resp, 'Data del trasferimento', itDate(today));
    await fill(resp, 'Note sul trasferimento (nella storia dei collocamenti)', 'Accompagnato dalla sua educatrice');
    await press(resp, 'Salva', 'the request after the transfer');
    assert.equal(pathOf(resp), request, `saved (errors: ${await invalid(resp)})`);
    await assert.doesNotReject(notice(resp, `Trasferimento fatto: il minore è ora in ${FACILITY}`).waitFor());
    assert.match(await section(resp, 'storia').textContent(), /Trasferimento fatto/);
    await screenshotBoth(resp, 'posti-richiesta-fatta');
    await go(resp, minore.path, 'the case page after the transfer');
    assert.match(await resp.locator('main').textContent(), new RegExp(escapeRe(FACILITY)));

    // The facility has the minor now, by name.
    await go(fac, '/minori/struttura', 'struttura: its minors');
    await fill(fac, 'Cerca un minore', minore.numero);
    await press(fac, 'Cerca', 'struttura: the search');
    await assert.doesNotReject(fac.getByRole('link', { name: `${minore.cognome} ${minore.nome}`, exact: true }).waitFor(), 'the minor is placed there');
  } finally {
    await s.close();
  }
  s.done();
});

test('responsabile: the requests and the figures, drawn by the server', async (t) => {
  const s = session(t);
  try {
    const page = await s.as('responsabile');
    await go(page, '/minori/posti/richieste', 'the requests');
    await assert.doesNotReject(section(page, 'chiuse').getByText(minore.numero).waitFor(), 'the transfer is among the closed ones');
    await go(page, '/minori/posti', 'the board');
    await follow(page, 'Occupazione e tempi di attesa', 'the figures');
    for (const name of ['Minori accolti per tipo di struttura, a fine mese',
      'Giorni di attesa per la seconda accoglienza, mediana per mese del trasferimento'])
      await assert.doesNotReject(page.getByRole('img', { name: new RegExp(`^${escapeRe(name)}`) }).waitFor(), `the chart "${name}"`);
    assert.equal(await page.locator('main table').count(), 2, 'each chart has its table');
    await screenshotBoth(page, 'posti-grafici');
  } finally {
    await s.close();
  }
  s.done();
});
