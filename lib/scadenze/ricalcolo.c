/*
** The recompute: the facts of a range of cases (every open case, a block
** at a time, or one case) are read by one query per module for the rules
** about the case's own data (struct gruppo) and one per rule about the
** rows of a list; each deadline's facts are hashed with its rule and
** compared, in key order, with what is kept (for a module's query of the
** case, first the hash of all it gives the case: scadenze_gruppi): a new
** deadline is computed
** (the dates in C, regole.c) and inserted, one whose hash differs
** computed again and updated, an open one whose rule no longer applies
** removed. Nothing is computed or written for what did not change, so
** that the daily recompute of every case costs its reading. Writes
** through scadenza.c only.
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
/* The hashes kept of a module's query of the case, in case order. */
static const char SQL_GRUPPI[] =
    "SELECT minore_id, firma FROM scadenze_gruppi WHERE gruppo = :gruppo"
    " AND minore_id BETWEEN :da AND :a ORDER BY minore_id";
/* A case's deadline of a rule about its own data, as kept; -1 if none. */
static const char SQL_UNA[] =
    "SELECT firma FROM scadenze WHERE regola = :regola"
    " AND minore_id = :minore AND oggetto_id = 0";

/* A write the comparison decided, done once every read is over. */
struct op {
	enum { INSERISCI, AGGIORNA, TOGLI, GRUPPO_SALVA, GRUPPO_TOGLI } kind;
	const struct regola *g;		/* or, for GRUPPO_*, */
	const struct gruppo *gr;	/* the module's query of the case */
	struct scadenza s;
};
struct ops {
	struct pool pool;
	struct op *v;
	size_t n, cap;
};

static struct op *
op_add(struct ops *o, int kind, const struct regola *g)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 256;
		o->v = xrealloc(o->v, o->cap * sizeof *o->v);
	}
	memset(&o->v[o->n], 0, sizeof o->v[o->n]);
	o->v[o->n].kind = kind;
	o->v[o->n].g = g;
	return &o->v[o->n++];
}

/* One rule read from a query of facts: its columns there, what is kept. */
struct flusso {
	const struct regola *g;
	unsigned long long impronta;
	int ci, cf, cx;			/* inizio, fatta_il, fissata (or -1) */
	struct stmt *kept;
	int hk;				/* the kept rows' db_step() */
	int km_col, ko_col, kf_col;	/* their columns */
	long long km, ko;		/* the kept row's key */
};

/*
** A query of facts and the rules it serves (one, or a module's query of
** the case and its rules, with the hashes kept of it); its current row's
** texts, each read once however many rules read it.
*/
#define FLUSSI_MAX 16
#define COLONNE_MAX 32
struct lettura {
	struct stmt *f;
	int cm, co, cu;			/* minore_id, oggetto_id, utente_id */
	struct flusso v[FLUSSI_MAX];
	size_t n;
	const struct gruppo *gr;
	struct stmt *kg;		/* the hashes kept (gr) */
	int hkg, kgm_col, kgf_col;
	long long kgm;
	long long riga;
	long long letta[COLONNE_MAX];	/* the row each text is of */
	const char *testo[COLONNE_MAX];
};

static void avanti(struct flusso *);

static int
colonna(struct stmt *st, const char *name)
{
	return name ? db_column(st, name) : -1;
}

/* Column i of the current row as text, NULL for NULL (or no column). */
static const char *
testo(struct lettura *r, int i)
{
	if (i < 0 || i >= COLONNE_MAX)
		return i < 0 || db_is_null_at(r->f, i) ? NULL :
		    db_text_at(r->f, i);
	if (r->letta[i] != r->riga) {
		r->letta[i] = r->riga;
		r->testo[i] = db_is_null_at(r->f, i) ? NULL :
		    db_text_at(r->f, i);
	}
	return r->testo[i];
}

