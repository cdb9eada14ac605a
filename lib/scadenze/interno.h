/*
** The scadenze module's own declarations, shared by its files only.
*/
#ifndef APPRODO_SCADENZE_INTERNO_H
#define APPRODO_SCADENZE_INTERNO_H

#include <stddef.h>

#include "db.h"
#include "form.h"
#include "scadenze.h"

/*
** A term: years, then months (a missing day is the month's last, art.
** 2963 c.c.), then days, from a date; or hours from a date and time on
** Rome's clock (elapsed hours: across a change of the clocks the wall
** clock moves by one more or one less). A term with hours is hour-based.
*/
struct termine {
	int anni, mesi, giorni, ore;
};

enum urgenza { URGENZA_IMMEDIATA, URGENZA_ALTA, URGENZA_NORMALE };

/*
** The facts of the rules about a case's own data, one row per case: the
** module's query, shared by its rules, so that the cases are read once
** per module rather than once per rule. For the cases with id from :da
** to :a, ordered by minore_id, with the columns minore_id, oggetto_id
** (0), utente_id (the case worker) and those its rules name. A hash of
** all they give a case is kept (scadenze_gruppi, under `codice`): an
** unchanged case costs the reading of its row.
*/
struct gruppo {
	const char *codice;
	const char *sql;
};

/*
** A rule, declared once in its module's table (regole_<modulo>.c).
**
** Its facts are either columns of its module's query of the case
** (`gruppo`, and the columns named by `col_inizio`, `col_fatta` and
** `col_fissata`), or a query of its own (`sql`: a rule about the rows of
** a list, one deadline per row) for the cases with id from :da to :a,
** ordered by minore_id, oggetto_id, with the columns
**   minore_id   the case
**   oggetto_id  the row whose fact starts it (a document, a PEI version,
**               an action, an interview), 0 for the case's own columns
**   inizio      what starts it: an ISO date, or date and time (Rome);
**               NULL: no deadline
**   fatta_il    NULL while open; the date of the fact that closes it, or
**               '' when that fact has no date of its own
**   utente_id   who is responsible (the case worker, or the action's)
**   fissata     a due date the record itself sets (the court's end of an
**               extension), or NULL: the due date is then the earlier
** Only the cases that are open (CASO_APERTO), unless the rule is about
** another state (a minor gone missing).
*/
struct regola {
	const char *codice;		/* "art403_atti": stored, in URLs */
	const char *titolo;		/* what must be done, in Italian */
	const char *inizio;		/* what starts it */
	const char *completamento;	/* the fact that closes it */
	const char *fonte;		/* the legal source */
	struct termine termine;		/* from inizio to the due date */
	const char *config;		/* APPRODO_...: its days instead */
	/* The term computed elsewhere (lib/pei/regole.c), or NULL. */
	void (*calcola)(const char *inizio, char entro[11]);
	const char *quando;		/* the term in words, with calcola */
	struct termine avvisi[2];	/* earlier alerts, from inizio */
	int navvisi;
	int avvisi_da_scadenza;		/* the alerts count back from the due */
	enum urgenza urgenza;
	int subito;			/* the responsabile too, at once */
	const char *chi;		/* who, when not the case worker */
	const struct gruppo *gruppo;	/* the module's query of the case */
	const char *col_inizio, *col_fatta, *col_fissata;
	const char *sql;		/* or a query of its own */
};

/* The open cases: where the office still acts. */
#define CASO_APERTO "m.stato IN ('in_carico', 'in_prosieguo', 'in_affido')"
/* The first columns of a module's query of the case (minori m). */
#define FATTI_DEL_CASO "SELECT m.id AS minore_id, 0 AS oggetto_id," \
    " m.operatore_id AS utente_id"
/* The cases from :da to :a, open, in id order (no index on stato: the
** cases are read in their table's order). */
#define DEI_CASI " WHERE m.id BETWEEN :da AND :a AND +" CASO_APERTO
/* The birth date the age rules count from: the assessed one, if any. */
#define NASCITA "coalesce(m.data_nascita_accertata, m.data_nascita)"
/* Entering reception: the first placement (as lib/pei/colloquio.c). */
#define INGRESSO "coalesce((SELECT min(c.dal) FROM collocamenti c" \
    " WHERE c.minore_id = m.id), m.data_presa_in_carico)"

