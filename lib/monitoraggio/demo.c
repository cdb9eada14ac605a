/*
** Demo monitoring (approdo-admin demo --monitoraggio N): for N cases, an
** interview by the case's worker with a follow-up action (some overdue,
** some due this week, some later, some done), a few critical events, and
** last month's report from the facilities that have their own user.
** Synthetic, never real people; written through the module's own writers.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interno.h"

static const char SQL_CASI[] =
    "SELECT m.id, m.operatore_id, m.lingue, m.data_presa_in_carico AS presa,"
    " u.nome FROM minori m JOIN utenti u ON u.id = m.operatore_id"
    " WHERE m.stato = 'in_carico' AND NOT EXISTS (SELECT 1 FROM colloqui c"
    " WHERE c.minore_id = m.id) ORDER BY m.id LIMIT :n";
static const char SQL_STRUTTURA[] =
    "SELECT u.id, u.struttura_id FROM utenti u JOIN minori m"
    " ON m.struttura_id = u.struttura_id WHERE u.ruolo = 'struttura'"
    " AND u.disattivato = 0 AND m.id = :minore LIMIT 1";
static const char SQL_FATTA[] =
    "UPDATE azioni_seguito SET stato = 'fatta', fatta_da = creata_da,"
    " fatta_il = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE id = :id";

static const char *const parole[] = {
	"Sto bene in comunità, vorrei cominciare presto la scuola.",
	"Mi manca mia madre, la sento poco: vorrei chiamarla più spesso.",
	"Voglio lavorare, ma ho capito che prima serve l'italiano.",
	"Con un ragazzo della stanza litighiamo spesso.",
};
static const char *const cose[] = {
	"Chiamare la scuola per l'iscrizione al CPIA",
	"Organizzare una videochiamata con la famiglia",
	"Sentire la struttura sul conflitto in stanza",
	"Prenotare la visita dal medico di base",
};

static const char SQL_DISCUTERE[] =
    "SELECT m.id, m.operatore_id FROM minori m"
    " WHERE m.stato = 'in_carico' AND NOT EXISTS"
    " (SELECT 1 FROM riunioni_minori x WHERE x.minore_id = m.id)"
    " ORDER BY m.id LIMIT 2";

/* Three of the team's meetings, two minors discussed in each; the
** responsabile and the minors' case workers take part. */
static int
meetings(struct request *console, const char *today)
{
	static const char *const tipi[] = { "caso", "revisione_pei",
	    "diciotto" };
	struct request resp;
	int rc = 0;

	if (console_come(console, ROLE_RESPONSABILE, &resp) != 1) {
		pool_free(&resp.pool);
		return -1;
	}
	for (int i = 0; i < 3 && rc == 0; i++) {
		char data[11];
		long long ids[2], chi[3] = { resp.user.id }, r;
		size_t n = 0, nchi = 1;
		struct stmt *st = db_query(SQL_DISCUTERE, NO_ARGS);

		while (n < 2 && db_step(st) == SQLITE_ROW) {
			long long op = db_int(st, "operatore_id");
			size_t k = 0;

			ids[n++] = db_int(st, "id");
			while (k < nchi && chi[k] != op)
				k++;
			if (op > 0 && k == nchi)
				chi[nchi++] = op;
		}
		db_done(st);
		date_add_days(today, -7 * (i + 1), data);
		r = riunione_scrivi(&resp, data, tipi[i], "Dipartimento, sala "
		    "riunioni", "Tutrice volontaria\n"
		    "Educatore della comunità\nAssistente sociale della ASL",
		    chi, nchi);
		if (r < 0)
			rc = -1;
		for (size_t k = 0; k < n && rc == 0; k++)
			rc = riunione_minore_scrivi(&resp, r, ids[k],
			    "Inserito bene in comunità, frequenta il CPIA.",
			    k ? "Valutare il trasferimento in seconda accoglienza."
			    : "Proseguire con il PEI; iscrizione a un corso.",
			    k ? "da_trasferire" : "resta_aperto");
	}
	pool_free(&resp.pool);
	return rc;
}

int
monitoraggio_demo(struct request *console, long long n)
{
	struct request op;
	struct stmt *st;
	char today[11];
	int added = 0;

	if (n <= 0)
		return 0;
	date_today(today);
	memset(&op, 0, sizeof op);
	op.remote_addr = console->remote_addr;
	op.user.role = ROLE_OPERATORE;
	if (db_begin_write() != 0)
		return -1;
	st = db_query(SQL_CASI, ARGS(ARG_INT("n", n)));
	while (db_step(st) == SQLITE_ROW) {
		long long id = db_int(st, "id"), c, a;
		char data[11], entro[11], uid[24];
		int k = added;
		struct azione_nuova az;

		op.user.id = db_int(st, "operatore_id");
		op.user.nome = pool_strdup(&op.pool, db_text(st, "nome"));
		date_add_days(today, -(7 + k % 40), data);
		if (strcmp(data, db_text(st, "presa")) < 0)
			memcpy(data, today, sizeof data);
		date_add_days(today, k % 4 == 0 ? -5 : k % 4 == 1 ? 3 : 20,
		    entro);
		snprintf(uid, sizeof uid, "%lld", op.user.id);
		az = (struct azione_nuova){ cose[k % 4], "utente", uid, NULL,
		    entro };
		c = colloquio_scrivi(&op, id, data, k % 2 ? "Struttura di "
		    "accoglienza" : "Ufficio MSNA", db_text(st, "lingue"),
		    k % 2 ? "scuola,relazioni" : "salute,autonomia",
		    parole[k % 4], "Il ragazzo partecipa e si fida dell'ufficio.");
		if (c < 0 || (a = azione_add(&op, id, "colloquio", c, &az)) < 0 ||
		    (k % 5 == 4 && db_write(SQL_FATTA, ARGS(ARG_INT("id", a)))
		    != 0)) {
			db_done(st);
			db_rollback();
			pool_free(&op.pool);
			return -1;
		}
		if (k % 6 == 3 && evento_scrivi(&op, id, "conflitto", data,
		    "Lite in stanza con un altro ragazzo, senza feriti: "
		    "parlato con entrambi.") < 0) {
			db_done(st);
			db_rollback();
			pool_free(&op.pool);
			return -1;
		}
		/* A facility with its own user sends last month's report. */
		if (k % 2 == 0) {
			struct request fac = op;
			struct row u;
			char mese[11];
			long long rel = 0;

			memset(&fac.pool, 0, sizeof fac.pool);
			if (db_row(&op.pool, SQL_STRUTTURA, ARGS(ARG_INT("minore",
			    id)), &u) == 1) {
				fac.user.role = ROLE_STRUTTURA;
				fac.user.id = strtoll(row_get(&u, "id"), NULL, 10);
				fac.user.struttura_id = strtoll(row_get(&u,
				    "struttura_id"), NULL, 10);
				date_shift(today, 0, -1, mese);
				mese[7] = '\0';
				rel = relazione_scrivi(&fac, id, mese);
			}
			pool_free(&fac.pool);
			if (rel < 0) {
				db_done(st);
				db_rollback();
				pool_free(&op.pool);
				return -1;
			}
		}
		added++;
	}
	db_done(st);
	if (added > 0 && meetings(console, today) != 0) {
		db_rollback();
		pool_free(&op.pool);
		return -1;
	}
	pool_free(&op.pool);
	return db_commit() == 0 ? added : -1;
}
