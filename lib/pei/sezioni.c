/*
** What every section of a PEI version shares. A section's fields are
** its table's columns; the statements that read, write, copy and list it
** are made once per process from its field table (each is then a
** statement with static storage, as db_prepare() wants), and the record
** editor's hooks here run the one flow for all of them:
**
**   a scheda (one row per version): /minori/N/pei/NAME edits the row of
**     the version being written, created on the first save;
**   a list: /minori/N/pei/NAME/nuova adds a row to it (or, for a list
**     under another's row, /minori/N/pei/PARENT/M/NAME/nuova), and
**     /minori/N/pei/NAME/M edits row M; POST .../M/elimina removes it.
**
** Only the version being written changes (bozza or restituita): the
** check, inside the editor's transaction, says so next to the form when
** the version was submitted meanwhile, and keeps what was typed; the
** triggers of sql/009_pei_contenuti.sql refuse it in any case.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"
#include "session.h"

const struct sezione *const pei_sezioni[] = {
	&pei_anamnesi, &pei_familiari, &pei_transiti,
	&pei_colloquio,
	&pei_valutazione, &pei_invii,
	&pei_obiettivi, &pei_azioni,
	&pei_parere,
	NULL,
};

enum kind {
	SQL_EDIT,	/* the row being edited: :id is the minor or the row */
	SQL_WRITE,	/* scheda: upsert; list: update of row :id */
	SQL_ADD,	/* a list's new row under :parent */
	SQL_COPY,	/* :from's rows into version :to */
	SQL_ROWS,	/* version :pei's rows, to show or compare */
	SQL_OWNER,	/* a list row's minor and version state */
	SQL_PARENT_OWNER,	/* the same for the row a new row goes under */
	SQL_DELETE,
	SQL_CHILDREN,	/* the rows under row :id (another list's) */
	SQL_KINDS
};

#define NSEZIONI 16
static const char *statements[NSEZIONI][SQL_KINDS];

/* The section's place among all: the versions' first, then the path's. */
static size_t
index_of(const struct sezione *s)
{
	size_t i, k;

	for (i = 0; pei_sezioni[i] && pei_sezioni[i] != s; i++)
		;
	if (pei_sezioni[i])
		return i;
	for (k = 0; pei_percorso[k] && pei_percorso[k] != s; k++)
		;
	return pei_percorso[k] ? i + k : NSEZIONI;
}

/* Does a new version start with field `c` of section `s` empty? */
static int
starts_fresh(const struct sezione *s, const char *c)
{
	for (const char *const *f = s->fresh; f && *f; f++)
		if (strcmp(*f, c) == 0)
			return 1;
	return 0;
}

/* How a column is written in a statement (a checkbox's NULL is 0). */
enum style {
	COL,		/* col */
	COL_X,		/* x.col */
	COL_READ,	/* col, or nullif(col, 0) AS col: a box not ticked */
	COL_PARAM,	/* :col, or coalesce(:col, 0) */
	COL_SET,	/* col = :col, or col = coalesce(:col, 0) */
	COL_EXCLUDED	/* col = excluded.col */
};

static void
columns(struct buf *b, const struct sezione *s, enum style style)
{
	for (size_t i = 0; i < s->rec.nfields; i++) {
		const char *c = s->rec.fields[i].name;
		int box = s->rec.fields[i].type == FIELD_CHECKBOX;

		if (i > 0)
			buf_puts(b, ", ");
		switch (style) {
		case COL:
			buf_puts(b, c);
			break;
		case COL_X:
			if (starts_fresh(s, c))
				buf_puts(b, "NULL");
			else
				buf_printf(b, "x.%s", c);
			break;
		case COL_READ:
			if (box)
				buf_printf(b, "nullif(%s, 0) AS %s", c, c);
			else
				buf_puts(b, c);
			break;
		case COL_PARAM:
			buf_printf(b, box ? "coalesce(:%s, 0)" : ":%s", c);
			break;
		case COL_SET:
			buf_printf(b, box ? "%s = coalesce(:%s, 0)" : "%s = :%s",
			    c, c);
			break;
		case COL_EXCLUDED:
			buf_printf(b, "%s = excluded.%s", c, c);
			break;
		}
	}
}

