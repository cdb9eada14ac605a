/*
** Fascicolo: the case page of one minor (summary, guardianship,
** documents, placements, status history) and the forms that edit one
** section each. Every view and every change is audited.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "page.h"
#include "session.h"

static void
set_date(struct request *r, const char *name, const char *iso)
{
	char it[11];

	date_it(iso, it);
	page_set(r, name, it);
}

static const char SQL_CASE[] =
    "SELECT m.numero, m.cognome, m.nome, m.alias, m.sesso, m.data_nascita,"
    " m.data_nascita_accertata, m.luogo_nascita, m.paese_nascita,"
    " m.cittadinanza, m.lingue, m.mediatore, m.cui, m.codice_fiscale,"
    " m.data_rintraccio, m.luogo_rintraccio, m.modalita_rintraccio,"
    " m.ente_segnalante, m.data_403, m.data_403_comunicazione,"
    " m.data_403_richiesta_convalida, m.data_403_decreto, m.data_403_udienza,"
    " m.data_presa_in_carico, coalesce(s.nome, ''), coalesce(u.nome, ''),"
    " m.stato, m.data_stato, m.eta_motivo, m.operatore_id"
    " FROM minori m LEFT JOIN strutture s ON s.id = m.struttura_id"
    " LEFT JOIN utenti u ON u.id = m.operatore_id WHERE m.id = ?";

/* Case.* for the header every page of a case shows. */
int
fascicolo_header(struct request *r, long long id, int full)
{
	sqlite3_stmt *st = db_prepare(SQL_CASE);
	char today[11];
	const char *nascita;
	int found;

	date_today(today);
	db_bind_int(st, 1, id);
	found = db_step(st) == SQLITE_ROW;
	if (!found) {
		db_done(st);
		return 404;
	}
	nascita = db_is_null(st, 6) ? db_text(st, 5) : db_text(st, 6);
	page_set_int(r, "Case.id", id);
	page_set(r, "Case.numero", db_text(st, 0));
	page_set(r, "Case.cognome", db_text(st, 1));
	page_set(r, "Case.nome", db_text(st, 2));
	page_set(r, "Case.sesso", choice_label(minore_sessi, minore_nsessi,
	    db_text(st, 4)));
	set_date(r, "Case.data_nascita", db_text(st, 5));
	page_set_int(r, "Case.eta", date_age(nascita, today));
	{
		char diciotto[11];

		date_shift(nascita, 18, 0, diciotto);
		set_date(r, "Case.diciotto", diciotto);
		page_set_int(r, "Case.maggiorenne", strcmp(diciotto, today) <= 0);
	}
	page_set(r, "Case.cittadinanza", db_text(st, 9));
	page_set(r, "Case.lingue", db_text(st, 10));
	page_set_int(r, "Case.mediatore", db_int(st, 11));
	page_set(r, "Case.struttura", db_text(st, 24));
	page_set(r, "Case.operatore", db_text(st, 25));
	page_set(r, "Case.stato", choice_label(minore_stati, minore_nstati,
	    db_text(st, 26)));
	page_set(r, "Case.stato_code", db_text(st, 26));
	set_date(r, "Case.data_stato", db_text(st, 27));
	set_date(r, "Case.data_presa_in_carico", db_text(st, 23));
	page_set_int(r, "Case.giorni", date_days(today) -
	    date_days(db_text(st, 23)));
	if (full) {
		page_set(r, "Case.full", "1");
		page_set(r, "Case.alias", db_text(st, 3));
		if (!db_is_null(st, 6))
			set_date(r, "Case.data_nascita_accertata", db_text(st, 6));
		page_set(r, "Case.luogo_nascita", db_text(st, 7));
		page_set(r, "Case.paese_nascita", db_text(st, 8));
		page_set(r, "Case.cui", db_text(st, 12));
		page_set(r, "Case.codice_fiscale", db_text(st, 13));
		set_date(r, "Case.data_rintraccio", db_text(st, 14));
		page_set(r, "Case.luogo_rintraccio", db_text(st, 15));
		page_set(r, "Case.modalita_rintraccio", choice_label(
		    minore_modalita, minore_nmodalita, db_text(st, 16)));
		page_set(r, "Case.ente_segnalante", db_text(st, 17));
		set_date(r, "Case.data_403", db_text(st, 18));
		set_date(r, "Case.data_403_comunicazione", db_text(st, 19));
		set_date(r, "Case.data_403_richiesta_convalida", db_text(st, 20));
		set_date(r, "Case.data_403_decreto", db_text(st, 21));
		set_date(r, "Case.data_403_udienza", db_text(st, 22));
		page_set(r, "Case.eta_motivo", db_text(st, 28));
	}
	page_set_int(r, "Case.can_edit", r->user.role == ROLE_RESPONSABILE ||
	    (r->user.role == ROLE_OPERATORE && db_int(st, 29) == r->user.id));
	page_set_int(r, "Case.can_close", role_can(r->user.role,
	    PERM_CASE_CLOSE));
	db_done(st);
	return 0;
}

