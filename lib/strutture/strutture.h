/*
** strutture: the reception facilities of Roma Capitale's circuit, the
** registry the office keeps (/minori/strutture): type, address and
** municipio, authorised places by sex and age band, what each is
** equipped for, contact persons, the agreement, active or not. What
** other modules may use: the module, its permission, the choice lists,
** the places' cells and specialisations, and the writer the demo uses.
*/
#ifndef APPRODO_STRUTTURE_H
#define APPRODO_STRUTTURE_H

#include "form.h"
#include "module.h"

extern const struct module strutture_modulo;

extern const struct perm strutture_gestione;	/* the registry */

const struct choice *strutture_choices(size_t *n);
const struct choice *strutture_nomi(size_t *n);
long long struttura_add(const char *nome, const char *tipo,
    const char *indirizzo);
long long struttura_id(const char *nome);

/* The facility types, and the label of one. */
extern const struct choice strutture_tipi[];
extern const size_t strutture_ntipi;
const char *struttura_tipo(const char *code);
/* 1 if a facility of type `tipo` is second reception (or 18-21). */
int struttura_seconda(const char *tipo);

/*
** The places of a facility come in cells, by sex and age band: the
** registry's columns posti_<sesso>_<fascia> (lower case), the same
** order everywhere (a facility's counts are arrays of STRUTTURE_CELLE).
*/
#define STRUTTURE_CELLE 6
struct struttura_cella {
	const char *sesso;	/* "M", "F" */
	const char *fascia;	/* "6_13", "14_17", "18_21" */
	const char *chiave;	/* "m_6_13": posti_m_6_13, liberi_m_6_13 */
	const char *label;	/* "Ragazzi 6-13 anni" */
};
extern const struct struttura_cella strutture_celle[STRUTTURE_CELLE];
/* SQL: the authorised places of every cell, summed (`t` the table's
** name and a dot, or ""). */
#define STRUTTURE_POSTI(t) "(" t "posti_m_6_13 + " t "posti_m_14_17 + " \
    t "posti_m_18_21 + " t "posti_f_6_13 + " t "posti_f_14_17 + " \
    t "posti_f_18_21)"
extern const struct choice strutture_fasce[];	/* "14_17", "14–17 anni" */
extern const size_t strutture_nfasce;
int struttura_cella(const char *sesso, const char *fascia);	/* or -1 */

/*
** What a facility is equipped for: column spec_<value>, a bit each (1u
** << index) in struttura_scheda.spec.
*/
extern const struct choice strutture_spec[];
extern const size_t strutture_nspec;

/* A facility as the demo writes it (NULL text: empty; 0: none). */
struct struttura_scheda {
	const char *nome, *tipo, *indirizzo;
	int municipio;
	int posti[STRUTTURE_CELLE];
	unsigned spec;
	const char *referente, *telefono, *email;
	const char *convenzione_dal, *convenzione_al;
};
long long struttura_scrivi(struct request *, const struct struttura_scheda *);

#endif
