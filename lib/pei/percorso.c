/*
** Situazione documentale e percorso giuridico: the procedures of a case
** with their steps, dates and state (the permit for minor age, asylum,
** the age assessment, the art. 32 opinion, the art. 13 extension), next
** to the guardian and the documents the case registry keeps. They are
** the case's (sql/011_pei_percorso.sql), edited at any time by the case's
** writers at /minori/N/pei/percorso/NAME, checked against the legal terms
** of regole.c. The only writer of the tables percorso_*, through
** sezioni.c.
*/
#include <string.h>

#include "date.h"
#include "interno.h"
#include "page.h"

const struct sezione *const pei_percorso[] = {
	&percorso_permesso, &percorso_asilo, &percorso_eta, &percorso_art32,
	&percorso_prosieguo, NULL,
};

#define FUTURE_DATE .type = FIELD_DATE, .flags = FIELD_FUTURE, \
	.hint = "gg/mm/aaaa"

/* Field `b` (a date) is not before field `a`, or fails with `why`. */
static void
not_before(struct form *f, const char *a, const char *b, const char *why)
{
	const char *x = form_value(f, a), *y = form_value(f, b);

	if (x && y && strcmp(y, x) < 0)
		form_fail(f, b, why);
}

/* The minor's birth date for the legal terms: the assessed one first. */
static const char *
nascita(struct edit *e)
{
	return db_string(&e->r->pool, "SELECT coalesce(data_nascita_accertata,"
	    " data_nascita) FROM minori WHERE id = :id", ARGS(ARG_INT("id",
	    e->r->id[0])));
}

static const struct field permesso_fields[] = {
	{ "richiesta", "Richiesta in Questura", DATE },
	{ "rilascio", "Rilascio", DATE },
	{ "numero", "Numero del permesso", LINE(40) },
	{ "scadenza", "Scadenza", FUTURE_DATE },
	{ "note", "Note", TEXT },
};

static void
permesso_check(struct edit *e)
{
	struct form *f = &e->form;

	not_before(f, "richiesta", "rilascio", "Il rilascio non può precedere "
	    "la richiesta.");
	not_before(f, "rilascio", "scadenza", "La scadenza non può precedere "
	    "il rilascio.");
	if (form_value(f, "numero") && !form_value(f, "rilascio"))
		form_fail(f, "rilascio", "Indica la data di rilascio del "
		    "permesso.");
}

const struct sezione percorso_permesso = {
	PEI_CASO("permesso", "Permesso di soggiorno per minore età",
	    "percorso_permesso"),
	.rec.fields = permesso_fields, .rec.nfields = COUNT(permesso_fields),
	.check = permesso_check,
};

static const struct choice esiti_asilo[] = {
	{ "rifugiato", "Status di rifugiato" },
	{ "sussidiaria", "Protezione sussidiaria" },
	{ "speciale", "Protezione speciale" },
	{ "diniego", "Diniego" },
};

static const struct field asilo_fields[] = {
	{ "domanda", "Domanda di protezione (modello C3)", DATE },
	{ "audizione", "Audizione in Commissione territoriale", FUTURE_DATE },
	{ "esito", "Esito", CHOICES(esiti_asilo) },
	{ "esito_data", "Data dell'esito", DATE },
	{ "ricorso", "Ricorso in tribunale", DATE },
	{ "ricorso_esito", "Esito del ricorso", LINE(300) },
	{ "note", "Note", TEXT },
};

static void
asilo_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *esito = form_value(f, "esito");

	not_before(f, "domanda", "audizione", "L'audizione non può precedere "
	    "la domanda.");
	not_before(f, "domanda", "esito_data", "L'esito non può precedere la "
	    "domanda.");
	not_before(f, "esito_data", "ricorso", "Il ricorso non può precedere "
	    "l'esito.");
	if (esito && !form_value(f, "esito_data"))
		form_fail(f, "esito_data", "Indica la data dell'esito.");
	if (form_value(f, "ricorso") && (!esito || strcmp(esito,
	    "rifugiato") == 0))
		form_fail(f, "ricorso", "Si ricorre contro un diniego o una "
		    "protezione minore dello status di rifugiato: indica "
		    "l'esito.");
	if (form_value(f, "ricorso_esito") && !form_value(f, "ricorso"))
		form_fail(f, "ricorso", "Indica la data del ricorso.");
}

const struct sezione percorso_asilo = {
	PEI_CASO("asilo", "Protezione internazionale", "percorso_asilo"),
	.rec.fields = asilo_fields, .rec.nfields = COUNT(asilo_fields),
	.check = asilo_check,
};

static const struct choice metodi[] = {
	{ "colloquio", "Colloquio sociale" },
	{ "pediatrica", "Visita pediatrica auxologica" },
	{ "psicologica", "Valutazione psicologica o neuropsichiatrica" },
	{ "multidisciplinare", "Valutazione multidisciplinare (DPCM 234/2016)" },
	{ "radiografica", "Esame radiografico" },
};
static const struct choice decisioni[] = {
	{ "minore", "Minore età confermata" },
	{ "maggiorenne", "Maggiore età attribuita" },
};