static void
make(struct buf *b, const struct sezione *s, enum kind k)
{
	const char *t = s->table;

	switch (k) {
	case SQL_EDIT:
		buf_puts(b, "SELECT ");
		columns(b, s, COL_READ);
		buf_printf(b, " FROM %s WHERE ", t);
		buf_puts(b, s->list ? "id = :id" : s->caso ? "minore_id = :id" :
		    "pei_id = " PEI_BOZZA(":id"));
		break;
	case SQL_WRITE:
		if (s->list) {
			buf_printf(b, "UPDATE %s SET ", t);
			columns(b, s, COL_SET);
			buf_puts(b, " WHERE id = :id");
			break;
		}
		buf_printf(b, "INSERT INTO %s (%s, ", t, s->caso ? "minore_id" :
		    "pei_id");
		columns(b, s, COL);
		buf_puts(b, s->caso ? ") VALUES (:id, " :
		    ") VALUES (" PEI_BOZZA(":id") ", ");
		columns(b, s, COL_PARAM);
		buf_printf(b, ") ON CONFLICT (%s) DO UPDATE SET ", s->caso ?
		    "minore_id" : "pei_id");
		columns(b, s, COL_EXCLUDED);
		break;
	case SQL_ADD:
		buf_printf(b, "INSERT INTO %s (pei_id, ", t);
		if (s->parent)
			buf_printf(b, "%s, ", s->parent);
		columns(b, s, COL);
		if (s->parent)
			buf_printf(b, ") VALUES ((SELECT pei_id FROM %s WHERE id ="
			    " :parent), :parent, ", s->parent_table);
		else
			buf_puts(b, ") VALUES (" PEI_BOZZA(":parent") ", ");
		columns(b, s, COL_PARAM);
		buf_puts(b, ")");
		break;
	case SQL_COPY:
		buf_printf(b, "INSERT INTO %s (pei_id, ", t);
		if (s->list)
			buf_puts(b, "chiave, ");
		if (s->parent)
			buf_printf(b, "%s, ", s->parent);
		columns(b, s, COL);
		buf_puts(b, ") SELECT :to, ");
		if (s->list)
			buf_puts(b, "x.chiave, ");
		if (s->parent)
			buf_printf(b, "(SELECT n.id FROM %s n WHERE n.pei_id = :to"
			    " AND n.chiave = o.chiave), ", s->parent_table);
		columns(b, s, COL_X);
		buf_printf(b, " FROM %s x", t);
		if (s->parent)
			buf_printf(b, " JOIN %s o ON o.id = x.%s", s->parent_table,
			    s->parent);
		buf_puts(b, " WHERE x.pei_id = :from");
		if (s->list)
			buf_puts(b, " ORDER BY x.id");
		break;
	case SQL_ROWS:
		buf_puts(b, "SELECT ");
		if (s->list)
			buf_puts(b, "id, chiave, ");
		if (s->parent)
			buf_printf(b, "%s AS parent, ", s->parent);
		columns(b, s, COL);
		buf_printf(b, " FROM %s WHERE %s = :pei", t, s->caso ?
		    "minore_id" : "pei_id");
		if (s->list)
			buf_printf(b, " ORDER BY %s", s->order ? s->order : "id");
		break;
	case SQL_OWNER:
	case SQL_PARENT_OWNER:
		buf_printf(b, "SELECT p.minore_id, p.stato IN ('bozza',"
		    " 'restituita') AS scrivibile FROM %s x JOIN pei p ON"
		    " p.id = x.pei_id WHERE x.id = :id",
		    k == SQL_OWNER ? t : s->parent_table);
		break;
	case SQL_DELETE:
		buf_printf(b, "DELETE FROM %s WHERE id = :id", t);
		break;
	case SQL_CHILDREN:
		buf_printf(b, "SELECT id FROM %s WHERE %s = :id ORDER BY id", t,
		    s->parent ? s->parent : "id");
		break;
	case SQL_KINDS:
		break;
	}
}

