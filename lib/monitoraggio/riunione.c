/*
** The multidisciplinary team's meetings (équipe): when, where, of which
** kind, who took part (the office's people; the others with their role
** and organisation, one a line), and each minor discussed: the current
** situation, the decisions, the outcome for the case, and a follow-up
** action. /minori/riunioni lists them and adds one; /minori/riunioni/N
** is a meeting and its minutes (printable on A4);
** /minori/riunioni/N/minori/nuovo adds a minor discussed. The only writer
** of riunioni and riunioni_minori.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

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
	{ "data", "Data", .type = FIELD_DATE, .flags = FIELD_REQUIRED,
	  .hint = "gg/mm/aaaa" },
	{ "luogo", "Luogo", .type = FIELD_TEXT, .max = 200,
	  .hint = "Es. Dipartimento, sala riunioni; Comunità Il Ponte" },
	{ "tipo", "Tipo di riunione", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = tipi, .nchoices = COUNT(tipi) },
	{ "interni", "Partecipanti dell'ufficio", .type = FIELD_TEXTAREA,
	  .max = 2000 },
	{ "esterni", "Altri partecipanti: nome, ruolo, ente (uno per riga)",
	  .type = FIELD_TEXTAREA, .max = 4000,
	  .hint = "Es. Giulia Neri, tutrice volontaria; Marco Blu, educatore, "
	  "Comunità Il Ponte" },
};

static const char SQL_RIUNIONE_ADD[] =
    "INSERT INTO riunioni (data, luogo, tipo, interni, esterni, autore_id)"
    " VALUES (:data, :luogo, :tipo, :interni, :esterni, :utente)";

static int
riunione_save(struct edit *e)
{
	struct stmt *st = db_prepare(SQL_RIUNIONE_ADD);
	int rc;

	form_bind(&e->form, st);
	db_bind_int(st, "utente", e->r->user.id);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	e->id = db_last_id();
	return 0;
}

static void
riunione_defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data");
}

static int
riunione_page(struct edit *e)
{
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", "/minori/riunioni/nuova");
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", "/minori/riunioni");
	return page_render(e->r, "monitoraggio/modulo.cs", e->rec->title);
}

static const char *
riunione_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/riunioni/%lld", e->id);
}

const struct record riunione_nuova = {
	.entity = "riunione", .name = "riunioni/nuova",
	.title = "Nuova riunione d'équipe",
	.fields = riunione_fields, .nfields = COUNT(riunione_fields),
	.access = record_any, .defaults = riunione_defaults,
	.save = riunione_save, .page = riunione_page, .next = riunione_next,
	.saved = "Riunione registrata: aggiungi i minori discussi.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

/* A minor discussed: found by case number, never by name in a URL. */
static const struct field minore_fields[] = {
	{ "numero", "Numero del fascicolo", .type = FIELD_TEXT, .max = 20,
	  .flags = FIELD_REQUIRED, .hint = "Es. MSNA-2026-00012" },
	{ "situazione", "Situazione attuale", .type = FIELD_TEXTAREA,
	  .max = 8000 },
	{ "decisioni", "Decisioni", .type = FIELD_TEXTAREA, .max = 8000 },
	{ "esito", "Esito per il caso", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = esiti, .nchoices = COUNT(esiti) },
};

static size_t
minore_fields_make(struct edit *e, struct field *out)
{
	(void)e;
	for (size_t i = 0; i < COUNT(minore_fields); i++)
		out[i] = minore_fields[i];
	return COUNT(minore_fields) + azione_campi(out + COUNT(minore_fields));
}

static const char SQL_RIUNIONE[] =
    "SELECT id FROM riunioni WHERE id = :id";
static const char SQL_NUMERO[] =
    "SELECT id FROM minori WHERE numero = :numero";

/* The meeting the minor is added to: the path's number. */
static int
minore_access_edit(struct edit *e)
{
	if (db_value(SQL_RIUNIONE, ARGS(ARG_INT("id", e->parent)), 0) == 0)
		return 404;
	return 0;
}

static void
minore_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *numero = form_value(f, "numero");
	long long m;
	int rc;

	azione_check(f);
	if (numero == NULL)
		return;
	m = db_value(SQL_NUMERO, ARGS(ARG_TEXT("numero", numero)), 0);
	if (m == 0) {
		form_fail(f, "numero", "Non c'è un fascicolo con questo numero.");
		return;
	}
	/* Only a case the user may change is discussed in their name
	** (minore_access() writes the refusal's audit row). */
	if ((rc = minore_access(e->r, m, 1)) != 0) {
		form_fail(f, "numero", "Non puoi registrare decisioni su questo "
		    "fascicolo: non è tra i tuoi.");
		return;
	}
	if (db_value("SELECT 1 FROM riunioni_minori WHERE riunione_id = :r"
	    " AND minore_id = :m", ARGS(ARG_INT("r", e->parent), ARG_INT("m",
	    m)), 0) == 1)
		form_fail(f, "numero", "Questo minore è già tra quelli discussi "
		    "in questa riunione.");
	e->data = pool_printf(&e->r->pool, "%lld", m);
}

static const char SQL_MINORE_ADD[] =
    "INSERT INTO riunioni_minori (riunione_id, minore_id, situazione,"
    " decisioni, esito) VALUES (:riunione, :minore, :situazione, :decisioni,"
    " :esito)";

static int
minore_save(struct edit *e)
{
	long long m = strtoll(e->data, NULL, 10);
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
	return azione_dal_modulo(e, m, "riunione", riunione);
}

static int
minore_page(struct edit *e)
{
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", pool_printf(&e->r->pool,
	    "/minori/riunioni/%lld/minori/nuovo", e->parent));
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", pool_printf(&e->r->pool,
	    "/minori/riunioni/%lld", e->parent));
	return page_render(e->r, "monitoraggio/modulo.cs", e->rec->title);
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

/* A meeting and a minor discussed in it, written by the demo. */
long long
riunione_scrivi(struct request *r, const char *data, const char *tipo,
    const char *luogo, const char *interni, const char *esterni)
{
	long long id = db_insert(SQL_RIUNIONE_ADD, ARGS(ARG_TEXT("data", data),
	    ARG_TEXT("luogo", luogo), ARG_TEXT("tipo", tipo),
	    ARG_TEXT("interni", interni), ARG_TEXT("esterni", esterni),
	    ARG_INT("utente", r->user.id)));

	if (id > 0 && audit_record(r, "create", "riunione", id, NULL, NULL, 0)
	    < 0)
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
