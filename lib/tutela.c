/*
** Tutela: the minor's guardian, first provisional, then a tutore
** volontario appointed by the juvenile court.
*/
#include <string.h>

#include "audit.h"
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "page.h"
#include "session.h"

static const struct choice tipi[] = {
	{ "provvisorio", "Tutore provvisorio" },
	{ "volontario", "Tutore volontario" },
};

const char *
tutela_tipo_label(const char *tipo)
{
	return choice_label(tipi, COUNT(tipi), tipo);
}

static const struct field fields[] = {
	{ "tipo", "Tipo di tutela", FIELD_CHOICE, FIELD_REQUIRED, 0, 0, tipi,
	  COUNT(tipi), NULL },
	{ "nome", "Nome e cognome del tutore", FIELD_TEXT, 0, 0, 120, NULL, 0,
	  NULL },
	{ "recapito", "Recapito (telefono, email)", FIELD_TEXT, 0, 0, 200,
	  NULL, 0, NULL },
	{ "tribunale", "Tribunale per i minorenni", FIELD_TEXT, 0, 0, 120,
	  NULL, 0, "Es. Tribunale per i minorenni di Roma" },
	{ "data_ricorso", "Data del ricorso per la nomina", FIELD_DATE, 0, 0,
	  0, NULL, 0, "gg/mm/aaaa" },
	{ "data_nomina", "Data della nomina", FIELD_DATE, 0, 0, 0, NULL, 0,
	  "gg/mm/aaaa" },
};

static const char SQL_GET[] =
    "SELECT tipo, nome, recapito, tribunale, data_ricorso, data_nomina"
    " FROM tutele WHERE minore_id = ?";
static const char SQL_SET[] =
    "INSERT INTO tutele (minore_id, tipo, nome, recapito, tribunale,"
    " data_ricorso, data_nomina) VALUES (?1, ?2, coalesce(?3, ''),"
    " coalesce(?4, ''), coalesce(?5, ''), ?6, ?7)"
    " ON CONFLICT (minore_id) DO UPDATE SET tipo = excluded.tipo,"
    " nome = excluded.nome, recapito = excluded.recapito,"
    " tribunale = excluded.tribunale, data_ricorso = excluded.data_ricorso,"
    " data_nomina = excluded.data_nomina";

int
fascicolo_tutela_get(struct request *r)
{
	const char *v[COUNT(fields)];
	struct form f;
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	if (audit_now(r, "view", "minore", r->id[0], "tutela") != 0)
		return 500;
	form_init(&f, fields, COUNT(fields));
	fascicolo_values(r, SQL_GET, v, COUNT(fields));
	for (size_t i = 0; i < COUNT(fields); i++)
		form_set(r, &f, fields[i].name, v[i]);
	return fascicolo_form_page(r, &f, "tutela", "Tutela");
}

int
fascicolo_tutela_post(struct request *r)
{
	const char *before[COUNT(fields)];
	struct change c[COUNT(fields)];
	struct form f;
	sqlite3_stmt *st;
	const char *tipo, *ricorso, *nomina;
	int rc, ok;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	fascicolo_values(r, SQL_GET, before, COUNT(fields));
	form_init(&f, fields, COUNT(fields));
	form_read(r, &f);
	tipo = form_value(&f, "tipo");
	ricorso = form_value(&f, "data_ricorso");
	nomina = form_value(&f, "data_nomina");
	if (tipo && strcmp(tipo, "volontario") == 0) {
		if (!form_value(&f, "nome"))
			form_fail(&f, "nome", "Per il tutore volontario indica "
			    "nome e cognome.");
		if (!nomina)
			form_fail(&f, "data_nomina", "Per il tutore volontario "
			    "indica la data della nomina.");
	}
	if (ricorso && nomina && strcmp(nomina, ricorso) < 0)
		form_fail(&f, "data_nomina", "La nomina non può precedere il "
		    "ricorso.");
	if (f.nerrors > 0)
		return fascicolo_form_page(r, &f, "tutela", "Tutela");

	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(SQL_SET);
	db_bind_int(st, 1, r->id[0]);
	for (size_t i = 0; i < COUNT(fields); i++) {
		db_bind_text(st, (int)i + 2, f.value[i]);
		c[i].field = fields[i].name;
		c[i].before = before[i];
		c[i].after = f.value[i];
	}
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	if (!ok) {
		db_rollback();
		return 500;
	}
	return fascicolo_saved(r, "minore", r->id[0], c, COUNT(c),
	    "Tutela aggiornata.");
}
