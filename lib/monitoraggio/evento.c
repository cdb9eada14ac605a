/*
** Critical events (eventi critici), reported by the facility the minor is
** placed with now, or by the office: running away (when, the last time
** seen, the report to the police), the return after it, hospitalisation,
** police involvement, serious conflict, self-harm, other. Running away
** notifies the case worker and every responsabile at once and proposes
** the status change for the office to confirm, in the same transaction.
** /minori/N/eventi/nuovo. The only writer of eventi_critici.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "notifiche.h"
#include "page.h"

static const struct choice tipi[] = {
	{ "allontanamento", "Allontanamento" },
	{ "rientro", "Rientro dopo un allontanamento" },
	{ "ricovero", "Ricovero in ospedale" },
	{ "polizia", "Intervento delle forze dell'ordine" },
	{ "conflitto", "Conflitto grave" },
	{ "autolesionismo", "Autolesionismo" },
	{ "altro", "Altro" },
};

static const struct field fields[] = {
	{ "tipo", "Che cosa è successo", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = tipi, .nchoices = COUNT(tipi) },
	{ "data", "Data", .type = FIELD_DATE, .flags = FIELD_REQUIRED,
	  .hint = "gg/mm/aaaa" },
	{ "ora", "Ora", .type = FIELD_TEXT, .max = 5, .hint = "hh:mm" },
	{ "ultimo_avvistamento", "Ultima volta visto: dove, con chi",
	  .type = FIELD_TEXT, .max = 300,
	  .hint = "Per un allontanamento" },
	{ "denuncia", "Fatta la denuncia alle forze dell'ordine",
	  .type = FIELD_CHECKBOX },
	{ "denuncia_data", "Data della denuncia", .type = FIELD_DATE,
	  .hint = "gg/mm/aaaa" },
	{ "descrizione", "Descrizione", .type = FIELD_TEXTAREA,
	  .flags = FIELD_REQUIRED, .min = 3, .max = 8000 },
};

/* A facility reports on the minors placed with it now; the office on
** the cases it may change. */
static int
access_edit(struct edit *e)
{
	return minore_access(e->r, e->r->id[0],
	    e->r->user.role != ROLE_STRUTTURA);
}

static void
defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data");
}

static int
is_time(const char *s)
{
	return strlen(s) == 5 && s[2] == ':' && s[0] >= '0' && s[0] <= '2' &&
	    s[1] >= '0' && s[1] <= '9' && s[3] >= '0' && s[3] <= '5' &&
	    s[4] >= '0' && s[4] <= '9' && (s[0] < '2' || s[1] <= '3');
}

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *tipo = form_value(f, "tipo");
	const char *ora = form_value(f, "ora");
	const char *dd = form_value(f, "denuncia_data");

	if (ora && !is_time(ora))
		form_fail(f, "ora", "Scrivi l'ora come hh:mm, per esempio 21:30.");
	if (tipo && strcmp(tipo, "allontanamento") == 0) {
		if (!ora)
			form_fail(f, "ora", "Per un allontanamento indica l'ora in "
			    "cui il minore è stato visto l'ultima volta.");
		if (!form_value(f, "ultimo_avvistamento"))
			form_fail(f, "ultimo_avvistamento", "Per un allontanamento "
			    "indica dove e con chi è stato visto l'ultima volta.");
	}
	if (dd && !form_value(f, "denuncia"))
		form_fail(f, "denuncia", "Hai indicato la data della denuncia: "
		    "spunta anche la casella.");
	if (form_value(f, "denuncia") && !dd)
		form_fail(f, "denuncia_data", "Indica quando è stata fatta la "
		    "denuncia.");
	if (dd && form_value(f, "data") && strcmp(dd, form_value(f, "data")) < 0)
		form_fail(f, "denuncia_data", "La denuncia non può precedere "
		    "l'evento.");
}

static const char SQL_ADD[] =
    "INSERT INTO eventi_critici (minore_id, struttura_id, tipo, data, ora,"
    " ultimo_avvistamento, denuncia, denuncia_data, descrizione, autore_id)"
    " VALUES (:minore, (SELECT struttura_id FROM minori WHERE id = :minore),"
    " :tipo, :data, :ora, :ultimo_avvistamento, coalesce(:denuncia, 0),"
    " :denuncia_data, :descrizione, :autore)";
static const char SQL_CASO[] =
    "SELECT m.numero, m.operatore_id, coalesce(s.nome, '') AS struttura"
    " FROM minori m LEFT JOIN strutture s ON s.id = m.struttura_id"
    " WHERE m.id = :minore";

