/*
** The agendas: "Le mie scadenze" (/minori/scadenze), each worker's open
** deadlines, overdue first, then due today, within the week and later
** (those past their first alert); the responsabile's view of every
** overdue deadline of the office by worker (/minori/scadenze/ufficio);
** and the count of the navigation (overdue and due today). Lists of
** cases, like the case list and "Le mie azioni": no view row per case
** listed (opening one writes it). Writes no table.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "interno.h"
#include "page.h"
#include "utenti.h"

/* Today on Rome's calendar and the instants the agendas count from. */
struct giorno {
	char oggi[11], fra7[11];
	long long adesso, domani, fra8, escalation;
};

static void
giorno_init(struct giorno *g)
{
	char d[11];

	g->adesso = (long long)time(NULL);
	date_today_rome(g->oggi);
	date_add_days(g->oggi, 7, g->fra7);
	date_add_days(g->oggi, 1, d);
	date_rome_to_unix(d, &g->domani);
	date_add_days(g->oggi, 8, d);
	date_rome_to_unix(d, &g->fra8);
	g->escalation = g->adesso - (long long)regola_escalation_giorni() *
	    86400;
}

struct righe {
	const struct giorno *g;
	const struct choice *utenti;
	size_t nutenti;
	struct buf cell;
};

/*
** A deadline of an agenda, seven values or fewer (every value of every
** row is a node ClearSilver makes and walks: the agenda's cost): the case
** by number and name, the rule's title, the due date (and time), its
** urgency, whether it is the responsabile's too, and (the office's) whose
** it is. The legal source is on the case's deadlines, a click away.
*/
static void
agenda_riga(HDF *row, struct stmt *st, void *ctx)
{
	struct righe *k = ctx;
	const struct regola *g = regola_trova(db_text(st, "regola"));
	long long scade = db_int(st, "scade");
	const char *ora = db_text(st, "ora");
	char it[11];

	if (db_int(st, "minore_id") < 0)
		row_set_int(row, "struttura", -db_int(st, "minore_id"));
	else
		row_set(row, "minore_id", db_text(st, "minore_id"));
	row_set(row, "numero", db_text(st, "numero"));
	buf_reset(&k->cell);
	buf_printf(&k->cell, "%s%s%s", db_text(st, "cognome"),
	    *db_text(st, "nome") ? " " : "", db_text(st, "nome"));
	row_set(row, "nome", k->cell.p);
	row_set(row, "titolo", g ? g->titolo : db_text(st, "regola"));
	date_it(db_text(st, "entro"), it);
	buf_reset(&k->cell);
	buf_printf(&k->cell, "%s%s%s", it, *ora ? " alle " : "", ora);
	row_set(row, "entro", k->cell.p);
	row_set(row, "urgenza", g ? regola_urgenza(g->urgenza) : "");
	if (scade <= k->g->escalation || (g && g->subito && scade <=
	    k->g->adesso))
		row_set(row, "escalata", "1");
	if (k->utenti)
		row_set(row, "utente", db_is_null(st, "utente_id") ?
		    "Nessun operatore" : choice_label(k->utenti, k->nutenti,
		    db_text(st, "utente_id")));
}

/*
** A worker's open deadlines overdue from after :da to :a, past their
** first alert, the most urgent first: each section of the agenda is a
** span of `scade` (overdue, today, the week, later).
*/
static const char SQL_AGENDA[] =
    "SELECT s.regola, s.minore_id, s.entro, s.ora, s.scade, m.numero,"
    " m.cognome, m.nome FROM scadenze s JOIN minori m ON m.id = s.minore_id"
    " WHERE s.utente_id = :utente AND s.stato = 'aperta' AND s.scade > :da"
    " AND s.scade <= :a AND s.dal <= :oggi ORDER BY s.scade"
    " LIMIT :limite OFFSET :salta";
#define PAGINA 25	/* a section's own page */
/* Counted up to 100 (the navigation says "99+"): a few index entries. */
static const char SQL_CONTA[] =
    "SELECT count(*) FROM (SELECT 1 FROM scadenze WHERE utente_id = :utente"
    " AND stato = 'aperta' AND scade <= :domani LIMIT 100)";

/*
** The agenda's sections, in order, and how many of each it shows (the
** rest a page at a time, one section alone): every row is nodes
** ClearSilver makes and walks, the page's main cost.
*/
static const struct choice sezioni[] = {
	{ "scadute", "Scadute" },
	{ "oggi", "Oggi" },
	{ "settimana", "Entro 7 giorni" },
	{ "avanti", "Più avanti" },
};
static const int prime[] = { 10, 5, 5, 5 };

