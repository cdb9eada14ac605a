/*
** Choice lists read from the database (facilities, case workers ...) and
** kept for the life of the process, reread only when the counter in the
** table versioni moves: the triggers of the listed tables bump it. Other
** counters of versioni say when other kept things are old (versione()).
*/
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "request.h"

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
** The number of versioni.nome, read once per request (and again after a
** commit): a page with two lists asks the database once. -1 if missing.
*/
long long
versione(const char *nome)
{
	static struct {
		const char *nome;
		unsigned long read_in, read_after;
		long long n;
	} kept[8];
	size_t i;

	for (i = 0; i < COUNT(kept) - 1 && kept[i].nome &&
	    strcmp(kept[i].nome, nome) != 0; i++)
		;
	if (kept[i].nome == NULL || strcmp(kept[i].nome, nome) != 0 ||
	    kept[i].read_in != request_serial ||
	    kept[i].read_after != db_commits()) {
		kept[i].n = db_value("SELECT n FROM versioni WHERE nome = :nome",
		    ARGS(ARG_TEXT("nome", nome)), -1);
		kept[i].nome = nome;
		kept[i].read_in = request_serial;
		kept[i].read_after = db_commits();
	}
	return kept[i].n;
}

/* The list of k->sql (columns "value" and "label"), fresh as of now. */
const struct choice *
db_choices(struct db_choices *k, size_t *n)
{
	long long version = versione("elenchi");

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