static const char SQL_TUTELA[] =
    "SELECT tipo, nome, recapito, tribunale, data_ricorso, data_nomina"
    " FROM tutele WHERE minore_id = ?";
static const char SQL_DOCUMENTI[] =
    "SELECT d.id, d.tipo, d.numero, d.data_rilascio, d.data_scadenza,"
    " coalesce(u.nome, ''), d.verificato_il, d.file_tipo IS NOT NULL,"
    " d.file_dimensione FROM documenti d"
    " LEFT JOIN utenti u ON u.id = d.verificato_da"
    " WHERE d.minore_id = ? ORDER BY d.data_scadenza IS NULL,"
    " d.data_scadenza, d.id";
static const char SQL_COLLOCAMENTI[] =
    "SELECT s.nome, s.tipo, c.dal, c.al, c.motivo_uscita FROM collocamenti c"
    " JOIN strutture s ON s.id = c.struttura_id WHERE c.minore_id = ?"
    " ORDER BY c.dal DESC, c.id DESC";
static const char SQL_STATI[] =
    "SELECT s.stato, s.data, s.motivo, coalesce(u.nome, '')"
    " FROM stati s LEFT JOIN utenti u ON u.id = s.utente_id"
    " WHERE s.minore_id = ? ORDER BY s.id DESC";

static void
case_tutela(struct request *r, long long id, int full)
{
	sqlite3_stmt *st = db_prepare(SQL_TUTELA);

	db_bind_int(st, 1, id);
	if (db_step(st) == SQLITE_ROW) {
		page_set(r, "Tutela.tipo", tutela_tipo_label(db_text(st, 0)));
		page_set(r, "Tutela.nome", db_text(st, 1));
		page_set(r, "Tutela.recapito", db_text(st, 2));
		if (full) {
			page_set(r, "Tutela.tribunale", db_text(st, 3));
			set_date(r, "Tutela.data_ricorso", db_text(st, 4));
			set_date(r, "Tutela.data_nomina", db_text(st, 5));
		}
	}
	db_done(st);
}

static void
case_documenti(struct request *r, long long id, int full)
{
	sqlite3_stmt *st = db_prepare(SQL_DOCUMENTI);
	char today[11], soon[11];
	int i = 0;

	date_today(today);
	date_shift(today, 0, 2, soon);	/* alert 60 days before expiry */
	db_bind_int(st, 1, id);
	while (db_step(st) == SQLITE_ROW) {
		const char *scadenza = db_text(st, 4);
		char it[11];

		page_set_item_int(r, "Documenti", i, "id", db_int(st, 0));
		page_set_item(r, "Documenti", i, "tipo",
		    documento_tipo_label(db_text(st, 1)));
		date_it(scadenza, it);
		page_set_item(r, "Documenti", i, "scadenza", it);
		if (*scadenza && strcmp(scadenza, today) < 0)
			page_set_item(r, "Documenti", i, "scaduto", "1");
		else if (*scadenza && strcmp(scadenza, soon) <= 0)
			page_set_item(r, "Documenti", i, "in_scadenza", "1");
		if (full) {
			page_set_item(r, "Documenti", i, "numero", db_text(st, 2));
			date_it(db_text(st, 3), it);
			page_set_item(r, "Documenti", i, "rilascio", it);
			page_set_item(r, "Documenti", i, "verificato_da",
			    db_text(st, 5));
			date_it(db_text(st, 6), it);
			page_set_item(r, "Documenti", i, "verificato_il", it);
			page_set_item_int(r, "Documenti", i, "file", db_int(st, 7));
			page_set_item_int(r, "Documenti", i, "kb",
			    (db_int(st, 8) + 1023) / 1024);
		}
		i++;
	}
	db_done(st);
}

