/*
** Unit tests for sessions and CSRF (lib/session.c): expiry arithmetic,
** token comparison, the Origin check, and the session lifecycle against
** a real temporary SQLite database.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "session.h"
#include "settings.h"
#include "tap.h"
#include "testdb.h"

static void
test_expired(void)
{
	const long long now = 1700000000LL;

	/* idle 30 minutes, absolute 12 hours */
	ok(session_expired(now, now, now, 30, 12) == 0,
	    "expired: a fresh session is live");
	ok(session_expired(now - 3600, now - 1799, now, 30, 12) == 0,
	    "expired: idle one second before the limit is live");
	ok(session_expired(now - 3600, now - 1800, now, 30, 12) == 1,
	    "expired: idle exactly at the limit is over");
	ok(session_expired(now - 3600, now - 1801, now, 30, 12) == 1,
	    "expired: idle past the limit is over");
	ok(session_expired(now - 12 * 3600 + 1, now, now, 30, 12) == 0,
	    "expired: one second before the absolute limit is live");
	ok(session_expired(now - 12 * 3600, now, now, 30, 12) == 1,
	    "expired: exactly at the absolute limit is over");
	ok(session_expired(now - 12 * 3600, now - 60, now, 30, 12) == 1,
	    "expired: absolute limit even when recently used");
	ok(session_expired(now - 100, now - 100, now, 1, 1) == 1 &&
	    session_expired(now - 59, now - 59, now, 1, 1) == 0,
	    "expired: limits are taken from the arguments");
	ok(session_expired(now, now + 60, now, 30, 12) == 0,
	    "expired: last use up to a minute ahead tolerated");
	ok(session_expired(now, now + 61, now, 30, 12) == 1,
	    "expired: last use in the future (clock went back) is over");
	ok(session_expired(now + 61, now, now, 30, 12) == 1,
	    "expired: creation in the future is over");
	ok(session_expired(now + 86400 * 365LL, now + 86400 * 365LL, now, 30,
	    12) == 1, "expired: a year in the future is over");
}

static void
test_csrf(void)
{
	ok(csrf_valid("0123456789abcdef", "0123456789abcdef") == 1,
	    "csrf: equal tokens");
	ok(csrf_valid("0123456789abcdef", "0123456789abcdeF") == 0,
	    "csrf: different last character");
	ok(csrf_valid("0123456789abcdef", "x123456789abcdef") == 0,
	    "csrf: different first character");
	ok(csrf_valid("0123456789abcdef", "0123456789abcde") == 0,
	    "csrf: shorter given");
	ok(csrf_valid("0123456789abcdef", "0123456789abcdef0") == 0,
	    "csrf: longer given (expected is a prefix)");
	ok(csrf_valid("", "") == 0, "csrf: both empty is not valid");
	ok(csrf_valid("abc", "") == 0, "csrf: empty given");
	ok(csrf_valid("", "abc") == 0, "csrf: empty expected");
	ok(csrf_valid(NULL, "abc") == 0, "csrf: NULL expected");
	ok(csrf_valid("abc", NULL) == 0, "csrf: NULL given");
	ok(csrf_valid(NULL, NULL) == 0, "csrf: both NULL");
}

static int
ov(int https, const char *host, const char *origin, const char *referer)
{
	struct request r;

	memset(&r, 0, sizeof r);
	r.https = https;
	r.host = host;
	r.origin = origin;
	r.referer = referer;
	return origin_valid(&r);
}

