/*
** utenti: user administration for the amministratore: list, create,
** change role and facility, disable, reset password. Every change is
** audited with old and new values.
*/
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "form.h"
#include "minore.h"
#include "page.h"
#include "session.h"

static const struct choice ruoli[] = {
	{ "amministratore", "Amministratore" },
	{ "responsabile", "Responsabile" },
	{ "operatore", "Operatore" },
	{ "struttura", "Struttura di accoglienza" },
	{ "formazione", "Formazione" },
	{ "comunicazione", "Comunicazione" },
};

enum { F_USERNAME, F_NOME, F_EMAIL, F_RUOLO, F_STRUTTURA, F_DISATTIVATO,
    F_PASSWORD };

static const struct field user_fields[] = {
	[F_USERNAME] = { "username", "Nome utente", FIELD_USERNAME, 1, 3, 64,
	    NULL, 0, "Lettere, cifre, punto, trattino: es. m.rossi" },
	[F_NOME] = { "nome", "Nome e cognome", FIELD_TEXT, 1, 2, 120, NULL, 0,
	    NULL },
	[F_EMAIL] = { "email", "Email", FIELD_EMAIL, 0, 0, 254, NULL, 0,
	    "Per gli avvisi di scadenza." },
	[F_RUOLO] = { "ruolo", "Ruolo", FIELD_CHOICE, 1, 0, 0, ruoli,
	    COUNT(ruoli), NULL },
	[F_STRUTTURA] = { "struttura_id", "Struttura", FIELD_CHOICE, 0, 0, 0,
	    NULL, 0, "Solo per il ruolo Struttura di accoglienza." },
	[F_DISATTIVATO] = { "disattivato", "Account disattivato",
	    FIELD_CHECKBOX, 0, 0, 0, NULL, 0,
	    "Un account disattivato non può accedere; i suoi dati restano." },
	[F_PASSWORD] = { "password", "Password iniziale", FIELD_PASSWORD, 1, 0,
	    1000, NULL, 0, "Almeno 10 caratteri. L'utente dovrà cambiarla al "
	    "primo accesso." },
};

/* The user form, with the facilities as the choices of its struttura field. */
static void
user_form(struct form *f, struct field *fields)
{
	memcpy(fields, user_fields, sizeof user_fields);
	fields[F_STRUTTURA].choices = strutture_choices(
	    &fields[F_STRUTTURA].nchoices);
	form_init(f, fields, COUNT(user_fields));
}

/* Rules that span fields: a facility user needs a facility, no one else. */
static void
user_form_check(struct form *f)
{
	const char *ruolo = form_value(f, "ruolo");
	const char *struttura = form_value(f, "struttura_id");

	if (ruolo && strcmp(ruolo, "struttura") == 0 && struttura == NULL)
		form_fail(f, "struttura_id", "Per il ruolo Struttura di "
		    "accoglienza occorre indicare la struttura.");
	if (ruolo && strcmp(ruolo, "struttura") != 0 && struttura != NULL)
		form_fail(f, "struttura_id", "La struttura si indica solo per "
		    "il ruolo Struttura di accoglienza.");
}

static const char SQL_USERS[] =
    "SELECT u.id, u.username, u.nome, u.ruolo, coalesce(s.nome, ''),"
    " u.disattivato, coalesce(datetime(u.ultimo_accesso, 'localtime'), ''),"
    " u.bloccato_fino > unixepoch()"
    " FROM utenti u LEFT JOIN strutture s ON s.id = u.struttura_id"
    " ORDER BY u.disattivato, u.username";

