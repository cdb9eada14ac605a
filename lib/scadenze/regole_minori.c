/*
** The case registry's deadlines (module minori: the tables minori,
** collocamenti, strutture, tutele, documenti, stati): the art. 403
** chain, identification and the first-reception stay, the guardian,
** documents about to expire, a minor gone missing. The module's table of
** rules: each is SQL over the module's tables that the engine runs, so
** it lives beside the engine, one file per module (see regole.c).
** Writes no table.
*/
#include "interno.h"

/*
** The case's own facts, one row per case, for the rules of the art. 403
** chain, identification (the CUI of the photo-identification, which has
** no date of its own) and the guardian.
*/
static const char SQL_CASO[] =
    FATTI_DEL_CASO ", m.data_403, m.data_403_comunicazione,"
    " m.data_403_richiesta_convalida, m.data_403_decreto, m.data_403_udienza,"
    " " INGRESSO " AS ingresso,"
    " CASE WHEN m.cui IS NOT NULL THEN '' END AS identificato,"
    " m.data_presa_in_carico, t.data_ricorso, t.data_nomina,"
    " coalesce(t.data_ricorso, t.data_nomina) AS ricorso_o_nomina"
    " FROM minori m LEFT JOIN tutele t ON t.minore_id = m.id" DEI_CASI
    " ORDER BY m.id";
static const struct gruppo caso = { .codice = "minori", .sql = SQL_CASO };
/*
** From the first day in a first-reception facility (a move between two
** of them does not start it again) until the minor is placed elsewhere.
*/
static const char SQL_PRIMA_ACCOGLIENZA[] =
    "SELECT m.id AS minore_id, 0 AS oggetto_id, min(c.dal) AS inizio,"
    " CASE WHEN max(c.al IS NULL) = 1 THEN NULL ELSE max(c.al) END"
    " AS fatta_il, m.operatore_id AS utente_id, NULL AS fissata"
    " FROM minori m JOIN collocamenti c ON c.minore_id = m.id"
    " JOIN strutture s ON s.id = c.struttura_id" DEI_CASI
    " AND s.tipo = 'prima_accoglienza' GROUP BY m.id ORDER BY m.id";
/* Renewed: a document of the same type that expires later. */
static const char SQL_DOCUMENTO[] =
    "SELECT d.minore_id, d.id AS oggetto_id, d.data_scadenza AS inizio,"
    " (SELECT min(coalesce(n.data_rilascio, date(n.creato, 'localtime')))"
    " FROM documenti n WHERE n.minore_id = d.minore_id AND n.tipo = d.tipo"
    " AND n.data_scadenza > d.data_scadenza) AS fatta_il,"
    " m.operatore_id AS utente_id, NULL AS fissata"
    " FROM documenti d JOIN minori m ON m.id = d.minore_id"
    " WHERE d.minore_id BETWEEN :da AND :a AND " CASO_APERTO
    " AND +d.data_scadenza IS NOT NULL ORDER BY d.minore_id, d.id";
/* Each time the status becomes "allontanato", until the next status. */
static const char SQL_ALLONTANAMENTO[] =
    "SELECT s.minore_id, s.id AS oggetto_id, s.data AS inizio,"
    " (SELECT min(n.data) FROM stati n WHERE n.minore_id = s.minore_id"
    " AND n.id > s.id) AS fatta_il, m.operatore_id AS utente_id,"
    " NULL AS fissata FROM stati s JOIN minori m ON m.id = s.minore_id"
    " WHERE s.minore_id BETWEEN :da AND :a AND s.stato = 'allontanato'"
    " AND m.stato IN ('in_carico', 'in_prosieguo', 'in_affido',"
    " 'allontanato') ORDER BY s.minore_id, s.id";

#define FONTE_403 "art. 403 c.c., come riformato dalla L. 206/2021: " \
    "se un passaggio è tardivo il provvedimento perde efficacia"

