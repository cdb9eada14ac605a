/*
** Fascicolo: the case page of one minor (summary, guardianship,
** documents, placements, status history), the header every page of a
** case shows, and what every form of a case shares. A facility sees a
** reduced page. Every view is audited.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"
#include "scadenze.h"

#define IT(col) "strftime('%d/%m/%Y', " col ")"

/* What every reader of a case sees, a facility included ... */
#define CASE_COMMON \
    "SELECT m.id, m.numero, m.cognome, m.nome, m.sesso," \
    " " IT("m.data_nascita") " AS data_nascita," \
    " coalesce(m.data_nascita_accertata, m.data_nascita) AS nascita," \
    " m.cittadinanza, m.lingue, m.mediatore," \
    " m.data_presa_in_carico AS presa," \
    " " IT("m.data_presa_in_carico") " AS data_presa_in_carico," \
    " coalesce(s.nome, '') AS struttura, coalesce(u.nome, '') AS operatore," \
    " m.stato AS stato_code, " IT("m.data_stato") " AS data_stato," \
    " m.operatore_id"
#define CASE_FROM \
    " FROM minori m LEFT JOIN strutture s ON s.id = m.struttura_id" \
    " LEFT JOIN utenti u ON u.id = m.operatore_id WHERE m.id = :id"
/* ... and what only the office sees (DOMAIN.md: least privilege). */
static const char SQL_CASE[] = CASE_COMMON ", 1 AS full, m.alias,"
    " " IT("m.data_nascita_accertata") " AS data_nascita_accertata,"
    " m.luogo_nascita, m.paese_nascita, m.cui, m.codice_fiscale,"
    " " IT("m.data_rintraccio") " AS data_rintraccio,"
    " m.luogo_rintraccio, m.modalita_rintraccio, m.ente_segnalante,"
    " " IT("m.data_403") " AS data_403,"
    " " IT("m.data_403_comunicazione") " AS data_403_comunicazione,"
    " " IT("m.data_403_richiesta_convalida") " AS data_403_richiesta_convalida,"
    " " IT("m.data_403_decreto") " AS data_403_decreto,"
    " " IT("m.data_403_udienza") " AS data_403_udienza, m.eta_motivo"
    CASE_FROM;
static const char SQL_CASE_LIMITED[] = CASE_COMMON CASE_FROM;

/* Case.* for the header every page of a case shows. */
int
fascicolo_header(struct request *r, long long id, int full)
{
	struct stmt *st = db_query(full ? SQL_CASE : SQL_CASE_LIMITED,
	    ARGS(ARG_INT("id", id)));
	HDF *c = page_node(r, "Case");
	char today[11], diciotto[11];
	const char *nascita;

	if (db_step(st) != SQLITE_ROW) {
		db_done(st);
		return 404;
	}
	date_today(today);
	row_set_stmt(c, st);
	if (full)
		row_set(c, "modalita_rintraccio", choice_label(minore_modalita,
		    minore_nmodalita, db_text(st, "modalita_rintraccio")));
	nascita = db_text(st, "nascita");
	date_shift(nascita, 18, 0, diciotto);
	row_set(c, "sesso", choice_label(minore_sessi, minore_nsessi,
	    db_text(st, "sesso")));
	row_set_int(c, "eta", date_age(nascita, today));
	row_set_date(c, "diciotto", diciotto);
	row_set_int(c, "maggiorenne", strcmp(diciotto, today) <= 0);
	row_set(c, "stato", choice_label(minore_stati, minore_nstati,
	    db_text(st, "stato_code")));
	row_set_int(c, "giorni", date_days(today) -
	    date_days(db_text(st, "presa")));
	row_set_int(c, "can_edit", r->user.role == ROLE_RESPONSABILE ||
	    (r->user.role == ROLE_OPERATORE &&
	    db_int(st, "operatore_id") == r->user.id));
	row_set_int(c, "can_close", role_can(r->user.role, &minori_chiusura));
	db_done(st);
	return 0;
}

/* The guardian: a facility sees who it is and how to reach them. */
static const char SQL_TUTELA[] =
    "SELECT tipo, nome, recapito, tribunale,"
    " " IT("data_ricorso") " AS data_ricorso,"
    " " IT("data_nomina") " AS data_nomina FROM tutele WHERE minore_id = :id";
static const char SQL_TUTELA_LIMITED[] =
    "SELECT tipo, nome, recapito FROM tutele WHERE minore_id = :id";
/* Documents: a facility sees which and until when. */
#define DOCUMENTI_ORDER " WHERE d.minore_id = :id" \
    " ORDER BY d.data_scadenza IS NULL, d.data_scadenza, d.id"
