/*
** The recompute: for each rule, one query reads the facts of a range of
** cases (every open case, a chunk at a time, or one case), the dates are
** computed in C (regole.c), and the result is compared, in key order,
** with what is kept: a new deadline is inserted, a changed one (its hash
** differs) updated, an open one whose rule no longer applies removed.
** Nothing is written when nothing changed, so that the daily recompute
** of every case costs the reading. Writes through scadenza.c only.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interno.h"

/* What is kept of rule :regola for the cases from :da to :a, in key order. */
static const char SQL_SALVATE[] =
    "SELECT minore_id, oggetto_id, firma FROM scadenze"
    " WHERE regola = :regola AND minore_id BETWEEN :da AND :a"
    " ORDER BY minore_id, oggetto_id";

/* A write the comparison decided, done once both reads are over. */
struct op {
	enum { INSERISCI, AGGIORNA, TOGLI } kind;
	struct scadenza s;
};
struct ops {
	struct pool pool;
	struct op *v;
	size_t n, cap;
};

static struct op *
op_add(struct ops *o, int kind)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 256;
		o->v = xrealloc(o->v, o->cap * sizeof *o->v);
	}
	memset(&o->v[o->n], 0, sizeof o->v[o->n]);
	o->v[o->n].kind = kind;
	return &o->v[o->n++];
}

/*
** The deadline of the facts' current row, computed: 0, or -1 when its
** start is not a date (a value typed outside the forms): no deadline.
** Strings in `pool` (they outlive the statement's row).
*/
static int
fatto(const struct regola *g, struct stmt *st, struct pool *pool,
    struct scadenza *s)
{
	const char *fissata = db_is_null(st, "fissata") ? NULL :
	    db_text(st, "fissata");

	memset(s, 0, sizeof *s);
	s->minore = db_int(st, "minore_id");
	s->oggetto = db_int(st, "oggetto_id");
	s->utente = db_int(st, "utente_id");
	if (regola_calcola(g, db_text(st, "inizio"), fissata, &s->c) != 0)
		return -1;
	s->inizio = pool_strdup(pool, db_text(st, "inizio"));
	s->fatta_il = db_is_null(st, "fatta_il") ? NULL :
	    pool_strdup(pool, db_text(st, "fatta_il"));
	s->firma = scadenza_firma(s);
	return 0;
}

/* -1, 0 or 1 as key (a1, b1) is before, the same as or after (a2, b2). */
static int
chiave_cmp(long long a1, long long b1, long long a2, long long b2)
{
	if (a1 != a2)
		return a1 < a2 ? -1 : 1;
	return b1 < b2 ? -1 : b1 > b2;
}

/* Rule `g` for the cases from `da` to `a`: the writes it needs into `o`. */
static int
confronta(const struct regola *g, long long da, long long a, struct ops *o)
{
	struct stmt *f = db_query(g->sql, ARGS(ARG_INT("da", da),
	    ARG_INT("a", a)));
	struct stmt *k = db_query(SQL_SALVATE, ARGS(ARG_TEXT("regola",
	    g->codice), ARG_INT("da", da), ARG_INT("a", a)));
	int hf = db_step(f), hk = db_step(k), rc = 0;
	long long last_m = -1, last_o = -1;

	while (hf == SQLITE_ROW || hk == SQLITE_ROW) {
		long long fm = 0, fo = 0, km = 0, ko = 0;
		int c;

		if (hf == SQLITE_ROW) {
			fm = db_int(f, "minore_id");
			fo = db_int(f, "oggetto_id");
			/* One deadline per key: a repeated key is ignored. */
			if (fm == last_m && fo == last_o) {
				hf = db_step(f);
				continue;
			}
		}
		if (hk == SQLITE_ROW) {
			km = db_int(k, "minore_id");
			ko = db_int(k, "oggetto_id");
		}
		c = hf != SQLITE_ROW ? 1 : hk != SQLITE_ROW ? -1 :
		    chiave_cmp(fm, fo, km, ko);
		if (c <= 0) {
			struct scadenza s;

			last_m = fm;
			last_o = fo;
			/* A start that is no date: as if there were no fact. */
			if (fatto(g, f, &o->pool, &s) != 0)
				c = c == 0 ? 2 : c;
			else if (c < 0)
				op_add(o, INSERISCI)->s = s;
			else if ((unsigned long long)db_int(k, "firma") !=
			    s.firma)
				op_add(o, AGGIORNA)->s = s;
			hf = db_step(f);
		}
		if (c >= 1) {
			struct op *x = op_add(o, TOGLI);

			x->s.minore = km;
			x->s.oggetto = ko;
		}
		if (c >= 0)
			hk = db_step(k);
	}
	if (hf < 0 || hk < 0)
		rc = -1;
	db_done(f);
	db_done(k);
	return rc;
}

