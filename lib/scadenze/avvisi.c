/*
** The notices: when a deadline reaches a level (its alert, due within 7
** days, overdue, overdue for the escalation's days), one in-app notice
** (lib/core/notifiche.c, which the mail queue will follow) to whoever is
** responsible, and at the escalation (or at once, for a rule that says
** so) to the responsabili; the level is recorded, so that it is never
** told twice. The text names the case by its number, never by name (a
** facility's deadline, the facility).
** Only the deadlines whose level may have changed are read (prossima).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interno.h"
#include "notifiche.h"

/* The open deadlines whose level may have changed, with their case's
** number (a facility's deadline: its name). */
#define DA_AVVISARE \
    "SELECT s.regola, s.minore_id, s.oggetto_id, s.dal, s.avviso, s.entro," \
    " s.ora, s.scade, s.notificata, coalesce(s.utente_id, 0) AS utente_id," \
    " CASE WHEN s.minore_id < 0 THEN (SELECT t.nome FROM strutture t" \
    " WHERE t.id = -s.minore_id) ELSE coalesce(m.numero, '') END AS numero" \
    " FROM scadenze s LEFT JOIN minori m ON m.id = s.minore_id" \
    " WHERE s.stato = 'aperta' AND s.prossima <= :adesso"
static const char SQL_DA_AVVISARE[] =
    DA_AVVISARE " AND +s.minore_id BETWEEN :da AND :a";	/* by prossima's */
/* One case's (the queue's recompute): by the case's index. */
static const char SQL_DEL_CASO[] =
    DA_AVVISARE " AND s.minore_id = :da AND :a = :da";

/* A notice to send, or a level to record, once the reading is over. */
struct nota {
	const struct regola *g;
	const char *regola, *numero, *entro, *ora;
	long long minore, oggetto, utente, prossima;
	int livello, prima, dire;
};

/* The notice's text: the case's number, the rule, where it stands. */
static const char *
testo(struct pool *p, const struct nota *n, const char *oggi)
{
	char it[11];
	const char *quando;

	date_it(n->entro, it);
	switch (n->livello) {
	case LIVELLO_AVVISO:
	case LIVELLO_AVVISO2:
		quando = pool_printf(p, "da fare entro il %s", it);
		break;
	case LIVELLO_SETTIMANA:
		quando = strcmp(n->entro, oggi) == 0 ? pool_printf(p,
		    "scade oggi%s%s", *n->ora ? " alle " : "", n->ora) :
		    pool_printf(p, "scade il %s%s%s", it, *n->ora ? " alle " :
		    "", n->ora);
		break;
	case LIVELLO_SCADUTA:
		quando = pool_printf(p, "scaduta il %s%s%s", it, *n->ora ?
		    " alle " : "", n->ora);
		break;
	default:
		quando = pool_printf(p, "scaduta il %s da più di %d giorni: "
		    "passa al responsabile", it, regola_escalation_giorni());
	}
	return pool_printf(p, "%s: %s, %s.", n->numero, n->g->titolo, quando);
}

/*
** Sends the notice of level n->livello; 0, or -1. A facility's deadline
** (minore < 0: regole_posti.c) goes to the responsabili, pointing to the
** facility on the places' board, and to the facility's own users,
** pointing to their declaration.
*/
static int
invia(struct pool *p, const struct nota *n, const char *oggi)
{
	const char *t = testo(p, n, oggi);
	const char *href = n->minore < 0 ? pool_printf(p,
	    "/minori/posti/strutture/%lld", -n->minore) : pool_printf(p,
	    "/minori/%lld/scadenze", n->minore);
	/* The worker is told an escalation only if never told it was late. */
	int a_lui = n->utente != 0 && (n->livello < LIVELLO_ESCALATA ||
	    n->prima < LIVELLO_SCADUTA);
	int ai_responsabili = n->utente == 0 || n->g->subito ||
	    n->livello == LIVELLO_ESCALATA;

	/* Mail: an immediate rule at once, the others in the digest. */
	const struct notifica nt = { .tipo = n->g->urgenza ==
	    URGENZA_IMMEDIATA ? "scadenza_urgente" : "scadenza",
	    .riferimento = n->numero, .data = *n->ora ? pool_printf(p,
	    "%s %s", n->entro, n->ora) : n->entro, .testo = t, .href = href };

	if (a_lui && notifica_invia(n->utente, &nt) != 0)
		return -1;
	if (ai_responsabili && notifica_ruolo("responsabile", n->utente,
	    &nt) != 0)
		return -1;
	if (n->minore < 0) {
		struct notifica own = nt;

		own.tipo = "scadenza_posti";
		own.href = "/minori/posti/dichiarazione";
		return notifica_struttura(-n->minore, &own);
	}
	return 0;
}

/*
** The deadlines of the cases from `da` to `a` whose level may have
** changed by `now`: each level reached is told once (with `notices`
** off, recorded without telling). The notices sent, or -1.
*/
int
avvisi_invia(long long da, long long a, long long now, int notices)
{
	struct pool p = { 0 };
	struct nota *v = NULL;
	size_t n = 0, cap = 0;
	struct stmt *st = db_query(da == a ? SQL_DEL_CASO : SQL_DA_AVVISARE,
	    ARGS(ARG_INT("adesso", now), ARG_INT("da", da), ARG_INT("a", a)));
	char oggi[11];
	int h, sent = 0, rc = 0;

	date_today_rome(oggi);
	while ((h = db_step(st)) == SQLITE_ROW) {
		const struct regola *g = regola_trova(db_text(st, "regola"));
		struct soglie k;
		struct nota *x;
		int l;

		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		x = &v[n++];
		memset(x, 0, sizeof *x);
		x->regola = pool_strdup(&p, db_text(st, "regola"));
		x->minore = db_int(st, "minore_id");
		x->oggetto = db_int(st, "oggetto_id");
		x->livello = (int)db_int(st, "notificata");
		if (g == NULL)		/* a rule no longer declared */
			continue;
		scadenza_soglie(g, db_text(st, "dal"), db_text(st, "avviso"),
		    db_text(st, "entro"), db_int(st, "scade"), &k);
		l = (int)scadenza_livello(&k, now);
		x->g = g;
		x->prossima = scadenza_prossima(&k, now);
		x->dire = notices && l > x->livello;
		x->prima = x->livello;
		x->livello = l;
		x->numero = pool_strdup(&p, db_text(st, "numero"));
		x->entro = pool_strdup(&p, db_text(st, "entro"));
		x->ora = pool_strdup(&p, db_text(st, "ora"));
		x->utente = db_int(st, "utente_id");
	}
	db_done(st);
	if (h < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (v[i].dire) {
			rc = invia(&p, &v[i], oggi);
			sent++;
		}
		if (rc == 0)
			rc = scadenza_notificata(v[i].regola, v[i].minore,
			    v[i].oggetto, v[i].livello, v[i].prossima);
	}
	free(v);
	pool_free(&p);
	return rc == 0 ? sent : -1;
}