static const struct field pagine[] = {
	{ .name = "pagina", .label = "Pagina", .type = FIELD_INT, .min = 1,
	  .max = 100000 },
	{ .name = "operatore", .label = "Operatore", .type = FIELD_INT,
	  .min = 0, .max = 1000000000 },
	{ .name = "elenco", .label = "Elenco", .type = FIELD_CHOICE,
	  .choices = sezioni, .nchoices = COUNT(sezioni) },
};

/* The page asked for (1 if none, or not a page number). */
static long long
pagina_di(struct request *r, struct form *f, const char *name,
    long long none)
{
	form_init(f, pagine, COUNT(pagine));
	form_read(r, f);
	if (f->nerrors || form_value(f, name) == NULL)
		return none;
	return form_int(f, name);
}

/*
** The user's overdue and due-today deadlines, up to 100, for the
** navigation: kept per worker process for each user until the deadlines
** change (the 'scadenze' row of versioni moves) or the day does.
*/
int
agenda_conta(struct request *r)
{
	static struct {
		long long utente, versione, domani;
		int n;
	} kept[64];
	static long long domani;	/* the next midnight in Rome */
	long long now = (long long)time(NULL), v;
	size_t i = (size_t)r->user.id % COUNT(kept);

	if (r->user.id == 0)
		return 0;
	if (now >= domani) {		/* once a day per process */
		struct giorno g;

		giorno_init(&g);
		domani = g.domani;
	}
	v = scadenze_versione();
	if (kept[i].utente == r->user.id && kept[i].versione == v &&
	    kept[i].domani == domani)
		return kept[i].n;
	kept[i].utente = r->user.id;
	kept[i].versione = v;
	kept[i].domani = domani;
	kept[i].n = (int)db_value(SQL_CONTA, ARGS(ARG_INT("utente", r->user.id),
	    ARG_INT("domani", domani)), 0);
	return kept[i].n;
}

/* The span of `scade` of section i: after *da, up to *a. */
static void
sezione_span(const struct giorno *g, size_t i, long long *da, long long *a)
{
	const long long bordi[] = { LLONG_MIN, g->adesso, g->domani, g->fra8,
	    LLONG_MAX };

	*da = bordi[i];
	*a = bordi[i + 1];
}

/*
** GET /minori/scadenze: "Le mie scadenze", each section's first ones
** (?elenco=NAME: that section alone, a page at a time).
*/
int
agenda_mie(struct request *r)
{
	struct righe k = { .cell = { 0 } };
	struct giorno g;
	struct form f;
	long long pagina = pagina_di(r, &f, "pagina", 1);
	const char *sola = f.nerrors ? NULL : form_value(&f, "elenco");

	giorno_init(&g);
	k.g = &g;
	if (db_begin_read() != 0)
		return 500;
	for (size_t i = 0; i < COUNT(sezioni); i++) {
		int intera = sola && strcmp(sola, sezioni[i].value) == 0;
		int limite = intera ? PAGINA : prime[i], n;
		long long da, a;

		if (sola && !intera)
			continue;
		sezione_span(&g, i, &da, &a);
		n = page_rows_own(r, pool_printf(&r->pool, "Sezione.%s",
		    sezioni[i].value), db_query(SQL_AGENDA,
		    ARGS(ARG_INT("utente", r->user.id), ARG_INT("da", da),
		    ARG_INT("a", a), ARG_TEXT("oggi", g.oggi),
		    ARG_INT("limite", limite + 1), ARG_INT("salta", intera ?
		    (pagina - 1) * PAGINA : 0))), limite, agenda_riga, &k);
		if (intera)
			page_pagine(r, "Agenda", pagina, n, PAGINA);
		else if (n > limite)
			page_set_int(r, pool_printf(&r->pool, "Altre.%s",
			    sezioni[i].value), 1);
	}
	page_set_int(r, "Agenda.conta", agenda_conta(r));
	db_end_read();
	buf_free(&k.cell);
	if (sola)
		page_set(r, "Agenda.elenco", sola);
	page_set_int(r, "Agenda.responsabile", role_can(r->user.role,
	    &scadenze_ufficio));
	page_set_int(r, "Agenda.escalation", regola_escalation_giorni());
	return page_render(r, "scadenze/agenda.cs", "Le mie scadenze");
}

