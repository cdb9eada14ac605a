/*
** Unit tests for the PEI's versions (lib/pei/versione.c): the workflow
** draft -> submitted -> approved or returned, who may take each step,
** nobody approving their own PEI, a return keeping the draft, an
** approved version that never changes, the history and the audit rows.
** What a version holds (sql/009_pei_contenuti.sql), written with raw SQL
** through the db layer: the database refuses every change to a version
** submitted or approved, and a row moved to another version; a returned
** version keeps its rows; a new version copies every table of the
** approved one, column by column, with the rows' keys.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "interno.h"
#include "settings.h"
#include "testdb.h"
#include "tap.h"

static char dir[] = "/tmp/approdo-test-pei-XXXXXX", dbpath[600];

/* The users (made in the database by main()): two case workers, two
** responsabili, a facility and the roles that have nothing to do with a
** PEI. */
static struct request anna, bruno, rita, sara, casa, franca, carlo, ada;

static const char *
stato(long long id)
{
	static char sql[128];

	snprintf(sql, sizeof sql, "SELECT stato FROM pei WHERE id = %lld", id);
	return q_text(sql);
}

/* q_int() of a query with one %lld: a literal format at each use. */
static char query[256];
#define count(fmt, id) \
	(snprintf(query, sizeof query, fmt, (long long)(id)), q_int(query))

static void
test_workflow(void)
{
	const char *why = NULL;
	long long v1 = 0, v2 = 0, other = 0, audits;

	ok(pei_apri(&casa, 1, &v1, &why) == 1 && why && v1 == 0,
	    "a facility user cannot open a PEI");
	audits = q_int("SELECT count(*) FROM audit");
	ok(pei_apri(&anna, 1, &v1, &why) == 0 && v1 > 0 &&
	    strcmp(stato(v1), "bozza") == 0 && count("SELECT versione FROM pei"
	    " WHERE id = %lld", v1) == 1, "the case worker opens version 1, "
	    "a draft");
	ok(q_int("SELECT count(*) FROM audit") == audits + 1 &&
	    count("SELECT count(*) FROM audit WHERE entita = 'pei' AND"
	    " entita_id = %lld AND azione = 'create' AND username = 'anna'",
	    v1) == 1, "opening is an audit row");
	ok(pei_apri(&bruno, 1, &other, &why) == 1 && other == 0 &&
	    strstr(why, "già una versione") != NULL,
	    "a second version while one is being worked on: refused");
	ok(pei_approva(&rita, v1, &why) == 1 && strstr(why, "inviata") &&
	    strcmp(stato(v1), "bozza") == 0,
	    "a draft that was not submitted cannot be approved");

	ok(pei_invia(&anna, v1, &why) == 0 && strcmp(stato(v1), "inviata") == 0,
	    "the case worker submits it");
	ok(pei_invia(&anna, v1, &why) == 1 && strcmp(stato(v1), "inviata") == 0,
	    "submitted twice: refused");
	ok(pei_approva(&bruno, v1, &why) == 1 && strstr(why, "responsabile") &&
	    strcmp(stato(v1), "inviata") == 0,
	    "another case worker cannot approve");

	ok(pei_restituisci(&rita, v1, "  ok ", &why) == 1 &&
	    strcmp(stato(v1), "inviata") == 0,
	    "a return needs a reason of at least three letters");
	ok(pei_restituisci(&rita, v1, "Manca il parere del minore.", &why) ==
	    0 && strcmp(stato(v1), "restituita") == 0 &&
	    strcmp(q_text("SELECT commento FROM pei"), "Manca il parere del "
	    "minore.") == 0, "the responsabile returns it with comments");
	ok(count("SELECT count(*) FROM pei WHERE id = %lld", v1) == 1 &&
	    q_int("SELECT count(*) FROM pei") == 1,
	    "the return keeps the same version (the draft, with its comments)");
	ok(pei_invia(&anna, v1, &why) == 0 && strcmp(stato(v1), "inviata") == 0,
	    "the returned version is submitted again");
	ok(pei_approva(&rita, v1, &why) == 0 && strcmp(stato(v1), "approvata")
	    == 0, "the responsabile approves it");
	ok(pei_restituisci(&rita, v1, "ripensamento", &why) == 1 &&
	    pei_invia(&anna, v1, &why) == 1 &&
	    strcmp(stato(v1), "approvata") == 0,
	    "an approved version takes no further step");
	ok(exec("UPDATE pei SET commento = 'ritoccato' WHERE stato ="
	    " 'approvata'") != SQLITE_OK && exec("DELETE FROM pei") != SQLITE_OK
	    && exec("UPDATE pei_eventi SET commento = 'x'") != SQLITE_OK,
	    "the database refuses to change an approved version, delete a "
	    "version or rewrite the history");
	ok(q_int("SELECT group_concat(evento, ' ') = 'aperta inviata"
	    " restituita inviata approvata' FROM (SELECT evento FROM pei_eventi"
	    " ORDER BY id)") == 1, "the history has every step, in order");
	ok(count("SELECT count(*) FROM audit WHERE entita = 'pei' AND"
	    " entita_id = %lld", v1) == 5 && q_int("SELECT count(*) FROM"
	    " audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE"
	    " a.dettaglio = 'restituita' AND m.campo = 'commento' AND m.dopo ="
	    " 'Manca il parere del minore.'") == 1,
	    "every step is an audit row, the return with its comments");

	/* Editing starts a new draft from the approved version. */
	ok(pei_apri(&anna, 1, &v2, &why) == 0 && v2 != v1 &&
	    count("SELECT versione FROM pei WHERE id = %lld", v2) == 2 &&
	    count("SELECT da_versione FROM pei WHERE id = %lld", v2) == v1,
	    "a new draft is version 2, from the approved version 1");

	/* Nobody approves a PEI they wrote or submitted. */
	ok(pei_invia(&rita, v2, &why) == 0 && pei_approva(&rita, v2, &why) ==
	    1 && strstr(why, "scritto o inviato") &&
	    strcmp(stato(v2), "inviata") == 0,
	    "the responsabile who submitted it cannot approve it");
	ok(pei_apri(&rita, 2, &other, &why) == 0 && pei_invia(&anna, other,
	    &why) == 0 && pei_approva(&rita, other, &why) == 1 &&
	    strcmp(stato(other), "inviata") == 0,
	    "nor the responsabile who wrote it, submitted by someone else");
	ok(pei_approva(&sara, v2, &why) == 0 && pei_approva(&sara, other, &why)
	    == 0 && strcmp(stato(v2), "approvata") == 0,
	    "another responsabile approves both");
	ok(pei_invia(&anna, 999999, &why) == 1 && strstr(why, "non esiste"),
	    "an unknown version: refused");

	/* In the caller's transaction: refused steps leave it usable. */
	ok(db_begin_write() == 0 && pei_apri(&anna, 1, &other, &why) == 0 &&
	    pei_approva(&anna, other, &why) == 1 && !db_failed() &&
	    (db_rollback(), q_int("SELECT count(*) FROM pei WHERE minore_id ="
	    " 1")) == 2, "inside the caller's transaction, rolled back with it");
}

