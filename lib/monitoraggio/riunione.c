/*
** The multidisciplinary team's meetings (équipe): when, where, of which
** kind, who took part (the office's people, chosen among its users; the
** others with their role and organisation, one a line), and each minor
** discussed: the current situation, the decisions, the outcome for the
** case, a follow-up action, and the state of the objectives of the case's
** PEI being written, the action also as the PEI's (obiettivi.c, as an
** interview does). /minori/riunioni lists them and adds one;
** /minori/riunioni/N is a meeting and its minutes (printable on A4);
** /minori/riunioni/N/minori/nuovo adds a minor discussed. The only writer
** of riunioni, riunioni_partecipanti and riunioni_minori.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"
#include "utenti.h"

static const struct choice tipi[] = {
	{ "revisione_pei", "Verifica del PEI" },
	{ "caso", "Discussione del caso" },
	{ "evento_critico", "Evento critico" },
	{ "trasferimento", "Trasferimento" },
	{ "diciotto", "Compimento dei 18 anni" },
	{ "altro", "Altro" },
};
static const struct choice esiti[] = {
	{ "resta_aperto", "Il caso resta aperto" },
	{ "da_trasferire", "Da trasferire" },
	{ "da_chiudere", "Da chiudere" },
	{ "altro", "Altro" },
};

static const struct field riunione_fields[] = {
	{ .name = "data", .label = "Data", .type = FIELD_DATE,
	  .flags = FIELD_REQUIRED, .hint = "gg/mm/aaaa",
	  .group = "La riunione" },
	{ .name = "luogo", .label = "Luogo", .type = FIELD_TEXT, .max = 200,
	  .hint = "Es. Dipartimento, sala riunioni; Comunità Il Ponte" },
	{ .name = "tipo", .label = "Tipo di riunione", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = tipi, .nchoices = COUNT(tipi) },
	/* Here, a box for each of the office's people (fields_make). */
	{ .name = "esterni", .label = "Nome, ruolo, ente (uno per riga)",
	  .type = FIELD_TEXTAREA, .max = 4000, .group = "Altri partecipanti",
	  .hint = "Es. Giulia Neri, tutrice volontaria; Marco Blu, educatore, "
	  "Comunità Il Ponte" },
};
#define RIUNIONE_PRIMA 3	/* the fields before the office's people */

#define PARTECIPANTE "partecipante_"

/*
** The meeting's fields, with a box for each of the office's people who
** may take part: the active case workers and responsabili (the list
** cases are assigned from, kept per process), named by their user's id.
** A form holds FORM_FIELDS_MAX fields: past that, the last names on the
** list are not offered.
*/
static size_t
riunione_fields_make(struct edit *e, struct field *out)
{
	size_t nu, n = 0;
	const struct choice *u = utenti_operatori(&nu);

	for (size_t i = 0; i < RIUNIONE_PRIMA; i++)
		out[n++] = riunione_fields[i];
	for (size_t i = 0; i < nu && n < FORM_FIELDS_MAX - (COUNT(
	    riunione_fields) - RIUNIONE_PRIMA); i++) {
		/* Audited as the list they make (partecipanti). */
		out[n] = (struct field){ .name = pool_printf(&e->r->pool,
		    PARTECIPANTE "%s", u[i].value), .label = u[i].label,
		    .type = FIELD_CHECKBOX, .flags = FIELD_NOAUDIT };
		if (i == 0)
			out[n].group = "Partecipanti dell'ufficio (almeno uno)";
		n++;
	}
	for (size_t i = RIUNIONE_PRIMA; i < COUNT(riunione_fields); i++)
		out[n++] = riunione_fields[i];
	return n;
}

/* The user a participant's box is for, or 0 for another field. */
static long long
partecipante(const struct field *fd)
{
	if (strncmp(fd->name, PARTECIPANTE, strlen(PARTECIPANTE)) != 0)
		return 0;
	return strtoll(fd->name + strlen(PARTECIPANTE), NULL, 10);
}

static const char SQL_RIUNIONE_ADD[] =
    "INSERT INTO riunioni (data, luogo, tipo, esterni, autore_id)"
    " VALUES (:data, :luogo, :tipo, :esterni, :utente)";
