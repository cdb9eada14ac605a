/*
** The database layer. Statements are cached by the address of their
** static SQL text, so each is compiled once per process. Parameters are
** bound by name; db_step() refuses a statement with a parameter nobody
** bound, and any failed statement marks the open transaction so that it
** cannot be committed.
*/
#include <dirent.h>
#include <sched.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

static sqlite3 *db;
static int tx_failed;		/* a statement failed in the open transaction */
static unsigned long commits;	/* see db_commits() */
static int full;		/* the connection is at synchronous=FULL */

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

/* A cached statement and which of its parameters this use has bound. */
struct stmt {
	const char *sql;
	sqlite3_stmt *st;
	int nparams;
	uint64_t bound;
	int checked;		/* bindings checked since the last reset */
	int bad;		/* a value was bound to a name it does not have */
	int ncols;
	char **cols;		/* the column names, copied once */
};

#define STMT_CACHE 512
#define PARAMS_MAX 64
static struct stmt cache[STMT_CACHE];

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
	static int configured;

	/*
	** Every program is one thread per process: no mutexes, and no
	** memory statistics (each allocation would take a mutex for them).
	** Only possible before SQLite's first use; later calls are refused.
	*/
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = 1;
	}
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
	tx_failed = 0;
	full = 0;		/* as the pragmas above set it */
	return 0;
}

static const char SQL_OPTIMIZE[] =
    "PRAGMA analysis_limit = 400; PRAGMA optimize";

/*
** Refreshes the planner's statistics where this connection's queries
** would gain from it (cheap when nothing is needed); run now and then by
** the workers and when a connection closes.
*/
void
db_optimize(void)
{
	if (db && !db_in_transaction())
		sqlite3_exec(db, SQL_OPTIMIZE, NULL, NULL, NULL);
}

void
db_close(void)
{
	db_optimize();
	for (size_t i = 0; i < STMT_CACHE; i++) {
		sqlite3_finalize(cache[i].st);
		for (int k = 0; k < cache[i].ncols; k++)
			free(cache[i].cols[k]);
		free(cache[i].cols);
		memset(&cache[i], 0, sizeof cache[i]);
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
** static storage: its address is the cache key. A statement that does not
** compile, or has a positional parameter, is a bug: logged, then abort.
*/
struct stmt *
db_prepare(const char *sql)
{
	size_t h = ((size_t)(uintptr_t)sql >> 3) % STMT_CACHE;

	for (size_t k = 0; k < STMT_CACHE; k++) {
		struct stmt *s = &cache[(h + k) % STMT_CACHE];

		if (s->sql == sql)
			return s;
		if (s->sql != NULL)
			continue;
		if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT,
		    &s->st, NULL) != SQLITE_OK) {
			log_error("prepare failed: %s: %.60s",
			    sqlite3_errmsg(db), sql);
			abort();
		}
		s->nparams = sqlite3_bind_parameter_count(s->st);
		s->ncols = sqlite3_column_count(s->st);
		s->cols = xmalloc((size_t)s->ncols * sizeof(*s->cols) + 1);
		for (int i = 0; i < s->ncols; i++)
			s->cols[i] = xstrdup(sqlite3_column_name(s->st, i));
		for (int i = 1; i <= s->nparams; i++) {
			const char *n = sqlite3_bind_parameter_name(s->st, i);

			if (n == NULL || n[0] != ':' || i > PARAMS_MAX) {
				log_error("statement parameters must be named "
				    "(:name), at most %d: %.60s", PARAMS_MAX, sql);
				abort();
			}
		}
		s->sql = sql;
		return s;
	}
	log_error("statement cache full");
	abort();
}

/* The index of :name in the statement, or 0 (logged: a bug). */
static int
param_index(struct stmt *s, const char *name)
{
	char key[72];
	int i;

	snprintf(key, sizeof key, ":%s", name);
	i = sqlite3_bind_parameter_index(s->st, key);
	if (i == 0) {
		log_error("statement has no parameter %s: %.60s", key, s->sql);
		s->bad = 1;
	}
	return i;
}

static void
mark(struct stmt *s, int i)
{
	if (i > 0)
		s->bound |= 1ULL << (i - 1);
}

void
db_bind_text(struct stmt *s, const char *name, const char *v)
{
	int i = param_index(s, name);

	if (i == 0)
		return;
	if (v == NULL)
		sqlite3_bind_null(s->st, i);
	else
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
	mark(s, i);
}

void
db_bind_int(struct stmt *s, const char *name, long long v)
{
	int i = param_index(s, name);

	if (i == 0)
		return;
	sqlite3_bind_int64(s->st, i, v);
	mark(s, i);
}

