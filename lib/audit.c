/*
** Writing audit rows. audit_log() joins the caller's transaction;
** audit_now() is for events with no change to join (views, denials,
** failed logins) and commits on its own.
*/
#include <string.h>

#include "audit.h"
#include "db.h"

static const char SQL_AUDIT[] =
    "INSERT INTO audit (utente_id, username, indirizzo, azione, entita,"
    " entita_id, dettaglio) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_AUDIT_CHANGE[] =
    "INSERT INTO audit_modifiche (audit_id, campo, prima, dopo)"
    " VALUES (?, ?, ?, ?)";

/* Appends one audit row; returns its id, or -1. */
long long
audit_log(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail)
{
	sqlite3_stmt *st = db_prepare(SQL_AUDIT);
	int rc;

	if (r->user.id)
		db_bind_int(st, 1, r->user.id);
	db_bind_text(st, 2, r->user.username ? r->user.username : "");
	db_bind_text(st, 3, r->remote_addr ? r->remote_addr : "");
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, entity ? entity : "");
	if (entity_id)
		db_bind_int(st, 6, entity_id);
	db_bind_text(st, 7, detail ? detail : "");
	rc = db_step(st);
	db_done(st);
	return rc == SQLITE_DONE ? db_last_id() : -1;
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Records the fields that really changed under an audit row. */
int
audit_changes(long long audit_id, const struct change *c, size_t n)
{
	sqlite3_stmt *st = db_prepare(SQL_AUDIT_CHANGE);

	for (size_t i = 0; i < n; i++) {
		int rc;

		if (same(c[i].before, c[i].after))
			continue;
		db_bind_int(st, 1, audit_id);
		db_bind_text(st, 2, c[i].field);
		db_bind_text(st, 3, c[i].before);
		db_bind_text(st, 4, c[i].after);
		rc = db_step(st);
		db_done(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* An "update" row with its changed fields, in the caller's transaction. */
int
audit_update(struct request *r, const char *entity, long long entity_id,
    const struct change *c, size_t n)
{
	long long id = audit_log(r, "update", entity, entity_id, NULL);

	return id < 0 ? -1 : audit_changes(id, c, n);
}

/* Appends one row in a transaction of its own (or the caller's). */
int
audit_now(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail)
{
	int own = !db_in_transaction();

	if (own && db_begin_write() != 0)
		return -1;
	if (audit_log(r, action, entity, entity_id, detail) < 0) {
		if (own)
			db_rollback();
		return -1;
	}
	return own ? db_commit() : 0;
}