static const char SQL_PARTECIPANTE_ADD[] =
    "INSERT INTO riunioni_partecipanti (riunione_id, utente_id)"
    " VALUES (:riunione, :utente)";

/*
** The office's people at meeting `riunione` (n user ids), in the caller's
** transaction: their ids, "3,7", for the audit row, or NULL on a failure.
*/
static const char *
partecipanti_scrivi(struct request *r, long long riunione,
    const long long *utenti, size_t n)
{
	struct buf b = { 0 };
	const char *out;

	for (size_t i = 0; i < n; i++) {
		if (db_write(SQL_PARTECIPANTE_ADD, ARGS(ARG_INT("riunione",
		    riunione), ARG_INT("utente", utenti[i]))) != 0) {
			buf_free(&b);
			return NULL;
		}
		buf_printf(&b, "%s%lld", i ? "," : "", utenti[i]);
	}
	out = pool_strdup(&r->pool, b.n ? b.p : "");
	buf_free(&b);
	return out;
}

static int
riunione_save(struct edit *e)
{
	long long utenti[FORM_FIELDS_MAX];
	const char *scritti;
	struct stmt *st = db_prepare(SQL_RIUNIONE_ADD);
	size_t n = 0;
	int rc;

	form_bind(&e->form, st);
	db_bind_int(st, "utente", e->r->user.id);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	e->id = db_last_id();
	for (size_t i = 0; i < e->form.n; i++)
		if (e->form.value[i] && partecipante(&e->fields[i]))
			utenti[n++] = partecipante(&e->fields[i]);
	if ((scritti = partecipanti_scrivi(e->r, e->id, utenti, n)) == NULL)
		return -1;
	edit_change(e, "partecipanti", NULL, scritti);
	return 0;
}

/* Today, and the author among the office's people. */
static void
riunione_defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data");
	form_set(e->r, &e->form, pool_printf(&e->r->pool, PARTECIPANTE "%lld",
	    e->r->user.id), "1");
}

/* At least one of the office's people took part: said under their
** group's legend (its first box's error). */
static void
riunione_check(struct edit *e)
{
	const char *first = NULL;

	for (size_t i = 0; i < e->form.n; i++) {
		if (!partecipante(&e->fields[i]))
			continue;
		if (e->form.value[i])
			return;
		if (first == NULL)
			first = e->fields[i].name;
	}
	form_fail(&e->form, first, "Indica almeno un partecipante "
	    "dell'ufficio.");
}

/* The meeting's forms: under no case's header. */
static int
riunione_form_page(struct edit *e, const char *action, const char *back)
{
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", action);
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", back);
	return page_render(e->r, "monitoraggio/riunione_modulo.cs",
	    e->rec->title);
}

static int
riunione_page(struct edit *e)
{
	return riunione_form_page(e, "/minori/riunioni/nuova",
	    "/minori/riunioni");
}

static const char *
riunione_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/riunioni/%lld", e->id);
}

