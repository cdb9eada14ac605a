/*
** The pei module: its routes under the case (/minori/N/pei/...). Every
** handler checks the case itself (minore_access) beyond the route's
** permission; a list row's routes also check that the row is the case's.
*/
#include "interno.h"

#define SCHEDA(s) \
	{ "GET", "/minori/#/pei/" #s, &pei_scrittura, .record = &pei_##s.rec }, \
	{ "POST", "/minori/#/pei/" #s, &pei_scrittura, .record = &pei_##s.rec }
#define PERCORSO(s) \
	{ "GET", "/minori/#/pei/percorso/" #s, &pei_scrittura, \
	  .record = &percorso_##s.rec }, \
	{ "POST", "/minori/#/pei/percorso/" #s, &pei_scrittura, \
	  .record = &percorso_##s.rec }
#define ELENCO(s) \
	{ "GET", "/minori/#/pei/" #s "/nuova", &pei_scrittura, \
	  .record = &pei_##s.rec, .create = 1 }, \
	{ "POST", "/minori/#/pei/" #s "/nuova", &pei_scrittura, \
	  .record = &pei_##s.rec, .create = 1 }, \
	{ "GET", "/minori/#/pei/" #s "/#", &pei_scrittura, \
	  .record = &pei_##s.rec, .item = 1 }, \
	{ "POST", "/minori/#/pei/" #s "/#", &pei_scrittura, \
	  .record = &pei_##s.rec, .item = 1 }, \
	{ "POST", "/minori/#/pei/" #s "/#/elimina", &pei_scrittura, \
	  .handler = sezione_elimina }

static const struct route routes[] = {
	{ "GET", "/minori/#/pei", &pei_lettura, .handler = pei_pagina },
	{ "GET", "/minori/#/pei/versioni/#", &pei_lettura,
	  .handler = pei_versione },
	{ "GET", "/minori/#/pei/versioni/#/stampa", &pei_lettura,
	  .handler = pei_stampa },
	{ "GET", "/minori/#/pei/versioni/#/pdf", &pei_lettura,
	  .handler = pei_pdf_get },
	{ "POST", "/minori/#/pei/versioni/#/firmata", &pei_scrittura,
	  .handler = pei_firmata_post },
	{ "GET", "/minori/#/pei/firmate/#", &pei_lettura,
	  .handler = pei_firmata_get },
	{ "GET", "/minori/#/pei/confronto", &pei_lettura,
	  .handler = pei_confronto },
	{ "POST", "/minori/#/pei/apri", &pei_scrittura,
	  .handler = pei_apri_post },
	{ "POST", "/minori/#/pei/#/invia", &pei_scrittura,
	  .handler = pei_invia_post },
	{ "POST", "/minori/#/pei/#/decisione", &pei_approvazione,
	  .handler = pei_decidi_post },
	SCHEDA(anamnesi),
	ELENCO(familiari),
	ELENCO(transiti),
	SCHEDA(colloquio),
	SCHEDA(valutazione),
	{ "GET", "/minori/#/pei/vulnerabilita/#", &pei_scrittura,
	  .record = &pei_vulnerabilita, .item = 1 },
	{ "POST", "/minori/#/pei/vulnerabilita/#", &pei_scrittura,
	  .record = &pei_vulnerabilita, .item = 1 },
	ELENCO(invii),
	ELENCO(obiettivi),
	{ "GET", "/minori/#/pei/obiettivi/#/azioni/nuova", &pei_scrittura,
	  .record = &pei_azioni.rec, .create = 1, .item = 1 },
	{ "POST", "/minori/#/pei/obiettivi/#/azioni/nuova", &pei_scrittura,
	  .record = &pei_azioni.rec, .create = 1, .item = 1 },
	{ "GET", "/minori/#/pei/azioni/#", &pei_scrittura,
	  .record = &pei_azioni.rec, .item = 1 },
	{ "POST", "/minori/#/pei/azioni/#", &pei_scrittura,
	  .record = &pei_azioni.rec, .item = 1 },
	{ "POST", "/minori/#/pei/azioni/#/elimina", &pei_scrittura,
	  .handler = sezione_elimina },
	SCHEDA(parere),
	PERCORSO(permesso),
	PERCORSO(asilo),
	PERCORSO(eta),
	PERCORSO(art32),
	PERCORSO(prosieguo),
};

const struct module pei_modulo = {
	.name = "pei",
	.routes = routes, .nroutes = COUNT(routes),
	.demo = pei_demo,
	.cronologia = pei_cronologia,
};
