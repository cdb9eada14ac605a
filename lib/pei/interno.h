/*
** The pei module's own declarations, shared by its files only.
*/
#ifndef APPRODO_PEI_INTERNO_H
#define APPRODO_PEI_INTERNO_H

#include "db.h"
#include "form.h"
#include "minori.h"
#include "pei.h"
#include "record.h"

/* The version of minor :id being written, as an SQL expression. */
#define PEI_BOZZA(param) "(SELECT id FROM pei WHERE minore_id = " param \
	" AND stato IN ('bozza', 'restituita'))"

/*
** A part of a version: one row per version (a scheda: the anamnesis, the
** interview), or a list of rows (relatives, objectives). Its fields are
** its table's columns, so the statements that read, write, copy and
** compare it are made from the field table (sezioni.c). The record comes
** first: the editor's hooks find the section from it.
*/
struct sezione {
	struct record rec;	/* name: the path under /minori/N/pei/ */
	const char *table;
	int list;		/* rows with their own id and chiave */
	int caso;		/* a row per case (minore_id), not per version */
	const char *plural;	/* a list's heading: "Obiettivi" */
	const char *order;	/* a list's ORDER BY */
	const char *parent;	/* a list row's column naming another list's
				   row of the same version (azioni: obiettivo_id) */
	const char *parent_table;
	const char *const *fresh;	/* fields a new version starts empty */
	void (*check)(struct edit *);	/* the section's own rules */
	void (*defaults)(struct edit *);	/* a new row's values */
};

extern const struct sezione *const pei_sezioni[];	/* NULL-terminated */
extern const struct sezione *const pei_percorso[];	/* the legal path */

/* sezioni.c: the editor's hooks every section shares, and its statements. */
void sezione_defaults(struct edit *);
void sezione_check(struct edit *);
int sezione_save(struct edit *);
int sezione_page(struct edit *);
const char *sezione_next(struct edit *);
int sezione_access_edit(struct edit *);
int sezione_elimina(struct request *);
int sezione_copy(const struct sezione *, long long from, long long to);
struct stmt *sezione_rows(const struct sezione *, long long pei_id);
const char *sezione_value(const struct field *, const char *stored,
    struct pool *);
long long sezione_scrivi(const struct sezione *, long long minore,
    long long parent, const struct db_arg *, size_t);

#define PEI_SCHEDA(nm, ttl, tbl) .rec = { .entity = "minore", .name = nm, \
	.title = ttl, .access_edit = sezione_access_edit, .defaults = sezione_defaults, \
	.check = sezione_check, .save = sezione_save, .page = sezione_page, \
	.next = sezione_next, .saved = "PEI aggiornato." }, .table = tbl
#define PEI_ELENCO(nm, ttl, pl, tbl) .plural = pl, .rec = { .entity = tbl, .name = nm, \
	.title = ttl, .access_edit = sezione_access_edit, \
	.defaults = sezione_defaults, .check = sezione_check, \
	.save = sezione_save, .page = sezione_page, .next = sezione_next, \
	.saved = "PEI aggiornato." }, .table = tbl, .list = 1

/* Shorthands of the sections' field tables. */
#define CHOICES(list) .type = FIELD_CHOICE, .choices = list, \
	.nchoices = COUNT(list)
#define DATE .type = FIELD_DATE, .hint = "gg/mm/aaaa"
#define LINE(n) .type = FIELD_TEXT, .max = n
#define TEXT .type = FIELD_TEXTAREA, .max = 8000
#define CHECK .type = FIELD_CHECKBOX

/* A procedure of the legal path: one row per case (percorso.c). */
#define PEI_CASO(nm, ttl, tbl) .rec = { .entity = "minore", .name = nm, \
	.title = ttl, .access_edit = sezione_access_edit, \
	.defaults = sezione_defaults, .check = sezione_check, \
	.save = sezione_save, .page = sezione_page, .next = sezione_next, \
	.saved = "Percorso giuridico aggiornato." }, .table = tbl, .caso = 1

/* The sections (one file each). */
extern const struct sezione pei_anamnesi, pei_familiari, pei_transiti;
extern const struct sezione pei_colloquio;
extern const struct sezione pei_valutazione, pei_invii;
extern const struct sezione pei_obiettivi, pei_azioni;
extern const struct sezione pei_parere;
extern const struct sezione percorso_permesso, percorso_asilo, percorso_eta,
    percorso_art32, percorso_prosieguo;

/* obiettivi.c: what the facility's view labels too. */
extern const struct choice pei_aree[], pei_attori[];
extern const size_t pei_naree, pei_nattori;

/* vulnerabilita.c: one assessment per category, with its own form. */
extern const struct record pei_vulnerabilita;
extern const struct choice pei_categorie[];
extern const size_t pei_ncategorie;
int vulnerabilita_copy(long long from, long long to);
int vulnerabilita_scrivi(long long minore, const char *categoria,
    const char *esito, const char *data, const char *fonte, const char *note,
    const char *indicatori);
struct stmt *vulnerabilita_rows(long long pei_id);
const char *vulnerabilita_indicatori(struct pool *, const char *codes);
const struct choice *vulnerabilita_esiti(size_t *n);

/* versione.c: the version of a minor's PEI being written, or 0. */
long long pei_in_lavorazione(long long minore_id);

/* regole.c: the legal terms, each with its source (the functions are
** in pei.h: the deadline engine uses them too). */
struct termine {
	const char *codice, *descrizione, *fonte;
};
extern const struct termine pei_termini[];
extern const size_t pei_ntermini;

/* pagina.c */
extern const struct choice pei_stati[];
extern const size_t pei_nstati;

/* pagina.c: the PEI page, a version, the workflow's buttons. */
int pei_pagina(struct request *);
int pei_versione(struct request *);
int pei_stampa(struct request *);
int pei_mostra(struct request *, long long minore, long long id);
int pei_cronologia(struct request *, long long minore, struct eventi *);
int pei_apri_post(struct request *);
int pei_invia_post(struct request *);
int pei_decidi_post(struct request *);

/* confronto.c: what changed between two versions, field by field. */
struct differenza {
	const char *sezione;
	const char *elemento;	/* a list's row, a category; NULL: a scheda */
	const char *campo;
	const char *prima, *dopo;	/* as displayed; NULL: empty */
};
int pei_confronta(struct pool *, long long da, long long a,
    struct differenza **, size_t *n);
int pei_confronto(struct request *);

/* pdf.c: the document to print and sign. */
/* Renders version `pei_id` of a PEI as an A4 PDF into `out`; 0, or -1. */
int pei_pdf(struct pool *, long long pei_id, struct buf *out);

/* firma.c: the PDF kept at approval, with its hash, and the signed scans. */
int firma_pdf_crea(struct pool *, long long pei_id, char **path);
void firma_page(struct request *, long long pei_id);
int pei_pdf_get(struct request *);
int pei_firmata_post(struct request *);
int pei_firmata_get(struct request *);

/* percorso.c: the legal terms of the case, for the PEI page. */
void percorso_page(struct request *, long long minore);

/* demo.c */
int pei_demo(struct request *console, long long n);

#endif