const struct record riunione_nuova = {
	.entity = "riunione", .name = "riunioni/nuova",
	.title = "Nuova riunione d'équipe",
	.fields_make = riunione_fields_make, .access = record_any,
	.defaults = riunione_defaults, .check = riunione_check,
	.save = riunione_save, .page = riunione_page, .next = riunione_next,
	.saved = "Riunione registrata: aggiungi i minori discussi.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

/* A minor discussed: found by case number, never by name in a URL. */
static const struct field minore_fields[] = {
	{ "numero", "Numero del fascicolo", .type = FIELD_TEXT, .max = 20,
	  .flags = FIELD_REQUIRED, .hint = "Es. MSNA-2026-00012. Se il minore "
	  "ha un PEI in lavorazione, il modulo torna con i suoi obiettivi da "
	  "aggiornare prima di salvare." },
	{ "situazione", "Situazione attuale", .type = FIELD_TEXTAREA,
	  .max = 8000 },
	{ "decisioni", "Decisioni", .type = FIELD_TEXTAREA, .max = 8000 },
	{ "esito", "Esito per il caso", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = esiti, .nchoices = COUNT(esiti) },
};

static const char SQL_RIUNIONE[] =
    "SELECT id FROM riunioni WHERE id = :id";
static const char SQL_NUMERO[] =
    "SELECT id FROM minori WHERE numero = :numero";

/* The case whose number a POST sends, read as the form reads it: its id,
** or 0. */
static long long
numero_inviato(struct request *r)
{
	struct form f;
	const char *numero;

	if (strcmp(r->method, "POST") != 0)
		return 0;
	form_init(&f, minore_fields, 1);
	form_read(r, &f);
	if ((numero = form_value(&f, "numero")) == NULL)
		return 0;
	return db_value(SQL_NUMERO, ARGS(ARG_TEXT("numero", numero)), 0);
}

/* What the form of a minor discussed knows of the case, from its fields
** to its save. */
struct discusso {
	long long pei;		/* the case whose PEI's fields the form has */
	size_t prima;		/* the fields before them */
	long long minore;	/* the case discussed, once checked */
};

/*
** A minor discussed: the case's number, the discussion, a follow-up
** action; once the number names a case, the objectives of its PEI being
** written (obiettivi.c), which come with the form sent back.
*/
static size_t
minore_fields_make(struct edit *e, struct field *out)
{
	struct discusso *d = pool_alloc(&e->r->pool, sizeof *d);
	size_t n = 0;

	for (size_t i = 0; i < COUNT(minore_fields); i++)
		out[n++] = minore_fields[i];
	n += azione_campi(out + n);
	*d = (struct discusso){ .pei = numero_inviato(e->r), .prima = n };
	e->data = d;
	if (d->pei > 0)
		n += obiettivi_campi(e, d->pei, out + n, FORM_FIELDS_MAX - n);
	return n;
}

/* The meeting the minor is added to: the path's number. */
static int
minore_access_edit(struct edit *e)
{
	if (db_value(SQL_RIUNIONE, ARGS(ARG_INT("id", e->parent)), 0) == 0)
		return 404;
	return 0;
}

/* A case refused is not discussed: the form comes back without its PEI. */
static void
senza_pei(struct edit *e)
{
	struct discusso *d = e->data;

	e->form.n = d->prima;
	d->pei = 0;
}

/*
** The case, by its number: one the user may change, not yet discussed
** in the meeting. The objectives of its PEI being written that the form
** did not show yet come back with it, from their states, before anything
** is saved.
*/
static void
minore_check(struct edit *e)
{
	struct form *f = &e->form;
	struct discusso *d = e->data;
	const char *numero = form_value(f, "numero");
	long long m;

	azione_check(f);
	if (numero == NULL)
		return;
	m = db_value(SQL_NUMERO, ARGS(ARG_TEXT("numero", numero)), 0);
	if (m == 0) {
		form_fail(f, "numero", "Non c'è un fascicolo con questo "
		    "numero.");
		return;
	}
	/* Only a case the user may change is discussed in their name; the
	** refusal's audit row is written after the rollback (denied). */
	if (minore_access(e->r, m, 1) != 0) {
		form_fail(f, "numero", "Non puoi registrare decisioni su "
		    "questo fascicolo: non è tra i tuoi.");
		e->denied = pool_printf(&e->r->pool, "minore %lld", m);
		senza_pei(e);
		return;
	}
	if (db_value("SELECT 1 FROM riunioni_minori WHERE riunione_id = :r"
	    " AND minore_id = :m", ARGS(ARG_INT("r", e->parent), ARG_INT("m",
	    m)), 0) == 1) {
		form_fail(f, "numero", "Questo minore è già tra quelli "
		    "discussi in questa riunione.");
		senza_pei(e);
		return;
	}
	d->minore = m;
	obiettivi_check(e);
	if (d->pei == m && obiettivi_attuali(e, m) > 0) {
		page_set(e->r, "Section.obiettivi", "1");
		e->again = 1;
	}
}

static const char SQL_MINORE_ADD[] =
    "INSERT INTO riunioni_minori (riunione_id, minore_id, situazione,"
    " decisioni, esito) VALUES (:riunione, :minore, :situazione, :decisioni,"
    " :esito)";

/* The minor discussed, the action, and the PEI's changes. */
static int
minore_save(struct edit *e)
{
	long long m = ((struct discusso *)e->data)->minore;
	struct stmt *st = db_prepare(SQL_MINORE_ADD);
	long long riunione = e->parent;
	int rc;

	form_bind(&e->form, st);
	db_bind_int(st, "riunione", riunione);
	db_bind_int(st, "minore", m);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	e->id = db_last_id();
	e->detail = pool_printf(&e->r->pool, "riunione %lld, minore %lld",
	    riunione, m);
	/* The action comes from the meeting, about this minor. */
	if (azione_dal_modulo(e, m, "riunione", riunione) != 0)
		return -1;
	return obiettivi_salva(e, m);
}

/* The form; when it shows a case's PEI, a view of the case. */
static int
minore_page(struct edit *e)
{
	const struct discusso *d = e->data;

	if (d->pei > 0 && e->form.n > d->prima && audit_view(e->r, "minore",
	    d->pei, "riunione") != 0)
		return 500;
	return riunione_form_page(e, pool_printf(&e->r->pool,
	    "/minori/riunioni/%lld/minori/nuovo", e->parent),
	    pool_printf(&e->r->pool, "/minori/riunioni/%lld", e->parent));
}

static const char *
minore_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/riunioni/%lld#minori",
	    e->parent);
}