static int
users_list(struct request *r)
{
	sqlite3_stmt *st = db_prepare(SQL_USERS);
	int i = 0;

	while (db_step(st) == SQLITE_ROW) {
		enum role role = ROLE__MAX;

		role_parse(db_text(st, 3), &role);
		page_set_item_int(r, "Users", i, "id", db_int(st, 0));
		page_set_item(r, "Users", i, "username", db_text(st, 1));
		page_set_item(r, "Users", i, "nome", db_text(st, 2));
		page_set_item(r, "Users", i, "ruolo", role_label(role));
		page_set_item(r, "Users", i, "struttura", db_text(st, 4));
		page_set_item_int(r, "Users", i, "disattivato", db_int(st, 5));
		page_set_item(r, "Users", i, "ultimo_accesso", db_text(st, 6));
		page_set_item_int(r, "Users", i, "bloccato", db_int(st, 7));
		i++;
	}
	db_done(st);
	return page_render(r, "utenti.cs", "Utenti");
}

static int
user_new_page(struct request *r, struct form *f)
{
	form_page(r, f);
	page_set(r, "Utente.new", "1");
	return page_render(r, "utente.cs", "Nuovo utente");
}

static int
user_new_get(struct request *r)
{
	struct field fields[COUNT(user_fields)];
	struct form f;

	user_form(&f, fields);
	return user_new_page(r, &f);
}

static const char SQL_USER_EXISTS[] =
    "SELECT 1 FROM utenti WHERE username = ?";
static const char SQL_USER_INSERT[] =
    "INSERT INTO utenti (username, nome, email, ruolo, struttura_id,"
    " password_hash, cambio_password) VALUES (?, ?, ?, ?, ?, ?, 1)";

static int
user_new_post(struct request *r)
{
	struct field fields[COUNT(user_fields)];
	char hash[crypto_pwhash_STRBYTES];
	const char *problem;
	sqlite3_stmt *st;
	struct form f;
	long long id, audit_id;
	int exists, ok;

	user_form(&f, fields);
	form_read(r, &f);
	user_form_check(&f);
	if (form_value(&f, "password") &&
	    (problem = password_problem(form_value(&f, "password"))) != NULL)
		form_fail(&f, "password", problem);
	if (form_value(&f, "username")) {
		st = db_prepare(SQL_USER_EXISTS);
		db_bind_text(st, 1, form_value(&f, "username"));
		exists = db_step(st) == SQLITE_ROW;
		db_done(st);
		if (exists)
			form_fail(&f, "username", "Esiste già un utente con "
			    "questo nome.");
	}
	if (f.nerrors > 0)
		return user_new_page(r, &f);

	if (password_hash(form_value(&f, "password"), hash) != 0)
		return 500;
	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(SQL_USER_INSERT);
	db_bind_text(st, 1, form_value(&f, "username"));
	db_bind_text(st, 2, form_value(&f, "nome"));
	db_bind_text(st, 3, form_value(&f, "email") ? form_value(&f, "email") : "");
	db_bind_text(st, 4, form_value(&f, "ruolo"));
	db_bind_text(st, 5, form_value(&f, "struttura_id"));
	db_bind_text(st, 6, hash);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	sodium_memzero(hash, sizeof hash);
	if (!ok)
		return 500;
	id = db_last_id();
	{
		const struct change c[] = {
			{ "username", NULL, form_value(&f, "username") },
			{ "nome", NULL, form_value(&f, "nome") },
			{ "email", NULL, form_value(&f, "email") },
			{ "ruolo", NULL, form_value(&f, "ruolo") },
			{ "struttura_id", NULL, form_value(&f, "struttura_id") },
		};

		audit_id = audit_log(r, "create", "utente", id, NULL);
		if (audit_id < 0 || audit_changes(audit_id, c, COUNT(c)) != 0 ||
		    session_set_avviso(r, "Utente creato.") != 0 ||
		    db_commit() != 0)
			return 500;
	}
	return response_redirect(r, "/utenti");
}

static const char SQL_USER_GET[] =
    "SELECT username, nome, email, ruolo, struttura_id, disattivato,"
    " bloccato_fino > unixepoch(), tentativi_falliti"
    " FROM utenti WHERE id = ?";

/* The stored values of a user, in the order of user_fields. */
struct stored_user {
	const char *v[F_PASSWORD];
	int bloccato, tentativi;
};

