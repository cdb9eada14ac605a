/*
** Tutela: the minor's guardian, first provisional, then a tutore
** volontario appointed by the juvenile court. The only writer of the
** table tutele.
*/
#include <string.h>

#include "interno.h"

static const struct field fields[] = {
	{ .name = "tipo", .label = "Tipo di tutela", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED },
	{ .name = "nome", .label = "Nome e cognome del tutore",
	  .type = FIELD_TEXT, .max = 120 },
	{ .name = "recapito", .label = "Recapito (telefono, email)",
	  .type = FIELD_TEXT, .max = 200 },
	{ .name = "tribunale", .label = "Tribunale per i minorenni",
	  .type = FIELD_TEXT, .max = 120,
	  .hint = "Es. Tribunale per i minorenni di Roma" },
	{ .name = "data_ricorso", .label = "Data del ricorso per la nomina",
	  .type = FIELD_DATE, .hint = "gg/mm/aaaa" },
	{ .name = "data_nomina", .label = "Data della nomina",
	  .type = FIELD_DATE, .hint = "gg/mm/aaaa" },
};

static void
fields_load(struct field *f, size_t n)
{
	(void)n;
	f[0].choices = tutela_tipi;
	f[0].nchoices = tutela_ntipi;
}

static const char SQL_GET[] =
    "SELECT tipo, nome, recapito, tribunale, data_ricorso, data_nomina"
    " FROM tutele WHERE minore_id = :id";
static const char SQL_SET[] =
    "INSERT INTO tutele (minore_id, tipo, nome, recapito, tribunale,"
    " data_ricorso, data_nomina) VALUES (:id, :tipo, coalesce(:nome, ''),"
    " coalesce(:recapito, ''), coalesce(:tribunale, ''), :data_ricorso,"
    " :data_nomina)"
    " ON CONFLICT (minore_id) DO UPDATE SET tipo = excluded.tipo,"
    " nome = excluded.nome, recapito = excluded.recapito,"
    " tribunale = excluded.tribunale, data_ricorso = excluded.data_ricorso,"
    " data_nomina = excluded.data_nomina";

/* Sets the guardian of case :id (for the demo; the form writes SQL_SET too). */
int
tutela_save(const struct db_arg *a, size_t n)
{
	return db_write(SQL_SET, a, n);
}

/* A tutore volontario has a name and a date of appointment. */
static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *tipo = form_value(f, "tipo");
	const char *ricorso = form_value(f, "data_ricorso");
	const char *nomina = form_value(f, "data_nomina");

	if (tipo && strcmp(tipo, "volontario") == 0) {
		if (!form_value(f, "nome"))
			form_fail(f, "nome", "Per il tutore volontario indica "
			    "nome e cognome.");
		if (!nomina)
			form_fail(f, "data_nomina", "Per il tutore volontario "
			    "indica la data della nomina.");
	}
	if (ricorso && nomina && strcmp(nomina, ricorso) < 0)
		form_fail(f, "data_nomina", "La nomina non può precedere il "
		    "ricorso.");
}

const struct record tutela_sezione = {
	FASCICOLO_FORM,
	.name = "tutela",
	.title = "Tutela",
	.fields = fields, .nfields = COUNT(fields),
	.fields_load = fields_load,
	.sql_get = SQL_GET,
	.sql_set = SQL_SET,
	.check = check,
	.saved = "Tutela aggiornata.",
};
