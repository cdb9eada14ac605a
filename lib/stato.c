/*
** Stato: the status of a case, changed with a date and a reason. The
** statuses that end the stay (transfer, missing, return, closing ...)
** also end the current placement; closing needs the responsabile.
*/
#include <string.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "page.h"
#include "session.h"

static const struct field fields[] = {
	{ "stato", "Nuovo stato", FIELD_CHOICE, FIELD_REQUIRED, 0, 0,
	  minore_stati, MINORE_STATI, NULL },
	{ "data", "Dal giorno", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, 0,
	  "gg/mm/aaaa. Per un allontanamento: il giorno in cui il minore si "
	  "è allontanato." },
	{ "motivo", "Motivo", FIELD_TEXTAREA, FIELD_REQUIRED, 3, 1000, NULL, 0,
	  NULL },
};

int
fascicolo_stato_get(struct request *r)
{
	struct form f;
	char today[11];
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	form_init(&f, fields, COUNT(fields));
	date_today(today);
	form_set(r, &f, "data", today);
	return fascicolo_form_page(r, &f, "stato", "Cambio di stato");
}

static const char SQL_CASE_STATO[] =
    "SELECT stato, data_presa_in_carico,"
    " coalesce(data_nascita_accertata, data_nascita),"
    " (SELECT dal FROM collocamenti WHERE minore_id = ?1 AND al IS NULL)"
    " FROM minori WHERE id = ?1";
static const char SQL_STATO_SET[] =
    "UPDATE minori SET stato = ?2, data_stato = ?3,"
    " struttura_id = CASE WHEN ?4 THEN NULL ELSE struttura_id END"
    " WHERE id = ?1";
static const char SQL_PLACEMENT_END[] =
    "UPDATE collocamenti SET al = ?2, motivo_uscita = ?3"
    " WHERE minore_id = ?1 AND al IS NULL";
static const char SQL_STATO_HISTORY[] =
    "INSERT INTO stati (minore_id, stato, data, motivo, utente_id)"
    " VALUES (?, ?, ?, ?, ?)";

int
fascicolo_stato_post(struct request *r)
{
	const char *stato, *data, *motivo_uscita = NULL;
	char *current = NULL, *presa = NULL, *nascita = NULL, *dal = NULL;
	struct form f;
	sqlite3_stmt *st;
	int rc, ok, closes;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	st = db_prepare(SQL_CASE_STATO);
	db_bind_int(st, 1, r->id[0]);
	if (db_step(st) == SQLITE_ROW) {
		current = pool_strdup(&r->pool, db_text(st, 0));
		presa = pool_strdup(&r->pool, db_text(st, 1));
		nascita = pool_strdup(&r->pool, db_text(st, 2));
		if (!db_is_null(st, 3))
			dal = pool_strdup(&r->pool, db_text(st, 3));
	}
	db_done(st);
	if (current == NULL)
		return 404;

	form_init(&f, fields, COUNT(fields));
	form_read(r, &f);
	stato = form_value(&f, "stato");
	data = form_value(&f, "data");
	if (stato && strcmp(stato, current) == 0)
		form_fail(&f, "stato", "Il fascicolo è già in questo stato.");
	if (stato && stato_needs_responsabile(stato) &&
	    !role_can(r->user.role, PERM_CASE_CLOSE)) {
		form_fail(&f, "stato", "Solo il responsabile può chiudere un "
		    "fascicolo.");
		audit_now(r, "permission_denied", "minore", r->id[0],
		    "chiusura");
	}
	if (stato && data && strcmp(stato, "in_prosieguo") == 0 &&
	    date_age(nascita, data) < 18)
		form_fail(&f, "stato", "Il prosieguo amministrativo riguarda "
		    "chi ha compiuto 18 anni.");
	if (data && strcmp(data, presa) < 0)
		form_fail(&f, "data", "La data non può precedere la presa in "
		    "carico.");
	closes = stato && stato_closes_placement(stato, &motivo_uscita);
	if (closes && data && dal && strcmp(data, dal) < 0)
		form_fail(&f, "data", "La data non può precedere l'inizio del "
		    "collocamento attuale.");
	if (f.nerrors > 0)
		return fascicolo_form_page(r, &f, "stato", "Cambio di stato");

	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(SQL_STATO_SET);
	db_bind_int(st, 1, r->id[0]);
	db_bind_text(st, 2, stato);
	db_bind_text(st, 3, data);
	db_bind_int(st, 4, closes);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	if (ok && closes) {
		st = db_prepare(SQL_PLACEMENT_END);
		db_bind_int(st, 1, r->id[0]);
		db_bind_text(st, 2, data);
		db_bind_text(st, 3, motivo_uscita);
		ok = db_step(st) == SQLITE_DONE;
		db_done(st);
	}
	if (ok) {
		st = db_prepare(SQL_STATO_HISTORY);
		db_bind_int(st, 1, r->id[0]);
		db_bind_text(st, 2, stato);
		db_bind_text(st, 3, data);
		db_bind_text(st, 4, form_value(&f, "motivo"));
		db_bind_int(st, 5, r->user.id);
		ok = db_step(st) == SQLITE_DONE;
		db_done(st);
	}
	{
		const struct change c[] = {
			{ "stato", current, stato },
			{ "data_stato", NULL, data },
			{ "motivo", NULL, form_value(&f, "motivo") },
		};

		if (!ok) {
			db_rollback();
			return 500;
		}
		return fascicolo_saved(r, "minore", r->id[0], c, COUNT(c),
		    "Stato aggiornato.");
	}
}
