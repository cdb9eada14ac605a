/*
** monitoraggio: following each case (DOMAIN.md, activity 3): the
** interviews with the minor and the follow-up actions that come out of
** them, on the case's monitoring page (/minori/N/monitoraggio), and each
** worker's list of actions (/minori/azioni). What other modules may use:
** the module and its permissions.
*/
#ifndef APPRODO_MONITORAGGIO_H
#define APPRODO_MONITORAGGIO_H

#include "module.h"

extern const struct module monitoraggio_modulo;

extern const struct perm monitoraggio_lettura;	/* the office reads */
extern const struct perm monitoraggio_scrittura;	/* writes (scoped) */

#endif