static void
case_history(struct request *r, long long id)
{
	sqlite3_stmt *st = db_prepare(SQL_COLLOCAMENTI);
	int i = 0;
	char it[11];

	db_bind_int(st, 1, id);
	while (db_step(st) == SQLITE_ROW) {
		page_set_item(r, "Collocamenti", i, "struttura", db_text(st, 0));
		date_it(db_text(st, 2), it);
		page_set_item(r, "Collocamenti", i, "dal", it);
		date_it(db_text(st, 3), it);
		page_set_item(r, "Collocamenti", i, "al", it);
		page_set_item(r, "Collocamenti", i, "motivo", choice_label(
		    minore_motivi_uscita, minore_nmotivi_uscita, db_text(st, 4)));
		i++;
	}
	db_done(st);
	st = db_prepare(SQL_STATI);
	db_bind_int(st, 1, id);
	for (i = 0; db_step(st) == SQLITE_ROW; i++) {
		page_set_item(r, "Stati", i, "stato", choice_label(minore_stati,
		    minore_nstati, db_text(st, 0)));
		date_it(db_text(st, 1), it);
		page_set_item(r, "Stati", i, "data", it);
		page_set_item(r, "Stati", i, "motivo", db_text(st, 2));
		page_set_item(r, "Stati", i, "utente", db_text(st, 3));
	}
	db_done(st);
}

/* GET /minori/#: the case page. A facility sees a reduced one. */
int
fascicolo(struct request *r)
{
	long long id = r->id[0];
	int full = !minore_limited(r), rc;

	if ((rc = minore_access(r, id, ACCESS_READ)) != 0)
		return rc;
	if (audit_now(r, "view", "minore", id, NULL) != 0)
		return 500;
	if ((rc = fascicolo_header(r, id, full)) != 0)
		return rc;
	case_tutela(r, id, full);
	case_documenti(r, id, full);
	if (full)
		case_history(r, id);
	return page_render(r, "fascicolo.cs", "Fascicolo");
}

/*
** A section of the case edited on its own: which fields (by index in
** minore_fields), how to read them (same order) and how to write them
** (?1 is the id, then the fields in order).
*/
struct section {
	const char *path;
	const char *title;
	int first, last;
	const char *sql_get;
	const char *sql_set;
};

static const char SQL_ANAGRAFICA_GET[] =
    "SELECT cognome, nome, alias, sesso, data_nascita, luogo_nascita,"
    " paese_nascita, cittadinanza, lingue, nullif(mediatore, 0), cui,"
    " codice_fiscale FROM minori WHERE id = ?";
static const char SQL_ANAGRAFICA_SET[] =
    "UPDATE minori SET cognome = ?2, nome = ?3, alias = coalesce(?4, ''),"
    " sesso = ?5, data_nascita = ?6, luogo_nascita = coalesce(?7, ''),"
    " paese_nascita = coalesce(?8, ''), cittadinanza = ?9,"
    " lingue = coalesce(?10, ''), mediatore = ?11 IS NOT NULL, cui = ?12,"
    " codice_fiscale = ?13 WHERE id = ?1";
static const char SQL_RINTRACCIO_GET[] =
    "SELECT data_rintraccio, luogo_rintraccio, modalita_rintraccio,"
    " ente_segnalante, data_403, data_403_comunicazione,"
    " data_403_richiesta_convalida, data_403_decreto, data_403_udienza"
    " FROM minori WHERE id = ?";
static const char SQL_RINTRACCIO_SET[] =
    "UPDATE minori SET data_rintraccio = ?2,"
    " luogo_rintraccio = coalesce(?3, ''), modalita_rintraccio = ?4,"
    " ente_segnalante = coalesce(?5, ''), data_403 = ?6,"
    " data_403_comunicazione = ?7, data_403_richiesta_convalida = ?8,"
    " data_403_decreto = ?9, data_403_udienza = ?10 WHERE id = ?1";

static const struct section anagrafica = {
	"anagrafica", "Dati anagrafici", MF_ANAGRAFICA_FIRST,
	MF_ANAGRAFICA_LAST, SQL_ANAGRAFICA_GET, SQL_ANAGRAFICA_SET,
};
static const struct section rintraccio = {
	"rintraccio", "Rintraccio e provvedimento art. 403",
	MF_RINTRACCIO_FIRST, MF_RINTRACCIO_LAST, SQL_RINTRACCIO_GET,
	SQL_RINTRACCIO_SET,
};

