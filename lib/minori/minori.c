/*
** The minori module: its routes (the case file's sub-pages live under
** /minori/N/...), navigation, home tile and demo generator. Every
** handler checks the case itself (minore_access) beyond the route's
** permission.
*/
#include "interno.h"
#include "record.h"

static const struct route routes[] = {
	{ "GET", "/minori", &minori_lettura, .handler = minori_elenco },
	{ "GET", "/minori/export.csv", &minori_esportazione,
	  .handler = minori_export },
	{ "GET", "/minori/nuovo", &minori_scrittura,
	  .record = &presa_in_carico, .create = 1 },
	{ "POST", "/minori/nuovo", &minori_scrittura,
	  .record = &presa_in_carico, .create = 1 },
	{ "GET", "/minori/#", &minori_lettura, .handler = fascicolo },
	{ "GET", "/minori/#/cronologia", &minori_lettura,
	  .handler = cronologia },
	{ "POST", "/minori/#/proposte/#/conferma", &minori_scrittura,
	  .handler = proposta_conferma_post },
	{ "POST", "/minori/#/proposte/#/respingi", &minori_scrittura,
	  .handler = proposta_respingi_post },
	{ "GET", "/minori/#/anagrafica", &minori_scrittura,
	  .record = &anagrafica_sezione },
	{ "POST", "/minori/#/anagrafica", &minori_scrittura,
	  .record = &anagrafica_sezione },
	{ "GET", "/minori/#/rintraccio", &minori_scrittura,
	  .record = &rintraccio_sezione },
	{ "POST", "/minori/#/rintraccio", &minori_scrittura,
	  .record = &rintraccio_sezione },
	{ "GET", "/minori/#/tutela", &minori_scrittura,
	  .record = &tutela_sezione },
	{ "POST", "/minori/#/tutela", &minori_scrittura,
	  .record = &tutela_sezione },
	{ "GET", "/minori/#/stato", &minori_scrittura, .record = &stato_sezione },
	{ "POST", "/minori/#/stato", &minori_scrittura, .record = &stato_sezione },
	{ "GET", "/minori/#/collocamento", &minori_scrittura,
	  .record = &trasferimento },
	{ "POST", "/minori/#/collocamento", &minori_scrittura,
	  .record = &trasferimento },
	{ "GET", "/minori/#/documenti/nuovo", &minori_scrittura,
	  .record = &documento_nuovo, .create = 1 },
	{ "POST", "/minori/#/documenti/nuovo", &minori_scrittura,
	  .record = &documento_nuovo, .create = 1 },
	{ "POST", "/minori/#/documenti/#/verifica", &minori_scrittura,
	  .handler = documento_verifica_post },
	{ "GET", "/minori/#/documenti/#/file", &minori_lettura,
	  .handler = documento_file },
};

static const struct link nav[] = {
	{ .href = "/minori", .title = "Minori", .perm = &minori_lettura },
};

static const struct link tiles[] = {
	{ .href = "/minori", .title = "Minori in carico",
	  .text = "Presa in carico, fascicoli, ricerca ed elenchi dei minori.",
	  .perm = &minori_lettura },
};

const struct module minori_modulo = {
	.name = "minori",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.demo = minori_demo,
	.upgrade = nome_upgrade,
	.maintain = nome_maintain,
	.cronologia = minori_cronologia,
};
