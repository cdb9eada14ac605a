/*
** The objectives per area, each with its indicator and state, and their
** actions (what, who acts, by when, state). The facility sees the
** approved objectives and actions of the minors placed with it. The only
** writer of pei_obiettivi and pei_azioni, through sezioni.c.
*/
#include <string.h>

#include "audit.h"

#include "interno.h"

const struct choice pei_aree[] = {
	{ "scuola", "Scuola e italiano L2" },
	{ "salute", "Salute" },
	{ "giuridica", "Situazione giuridica" },
	{ "formazione", "Formazione e lavoro" },
	{ "autonomia", "Autonomia e abitare" },
	{ "relazioni", "Relazioni e famiglia" },
	{ "tempo_libero", "Tempo libero e sport" },
};
const size_t pei_naree = COUNT(pei_aree);

const struct choice *
pei_aree_scelte(size_t *n)
{
	*n = pei_naree;
	return pei_aree;
}

static const struct choice obiettivo_stati[] = {
	{ "da_avviare", "Da avviare" },
	{ "in_corso", "In corso" },
	{ "raggiunto", "Raggiunto" },
	{ "sospeso", "Sospeso" },
};

/* A review's outcome for each objective (7. Verifiche). */
static const struct choice verifiche[] = {
	{ "raggiunto", "Raggiunto" },
	{ "parziale", "Raggiunto in parte" },
	{ "non_raggiunto", "Non raggiunto" },
	{ "abbandonato", "Abbandonato" },
};

static const struct field obiettivi_fields[] = {
	{ "area", "Area", CHOICES(pei_aree), .flags = FIELD_REQUIRED },
	{ "descrizione", "Obiettivo", TEXT, .flags = FIELD_REQUIRED },
	{ "indicatore", "Indicatore", LINE(300),
	  .hint = "Come si vedrà che è raggiunto: es. licenza media entro giugno" },
	{ "stato", "Stato", CHOICES(obiettivo_stati), .flags = FIELD_REQUIRED },
	{ "verifica", "Verifica: com'è andato dall'ultima versione approvata",
	  CHOICES(verifiche),
	  .hint = "Alla verifica periodica, in una nuova versione del PEI" },
	{ "verifica_note", "Note della verifica", TEXT },
};
static const char *const obiettivi_fresh[] = { "verifica", "verifica_note",
    NULL };

static void
obiettivi_defaults(struct edit *e)
{
	form_set(e->r, &e->form, "stato", "da_avviare");
}

/* A review is of a version approved before this one. */
static const char SQL_DA_APPROVATA[] =
    "SELECT da_versione IS NOT NULL FROM pei WHERE id = " PEI_BOZZA(":minore");

static void
obiettivi_check(struct edit *e)
{
	struct form *f = &e->form;

	if ((form_value(f, "verifica") || form_value(f, "verifica_note")) &&
	    db_value(SQL_DA_APPROVATA, ARGS(ARG_INT("minore", e->r->id[0])),
	    0) != 1)
		form_fail(f, "verifica", "La verifica si fa in una nuova versione,"
		    " dopo che il PEI è stato approvato.");
	if (form_value(f, "verifica_note") && !form_value(f, "verifica"))
		form_fail(f, "verifica", "Scegli l'esito della verifica.");
}

const struct sezione pei_obiettivi = {
	PEI_ELENCO("obiettivi", "Obiettivo", "Obiettivi", "pei_obiettivi"),
	.rec.fields = obiettivi_fields, .rec.nfields = COUNT(obiettivi_fields),
	.order = "CASE area WHEN 'scuola' THEN 1 WHEN 'salute' THEN 2"
	    " WHEN 'giuridica' THEN 3 WHEN 'formazione' THEN 4"
	    " WHEN 'autonomia' THEN 5 WHEN 'relazioni' THEN 6 ELSE 7 END, id",
	.fresh = obiettivi_fresh,
	.defaults = obiettivi_defaults, .check = obiettivi_check,
};

const struct choice pei_attori[] = {
	{ "minore", "Il minore" },
	{ "struttura", "La struttura di accoglienza" },
	{ "operatore", "L'operatore del caso" },
	{ "tutore", "Il tutore" },
	{ "servizio", "Un servizio" },
};
const size_t pei_nattori = COUNT(pei_attori);

static const struct choice azione_stati[] = {
	{ "da_fare", "Da fare" },
	{ "in_corso", "In corso" },
	{ "fatta", "Fatta" },
	{ "non_fatta", "Non fatta" },
};

static const struct field azioni_fields[] = {
	{ "cosa", "Azione", TEXT, .flags = FIELD_REQUIRED },
	{ "chi", "Chi agisce", CHOICES(pei_attori), .flags = FIELD_REQUIRED },
	{ "servizio", "Quale servizio", LINE(160) },
	{ "entro", "Entro il", DATE, .flags = FIELD_FUTURE },
	{ "stato", "Stato", CHOICES(azione_stati), .flags = FIELD_REQUIRED },
};

