/*
** The monitoraggio module: its routes (under the case, /minori/N/..., and
** each worker's list of actions, /minori/azioni), its navigation entry.
** Every handler checks the case itself (minore_access) beyond the route's
** permission.
*/
#include "interno.h"

const struct perm monitoraggio_lettura = { .name = "monitoraggio.lettura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
/* A facility reports critical events on its minors (scoped by the case). */
const struct perm monitoraggio_eventi = { .name = "monitoraggio.eventi",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) | ROLE(STRUTTURA) };
/* The facility's own page and reports. */
const struct perm monitoraggio_struttura = { .name = "monitoraggio.struttura",
    .roles = ROLE(STRUTTURA) };
const struct perm monitoraggio_scrittura = { .name = "monitoraggio.scrittura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };

static const struct route routes[] = {
	{ "GET", "/minori/azioni", &monitoraggio_lettura,
	  .handler = azioni_mie },
	{ "POST", "/minori/azioni/#/fatta", &monitoraggio_scrittura,
	  .handler = azione_fatta_post },
	{ "GET", "/minori/#/monitoraggio", &monitoraggio_lettura,
	  .handler = monitoraggio_pagina },
	{ "GET", "/minori/#/colloqui/nuovo", &monitoraggio_scrittura,
	  .record = &colloquio_nuovo, .create = 1 },
	{ "POST", "/minori/#/colloqui/nuovo", &monitoraggio_scrittura,
	  .record = &colloquio_nuovo, .create = 1 },
	{ "GET", "/minori/#/colloqui/#", &monitoraggio_scrittura,
	  .record = &colloquio_modifica, .item = 1 },
	{ "POST", "/minori/#/colloqui/#", &monitoraggio_scrittura,
	  .record = &colloquio_modifica, .item = 1 },
	{ "GET", "/minori/#/eventi/nuovo", &monitoraggio_eventi,
	  .record = &evento_nuovo, .create = 1 },
	{ "POST", "/minori/#/eventi/nuovo", &monitoraggio_eventi,
	  .record = &evento_nuovo, .create = 1 },
	{ "GET", "/minori/riunioni", &monitoraggio_lettura,
	  .handler = riunioni_elenco },
	{ "GET", "/minori/riunioni/nuova", &monitoraggio_scrittura,
	  .record = &riunione_nuova, .create = 1 },
	{ "POST", "/minori/riunioni/nuova", &monitoraggio_scrittura,
	  .record = &riunione_nuova, .create = 1 },
	{ "GET", "/minori/riunioni/#", &monitoraggio_lettura,
	  .handler = riunione_pagina },
	{ "GET", "/minori/riunioni/#/minori/nuovo", &monitoraggio_scrittura,
	  .record = &riunione_minore, .create = 1 },
	{ "POST", "/minori/riunioni/#/minori/nuovo", &monitoraggio_scrittura,
	  .record = &riunione_minore, .create = 1 },
	{ "GET", "/minori/struttura", &monitoraggio_struttura,
	  .handler = struttura_pagina },
	{ "GET", "/minori/#/relazioni/nuova", &monitoraggio_struttura,
	  .record = &relazione_nuova, .create = 1 },
	{ "POST", "/minori/#/relazioni/nuova", &monitoraggio_struttura,
	  .record = &relazione_nuova, .create = 1 },
	{ "GET", "/minori/#/relazioni/#", &monitoraggio_struttura,
	  .record = &relazione_modifica, .item = 1 },
	{ "POST", "/minori/#/relazioni/#", &monitoraggio_struttura,
	  .record = &relazione_modifica, .item = 1 },
	{ "POST", "/minori/#/relazioni/#/invia", &monitoraggio_struttura,
	  .handler = relazione_invia_post },
	{ "POST", "/minori/#/relazioni/#/letta", &monitoraggio_scrittura,
	  .handler = relazione_letta_post },
	{ "GET", "/minori/#/contatti/nuovo", &monitoraggio_scrittura,
	  .record = &contatto_nuovo, .create = 1 },
	{ "POST", "/minori/#/contatti/nuovo", &monitoraggio_scrittura,
	  .record = &contatto_nuovo, .create = 1 },
	{ "GET", "/minori/#/contatti/#", &monitoraggio_scrittura,
	  .record = &contatto_modifica, .item = 1 },
	{ "POST", "/minori/#/contatti/#", &monitoraggio_scrittura,
	  .record = &contatto_modifica, .item = 1 },
};

static const struct link nav[] = {
	{ .href = "/minori/riunioni", .title = "Riunioni",
	  .perm = &monitoraggio_lettura },
	{ .href = "/minori/struttura", .title = "La mia struttura",
	  .perm = &monitoraggio_struttura },
	{ .href = "/minori/azioni", .title = "Le mie azioni",
	  .perm = &monitoraggio_lettura },
};

static const struct link tiles[] = {
	{ .href = "/minori/struttura", .title = "La mia struttura",
	  .text = "I minori accolti, le relazioni periodiche da scrivere e le "
	  "risposte dell'ufficio.", .perm = &monitoraggio_struttura },
	{ .href = "/minori/azioni", .title = "Le mie azioni",
	  .text = "Le azioni di follow-up da fare: scadute, di questa "
	  "settimana, più avanti.", .perm = &monitoraggio_lettura },
};

/* The notices it sends (evento.c): running away goes by mail at once. */
static const struct notifica_tipo notifiche[] = {
	{ .tipo = "allontanamento", .label = "Allontanamento di un minore",
	  .urgente = 1, .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) },
};

const struct module monitoraggio_modulo = {
	.name = "monitoraggio",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.notifiche = notifiche, .nnotifiche = COUNT(notifiche),
	.demo = monitoraggio_demo,
	.cronologia = monitoraggio_cronologia,
};
