/*
** A minor's case (fascicolo): the choices its forms offer, who may read
** or change which case, the gapless case number, the name index and the
** rules shared by intake, the case page and the case list.
*/
#ifndef APPRODO_MINORE_H
#define APPRODO_MINORE_H

#include "audit.h"
#include "form.h"
#include "request.h"

extern const struct choice minore_sessi[];
extern const size_t minore_nsessi;
extern const struct choice minore_modalita[];
extern const size_t minore_nmodalita;
#define MINORE_STATI 9
extern const struct choice minore_stati[MINORE_STATI];
extern const size_t minore_nstati;
extern const struct choice minore_paesi[];
extern const size_t minore_npaesi;
extern const struct choice minore_motivi_uscita[];
extern const size_t minore_nmotivi_uscita;

enum access { ACCESS_READ, ACCESS_WRITE };

int minore_access(struct request *, long long id, enum access);
int minore_limited(const struct request *);
int minore_numero(int year, char out[32]);
int minore_index_names(long long id, const char *cognome, const char *nome,
    const char *alias);
const struct choice *strutture_choices(size_t *n);
const struct choice *operatori_choices(size_t *n);
int cui_valid(const char *);
int codice_fiscale_valid(const char *);
int stato_closes_placement(const char *stato, const char **motivo);
int stato_needs_responsabile(const char *stato);


/* Every field of a case, in one table: intake uses all of them, each
** section of the case page a range. */
enum minore_field {
	MF_COGNOME, MF_NOME, MF_ALIAS, MF_SESSO, MF_DATA_NASCITA,
	MF_LUOGO_NASCITA, MF_PAESE_NASCITA, MF_CITTADINANZA, MF_LINGUE,
	MF_MEDIATORE, MF_CUI, MF_CODICE_FISCALE,
	MF_DATA_RINTRACCIO, MF_LUOGO_RINTRACCIO, MF_MODALITA_RINTRACCIO,
	MF_ENTE_SEGNALANTE, MF_DATA_403, MF_DATA_403_COMUNICAZIONE,
	MF_DATA_403_RICHIESTA_CONVALIDA, MF_DATA_403_DECRETO,
	MF_DATA_403_UDIENZA,
	MF_DATA_PRESA_IN_CARICO, MF_STRUTTURA, MF_OPERATORE,
	MF_CONFERMA_ETA, MF_ETA_MOTIVO, MF_CONFERMA_NUOVO,
	MF__MAX
};
#define MF_ANAGRAFICA_FIRST MF_COGNOME
#define MF_ANAGRAFICA_LAST MF_CODICE_FISCALE
#define MF_RINTRACCIO_FIRST MF_DATA_RINTRACCIO
#define MF_RINTRACCIO_LAST MF_DATA_403_UDIENZA

extern const struct field minore_fields[MF__MAX];

void minore_fields_load(struct field *);
void minore_check_identity(struct request *, struct form *);
void minore_check_dates(struct form *, const char *data_nascita,
    const char *data_presa_in_carico);
int minore_age_outside(const char *data_nascita, const char *on);
int fascicolo_header(struct request *, long long id, int full);
int fascicolo_values(struct request *, const char *sql, const char **,
    size_t);
int fascicolo_form_page(struct request *, struct form *, const char *path,
    const char *title);
int fascicolo_saved(struct request *, const char *entity, long long id,
    const struct change *, size_t, const char *avviso);
const char *documento_tipo_label(const char *);
const char *tutela_tipo_label(const char *);
#endif