static const struct field eta_fields[] = {
	{ "disposto", "Disposto dalla Procura il", DATE },
	{ "metodo", "Metodo", CHOICES(metodi) },
	{ "eta_stimata", "Età stimata (anni)", .type = FIELD_INT, .min = 5,
	  .max = 30 },
	{ "margine", "Margine di errore (± anni)", .type = FIELD_INT, .min = 0,
	  .max = 10 },
	{ "decisione", "Decisione del Tribunale per i minorenni",
	  CHOICES(decisioni) },
	{ "decisione_data", "Data della decisione", DATE },
	{ "notifica", "Notificata il", DATE },
	{ "reclamo", "Reclamo proposto il", .type = FIELD_DATE,
	  .hint = "gg/mm/aaaa, entro 10 giorni dalla notifica" },
	{ "note", "Note", TEXT },
};

static void
eta_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *notifica = form_value(f, "notifica");
	const char *reclamo = form_value(f, "reclamo");
	char entro[11];

	not_before(f, "disposto", "decisione_data", "La decisione non può "
	    "precedere l'accertamento disposto.");
	not_before(f, "decisione_data", "notifica", "La notifica non può "
	    "precedere la decisione.");
	not_before(f, "notifica", "reclamo", "Il reclamo non può precedere la "
	    "notifica.");
	if (form_value(f, "margine") && !form_value(f, "eta_stimata"))
		form_fail(f, "eta_stimata", "Indica l'età stimata a cui si "
		    "riferisce il margine di errore.");
	if (form_value(f, "eta_stimata") && !form_value(f, "metodo"))
		form_fail(f, "metodo", "Indica con quale metodo è stata stimata "
		    "l'età.");
	if ((form_value(f, "decisione_data") || notifica) &&
	    !form_value(f, "decisione"))
		form_fail(f, "decisione", "Indica la decisione.");
	if (reclamo && !notifica)
		form_fail(f, "notifica", "Indica quando è stata notificata la "
		    "decisione.");
	if (reclamo && notifica) {
		pei_reclamo_eta(notifica, entro);
		if (strcmp(reclamo, entro) > 0) {
			char it[11];

			date_it(entro, it);
			form_fail(f, "reclamo", pool_printf(&e->r->pool, "Il "
			    "reclamo va proposto entro 10 giorni dalla notifica, "
			    "cioè entro il %s (art. 19-bis D.Lgs. 142/2015).",
			    it));
		}
	}
}

const struct sezione percorso_eta = {
	PEI_CASO("eta", "Accertamento dell'età", "percorso_eta"),
	.rec.fields = eta_fields, .rec.nfields = COUNT(eta_fields),
	.check = eta_check,
};

static const struct choice pareri[] = {
	{ "favorevole", "Favorevole" },
	{ "non_favorevole", "Non favorevole" },
};

static const struct field art32_fields[] = {
	{ "richiesta", "Richiesta del parere", .type = FIELD_DATE,
	  .hint = "gg/mm/aaaa, da 3 mesi prima a 2 mesi dopo il 18° compleanno" },
	{ "parere_data", "Data del parere", DATE },
	{ "esito", "Parere", CHOICES(pareri) },
	{ "note", "Note", TEXT },
};

static void
art32_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *richiesta = form_value(f, "richiesta");
	const char *nato = nascita(e);
	char dal[11], al[11], a[11], b[11];

	not_before(f, "richiesta", "parere_data", "Il parere non può "
	    "precedere la richiesta.");
	if (form_value(f, "esito") && !form_value(f, "parere_data"))
		form_fail(f, "parere_data", "Indica la data del parere.");
	if (richiesta == NULL || nato == NULL || *nato == '\0')
		return;
	pei_art32_finestra(nato, dal, al);
	if (strcmp(richiesta, dal) < 0 || strcmp(richiesta, al) > 0) {
		date_it(dal, a);
		date_it(al, b);
		form_fail(f, "richiesta", pool_printf(&e->r->pool, "La richiesta "
		    "si fa da 3 mesi prima a 2 mesi dopo il 18° compleanno: per "
		    "questo minore dal %s al %s (art. 32 c. 1-bis D.Lgs. "
		    "286/1998).", a, b));
	}
}

const struct sezione percorso_art32 = {
	PEI_CASO("art32", "Parere per la conversione del permesso (art. 32 TUI)",
	    "percorso_art32"),
	.rec.fields = art32_fields, .rec.nfields = COUNT(art32_fields),
	.check = art32_check,
};

