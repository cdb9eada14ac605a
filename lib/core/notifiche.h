/*
** In-app notices: something needs a user's attention (a minor reported
** missing). Sent in the caller's transaction, with the change that causes
** them; shown on the home page until read. Each has a kind, which a
** module declares (module.h); in the same transaction it goes into the
** outbox (posta.h) when the user takes that kind by mail: at once if it
** is urgent, or into the user's daily digest. Nothing in a notice is
** personal data: a case is named by its number.
*/
#ifndef APPRODO_NOTIFICHE_H
#define APPRODO_NOTIFICHE_H

#include "request.h"

struct notifica {
	const char *tipo;	/* a kind its module declares */
	const char *riferimento;	/* what it is about: a case's number */
	const char *data;	/* the event's or deadline's date: ISO, with
				   the time if any ("2026-03-01 21:30") */
	const char *testo;	/* what the app shows */
	const char *href;	/* where to look: a path */
};

int notifica_invia(long long utente_id, const struct notifica *);
int notifica_ruolo(const char *ruolo, long long oltre,
    const struct notifica *);
int notifica_struttura(long long struttura, const struct notifica *);
int notifiche_page(struct request *, const char *list);
int notifica_letta(struct request *, long long id);

#endif
