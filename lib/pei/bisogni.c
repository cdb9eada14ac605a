/*
** The needs of a minor as the PEI assessed them last, for other modules
** (the places module matches them against what the facilities are
** equipped for): the latest version's vulnerabilities that are
** suspected or confirmed, its overall level and the needs the facility
** must act on. Writes nothing.
*/
#include <stdlib.h>
#include <string.h>

#include "interno.h"

static const char SQL_ULTIMA[] =
    "SELECT p.id, p.versione, p.revisione, p.stato, v.livello,"
    " coalesce(v.bisogni_struttura, '') AS note FROM pei p"
    " LEFT JOIN pei_valutazione v ON v.pei_id = p.id"
    " WHERE p.minore_id = :minore ORDER BY p.versione DESC LIMIT 1";
static const char SQL_VULNERABILITA[] =
    "SELECT categoria, esito FROM pei_vulnerabilita WHERE pei_id = :pei"
    " AND esito IN ('sospetto', 'confermato') ORDER BY categoria + 0";

/*
** Fills `b` with minor `minore`'s needs (b->versione 0: no PEI yet).
** Strings in `pool`. 0, or -1 on a database error.
*/
int
pei_bisogni(struct pool *pool, long long minore, struct pei_bisogni *b)
{
	struct stmt *st = db_query(SQL_ULTIMA, ARGS(ARG_INT("minore", minore)));
	long long pei = 0;

	memset(b, 0, sizeof *b);
	if (db_step(st) == SQLITE_ROW) {
		pei = b->pei = db_int(st, "id");
		b->revisione = db_int(st, "revisione");
		b->versione = (int)db_int(st, "versione");
		b->stato = pool_strdup(pool, db_text(st, "stato"));
		b->livello = db_is_null(st, "livello") ? NULL :
		    pool_strdup(pool, db_text(st, "livello"));
		b->note = pool_strdup(pool, db_text(st, "note"));
	}
	db_done(st);
	if (pei == 0)
		return db_failed() ? -1 : 0;
	st = db_query(SQL_VULNERABILITA, ARGS(ARG_INT("pei", pei)));
	while (db_step(st) == SQLITE_ROW && b->n < COUNT(b->v)) {
		const char *k = db_text(st, "categoria");

		b->v[b->n].categoria = atoi(k);
		b->v[b->n].label = choice_label(pei_categorie, pei_ncategorie,
		    k);
		b->v[b->n].confermato = strcmp(db_text(st, "esito"),
		    "confermato") == 0;
		b->n++;
	}
	db_done(st);
	return db_failed() ? -1 : 0;
}
