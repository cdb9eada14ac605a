/*
** approdo-admin posta invia [--subito]: the sender, run every minute by
** a systemd timer (apache/approdo-posta-invia.timer) and by ./run-demo;
** --subito (the relay is back) first makes every message waiting for its
** next try due now.
** It takes the messages that are due one at a time, sends each through
** the relay and marks it sent, in its own committed transaction, once
** the server has accepted it; a failed try is kept with its error and
** the message waits for its next try. One sender at a time (a lock file
** beside the database), so that the tries a killed sender left in
** progress are known to be over. A message is sent twice only when the
** sender stops between the server's acceptance and the mark. When there
** is no server to talk to, it stops until the next run, and exits 1
** (as on any error) for systemd to show. No tables of its own: the
** outbox is posta.c's.
*/
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "db.h"
#include "interno.h"
#include "notifiche.h"
#include "settings.h"

static volatile sig_atomic_t basta;

/* SIGTERM, SIGINT: the message being sent is finished and marked first. */
static void
fermati(int sig)
{
	(void)sig;
	basta = 1;
}

/* The sender's lock, held until the process ends: 1, 0 if another
** sender holds it, -1. */
static int
blocca(void)
{
	char path[4096];
	int fd;

	snprintf(path, sizeof path, "%s-posta.lock", cfg.db);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "posta: non posso aprire %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 1;
	close(fd);
	return errno == EWOULDBLOCK ? 0 : -1;
}

/* The administrators are told of a message that has failed for good
** (in the caller's transaction). */
static void
avvisa_fallito(const struct posta_messaggio *m, struct pool *pool)
{
	time_t c = (time_t)m->creato;
	char creato[11];
	struct tm tm;

	localtime_r(&c, &tm);
	strftime(creato, sizeof creato, "%Y-%m-%d", &tm);
	notifica_ruolo("amministratore", 0, &(struct notifica){
		.tipo = "posta_fallita",
		.riferimento = pool_printf(pool, "messaggio n. %lld", m->id),
		.data = creato,
		.testo = pool_printf(pool, "Email n. %lld non consegnata dopo %d "
		    "tentativi: vedi la posta in uscita.", m->id,
		    m->tentativi + 1),
		.href = "/avvisi/posta",
	});
}

/*
** The try of `m` failed (`errore`), or, without one, was interrupted by
** a sender that stopped: kept, in one transaction with the notice to the
** administrators if the message has now failed for good. 1 if it has,
** 0, -1.
*/
static int
non_riuscito(const struct posta_messaggio *m, const char *errore,
    int definitivo, struct pool *pool)
{
	int fallito;

	if (db_begin_write() != 0)
		return -1;
	fallito = errore ? posta_errore(m, time(NULL), errore, definitivo) :
	    posta_interrotto(m, time(NULL));
	if (fallito == 1)
		avvisa_fallito(m, pool);
	if (db_commit() != 0)
		return -1;
	return fallito;
}

/* The tries a stopped sender left in progress, closed; -1 on error. */
static int
riprendi(void)
{
	struct pool pool = { 0 };
	struct posta_messaggio *v;
	int n = posta_interrotti(&pool, &v), rc = 0;

	for (int i = 0; i < n && rc == 0; i++)
		rc = non_riuscito(&v[i], NULL, 0, &pool) < 0 ? -1 : 0;
	if (n > 0 && rc == 0)
		printf("posta: %d messaggi di un invio interrotto, di nuovo in "
		    "coda\n", n);
	pool_free(&pool);
	return n < 0 ? -1 : rc;
}

int
invio_esegui(struct request *console, int subito)
{
	struct smtp_config c;
	const char *problema = smtp_config_load(&console->pool, &c);
	struct smtp *s;
	int inviati = 0, errori = 0, falliti = 0, rc = 0, n;

	if (problema) {
		fprintf(stderr, "posta non configurata: %s\n", problema);
		return 1;
	}
	if ((n = blocca()) <= 0) {
		if (n == 0)
			printf("posta: un altro invio è in corso\n");
		return n < 0;
	}
	signal(SIGTERM, fermati);
	signal(SIGINT, fermati);
	if (riprendi() != 0)
		return 1;
	/* After the relay is back: the messages waiting to be tried again. */
	if (subito && posta_subito(time(NULL)) < 0)
		return 1;
	if ((s = smtp_apri(&c)) == NULL) {
		fputs("posta: libcurl non si avvia\n", stderr);
		return 1;
	}
	while (!basta) {
		struct pool pool = { 0 };
		struct posta_messaggio m;
		struct buf msg = { 0 };
		char errore[600];
		enum smtp_esito e = SMTP_RIFIUTATO;
		int k = posta_prendi(&pool, time(NULL), &m), f = 0;

		if (k <= 0) {
			rc = k < 0;
			pool_free(&pool);
			break;
		}
		k = messaggio_componi(&pool, &msg, &c, &m, time(NULL));
		if (k == 0) {
			e = smtp_invia(s, m.indirizzo, msg.p, msg.n, errore,
			    sizeof errore);
			if (e == SMTP_INVIATO) {
				if (posta_inviato(&m, time(NULL)) != 0)
					rc = 1;
				inviati++;
			} else
				f = non_riuscito(&m, errore, 0, &pool);
		} else if (k == 1)
			f = non_riuscito(&m, *m.indirizzo ? "l'indirizzo del "
			    "destinatario non è valido" : "il destinatario non "
			    "ha un indirizzo email o è disattivato", 1, &pool);
		else
			f = -1;
		if (e != SMTP_INVIATO && f >= 0) {
			/* The error may name the address: not in the log. */
			fprintf(stderr, "posta: messaggio %lld non inviato%s\n",
			    m.id, f ? ", definitivamente" : "");
			errori++;
			falliti += f;
		}
		buf_free(&msg);
		pool_free(&pool);
		if (f < 0 || rc) {
			rc = 1;
			break;
		}
		if (e == SMTP_IRRAGGIUNGIBILE) {
			fputs("posta: il server non risponde o rifiuta la "
			    "connessione: riprovo al prossimo giro (vedi "
			    "approdo-admin posta stato)\n", stderr);
			rc = 1;
			break;
		}
	}
	smtp_chiudi(s);
	printf("posta: %d inviati, %d non riusciti (%d definitivamente)\n",
	    inviati, errori, falliti);
	return rc;
}
