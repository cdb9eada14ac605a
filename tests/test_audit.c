/*
** Unit tests for the view rows a busy worker keeps (lib/core/audit.c):
** kept while the next request waits, committed together when nobody
** waits, after 32 rows or 100 ms, or inside a change's transaction; each
** with the time it was served, all in one verifiable chain.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "db.h"
#include "settings.h"
#include "testdb.h"
#include "tap.h"

static char dir[] = "/tmp/approdo-test-audit-XXXXXX", dbpath[600];
static int waiting;

static int
busy(void)
{
	return waiting;
}

static long long
views(void)
{
	return q_int("SELECT count(*) FROM audit WHERE azione = 'view'");
}

static void
test_deferred(void)
{
	struct request r;
	long long rows, legacy, before;
	struct timespec pause = { .tv_nsec = 120 * 1000 * 1000 };
	struct timespec later = { .tv_sec = 2, .tv_nsec = 100 * 1000 * 1000 };
	time_t served;
	char sql[256];

	memset(&r, 0, sizeof r);
	r.user.id = 0;
	r.user.username = "anna";
	r.remote_addr = "192.0.2.7";

	/* Nobody waiting: written at once, as before. */
	audit_defer_when(busy);
	before = views();
	ok(audit_view(&r, "minore", 1, NULL) == 0 && views() == before + 1 &&
	    audit_deferred() == 0, "idle: the view row is written at once");

	/* The next request waiting: kept, then written together. */
	waiting = 1;
	before = views();
	for (int i = 0; i < 5; i++)
		audit_view(&r, "minore", 10 + i, "stato");
	ok(views() == before && audit_deferred() == 5,
	    "busy: five views kept, none written yet");
	ok(audit_flush() == 0 && views() == before + 5 && audit_deferred() == 0,
	    "flush: the five rows written in one transaction");
	ok(q_int("SELECT count(*) FROM audit WHERE azione = 'view' AND"
	    " entita = 'minore' AND entita_id BETWEEN 10 AND 14 AND"
	    " dettaglio = 'stato' AND username = 'anna' AND"
	    " indirizzo = '192.0.2.7'") == 5,
	    "flush: each row keeps its case, detail, user and address");

	/* At most 32 kept: the 33rd writes them all. */
	before = views();
	for (int i = 0; i < 33; i++)
		audit_view(&r, "minore", 100 + i, NULL);
	ok(views() == before + 33 && audit_deferred() == 0,
	    "32 kept at most: the 33rd view writes all 33");

	/* At most 100 ms: a later view writes the kept ones with it. */
	before = views();
	audit_view(&r, "minore", 200, NULL);
	nanosleep(&pause, NULL);
	audit_view(&r, "minore", 201, NULL);
	ok(views() == before + 2 && audit_deferred() == 0,
	    "100 ms at most: the view after them writes both");

	/* Requests that write no view row do not hold them (the worker loop). */
	before = views();
	audit_view(&r, "minore", 250, NULL);
	ok(audit_flush_due(0) == 0 && audit_deferred() == 1,
	    "due: still busy and young, kept");
	nanosleep(&pause, NULL);
	ok(audit_flush_due(0) == 0 && audit_deferred() == 0 &&
	    views() == before + 1, "due: busy but 100 ms old, written");
	audit_view(&r, "minore", 251, NULL);
	ok(audit_flush_due(1) == 0 && audit_deferred() == 0 &&
	    views() == before + 2, "due: nobody waiting, written at once");

	/* Inside a transaction (a change): written in it, not kept. */
	before = views();
	ok(db_begin_write() == 0 && audit_view(&r, "minore", 300, NULL) == 0 &&
	    db_commit() == 0 && views() == before + 1 && audit_deferred() == 0,
	    "in a transaction: the view row joins it");

	/* Kept rows carry the time they were served, not the flush's. */
	served = time(NULL);
	audit_view(&r, "minore", 400, NULL);
	nanosleep(&later, NULL);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE"
	    " entita_id = 400 AND strftime('%%s', quando) + 0 BETWEEN %lld AND"
	    " %lld", (long long)served, (long long)served + 1);
	ok(audit_flush() == 0 && q_int(sql) == 1,
	    "a row kept 2.1 s has the time it was served");
	waiting = 0;

	ok(audit_verify(&r.pool, &rows, &legacy) == 0 && rows > 40,
	    "chain: every row, kept or not, verifies (%lld rows)", rows);
	pool_free(&r.pool);
}

int
main(void)
{
	ok(testdb_create(dir, dbpath, sizeof dbpath) == 0,
	    "db: temporary database migrated");
	test_deferred();
	testdb_remove(dir, dbpath);
	return done_testing();
}