static int
user_load(struct request *r, long long id, struct stored_user *u)
{
	sqlite3_stmt *st = db_prepare(SQL_USER_GET);
	int found;

	db_bind_int(st, 1, id);
	found = db_step(st) == SQLITE_ROW;
	if (found) {
		for (int i = 0; i < F_PASSWORD; i++)
			u->v[i] = db_is_null(st, i) ? NULL :
			    pool_strdup(&r->pool, db_text(st, i));
		if (u->v[F_DISATTIVATO] && strcmp(u->v[F_DISATTIVATO], "0") == 0)
			u->v[F_DISATTIVATO] = NULL;
		if (u->v[F_EMAIL] && *u->v[F_EMAIL] == '\0')
			u->v[F_EMAIL] = NULL;
		u->bloccato = (int)db_int(st, 6);
		u->tentativi = (int)db_int(st, 7);
	}
	db_done(st);
	return found;
}

static int
user_edit_page(struct request *r, struct form *f, const struct stored_user *u,
    struct form *pw)
{
	form_page(r, f);
	page_set_int(r, "Utente.id", r->id[0]);
	page_set(r, "Utente.username", u->v[F_USERNAME]);
	page_set_int(r, "Utente.bloccato", u->bloccato);
	page_set_int(r, "Utente.self", r->id[0] == r->user.id);
	if (pw) {
		/* The reset-password form has its own errors. */
		const char *e = pw->error[0];

		if (e)
			page_set(r, "Reset.error", e);
	}
	return page_render(r, "utente.cs", "Modifica utente");
}

static int
user_edit_get(struct request *r)
{
	struct field fields[COUNT(user_fields)];
	struct stored_user u;
	struct form f;

	if (!user_load(r, r->id[0], &u))
		return 404;
	user_form(&f, fields);
	for (int i = 0; i < F_PASSWORD; i++)
		form_set(r, &f, user_fields[i].name, u.v[i]);
	return user_edit_page(r, &f, &u, NULL);
}

static const char SQL_USER_UPDATE[] =
    "UPDATE utenti SET nome = ?2, email = ?3, ruolo = ?4, struttura_id = ?5,"
    " disattivato = ?6 WHERE id = ?1";
static const char SQL_USER_SESSIONS_END[] =
    "DELETE FROM sessioni WHERE utente_id = ?";

static int
user_edit_post(struct request *r)
{
	struct field fields[COUNT(user_fields)];
	struct stored_user u;
	struct form f;
	int ok;

	if (!user_load(r, r->id[0], &u))
		return 404;
	user_form(&f, fields);
	/* The username and password are not edited here. */
	fields[F_USERNAME].flags = 0;
	fields[F_PASSWORD].flags = 0;
	form_read(r, &f);
	form_set(r, &f, "username", u.v[F_USERNAME]);
	user_form_check(&f);
	if (r->id[0] == r->user.id && (form_value(&f, "disattivato") ||
	    (form_value(&f, "ruolo") &&
	    strcmp(form_value(&f, "ruolo"), "amministratore") != 0)))
		form_fail(&f, "ruolo", "Non puoi disattivare il tuo account né "
		    "togliergli il ruolo di amministratore.");
	if (f.nerrors > 0)
		return user_edit_page(r, &f, &u, NULL);

	if (db_begin_write() != 0)
		return 500;
	{
		sqlite3_stmt *st = db_prepare(SQL_USER_UPDATE);
		const char *disattivato = form_value(&f, "disattivato");
		const struct change c[] = {
			{ "nome", u.v[F_NOME], form_value(&f, "nome") },
			{ "email", u.v[F_EMAIL], form_value(&f, "email") },
			{ "ruolo", u.v[F_RUOLO], form_value(&f, "ruolo") },
			{ "struttura_id", u.v[F_STRUTTURA],
			  form_value(&f, "struttura_id") },
			{ "disattivato", u.v[F_DISATTIVATO] ? "1" : "0",
			  disattivato ? "1" : "0" },
		};

		db_bind_int(st, 1, r->id[0]);
		db_bind_text(st, 2, form_value(&f, "nome"));
		db_bind_text(st, 3, form_value(&f, "email") ?
		    form_value(&f, "email") : "");
		db_bind_text(st, 4, form_value(&f, "ruolo"));
		db_bind_text(st, 5, form_value(&f, "struttura_id"));
		db_bind_int(st, 6, disattivato != NULL);
		ok = db_step(st) == SQLITE_DONE;
		db_done(st);
		/* A disabled user or a changed role starts from a new login. */
		if (ok && (disattivato || strcmp(u.v[F_RUOLO],
		    form_value(&f, "ruolo")) != 0))
			ok = db_exec(SQL_USER_SESSIONS_END, r->id[0]) == 0;
		if (!ok || audit_update(r, "utente", r->id[0], c, COUNT(c)) != 0 ||
		    session_set_avviso(r, "Modifiche salvate.") != 0 ||
		    db_commit() != 0)
			return 500;
	}
	return response_redirect(r, "/utenti");
}

