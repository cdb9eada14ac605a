/*
** registro: the audit log's browser, for the responsabile. The log
** itself is written by the platform (lib/core/audit.c).
*/
#ifndef APPRODO_REGISTRO_H
#define APPRODO_REGISTRO_H

#include "module.h"

extern const struct module registro_modulo;
extern const struct perm registro_lettura;

#endif