/*
** Reads one row of `sql` (?1 is the case id) as text into v[0..n-1],
** NULL for what is empty. Returns 1 if the row exists.
*/
int
fascicolo_values(struct request *r, const char *sql, const char **v, size_t n)
{
	sqlite3_stmt *st = db_prepare(sql);
	int found;

	db_bind_int(st, 1, r->id[0]);
	found = db_step(st) == SQLITE_ROW;
	for (size_t i = 0; i < n; i++)
		v[i] = !found || db_is_null(st, (int)i) ||
		    *db_text(st, (int)i) == '\0' ? NULL :
		    pool_strdup(&r->pool, db_text(st, (int)i));
	db_done(st);
	return found;
}

/* The form of one section of the case, under the case's header. */
int
fascicolo_form_page(struct request *r, struct form *f, const char *path,
    const char *title)
{
	int rc = fascicolo_header(r, r->id[0], 1);

	if (rc != 0)
		return rc;
	form_page(r, f);
	page_set(r, "Section.path", path);
	page_set(r, "Section.title", title);
	return page_render(r, "sezione.cs", title);
}

/*
** Ends a section's POST inside its write transaction: the update's audit
** row with each changed field, the message for the next page, commit,
** and back to the case page. On failure everything is rolled back.
*/
int
fascicolo_saved(struct request *r, const char *entity, long long entity_id,
    const struct change *c, size_t n, const char *avviso)
{
	if (audit_update(r, entity, entity_id, c, n) != 0 ||
	    session_set_avviso(r, avviso) != 0 || db_commit() != 0) {
		db_rollback();
		return 500;
	}
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld",
	    r->id[0]));
}

static void
section_form(const struct section *s, struct form *f, struct field *fields)
{
	struct field all[MF__MAX];

	minore_fields_load(all);
	memcpy(fields, all + s->first,
	    (size_t)(s->last - s->first + 1) * sizeof(*fields));
	form_init(f, fields, (size_t)(s->last - s->first + 1));
}

static int
section_get(struct request *r, const struct section *s)
{
	struct field fields[MF__MAX];
	const char *v[MF__MAX];
	struct form f;
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	if (audit_now(r, "view", "minore", r->id[0], s->path) != 0)
		return 500;
	section_form(s, &f, fields);
	if (!fascicolo_values(r, s->sql_get, v, f.n))
		return 404;
	for (size_t i = 0; i < f.n; i++)
		form_set(r, &f, fields[i].name, v[i]);
	return fascicolo_form_page(r, &f, s->path, s->title);
}

static int
section_post(struct request *r, const struct section *s)
{
	struct field fields[MF__MAX];
	const char *before[MF__MAX];
	struct change c[MF__MAX];
	struct form f;
	sqlite3_stmt *st;
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	section_form(s, &f, fields);
	if (!fascicolo_values(r, s->sql_get, before, f.n))
		return 404;
	form_read(r, &f);
	minore_check_identity(r, &f);
	minore_check_dates(&f, NULL, NULL);
	if (f.nerrors > 0)
		return fascicolo_form_page(r, &f, s->path, s->title);
	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(s->sql_set);
	db_bind_int(st, 1, r->id[0]);
	for (size_t i = 0; i < f.n; i++) {
		db_bind_text(st, (int)i + 2, f.value[i]);
		c[i].field = fields[i].name;
		c[i].before = before[i];
		c[i].after = f.value[i];
	}
	rc = db_step(st);
	db_done(st);
	if (rc == SQLITE_CONSTRAINT) {
		/* The only constraint a valid form can hit: a CUI or CF in use. */
		db_rollback();
		form_fail(&f, s == &anagrafica ? "cui" : fields[0].name,
		    "Il CUI o il codice fiscale è già registrato in un altro "
		    "fascicolo.");
		return fascicolo_form_page(r, &f, s->path, s->title);
	}
	if (rc != SQLITE_DONE || (s == &anagrafica && minore_index_names(
	    r->id[0], f.value[0], f.value[1], f.value[2]) != 0)) {
		db_rollback();
		return 500;
	}
	return fascicolo_saved(r, "minore", r->id[0], c, f.n,
	    "Modifiche salvate.");
}

int fascicolo_anagrafica_get(struct request *r) { return section_get(r, &anagrafica); }
int fascicolo_anagrafica_post(struct request *r) { return section_post(r, &anagrafica); }
int fascicolo_rintraccio_get(struct request *r) { return section_get(r, &rintraccio); }
int fascicolo_rintraccio_post(struct request *r) { return section_post(r, &rintraccio); }
