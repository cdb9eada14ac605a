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
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "nome.h"
#include "page.h"

static const struct choice fasce[] = {
	{ "0-5", "Sotto i 6 anni" },
	{ "6-13", "6-13 anni" },
	{ "14-15", "14-15 anni" },
	{ "16-17", "16-17 anni" },
	{ "18-99", "18 anni e oltre" },
};

static const struct choice ordini[] = {
	{ "recenti", "Presi in carico più di recente" },
	{ "cognome", "Cognome" },
	{ "eta", "Più grandi prima" },
	{ "numero", "Numero di fascicolo" },
};

enum { F_Q, F_STATO, F_CITTADINANZA, F_STRUTTURA, F_OPERATORE, F_FASCIA,
    F_DICIOTTO, F_ORDINE, F_PAGINA, F__MAX };

static void
filter_form(struct form *f, struct field *fields)
{
	const struct field base[F__MAX] = {
		[F_Q] = { "q", "Nome, n. fascicolo, CUI o codice fiscale",
		    FIELD_TEXT, 0, 0, 100, NULL, 0,
		    "Il nome si trova anche scritto in altro modo "
		    "(Mohamed, Muhammad ...)" },
		[F_STATO] = { "stato", "Stato", FIELD_CHOICE, 0, 0, 0,
		    minore_stati, MINORE_STATI, NULL },
		[F_CITTADINANZA] = { "cittadinanza", "Cittadinanza",
		    FIELD_CHOICE, 0, 0, 0, minore_paesi, minore_npaesi, NULL },
		[F_STRUTTURA] = { "struttura_id", "Struttura", FIELD_CHOICE, 0,
		    0, 0, NULL, 0, NULL },
		[F_OPERATORE] = { "operatore_id", "Operatore", FIELD_CHOICE, 0,
		    0, 0, NULL, 0, NULL },
		[F_FASCIA] = { "fascia", "Età", FIELD_CHOICE, 0, 0, 0, fasce,
		    COUNT(fasce), NULL },
		[F_DICIOTTO] = { "diciotto", "Compie 18 anni entro (mesi)",
		    FIELD_INT, 0, 1, 36, NULL, 0, NULL },
		[F_ORDINE] = { "ordine", "Ordina per", FIELD_CHOICE, 0, 0, 0,
		    ordini, COUNT(ordini), NULL },
		[F_PAGINA] = { "pagina", "Pagina", FIELD_INT, 0, 1, 100000,
		    NULL, 0, NULL },
	};

	memcpy(fields, base, sizeof base);
	fields[F_STRUTTURA].choices = strutture_choices(
	    &fields[F_STRUTTURA].nchoices);
	fields[F_OPERATORE].choices = operatori_choices(
	    &fields[F_OPERATORE].nchoices);
	form_init(f, fields, F__MAX);
}

#define LIST_COLUMNS \
	"SELECT m.id, m.numero, m.cognome, m.nome, m.sesso," \
	" coalesce(m.data_nascita_accertata, m.data_nascita), m.cittadinanza," \
	" coalesce(s.nome, ''), coalesce(u.nome, ''), m.stato," \
	" m.data_presa_in_carico"
#define LIST_JOINS \
	" LEFT JOIN strutture s ON s.id = m.struttura_id" \
	" LEFT JOIN utenti u ON u.id = m.operatore_id"
#define LIST_FILTERS \
	" AND (?2 IS NULL OR m.stato = ?2)" \
	" AND (?3 IS NULL OR m.cittadinanza = ?3)" \
	" AND (?4 IS NULL OR m.struttura_id = ?4)" \
	" AND (?5 IS NULL OR m.operatore_id = ?5)" \
	" AND (?6 IS NULL OR coalesce(m.data_nascita_accertata, m.data_nascita) <= ?6)" \
	" AND (?7 IS NULL OR coalesce(m.data_nascita_accertata, m.data_nascita) > ?7)"
#define LIST_BY_CODE(order) LIST_COLUMNS " FROM minori m" LIST_JOINS \
	" WHERE (?1 IS NULL OR m.numero = ?1 OR m.cui = ?1" \
	" OR m.codice_fiscale = ?1)" LIST_FILTERS \
	" ORDER BY " order " LIMIT ?8 OFFSET ?9"
#define LIST_BY_NAME(order) LIST_COLUMNS " FROM minori_nomi f" \
	" JOIN minori m ON m.id = f.rowid" LIST_JOINS \
	" WHERE minori_nomi MATCH ?1" LIST_FILTERS \
	" ORDER BY " order " LIMIT ?8 OFFSET ?9"
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