/*
** The tables of what a version holds (sql/009_pei_contenuti.sql), each
** with the statements the tests run on it through the db layer: a row
** with every column filled (:n varies it; an action goes under the
** version's objective number (:n - 1) % 2 + 1), for a list also one with
** its chiave given (as a copy writes it), a change of one column to :v
** and the rows so changed, the removal of the version's rows, and their
** move to version :altra.
*/
struct tabella {
	const char *name;
	const char *key;	/* what matches a row across versions */
	int rows;		/* how many seed() writes */
	const char *insert, *keyed, *update, *changed, *remove, *move, *count;
};

#define TABELLA(t, k, n, cols, vals, keyed, col) { t, k, n, \
	"INSERT INTO " t " (pei_id, " cols ") VALUES (:pei, " vals ")", keyed, \
	"UPDATE " t " SET " col " = :v WHERE pei_id = :pei", \
	"SELECT count(*) FROM " t " WHERE pei_id = :pei AND " col " = :v", \
	"DELETE FROM " t " WHERE pei_id = :pei", \
	"UPDATE " t " SET pei_id = :altra WHERE pei_id = :pei", \
	"SELECT count(*) FROM " t " WHERE pei_id = :pei" }
/* One row per version (or per category: key), or a list. */
#define SCHEDA(t, k, n, cols, vals, col) TABELLA(t, k, n, cols, vals, NULL, col)
#define ELENCO(t, cols, vals, col) TABELLA(t, "chiave", 3, cols, vals, \
	"INSERT INTO " t " (pei_id, chiave, " cols ") VALUES (:pei, :chiave, " \
	vals ")", col)

static const struct tabella tabelle[] = {
	SCHEDA("pei_anamnesi", NULL, 1,
	    "genitori, fratelli, contatti_famiglia, contatti_frequenza,"
	    " scuola_anni, alfabetizzazione, lavoro, lingue, italiano,"
	    " religione_registrata, religione, partenza, viaggio_mezzi,"
	    " viaggio_pagato, debito, debito_note, viaggio_violenze, arrivo,"
	    " arrivo_luogo, progetto_studio, progetto_lavoro,"
	    " progetto_ricongiungimento, progetto_rimesse, progetto_parole",
	    "'madre', 'due fratelli a Conakry', 'saltuari', 'telefono ogni"
	    " mese', 6, 'parziale', 'pastore', 'fula ' || :n, 'a2', 1, 'islam',"
	    " '2024-03-01', 'a piedi, in camion, in barca', 'lo zio', 1,"
	    " '2000 euro al passeur', 'detenuto in Libia', '2025-09-30',"
	    " 'Lampedusa', 1, 1, 1, 1, 'studiare e poi lavorare'", "lingue"),
	ELENCO("pei_familiari",
	    "relazione, nome, dove, paese, contatto, in_contatto, note",
	    "'zio ' || :n, 'Mamadou ' || :n, 'italia', 'Italia, Torino',"
	    " '+39 333 00' || :n, 1, 'disponibile ad accoglierlo'", "note"),
	ELENCO("pei_transiti",
	    "ordine, paese, durata, mezzo, violenze, detenzione,"
	    " lavoro_forzato, note",
	    ":n, 'paese ' || :n, :n || ' mesi', 'camion', 1, 1, 1, 'in Libia'",
	    "mezzo"),
	SCHEDA("pei_colloquio", NULL, 1,
	    "data, conduttore, profilo, tutore, mediatore, lingua,"
	    " ritardo_motivo, dati_personali, storia_casa, storia_scuola,"
	    " storia_partenza, storia_viaggio, storia_arrivo, relazioni,"
	    " parenti, vulnerabilita, protezione, partecipazione, parere,"
	    " data_cartella, data_procura",
	    "'2025-10-05', 'Laura Bianchi', 'assistente_sociale', 'avv. Rossi',"
	    " 'Awa', 'fula ' || :n, 'festivo', 'nato nel 2009', 'casa',"
	    " 'scuola', 'partenza', 'viaggio', 'arrivo', 'comunità',"
	    " 'zio a Torino', 'nessuna', 'richiesta', 'attiva', 'd''accordo',"
	    " '2025-10-06', '2025-10-07'", "lingua"),
	SCHEDA("pei_vulnerabilita", "categoria", 3,
	    "categoria, esito, data, fonte, note, indicatori",
	    "CAST(:n AS TEXT), 'sospetto', '2025-10-0' || :n, 'colloquio',"
	    " 'da approfondire', 'g_debito,g_paura'", "note"),
	SCHEDA("pei_valutazione", NULL, 1,
	    "livello, ssn, ssn_data, screening, salute, bisogni_struttura",
	    "'alto', 1, '2025-10-10', 'TBC ' || :n, 'dentista',"
	    " 'accompagnarlo al SerD'", "salute"),
	ELENCO("pei_invii",
	    "servizio, ente, data_invio, appuntamento, stato, esito",
	    "'servizio ' || :n, 'ASL Roma 1', '2025-10-1' || :n,"
	    " '2025-11-0' || :n, 'concluso', 'preso in carico'", "esito"),
	ELENCO("pei_obiettivi",
	    "area, descrizione, indicatore, stato",
	    "'scuola', 'obiettivo ' || :n, 'licenza media', 'in_corso'",
	    "indicatore"),
	ELENCO("pei_azioni",
	    "obiettivo_id, cosa, chi, servizio, entro, stato",
	    "(SELECT id FROM pei_obiettivi WHERE pei_id = :pei ORDER BY id"
	    " LIMIT 1 OFFSET (:n - 1) % 2), 'azione ' || :n, 'servizio',"
	    " 'CPIA 1', '2026-06-1' || :n, 'in_corso'", "cosa"),
	SCHEDA("pei_parere", NULL, 1,
	    "data, parere, mediatore, lingua, accordo",
	    "'2025-10-20', 'vuole studiare ' || :n, 'Awa', 'fula', 'in_parte'",
	    "parere"),
};
#define NTABELLE COUNT(tabelle)

