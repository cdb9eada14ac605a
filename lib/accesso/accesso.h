/*
** accesso: signing in and out, the home page, one's own password.
*/
#ifndef APPRODO_ACCESSO_H
#define APPRODO_ACCESSO_H

#include "module.h"

extern const struct module accesso_modulo;

#endif
