/*
** Page rendering. Every page is layout.cs with the page's own template
** included; the layout gets the user, role and the navigation allowed by
** the role. Template files are read and parsed once per process.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "settings.h"
#include "module.h"
#include "page.h"

static HDF *
hdf_of(struct request *r)
{
	if (r->hdf == NULL && hdf_init(&r->hdf) != STATUS_OK) {
		log_error("hdf_init failed");
		abort();
	}
	return r->hdf;
}

/* Decimal digits of v into s (24 bytes); cheaper than snprintf per cell. */
static const char *
itoa_ll(long long v, char s[24])
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;
	char *p = s + 23;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

/* The node `name` under `parent`, made if missing (no memory: abort). */
HDF *
row_node(HDF *parent, const char *name)
{
	HDF *node = NULL;
	NEOERR *err = hdf_get_node(parent, name, &node);

	if (err != STATUS_OK) {
		nerr_ignore(&err);
		log_error("hdf_get_node failed");
		abort();
	}
	return node;
}

/*
** The node list.index under `parent`, the shape of every repeated row in
** a template; row_set() fills its fields without walking from the root.
*/
HDF *
row_child(HDF *parent, const char *list, int index)
{
	char name[24];

	return row_node(row_node(parent, list), itoa_ll(index, name));
}

HDF *
page_row(struct request *r, const char *list, int index)
{
	return row_child(hdf_of(r), list, index);
}

/* The node `name` of the page's data, made if missing. */
HDF *
page_node(struct request *r, const char *name)
{
	return row_node(hdf_of(r), name);
}

/* Sets one value; neither the name nor the value is a format string. */
void
row_set(HDF *row, const char *field, const char *value)
{
	NEOERR *err = hdf_set_value(row, field, value ? value : "");

	nerr_ignore(&err);
}

void
row_set_int(HDF *row, const char *field, long long v)
{
	char s[24];

	row_set(row, field, itoa_ll(v, s));
}

/* A stored ISO date, as the office writes it (dd/mm/yyyy; "" if none). */
void
row_set_date(HDF *row, const char *field, const char *iso)
{
	char it[11];

	date_it(iso, it);
	row_set(row, field, it);
}

/* Every column of the current row of `st`, by its name, as text. */
void
row_set_stmt(HDF *row, struct stmt *st)
{
	int n = db_ncolumns(st);

	for (int i = 0; i < n; i++)
		row_set(row, db_column_name(st, i), db_text_at(st, i));
}

/* Sets the label of a stored code: a struct label is the context. */
void
row_label(HDF *row, struct stmt *st, void *ctx)
{
	const struct label *l = ctx;

	row_set(row, l->field, choice_label(l->choices, l->n,
	    db_text(st, l->column)));
}

static int
rows(struct request *r, const char *list, struct stmt *st, int max,
    void (*each)(HDF *, struct stmt *, void *), void *ctx, int columns)
{
	int n = 0;

	while (db_step(st) == SQLITE_ROW) {
		HDF *row;

		if (max > 0 && n == max) {
			n++;
			break;
		}
		row = page_row(r, list, n++);
		if (columns)
			row_set_stmt(row, st);
		if (each)
			each(row, st, ctx);
	}
	db_done(st);
	return n;
}

/*
** The rows of `st` as list.N (their columns by name), then `each` for
** what a column needs beyond its text (labels, dates); at most `max`
** rows (0: all). Ends the statement; returns the rows read, which is
** max + 1 when there are more (a page of a longer list).
**
** Select what the page shows, and for a list at most ten values a row:
** from a node's eleventh child on ClearSilver keeps a hash of the
** children, built for every row (a tenth of a list page's time,
** measured). page_rows_own() leaves the values to `each`.
*/
int
page_rows(struct request *r, const char *list, struct stmt *st, int max,
    void (*each)(HDF *, struct stmt *, void *), void *ctx)
{
	return rows(r, list, st, max, each, ctx, 1);
}

/*
** As page_rows(), but `each` sets every value of the row itself: for a
** list whose row shows fewer values than its statement reads (codes
** shown by their label, names composed).
*/
int
page_rows_own(struct request *r, const char *list, struct stmt *st, int max,
    void (*each)(HDF *, struct stmt *, void *), void *ctx)
{
	return rows(r, list, st, max, each, ctx, 0);
}