static void
test_origin(void)
{
	const char *h = "127.0.0.1:8080";

	ok(ov(0, h, NULL, NULL) == 1, "origin: neither Origin nor Referer");
	ok(ov(0, NULL, NULL, NULL) == 1,
	    "origin: neither header and no host");
	ok(ov(0, h, "http://127.0.0.1:8080", NULL) == 1,
	    "origin: same http origin with port");
	ok(ov(1, "approdo.example.it", "https://approdo.example.it", NULL) == 1,
	    "origin: same https origin");
	ok(ov(0, h, "https://127.0.0.1:8080", NULL) == 0,
	    "origin: https origin on an http site");
	ok(ov(1, h, "http://127.0.0.1:8080", NULL) == 0,
	    "origin: http origin on an https site");
	ok(ov(0, h, "http://evil.example", NULL) == 0, "origin: other host");
	ok(ov(0, h, "http://127.0.0.1", NULL) == 0,
	    "origin: same host without the port");
	ok(ov(0, h, "http://127.0.0.1:8081", NULL) == 0,
	    "origin: same host, other port");
	ok(ov(0, h, "http://127.0.0.1:80800", NULL) == 0,
	    "origin: port with an extra digit");
	ok(ov(0, h, "http://127.0.0.1:8080.evil.com", NULL) == 0,
	    "origin: host prefix attack");
	ok(ov(0, h, "http://127.0.0.1:8080@evil.com", NULL) == 0,
	    "origin: userinfo trick");
	ok(ov(0, h, "http://127.0.0.1:8080/", NULL) == 0,
	    "origin: an Origin never has a path");
	ok(ov(0, h, "null", NULL) == 0, "origin: \"null\" origin");
	ok(ov(0, h, "", NULL) == 0, "origin: empty origin");
	ok(ov(0, NULL, "http://127.0.0.1:8080", NULL) == 0,
	    "origin: Origin present but host NULL");
	ok(ov(0, h, NULL, "http://127.0.0.1:8080/utenti/3?x=1") == 1,
	    "referer: path on the same origin");
	ok(ov(0, h, NULL, "http://127.0.0.1:8080") == 1,
	    "referer: same origin without a path");
	ok(ov(0, h, NULL, "http://evil.example/127.0.0.1:8080") == 0,
	    "referer: another origin");
	ok(ov(0, h, NULL, "http://127.0.0.1:8080.evil.com/") == 0,
	    "referer: host prefix attack");
	ok(ov(1, h, NULL, "http://127.0.0.1:8080/") == 0,
	    "referer: http referer on an https site");
	ok(ov(0, NULL, NULL, "http://127.0.0.1:8080/") == 0,
	    "referer: present but host NULL");
	ok(ov(0, h, "http://evil.example", "http://127.0.0.1:8080/") == 0,
	    "origin: a bad Origin is not saved by a good Referer");
	ok(ov(0, h, "http://127.0.0.1:8080", "http://evil.example/") == 1,
	    "origin: Origin decides over Referer");
}

/* --- database part ---------------------------------------------------- */

static char dir[] = "/tmp/approdo-test-session-XXXXXX";
static char dbpath[512];

/* A request carrying `cookie` as its Cookie header. */
static void
req(struct request *r, int https, const char *cookie)
{
	memset(r, 0, sizeof *r);
	r->https = https;
	r->remote_addr = "127.0.0.1";
	parse_cookies(&r->pool, &r->cookies, cookie);
}

static void
req_free(struct request *r)
{
	buf_free(&r->headers);
	buf_free(&r->body);
	pool_free(&r->pool);
}

/* Creates a session for `uid` in its own transaction; 0 on success. */
static int
create(struct request *r, int https, long long uid)
{
	req(r, https, NULL);
	if (db_begin_write() != 0)
		return -1;
	if (session_create(r, uid) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/* 1 if the bytes of `needle` appear in any column of any sessioni row. */
static int
in_sessions(const void *needle, size_t n)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(db_handle(), "SELECT * FROM sessioni", -1, &st,
	    NULL) != SQLITE_OK)
		return 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const void *p;
			size_t len;

			if (sqlite3_column_type(st, c) == SQLITE_NULL)
				continue;
			if (sqlite3_column_type(st, c) == SQLITE_BLOB) {
				p = sqlite3_column_blob(st, c);
			} else
				p = sqlite3_column_text(st, c);
			len = (size_t)sqlite3_column_bytes(st, c);
			if (p && len >= n && memmem(p, len, needle, n))
				found = 1;
		}
	}
	sqlite3_finalize(st);
	return found;
}

static long long
load(struct request *r, int https, const char *cookie)
{
	req(r, https, cookie);
	return session_load(r);
}

