/*
** Valutazione delle vulnerabilità: for each category (D.Lgs. 142/2015
** art. 17, then the office's own) whether it is excluded, suspected or
** confirmed, when, on what source, with notes; for trafficking, the
** indicators observed. /minori/N/pei/vulnerabilita/C edits category C of
** the version being written. The only writer of pei_vulnerabilita.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"
#include "session.h"

/* The value is the category's number in the path. */
const struct choice pei_categorie[] = {
	{ "1", "Disabilità" },
	{ "2", "Malattia grave o disturbo mentale" },
	{ "3", "Gravidanza" },
	{ "4", "Vittima di tratta" },
	{ "5", "Vittima di tortura, stupro o altre forme gravi di violenza "
	  "(anche legata all'orientamento sessuale o all'identità di genere)" },
	{ "6", "Mutilazioni genitali femminili" },
	{ "7", "Rischio di allontanamento" },
	{ "8", "Uso di sostanze" },
	{ "9", "Autolesionismo" },
	{ "10", "Esposizione particolare al rischio di violenza" },
};
const size_t pei_ncategorie = COUNT(pei_categorie);
#define TRATTA 4

static const struct choice esiti[] = {
	{ "escluso", "Esclusa" },
	{ "sospetto", "Sospetta" },
	{ "confermato", "Confermata" },
};

/* Trafficking's indicators: general, labour, sexual exploitation. Their
** codes are the form's checkbox names and what `indicatori` lists. */
#define FIRST_INDICATOR 4
static const struct field fields[] = {
	{ "esito", "Esito della valutazione", CHOICES(esiti),
	  .flags = FIELD_REQUIRED },
	{ "data", "Data della valutazione", DATE },
	{ "fonte", "Fonte", LINE(200),
	  .hint = "Es. colloquio, relazione sanitaria, segnalazione della struttura" },
	{ "note", "Note", TEXT },
	{ "g_documenti", "Documenti trattenuti da altri", CHECK },
	{ "g_debito", "Debito da ripagare a chi ha organizzato il viaggio", CHECK },
	{ "g_controllo", "Contatti e spostamenti controllati da altri", CHECK },
	{ "g_racconto", "Racconto appreso, uguale a quello di altri", CHECK },
	{ "g_paura", "Paura di ritorsioni su di sé o sulla famiglia", CHECK },
	{ "l_orari", "Lavoro: orari eccessivi, senza paga o con paga trattenuta",
	  CHECK },
	{ "l_alloggio", "Lavoro: vive dove lavora, in un alloggio del datore",
	  CHECK },
	{ "l_minacce", "Lavoro: minacce o violenze sul lavoro", CHECK },
	{ "s_notte", "Sfruttamento sessuale: presenza notturna in zone di "
	  "prostituzione", CHECK },
	{ "s_rituali", "Sfruttamento sessuale: riti di giuramento (juju) o "
	  "vincoli simili", CHECK },
	{ "s_madame", "Sfruttamento sessuale: una \"madame\" o un referente che "
	  "la controlla", CHECK },
};
#define NFIELDS COUNT(fields)

static const char SQL_GET[] =
    "SELECT esito, data, fonte, note, coalesce(indicatori, '') AS indicatori"
    " FROM pei_vulnerabilita WHERE pei_id = " PEI_BOZZA(":minore")
    " AND categoria = :categoria";
static const char SQL_SET[] =
    "INSERT INTO pei_vulnerabilita (pei_id, categoria, esito, data, fonte,"
    " note, indicatori) VALUES (" PEI_BOZZA(":minore") ", :categoria,"
    " :esito, :data, :fonte, :note, :indicatori)"
    " ON CONFLICT (pei_id, categoria) DO UPDATE SET esito = excluded.esito,"
    " data = excluded.data, fonte = excluded.fonte, note = excluded.note,"
    " indicatori = excluded.indicatori";
static const char SQL_COPY[] =
    "INSERT INTO pei_vulnerabilita (pei_id, categoria, esito, data, fonte,"
    " note, indicatori) SELECT :to, categoria, esito, data, fonte, note,"
    " indicatori FROM pei_vulnerabilita WHERE pei_id = :from";
static const char SQL_ROWS[] =
    "SELECT categoria, esito, data, fonte, note, indicatori"
    " FROM pei_vulnerabilita WHERE pei_id = :pei"
    " ORDER BY CAST(categoria AS INTEGER)";

static const char *
categoria(const struct edit *e)
{
	return pool_printf(&e->r->pool, "%lld", e->id);
}

/* A category of this module's list, for the case's writers. */
static int
access_edit(struct edit *e)
{
	if (e->id < 1 || e->id > (long long)pei_ncategorie)
		return 404;
	return minore_access(e->r, e->r->id[0], 1);
}

