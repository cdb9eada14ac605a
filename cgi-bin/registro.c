/*
** registro: the FastCGI program that serves the module registro.
*/
#include "moduli.h"

int
main(int argc, char **argv)
{
	static const struct module *const serves[] = { &registro_modulo, NULL };
	static const struct program prog = { "registro", serves, approdo_moduli };

	return app_main(&prog, argc, argv);
}
