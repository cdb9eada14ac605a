/*
** /avvisi: which kinds of notice the user gets by mail, among those
** their role receives (the app always shows them all). Urgent kinds are
** mailed at once, the others in one daily digest. Every change is an
** audit row with each kind's old and new choice. The choices are written
** through posta_scelta() (lib/core/posta.c writes posta_preferenze).
*/
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "interno.h"
#include "module.h"
#include "page.h"
#include "session.h"

/* A checkbox for each kind the user's role receives; how many. */
static size_t
campi(const struct request *r, struct field *f)
{
	size_t n = 0;

	for (const struct module *const *m = modules_all(); *m; m++)
		for (size_t i = 0; i < (*m)->nnotifiche; i++) {
			const struct notifica_tipo *t = &(*m)->notifiche[i];

			if (!(t->roles & (1u << r->user.role)) ||
			    n == FORM_FIELDS_MAX)
				continue;
			f[n++] = (struct field){
				.name = t->tipo, .label = t->label,
				.type = FIELD_CHECKBOX,
				.hint = t->urgente ? "Urgente: l'email parte "
				    "subito." : "Nel riepilogo quotidiano: "
				    "un'email al giorno con tutti gli avvisi.",
			};
		}
	return n;
}

static const char SQL_SCELTE[] =
    "SELECT tipo, email FROM posta_preferenze WHERE utente_id = :utente";

/* The user's choice for each field's kind: "1" by mail (the default). */
static void
scelte(struct request *r, const struct field *f, size_t n,
    const char *per_email[])
{
	struct stmt *st = db_query(SQL_SCELTE, ARGS(ARG_INT("utente",
	    r->user.id)));

	for (size_t i = 0; i < n; i++)
		per_email[i] = "1";
	while (db_step(st) == SQLITE_ROW)
		for (size_t i = 0; i < n; i++)
			if (strcmp(f[i].name, db_text(st, "tipo")) == 0)
				per_email[i] = db_int(st, "email") ? "1" : NULL;
	db_done(st);
}

static const char SQL_EMAIL[] = "SELECT email FROM utenti WHERE id = :id";

static int
pagina(struct request *r, const struct form *f)
{
	const char *email = db_string(&r->pool, SQL_EMAIL, ARGS(ARG_INT("id",
	    r->user.id)));

	form_page(r, f);
	page_set_int(r, "Avvisi.tipi", (long long)f->n);
	if (email && *email)
		page_set(r, "Avvisi.email", email);
	return page_render(r, "avvisi/preferenze.cs", "Avvisi per email");
}

/* GET /avvisi */
int
preferenze_get(struct request *r)
{
	struct field f[FORM_FIELDS_MAX];
	const char *per_email[FORM_FIELDS_MAX];
	struct form form;
	size_t n = campi(r, f);

	form_init(&form, f, n);
	scelte(r, f, n, per_email);
	for (size_t i = 0; i < n; i++)
		form_set(r, &form, f[i].name, per_email[i]);
	return pagina(r, &form);
}

/* POST /avvisi: the choices, with the audit row of what changed. */
int
preferenze_post(struct request *r)
{
	struct field f[FORM_FIELDS_MAX];
	const char *prima[FORM_FIELDS_MAX];
	struct change c[FORM_FIELDS_MAX];
	struct form form;
	size_t n = campi(r, f), nc = 0;

	form_init(&form, f, n);
	if (form_read(r, &form) > 0)
		return pagina(r, &form);
	if (db_begin_write() != 0)
		return 500;
	scelte(r, f, n, prima);
	for (size_t i = 0; i < n; i++) {
		const char *dopo = form_value(&form, f[i].name) ? "1" : NULL;

		if ((prima[i] != NULL) == (dopo != NULL))
			continue;
		posta_scelta(r->user.id, f[i].name, dopo != NULL);
		c[nc++] = (struct change){ .field = f[i].name,
		    .before = prima[i] ? "per email" : "solo in Approdo",
		    .after = dopo ? "per email" : "solo in Approdo" };
	}
	if (nc > 0)
		audit_record(r, "update", "utente", r->user.id,
		    "avvisi per email", c, nc);
	session_set_avviso(r, nc > 0 ? "Scelte salvate." :
	    "Nessuna modifica.");
	if (db_commit() != 0)
		return 500;
	return response_redirect(r, "/avvisi");
}
