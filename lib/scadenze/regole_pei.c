/*
** The PEI's deadlines (module pei: pei, pei_colloquio, pei_azioni and the
** legal path, percorso_*): the first interview, a PEI's review, the
** actions of the PEI in force, and turning 18 (the art. 32 opinion, the
** art. 13 extension and its end, the permit's conversion). The terms the
** PEI module already computes come from lib/pei/regole.c, not again
** here. The module's table of rules, beside the engine that runs its
** SQL (see regole.c). Writes no table.
*/
#include "interno.h"
#include "pei.h"

/*
** The case's own facts, one row per case: entering reception and the
** first interview of DPCM 98/2024 (the PEI's section, any version); the
** birth date the age rules count from, the art. 32 request, the
** extension asked for (or granted: the case is in prosieguo) and its end,
** a permit for study, work or job search among the documents.
*/
static const char SQL_CASO[] =
    FATTI_DEL_CASO ", " INGRESSO " AS ingresso,"
    " (SELECT min(c.data) FROM pei p JOIN pei_colloquio c ON c.pei_id = p.id"
    " WHERE p.minore_id = m.id) AS colloquio, " NASCITA " AS nascita,"
    " x.richiesta AS art32_richiesta,"
    " coalesce(y.richiesta, CASE WHEN m.stato = 'in_prosieguo' THEN ''"
    " END) AS prosieguo_richiesta,"
    " CASE WHEN m.stato = 'in_prosieguo' OR y.decreto IS NOT NULL THEN "
    NASCITA " END AS in_prosieguo, y.fine AS prosieguo_fine,"
    " (SELECT min(coalesce(d.data_rilascio, date(d.creato, 'localtime')))"
    " FROM documenti d WHERE d.minore_id = m.id"
    " AND d.tipo IN ('permesso_art32', 'permesso_altro')) AS convertito"
    " FROM minori m LEFT JOIN percorso_art32 x ON x.minore_id = m.id"
    " LEFT JOIN percorso_prosieguo y ON y.minore_id = m.id" DEI_CASI
    " ORDER BY m.id";
static const struct gruppo caso = { .codice = "pei", .sql = SQL_CASO };
/* Each approved version is reviewed by the next approved one. */
static const char SQL_PEI_VERIFICA[] =
    "SELECT p.minore_id, p.id AS oggetto_id,"
    " date(p.decisa_il, 'localtime') AS inizio,"
    " (SELECT date(min(n.decisa_il), 'localtime') FROM pei n"
    " WHERE n.minore_id = p.minore_id AND n.stato = 'approvata'"
    " AND n.versione > p.versione) AS fatta_il,"
    " m.operatore_id AS utente_id, NULL AS fissata"
    " FROM pei p JOIN minori m ON m.id = p.minore_id"
    " WHERE p.minore_id BETWEEN :da AND :a AND " CASO_APERTO
    " AND p.stato = 'approvata' ORDER BY p.minore_id, p.id";
/*
** The actions with a date of the PEI in force (the last approved
** version), by their key, which a later version keeps; done there, done
** on the day that version was approved. An objective has no date of its
** own: its actions' dates are its deadlines.
*/
static const char SQL_PEI_AZIONE[] =
    "SELECT p.minore_id, a.chiave AS oggetto_id, a.entro AS inizio,"
    " CASE WHEN a.stato = 'fatta' THEN date(p.decisa_il, 'localtime') END"
    " AS fatta_il, m.operatore_id AS utente_id, NULL AS fissata"
    " FROM pei p JOIN minori m ON m.id = p.minore_id"
    " JOIN pei_azioni a ON a.pei_id = p.id"
    " WHERE p.minore_id BETWEEN :da AND :a AND " CASO_APERTO
    " AND p.stato = 'approvata' AND p.versione = (SELECT max(v.versione)"
    " FROM pei v WHERE v.minore_id = p.minore_id AND v.stato = 'approvata')"
    " AND a.entro IS NOT NULL AND a.stato <> 'non_fatta'"
    " ORDER BY p.minore_id, a.chiave";
/* The art. 32 request's last day: the window's end (lib/pei/regole.c). */
static void
art32_entro(const char *nascita, char entro[11])
{
	char dal[11];

	pei_art32_finestra(nascita, dal, entro);
}

/* A review every APPRODO_PEI_VERIFICA_MESI months (lib/pei/regole.c). */
static void
verifica_entro(const char *approvata, char entro[11])
{
	pei_verifica_entro(approvata, pei_verifica_mesi(), entro);
}

/* The alerts before the 18th birthday: 6 and 3 months (DOMAIN.md). */
#define AVVISI_18 .avvisi = { { .anni = 18, .mesi = -6 }, \
    { .anni = 18, .mesi = -3 } }, .navvisi = 2

