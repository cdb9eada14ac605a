/*
** minori: the FastCGI program that serves the module minori (and,
** the modules whose pages live under a case, /minori/N/...: pei,
** monitoraggio, scadenze; and under /minori/ the facilities' registry and
** places: strutture, posti).
*/
#include "moduli.h"

int
main(int argc, char **argv)
{
	static const struct module *const serves[] = { &minori_modulo,
	    &pei_modulo, &monitoraggio_modulo, &scadenze_modulo,
	    &strutture_modulo, &posti_modulo, NULL };
	static const struct program prog = { "minori", serves, approdo_moduli };

	return app_main(&prog, argc, argv);
}
