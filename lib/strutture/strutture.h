/*
** strutture: the reception facilities of the circuit. For now the list
** the forms offer and the demo facilities; the places module will give
** it its pages (capacity, declared places, transfers).
*/
#ifndef APPRODO_STRUTTURE_H
#define APPRODO_STRUTTURE_H

#include "form.h"
#include "module.h"

extern const struct module strutture_modulo;

const struct choice *strutture_choices(size_t *n);
const struct choice *strutture_nomi(size_t *n);
long long struttura_add(const char *nome, const char *tipo,
    const char *indirizzo);
long long struttura_id(const char *nome);

#endif
