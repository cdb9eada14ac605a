/*
** Status changes proposed by someone who may not make them (a facility
** reporting a minor missing): shown on the case page for the office to
** confirm, which makes the change with the status form's own writer
** (stato.c: the placement ends with it), or to decline. The only writer
** of stati_proposti.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"
#include "session.h"

static const char SQL_APERTA[] =
    "SELECT id FROM stati_proposti WHERE minore_id = :minore AND stato = :stato"
    " AND esito IS NULL";
static const char SQL_ADD[] =
    "INSERT INTO stati_proposti (minore_id, stato, data, motivo, proposto_da)"
    " VALUES (:minore, :stato, :data, :motivo, :utente)";

/*
** Proposes status `stato` from `data` for case `minore`, in the caller's
** transaction (an open proposal of the same status is kept, not doubled);
** the proposal's id, or -1.
*/
long long
minore_stato_proponi(struct request *r, long long minore, const char *stato,
    const char *data, const char *motivo)
{
	long long id = db_value(SQL_APERTA, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("stato", stato)), 0);
	struct change c[] = { { "stato", NULL, stato }, { "data", NULL, data } };

	if (id > 0)
		return id;
	id = db_insert(SQL_ADD, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("stato", stato), ARG_TEXT("data", data),
	    ARG_TEXT("motivo", motivo), ARG_INT("utente", r->user.id)));
	if (id <= 0 || audit_record(r, "create", "stato_proposto", id,
	    pool_printf(&r->pool, "minore %lld", minore), c, COUNT(c)) < 0)
		return -1;
	return id;
}

static const char SQL_PROPOSTE[] =
    "SELECT p.id, p.stato, strftime('%d/%m/%Y', p.data) AS data, p.motivo,"
    " coalesce(u.nome, '') AS proposto_da,"
    " strftime('%d/%m/%Y %H:%M', p.proposto_il, 'localtime') AS proposto_il"
    " FROM stati_proposti p LEFT JOIN utenti u ON u.id = p.proposto_da"
    " WHERE p.minore_id = :minore AND p.esito IS NULL ORDER BY p.id";

/* Proposte: the case's open proposals, for its page. */
int
proposte_page(struct request *r, long long minore)
{
	return page_rows(r, "Proposte", db_query(SQL_PROPOSTE,
	    ARGS(ARG_INT("minore", minore))), 0, row_label, &(struct label){
	    "stato", "stato_label", minore_stati, minore_nstati });
}

static const char SQL_PROPOSTA[] =
    "SELECT p.stato, p.data, p.motivo, m.stato AS attuale"
    " FROM stati_proposti p JOIN minori m ON m.id = p.minore_id"
    " WHERE p.id = :id AND p.minore_id = :minore AND p.esito IS NULL";
static const char SQL_DECIDI[] =
    "UPDATE stati_proposti SET esito = :esito, deciso_da = :utente,"
    " deciso_il = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE id = :id";

/* POST /minori/N/proposte/M/conferma and .../respingi */
static int
decide(struct request *r, int conferma)
{
	long long minore = r->id[0];
	struct row p;
	int rc;

	if ((rc = minore_access(r, minore, 1)) != 0)
		return rc;
	if (db_begin_write() != 0)
		return 500;
	if (db_row(&r->pool, SQL_PROPOSTA, ARGS(ARG_INT("id", r->id[1]),
	    ARG_INT("minore", minore)), &p) != 1) {
		db_rollback();
		session_set_errore(r, "Questa proposta è già stata decisa.");
		return response_redirect(r, pool_printf(&r->pool,
		    "/minori/%lld", minore));
	}
	if (conferma && strcmp(row_get(&p, "stato"), row_get(&p, "attuale"))
	    != 0 && stato_change(r, minore, row_get(&p, "stato"),
	    row_get(&p, "data"), row_get(&p, "motivo"), NULL) != 0)
		db_fail();
	db_write(SQL_DECIDI, ARGS(ARG_INT("id", r->id[1]), ARG_TEXT("esito",
	    conferma ? "confermato" : "respinto"), ARG_INT("utente",
	    r->user.id)));
	audit_record(r, "update", "stato_proposto", r->id[1], pool_printf(
	    &r->pool, "minore %lld", minore), &(const struct change){ "esito",
	    NULL, conferma ? "confermato" : "respinto" }, 1);
	session_set_avviso(r, conferma ? "Cambio di stato confermato." :
	    "Proposta respinta: lo stato non cambia.");
	if (db_commit() != 0)
		return 500;
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld",
	    minore));
}

int
proposta_conferma_post(struct request *r)
{
	return decide(r, 1);
}

int
proposta_respingi_post(struct request *r)
{
	return decide(r, 0);
}
