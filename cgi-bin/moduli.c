/*
** The modules of Approdo, in the order of the navigation and of the
** demo data (facilities and users before cases). A new module is one
** line here and its name in the program that serves it.
*/
#include "moduli.h"

const struct module *const approdo_moduli[] = {
	&accesso_modulo,
	&strutture_modulo,
	&utenti_modulo,
	&minori_modulo,
	&pei_modulo,
	&monitoraggio_modulo,
	&posti_modulo,
	&scadenze_modulo,	/* its demo computes what the others made */
	&registro_modulo,
	&avvisi_modulo,
	NULL,
};