static void
test_db(void)
{
	struct request r, r2, r3;
	char sql[512], cookie[200], expect[300];
	unsigned char hash[32], raw[32];
	long long uid, uid2, sid, now;
	const char *tok;
	int rc;

	/* The idle and absolute limits come from the environment. */
	setenv("APPRODO_DB", dbpath, 1);
	setenv("APPRODO_IDLE_MINUTES", "30", 1);
	setenv("APPRODO_ABSOLUTE_HOURS", "12", 1);
	config_load();
	ok(cfg.idle_minutes == 30 && cfg.absolute_hours == 12 &&
	    strcmp(cfg.db, dbpath) == 0, "config: limits and path from the env");
	ok(db_open(cfg.db) == 0, "db: open %s", cfg.db);
	rc = db_migrate(getenv("APPRODO_SQL"), 0);
	ok(rc >= 1, "db: migrated (%d)", rc);
	ok(exec("INSERT INTO utenti (username, nome, ruolo, password_hash)"
	    " VALUES ('mario', 'Mario Rossi', 'operatore', 'x'),"
	    " ('lucia', 'Lucia Bianchi', 'responsabile', 'x')") == SQLITE_OK,
	    "db: two users inserted");
	uid = q_int("SELECT id FROM utenti WHERE username = 'mario'");
	uid2 = q_int("SELECT id FROM utenti WHERE username = 'lucia'");

	/* Create over http. */
	rc = create(&r, 0, uid);
	ok(rc == 0 && r.session_id > 0 && r.token && r.csrf,
	    "create: session %lld", r.session_id);
	tok = r.token ? r.token : "";
	ok(strlen(tok) == 64 && strspn(tok, "0123456789abcdef") == 64,
	    "create: the token is 64 hex digits");
	ok(r.csrf && strlen(r.csrf) == 64 &&
	    strspn(r.csrf, "0123456789abcdef") == 64 && strcmp(r.csrf, tok) != 0,
	    "create: the CSRF token is 64 hex digits and not the token");
	snprintf(expect, sizeof expect,
	    "Set-Cookie: approdo=%s; Path=/; HttpOnly; SameSite=Strict\r\n", tok);
	ok(r.headers.p && strcmp(r.headers.p, expect) == 0,
	    "create: exact Set-Cookie over http (HttpOnly, SameSite=Strict, "
	    "no Secure, no Max-Age)");
	ok(db_in_transaction() == 0, "create: no transaction left open");

	/* Only the BLAKE2b hash of the token is stored. */
	crypto_generichash(hash, sizeof hash, (const unsigned char *)tok,
	    strlen(tok), NULL, 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE id = %lld"
	    " AND typeof(token_hash) = 'blob' AND length(token_hash) = 32",
	    r.session_id);
	ok(q_int(sql) == 1, "store: token_hash is a 32-byte blob");
	ok(in_sessions(hash, sizeof hash) == 1,
	    "store: the stored hash is BLAKE2b-256 of the token");
	ok(in_sessions(tok, strlen(tok)) == 0,
	    "store: the token text appears nowhere in sessioni");
	ok(sodium_hex2bin(raw, sizeof raw, tok, 64, NULL, NULL, NULL) == 0 &&
	    in_sessions(raw, sizeof raw) == 0,
	    "store: the token's raw bytes appear nowhere in sessioni");
	ok(in_sessions(tok + 20, 16) == 0,
	    "store: not even part of the token is stored");
	ok(in_sessions(r.csrf, 64) == 1, "store: the CSRF token is stored");

	/* Load with the cookie. */
	snprintf(cookie, sizeof cookie, "theme=dark; approdo=%s", tok);
	rc = (int)load(&r2, 0, cookie);
	ok(rc == 1 && r2.user.id == uid && r2.session_id == r.session_id,
	    "load: the cookie loads the session (%d)", rc);
	ok(r2.user.username && strcmp(r2.user.username, "mario") == 0 &&
	    r2.user.nome && strcmp(r2.user.nome, "Mario Rossi") == 0 &&
	    r2.user.role == ROLE_OPERATORE && r2.user.struttura_id == 0 &&
	    r2.user.cambio_password == 0,
	    "load: username, name and role of the user");
	ok(r2.csrf && strcmp(r2.csrf, r.csrf) == 0 && r2.avviso == NULL,
	    "load: the session's CSRF token, no message");
	ok(db_in_transaction() == 0, "load: no transaction left open");
	req_free(&r2);

	/* Wrong tokens. */
	{
		char bad[65];

		strcpy(bad, tok);
		bad[63] = bad[63] == '0' ? '1' : '0';
		snprintf(cookie, sizeof cookie, "approdo=%s", bad);
		ok(load(&r2, 0, cookie) == 0 && r2.user.id == 0 &&
		    r2.session_id == 0 && r2.csrf == NULL,
		    "load: a token differing in one digit loads nothing");
		req_free(&r2);
		snprintf(cookie, sizeof cookie, "approdo=%.63s", tok);
		ok(load(&r2, 0, cookie) == 0 && r2.user.id == 0,
		    "load: a token one digit short loads nothing");
		req_free(&r2);
		snprintf(cookie, sizeof cookie, "approdo=%s0", tok);
		ok(load(&r2, 0, cookie) == 0 && r2.user.id == 0,
		    "load: a token one digit long loads nothing");
		req_free(&r2);
		ok(load(&r2, 0, NULL) == 0 && r2.user.id == 0,
		    "load: no cookie loads nothing");
		req_free(&r2);
		snprintf(cookie, sizeof cookie, "approdo=%s", tok);
		ok(load(&r2, 1, cookie) == 0 && r2.user.id == 0,
		    "load: over https the plain \"approdo\" cookie is not read");
		req_free(&r2);
		snprintf(cookie, sizeof cookie, "Approdo=%s", tok);
		ok(load(&r2, 0, cookie) == 0 && r2.user.id == 0,
		    "load: the cookie name is case-sensitive");
		req_free(&r2);
	}

	/* A disabled user's session loads nothing, and again once enabled. */
	snprintf(sql, sizeof sql, "UPDATE utenti SET disattivato = 1 WHERE id = %lld",
	    uid);
	exec(sql);
	snprintf(cookie, sizeof cookie, "approdo=%s", tok);
	ok(load(&r2, 0, cookie) == 0 && r2.user.id == 0,
	    "load: a disabled user's session loads nothing");
	req_free(&r2);
	snprintf(sql, sizeof sql, "UPDATE utenti SET disattivato = 0 WHERE id = %lld",
	    uid);
	exec(sql);
	ok(load(&r2, 0, cookie) == 1 && r2.user.id == uid,
	    "load: the same session loads again once re-enabled");
	req_free(&r2);

	/* Touch: a session used two minutes ago is refreshed. */
	sid = r.session_id;
	snprintf(sql, sizeof sql, "UPDATE sessioni SET ultimo_uso = ultimo_uso - 120"
	    " WHERE id = %lld", sid);
	exec(sql);
	now = (long long)time(NULL);
	ok(load(&r2, 0, cookie) == 1, "load: used two minutes ago is live");
	snprintf(sql, sizeof sql, "SELECT ultimo_uso FROM sessioni WHERE id = %lld",
	    sid);
	ok(q_int(sql) >= now && q_int(sql) <= now + 5,
	    "load: ultimo_uso moved to now");
	req_free(&r2);

	/* One-shot message. */
	r2 = r;		/* same session */
	ok(db_begin_write() == 0 &&
	    session_set_avviso(&r2, "Password modificata.") == 0 &&
	    db_commit() == 0, "avviso: set");
	ok(load(&r2, 0, cookie) == 1 && r2.avviso &&
	    strcmp(r2.avviso, "Password modificata.") == 0,
	    "avviso: shown on the next load");
	req_free(&r2);
	snprintf(sql, sizeof sql, "SELECT avviso IS NULL FROM sessioni WHERE id = %lld",
	    sid);
	ok(q_int(sql) == 1, "avviso: consumed in the database");
	ok(load(&r2, 0, cookie) == 1 && r2.avviso == NULL,
	    "avviso: not shown twice");
	req_free(&r2);

	/* Idle expiry: refused and deleted. */
	snprintf(sql, sizeof sql, "UPDATE sessioni SET ultimo_uso = ultimo_uso - "
	    "%d WHERE id = %lld", (30 + 1) * 60, sid);
	exec(sql);
	ok(load(&r2, 0, cookie) == 0 && r2.user.id == 0 && r2.session_id == 0 &&
	    r2.csrf == NULL && r2.user.username == NULL,
	    "idle: a session idle for 31 minutes is refused");
	req_free(&r2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE id = %lld",
	    sid);
	ok(q_int(sql) == 0, "idle: and deleted");
	ok(db_in_transaction() == 0, "idle: no transaction left open");
	req_free(&r);

	/* Absolute expiry, with recent use. */
	rc = create(&r, 0, uid);
	sid = r.session_id;
	snprintf(sql, sizeof sql, "UPDATE sessioni SET creata = creata - %d"
	    " WHERE id = %lld", 12 * 3600 + 1, sid);
	exec(sql);
	snprintf(cookie, sizeof cookie, "approdo=%s", r.token);
	ok(rc == 0 && load(&r2, 0, cookie) == 0 && r2.user.id == 0,
	    "absolute: a session created 12 hours ago is refused");
	req_free(&r2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE id = %lld",
	    sid);
	ok(q_int(sql) == 0, "absolute: and deleted");
	req_free(&r);

	/* Over https: __Host- prefix and Secure. */
	rc = create(&r, 1, uid);
	snprintf(expect, sizeof expect, "Set-Cookie: __Host-approdo=%s; Path=/;"
	    " HttpOnly; SameSite=Strict; Secure\r\n", r.token ? r.token : "");
	ok(rc == 0 && r.headers.p && strcmp(r.headers.p, expect) == 0,
	    "https: exact Set-Cookie with __Host- and Secure");
	snprintf(cookie, sizeof cookie, "approdo=x; __Host-approdo=%s", r.token);
	ok(load(&r2, 1, cookie) == 1 && r2.user.id == uid,
	    "https: the __Host- cookie loads the session");
	req_free(&r2);
	snprintf(cookie, sizeof cookie, "__Host-approdo=%s", r.token);
	ok(load(&r2, 0, cookie) == 0,
	    "https: the __Host- cookie is not read over http");
	req_free(&r2);
	req_free(&r);

	/* Two logins: two tokens; ending the others keeps one. */
	exec("DELETE FROM sessioni");
	rc = create(&r, 0, uid);
	rc |= create(&r2, 0, uid);
	rc |= create(&r3, 0, uid2);
	ok(rc == 0 && strcmp(r.token, r2.token) != 0 &&
	    strcmp(r.csrf, r2.csrf) != 0 && r.session_id != r2.session_id,
	    "two logins give two different tokens and CSRF tokens");
	ok(q_int("SELECT count(*) FROM sessioni") == 3 &&
	    q_int("SELECT count(DISTINCT token_hash) FROM sessioni") == 3,
	    "three sessions stored, three hashes");
	ok(db_begin_write() == 0 && session_end_others(uid, r2.session_id) == 0 &&
	    db_commit() == 0, "end_others: runs");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE utente_id ="
	    " %lld", uid);
	ok(q_int(sql) == 1, "end_others: one session left for the user");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE id = %lld",
	    r2.session_id);
	ok(q_int(sql) == 1, "end_others: the kept one is the one named");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE utente_id ="
	    " %lld", uid2);
	ok(q_int(sql) == 1, "end_others: another user's session untouched");
	{
		struct request l;

		snprintf(cookie, sizeof cookie, "approdo=%s", r.token);
		ok(load(&l, 0, cookie) == 0, "end_others: the ended session is dead");
		req_free(&l);
		snprintf(cookie, sizeof cookie, "approdo=%s", r2.token);
		ok(load(&l, 0, cookie) == 1 && l.user.id == uid,
		    "end_others: the kept session is live");
		req_free(&l);
	}

	/* Logout. */
	{
		struct request l;

		snprintf(cookie, sizeof cookie, "approdo=%s", r2.token);
		load(&l, 0, cookie);
		ok(db_begin_write() == 0 && session_end(&l) == 0 &&
		    db_commit() == 0, "end: runs");
		ok(l.headers.p && strcmp(l.headers.p, "Set-Cookie: approdo=; Path=/;"
		    " HttpOnly; SameSite=Strict; Max-Age=0\r\n") == 0,
		    "end: the cookie is cleared with Max-Age=0");
		req_free(&l);
		ok(load(&l, 0, cookie) == 0, "end: the session is gone");
		req_free(&l);
	}

	/* Creating a session purges expired ones. */
	snprintf(sql, sizeof sql, "UPDATE sessioni SET ultimo_uso = ultimo_uso - "
	    "%d WHERE id = %lld", (30 + 1) * 60, r3.session_id);
	exec(sql);
	req_free(&r);
	rc = create(&r, 0, uid);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessioni WHERE id = %lld",
	    r3.session_id);
	ok(rc == 0 && q_int(sql) == 0,
	    "create: purges another user's expired session");
	ok(q_int("SELECT count(*) FROM sessioni") == 1,
	    "create: only the new session is left");

	/* Deleting a user deletes its sessions (foreign key cascade). */
	snprintf(sql, sizeof sql, "DELETE FROM utenti WHERE id = %lld", uid);
	ok(exec(sql) == SQLITE_OK &&
	    q_int("SELECT count(*) FROM sessioni") == 0,
	    "sessions follow their user (ON DELETE CASCADE)");

	req_free(&r);
	req_free(&r2);
	req_free(&r3);
	db_close();
}

int
main(void)
{
	if (sodium_init() < 0) {
		printf("Bail out! sodium_init failed\n");
		return 1;
	}
	test_expired();
	test_csrf();
	test_origin();

	if (getenv("APPRODO_SQL") == NULL)
		setenv("APPRODO_SQL", "sql", 1);
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	snprintf(dbpath, sizeof dbpath, "%s/approdo.db", dir);
	test_db();
	remove_db(dbpath);
	rmdir(dir);
	return done_testing();
}