/* The table named `name` of tabelle[]. */
static const struct tabella *
tab(const char *name)
{
	for (size_t i = 0; i < NTABELLE; i++)
		if (strcmp(tabelle[i].name, name) == 0)
			return &tabelle[i];
	abort();
}

static long long
rows(const struct tabella *t, long long pei)
{
	return db_value(t->count, ARGS(ARG_INT("pei", pei)), -1);
}

static int
insert(const struct tabella *t, long long pei, int n)
{
	return db_write(t->insert, ARGS(ARG_INT("pei", pei), ARG_INT("n", n)));
}

/* Fills every table of version `pei` (its seed rows); 0 or -1. */
static int
seed(long long pei)
{
	for (size_t i = 0; i < NTABELLE; i++)
		for (int n = 1; n <= tabelle[i].rows; n++)
			if (insert(&tabelle[i], pei, n) != 0)
				return -1;
	return 0;
}

/*
** The statement failed because a trigger of sql/009 refused it (its
** message), not another constraint: a row whose version is not being
** written, or moved to another version.
*/
static int
refused(const char *sql, const struct db_arg *a, size_t n)
{
	return db_write(sql, a, n) != 0 &&
	    strstr(sqlite3_errmsg(db_handle()), "not being written") != NULL;
}

/*
** A version of minor `minore`'s PEI in state `s`, its tables seeded
** while it was a draft: written and submitted by anna, returned or
** approved by rita. 0 if a step failed.
*/
static long long
version_in(long long minore, const char *s)
{
	const char *why;
	long long v = 0;

	if (pei_apri(&anna, minore, &v, &why) != 0 || seed(v) != 0)
		return 0;
	if (strcmp(s, "bozza") == 0)
		return v;
	if (pei_invia(&anna, v, &why) != 0)
		return 0;
	if (strcmp(s, "restituita") == 0 &&
	    pei_restituisci(&rita, v, "Completa il colloquio.", &why) != 0)
		return 0;
	if (strcmp(s, "approvata") == 0 && pei_approva(&rita, v, &why) != 0)
		return 0;
	return strcmp(stato(v), s) == 0 ? v : 0;
}

/* Every table of the schema with a version's rows is one of tabelle[]
** (the history, the signed PDF and its scans are not contents: they are
** append-only, with tests of their own). */
static void
test_tabelle(void)
{
	long long n = q_int("SELECT count(*) FROM sqlite_schema s"
	    " WHERE s.type = 'table' AND s.name LIKE 'pei\\_%' ESCAPE '\\'"
	    " AND s.name NOT IN ('pei_eventi', 'pei_stampe', 'pei_firmate')"
	    " AND EXISTS (SELECT 1 FROM"
	    " pragma_table_info(s.name) c WHERE c.name = 'pei_id')");
	size_t found = 0;

	for (size_t i = 0; i < NTABELLE; i++) {
		char sql[160];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM"
		    " pragma_table_info('%s') WHERE name = 'pei_id'",
		    tabelle[i].name);
		found += q_int(sql) == 1;
	}
	ok(n == (long long)NTABELLE && found == NTABELLE,
	    "the schema's tables of a version's contents are the %zu tested "
	    "here (%lld in the schema)", NTABELLE, n);
}

/*
** The triggers of sql/009: in a submitted or approved version every
** INSERT, UPDATE and DELETE on every table is refused; in a draft or a
** returned one, all are allowed.
*/
static void
test_protezione(void)
{
	static const char *const stati[] = {
		"bozza", "restituita", "inviata", "approvata",
	};

	for (size_t s = 0; s < COUNT(stati); s++) {
		long long v = version_in(3 + (long long)s, stati[s]);
		int writable = s < 2;

		ok(v > 0, "%s: a version in this state, every table filled",
		    stati[s]);
		for (size_t i = 0; i < NTABELLE; i++) {
			const struct tabella *t = &tabelle[i];
			long long n = rows(t, v);

			if (writable)
				ok(db_write(t->update, ARGS(ARG_INT("pei", v),
				    ARG_TEXT("v", "cambiato"))) == 0 &&
				    db_value(t->changed, ARGS(ARG_INT("pei", v),
				    ARG_TEXT("v", "cambiato")), -1) == n && n > 0,
				    "%s: UPDATE %s is allowed", stati[s], t->name);
			else
				ok(refused(t->update, ARGS(ARG_INT("pei", v),
				    ARG_TEXT("v", "cambiato"))) &&
				    db_value(t->changed, ARGS(ARG_INT("pei", v),
				    ARG_TEXT("v", "cambiato")), -1) == 0 && n > 0,
				    "%s: UPDATE %s is refused, the rows unchanged",
				    stati[s], t->name);
		}
		/* The actions go before their objectives. */
		for (size_t i = NTABELLE; i-- > 0;) {
			const struct tabella *t = &tabelle[i];
			long long n = rows(t, v);

			if (writable)
				ok(db_write(t->remove, ARGS(ARG_INT("pei", v))) ==
				    0 && n > 0 && rows(t, v) == 0,
				    "%s: DELETE FROM %s is allowed", stati[s],
				    t->name);
			else
				ok(refused(t->remove, ARGS(ARG_INT("pei", v))) &&
				    n > 0 && rows(t, v) == n,
				    "%s: DELETE FROM %s is refused, the rows kept",
				    stati[s], t->name);
		}
		for (size_t i = 0; i < NTABELLE; i++) {
			const struct tabella *t = &tabelle[i];
			long long n = rows(t, v);

			if (writable)
				ok(insert(t, v, 1) == 0 && rows(t, v) == n + 1,
				    "%s: INSERT INTO %s is allowed", stati[s],
				    t->name);
			else
				ok(refused(t->insert, ARGS(ARG_INT("pei", v),
				    ARG_INT("n", 9))) && rows(t, v) == n,
				    "%s: INSERT INTO %s is refused", stati[s],
				    t->name);
			if (t->keyed == NULL)
				continue;
			/* Without its chiave, a list's new row is also refused
			** by the UPDATE that sets it: with it, only by INSERT's. */
			n = rows(t, v);
			if (writable)
				ok(db_write(t->keyed, ARGS(ARG_INT("pei", v),
				    ARG_INT("chiave", 9999), ARG_INT("n", 2))) == 0 &&
				    rows(t, v) == n + 1, "%s: INSERT INTO %s with "
				    "its chiave is allowed", stati[s], t->name);
			else
				ok(refused(t->keyed, ARGS(ARG_INT("pei", v),
				    ARG_INT("chiave", 9999), ARG_INT("n", 9))) &&
				    rows(t, v) == n, "%s: INSERT INTO %s with its "
				    "chiave is refused", stati[s], t->name);
		}
	}
}

