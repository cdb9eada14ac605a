/*
** The PDF of a PEI version, A4: the minor's data, every section in the
** order of pei_sezioni[] (the vulnerability assessments before the
** overall assessment, as on the page), the signature lines, and on every
** page "PEI <numero> · versione N · pagina X di Y".
**
** Text is laid out by Pango in Titillium Web, Bootstrap Italia's font,
** registered for the process from APPRODO_FONTS; for the scripts it
** lacks (Arabic, Bengali, Ge'ez ...) fontconfig falls back to the
** system's Noto fonts (Debian's fonts-noto-core). Cairo writes the PDF
** into a buffer.
**
** The document is first a list of blocks (a paragraph, or a row of
** cells), each laid out once; pagination then places their lines,
** never splitting one, never leaving a title at the bottom of a page;
** only then, with the number of pages known, is anything drawn.
*/
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "date.h"
#include "interno.h"
#include "settings.h"

/* A4 in points, the margins and the body's bottom edge. */
#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define LEFT (20 * MM)
#define WIDTH (PAGE_W - 2 * LEFT)
#define TOP (18 * MM)
#define BOTTOM (PAGE_H - 22 * MM)
#define FOOTER (PAGE_H - 12 * MM)	/* the footer's baseline */
#define INDENT (6 * MM)			/* a list item's fields */
#define LABEL_W (48 * MM)		/* the minor's data: the labels */

/* What each kind of text looks like, and how it keeps to its neighbours. */
enum style {
	S_TITLE, S_OFFICE, S_DATA, S_SECTION, S_ITEM, S_TEXT, S_LABEL,
	S_EMPTY, S_TABLE_HEAD, S_TABLE, S_SIGNER, S_SIGN, S_FOOTER, S__MAX
};

#define KEEP_NEXT 1u	/* never the last thing on a page: a title */
#define WHOLE 2u	/* on one page if it fits in one: a table row */
#define RULE 4u		/* a thin line under it */
#define OUTLINE 8u	/* a bookmark of the PDF: a section's title */

#define BLUE 0x0066cc	/* Bootstrap Italia's primary colour */
#define INK 0x1a1a1a
#define GREY 0x5c6f82

/*
** Titillium Web first; then Noto for what it lacks (fontconfig would
** otherwise take DejaVu Sans for Arabic, as the default sans-serif that
** has it, and Noto for the scripts DejaVu lacks: one design is better).
*/
#define FAMILIES "Titillium Web,Noto Sans,Noto Sans Arabic"

static const struct {
	const char *font;	/* a Pango font description, size in points */
	double before;		/* space above, in points */
	unsigned flags;
	unsigned colour;
} styles[S__MAX] = {
	[S_TITLE] = { FAMILIES " Bold 20", 0, KEEP_NEXT, BLUE },
	[S_OFFICE] = { FAMILIES " 10", 2, RULE, GREY },
	[S_DATA] = { FAMILIES " 10", 1.5, 0, INK },
	[S_SECTION] = { FAMILIES " Bold 14", 16, KEEP_NEXT | OUTLINE, BLUE },
	[S_ITEM] = { FAMILIES " Bold 11", 8, KEEP_NEXT, INK },
	[S_TEXT] = { FAMILIES " 10", 3, 0, INK },
	[S_LABEL] = { FAMILIES " Bold 10", 4, KEEP_NEXT, INK },
	[S_EMPTY] = { FAMILIES " Italic 10", 3, 0, GREY },
	[S_TABLE_HEAD] = { FAMILIES " Bold 9", 6, KEEP_NEXT | RULE, INK },
	[S_TABLE] = { FAMILIES " 9", 3, WHOLE | RULE, INK },
	[S_SIGNER] = { FAMILIES " 10", 18, KEEP_NEXT, INK },
	[S_SIGN] = { FAMILIES " 10", 26, WHOLE, INK },
	[S_FOOTER] = { FAMILIES " 8", 0, 0, GREY },
};

