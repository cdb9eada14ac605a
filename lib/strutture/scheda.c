/*
** A facility's record in the registry: the forms that add one
** (/minori/strutture/nuova) and change one (/minori/strutture/N), each
** change audited field by field with the old and new value; and the
** writers the demo and the platform's forms use. The only writer of
** strutture.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

/* The columns the form writes, and their values from its fields. */
#define COLONNE "nome, tipo, indirizzo, municipio, attiva," \
    " posti_m_6_13, posti_m_14_17, posti_m_18_21," \
    " posti_f_6_13, posti_f_14_17, posti_f_18_21," \
    " spec_psicologico, spec_sanitario, spec_disabilita," \
    " spec_madri_bambini, spec_tratta, spec_dipendenze, spec_protezione," \
    " referente, telefono, email, altri_referenti," \
    " convenzione_dal, convenzione_al, note"
#define VALORI ":nome, :tipo, coalesce(:indirizzo, ''), :municipio," \
    " :attiva IS NOT NULL," \
    " :posti_m_6_13, :posti_m_14_17, :posti_m_18_21," \
    " :posti_f_6_13, :posti_f_14_17, :posti_f_18_21," \
    " :spec_psicologico IS NOT NULL, :spec_sanitario IS NOT NULL," \
    " :spec_disabilita IS NOT NULL, :spec_madri_bambini IS NOT NULL," \
    " :spec_tratta IS NOT NULL, :spec_dipendenze IS NOT NULL," \
    " :spec_protezione IS NOT NULL," \
    " coalesce(:referente, ''), coalesce(:telefono, '')," \
    " coalesce(:email, '')," \
    " coalesce(:altri_referenti, ''), :convenzione_dal, :convenzione_al," \
    " coalesce(:note, '')"

static const char SQL_ADD[] =
    "INSERT INTO strutture (nome, tipo, indirizzo)"
    " VALUES (:nome, :tipo, :indirizzo)"
    " ON CONFLICT (nome) DO UPDATE SET tipo = excluded.tipo RETURNING id";
static const char SQL_INSERT[] =
    "INSERT INTO strutture (" COLONNE ") VALUES (" VALORI ")";
static const char SQL_UPDATE[] =
    "UPDATE strutture SET (" COLONNE ") = (" VALORI ") WHERE id = :id";
static const char SQL_SCRIVI[] =
    "INSERT INTO strutture (" COLONNE ") VALUES (" VALORI ")"
    " ON CONFLICT (nome) DO UPDATE SET (" COLONNE ") = (" VALORI ")"
    " RETURNING id";
static const char SQL_GET[] =
    "SELECT nome, tipo, nullif(indirizzo, '') AS indirizzo, municipio,"
    " nullif(attiva, 0) AS attiva,"
    " posti_m_6_13, posti_m_14_17, posti_m_18_21,"
    " posti_f_6_13, posti_f_14_17, posti_f_18_21,"
    " nullif(spec_psicologico, 0) AS spec_psicologico,"
    " nullif(spec_sanitario, 0) AS spec_sanitario,"
    " nullif(spec_disabilita, 0) AS spec_disabilita,"
    " nullif(spec_madri_bambini, 0) AS spec_madri_bambini,"
    " nullif(spec_tratta, 0) AS spec_tratta,"
    " nullif(spec_dipendenze, 0) AS spec_dipendenze,"
    " nullif(spec_protezione, 0) AS spec_protezione,"
    " nullif(referente, '') AS referente, nullif(telefono, '') AS telefono,"
    " nullif(email, '') AS email,"
    " nullif(altri_referenti, '') AS altri_referenti,"
    " convenzione_dal, convenzione_al, nullif(note, '') AS note"
    " FROM strutture WHERE id = :id";

/* Adds a facility (or updates its type); its id, or -1. */
long long
struttura_add(const char *nome, const char *tipo, const char *indirizzo)
{
	return db_value(SQL_ADD, ARGS(ARG_TEXT("nome", nome),
	    ARG_TEXT("tipo", tipo), ARG_TEXT("indirizzo", indirizzo)), -1);
}

static const struct choice municipi[] = {
	{ "1", "Municipio I" }, { "2", "Municipio II" },
	{ "3", "Municipio III" }, { "4", "Municipio IV" },
	{ "5", "Municipio V" }, { "6", "Municipio VI" },
	{ "7", "Municipio VII" }, { "8", "Municipio VIII" },
	{ "9", "Municipio IX" }, { "10", "Municipio X" },
	{ "11", "Municipio XI" }, { "12", "Municipio XII" },
	{ "13", "Municipio XIII" }, { "14", "Municipio XIV" },
	{ "15", "Municipio XV" },
};

