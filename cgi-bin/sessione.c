/*
** sessione: the FastCGI program that serves the modules accesso and
** avvisi, and answers 404 for every path that no other program serves.
*/
#include "moduli.h"

int
main(int argc, char **argv)
{
	static const struct module *const serves[] = { &accesso_modulo,
	    &avvisi_modulo, NULL };
	static const struct program prog = { "sessione", serves, approdo_moduli };

	return app_main(&prog, argc, argv);
}
