/*
** Unit tests for the PEI's versions (lib/pei/versione.c): the workflow
** draft -> submitted -> approved or returned, who may take each step,
** nobody approving their own PEI, a return keeping the draft, an
** approved version that never changes, the history and the audit rows.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "pei.h"
#include "settings.h"
#include "testdb.h"
#include "tap.h"

static char dir[] = "/tmp/approdo-test-pei-XXXXXX", dbpath[600];

/* A user of `role` with id `id` (made in the database by main()). */
static struct request
as(long long id, enum role role, const char *username)
{
	struct request r;

	memset(&r, 0, sizeof r);
	r.user.id = id;
	r.user.role = role;
	r.user.username = username;
	r.remote_addr = "192.0.2.9";
	return r;
}

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
	struct request anna = as(101, ROLE_OPERATORE, "anna"),
	    bruno = as(102, ROLE_OPERATORE, "bruno"),
	    rita = as(103, ROLE_RESPONSABILE, "rita"),
	    sara = as(104, ROLE_RESPONSABILE, "sara"),
	    casa = as(105, ROLE_STRUTTURA, "casa");
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

	pool_free(&anna.pool);
	pool_free(&bruno.pool);
	pool_free(&rita.pool);
	pool_free(&sara.pool);
	pool_free(&casa.pool);
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
	    " (105, 'casa', 'Casa', 'struttura', 1, 'x')") == SQLITE_OK &&
	    exec("INSERT INTO minori (id, numero, cognome, nome, sesso,"
	    " data_nascita, cittadinanza, data_rintraccio, modalita_rintraccio,"
	    " data_403, data_presa_in_carico, data_stato) VALUES"
	    " (1, 'MSNA-2026-00001', 'Diallo', 'Alpha', 'M', '2009-02-28',"
	    " 'Guinea', '2025-10-01', 'rintraccio_territorio', '2025-10-01',"
	    " '2025-10-02', '2025-10-02'),"
	    " (2, 'MSNA-2026-00002', 'Tesfay', 'Selam', 'F', '2008-02-29',"
	    " 'Eritrea', '2025-11-03', 'rintraccio_territorio', '2025-11-03',"
	    " '2025-11-04', '2025-11-04')") == SQLITE_OK,
	    "db: a facility, five users, two minors");
	test_workflow();
	testdb_remove(dir, dbpath);
	return done_testing();
}
