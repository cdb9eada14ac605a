/*
** A case's deadlines: the list the case page's panel draws
** (scadenze_del_caso(), cgi-bin/templates/scadenze/pannello.cs) and the
** case's own page of them (/minori/N/scadenze). A case whose facts
** changed and whose deadlines are not computed again yet (it is in the
** queue) is shown as its facts make it now. Writes no table.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "minori.h"
#include "page.h"
#include "utenti.h"

static const char SQL_APERTE[] =
    "SELECT regola, entro, ora, scade, fatta_il, stato, utente_id"
    " FROM scadenze WHERE minore_id = :minore AND stato = 'aperta'"
    " ORDER BY scade, regola, oggetto_id";
/* The done ones, the latest 20 (an interview's every month adds one). */
static const char SQL_FATTE[] =
    "SELECT regola, entro, ora, scade, fatta_il, stato, utente_id"
    " FROM scadenze WHERE minore_id = :minore AND stato = 'fatta'"
    " ORDER BY scade DESC, regola DESC, oggetto_id DESC LIMIT 20";
static const char SQL_IN_CODA[] =
    "SELECT count(*) FROM scadenze_da_ricalcolare WHERE minore_id = :minore";

struct pannello {
	struct request *r;
	const char *list;
	int n;
	long long adesso;
	char oggi[11], fra7[11];
	const struct choice *utenti;
	size_t nutenti;
};

/* One deadline of the case, with its state; ten values. */
static void
riga(struct pannello *k, const struct regola *g, const char *entro,
    const char *ora, long long scade, const char *fatta_il, int fatta,
    long long utente)
{
	HDF *row = page_row(k->r, k->list, k->n++);
	const char *stato, *label;
	char it[11];

	if (fatta) {
		stato = "fatta";
		date_it(fatta_il, it);
		label = fatta_il && *fatta_il ? pool_printf(&k->r->pool,
		    "Fatta il %s", it) : "Fatta";
	} else if (scade <= k->adesso) {
		stato = "scaduta";
		label = "Scaduta";
	} else if (strcmp(entro, k->oggi) == 0) {
		stato = "oggi";
		label = "Scade oggi";
	} else if (strcmp(entro, k->fra7) <= 0) {
		stato = "settimana";
		label = "Entro 7 giorni";
	} else {
		stato = "prossima";
		label = "In programma";
	}
	row_set(row, "regola", g->codice);
	row_set(row, "titolo", g->titolo);
	row_set(row, "fonte", g->fonte);
	row_set_date(row, "entro", entro);
	row_set(row, "ora", ora);
	row_set(row, "stato", stato);
	row_set(row, "stato_label", label);
	row_set_date(row, "fatta_il", fatta_il);
	if (utente) {
		char id[24];

		snprintf(id, sizeof id, "%lld", utente);
		row_set(row, "utente", choice_label(k->utenti, k->nutenti, id));
	} else
		row_set(row, "utente", "");
	row_set(row, "urgenza", regola_urgenza(g->urgenza));
}

/* The deadlines of `st`, kept ones, each as riga(). */
static void
salvate(struct pannello *k, struct stmt *st)
{
	while (db_step(st) == SQLITE_ROW) {
		const struct regola *g = regola_trova(db_text(st, "regola"));

		if (g)
			riga(k, g, db_text(st, "entro"), db_text(st, "ora"),
			    db_int(st, "scade"), db_text(st, "fatta_il"),
			    strcmp(db_text(st, "stato"), "fatta") == 0,
			    db_int(st, "utente_id"));
	}
	db_done(st);
}

/* A computed deadline, open or done, kept for sorting. */
struct viva {
	const struct regola *g;
	struct scadenza s;
};
struct vive {
	struct viva *v;
	size_t n, cap;
};

static int
viva_add(const struct regola *g, const struct scadenza *s, void *ctx)
{
	struct vive *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].g = g;
	l->v[l->n++].s = *s;
	return 0;
}

/* Open ones first, by when they are overdue; then done, latest first. */
static int
viva_cmp(const void *pa, const void *pb)
{
	const struct viva *a = pa, *b = pb;
	int fa = a->s.fatta_il != NULL, fb = b->s.fatta_il != NULL;

	if (fa != fb)
		return fa - fb;
	if (a->s.c.scade != b->s.c.scade) {
		int before = a->s.c.scade < b->s.c.scade;

		return fa ? (before ? 1 : -1) : (before ? -1 : 1);
	}
	return strcmp(a->g->codice, b->g->codice);
}

int
scadenze_del_caso(struct request *r, long long minore, const char *list)
{
	struct pannello k = { .r = r, .list = list };

	if (!role_can(r->user.role, &scadenze_lettura))
		return 0;
	k.adesso = (long long)time(NULL);
	date_today_rome(k.oggi);
	date_add_days(k.oggi, 7, k.fra7);
	k.utenti = utenti_nomi(&k.nutenti);
	if (db_value(SQL_IN_CODA, ARGS(ARG_INT("minore", minore)), 0) > 0) {
		struct vive l = { 0 };
		size_t done = 0;

		if (ricalcolo_caso_vivo(&r->pool, minore, viva_add, &l) != 0) {
			free(l.v);
			return -1;
		}
		qsort(l.v, l.n, sizeof *l.v, viva_cmp);
		for (size_t i = 0; i < l.n; i++) {
			const struct scadenza *s = &l.v[i].s;

			if (s->fatta_il && done++ >= 20)
				break;
			riga(&k, l.v[i].g, s->c.entro, s->c.ora, s->c.scade,
			    s->fatta_il, s->fatta_il != NULL, s->utente);
		}
		free(l.v);
		return k.n;
	}
	salvate(&k, db_query(SQL_APERTE, ARGS(ARG_INT("minore", minore))));
	salvate(&k, db_query(SQL_FATTE, ARGS(ARG_INT("minore", minore))));
	return db_failed() ? -1 : k.n;
}

/* GET /minori/N/scadenze: the case's deadlines, under its header. */
int
pannello_pagina(struct request *r)
{
	long long id = r->id[0];
	int rc;

	if ((rc = minore_access(r, id, 0)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "minore", id, "scadenze");
		return 403;
	}
	if (audit_view(r, "minore", id, "scadenze") != 0)
		return 500;
	if (db_begin_read() != 0)
		return 500;
	rc = fascicolo_header(r, id, 1);
	if (rc == 0 && scadenze_del_caso(r, id, "Scadenze") < 0)
		rc = 500;
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "scadenze/caso.cs", "Scadenze del caso");
}