/* A facility's deadline (minore_id minus its id) names the facility. */
#define UFFICIO \
    "SELECT s.regola, s.minore_id, s.entro, s.ora, s.scade, s.utente_id," \
    " coalesce(m.numero, 'struttura') AS numero," \
    " coalesce(m.cognome, t.nome, '') AS cognome, coalesce(m.nome, '')" \
    " AS nome FROM scadenze s LEFT JOIN minori m ON m.id = s.minore_id" \
    " LEFT JOIN strutture t ON t.id = -s.minore_id" \
    " WHERE s.stato = 'aperta' AND s.scade <= :adesso"
static const char SQL_UFFICIO[] =
    UFFICIO " ORDER BY s.scade LIMIT 26 OFFSET :salta";
static const char SQL_UFFICIO_DI[] =
    UFFICIO " AND s.utente_id = :utente ORDER BY s.scade"
    " LIMIT 26 OFFSET :salta";
static const char SQL_UFFICIO_NESSUNO[] =
    UFFICIO " AND s.utente_id IS NULL ORDER BY s.scade LIMIT 26 OFFSET :salta";
/* Per worker: overdue, and overdue for the escalation's days. */
static const char SQL_CONTI[] =
    "SELECT coalesce(utente_id, 0) AS utente_id, count(*) AS scadute,"
    " sum(scade <= :escalation) AS escalate FROM scadenze"
    " WHERE stato = 'aperta' AND scade <= :adesso GROUP BY utente_id";

/*
** The office's counts by worker, into list Operatori: read again when the
** deadlines change, or after ten minutes (a term in hours may pass).
*/
static void
conti(struct request *r, const struct giorno *g, const struct choice *u,
    size_t nu)
{
	static struct {
		long long versione, quando;
		size_t n;
		struct conto {
			long long utente, scadute, escalate;
		} v[256];
	} k;
	long long versione = scadenze_versione();

	if (k.versione != versione || g->adesso / 600 != k.quando) {
		struct stmt *st = db_query(SQL_CONTI, ARGS(ARG_INT("adesso",
		    g->adesso), ARG_INT("escalation", g->escalation)));

		k.n = 0;
		while (db_step(st) == SQLITE_ROW && k.n < COUNT(k.v)) {
			k.v[k.n].utente = db_int(st, "utente_id");
			k.v[k.n].scadute = db_int(st, "scadute");
			k.v[k.n].escalate = db_int(st, "escalate");
			k.n++;
		}
		db_done(st);
		k.versione = versione;
		k.quando = g->adesso / 600;
	}
	for (size_t i = 0; i < k.n; i++) {
		HDF *row = page_row(r, "Operatori", (int)i);
		char id[24];

		snprintf(id, sizeof id, "%lld", k.v[i].utente);
		row_set_int(row, "id", k.v[i].utente);
		row_set(row, "nome", k.v[i].utente ? choice_label(u, nu, id) :
		    "Nessun operatore");
		row_set_int(row, "scadute", k.v[i].scadute);
		row_set_int(row, "escalate", k.v[i].escalate);
	}
}

/* GET /minori/scadenze/ufficio: every overdue deadline, by worker. */
int
agenda_ufficio(struct request *r)
{
	struct righe k = { .cell = { 0 } };
	struct giorno g;
	struct form f;
	long long pagina = pagina_di(r, &f, "pagina", 1);
	long long chi = pagina_di(r, &f, "operatore", -1);
	const char *sql = chi < 0 ? SQL_UFFICIO : chi == 0 ?
	    SQL_UFFICIO_NESSUNO : SQL_UFFICIO_DI;
	struct stmt *st;
	int n;

	giorno_init(&g);
	k.g = &g;
	k.utenti = utenti_nomi(&k.nutenti);
	if (db_begin_read() != 0)
		return 500;
	conti(r, &g, k.utenti, k.nutenti);
	st = db_query(sql, ARGS(ARG_INT("adesso", g.adesso), ARG_INT("salta",
	    (pagina - 1) * PAGINA)));
	if (chi > 0)
		db_bind_int(st, "utente", chi);
	n = page_rows_own(r, "Scadute", st, PAGINA, agenda_riga, &k);
	db_end_read();
	buf_free(&k.cell);
	page_pagine(r, "Ufficio", pagina, n, PAGINA);
	if (chi >= 0) {
		char id[24];

		snprintf(id, sizeof id, "%lld", chi);
		page_set_int(r, "Ufficio.operatore", chi);
		page_set(r, "Ufficio.operatore_nome", chi == 0 ?
		    "Nessun operatore" : choice_label(k.utenti, k.nutenti, id));
	}
	page_set_int(r, "Ufficio.escalation", regola_escalation_giorni());
	return page_render(r, "scadenze/ufficio.cs",
	    "Scadenze scadute dell'ufficio");
}