/* The statement of kind `k` for section `s`, made on first use. */
static const char *
sql(const struct sezione *s, enum kind k)
{
	size_t i = index_of(s);

	if (i >= NSEZIONI) {
		log_error("pei: section %s is not in pei_sezioni", s->rec.name);
		abort();
	}
	if (statements[i][k] == NULL) {
		struct buf b = { 0 };

		make(&b, s, k);
		statements[i][k] = xstrdup(b.p);
		buf_free(&b);
	}
	return statements[i][k];
}

static const struct sezione *
of(const struct edit *e)
{
	return (const struct sezione *)e->rec;
}

/* The minor whose PEI the form is about: the path's first number. */
static long long
minor(const struct edit *e)
{
	return e->r->id[0];
}

/*
** A list row's minor, and whether its version is being written (from the
** row, or from the row a new one goes under); 0 if found, 1 if not, -1.
*/
static int
owner(struct request *r, const struct sezione *s, enum kind k, long long row,
    long long *minore, int *scrivibile)
{
	struct row v;
	int found = db_row(&r->pool, sql(s, k), ARGS(ARG_INT("id", row)), &v);

	if (found <= 0)
		return found < 0 ? -1 : 1;
	*minore = strtoll(row_get(&v, "minore_id"), NULL, 10);
	*scrivibile = strcmp(row_get(&v, "scrivibile"), "1") == 0;
	return 0;
}

/* Does a list row (or the row a new one goes under) belong to the case? */
static int
row_of_case(const struct edit *e, int *scrivibile)
{
	const struct sezione *s = of(e);
	long long m = 0;
	int rc;

	*scrivibile = 1;
	if (!s->list || (e->parent && !s->parent))
		return 0;
	rc = owner(e->r, s, e->parent ? SQL_PARENT_OWNER : SQL_OWNER,
	    e->parent ? e->parent : e->id, &m, scrivibile);
	if (rc < 0)
		return 500;
	return rc == 0 && m == minor(e) ? 0 : 404;
}

/* The case's writers; a list row must be one of this case's PEI. */
int
sezione_access_edit(struct edit *e)
{
	int scrivibile, rc = row_of_case(e, &scrivibile);

	return rc != 0 ? rc : minore_access(e->r, minor(e), 1);
}

/* Is the version the form writes in being written (bozza, restituita)? */
static int
writable(const struct edit *e)
{
	int scrivibile;

	if (of(e)->caso)
		return 1;	/* the case's, not a version's */
	if (of(e)->list && (e->id || of(e)->parent))
		return row_of_case(e, &scrivibile) == 0 && scrivibile;
	return pei_in_lavorazione(minor(e)) != 0;
}

/* The stored row of the form (a scheda's, or a list row's), if any. */
static int
load(struct edit *e)
{
	if (of(e)->list && e->id == 0)
		return 0;
	return db_row(&e->r->pool, sql(of(e), SQL_EDIT), ARGS(ARG_INT("id",
	    e->id)), &e->current) < 0 ? -1 : 0;
}

/* GET: the stored values, or a new row's defaults. */
void
sezione_defaults(struct edit *e)
{
	if (load(e) != 0)
		return;
	if (e->current.n == 0) {
		if (of(e)->defaults)
			of(e)->defaults(e);
		return;
	}
	for (size_t i = 0; i < e->form.n; i++)
		form_set(e->r, &e->form, e->fields[i].name,
		    edit_current(e, e->fields[i].name));
}

/* POST, in the transaction: still being written, then the section's rules. */
void
sezione_check(struct edit *e)
{
	if (!writable(e)) {
		form_fail(&e->form, NULL, "Questa versione del PEI non è più in "
		    "lavorazione: è stata inviata o approvata mentre scrivevi. "
		    "Nulla è stato salvato.");
		return;
	}
	if (load(e) != 0) {
		db_fail();
		return;
	}
	e->detail = pool_printf(&e->r->pool, "pei.%s%s", of(e)->caso ?
	    "percorso." : "", e->rec->name);
	if (of(e)->check)
		of(e)->check(e);
}

