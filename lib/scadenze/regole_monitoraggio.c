/*
** The monitoring's deadlines (module monitoraggio: colloqui,
** azioni_seguito): an interview with the minor at least every N days,
** and the follow-up actions by their date. The module's table of rules,
** beside the engine that runs its SQL (see regole.c). Writes no table.
*/
#include "interno.h"

/*
** From each interview to the next; before the first one, from the
** intake (oggetto_id 0) to the first.
*/
static const char SQL_COLLOQUIO[] =
    "SELECT c.minore_id, c.id AS oggetto_id, c.data AS inizio,"
    " lead(c.data) OVER (PARTITION BY c.minore_id ORDER BY c.data, c.id)"
    " AS fatta_il, m.operatore_id AS utente_id, NULL AS fissata"
    " FROM colloqui c JOIN minori m ON m.id = c.minore_id"
    " WHERE c.minore_id BETWEEN :da AND :a AND " CASO_APERTO
    " UNION ALL SELECT m.id, 0, m.data_presa_in_carico, (SELECT min(c.data)"
    " FROM colloqui c WHERE c.minore_id = m.id), m.operatore_id, NULL"
    " FROM minori m" DEI_CASI " ORDER BY minore_id, oggetto_id";
/* Given to an office user: theirs; to anyone else: the case worker's. */
static const char SQL_AZIONE[] =
    "SELECT a.minore_id, a.id AS oggetto_id, a.entro AS inizio,"
    " CASE WHEN a.stato = 'fatta' THEN date(a.fatta_il, 'localtime') END"
    " AS fatta_il, coalesce(a.utente_id, m.operatore_id) AS utente_id,"
    " NULL AS fissata FROM azioni_seguito a JOIN minori m"
    " ON m.id = a.minore_id WHERE a.minore_id BETWEEN :da AND :a"
    " AND " CASO_APERTO " AND a.entro IS NOT NULL"
    " AND a.stato <> 'annullata' ORDER BY a.minore_id, a.id";

const struct regola regole_monitoraggio[] = {
	{ .codice = "colloquio",
	  .titolo = "Colloquio con il minore",
	  .inizio = "Ultimo colloquio (o presa in carico, se nessuno)",
	  .completamento = "Un colloquio successivo registrato",
	  .fonte = "Prassi dell'ufficio MSNA di Roma Capitale (monitoraggio "
	  "del PEI: non più di N giorni senza colloquio)",
	  .termine = { .giorni = 30 },
	  .config = "APPRODO_SCADENZE_COLLOQUIO_GIORNI",
	  .urgenza = URGENZA_NORMALE, .sql = SQL_COLLOQUIO },
	{ .codice = "azione_seguito",
	  .titolo = "Azione di follow-up",
	  .inizio = "Data entro cui fare l'azione",
	  .completamento = "Azione segnata come fatta",
	  .fonte = "Colloquio, contatto o riunione d'équipe che l'ha decisa",
	  .chi = "chi deve farla, se è un operatore; se no l'operatore del "
	  "caso",
	  .urgenza = URGENZA_NORMALE, .sql = SQL_AZIONE },
};
const size_t regole_nmonitoraggio = COUNT(regole_monitoraggio);
