/*
** utenti: the FastCGI program that serves the module utenti.
*/
#include "moduli.h"

int
main(int argc, char **argv)
{
	static const struct module *const serves[] = { &utenti_modulo, NULL };
	static const struct program prog = { "utenti", serves, approdo_moduli };

	return app_main(&prog, argc, argv);
}