void
db_bind_null(struct stmt *s, const char *name)
{
	db_bind_text(s, name, NULL);
}

void
db_bind_blob(struct stmt *s, const char *name, const void *p, size_t n)
{
	int i = param_index(s, name);

	if (i == 0)
		return;
	sqlite3_bind_blob(s->st, i, p, (int)n, SQLITE_TRANSIENT);
	mark(s, i);
}

int
db_param_count(struct stmt *s)
{
	return s->nparams;
}

/* 1 if the statement has the parameter :name. */
int
db_has_param(struct stmt *s, const char *name)
{
	char key[72];

	snprintf(key, sizeof key, ":%s", name);
	return sqlite3_bind_parameter_index(s->st, key) > 0;
}

const char *
db_param_name(struct stmt *s, int i)
{
	const char *n = sqlite3_bind_parameter_name(s->st, i);

	return n ? n + 1 : "";
}

/* Fails the statement (and the transaction it belongs to). */
static int
failed(struct stmt *s, const char *why)
{
	log_error("sql %s: %.60s", why, s->sql);
	if (db_in_transaction())
		tx_failed = 1;
	return -1;
}

/*
** Steps; returns SQLITE_ROW, SQLITE_DONE, or -1 after logging. A
** parameter left unbound is an error, not a silent NULL. Inside a failed
** transaction nothing more runs.
*/
int
db_step(struct stmt *s)
{
	int rc;

	if (!s->checked) {
		uint64_t all = s->nparams == 0 ? 0 :
		    (~0ULL >> (64 - s->nparams));

		if (s->bad)
			return failed(s, "bound to a parameter it does not have");
		if ((s->bound & all) != all) {
			for (int i = 1; i <= s->nparams; i++)
				if (!(s->bound & (1ULL << (i - 1))))
					log_error("unbound parameter %s",
					    sqlite3_bind_parameter_name(s->st, i));
			return failed(s, "with unbound parameters");
		}
		if (tx_failed && db_in_transaction())
			return -1;
		s->checked = 1;
	}
	rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	log_error("sql step failed (%d): %s", sqlite3_extended_errcode(db),
	    sqlite3_errmsg(db));
	return failed(s, "failed");
}

/* Resets a statement after use so it can be run again. */
void
db_done(struct stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	s->bound = 0;
	s->checked = 0;
	s->bad = 0;
}

int
db_ncolumns(struct stmt *s)
{
	return s->ncols;
}

const char *
db_column_name(struct stmt *s, int i)
{
	return i >= 0 && i < s->ncols ? s->cols[i] : "";
}

int
db_column(struct stmt *s, const char *name)
{
	for (int i = 0; i < s->ncols; i++)
		if (s->cols[i][0] == name[0] && strcmp(s->cols[i], name) == 0)
			return i;
	log_error("statement has no column %s: %.60s", name, s->sql);
	return -1;
}

const char *
db_text_at(struct stmt *s, int i)
{
	const unsigned char *t = i < 0 ? NULL : sqlite3_column_text(s->st, i);

	return t ? (const char *)t : "";
}

int
db_is_null_at(struct stmt *s, int i)
{
	return i < 0 || sqlite3_column_type(s->st, i) == SQLITE_NULL;
}

/* Column i (from db_column()) as a number: for loops over many rows. */
long long
db_int_at(struct stmt *s, int i)
{
	return i < 0 ? 0 : sqlite3_column_int64(s->st, i);
}

const char *
db_text(struct stmt *s, const char *col)
{
	return db_text_at(s, db_column(s, col));
}

long long
db_int(struct stmt *s, const char *col)
{
	int i = db_column(s, col);

	return i < 0 ? 0 : sqlite3_column_int64(s->st, i);
}

int
db_is_null(struct stmt *s, const char *col)
{
	return db_is_null_at(s, db_column(s, col));
}

/* A blob column (NULL if NULL) and its length. */
const void *
db_blob(struct stmt *s, const char *col, size_t *len)
{
	int i = db_column(s, col);

	*len = i < 0 ? 0 : (size_t)sqlite3_column_bytes(s->st, i);
	return i < 0 ? NULL : sqlite3_column_blob(s->st, i);
}

void
db_bind_args(struct stmt *s, const struct db_arg *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].kind == ARG_IS_ID && a[i].num == 0)
			db_bind_null(s, a[i].name);
		else if (a[i].kind != ARG_IS_TEXT)
			db_bind_int(s, a[i].name, a[i].num);
		else
			db_bind_text(s, a[i].name, a[i].text);
}

/* A statement with its values bound, for the caller to step and done. */
struct stmt *
db_query(const char *sql, const struct db_arg *a, size_t n)
{
	struct stmt *s = db_prepare(sql);

	db_bind_args(s, a, n);
	return s;
}