const struct regola regole_pei[] = {
	{ .codice = "primo_colloquio",
	  .titolo = "Primo colloquio con il minore (DPCM 98/2024)",
	  .inizio = "Ingresso in accoglienza (primo collocamento, o presa in "
	  "carico)",
	  .completamento = "Data del primo colloquio nel PEI",
	  .fonte = "DPCM 10/05/2024 n. 98, artt. 2-3 (entro 3 giorni "
	  "dall'ingresso in prima accoglienza)",
	  .calcola = pei_colloquio_entro,
	  .quando = "3 giorni (pei_colloquio_entro, lib/pei/regole.c)",
	  .urgenza = URGENZA_ALTA, .gruppo = &caso,
	  .col_inizio = "ingresso", .col_fatta = "colloquio" },
	{ .codice = "pei_verifica",
	  .titolo = "Verifica del PEI approvato",
	  .inizio = "Approvazione della versione del PEI",
	  .completamento = "Approvazione di una versione successiva",
	  .fonte = "Prassi dell'ufficio MSNA di Roma Capitale (verifica del "
	  "PEI ogni N mesi)",
	  .calcola = verifica_entro,
	  .quando = "APPRODO_PEI_VERIFICA_MESI mesi, 3 se non indicato "
	  "(pei_verifica_entro, lib/pei/regole.c)",
	  .urgenza = URGENZA_NORMALE, .sql = SQL_PEI_VERIFICA },
	{ .codice = "pei_azione",
	  .titolo = "Azione di un obiettivo del PEI in vigore",
	  .inizio = "Data entro cui fare l'azione, nel PEI approvato",
	  .completamento = "Azione segnata come fatta nel PEI in vigore",
	  .fonte = "PEI approvato (le azioni dei suoi obiettivi, con le loro "
	  "date)",
	  .urgenza = URGENZA_NORMALE, .sql = SQL_PEI_AZIONE },
	{ .codice = "art32",
	  .titolo = "Richiesta del parere per la conversione del permesso a 18 "
	  "anni (art. 32)",
	  .inizio = "Data di nascita (accertata, o dichiarata)",
	  .completamento = "Data della richiesta del parere nel percorso",
	  .fonte = "art. 32 c. 1-bis D.Lgs. 286/1998; art. 13 c. 1 L. 47/2017 "
	  "(da 3 mesi prima a 2 mesi dopo il 18° compleanno)",
	  .calcola = art32_entro,
	  .quando = "18° compleanno e 2 mesi, fine della finestra "
	  "(pei_art32_finestra, lib/pei/regole.c)",
	  AVVISI_18, .urgenza = URGENZA_ALTA, .gruppo = &caso,
	  .col_inizio = "nascita", .col_fatta = "art32_richiesta" },
	{ .codice = "prosieguo_richiesta",
	  .titolo = "Richiesta di prosieguo amministrativo al tribunale per i "
	  "minorenni",
	  .inizio = "Data di nascita (accertata, o dichiarata)",
	  .completamento = "Data della richiesta di prosieguo, o stato \"in "
	  "prosieguo\"",
	  .fonte = "art. 13 c. 2 L. 47/2017 (affidamento ai servizi sociali "
	  "fino a 21 anni, chiesto entro i 18)",
	  .termine = { .anni = 18 }, AVVISI_18, .urgenza = URGENZA_ALTA,
	  .gruppo = &caso, .col_inizio = "nascita",
	  .col_fatta = "prosieguo_richiesta" },
	{ .codice = "conversione_permesso",
	  .titolo = "Conversione del permesso per minore età al compimento "
	  "dei 18 anni",
	  .inizio = "Data di nascita (accertata, o dichiarata)",
	  .completamento = "Permesso per studio, lavoro o attesa occupazione "
	  "(art. 32) tra i documenti",
	  .fonte = "art. 32 c. 1 D.Lgs. 286/1998; art. 10 L. 47/2017 (il "
	  "permesso per minore età vale fino ai 18 anni)",
	  .termine = { .anni = 18 }, AVVISI_18, .urgenza = URGENZA_ALTA,
	  .gruppo = &caso, .col_inizio = "nascita",
	  .col_fatta = "convertito" },
	{ .codice = "prosieguo_fine",
	  .titolo = "Fine del prosieguo amministrativo: preparare l'uscita",
	  .inizio = "Data di nascita, con la fine del prosieguo decisa dal "
	  "tribunale se registrata",
	  .completamento = "Chiusura del caso",
	  .fonte = "art. 13 c. 2 L. 47/2017 (al più tardi il 21° compleanno)",
	  .calcola = pei_prosieguo_limite,
	  .quando = "21° compleanno, o la fine decisa se prima "
	  "(pei_prosieguo_limite, lib/pei/regole.c)",
	  .avvisi = { { .mesi = -3 } }, .navvisi = 1, .avvisi_da_scadenza = 1,
	  .urgenza = URGENZA_ALTA, .gruppo = &caso,
	  .col_inizio = "in_prosieguo", .col_fissata = "prosieguo_fine" },
};
const size_t regole_npei = COUNT(regole_pei);
