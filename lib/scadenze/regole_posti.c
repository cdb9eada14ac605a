/*
** The places' deadline (module posti, DOMAIN.md activity 6): a facility
** declares its free places again before its last declaration goes stale
** (APPRODO_POSTI_VALIDITA_GIORNI, 7, as the board counts it). A
** facility's deadline, not a case's: its rows have minore_id minus the
** facility's id (no case has a negative id, and the table keeps no
** foreign key on minore_id for this) and oggetto_id the declaration (0:
** none yet, from the agreement's start); nobody in the office in
** particular is responsible (utente_id NULL: the responsabili are told,
** and the facility's users). Writes no table.
*/
#include "interno.h"
#include "strutture.h"

/*
** Each declaration of an active facility with authorised places, until
** the next; a facility that never declared, from its agreement's start.
*/
#define CON_POSTI "s.attiva = 1 AND " STRUTTURE_POSTI("s.") " > 0"
static const char SQL_DICHIARAZIONE[] =
    "SELECT -d.struttura_id AS minore_id, d.id AS oggetto_id,"
    " date(d.quando, 'localtime') AS inizio, date(lead(d.quando) OVER"
    " (PARTITION BY d.struttura_id ORDER BY d.id), 'localtime') AS fatta_il,"
    " NULL AS utente_id, NULL AS fissata FROM posti_dichiarazioni d"
    " JOIN strutture s ON s.id = d.struttura_id"
    " WHERE -d.struttura_id BETWEEN :da AND :a AND " CON_POSTI
    " UNION ALL SELECT -s.id, 0, s.convenzione_dal, NULL, NULL, NULL"
    " FROM strutture s WHERE -s.id BETWEEN :da AND :a AND " CON_POSTI
    " AND s.convenzione_dal IS NOT NULL AND NOT EXISTS (SELECT 1"
    " FROM posti_dichiarazioni d WHERE d.struttura_id = s.id)"
    " ORDER BY minore_id, oggetto_id";

const struct regola regole_posti[] = {
	{ .codice = "dichiarazione_posti",
	  .titolo = "Dichiarare di nuovo i posti liberi della struttura",
	  .inizio = "Ultima dichiarazione dei posti liberi (o inizio della "
	  "convenzione, se nessuna)",
	  .completamento = "Una nuova dichiarazione della struttura",
	  .fonte = "Prassi dell'ufficio MSNA di Roma Capitale (ricerca dei "
	  "posti: una dichiarazione dei posti liberi vale N giorni, 7 se non "
	  "indicato)",
	  .termine = { .giorni = 7 }, .config = "APPRODO_POSTI_VALIDITA_GIORNI",
	  .urgenza = URGENZA_NORMALE,
	  .chi = "la struttura (i suoi utenti) e il responsabile",
	  .sql = SQL_DICHIARAZIONE },
};
const size_t regole_nposti = COUNT(regole_posti);
