/*
** avvisi: notices by mail. Each user's choice of the kinds they get by
** mail (/avvisi), the administrator's view of the outbox (/avvisi/posta)
** and "approdo-admin posta": the sender, the daily digest, the outbox's
** state, a test message, a failed message tried again. The outbox itself
** is the platform's (lib/core/posta.c).
*/
#ifndef APPRODO_AVVISI_H
#define APPRODO_AVVISI_H

#include "module.h"

extern const struct module avvisi_modulo;
extern const struct perm avvisi_posta;

#endif