/* POST: writes the row (a scheda's upsert, a list row's update or insert). */
int
sezione_save(struct edit *e)
{
	const struct sezione *s = of(e);
	int add = s->list && e->id == 0;
	struct stmt *st = db_prepare(sql(s, add ? SQL_ADD : SQL_WRITE));
	int rc;

	form_bind(&e->form, st);
	if (add)
		db_bind_int(st, "parent", e->parent);
	else
		db_bind_int(st, "id", e->id);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	if (add)
		e->id = db_last_id();
	return 0;
}

/* Where the form posts: its own path, as the route names it. */
static const char *
action(const struct edit *e)
{
	const struct sezione *s = of(e);
	struct pool *p = &e->r->pool;
	long long m = minor(e);

	if (s->caso)
		return pool_printf(p, "/minori/%lld/pei/percorso/%s", m,
		    s->rec.name);
	if (!s->list)
		return pool_printf(p, "/minori/%lld/pei/%s", m, s->rec.name);
	if (e->id)
		return pool_printf(p, "/minori/%lld/pei/%s/%lld", m, s->rec.name,
		    e->id);
	if (s->parent)
		return pool_printf(p, "/minori/%lld/pei/%s/%lld/%s/nuova", m,
		    s->parent_table + strlen("pei_"), e->parent, s->rec.name);
	return pool_printf(p, "/minori/%lld/pei/%s/nuova", m, s->rec.name);
}

/* The form under the case's header; without a version being written, the
** PEI page says what to do. */
int
sezione_page(struct edit *e)
{
	struct request *r = e->r;
	int rc;

	if (e->form.nerrors == 0 && !writable(e)) {
		session_set_errore(r, pei_in_lavorazione(minor(e)) ?
		    "Questa voce è di una versione già inviata o approvata: "
		    "modificala nella versione in lavorazione." :
		    "Il PEI non ha una versione in lavorazione: aprine una per "
		    "modificarlo.");
		return response_redirect(r, pool_printf(&r->pool,
		    "/minori/%lld/pei", minor(e)));
	}
	if ((rc = fascicolo_header(r, minor(e), 1)) != 0)
		return rc;
	form_page(r, &e->form);
	page_set(r, "Section.action", action(e));
	page_set(r, "Section.title", e->rec->title);
	page_set(r, "Section.name", e->rec->name);
	if (of(e)->list && e->id)
		page_set(r, "Section.elimina", pool_printf(&r->pool, "%s/elimina",
		    action(e)));
	return page_render(r, "pei/sezione.cs", e->rec->title);
}

const char *
sezione_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/%lld/pei#%s", minor(e),
	    of(e)->caso ? "percorso" : of(e)->parent ?
	    of(e)->parent_table + strlen("pei_") : e->rec->name);
}

/* The section named by the path's part after /pei/ (elimina's route). */
static const struct sezione *
named(const char *path)
{
	const char *p = strstr(path, "/pei/");
	size_t n;

	if (p == NULL)
		return NULL;
	p += strlen("/pei/");
	n = strcspn(p, "/");
	for (size_t i = 0; pei_sezioni[i]; i++)
		if (pei_sezioni[i]->list &&
		    strlen(pei_sezioni[i]->rec.name) == n &&
		    strncmp(pei_sezioni[i]->rec.name, p, n) == 0)
			return pei_sezioni[i];
	return NULL;
}

/* Removes row `id` of list `s` and, first, the rows under it, audited. */
static int
remove_row(struct request *r, const struct sezione *s, long long id)
{
	struct edit e;

	memset(&e, 0, sizeof e);
	e.r = r;
	e.rec = &s->rec;
	e.id = id;
	form_init(&e.form, s->rec.fields, s->rec.nfields);
	if (load(&e) != 0)
		return -1;
	for (size_t i = 0; pei_sezioni[i]; i++) {
		const struct sezione *c = pei_sezioni[i];
		struct stmt *st;
		long long ids[256];
		size_t n = 0;

		if (c->parent_table == NULL || strcmp(c->parent_table,
		    s->table) != 0)
			continue;
		st = db_query(sql(c, SQL_CHILDREN), ARGS(ARG_INT("id", id)));
		while (db_step(st) == SQLITE_ROW)
			ids[n < COUNT(ids) ? n++ : n] = db_int(st, "id");
		db_done(st);
		if (n >= COUNT(ids))
			return -1;
		for (size_t j = 0; j < n; j++)
			if (remove_row(r, c, ids[j]) != 0)
				return -1;
		n = 0;
	}
	for (size_t i = 0; i < s->rec.nfields; i++)
		edit_change(&e, s->rec.fields[i].name, edit_current(&e,
		    s->rec.fields[i].name), NULL);
	if (db_write(sql(s, SQL_DELETE), ARGS(ARG_INT("id", id))) != 0)
		return -1;
	return audit_record(r, "delete", s->table, id, pool_printf(&r->pool,
	    "pei.%s", s->rec.name), e.changes, e.nchanges) < 0 ? -1 : 0;
}

