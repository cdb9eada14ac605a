/*
** Colloqui with the minor: when and where, who took part (the office's
** people, the guardian, the mediator and the language), the PEI's areas
** discussed, what the minor said and wants in their words, the worker's
** assessment, the concerns raised; and a follow-up action, written with
** it; it may update the PEI being written (obiettivi.c): each
** objective's state, and the action also as the PEI's.
** /minori/N/colloqui/nuovo adds one, /minori/N/colloqui/M changes it.
** The only writer of colloqui.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"
#include "pei.h"

#define DATE .type = FIELD_DATE, .hint = "gg/mm/aaaa"
#define LINE(n) .type = FIELD_TEXT, .max = n
#define TEXT .type = FIELD_TEXTAREA, .max = 8000

static const struct field before[] = {
	{ "data", "Data del colloquio", DATE, .flags = FIELD_REQUIRED,
	  .group = "Il colloquio" },
	{ "luogo", "Luogo", LINE(160),
	  .hint = "Es. ufficio MSNA, struttura di accoglienza" },
	{ "partecipanti", "Chi ha partecipato per l'ufficio", LINE(300) },
	{ "tutore", "Tutore presente", LINE(120) },
	{ "mediatore", "Mediatore culturale", LINE(120) },
	{ "lingua", "Lingua", LINE(80) },
};
static const struct field after[] = {
	{ "parole", "Che cosa ha detto e che cosa vuole il minore, con le sue "
	  "parole", TEXT, .group = "Che cosa è emerso" },
	{ "valutazione", "Valutazione dell'operatore", TEXT },
	{ "preoccupazioni", "Preoccupazioni emerse", TEXT },
};

/* The areas discussed: a box for each of the PEI's areas ("area_scuola"). */
static char area_names[16][40], area_labels[16][120];

/* The case: the path's first number, for a new interview and a stored one. */
static long long
minor(const struct edit *e)
{
	return e->r->id[0];
}

/* The interview's fields, then the PEI's being written (obiettivi.c). */
static size_t
fields_make(struct edit *e, struct field *out)
{
	size_t n = 0, na;
	const struct choice *aree = pei_aree_scelte(&na);

	for (size_t i = 0; i < COUNT(before); i++)
		out[n++] = before[i];
	for (size_t i = 0; i < na && i < COUNT(area_names); i++) {
		snprintf(area_names[i], sizeof area_names[i], "area_%s",
		    aree[i].value);
		snprintf(area_labels[i], sizeof area_labels[i], "%s",
		    aree[i].label);
		/* Audited as the list they make (aree), not box by box. */
		out[n] = (struct field){ .name = area_names[i],
		    .label = area_labels[i], .type = FIELD_CHECKBOX,
		    .flags = FIELD_NOAUDIT };
		if (i == 0)
			out[n].group = "Aree del PEI di cui si è parlato";
		n++;
	}
	for (size_t i = 0; i < COUNT(after); i++)
		out[n++] = after[i];
	n += azione_campi(out + n);
	return n + obiettivi_campi(e, minor(e), out + n, FORM_FIELDS_MAX - n);
}

/* The stored row: the areas as their boxes (1 when listed). */
static const char SQL_GET[] =
    "SELECT data, luogo, partecipanti, tutore, mediatore, lingua, aree,"
    " parole, valutazione, preoccupazioni, minore_id"
    " FROM colloqui WHERE id = :id";
static const char SQL_ADD[] =
    "INSERT INTO colloqui (minore_id, data, luogo, partecipanti, tutore,"
    " mediatore, lingua, aree, parole, valutazione, preoccupazioni,"
    " autore_id) VALUES (:minore, :data, :luogo, :partecipanti, :tutore,"
    " :mediatore, :lingua, :aree, :parole, :valutazione, :preoccupazioni,"
    " :autore)";
static const char SQL_SET[] =
    "UPDATE colloqui SET data = :data, luogo = :luogo,"
    " partecipanti = :partecipanti, tutore = :tutore, mediatore = :mediatore,"
    " lingua = :lingua, aree = :aree, parole = :parole,"
    " valutazione = :valutazione, preoccupazioni = :preoccupazioni"
    " WHERE id = :id";

/* An interview written by the demo (the form's statement, by name). */
long long
colloquio_scrivi(struct request *r, long long minore, const char *data,
    const char *luogo, const char *lingua, const char *aree,
    const char *parole, const char *valutazione)
{
	long long id = db_insert(SQL_ADD, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("data", data), ARG_TEXT("luogo", luogo),
	    ARG_TEXT("partecipanti", r->user.nome), ARG_TEXT("tutore", NULL),
	    ARG_TEXT("mediatore", "Mediatore culturale dell'ufficio"),
	    ARG_TEXT("lingua", lingua), ARG_TEXT("aree", aree),
	    ARG_TEXT("parole", parole), ARG_TEXT("valutazione", valutazione),
	    ARG_TEXT("preoccupazioni", NULL), ARG_INT("autore", r->user.id)));

	if (id > 0 && audit_record(r, "create", "colloquio", id, pool_printf(
	    &r->pool, "minore %lld", minore), NULL, 0) < 0)
		return -1;
	return id;
}