/* Is code `c` in the comma-separated list `list`? */
static int
listed(const char *list, const char *c)
{
	size_t n = strlen(c);

	for (const char *p = list; p && *p; p += strcspn(p, ","),
	    p += *p == ',')
		if (strncmp(p, c, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

static int
load(struct edit *e)
{
	return db_row(&e->r->pool, SQL_GET, ARGS(ARG_INT("minore",
	    e->r->id[0]), ARG_TEXT("categoria", categoria(e))), &e->current) < 0
	    ? -1 : 0;
}

static void
defaults(struct edit *e)
{
	const char *ind;

	if (load(e) != 0 || e->current.n == 0)
		return;
	for (size_t i = 0; i < FIRST_INDICATOR; i++)
		form_set(e->r, &e->form, fields[i].name, edit_current(e,
		    fields[i].name));
	ind = edit_current(e, "indicatori");
	for (size_t i = FIRST_INDICATOR; i < NFIELDS; i++)
		if (listed(ind, fields[i].name))
			form_set(e->r, &e->form, fields[i].name, "1");
}

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	int any = 0;

	if (pei_in_lavorazione(e->r->id[0]) == 0) {
		form_fail(f, NULL, "Questa versione del PEI non è più in "
		    "lavorazione: è stata inviata o approvata mentre scrivevi. "
		    "Nulla è stato salvato.");
		return;
	}
	if (load(e) != 0) {
		db_fail();
		return;
	}
	for (size_t i = FIRST_INDICATOR; i < NFIELDS; i++)
		any |= form_value(f, fields[i].name) != NULL;
	if (any && e->id != TRATTA)
		form_fail(f, fields[FIRST_INDICATOR].name, "Gli indicatori di "
		    "tratta si registrano solo nella categoria della tratta.");
	else if (any && form_value(f, "esito") &&
	    strcmp(form_value(f, "esito"), "escluso") == 0)
		form_fail(f, "esito", "Hai segnato indicatori di tratta: la "
		    "tratta non può essere esclusa. Scegli sospetta o "
		    "confermata, o togli gli indicatori.");
	if (form_value(f, "esito") && strcmp(form_value(f, "esito"),
	    "confermato") == 0 && !form_value(f, "fonte"))
		form_fail(f, "fonte", "Per una vulnerabilità confermata indica la "
		    "fonte.");
	e->detail = pool_printf(&e->r->pool, "pei.vulnerabilita.%lld", e->id);
}

static int
save(struct edit *e)
{
	struct buf ind = { 0 };
	int rc;

	for (size_t i = FIRST_INDICATOR; i < NFIELDS; i++)
		if (form_value(&e->form, fields[i].name)) {
			if (ind.n)
				buf_puts(&ind, ",");
			buf_puts(&ind, fields[i].name);
		}
	rc = vulnerabilita_scrivi(e->r->id[0], categoria(e),
	    form_value(&e->form, "esito"), form_value(&e->form, "data"),
	    form_value(&e->form, "fonte"), form_value(&e->form, "note"),
	    ind.n ? ind.p : NULL);
	buf_free(&ind);
	return rc;
}

/* Sets category `categoria` of minor `minore`'s version being written. */
int
vulnerabilita_scrivi(long long minore, const char *categoria,
    const char *esito, const char *data, const char *fonte, const char *note,
    const char *indicatori)
{
	return db_write(SQL_SET, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("categoria", categoria), ARG_TEXT("esito", esito),
	    ARG_TEXT("data", data), ARG_TEXT("fonte", fonte),
	    ARG_TEXT("note", note), ARG_TEXT("indicatori", indicatori)));
}

static int
page(struct edit *e)
{
	struct request *r = e->r;
	int rc;

	if (e->form.nerrors == 0 && pei_in_lavorazione(r->id[0]) == 0) {
		session_set_errore(r, "Il PEI non ha una versione in lavorazione:"
		    " aprine una per modificarlo.");
		return response_redirect(r, pool_printf(&r->pool,
		    "/minori/%lld/pei", r->id[0]));
	}
	if ((rc = fascicolo_header(r, r->id[0], 1)) != 0)
		return rc;
	form_page(r, &e->form);
	page_set(r, "Section.action", pool_printf(&r->pool,
	    "/minori/%lld/pei/vulnerabilita/%lld", r->id[0], e->id));
	page_set(r, "Section.title", choice_label(pei_categorie, pei_ncategorie,
	    categoria(e)));
	page_set(r, "Section.name", "vulnerabilita");
	page_set_int(r, "Section.indicatori", e->id == TRATTA);
	return page_render(r, "pei/sezione.cs", "Vulnerabilità");
}

static const char *
next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/%lld/pei#vulnerabilita",
	    e->r->id[0]);
}

const struct record pei_vulnerabilita = {
	.entity = "minore", .name = "vulnerabilita",
	.title = "Vulnerabilità",
	.fields = fields, .nfields = NFIELDS,
	.access_edit = access_edit,
	.defaults = defaults, .check = check, .save = save,
	.page = page, .next = next,
	.saved = "PEI aggiornato.",
};

int
vulnerabilita_copy(long long from, long long to)
{
	return db_write(SQL_COPY, ARGS(ARG_INT("from", from), ARG_INT("to",
	    to)));
}

/* Version `pei_id`'s assessments: categoria, esito, data, fonte, note,
** indicatori. */
struct stmt *
vulnerabilita_rows(long long pei_id)
{
	return db_query(SQL_ROWS, ARGS(ARG_INT("pei", pei_id)));
}

/* The labels of a list of indicator codes, joined by "; ". */
const char *
vulnerabilita_indicatori(struct pool *p, const char *codes)
{
	struct buf b = { 0 };
	const char *out;

	for (size_t i = FIRST_INDICATOR; i < NFIELDS; i++)
		if (listed(codes, fields[i].name)) {
			if (b.n)
				buf_puts(&b, "; ");
			buf_puts(&b, fields[i].label);
		}
	out = b.n ? pool_strdup(p, b.p) : NULL;
	buf_free(&b);
	return out;
}

const struct choice *
vulnerabilita_esiti(size_t *n)
{
	*n = COUNT(esiti);
	return esiti;
}
