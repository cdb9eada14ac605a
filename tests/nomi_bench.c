/*
** The duplicate check's speed, for tests/nomi.sh (by hand, not in CI).
**
**   nomi_bench DB none|analyze CALLS
**
** Opens a database of synthetic cases, rewrites every case's name keys
** (the rules may have changed since it was loaded), drops or makes the
** planner's statistics, prints the candidate query's plan, then times
** CALLS duplicate checks (minore_simili(), the intake's own query, in a
** write transaction as at intake) for the names, birth dates and
** citizenships of cases already there, as a second intake of the same
** minor would ask. Prints "median_ms p99_ms mean_candidates".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interno.h"

static const char SQL_CASE[] =
    "SELECT cognome, nome, data_nascita, cittadinanza FROM minori"
    " WHERE id = :id";
static const char SQL_MAX[] = "SELECT max(id) FROM minori";

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Every case's keys by the rules of this build. */
static int
reindex(void)
{
	if (db_begin_write() != 0 || nome_reindex() < 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/* The plan of the intake's candidate query, as SQLite would run it. */
static void
plan(void)
{
	struct stmt *st = minore_simili("Mohamed", "Ahmed", "2008-01-01",
	    "Egitto");
	sqlite3_stmt *s, *p;
	char eqp[4000];

	for (s = sqlite3_next_stmt(db_handle(), NULL); s;
	    s = sqlite3_next_stmt(db_handle(), s)) {
		if (strstr(sqlite3_sql(s), "CROSS JOIN minori m") == NULL)
			continue;
		snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sqlite3_sql(s));
		if (sqlite3_prepare_v2(db_handle(), eqp, -1, &p, NULL) != SQLITE_OK)
			break;
		while (sqlite3_step(p) == SQLITE_ROW)
			printf("plan: %s\n", sqlite3_column_text(p, 3));
		sqlite3_finalize(p);
		break;
	}
	if (st)
		db_done(st);
}

int
main(int argc, char **argv)
{
	unsigned long long rng = 88172645463325252ULL;
	long long max, candidates = 0;
	double *ms;
	int calls;

	if (argc != 4 || (calls = atoi(argv[3])) <= 0 ||
	    (strcmp(argv[2], "none") != 0 && strcmp(argv[2], "analyze") != 0)) {
		fprintf(stderr, "usage: nomi_bench DB none|analyze CALLS\n");
		return 2;
	}
	if (db_open(argv[1]) != 0 || reindex() != 0)
		return 1;
	if (strcmp(argv[2], "analyze") == 0)
		sqlite3_exec(db_handle(), "ANALYZE", NULL, NULL, NULL);
	else
		sqlite3_exec(db_handle(), "DROP TABLE IF EXISTS sqlite_stat1;"
		    "DROP TABLE IF EXISTS sqlite_stat4", NULL, NULL, NULL);
	plan();
	max = db_value(SQL_MAX, NO_ARGS, 0);
	ms = xmalloc((size_t)calls * sizeof *ms);
	/* A first round untimed: the pages in the cache, as in a worker. */
	for (int i = -calls / 4; i < calls; i++) {
		struct pool pool = { 0 };
		struct row c;
		struct stmt *st;
		double t;

		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		if (max <= 0 || db_row(&pool, SQL_CASE, ARGS(ARG_INT("id",
		    1 + (long long)(rng % (unsigned long long)max))), &c) != 1) {
			pool_free(&pool);
			if (i >= 0)
				ms[i] = 0;
			continue;
		}
		db_begin_write();
		t = now_ms();
		st = minore_simili(row_get(&c, "cognome"), row_get(&c, "nome"),
		    row_get(&c, "data_nascita"), row_get(&c, "cittadinanza"));
		while (st && db_step(st) == SQLITE_ROW)
			candidates += i >= 0;
		if (st)
			db_done(st);
		if (i >= 0)
			ms[i] = now_ms() - t;
		db_rollback();
		pool_free(&pool);
	}
	qsort(ms, (size_t)calls, sizeof *ms, cmp);
	printf("%.3f %.3f %.1f\n", ms[calls / 2], ms[calls * 99 / 100],
	    (double)candidates / calls);
	free(ms);
	/* No db_close(): its PRAGMA optimize could make statistics. */
	return 0;
}