/* Is area `code` in the list `aree` ("scuola,salute")? */
static int
listed(const char *aree, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = aree; p && *p; p += strcspn(p, ","),
	    p += *p == ',')
		if (strncmp(p, code, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

static int
access_edit(struct edit *e)
{
	return monitoraggio_access(e, "SELECT minore_id FROM colloqui"
	    " WHERE id = :id");
}

static void
defaults(struct edit *e)
{
	const char *aree;

	if (e->id == 0) {
		form_set_today(e->r, &e->form, "data");
		obiettivi_attuali(e, minor(e));
		return;
	}
	if (db_row(&e->r->pool, SQL_GET, ARGS(ARG_INT("id", e->id)),
	    &e->current) != 1)
		return;
	for (size_t i = 0; i < e->form.n; i++)
		form_set(e->r, &e->form, e->fields[i].name, edit_current(e,
		    e->fields[i].name));
	aree = edit_current(e, "aree");
	for (size_t i = 0; i < e->form.n; i++)
		if (strncmp(e->fields[i].name, "area_", 5) == 0 && listed(aree,
		    e->fields[i].name + 5))
			form_set(e->r, &e->form, e->fields[i].name, "1");
	obiettivi_attuali(e, minor(e));
}

static void
check(struct edit *e)
{
	if (e->id && db_row(&e->r->pool, SQL_GET, ARGS(ARG_INT("id", e->id)),
	    &e->current) < 0)
		db_fail();
	azione_check(&e->form);
	obiettivi_check(e);
}

/* The boxes ticked, as the list of codes stored in aree. */
static const char *
aree_of(struct edit *e)
{
	struct buf b = { 0 };
	const char *out;

	for (size_t i = 0; i < e->form.n; i++)
		if (strncmp(e->fields[i].name, "area_", 5) == 0 &&
		    e->form.value[i]) {
			if (b.n)
				buf_puts(&b, ",");
			buf_puts(&b, e->fields[i].name + 5);
		}
	out = b.n ? pool_strdup(&e->r->pool, b.p) : NULL;
	buf_free(&b);
	return out;
}

static int
save(struct edit *e)
{
	const struct form *f = &e->form;
	const char *aree = aree_of(e);
	struct stmt *st = db_prepare(e->id ? SQL_SET : SQL_ADD);
	int rc;

	form_bind(f, st);
	db_bind_text(st, "aree", aree);
	if (e->id)
		db_bind_int(st, "id", e->id);
	else {
		db_bind_int(st, "minore", minor(e));
		db_bind_int(st, "autore", e->r->user.id);
	}
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	if (e->id == 0)
		e->id = db_last_id();
	edit_change(e, "aree", edit_current(e, "aree"), aree);
	e->detail = pool_printf(&e->r->pool, "minore %lld", minor(e));
	if (azione_dal_modulo(e, minor(e), "colloquio", e->id) != 0)
		return -1;
	return obiettivi_salva(e, minor(e));
}

static int
page(struct edit *e)
{
	return monitoraggio_form_page(e, e->id ? pool_printf(&e->r->pool,
	    "/minori/%lld/colloqui/%lld", minor(e), e->id) :
	    pool_printf(&e->r->pool, "/minori/%lld/colloqui/nuovo", minor(e)));
}

static const char *
next(struct edit *e)
{
	return monitoraggio_next(e, "colloqui");
}

#define COLLOQUIO .entity = "colloquio", .owner = "minore", \
	.fields_make = fields_make, .access_edit = access_edit, \
	.defaults = defaults, .check = check, .save = save, .page = page, \
	.next = next

const struct record colloquio_nuovo = {
	COLLOQUIO, .name = "colloqui/nuovo", .title = "Nuovo colloquio",
	.saved = "Colloquio registrato.",
};
const struct record colloquio_modifica = {
	COLLOQUIO, .name = "colloqui", .title = "Colloquio",
	.saved = "Colloquio aggiornato.",
};

static const char SQL_DEL_CASO[] =
    "SELECT c.id, strftime('%d/%m/%Y', c.data) AS data, c.luogo,"
    " c.partecipanti, c.tutore, c.mediatore, c.lingua, c.aree, c.parole,"
    " c.valutazione, c.preoccupazioni, coalesce(u.nome, '') AS autore"
    " FROM colloqui c LEFT JOIN utenti u ON u.id = c.autore_id"
    " WHERE c.minore_id = :minore ORDER BY c.data DESC, c.id DESC LIMIT 200";

/* The areas' labels, joined. */
static void
colloquio_row(HDF *row, struct stmt *st, void *ctx)
{
	const char *aree = db_text(st, "aree");
	struct buf b = { 0 };
	size_t na;
	const struct choice *a = pei_aree_scelte(&na);

	(void)ctx;
	for (size_t i = 0; i < na; i++)
		if (listed(aree, a[i].value)) {
			if (b.n)
				buf_puts(&b, ", ");
			buf_puts(&b, a[i].label);
		}
	row_set(row, "aree", b.n ? b.p : "");
	buf_free(&b);
}

/* Colloqui: the case's interviews, the latest first. */
int
colloqui_del_caso(struct request *r, long long minore)
{
	return page_rows(r, "Colloqui", db_query(SQL_DEL_CASO,
	    ARGS(ARG_INT("minore", minore))), 0, colloquio_row, NULL);
}