static void
azioni_defaults(struct edit *e)
{
	form_set(e->r, &e->form, "stato", "da_fare");
}

static void
azioni_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *chi = form_value(f, "chi");

	if (chi && strcmp(chi, "servizio") == 0 && !form_value(f, "servizio"))
		form_fail(f, "servizio", "Indica quale servizio agisce.");
	if (chi && strcmp(chi, "servizio") != 0 && form_value(f, "servizio"))
		form_fail(f, "servizio", "Il servizio si indica solo se agisce "
		    "un servizio.");
}

const struct sezione pei_azioni = {
	PEI_ELENCO("azioni", "Azione", "Azioni", "pei_azioni"),
	.rec.fields = azioni_fields, .rec.nfields = COUNT(azioni_fields),
	.order = "entro IS NULL, entro, id",
	.parent = "obiettivo_id", .parent_table = "pei_obiettivi",
	.defaults = azioni_defaults, .check = azioni_check,
};

static const char SQL_BOZZA[] =
    "SELECT id, area, descrizione, stato FROM pei_obiettivi"
    " WHERE pei_id = " PEI_BOZZA(":minore") " ORDER BY id";

size_t
pei_obiettivi_bozza(struct pool *p, long long minore, struct pei_obiettivo *out,
    size_t max)
{
	struct stmt *st = db_query(SQL_BOZZA, ARGS(ARG_INT("minore", minore)));
	size_t n = 0;

	while (n < max && db_step(st) == SQLITE_ROW) {
		out[n].id = db_int(st, "id");
		out[n].area = choice_label(pei_aree, pei_naree, db_text(st,
		    "area"));
		out[n].descrizione = pool_strdup(p, db_text(st, "descrizione"));
		out[n].stato = pool_strdup(p, db_text(st, "stato"));
		n++;
	}
	db_done(st);
	return n;
}

static const char SQL_IN_VIGORE[] =
    "SELECT a.id, a.cosa, coalesce(strftime('%d/%m/%Y', a.entro), '')"
    " AS entro FROM pei_azioni a WHERE a.pei_id = (SELECT id FROM pei"
    " WHERE minore_id = :minore AND stato = 'approvata'"
    " ORDER BY versione DESC LIMIT 1) AND a.chi = :chi"
    " AND a.stato IN ('da_fare', 'in_corso')"
    " ORDER BY a.entro IS NULL, a.entro, a.id";

size_t
pei_azioni_in_vigore(struct pool *p, long long minore, const char *chi,
    struct pei_azione *out, size_t max)
{
	struct stmt *st = db_query(SQL_IN_VIGORE, ARGS(ARG_INT("minore",
	    minore), ARG_TEXT("chi", chi)));
	size_t n = 0;

	while (n < max && db_step(st) == SQLITE_ROW) {
		out[n].id = db_int(st, "id");
		out[n].cosa = pool_strdup(p, db_text(st, "cosa"));
		out[n].entro = pool_strdup(p, db_text(st, "entro"));
		n++;
	}
	db_done(st);
	return n;
}

const struct choice *
pei_obiettivo_stati(size_t *n)
{
	*n = COUNT(obiettivo_stati);
	return obiettivo_stati;
}

static const char SQL_STATO[] =
    "UPDATE pei_obiettivi SET stato = :stato WHERE id = :id"
    " AND pei_id = " PEI_BOZZA(":minore") " AND stato <> :stato";

int
pei_obiettivo_aggiorna(struct request *r, long long minore, long long id,
    const char *stato)
{
	const char *prima = db_string(&r->pool, "SELECT stato FROM pei_obiettivi"
	    " WHERE id = :id", ARGS(ARG_INT("id", id)));

	if (db_write(SQL_STATO, ARGS(ARG_INT("id", id), ARG_INT("minore",
	    minore), ARG_TEXT("stato", stato))) != 0)
		return -1;
	if (db_changes() == 0)
		return 1;
	return audit_record(r, "update", "pei_obiettivi", id, "pei.obiettivi",
	    &(const struct change){ "stato", prima, stato }, 1) < 0 ? -1 : 0;
}

/* A follow-up action written also as an action of the PEI, under one of
** the objectives of the version being written. */
int
pei_azione_aggiungi(struct request *r, long long minore, long long obiettivo,
    const char *cosa, const char *chi, const char *servizio,
    const char *entro)
{
	long long id = sezione_scrivi(&pei_azioni, minore, obiettivo, ARGS(
	    ARG_TEXT("cosa", cosa), ARG_TEXT("chi", chi),
	    ARG_TEXT("servizio", servizio), ARG_TEXT("entro", entro),
	    ARG_TEXT("stato", "da_fare")));

	if (id < 0)
		return -1;
	return audit_record(r, "create", "pei_azioni", id, "pei.azioni", NULL,
	    0) < 0 ? -1 : 0;
}
