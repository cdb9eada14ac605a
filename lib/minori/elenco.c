/*
** The list of minors: tolerant search by name (FTS5 on name keys), by
** case number, CUI or codice fiscale; filters; sorting; pages; and the
** CSV export of the filtered list for the roles allowed to export.
** A facility sees only the minors placed in it now.
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"
#include "strutture.h"
#include "utenti.h"

static const struct field filter_fields[] = {
	{ .name = "q", .label = "Nome, n. fascicolo, CUI o codice fiscale",
	  .type = FIELD_TEXT, .max = 100,
	  .hint = "Il nome si trova anche scritto in altro modo "
	  "(Mohamed, Muhammad ...)" },
	{ .name = "stato", .label = "Stato", .type = FIELD_CHOICE },
	{ .name = "cittadinanza", .label = "Cittadinanza", .type = FIELD_CHOICE },
	{ .name = "struttura_id", .label = "Struttura", .type = FIELD_CHOICE },
	{ .name = "operatore_id", .label = "Operatore", .type = FIELD_CHOICE },
	{ .name = "fascia", .label = "Età", .type = FIELD_CHOICE },
	{ .name = "diciotto", .label = "Compie 18 anni entro (mesi)",
	  .type = FIELD_INT, .min = 1, .max = 36 },
	{ .name = "ordine", .label = "Ordina per", .type = FIELD_CHOICE },
	{ .name = "pagina", .label = "Pagina", .type = FIELD_INT, .min = 1,
	  .max = 100000 },
};

/* The filters' choices. */
static void
filter_form(struct form *f, struct field *fields)
{
	memcpy(fields, filter_fields, sizeof filter_fields);
	for (size_t i = 0; i < COUNT(filter_fields); i++) {
		const char *n = fields[i].name;

		if (strcmp(n, "stato") == 0) {
			fields[i].choices = minore_stati;
			fields[i].nchoices = minore_nstati;
		} else if (strcmp(n, "cittadinanza") == 0) {
			fields[i].choices = minore_paesi;
			fields[i].nchoices = minore_npaesi;
		} else if (strcmp(n, "struttura_id") == 0)
			fields[i].choices = strutture_choices(&fields[i].nchoices);
		else if (strcmp(n, "operatore_id") == 0)
			fields[i].choices = utenti_operatori(&fields[i].nchoices);
		else if (strcmp(n, "fascia") == 0) {
			fields[i].choices = elenco_fasce;
			fields[i].nchoices = elenco_nfasce;
		} else if (strcmp(n, "ordine") == 0) {
			fields[i].choices = elenco_ordini;
			fields[i].nchoices = elenco_nordini;
		}
	}
	form_init(f, fields, COUNT(filter_fields));
}

/*
** A case's row, for the page and the export. Facilities and case
** workers are named from the lists each worker keeps (strutture_nomi(),
** utenti_nomi(): fresh as of the request), not joined row by row.
*/
#define LIST_COLUMNS \
	"SELECT m.id, m.numero, m.cognome, m.nome, m.sesso," \
	" coalesce(m.data_nascita_accertata, m.data_nascita) AS nascita," \
	" m.cittadinanza, m.struttura_id, m.operatore_id, m.stato," \
	" m.data_presa_in_carico"
#define LIST_FILTERS \
	" AND (:stato IS NULL OR m.stato = :stato)" \
	" AND (:cittadinanza IS NULL OR m.cittadinanza = :cittadinanza)" \
	" AND (:struttura_id IS NULL OR m.struttura_id = :struttura_id)" \
	" AND (:operatore_id IS NULL OR m.operatore_id = :operatore_id)" \
	" AND (:nato_entro IS NULL OR" \
	" coalesce(m.data_nascita_accertata, m.data_nascita) <= :nato_entro)" \
	" AND (:nato_dopo IS NULL OR" \
	" coalesce(m.data_nascita_accertata, m.data_nascita) > :nato_dopo)"