const struct regola regole_minori[] = {
	{ .codice = "art403_atti",
	  .titolo = "Art. 403: trasmettere al PM minorile il provvedimento, "
	  "gli atti e una breve relazione",
	  .inizio = "Provvedimento art. 403 (data e ora)",
	  .completamento = "Comunicazione alla Procura minorile registrata",
	  .fonte = "art. 403 c. 2 c.c.; " FONTE_403,
	  .termine = { .ore = 24 }, .urgenza = URGENZA_IMMEDIATA,
	  .gruppo = &caso, .col_inizio = "data_403",
	  .col_fatta = "data_403_comunicazione" },
	{ .codice = "art403_convalida",
	  .titolo = "Art. 403: il PM revoca o chiede la convalida al "
	  "tribunale",
	  .inizio = "Comunicazione alla Procura minorile",
	  .completamento = "Richiesta di convalida registrata",
	  .fonte = "art. 403 c. 3 c.c.; " FONTE_403,
	  .termine = { .ore = 72 }, .urgenza = URGENZA_IMMEDIATA,
	  .gruppo = &caso, .col_inizio = "data_403_comunicazione",
	  .col_fatta = "data_403_richiesta_convalida" },
	{ .codice = "art403_decreto",
	  .titolo = "Art. 403: il tribunale per i minorenni decide sulla "
	  "convalida",
	  .inizio = "Richiesta di convalida",
	  .completamento = "Decreto di convalida registrato",
	  .fonte = "art. 403 c. 4 c.c.; " FONTE_403,
	  .termine = { .ore = 48 }, .urgenza = URGENZA_IMMEDIATA,
	  .gruppo = &caso,
	  .col_inizio = "data_403_richiesta_convalida",
	  .col_fatta = "data_403_decreto" },
	{ .codice = "art403_udienza",
	  .titolo = "Art. 403: udienza di comparizione delle parti",
	  .inizio = "Decreto di convalida",
	  .completamento = "Data dell'udienza registrata",
	  .fonte = "art. 403 c. 4 c.c. (udienza fissata entro 15 giorni); "
	  FONTE_403,
	  .termine = { .giorni = 15 }, .urgenza = URGENZA_IMMEDIATA,
	  .gruppo = &caso, .col_inizio = "data_403_decreto",
	  .col_fatta = "data_403_udienza" },
	{ .codice = "identificazione",
	  .titolo = "Identificazione del minore (fotosegnalamento, codice "
	  "CUI)",
	  .inizio = "Ingresso in accoglienza (primo collocamento, o presa in "
	  "carico)",
	  .completamento = "Codice CUI registrato",
	  .fonte = "art. 19 c. 1 D.Lgs. 142/2015, come modificato dall'art. 4 "
	  "L. 47/2017 (identificazione entro 10 giorni)",
	  .termine = { .giorni = 10 }, .urgenza = URGENZA_ALTA,
	  .gruppo = &caso, .col_inizio = "ingresso",
	  .col_fatta = "identificato" },
	{ .codice = "prima_accoglienza",
	  .titolo = "Permanenza in prima accoglienza: al massimo 30 giorni, "
	  "poi il trasferimento",
	  .inizio = "Primo giorno in una struttura di prima accoglienza",
	  .completamento = "Collocamento in una struttura che non è di prima "
	  "accoglienza",
	  .fonte = "art. 19 c. 1 D.Lgs. 142/2015, come modificato dall'art. 4 "
	  "L. 47/2017",
	  .termine = { .giorni = 30 }, .urgenza = URGENZA_ALTA,
	  .sql = SQL_PRIMA_ACCOGLIENZA },
	{ .codice = "tutela_ricorso",
	  .titolo = "Ricorso per l'apertura della tutela e la nomina del "
	  "tutore",
	  .inizio = "Presa in carico",
	  .completamento = "Data del ricorso (o della nomina) registrata",
	  .fonte = "art. 19 c. 5 D.Lgs. 142/2015; art. 11 L. 47/2017 "
	  "(comunicazione immediata)",
	  .urgenza = URGENZA_ALTA, .gruppo = &caso,
	  .col_inizio = "data_presa_in_carico",
	  .col_fatta = "ricorso_o_nomina" },
	{ .codice = "tutela_nomina",
	  .titolo = "Tutore non ancora nominato: sollecitare la nomina",
	  .inizio = "Ricorso per la nomina del tutore",
	  .completamento = "Data della nomina del tutore registrata",
	  .fonte = "art. 11 L. 47/2017; avviso finché manca il tutore, "
	  "sollecito dopo 30 giorni: prassi dell'ufficio",
	  .termine = { .giorni = 30 },
	  .config = "APPRODO_SCADENZE_TUTORE_GIORNI",
	  .avvisi = { { .giorni = 0 } }, .navvisi = 1,
	  .urgenza = URGENZA_NORMALE, .gruppo = &caso,
	  .col_inizio = "data_ricorso", .col_fatta = "data_nomina" },
	{ .codice = "documento",
	  .titolo = "Documento o permesso in scadenza: chiederne il rinnovo",
	  .inizio = "Data di scadenza del documento",
	  .completamento = "Un documento dello stesso tipo che scade più "
	  "tardi",
	  .fonte = "art. 5 c. 4 D.Lgs. 286/1998 (rinnovo del permesso almeno "
	  "60 giorni prima della scadenza); per gli altri documenti, prassi "
	  "dell'ufficio",
	  .avvisi = { { .giorni = -60 } }, .navvisi = 1,
	  .avvisi_da_scadenza = 1, .urgenza = URGENZA_NORMALE,
	  .sql = SQL_DOCUMENTO },
	{ .codice = "allontanamento",
	  .titolo = "Minore allontanato: avvisare subito operatore e "
	  "responsabile, denuncia di scomparsa",
	  .inizio = "Stato \"allontanato/irreperibile\"",
	  .completamento = "Uno stato successivo (rientro, chiusura ...)",
	  .fonte = "L. 203/2012 art. 1 (denuncia di scomparsa); art. 403 c.c.",
	  .urgenza = URGENZA_IMMEDIATA, .subito = 1,
	  .chi = "l'operatore del caso e il responsabile",
	  .sql = SQL_ALLONTANAMENTO },
};
const size_t regole_nminori = COUNT(regole_minori);
