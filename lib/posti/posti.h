/*
** posti: the places of the reception circuit and the transfers between
** its facilities (DOMAIN.md, activity 6): the places each facility
** declares free, the office's board of every facility, the requests for
** a place, the matching of a minor with the facilities that fit, the
** proposals that hold a place until the transfer (never the same place
** twice), the transfer on its date, the office's figures. Pages under
** /minori/posti and /minori/N/..., served by the minori program. What
** other modules may use: the module and its permissions.
*/
#ifndef APPRODO_POSTI_H
#define APPRODO_POSTI_H

#include "module.h"

extern const struct module posti_modulo;

extern const struct perm posti_lettura;	/* the office reads */
extern const struct perm posti_vista;	/* the board; a facility, its own */
extern const struct perm posti_struttura;	/* declares, answers */
extern const struct perm posti_richiesta;	/* a case worker asks */
extern const struct perm posti_ufficio;	/* proposes, sets the date */

#endif
