/*
** One user: the table utenti's writer for administration (the login
** counters are the platform's, in lib/core/auth.c), the list, and the
** forms that create a user, change one, and reset a password. Every
** change is audited with old and new values.
*/
#include <sodium.h>
#include <string.h>

#include "auth.h"
#include "interno.h"
#include "page.h"
#include "record.h"
#include "session.h"
#include "strutture.h"
#include "utenti.h"

static const char SQL_OPERATORI[] =
    "SELECT id AS value, nome AS label FROM utenti WHERE disattivato = 0"
    " AND ruolo IN ('operatore', 'responsabile') ORDER BY nome";

/* The case workers (and the responsabile), for assigning a case. */
const struct choice *
utenti_operatori(size_t *n)
{
	static struct db_choices k = { .sql = SQL_OPERATORI };

	return db_choices(&k, n);
}

static const char SQL_NOMI[] =
    "SELECT id AS value, nome AS label FROM utenti ORDER BY id";

/* Every user's name by id, disabled or not: for lists of cases. */
const struct choice *
utenti_nomi(size_t *n)
{
	static struct db_choices k = { .sql = SQL_NOMI };

	return db_choices(&k, n);
}

static const char SQL_USER_INSERT[] =
    "INSERT INTO utenti (username, nome, email, ruolo, struttura_id,"
    " password_hash, cambio_password) VALUES (:username, :nome,"
    " coalesce(:email, ''), :ruolo, :struttura_id, :hash, :cambio)";

/*
** Adds a user in the caller's transaction (the caller writes the audit
** row); the new id, or -1. The password is already hashed.
*/
long long
utente_add(const char *username, const char *nome, const char *email,
    const char *ruolo, const char *struttura_id, const char *hash,
    int cambio_password)
{
	return db_insert(SQL_USER_INSERT, ARGS(
	    ARG_TEXT("username", username), ARG_TEXT("nome", nome),
	    ARG_TEXT("email", email), ARG_TEXT("ruolo", ruolo),
	    ARG_TEXT("struttura_id", struttura_id), ARG_TEXT("hash", hash),
	    ARG_INT("cambio", cambio_password)));
}

static const char SQL_USERS[] =
    "SELECT u.id, u.username, u.nome, u.ruolo, coalesce(s.nome, '')"
    " AS struttura, u.disattivato,"
    " coalesce(datetime(u.ultimo_accesso, 'localtime'), '') AS ultimo_accesso,"
    " u.bloccato_fino > unixepoch() AS bloccato"
    " FROM utenti u LEFT JOIN strutture s ON s.id = u.struttura_id"
    " ORDER BY u.disattivato, u.username";

/* GET /utenti */
int
utenti_elenco(struct request *r)
{
	struct label ruolo = { .column = "ruolo", .field = "ruolo" };

	ruolo.choices = role_choices(&ruolo.n);
	page_rows(r, "Users", db_prepare(SQL_USERS), 0, row_label, &ruolo);
	return page_render(r, "utenti/utenti.cs", "Utenti");
}

static const struct field user_fields[] = {
	{ .name = "username", .label = "Nome utente", .type = FIELD_USERNAME,
	  .flags = FIELD_REQUIRED, .min = 3, .max = 64,
	  .hint = "Lettere, cifre, punto, trattino: es. m.rossi" },
	{ .name = "nome", .label = "Nome e cognome", .type = FIELD_TEXT,
	  .flags = FIELD_REQUIRED, .min = 2, .max = 120 },
	{ .name = "email", .label = "Email", .type = FIELD_EMAIL, .max = 254,
	  .hint = "Per gli avvisi di scadenza." },
	{ .name = "ruolo", .label = "Ruolo", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED },
	{ .name = "struttura_id", .label = "Struttura", .type = FIELD_CHOICE,
	  .hint = "Solo per il ruolo Struttura di accoglienza." },
	{ .name = "disattivato", .label = "Account disattivato",
	  .type = FIELD_CHECKBOX,
	  .hint = "Un account disattivato non può accedere; i suoi dati restano." },
	{ .name = "password", .label = "Password iniziale", .type = FIELD_PASSWORD,
	  .flags = FIELD_REQUIRED | FIELD_NOAUDIT, .max = 1000,
	  .hint = "Almeno 10 caratteri. L'utente dovrà cambiarla al primo "
	  "accesso." },
};
#define F_EDIT_FIRST 1		/* the edit form: nome .. disattivato */
#define F_EDIT_COUNT 5

