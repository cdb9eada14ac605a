/*
** Writing the audit log. Every row joins the caller's write transaction
** (audit_now() opens one of its own for events with no change to join:
** views, denials) and carries a hash chained to the previous row's:
** BLAKE2b of the previous hash, the row's values and its changed fields,
** so that an edit made behind the application's back (the triggers stop
** UPDATE, DELETE and REPLACE, but not someone who drops them) shows up in
** audit_verify(). Failures of people who have not signed in are counted
** per address and minute instead (audit_attempt()), so that nobody can
** bury the log under rows without an account.
*/
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "db.h"
#include "util.h"

#define HASH_BYTES 32

static const char SQL_AUDIT_LAST[] =
    "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1";
static const char SQL_AUDIT[] =
    "INSERT INTO audit (id, quando, utente_id, username, indirizzo, azione,"
    " entita, entita_id, dettaglio, hash) VALUES (:id, :quando, :utente,"
    " :username, :indirizzo, :azione, :entita, :entita_id, :dettaglio, :hash)";
static const char SQL_AUDIT_CHANGE[] =
    "INSERT INTO audit_modifiche (audit_id, campo, prima, dopo)"
    " VALUES (:audit, :campo, :prima, :dopo)";

/* One value into the hash: NULL and "" differ, and so do a|bc and ab|c. */
static void
hash_value(crypto_generichash_state *h, const char *v)
{
	unsigned char len[9] = { 'N' };

	if (v != NULL) {
		size_t n = strlen(v);

		len[0] = 'T';
		for (int i = 0; i < 8; i++)
			len[1 + i] = (unsigned char)(n >> (8 * i));
		crypto_generichash_update(h, len, sizeof len);
		crypto_generichash_update(h, (const unsigned char *)v, n);
	} else
		crypto_generichash_update(h, len, 1);
}

static void
hash_int(crypto_generichash_state *h, long long v, int null)
{
	char s[24];

	snprintf(s, sizeof s, "%lld", v);
	hash_value(h, null ? NULL : s);
}

/* The values of one row, in the order of the hash. */
struct audit_row {
	long long id, utente_id, entita_id;
	int utente_null, entita_null;
	const char *quando, *username, *indirizzo, *azione, *entita, *dettaglio;
};

static void
row_hash(const unsigned char *prev, size_t prev_len, const struct audit_row *a,
    const struct change *c, size_t n, unsigned char out[HASH_BYTES])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, HASH_BYTES);
	crypto_generichash_update(&h, prev, prev_len);
	hash_int(&h, a->id, 0);
	hash_value(&h, a->quando);
	hash_int(&h, a->utente_id, a->utente_null);
	hash_value(&h, a->username);
	hash_value(&h, a->indirizzo);
	hash_value(&h, a->azione);
	hash_value(&h, a->entita);
	hash_int(&h, a->entita_id, a->entita_null);
	hash_value(&h, a->dettaglio);
	for (size_t i = 0; i < n; i++) {
		hash_value(&h, c[i].field);
		hash_value(&h, c[i].before);
		hash_value(&h, c[i].after);
	}
	crypto_generichash_final(&h, out, HASH_BYTES);
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Now, as the audit log writes it (UTC, to the second). */
static void
utc_now(char out[20])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/*
** Writes row `a` (its id and, unless it has one, its time set here) with
** changes `c`, chained to the last row, in the caller's transaction.
** Returns the row's id, or -1.
*/
static long long
row_write(struct audit_row *a, const struct change *c, size_t n)
{
	unsigned char prev[HASH_BYTES] = { 0 }, hash[HASH_BYTES];
	size_t prev_len = 0;
	struct stmt *st;
	char quando[20];

	/* The previous row, read under the write lock: the chain is one line. */
	a->id = 0;
	st = db_prepare(SQL_AUDIT_LAST);
	if (db_step(st) == SQLITE_ROW) {
		const void *p = db_blob(st, "hash", &prev_len);

		a->id = db_int(st, "id");
		if (p == NULL || prev_len > sizeof prev)
			prev_len = 0;	/* rows from before the chain */
		else
			memcpy(prev, p, prev_len);
	}
	db_done(st);
	a->id++;
	if (a->quando == NULL) {
		utc_now(quando);
		a->quando = quando;
	}
	row_hash(prev, prev_len, a, c, n, hash);

	st = db_query(SQL_AUDIT, ARGS(ARG_INT("id", a->id),
	    ARG_TEXT("quando", a->quando), ARG_ID("utente", a->utente_id),
	    ARG_TEXT("username", a->username), ARG_TEXT("indirizzo", a->indirizzo),
	    ARG_TEXT("azione", a->azione), ARG_TEXT("entita", a->entita),
	    ARG_ID("entita_id", a->entita_id), ARG_TEXT("dettaglio", a->dettaglio)));
	db_bind_blob(st, "hash", hash, sizeof hash);
	if (a->quando == quando)
		a->quando = NULL;
	if (db_step(st) != SQLITE_DONE) {
		db_done(st);
		return -1;
	}
	db_done(st);
	for (size_t i = 0; i < n; i++)
		if (db_write(SQL_AUDIT_CHANGE, ARGS(ARG_INT("audit", a->id),
		    ARG_TEXT("campo", c[i].field),
		    ARG_TEXT("prima", c[i].before),
		    ARG_TEXT("dopo", c[i].after))) != 0)
			return -1;
	return a->id;
}