/*
** Opens the query of `sql` for the cases from `da` to `a` and, unless
** `vivo` (computed, not compared), what is kept of the rules in `r`.
*/
static void
apri(struct lettura *r, const char *sql, long long da, long long a, int vivo)
{
	r->f = db_query(sql, ARGS(ARG_INT("da", da), ARG_INT("a", a)));
	r->riga = 1;	/* letta[] starts at 0: nothing read yet */
	r->cm = db_column(r->f, "minore_id");
	r->co = db_column(r->f, "oggetto_id");
	r->cu = db_column(r->f, "utente_id");
	r->gr = r->v[0].g->gruppo;
	if (r->gr && !vivo) {
		r->kg = db_query(SQL_GRUPPI, ARGS(ARG_TEXT("gruppo",
		    r->gr->codice), ARG_INT("da", da), ARG_INT("a", a)));
		r->kgm_col = db_column(r->kg, "minore_id");
		r->kgf_col = db_column(r->kg, "firma");
		r->hkg = db_step(r->kg);
		r->kgm = r->hkg == SQLITE_ROW ? db_int_at(r->kg, r->kgm_col) :
		    0;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct flusso *x = &r->v[i];
		const struct regola *g = x->g;

		x->impronta = regola_impronta(g);
		x->ci = colonna(r->f, g->gruppo ? g->col_inizio : "inizio");
		x->cf = colonna(r->f, g->gruppo ? g->col_fatta : "fatta_il");
		x->cx = colonna(r->f, g->gruppo ? g->col_fissata : "fissata");
		if (vivo || r->gr)
			continue;
		x->kept = db_query(SQL_SALVATE, ARGS(ARG_TEXT("regola",
		    g->codice), ARG_INT("da", da), ARG_INT("a", a)));
		x->km_col = db_column(x->kept, "minore_id");
		x->ko_col = db_column(x->kept, "oggetto_id");
		x->kf_col = db_column(x->kept, "firma");
		x->hk = SQLITE_ROW;
		avanti(x);
	}
}

/* The kept row of `x` is done with: the next one. */
static void
avanti(struct flusso *x)
{
	x->hk = db_step(x->kept);
	if (x->hk == SQLITE_ROW) {
		x->km = db_int_at(x->kept, x->km_col);
		x->ko = db_int_at(x->kept, x->ko_col);
	}
}

/* -1, 0 or 1 as key (a1, b1) is before, the same as or after (a2, b2). */
static int
chiave_cmp(long long a1, long long b1, long long a2, long long b2)
{
	if (a1 != a2)
		return a1 < a2 ? -1 : 1;
	return b1 < b2 ? -1 : b1 > b2;
}

/*
** The facts of rule `x` in the current row, hashed (no dates yet); 0 if
** it has none. Its strings are the row's, until tieni() copies them.
*/
static int
fatti(struct lettura *r, struct flusso *x, struct scadenza *s)
{
	memset(s, 0, sizeof *s);
	if ((s->inizio = testo(r, x->ci)) == NULL)
		return 0;
	s->minore = db_int_at(r->f, r->cm);
	s->oggetto = db_int_at(r->f, r->co);
	s->utente = db_int_at(r->f, r->cu);	/* NULL: 0 */
	s->fatta_il = testo(r, x->cf);
	s->fissata = testo(r, x->cx);
	s->firma = scadenza_firma(x->impronta, s);
	return 1;
}

/* A deadline that outlives its row: its strings copied into `pool`. */
static struct scadenza
tieni(struct pool *pool, const struct scadenza *s)
{
	struct scadenza t = *s;

	t.inizio = pool_strdup(pool, s->inizio);
	t.fatta_il = s->fatta_il ? pool_strdup(pool, s->fatta_il) : NULL;
	t.fissata = s->fissata ? pool_strdup(pool, s->fissata) : NULL;
	return t;
}

/*
** The writes rule `x` needs for the facts of the current row (key `m`,
** `o`): the kept rows before it removed, then the row inserted, updated
** if its hash differs, or removed if it has no deadline any more.
*/
static void
confronta(struct lettura *r, struct flusso *x, long long m, long long o,
    struct ops *ops)
{
	struct scadenza s;
	int have = fatti(r, x, &s), c = 1;