/*
** The event; for running away, in the same transaction, the notices
** (case number only: no personal data) and the proposed status change.
*/
static int
save(struct edit *e)
{
	long long minore = e->r->id[0];
	struct stmt *st = db_prepare(SQL_ADD);
	struct row c;
	struct notifica n;
	char quando[11];
	int rc;

	form_bind(&e->form, st);
	db_bind_int(st, "minore", minore);
	db_bind_int(st, "autore", e->r->user.id);
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	e->id = db_last_id();
	e->detail = pool_printf(&e->r->pool, "minore %lld", minore);
	if (strcmp(form_value(&e->form, "tipo"), "allontanamento") != 0)
		return 0;
	if (db_row(&e->r->pool, SQL_CASO, ARGS(ARG_INT("minore", minore)), &c)
	    != 1)
		return -1;
	date_it(form_value(&e->form, "data"), quando);
	n = (struct notifica){
		.tipo = "allontanamento",
		.riferimento = row_get(&c, "numero"),
		.data = pool_printf(&e->r->pool, "%s %s",
		    form_value(&e->form, "data"), form_value(&e->form, "ora")),
		.testo = pool_printf(&e->r->pool, "%s: allontanamento segnalato "
		    "il %s alle %s%s%s. Conferma il cambio di stato.",
		    row_get(&c, "numero"), quando, form_value(&e->form, "ora"),
		    *row_get(&c, "struttura") ? " da " : "",
		    row_get(&c, "struttura")),
		.href = pool_printf(&e->r->pool, "/minori/%lld", minore),
	};
	if (row_get(&c, "operatore_id") && notifica_invia(strtoll(row_get(&c,
	    "operatore_id"), NULL, 10), &n) != 0)
		return -1;
	if (notifica_ruolo("responsabile", row_get(&c, "operatore_id") ?
	    strtoll(row_get(&c, "operatore_id"), NULL, 10) : 0, &n) != 0)
		return -1;
	return minore_stato_proponi(e->r, minore, "allontanato",
	    form_value(&e->form, "data"), pool_printf(&e->r->pool,
	    "Allontanamento segnalato%s%s (evento critico n. %lld): visto "
	    "l'ultima volta alle %s, %s.", *row_get(&c, "struttura") ? " da " :
	    "", row_get(&c, "struttura"), e->id, form_value(&e->form, "ora"),
	    form_value(&e->form, "ultimo_avvistamento"))) < 0 ? -1 : 0;
}

/* An event written by the demo (not running away: that goes through the
** form, with its notices). Its id, or -1. */
long long
evento_scrivi(struct request *r, long long minore, const char *tipo,
    const char *data, const char *descrizione)
{
	long long id = db_insert(SQL_ADD, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("tipo", tipo), ARG_TEXT("data", data), ARG_TEXT("ora", NULL),
	    ARG_TEXT("ultimo_avvistamento", NULL), ARG_TEXT("denuncia", NULL),
	    ARG_TEXT("denuncia_data", NULL),
	    ARG_TEXT("descrizione", descrizione), ARG_INT("autore",
	    r->user.id)));

	if (id > 0 && audit_record(r, "create", "evento_critico", id,
	    pool_printf(&r->pool, "minore %lld", minore), NULL, 0) < 0)
		return -1;
	return id;
}

static int
page(struct edit *e)
{
	int rc = fascicolo_header(e->r, e->r->id[0],
	    e->r->user.role != ROLE_STRUTTURA);

	if (rc != 0)
		return rc;
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", pool_printf(&e->r->pool,
	    "/minori/%lld/eventi/nuovo", e->r->id[0]));
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", pool_printf(&e->r->pool, "/minori/%lld",
	    e->r->id[0]));
	return page_render(e->r, "monitoraggio/modulo.cs", e->rec->title);
}

static const char *
next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/%lld", e->r->id[0]);
}

const struct record evento_nuovo = {
	.entity = "evento_critico", .owner = "minore",
	.name = "eventi/nuovo", .title = "Segnala un evento critico",
	.fields = fields, .nfields = COUNT(fields),
	.access_edit = access_edit, .defaults = defaults, .check = check,
	.save = save, .page = page, .next = next,
	.saved = "Evento critico segnalato all'ufficio.",
};

static const char SQL_DEL_CASO[] =
    "SELECT e.id, e.tipo, strftime('%d/%m/%Y', e.data) AS data, e.ora,"
    " e.ultimo_avvistamento, e.denuncia,"
    " strftime('%d/%m/%Y', e.denuncia_data) AS denuncia_data, e.descrizione,"
    " coalesce(s.nome, '') AS struttura, coalesce(u.nome, '') AS autore"
    " FROM eventi_critici e LEFT JOIN strutture s ON s.id = e.struttura_id"
    " LEFT JOIN utenti u ON u.id = e.autore_id"
    " WHERE e.minore_id = :minore ORDER BY e.data DESC, e.id DESC LIMIT 200";

/* Eventi: the case's critical events, the latest first. */
int
eventi_del_caso(struct request *r, long long minore)
{
	return page_rows(r, "Eventi", db_query(SQL_DEL_CASO,
	    ARGS(ARG_INT("minore", minore))), 0, row_label, &(struct label){
	    "tipo", "tipo_label", tipi, COUNT(tipi) });
}

/* The timeline's events of this kind. */
const char *
evento_tipo(const char *code)
{
	return choice_label(tipi, COUNT(tipi), code);
}
