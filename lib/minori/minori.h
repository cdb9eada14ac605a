/*
** minori: the case registry of unaccompanied minors (the fascicolo):
** intake with the duplicate check, the case page and its sections,
** guardianship, documents, status and placements, the list and search,
** the CSV export, the demo cases. What other modules may use: the
** module, its permissions, and who may read or change which case.
*/
#ifndef APPRODO_MINORI_H
#define APPRODO_MINORI_H

#include "module.h"

extern const struct module minori_modulo;

extern const struct perm minori_lettura;	/* read cases (scoped further) */
extern const struct perm minori_scrittura;	/* intake, edit (scoped) */
extern const struct perm minori_chiusura;	/* close cases */
extern const struct perm minori_esportazione;	/* export lists */

/* 0 if the user may read (write 0) or change (write 1) case `id`;
** 404 without such a case; 403 (after an audit row) if not allowed. */
int minore_access(struct request *, long long id, int write);
int minore_limited(const struct request *);

/* Proposes a status change for the office to confirm (in the caller's
** transaction): the proposal's id, or -1. */
long long minore_stato_proponi(struct request *, long long minore,
    const char *stato, const char *data, const char *motivo);

/*
** A search of the cases by what someone typed: 1 if `q` is a name (its
** FTS5 query for minori_nomi in `fts`), 0 if a code with digits (case
** number, CUI, codice fiscale: `*code`, upper case), -1 if it has no
** letter of a name.
*/
struct buf;
int minori_cerca(struct pool *, const char *q, struct buf *fts, char **code);

/* The transfer of minor `minore` to facility `struttura` on `dal` with
** the transfer form's rules and its audit row, in the caller's
** transaction: 0 when done; 1 when refused (*why, in Italian); -1. */
int collocamento_trasferisci(struct request *, long long minore,
    long long struttura, const char *dal, const char *note, const char **why);

/* The labels of a document's type and a guardianship's. */
const char *documento_tipo(const char *code);
const char *tutela_tipo(const char *code);

/* Case.* for the header of every page of case `id` (`full`: the office's
** fields too); 0, or 404. */
int fascicolo_header(struct request *, long long id, int full);

#endif
