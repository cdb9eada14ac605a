/*
** The posti module's own declarations, shared by its files only.
*/
#ifndef APPRODO_POSTI_INTERNO_H
#define APPRODO_POSTI_INTERNO_H

#include "db.h"
#include "form.h"
#include "pei.h"
#include "posti.h"
#include "record.h"
#include "strutture.h"

/*
** occupazione.c: what a facility has, by cell (sex and age band, the
** registry's order): its authorised places, the minors placed there now
** (by their age today), the places that live proposals hold, and what
** it last declared free. Free places are capacity minus placed minus
** held: the rule every proposal checks (README, "No overbooking").
*/
struct posti_conto {
	long long id;
	const char *nome, *tipo;
	int attiva;
	unsigned spec;			/* strutture_spec bits */
	int capienza[STRUTTURE_CELLE];
	int occupati[STRUTTURE_CELLE];
	int prenotati[STRUTTURE_CELLE];
	int dichiarati[STRUTTURE_CELLE];
	int dichiarata;			/* 1 if it ever declared */
	const char *il;			/* last declared, dd/mm/yyyy hh:mm */
	int giorni;			/* its age in days */
};
const struct posti_conto *posti_conti(size_t *n);
const struct posti_conto *posti_conto(long long id);
int posti_conta(struct pool *, long long struttura, struct posti_conto *);
int posti_liberi(const struct posti_conto *, int cella);
int posti_somma(const int v[STRUTTURE_CELLE]);
int posti_stantia(const struct posti_conto *);
int posti_discorde(const struct posti_conto *);
int posti_validita(void);
int posti_tenuta(void);
const char *posti_fascia(const char *nascita, const char *il);
void posti_oggi(char oggi[11]);

/* quadro.c: the office's board, and one facility's places. */
int posti_quadro(struct request *);
int posti_struttura_get(struct request *);

/* dichiarazione.c: the declarations, the only writer of
** posti_dichiarazioni. */
extern const struct record dichiarazione_nuova;
long long dichiarazione_scrivi(struct request *, long long struttura,
    const int liberi[STRUTTURE_CELLE], const char *quando);
int dichiarazioni_elenco(struct request *, long long struttura);

/* richiesta.c: the requests for a place, the only writer of
** posti_richieste; the request's page with its matching. */
struct posti_richiesta {
	long long id, minore, da_struttura;
	const char *numero, *cognome, *nome, *sesso, *nascita, *cittadinanza;
	const char *motivo, *tipo, *prevista, *stato, *note, *richiesta_il;
	const char *minore_stato;
};
extern const struct choice richiesta_motivi[];
extern const size_t richiesta_nmotivi;
extern const struct record richiesta_nuova;
int richiesta_leggi(struct pool *, long long id, struct posti_richiesta *);
int richiesta_disegna(struct request *, long long id, const struct form *);
int richieste_elenco(struct request *);
int richiesta_get(struct request *);
int richiesta_annulla_post(struct request *);
int richiesta_stato(struct request *, long long id, const char *da,
    const char *a, const char *motivo);
long long richiesta_scrivi(struct request *, long long minore,
    const char *motivo, const char *tipo, const char *prevista,
    const char *note, const char *quando);
int posti_cronologia(struct request *, long long minore, struct eventi *);

/* abbinamento.c: the facilities that fit a request, best first, each
** with why it fits and what it lacks. */
struct abbinamento {
	const struct posti_conto *s;
	int cella, liberi, punti;
	const char *perche[12], *manca[12];
	size_t nperche, nmanca;
};
size_t abbinamento(struct pool *, const struct posti_richiesta *,
    const struct pei_bisogni *, struct abbinamento **out);
const char *abbinamento_cella(const struct posti_richiesta *, int *cella);

/* proposta.c: the proposals that hold a place, the only writer of
** posti_proposte; the transfer on its date. */
extern const struct choice proposta_stati[];
extern const size_t proposta_nstati;
extern const struct record proposta_nuova, proposta_risposta, proposta_data;
int proposta_ritira_post(struct request *);
int proposte_della_richiesta(struct request *, long long richiesta);
int proposte_della_struttura(struct request *, long long struttura);
int proposte_ritira(struct request *, long long richiesta,
    const char *motivo);
int proposte_scadute(struct request *, const char *oggi, long long richiesta);
int proposte_dovute(struct request *, const char *oggi, int *rifiutate);
long long proposta_scrivi(struct request *, long long richiesta,
    long long struttura, const char *quando, const char **why);
int proposta_rispondi(struct request *, long long id, int accetta,
    const char *motivo, const char *quando);
int proposta_fissa(struct request *, long long id, const char *data,
    const char *note, const char **why, int avvisa);

/* grafici.c: the office's figures. */
int posti_avvisa(struct request *, long long proposta, const char *evento);
int posti_grafici(struct request *);

/* giornaliero.c: approdo-admin posti giornaliero. */
int posti_comando(struct request *console, int argc, char **argv);

/* demo.c */
int posti_demo(struct request *console, long long n);

#endif