static const char SQL_AZIONE_ALTRUI[] =
    "INSERT INTO pei_azioni (pei_id, obiettivo_id, cosa, chi, stato)"
    " VALUES (:pei, (SELECT min(id) FROM pei_obiettivi WHERE pei_id ="
    " :altra), 'iscriversi al CPIA', 'minore', 'da_fare')";
static const char SQL_AZIONE_SPOSTA[] =
    "UPDATE pei_azioni SET obiettivo_id = (SELECT min(id) FROM"
    " pei_obiettivi WHERE pei_id = :altra) WHERE pei_id = :pei";
static const char SQL_AZIONI_ALTRUI[] =
    "SELECT count(*) FROM pei_azioni a JOIN pei_obiettivi o"
    " ON o.id = a.obiettivo_id WHERE a.pei_id = :pei AND o.pei_id <> :pei";

/* A row stays in its version; an action under its version's objective. */
static void
test_spostamenti(void)
{
	long long v = version_in(7, "bozza"), altra = 0, azioni;
	const char *why;

	ok(v > 0 && pei_apri(&bruno, 8, &altra, &why) == 0 &&
	    insert(tab("pei_obiettivi"), altra, 1) == 0,
	    "two drafts of two minors, the second with an objective");
	for (size_t i = 0; i < NTABELLE; i++) {
		const struct tabella *t = &tabelle[i];
		long long n = rows(t, v), m = rows(t, altra);

		ok(refused(t->move, ARGS(ARG_INT("pei", v), ARG_INT("altra",
		    altra))) && rows(t, v) == n && rows(t, altra) == m,
		    "the rows of %s cannot move to another version, even one "
		    "being written", t->name);
	}
	azioni = rows(tab("pei_azioni"), v);
	ok(refused(SQL_AZIONE_ALTRUI, ARGS(ARG_INT("pei", v), ARG_INT("altra",
	    altra))) && rows(tab("pei_azioni"), v) == azioni,
	    "an action cannot be added under another version's objective");
	ok(refused(SQL_AZIONE_SPOSTA, ARGS(ARG_INT("pei", v), ARG_INT("altra",
	    altra))) && db_value(SQL_AZIONI_ALTRUI, ARGS(ARG_INT("pei", v)),
	    -1) == 0, "an action cannot be moved under another version's "
	    "objective");
}

/*
** REPLACE removes the row it conflicts with without the delete trigger
** (recursive_triggers is off): no list row of an approved version can be
** replaced by a draft's row with its id, nor a draft's row take its id.
*/
static void
test_replace(void)
{
	static const char *const liste[] = { "pei_familiari", "pei_transiti",
	    "pei_invii", "pei_obiettivi", "pei_azioni" };
	long long v = version_in(16, "approvata"), bozza = version_in(17,
	    "bozza");

	ok(v > 0 && bozza > 0, "an approved version and a draft");
	for (size_t i = 0; i < COUNT(liste); i++) {
		const char *t = liste[i];
		char sql[512];
		long long row, before, n;
		int rc;

		snprintf(sql, sizeof sql, "SELECT min(id) FROM %s WHERE pei_id ="
		    " %lld", t, v);
		row = q_int(sql);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE pei_id"
		    " = %lld", t, v);
		before = q_int(sql);
		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.x;"
		    " CREATE TEMP TABLE x AS SELECT * FROM %s WHERE id = %lld;"
		    " UPDATE x SET pei_id = %lld;"
		    " INSERT OR REPLACE INTO %s SELECT * FROM x", t, row, bozza,
		    t);
		rc = exec(sql);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE pei_id"
		    " = %lld", t, v);
		n = q_int(sql);
		ok(row > 0 && rc != SQLITE_OK && n == before, "INSERT OR REPLACE"
		    " cannot take a row of %s out of an approved version", t);
		snprintf(sql, sizeof sql, "UPDATE OR REPLACE %s SET id = %lld"
		    " WHERE id = (SELECT min(id) FROM %s WHERE pei_id = %lld)", t,
		    row, t, bozza);
		rc = exec(sql);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE pei_id"
		    " = %lld", t, v);
		ok(rc != SQLITE_OK && q_int(sql) == before, "UPDATE OR REPLACE"
		    " cannot remove a row of %s of an approved version", t);
	}
	exec("DROP TABLE IF EXISTS temp.x");
}

