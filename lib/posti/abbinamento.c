/*
** Matching: for a request, every active facility (but the minor's own
** and foster families) ranked by how well it fits, each with why it
** fits and what it lacks:
**   - the minor's sex and age band on the expected transfer date: a
**     facility without places for them cannot have them (last, apart);
**   - free places in that cell (capacity - placed - held);
**   - the type sought, or one that suits the request's reason (second
**     reception, the 18-21 extension);
**   - what the facility is equipped for against the needs of the PEI's
**     last assessment (a suspected or confirmed vulnerability asks for
**     the specialisations below);
**   - what the facility last declared, and how fresh it is.
** Fewer and lighter lacks first, then more free places, then by name.
** Writes nothing.
*/
#include <stdlib.h>
#include <string.h>

#include "interno.h"

/* Which of the registry's specialisations a PEI category asks for. */
static const struct {
	int categoria;
	const char *spec;
} servono[] = {
	{ 1, "disabilita" },
	{ 2, "sanitario" }, { 2, "psicologico" },
	{ 3, "madri_bambini" },
	{ 4, "tratta" },
	{ 5, "psicologico" },
	{ 6, "sanitario" },
	{ 7, "protezione" },
	{ 8, "dipendenze" },
	{ 9, "psicologico" },
	{ 10, "protezione" },
};

/* Weights of what a facility lacks: the rank is their sum. */
#define NON_ACCOGLIE 1000
#define PIENA 100
#define TIPO 30
#define SPEC_CONFERMATA 10
#define SPEC_SOSPETTA 5
#define DICHIARATI_ZERO 3
#define STANTIA 1

/* The minor's age band on the expected date, and its cell (or -1). */
const char *
abbinamento_cella(const struct posti_richiesta *q, int *cella)
{
	const char *fascia = posti_fascia(q->nascita, q->prevista);

	*cella = struttura_cella(q->sesso, fascia);
	return fascia;
}

static int
spec_index(const char *value)
{
	for (size_t i = 0; i < strutture_nspec; i++)
		if (strcmp(strutture_spec[i].value, value) == 0)
			return (int)i;
	return -1;
}

/* Does a facility of type `tipo` suit the request? Its reason if not. */
static const char *
tipo_manca(struct pool *pool, const struct posti_richiesta *q,
    const char *tipo)
{
	if (q->tipo)
		return strcmp(q->tipo, tipo) == 0 ? NULL : pool_printf(pool,
		    "È %s, non %s come richiesto", struttura_tipo(tipo),
		    struttura_tipo(q->tipo));
	if (strcmp(q->motivo, "prosieguo") == 0)
		return strcmp(tipo, "prosieguo") == 0 ||
		    strcmp(tipo, "semiautonomia") == 0 ||
		    strcmp(tipo, "gruppo_appartamento") == 0 ? NULL :
		    pool_printf(pool, "È %s: non è pensata per il prosieguo",
		    struttura_tipo(tipo));
	if (strcmp(q->motivo, "seconda_accoglienza") == 0 &&
	    !struttura_seconda(tipo))
		return pool_printf(pool, "È %s, non seconda accoglienza",
		    struttura_tipo(tipo));
	return NULL;
}

static void
perche(struct abbinamento *a, const char *t)
{
	if (a->nperche < COUNT(a->perche))
		a->perche[a->nperche++] = t;
}

static void
manca(struct abbinamento *a, const char *t, int peso)
{
	if (a->nmanca < COUNT(a->manca))
		a->manca[a->nmanca++] = t;
	a->punti += peso;
}

/* The needs' specialisations, with the categories that ask for each. */
struct bisogno {
	int spec, confermato;
	struct buf per;
};

static size_t
bisogni(const struct pei_bisogni *b, struct bisogno *out)
{
	size_t n = 0;

	for (size_t i = 0; b && i < b->n; i++)
		for (size_t k = 0; k < COUNT(servono); k++) {
			int s = servono[k].categoria == b->v[i].categoria ?
			    spec_index(servono[k].spec) : -1;
			size_t j;

			if (s < 0)
				continue;
			for (j = 0; j < n && out[j].spec != s; j++)
				;
			if (j == n) {
				memset(&out[n], 0, sizeof out[n]);
				out[n++].spec = s;
			}
			out[j].confermato |= b->v[i].confermato;
			buf_printf(&out[j].per, "%s%s", out[j].per.n ? "; " :
			    "", b->v[i].label);
		}
	return n;
}