/* The first row of `st`, if any, as name.* (then `each`); 1 if found. */
int
page_one(struct request *r, const char *name, struct stmt *st,
    void (*each)(HDF *, struct stmt *, void *), void *ctx)
{
	int found = db_step(st) == SQLITE_ROW;

	if (found) {
		HDF *node = page_node(r, name);

		row_set_stmt(node, st);
		if (each)
			each(node, st, ctx);
	}
	db_done(st);
	return found;
}

void
page_set(struct request *r, const char *name, const char *value)
{
	row_set(hdf_of(r), name, value);
}

void
page_set_int(struct request *r, const char *name, long long v)
{
	row_set_int(hdf_of(r), name, v);
}

/*
** A list shown `per` rows a page, page `pagina` of it, of which the query
** gave `n` rows (read one more than a page to know there is another):
** node.pagina, node.per, and node.prima and node.dopo when there is a
** page before or after, for the template's links.
*/
void
page_pagine(struct request *r, const char *node, long long pagina, int n,
    int per)
{
	HDF *h = hdf_of(r);
	char name[64];

	snprintf(name, sizeof name, "%s.pagina", node);
	row_set_int(h, name, pagina);
	snprintf(name, sizeof name, "%s.per", node);
	row_set_int(h, name, per);
	snprintf(name, sizeof name, "%s.prima", node);
	if (pagina > 1)
		row_set_int(h, name, pagina - 1);
	snprintf(name, sizeof name, "%s.dopo", node);
	if (n > per)
		row_set_int(h, name, pagina + 1);
}

/*
** Choice lists for select fields. A form names its list by a key; the
** template draws the options with options(key + ":" + value), a function
** written here that escapes every value and label with buf_html(). The
** lists of a page are registered with its request.
*/
struct choices {
	char key[24];
	const struct choice *c;
	size_t n;
	struct choices *next;
};

static struct request *rendering;	/* the request whose page is drawn */

const char *
page_choices(struct request *r, const struct choice *c, size_t n)
{
	struct choices *l;

	for (l = r->choices; l; l = l->next)
		if (l->c == c && l->n == n)
			return l->key;
	l = pool_alloc(&r->pool, sizeof(*l));
	snprintf(l->key, sizeof l->key, "c%lx", (unsigned long)(uintptr_t)c);
	l->c = c;
	l->n = n;
	l->next = r->choices;
	r->choices = l;
	return l->key;
}

/* The <option> elements of list `key`, marking `value` selected. */
int
page_options(struct request *r, const char *key_value, struct buf *out)
{
	const char *colon = strchr(key_value, ':'), *value;
	struct choices *l;
	size_t klen;

	if (colon == NULL)
		return -1;
	klen = (size_t)(colon - key_value);
	value = colon + 1;
	for (l = r->choices; l; l = l->next)
		if (strlen(l->key) == klen && strncmp(l->key, key_value, klen) == 0)
			break;
	if (l == NULL)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		buf_puts(out, "<option value=\"");
		buf_html(out, l->c[i].value);
		buf_puts(out, strcmp(l->c[i].value, value) == 0 ?
		    "\" selected>" : "\">");
		buf_html(out, l->c[i].label);
		buf_puts(out, "</option>");
	}
	return 0;
}

/* The template function options(): already escaped, so not escaped again. */
static NEOERR *
options_function(const char *arg, char **ret)
{
	struct buf b = { 0 };

	if (rendering == NULL || page_options(rendering, arg, &b) != 0) {
		buf_free(&b);
		return nerr_raise(NERR_ASSERT, "unknown choice list");
	}
	buf_add(&b, "", 0);
	*ret = b.p;
	return STATUS_OK;
}

/* Template sources, loaded once per process. */
static struct template {
	char *name;
	char *text;
} *templates;
static size_t ntemplates;

static const char *
template_text(const char *name)
{
	char path[4096], *text;

	for (size_t i = 0; i < ntemplates; i++)
		if (strcmp(templates[i].name, name) == 0)
			return templates[i].text;
	if (strstr(name, "..") != NULL || name[0] == '/')
		return NULL;
	snprintf(path, sizeof path, "%s/%s", cfg.templates, name);
	if ((text = file_read(path, NULL)) == NULL)
		return NULL;
	templates = xrealloc(templates, (ntemplates + 1) * sizeof(*templates));
	templates[ntemplates].name = xstrdup(name);
	templates[ntemplates].text = text;
	return templates[ntemplates++].text;
}

