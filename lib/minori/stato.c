/*
** Stato: the status of a case, changed with a date and a reason, and
** its history (the only writer of the table stati). The statuses that
** end the stay (transfer, missing, return, closing ...) also end the
** current placement; closing needs the responsabile; the prosieguo
** amministrativo needs 18 years.
*/
#include <string.h>

#include "date.h"
#include "interno.h"

static const struct field fields[] = {
	{ .name = "stato", .label = "Nuovo stato", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED },
	{ .name = "data", .label = "Dal giorno", .type = FIELD_DATE,
	  .flags = FIELD_REQUIRED,
	  .hint = "gg/mm/aaaa. Per un allontanamento: il giorno in cui il "
	  "minore si è allontanato." },
	{ .name = "motivo", .label = "Motivo", .type = FIELD_TEXTAREA,
	  .flags = FIELD_REQUIRED, .min = 3, .max = 1000 },
};

static void
fields_load(struct field *f, size_t n)
{
	(void)n;
	f[0].choices = minore_stati;
	f[0].nchoices = minore_nstati;
}

/*
** Statuses that end the current placement, with the exit reason the
** placement gets. Returns it, or NULL if `stato` is not one.
*/
static const char *
closes_placement(const char *stato)
{
	static const struct {
		const char *stato, *motivo;
	} map[] = {
		{ "trasferito", "trasferimento" },
		{ "maggiorenne_chiuso", "maggiore_eta" },
		{ "allontanato", "allontanamento" },
		{ "rimpatriato", "rimpatrio_assistito" },
		{ "ricongiunto", "ricongiungimento" },
		{ "in_affido", "affido" },
		{ "chiuso", "chiusura" },
	};

	for (size_t i = 0; i < COUNT(map); i++)
		if (strcmp(stato, map[i].stato) == 0)
			return map[i].motivo;
	return NULL;
}

/* Closing a case is the responsabile's decision. */
static int
needs_responsabile(const char *stato)
{
	return strcmp(stato, "chiuso") == 0 ||
	    strcmp(stato, "maggiorenne_chiuso") == 0;
}

static const char SQL_STATO_HISTORY[] =
    "INSERT INTO stati (minore_id, stato, data, motivo, utente_id)"
    " VALUES (:id, :stato, :data, :motivo, :utente)";

/* One row of a case's status history, in the caller's transaction. */
int
stato_add(struct request *r, long long id, const char *stato,
    const char *data, const char *motivo)
{
	return db_write(SQL_STATO_HISTORY, ARGS(ARG_INT("id", id),
	    ARG_TEXT("stato", stato), ARG_TEXT("data", data),
	    ARG_TEXT("motivo", motivo), ARG_ID("utente", r->user.id)));
}

static const char SQL_STATO_SET[] =
    "UPDATE minori SET stato = :stato, data_stato = :data,"
    " struttura_id = CASE WHEN :chiude THEN NULL ELSE struttura_id END"
    " WHERE id = :id";

/*
** Changes the status of case `id` in the caller's transaction: the case,
** the end of its placement if the status ends the stay, the history.
** With `e`, the changed columns join its audit row.
*/
int
stato_change(struct request *r, long long id, const char *stato,
    const char *data, const char *motivo, struct edit *e)
{
	const char *motivo_uscita = closes_placement(stato);

	db_write(SQL_STATO_SET, ARGS(ARG_INT("id", id), ARG_TEXT("stato", stato),
	    ARG_TEXT("data", data), ARG_INT("chiude", motivo_uscita != NULL)));
	if (motivo_uscita) {
		collocamento_close(id, data, motivo_uscita);
		if (e)
			edit_change(e, "struttura_id", edit_current(e,
			    "struttura_id"), NULL);
	}
	return stato_add(r, id, stato, data, motivo);
}

static const char SQL_CASE_STATO[] =
    "SELECT m.stato, m.data_presa_in_carico, m.struttura_id,"
    " coalesce(m.data_nascita_accertata, m.data_nascita) AS nascita,"
    " c.dal AS collocamento_dal FROM minori m"
    " LEFT JOIN collocamenti c ON c.minore_id = m.id AND c.al IS NULL"
    " WHERE m.id = :id";

static void
defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data");
}

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *stato = form_value(f, "stato"), *data = form_value(f, "data");
	const char *current = edit_current(e, "stato");
	const char *presa = edit_current(e, "data_presa_in_carico");
	const char *dal = edit_current(e, "collocamento_dal");

	if (stato && current && strcmp(stato, current) == 0)
		form_fail(f, "stato", "Il fascicolo è già in questo stato.");
	if (stato && needs_responsabile(stato) &&
	    !role_can(e->r->user.role, &minori_chiusura)) {
		form_fail(f, "stato", "Solo il responsabile può chiudere un "
		    "fascicolo.");
		e->denied = "chiusura";
	}
	if (stato && data && strcmp(stato, "in_prosieguo") == 0 &&
	    date_age(edit_current(e, "nascita"), data) < 18)
		form_fail(f, "stato", "Il prosieguo amministrativo riguarda "
		    "chi ha compiuto 18 anni.");
	if (data && presa && strcmp(data, presa) < 0)
		form_fail(f, "data", "La data non può precedere la presa in "
		    "carico.");
	if (stato && closes_placement(stato) && data && dal &&
	    strcmp(data, dal) < 0)
		form_fail(f, "data", "La data non può precedere l'inizio del "
		    "collocamento attuale.");
}

static int
save(struct edit *e)
{
	const struct form *f = &e->form;

	return stato_change(e->r, e->id, form_value(f, "stato"),
	    form_value(f, "data"), form_value(f, "motivo"), e);
}

const struct record stato_sezione = {
	FASCICOLO_FORM,
	.name = "stato",
	.title = "Cambio di stato",
	.fields = fields, .nfields = COUNT(fields),
	.fields_load = fields_load,
	.sql_get = SQL_CASE_STATO,
	.defaults = defaults,
	.check = check,
	.save = save,
	.saved = "Stato aggiornato.",
	.flags = RECORD_FRESH_FORM,
};
