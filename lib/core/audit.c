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
    " entita_id, dettaglio) VALUES (:utente, :username, :indirizzo, :azione,"
    " :entita, :entita_id, :dettaglio)";
static const char SQL_AUDIT_CHANGE[] =
    "INSERT INTO audit_modifiche (audit_id, campo, prima, dopo)"
    " VALUES (:audit, :campo, :prima, :dopo)";

/* Appends one audit row in the caller's transaction; its id, or -1. */
long long
audit_log(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail)
{
	return db_insert(SQL_AUDIT, ARGS(ARG_ID("utente", r->user.id),
	    ARG_TEXT("username", r->user.username ? r->user.username : ""),
	    ARG_TEXT("indirizzo", r->remote_addr ? r->remote_addr : ""),
	    ARG_TEXT("azione", action), ARG_TEXT("entita", entity ? entity : ""),
	    ARG_ID("entita_id", entity_id),
	    ARG_TEXT("dettaglio", detail ? detail : "")));
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
	for (size_t i = 0; i < n; i++) {
		if (same(c[i].before, c[i].after))
			continue;
		if (db_write(SQL_AUDIT_CHANGE, ARGS(ARG_INT("audit", audit_id),
		    ARG_TEXT("campo", c[i].field), ARG_TEXT("prima", c[i].before),
		    ARG_TEXT("dopo", c[i].after))) != 0)
			return -1;
	}
	return 0;
}

/*
** An audit row of `action` with the changed fields, in the caller's
** transaction ("create" rows list every value with no "before").
*/
int
audit_record(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail, const struct change *c, size_t n)
{
	long long id = audit_log(r, action, entity, entity_id, detail);

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
