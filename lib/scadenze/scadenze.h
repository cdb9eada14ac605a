/*
** scadenze: the legal deadlines and the office's own terms (DOMAIN.md,
** "Deadlines and events the system must watch"). Each rule is declared
** once, in a table with its legal source; the engine computes every
** case's deadlines from the facts the other modules record, keeps them
** (table scadenze), closes a deadline when its completion fact is
** recorded, and sends an in-app notice once at each step (due soon,
** overdue, overdue long enough to be the responsabile's). Each worker
** has "Le mie scadenze" (/minori/scadenze), the responsabile the
** office's overdue ones by worker (/minori/scadenze/ufficio), and a case
** its own (/minori/N/scadenze, and the panel for the case page).
** A case's deadlines follow its facts by themselves: sql/018's triggers
** queue the case whatever writes them, its page shows them as the facts
** make them at once, and approdo-admin scadenze aggiorna (every minute)
** keeps them and tells what is due. What other modules may use: the
** module, its permission and the two functions below.
*/
#ifndef APPRODO_SCADENZE_H
#define APPRODO_SCADENZE_H

#include "module.h"
#include "request.h"

extern const struct module scadenze_modulo;

extern const struct perm scadenze_lettura;	/* the office reads */

/*
** The case's deadlines into page list `list`: open ones by due date, then
** the done ones; each row has regola, titolo, fonte, entro (gg/mm/aaaa, and
** ora for a term in hours), stato (prossima, settimana, oggi, scaduta,
** fatta), stato_label, fatta_il, utente, urgenza (at most ten values).
** The caller has checked that the user may read the case; a role that
** may not read deadlines (a facility) gets none. Reads only, so it may run
** in the caller's snapshot. The number of rows, or -1.
** cgi-bin/templates/scadenze/pannello.cs draws it.
*/
int scadenze_del_caso(struct request *, long long minore, const char *list);

/* Every case's deadlines (approdo-admin scadenze ricalcola). */
int scadenze_ricalcola(int notices);

#endif
