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
	{ .href = "/minori/azioni", .title = "Le mie azioni",
	  .perm = &monitoraggio_lettura },
};

static const struct link tiles[] = {
	{ .href = "/minori/azioni", .title = "Le mie azioni",
	  .text = "Le azioni di follow-up da fare: scadute, di questa "
	  "settimana, più avanti.", .perm = &monitoraggio_lettura },
};

const struct module monitoraggio_modulo = {
	.name = "monitoraggio",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.demo = monitoraggio_demo,
	.cronologia = monitoraggio_cronologia,
};
