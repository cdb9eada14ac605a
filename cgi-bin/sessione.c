/*
** sessione: signing in and out, the home page, and changing one's own
** password. It also answers every path no other program serves (404).
*/
#include <sodium.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "settings.h"
#include "db.h"
#include "form.h"
#include "page.h"
#include "session.h"

/* The login form has no session yet: its CSRF token is a cookie pair. */
static const char *
login_cookie_name(const struct request *r)
{
	return r->https ? "__Host-approdo_login" : "approdo_login";
}

static const struct field login_fields[] = {
	{ "username", "Nome utente", FIELD_TEXT, 1, 0, 100, NULL, 0, NULL },
	{ "password", "Password", FIELD_PASSWORD, 1, 0, 1000, NULL, 0, NULL },
};

static int
login_page(struct request *r, struct form *f, const char *error)
{
	const char *token = params_get(&r->cookies, login_cookie_name(r));

	if (token == NULL || strlen(token) != 64) {
		unsigned char raw[32];
		char hex[65];

		randombytes_buf(raw, sizeof raw);
		hex_encode(hex, raw, sizeof raw);
		token = pool_strdup(&r->pool, hex);
		response_cookie(r, login_cookie_name(r), token, -1);
	}
	page_set(r, "Login.csrf", token);
	if (error)
		page_set(r, "Login.error", error);
	form_page(r, f);
	return page_render(r, "login.cs", "Accesso");
}

static int
login_get(struct request *r)
{
	struct form f;

	if (r->user.id)
		return response_redirect(r, "/");
	form_init(&f, login_fields, COUNT(login_fields));
	return login_page(r, &f, NULL);
}

static int
login_post(struct request *r)
{
	const char *cookie = params_get(&r->cookies, login_cookie_name(r));
	struct form f;
	int rc;

	if (!origin_valid(r) || cookie == NULL ||
	    !csrf_valid(cookie, request_post(r, "csrf"))) {
		audit_now(r, "permission_denied", "csrf", 0, r->path);
		return 403;
	}
	form_init(&f, login_fields, COUNT(login_fields));
	if (form_read(r, &f) > 0)
		return login_page(r, &f, NULL);
	rc = login(r, form_value(&f, "username"), form_value(&f, "password"));
	if (rc < 0)
		return 500;
	if (rc > 0)
		return login_page(r, &f, "Nome utente o password non validi, "
		    "oppure account temporaneamente bloccato. Riprova tra "
		    "qualche minuto o rivolgiti all'amministratore.");
	response_cookie(r, login_cookie_name(r), "", 0);
	return response_redirect(r, "/");
}

static int
logout(struct request *r)
{
	if (db_begin_write() != 0 ||
	    audit_log(r, "logout", "utente", r->user.id, NULL) < 0 ||
	    session_end(r) != 0 || db_commit() != 0)
		return 500;
	return response_redirect(r, "/login");
}

static const char SQL_HOME[] =
    "SELECT datetime(accesso_precedente, 'localtime'), falliti_prima"
    " FROM utenti WHERE id = ?";

static const struct {
	const char *href;
	const char *title;
	const char *text;
	enum perm perm;
} areas[] = {
	{ "/minori", "Minori in carico",
	  "Presa in carico, fascicoli, ricerca ed elenchi dei minori.",
	  PERM_CASE_READ },
	{ "/utenti", "Utenti",
	  "Crea utenti, assegna ruoli e strutture, disattiva account, "
	  "reimposta password.", PERM_USERS },
	{ "/registro", "Registro accessi",
	  "Chi ha visto o modificato cosa, quando e da dove.", PERM_AUDIT },
	{ "/password", "La mia password",
	  "Cambia la password con cui accedi ad Approdo.", PERM_LOGIN },
};

