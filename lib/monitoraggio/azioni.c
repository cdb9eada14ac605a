/*
** Follow-up actions: what comes out of an interview (and, as they come, of
** a contact with the facility or a team meeting): what, who acts (an
** office user, the facility, the guardian, a service), by when, and its
** state; done records who and when. Each worker has the list of the
** actions assigned to them (/minori/azioni: overdue, due this week,
** later), and the responsabile sees every overdue one. The only writer of
** azioni_seguito.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"
#include "session.h"
#include "utenti.h"

const struct choice azione_attori[] = {
	{ "utente", "Un operatore dell'ufficio" },
	{ "struttura", "La struttura di accoglienza" },
	{ "tutore", "Il tutore" },
	{ "servizio", "Un servizio" },
};
const size_t azione_nattori = COUNT(azione_attori);

const struct choice azione_stati[] = {
	{ "aperta", "Da fare" },
	{ "fatta", "Fatta" },
	{ "annullata", "Annullata" },
};
const size_t azione_nstati = COUNT(azione_stati);

/*
** The fields of a follow-up action written with a record (an interview, a
** contact): a form's last group. Audited as the action they make.
*/
static const struct field campi[] = {
	{ "azione_cosa", "Azione di follow-up: che cosa va fatto",
	  .type = FIELD_TEXTAREA, .max = 8000, .flags = FIELD_NOAUDIT,
	  .group = "Un'azione di follow-up (facoltativa)" },
	{ "azione_chi", "Chi la fa", .type = FIELD_CHOICE,
	  .flags = FIELD_NOAUDIT, .choices = azione_attori,
	  .nchoices = COUNT(azione_attori) },
	{ "azione_utente", "Quale operatore", .type = FIELD_CHOICE,
	  .flags = FIELD_NOAUDIT },
	{ "azione_servizio", "Quale servizio", .type = FIELD_TEXT, .max = 160,
	  .flags = FIELD_NOAUDIT },
	{ "azione_entro", "Entro il", .type = FIELD_DATE,
	  .flags = FIELD_FUTURE | FIELD_NOAUDIT, .hint = "gg/mm/aaaa" },
};

/* Appends the action's fields to a form's table at `out`; how many. */
size_t
azione_campi(struct field *out)
{
	for (size_t i = 0; i < COUNT(campi); i++) {
		out[i] = campi[i];
		if (strcmp(out[i].name, "azione_utente") == 0)
			out[i].choices = utenti_operatori(&out[i].nchoices);
	}
	return COUNT(campi);
}

/* The action typed with the record: whole, or not at all. */
void
azione_check(struct form *f)
{
	const char *cosa = "azione_cosa", *chi = "azione_chi";
	const char *utente = "azione_utente", *servizio = "azione_servizio";
	const char *entro = "azione_entro", *c, *w;

	c = form_value(f, cosa);
	w = form_value(f, chi);
	if (c == NULL) {
		if (w || form_value(f, utente) || form_value(f, servizio) ||
		    form_value(f, entro))
			form_fail(f, cosa, "Scrivi che cosa va fatto, o lascia "
			    "vuota tutta l'azione.");
		return;
	}
	if (w == NULL)
		form_fail(f, chi, "Indica chi deve farlo.");
	else if (strcmp(w, "utente") == 0 && !form_value(f, utente))
		form_fail(f, utente, "Scegli l'operatore che deve farlo.");
	else if (strcmp(w, "utente") != 0 && form_value(f, utente))
		form_fail(f, utente, "L'operatore si sceglie solo se agisce "
		    "un operatore dell'ufficio.");
	if (w && strcmp(w, "servizio") == 0 && !form_value(f, servizio))
		form_fail(f, servizio, "Indica quale servizio.");
}

static const char SQL_ADD[] =
    "INSERT INTO azioni_seguito (minore_id, origine, origine_id, cosa, chi,"
    " utente_id, servizio, entro, creata_da) VALUES (:minore, :origine,"
    " :origine_id, :cosa, :chi, :utente, :servizio, :entro, :creata_da)";

/* The action typed with record `origine` `origine_id` about case
** `minore`, if any: 0, or -1. */
int
azione_dal_modulo(struct edit *e, long long minore, const char *origine,
    long long origine_id)
{
	const struct form *f = &e->form;
	struct azione_nuova a = {
		form_value(f, "azione_cosa"), form_value(f, "azione_chi"),
		form_value(f, "azione_utente"), form_value(f, "azione_servizio"),
		form_value(f, "azione_entro"),
	};

	if (a.cosa == NULL)
		return 0;
	return azione_add(e->r, minore, origine, origine_id, &a) < 0 ? -1 : 0;
}