/* POST /minori/N/pei/NAME/M/elimina: removes a row of the version being
** written (and the rows under it: an objective's actions). */
int
sezione_elimina(struct request *r)
{
	const struct sezione *s = named(r->path);
	long long m = 0;
	int scrivibile = 0, rc;

	if (s == NULL)
		return 404;
	if ((rc = owner(r, s, SQL_OWNER, r->id[1], &m, &scrivibile)) != 0)
		return rc < 0 ? 500 : 404;
	if (m != r->id[0])
		return 404;
	if ((rc = minore_access(r, m, 1)) != 0)
		return rc;
	if (db_begin_write() != 0)
		return 500;
	if (owner(r, s, SQL_OWNER, r->id[1], &m, &scrivibile) != 0 ||
	    !scrivibile) {
		db_rollback();
		session_set_errore(r, "Questa versione del PEI non è più in "
		    "lavorazione: nulla è stato eliminato.");
	} else if (remove_row(r, s, r->id[1]) != 0 || db_commit() != 0)
		return 500;
	else
		session_set_avviso(r, "Eliminato dal PEI.");
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld/pei#%s",
	    m, s->parent ? s->parent_table + strlen("pei_") : s->rec.name));
}

/* Copies section `s` of version `from` into the new version `to`. */
int
sezione_copy(const struct sezione *s, long long from, long long to)
{
	return db_write(sql(s, SQL_COPY), ARGS(ARG_INT("from", from),
	    ARG_INT("to", to)));
}

/* Version `pei_id`'s rows of section `s` (columns named as the fields;
** a list's with id and chiave, and parent for a list under another). */
struct stmt *
sezione_rows(const struct sezione *s, long long pei_id)
{
	return db_query(sql(s, SQL_ROWS), ARGS(ARG_INT("pei", pei_id)));
}

/* A stored value as the page shows it: a choice's label, an Italian date,
** "Sì" for a ticked box; NULL when there is nothing to show. */
const char *
sezione_value(const struct field *f, const char *stored, struct pool *p)
{
	char it[11];

	if (stored == NULL || *stored == '\0')
		return NULL;
	switch (f->type) {
	case FIELD_CHOICE:
		return choice_label(f->choices, f->nchoices, stored);
	case FIELD_DATE:
		date_it(stored, it);
		return pool_strdup(p, it);
	case FIELD_CHECKBOX:
		return strcmp(stored, "0") == 0 ? NULL : "Sì";
	default:
		return stored;
	}
}

/*
** Writes a row of section `s` in minor `minore`'s version being written,
** from named values (a field not among them is NULL): a scheda's row, a
** list's new row, or a new row under list row `parent` (an action under
** its objective). The demo's way in; the forms go through the editor.
** Returns the new row's id (0 for a scheda), or -1.
*/
long long
sezione_scrivi(const struct sezione *s, long long minore, long long parent,
    const struct db_arg *a, size_t n)
{
	struct stmt *st = db_prepare(sql(s, s->list ? SQL_ADD : SQL_WRITE));
	int rc;

	for (size_t i = 0; i < s->rec.nfields; i++)
		db_bind_null(st, s->rec.fields[i].name);
	db_bind_args(st, a, n);
	if (s->list)
		db_bind_int(st, "parent", s->parent ? parent : minore);
	else
		db_bind_int(st, "id", minore);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	return s->list ? db_last_id() : 0;
}
