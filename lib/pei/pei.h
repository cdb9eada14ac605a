/*
** pei: each minor's Progetto Educativo Individualizzato (DOMAIN.md,
** activity 2), served under the case: /minori/N/pei. A version holds the
** social anamnesis, the first interview, the vulnerabilities with the
** referrals, the objectives with their actions and the minor's opinion;
** a draft is submitted, then approved or returned with the responsabile's
** comments; an approved version never changes and editing starts a new
** draft from it. What other modules may use: the module, the permissions
** and the workflow.
*/
#ifndef APPRODO_PEI_H
#define APPRODO_PEI_H

#include "module.h"
#include "request.h"
#include "role.h"

extern const struct module pei_modulo;

extern const struct perm pei_lettura;		/* read (a facility: scoped) */
extern const struct perm pei_scrittura;		/* write, submit a PEI */
extern const struct perm pei_approvazione;	/* approve or return it */

/*
** The steps of a version. Each runs in the caller's transaction, or in
** a durable one of its own, and writes the version's history and an
** audit row. Returns 0 when done; 1 when refused, with *why the reason
** in Italian for the page; -1 on a database error. They check the role
** and the workflow; whether the user may act on this minor's case at all
** (minore_access()) is the route's check, before calling them.
*/
int pei_apri(struct request *, long long minore_id, long long *id,
    const char **why);
int pei_invia(struct request *, long long pei_id, const char **why);
int pei_approva(struct request *, long long pei_id, const char **why);
int pei_restituisci(struct request *, long long pei_id, const char *commento,
    const char **why);
/* The PEI's areas (school and Italian L2, health, ...): value, label. */
const struct choice *pei_aree_scelte(size_t *n);

/*
** The objectives of minor `minore`'s PEI version being written (none if no
** version is), for the forms that update them (an interview): at most
** `max` into `out`, their number. Strings in `pool`.
*/
struct pei_obiettivo {
	long long id;
	const char *area, *descrizione, *stato;
};
size_t pei_obiettivi_bozza(struct pool *, long long minore,
    struct pei_obiettivo *out, size_t max);
const struct choice *pei_obiettivo_stati(size_t *n);

/*
** The open actions (to do, under way) given to `chi` ("struttura") in the
** PEI in force of minor `minore` (the last approved version), by when they
** are due: at most `max` into `out`, their number. `entro` is gg/mm/aaaa
** or "". Strings in `pool`.
*/
struct pei_azione {
	long long id;
	const char *cosa, *entro;
};
size_t pei_azioni_in_vigore(struct pool *, long long minore, const char *chi,
    struct pei_azione *out, size_t max);
/* In the caller's transaction, audited; 0, 1 if the objective is not in
** the version being written (any more), or -1. */
int pei_obiettivo_aggiorna(struct request *, long long minore,
    long long obiettivo, const char *stato);
int pei_azione_aggiungi(struct request *, long long minore,
    long long obiettivo, const char *cosa, const char *chi,
    const char *servizio, const char *entro);

/* The actions of the PEIs in force given to facility `struttura`, for
** the minors placed with it now, into page list `list`. */
int pei_azioni_struttura(struct request *, long long struttura,
    const char *list);

/*
** The legal terms of regole.c (ISO dates), which the deadline engine
** (lib/scadenze) reuses: the first interview's last day after entering
** reception, the art. 32 window around the 18th birthday, the art. 13
** extension's end at 21, the appeal on age, a PEI's review.
*/
void pei_colloquio_entro(const char *ingresso, char out[11]);
void pei_art32_finestra(const char *nascita, char dal[11], char al[11]);
void pei_prosieguo_limite(const char *nascita, char out[11]);
void pei_reclamo_eta(const char *notifica, char out[11]);
void pei_verifica_entro(const char *approvata, int mesi, char out[11]);
int pei_verifica_mesi(void);

/*
** A minor's needs as the PEI assessed them last (bisogni.c): the latest
** version's suspected or confirmed vulnerabilities (categoria is the
** category's number: 1 disability, 2 serious or mental illness, 3
** pregnancy, 4 trafficking, 5 torture or violence, 6 FGM, 7 risk of
** running away, 8 substance use, 9 self-harm, 10 exposure to violence),
** its overall level and the needs the facility must act on; the
** version's id and revisione (what a kept page's key names). versione 0:
** no PEI. Strings in `pool`; 0, or -1.
*/
struct pei_bisogni {
	long long pei, revisione;
	int versione;
	const char *stato, *livello, *note;
	size_t n;
	struct {
		int categoria, confermato;
		const char *label;
	} v[16];
};
int pei_bisogni(struct pool *, long long minore, struct pei_bisogni *);

/* Frees what the PDFs of approved versions loaded (fonts), at exit. */
void pei_pdf_close(void);

/* The reason pei_restituisci() gives when the comments are missing. */
extern const char pei_senza_commento[];

#endif
