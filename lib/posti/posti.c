/*
** The posti module: its routes (under /minori/posti, served by the
** minori program), its navigation entry and tiles, the daily job's
** command, the demo circuit and the case's timeline. Each handler checks
** beyond the route's permission what its record needs: the case
** (minore_access), or the facility of a facility's user.
*/
#include "interno.h"

const struct perm posti_lettura = { .name = "posti.lettura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
const struct perm posti_vista = { .name = "posti.vista",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) | ROLE(STRUTTURA) };
const struct perm posti_struttura = { .name = "posti.struttura",
    .roles = ROLE(STRUTTURA) };
const struct perm posti_richiesta = { .name = "posti.richiesta",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
const struct perm posti_ufficio = { .name = "posti.ufficio",
    .roles = ROLE(RESPONSABILE) };

static const struct route routes[] = {
	{ "GET", "/minori/posti", &posti_vista, .handler = posti_quadro },
	{ "GET", "/minori/posti/strutture/#", &posti_vista,
	  .handler = posti_struttura_get },
	{ "GET", "/minori/posti/dichiarazione", &posti_struttura,
	  .record = &dichiarazione_nuova, .create = 1 },
	{ "POST", "/minori/posti/dichiarazione", &posti_struttura,
	  .record = &dichiarazione_nuova, .create = 1 },
	{ "GET", "/minori/posti/grafici", &posti_lettura,
	  .handler = posti_grafici },
	{ "GET", "/minori/posti/richieste", &posti_lettura,
	  .handler = richieste_elenco },
	{ "GET", "/minori/posti/richieste/nuova", &posti_richiesta,
	  .record = &richiesta_nuova, .create = 1 },
	{ "POST", "/minori/posti/richieste/nuova", &posti_richiesta,
	  .record = &richiesta_nuova, .create = 1 },
	{ "GET", "/minori/posti/richieste/#", &posti_lettura,
	  .handler = richiesta_get },
	{ "POST", "/minori/posti/richieste/#/annulla", &posti_richiesta,
	  .handler = richiesta_annulla_post },
	{ "POST", "/minori/posti/richieste/#/proposta", &posti_ufficio,
	  .record = &proposta_nuova, .create = 1 },
	{ "GET", "/minori/posti/proposte/#", &posti_struttura,
	  .record = &proposta_risposta },
	{ "POST", "/minori/posti/proposte/#", &posti_struttura,
	  .record = &proposta_risposta },
	{ "GET", "/minori/posti/proposte/#/data", &posti_ufficio,
	  .record = &proposta_data },
	{ "POST", "/minori/posti/proposte/#/data", &posti_ufficio,
	  .record = &proposta_data },
	{ "POST", "/minori/posti/proposte/#/ritira", &posti_ufficio,
	  .handler = proposta_ritira_post },
};

/* The registry's entry is here: the module list puts strutture first
** (the demo's facilities come before their users), the navigation
** wants it after the cases. */
static const struct link nav[] = {
	{ .href = "/minori/posti", .title = "Posti",
	  .perm = &posti_vista },
	{ .href = "/minori/strutture", .title = "Strutture",
	  .perm = &strutture_gestione },
};

static const struct link tiles[] = {
	{ .href = "/minori/posti", .title = "Posti e trasferimenti",
	  .text = "I posti liberi nelle strutture del circuito, le richieste "
	  "di posto, le proposte e i trasferimenti.", .perm = &posti_lettura },
	{ .href = "/minori/posti", .title = "I nostri posti",
	  .text = "Dichiara i posti liberi e rispondi alle proposte "
	  "dell'ufficio.", .perm = &posti_struttura },
};

static const struct command commands[] = {
	{ "posti", "giornaliero", posti_comando },
};

/* The notices it sends (avvisi.c), none urgent: in the daily digest. */
static const struct notifica_tipo notifiche[] = {
	{ .tipo = "posti_proposta", .label = "Proposte di inserimento "
	  "dell'ufficio", .roles = ROLE(STRUTTURA) },
	{ .tipo = "posti_risposta", .label = "Risposte delle strutture alle "
	  "proposte di posto", .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) },
	{ .tipo = "posti_trasferimento", .label = "Trasferimenti fatti",
	  .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) },
};

const struct module posti_modulo = {
	.name = "posti",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.commands = commands, .ncommands = COUNT(commands),
	.notifiche = notifiche, .nnotifiche = COUNT(notifiche),
	.demo = posti_demo,
	.cronologia = posti_cronologia,
};