/* A laid-out line of a cell, its offsets from the top of the layout. */
struct line {
	PangoLayoutLine *line;
	double top, height, baseline, x, width;
};

#define CELLS_MAX 6

struct cell {
	PangoLayout *layout;
	struct line *lines;
	int nlines;
	double x;		/* from the left margin */
	double rule_to;		/* a signature's line after the text, or 0 */
};

struct block {
	enum style style;
	struct cell cell[CELLS_MAX];
	int ncells;
	double before;		/* space above, in points */
	unsigned flags;
	const char *outline;	/* the bookmark's text */
};

/* What pagination decided: a line (or a rule) at a place of a page. */
struct op {
	int page;
	size_t block;
	PangoLayoutLine *line;	/* NULL: a rule from x to x2 */
	double x, y, x2;	/* y: the line's baseline */
};

struct doc {
	struct pool *pool;
	PangoContext *ctx;
	struct block *b;
	size_t n, cap;
	struct op *ops;
	size_t nops, opscap;
	int pages;
};

static PangoFontMap *fontmap;
static PangoFontDescription *fonts[S__MAX];

/*
** Once per process: the application's fonts (fontconfig reads the
** directory before Pango's font map first asks it) and the styles'
** descriptions. Without Titillium Web the text still comes out in the
** fallback fonts, so a wrong APPRODO_FONTS is logged, not fatal.
*/
static void
fonts_load(void)
{
	FcPattern *pat;
	FcObjectSet *os;
	FcFontSet *set;

	if (fontmap)
		return;
	/* (It says yes even to a directory that is not there.) */
	if (cfg.fonts)
		FcConfigAppFontAddDir(NULL, (const FcChar8 *)cfg.fonts);
	pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, "Titillium Web",
	    (char *)NULL);
	os = FcObjectSetBuild(FC_FILE, (char *)NULL);
	set = FcFontList(NULL, pat, os);
	if (set == NULL || set->nfont == 0)
		log_error("pdf: no Titillium Web in %s (APPRODO_FONTS): the "
		    "PDFs use the fallback fonts", cfg.fonts);
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	fontmap = pango_cairo_font_map_new();
	for (size_t i = 0; i < S__MAX; i++)
		fonts[i] = pango_font_description_from_string(styles[i].font);
}

/*
** A context measuring in points, unhinted: the layout does not depend
** on the surface, so the pages are the same wherever they are drawn.
*/
static PangoContext *
context_new(void)
{
	PangoContext *ctx = pango_font_map_create_context(fontmap);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string("it"));
	pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
	return ctx;
}

static struct block *
block_new(struct doc *d, enum style s)
{
	struct block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->b = xrealloc(d->b, d->cap * sizeof *d->b);
	}
	b = &d->b[d->n++];
	memset(b, 0, sizeof *b);
	b->style = s;
	b->before = styles[s].before;
	b->flags = styles[s].flags;
	return b;
}

