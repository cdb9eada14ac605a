/*
** The strutture module's own declarations, shared by its files only.
*/
#ifndef APPRODO_STRUTTURE_INTERNO_H
#define APPRODO_STRUTTURE_INTERNO_H

#include "db.h"
#include "form.h"
#include "record.h"
#include "strutture.h"

/* scheda.c: a facility's record, the only writer of strutture. */
extern const struct record struttura_nuova, struttura_modifica;

/* elenco.c: the registry's list. */
int strutture_elenco(struct request *);

#endif