/* Runs a statement that writes; 0 or -1. */
int
db_write(const char *sql, const struct db_arg *a, size_t n)
{
	struct stmt *s = db_query(sql, a, n);
	int rc = db_step(s);

	db_done(s);
	return rc < 0 ? -1 : 0;
}

/* Runs an INSERT; the new row's id, or -1. */
long long
db_insert(const char *sql, const struct db_arg *a, size_t n)
{
	return db_write(sql, a, n) == 0 ? db_last_id() : -1;
}

/* The first column of the first row as a number, or `none`. */
long long
db_value(const char *sql, const struct db_arg *a, size_t n, long long none)
{
	struct stmt *s = db_query(sql, a, n);
	long long v = none;

	if (db_step(s) == SQLITE_ROW && !db_is_null_at(s, 0))
		v = sqlite3_column_int64(s->st, 0);
	db_done(s);
	return v;
}

/* The first column of the first row as text in `pool`, or NULL. */
const char *
db_string(struct pool *pool, const char *sql, const struct db_arg *a,
    size_t n)
{
	struct stmt *s = db_query(sql, a, n);
	const char *v = NULL;

	if (db_step(s) == SQLITE_ROW && !db_is_null_at(s, 0))
		v = pool_strdup(pool, db_text_at(s, 0));
	db_done(s);
	return v;
}

/* Copies the current row of `s` into `out`. */
void
row_copy(struct pool *pool, struct stmt *s, struct row *out)
{
	size_t n = (size_t)s->ncols;

	out->n = n;
	out->name = pool_alloc(pool, n * sizeof(*out->name) + 1);
	out->value = pool_alloc(pool, n * sizeof(*out->value) + 1);
	for (size_t i = 0; i < n; i++) {
		out->name[i] = s->cols[i];
		out->value[i] = db_is_null_at(s, (int)i) ? NULL :
		    pool_strdup(pool, db_text_at(s, (int)i));
	}
}

/* Reads one row; 1 if found, 0 if not, -1 on error. */
int
db_row(struct pool *pool, const char *sql, const struct db_arg *a, size_t n,
    struct row *out)
{
	struct stmt *s = db_query(sql, a, n);
	int rc = db_step(s);

	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW)
		row_copy(pool, s, out);
	db_done(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* A column of a copied row; NULL if absent or SQL NULL. */
const char *
row_get(const struct row *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->name[i], name) == 0)
			return r->value[i];
	return NULL;
}

/* One more value (copied) at the end of a row: a record's own extras. */
void
row_add(struct pool *pool, struct row *r, const char *name, const char *value)
{
	const char **names = pool_alloc(pool, (r->n + 1) * sizeof(*names));
	const char **values = pool_alloc(pool, (r->n + 1) * sizeof(*values));

	if (r->n) {
		memcpy(names, r->name, r->n * sizeof(*names));
		memcpy(values, r->value, r->n * sizeof(*values));
	}
	names[r->n] = pool_strdup(pool, name);
	values[r->n] = value ? pool_strdup(pool, value) : NULL;
	r->name = names;
	r->value = values;
	r->n++;
}

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_BEGIN_READ[] = "BEGIN DEFERRED";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SYNC_FULL[] = "PRAGMA synchronous = FULL";
static const char SQL_SYNC_NORMAL[] = "PRAGMA synchronous = NORMAL";

static int
begin(int durable)
{
	if (db_in_transaction())
		return -1;
	if (full != durable) {
		if (db_write(durable ? SQL_SYNC_FULL : SQL_SYNC_NORMAL,
		    NO_ARGS) != 0)
			return -1;
		full = durable;
	}
	tx_failed = 0;
	return db_write(SQL_BEGIN, NO_ARGS);
}

/*
** A write transaction whose commit waits for the disk (synchronous=FULL:
** the WAL is synced at each commit), so that a power cut cannot undo an
** acknowledged save. Every change of data goes through this one.
*/
int
db_begin_write(void)
{
	return begin(1);
}

/*
** A write transaction for what may be lost in a power cut without harm:
** a view row, a session's last use (synchronous=NORMAL: no sync at
** commit). The next durable commit syncs the WAL, and with it these.
*/
int
db_begin_light(void)
{
	return begin(0);
}

/*
** A read snapshot: the reads until db_end_read() see one state of the
** database, under one lock instead of one per statement (a page made of
** many queries). Nothing may write inside it: a write would have to
** upgrade a snapshot that another worker's commit may have made stale.
*/
int
db_begin_read(void)
{
	if (db_in_transaction())
		return -1;
	tx_failed = 0;
	return db_write(SQL_BEGIN_READ, NO_ARGS);
}

