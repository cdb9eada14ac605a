/*
** Unit tests for the database layer (lib/db.c): migrations (all, none,
** a broken one), connection settings, the statement cache, transactions
** and STRICT tables.
*/
#include <dirent.h>
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
static const char SQL_INSERT_A[] = "INSERT INTO a (x) VALUES (?)";
static const char SQL_INSERT_A_TEXT[] = "INSERT INTO a (x) VALUES (?)";
static const char SQL_TWICE[] = "SELECT ?1 * 2, NULL, 'testo'";
static const char SQL_BAD_FK[] =
    "INSERT INTO sessioni (token_hash, utente_id, csrf, creata, ultimo_uso)"
    " VALUES (x'00', ?, 'c', 0, 0)";

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
	    " name = '001_platform.sql' AND applied_at LIKE '____-__-__ __:__:__'")
	    == 1, "migrate: 001_platform.sql recorded as version 1 with a time");
	ok(table_exists("utenti") && table_exists("sessioni") &&
	    table_exists("audit"), "migrate: the platform tables exist");

	/* Foreign keys are enforced, not only declared. */
	{
		sqlite3_stmt *st = db_prepare(SQL_BAD_FK);

		db_bind_int(st, 1, 999);
		rc = db_step(st);
		db_done(st);
		ok(rc != SQLITE_DONE && q_int("SELECT count(*) FROM sessioni") == 0,
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

static void
test_statements(void)
{
	sqlite3_stmt *st, *st2;
	int rc;

	/* Uses the database of test_broken_migration: tables a, b, c. */
	st = db_prepare(SQL_ONE);
	ok(st != NULL && db_prepare(SQL_ONE) == st,
	    "prepare: the same static string gives the same statement");
	st2 = db_prepare(SQL_ONE_AGAIN);
	ok(st2 != NULL && st2 != st,
	    "prepare: the same text at another address is another statement");

	st = db_prepare(SQL_TWICE);
	db_bind_int(st, 1, 21);
	rc = db_step(st);
	ok(rc == SQLITE_ROW && db_int(st, 0) == 42 && db_is_null(st, 1) &&
	    strcmp(db_text(st, 1), "") == 0 && strcmp(db_text(st, 2), "testo") == 0 &&
	    !db_is_null(st, 2), "step: values, NULL as \"\" and db_is_null");
	db_done(st);
	rc = db_step(st);
	ok(rc == SQLITE_ROW && db_is_null(st, 0),
	    "done: bindings cleared for the next use");
	db_done(st);

	/* Transactions. */
	ok(db_exec("DELETE FROM a", 0) == 0 && q_int("SELECT count(*) FROM a") == 0,
	    "db_exec: a statement without parameters");
	ok(db_in_transaction() == 0, "tx: none open");
	ok(db_begin_write() == 0 && db_in_transaction() == 1, "tx: begin");
	ok(db_begin_write() != 0, "tx: no nested begin");
	ok(db_exec(SQL_INSERT_A, 7) == 0 && db_changes() == 1 && db_last_id() > 0,
	    "tx: insert inside");
	ok(q_int("SELECT count(*) FROM a") == 1, "tx: visible inside");
	db_rollback();
	ok(db_in_transaction() == 0 && q_int("SELECT count(*) FROM a") == 0,
	    "tx: rollback leaves no row");
	db_rollback();
	ok(db_in_transaction() == 0, "tx: a second rollback is harmless");
	ok(db_begin_write() == 0 && db_exec(SQL_INSERT_A, 8) == 0 &&
	    db_commit() == 0, "tx: begin, insert, commit");
	ok(db_in_transaction() == 0 && q_int("SELECT x FROM a") == 8,
	    "tx: the committed row stays");
	ok(db_commit() != 0, "tx: commit without a transaction fails");

	/* STRICT tables. */
	st = db_prepare(SQL_INSERT_A_TEXT);
	db_bind_text(st, 1, "testo");
	rc = db_step(st);
	db_done(st);
	ok(rc == SQLITE_CONSTRAINT &&
	    sqlite3_extended_errcode(db_handle()) == SQLITE_CONSTRAINT_DATATYPE,
	    "strict: a text in an INTEGER column is refused (%d)", rc);
	ok(q_int("SELECT count(*) FROM a") == 1, "strict: no row added");
	st = db_prepare(SQL_INSERT_A_TEXT);
	db_bind_text(st, 1, "12");
	rc = db_step(st);
	db_done(st);
	ok(rc == SQLITE_DONE &&
	    q_int("SELECT count(*) FROM a WHERE x = 12 AND typeof(x) ="
	    " 'integer'") == 1,
	    "strict: a numeric text is stored as an integer");
	ok(sqlite3_exec(db_handle(), "INSERT INTO a (x) VALUES (1.5)", NULL,
	    NULL, NULL) != SQLITE_OK, "strict: a real in an INTEGER column is refused");
	ok(db_exec(SQL_INSERT_A, 0) == 0, "db_exec: binds its one integer");
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
