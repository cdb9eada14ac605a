/*
** minori: the FastCGI program that serves the module minori (and,
** as they come, the modules whose pages live under a case: /minori/N/...).
*/
#include "moduli.h"

int
main(int argc, char **argv)
{
	static const struct module *const serves[] = { &minori_modulo, NULL };
	static const struct program prog = { "minori", serves, approdo_moduli };

	return app_main(&prog, argc, argv);
}