/* The row of `action` by the request's user, from the request's address. */
static struct audit_row
row_of(const struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail)
{
	struct audit_row a = {
		.utente_id = r->user.id, .utente_null = r->user.id == 0,
		.entita_id = entity_id, .entita_null = entity_id == 0,
		.username = r->user.username ? r->user.username : "",
		.indirizzo = r->remote_addr ? r->remote_addr : "",
		.azione = action, .entita = entity ? entity : "",
		.dettaglio = detail ? detail : "",
	};

	return a;
}

/*
** An audit row of `action` with the fields that really changed, in the
** caller's transaction ("create" rows list every value with no "before").
** Returns the row's id, or -1.
*/
long long
audit_record(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail, const struct change *c, size_t n)
{
	struct change *kept = pool_alloc(&r->pool, (n + 1) * sizeof(*kept));
	struct audit_row a = row_of(r, action, entity, entity_id, detail);
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (!same(c[i].before, c[i].after))
			kept[k++] = c[i];
	return row_write(&a, kept, k);
}

/* An audit row without changed fields, in the caller's transaction. */
long long
audit_log(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail)
{
	return audit_record(r, action, entity, entity_id, detail, NULL, 0);
}

/* Appends one row in a durable transaction of its own (or the caller's). */
int
audit_now(struct request *r, const char *action, const char *entity,
    long long entity_id, const char *detail)
{
	int own;

	if (db_begin_own(&own) != 0)
		return -1;
	return db_end_own(own, audit_log(r, action, entity, entity_id,
	    detail) < 0 ? -1 : 0);
}

/*
** View rows waiting for their commit. A worker with the next request
** already waiting (audit_defer_when()) keeps the view rows of the pages
** it serves, each with the time it was served, and commits them together
** (audit_flush()) as soon as nobody is waiting, after 32 of them, or 100
** ms after the first: one commit instead of 32, and the other workers'
** page caches stay valid. A crash of the worker can lose the rows it
** holds, never a change (each change commits its own row).
*/
#define DEFER_ROWS 32
#define DEFER_MS 100

static struct deferred {
	struct audit_row a;
	char quando[20];
} deferred[DEFER_ROWS];
static int ndeferred;
static struct timespec first_deferred;
static int (*defer_when)(void);

/* `busy` says whether the next request is already waiting (NULL: never). */
void
audit_defer_when(int (*busy)(void))
{
	defer_when = busy;
}

static char *
dup(const char *s)
{
	return xstrdup(s ? s : "");
}

static void
deferred_free(void)
{
	for (int i = 0; i < ndeferred; i++) {
		struct audit_row *a = &deferred[i].a;

		free((char *)a->username);
		free((char *)a->indirizzo);
		free((char *)a->entita);
		free((char *)a->dettaglio);
	}
	ndeferred = 0;
}

/*
** Commits the kept view rows, and `extra` if not NULL, in one light
** transaction. 0, or -1 (the rows stay kept for the next try).
*/
static int
flush(struct audit_row *extra)
{
	int i;

	if (ndeferred == 0 && extra == NULL)
		return 0;
	if (db_begin_light() != 0)
		return -1;
	for (i = 0; i < ndeferred; i++)
		if (row_write(&deferred[i].a, NULL, 0) < 0)
			break;
	if (i < ndeferred || (extra && row_write(extra, NULL, 0) < 0) ||
	    db_commit() != 0) {
		db_rollback();
		return -1;
	}
	deferred_free();
	return 0;
}

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000 +
	    (now.tv_nsec - t->tv_nsec) / 1000000;
}

int
audit_flush(void)
{
	return flush(NULL);
}

/* How many view rows are kept, not yet written. */
int
audit_deferred(void)
{
	return ndeferred;
}

/*
** Commits the kept rows if nobody is waiting (`idle`) or the first has
** waited DEFER_MS: requests that write no view row do not hold them.
*/
int
audit_flush_due(int idle)
{
	if (ndeferred == 0 || (!idle && ms_since(&first_deferred) < DEFER_MS))
		return 0;
	return flush(NULL);
}

/*
** A "view" row. In the caller's transaction if there is one; else kept
** for a moment (see above) or committed at once with the rows kept, in a
** transaction that does not wait for the disk (db_begin_light): a power
** cut may lose the last views, never a change; the next durable commit
** makes them durable too.
*/
int
audit_view(struct request *r, const char *entity, long long entity_id,
    const char *detail)
{
	struct audit_row a = row_of(r, "view", entity, entity_id, detail);

	if (db_in_transaction())
		return row_write(&a, NULL, 0) < 0 ? -1 : 0;
	if (ndeferred < DEFER_ROWS && defer_when && defer_when() &&
	    (ndeferred == 0 || ms_since(&first_deferred) < DEFER_MS)) {
		struct deferred *d = &deferred[ndeferred];

		if (ndeferred == 0)
			clock_gettime(CLOCK_MONOTONIC, &first_deferred);
		utc_now(d->quando);
		d->a = a;
		d->a.quando = d->quando;
		d->a.username = dup(a.username);
		d->a.indirizzo = dup(a.indirizzo);
		d->a.entita = dup(a.entita);
		d->a.dettaglio = dup(a.dettaglio);
		ndeferred++;
		return 0;
	}
	return flush(&a);
}