static const struct field prosieguo_fields[] = {
	{ "richiesta", "Richiesta al Tribunale per i minorenni", DATE },
	{ "decreto", "Decreto di prosieguo", DATE },
	{ "fine", "Fine del prosieguo", .type = FIELD_DATE,
	  .flags = FIELD_FUTURE,
	  .hint = "gg/mm/aaaa, al più tardi il 21° compleanno" },
	{ "note", "Note", TEXT },
};

static void
prosieguo_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *fine = form_value(f, "fine");
	const char *nato = nascita(e);
	char limite[11], it[11];

	not_before(f, "richiesta", "decreto", "Il decreto non può precedere la "
	    "richiesta.");
	not_before(f, "decreto", "fine", "La fine non può precedere il "
	    "decreto.");
	if (fine && !form_value(f, "decreto"))
		form_fail(f, "decreto", "Indica la data del decreto.");
	if (fine == NULL || nato == NULL || *nato == '\0')
		return;
	pei_prosieguo_limite(nato, limite);
	if (strcmp(fine, limite) > 0) {
		date_it(limite, it);
		form_fail(f, "fine", pool_printf(&e->r->pool, "Il prosieguo "
		    "dura al più fino al 21° compleanno, il %s (art. 13 c. 2 L. "
		    "47/2017).", it));
	}
}

const struct sezione percorso_prosieguo = {
	PEI_CASO("prosieguo", "Prosieguo amministrativo (art. 13 L. 47/2017)",
	    "percorso_prosieguo"),
	.rec.fields = prosieguo_fields, .rec.nfields = COUNT(prosieguo_fields),
	.check = prosieguo_check,
};

static const char SQL_TUTELA[] =
    "SELECT tipo, nome, strftime('%d/%m/%Y', data_nomina) AS nomina"
    " FROM tutele WHERE minore_id = :id";
static const char SQL_DOCUMENTI[] =
    "SELECT tipo, numero, strftime('%d/%m/%Y', data_scadenza) AS scadenza,"
    " data_scadenza < date('now', 'localtime') AS scaduto,"
    " strftime('%d/%m/%Y', verificato_il) AS verificato"
    " FROM documenti WHERE minore_id = :id"
    " ORDER BY data_scadenza IS NULL, data_scadenza, id";

static void
documento_row(HDF *row, struct stmt *st, void *ctx)
{
	(void)ctx;
	row_set(row, "tipo", documento_tipo(db_text(st, "tipo")));
}

static const char SQL_NASCITA[] =
    "SELECT coalesce(data_nascita_accertata, data_nascita) FROM minori"
    " WHERE id = :id";
static const char SQL_ETA[] =
    "SELECT decisione, notifica, reclamo FROM percorso_eta"
    " WHERE minore_id = :id";

/* An ISO date as the office writes it, for the page. */
static const char *
it_date(struct pool *p, const char *iso)
{
	char it[11];

	date_it(iso, it);
	return pool_strdup(p, it);
}

/*
** Percorso.*: the legal terms of this minor (the art. 32 window, the
** limit of an extension), and where the age assessment stands.
*/
void
percorso_page(struct request *r, long long minore)
{
	const char *nato = db_string(&r->pool, SQL_NASCITA, ARGS(ARG_INT("id",
	    minore)));
	char dal[11], al[11], limite[11], entro[11], today[11];
	struct row eta, t;

	if (db_row(&r->pool, SQL_TUTELA, ARGS(ARG_INT("id", minore)), &t) == 1) {
		page_set(r, "Percorso.tutela.tipo", tutela_tipo(row_get(&t,
		    "tipo")));
		page_set(r, "Percorso.tutela.nome", row_get(&t, "nome"));
		page_set(r, "Percorso.tutela.nomina", row_get(&t, "nomina"));
	}
	page_rows(r, "Percorso.documenti", db_query(SQL_DOCUMENTI,
	    ARGS(ARG_INT("id", minore))), 0, documento_row, NULL);
	if (nato && *nato) {
		pei_art32_finestra(nato, dal, al);
		pei_prosieguo_limite(nato, limite);
		page_set(r, "Percorso.art32_dal", it_date(&r->pool, dal));
		page_set(r, "Percorso.art32_al", it_date(&r->pool, al));
		page_set(r, "Percorso.limite21", it_date(&r->pool, limite));
	}
	if (db_row(&r->pool, SQL_ETA, ARGS(ARG_INT("id", minore)), &eta) != 1)
		return;
	date_today(today);
	if (row_get(&eta, "notifica") && !row_get(&eta, "reclamo") &&
	    row_get(&eta, "decisione") && strcmp(row_get(&eta, "decisione"),
	    "maggiorenne") == 0) {
		pei_reclamo_eta(row_get(&eta, "notifica"), entro);
		page_set(r, "Percorso.reclamo_entro", it_date(&r->pool,
		    entro));
		page_set_int(r, "Percorso.reclamo_aperto",
		    strcmp(today, entro) <= 0);
	}
	if (row_get(&eta, "decisione") == NULL)
		page_set_int(r, "Percorso.presunto", 1);
}