static void
user_fields_load(struct field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(f[i].name, "ruolo") == 0)
			f[i].choices = role_choices(&f[i].nchoices);
		if (strcmp(f[i].name, "struttura_id") == 0)
			f[i].choices = strutture_choices(&f[i].nchoices);
	}
}

/* Rules that span fields: a facility user needs a facility, no one else. */
static void
user_check(struct edit *e)
{
	const char *ruolo = form_value(&e->form, "ruolo");
	const char *struttura = form_value(&e->form, "struttura_id");

	if (ruolo && strcmp(ruolo, "struttura") == 0 && struttura == NULL)
		form_fail(&e->form, "struttura_id", "Per il ruolo Struttura di "
		    "accoglienza occorre indicare la struttura.");
	if (ruolo && strcmp(ruolo, "struttura") != 0 && struttura != NULL)
		form_fail(&e->form, "struttura_id", "La struttura si indica "
		    "solo per il ruolo Struttura di accoglienza.");
}

/* Checks and hashes a new password outside the transaction. */
static void
user_password_prepare(struct edit *e)
{
	const char *pw = form_value(&e->form, "password");
	const char *problem;
	char *hash;

	if (pw == NULL)
		return;
	if ((problem = password_problem(pw)) != NULL) {
		form_fail(&e->form, "password", problem);
		return;
	}
	if (e->form.nerrors > 0)
		return;
	hash = pool_alloc(&e->r->pool, crypto_pwhash_STRBYTES);
	if (password_hash(pw, hash) == 0)
		e->data = hash;
}

static const char *
to_list(struct edit *e)
{
	(void)e;
	return "/utenti";
}

/* What the three user forms share: back to the list, views not audited. */
#define UTENTE_FORM .entity = "utente", .next = to_list, \
	.flags = RECORD_NO_VIEW_AUDIT

static const char SQL_USER_EXISTS[] =
    "SELECT 1 FROM utenti WHERE username = :username";

static void
user_new_check(struct edit *e)
{
	const char *username = form_value(&e->form, "username");

	user_check(e);
	if (username && db_value(SQL_USER_EXISTS, ARGS(ARG_TEXT("username",
	    username)), 0))
		form_fail(&e->form, "username", "Esiste già un utente con "
		    "questo nome.");
}

static int
user_new_save(struct edit *e)
{
	const struct form *f = &e->form;

	if (e->data == NULL)
		return -1;
	e->id = utente_add(form_value(f, "username"), form_value(f, "nome"),
	    form_value(f, "email"), form_value(f, "ruolo"),
	    form_value(f, "struttura_id"), e->data, 1);
	sodium_memzero(e->data, crypto_pwhash_STRBYTES);
	return e->id < 0 ? -1 : 0;
}

static int
user_new_page(struct edit *e)
{
	form_page(e->r, &e->form);
	page_set(e->r, "Utente.new", "1");
	return page_render(e->r, "utenti/utente.cs", "Nuovo utente");
}

const struct record utente_nuovo = {
	UTENTE_FORM,
	.title = "Nuovo utente",
	.fields = user_fields, .nfields = COUNT(user_fields),
	.fields_load = user_fields_load,
	.access = record_any,
	.prepare = user_password_prepare,
	.check = user_new_check,
	.save = user_new_save,
	.page = user_new_page,
	.saved = "Utente creato.",
};

static const char SQL_USER_GET[] =
    "SELECT username, nome, nullif(email, '') AS email, ruolo, struttura_id,"
    " nullif(disattivato, 0) AS disattivato,"
    " bloccato_fino > unixepoch() AS bloccato FROM utenti WHERE id = :id";
static const char SQL_USER_ID[] = "SELECT id FROM utenti WHERE id = :id";
static const char SQL_USER_UPDATE[] =
    "UPDATE utenti SET nome = :nome, email = coalesce(:email, ''),"
    " ruolo = :ruolo, struttura_id = :struttura_id,"
    " disattivato = :disattivato IS NOT NULL WHERE id = :id";
static const char SQL_USER_SESSIONS_END[] =
    "DELETE FROM sessioni WHERE utente_id = :id";

static int
user_exists(struct request *r, long long id, int write)
{
	(void)r;
	(void)write;
	return db_value(SQL_USER_ID, ARGS(ARG_INT("id", id)), 0) ? 0 : 404;
}