static const char SQL_ATTEMPT[] =
    "INSERT INTO audit_tentativi (minuto, indirizzo, motivo, utente_id, n)"
    " VALUES (strftime('%Y-%m-%d %H:%M', 'now'), :indirizzo, :motivo,"
    " :utente, 1) ON CONFLICT DO UPDATE SET n = n + 1";

/*
** Counts one failure of someone who has not signed in (a login form
** without its token, an unknown or locked account): per address, reason
** and minute, in the caller's transaction or one of its own. `user_id`
** is the account the attempt named, if it exists (0 otherwise: what was
** typed is not kept, it may be a password typed in the wrong field).
*/
int
audit_attempt(struct request *r, const char *reason, long long user_id)
{
	int own;

	if (db_begin_own(&own) != 0)
		return -1;
	return db_end_own(own, db_write(SQL_ATTEMPT, ARGS(ARG_TEXT("indirizzo",
	    r->remote_addr ? r->remote_addr : ""), ARG_TEXT("motivo", reason),
	    ARG_INT("utente", user_id))));
}

static const char SQL_VERIFY_ROWS[] =
    "SELECT id, quando, utente_id, username, indirizzo, azione, entita,"
    " entita_id, dettaglio, hash FROM audit ORDER BY id";
static const char SQL_VERIFY_CHANGES[] =
    "SELECT campo, prima, dopo FROM audit_modifiche WHERE audit_id = :id"
    " ORDER BY rowid";

/*
** Walks the chain from the first row. Rows written before the chain
** existed (no hash, all before the first hashed row) are counted in
** *legacy. Returns 0 if every hash holds, or the id of the first row
** where the chain breaks (an edited, inserted or removed row there or
** just before it); -1 on a database error. *rows counts the rows read.
*/
long long
audit_verify(struct pool *pool, long long *rows, long long *legacy)
{
	unsigned char prev[HASH_BYTES] = { 0 }, hash[HASH_BYTES];
	struct stmt *st = db_prepare(SQL_VERIFY_ROWS);
	size_t prev_len = 0;
	long long broken = 0, expect = 0;
	int chained = 0, rc;

	*rows = *legacy = 0;
	while (broken == 0 && (rc = db_step(st)) == SQLITE_ROW) {
		struct audit_row a = {
			.id = db_int(st, "id"),
			.quando = pool_strdup(pool, db_text(st, "quando")),
			.utente_id = db_int(st, "utente_id"),
			.utente_null = db_is_null(st, "utente_id"),
			.username = pool_strdup(pool, db_text(st, "username")),
			.indirizzo = pool_strdup(pool, db_text(st, "indirizzo")),
			.azione = pool_strdup(pool, db_text(st, "azione")),
			.entita = pool_strdup(pool, db_text(st, "entita")),
			.entita_id = db_int(st, "entita_id"),
			.entita_null = db_is_null(st, "entita_id"),
			.dettaglio = pool_strdup(pool, db_text(st, "dettaglio")),
		};
		size_t stored_len;
		const void *stored = db_blob(st, "hash", &stored_len);
		struct change c[256];
		size_t n = 0;
		struct stmt *ch;

		(*rows)++;
		if (stored == NULL) {
			if (chained)
				broken = a.id;
			else
				(*legacy)++;
			continue;
		}
		/* Ids follow each other inside the chain: none removed. */
		if (chained && a.id != expect) {
			broken = a.id;
			continue;
		}
		ch = db_query(SQL_VERIFY_CHANGES, ARGS(ARG_INT("id", a.id)));
		while (db_step(ch) == SQLITE_ROW && n < COUNT(c)) {
			c[n].field = pool_strdup(pool, db_text(ch, "campo"));
			c[n].before = db_is_null(ch, "prima") ? NULL :
			    pool_strdup(pool, db_text(ch, "prima"));
			c[n].after = db_is_null(ch, "dopo") ? NULL :
			    pool_strdup(pool, db_text(ch, "dopo"));
			n++;
		}
		db_done(ch);
		row_hash(prev, prev_len, &a, c, n, hash);
		if (stored_len != HASH_BYTES || memcmp(stored, hash, HASH_BYTES)) {
			broken = a.id;
			continue;
		}
		memcpy(prev, hash, HASH_BYTES);
		prev_len = HASH_BYTES;
		chained = 1;
		expect = a.id + 1;
	}
	db_done(st);
	if (broken == 0 && rc < 0)
		return -1;
	return broken;
}
