/*
** The places' notices, in the transaction of the step that causes them:
** a proposal to the facility's users (to answer it) and its withdrawal;
** its answer and the transfer made to the case worker, whoever asked for
** the place and the responsabili. The case by its number, the facility by its name: no
** personal data (a refusal's reason stays in the app: a mail says only
** the kind, the case's number, the date and the link). Writes no table
** (lib/core/notifiche.c does).
*/
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interno.h"
#include "notifiche.h"

static const char SQL_PROPOSTA[] =
    "SELECT p.richiesta_id, p.struttura_id, p.scade_il, p.data_trasferimento,"
    " coalesce(p.motivo_rifiuto, '') AS motivo, m.numero,"
    " coalesce(m.operatore_id, 0) AS operatore,"
    " coalesce(q.richiesta_da, 0) AS richiesta_da,"
    " coalesce(u.ruolo, '') AS ruolo_da, s.nome AS struttura"
    " FROM posti_proposte p JOIN minori m ON m.id = p.minore_id"
    " JOIN posti_richieste q ON q.id = p.richiesta_id"
    " JOIN strutture s ON s.id = p.struttura_id"
    " LEFT JOIN utenti u ON u.id = q.richiesta_da WHERE p.id = :id";

/* To the case worker, whoever asked (if another) and the responsabili. */
static int
all_ufficio(const struct row *p, const struct notifica *n)
{
	long long op = strtoll(row_get(p, "operatore"), NULL, 10);
	long long da = strtoll(row_get(p, "richiesta_da"), NULL, 10);

	if (op && notifica_invia(op, n) != 0)
		return -1;
	/* A responsabile who asked is told with the others. */
	if (da && da != op && strcmp(row_get(p, "ruolo_da"), "responsabile")
	    != 0 && notifica_invia(da, n) != 0)
		return -1;
	return notifica_ruolo("responsabile", op, n);
}

/*
** Proposal `id` has reached `evento`: "proposta" (made) and "ritirata"
** (withdrawn), told to the facility; "accettata", "rifiutata" and
** "eseguita" (the transfer made), told to the office. 0, or -1.
*/
int
posti_avvisa(struct request *r, long long id, const char *evento)
{
	struct pool *pool = &r->pool;
	struct row p;
	struct notifica n = { .tipo = "posti_risposta" };
	const char *struttura;
	char oggi[11], it[11];

	if (db_row(pool, SQL_PROPOSTA, ARGS(ARG_INT("id", id)), &p) != 1)
		return -1;
	posti_oggi(oggi);
	struttura = row_get(&p, "struttura");
	n.riferimento = row_get(&p, "numero");
	n.data = oggi;
	n.href = pool_printf(pool, "/minori/posti/richieste/%s",
	    row_get(&p, "richiesta_id"));
	if (strcmp(evento, "proposta") == 0 || strcmp(evento, "ritirata") == 0) {
		n.tipo = "posti_proposta";
		if (*evento == 'p') {
			n.data = row_get(&p, "scade_il");
			date_it(n.data, it);
			n.testo = pool_printf(pool, "%s: l'ufficio vi propone "
			    "l'inserimento di un minore; rispondete entro il "
			    "%s.", n.riferimento, it);
			n.href = pool_printf(pool, "/minori/posti/proposte/%lld",
			    id);
		} else {
			n.testo = pool_printf(pool, "%s: l'ufficio ha ritirato "
			    "la proposta di inserimento; il posto è di nuovo "
			    "libero.", n.riferimento);
			n.href = "/minori/posti";
		}
		return notifica_struttura(strtoll(row_get(&p, "struttura_id"),
		    NULL, 10), &n);
	}
	if (strcmp(evento, "accettata") == 0)
		n.testo = pool_printf(pool, "%s: %s ha accettato la proposta; "
		    "fissate la data del trasferimento.", n.riferimento,
		    struttura);
	else if (strcmp(evento, "rifiutata") == 0)
		n.testo = pool_printf(pool, "%s: %s ha rifiutato la proposta "
		    "(%s); la richiesta è di nuovo da proporre.", n.riferimento,
		    struttura, row_get(&p, "motivo"));
	else {
		n.tipo = "posti_trasferimento";
		n.data = row_get(&p, "data_trasferimento");
		date_it(n.data, it);
		n.testo = pool_printf(pool, "%s: trasferito in %s il %s.",
		    n.riferimento, struttura, it);
	}
	return all_ufficio(&p, &n);
}
