/* The utenti module's own declarations: what its routes name. */
#ifndef APPRODO_UTENTI_INTERNO_H
#define APPRODO_UTENTI_INTERNO_H

#include "request.h"

#include "record.h"

int utenti_elenco(struct request *);
extern const struct record utente_nuovo;
extern const struct record utente_modifica;
extern const struct record utente_password;

#endif