static const char SQL_DOCUMENTI[] =
    "SELECT d.id, d.tipo, d.numero, " IT("d.data_rilascio") " AS rilascio,"
    " d.data_scadenza, " IT("d.data_scadenza") " AS scadenza,"
    " coalesce(u.nome, '') AS verificato_da,"
    " " IT("d.verificato_il") " AS verificato_il,"
    " d.file_tipo IS NOT NULL AS file, (d.file_dimensione + 1023) / 1024 AS kb"
    " FROM documenti d LEFT JOIN utenti u ON u.id = d.verificato_da"
    DOCUMENTI_ORDER;
static const char SQL_DOCUMENTI_LIMITED[] =
    "SELECT d.id, d.tipo, d.data_scadenza,"
    " " IT("d.data_scadenza") " AS scadenza FROM documenti d" DOCUMENTI_ORDER;
static const char SQL_COLLOCAMENTI[] =
    "SELECT s.nome AS struttura, " IT("c.dal") " AS dal,"
    " " IT("c.al") " AS al, c.motivo_uscita FROM collocamenti c"
    " JOIN strutture s ON s.id = c.struttura_id WHERE c.minore_id = :id"
    " ORDER BY c.dal DESC, c.id DESC";
static const char SQL_STATI[] =
    "SELECT s.stato, " IT("s.data") " AS data, s.motivo,"
    " coalesce(u.nome, '') AS utente"
    " FROM stati s LEFT JOIN utenti u ON u.id = s.utente_id"
    " WHERE s.minore_id = :id ORDER BY s.id DESC";

struct documenti_ctx {
	char today[11], soon[11];
};

/* A document's label and its expiry: past, or within 60 days. */
static void
documento_row(HDF *row, struct stmt *st, void *ctx)
{
	struct documenti_ctx *k = ctx;
	const char *scadenza = db_text(st, "data_scadenza");

	row_set(row, "tipo", choice_label(documento_tipi, documento_ntipi,
	    db_text(st, "tipo")));
	if (*scadenza && strcmp(scadenza, k->today) < 0)
		row_set(row, "scaduto", "1");
	else if (*scadenza && strcmp(scadenza, k->soon) <= 0)
		row_set(row, "in_scadenza", "1");
}

/* The latest events the case page shows of its timeline. */
#define RECENTI 6

/* What the case page shows, read in the caller's snapshot: 0, or a status. */
static int
fascicolo_legge(struct request *r, long long id, int full)
{
	struct documenti_ctx docs;
	int rc;

	if ((rc = fascicolo_header(r, id, full)) != 0)
		return rc;
	page_one(r, "Tutela", db_query(full ? SQL_TUTELA : SQL_TUTELA_LIMITED,
	    ARGS(ARG_INT("id", id))), row_label, &(struct label){ "tipo",
	    "tipo", tutela_tipi, tutela_ntipi });
	date_today(docs.today);
	date_shift(docs.today, 0, 2, docs.soon);	/* alert 60 days before */
	page_rows(r, "Documenti", db_query(full ? SQL_DOCUMENTI :
	    SQL_DOCUMENTI_LIMITED, ARGS(ARG_INT("id", id))), 0, documento_row,
	    &docs);
	if (full) {
		proposte_page(r, id);
		page_rows(r, "Collocamenti", db_query(SQL_COLLOCAMENTI,
		    ARGS(ARG_INT("id", id))), 0, row_label, &(struct label){
		    "motivo_uscita", "motivo", minore_motivi_uscita,
		    minore_nmotivi_uscita });
		page_rows(r, "Stati", db_query(SQL_STATI, ARGS(ARG_INT("id",
		    id))), 0, row_label, &(struct label){ "stato", "stato",
		    minore_stati, minore_nstati });
		if (cronologia_recenti(r, id, RECENTI) != 0 ||
		    scadenze_del_caso(r, id, "Scadenze") < 0)
			return 500;
	}
	return 0;
}

/* GET /minori/#: the case page. */
int
fascicolo(struct request *r)
{
	long long id = r->id[0];
	int full = !minore_limited(r), rc;

	if ((rc = minore_access(r, id, 0)) != 0)
		return rc;
	if (audit_view(r, "minore", id, NULL) != 0)
		return 500;
	/* A page of many queries: one snapshot, one lock (nothing writes). */
	if (db_begin_read() != 0)
		return 500;
	rc = fascicolo_legge(r, id, full);
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "minori/fascicolo.cs", "Fascicolo");
}

/* The case a form is about: the one it belongs to, or itself. */
static long long
case_of(const struct edit *e)
{
	return e->parent ? e->parent : e->id;
}

/* The form of one section or record of a case, under the case's header. */
int
fascicolo_form_page(struct edit *e)
{
	int rc = fascicolo_header(e->r, case_of(e), 1);

	if (rc != 0)
		return rc;
	form_page(e->r, &e->form);
	page_set(e->r, "Section.path", e->rec->name);
	page_set(e->r, "Section.title", e->rec->title);
	return page_render(e->r, "minori/sezione.cs", e->rec->title);
}

/* After saving a section or a record of a case: back to the case page. */
const char *
fascicolo_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/%lld", case_of(e));
}
