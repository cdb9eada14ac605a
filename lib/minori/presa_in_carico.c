/*
** Presa in carico: the intake form of a new minor. Inside the write
** transaction the duplicate check looks for the same CUI or codice
** fiscale, or a similar name with a close birth year and the same
** citizenship; the user opens the existing case or confirms that this
** is a new person.
*/
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interno.h"
#include "page.h"

/* Every field of a case, from the parts in anagrafica.c. */
static size_t
intake_fields(struct edit *e, struct field *out)
{
	(void)e;
	return minore_fields(MINORE_ANAGRAFICA | MINORE_RINTRACCIO |
	    MINORE_PRESA, out);
}

static void
defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data_presa_in_carico");
	if (e->r->user.role == ROLE_OPERATORE)
		form_set(e->r, &e->form, "operatore_id",
		    pool_printf(&e->r->pool, "%lld", e->r->user.id));
}

static const char SQL_DUP_CODES[] =
    "SELECT id, numero, cognome, nome, data_nascita, cittadinanza, stato,"
    " cui = :cui AS same_cui, codice_fiscale = :codice_fiscale AS same_cf"
    " FROM minori WHERE cui = :cui OR codice_fiscale = :codice_fiscale";
/*
** Cases with a similar name, the same citizenship and a birth year one
** apart (two if either date is a 1 January: an estimate). The plan
** starts from the name index whatever the statistics say (CROSS JOIN:
** SQLite keeps that order), then reads each match's case by id; from
** the citizenship it would check every case of it against the index.
*/
static const char SQL_DUP_NAMES[] =
    "SELECT m.id, m.numero, m.cognome, m.nome, m.data_nascita,"
    " m.cittadinanza, m.stato FROM minori_nomi f"
    " CROSS JOIN minori m ON m.id = f.rowid"
    " WHERE minori_nomi MATCH :chiavi AND m.cittadinanza = :cittadinanza"
    " AND (abs(CAST(substr(m.data_nascita, 1, 4) AS INTEGER) - :anno)"
    " <= 1 + (:capodanno OR substr(m.data_nascita, 5) = '-01-01')"
    " OR abs(CAST(substr(m.data_nascita_accertata, 1, 4) AS INTEGER) - :anno)"
    " <= 1 + (:capodanno OR substr(m.data_nascita_accertata, 5) = '-01-01'))"
    " ORDER BY f.rowid LIMIT 20";

/*
** The cases a new one named `cognome` `nome`, born on `nascita` (ISO),
** of `cittadinanza` may duplicate: a statement to step (columns id,
** numero, cognome, nome, data_nascita, cittadinanza, stato) and end with
** db_done(), or NULL if the name has no letters. Surname and name are
** one name: which word is in which field does not matter.
*/
struct stmt *
minore_simili(const char *cognome, const char *nome, const char *nascita,
    const char *cittadinanza)
{
	struct buf name = { 0 }, q = { 0 };
	struct stmt *st = NULL;

	buf_printf(&name, "%s %s", cognome, nome);
	nome_query(name.p, 0, &q);
	if (q.n > 0 && strlen(nascita) >= 10)
		st = db_query(SQL_DUP_NAMES, ARGS(ARG_TEXT("chiavi", q.p),
		    ARG_INT("anno", atoi(nascita)),
		    ARG_INT("capodanno", strcmp(nascita + 4, "-01-01") == 0),
		    ARG_TEXT("cittadinanza", cittadinanza)));
	buf_free(&name);
	buf_free(&q);
	return st;
}

/* The current row of `st` as Duplicates.(*i)++, with its labels. */
static void
candidate(struct request *r, int *i, struct stmt *st)
{
	HDF *row = page_row(r, "Duplicates", (*i)++);

	row_set_stmt(row, st);
	row_set_date(row, "data_nascita", db_text(st, "data_nascita"));
	row_set(row, "stato", choice_label(minore_stati, minore_nstati,
	    db_text(st, "stato")));
}

/*
** Fills Duplicates.* with the candidate cases. Returns the number of
** cases with a similar name; a same CUI or codice fiscale is an error on
** that field (it identifies one person: open the existing case).
*/
static int
duplicates(struct edit *e)
{
	struct request *r = e->r;
	struct form *f = &e->form;
	const char *cognome = form_value(f, "cognome"), *nome = form_value(f, "nome");
	const char *nascita = form_value(f, "data_nascita");
	const char *cittadinanza = form_value(f, "cittadinanza");
	struct stmt *st;
	int i = 0, similar = 0;

	if (form_value(f, "cui") || form_value(f, "codice_fiscale")) {
		st = db_prepare(SQL_DUP_CODES);
		form_bind(f, st);
		while (db_step(st) == SQLITE_ROW) {
			const char *numero = db_text(st, "numero");

			candidate(r, &i, st);
			if (db_int(st, "same_cui"))
				form_fail(f, "cui", pool_printf(&r->pool,
				    "Questo CUI è già nel fascicolo %s: aprilo "
				    "invece di crearne uno nuovo.", numero));
			if (db_int(st, "same_cf"))
				form_fail(f, "codice_fiscale", pool_printf(&r->pool,
				    "Questo codice fiscale è già nel fascicolo %s: "
				    "aprilo invece di crearne uno nuovo.", numero));
		}
		db_done(st);
	}
	if (cognome && nome && nascita && cittadinanza &&
	    (st = minore_simili(cognome, nome, nascita, cittadinanza)) != NULL) {
		while (db_step(st) == SQLITE_ROW && i < 40) {
			candidate(r, &i, st);
			similar++;
		}
		db_done(st);
	}
	return similar;
}

/* The case's rules (minore_check), then the duplicates. */
static void
check(struct edit *e)
{
	struct form *f = &e->form;
	int similar;

	minore_check(e);
	similar = duplicates(e);
	if (f->nerrors == 0 && similar > 0 && !form_value(f, "conferma_nuovo")) {
		page_set(e->r, "Intake.confirm_new", "1");
		e->again = 1;
	}
}

/* The new case, with its number, placement, status and name keys. */
static int
save(struct edit *e)
{
	struct db_arg a[FORM_FIELDS_MAX];
	size_t n;
	char numero[32];

	n = form_args(&e->form, a, COUNT(a));
	if ((e->id = minore_insert(e->r, a, n, numero)) < 0)
		return -1;
	e->detail = pool_strdup(&e->r->pool, numero);
	e->saved = pool_printf(&e->r->pool, "Presa in carico registrata: "
	    "fascicolo %s.", numero);
	return 0;
}

static int
page(struct edit *e)
{
	form_page(e->r, &e->form);
	return page_render(e->r, "minori/presa_in_carico.cs", "Presa in carico");
}

const struct record presa_in_carico = {
	.entity = "minore",
	.title = "Presa in carico",
	.fields_make = intake_fields,
	.access = record_any,	/* the route's permission: case workers */
	.defaults = defaults,
	.check = check,
	.save = save,
	.page = page,
	.next = fascicolo_next,
};
