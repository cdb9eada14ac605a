/*
** The outbox: mail is a row written in the transaction of what causes
** it, never sent inside a request. A notice (notifiche.h) of an urgent
** kind queues a message at once, one of another kind waits for the
** user's daily digest; a sender (approdo-admin posta invia) takes the
** messages that are due one at a time, and marks each sent, in its own
** committed transaction, only once the server has accepted it. A failed
** try is kept with its error and the message is tried again after a
** growing delay, up to a maximum of tries (APPRODO_SMTP_TENTATIVI).
*/
#ifndef APPRODO_POSTA_H
#define APPRODO_POSTA_H

#include "util.h"

/* In the caller's transaction. */
int posta_accoda(long long utente_id, long long notifica_id,
    const char *tipo, int urgente);
long long posta_prova(const char *indirizzo, const char *oggetto);
int posta_scelta(long long utente_id, const char *tipo, int email);
int posta_riprova(long long id, long long ora);

/* In a transaction of their own. */
int posta_riepiloghi(long long ora);

/* A message a sender has taken, for this try. */
struct posta_messaggio {
	long long id;
	long long tentativo;	/* this try's row */
	const char *genere;	/* "avviso", "riepilogo", "prova" */
	long long utente_id;	/* 0 for a test */
	const char *indirizzo;	/* where it goes now ("" if nowhere) */
	const char *oggetto;	/* a test's subject, or NULL */
	const char *chiave;	/* the Message-ID's own part */
	long long creato;
	int tentativi;		/* the tries before this one */
};

int posta_interrotti(struct pool *, struct posta_messaggio **);
int posta_interrotto(const struct posta_messaggio *, long long ora);
int posta_subito(long long ora);
int posta_prendi(struct pool *, long long ora, struct posta_messaggio *);
int posta_inviato(const struct posta_messaggio *, long long ora);
int posta_errore(const struct posta_messaggio *, long long ora,
    const char *errore, int definitivo);
long long posta_ritardo(int tentativi);
int posta_tentativi_max(void);

#endif