/* ClearSilver's file hook: templates come from the in-memory copies. */
static NEOERR *
template_load(void *ctx, HDF *hdf, const char *name, char **contents)
{
	const char *text = template_text(name);

	(void)ctx;
	(void)hdf;
	if (text == NULL)
		return nerr_raise(NERR_NOT_FOUND, "template not found");
	*contents = strdup(text);
	return *contents ? STATUS_OK : nerr_raise(NERR_NOMEM, "no memory");
}

static NEOERR *
render_out(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

static void
layout_data(struct request *r, const char *title)
{
	page_set(r, "Page.title", title);
	page_set(r, "Page.path", r->path);
	if (r->user.id == 0)
		return;
	page_set(r, "User.username", r->user.username);
	page_set(r, "User.nome", r->user.nome);
	page_set(r, "User.ruolo", role_label(r->user.role));
	page_set(r, "Session.csrf", r->csrf);
	if (r->avviso && r->avviso[0] == '!') {
		page_set(r, "Page.avviso", r->avviso + 1);
		page_set(r, "Page.avviso_errore", "1");
	} else if (r->avviso)
		page_set(r, "Page.avviso", r->avviso);
	module_links(r, "Nav", 0);
}

/*
** Parsed templates, one per page template, kept for the life of the
** process: parsing is most of the cost of a page. A parse tree is tied
** to the HDF it was made with only through parse->hdf, which is pointed
** at each request's data before rendering.
*/
static struct parsed {
	char *template;
	int fragment;
	CSPARSE *cs;
} parsed[64];

/* A page template inside layout.cs, or (`fragment`) a template alone. */
static NEOERR *
template_parse(HDF *hdf, const char *template, int fragment, CSPARSE **out,
    int *kept)
{
	CSPARSE *cs = NULL;
	NEOERR *err;
	size_t i;

	for (i = 0; i < COUNT(parsed) && parsed[i].template; i++)
		if (parsed[i].fragment == fragment &&
		    strcmp(parsed[i].template, template) == 0) {
			*out = parsed[i].cs;
			*kept = 1;
			return STATUS_OK;
		}
	err = hdf_set_value(hdf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = cs_init(&cs, hdf);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	if (err == STATUS_OK)
		err = cs_register_esc_strfunc(cs, "options", options_function);
	if (err == STATUS_OK) {
		cs_register_fileload(cs, NULL, template_load);
		/* layout.cs includes Page.template, resolved here, once. */
		err = cs_parse_file(cs, fragment ? template : "layout.cs");
	}
	if (err != STATUS_OK) {
		cs_destroy(&cs);
		return err;
	}
	*kept = i < COUNT(parsed);
	if (*kept) {
		parsed[i].template = xstrdup(template);
		parsed[i].fragment = fragment;
		parsed[i].cs = cs;
	}
	*out = cs;
	return STATUS_OK;
}

/* Renders `template` (in layout.cs, or alone) with the request's data. */
static int
render(struct request *r, const char *template, int fragment, struct buf *out)
{
	CSPARSE *cs = NULL;
	NEOERR *err;
	int kept = 0;

	err = template_parse(hdf_of(r), template, fragment, &cs, &kept);
	if (err == STATUS_OK) {
		cs->hdf = hdf_of(r);
		rendering = r;
		err = cs_render(cs, out, render_out);
		rendering = NULL;
		cs->hdf = NULL;
		if (!kept)
			cs_destroy(&cs);
	}
	if (err != STATUS_OK) {
		STRING s;

		string_init(&s);
		nerr_error_string(err, &s);
		log_error("template %s: %s", template, s.buf ? s.buf : "");
		string_clear(&s);
		nerr_ignore(&err);
		buf_reset(out);
		return -1;
	}
	return 0;
}

/*
** Part of a page drawn once and kept: `template` rendered alone with the
** request's data, under `key`, which must name everything the part shows
** (a record's revision, the user's rights). The worker keeps the last
** parts drawn, least recently used first out, within a bound on memory.
** page_kept() returns one, or NULL; the page sets it as a value and draws
** it with <?cs escape:"none" ?> (it is HTML ClearSilver escaped already).
*/
static struct kept_part {
	char *key, *html;
	size_t size;
	unsigned long used;
} parts[64];
static size_t parts_size;
static unsigned long parts_clock;
#define PARTS_MAX_BYTES (4u << 20)

const char *
page_kept(const char *key)
{
	for (size_t i = 0; i < COUNT(parts); i++)
		if (parts[i].key && strcmp(parts[i].key, key) == 0) {
			parts[i].used = ++parts_clock;
			return parts[i].html;
		}
	return NULL;
}

static void
forget(struct kept_part *k)
{
	parts_size -= k->size;
	free(k->key);
	free(k->html);
	memset(k, 0, sizeof *k);
}

const char *
page_keep(struct request *r, const char *template, const char *key)
{
	struct buf out = { 0 };
	struct kept_part *k = &parts[0];
	const char *html;

	if (render(r, template, 1, &out) != 0) {
		buf_free(&out);
		return NULL;
	}
	buf_puts(&out, "");
	html = pool_strdup(&r->pool, out.p);
	/* Room: the oldest part out, until the new one fits. */
	for (size_t i = 0; i < COUNT(parts); i++)
		if (parts[i].key == NULL || parts[i].used < k->used)
			k = &parts[i];
	if (k->key)
		forget(k);
	while (parts_size + out.n > PARTS_MAX_BYTES) {
		struct kept_part *old = NULL;

		for (size_t i = 0; i < COUNT(parts); i++)
			if (parts[i].key && (old == NULL ||
			    parts[i].used < old->used))
				old = &parts[i];
		if (old == NULL)
			break;
		forget(old);
	}
	if (out.n <= PARTS_MAX_BYTES) {
		k->key = xstrdup(key);
		k->html = xstrdup(out.p);
		k->size = out.n;
		k->used = ++parts_clock;
		parts_size += out.n;
	}
	buf_free(&out);
	return html;
}

/*
** Renders `template` inside layout.cs into the response body. Returns 0,
** or 500 if the template fails (the reason goes to the error log).
*/
int
page_render(struct request *r, const char *template, const char *title)
{
	layout_data(r, title);
	page_set(r, "Page.template", template);
	buf_reset(&r->body);
	if (render(r, template, 0, &r->body) != 0)
		return 500;
	if (r->status == 0)
		r->status = 200;
	response_header(r, "Content-Type", "text/html; charset=utf-8");
	return 0;
}

static const struct {
	int status;
	const char *title;
	const char *message;
} errors[] = {
	{ 400, "Richiesta non valida",
	  "La richiesta contiene dati non validi o incompleti." },
	{ 403, "Accesso non consentito",
	  "Non hai i permessi per questa pagina o questa operazione. "
	  "Se hai inviato un modulo, ricarica la pagina e riprova." },
	{ 404, "Pagina non trovata",
	  "La pagina richiesta non esiste." },
	{ 405, "Metodo non consentito",
	  "Questa pagina non accetta questo tipo di richiesta." },
	{ 413, "Richiesta troppo grande",
	  "I dati inviati superano la dimensione massima consentita." },
	{ 415, "Formato non supportato",
	  "Il formato dei dati inviati non è supportato." },
	{ 500, "Errore interno",
	  "Si è verificato un errore imprevisto. Nessuna modifica è stata "
	  "salvata. Riprova più tardi o contatta l'assistenza." },
};

/*
** Replaces whatever the handler produced with the Italian error page for
** `status`; if even that fails, writes a minimal page by hand.
*/
void
page_error(struct request *r, int status)
{
	size_t i;

	for (i = 0; i < COUNT(errors) - 1; i++)
		if (errors[i].status == status)
			break;
	status = errors[i].status;
	buf_reset(&r->headers);
	r->status = status;
	page_set_int(r, "Error.status", status);
	page_set(r, "Error.message", errors[i].message);
	if (page_render(r, "error.cs", errors[i].title) != 0) {
		r->status = status;
		buf_reset(&r->body);
		buf_puts(&r->body, "<!DOCTYPE html><html lang=\"it\"><head>"
		    "<meta charset=\"utf-8\"><title>");
		buf_html(&r->body, errors[i].title);
		buf_puts(&r->body, "</title></head><body><h1>");
		buf_html(&r->body, errors[i].title);
		buf_puts(&r->body, "</h1><p>");
		buf_html(&r->body, errors[i].message);
		buf_puts(&r->body, "</p></body></html>");
		response_header(r, "Content-Type", "text/html; charset=utf-8");
	}
	if (status == 405 && r->allow)
		response_header(r, "Allow", r->allow);
}

void
page_free(struct request *r)
{
	hdf_destroy(&r->hdf);
}