/*
** Adds to `b` a cell of `text` at `x` from the left margin, `width`
** wide, its first `bold` bytes in bold, and lays it out. The base
** direction stays left to right, so a name in Arabic script sits where
** an Italian one would, its letters in their own order.
*/
static struct cell *
cell_add(struct doc *d, struct block *b, double x, double width,
    const char *text, size_t bold)
{
	struct cell *c = &b->cell[b->ncells++];
	PangoLayoutIter *it;
	int i = 0;

	c->x = x;
	c->layout = pango_layout_new(d->ctx);
	pango_layout_set_font_description(c->layout, fonts[b->style]);
	pango_layout_set_auto_dir(c->layout, FALSE);
	pango_layout_set_width(c->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(c->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(c->layout, text, -1);
	if (bold) {
		PangoAttrList *al = pango_attr_list_new();
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);

		a->start_index = 0;
		a->end_index = (guint)bold;
		pango_attr_list_insert(al, a);
		pango_layout_set_attributes(c->layout, al);
		pango_attr_list_unref(al);
	}
	c->nlines = pango_layout_get_line_count(c->layout);
	c->lines = pool_alloc(d->pool, (size_t)c->nlines * sizeof *c->lines);
	it = pango_layout_get_iter(c->layout);
	do {
		struct line *l = &c->lines[i++];
		PangoRectangle logical;
		int y0, y1;

		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		l->line = pango_layout_iter_get_line_readonly(it);
		l->top = (double)y0 / PANGO_SCALE;
		l->height = (double)(y1 - y0) / PANGO_SCALE;
		/* The iterator's baseline is from the layout's top. */
		l->baseline = (double)(pango_layout_iter_get_baseline(it) -
		    y0) / PANGO_SCALE;
		l->x = (double)logical.x / PANGO_SCALE;
		l->width = (double)logical.width / PANGO_SCALE;
	} while (i < c->nlines && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	c->nlines = i;
	return c;
}

/* A paragraph across the body, `indent` in, its first `bold` bytes bold. */
static struct block *
paragraph(struct doc *d, enum style s, double indent, const char *text,
    size_t bold)
{
	struct block *b = block_new(d, s);

	cell_add(d, b, indent, WIDTH - indent, text, bold);
	return b;
}

/* "label: value" on one paragraph, or, for a long text, the label on its
** own line and the text under it. */
static void
field(struct doc *d, double indent, const struct field *f, const char *v)
{
	if (f->type == FIELD_TEXTAREA && (strlen(v) > 80 || strchr(v, '\n'))) {
		paragraph(d, S_LABEL, indent, f->label, 0);
		paragraph(d, S_TEXT, indent, v, 0)->before = 1;
		return;
	}
	paragraph(d, S_TEXT, indent, pool_printf(d->pool, "%s: %s", f->label,
	    v), strlen(f->label) + 1);
}

static void
section_title(struct doc *d, const char *title)
{
	paragraph(d, S_SECTION, 0, title, 0)->outline = title;
}

/* ---------------------------------------------------------------- layout */

/*
** How far cell `k` goes down so that the first lines of all the cells
** of a row share a baseline (a fallback font may be taller: Arabic).
*/
static double
shift(const struct block *b, int k)
{
	double base = 0;

	if (b->cell[k].nlines == 0)
		return 0;
	for (int i = 0; i < b->ncells; i++)
		if (b->cell[i].nlines && b->cell[i].lines[0].baseline > base)
			base = b->cell[i].lines[0].baseline;
	return base - b->cell[k].lines[0].baseline;
}

static double
block_height(const struct block *b)
{
	double h = 0;

	for (int i = 0; i < b->ncells; i++) {
		const struct cell *c = &b->cell[i];
		const struct line *l;

		if (c->nlines == 0)
			continue;
		l = &c->lines[c->nlines - 1];
		if (shift(b, i) + l->top + l->height > h)
			h = shift(b, i) + l->top + l->height;
	}
	return h;
}

/* The height of the block's first line (the tallest cell's). */
static double
first_line(const struct block *b)
{
	double h = 0;

	for (int i = 0; i < b->ncells; i++)
		if (b->cell[i].nlines && shift(b, i) +
		    b->cell[i].lines[0].height > h)
			h = shift(b, i) + b->cell[i].lines[0].height;
	return h;
}

static void
op_add(struct doc *d, int page, size_t block, PangoLayoutLine *line,
    double x, double y, double x2)
{
	struct op *o;

	if (d->nops == d->opscap) {
		d->opscap = d->opscap ? 2 * d->opscap : 1024;
		d->ops = xrealloc(d->ops, d->opscap * sizeof *d->ops);
	}
	o = &d->ops[d->nops++];
	o->page = page;
	o->block = block;
	o->line = line;
	o->x = x;
	o->y = y;
	o->x2 = x2;
}

/*
** How much room block `i` needs at the bottom of a page: a title with
** what it keeps with (the titles after it and the first line of what
** follows), a whole block all of itself, any other its first line.
*/
static double
room(const struct doc *d, size_t i)
{
	const struct block *b = &d->b[i];
	double need;

	if (b->flags & KEEP_NEXT) {
		need = block_height(b);
		while (++i < d->n) {
			b = &d->b[i];
			need += b->before;
			if (!(b->flags & KEEP_NEXT))
				return need + ((b->flags & WHOLE) &&
				    block_height(b) <= BOTTOM - TOP ?
				    block_height(b) : first_line(b));
			need += block_height(b);
		}
		return need;
	}
	if ((b->flags & WHOLE) && block_height(b) <= BOTTOM - TOP)
		return block_height(b);
	return first_line(b);
}

/*
** Places cell `c` of block `i` from its line `*next`, which goes at
** `top` of `page`, until a line would cross the bottom; the lowest
** point reached in `*low`. 1 if lines are left for the next page.
*/
static int
cell_place(struct doc *d, size_t i, const struct cell *c, int page,
    double top, int *next, double *low)
{
	double off = c->lines[*next].top;
	int placed = 0;

	for (; *next < c->nlines; ++*next, placed++) {
		const struct line *l = &c->lines[*next];
		double ly = top + l->top - off, x = LEFT + c->x + l->x;

		/* (A line taller than a page goes on one all the same.) */
		if (ly + l->height > BOTTOM && (placed || top > TOP))
			return 1;
		op_add(d, page, i, l->line, x, ly + l->baseline, 0);
		if (c->rule_to > 0)
			op_add(d, page, i, NULL, x + l->width + 3, ly +
			    l->baseline + 1.5, LEFT + c->rule_to);
		if (ly + l->height > *low)
			*low = ly + l->height;
	}
	return 0;
}

/*
** Places block `i` from `*y` of `*page`: its cells go down side by side;
** where a line would cross the bottom, that cell goes on at the top of
** the next page, and so do the other cells' remaining lines. `*page`
** and `*y` are then where the block ends.
*/
static void
block_place(struct doc *d, size_t i, int *page, double *y)
{
	const struct block *b = &d->b[i];
	int next[CELLS_MAX] = { 0 }, left;
	double low;

	for (;; ++*page, *y = TOP) {
		low = *y;
		left = 0;
		for (int k = 0; k < b->ncells; k++)
			if (next[k] < b->cell[k].nlines)
				left |= cell_place(d, i, &b->cell[k], *page,
				    *y + (next[k] ? 0 : shift(b, k)), &next[k],
				    &low);
		if (!left)
			break;
	}
	*y = low;
	if (b->flags & RULE) {
		op_add(d, *page, i, NULL, LEFT, *y + 2, LEFT + WIDTH);
		*y += 2;
	}
}

/*
** Places every block on the pages: on the next page when what it needs
** at the bottom (room()) is not left, and then a table's row comes
** under its table's head again.
*/
static void
paginate(struct doc *d)
{
	double y = TOP;
	int page = 0;
	size_t head = 0;	/* the table's head (0: no table; block 0
				   is the document's title) */

	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];

		if (y > TOP && y + b->before + room(d, i) > BOTTOM) {
			page++;
			y = TOP;
			if (head && b->style == S_TABLE) {
				block_place(d, head, &page, &y);
				y += b->before;
			}
		} else if (y > TOP)
			y += b->before;
		if (b->style == S_TABLE_HEAD)
			head = i;
		else if (b->style != S_TABLE)
			head = 0;
		block_place(d, i, &page, &y);
	}
	d->pages = page + 1;
}

