/*
** Collocamento: the placements of a minor (the only writer of the table
** collocamenti) and the transfer to another facility: the current
** placement ends the day the new one begins; the history keeps both.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "strutture.h"

static const char SQL_OPEN[] =
    "INSERT INTO collocamenti (minore_id, struttura_id, dal, note)"
    " VALUES (:minore, :struttura, :dal, coalesce(:note, ''))";
static const char SQL_CLOSE[] =
    "UPDATE collocamenti SET al = :al, motivo_uscita = :motivo"
    " WHERE minore_id = :minore AND al IS NULL";
static const char SQL_CASE_STRUTTURA[] =
    "UPDATE minori SET struttura_id = :struttura WHERE id = :minore";

/*
** Places minor `minore` in facility `struttura` from `dal`, in the
** caller's transaction; the case's current facility follows. The new
** placement's id, or -1.
*/
long long
collocamento_open(long long minore, const char *struttura, const char *dal,
    const char *note)
{
	long long id = db_insert(SQL_OPEN, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("struttura", struttura), ARG_TEXT("dal", dal),
	    ARG_TEXT("note", note)));

	if (id < 0 || db_write(SQL_CASE_STRUTTURA, ARGS(ARG_INT("minore",
	    minore), ARG_TEXT("struttura", struttura))) != 0)
		return -1;
	return id;
}

/* Ends the current placement (if any) on `al`, for `motivo`. */
int
collocamento_close(long long minore, const char *al, const char *motivo)
{
	return db_write(SQL_CLOSE, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("al", al), ARG_TEXT("motivo", motivo)));
}

static const struct field fields[] = {
	{ .name = "struttura_id", .label = "Nuova struttura",
	  .type = FIELD_CHOICE, .flags = FIELD_REQUIRED },
	{ .name = "dal", .label = "Data del trasferimento", .type = FIELD_DATE,
	  .flags = FIELD_REQUIRED, .hint = "gg/mm/aaaa" },
	{ .name = "note", .label = "Note", .type = FIELD_TEXTAREA, .max = 1000 },
};

static void
fields_load(struct field *f, size_t n)
{
	(void)n;
	f[0].choices = strutture_choices(&f[0].nchoices);
}

static const char SQL_CURRENT[] =
    "SELECT m.stato, c.struttura_id, c.dal AS collocamento_dal FROM minori m"
    " LEFT JOIN collocamenti c ON c.minore_id = m.id AND c.al IS NULL"
    " WHERE m.id = :id";

static void
defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "dal");
}

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *stato = edit_current(e, "stato");
	const char *current = edit_current(e, "struttura_id");
	const char *dal = edit_current(e, "collocamento_dal");
	const char *nuova = form_value(f, "struttura_id");
	const char *from = form_value(f, "dal");

	if (stato && strcmp(stato, "in_carico") != 0 &&
	    strcmp(stato, "in_prosieguo") != 0)
		form_fail(f, "struttura_id", "Si può collocare solo un minore "
		    "in carico o in prosieguo: cambia prima lo stato.");
	if (nuova && current && strcmp(nuova, current) == 0)
		form_fail(f, "struttura_id", "Il minore è già in questa "
		    "struttura.");
	if (from && dal && strcmp(from, dal) < 0)
		form_fail(f, "dal", "Il trasferimento non può precedere "
		    "l'inizio del collocamento attuale.");
}

static int
save(struct edit *e)
{
	const struct form *f = &e->form;

	collocamento_close(e->id, form_value(f, "dal"), "trasferimento");
	return collocamento_open(e->id, form_value(f, "struttura_id"),
	    form_value(f, "dal"), form_value(f, "note")) < 0 ? -1 : 0;
}

const struct record trasferimento = {
	FASCICOLO_FORM,
	.name = "collocamento",
	.title = "Trasferimento in altra struttura",
	.fields = fields, .nfields = COUNT(fields),
	.fields_load = fields_load,
	.sql_get = SQL_CURRENT,
	.defaults = defaults,
	.check = check,
	.save = save,
	.saved = "Trasferimento registrato.",
	.flags = RECORD_FRESH_FORM,
};

/*
** The transfer of minor `minore` to facility `struttura` on `dal` asked
** by another module (the places module, on the transfer's date): the
** transfer form's rules and writes, in the caller's transaction, with
** its audit row. 0 when done; 1 when refused, with *why in Italian for
** the page; -1 on a database error.
*/
int
collocamento_trasferisci(struct request *r, long long minore,
    long long struttura, const char *dal, const char *note, const char **why)
{
	struct row c;
	const char *stato, *current, *from;
	char sid[24];

	snprintf(sid, sizeof sid, "%lld", struttura);
	if (db_row(&r->pool, SQL_CURRENT, ARGS(ARG_INT("id", minore)), &c) != 1)
		return -1;
	stato = row_get(&c, "stato");
	current = row_get(&c, "struttura_id");
	from = row_get(&c, "collocamento_dal");
	if (strcmp(stato, "in_carico") != 0 &&
	    strcmp(stato, "in_prosieguo") != 0)
		*why = "Il minore non è più in carico né in prosieguo: il "
		    "trasferimento non si può fare.";
	else if (current && strcmp(current, sid) == 0)
		*why = "Il minore è già in questa struttura.";
	else if (from && strcmp(dal, from) < 0)
		*why = "Il trasferimento non può precedere l'inizio del "
		    "collocamento attuale.";
	else {
		const struct change ch[] = {
			{ "struttura_id", current, sid },
			{ "dal", NULL, dal },
			{ "note", NULL, note },
		};

		if (collocamento_close(minore, dal, "trasferimento") != 0 ||
		    collocamento_open(minore, sid, dal, note) < 0 ||
		    audit_record(r, "update", "minore", minore, "trasferimento",
		    ch, COUNT(ch)) < 0)
			return -1;
		return 0;
	}
	return 1;
}
