/*
** utenti: user administration (the amministratore's): list, create,
** change role and facility, disable, reset a password; the case workers
** as a choice list; "approdo-admin user add"; the demo users.
*/
#ifndef APPRODO_UTENTI_H
#define APPRODO_UTENTI_H

#include "form.h"
#include "module.h"

extern const struct module utenti_modulo;
extern const struct perm utenti_gestione;

const struct choice *utenti_operatori(size_t *n);
const struct choice *utenti_nomi(size_t *n);
long long utente_add(const char *username, const char *nome,
    const char *email, const char *ruolo, const char *struttura_id,
    const char *password_hash, int cambio_password);

#endif
