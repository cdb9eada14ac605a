/*
** registro: the audit log, for the responsabile to browse and filter.
** Read-only: the application has no way to change the log.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

#include "db.h"
#include "form.h"
#include "page.h"

static const struct choice azioni[] = {
	{ "login", "Accesso" },
	{ "login_failed", "Accesso fallito" },
	{ "logout", "Uscita" },
	{ "view", "Consultazione" },
	{ "create", "Creazione" },
	{ "update", "Modifica" },
	{ "delete", "Eliminazione" },
	{ "export", "Esportazione" },
	{ "permission_denied", "Accesso negato" },
};

static const struct field filter_fields[] = {
	{ "dal", "Dal", FIELD_DATE, 0, 0, 0, NULL, 0, "gg/mm/aaaa" },
	{ "al", "Al", FIELD_DATE, FIELD_FUTURE, 0, 0, NULL, 0, "gg/mm/aaaa" },
	{ "utente", "Utente", FIELD_TEXT, 0, 0, 100, NULL, 0, NULL },
	{ "azione", "Azione", FIELD_CHOICE, 0, 0, 0, azioni, COUNT(azioni),
	  NULL },
	{ "entita", "Oggetto", FIELD_TEXT, 0, 0, 40, NULL, 0,
	  "Es. minore, utente" },
	{ "entita_id", "N. oggetto", FIELD_INT, 0, 1, 999999999999LL, NULL, 0,
	  NULL },
	{ "pagina", "Pagina", FIELD_INT, 0, 1, 100000, NULL, 0, NULL },
};

#define PAGE_ROWS 50

static const char SQL_AUDIT_PAGE[] =
    "SELECT id, datetime(quando, 'localtime'), username, indirizzo, azione,"
    " entita, entita_id, dettaglio FROM audit"
    " WHERE id >= ?1 AND id < ?2"
    " AND (?3 IS NULL OR username = ?3 COLLATE NOCASE)"
    " AND (?4 IS NULL OR azione = ?4)"
    " AND (?5 IS NULL OR entita = ?5)"
    " AND (?6 IS NULL OR entita_id = ?6)"
    " ORDER BY id DESC LIMIT ?7 OFFSET ?8";
static const char SQL_AUDIT_CHANGES[] =
    "SELECT campo, coalesce(prima, ''), coalesce(dopo, '')"
    " FROM audit_modifiche WHERE audit_id = ? ORDER BY rowid";

static const char SQL_AUDIT_END[] = "SELECT coalesce(max(id), 0) + 1 FROM audit";
static const char SQL_AUDIT_AFTER[] =
    "SELECT quando >= datetime(?2, 'utc') FROM audit WHERE id >= ?1"
    " ORDER BY id LIMIT 1";

/*
** The first audit id recorded at or after local time `when`. Ids and
** times grow together (each row is written under the write lock), so a
** binary search over ids replaces an index on the time.
*/
static long long
first_id_from(const char *when)
{
	sqlite3_stmt *st = db_prepare(SQL_AUDIT_END);
	long long lo = 1, hi = 1;

	if (db_step(st) == SQLITE_ROW)
		hi = db_int(st, 0);
	db_done(st);
	st = db_prepare(SQL_AUDIT_AFTER);
	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;
		int after = 1;

		db_bind_int(st, 1, mid);
		db_bind_text(st, 2, when);
		if (db_step(st) == SQLITE_ROW)
			after = (int)db_int(st, 0);
		db_done(st);
		if (after)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static int
audit_list(struct request *r)
{
	sqlite3_stmt *st, *ch;
	struct form f;
	long long page;
	int i = 0;

	form_init(&f, filter_fields, COUNT(filter_fields));
	form_read(r, &f);
	form_page(r, &f);
	if (f.nerrors > 0)
		return page_render(r, "registro.cs", "Registro accessi");
	page = form_value(&f, "pagina") ? form_int(&f, "pagina") : 1;

	{
		/* Date filters become an id range: [from "dal", to the day after "al"). */
		char when[32], next[11];
		long long from = 1, to = INT64_MAX;

		if (form_value(&f, "dal")) {
			snprintf(when, sizeof when, "%s 00:00:00", form_value(&f, "dal"));
			from = first_id_from(when);
		}
		if (form_value(&f, "al")) {
			date_add_days(form_value(&f, "al"), 1, next);
			snprintf(when, sizeof when, "%s 00:00:00", next);
			to = first_id_from(when);
		}
		st = db_prepare(SQL_AUDIT_PAGE);
		db_bind_int(st, 1, from);
		db_bind_int(st, 2, to);
	}
	for (int k = 2; k < 5; k++)
		db_bind_text(st, k + 1, form_value(&f, filter_fields[k].name));
	if (form_value(&f, "entita_id"))
		db_bind_int(st, 6, form_int(&f, "entita_id"));
	db_bind_int(st, 7, PAGE_ROWS + 1);
	db_bind_int(st, 8, (page - 1) * PAGE_ROWS);
	ch = db_prepare(SQL_AUDIT_CHANGES);
	while (db_step(st) == SQLITE_ROW) {
		char list[64];
		int k = 0;

		if (i == PAGE_ROWS) {
			page_set_int(r, "Audit.next", page + 1);
			break;
		}
		page_set_item(r, "Audit.rows", i, "quando", db_text(st, 1));
		page_set_item(r, "Audit.rows", i, "username", db_text(st, 2));
		page_set_item(r, "Audit.rows", i, "indirizzo", db_text(st, 3));
		page_set_item(r, "Audit.rows", i, "azione",
		    choice_label(azioni, COUNT(azioni), db_text(st, 4)));
		page_set_item(r, "Audit.rows", i, "entita", db_text(st, 5));
		page_set_item(r, "Audit.rows", i, "entita_id", db_text(st, 6));
		page_set_item(r, "Audit.rows", i, "dettaglio", db_text(st, 7));
		db_bind_int(ch, 1, db_int(st, 0));
		snprintf(list, sizeof list, "Audit.rows.%d.changes", i);
		while (db_step(ch) == SQLITE_ROW) {
			page_set_item(r, list, k, "campo", db_text(ch, 0));
			page_set_item(r, list, k, "prima", db_text(ch, 1));
			page_set_item(r, list, k, "dopo", db_text(ch, 2));
			k++;
		}
		db_done(ch);
		i++;
	}
	db_done(st);
	page_set_int(r, "Audit.count", i);
	page_set_int(r, "Audit.page", page);
	if (page > 1)
		page_set_int(r, "Audit.prev", page - 1);
	return page_render(r, "registro.cs", "Registro accessi");
}

static const struct route routes[] = {
	{ "GET", "/registro", PERM_AUDIT, audit_list },
};

int
main(int argc, char **argv)
{
	static const struct program prog = { "registro", routes, COUNT(routes) };

	return app_main(&prog, argc, argv);
}