/* The difference of `d` in section `sez`, field `campo`, element `el`. */
static const struct differenza *
diff_find(const struct differenza *d, size_t n, const char *sez,
    const char *el, const char *campo)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(d[i].sezione, sez) == 0 && strcmp(d[i].campo, campo)
		    == 0 && ((el == NULL && d[i].elemento == NULL) || (el &&
		    d[i].elemento && strcmp(d[i].elemento, el) == 0)))
			return &d[i];
	return NULL;
}

static int
diff_is(const struct differenza *x, const char *prima, const char *dopo)
{
	return x && ((prima == NULL && x->prima == NULL) || (prima && x->prima &&
	    strcmp(x->prima, prima) == 0)) && ((dopo == NULL && x->dopo ==
	    NULL) || (dopo && x->dopo && strcmp(x->dopo, dopo) == 0));
}

/*
** What changed between two versions, field by field, as the page shows
** it (labels, Italian dates): a scheda's fields, a list's rows matched by
** their chiave (removed, added), a category's assessment; nothing else.
*/
static void
test_confronto(void)
{
	long long v1 = version_in(18, "approvata"), v2 = 0;
	struct differenza *d = NULL;
	struct pool p = { 0 };
	const char *why, *tolto = "Familiare 1: zio 1 (tolto)";
	size_t n = 99;
	char sql[400];
	int rc;

	ok(v1 > 0 && pei_apri(&anna, 18, &v2, &why) == 0, "a version approved,"
	    " a new one from it");
	rc = pei_confronta(&p, v1, v2, &d, &n);
	ok(rc == 0 && n == 0, "a copy: no difference (%zu)", n);
	snprintf(sql, sizeof sql, "UPDATE pei_anamnesi SET genitori ="
	    " 'entrambi', lavoro = NULL, arrivo = '2025-10-01' WHERE pei_id ="
	    " %lld;"
	    "DELETE FROM pei_familiari WHERE id = (SELECT min(id) FROM"
	    " pei_familiari WHERE pei_id = %lld);"
	    "INSERT INTO pei_obiettivi (pei_id, area, descrizione, stato)"
	    " VALUES (%lld, 'salute', 'visite', 'da_avviare');"
	    "UPDATE pei_vulnerabilita SET esito = 'confermato' WHERE pei_id ="
	    " %lld AND categoria = '1'", v2, v2, v2, v2);
	ok(exec(sql) == SQLITE_OK, "the draft changed in four sections");
	rc = pei_confronta(&p, v1, v2, &d, &n);
	/* 3 fields of the anamnesis, the 7 values of the relative removed,
	** 1 assessment, the 3 values of the objective added. */
	ok(rc == 0 && n == 14, "14 differences (%zu)", n);
	ok(diff_is(diff_find(d, n, "Anamnesi sociale", NULL, "Genitori"),
	    "Solo la madre in vita", "Entrambi vivi"), "a choice, by its "
	    "labels");
	ok(diff_is(diff_find(d, n, "Anamnesi sociale", NULL,
	    "Lavoro prima della partenza"), "pastore", NULL), "a text emptied");
	ok(diff_is(diff_find(d, n, "Anamnesi sociale", NULL,
	    "Data di arrivo in Italia"), "30/09/2025", "01/10/2025"),
	    "a date, as the office writes it");
	ok(diff_is(diff_find(d, n, "Familiari", tolto, "Relazione"), "zio 1",
	    NULL) && diff_is(diff_find(d, n, "Familiari", tolto, "Dove vive"),
	    "In Italia", NULL) && diff_is(diff_find(d, n, "Familiari", tolto,
	    "Il minore è in contatto con questa persona"), "Sì", NULL),
	    "a removed row: each of its values, named as removed");
	ok(diff_is(diff_find(d, n, "Obiettivi", "Obiettivo 4: Salute", "Area"),
	    NULL, "Salute") && diff_is(diff_find(d, n, "Obiettivi",
	    "Obiettivo 4: Salute", "Obiettivo"), NULL, "visite"),
	    "an added row: its values");
	ok(diff_is(diff_find(d, n, "Vulnerabilità", "Disabilità", "Esito"),
	    "Sospetta", "Confermata"), "a category's assessment");
	ok(diff_find(d, n, "Familiari", "Familiare 1: zio 2", "Relazione") ==
	    NULL && diff_find(d, n, "Primo colloquio", NULL, "Lingua") == NULL,
	    "what did not change is not listed (the rows that moved up "
	    "included: matched by chiave, not position)");
	ok(pei_confronta(&p, v2, v1, &d, &n) == 0 && n == 14 && diff_is(
	    diff_find(d, n, "Anamnesi sociale", NULL, "Genitori"),
	    "Entrambi vivi", "Solo la madre in vita"), "the other way round");
	pool_free(&p);
}

/* Copies version `pei`'s rows of every table (and its row of pei) into
** temporary tables named `name`_TABLE. */
static int
snapshot(const char *name, long long pei)
{
	char sql[300];
	int rc;

	snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.%s_pei;"
	    " CREATE TEMP TABLE %s_pei AS SELECT * FROM pei WHERE id = %lld",
	    name, name, pei);
	rc = exec(sql);
	for (size_t i = 0; i < NTABELLE && rc == SQLITE_OK; i++) {
		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.%s_%s;"
		    " CREATE TEMP TABLE %s_%s AS SELECT * FROM %s WHERE pei_id"
		    " = %lld", name, tabelle[i].name, name, tabelle[i].name,
		    tabelle[i].name, pei);
		rc = exec(sql);
	}
	return rc == SQLITE_OK ? 0 : -1;
}

/* Rows in one of `now` and `then` but not in the other (ids included). */
static long long
difference(const char *now, const char *then)
{
	char sql[700];

	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM (%s EXCEPT %s))"
	    " + (SELECT count(*) FROM (%s EXCEPT %s))", now, then, then, now);
	return q_int(sql);
}

