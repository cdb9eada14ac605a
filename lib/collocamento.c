/*
** Collocamento: moving a minor to another facility. The current
** placement ends the day the new one begins; the history keeps both.
*/
#include <string.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "page.h"
#include "session.h"

enum { F_STRUTTURA, F_DAL, F_NOTE };

static void
placement_form(struct form *f, struct field *fields)
{
	static const struct field base[] = {
		[F_STRUTTURA] = { "struttura_id", "Nuova struttura", FIELD_CHOICE,
		    FIELD_REQUIRED, 0, 0, NULL, 0, NULL },
		[F_DAL] = { "dal", "Data del trasferimento", FIELD_DATE,
		    FIELD_REQUIRED, 0, 0, NULL, 0, "gg/mm/aaaa" },
		[F_NOTE] = { "note", "Note", FIELD_TEXTAREA, 0, 0, 1000, NULL, 0,
		    NULL },
	};

	memcpy(fields, base, sizeof base);
	fields[F_STRUTTURA].choices = strutture_choices(
	    &fields[F_STRUTTURA].nchoices);
	form_init(f, fields, COUNT(base));
}

int
fascicolo_collocamento_get(struct request *r)
{
	struct field fields[3];
	struct form f;
	char today[11];
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	placement_form(&f, fields);
	date_today(today);
	form_set(r, &f, "dal", today);
	return fascicolo_form_page(r, &f, "collocamento",
		    "Trasferimento in altra struttura");
}

static const char SQL_CURRENT[] =
    "SELECT m.stato, c.struttura_id, c.dal FROM minori m"
    " LEFT JOIN collocamenti c ON c.minore_id = m.id AND c.al IS NULL"
    " WHERE m.id = ?";
static const char SQL_END[] =
    "UPDATE collocamenti SET al = ?2, motivo_uscita = 'trasferimento'"
    " WHERE minore_id = ?1 AND al IS NULL";
static const char SQL_BEGIN_PLACEMENT[] =
    "INSERT INTO collocamenti (minore_id, struttura_id, dal, note)"
    " VALUES (?1, ?2, ?3, coalesce(?4, ''))";
static const char SQL_CASE_STRUTTURA[] =
    "UPDATE minori SET struttura_id = ?2 WHERE id = ?1";

int
fascicolo_collocamento_post(struct request *r)
{
	struct field fields[3];
	struct form f;
	sqlite3_stmt *st;
	char *stato = NULL, *current = NULL, *dal = NULL;
	const char *nuova, *from;
	int rc, ok;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	st = db_prepare(SQL_CURRENT);
	db_bind_int(st, 1, r->id[0]);
	if (db_step(st) == SQLITE_ROW) {
		stato = pool_strdup(&r->pool, db_text(st, 0));
		if (!db_is_null(st, 1)) {
			current = pool_strdup(&r->pool, db_text(st, 1));
			dal = pool_strdup(&r->pool, db_text(st, 2));
		}
	}
	db_done(st);
	if (stato == NULL)
		return 404;
	placement_form(&f, fields);
	form_read(r, &f);
	nuova = form_value(&f, "struttura_id");
	from = form_value(&f, "dal");
	if (strcmp(stato, "in_carico") != 0 && strcmp(stato, "in_prosieguo") != 0)
		form_fail(&f, "struttura_id", "Si può collocare solo un minore "
		    "in carico o in prosieguo: cambia prima lo stato.");
	if (nuova && current && strcmp(nuova, current) == 0)
		form_fail(&f, "struttura_id", "Il minore è già in questa "
		    "struttura.");
	if (from && dal && strcmp(from, dal) < 0)
		form_fail(&f, "dal", "Il trasferimento non può precedere "
		    "l'inizio del collocamento attuale.");
	if (f.nerrors > 0)
		return fascicolo_form_page(r, &f, "collocamento",
		    "Trasferimento in altra struttura");

	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(SQL_END);
	db_bind_int(st, 1, r->id[0]);
	db_bind_text(st, 2, from);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	st = db_prepare(SQL_BEGIN_PLACEMENT);
	db_bind_int(st, 1, r->id[0]);
	db_bind_text(st, 2, nuova);
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, form_value(&f, "note"));
	ok = ok && db_step(st) == SQLITE_DONE;
	db_done(st);
	st = db_prepare(SQL_CASE_STRUTTURA);
	db_bind_int(st, 1, r->id[0]);
	db_bind_text(st, 2, nuova);
	ok = ok && db_step(st) == SQLITE_DONE;
	db_done(st);
	{
		const struct change c[] = {
			{ "struttura_id", current, nuova },
			{ "collocamento_dal", NULL, from },
		};

		if (!ok) {
			db_rollback();
			return 500;
		}
		return fascicolo_saved(r, "minore", r->id[0], c, COUNT(c),
		    "Trasferimento registrato.");
	}
}
