/*
** minori: the case registry of unaccompanied minors: list and search,
** intake, the case page and its sections, documents. The handlers live
** in lib/ (minori_elenco.c, presa_in_carico.c, fascicolo.c, tutela.c,
** stato.c, collocamento.c, documenti.c); each checks the case itself.
*/
#include "minori.h"

static const struct route routes[] = {
	{ "GET", "/minori", PERM_CASE_READ, minori_elenco },
	{ "GET", "/minori/export.csv", PERM_CASE_EXPORT, minori_export },
	{ "GET", "/minori/nuovo", PERM_CASE_WRITE, presa_in_carico_get },
	{ "POST", "/minori/nuovo", PERM_CASE_WRITE, presa_in_carico_post },
	{ "GET", "/minori/#", PERM_CASE_READ, fascicolo },
	{ "GET", "/minori/#/anagrafica", PERM_CASE_WRITE, fascicolo_anagrafica_get },
	{ "POST", "/minori/#/anagrafica", PERM_CASE_WRITE, fascicolo_anagrafica_post },
	{ "GET", "/minori/#/rintraccio", PERM_CASE_WRITE, fascicolo_rintraccio_get },
	{ "POST", "/minori/#/rintraccio", PERM_CASE_WRITE, fascicolo_rintraccio_post },
	{ "GET", "/minori/#/tutela", PERM_CASE_WRITE, fascicolo_tutela_get },
	{ "POST", "/minori/#/tutela", PERM_CASE_WRITE, fascicolo_tutela_post },
	{ "GET", "/minori/#/stato", PERM_CASE_WRITE, fascicolo_stato_get },
	{ "POST", "/minori/#/stato", PERM_CASE_WRITE, fascicolo_stato_post },
	{ "GET", "/minori/#/collocamento", PERM_CASE_WRITE, fascicolo_collocamento_get },
	{ "POST", "/minori/#/collocamento", PERM_CASE_WRITE, fascicolo_collocamento_post },
	{ "GET", "/minori/#/documenti/nuovo", PERM_CASE_WRITE, documento_nuovo_get },
	{ "POST", "/minori/#/documenti/nuovo", PERM_CASE_WRITE, documento_nuovo_post },
	{ "POST", "/minori/#/documenti/#/verifica", PERM_CASE_WRITE, documento_verifica_post },
	{ "GET", "/minori/#/documenti/#/file", PERM_CASE_READ, documento_file },
};

int
main(int argc, char **argv)
{
	static const struct program prog = { "minori", routes, COUNT(routes) };

	return app_main(&prog, argc, argv);
}
