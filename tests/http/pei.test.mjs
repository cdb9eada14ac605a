// The PEI through the web server: every form of a version, its validation
// (the Italian message next to the field, what was typed kept), the
// workflow (submit, return with comments, approve; nobody approves their
// own), what a version being approved or approved refuses, a new version
// copied from the approved one, and who sees what (the case's operatore
// writes, another reads, a facility sees only the approved objectives of
// the minors placed with it; anything else is a 403 and an audit row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Client, DEMO, sql } from './client.mjs';

const SERVER = process.env.SERVER || 'nginx';
const struttura = (nome) => sql(`SELECT id FROM strutture WHERE nome = '${nome}'`);
const userId = (u) => sql(`SELECT id FROM utenti WHERE username = '${u}'`);
const count = (where) => Number(sql(`SELECT count(*) FROM ${where}`));
const denied = (entita, id) => count(`audit WHERE azione = 'permission_denied' AND entita = '${entita}' AND entita_id = ${id}`);
let seq = 0;

async function as(who) {
  const c = new Client();
  assert.equal((await c.login(...DEMO[who])).status, 303, `${who} signs in`);
  return c;
}

// A new case (of the demo operatore, at the demo facility's Il Ponte).
async function newCase(r, overrides = {}) {
  seq++;
  const token = await r.csrf('/minori/nuovo');
  const res = await r.post('/minori/nuovo', {
    csrf: token, cognome: `Pei${SERVER}${seq}`, nome: 'Otto', sesso: 'M', data_nascita: '29/02/2008',
    paese_nascita: 'Guinea', cittadinanza: 'Guinea', data_rintraccio: '02/10/2025',
    modalita_rintraccio: 'sbarco', data_403: '02/10/2025', data_presa_in_carico: '03/10/2025',
    struttura_id: struttura('Comunità Il Ponte'), operatore_id: userId('operatore'),
    conferma_nuovo: '1', ...overrides,
  });
  assert.equal(res.status, 303);
  return Number(res.headers.location.match(/^\/minori\/(\d+)$/)[1]);
}

// Sends a form of the PEI: GETs it (for the token), then POSTs it.
async function send(c, path, fields) {
  const page = await c.get(path);
  assert.equal(page.status, 200, `GET ${path}`);
  const token = page.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  return c.post(path, { csrf: token, ...fields });
}

async function press(c, id, action, fields = {}) {
  const token = await c.csrf(`/minori/${id}/pei`);
  return c.post(`/minori/${id}/pei${action}`, { csrf: token, ...fields });
}

const version = (id) => sql(`SELECT id FROM pei WHERE minore_id = ${id} ORDER BY versione DESC LIMIT 1`);
const stato = (id) => sql(`SELECT stato FROM pei WHERE minore_id = ${id} ORDER BY versione DESC LIMIT 1`);
const notice = async (c, id) => (await c.get(`/minori/${id}/pei`)).body;

// One case carried through the whole PEI by the tests below, in order.
const pei = {};

test(`${SERVER}: the case's operatore opens a PEI; every section's form answers`, async () => {
  const r = await as('responsabile');
  pei.id = await newCase(r);
  const o = await as('operatore');
  const empty = await o.get(`/minori/${pei.id}/pei`);
  assert.equal(empty.status, 200);
  assert.match(empty.body, /non è ancora stato scritto/);
  // Without a version being written, a section's form sends to the PEI.
  const early = await o.get(`/minori/${pei.id}/pei/anamnesi`);
  assert.equal(early.status, 303);
  assert.equal(early.headers.location, `/minori/${pei.id}/pei`);
  assert.equal((await press(o, pei.id, '/apri')).status, 303);
  assert.equal(stato(pei.id), 'bozza');
  assert.match(await notice(o, pei.id), /Nuova versione del PEI aperta/);
  // Opening a second one while the first is being written is refused.
  assert.equal((await press(o, pei.id, '/apri')).status, 303);
  assert.equal(count(`pei WHERE minore_id = ${pei.id}`), 1);
  for (const p of ['anamnesi', 'familiari/nuova', 'transiti/nuova', 'colloquio', 'valutazione',
    'vulnerabilita/1', 'vulnerabilita/4', 'vulnerabilita/10', 'invii/nuova', 'obiettivi/nuova', 'parere'])
    assert.equal((await o.get(`/minori/${pei.id}/pei/${p}`)).status, 200, p);
  assert.equal((await o.get(`/minori/${pei.id}/pei/vulnerabilita/11`)).status, 404);
  assert.equal((await o.get(`/minori/${pei.id}/pei/vulnerabilita/0`)).status, 404);
});