/* A new action, in the caller's transaction, audited; its id, or -1. */
long long
azione_add(struct request *r, long long minore, const char *origine,
    long long origine_id, const struct azione_nuova *a)
{
	long long id;
	struct change c[] = {
		{ "cosa", NULL, a->cosa }, { "chi", NULL, a->chi },
		{ "utente_id", NULL, a->utente }, { "entro", NULL, a->entro },
	};

	id = db_insert(SQL_ADD, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("origine", origine), ARG_INT("origine_id", origine_id),
	    ARG_TEXT("cosa", a->cosa), ARG_TEXT("chi", a->chi),
	    ARG_TEXT("utente", a->utente), ARG_TEXT("servizio", a->servizio),
	    ARG_TEXT("entro", a->entro), ARG_INT("creata_da", r->user.id)));
	if (id <= 0 || audit_record(r, "create", "azione", id,
	    pool_printf(&r->pool, "minore %lld", minore), c, COUNT(c)) < 0)
		return -1;
	return id;
}

#define AZIONE_COLONNE \
    "a.id, a.minore_id, a.cosa, a.chi, a.servizio, a.entro," \
    " strftime('%d/%m/%Y', a.entro) AS entro_it, a.stato," \
    " coalesce(u.nome, '') AS utente, a.origine," \
    " strftime('%d/%m/%Y', a.fatta_il, 'localtime') AS fatta_il," \
    " coalesce(f.nome, '') AS fatta_da"
#define AZIONE_DA \
    " FROM azioni_seguito a LEFT JOIN utenti u ON u.id = a.utente_id" \
    " LEFT JOIN utenti f ON f.id = a.fatta_da"

static const char SQL_DEL_CASO[] =
    "SELECT " AZIONE_COLONNE AZIONE_DA " WHERE a.minore_id = :minore"
    " ORDER BY a.stato <> 'aperta', a.entro IS NULL, a.entro, a.id";

struct ctx {
	char today[11], week[11];
};

/* An action's labels and whether it is overdue or due this week. */
static void
azione_row(HDF *row, struct stmt *st, void *p)
{
	struct ctx *k = p;
	const char *entro = db_text(st, "entro");
	int aperta = strcmp(db_text(st, "stato"), "aperta") == 0;

	row_set(row, "chi_label", choice_label(azione_attori, azione_nattori,
	    db_text(st, "chi")));
	row_set(row, "stato_label", choice_label(azione_stati, azione_nstati,
	    db_text(st, "stato")));
	if (aperta && *entro && strcmp(entro, k->today) < 0)
		row_set(row, "scaduta", "1");
	else if (aperta && *entro && strcmp(entro, k->week) <= 0)
		row_set(row, "settimana", "1");
}

static void
ctx_init(struct ctx *k)
{
	date_today(k->today);
	date_add_days(k->today, 7, k->week);
}

/* Azioni: the case's actions, the open ones first by date. */
int
azioni_del_caso(struct request *r, long long minore)
{
	struct ctx k;

	ctx_init(&k);
	return page_rows(r, "Azioni", db_query(SQL_DEL_CASO,
	    ARGS(ARG_INT("minore", minore))), 0, azione_row, &k);
}

/*
** Mine, open: overdue, then this week, then later (no date last), each
** its own list; and, for the responsabile, the office's overdue ones,
** the oldest first, a page at a time. A row has ten values or fewer
** (ClearSilver hashes a node's children from the eleventh on).
*/
#define MIA_COLONNE \
    "SELECT a.id, a.minore_id, a.cosa, strftime('%d/%m/%Y', a.entro)" \
    " AS entro_it, a.entro < :oggi AS scaduta, coalesce(u.nome, '')" \
    " AS utente, m.numero, m.cognome, m.nome" \
    " FROM azioni_seguito a LEFT JOIN utenti u ON u.id = a.utente_id" \
    " JOIN minori m ON m.id = a.minore_id"
#define MIE(quando) MIA_COLONNE " WHERE a.utente_id = :utente" \
    " AND a.stato = 'aperta' AND " quando \
    " ORDER BY a.entro IS NULL, a.entro, a.id LIMIT 100"
static const struct {
	const char *lista, *sql;
} mie[] = {
	{ "Mie.scadute", MIE("a.entro < :oggi") },	/* no :settimana */
	{ "Mie.settimana", MIE("a.entro >= :oggi AND a.entro <= :settimana") },
	{ "Mie.avanti", MIE("(a.entro > :settimana OR a.entro IS NULL)") },
};
#define SCADUTE_PAGINA 25
static const char SQL_SCADUTE[] =
    MIA_COLONNE " WHERE a.stato = 'aperta' AND a.entro < :oggi"
    " ORDER BY a.entro, a.id LIMIT 26 OFFSET :salta";
