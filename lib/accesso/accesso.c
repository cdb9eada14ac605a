/*
** accesso: signing in and out, the home page with the tiles of every
** module the user may open, and changing one's own password. The
** program that serves it also answers every path no other serves (404).
*/
#include <sodium.h>
#include <string.h>

#include "accesso.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "form.h"
#include "notifiche.h"
#include "page.h"
#include "session.h"
#include "settings.h"

/* The login form has no session yet: its CSRF token is a cookie pair. */
static const char *
login_cookie_name(const struct request *r)
{
	return r->https ? "__Host-approdo_login" : "approdo_login";
}

static const struct field login_fields[] = {
	{ .name = "username", .label = "Nome utente", .type = FIELD_TEXT,
	  .flags = FIELD_REQUIRED, .max = 100 },
	{ .name = "password", .label = "Password", .type = FIELD_PASSWORD,
	  .flags = FIELD_REQUIRED, .max = 1000 },
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
	return page_render(r, "accesso/login.cs", "Accesso");
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
		/* Nobody signed in: counted, not one row each (audit.c). */
		audit_attempt(r, "login senza token", 0);
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
	if (db_begin_write() != 0)
		return 500;
	audit_log(r, "logout", "utente", r->user.id, NULL);
	session_end(r);
	if (db_commit() != 0)
		return 500;
	return response_redirect(r, "/login");
}

static const char SQL_HOME[] =
    "SELECT datetime(accesso_precedente, 'localtime') AS accesso_precedente,"
    " falliti_prima FROM utenti WHERE id = :id";

/* GET /: who you are, your previous login, and what you may open. */
static int
home(struct request *r)
{
	struct stmt *st = db_query(SQL_HOME, ARGS(ARG_INT("id", r->user.id)));

	if (db_step(st) == SQLITE_ROW) {
		if (!db_is_null(st, "accesso_precedente"))
			page_set(r, "Home.previous_login",
			    db_text(st, "accesso_precedente"));
		page_set_int(r, "Home.failed_since", db_int(st, "falliti_prima"));
	}
	db_done(st);
	module_links(r, "Home.areas", 1);
	notifiche_page(r, "Home.notifiche");
	page_set_int(r, "Home.idle_minutes", cfg.idle_minutes);
	return page_render(r, "accesso/home.cs", "Home");
}

/* POST /notifiche/N/letta: read; then where it points, or home. */
static int
notifica_letta_post(struct request *r)
{
	const char *href;
	int rc;

	if (db_begin_light() != 0)
		return 500;
	href = db_string(&r->pool, "SELECT href FROM notifiche WHERE id = :id"
	    " AND utente_id = :utente", ARGS(ARG_INT("id", r->id[0]),
	    ARG_INT("utente", r->user.id)));
	rc = notifica_letta(r, r->id[0]);
	if (rc < 0 || db_commit() != 0)
		return 500;
	if (href == NULL)
		return 404;
	return response_redirect(r, *href ? href : "/");
}

static const struct field password_fields[] = {
	{ .name = "attuale", .label = "Password attuale", .type = FIELD_PASSWORD,
	  .flags = FIELD_REQUIRED, .max = 1000 },
	{ .name = "nuova", .label = "Nuova password", .type = FIELD_PASSWORD,
	  .flags = FIELD_REQUIRED, .max = 1000,
	  .hint = "Almeno 10 caratteri. Una frase lunga è più sicura e più "
	  "facile da ricordare." },
	{ .name = "conferma", .label = "Ripeti la nuova password",
	  .type = FIELD_PASSWORD, .flags = FIELD_REQUIRED, .max = 1000 },
};

static int
password_page(struct request *r, struct form *f)
{
	form_page(r, f);
	if (r->user.cambio_password)
		page_set(r, "Password.required", "1");
	return page_render(r, "accesso/password.cs", "Cambia password");
}

static int
password_get(struct request *r)
{
	struct form f;

	form_init(&f, password_fields, COUNT(password_fields));
	return password_page(r, &f);
}

static const char SQL_PASSWORD_HASH[] =
    "SELECT password_hash FROM utenti WHERE id = :id";
static const char SQL_PASSWORD_SET[] =
    "UPDATE utenti SET password_hash = :hash, cambio_password = 0"
    " WHERE id = :id";

static int
password_post(struct request *r)
{
	char hash[crypto_pwhash_STRBYTES];
	const char *problem, *nuova, *stored;
	struct form f;
	int ok;

	form_init(&f, password_fields, COUNT(password_fields));
	if (form_read(r, &f) > 0)
		return password_page(r, &f);
	nuova = form_value(&f, "nuova");
	stored = db_string(&r->pool, SQL_PASSWORD_HASH, ARGS(ARG_INT("id",
	    r->user.id)));
	ok = stored && password_verify(stored, form_value(&f, "attuale"));
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

	if (password_hash(nuova, hash) != 0 || db_begin_write() != 0)
		return 500;
	db_write(SQL_PASSWORD_SET, ARGS(ARG_INT("id", r->user.id),
	    ARG_TEXT("hash", hash)));
	sodium_memzero(hash, sizeof hash);
	audit_log(r, "update", "utente", r->user.id,
	    "password cambiata dall'utente");
	session_end_others(r->user.id, r->session_id);
	session_set_avviso(r, "Password modificata.");
	if (db_commit() != 0)
		return 500;
	return response_redirect(r, "/");
}

static const struct route routes[] = {
	{ "GET", "/", &perm_login, .handler = home },
	{ "GET", "/login", &perm_public, .handler = login_get },
	{ "POST", "/login", &perm_public, .handler = login_post },
	{ "POST", "/logout", &perm_login, .handler = logout },
	{ "GET", "/password", &perm_login, .handler = password_get },
	{ "POST", "/password", &perm_login, .handler = password_post },
	{ "POST", "/notifiche/#/letta", &perm_login,
	  .handler = notifica_letta_post },
};

static const struct link nav[] = {
	{ .href = "/", .title = "Home", .perm = &perm_login },
};

const struct module accesso_modulo = {
	.name = "accesso",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
};