#define LIST_BY_CODE(order) LIST_COLUMNS " FROM minori m" \
	" WHERE (:q IS NULL OR m.numero = :q OR m.cui = :q" \
	" OR m.codice_fiscale = :q)" LIST_FILTERS \
	" ORDER BY " order " LIMIT :limite OFFSET :salta"
#define LIST_BY_NAME(order) LIST_COLUMNS " FROM minori_nomi f" \
	" JOIN minori m ON m.id = f.rowid" \
	" WHERE minori_nomi MATCH :q" LIST_FILTERS \
	" ORDER BY " order " LIMIT :limite OFFSET :salta"
#define ORDER_RECENTI "m.id DESC"
/* The index yields its rows by rowid (= minor's id): no sort, stops early. */
#define ORDER_RECENTI_FTS "f.rowid DESC"
#define ORDER_COGNOME "m.cognome COLLATE NOCASE, m.nome COLLATE NOCASE, m.id"
#define ORDER_ETA "coalesce(m.data_nascita_accertata, m.data_nascita), m.id"
#define ORDER_NUMERO "m.numero"

/* One static statement per search mode and sort order. */
static const char *const list_sql[2][4] = {
	{ LIST_BY_CODE(ORDER_RECENTI), LIST_BY_CODE(ORDER_COGNOME),
	  LIST_BY_CODE(ORDER_ETA), LIST_BY_CODE(ORDER_NUMERO) },
	{ LIST_BY_NAME(ORDER_RECENTI_FTS), LIST_BY_NAME(ORDER_COGNOME),
	  LIST_BY_NAME(ORDER_ETA), LIST_BY_NAME(ORDER_NUMERO) },
};

#define PAGE_ROWS 25

/* A code (case number, CUI, codice fiscale) has digits; a name has none. */
static int
looks_like_code(const char *q)
{
	int digit = 0;

	for (; *q; q++) {
		if (isdigit((unsigned char)*q))
			digit = 1;
		else if (!isalpha((unsigned char)*q) && *q != '-')
			return 0;
	}
	return digit;
}

