/*
** The minori module: its routes (the case file's sub-pages live under
** /minori/N/...), navigation, home tile and demo generator. Every
** handler checks the case itself (minore_access) beyond the route's
** permission.
*/
#include "interno.h"

static const struct route routes[] = {
	{ "GET", "/minori", &minori_lettura, minori_elenco },
	{ "GET", "/minori/export.csv", &minori_esportazione, minori_export },
	{ "GET", "/minori/nuovo", &minori_scrittura, presa_in_carico_get },
	{ "POST", "/minori/nuovo", &minori_scrittura, presa_in_carico_post },
	{ "GET", "/minori/#", &minori_lettura, fascicolo },
	{ "GET", "/minori/#/anagrafica", &minori_scrittura, anagrafica_get },
	{ "POST", "/minori/#/anagrafica", &minori_scrittura, anagrafica_post },
	{ "GET", "/minori/#/rintraccio", &minori_scrittura, rintraccio_get },
	{ "POST", "/minori/#/rintraccio", &minori_scrittura, rintraccio_post },
	{ "GET", "/minori/#/tutela", &minori_scrittura, tutela_get },
	{ "POST", "/minori/#/tutela", &minori_scrittura, tutela_post },
	{ "GET", "/minori/#/stato", &minori_scrittura, stato_get },
	{ "POST", "/minori/#/stato", &minori_scrittura, stato_post },
	{ "GET", "/minori/#/collocamento", &minori_scrittura, collocamento_get },
	{ "POST", "/minori/#/collocamento", &minori_scrittura, collocamento_post },
	{ "GET", "/minori/#/documenti/nuovo", &minori_scrittura,
	  documento_nuovo_get },
	{ "POST", "/minori/#/documenti/nuovo", &minori_scrittura,
	  documento_nuovo_post },
	{ "POST", "/minori/#/documenti/#/verifica", &minori_scrittura,
	  documento_verifica_post },
	{ "GET", "/minori/#/documenti/#/file", &minori_lettura, documento_file },
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
};
