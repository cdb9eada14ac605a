/*
** Choice lists read from the database (facilities, case workers ...) and
** kept for the life of the process, reread only when the counter in the
** table versioni moves: the triggers of the listed tables bump it.
*/
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "request.h"

static const char SQL_ELENCHI_VERSIONE[] =
    "SELECT n FROM versioni WHERE nome = 'elenchi'";

static void
choices_clear(struct db_choices *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free((char *)k->c[i].value);
		free((char *)k->c[i].label);
	}
	free(k->c);
	k->c = NULL;
	k->n = 0;
}

/*
** The lists' version, read once per request (and again after a commit):
** a page with two lists asks the database once.
*/
static long long
lists_version(void)
{
	static unsigned long read_in, read_after;
	static long long version;

	if (read_in == 0 || read_in != request_serial ||
	    read_after != db_commits()) {
		version = db_value(SQL_ELENCHI_VERSIONE, NO_ARGS, -1);
		read_in = request_serial;
		read_after = db_commits();
	}
	return version;
}

/* The list of k->sql (columns "value" and "label"), fresh as of now. */
const struct choice *
db_choices(struct db_choices *k, size_t *n)
{
	long long version = lists_version();

	if (k->c == NULL || k->version != version) {
		struct stmt *st = db_prepare(k->sql);
		size_t cap = 0;

		choices_clear(k);
		while (db_step(st) == SQLITE_ROW) {
			if (k->n == cap) {
				cap = cap ? cap * 2 : 32;
				k->c = xrealloc(k->c, cap * sizeof(*k->c));
			}
			k->c[k->n].value = xstrdup(db_text(st, "value"));
			k->c[k->n].label = xstrdup(db_text(st, "label"));
			k->n++;
		}
		db_done(st);
		k->version = version;
	}
	*n = k->n;
	return k->c;
}