#define POSTI(k, l, g) { "posti_" k, l, .type = FIELD_INT, \
	.flags = FIELD_REQUIRED, .min = 0, .max = 500, .group = g }
#define SPEC(k, l, g) { "spec_" k, l, .type = FIELD_CHECKBOX, .group = g }
#define F_TIPO 1
static const struct field fields[] = {
	{ "nome", "Nome della struttura", .type = FIELD_TEXT,
	  .flags = FIELD_REQUIRED, .max = 200 },
	{ "tipo", "Tipo", .type = FIELD_CHOICE, .flags = FIELD_REQUIRED },
	{ "indirizzo", "Indirizzo", .type = FIELD_TEXT, .max = 300 },
	{ "municipio", "Municipio", .type = FIELD_CHOICE, .choices = municipi,
	  .nchoices = COUNT(municipi) },
	{ "attiva", "Attiva nel circuito (riceve proposte di posto)",
	  .type = FIELD_CHECKBOX },
	POSTI("m_6_13", "Ragazzi 6-13 anni", "Posti autorizzati"),
	POSTI("m_14_17", "Ragazzi 14-17 anni", NULL),
	POSTI("m_18_21", "Ragazzi 18-21 anni (prosieguo)", NULL),
	POSTI("f_6_13", "Ragazze 6-13 anni", NULL),
	POSTI("f_14_17", "Ragazze 14-17 anni", NULL),
	POSTI("f_18_21", "Ragazze 18-21 anni (prosieguo)", NULL),
	SPEC("psicologico", "Supporto psicologico", "Specializzazioni"),
	SPEC("sanitario", "Assistenza sanitaria", NULL),
	SPEC("disabilita", "Disabilità", NULL),
	SPEC("madri_bambini", "Madri con bambini", NULL),
	SPEC("tratta", "Vittime di tratta", NULL),
	SPEC("dipendenze", "Dipendenze", NULL),
	SPEC("protezione", "Alta protezione (rischio di allontanamento o di "
	    "violenza)", NULL),
	{ "referente", "Referente", .type = FIELD_TEXT, .max = 200,
	  .group = "Referenti" },
	{ "telefono", "Telefono", .type = FIELD_TEXT, .max = 40 },
	{ "email", "Email", .type = FIELD_EMAIL, .max = 200 },
	{ "altri_referenti", "Altri referenti: nome, ruolo, recapito (uno per "
	  "riga)", .type = FIELD_TEXTAREA, .max = 2000 },
	{ "convenzione_dal", "Convenzione dal", .type = FIELD_DATE,
	  .flags = FIELD_FUTURE, .hint = "gg/mm/aaaa", .group = "Convenzione" },
	{ "convenzione_al", "Convenzione fino al", .type = FIELD_DATE,
	  .flags = FIELD_FUTURE, .hint = "gg/mm/aaaa" },
	{ "note", "Note", .type = FIELD_TEXTAREA, .max = 4000 },
};

static void
fields_load(struct field *f, size_t n)
{
	(void)n;
	f[F_TIPO].choices = strutture_tipi;
	f[F_TIPO].nchoices = strutture_ntipi;
}

static int
esiste(struct request *r, long long id, int write)
{
	(void)r;
	(void)write;
	return db_value("SELECT 1 FROM strutture WHERE id = :id",
	    ARGS(ARG_INT("id", id)), 0) == 1 ? 0 : 404;
}

static void
defaults(struct edit *e)
{
	form_set(e->r, &e->form, "attiva", "1");
	for (int i = 0; i < STRUTTURE_CELLE; i++)
		form_set(e->r, &e->form, pool_printf(&e->r->pool, "posti_%s",
		    strutture_celle[i].chiave), "0");
}

static const char SQL_OMONIMA[] =
    "SELECT 1 FROM strutture WHERE nome = :nome AND id <> :id";
static const char SQL_ACCOLTI[] =
    "SELECT count(*) FROM minori WHERE struttura_id = :id";

/* Rules across fields, inside the transaction. */
static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *nome = form_value(f, "nome");
	const char *dal = form_value(f, "convenzione_dal");
	const char *al = form_value(f, "convenzione_al");
	long long accolti;

	if (nome && db_value(SQL_OMONIMA, ARGS(ARG_TEXT("nome", nome),
	    ARG_INT("id", e->id)), 0) == 1)
		form_fail(f, "nome", "C'è già una struttura con questo nome.");
	if (dal && al && strcmp(al, dal) < 0)
		form_fail(f, "convenzione_al", "La fine della convenzione non "
		    "può precedere l'inizio.");
	/* A facility leaves the circuit once nobody lives there. */
	if (e->id && form_value(f, "attiva") == NULL &&
	    edit_current(e, "attiva") != NULL &&
	    (accolti = db_value(SQL_ACCOLTI, ARGS(ARG_INT("id", e->id)), 0))
	    > 0)
		form_fail(f, "attiva", pool_printf(&e->r->pool, "La struttura "
		    "accoglie ancora %lld %s: trasferisci%s prima di "
		    "disattivarla.", accolti, accolti == 1 ? "minore" :
		    "minori", accolti == 1 ? "lo" : "li"));
}