/* You cannot lock yourself out. */
static void
user_edit_check(struct edit *e)
{
	const char *ruolo = form_value(&e->form, "ruolo");

	user_check(e);
	if (e->id == e->r->user.id && (form_value(&e->form, "disattivato") ||
	    (ruolo && strcmp(ruolo, "amministratore") != 0)))
		form_fail(&e->form, "ruolo", "Non puoi disattivare il tuo "
		    "account né togliergli il ruolo di amministratore.");
}

/* A disabled user or a changed role starts from a new login. */
static int
user_edit_save(struct edit *e)
{
	const char *ruolo = edit_current(e, "ruolo");

	if (form_value(&e->form, "disattivato") || (ruolo &&
	    strcmp(ruolo, form_value(&e->form, "ruolo")) != 0))
		return db_write(SQL_USER_SESSIONS_END, ARGS(ARG_INT("id", e->id)));
	return 0;
}

/*
** The edit page: the user form (with the stored values, unless this is
** its own POST coming back) and the reset-password form with its error.
*/
static int
user_edit_page_with(struct edit *e, struct form *user, const char *reset_error)
{
	struct request *r = e->r;

	form_page(r, user);
	page_set_int(r, "Utente.id", e->id);
	page_set(r, "Utente.username", edit_current(e, "username"));
	page_set_int(r, "Utente.bloccato", edit_current(e, "bloccato") &&
	    strcmp(edit_current(e, "bloccato"), "1") == 0);
	page_set_int(r, "Utente.self", e->id == r->user.id);
	if (reset_error)
		page_set(r, "Reset.error", reset_error);
	return page_render(r, "utenti/utente.cs", "Modifica utente");
}

static int
user_edit_page(struct edit *e)
{
	return user_edit_page_with(e, &e->form, NULL);
}

const struct record utente_modifica = {
	UTENTE_FORM,
	.title = "Modifica utente",
	.fields = user_fields + F_EDIT_FIRST, .nfields = F_EDIT_COUNT,
	.fields_load = user_fields_load,
	.access = user_exists,
	.sql_get = SQL_USER_GET,
	.sql_set = SQL_USER_UPDATE,
	.check = user_edit_check,
	.save = user_edit_save,
	.page = user_edit_page,
	.saved = "Modifiche salvate.",
};

static const struct field reset_fields[] = {
	{ .name = "password", .label = "Nuova password provvisoria",
	  .type = FIELD_PASSWORD, .flags = FIELD_REQUIRED | FIELD_NOAUDIT,
	  .max = 1000 },
};

static const char SQL_USER_RESET[] =
    "UPDATE utenti SET password_hash = :hash, cambio_password = 1,"
    " tentativi_falliti = 0, bloccato_fino = 0 WHERE id = :id";

/* Sets the temporary password, unlocks, and ends the user's sessions. */
static int
user_reset_save(struct edit *e)
{
	if (e->data == NULL)
		return -1;
	db_write(SQL_USER_RESET, ARGS(ARG_INT("id", e->id),
	    ARG_TEXT("hash", e->data)));
	sodium_memzero(e->data, crypto_pwhash_STRBYTES);
	e->detail = "password reimpostata dall'amministratore";
	return db_write(SQL_USER_SESSIONS_END, ARGS(ARG_INT("id", e->id)));
}

/* A refused reset: the whole edit page again, the error by its field. */
static int
user_reset_page(struct edit *e)
{
	struct field fields[F_EDIT_COUNT];
	struct form user;

	memcpy(fields, user_fields + F_EDIT_FIRST, sizeof fields);
	user_fields_load(fields, F_EDIT_COUNT);
	form_init(&user, fields, F_EDIT_COUNT);
	for (size_t i = 0; i < F_EDIT_COUNT; i++)
		form_set(e->r, &user, fields[i].name,
		    edit_current(e, fields[i].name));
	return user_edit_page_with(e, &user, e->form.error[0]);
}

const struct record utente_password = {
	UTENTE_FORM,
	.title = "Reimposta password",
	.fields = reset_fields, .nfields = COUNT(reset_fields),
	.access = user_exists,
	.sql_get = SQL_USER_GET,
	.prepare = user_password_prepare,
	.save = user_reset_save,
	.page = user_reset_page,
	.saved = "Password reimpostata: l'utente dovrà cambiarla al prossimo "
	    "accesso.",
};