test(`${SERVER}: anamnesis and interview: rules across fields, values kept, audited`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  let res = await send(o, `${base}/anamnesi`, {
    genitori: 'madre', fratelli: 'Due sorelle più piccole', scuola_anni: '6', italiano: 'a2',
    religione: 'Islam', partenza: '10/03/2025', arrivo: '01/03/2025',
    progetto_parole: 'Voglio studiare da meccanico e aiutare mia madre',
  });
  assert.equal(res.status, 200);
  assert.match(res.body, /La religione si registra solo se il minore lo chiede/);
  assert.match(res.body, /L&#39;arrivo non può precedere la partenza|L'arrivo non può precedere la partenza/);
  assert.match(res.body, /Voglio studiare da meccanico e aiutare mia madre/, 'what was typed comes back');
  assert.match(res.body, /aria-invalid="true"/);
  assert.equal(count(`pei_anamnesi WHERE pei_id = ${version(pei.id)}`), 0, 'nothing written');
  res = await send(o, `${base}/anamnesi`, {
    genitori: 'madre', fratelli: 'Due sorelle più piccole', scuola_anni: '6', italiano: 'a2',
    religione_registrata: '1', religione: 'Islam', partenza: '10/03/2025', arrivo: '20/09/2025',
    debito: '1', debito_note: '2000 euro al passeur', progetto_studio: '1', progetto_rimesse: '1',
    progetto_parole: 'Voglio studiare da meccanico e aiutare mia madre',
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `${base}#anamnesi`);
  assert.equal(sql(`SELECT genitori || '|' || scuola_anni || '|' || debito || '|' || progetto_lavoro || '|' || arrivo FROM pei_anamnesi WHERE pei_id = ${version(pei.id)}`), 'madre|6|1|0|2025-09-20');
  assert.equal(count(`audit a JOIN audit_modifiche m ON m.audit_id = a.id WHERE a.entita = 'minore' AND a.entita_id = ${pei.id} AND a.dettaglio = 'pei.anamnesi' AND m.campo = 'progetto_parole'`), 1, 'the change is in the audit log');
  // The form comes back with what is stored; an unticked box stays unticked.
  const again = await o.get(`${base}/anamnesi`);
  assert.match(again.body, /id="f-debito" type="checkbox" name="debito" value="1" checked/);
  assert.doesNotMatch(again.body, /id="f-progetto_lavoro" type="checkbox" name="progetto_lavoro" value="1" checked/);
  // The interview: the case entered reception on 3 October; later than
  // three days needs the reason, which the form then asks for.
  res = await send(o, `${base}/colloquio`, { data: '10/10/2025', conduttore: 'Anna Verdi', profilo: 'assistente_sociale', mediatore: 'Ibrahim K.', lingua: 'Pular', parere: 'Il progetto mi piace' });
  assert.equal(res.status, 200);
  assert.match(res.body, /entro 3 giorni dall&#39;ingresso|entro 3 giorni dall'ingresso/);
  assert.match(res.body, /name="ritardo_motivo"/);
  assert.match(res.body, /Il progetto mi piace/);
  res = await send(o, `${base}/colloquio`, { data: '01/10/2025', conduttore: 'Anna Verdi', profilo: 'assistente_sociale' });
  assert.match(res.body, /non può precedere l&#39;ingresso|non può precedere l'ingresso/);
  res = await send(o, `${base}/colloquio`, { data: '05/10/2025', conduttore: 'Anna Verdi', mediatore: 'Ibrahim K.', lingua: 'Pular', data_procura: '04/10/2025' });
  assert.match(res.body, /scegli quale/);
  assert.match(res.body, /non può essere trasmessa prima del colloquio/);
  res = await send(o, `${base}/colloquio`, { data: '10/10/2025', conduttore: 'Anna Verdi', profilo: 'assistente_sociale', mediatore: 'Ibrahim K.', lingua: 'Pular', ritardo_motivo: 'Mediatore pular disponibile solo dal 10', parere: 'Il progetto mi piace', data_cartella: '11/10/2025', data_procura: '12/10/2025' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT data || '|' || profilo || '|' || data_procura FROM pei_colloquio WHERE pei_id = ${version(pei.id)}`), '2025-10-10|assistente_sociale|2025-10-12');
});

test(`${SERVER}: vulnerabilities, trafficking indicators and referrals`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  let res = await send(o, `${base}/vulnerabilita/4`, { esito: 'escluso', g_debito: '1', note: 'Debito con il passeur' });
  assert.equal(res.status, 200);
  assert.match(res.body, /la tratta non può essere esclusa/);
  assert.match(res.body, /Debito con il passeur/);
  res = await send(o, `${base}/vulnerabilita/2`, { esito: 'sospetto', g_debito: '1' });
  assert.match(res.body, /solo nella categoria della tratta/);
  res = await send(o, `${base}/vulnerabilita/4`, { esito: 'confermato', g_debito: '1', l_orari: '1' });
  assert.match(res.body, /indica la fonte/);
  res = await send(o, `${base}/vulnerabilita/4`, { esito: 'sospetto', data: '12/10/2025', fonte: 'Primo colloquio', g_debito: '1', l_orari: '1', note: 'Debito con il passeur' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT esito || '|' || indicatori FROM pei_vulnerabilita WHERE pei_id = ${version(pei.id)} AND categoria = '4'`), 'sospetto|g_debito,l_orari');
  const back = await o.get(`${base}/vulnerabilita/4`);
  assert.match(back.body, /name="g_debito" value="1" checked/);
  assert.doesNotMatch(back.body, /name="s_notte" value="1" checked/);
  const page = await o.get(base);
  assert.match(page.body, /Indicatori: Debito da ripagare/);
  res = await send(o, `${base}/valutazione`, { livello: 'alto', ssn_data: '15/10/2025', bisogni_struttura: 'Accompagnarlo ogni martedì al consultorio' });
  assert.match(res.body, /spunta anche l&#39;iscrizione|spunta anche l'iscrizione/);
  res = await send(o, `${base}/valutazione`, { livello: 'alto', ssn: '1', ssn_data: '15/10/2025', bisogni_struttura: 'Accompagnarlo ogni martedì al consultorio', salute: 'Dolori a un ginocchio' });
  assert.equal(res.status, 303);
  res = await send(o, `${base}/invii/nuova`, { servizio: 'Consultorio', data_invio: '14/10/2025', appuntamento: '13/10/2025', stato: 'concluso' });
  assert.equal(res.status, 200);
  assert.match(res.body, /L&#39;appuntamento non può precedere l&#39;invio|L'appuntamento non può precedere l'invio/);
  assert.match(res.body, /Scrivi l&#39;esito dell&#39;invio|Scrivi l'esito dell'invio/);
  res = await send(o, `${base}/invii/nuova`, { servizio: 'Consultorio', ente: 'ASL Roma 2', data_invio: '14/10/2025', appuntamento: '20/10/2025', stato: 'richiesto' });
  assert.equal(res.status, 303);
  assert.equal(count(`pei_invii WHERE pei_id = ${version(pei.id)}`), 1);
});

test(`${SERVER}: relatives, journey, objectives and actions: add, edit, remove`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  let res = await send(o, `${base}/familiari/nuova`, { relazione: 'Zio materno', dove: 'ue' });
  assert.equal(res.status, 200);
  assert.match(res.body, /ricongiungimento o la procedura Dublino/);
  res = await send(o, `${base}/familiari/nuova`, { relazione: 'Zio materno', dove: 'ue', paese: 'Lione, Francia', in_contatto: '1' });
  assert.equal(res.status, 303);
  const zio = sql(`SELECT id FROM pei_familiari WHERE pei_id = ${version(pei.id)}`);
  res = await send(o, `${base}/familiari/${zio}`, { relazione: 'Zio materno', dove: 'ue', paese: 'Lione, Francia', contatto: '+33 6 00 00 00 00' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT contatto || '|' || in_contatto FROM pei_familiari WHERE id = ${zio}`), '+33 6 00 00 00 00|0');
  // Another case's path with this row: not found.
  const r = await as('responsabile');
  const other = await newCase(r);
  assert.equal((await r.get(`/minori/${other}/pei/familiari/${zio}`)).status, 404);
  // The journey's stages come numbered in order.
  assert.match((await o.get(`${base}/transiti/nuova`)).body, /name="ordine" type="text" inputmode="numeric" class="form-control" value="1"/);
  assert.equal((await send(o, `${base}/transiti/nuova`, { ordine: '1', paese: 'Mali', durata: '2 mesi' })).status, 303);
  assert.equal((await send(o, `${base}/transiti/nuova`, { ordine: '2', paese: 'Libia', durata: '8 mesi', detenzione: '1', lavoro_forzato: '1' })).status, 303);
  assert.match((await o.get(`${base}/transiti/nuova`)).body, /value="3"/);
  res = await send(o, `${base}/obiettivi/nuova`, { area: 'scuola', descrizione: '', stato: 'in_corso' });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-descrizione"/);
  res = await send(o, `${base}/obiettivi/nuova`, { area: 'scuola', descrizione: 'Licenza media al CPIA', indicatore: 'Esame superato a giugno', stato: 'in_corso', verifica: 'raggiunto' });
  assert.equal(res.status, 200);
  assert.match(res.body, /La verifica si fa in una nuova versione/, 'a first version has nothing to review');
  res = await send(o, `${base}/obiettivi/nuova`, { area: 'scuola', descrizione: 'Licenza media al CPIA', indicatore: 'Esame superato a giugno', stato: 'in_corso' });
  assert.equal(res.status, 303);
  const obiettivo = sql(`SELECT id FROM pei_obiettivi WHERE pei_id = ${version(pei.id)}`);
  res = await send(o, `${base}/obiettivi/${obiettivo}/azioni/nuova`, { cosa: 'Iscrizione al CPIA 3', chi: 'servizio', stato: 'da_fare' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Indica quale servizio agisce/);
  res = await send(o, `${base}/obiettivi/${obiettivo}/azioni/nuova`, { cosa: 'Accompagnarlo all\'iscrizione al CPIA 3', chi: 'struttura', entro: '30/11/2027', stato: 'da_fare' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `${base}#obiettivi`);
  res = await send(o, `${base}/obiettivi/${obiettivo}/azioni/nuova`, { cosa: 'Frequentare il corso di italiano', chi: 'minore', stato: 'in_corso' });
  assert.equal(res.status, 303);
  assert.equal(count(`pei_azioni WHERE obiettivo_id = ${obiettivo}`), 2);
  // A second objective, removed with its action.
  await send(o, `${base}/obiettivi/nuova`, { area: 'tempo_libero', descrizione: 'Calcio il sabato', stato: 'da_avviare' });
  const calcio = sql(`SELECT id FROM pei_obiettivi WHERE pei_id = ${version(pei.id)} AND area = 'tempo_libero'`);
  await send(o, `${base}/obiettivi/${calcio}/azioni/nuova`, { cosa: 'Trovare una squadra', chi: 'operatore', stato: 'da_fare' });
  const token = await o.csrf(`${base}/obiettivi/${calcio}`);
  res = await o.post(`${base}/obiettivi/${calcio}/elimina`, { csrf: token });
  assert.equal(res.status, 303);
  assert.equal(count(`pei_obiettivi WHERE id = ${calcio}`), 0);
  assert.equal(count(`pei_azioni WHERE obiettivo_id = ${calcio}`), 0);
  assert.equal(count(`audit WHERE azione = 'delete' AND entita IN ('pei_obiettivi', 'pei_azioni')`) >= 2, true, 'both removals audited');
  assert.equal((await send(o, `${base}/parere`, { data: '15/10/2025', parere: 'Va bene, ma voglio anche giocare a calcio', accordo: 'in_parte', mediatore: 'Ibrahim K.', lingua: 'Pular' })).status, 303);
  const page = (await o.get(base)).body;
  for (const text of ['Zio materno', 'Libia', 'Licenza media al CPIA', 'Frequentare il corso di italiano', 'Va bene, ma voglio anche giocare a calcio', 'Consultorio'])
    assert.ok(page.includes(text), `the PEI page shows ${text}`);
});

test(`${SERVER}: submit, return with comments, submit again, approve`, async () => {
  const o = await as('operatore');
  const r = await as('responsabile');
  const base = `/minori/${pei.id}/pei`;
  const v = version(pei.id);
  // The operatore cannot decide; only the responsabile's route does.
  assert.equal((await press(o, pei.id, `/${v}/invia`)).status, 303);
  assert.equal(stato(pei.id), 'inviata');
  assert.equal((await press(o, pei.id, `/${v}/decisione`, { decisione: 'approva' })).status, 403);
  // A form typed while the version was submitted: refused, text kept.
  const form = await o.get(`${base}/parere`);
  assert.equal(form.status, 303, 'no version being written: back to the PEI');
  let page = await o.get(`${base}/anamnesi`);
  assert.equal(page.status, 303);
  // The responsabile returns it: comments are required, and the page's
  // box for them is sent with the form.
  assert.match((await r.get(base)).body, /<textarea id="f-commento" name="commento"/);
  let res = await press(r, pei.id, `/${v}/decisione`, { decisione: 'restituisci', commento: ' ' });
  assert.equal(res.status, 200);
  assert.match(res.body, /Scrivi perché la versione torna indietro/);
  assert.equal(stato(pei.id), 'inviata');
  res = await press(r, pei.id, `/${v}/decisione`, { decisione: 'restituisci', commento: 'Manca il contatto della madre' });
  assert.equal(res.status, 303);
  assert.equal(stato(pei.id), 'restituita');
  assert.match(await notice(o, pei.id), /Manca il contatto della madre/);
  assert.equal(count(`pei_anamnesi WHERE pei_id = ${v}`), 1, 'a return keeps what was written');
  assert.match((await o.get(base)).body, /Due sorelle più piccole/, 'the page drawn before the change');
  res = await send(o, `${base}/anamnesi`, { genitori: 'madre', contatti_famiglia: 'regolari', contatti_frequenza: 'Videochiamata la domenica', arrivo: '20/09/2025', partenza: '10/03/2025' });
  assert.equal(res.status, 303);
  const fresh = (await o.get(base)).body;
  assert.match(fresh, /Videochiamata la domenica/, 'a change shows at once');
  assert.doesNotMatch(fresh, /Due sorelle più piccole/, 'nothing kept from before it');
  assert.equal((await press(o, pei.id, `/${v}/invia`)).status, 303);
  res = await press(r, pei.id, `/${v}/decisione`, { decisione: 'approva' });
  assert.equal(res.status, 303);
  assert.equal(stato(pei.id), 'approvata');
  assert.deepEqual(sql(`SELECT group_concat(evento, ',') FROM (SELECT evento FROM pei_eventi WHERE pei_id = ${v} ORDER BY id)`), 'aperta,inviata,restituita,inviata,approvata');
  assert.equal(count(`audit WHERE entita = 'pei' AND entita_id = ${v} AND azione IN ('create', 'update')`), 5, 'every step is an audit row');
  page = await o.get(base);
  assert.match(page.body, /Approvata/);
  assert.match(page.body, /Prossima verifica entro il/);
  assert.doesNotMatch(page.body, /pei\/anamnesi"/, 'no edit link on an approved version');
});

test(`${SERVER}: an approved version never changes; a new one starts from it`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  const v1 = version(pei.id);
  const before = sql(`SELECT contatti_frequenza FROM pei_anamnesi WHERE pei_id = ${v1}`);
  const res = await o.get(`${base}/anamnesi`);
  assert.equal(res.status, 303);
  const token = await o.csrf(base);
  const post = await o.post(`${base}/anamnesi`, { csrf: token, genitori: 'nessuno', contatti_frequenza: 'Mai' });
  assert.equal(post.status, 200);
  assert.match(post.body, /non è più in lavorazione/);
  assert.match(post.body, /Mai/, 'what was typed is on the page');
  assert.equal(sql(`SELECT contatti_frequenza FROM pei_anamnesi WHERE pei_id = ${v1}`), before);
  assert.equal((await press(o, pei.id, '/apri')).status, 303);
  const v2 = version(pei.id);
  assert.notEqual(v2, v1);
  for (const t of ['pei_anamnesi', 'pei_colloquio', 'pei_familiari', 'pei_transiti', 'pei_vulnerabilita', 'pei_valutazione', 'pei_invii', 'pei_obiettivi', 'pei_azioni', 'pei_parere'])
    assert.equal(count(`${t} WHERE pei_id = ${v2}`), count(`${t} WHERE pei_id = ${v1}`), `${t} copied`);
  assert.equal(count(`pei_azioni a JOIN pei_obiettivi o ON o.id = a.obiettivo_id WHERE a.pei_id = ${v2} AND o.pei_id = ${v2}`), 2, 'the actions hang on the new version\'s objectives');
  assert.equal(sql(`SELECT count(*) FROM pei_obiettivi n JOIN pei_obiettivi o ON o.chiave = n.chiave WHERE n.pei_id = ${v2} AND o.pei_id = ${v1}`), '1', 'rows keep their key across versions');
  // A row of the approved version is not edited: the draft's copy is.
  const vecchio = sql(`SELECT id FROM pei_obiettivi WHERE pei_id = ${v1}`);
  const back = await o.get(`${base}/obiettivi/${vecchio}`);
  assert.equal(back.status, 303);
  assert.match(await notice(o, pei.id), /già inviata o approvata: modificala nella versione in lavorazione/);
  // The review: each objective's outcome, in the new version only.
  const obiettivo = sql(`SELECT id FROM pei_obiettivi WHERE pei_id = ${v2}`);
  let rev = await send(o, `${base}/obiettivi/${obiettivo}`, { area: 'scuola', descrizione: 'Licenza media al CPIA', stato: 'in_corso', verifica_note: 'Frequenta, esame a giugno' });
  assert.match(rev.body, /Scegli l&#39;esito della verifica|Scegli l'esito della verifica/);
  rev = await send(o, `${base}/obiettivi/${obiettivo}`, { area: 'scuola', descrizione: 'Licenza media al CPIA', stato: 'in_corso', verifica: 'parziale', verifica_note: 'Frequenta, esame a giugno' });
  assert.equal(rev.status, 303);
  assert.equal(sql(`SELECT verifica FROM pei_obiettivi WHERE id = ${obiettivo}`), 'parziale');
  assert.equal(sql(`SELECT count(*) FROM pei_obiettivi WHERE pei_id = ${v1} AND verifica IS NOT NULL`), '0');
  assert.match((await o.get(base)).body, /Raggiunto in parte/);
  // The earlier version stays readable.
  const old = await o.get(`${base}/versioni/${v1}`);
  assert.equal(old.status, 200);
  assert.match(old.body, /Versione 1/);
});

test(`${SERVER}: what changed between two versions, field by field; the print view`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  const [v1, v2] = sql(`SELECT group_concat(id, ' ') FROM (SELECT id FROM pei WHERE minore_id = ${pei.id} ORDER BY versione)`).split(' ');
  let res = await send(o, `${base}/anamnesi`, { genitori: 'entrambi', contatti_famiglia: 'regolari', contatti_frequenza: 'Ogni giorno su WhatsApp', arrivo: '20/09/2025', partenza: '10/03/2025' });
  assert.equal(res.status, 303);
  const zio = sql(`SELECT id FROM pei_familiari WHERE pei_id = ${v2}`);
  let token = await o.csrf(`${base}/familiari/${zio}`);
  assert.equal((await o.post(`${base}/familiari/${zio}/elimina`, { csrf: token })).status, 303);
  assert.equal((await send(o, `${base}/vulnerabilita/7`, { esito: 'sospetto', fonte: 'Struttura' })).status, 303);
  const diff = await o.get(`${base}/confronto?da=${v1}&a=${v2}`);
  assert.equal(diff.status, 200);
  const text = diff.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Genitori Solo la madre in vita Entrambi vivi/, 'a changed choice, by its labels');
  assert.match(text, /Come e quanto spesso Videochiamata la domenica Ogni giorno su WhatsApp/);
  assert.match(text, /Familiare 1: Zio materno \(tolto\) Relazione Zio materno vuoto/, 'a removed row');
  assert.match(text, /Rischio di allontanamento Esito vuoto Sospetta/, 'a category assessed in the new version');
  assert.doesNotMatch(text, /Licenza media al CPIA/, 'what did not change is not listed');
  // By default: the version shown against the one it started from.
  assert.equal((await o.get(`${base}/confronto`)).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').match(/dalla versione 1 alla versione 2/) !== null, true);
  assert.equal((await o.get(`${base}/confronto?da=${v1}&a=999999`)).status, 404);
  const print = await o.get(`${base}/versioni/${v1}/stampa`);
  assert.equal(print.status, 200);
  for (const t of ['Progetto Educativo Individualizzato', 'Il minore', 'Il tutore', 'L&#39;operatore del caso', 'La struttura di accoglienza', 'Licenza media al CPIA', 'Videochiamata la domenica'])
    assert.ok(print.body.includes(t), `the print view has ${t}`);
  assert.doesNotMatch(print.body, /pei\/anamnesi"/, 'no edit link on paper');
  assert.match((await o.get(`${base}/versioni/${v2}/stampa`)).body, /non ancora approvato, non valido per le firme/);
  const s = await as('struttura');
  assert.equal((await s.get(`${base}/versioni/${v1}/stampa`)).status, 403);
  assert.equal((await s.get(`${base}/confronto`)).status, 403);
});

test(`${SERVER}: the approved version's PDF, kept with its SHA-256; signed copies uploaded`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  const [v1, v2] = sql(`SELECT group_concat(id, ' ') FROM (SELECT id FROM pei WHERE minore_id = ${pei.id} ORDER BY versione)`).split(' ');
  const pdf = await o.get(`${base}/versioni/${v1}/pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(pdf.headers['content-disposition'], /^attachment; filename="PEI-MSNA-\d{4}-\d{5}-v1\.pdf"$/);
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  const hash = crypto.createHash('sha256').update(pdf.bytes).digest('hex');
  assert.equal(sql(`SELECT sha256 FROM pei_stampe WHERE pei_id = ${v1}`), hash, 'what is sent is what was kept at approval');
  assert.match((await o.get(`${base}/versioni/${v1}`)).body, new RegExp(hash));
  assert.equal((await o.get(`${base}/versioni/${v2}/pdf`)).status, 404, 'a draft has no PDF to sign');
  const s = await as('struttura');
  assert.equal((await s.get(`${base}/versioni/${v1}/pdf`)).status, 403);
  // A scan of the signed paper: by its content, not its name.
  let token = await o.csrf(`${base}/versioni/${v1}`);
  let res = await o.postMultipart(`${base}/versioni/${v1}/firmata`, { csrf: token }, { file: { filename: 'firmato.pdf', type: 'application/pdf', data: Buffer.from('non sono un pdf') } });
  assert.equal(res.status, 200);
  assert.match(res.body, /id="e-file"[^>]*>Il file deve essere un PDF, un JPEG o un PNG/);
  const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(2000)]);
  token = await o.csrf(`${base}/versioni/${v1}`);
  res = await o.postMultipart(`${base}/versioni/${v1}/firmata`, { csrf: token }, { file: { filename: 'scansione.pdf', type: 'application/pdf', data: scan } });
  assert.equal(res.status, 303);
  const k = sql(`SELECT id FROM pei_firmate WHERE pei_id = ${v1} ORDER BY id DESC LIMIT 1`);
  assert.equal(sql(`SELECT sha256 FROM pei_firmate WHERE id = ${k}`), crypto.createHash('sha256').update(scan).digest('hex'));
  const back = await o.get(`${base}/firmate/${k}`);
  assert.equal(back.status, 200);
  assert.ok(back.bytes.equals(scan), 'the signed copy comes back as it was sent');
  assert.match((await o.get(`${base}/versioni/${v1}`)).body, new RegExp(`/pei/firmate/${k}`));
  const r = await as('responsabile');
  const other = await newCase(r);
  assert.equal((await r.get(`/minori/${other}/pei/firmate/${k}`)).status, 404, 'not through another case');
  // A draft takes no signed copy.
  token = await o.csrf(`${base}/versioni/${v2}`);
  res = await o.postMultipart(`${base}/versioni/${v2}/firmata`, { csrf: token }, { file: { filename: 'x.pdf', type: 'application/pdf', data: scan } });
  assert.equal(res.status, 200);
  assert.match(res.body, /versione approvata/);
  assert.equal(sql(`SELECT count(*) FROM audit WHERE entita = 'pei_firmata' AND entita_id = ${k} AND azione = 'create'`), '1');
});

test(`${SERVER}: the legal path: each procedure's rules and the legal terms`, async () => {
  const o = await as('operatore');
  const base = `/minori/${pei.id}/pei`;
  // Born on 29 February 2008: 18 on 28 February 2026 (art. 2963 c.c.).
  let res = await send(o, `${base}/percorso/art32`, { richiesta: '27/11/2025' });
  assert.equal(res.status, 200);
  assert.match(res.body, /dal 28\/11\/2025 al 28\/04\/2026/);
  assert.match(res.body, /value="27\/11\/2025"/);
  assert.equal((await send(o, `${base}/percorso/art32`, { richiesta: '28/11/2025' })).status, 303);
  res = await send(o, `${base}/percorso/eta`, { disposto: '05/10/2025', metodo: 'multidisciplinare', eta_stimata: '17', margine: '1', decisione: 'minore', decisione_data: '20/10/2025', notifica: '22/10/2025', reclamo: '02/11/2025' });
  assert.equal(res.status, 200);
  assert.match(res.body, /entro 10 giorni dalla notifica, cioè entro il 01\/11\/2025/);
  res = await send(o, `${base}/percorso/eta`, { disposto: '05/10/2025', margine: '1' });
  assert.match(res.body, /Indica l&#39;età stimata|Indica l'età stimata/);
  assert.equal((await send(o, `${base}/percorso/eta`, { disposto: '05/10/2025', metodo: 'multidisciplinare', eta_stimata: '17', margine: '1', decisione: 'minore', decisione_data: '20/10/2025', notifica: '22/10/2025', reclamo: '01/11/2025' })).status, 303);
  res = await send(o, `${base}/percorso/prosieguo`, { richiesta: '10/01/2026', decreto: '20/01/2026', fine: '01/03/2029' });
  assert.match(res.body, /fino al 21° compleanno, il 28\/02\/2029/);
  assert.equal((await send(o, `${base}/percorso/prosieguo`, { richiesta: '10/01/2026', decreto: '20/01/2026', fine: '28/02/2029' })).status, 303);
  res = await send(o, `${base}/percorso/asilo`, { domanda: '15/10/2025', esito: 'rifugiato', esito_data: '10/11/2025', ricorso: '20/11/2025' });
  assert.match(res.body, /Si ricorre contro un diniego/);
  assert.equal((await send(o, `${base}/percorso/asilo`, { domanda: '15/10/2025', audizione: '01/11/2025', esito: 'sussidiaria', esito_data: '10/11/2025', ricorso: '20/11/2025' })).status, 303);
  res = await send(o, `${base}/percorso/permesso`, { richiesta: '10/10/2025', rilascio: '20/10/2025', scadenza: '01/10/2025' });
  assert.match(res.body, /La scadenza non può precedere il rilascio/);
  assert.equal((await send(o, `${base}/percorso/permesso`, { richiesta: '10/10/2025', rilascio: '20/10/2025', numero: 'I12345', scadenza: '28/02/2026' })).status, 303);
  assert.equal(sql(`SELECT richiesta FROM percorso_art32 WHERE minore_id = ${pei.id}`), '2025-11-28');
  const page = (await o.get(base)).body;
  for (const t of ['Protezione sussidiaria', 'I12345', 'Valutazione multidisciplinare', 'dal 28/11/2025 al 28/04/2026', 'al più fino al 28/02/2029'])
    assert.ok(page.includes(t), `the PEI page shows ${t}`);
  assert.equal(count(`audit WHERE entita = 'minore' AND entita_id = ${pei.id} AND dettaglio = 'pei.percorso.eta' AND azione IN ('create', 'update')`), 1);
  // A reader does not edit it; a facility does not see it.
  const a = await as('operatrice');
  assert.equal((await a.get(`${base}/percorso/eta`)).status, 403);
  const s = await as('struttura');
  assert.doesNotMatch((await s.get(base)).body, /I12345|Protezione sussidiaria/);
  assert.equal((await s.get(`${base}/percorso/eta`)).status, 403);
});

test(`${SERVER}: nobody approves a PEI they wrote or submitted`, async () => {
  const r = await as('responsabile');
  const id = await newCase(r);
  assert.equal((await press(r, id, '/apri')).status, 303);
  const v = version(id);
  assert.equal((await press(r, id, `/${v}/invia`)).status, 303);
  const page = await r.get(`/minori/${id}/pei`);
  assert.match(page.body, /la approva un altro responsabile/);
  assert.doesNotMatch(page.body, /value="approva"/, 'no approve button');
  assert.equal((await press(r, id, `/${v}/decisione`, { decisione: 'approva' })).status, 303);
  assert.equal(stato(id), 'inviata');
  assert.match(await notice(r, id), /<div class="alert alert-warning" role="alert">[^<]*serve un altro responsabile/, 'a refusal is a warning, not news');
});

test(`${SERVER}: another operatore reads; a facility sees only the approved objectives of its minors`, async () => {
  const base = `/minori/${pei.id}/pei`;
  const a = await as('operatrice');
  // The sections are drawn once and kept: what one user may do there
  // (edit links) is never what another sees.
  const o = await as('operatore');
  assert.match((await o.get(base)).body, /pei\/anamnesi"/);
  const page = await a.get(base);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.body, /nuova versione|pei\/apri/);
  assert.doesNotMatch(page.body, /pei\/anamnesi"|pei\/obiettivi\/nuova"/, 'no edit link for a reader');
  const before = denied('minore', pei.id);
  assert.equal((await a.get(`${base}/anamnesi`)).status, 403);
  assert.equal((await press(a, pei.id, '/apri')).status, 403);
  assert.equal(denied('minore', pei.id), before + 2, 'the form and the POST, each an audit row');
  // The facility of the placement: approved objectives, actions, needs.
  const s = await as('struttura');
  const seen = await s.get(base);
  assert.equal(seen.status, 200);
  for (const text of ['Licenza media al CPIA', 'Accompagnarlo all&#39;iscrizione al CPIA 3', 'Accompagnarlo ogni martedì al consultorio'])
    assert.ok(seen.body.includes(text) || seen.body.includes(text.replace('&#39;', "'")), `the facility sees ${text}`);
  for (const text of ['Voglio studiare', 'Zio materno', 'Libia', 'Debito', 'Anna Verdi', 'Dolori a un ginocchio', 'Va bene, ma voglio'])
    assert.ok(!seen.body.includes(text), `the facility does not see ${text}`);
  // The facility's page lists the approved PEI's actions for it.
  assert.match((await s.get('/minori/struttura')).body, /dal PEI: Accompagnarlo all&#39;iscrizione al CPIA 3|dal PEI: Accompagnarlo all'iscrizione al CPIA 3/);
  // The draft being written now is not for the facility.
  const v2 = version(pei.id);
  const d = denied('pei', v2);
  assert.equal((await s.get(`${base}/versioni/${v2}`)).status, 403);
  assert.equal(denied('pei', v2), d + 1);
  assert.equal((await s.get(`${base}/anamnesi`)).status, 403);
  // A case placed elsewhere: 403 and an audit row.
  const r = await as('responsabile');
  const elsewhere = await newCase(r, { struttura_id: struttura('SAI Casa Aurora') });
  const e = denied('minore', elsewhere);
  assert.equal((await s.get(`/minori/${elsewhere}/pei`)).status, 403);
  assert.equal(denied('minore', elsewhere), e + 1);
  // Every view of the PEI is an audit row.
  const views = count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${pei.id} AND dettaglio = 'pei'`);
  await s.get(base);
  let now = views;
  for (let i = 0; i < 30 && now === views; i++) {
    await new Promise((done) => setTimeout(done, 100));
    now = count(`audit WHERE azione = 'view' AND entita = 'minore' AND entita_id = ${pei.id} AND dettaglio = 'pei'`);
  }
  assert.equal(now, views + 1);
});