/*
** Reads the filters and binds the matching list statement. Returns the
** statement, or NULL if the filters have errors (shown on the page).
*/
static sqlite3_stmt *
list_query(struct request *r, struct form *f, int limit)
{
	const char *q, *ordine, *fascia;
	char today[11], upper[11] = "", lower[11] = "";
	int by_name = 0, sort = 0;
	struct buf fts = { 0 };
	sqlite3_stmt *st;

	form_read(r, f);
	if (f->nerrors > 0)
		return NULL;
	q = form_value(f, "q");
	if (q && !looks_like_code(q)) {
		nome_query(q, 1, &fts);
		if (fts.n == 0) {
			form_fail(f, "q", "Scrivi almeno una lettera del nome.");
			buf_free(&fts);
			return NULL;
		}
		by_name = 1;
	}
	ordine = form_value(f, "ordine");
	for (int i = 0; ordine && i < (int)COUNT(ordini); i++)
		if (strcmp(ordine, ordini[i].value) == 0)
			sort = i;

	/* Birth-date bounds: born on or before `upper`, after `lower`. */
	date_today(today);
	if ((fascia = form_value(f, "fascia")) != NULL) {
		int from = 0, to = 0;

		sscanf(fascia, "%d-%d", &from, &to);
		date_shift(today, -from, 0, upper);
		date_shift(today, -(to + 1), 0, lower);
	}
	if (form_value(f, "diciotto")) {
		char up[11], low[11];

		date_shift(today, -18, (int)form_int(f, "diciotto"), up);
		date_shift(today, -18, 0, low);
		if (!*upper || strcmp(up, upper) < 0)
			memcpy(upper, up, sizeof upper);
		if (!*lower || strcmp(low, lower) > 0)
			memcpy(lower, low, sizeof lower);
	}

	st = db_prepare(list_sql[by_name][sort]);
	if (by_name)
		db_bind_text(st, 1, fts.p);
	else if (q) {
		char *code = pool_strdup(&r->pool, q);

		for (char *p = code; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		db_bind_text(st, 1, code);
	}
	buf_free(&fts);
	db_bind_text(st, 2, form_value(f, "stato"));
	db_bind_text(st, 3, form_value(f, "cittadinanza"));
	if (r->user.role == ROLE_STRUTTURA)
		db_bind_int(st, 4, r->user.struttura_id);
	else
		db_bind_text(st, 4, form_value(f, "struttura_id"));
	db_bind_text(st, 5, form_value(f, "operatore_id"));
	db_bind_text(st, 6, *upper ? upper : NULL);
	db_bind_text(st, 7, *lower ? lower : NULL);
	db_bind_int(st, 8, limit);
	/* A page of the list (the export takes every row from the first). */
	db_bind_int(st, 9, limit > 0 && form_value(f, "pagina") ?
	    (form_int(f, "pagina") - 1) * PAGE_ROWS : 0);
	return st;
}

int
minori_elenco(struct request *r)
{
	struct field fields[F__MAX];
	struct buf cell = { 0 };
	struct form f;
	sqlite3_stmt *st;
	long long page;
	char today[11];
	int i = 0;

	filter_form(&f, fields);
	date_today(today);
	st = list_query(r, &f, PAGE_ROWS + 1);
	page = st != NULL && form_value(&f, "pagina") ? form_int(&f, "pagina") : 1;
	while (st != NULL && db_step(st) == SQLITE_ROW) {
		char it[11];
		HDF *row;

		if (i == PAGE_ROWS) {
			page_set_int(r, "List.next", page + 1);
			break;
		}
		row = page_row(r, "Minori", i);
		row_set_int(row, "id", db_int(st, 0));
		row_set(row, "numero", db_text(st, 1));
		buf_reset(&cell);
		buf_printf(&cell, "%s %s", db_text(st, 2), db_text(st, 3));
		row_set(row, "nome", cell.p);
		row_set(row, "sesso", db_text(st, 4));
		date_it(db_text(st, 5), it);
		buf_reset(&cell);
		buf_printf(&cell, "%s (%d)", it, date_age(db_text(st, 5), today));
		row_set(row, "nascita", cell.p);
		row_set(row, "cittadinanza", db_text(st, 6));
		row_set(row, "struttura", db_text(st, 7));
		row_set(row, "operatore", db_text(st, 8));
		row_set(row, "stato", choice_label(minore_stati, MINORE_STATI,
		    db_text(st, 9)));
		i++;
	}
	if (st)
		db_done(st);
	buf_free(&cell);
	if (form_value(&f, "ordine") == NULL)
		form_set(r, &f, "ordine", "recenti");	/* what the list shows */
	form_page(r, &f);
	page_set_int(r, "List.count", i);
	page_set_int(r, "List.page", page);
	if (page > 1)
		page_set_int(r, "List.prev", page - 1);
	page_set_int(r, "List.can_export", role_can(r->user.role,
	    PERM_CASE_EXPORT));
	page_set_int(r, "List.can_intake", role_can(r->user.role,
	    PERM_CASE_WRITE));
	page_set_int(r, "List.struttura", r->user.role == ROLE_STRUTTURA);
	return page_render(r, "minori.cs", "Minori");
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

int
minori_export(struct request *r)
{
	static const char *const header[] = {
		"Numero", "Cognome", "Nome", "Sesso", "Data di nascita",
		"Cittadinanza", "Struttura", "Operatore", "Stato",
		"Presa in carico",
	};
	struct field fields[F__MAX];
	struct form f;
	sqlite3_stmt *st;
	long long rows = 0;
	const char *q;

	filter_form(&f, fields);
	if ((st = list_query(r, &f, -1)) == NULL)
		return 400;
	buf_reset(&r->body);
	buf_add(&r->body, "\xEF\xBB\xBF", 3);	/* BOM: Excel reads UTF-8 */
	for (size_t i = 0; i < COUNT(header); i++) {
		if (i)
			buf_add(&r->body, ";", 1);
		csv_cell(&r->body, header[i]);
	}
	buf_add(&r->body, "\r\n", 2);
	while (db_step(st) == SQLITE_ROW) {
		for (int c = 1; c <= 10; c++) {
			char it[11];
			const char *v = db_text(st, c);

			if (c == 5 || c == 10) {
				date_it(v, it);
				v = it;
			} else if (c == 9)
				v = choice_label(minore_stati, MINORE_STATI, v);
			if (c > 1)
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