/* The tables (and pei, for the version's own row) where version `pei`
** is not as snapshot `name` took it: "" if none, else " pei_x pei_y". */
static const char *
changed(const char *name, long long pei)
{
	static char out[300];
	const size_t size = sizeof out;
	char now[120], then[120];

	snprintf(out, size, "%s", "");
	snprintf(now, sizeof now, "SELECT * FROM pei WHERE id = %lld", pei);
	snprintf(then, sizeof then, "SELECT * FROM %s_pei", name);
	if (difference(now, then) != 0)
		snprintf(out, size, "%s", " pei");
	for (size_t i = 0; i < NTABELLE; i++) {
		snprintf(now, sizeof now, "SELECT * FROM %s WHERE pei_id = %lld",
		    tabelle[i].name, pei);
		snprintf(then, sizeof then, "SELECT * FROM %s_%s", name,
		    tabelle[i].name);
		if (difference(now, then) != 0) {
			size_t n = strlen(out);

			snprintf(out + n, size - n, " %s", tabelle[i].name);
		}
	}
	return out;
}

/* A check of changed(): what differs is `want`; if not, what did. */
static void
changed_is(const char *name, long long pei, const char *want,
    const char *what)
{
	const char *got = changed(name, pei);

	if (!ok(strcmp(got, want) == 0, "%s", what))
		printf("# changed:%s\n", got);
}

/* A returned version keeps what was written in it, and goes again. */
static void
test_restituita(void)
{
	long long v = version_in(9, "inviata");
	const char *why;
	ok(v > 0 && snapshot("inviata", v) == 0,
	    "a submitted version with rows in every table");
	ok(pei_restituisci(&rita, v, "Manca il parere del minore.", &why) == 0
	    && strcmp(stato(v), "restituita") == 0,
	    "the responsabile returns it");
	changed_is("inviata", v, " pei", "the return changes only the "
	    "version's own row (state, comments): every row of every table is "
	    "as it was sent");
	ok(insert(tab("pei_familiari"), v, 4) == 0 &&
	    db_write(tab("pei_familiari")->remove,
	    ARGS(ARG_INT("pei", v))) == 0 && snapshot("restituita", v) == 0,
	    "the returned version is written again (a relative added, then "
	    "all removed)");
	ok(pei_invia(&anna, v, &why) == 0 && strcmp(stato(v), "inviata") == 0,
	    "and submitted again");
	changed_is("restituita", v, " pei", "submitting it again changes only "
	    "the version's own row: it goes with what it holds");
}

/* Nobody approves a version they wrote or submitted. */
static void
test_approvazione(void)
{
	const char *why;
	long long v = 0;
	long long eventi;

	ok(pei_apri(&rita, 10, &v, &why) == 0 && pei_invia(&rita, v, &why) == 0
	    && pei_approva(&rita, v, &why) == 1 && why &&
	    strstr(why, "scritto o inviato") && strcmp(stato(v), "inviata") == 0,
	    "the responsabile who wrote and submitted a version cannot "
	    "approve it");
	ok(pei_approva(&sara, v, &why) == 0 && strcmp(stato(v), "approvata") ==
	    0 && count("SELECT decisa_da FROM pei WHERE id = %lld", v) == 104,
	    "another responsabile approves it");

	ok(pei_apri(&rita, 11, &v, &why) == 0 && pei_invia(&anna, v, &why) == 0
	    && (eventi = count("SELECT count(*) FROM pei_eventi WHERE pei_id ="
	    " %lld", v)) == 2 && pei_approva(&rita, v, &why) == 1 &&
	    strcmp(stato(v), "inviata") == 0 && count("SELECT count(*) FROM"
	    " pei_eventi WHERE pei_id = %lld", v) == eventi,
	    "the responsabile who wrote it cannot approve it when a case "
	    "worker submitted it (nothing is recorded)");
	ok(pei_restituisci(&sara, v, "Aggiungi gli obiettivi.", &why) == 0 &&
	    pei_invia(&bruno, v, &why) == 0 && pei_approva(&rita, v, &why) ==
	    1 && strcmp(stato(v), "inviata") == 0,
	    "nor after it was returned and submitted again by someone else");
	ok(pei_approva(&sara, v, &why) == 0 && strcmp(stato(v), "approvata") ==
	    0, "the responsabile who returned it approves it");

	ok(pei_apri(&anna, 12, &v, &why) == 0 && pei_invia(&rita, v, &why) == 0
	    && pei_approva(&rita, v, &why) == 1 && strcmp(stato(v), "inviata")
	    == 0, "the responsabile who submitted a case worker's version "
	    "cannot approve it");
	ok(pei_approva(&sara, v, &why) == 0 && strcmp(stato(v), "approvata") ==
	    0, "another responsabile can");
}

/* Columns compared between two versions' rows: all but the row's and the
** version's ids (an action's objective is compared by its chiave). */
static int
compared(const char *column)
{
	return strcmp(column, "id") != 0 && strcmp(column, "pei_id") != 0 &&
	    strcmp(column, "obiettivo_id") != 0;
}

/*
** Rows of version `from` in table `t` without a row of version `to` of
** the same key and the same value, column by column; the columns that
** differ are listed in `out`, the columns compared counted in *ncols.
*/
static int
columns_differ(const struct tabella *t, long long from, long long to,
    int *ncols, char *out, size_t size)
{
	sqlite3_stmt *st;
	char sql[600], key[80] = "";
	int differ = 0;

	*ncols = 0;
	snprintf(out, size, "%s", "");
	if (t->key)
		snprintf(key, sizeof key, " AND b.%s = a.%s", t->key, t->key);
	if (sqlite3_prepare_v2(db_handle(), "SELECT name FROM"
	    " pragma_table_info(?1) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);

		if (!compared(c))
			continue;
		++*ncols;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s a WHERE"
		    " a.pei_id = %lld AND NOT EXISTS (SELECT 1 FROM %s b WHERE"
		    " b.pei_id = %lld%s AND b.%s IS a.%s)", t->name, from,
		    t->name, to, key, c, c);
		if (q_int(sql) != 0) {
			size_t n = strlen(out);

			differ++;
			snprintf(out + n, size - n, " %s", c);
		}
	}
	sqlite3_finalize(st);
	return differ;
}

