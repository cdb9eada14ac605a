/*
** Helpers for the unit tests that open a temporary database: read one
** value with a query, run a statement. Test code only: SQL built by the
** tests themselves.
*/
#ifndef APPRODO_TESTDB_H
#define APPRODO_TESTDB_H

#include <sodium.h>
#include <sqlite3.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "request.h"
#include "settings.h"

/* The first column of the first row as a number; -1 without rows, -2 on error. */
static inline long long
q_int(const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db_handle(), sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row as text: "(none)", "(error)". */
static inline const char *
q_text(const char *sql)
{
	static char out[256];
	sqlite3_stmt *st;

	strcpy(out, "(none)");
	if (sqlite3_prepare_v2(db_handle(), sql, -1, &st, NULL) != SQLITE_OK)
		return "(error)";
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static inline int
exec(const char *sql)
{
	return sqlite3_exec(db_handle(), sql, NULL, NULL, NULL);
}

/* Removes a test database with its WAL and shared-memory files. */
static inline void
remove_db(const char *path)
{
	char p[700];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/*
** Opens a new database in the temporary directory `dir` (a mkdtemp()
** template), its path in `path`, with every migration applied (libsodium
** initialised for the audit chain). 0, or -1. testdb_remove() undoes it.
*/
static inline int
testdb_create(char *dir, char *path, size_t size)
{
	if (sodium_init() < 0)
		return -1;
	if (getenv("APPRODO_SQL") == NULL)
		setenv("APPRODO_SQL", "sql", 1);
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, size, "%s/approdo.db", dir);
	setenv("APPRODO_DB", path, 1);
	{
		/* Stored files (the PEI's PDF at approval) stay in it too. */
		char files[700];

		snprintf(files, sizeof files, "%s/files", dir);
		setenv("APPRODO_FILES", files, 1);
	}
	config_load();
	return db_open(cfg.db) == 0 &&
	    db_migrate(getenv("APPRODO_SQL"), 0) >= 1 ? 0 : -1;
}

static inline void
testdb_remove(char *dir, const char *path)
{
	char files[700], p[1000];
	DIR *d;
	struct dirent *f;

	db_close();
	remove_db(path);
	snprintf(files, sizeof files, "%s/files", dir);
	if ((d = opendir(files)) != NULL) {
		while ((f = readdir(d)) != NULL)
			if (f->d_name[0] != '.') {
				snprintf(p, sizeof p, "%s/%s", files, f->d_name);
				unlink(p);
			}
		closedir(d);
		rmdir(files);
	}
	rmdir(dir);
}

/* A signed-in user of `role` with id `id` (made in the database by the test). */
static inline struct request
testdb_as(long long id, enum role role, const char *username)
{
	struct request r;

	memset(&r, 0, sizeof r);
	r.user.id = id;
	r.user.role = role;
	r.user.username = username;
	r.remote_addr = "192.0.2.9";
	return r;
}

#endif
