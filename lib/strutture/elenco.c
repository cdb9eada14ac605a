/*
** The registry's list (/minori/strutture): every facility of the
** circuit, the active ones first, with its type, municipio, authorised
** places and agreement; the way to each one's record and to a new one.
** Writes nothing.
*/
#include "interno.h"
#include "page.h"

static const char SQL_ELENCO[] =
    "SELECT id, nome, tipo, coalesce(municipio, '') AS municipio, attiva,"
    " " STRUTTURE_POSTI("") " AS posti,"
    " coalesce(strftime('%d/%m/%Y', convenzione_al), '') AS al,"
    " convenzione_al < date('now', 'localtime') AS scaduta"
    " FROM strutture ORDER BY attiva DESC, nome LIMIT 1000";

static void
riga(HDF *row, struct stmt *st, void *ctx)
{
	(void)ctx;
	row_set(row, "tipo", struttura_tipo(db_text(st, "tipo")));
}

/* GET /minori/strutture */
int
strutture_elenco(struct request *r)
{
	page_rows(r, "Strutture", db_query(SQL_ELENCO, NO_ARGS), 0, riga,
	    NULL);
	return page_render(r, "strutture/elenco.cs",
	    "Strutture di accoglienza");
}