static const char SQL_AZIONI_SEGUONO[] =
    "SELECT count(*) FROM pei_azioni b"
    " JOIN pei_obiettivi nb ON nb.id = b.obiettivo_id"
    " JOIN pei_azioni a ON a.pei_id = :from AND a.chiave = b.chiave"
    " JOIN pei_obiettivi na ON na.id = a.obiettivo_id"
    " WHERE b.pei_id = :to AND nb.pei_id = :to AND nb.chiave = na.chiave";
static const char SQL_AZIONI[] =
    "SELECT count(*) FROM pei_azioni WHERE pei_id = :pei";

/* The points of version `to` being a copy of version `from`. */
static void
copied(long long from, long long to, const char *what)
{
	char diff[300], sql[300];

	for (size_t i = 0; i < NTABELLE; i++) {
		const struct tabella *t = &tabelle[i];
		long long n = rows(t, from), m = rows(t, to);
		int ncols = 0, differ = columns_differ(t, from, to, &ncols, diff,
		    sizeof diff);

		if (!ok(n > 0 && m == n && differ == 0 && ncols > 0,
		    "%s: %s has the same rows (%lld), the same in each of its %d "
		    "columns", what, t->name, n, ncols))
			printf("# %lld rows; columns that differ:%s\n", m, diff);
		if (t->key == NULL || strcmp(t->key, "chiave") != 0)
			continue;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s b WHERE"
		    " b.pei_id = %lld AND b.chiave IN (SELECT chiave FROM %s"
		    " WHERE pei_id = %lld) AND b.id NOT IN (SELECT id FROM %s"
		    " WHERE pei_id = %lld)", t->name, to, t->name, from, t->name,
		    from);
		ok(q_int(sql) == n, "%s: %s's rows are new rows that keep their "
		    "chiave", what, t->name);
	}
	ok(db_value(SQL_AZIONI_SEGUONO, ARGS(ARG_INT("from", from),
	    ARG_INT("to", to)), -1) == db_value(SQL_AZIONI, ARGS(ARG_INT("pei",
	    from)), 0) && db_value(SQL_AZIONI, ARGS(ARG_INT("pei", from)), 0) >
	    0, "%s: each action is under the new version's objective with the "
	    "chiave of the one it was under", what);
}

static const char SQL_VULNERABILITA[] =
    "SELECT count(*) FROM pei_vulnerabilita WHERE pei_id = :pei AND"
    " esito = 'sospetto' AND indicatori = 'g_debito,g_paura'";
static const char SQL_DA[] = "SELECT da_versione FROM pei WHERE id = :pei";
static const char SQL_TOGLI_FAMILIARE[] =
    "DELETE FROM pei_familiari WHERE id = (SELECT min(id) FROM pei_familiari"
    " WHERE pei_id = :pei)";
static const char SQL_TOGLI_AZIONE[] =
    "DELETE FROM pei_azioni WHERE id = (SELECT min(id) FROM pei_azioni"
    " WHERE pei_id = :pei)";

/*
** A new version after approval copies every section of the approved
** one (pei_apri() through sezione_copy() and vulnerabilita_copy()); the
** approved version does not change, then or when the copy is edited.
*/
static void
test_copia(void)
{
	long long v1 = version_in(14, "approvata"), v2 = 0, v3 = 0;
	const char *why;
	int edited = 1;

	ok(v1 > 0 && snapshot("v1", v1) == 0, "an approved version with rows "
	    "in every table");
	ok(pei_apri(&anna, 14, &v2, &why) == 0 && db_value(SQL_DA,
	    ARGS(ARG_INT("pei", v2)), 0) == v1 && strcmp(stato(v2), "bozza") ==
	    0, "a new draft from it");
	copied(v1, v2, "version 2");
	ok(db_value(SQL_VULNERABILITA, ARGS(ARG_INT("pei", v2)), -1) == 3,
	    "the vulnerabilities are copied, with their trafficking "
	    "indicators");
	changed_is("v1", v1, "", "the approved version is as it was");

	/* The draft changes: every table, a row removed, rows added. */
	for (size_t i = 0; i < NTABELLE; i++)
		edited &= db_write(tabelle[i].update, ARGS(ARG_INT("pei", v2),
		    ARG_TEXT("v", "rivisto"))) == 0;
	edited &= db_write(SQL_TOGLI_FAMILIARE, ARGS(ARG_INT("pei", v2))) == 0 &&
	    db_write(SQL_TOGLI_AZIONE, ARGS(ARG_INT("pei", v2))) == 0 &&
	    insert(tab("pei_familiari"), v2, 4) == 0 &&
	    insert(tab("pei_obiettivi"), v2, 4) == 0 &&
	    insert(tab("pei_azioni"), v2, 4) == 0;
	ok(edited, "the new draft is edited: every table changed, a relative "
	    "and an action removed, a relative, an objective and an action "
	    "added");
	changed_is("v1", v1, "", "editing the draft leaves the approved "
	    "version as it was");

	/* A copy of a copy: the keys of the first version stay. */
	ok(pei_invia(&anna, v2, &why) == 0 && pei_approva(&sara, v2, &why) ==
	    0 && pei_apri(&bruno, 14, &v3, &why) == 0 && db_value(SQL_DA,
	    ARGS(ARG_INT("pei", v3)), 0) == v2,
	    "version 2 approved, version 3 opened from it");
	copied(v2, v3, "version 3");
	changed_is("v1", v1, "", "version 1 is still as it was approved");
}

