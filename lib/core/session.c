/*
** Session lifecycle: create at login (always a new token), load and
** check expiry on each request, end at logout.
*/
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "settings.h"
#include "db.h"
#include "session.h"

#define TOKEN_BYTES 32

static const char SQL_SESSION_NEW[] =
    "INSERT INTO sessioni (token_hash, utente_id, csrf, creata, ultimo_uso)"
    " VALUES (:hash, :utente, :csrf, :ora, :ora)";
static const char SQL_SESSION_GET[] =
    "SELECT s.id, s.csrf, s.creata, s.ultimo_uso, s.avviso, u.id AS utente,"
    " u.username, u.nome, u.ruolo, u.struttura_id, u.cambio_password"
    " FROM sessioni s JOIN utenti u ON u.id = s.utente_id"
    " WHERE s.token_hash = :hash AND u.disattivato = 0";
static const char SQL_SESSION_TOUCH[] =
    "UPDATE sessioni SET ultimo_uso = :ora WHERE id = :id";
static const char SQL_SESSION_AVVISO_CLEAR[] =
    "UPDATE sessioni SET avviso = NULL WHERE id = :id";
static const char SQL_SESSION_AVVISO[] =
    "UPDATE sessioni SET avviso = :avviso WHERE id = :id";
static const char SQL_SESSION_DELETE[] =
    "DELETE FROM sessioni WHERE id = :id";
static const char SQL_SESSION_DELETE_OTHERS[] =
    "DELETE FROM sessioni WHERE utente_id = :utente AND id <> :tenuta";
static const char SQL_SESSION_PURGE[] =
    "DELETE FROM sessioni WHERE ultimo_uso < :inattiva OR creata < :vecchia";