	while (x->hk == SQLITE_ROW &&
	    (c = chiave_cmp(x->km, x->ko, m, o)) < 0) {
		struct op *d = op_add(ops, TOGLI, x->g);

		d->s.minore = x->km;
		d->s.oggetto = x->ko;
		avanti(x);
	}
	if (x->hk != SQLITE_ROW)
		c = 1;
	if (c == 0) {
		if (!have) {
			struct op *d = op_add(ops, TOGLI, x->g);

			d->s.minore = m;
			d->s.oggetto = o;
		} else if ((unsigned long long)db_int_at(x->kept, x->kf_col) !=
		    s.firma)
			op_add(ops, AGGIORNA, x->g)->s = tieni(&ops->pool, &s);
		avanti(x);
	} else if (have)
		op_add(ops, INSERISCI, x->g)->s = tieni(&ops->pool, &s);
}

/* The hash kept of the module's query is done with: the next one. */
static void
avanti_gruppo(struct lettura *r)
{
	r->hkg = db_step(r->kg);
	if (r->hkg == SQLITE_ROW)
		r->kgm = db_int_at(r->kg, r->kgm_col);
}

/* Case `m`, kept, is no longer in the module's query: none of its rules. */
static void
uscito(struct lettura *r, long long m, struct ops *ops)
{
	for (size_t i = 0; i < r->n; i++)
		op_add(ops, TOGLI, r->v[i].g)->s.minore = m;
	op_add(ops, GRUPPO_TOGLI, NULL)->gr = r->gr;
	ops->v[ops->n - 1].s.minore = m;
}

/*
** The writes case `m`'s row of a module's query of the case needs: none
** if the hash of all its rules' facts is the one kept; else, rule by
** rule, as confronta() does, and the new hash.
*/
static void
confronta_caso(struct lettura *r, long long m, struct ops *ops)
{
	struct scadenza s[FLUSSI_MAX];
	int have[FLUSSI_MAX];
	unsigned long long h = 14695981039346656037ULL;

	while (r->hkg == SQLITE_ROW && r->kgm < m) {
		uscito(r, r->kgm, ops);
		avanti_gruppo(r);
	}
	for (size_t i = 0; i < r->n; i++) {
		have[i] = fatti(r, &r->v[i], &s[i]);
		h = (h ^ (have[i] ? s[i].firma : 0x5ca)) * 1099511628211ULL;
	}
	h >>= 1;	/* a positive SQLite integer */
	if (r->hkg == SQLITE_ROW && r->kgm == m) {
		int same = (unsigned long long)db_int_at(r->kg, r->kgf_col) ==
		    h;

		avanti_gruppo(r);
		if (same)
			return;
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct regola *g = r->v[i].g;
		long long kept = db_value(SQL_UNA, ARGS(ARG_TEXT("regola",
		    g->codice), ARG_INT("minore", m)), -1);

		if (have[i] && kept < 0)
			op_add(ops, INSERISCI, g)->s = tieni(&ops->pool, &s[i]);
		else if (have[i] && (unsigned long long)kept != s[i].firma)
			op_add(ops, AGGIORNA, g)->s = tieni(&ops->pool, &s[i]);
		else if (!have[i] && kept >= 0)
			op_add(ops, TOGLI, g)->s.minore = m;
	}
	op_add(ops, GRUPPO_SALVA, NULL)->gr = r->gr;
	ops->v[ops->n - 1].s.minore = m;
	ops->v[ops->n - 1].s.firma = h;
}