/* ---------------------------------------------------------------- drawing */

static void
colour(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, (rgb >> 16 & 0xff) / 255.0,
	    (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
rule(cairo_t *cr, double x, double y, double x2, double width)
{
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x2, y);
	cairo_stroke(cr);
}

static void
footer(struct doc *d, cairo_t *cr, const char *numero, long long versione,
    int page)
{
	PangoLayout *l = pango_layout_new(d->ctx);
	char *text = pool_printf(d->pool, "PEI %s · versione %lld · pagina %d "
	    "di %d", numero, versione, page + 1, d->pages);
	PangoRectangle logical;

	pango_layout_set_font_description(l, fonts[S_FOOTER]);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_extents(l, NULL, &logical);
	colour(cr, GREY);
	rule(cr, LEFT, FOOTER - 10, LEFT + WIDTH, 0.4);
	cairo_move_to(cr, LEFT + (WIDTH - (double)logical.width / PANGO_SCALE) /
	    2, FOOTER);
	pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(l, 0));
	g_object_unref(l);
}

static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int length)
{
	buf_add(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* An entry of the PDF's outline, the reader's table of contents. */
static void
bookmark(struct doc *d, cairo_surface_t *sf, const char *title, int page,
    const struct op *o)
{
	/* Whole numbers: no locale's decimal comma. */
	const char *link = pool_printf(d->pool, "page=%d pos=[%d %d]",
	    page + 1, (int)o->x, (int)o->y - 14);

	cairo_pdf_surface_add_outline(sf, CAIRO_PDF_OUTLINE_ROOT, title, link,
	    0);
}

/* Draws the placed lines page by page, then writes the PDF into `out`. */
static int
render(struct doc *d, const char *numero, long long versione,
    const char *created, struct buf *out)
{
	cairo_surface_t *sf;
	cairo_t *cr;
	cairo_status_t st;
	size_t k = 0;

	sf = cairo_pdf_surface_create_for_stream(write_buf, out, PAGE_W,
	    PAGE_H);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE,
	    "Progetto Educativo Individualizzato");
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "Approdo");
	/* The approval's time, not now: the same version, the same file. */
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
	    created);
	cr = cairo_create(sf);
	for (int page = 0; page < d->pages; page++) {
		for (; k < d->nops && d->ops[k].page == page; k++) {
			const struct op *o = &d->ops[k];
			const struct block *b = &d->b[o->block];

			colour(cr, styles[b->style].colour);
			if (o->line == NULL) {
				rule(cr, o->x, o->y, o->x2, 0.5);
				continue;
			}
			if (b->outline && o->line == b->cell[0].lines[0].line)
				bookmark(d, sf, b->outline, page, o);
			cairo_move_to(cr, o->x, o->y);
			pango_cairo_show_layout_line(cr, o->line);
		}
		footer(d, cr, numero, versione, page);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (st != CAIRO_STATUS_SUCCESS) {
		log_error("pdf: %s", cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- content */

/* The version, its minor, the minor's facility, case worker, guardian. */
static const char SQL_TESTATA[] =
    "SELECT p.versione, p.stato, m.id AS minore_id, m.numero, m.cognome,"
    " m.nome,"
    " m.data_nascita, m.data_nascita_accertata, m.cittadinanza,"
    " coalesce(s.nome, '') AS struttura, coalesce(u.nome, '') AS operatore,"
    " t.tipo AS tutela, coalesce(t.nome, '') AS tutore,"
    " strftime('%d/%m/%Y', p.decisa_il, 'localtime') AS decisa_il,"
    " coalesce(d.nome, '') AS decisa_da,"
    " strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(p.decisa_il, p.creata))"
    " AS quando"
    " FROM pei p JOIN minori m ON m.id = p.minore_id"
    " LEFT JOIN strutture s ON s.id = m.struttura_id"
    " LEFT JOIN utenti u ON u.id = m.operatore_id"
    " LEFT JOIN tutele t ON t.minore_id = m.id"
    " LEFT JOIN utenti d ON d.id = p.decisa_da"
    " WHERE p.id = :pei";

static const char *
get(const struct row *r, const char *name)
{
	const char *v = row_get(r, name);

	return v ? v : "";
}

/* One line of the minor's data: the label in the first column. */
static struct block *
datum(struct doc *d, const char *label, const char *value)
{
	struct block *b = block_new(d, S_DATA);

	cell_add(d, b, 0, LABEL_W - 3 * MM, label, strlen(label));
	cell_add(d, b, LABEL_W, WIDTH - LABEL_W, *value ? value : "—", 0);
	return b;
}

static const char *
date(struct pool *p, const char *iso)
{
	char it[11];

	if (iso == NULL || *iso == '\0')
		return "";
	date_it(iso, it);
	return pool_strdup(p, it);
}

static void
header(struct doc *d, const struct row *t)
{
	const char *nascita = date(d->pool, row_get(t, "data_nascita"));
	const char *accertata = date(d->pool, row_get(t,
	    "data_nascita_accertata"));
	const char *tutela = row_get(t, "tutela");
	int approvata = strcmp(get(t, "stato"), "approvata") == 0;

	paragraph(d, S_TITLE, 0, "Progetto Educativo Individualizzato", 0);
	paragraph(d, S_OFFICE, 0, "Roma Capitale · UO Protezione Persone "
	    "Minore Età · Ufficio MSNA", 0);
	datum(d, "Minore", pool_printf(d->pool, "%s %s", get(t, "cognome"),
	    get(t, "nome")))->before = 8;
	datum(d, "Fascicolo", get(t, "numero"));
	datum(d, "Data di nascita", *accertata ? pool_printf(d->pool,
	    "%s (dichiarata; accertata: %s)", nascita, accertata) : nascita);
	datum(d, "Cittadinanza", get(t, "cittadinanza"));
	datum(d, "Struttura di accoglienza", get(t, "struttura"));
	datum(d, "Operatore del caso", get(t, "operatore"));
	datum(d, "Tutore", tutela == NULL ? "non ancora nominato" :
	    *get(t, "tutore") ? pool_printf(d->pool, "%s (tutore %s)",
	    get(t, "tutore"), tutela) : pool_printf(d->pool, "tutore %s",
	    tutela));
	datum(d, "Versione del PEI", get(t, "versione"));
	if (approvata) {
		datum(d, "Approvata il", get(t, "decisa_il"));
		datum(d, "Approvata da", get(t, "decisa_da"));
	} else
		datum(d, "Stato", pool_printf(d->pool, "%s: versione non "
		    "approvata", choice_label(pei_stati, pei_nstati,
		    get(t, "stato"))));
}

/* A section's rows, copied (its children's are read while it prints). */
struct rows {
	struct row *r;
	size_t n;
};

static int
rows_read(struct doc *d, const struct sezione *s, long long pei_id,
    struct rows *out)
{
	struct stmt *st = sezione_rows(s, pei_id);
	size_t cap = 0;
	int rc;

	out->r = NULL;
	out->n = 0;
	while ((rc = db_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			struct row *r = pool_alloc(d->pool, (cap ? 2 * cap :
			    16) * sizeof *r);

			if (out->n)
				memcpy(r, out->r, out->n * sizeof *r);
			out->r = r;
			cap = cap ? 2 * cap : 16;
		}
		row_copy(d->pool, st, &out->r[out->n++]);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* A row's fields that have a value; how many. */
static int
values(struct doc *d, const struct sezione *s, const struct row *r,
    double indent)
{
	int n = 0;

	for (size_t i = 0; i < s->rec.nfields; i++) {
		const struct field *f = &s->rec.fields[i];
		const char *v = sezione_value(f, row_get(r, f->name), d->pool);

		if (v != NULL) {
			field(d, indent, f, v);
			n++;
		}
	}
	return n;
}

/* The lists under list `s` (an objective's actions): at most this many. */
#define CHILDREN_MAX 4

struct children {
	const struct sezione *s[CHILDREN_MAX];
	struct rows rows[CHILDREN_MAX];
	size_t n;
};

static int
children_read(struct doc *d, const struct sezione *s, long long pei_id,
    struct children *out)
{
	out->n = 0;
	for (size_t j = 0; pei_sezioni[j]; j++) {
		const struct sezione *c = pei_sezioni[j];

		if (c->parent_table == NULL || strcmp(c->parent_table,
		    s->table) != 0 || out->n == CHILDREN_MAX)
			continue;
		out->s[out->n] = c;
		if (rows_read(d, c, pei_id, &out->rows[out->n++]) != 0)
			return -1;
	}
	return 0;
}

/*
** A list's rows (those under row `parent`, if given), numbered, each with
** the rows of the lists under it indented beneath; `number` is the
** parent's number ("1." for "Azione 1.2"), or "" for a list of its own.
*/
static void
items(struct doc *d, const struct sezione *s, const struct rows *rows,
    const struct children *sub, const char *parent, const char *number,
    double indent)
{
	int k = 0;

	for (size_t i = 0; i < rows->n; i++) {
		const struct row *r = &rows->r[i];
		const char *n;

		if (parent && strcmp(get(r, "parent"), parent) != 0)
			continue;
		n = pool_printf(d->pool, "%s%d", number, ++k);
		paragraph(d, S_ITEM, indent, pool_printf(d->pool, "%s %s",
		    s->rec.title, n), 0);
		values(d, s, r, indent + INDENT);
		for (size_t j = 0; sub && j < sub->n; j++)
			items(d, sub->s[j], &sub->rows[j], NULL, get(r, "id"),
			    pool_printf(d->pool, "%s.", n), indent + INDENT);
	}
}

static int
section(struct doc *d, const struct sezione *s, long long pei_id)
{
	struct rows rows;
	struct children sub;

	if (rows_read(d, s, pei_id, &rows) != 0)
		return -1;
	section_title(d, s->rec.title);
	if (rows.n == 0) {
		paragraph(d, S_EMPTY, 0, "Nessun dato registrato.", 0);
		return 0;
	}
	if (!s->list) {
		if (values(d, s, &rows.r[0], 0) == 0)
			paragraph(d, S_EMPTY, 0, "Nessun dato registrato.", 0);
		return 0;
	}
	if (children_read(d, s, pei_id, &sub) != 0)
		return -1;
	items(d, s, &rows, &sub, NULL, "", 0);
	return 0;
}

/* The vulnerability table's columns, as on the page: categoria, esito,
** data e fonte, note e indicatori. */
static const double columns[] = { 0, 46 * MM, 68 * MM, 104 * MM };

static void
table_row(struct doc *d, enum style s, const char *const v[COUNT(columns)])
{
	struct block *b = block_new(d, s);

	for (size_t i = 0; i < COUNT(columns); i++) {
		double end = i + 1 < COUNT(columns) ? columns[i + 1] - 2 * MM :
		    WIDTH;

		cell_add(d, b, columns[i], end - columns[i], v[i], 0);
	}
}

/* The vulnerability table: the assessed categories, one row each. */
static int
assessments(struct doc *d, long long pei_id)
{
	struct stmt *st = vulnerabilita_rows(pei_id);
	size_t nesiti;
	const struct choice *esiti = vulnerabilita_esiti(&nesiti);
	int rc, n = 0;

	section_title(d, pei_vulnerabilita.title);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		const char *note = db_text(st, "note");
		const char *ind = vulnerabilita_indicatori(d->pool,
		    db_text(st, "indicatori"));
		const char *v[COUNT(columns)];

		if (n++ == 0) {
			static const char *const head[COUNT(columns)] = {
				"Categoria", "Esito", "Data e fonte",
				"Note e indicatori",
			};

			table_row(d, S_TABLE_HEAD, head);
		}
		v[0] = choice_label(pei_categorie, pei_ncategorie,
		    db_text(st, "categoria"));
		v[1] = choice_label(esiti, nesiti, db_text(st, "esito"));
		v[2] = pool_printf(d->pool, "%s%s%s", date(d->pool,
		    db_text(st, "data")), *db_text(st, "data") &&
		    *db_text(st, "fonte") ? "\n" : "", db_text(st, "fonte"));
		v[3] = ind == NULL ? pool_strdup(d->pool, note) :
		    pool_printf(d->pool, "%s%sIndicatori: %s", note,
		    *note ? "\n" : "", ind);
		table_row(d, S_TABLE, v);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (n == 0)
		paragraph(d, S_EMPTY, 0, "Nessuna categoria valutata.", 0);
	return 0;
}

/* Who signs, with a line for the date and one for the signature. */
static void
signatures(struct doc *d, const struct row *t)
{
	const char *who[][2] = {
		{ "Il minore", pool_printf(d->pool, "%s %s", get(t, "cognome"),
		    get(t, "nome")) },
		{ "Il tutore", get(t, "tutore") },
		{ "L'operatore del caso", get(t, "operatore") },
		{ "La struttura di accoglienza", get(t, "struttura") },
	};

	section_title(d, "Firme");
	for (size_t i = 0; i < COUNT(who); i++) {
		struct block *b;

		paragraph(d, S_SIGNER, 0, *who[i][1] ? pool_printf(d->pool,
		    "%s: %s", who[i][0], who[i][1]) : who[i][0],
		    strlen(who[i][0]) + (*who[i][1] != '\0'));
		b = block_new(d, S_SIGN);
		cell_add(d, b, 0, 20 * MM, "Data", 0)->rule_to = 55 * MM;
		cell_add(d, b, 65 * MM, 20 * MM, "Firma", 0)->rule_to = WIDTH;
	}
}

/* Renders version `pei_id` of a PEI as an A4 PDF into `out`; 0, or -1. */
int
pei_pdf(struct pool *p, long long pei_id, struct buf *out)
{
	struct doc d;
	struct row t;
	size_t had = out->n;
	int rc = 0;

	fonts_load();
	if (db_row(p, SQL_TESTATA, ARGS(ARG_INT("pei", pei_id)), &t) != 1)
		return -1;
	memset(&d, 0, sizeof d);
	d.pool = p;
	d.ctx = context_new();
	header(&d, &t);
	for (size_t i = 0; pei_sezioni[i] && rc == 0; i++) {
		const struct sezione *s = pei_sezioni[i];

		/* The vulnerabilities before the overall assessment, as on
		   the page; a list under another comes under its rows. */
		if (s == &pei_valutazione && assessments(&d, pei_id) != 0)
			rc = -1;
		/* The case's legal path as it stood at approval (section 4),
		   before the objectives. */
		for (size_t k = 0; s == &pei_obiettivi && rc == 0 &&
		    pei_percorso[k]; k++)
			if (section(&d, pei_percorso[k], strtoll(get(&t,
			    "minore_id"), NULL, 10)) != 0)
				rc = -1;
		if (rc == 0 && s->parent == NULL && section(&d, s, pei_id) != 0)
			rc = -1;
	}
	if (rc == 0) {
		signatures(&d, &t);
		paginate(&d);
		rc = render(&d, get(&t, "numero"), strtoll(get(&t, "versione"),
		    NULL, 10), get(&t, "quando"), out);
	}
	for (size_t i = 0; i < d.n; i++)
		for (int k = 0; k < d.b[i].ncells; k++)
			g_object_unref(d.b[i].cell[k].layout);
	free(d.b);
	free(d.ops);
	g_object_unref(d.ctx);
	if (rc != 0 && out->p) {
		/* No half a PDF. */
		out->n = had;
		out->p[had] = '\0';
	}
	return rc;
}

/*
** Frees the fonts of the process and fontconfig's own memory, for a
** leak checker at exit (the tests'); pei_pdf() would load them again.
*/
void
pei_pdf_close(void)
{
	if (fontmap == NULL)
		return;
	g_object_unref(fontmap);
	fontmap = NULL;
	for (size_t i = 0; i < S__MAX; i++) {
		pango_font_description_free(fonts[i]);
		fonts[i] = NULL;
	}
	FcFini();
}
