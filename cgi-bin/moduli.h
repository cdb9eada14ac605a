/* The modules of Approdo (moduli.c), for the programs' main(). */
#ifndef APPRODO_MODULI_H
#define APPRODO_MODULI_H

#include "accesso.h"
#include "avvisi.h"
#include "minori.h"
#include "monitoraggio.h"
#include "pei.h"
#include "posti.h"
#include "registro.h"
#include "scadenze.h"
#include "strutture.h"
#include "utenti.h"

extern const struct module *const approdo_moduli[];

#endif
