/*
** The daily job (approdo-admin posti giornaliero, run by the systemd
** timer apache/approdo-posti.timer shortly after midnight): records the
** proposals past their last day as expired (their places were free
** already: occupazione.c counts only live ones), then makes the
** transfers whose date has come. Run again the same day, it finds
** nothing more to do. Audited as the console.
*/
#include <stdio.h>
#include <string.h>

#include "interno.h"

int
posti_comando(struct request *console, int argc, char **argv)
{
	char oggi[11];
	int scadute, fatti, annullati;

	if (argc != 1 || strcmp(argv[0], "giornaliero") != 0)
		return -1;
	posti_oggi(oggi);
	if (db_begin_write() != 0)
		return 1;
	scadute = proposte_scadute(console, oggi, 0);
	if (scadute < 0 || db_commit() != 0) {
		db_rollback();
		fputs("proposte scadute non registrate\n", stderr);
		return 1;
	}
	fatti = proposte_dovute(console, oggi, &annullati);
	printf("%d proposte scadute, %d trasferimenti fatti, %d annullati\n",
	    scadute, fatti < 0 ? 0 : fatti, annullati);
	return fatti < 0;
}