static void
token_hash(unsigned char out[32], const char *token)
{
	crypto_generichash(out, 32, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

/* 1 if a session created at `created` and last used at `last_used` is over. */
int
session_expired(long long created, long long last_used, long long now,
    int idle_minutes, int absolute_hours)
{
	return now - last_used >= (long long)idle_minutes * 60 ||
	    now - created >= (long long)absolute_hours * 3600 ||
	    last_used > now + 60 || created > now + 60;
}

/*
** Creates a session for `user_id` inside the caller's write transaction,
** and sets its cookie. The session the request came with, if any, ends
** (no fixation), and so do sessions that have expired.
*/
int
session_create(struct request *r, long long user_id)
{
	unsigned char raw[TOKEN_BYTES], hash[32], csrf_raw[TOKEN_BYTES];
	char token[2 * TOKEN_BYTES + 1], csrf[2 * TOKEN_BYTES + 1];
	long long now = (long long)time(NULL);
	struct stmt *st;
	int rc;

	randombytes_buf(raw, sizeof raw);
	randombytes_buf(csrf_raw, sizeof csrf_raw);
	hex_encode(token, raw, sizeof raw);
	hex_encode(csrf, csrf_raw, sizeof csrf_raw);
	token_hash(hash, token);
	if (r->session_id && db_write(SQL_SESSION_DELETE,
	    ARGS(ARG_INT("id", r->session_id))) != 0)
		return -1;
	if (db_write(SQL_SESSION_PURGE, ARGS(
	    ARG_INT("inattiva", now - (long long)cfg.idle_minutes * 60),
	    ARG_INT("vecchia", now - (long long)cfg.absolute_hours * 3600))) != 0)
		return -1;
	st = db_prepare(SQL_SESSION_NEW);
	db_bind_blob(st, "hash", hash, sizeof hash);
	db_bind_args(st, ARGS(ARG_INT("utente", user_id),
	    ARG_TEXT("csrf", csrf), ARG_INT("ora", now)));
	rc = db_step(st);
	db_done(st);
	if (rc != SQLITE_DONE)
		return -1;
	r->session_id = db_last_id();
	r->csrf = pool_strdup(&r->pool, csrf);
	r->token = pool_strdup(&r->pool, token);
	response_cookie(r, session_cookie_name(r), token, -1);
	sodium_memzero(raw, sizeof raw);
	sodium_memzero(token, sizeof token);
	return 0;
}

/*
** Loads the session named by the request's cookie into r->user. Returns
** 1 for a live session, 0 for none (missing, unknown, expired, user
** disabled), -1 on a database error. Touches the session at most once a
** minute so that reading pages does not mean writing the database.
*/
int
session_load(struct request *r)
{
	const char *token = r->token ? r->token :
	    params_get(&r->cookies, session_cookie_name(r));
	long long now = (long long)time(NULL), created = 0, last = 0;
	unsigned char hash[32];
	struct stmt *st;
	int rc, live = 0;

	if (token == NULL || strlen(token) != 2 * TOKEN_BYTES)
		return 0;
	token_hash(hash, token);
	st = db_prepare(SQL_SESSION_GET);
	db_bind_blob(st, "hash", hash, sizeof hash);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		r->session_id = db_int(st, "id");
		r->csrf = pool_strdup(&r->pool, db_text(st, "csrf"));
		created = db_int(st, "creata");
		last = db_int(st, "ultimo_uso");
		if (!db_is_null(st, "avviso"))
			r->avviso = pool_strdup(&r->pool, db_text(st, "avviso"));
		r->user.id = db_int(st, "utente");
		r->user.username = pool_strdup(&r->pool, db_text(st, "username"));
		r->user.nome = pool_strdup(&r->pool, db_text(st, "nome"));
		if (role_parse(db_text(st, "ruolo"), &r->user.role) != 0)
			r->user.id = 0;
		r->user.struttura_id = db_int(st, "struttura_id");
		r->user.cambio_password = (int)db_int(st, "cambio_password");
		live = r->user.id != 0;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (!live)
		return 0;
	if (session_expired(created, last, now, cfg.idle_minutes,
	    cfg.absolute_hours)) {
		if (db_begin_light() == 0) {
			db_write(SQL_SESSION_DELETE, ARGS(ARG_INT("id",
			    r->session_id)));
			db_commit();
		}
		memset(&r->user, 0, sizeof r->user);
		r->session_id = 0;
		r->csrf = NULL;
		r->avviso = NULL;
		return 0;
	}
	if (now - last >= 60 || r->avviso) {
		/* One small write: keep the session alive, consume the message. */
		if (db_begin_light() != 0)
			return -1;
		db_write(SQL_SESSION_TOUCH, ARGS(ARG_INT("id", r->session_id),
		    ARG_INT("ora", now)));
		if (r->avviso)
			db_write(SQL_SESSION_AVVISO_CLEAR, ARGS(ARG_INT("id",
			    r->session_id)));
		if (db_commit() != 0)
			return -1;
	}
	return 1;
}

/* Ends the current session (logout), in the caller's transaction. */
int
session_end(struct request *r)
{
	response_cookie(r, session_cookie_name(r), "", 0);
	return r->session_id ? db_write(SQL_SESSION_DELETE,
	    ARGS(ARG_INT("id", r->session_id))) : 0;
}

/* Ends every other session of a user (password changed or reset). */
int
session_end_others(long long user_id, long long keep)
{
	return db_write(SQL_SESSION_DELETE_OTHERS, ARGS(ARG_INT("utente",
	    user_id), ARG_INT("tenuta", keep)));
}

/*
** A one-shot warning for the next page: something was refused or did not
** happen ("Solo il responsabile approva"), drawn as an alert, not as news.
** Stored as the message with a leading '!', which no message starts with.
*/
int
session_set_errore(struct request *r, const char *msg)
{
	return session_set_avviso(r, pool_printf(&r->pool, "!%s", msg));
}

/* A one-shot message ("Password modificata.") for the next page. */
int
session_set_avviso(struct request *r, const char *msg)
{
	return db_write(SQL_SESSION_AVVISO, ARGS(ARG_INT("id", r->session_id),
	    ARG_TEXT("avviso", msg)));
}

/* Constant-time comparison of the session's token with the form's. */
int
csrf_valid(const char *expected, const char *given)
{
	size_t n;

	if (expected == NULL || given == NULL)
		return 0;
	n = strlen(expected);
	if (n == 0 || strlen(given) != n)
		return 0;
	return sodium_memcmp(expected, given, n) == 0;
}

/*
** The Origin header (or, without it, the Referer) must name this very
** site. Browsers send Origin with every POST; a missing one is accepted
** only together with a valid CSRF token.
*/
int
origin_valid(const struct request *r)
{
	const char *o = r->origin ? r->origin : r->referer;
	const char *scheme = r->https ? "https://" : "http://";
	size_t sl = strlen(scheme), hl;

	if (o == NULL)
		return 1;
	if (r->host == NULL || strncmp(o, scheme, sl) != 0)
		return 0;
	hl = strlen(r->host);
	if (strncmp(o + sl, r->host, hl) != 0)
		return 0;
	return o[sl + hl] == '\0' || (r->origin == NULL && o[sl + hl] == '/');
}
