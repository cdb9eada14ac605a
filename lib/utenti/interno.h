/* The utenti module's own declarations: its handlers. */
#ifndef APPRODO_UTENTI_INTERNO_H
#define APPRODO_UTENTI_INTERNO_H

#include "request.h"

int utenti_elenco(struct request *);
int utente_nuovo_get(struct request *);
int utente_nuovo_post(struct request *);
int utente_get(struct request *);
int utente_post(struct request *);
int utente_password_post(struct request *);

#endif
