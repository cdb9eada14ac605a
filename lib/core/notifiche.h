/*
** In-app notices: something needs a user's attention now (a minor reported
** missing). Sent in the caller's transaction, with the change that causes
** them; shown on the home page until read. The text never holds personal
** data: a case is named by its number.
*/
#ifndef APPRODO_NOTIFICHE_H
#define APPRODO_NOTIFICHE_H

#include "request.h"

int notifica_invia(long long utente_id, const char *testo, const char *href);
int notifica_ruolo(const char *ruolo, long long oltre, const char *testo,
    const char *href);
int notifiche_page(struct request *, const char *list);
int notifica_letta(struct request *, long long id);

#endif
