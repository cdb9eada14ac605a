/*
** What changed between two versions of a PEI, field by field: each
** section's fields compared as the page shows them (a choice's label, an
** Italian date); a list's rows matched by their chiave, so a row added,
** removed or changed is told apart; the vulnerabilities by category.
** /minori/N/pei/confronto?da=A&a=B shows it (version ids, not personal
** data, in the query).
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

/* One version's rows of a section, as displayed values. */
struct rows {
	size_t n;
	long long *key;
	const char ***v;	/* v[row][field] */
};

static void
read_rows(struct pool *p, struct stmt *st, const struct field *f, size_t nf,
    const char *key, struct rows *out)
{
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	while (db_step(st) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			long long *k = pool_alloc(p, ncap * sizeof *k);
			const char ***v = pool_alloc(p, ncap * sizeof *v);

			if (cap) {
				memcpy(k, out->key, cap * sizeof *k);
				memcpy(v, out->v, cap * sizeof *v);
			}
			out->key = k;
			out->v = v;
			cap = ncap;
		}
		out->key[out->n] = key ? db_int(st, key) : 0;
		out->v[out->n] = pool_alloc(p, (nf ? nf : 1) * sizeof(char *));
		for (size_t i = 0; i < nf; i++) {
			const char *s = sezione_value(&f[i], db_text(st,
			    f[i].name), p);

			out->v[out->n][i] = s ? pool_strdup(p, s) : NULL;
		}
		out->n++;
	}
	db_done(st);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

struct diff {
	struct pool *p;
	struct differenza *d;
	size_t n, cap;
};

static void
add(struct diff *x, const char *sezione, const char *elemento,
    const char *campo, const char *prima, const char *dopo)
{
	if (x->n == x->cap) {
		size_t ncap = x->cap ? 2 * x->cap : 32;
		struct differenza *d = pool_alloc(x->p, ncap * sizeof *d);

		if (x->cap)
			memcpy(d, x->d, x->cap * sizeof *d);
		x->d = d;
		x->cap = ncap;
	}
	x->d[x->n++] = (struct differenza){ sezione, elemento, campo, prima,
	    dopo };
}

static size_t
find(const struct rows *r, long long key)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->key[i] == key)
			return i;
	return (size_t)-1;
}

/* The row's name in the list: its first value (a relative's relation). */
static const char *
item(struct pool *p, const char *title, const char *const *v, size_t i)
{
	return pool_printf(p, "%s %zu%s%s", title, i + 1, v[0] ? ": " : "",
	    v[0] ? v[0] : "");
}

/* Compares the rows of one section (or the vulnerabilities). */
static void
compare(struct diff *x, const char *sezione, const char *title,
    const struct field *f, size_t nf, const struct rows *a,
    const struct rows *b, int list)
{
	for (size_t j = 0; j < b->n; j++) {
		size_t i = list ? find(a, b->key[j]) : a->n ? 0 : (size_t)-1;
		const char *el = list ? item(x->p, title, b->v[j], j) : NULL;

		for (size_t k = 0; k < nf; k++) {
			const char *was = i == (size_t)-1 ? NULL : a->v[i][k];

			if (!same(was, b->v[j][k]))
				add(x, sezione, el, f[k].label, was, b->v[j][k]);
		}
	}
	for (size_t i = 0; i < a->n; i++) {
		if ((list ? find(b, a->key[i]) : b->n ? 0 : (size_t)-1) !=
		    (size_t)-1)
			continue;
		for (size_t k = 0; k < nf; k++)
			if (a->v[i][k])
				add(x, sezione, list ? pool_printf(x->p,
				    "%s (tolto)", item(x->p, title, a->v[i],
				    i)) : NULL, f[k].label, a->v[i][k], NULL);
	}
}

/* The vulnerabilities' fields, for comparing them like a section. */
static const struct field vuln_fields[] = {
	{ "esito", "Esito", .type = FIELD_TEXT },
	{ "data", "Data della valutazione", .type = FIELD_DATE },
	{ "fonte", "Fonte", .type = FIELD_TEXT },
	{ "note", "Note", .type = FIELD_TEXT },
	{ "indicatori", "Indicatori di tratta", .type = FIELD_TEXT },
};

static void
vulnerabilities(struct diff *x, long long da, long long a)
{
	struct rows r[2];
	long long v[2] = { da, a };
	size_t nesiti;
	const struct choice *esiti = vulnerabilita_esiti(&nesiti);

	for (int k = 0; k < 2; k++) {
		read_rows(x->p, vulnerabilita_rows(v[k]), vuln_fields,
		    COUNT(vuln_fields), "categoria", &r[k]);
		for (size_t i = 0; i < r[k].n; i++) {
			/* Labels, as the page shows them. */
			r[k].v[i][0] = choice_label(esiti, nesiti, r[k].v[i][0]);
			if (r[k].v[i][4])
				r[k].v[i][4] = vulnerabilita_indicatori(x->p,
				    r[k].v[i][4]);
		}
	}
	for (size_t j = 0; j < r[1].n; j++) {
		size_t i = find(&r[0], r[1].key[j]);
		const char *el = choice_label(pei_categorie, pei_ncategorie,
		    pool_printf(x->p, "%lld", r[1].key[j]));

		for (size_t k = 0; k < COUNT(vuln_fields); k++) {
			const char *was = i == (size_t)-1 ? NULL : r[0].v[i][k];

			if (!same(was, r[1].v[j][k]))
				add(x, "Vulnerabilità", el, vuln_fields[k].label,
				    was, r[1].v[j][k]);
		}
	}
}