int
minori_cerca(struct pool *pool, const char *q, struct buf *fts, char **code)
{
	*code = NULL;
	if (!looks_like_code(q)) {
		nome_query(q, 1, fts);
		return fts->n > 0 ? 1 : -1;
	}
	*code = pool_strdup(pool, q);
	for (char *p = *code; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return 0;
}

/*
** Reads the filters and binds the matching list statement: `limit` rows,
** or (-1) every row for the export. Returns the statement, or NULL if the
** filters have errors (shown on the page).
*/
static struct stmt *
list_query(struct request *r, struct form *f, int limit)
{
	const char *q, *ordine, *fascia;
	char today[11], upper[11] = "", lower[11] = "", *code = NULL;
	int by_name = 0, sort = 0;
	struct buf fts = { 0 };
	struct stmt *st;

	form_read(r, f);
	if (f->nerrors > 0)
		return NULL;
	q = form_value(f, "q");
	if (q && (by_name = minori_cerca(&r->pool, q, &fts, &code)) < 0) {
		form_fail(f, "q", "Scrivi almeno una lettera del nome.");
		buf_free(&fts);
		return NULL;
	}
	ordine = form_value(f, "ordine");
	for (int i = 0; ordine && i < (int)elenco_nordini; i++)
		if (strcmp(ordine, elenco_ordini[i].value) == 0)
			sort = i;

	/* Birth-date bounds: born on or before `upper`, after `lower`. */
	date_today(today);
	if ((fascia = form_value(f, "fascia")) != NULL) {
		int from = 0, to = 0;

		sscanf(fascia, "%d-%d", &from, &to);
		date_born_by(today, from, upper);
		date_born_by(today, to + 1, lower);
	}
	if (form_value(f, "diciotto")) {
		char up[11], low[11], by[11];

		/* Who turns 18 between today and N months from today. */
		date_shift(today, 0, (int)form_int(f, "diciotto"), by);
		date_born_by(by, 18, up);
		date_born_by(today, 18, low);
		if (!*upper || strcmp(up, upper) < 0)
			memcpy(upper, up, sizeof upper);
		if (!*lower || strcmp(low, lower) > 0)
			memcpy(lower, low, sizeof lower);
	}

	st = db_prepare(list_sql[by_name][sort]);
	form_bind(f, st);
	db_bind_text(st, "q", by_name ? fts.p : code);
	buf_free(&fts);
	/* A facility sees only the minors placed with it now. */
	if (r->user.role == ROLE_STRUTTURA)
		db_bind_int(st, "struttura_id", r->user.struttura_id);
	db_bind_args(st, ARGS(ARG_TEXT("nato_entro", *upper ? upper : NULL),
	    ARG_TEXT("nato_dopo", *lower ? lower : NULL),
	    ARG_INT("limite", limit),
	    /* A page of the list (the export takes every row from the first). */
	    ARG_INT("salta", limit > 0 && form_value(f, "pagina") ?
	    (form_int(f, "pagina") - 1) * PAGE_ROWS : 0)));
	return st;
}

struct list_ctx {
	char today[11];
	struct buf cell;
	const struct choice *strutture, *utenti;
	size_t nstrutture, nutenti;
};

static void
list_names(struct list_ctx *k)
{
	k->strutture = strutture_nomi(&k->nstrutture);
	k->utenti = utenti_nomi(&k->nutenti);
}

/*
** A row of the list, nine values (page_rows_own(): at most ten, see
** page.c): full name, birth date with age, facility and case worker by
** name, status label.
*/
static void
list_row(HDF *row, struct stmt *st, void *ctx)
{
	struct list_ctx *k = ctx;
	const char *nascita = db_text(st, "nascita");
	char it[11];

	row_set(row, "id", db_text(st, "id"));
	row_set(row, "numero", db_text(st, "numero"));
	buf_reset(&k->cell);
	buf_printf(&k->cell, "%s %s", db_text(st, "cognome"),
	    db_text(st, "nome"));
	row_set(row, "nome", k->cell.p);
	row_set(row, "sesso", db_text(st, "sesso"));
	date_it(nascita, it);
	buf_reset(&k->cell);
	buf_printf(&k->cell, "%s (%d)", it, date_age(nascita, k->today));
	row_set(row, "nascita", k->cell.p);
	row_set(row, "cittadinanza", db_text(st, "cittadinanza"));
	row_set(row, "struttura", choice_label(k->strutture, k->nstrutture,
	    db_text(st, "struttura_id")));
	row_set(row, "operatore", choice_label(k->utenti, k->nutenti,
	    db_text(st, "operatore_id")));
	row_set(row, "stato", choice_label(minore_stati, minore_nstati,
	    db_text(st, "stato")));
}

/* GET /minori: the list, searched, filtered, sorted, a page at a time. */
int
minori_elenco(struct request *r)
{
	struct field fields[COUNT(filter_fields)];
	struct list_ctx k = { .cell = { 0 } };
	struct form f;
	struct stmt *st;
	long long page;
	int n = 0;

	filter_form(&f, fields);
	date_today(k.today);
	list_names(&k);
	st = list_query(r, &f, PAGE_ROWS + 1);
	page = st != NULL && form_value(&f, "pagina") ? form_int(&f, "pagina") : 1;
	if (st)
		n = page_rows_own(r, "Minori", st, PAGE_ROWS, list_row, &k);
	buf_free(&k.cell);
	if (n > PAGE_ROWS) {
		page_set_int(r, "List.next", page + 1);
		n = PAGE_ROWS;
	}
	if (form_value(&f, "ordine") == NULL)
		form_set(r, &f, "ordine", "recenti");	/* what the list shows */
	form_page(r, &f);
	page_set_int(r, "List.count", n);
	page_set_int(r, "List.page", page);
	if (page > 1)
		page_set_int(r, "List.prev", page - 1);
	page_set_int(r, "List.can_export", role_can(r->user.role,
	    &minori_esportazione));
	page_set_int(r, "List.can_intake", role_can(r->user.role,
	    &minori_scrittura));
	page_set_int(r, "List.struttura", r->user.role == ROLE_STRUTTURA);
	return page_render(r, "minori/minori.cs", "Minori");
}

/*
** One CSV cell: quoted, and neutralised when it could be read as a
** formula by a spreadsheet (= + - @ tab CR at the start).
*/
static void
csv_cell(struct buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	if (strchr("=+-@\t\r", *s) && *s)
		buf_add(b, "'", 1);
	for (; *s; s++) {
		if (*s == '"')
			buf_add(b, "\"", 1);
		buf_add(b, s, 1);
	}
	buf_add(b, "\"", 1);
}

/* The columns of the export, by name, with their headers. */
enum cell { TEXT, DATE, STATO, STRUTTURA, OPERATORE };
static const struct {
	const char *column, *header;
	enum cell kind;
} export_columns[] = {
	{ "numero", "Numero", TEXT }, { "cognome", "Cognome", TEXT },
	{ "nome", "Nome", TEXT }, { "sesso", "Sesso", TEXT },
	{ "nascita", "Data di nascita", DATE },
	{ "cittadinanza", "Cittadinanza", TEXT },
	{ "struttura_id", "Struttura", STRUTTURA },
	{ "operatore_id", "Operatore", OPERATORE },
	{ "stato", "Stato", STATO },
	{ "data_presa_in_carico", "Presa in carico", DATE },
};

/* GET /minori/export.csv: the filtered list, every row, audited. */
int
minori_export(struct request *r)
{
	struct field fields[COUNT(filter_fields)];
	struct list_ctx k = { .cell = { 0 } };
	struct form f;
	struct stmt *st;
	long long rows = 0;
	const char *q;

	filter_form(&f, fields);
	list_names(&k);
	if ((st = list_query(r, &f, -1)) == NULL)
		return 400;
	buf_reset(&r->body);
	buf_add(&r->body, "\xEF\xBB\xBF", 3);	/* BOM: Excel reads UTF-8 */
	for (size_t i = 0; i < COUNT(export_columns); i++) {
		if (i)
			buf_add(&r->body, ";", 1);
		csv_cell(&r->body, export_columns[i].header);
	}
	buf_add(&r->body, "\r\n", 2);
	while (db_step(st) == SQLITE_ROW) {
		for (size_t i = 0; i < COUNT(export_columns); i++) {
			const char *v = db_text(st, export_columns[i].column);
			char it[11];

			switch (export_columns[i].kind) {
			case TEXT:
				break;
			case DATE:
				date_it(v, it);
				v = it;
				break;
			case STATO:
				v = choice_label(minore_stati, minore_nstati, v);
				break;
			case STRUTTURA:
				v = choice_label(k.strutture, k.nstrutture, v);
				break;
			case OPERATORE:
				v = choice_label(k.utenti, k.nutenti, v);
				break;
			}
			if (i)
				buf_add(&r->body, ";", 1);
			csv_cell(&r->body, v);
		}
		buf_add(&r->body, "\r\n", 2);
		rows++;
	}
	db_done(st);
	q = form_value(&f, "q");
	if (audit_now(r, "export", "minori", 0, pool_printf(&r->pool,
	    "%lld righe%s%s", rows, q ? "; ricerca: " : "", q ? q : "")) != 0)
		return 500;
	r->status = 200;
	response_header(r, "Content-Type", "text/csv; charset=utf-8");
	response_header(r, "Content-Disposition",
	    "attachment; filename=\"minori.csv\"");
	return 0;
}