static int
home(struct request *r)
{
	sqlite3_stmt *st = db_prepare(SQL_HOME);
	int k = 0;

	db_bind_int(st, 1, r->user.id);
	if (db_step(st) == SQLITE_ROW) {
		if (!db_is_null(st, 0))
			page_set(r, "Home.previous_login", db_text(st, 0));
		page_set_int(r, "Home.failed_since", db_int(st, 1));
	}
	db_done(st);
	for (size_t i = 0; i < COUNT(areas); i++) {
		if (!role_can(r->user.role, areas[i].perm))
			continue;
		page_set_item(r, "Home.areas", k, "href", areas[i].href);
		page_set_item(r, "Home.areas", k, "title", areas[i].title);
		page_set_item(r, "Home.areas", k, "text", areas[i].text);
		k++;
	}
	page_set_int(r, "Home.idle_minutes", cfg.idle_minutes);
	return page_render(r, "home.cs", "Home");
}

static const struct field password_fields[] = {
	{ "attuale", "Password attuale", FIELD_PASSWORD, 1, 0, 1000, NULL, 0,
	  NULL },
	{ "nuova", "Nuova password", FIELD_PASSWORD, 1, 0, 1000, NULL, 0,
	  "Almeno 10 caratteri. Una frase lunga è più sicura e più facile da "
	  "ricordare." },
	{ "conferma", "Ripeti la nuova password", FIELD_PASSWORD, 1, 0, 1000,
	  NULL, 0, NULL },
};

static int
password_page(struct request *r, struct form *f)
{
	form_page(r, f);
	if (r->user.cambio_password)
		page_set(r, "Password.required", "1");
	return page_render(r, "password.cs", "Cambia password");
}

static int
password_get(struct request *r)
{
	struct form f;

	form_init(&f, password_fields, COUNT(password_fields));
	return password_page(r, &f);
}

static const char SQL_PASSWORD_HASH[] =
    "SELECT password_hash FROM utenti WHERE id = ?";
static const char SQL_PASSWORD_SET[] =
    "UPDATE utenti SET password_hash = ?2, cambio_password = 0 WHERE id = ?1";

static int
password_post(struct request *r)
{
	char hash[crypto_pwhash_STRBYTES];
	const char *problem, *nuova;
	sqlite3_stmt *st;
	struct form f;
	int ok = 0;

	form_init(&f, password_fields, COUNT(password_fields));
	if (form_read(r, &f) > 0)
		return password_page(r, &f);
	nuova = form_value(&f, "nuova");
	st = db_prepare(SQL_PASSWORD_HASH);
	db_bind_int(st, 1, r->user.id);
	if (db_step(st) == SQLITE_ROW)
		ok = password_verify(db_text(st, 0), form_value(&f, "attuale"));
	db_done(st);
	if (!ok)
		form_fail(&f, "attuale", "La password attuale non è corretta.");
	if ((problem = password_problem(nuova)) != NULL)
		form_fail(&f, "nuova", problem);
	else if (strcmp(nuova, form_value(&f, "attuale")) == 0)
		form_fail(&f, "nuova", "La nuova password deve essere diversa "
		    "da quella attuale.");
	if (strcmp(nuova, form_value(&f, "conferma")) != 0)
		form_fail(&f, "conferma", "Le due password non coincidono.");
	if (f.nerrors > 0)
		return password_page(r, &f);

	if (password_hash(nuova, hash) != 0)
		return 500;
	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(SQL_PASSWORD_SET);
	db_bind_int(st, 1, r->user.id);
	db_bind_text(st, 2, hash);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	sodium_memzero(hash, sizeof hash);
	if (!ok || audit_log(r, "update", "utente", r->user.id,
	    "password cambiata dall'utente") < 0 ||
	    session_end_others(r->user.id, r->session_id) != 0 ||
	    session_set_avviso(r, "Password modificata.") != 0 ||
	    db_commit() != 0)
		return 500;
	return response_redirect(r, "/");
}

static const struct route routes[] = {
	{ "GET", "/", PERM_LOGIN, home },
	{ "GET", "/login", PERM_PUBLIC, login_get },
	{ "POST", "/login", PERM_PUBLIC, login_post },
	{ "POST", "/logout", PERM_LOGIN, logout },
	{ "GET", "/password", PERM_LOGIN, password_get },
	{ "POST", "/password", PERM_LOGIN, password_post },
};

int
main(int argc, char **argv)
{
	static const struct program prog = { "sessione", routes, COUNT(routes) };

	return app_main(&prog, argc, argv);
}