/* Only those who write a PEI open and submit it; only a responsabile
** approves or returns it. */
static void
test_permessi(void)
{
	struct request *nessuno[] = { &casa, &franca, &carlo, &ada };
	struct request *operatori[] = { &anna, &bruno };
	const struct { const struct perm *p; unsigned roles; } matrix[] = {
		{ &pei_lettura, ROLE(RESPONSABILE) | ROLE(OPERATORE) |
		  ROLE(STRUTTURA) },
		{ &pei_scrittura, ROLE(RESPONSABILE) | ROLE(OPERATORE) },
		{ &pei_approvazione, ROLE(RESPONSABILE) },
	};
	const char *why;
	long long v = 0, versions = q_int("SELECT count(*) FROM pei");

	for (size_t i = 0; i < COUNT(matrix); i++)
		for (int r = 0; r < ROLE__MAX; r++)
			ok(role_can((enum role)r, matrix[i].p) ==
			    (int)((matrix[i].roles >> r) & 1), "%s: the role %s %s",
			    matrix[i].p->name, role_label((enum role)r),
			    (matrix[i].roles >> r) & 1 ? "has it" : "has it not");
	for (size_t i = 0; i < COUNT(nessuno); i++) {
		long long id = 0;

		why = NULL;
		ok(pei_apri(nessuno[i], 15, &id, &why) == 1 && why && id == 0 &&
		    q_int("SELECT count(*) FROM pei") == versions,
		    "%s (%s) cannot open a PEI", nessuno[i]->user.username,
		    role_label(nessuno[i]->user.role));
	}
	ok(pei_apri(&anna, 15, &v, &why) == 0, "a case worker opens it");
	for (size_t i = 0; i < COUNT(nessuno); i++) {
		why = NULL;
		ok(pei_invia(nessuno[i], v, &why) == 1 && why &&
		    strcmp(stato(v), "bozza") == 0, "%s (%s) cannot submit it",
		    nessuno[i]->user.username, role_label(nessuno[i]->user.role));
	}
	ok(pei_invia(&anna, v, &why) == 0, "the case worker submits it");
	for (size_t i = 0; i < COUNT(nessuno) + COUNT(operatori); i++) {
		struct request *u = i < COUNT(nessuno) ? nessuno[i] :
		    operatori[i - COUNT(nessuno)];

		ok(pei_approva(u, v, &why) == 1 && why && strstr(why,
		    "responsabile") && pei_restituisci(u, v, "Manca il parere.",
		    &why) == 1 && strcmp(stato(v), "inviata") == 0 &&
		    count("SELECT count(*) FROM pei_eventi WHERE pei_id = %lld",
		    v) == 2, "%s (%s) can neither approve nor return it",
		    u->user.username, role_label(u->user.role));
	}
}

int
main(void)
{
	ok(testdb_create(dir, dbpath, sizeof dbpath) == 0,
	    "db: temporary database migrated");
	ok(exec("INSERT INTO strutture (id, nome, tipo) VALUES (1, 'Casa Prova', 'sai')")
	    == SQLITE_OK && exec("INSERT INTO utenti (id, username, nome,"
	    " ruolo, struttura_id, password_hash)"
	    " VALUES (101, 'anna', 'Anna', 'operatore', NULL, 'x'),"
	    " (102, 'bruno', 'Bruno', 'operatore', NULL, 'x'),"
	    " (103, 'rita', 'Rita', 'responsabile', NULL, 'x'),"
	    " (104, 'sara', 'Sara', 'responsabile', NULL, 'x'),"
	    " (105, 'casa', 'Casa', 'struttura', 1, 'x'),"
	    " (106, 'franca', 'Franca', 'formazione', NULL, 'x'),"
	    " (107, 'carlo', 'Carlo', 'comunicazione', NULL, 'x'),"
	    " (108, 'ada', 'Ada', 'amministratore', NULL, 'x')") == SQLITE_OK &&
	    exec("INSERT INTO minori (id, numero, cognome, nome, sesso,"
	    " data_nascita, cittadinanza, data_rintraccio, modalita_rintraccio,"
	    " data_403, data_presa_in_carico, data_stato) VALUES"
	    " (1, 'MSNA-2026-00001', 'Diallo', 'Alpha', 'M', '2009-02-28',"
	    " 'Guinea', '2025-10-01', 'rintraccio_territorio', '2025-10-01',"
	    " '2025-10-02', '2025-10-02'),"
	    " (2, 'MSNA-2026-00002', 'Tesfay', 'Selam', 'F', '2008-02-29',"
	    " 'Eritrea', '2025-11-03', 'rintraccio_territorio', '2025-11-03',"
	    " '2025-11-04', '2025-11-04')") == SQLITE_OK &&
	    exec("WITH RECURSIVE n(id) AS (SELECT 3 UNION ALL SELECT id + 1"
	    " FROM n WHERE id < 18) INSERT INTO minori (id, numero, cognome,"
	    " nome, sesso, data_nascita, cittadinanza, data_rintraccio,"
	    " modalita_rintraccio, data_presa_in_carico, data_stato)"
	    " SELECT id, printf('MSNA-2026-%05d', id), 'Camara', 'Minore ' ||"
	    " id, 'M', '2009-05-10', 'Mali', '2025-10-01', 'sbarco',"
	    " '2025-10-02', '2025-10-02' FROM n") == SQLITE_OK,
	    "db: a facility, eight users, eighteen minors");
	anna = testdb_as(101, ROLE_OPERATORE, "anna");
	bruno = testdb_as(102, ROLE_OPERATORE, "bruno");
	rita = testdb_as(103, ROLE_RESPONSABILE, "rita");
	sara = testdb_as(104, ROLE_RESPONSABILE, "sara");
	casa = testdb_as(105, ROLE_STRUTTURA, "casa");
	casa.user.struttura_id = 1;
	franca = testdb_as(106, ROLE_FORMAZIONE, "franca");
	carlo = testdb_as(107, ROLE_COMUNICAZIONE, "carlo");
	ada = testdb_as(108, ROLE_AMMINISTRATORE, "ada");
	test_workflow();
	test_tabelle();
	test_protezione();
	test_spostamenti();
	test_replace();
	test_confronto();
	test_restituita();
	test_approvazione();
	test_copia();
	test_permessi();
	pool_free(&anna.pool);
	pool_free(&bruno.pool);
	pool_free(&rita.pool);
	pool_free(&sara.pool);
	pool_free(&casa.pool);
	pool_free(&franca.pool);
	pool_free(&carlo.pool);
	pool_free(&ada.pool);
	pei_pdf_close();
	testdb_remove(dir, dbpath);
	return done_testing();
}
