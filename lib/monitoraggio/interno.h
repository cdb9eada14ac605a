/*
** The monitoraggio module's own declarations, shared by its files only.
*/
#ifndef APPRODO_MONITORAGGIO_INTERNO_H
#define APPRODO_MONITORAGGIO_INTERNO_H

#include "db.h"
#include "form.h"
#include "minori.h"
#include "monitoraggio.h"
#include "record.h"

/* azioni.c: the follow-up actions, the only writer of azioni_seguito. */
extern const struct choice azione_attori[], azione_stati[];
extern const size_t azione_nattori, azione_nstati;
struct azione_nuova {
	const char *cosa, *chi, *utente, *servizio, *entro;
};
size_t azione_campi(struct field *out);
void azione_check(struct form *);
int azione_dal_modulo(struct edit *, long long minore, const char *origine,
    long long origine_id);
long long azione_add(struct request *, long long minore, const char *origine,
    long long origine_id, const struct azione_nuova *);
int azioni_del_caso(struct request *, long long minore);
int azioni_mie(struct request *);
int azione_fatta_post(struct request *);

/* colloquio.c: the interviews, the only writer of colloqui. */
extern const struct record colloquio_nuovo, colloquio_modifica;
int colloqui_del_caso(struct request *, long long minore);
long long colloquio_scrivi(struct request *, long long minore,
    const char *data, const char *luogo, const char *lingua, const char *aree,
    const char *parole, const char *valutazione);

/* obiettivi.c: the PEI being written, as a form of the module updates
** it (the state of each objective, the follow-up action also as the
** PEI's); writes through lib/pei's writers only. */
size_t obiettivi_campi(struct edit *, long long minore, struct field *out,
    size_t room);
size_t obiettivi_attuali(struct edit *, long long minore);
void obiettivi_check(struct edit *);
int obiettivi_salva(struct edit *, long long minore);

/* evento.c: critical events, the only writer of eventi_critici. */
extern const struct record evento_nuovo;
int eventi_del_caso(struct request *, long long minore);
const char *evento_tipo(const char *code);
long long evento_scrivi(struct request *, long long minore, const char *tipo,
    const char *data, const char *descrizione);

/* relazione.c: the facility's periodic reports, the only writer of
** relazioni, and the facility's page. */
extern const struct record relazione_nuova, relazione_modifica;
int relazione_invia_post(struct request *);
int relazione_letta_post(struct request *);
int relazioni_del_caso(struct request *, long long minore);
int struttura_pagina(struct request *);
long long relazione_scrivi(struct request *, long long minore,
    const char *periodo);

/* riunione.c: the team's meetings, the only writer of riunioni,
** riunioni_partecipanti and riunioni_minori. */
extern const struct record riunione_nuova, riunione_minore;
int riunioni_elenco(struct request *);
int riunione_pagina(struct request *);
int riunioni_del_caso(struct request *, long long minore);
const char *riunione_tipo(const char *code);
long long riunione_scrivi(struct request *, const char *data, const char *tipo,
    const char *luogo, const char *esterni, const long long *partecipanti,
    size_t n);
int riunione_minore_scrivi(struct request *, long long riunione,
    long long minore, const char *situazione, const char *decisioni,
    const char *esito);

/* pagina.c: the case's monitoring page. */
int monitoraggio_pagina(struct request *);
int monitoraggio_form_page(struct edit *, const char *action);
int monitoraggio_access(struct edit *, const char *sql_owner);
const char *monitoraggio_next(struct edit *, const char *where);
int monitoraggio_cronologia(struct request *, long long minore,
    struct eventi *);

/* contatto.c: the contacts with the facility, the only writer of contatti. */
extern const struct record contatto_nuovo, contatto_modifica;
int contatti_del_caso(struct request *, long long minore);

/* demo.c */
int monitoraggio_demo(struct request *console, long long n);

#endif
