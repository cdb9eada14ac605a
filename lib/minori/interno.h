/*
** The minori module's own declarations, shared by its files only.
*/
#ifndef APPRODO_MINORI_INTERNO_H
#define APPRODO_MINORI_INTERNO_H

#include "db.h"
#include "form.h"
#include "minori.h"
#include "record.h"

/* scelte.c: the choice lists and their labels. */
extern const struct choice minore_sessi[];
extern const size_t minore_nsessi;
extern const struct choice minore_modalita[];
extern const size_t minore_nmodalita;
extern const struct choice minore_stati[];
extern const size_t minore_nstati;
extern const struct choice minore_paesi[];
extern const size_t minore_npaesi;
extern const struct choice minore_motivi_uscita[];
extern const size_t minore_nmotivi_uscita;
extern const struct choice documento_tipi[];
extern const size_t documento_ntipi;
extern const struct choice tutela_tipi[];
extern const size_t tutela_ntipi;
extern const struct choice elenco_fasce[];
extern const size_t elenco_nfasce;
extern const struct choice elenco_ordini[];
extern const size_t elenco_nordini;

/* minore.c: the table minori, its fields and rules. */
#define MINORE_ANAGRAFICA 1u
#define MINORE_RINTRACCIO 2u
#define MINORE_PRESA 4u
size_t minore_fields(unsigned parts, struct field *out);
void minore_fields_load(struct field *, size_t n);
long long minore_insert(struct request *, const struct db_arg *, size_t,
    char numero[32]);
int minore_numero(int year, char out[32]);
void minore_check(struct edit *);
int minore_age_outside(const char *data_nascita, const char *on);
int cui_valid(const char *);
int codice_fiscale_valid(const char *);

/* nome.c: name keys and their index. */
void nome_fold(const char *in, struct buf *out);
void nome_keys(const char *in, struct buf *out);
void nome_query(const char *in, int prefix_last, struct buf *out);
int nome_index(long long id, const char *cognome, const char *nome,
    const char *alias);
long long nome_reindex(void);
int nome_upgrade(struct request *console);
int nome_maintain(void);

/* presa_in_carico.c: the duplicate check's cases with a similar name. */
struct stmt *minore_simili(const char *cognome, const char *nome,
    const char *nascita, const char *cittadinanza);

/* stato.c and collocamento.c: the status history and the placements. */
int stato_change(struct request *, long long id, const char *stato,
    const char *data, const char *motivo, struct edit *);
int stato_add(struct request *, long long id, const char *stato,
    const char *data, const char *motivo);
long long collocamento_open(long long minore, const char *struttura,
    const char *dal, const char *note);
int collocamento_close(long long minore, const char *al, const char *motivo);

/* tutela.c, documenti.c: writers the demo uses too. */
int tutela_save(const struct db_arg *, size_t);
long long documento_add(const struct db_arg *, size_t);

/* fascicolo.c: the case page and what every form of a case shares. */
int fascicolo_form_page(struct edit *);
const char *fascicolo_next(struct edit *);

/* What every form of a case has in common (a struct record's fields). */
#define FASCICOLO_FORM .entity = "minore", .access = minore_access, \
	.page = fascicolo_form_page, .next = fascicolo_next

/* The handlers and the records the routes name. */
int minori_elenco(struct request *);
int minori_export(struct request *);
int fascicolo(struct request *);
int documento_verifica_post(struct request *);
int documento_file(struct request *);
int cronologia(struct request *);
int cronologia_recenti(struct request *, long long id, int max);
int proposte_page(struct request *, long long minore);
int proposta_conferma_post(struct request *);
int proposta_respingi_post(struct request *);
int minori_cronologia(struct request *, long long id, struct eventi *);
extern const struct record presa_in_carico;
extern const struct record anagrafica_sezione;
extern const struct record rintraccio_sezione;
extern const struct record tutela_sezione;
extern const struct record stato_sezione;
extern const struct record trasferimento;
extern const struct record documento_nuovo;

/* demo.c */
int minori_demo(struct request *console, long long n);

#endif
