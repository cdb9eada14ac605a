/*
** Passwords and signing in. A failed login answers the same whether or
** not the user exists, takes about as long, and after five failures in
** a row the account is locked for a time that doubles each further time.
*/
#include <string.h>
#include <time.h>

#include "audit.h"
#include "settings.h"
#include "auth.h"
#include "db.h"
#include "session.h"

int
password_hash(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

/* 1 if `pw` matches `hash`. */
int
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

/* An Italian explanation of why a new password is refused, or NULL. */
const char *
password_problem(const char *pw)
{
	size_t n = utf8_len(pw);

	if (n < PASSWORD_MIN)
		return "La password deve avere almeno 10 caratteri.";
	if (n > PASSWORD_MAX)
		return "La password può avere al massimo 200 caratteri.";
	return NULL;
}

/* The lock after the n-th failure in a row: 0, 1, 2, 4 ... minutes, a day at most. */
long long
login_lock_seconds(int failures)
{
	long long s = 60;

	if (failures < LOGIN_FREE_ATTEMPTS)
		return 0;
	for (int i = LOGIN_FREE_ATTEMPTS; i < failures && s < 86400; i++)
		s *= 2;
	return s < 86400 ? s : 86400;
}

static const char SQL_USER_BY_NAME[] =
    "SELECT id, username, password_hash, disattivato, tentativi_falliti,"
    " bloccato_fino FROM utenti WHERE username = :username";
static const char SQL_USER_FAILED[] =
    "UPDATE utenti SET tentativi_falliti = :falliti, bloccato_fino = :fino"
    " WHERE id = :id";
static const char SQL_USER_LOGGED_IN[] =
    "UPDATE utenti SET accesso_precedente = ultimo_accesso,"
    " falliti_prima = tentativi_falliti, tentativi_falliti = 0,"
    " bloccato_fino = 0,"
    " ultimo_accesso = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE id = :id";

/*
** A hash of a random password, computed once, so that a login for an
** unknown user costs the same as a real verification.
*/
static const char *
dummy_hash(void)
{
	static char h[crypto_pwhash_STRBYTES];

	if (h[0] == '\0') {
		char pw[33];
		unsigned char raw[16];

		randombytes_buf(raw, sizeof raw);
		hex_encode(pw, raw, sizeof raw);
		if (password_hash(pw, h) != 0)
			h[0] = '\0';
	}
	return h;
}

/* Opens the session of user `id` in the caller's transaction, audited. */
static int
logged_in(struct request *r, long long id, const char *detail)
{
	r->user.id = id;
	if (db_write(SQL_USER_LOGGED_IN, ARGS(ARG_INT("id", id))) != 0 ||
	    session_create(r, id) != 0 ||
	    audit_log(r, "login", "utente", id, detail) < 0)
		return -1;
	return 0;
}

/*
** Tries to sign in. On success creates the session (new token), audits
** "login" and returns 0. Otherwise returns 1 (wrong credentials, locked
** or disabled: the caller says the same for all) or -1 on a database
** error. A wrong password for an active account counts towards its lock
** and is a "login_failed" row (the lock bounds them); the rest (unknown
** user, locked or disabled account) is counted by audit_attempt(), so
** that no flood of attempts becomes a flood of rows.
*/
int
login(struct request *r, const char *username, const char *password)
{
	struct stmt *st;
	long long id = 0, locked_until = 0, now = (long long)time(NULL);
	char hash[crypto_pwhash_STRBYTES] = "";
	const char *reason = "credenziali errate";
	int disabled = 0, failures = 0, ok, rc;

	st = db_query(SQL_USER_BY_NAME, ARGS(ARG_TEXT("username", username)));
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		id = db_int(st, "id");
		username = pool_strdup(&r->pool, db_text(st, "username"));
		strncpy(hash, db_text(st, "password_hash"), sizeof hash - 1);
		disabled = (int)db_int(st, "disattivato");
		failures = (int)db_int(st, "tentativi_falliti");
		locked_until = db_int(st, "bloccato_fino");
	}
	db_done(st);
	if (rc < 0)
		return -1;

	if (id && locked_until > now) {
		/* Same cost as any other answer: the lock must not be visible. */
		(void)password_verify(hash, password);
		reason = "account bloccato";
		ok = 0;
	} else {
		ok = password_verify(id ? hash : dummy_hash(), password) && id;
		if (ok && disabled) {
			reason = "account disattivato";
			ok = 0;
		}
	}
	sodium_memzero(hash, sizeof hash);

	if (db_begin_write() != 0)
		return -1;
	r->user.username = username;
	if (ok)
		logged_in(r, id, NULL);
	else if (id && locked_until <= now && !disabled) {
		failures++;
		db_write(SQL_USER_FAILED, ARGS(ARG_INT("id", id),
		    ARG_INT("falliti", failures),
		    ARG_INT("fino", now + login_lock_seconds(failures))));
		if (login_lock_seconds(failures) > 0)
			reason = "credenziali errate, account bloccato";
		r->user.id = id;
		audit_log(r, "login_failed", "utente", id, reason);
		r->user.id = 0;
	} else
		audit_attempt(r, id == 0 ? "utente sconosciuto" : reason, id);
	if (db_commit() != 0) {
		memset(&r->user, 0, sizeof r->user);
		return -1;
	}
	return ok ? 0 : 1;
}

static const char SQL_USER_ACTIVE[] =
    "SELECT id FROM utenti WHERE username = :username AND disattivato = 0";

/*
** Intranet single sign-on: when configured, REMOTE_USER set by the web
** server's own authentication (never a client header) opens a session
** for the user of that name. Returns 1 if a session was opened.
*/
int
login_remote_user(struct request *r)
{
	long long id;

	if (!cfg.trust_remote_user || r->remote_user == NULL ||
	    *r->remote_user == '\0')
		return 0;
	id = db_value(SQL_USER_ACTIVE, ARGS(ARG_TEXT("username",
	    r->remote_user)), 0);
	if (id == 0 || db_begin_write() != 0)
		return 0;
	r->user.username = r->remote_user;
	logged_in(r, id, "REMOTE_USER");
	if (db_commit() != 0) {
		memset(&r->user, 0, sizeof r->user);
		return 0;
	}
	return 1;
}
