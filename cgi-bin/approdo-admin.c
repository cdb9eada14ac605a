/*
** approdo-admin: the command line of the people who run Approdo.
**
**   approdo-admin migrate                 apply the pending migrations
**   approdo-admin demo [--minori N]       demo facilities, one user per
**                                         role (password: the role name
**                                         followed by "-demo-2026") and
**                                         synthetic minors up to N
**   approdo-admin user add NAME RUOLO [--nome "..."] [--struttura ID]
**                                         create a user; the password is
**                                         read from standard input
**
** The modules declare the commands beyond migrate and demo. The
** database is APPRODO_DB, the migrations APPRODO_SQL.
*/
#include "moduli.h"

int
main(int argc, char **argv)
{
	return admin_main(approdo_moduli, argc, argv);
}
