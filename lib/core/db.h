/*
** The database: one SQLite connection per process; statements are
** static SQL text with named parameters (:cognome), prepared once per
** process and bound by name; columns are read by name; writes run in
** db_begin_write() (BEGIN IMMEDIATE) ... db_commit().
**
** The failure rule: a statement that fails (including one with a
** parameter nobody bound) marks the open transaction as failed; later
** statements in it do not run, and db_commit() refuses it and rolls back.
*/
#ifndef APPRODO_DB_H
#define APPRODO_DB_H

#include <sqlite3.h>

#include "util.h"

struct stmt;

int db_open(const char *path);
void db_close(void);
void db_optimize(void);
sqlite3 *db_handle(void);

/* One statement: prepare, bind by name, step, read by name, done. */
struct stmt *db_prepare(const char *sql);
void db_bind_text(struct stmt *, const char *name, const char *value);
void db_bind_int(struct stmt *, const char *name, long long value);
void db_bind_null(struct stmt *, const char *name);
void db_bind_blob(struct stmt *, const char *name, const void *, size_t);
int db_param_count(struct stmt *);
int db_has_param(struct stmt *, const char *name);
const char *db_param_name(struct stmt *, int i);	/* without ':'; 1-based */
int db_step(struct stmt *);		/* SQLITE_ROW, SQLITE_DONE or -1 */
void db_done(struct stmt *);
int db_column(struct stmt *, const char *name);	/* index, or -1 (logged) */
int db_ncolumns(struct stmt *);

const char *db_column_name(struct stmt *, int i);
const char *db_text(struct stmt *, const char *col);	/* NULL -> "" */
long long db_int(struct stmt *, const char *col);
int db_is_null(struct stmt *, const char *col);
const void *db_blob(struct stmt *, const char *col, size_t *len);
const char *db_text_at(struct stmt *, int i);
int db_is_null_at(struct stmt *, int i);
long long db_int_at(struct stmt *, int i);

/* Explicit values for a statement, bound by name. */
struct db_arg {
	const char *name;
	const char *text;
	long long num;
	enum { ARG_IS_TEXT, ARG_IS_INT, ARG_IS_ID } kind;
};
#define ARG_TEXT(n, v) { .name = (n), .text = (v) }
#define ARG_INT(n, v) { .name = (n), .num = (v), .kind = ARG_IS_INT }
/* A row's id, or NULL when it is 0 (no such row: the console, nobody). */
#define ARG_ID(n, v) { .name = (n), .num = (v), .kind = ARG_IS_ID }
#define ARGS(...) (const struct db_arg[]){ __VA_ARGS__ }, \
	COUNT(((const struct db_arg[]){ __VA_ARGS__ }))
#define NO_ARGS NULL, 0

void db_bind_args(struct stmt *, const struct db_arg *, size_t);
struct stmt *db_query(const char *sql, const struct db_arg *, size_t);
int db_write(const char *sql, const struct db_arg *, size_t);
long long db_insert(const char *sql, const struct db_arg *, size_t);
long long db_value(const char *sql, const struct db_arg *, size_t,
    long long none);
const char *db_string(struct pool *, const char *sql, const struct db_arg *,
    size_t);

/*
** One row as name/value text pairs, copied into a pool: a row read
** inside a transaction outlives the statement that read it.
*/
struct row {
	size_t n;
	const char **name;
	const char **value;		/* NULL for SQL NULL */
};

int db_row(struct pool *, const char *sql, const struct db_arg *, size_t,
    struct row *);
void row_copy(struct pool *, struct stmt *, struct row *);
const char *row_get(const struct row *, const char *name);
void row_add(struct pool *, struct row *, const char *name, const char *value);

int db_begin_write(void);
int db_begin_light(void);
int db_begin_read(void);
void db_end_read(void);
int db_begin_own(int *own);
int db_end_own(int own, int rc);
int db_commit(void);
void db_rollback(void);
int db_in_transaction(void);
int db_failed(void);
void db_fail(void);
long long db_last_id(void);
int db_changes(void);
long long db_total_changes(void);
unsigned long db_commits(void);
int db_exec_script(const char *sql, char **err);

int db_migrate(const char *dir, int verbose);

#endif