static void
valuta(struct pool *pool, const struct posti_richiesta *q,
    const struct bisogno *bs, size_t nb, int c, struct abbinamento *a)
{
	const struct posti_conto *s = a->s;
	const char *cella = strutture_celle[c].label, *t;

	a->cella = c;
	a->liberi = posti_liberi(s, c);
	if (s->capienza[c] <= 0)
		manca(a, pool_printf(pool, "Non accoglie: %s", cella),
		    NON_ACCOGLIE);
	else {
		perche(a, pool_printf(pool, "Accoglie: %s", cella));
		if (a->liberi > 0)
			perche(a, pool_printf(pool, "%d %s su %d", a->liberi,
			    a->liberi == 1 ? "posto libero" : "posti liberi",
			    s->capienza[c]));
		else
			manca(a, pool_printf(pool, "Nessun posto libero: %d "
			    "autorizzati, %d occupati, %d tenuti da proposte",
			    s->capienza[c], s->occupati[c], s->prenotati[c]),
			    PIENA);
	}
	if ((t = tipo_manca(pool, q, s->tipo)) != NULL)
		manca(a, t, TIPO);
	else
		perche(a, pool_printf(pool, "È %s", struttura_tipo(s->tipo)));
	for (size_t i = 0; i < nb; i++) {
		const char *spec = strutture_spec[bs[i].spec].label;

		if (s->spec & (1u << bs[i].spec))
			perche(a, pool_printf(pool, "%s (per: %s)", spec,
			    bs[i].per.p));
		else
			manca(a, pool_printf(pool, "Senza %s (serve per: %s)",
			    spec, bs[i].per.p), bs[i].confermato ?
			    SPEC_CONFERMATA : SPEC_SOSPETTA);
	}
	if (!s->dichiarata)
		manca(a, "Non ha mai dichiarato i posti liberi", STANTIA);
	else if (posti_stantia(s))
		manca(a, pool_printf(pool, "Dichiarazione dei posti vecchia di "
		    "%d giorni", s->giorni), STANTIA);
	else if (s->capienza[c] > 0 && s->dichiarati[c] == 0 && a->liberi > 0)
		manca(a, pool_printf(pool, "Ha dichiarato 0 posti liberi per "
		    "questa fascia il %s", s->il), DICHIARATI_ZERO);
	else if (s->capienza[c] > 0)
		perche(a, pool_printf(pool, "Ha dichiarato %d %s il %s",
		    s->dichiarati[c], s->dichiarati[c] == 1 ? "posto libero" :
		    "posti liberi", s->il));
}

static int
cmp(const void *x, const void *y)
{
	const struct abbinamento *a = x, *b = y;

	if (a->punti != b->punti)
		return a->punti < b->punti ? -1 : 1;
	if (a->liberi != b->liberi)
		return a->liberi > b->liberi ? -1 : 1;
	return strcmp(a->s->nome, b->s->nome);
}

/*
** The facilities for request `q` with the minor's needs `b` (NULL:
** none), best first, into *out (in `pool`): their number. 0 if the
** minor's sex and band have no cell.
*/
size_t
abbinamento(struct pool *pool, const struct posti_richiesta *q,
    const struct pei_bisogni *b, struct abbinamento **out)
{
	struct bisogno bs[COUNT(servono)];
	size_t ns, nb = bisogni(b, bs), n = 0;
	const struct posti_conto *v = posti_conti(&ns);
	int c;

	*out = NULL;
	abbinamento_cella(q, &c);
	if (v == NULL || c < 0)
		ns = 0;
	*out = pool_alloc(pool, (ns ? ns : 1) * sizeof(**out));
	for (size_t i = 0; i < ns; i++) {
		if (!v[i].attiva || v[i].id == q->da_struttura ||
		    strcmp(v[i].tipo, "famiglia_affidataria") == 0)
			continue;
		memset(&(*out)[n], 0, sizeof(**out));
		(*out)[n].s = &v[i];
		valuta(pool, q, bs, nb, c, &(*out)[n]);
		n++;
	}
	for (size_t i = 0; i < nb; i++)
		buf_free(&bs[i].per);
	qsort(*out, n, sizeof(**out), cmp);
	return n;
}