static const struct field reset_fields[] = {
	{ "password", "Nuova password provvisoria", FIELD_PASSWORD, 1, 0, 1000,
	  NULL, 0, NULL },
};

static const char SQL_USER_RESET[] =
    "UPDATE utenti SET password_hash = ?2, cambio_password = 1,"
    " tentativi_falliti = 0, bloccato_fino = 0 WHERE id = ?1";

/* Sets a temporary password, unlocks, and ends the user's sessions. */
static int
user_reset_post(struct request *r)
{
	char hash[crypto_pwhash_STRBYTES];
	struct stored_user u;
	const char *problem;
	struct form pw;
	int ok;

	if (!user_load(r, r->id[0], &u))
		return 404;
	form_init(&pw, reset_fields, COUNT(reset_fields));
	form_read(r, &pw);
	if (form_value(&pw, "password") &&
	    (problem = password_problem(form_value(&pw, "password"))) != NULL)
		form_fail(&pw, "password", problem);
	if (pw.nerrors > 0) {
		struct field fields[COUNT(user_fields)];
		struct form f;

		user_form(&f, fields);
		for (int i = 0; i < F_PASSWORD; i++)
			form_set(r, &f, user_fields[i].name, u.v[i]);
		return user_edit_page(r, &f, &u, &pw);
	}
	if (password_hash(form_value(&pw, "password"), hash) != 0 ||
	    db_begin_write() != 0)
		return 500;
	{
		sqlite3_stmt *st = db_prepare(SQL_USER_RESET);

		db_bind_int(st, 1, r->id[0]);
		db_bind_text(st, 2, hash);
		ok = db_step(st) == SQLITE_DONE;
		db_done(st);
	}
	sodium_memzero(hash, sizeof hash);
	if (!ok || db_exec(SQL_USER_SESSIONS_END, r->id[0]) != 0 ||
	    audit_log(r, "update", "utente", r->id[0],
	    "password reimpostata dall'amministratore") < 0 ||
	    session_set_avviso(r, "Password reimpostata: l'utente dovrà "
	    "cambiarla al prossimo accesso.") != 0 || db_commit() != 0)
		return 500;
	return response_redirect(r, "/utenti");
}

static const struct route routes[] = {
	{ "GET", "/utenti", PERM_USERS, users_list },
	{ "GET", "/utenti/nuovo", PERM_USERS, user_new_get },
	{ "POST", "/utenti/nuovo", PERM_USERS, user_new_post },
	{ "GET", "/utenti/#", PERM_USERS, user_edit_get },
	{ "POST", "/utenti/#", PERM_USERS, user_edit_post },
	{ "POST", "/utenti/#/password", PERM_USERS, user_reset_post },
};

int
main(int argc, char **argv)
{
	static const struct program prog = { "utenti", routes, COUNT(routes) };

	return app_main(&prog, argc, argv);
}
