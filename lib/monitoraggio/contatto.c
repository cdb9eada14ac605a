/*
** Contacts with the reception facility about a case: a visit, a call, an
** email or a meeting with its contact person; the topic, the feedback
** given and received; and a follow-up action written with it.
** /minori/N/contatti/nuovo adds one, /minori/N/contatti/M changes it. The
** facility is the one the minor is placed with when it is written. The
** only writer of contatti.
*/
#include "audit.h"
#include "interno.h"
#include "page.h"

static const struct choice tipi[] = {
	{ "visita", "Visita in struttura" },
	{ "telefonata", "Telefonata" },
	{ "email", "Email" },
	{ "incontro", "Incontro in ufficio" },
};

static const struct field fields[] = {
	{ "data", "Data", .type = FIELD_DATE, .flags = FIELD_REQUIRED,
	  .hint = "gg/mm/aaaa", .group = "Il contatto con la struttura" },
	{ "tipo", "Tipo di contatto", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = tipi, .nchoices = COUNT(tipi) },
	{ "referente", "Referente della struttura", .type = FIELD_TEXT,
	  .max = 120 },
	{ "argomento", "Argomento", .type = FIELD_TEXT, .max = 300,
	  .flags = FIELD_REQUIRED },
	{ "riscontro_dato", "Che cosa ha detto l'ufficio",
	  .type = FIELD_TEXTAREA, .max = 8000 },
	{ "riscontro_ricevuto", "Che cosa ha riferito la struttura",
	  .type = FIELD_TEXTAREA, .max = 8000 },
};

static size_t
fields_make(struct edit *e, struct field *out)
{
	(void)e;
	for (size_t i = 0; i < COUNT(fields); i++)
		out[i] = fields[i];
	return COUNT(fields) + azione_campi(out + COUNT(fields));
}

static const char SQL_GET[] =
    "SELECT data, tipo, referente, argomento, riscontro_dato,"
    " riscontro_ricevuto FROM contatti WHERE id = :id";
static const char SQL_ADD[] =
    "INSERT INTO contatti (minore_id, struttura_id, data, tipo, referente,"
    " argomento, riscontro_dato, riscontro_ricevuto, autore_id)"
    " VALUES (:minore, (SELECT struttura_id FROM minori WHERE id = :minore),"
    " :data, :tipo, :referente, :argomento, :riscontro_dato,"
    " :riscontro_ricevuto, :autore)";
static const char SQL_SET[] =
    "UPDATE contatti SET data = :data, tipo = :tipo, referente = :referente,"
    " argomento = :argomento, riscontro_dato = :riscontro_dato,"
    " riscontro_ricevuto = :riscontro_ricevuto WHERE id = :id";

static int
access_edit(struct edit *e)
{
	return monitoraggio_access(e, "SELECT minore_id FROM contatti"
	    " WHERE id = :id");
}

/* A new contact is today's; a stored one the editor loads (sql_get). */
static void
defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data");
}

static void
check(struct edit *e)
{
	azione_check(&e->form);
}

static int
save(struct edit *e)
{
	struct stmt *st = db_prepare(e->id ? SQL_SET : SQL_ADD);
	int rc;

	form_bind(&e->form, st);
	if (e->id)
		db_bind_int(st, "id", e->id);
	else {
		db_bind_int(st, "minore", e->r->id[0]);
		db_bind_int(st, "autore", e->r->user.id);
	}
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	if (e->id == 0)
		e->id = db_last_id();
	e->detail = pool_printf(&e->r->pool, "minore %lld", e->r->id[0]);
	return azione_dal_modulo(e, e->r->id[0], "contatto", e->id);
}

static int
page(struct edit *e)
{
	return monitoraggio_form_page(e, e->id ? pool_printf(&e->r->pool,
	    "/minori/%lld/contatti/%lld", e->r->id[0], e->id) :
	    pool_printf(&e->r->pool, "/minori/%lld/contatti/nuovo",
	    e->r->id[0]));
}

static const char *
next(struct edit *e)
{
	return monitoraggio_next(e, "contatti");
}

#define CONTATTO .entity = "contatto", .owner = "minore", \
	.fields_make = fields_make, .access_edit = access_edit, \
	.sql_get = SQL_GET, .defaults = defaults, .check = check, \
	.save = save, .page = page, .next = next

const struct record contatto_nuovo = {
	CONTATTO, .name = "contatti/nuovo",
	.title = "Nuovo contatto con la struttura",
	.saved = "Contatto registrato.",
};
const struct record contatto_modifica = {
	CONTATTO, .name = "contatti", .title = "Contatto con la struttura",
	.saved = "Contatto aggiornato.",
};

static const char SQL_DEL_CASO[] =
    "SELECT c.id, strftime('%d/%m/%Y', c.data) AS data, c.tipo,"
    " c.referente, c.argomento, c.riscontro_dato, c.riscontro_ricevuto,"
    " coalesce(s.nome, '') AS struttura, coalesce(u.nome, '') AS autore"
    " FROM contatti c LEFT JOIN strutture s ON s.id = c.struttura_id"
    " LEFT JOIN utenti u ON u.id = c.autore_id"
    " WHERE c.minore_id = :minore ORDER BY c.data DESC, c.id DESC LIMIT 200";

/* Contatti: the case's contacts with the facility, the latest first. */
int
contatti_del_caso(struct request *r, long long minore)
{
	return page_rows(r, "Contatti", db_query(SQL_DEL_CASO,
	    ARGS(ARG_INT("minore", minore))), 0, row_label, &(struct label){
	    "tipo", "tipo_label", tipi, COUNT(tipi) });
}