/* Reads the facts of `r`, compared; the writes into `ops`. 0, or -1. */
static int
leggi(struct lettura *r, struct ops *ops)
{
	long long last_m = -1, last_o = -1;
	int h, rc = 0;

	while ((h = db_step(r->f)) == SQLITE_ROW) {
		long long m = db_int_at(r->f, r->cm);
		long long o = db_int_at(r->f, r->co);

		r->riga++;
		/* One deadline per key: a repeated key is ignored. */
		if (m == last_m && o == last_o)
			continue;
		last_m = m;
		last_o = o;
		if (r->gr)
			confronta_caso(r, m, ops);
		else
			for (size_t i = 0; i < r->n; i++)
				confronta(r, &r->v[i], m, o, ops);
	}
	if (h < 0)
		rc = -1;
	if (r->gr) {
		/* The cases kept after the last row: no longer given. */
		while (r->hkg == SQLITE_ROW) {
			uscito(r, r->kgm, ops);
			avanti_gruppo(r);
		}
		if (r->hkg < 0)
			rc = -1;
		db_done(r->kg);
		db_done(r->f);
		return rc;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct flusso *x = &r->v[i];

		/* What is kept after the last fact: no fact any more. */
		while (x->hk == SQLITE_ROW) {
			struct op *d = op_add(ops, TOGLI, x->g);

			d->s.minore = x->km;
			d->s.oggetto = x->ko;
			avanti(x);
		}
		if (x->hk < 0)
			rc = -1;
		db_done(x->kept);
	}
	db_done(r->f);
	return rc;
}

/*
** The queries of facts: one per module's query of the case, with every
** rule that reads it, then one per rule with a query of its own. Calls
** `each` for each; 0, or what `each` returned first.
*/
static int
letture(int (*each)(struct lettura *, void *), void *ctx)
{
	const struct regola *const *v;
	size_t n = regole_tutte(&v);
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct lettura r = { .n = 0 };
		int first = 1;

		if (v[i]->gruppo) {
			/* A module's query, at its first rule only. */
			for (size_t k = 0; k < i; k++)
				if (v[k]->gruppo == v[i]->gruppo)
					first = 0;
			if (!first)
				continue;
			for (size_t k = i; k < n && r.n < FLUSSI_MAX; k++)
				if (v[k]->gruppo == v[i]->gruppo)
					r.v[r.n++].g = v[k];
		} else
			r.v[r.n++].g = v[i];
		rc = each(&r, ctx);
	}
	return rc;
}

struct giro {
	long long da, a, now;
	int notices, written;
};

static const char *
sql_di(const struct lettura *r)
{
	return r->v[0].g->gruppo ? r->v[0].g->gruppo->sql : r->v[0].g->sql;
}

/* One query of facts compared with what is kept, and the writes done. */
static int
ricalcola_lettura(struct lettura *r, void *ctx)
{
	struct giro *k = ctx;
	struct ops o = { .pool = { 0 } };
	int rc;

	apri(r, sql_di(r), k->da, k->a, 0);
	rc = leggi(r, &o);
	for (size_t i = 0; rc == 0 && i < o.n; i++) {
		struct op *x = &o.v[i];

		if (x->kind == TOGLI) {
			rc = scadenza_togli(x->g, x->s.minore, x->s.oggetto);
			continue;
		}
		if (x->kind == GRUPPO_SALVA || x->kind == GRUPPO_TOGLI) {
			rc = x->kind == GRUPPO_SALVA ? scadenze_gruppo_salva(
			    x->gr->codice, x->s.minore, x->s.firma) :
			    scadenze_gruppo_togli(x->gr->codice, x->s.minore);
			continue;
		}
		/* A start that is no date (typed outside the forms): none. */
		if (regola_calcola(x->g, x->s.inizio, x->s.fissata,
		    &x->s.c) != 0)
			rc = scadenza_togli(x->g, x->s.minore, x->s.oggetto);
		else if (x->kind == INSERISCI)
			rc = scadenza_inserisci(x->g, &x->s, k->now,
			    k->notices);
		else
			rc = scadenza_aggiorna(x->g, &x->s, k->now,
			    k->notices);
	}
	k->written += (int)o.n;
	free(o.v);
	pool_free(&o.pool);
	return rc;
}

/* ricalcolo(), adding the notices sent to *sent. */
static int
ricalcola(long long da, long long a, int notices, int *sent)
{
	struct giro k = { .da = da, .a = a, .now = (long long)time(NULL),
	    .notices = notices };
	int n;

	if (letture(ricalcola_lettura, &k) != 0 ||
	    (n = avvisi_invia(da, a, k.now, notices)) < 0 ||
	    scadenze_ricalcolati(da, a) != 0 ||
	    (k.written > 0 && scadenze_cambiate() != 0))
		return -1;
	*sent += n;
	return k.written;
}

