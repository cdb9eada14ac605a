/*
** Unit tests for the database layer (lib/core/db.c): migrations (all,
** none, a broken one), connection settings, the statement cache, named
** parameters (an unbound or unknown name fails), the failure rule (a
** failed statement makes its transaction refuse to commit), rows read by
** column name, transactions and STRICT tables.
*/
#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "util.h"
#include "tap.h"
#include "testdb.h"

static char dir[] = "/tmp/approdo-test-db-XXXXXX";

static int
table_exists(const char *name)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE"
	    " type = 'table' AND name = '%s'", name);
	return q_int(sql) == 1;
}

/* Migration files as db_migrate() picks them: NNN_*.sql. */
static int
count_migrations(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		const char *s = e->d_name;

		if (len > 8 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' &&
		    s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] == '_' &&
		    strcmp(s + len - 4, ".sql") == 0)
			n++;
	}
	closedir(d);
	return n;
}

static void
write_file(const char *d, const char *name, const char *text)
{
	char path[600];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", d, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static const char SQL_ONE[] = "SELECT 1";
static const char SQL_ONE_AGAIN[] = "SELECT 1";
static const char SQL_INSERT_A[] = "INSERT INTO a (x) VALUES (:x)";
static const char SQL_INSERT_A_TEXT[] = "INSERT INTO a (x) VALUES (:x)";
static const char SQL_DELETE_A[] = "DELETE FROM a";
static const char SQL_TWICE[] =
    "SELECT :n * 2 AS doppio, NULL AS nulla, 'testo' AS testo";
static const char SQL_TWO[] = "SELECT :a + :b AS somma, :a AS a";
static const char SQL_POSITIONAL[] = "SELECT ?1";
static const char SQL_BAD_FK[] =
    "INSERT INTO sessioni (token_hash, utente_id, csrf, creata, ultimo_uso)"
    " VALUES (x'00', :utente, 'c', 0, 0)";

static void
test_real_migrations(const char *sqldir, const char *path)
{
	int files = count_migrations(sqldir), rc;

	ok(files >= 1, "there are migrations in %s (%d)", sqldir, files);
	ok(db_open(path) == 0, "open: a fresh database");
	ok(strcmp(q_text("PRAGMA journal_mode"), "wal") == 0,
	    "open: journal_mode is wal");
	ok(q_int("PRAGMA foreign_keys") == 1, "open: foreign_keys is 1");
	ok(q_int("PRAGMA synchronous") == 1, "open: synchronous is NORMAL");
	ok(q_int("PRAGMA trusted_schema") == 0, "open: trusted_schema is off");
	rc = db_migrate(sqldir, 0);
	ok(rc == files, "migrate: applies every file (%d of %d)", rc, files);
	rc = db_migrate(sqldir, 0);
	ok(rc == 0, "migrate: a second run applies nothing (%d)", rc);
	ok(q_int("SELECT count(*) FROM schema_migrations") == files &&
	    q_int("SELECT count(DISTINCT version) FROM schema_migrations") ==
	    files, "migrate: one row per file in schema_migrations");
	ok(q_int("SELECT count(*) FROM schema_migrations WHERE version = 1 AND"
	    " name = '001_core_platform.sql' AND applied_at LIKE"
	    " '____-__-__ __:__:__'") == 1,
	    "migrate: 001_core_platform.sql recorded as version 1 with a time");
	ok(table_exists("utenti") && table_exists("sessioni") &&
	    table_exists("audit"), "migrate: the platform tables exist");

	/* Foreign keys are enforced, not only declared. */
	{
		rc = db_write(SQL_BAD_FK, ARGS(ARG_INT("utente", 999)));
		ok(rc != 0 && q_int("SELECT count(*) FROM sessioni") == 0,
		    "foreign keys: a session of no user is refused (%d)", rc);
	}
	db_close();
	ok(db_handle() == NULL, "close: no handle left");
}

static void
test_broken_migration(const char *mdir, const char *path)
{
	int rc;

	mkdir(mdir, 0700);
	write_file(mdir, "001_a.sql", "CREATE TABLE a (x INTEGER) STRICT;\n"
	    "INSERT INTO a (x) VALUES (1);\n");
	write_file(mdir, "002_b.sql", "CREATE TABLE b (y INTEGER) STRICT;\n"
	    "INSERT INTO b (y) VALUES (2);\nTHIS IS NOT SQL;\n");
	write_file(mdir, "003_c.sql", "CREATE TABLE c (z INTEGER) STRICT;\n");
	/* Names db_migrate must ignore. */
	write_file(mdir, "01_short.sql", "CREATE TABLE ignored1 (x INTEGER);\n");
	write_file(mdir, "abc_name.sql", "CREATE TABLE ignored2 (x INTEGER);\n");
	write_file(mdir, "004_d.txt", "CREATE TABLE ignored3 (x INTEGER);\n");
	write_file(mdir, "README", "not a migration\n");

	ok(db_open(path) == 0, "broken: open a fresh database");
	rc = db_migrate(mdir, 0);
	ok(rc == -1, "broken: db_migrate returns -1 (%d)", rc);
	ok(table_exists("a") && q_int("SELECT x FROM a") == 1,
	    "broken: the first migration is applied");
	ok(!table_exists("b"), "broken: the second left no table");
	ok(q_int("SELECT count(*) FROM schema_migrations") == 1 &&
	    q_int("SELECT count(*) FROM schema_migrations WHERE version = 1 AND"
	    " name = '001_a.sql'") == 1,
	    "broken: only the first is recorded");
	ok(!table_exists("c"), "broken: nothing after the failure is applied");
	ok(!table_exists("ignored1") && !table_exists("ignored2") &&
	    !table_exists("ignored3"), "broken: badly named files ignored");
	ok(db_in_transaction() == 0, "broken: no transaction left open");

	/* Fixed, the rest is applied. */
	write_file(mdir, "002_b.sql", "CREATE TABLE b (y INTEGER) STRICT;\n"
	    "INSERT INTO b (y) VALUES (2);\n");
	rc = db_migrate(mdir, 0);
	ok(rc == 2, "fixed: the two remaining migrations applied (%d)", rc);
	ok(table_exists("b") && table_exists("c") &&
	    q_int("SELECT y FROM b") == 2 && q_int("SELECT count(*) FROM a") == 1,
	    "fixed: tables b and c exist, a untouched");
	ok(strcmp(q_text("SELECT group_concat(version, ',') FROM (SELECT"
	    " version FROM schema_migrations ORDER BY version)"), "1,2,3") == 0,
	    "fixed: versions 1,2,3 recorded");

	ok(db_migrate("/nonexistent/approdo/sql", 0) == -1,
	    "migrate: a missing directory is -1");
}

/* A migration may rebuild a table, but not leave a dangling reference. */
static void
test_foreign_key_migration(const char *mdir, const char *path)
{
	int rc;

	mkdir(mdir, 0700);
	write_file(mdir, "001_p.sql", "CREATE TABLE p (id INTEGER PRIMARY KEY)"
	    " STRICT;\nCREATE TABLE c (p INTEGER REFERENCES p(id)) STRICT;\n"
	    "INSERT INTO p VALUES (1);\nINSERT INTO c VALUES (1);\n");
	write_file(mdir, "002_rebuild.sql", "CREATE TABLE p2 (id INTEGER"
	    " PRIMARY KEY, x TEXT) STRICT;\nINSERT INTO p2 (id) SELECT id FROM"
	    " p;\nDROP TABLE p;\nALTER TABLE p2 RENAME TO p;\n");
	write_file(mdir, "003_dangling.sql", "INSERT INTO c VALUES (99);\n");
	ok(db_open(path) == 0, "fk: open a fresh database");
	rc = db_migrate(mdir, 0);
	ok(rc == -1 && q_int("SELECT count(*) FROM schema_migrations") == 2,
	    "fk: a referenced table rebuilt; a dangling reference refused (%d)",
	    rc);
	ok(q_int("SELECT count(*) FROM c") == 1 &&
	    q_int("SELECT count(*) FROM pragma_table_info('p') WHERE name = 'x'")
	    == 1, "fk: the rebuild stays, the refused migration left nothing");
	ok(q_int("PRAGMA foreign_keys") == 1,
	    "fk: foreign keys are on again after migrating");
	db_close();
	remove_db(path);
	{
		static const char *const names[] = { "001_p.sql",
		    "002_rebuild.sql", "003_dangling.sql" };
		char f[700];

		for (size_t i = 0; i < COUNT(names); i++) {
			snprintf(f, sizeof f, "%s/%s", mdir, names[i]);
			unlink(f);
		}
		rmdir(mdir);
	}
}

static void
test_statements(void)
{
	struct stmt *st, *st2;
	struct row row;
	struct pool pool = { 0 };
	int rc;

	/* Uses the database of test_broken_migration: tables a, b, c. */
	st = db_prepare(SQL_ONE);
	ok(st != NULL && db_prepare(SQL_ONE) == st,
	    "prepare: the same static string gives the same statement");
	st2 = db_prepare(SQL_ONE_AGAIN);
	ok(st2 != NULL && st2 != st,
	    "prepare: the same text at another address is another statement");

	st = db_prepare(SQL_TWICE);
	db_bind_int(st, "n", 21);
	rc = db_step(st);
	ok(rc == SQLITE_ROW && db_int(st, "doppio") == 42 &&
	    db_is_null(st, "nulla") && strcmp(db_text(st, "nulla"), "") == 0 &&
	    strcmp(db_text(st, "testo"), "testo") == 0 && !db_is_null(st, "testo"),
	    "step: values by column name, NULL as \"\" and db_is_null");
	ok(db_column(st, "nessuna") == -1 && strcmp(db_text(st, "nessuna"), "")
	    == 0, "column: an unknown name is -1 and reads as \"\"");
	db_done(st);
	db_bind_null(st, "n");
	rc = db_step(st);
	ok(rc == SQLITE_ROW && db_is_null(st, "doppio"),
	    "done: bindings cleared for the next use");
	db_done(st);

	/* Named parameters: every one must be bound, and only those. */
	st = db_prepare(SQL_TWICE);
	rc = db_step(st);
	db_done(st);
	ok(rc == -1, "named: a statement with an unbound parameter fails");
	st = db_prepare(SQL_TWO);
	db_bind_int(st, "a", 2);
	rc = db_step(st);
	db_done(st);
	ok(rc == -1, "named: one of two parameters unbound fails");
	st = db_prepare(SQL_TWO);
	db_bind_args(st, ARGS(ARG_INT("a", 2), ARG_INT("b", 3)));
	rc = db_step(st);
	ok(rc == SQLITE_ROW && db_int(st, "somma") == 5 && db_int(st, "a") == 2,
	    "named: a name used twice is bound once");
	db_done(st);
	st = db_prepare(SQL_TWO);
	db_bind_args(st, ARGS(ARG_INT("a", 2), ARG_INT("b", 3),
	    ARG_INT("c", 4)));
	rc = db_step(st);
	db_done(st);
	ok(rc == -1, "named: a value for a parameter it does not have fails");
	ok(db_value(SQL_TWO, ARGS(ARG_INT("a", 20), ARG_INT("b", 22)), -1) == 42,
	    "db_value: the first column");
	ok(db_row(&pool, SQL_TWICE, ARGS(ARG_INT("n", 4)), &row) == 1 &&
	    strcmp(row_get(&row, "doppio"), "8") == 0 &&
	    row_get(&row, "nulla") == NULL && row_get(&row, "nessuna") == NULL &&
	    strcmp(row_get(&row, "testo"), "testo") == 0,
	    "db_row: a row by column name, copied; NULL for SQL NULL");
	{
		pid_t pid = fork();
		int status = 0;

		if (pid == 0) {
			freopen("/dev/null", "w", stderr);
			db_prepare(SQL_POSITIONAL);
			_exit(0);
		}
		waitpid(pid, &status, 0);
		ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
		    "named: a positional parameter (?1) is refused at prepare");
	}

	/* Transactions. */
	ok(db_write(SQL_DELETE_A, NO_ARGS) == 0 &&
	    q_int("SELECT count(*) FROM a") == 0,
	    "db_write: a statement without parameters");
	ok(db_in_transaction() == 0, "tx: none open");
	ok(db_begin_write() == 0 && db_in_transaction() == 1, "tx: begin");
	ok(db_begin_write() != 0, "tx: no nested begin");
	ok(db_write(SQL_INSERT_A, ARGS(ARG_INT("x", 7))) == 0 &&
	    db_changes() == 1 && db_last_id() > 0, "tx: insert inside");
	ok(q_int("SELECT count(*) FROM a") == 1, "tx: visible inside");
	db_rollback();
	ok(db_in_transaction() == 0 && q_int("SELECT count(*) FROM a") == 0,
	    "tx: rollback leaves no row");
	db_rollback();
	ok(db_in_transaction() == 0, "tx: a second rollback is harmless");
	ok(db_begin_write() == 0 && db_write(SQL_INSERT_A,
	    ARGS(ARG_INT("x", 8))) == 0 && db_commit() == 0,
	    "tx: begin, insert, commit");
	ok(db_in_transaction() == 0 && q_int("SELECT x FROM a") == 8,
	    "tx: the committed row stays");
	ok(db_commit() != 0, "tx: commit without a transaction fails");

	/* Changes wait for the disk; light transactions (views) do not. */
	ok(db_begin_write() == 0 && q_int("PRAGMA synchronous") == 2 &&
	    db_commit() == 0, "durable: a write transaction commits with "
	    "synchronous=FULL");
	ok(db_begin_light() == 0 && q_int("PRAGMA synchronous") == 1 &&
	    db_commit() == 0, "light: a view's transaction with synchronous=NORMAL");
	ok(db_begin_write() == 0 && q_int("PRAGMA synchronous") == 2 &&
	    db_commit() == 0, "durable: and FULL again for the next change");

	/* The failure rule: a failed statement, and the transaction refuses. */
	ok(db_begin_write() == 0 && db_write(SQL_INSERT_A,
	    ARGS(ARG_INT("x", 9))) == 0 && !db_failed(), "fail: a good insert");
	ok(db_write(SQL_INSERT_A_TEXT, ARGS(ARG_TEXT("x", "testo"))) != 0 &&
	    db_failed(), "fail: a refused insert marks the transaction");
	ok(db_write(SQL_INSERT_A, ARGS(ARG_INT("x", 10))) != 0,
	    "fail: later statements of the transaction do not run");
	ok(db_commit() != 0 && db_in_transaction() == 0 &&
	    q_int("SELECT count(*) FROM a WHERE x IN (9, 10)") == 0,
	    "fail: commit refuses and rolls back: nothing of it stays");
	ok(db_begin_write() == 0 && !db_failed() && db_write(SQL_INSERT_A,
	    ARGS(ARG_INT("x", 11))) == 0 && db_commit() == 0 &&
	    q_int("SELECT count(*) FROM a WHERE x = 11") == 1,
	    "fail: the next transaction starts clean");
	ok(db_begin_write() == 0 && db_write(SQL_TWICE, NO_ARGS) != 0 &&
	    db_commit() != 0, "fail: an unbound parameter fails the commit too");
	ok(db_write(SQL_DELETE_A, NO_ARGS) == 0 && db_write(SQL_INSERT_A,
	    ARGS(ARG_INT("x", 8))) == 0, "fail: outside a transaction, reset");

	/* STRICT tables. */
	st = db_prepare(SQL_INSERT_A_TEXT);
	db_bind_text(st, "x", "testo");
	rc = db_step(st);
	db_done(st);
	ok(rc == -1 &&
	    sqlite3_extended_errcode(db_handle()) == SQLITE_CONSTRAINT_DATATYPE,
	    "strict: a text in an INTEGER column is refused (%d)", rc);
	ok(q_int("SELECT count(*) FROM a") == 1, "strict: no row added");
	ok(db_write(SQL_INSERT_A_TEXT, ARGS(ARG_TEXT("x", "12"))) == 0 &&
	    q_int("SELECT count(*) FROM a WHERE x = 12 AND typeof(x) ="
	    " 'integer'") == 1,
	    "strict: a numeric text is stored as an integer");
	ok(sqlite3_exec(db_handle(), "INSERT INTO a (x) VALUES (1.5)", NULL,
	    NULL, NULL) != SQLITE_OK, "strict: a real in an INTEGER column is refused");
	ok(db_insert(SQL_INSERT_A, ARGS(ARG_INT("x", 0))) > 0,
	    "db_insert: the new row's id");
	pool_free(&pool);
}