/*
** The differences from version `da` to version `a`, in the order of the
** sections; *n of them in *out (allocated in `p`). 0, or -1.
*/
int
pei_confronta(struct pool *p, long long da, long long a,
    struct differenza **out, size_t *n)
{
	struct diff x = { .p = p };

	for (size_t s = 0; pei_sezioni[s]; s++) {
		const struct sezione *z = pei_sezioni[s];
		struct rows r[2];

		read_rows(p, sezione_rows(z, da), z->rec.fields, z->rec.nfields,
		    z->list ? "chiave" : NULL, &r[0]);
		read_rows(p, sezione_rows(z, a), z->rec.fields, z->rec.nfields,
		    z->list ? "chiave" : NULL, &r[1]);
		compare(&x, z->list ? z->plural : z->rec.title, z->rec.title,
		    z->rec.fields,
		    z->rec.nfields, &r[0], &r[1], z->list);
		if (z == &pei_colloquio)
			vulnerabilities(&x, da, a);	/* as the page has them */
	}
	if (db_failed())
		return -1;
	*out = x.d;
	*n = x.n;
	return 0;
}

static const char SQL_VERSIONE[] =
    "SELECT id, versione, stato FROM pei WHERE id = :id AND minore_id = :minore";
static const char SQL_PRIMA[] =
    "SELECT coalesce(p.da_versione, (SELECT id FROM pei q WHERE"
    " q.minore_id = p.minore_id AND q.versione < p.versione"
    " ORDER BY q.versione DESC LIMIT 1)) FROM pei p WHERE p.id = :id";
static const char SQL_VERSIONI[] =
    "SELECT id, versione, stato FROM pei WHERE minore_id = :minore"
    " ORDER BY versione DESC";

/* A version number from the query string, or 0. */
static long long
query_id(struct request *r, const char *name)
{
	const char *s = request_get(r, name);
	long long v;

	return s && parse_int64(s, &v) == 0 && v > 0 ? v : 0;
}

/* GET /minori/N/pei/confronto?da=A&a=B */
int
pei_confronto(struct request *r)
{
	long long minore = r->id[0], da, a;
	struct differenza *d;
	struct row va, vd;
	size_t n;
	int rc;

	if ((rc = minore_access(r, minore, 0)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "minore", minore, "confronto");
		return 403;
	}
	a = query_id(r, "a");
	if (a == 0)
		a = db_value("SELECT id FROM pei WHERE minore_id = :minore"
		    " ORDER BY versione DESC LIMIT 1", ARGS(ARG_INT("minore",
		    minore)), 0);
	da = query_id(r, "da");
	if (da == 0)
		da = db_value(SQL_PRIMA, ARGS(ARG_INT("id", a)), 0);
	if (db_row(&r->pool, SQL_VERSIONE, ARGS(ARG_INT("id", a),
	    ARG_INT("minore", minore)), &va) != 1 || db_row(&r->pool,
	    SQL_VERSIONE, ARGS(ARG_INT("id", da), ARG_INT("minore", minore)),
	    &vd) != 1)
		return 404;
	if (audit_view(r, "minore", minore, "pei.confronto") != 0)
		return 500;
	if ((rc = fascicolo_header(r, minore, 1)) != 0)
		return rc;
	if (pei_confronta(&r->pool, da, a, &d, &n) != 0)
		return 500;
	page_set(r, "Diff.da", row_get(&vd, "versione"));
	page_set(r, "Diff.a", row_get(&va, "versione"));
	page_set_int(r, "Diff.da_id", da);
	page_set_int(r, "Diff.a_id", a);
	page_set_int(r, "Diff.n", (long long)n);
	for (size_t i = 0, s = 0; i < n; i++) {
		HDF *row;

		if (i > 0 && strcmp(d[i].sezione, d[i - 1].sezione) != 0)
			s++;
		row = page_row(r, "Diff.sezioni", (int)s);
		row_set(row, "title", d[i].sezione);
		row = row_child(row, "righe", (int)hdf_get_int_value(row, "n",
		    0));
		hdf_set_int_value(page_row(r, "Diff.sezioni", (int)s), "n",
		    hdf_get_int_value(page_row(r, "Diff.sezioni", (int)s), "n",
		    0) + 1);
		if (d[i].elemento)
			row_set(row, "elemento", d[i].elemento);
		row_set(row, "campo", d[i].campo);
		if (d[i].prima)
			row_set(row, "prima", d[i].prima);
		if (d[i].dopo)
			row_set(row, "dopo", d[i].dopo);
	}
	page_rows(r, "Diff.versioni", db_query(SQL_VERSIONI,
	    ARGS(ARG_INT("minore", minore))), 0, row_label, &(struct label){
	    "stato", "stato_label", pei_stati, pei_nstati });
	return page_render(r, "pei/confronto.cs", "Confronto tra versioni");
}
