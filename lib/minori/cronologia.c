/*
** The case's timeline (/minori/N/cronologia): everything that happened to
** the minor in date order, the latest first, gathered from every module
** (modules_cronologia), filterable by kind. This module's own events:
** the finding and the intake, the status changes, the placements and
** the documents.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

static const char SQL_PRESA[] =
    "SELECT data_rintraccio, luogo_rintraccio, data_presa_in_carico, numero"
    " FROM minori WHERE id = :id";
static const char SQL_STATI[] =
    "SELECT data, stato, motivo FROM stati WHERE minore_id = :id";
static const char SQL_COLLOCAMENTI[] =
    "SELECT c.dal, c.al, s.nome FROM collocamenti c"
    " JOIN strutture s ON s.id = c.struttura_id WHERE c.minore_id = :id";
static const char SQL_DOCUMENTI[] =
    "SELECT tipo, data_rilascio, verificato_il FROM documenti"
    " WHERE minore_id = :id";

int
minori_cronologia(struct request *r, long long id, struct eventi *e)
{
	struct stmt *st;
	const char *caso = pool_printf(&r->pool, "/minori/%lld", id);

	st = db_query(SQL_PRESA, ARGS(ARG_INT("id", id)));
	if (db_step(st) == SQLITE_ROW) {
		eventi_add(e, db_text(st, "data_rintraccio"), "presa",
		    "Presa in carico", "Rintracciato", db_text(st,
		    "luogo_rintraccio"), caso);
		eventi_add(e, db_text(st, "data_presa_in_carico"), "presa",
		    "Presa in carico", "Presa in carico", db_text(st, "numero"),
		    caso);
	}
	db_done(st);
	st = db_query(SQL_STATI, ARGS(ARG_INT("id", id)));
	while (db_step(st) == SQLITE_ROW)
		eventi_add(e, db_text(st, "data"), "stato", "Stato",
		    choice_label(minore_stati, minore_nstati, db_text(st,
		    "stato")), db_text(st, "motivo"), caso);
	db_done(st);
	st = db_query(SQL_COLLOCAMENTI, ARGS(ARG_INT("id", id)));
	while (db_step(st) == SQLITE_ROW) {
		eventi_add(e, db_text(st, "dal"), "collocamento",
		    "Collocamento", "Ingresso in struttura", db_text(st, "nome"),
		    caso);
		eventi_add(e, db_text(st, "al"), "collocamento", "Collocamento",
		    "Uscita dalla struttura", db_text(st, "nome"), caso);
	}
	db_done(st);
	st = db_query(SQL_DOCUMENTI, ARGS(ARG_INT("id", id)));
	while (db_step(st) == SQLITE_ROW) {
		const char *tipo = choice_label(documento_tipi, documento_ntipi,
		    db_text(st, "tipo"));

		eventi_add(e, db_text(st, "data_rilascio"), "documento",
		    "Documenti", "Documento rilasciato", tipo, caso);
		eventi_add(e, db_text(st, "verificato_il"), "documento",
		    "Documenti", "Originale verificato", tipo, caso);
	}
	db_done(st);
	return db_failed() ? -1 : 0;
}

/* The latest first; the same day in the order they were added. */
static int
later_first(const void *a, const void *b)
{
	const struct evento *x = a, *y = b;
	int c = strncmp(y->data, x->data, 10);

	return c ? c : (x < y ? -1 : x > y);
}

#define EVENTI_MAX 500

/*
** The case's events, the latest first, into Cronologia.eventi (at most
** `max`, of kind `tipo` if not NULL), and the kinds there are into
** Cronologia.tipi, in the order first seen; how many events are listed.
** The caller has checked who may read it.
*/
static int
timeline(struct request *r, long long id, const char *tipo, int max)
{
	struct eventi e = { .pool = &r->pool };
	int shown = 0;

	if (modules_cronologia(r, id, &e) != 0)
		return -1;
	qsort(e.v, e.n, sizeof *e.v, later_first);
	for (size_t i = 0, k = 0; i < e.n; i++) {
		size_t j;

		for (j = 0; j < i && strcmp(e.v[j].tipo, e.v[i].tipo) != 0; j++)
			;
		if (j < i)
			continue;
		row_set(page_row(r, "Cronologia.tipi", (int)k), "value",
		    e.v[i].tipo);
		row_set(page_row(r, "Cronologia.tipi", (int)k), "label",
		    e.v[i].tipo_label);
		k++;
	}
	for (size_t i = 0; i < e.n && shown < max; i++) {
		HDF *row;

		if (tipo && strcmp(tipo, e.v[i].tipo) != 0)
			continue;
		row = page_row(r, "Cronologia.eventi", shown++);
		row_set_date(row, "data", e.v[i].data);
		row_set(row, "tipo", e.v[i].tipo_label);
		row_set(row, "titolo", e.v[i].titolo);
		if (e.v[i].dettaglio)
			row_set(row, "dettaglio", e.v[i].dettaglio);
		if (e.v[i].href)
			row_set(row, "href", e.v[i].href);
	}
	page_set_int(r, "Cronologia.n", shown);
	page_set_int(r, "Cronologia.tutti", (long long)e.n);
	return shown;
}

/* The case page's latest events: the office's (full) view only. */
int
cronologia_recenti(struct request *r, long long id, int max)
{
	return timeline(r, id, NULL, max) < 0 ? -1 : 0;
}

/* GET /minori/N/cronologia[?tipo=K] */
int
cronologia(struct request *r)
{
	long long id = r->id[0];
	const char *tipo = request_get(r, "tipo");
	int rc;

	if ((rc = minore_access(r, id, 0)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "minore", id, "cronologia");
		return 403;
	}
	if (audit_view(r, "minore", id, "cronologia") != 0)
		return 500;
	if (db_begin_read() != 0)
		return 500;
	rc = fascicolo_header(r, id, 1);
	if (rc == 0 && timeline(r, id, tipo && *tipo ? tipo : NULL,
	    EVENTI_MAX) < 0)
		rc = 500;
	db_end_read();
	if (rc != 0)
		return rc;
	page_set(r, "Cronologia.tipo", tipo ? tipo : "");
	return page_render(r, "minori/cronologia.cs", "Cronologia");
}