/*
** Recomputes the cases from `da` to `a` in the caller's write transaction
** and sends the notices due (with `notices` off, only records their
** levels). The number of deadlines written, or -1.
*/
int
ricalcolo(long long da, long long a, int notices)
{
	const struct regola *const *v;
	size_t n = regole_tutte(&v);
	long long now = (long long)time(NULL);
	int written = 0;

	for (size_t i = 0; i < n; i++) {
		struct ops o = { .pool = { 0 } };
		int rc = confronta(v[i], da, a, &o);

		for (size_t k = 0; rc == 0 && k < o.n; k++) {
			const struct op *x = &o.v[k];

			if (x->kind == INSERISCI)
				rc = scadenza_inserisci(v[i], &x->s, now,
				    notices);
			else if (x->kind == AGGIORNA)
				rc = scadenza_aggiorna(v[i], &x->s, now,
				    notices);
			else
				rc = scadenza_togli(v[i], x->s.minore,
				    x->s.oggetto);
		}
		written += (int)o.n;
		free(o.v);
		pool_free(&o.pool);
		if (rc != 0)
			return -1;
	}
	if (avvisi_invia(da, a, now, notices) < 0 ||
	    scadenze_ricalcolati(da, a) != 0 ||
	    (written > 0 && scadenze_cambiate() != 0))
		return -1;
	return written;
}

/*
** Case `minore`'s deadlines as its facts make them now, without keeping
** them (a case marked for recompute, shown before the recompute runs):
** `each` for every one, rule by rule. 0, or -1.
*/
int
ricalcolo_caso_vivo(struct pool *pool, long long minore,
    int (*each)(const struct regola *, const struct scadenza *, void *),
    void *ctx)
{
	const struct regola *const *v;
	size_t n = regole_tutte(&v);
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct stmt *f = db_query(v[i]->sql, ARGS(ARG_INT("da", minore),
		    ARG_INT("a", minore)));
		int h = 0;

		while (rc == 0 && (h = db_step(f)) == SQLITE_ROW) {
			struct scadenza s;

			if (fatto(v[i], f, pool, &s) == 0)
				rc = each(v[i], &s, ctx);
		}
		if (h < 0)
			rc = -1;
		db_done(f);
	}
	return rc;
}

/* Cases per transaction of the recompute of every case. */
#define BLOCCO 20000

static const char SQL_ULTIMO[] = "SELECT coalesce(max(id), 0) FROM minori";

/*
** Every case, BLOCCO at a time (a write transaction each, so that the
** users' saves wait at most for one block), then the rules' fingerprint
** recorded. With `notices` off the levels reached are recorded untold
** (the first computation, the demo). The deadlines written, or -1.
*/
int
scadenze_ricalcola(int notices)
{
	long long ultimo = db_value(SQL_ULTIMO, NO_ARGS, 0);
	int written = 0;

	for (long long da = 0; da <= ultimo; da += BLOCCO) {
		/* The last block takes any case added meanwhile. */
		long long a = da + BLOCCO > ultimo ? LLONG_MAX :
		    da + BLOCCO - 1;
		int n;

		if (db_begin_write() != 0)
			return -1;
		if ((n = ricalcolo(da, a, notices)) < 0) {
			db_rollback();
			return -1;
		}
		if (db_commit() != 0)
			return -1;
		written += n;
	}
	if (db_begin_write() != 0 || scadenze_impronta_salva(
	    regole_impronta()) != 0 || db_commit() != 0)
		return -1;
	return written;
}

int
scadenze_caso(struct request *r, long long minore)
{
	int own, rc;

	(void)r;
	if (db_begin_own(&own) != 0)
		return -1;
	rc = ricalcolo(minore, minore, 1) < 0 ? -1 : 0;
	return db_end_own(own, rc);
}
