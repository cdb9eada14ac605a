/*
** The case's monitoring page (/minori/N/monitoraggio): its interviews and
** its follow-up actions, under the case's header; and the frame of the
** module's forms. The office reads it (a facility does not: its own forms
** come with the facility portal); every view is an audit row.
*/
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

/* GET /minori/N/monitoraggio */
int
monitoraggio_pagina(struct request *r)
{
	long long id = r->id[0];
	int rc;

	if ((rc = minore_access(r, id, 0)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "minore", id, "monitoraggio");
		return 403;
	}
	if (audit_view(r, "minore", id, "monitoraggio") != 0)
		return 500;
	if (db_begin_read() != 0)
		return 500;
	rc = fascicolo_header(r, id, 1);
	if (rc == 0) {
		colloqui_del_caso(r, id);
		contatti_del_caso(r, id);
		eventi_del_caso(r, id);
		relazioni_del_caso(r, id);
		riunioni_del_caso(r, id);
		azioni_del_caso(r, id);
		rc = db_failed() ? 500 : 0;
	}
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "monitoraggio/monitoraggio.cs", "Monitoraggio");
}

/*
** May the user change record e->id (found by `sql_owner`, its minore_id
** by :id), or add one, to case r->id[0]? The case's writers; 404 for a
** record of another case.
*/
int
monitoraggio_access(struct edit *e, const char *sql_owner)
{
	if (e->id && db_value(sql_owner, ARGS(ARG_INT("id", e->id)), 0) !=
	    e->r->id[0])
		return 404;
	return minore_access(e->r, e->r->id[0], 1);
}

/* After saving: the case's monitoring page, at `where`. */
const char *
monitoraggio_next(struct edit *e, const char *where)
{
	return pool_printf(&e->r->pool, "/minori/%lld/monitoraggio#%s",
	    e->r->id[0], where);
}

/* A form of the module, under the case's header, posting to `action`. */
int
monitoraggio_form_page(struct edit *e, const char *action)
{
	int rc = fascicolo_header(e->r, e->r->id[0], 1);

	if (rc != 0)
		return rc;
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", action);
	page_set(e->r, "Section.title", e->rec->title);
	return page_render(e->r, "monitoraggio/modulo.cs", e->rec->title);
}

static const char SQL_CRONOLOGIA[] =
    "SELECT 'colloquio' AS k, data, coalesce(luogo, '') AS dettaglio"
    " FROM colloqui WHERE minore_id = :minore"
    " UNION ALL SELECT 'contatto', data, argomento FROM contatti"
    " WHERE minore_id = :minore"
    " UNION ALL SELECT 'azione', fatta_il, cosa FROM azioni_seguito"
    " WHERE minore_id = :minore AND stato = 'fatta'"
    " UNION ALL SELECT 'evento:' || tipo, data, descrizione FROM eventi_critici"
    " WHERE minore_id = :minore"
    " UNION ALL SELECT 'riunione:' || r.tipo, r.data, x.decisioni"
    " FROM riunioni_minori x JOIN riunioni r ON r.id = x.riunione_id"
    " WHERE x.minore_id = :minore";

/* The case's timeline: interviews, contacts, actions done. */
int
monitoraggio_cronologia(struct request *r, long long minore, struct eventi *e)
{
	struct stmt *st = db_query(SQL_CRONOLOGIA, ARGS(ARG_INT("minore",
	    minore)));
	const char *href = pool_printf(&r->pool, "/minori/%lld/monitoraggio",
	    minore);

	while (db_step(st) == SQLITE_ROW) {
		const char *k = db_text(st, "k");

		if (strcmp(k, "colloquio") == 0)
			eventi_add(e, db_text(st, "data"), "colloquio",
			    "Colloqui", "Colloquio con il minore",
			    db_text(st, "dettaglio"), href);
		else if (strcmp(k, "contatto") == 0)
			eventi_add(e, db_text(st, "data"), "contatto",
			    "Contatti con la struttura", "Contatto con la "
			    "struttura", db_text(st, "dettaglio"), href);
		else if (strncmp(k, "riunione:", 9) == 0)
			eventi_add(e, db_text(st, "data"), "riunione",
			    "Riunioni d'équipe", pool_printf(&r->pool,
			    "Riunione d'équipe: %s", riunione_tipo(k + 9)),
			    db_text(st, "dettaglio"), href);
		else if (strncmp(k, "evento:", 7) == 0)
			eventi_add(e, db_text(st, "data"), "evento",
			    "Eventi critici", evento_tipo(k + 7),
			    db_text(st, "dettaglio"), href);
		else
			eventi_add(e, db_text(st, "data"), "azione",
			    "Azioni di follow-up", "Azione fatta",
			    db_text(st, "dettaglio"), href);
	}
	db_done(st);
	return db_failed() ? -1 : 0;
}
