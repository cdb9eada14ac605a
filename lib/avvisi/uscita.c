/*
** The outbox for the administrator: how many messages in each state,
** the failed ones with their last error (each can go back in the queue),
** those waiting with their next try, the last tries that did not send.
** The page /avvisi/posta and "approdo-admin posta stato" show the same.
** Who a message is for is shown by username; what it tells is not (a
** case number is not the administrator's business). Reads only: a
** failed message goes back through posta_riprova().
*/
#include <stdio.h>

#include "audit.h"
#include "db.h"
#include "interno.h"
#include "page.h"
#include "session.h"

static const char SQL_CONTI[] =
    "SELECT coalesce(sum(stato = 'in_coda'), 0) AS in_coda,"
    " coalesce(sum(stato = 'in_invio'), 0) AS in_invio,"
    " coalesce(sum(stato = 'inviato'), 0) AS inviati,"
    " coalesce(sum(stato = 'fallito'), 0) AS falliti,"
    " (SELECT count(*) FROM posta_attesa) AS in_attesa FROM posta_messaggi";
/* The messages of one state, with the last try's error. */
static const char SQL_ELENCO[] =
    "SELECT m.id, m.genere, coalesce(u.username, m.indirizzo) AS per,"
    " datetime(m.creato, 'unixepoch', 'localtime') AS creato, m.tentativi,"
    " datetime(m.prossimo, 'unixepoch', 'localtime') AS prossimo,"
    " coalesce((SELECT t.errore FROM posta_tentativi t"
    " WHERE t.messaggio_id = m.id ORDER BY t.id DESC LIMIT 1), '') AS errore"
    " FROM posta_messaggi m LEFT JOIN utenti u ON u.id = m.utente_id"
    " WHERE m.stato = :stato ORDER BY m.prossimo, m.id LIMIT 50";
static const char SQL_TENTATIVI[] =
    "SELECT t.messaggio_id, datetime(t.inizio, 'unixepoch', 'localtime')"
    " AS inizio, t.esito, t.errore FROM posta_tentativi t"
    " WHERE t.esito <> 'inviato' ORDER BY t.id DESC LIMIT 20";

/* GET /avvisi/posta */
int
uscita_page(struct request *r)
{
	if (db_begin_read() != 0)
		return 500;
	page_one(r, "Conti", db_query(SQL_CONTI, NO_ARGS), NULL, NULL);
	page_rows(r, "Falliti", db_query(SQL_ELENCO, ARGS(ARG_TEXT("stato",
	    "fallito"))), 50, NULL, NULL);
	page_rows(r, "Coda", db_query(SQL_ELENCO, ARGS(ARG_TEXT("stato",
	    "in_coda"))), 50, NULL, NULL);
	page_rows(r, "Tentativi", db_query(SQL_TENTATIVI, NO_ARGS), 20, NULL,
	    NULL);
	db_end_read();
	return page_render(r, "avvisi/posta.cs", "Posta in uscita");
}

/* POST /avvisi/posta/N/riprova: a failed message back in the queue. */
int
uscita_riprova(struct request *r)
{
	int rc;

	if (db_begin_write() != 0)
		return 500;
	rc = posta_riprova(r->id[0], time(NULL));
	if (rc == 1)
		audit_log(r, "update", "posta_messaggio", r->id[0],
		    "rimesso in coda");
	session_set_avviso(r, rc == 1 ? "Messaggio rimesso in coda: parte al "
	    "prossimo invio." : "Il messaggio non è tra quelli non consegnati.");
	if (rc < 0 || db_commit() != 0)
		return 500;
	return response_redirect(r, "/avvisi/posta");
}

static void
elenco(const char *titolo, const char *stato)
{
	struct stmt *st = db_query(SQL_ELENCO, ARGS(ARG_TEXT("stato", stato)));
	int n = 0;

	printf("\n%s:\n", titolo);
	while (db_step(st) == SQLITE_ROW) {
		printf("  n. %lld  %-9s per %s, creato %s, %lld tentativi, "
		    "prossimo %s\n", db_int(st, "id"), db_text(st, "genere"),
		    db_text(st, "per"), db_text(st, "creato"),
		    db_int(st, "tentativi"), db_text(st, "prossimo"));
		if (*db_text(st, "errore"))
			printf("      ultimo errore: %s\n", db_text(st, "errore"));
		n++;
	}
	db_done(st);
	if (n == 0)
		printf("  nessuno\n");
}

/* approdo-admin posta stato: 0, or 1 if any message has failed. */
int
uscita_stato(struct request *console)
{
	struct stmt *st = db_query(SQL_CONTI, NO_ARGS);
	long long falliti = 0;

	(void)console;
	if (db_step(st) == SQLITE_ROW) {
		falliti = db_int(st, "falliti");
		printf("posta: %lld in coda, %lld in invio, %lld inviati, %lld "
		    "non consegnati; %lld avvisi per i riepiloghi\n",
		    db_int(st, "in_coda"), db_int(st, "in_invio"),
		    db_int(st, "inviati"), falliti, db_int(st, "in_attesa"));
	}
	db_done(st);
	elenco("Non consegnati (approdo-admin posta riprova N per riprovare)",
	    "fallito");
	elenco("In coda", "in_coda");
	return falliti > 0;
}