/* A new facility: its fields by name (the editor binds :parent to a
** creation's sql_set, which a facility has not). */
static int
insert(struct edit *e)
{
	struct stmt *st = db_prepare(SQL_INSERT);
	int rc;

	form_bind(&e->form, st);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	e->id = db_last_id();
	return 0;
}

static int
page(struct edit *e)
{
	form_page(e->r, &e->form);
	page_set(e->r, "Scheda.title", e->rec->title);
	if (e->id) {
		page_set_int(e->r, "Scheda.id", e->id);
		page_set(e->r, "Scheda.action", pool_printf(&e->r->pool,
		    "/minori/strutture/%lld", e->id));
	} else
		page_set(e->r, "Scheda.action", "/minori/strutture/nuova");
	return page_render(e->r, "strutture/scheda.cs", e->rec->title);
}

static const char *
next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/strutture#s%lld", e->id);
}

/* Not case data: who looked at a facility is not an audit row. */
const struct record struttura_nuova = {
	.entity = "struttura", .name = "strutture/nuova",
	.title = "Nuova struttura",
	.fields = fields, .nfields = COUNT(fields), .fields_load = fields_load,
	.access = record_any, .defaults = defaults,
	.check = check, .save = insert, .page = page, .next = next,
	.saved = "Struttura aggiunta all'anagrafe.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

const struct record struttura_modifica = {
	.entity = "struttura", .name = "strutture",
	.title = "Scheda della struttura",
	.fields = fields, .nfields = COUNT(fields), .fields_load = fields_load,
	.access = esiste, .sql_get = SQL_GET, .sql_set = SQL_UPDATE,
	.check = check, .page = page, .next = next,
	.saved = "Scheda della struttura salvata.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

/*
** Adds facility s->nome to the registry, or rewrites its record, in the
** caller's transaction, audited as `r`: its id, or -1. For the demo.
*/
long long
struttura_scrivi(struct request *r, const struct struttura_scheda *s)
{
	struct db_arg a[COUNT(fields)];
	char num[COUNT(fields)][24];
	size_t n = 0;
	long long id;
	struct stmt *st;

	for (size_t i = 0; i < COUNT(fields); i++) {
		const char *k = fields[i].name, *v = NULL;

		if (strcmp(k, "nome") == 0)
			v = s->nome;
		else if (strcmp(k, "tipo") == 0)
			v = s->tipo;
		else if (strcmp(k, "indirizzo") == 0)
			v = s->indirizzo;
		else if (strcmp(k, "municipio") == 0 && s->municipio > 0) {
			snprintf(num[i], 24, "%d", s->municipio);
			v = num[i];
		}
		else if (strcmp(k, "attiva") == 0)
			v = "1";
		else if (strcmp(k, "referente") == 0)
			v = s->referente;
		else if (strcmp(k, "telefono") == 0)
			v = s->telefono;
		else if (strcmp(k, "email") == 0)
			v = s->email;
		else if (strcmp(k, "convenzione_dal") == 0)
			v = s->convenzione_dal;
		else if (strcmp(k, "convenzione_al") == 0)
			v = s->convenzione_al;
		for (size_t c = 0; c < STRUTTURE_CELLE; c++)
			if (strncmp(k, "posti_", 6) == 0 &&
			    strcmp(k + 6, strutture_celle[c].chiave) == 0) {
				snprintf(num[i], 24, "%d", s->posti[c]);
				v = num[i];
			}
		for (size_t c = 0; c < strutture_nspec; c++)
			if (strncmp(k, "spec_", 5) == 0 &&
			    strcmp(k + 5, strutture_spec[c].value) == 0)
				v = s->spec & (1u << c) ? "1" : NULL;
		a[n++] = (struct db_arg)ARG_TEXT(k, v);
	}
	st = db_prepare(SQL_SCRIVI);
	db_bind_args(st, a, n);
	id = db_step(st) == SQLITE_ROW ? db_int(st, "id") : -1;
	db_done(st);
	if (id > 0 && audit_record(r, "update", "struttura", id, "dati "
	    "dimostrativi", NULL, 0) < 0)
		return -1;
	return id;
}
