/*
** The database: one SQLite connection per process, statements prepared
** once from static SQL text and reused, write transactions that begin
** IMMEDIATE. There is no other way to reach the database.
*/
#ifndef APPRODO_DB_H
#define APPRODO_DB_H

#include <sqlite3.h>

int db_open(const char *path);
void db_close(void);
sqlite3 *db_handle(void);

sqlite3_stmt *db_prepare(const char *sql);
void db_bind_text(sqlite3_stmt *, int, const char *);
void db_bind_int(sqlite3_stmt *, int, long long);
void db_bind_null(sqlite3_stmt *, int);
int db_step(sqlite3_stmt *);
void db_done(sqlite3_stmt *);
const char *db_text(sqlite3_stmt *, int);
long long db_int(sqlite3_stmt *, int);
int db_is_null(sqlite3_stmt *, int);

int db_exec(const char *sql, long long bind1);
int db_begin_write(void);
int db_commit(void);
void db_rollback(void);
int db_in_transaction(void);
long long db_last_id(void);
int db_changes(void);

int db_migrate(const char *dir, int verbose);

#endif