/* regole_<modulo>.c: each module's rules. */
extern const struct regola regole_minori[], regole_pei[],
    regole_monitoraggio[], regole_posti[];
extern const size_t regole_nminori, regole_npei, regole_nmonitoraggio,
    regole_nposti;

/*
** regole.c: every rule, the arithmetic of the terms. A deadline as
** computed: shown on the agendas from `dal`, a second alert on `avviso`
** (or ""), due `entro` (at `ora`, Rome, for a term in hours, else ""),
** overdue from unix time `scade`.
*/
struct calcolo {
	char dal[11], avviso[11], entro[11], ora[6];
	long long scade;
};
size_t regole_tutte(const struct regola *const **out);
const struct regola *regola_trova(const char *codice);
int regola_oraria(const struct regola *);
int regola_calcola(const struct regola *, const char *inizio,
    const char *fissata, struct calcolo *);
void regola_termine_testo(const struct regola *, char *out, size_t size);
const char *regola_urgenza(enum urgenza);
int regola_escalation_giorni(void);
void regola_iso(const struct regola *, const struct calcolo *,
    char out[32]);
unsigned long long regole_impronta(void);
unsigned long long regola_impronta(const struct regola *);

/*
** The levels a deadline goes through, in order; a notice goes out once
** at each level reached (the highest when several are passed at once).
*/
enum livello {
	LIVELLO_FUTURA,		/* not yet on the agendas */
	LIVELLO_AVVISO,		/* the rule's first alert (60 days, 6 months) */
	LIVELLO_AVVISO2,	/* its second alert (3 months) */
	LIVELLO_SETTIMANA,	/* due within 7 days */
	LIVELLO_SCADUTA,	/* overdue */
	LIVELLO_ESCALATA,	/* overdue for the escalation's days */
};
struct soglie {
	long long t[LIVELLO_ESCALATA + 1];	/* from when; 0: none */
};
void scadenza_soglie(const struct regola *, const char *dal,
    const char *avviso, const char *entro, long long scade, struct soglie *);
enum livello scadenza_livello(const struct soglie *, long long now);
long long scadenza_prossima(const struct soglie *, long long now);

/* scadenza.c: the table scadenze and its queue, their only writer. */
struct scadenza {
	long long minore, oggetto, utente;
	const char *inizio, *fatta_il;	/* fatta_il: NULL while open */
	const char *fissata;
	struct calcolo c;
	unsigned long long firma;
};
unsigned long long scadenza_firma(unsigned long long regola,
    const struct scadenza *);
int scadenza_inserisci(const struct regola *, const struct scadenza *,
    long long now, int notices);
int scadenza_aggiorna(const struct regola *, const struct scadenza *,
    long long now, int notices);
int scadenza_togli(const struct regola *, long long minore,
    long long oggetto);
int scadenza_notificata(const char *regola, long long minore,
    long long oggetto, int livello, long long prossima);
int scadenze_gruppo_salva(const char *gruppo, long long minore,
    unsigned long long firma);
int scadenze_gruppo_togli(const char *gruppo, long long minore);
int scadenze_ricalcolati(long long da, long long a);
int scadenze_cambiate(void);
long long scadenze_versione(void);
unsigned long long scadenze_impronta(void);
int scadenze_impronta_salva(unsigned long long);

/* ricalcolo.c: the facts read, computed and compared with what is kept. */
int ricalcolo(long long da, long long a, int notices);
int ricalcolo_coda(int *sent);
int ricalcolo_caso_vivo(struct pool *, long long minore,
    int (*each)(const struct regola *, const struct scadenza *, void *),
    void *ctx);

/* avvisi.c: the notices, once per level reached. */
int avvisi_invia(long long da, long long a, long long now, int notices);

/* scadenze.c: the module. */
extern const struct perm scadenze_ufficio;	/* the office's overdue */

/* agenda.c: the pages and the count in the navigation. */
int agenda_mie(struct request *);
int agenda_ufficio(struct request *);
int agenda_conta(struct request *);

/* pannello.c: a case's deadlines (its page, and the case page's panel). */
int pannello_pagina(struct request *);

/* comandi.c: approdo-admin scadenze ... */
int comandi_scadenze(struct request *console, int argc, char **argv);
int scadenze_demo(struct request *console, long long n);
int scadenze_upgrade(struct request *console);

#endif