/*
** Recomputes the cases from `da` to `a` in the caller's write transaction
** and sends the notices due (with `notices` off, only records their
** levels). The number of deadlines written, or -1.
*/
int
ricalcolo(long long da, long long a, int notices)
{
	int sent = 0;

	return ricalcola(da, a, notices, &sent);
}

struct vivo {
	struct pool *pool;
	long long minore;
	int (*each)(const struct regola *, const struct scadenza *, void *);
	void *ctx;
};

/* The deadlines one query of facts gives the case, computed. */
static int
vivo_lettura(struct lettura *r, void *ctx)
{
	struct vivo *k = ctx;
	int h = 0, rc = 0;

	apri(r, sql_di(r), k->minore, k->minore, 1);
	while (rc == 0 && (h = db_step(r->f)) == SQLITE_ROW) {
		r->riga++;
		for (size_t i = 0; rc == 0 && i < r->n; i++) {
			struct scadenza s;

			if (fatti(r, &r->v[i], &s) && regola_calcola(r->v[i].g,
			    s.inizio, s.fissata, &s.c) == 0) {
				s = tieni(k->pool, &s);
				rc = k->each(r->v[i].g, &s, k->ctx);
			}
		}
	}
	if (rc == 0 && h < 0)
		rc = -1;
	db_done(r->f);
	return rc;
}

/*
** Case `minore`'s deadlines as its facts make them now, without keeping
** them (a case marked for recompute, shown before the recompute runs):
** `each` for every one. 0, or -1.
*/
int
ricalcolo_caso_vivo(struct pool *pool, long long minore,
    int (*each)(const struct regola *, const struct scadenza *, void *),
    void *ctx)
{
	struct vivo k = { .pool = pool, .minore = minore, .each = each,
	    .ctx = ctx };

	return letture(vivo_lettura, &k) == 0 ? 0 : -1;
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
/*
** The recompute reads every case's facts: a page cache that holds them,
** and the file mapped rather than copied page by page.
*/
static const char SQL_CACHE[] = "PRAGMA cache_size = -65536";
static const char SQL_MMAP[] = "PRAGMA mmap_size = 1073741824";

int
scadenze_ricalcola(int notices)
{
	long long ultimo = db_value(SQL_ULTIMO, NO_ARGS, 0);
	int written = 0;

	db_write(SQL_CACHE, NO_ARGS);
	db_write(SQL_MMAP, NO_ARGS);

	for (long long da = 0; da <= ultimo; da += BLOCCO) {
		/* The first block takes the facilities' deadlines (negative
		** ids), the last any case added meanwhile. */
		long long a = da + BLOCCO > ultimo ? LLONG_MAX :
		    da + BLOCCO - 1;
		int n;

		if (db_begin_write() != 0)
			return -1;
		if ((n = ricalcolo(da ? da : LLONG_MIN, a, notices)) < 0) {
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

/* Queued cases recomputed per transaction. */
#define CODA 64

static const char SQL_CODA[] =
    "SELECT minore_id FROM scadenze_da_ricalcolare ORDER BY minore_id"
    " LIMIT :n";

/*
** Up to CODA of the cases the triggers queued (sql/018, sql/020: their
** facts changed) recomputed, with their notices, in the caller's write
** transaction: approdo-admin scadenze aggiorna, every minute. Not in the
** save that changed the facts: a case's deadlines are rows in five
** B-trees, tens of pages a save would write and sync (intake saves fell
** from 830 to 290 a second). The cases, or -1; the notices sent are added
** to *sent.
*/
int
ricalcolo_coda(int *sent)
{
	long long id[CODA];
	struct stmt *s = db_query(SQL_CODA, ARGS(ARG_INT("n", CODA)));
	int n = 0, rc = 0;

	while (n < CODA && (rc = db_step(s)) == SQLITE_ROW)
		id[n++] = db_int_at(s, 0);
	db_done(s);
	if (rc < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (ricalcola(id[i], id[i], 1, sent) < 0)
			return -1;
	return n;
}