const struct record riunione_minore = {
	.entity = "riunione_minore", .owner = "riunione",
	.name = "riunioni/minori/nuovo",
	.title = "Un minore discusso nella riunione",
	.fields_make = minore_fields_make, .access_edit = minore_access_edit,
	.check = minore_check, .save = minore_save, .page = minore_page,
	.next = minore_next, .saved = "Minore aggiunto alla riunione.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

/* A meeting with the office's people at it (n user ids), and a minor
** discussed in it: written by the demo. */
long long
riunione_scrivi(struct request *r, const char *data, const char *tipo,
    const char *luogo, const char *esterni, const long long *partecipanti,
    size_t n)
{
	long long id = db_insert(SQL_RIUNIONE_ADD, ARGS(ARG_TEXT("data", data),
	    ARG_TEXT("luogo", luogo), ARG_TEXT("tipo", tipo),
	    ARG_TEXT("esterni", esterni), ARG_INT("utente", r->user.id)));
	const char *scritti;

	if (id <= 0 || (scritti = partecipanti_scrivi(r, id, partecipanti,
	    n)) == NULL)
		return -1;
	if (audit_record(r, "create", "riunione", id, NULL,
	    &(const struct change){ .field = "partecipanti", .after = scritti },
	    1) < 0)
		return -1;
	return id;
}

int
riunione_minore_scrivi(struct request *r, long long riunione,
    long long minore, const char *situazione, const char *decisioni,
    const char *esito)
{
	long long id = db_insert(SQL_MINORE_ADD, ARGS(ARG_INT("riunione",
	    riunione), ARG_INT("minore", minore), ARG_TEXT("situazione",
	    situazione), ARG_TEXT("decisioni", decisioni), ARG_TEXT("esito",
	    esito)));

	return id > 0 && audit_record(r, "create", "riunione_minore", id,
	    pool_printf(&r->pool, "riunione %lld, minore %lld", riunione,
	    minore), NULL, 0) >= 0 ? 0 : -1;
}

static const char SQL_ELENCO[] =
    "SELECT r.id, strftime('%d/%m/%Y', r.data) AS data, r.luogo, r.tipo,"
    " (SELECT count(*) FROM riunioni_minori x WHERE x.riunione_id = r.id)"
    " AS minori FROM riunioni r ORDER BY r.data DESC, r.id DESC LIMIT 100";

/* GET /minori/riunioni */
int
riunioni_elenco(struct request *r)
{
	page_rows(r, "Riunioni", db_query(SQL_ELENCO, NO_ARGS), 0, row_label,
	    &(struct label){ "tipo", "tipo_label", tipi, COUNT(tipi) });
	return page_render(r, "monitoraggio/riunioni.cs", "Riunioni d'équipe");
}

static const char SQL_RIUNIONE_GET[] =
    "SELECT r.id, strftime('%d/%m/%Y', r.data) AS data, r.luogo, r.tipo,"
    " r.interni, r.esterni, coalesce(u.nome, '') AS autore"
    " FROM riunioni r LEFT JOIN utenti u ON u.id = r.autore_id"
    " WHERE r.id = :id";
static const char SQL_PARTECIPANTI[] =
    "SELECT u.nome FROM riunioni_partecipanti p"
    " JOIN utenti u ON u.id = p.utente_id WHERE p.riunione_id = :id"
    " ORDER BY u.nome, u.id";
static const char SQL_DISCUSSI[] =
    "SELECT x.minore_id, m.numero, m.cognome, m.nome, x.situazione,"
    " x.decisioni, x.esito FROM riunioni_minori x"
    " JOIN minori m ON m.id = x.minore_id WHERE x.riunione_id = :id"
    " ORDER BY x.id";
static const char SQL_AZIONI[] =
    "SELECT a.minore_id, a.cosa, a.chi, a.servizio,"
    " strftime('%d/%m/%Y', a.entro) AS entro, coalesce(u.nome, '') AS utente"
    " FROM azioni_seguito a LEFT JOIN utenti u ON u.id = a.utente_id"
    " WHERE a.origine = 'riunione' AND a.origine_id = :id ORDER BY a.id";

static void
azione_label(HDF *row, struct stmt *st, void *ctx)
{
	(void)ctx;
	row_set(row, "chi_label", choice_label(azione_attori, azione_nattori,
	    db_text(st, "chi")));
}

/* GET /minori/riunioni/N: the meeting, its minutes. Each case's view is
** an audit row. */
int
riunione_pagina(struct request *r)
{
	long long id = r->id[0];
	struct stmt *st;
	int rc;

	if (page_one(r, "Riunione", db_query(SQL_RIUNIONE_GET, ARGS(ARG_INT(
	    "id", id))), row_label, &(struct label){ "tipo", "tipo_label", tipi,
	    COUNT(tipi) }) != 1)
		return 404;
	page_rows(r, "Partecipanti", db_query(SQL_PARTECIPANTI, ARGS(ARG_INT(
	    "id", id))), 0, NULL, NULL);
	st = db_query(SQL_DISCUSSI, ARGS(ARG_INT("id", id)));
	while (db_step(st) == SQLITE_ROW)
		if (audit_view(r, "minore", db_int(st, "minore_id"),
		    "riunione") != 0) {
			db_done(st);
			return 500;
		}
	db_done(st);
	page_rows(r, "Discussi", db_query(SQL_DISCUSSI, ARGS(ARG_INT("id",
	    id))), 0, row_label, &(struct label){ "esito", "esito_label",
	    esiti, COUNT(esiti) });
	page_rows(r, "Azioni", db_query(SQL_AZIONI, ARGS(ARG_INT("id", id))), 0,
	    azione_label, NULL);
	rc = page_render(r, "monitoraggio/riunione.cs", "Riunione d'équipe");
	return rc;
}

static const char SQL_DEL_CASO[] =
    "SELECT r.id, strftime('%d/%m/%Y', r.data) AS data, r.tipo, r.luogo,"
    " x.decisioni, x.esito FROM riunioni_minori x"
    " JOIN riunioni r ON r.id = x.riunione_id WHERE x.minore_id = :minore"
    " ORDER BY r.data DESC, r.id DESC LIMIT 100";

/* Riunioni: the meetings where the case was discussed. */
int
riunioni_del_caso(struct request *r, long long minore)
{
	return page_rows(r, "Riunioni", db_query(SQL_DEL_CASO,
	    ARGS(ARG_INT("minore", minore))), 0, row_label, &(struct label){
	    "esito", "esito_label", esiti, COUNT(esiti) });
}

const char *
riunione_tipo(const char *code)
{
	return choice_label(tipi, COUNT(tipi), code);
}