static const char SQL_SCADUTE_N[] =
    "SELECT count(*) FROM azioni_seguito WHERE stato = 'aperta'"
    " AND entro < :oggi";
static const struct field pagine[] = {
	{ "pagina", "Pagina", .type = FIELD_INT, .min = 1, .max = 100000 },
};

/* The office's overdue actions, a page at a time, and how many. */
static void
scadute(struct request *r, const char *oggi)
{
	struct form f;
	long long pagina;

	form_init(&f, pagine, COUNT(pagine));
	form_read(r, &f);
	pagina = f.nerrors == 0 && form_value(&f, "pagina") ?
	    form_int(&f, "pagina") : 1;
	page_pagine(r, "Azioni", pagina, page_rows(r, "Scadute", db_query(
	    SQL_SCADUTE, ARGS(ARG_TEXT("oggi", oggi), ARG_INT("salta",
	    (pagina - 1) * SCADUTE_PAGINA))), SCADUTE_PAGINA, NULL, NULL),
	    SCADUTE_PAGINA);
	page_set_int(r, "Azioni.scadute", db_value(SQL_SCADUTE_N,
	    ARGS(ARG_TEXT("oggi", oggi)), 0));
}

/* GET /minori/azioni: "le mie azioni". */
int
azioni_mie(struct request *r)
{
	struct ctx k;

	ctx_init(&k);
	if (db_begin_read() != 0)
		return 500;
	page_rows(r, mie[0].lista, db_query(mie[0].sql, ARGS(ARG_INT("utente",
	    r->user.id), ARG_TEXT("oggi", k.today))), 0, NULL, NULL);
	for (size_t i = 1; i < COUNT(mie); i++)
		page_rows(r, mie[i].lista, db_query(mie[i].sql, ARGS(ARG_INT(
		    "utente", r->user.id), ARG_TEXT("oggi", k.today),
		    ARG_TEXT("settimana", k.week))), 0, NULL, NULL);
	if (r->user.role == ROLE_RESPONSABILE)
		scadute(r, k.today);
	db_end_read();
	page_set_int(r, "Azioni.responsabile",
	    r->user.role == ROLE_RESPONSABILE);
	return page_render(r, "monitoraggio/azioni.cs", "Le mie azioni");
}

static const char SQL_AZIONE[] =
    "SELECT minore_id, stato, coalesce(utente_id, 0) AS utente_id"
    " FROM azioni_seguito WHERE id = :id";
static const char SQL_FATTA[] =
    "UPDATE azioni_seguito SET stato = 'fatta', fatta_da = :utente,"
    " fatta_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND stato = 'aperta'";

/*
** POST /minori/azioni/N/fatta: done, by whom and when. The one it was
** given to, or whoever may change the case, marks it.
*/
int
azione_fatta_post(struct request *r)
{
	const char *back = request_post(r, "da");
	struct row a;
	long long minore;
	int rc;

	if (db_row(&r->pool, SQL_AZIONE, ARGS(ARG_INT("id", r->id[0])), &a)
	    != 1)
		return 404;
	minore = strtoll(row_get(&a, "minore_id"), NULL, 10);
	if (strtoll(row_get(&a, "utente_id"), NULL, 10) != r->user.id &&
	    (rc = minore_access(r, minore, 1)) != 0)
		return rc;
	if (db_begin_write() != 0)
		return 500;
	if (db_write(SQL_FATTA, ARGS(ARG_INT("id", r->id[0]),
	    ARG_INT("utente", r->user.id))) != 0)
		return 500;
	if (db_changes() == 0) {
		db_rollback();
		session_set_errore(r, "Questa azione non è più da fare.");
	} else {
		audit_record(r, "update", "azione", r->id[0], pool_printf(
		    &r->pool, "minore %lld", minore), &(const struct change){
		    "stato", "aperta", "fatta" }, 1);
		session_set_avviso(r, "Azione segnata come fatta.");
		if (db_commit() != 0)
			return 500;
	}
	/* Back where the button was: the list, or the case's page. */
	if (back && strcmp(back, "caso") == 0)
		return response_redirect(r, pool_printf(&r->pool,
		    "/minori/%lld/monitoraggio#azioni", minore));
	return response_redirect(r, "/minori/azioni");
}