int
main(void)
{
	const char *sqldir = getenv("APPRODO_SQL");
	char path[700], mdir[600];

	if (sqldir == NULL)
		sqldir = "sql";
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}

	snprintf(path, sizeof path, "%s/real.db", dir);
	test_real_migrations(sqldir, path);
	remove_db(path);

	snprintf(path, sizeof path, "%s/fk.db", dir);
	snprintf(mdir, sizeof mdir, "%s/fk", dir);
	test_foreign_key_migration(mdir, path);

	snprintf(path, sizeof path, "%s/broken.db", dir);
	snprintf(mdir, sizeof mdir, "%s/migrations", dir);
	test_broken_migration(mdir, path);
	test_statements();
	db_close();
	remove_db(path);

	ok(db_open("/nonexistent/approdo/dir/x.db") == -1 && db_handle() == NULL,
	    "open: a database in a missing directory is -1");

	{
		static const char *const names[] = { "001_a.sql", "002_b.sql",
		    "003_c.sql", "01_short.sql", "abc_name.sql", "004_d.txt",
		    "README" };

		for (size_t i = 0; i < COUNT(names); i++) {
			snprintf(path, sizeof path, "%s/%s", mdir, names[i]);
			unlink(path);
		}
		rmdir(mdir);
		rmdir(dir);
	}
	return done_testing();
}