void
db_end_read(void)
{
	if (db_in_transaction() && db_write(SQL_COMMIT, NO_ARGS) != 0)
		db_rollback();
}

/*
** A step that joins the caller's transaction or, if there is none, runs
** in a durable one of its own: db_begin_own(&own) ... db_end_own(own, rc)
** with rc 0 (done: commit), -1 (error: roll back) or another value (a
** refusal: roll back, returned as it is). In the caller's transaction
** nothing ends; -1 if it has failed.
*/
int
db_begin_own(int *own)
{
	*own = !db_in_transaction();
	return *own ? db_begin_write() : 0;
}

int
db_end_own(int own, int rc)
{
	if (!own)
		return rc < 0 || db_failed() ? -1 : rc;
	if (rc != 0) {
		db_rollback();
		return rc;
	}
	return db_commit() == 0 ? 0 : -1;
}

/* Commits, unless a statement of the transaction failed: then rolls back. */
int
db_commit(void)
{
	if (!db_in_transaction())
		return -1;
	if (tx_failed || db_write(SQL_COMMIT, NO_ARGS) != 0) {
		db_rollback();
		return -1;
	}
	commits++;
	return 0;
}

/* Transactions this connection committed: what was read before may be old. */
unsigned long
db_commits(void)
{
	return commits;
}

void
db_rollback(void)
{
	if (db && !sqlite3_get_autocommit(db)) {
		struct stmt *s = db_prepare(SQL_ROLLBACK);

		sqlite3_step(s->st);
		db_done(s);
	}
	tx_failed = 0;
}

int
db_in_transaction(void)
{
	return db && !sqlite3_get_autocommit(db);
}

/* 1 if a statement of the open transaction has failed. */
int
db_failed(void)
{
	return tx_failed && db_in_transaction();
}

/* Marks the open transaction as failed (a step outside SQL went wrong). */
void
db_fail(void)
{
	if (db_in_transaction())
		tx_failed = 1;
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

/* Rows changed since the connection opened (FTS5's "merge" counts so). */
long long
db_total_changes(void)
{
	return sqlite3_total_changes64(db);
}

/* Runs trusted SQL text shipped with the program (migrations). */
int
db_exec_script(const char *sql, char **err)
{
	return sqlite3_exec(db, sql, NULL, NULL, err) == SQLITE_OK ? 0 : -1;
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

static const char SQL_MIGRATIONS_TABLE[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now'))"
    ") STRICT";
static const char SQL_MIGRATION_DONE[] =
    "SELECT 1 FROM schema_migrations WHERE version = :version";
static const char SQL_MIGRATION_RECORD[] =
    "INSERT INTO schema_migrations (version, name) VALUES (:version, :name)";

static const char SQL_FK_OFF[] = "PRAGMA foreign_keys = OFF";
static const char SQL_FK_ON[] = "PRAGMA foreign_keys = ON";
static const char SQL_FK_CHECK[] =
    "SELECT count(*) FROM pragma_foreign_key_check";

/*
** Applies one migration file with its record, in one transaction. As
** SQLite's procedure for schema changes asks, foreign keys are off while
** it runs (a table can be rebuilt) and checked before the commit.
*/
static int
migrate_one(const char *dir, const char *name)
{
	char path[4096], *sql, *err = NULL;
	int rc = -1;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((sql = file_read(path, NULL)) == NULL) {
		log_error("cannot read %s", path);
		return -1;
	}
	if (db_write(SQL_FK_OFF, NO_ARGS) != 0 || db_begin_write() != 0)
		goto out;
	if (db_exec_script(sql, &err) != 0) {
		log_error("migration %s failed: %s", name, err ? err : "");
		sqlite3_free(err);
		db_rollback();
		goto out;
	}
	if (db_value(SQL_FK_CHECK, NO_ARGS, 0) != 0) {
		log_error("migration %s breaks a foreign key", name);
		db_rollback();
		goto out;
	}
	db_write(SQL_MIGRATION_RECORD, ARGS(ARG_INT("version", atoll(name)),
	    ARG_TEXT("name", name)));
	rc = db_commit();
out:
	free(sql);
	return db_write(SQL_FK_ON, NO_ARGS) == 0 ? rc : -1;
}

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

	if (db_write(SQL_MIGRATIONS_TABLE, NO_ARGS) != 0)
		applied = -1;
	for (size_t i = 0; i < n && applied >= 0; i++) {
		if (db_value(SQL_MIGRATION_DONE, ARGS(ARG_INT("version",
		    atoll(names[i]))), 0))
			continue;
		if (migrate_one(dir, names[i]) != 0) {
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
