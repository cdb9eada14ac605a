/*
** The database layer. Statements are cached by the address of their
** static SQL text, so each is compiled once per process. Every write
** runs inside db_begin_write() ... db_commit(); any failure rolls back.
*/
#include <dirent.h>
#include <sched.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

static sqlite3 *db;

/*
** Waits for another process's write transaction. SQLite's own timeout
** sleeps a millisecond or more at a time; our writes last microseconds,
** so yield first, then sleep briefly, and give up after about 5 s.
*/
static int
busy_wait(void *ctx, int count)
{
	(void)ctx;
	if (count < 200) {
		sched_yield();
		return 1;
	}
	if (count < 200 + 5000) {
		usleep(1000);
		return 1;
	}
	return 0;
}

#define STMT_CACHE 512
static struct {
	const char *sql;
	sqlite3_stmt *stmt;
} cache[STMT_CACHE];

/* Opens the database with the settings every connection must have. */
int
db_open(const char *path)
{
	static const char pragmas[] =
	    "PRAGMA journal_mode=WAL;"
	    "PRAGMA synchronous=NORMAL;"
	    "PRAGMA foreign_keys=ON;"
	    "PRAGMA trusted_schema=OFF;"
	    "PRAGMA cache_size=-4000;"
	    "PRAGMA wal_autocheckpoint=10000;";

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		log_error("cannot open database: %s", sqlite3_errmsg(db));
		sqlite3_close(db);
		db = NULL;
		return -1;
	}
	sqlite3_busy_handler(db, busy_wait, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (sqlite3_exec(db, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		log_error("cannot configure database: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

void
db_close(void)
{
	for (size_t i = 0; i < STMT_CACHE; i++) {
		sqlite3_finalize(cache[i].stmt);
		cache[i].sql = NULL;
		cache[i].stmt = NULL;
	}
	sqlite3_close(db);
	db = NULL;
}

sqlite3 *
db_handle(void)
{
	return db;
}

/*
** Returns the prepared statement for `sql`, which must be a string with
** static storage: its address is the cache key. Aborts the request (via
** NULL and a log line) on a statement that does not compile: a bug.
*/
sqlite3_stmt *
db_prepare(const char *sql)
{
	size_t h = ((size_t)(uintptr_t)sql >> 3) % STMT_CACHE;

	for (size_t k = 0; k < STMT_CACHE; k++) {
		size_t i = (h + k) % STMT_CACHE;

		if (cache[i].sql == sql)
			return cache[i].stmt;
		if (cache[i].sql == NULL) {
			if (sqlite3_prepare_v3(db, sql, -1,
			    SQLITE_PREPARE_PERSISTENT, &cache[i].stmt,
			    NULL) != SQLITE_OK) {
				log_error("prepare failed: %s: %.60s",
				    sqlite3_errmsg(db), sql);
				abort();
			}
			cache[i].sql = sql;
			return cache[i].stmt;
		}
	}
	log_error("statement cache full");
	abort();
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_int(sqlite3_stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st, i, v);
}

void
db_bind_null(sqlite3_stmt *st, int i)
{
	sqlite3_bind_null(st, i);
}

/* Steps; returns SQLITE_ROW, SQLITE_DONE or an error (already logged). */
int
db_step(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		log_error("sql step failed (%d): %s", rc, sqlite3_errmsg(db));
	return rc;
}

/* Resets a statement after use so it can be run again. */
void
db_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

const char *
db_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s ? (const char *)s : "";
}

long long
db_int(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, col);
}

int
db_is_null(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL;
}

/* Runs a statement that returns no rows, with one optional integer. */
int
db_exec(const char *sql, long long bind1)
{
	sqlite3_stmt *st = db_prepare(sql);
	int rc;

	if (sqlite3_bind_parameter_count(st) > 0)
		db_bind_int(st, 1, bind1);
	rc = db_step(st);
	db_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";

int
db_begin_write(void)
{
	return db_exec(SQL_BEGIN, 0);
}

int
db_commit(void)
{
	if (db_exec(SQL_COMMIT, 0) != 0) {
		db_rollback();
		return -1;
	}
	return 0;
}

void
db_rollback(void)
{
	if (!sqlite3_get_autocommit(db))
		db_exec(SQL_ROLLBACK, 0);
}

int
db_in_transaction(void)
{
	return db && !sqlite3_get_autocommit(db);
}

long long
db_last_id(void)
{
	return sqlite3_last_insert_rowid(db);
}

int
db_changes(void)
{
	return sqlite3_changes(db);
}

static int
migration_name_ok(const char *n)
{
	size_t len = strlen(n);

	return len > 8 && n[0] >= '0' && n[0] <= '9' && n[1] >= '0' &&
	    n[1] <= '9' && n[2] >= '0' && n[2] <= '9' && n[3] == '_' &&
	    strcmp(n + len - 4, ".sql") == 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (b.p == NULL)
		buf_add(&b, "", 0);
	return b.p;
}

static const char SQL_MIGRATIONS_TABLE[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now'))"
    ") STRICT";
static const char SQL_MIGRATION_DONE[] =
    "SELECT 1 FROM schema_migrations WHERE version = ?";
static const char SQL_MIGRATION_RECORD[] =
    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)";

/*
** Applies, in order, each sql/NNN_name.sql not yet recorded in
** schema_migrations; each in its own transaction with its record, so a
** failing migration leaves the database as it was. Returns the number
** applied, or -1.
*/
int
db_migrate(const char *dir, int verbose)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int applied = 0;

	if (d == NULL) {
		log_error("cannot open migrations directory %s", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!migration_name_ok(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);

	if (db_exec(SQL_MIGRATIONS_TABLE, 0) != 0)
		applied = -1;
	for (size_t i = 0; i < n && applied >= 0; i++) {
		long long version = atoll(names[i]);
		sqlite3_stmt *st;
		char path[4096], *sql, *err = NULL;
		int done;

		st = db_prepare(SQL_MIGRATION_DONE);
		db_bind_int(st, 1, version);
		done = db_step(st) == SQLITE_ROW;
		db_done(st);
		if (done)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if ((sql = read_file(path)) == NULL) {
			log_error("cannot read %s", path);
			applied = -1;
			break;
		}
		if (db_begin_write() != 0) {
			free(sql);
			applied = -1;
			break;
		}
		/* Migration files are trusted text shipped with the program. */
		if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
			log_error("migration %s failed: %s", names[i], err);
			sqlite3_free(err);
			db_rollback();
			free(sql);
			applied = -1;
			break;
		}
		free(sql);
		st = db_prepare(SQL_MIGRATION_RECORD);
		db_bind_int(st, 1, version);
		db_bind_text(st, 2, names[i]);
		done = db_step(st) == SQLITE_DONE;
		db_done(st);
		if (!done || db_commit() != 0) {
			db_rollback();
			applied = -1;
			break;
		}
		if (verbose)
			printf("applicata %s\n", names[i]);
		applied++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return applied;
}
