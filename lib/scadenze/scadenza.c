/*
** The table scadenze (each case's deadlines as the rules compute them),
** scadenze_gruppi (the hash of a case's facts per module's query) and the
** queue scadenze_da_ricalcolare (whose triggers are sql/018's): the only
** writer of the three, and of the rows 'scadenze' and 'scadenze_regole'
** of versioni. Deadlines are derived data: they are
** written without audit rows, which are for the facts they come from.
*/
#include <stdio.h>
#include <string.h>

#include "interno.h"

/* FNV-1a of one value, with a separator so "ab","c" differs from "a","bc". */
static unsigned long long
mix(unsigned long long h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= s ? 0x1f : 0x1e;	/* NULL and "" differ */
	return h * 1099511628211ULL;
}

/* FNV-1a of a number's eight bytes. */
static unsigned long long
mix_int(unsigned long long h, long long v)
{
	unsigned long long u = (unsigned long long)v;

	for (int i = 0; i < 8; i++, u >>= 8) {
		h ^= u & 0xff;
		h *= 1099511628211ULL;
	}
	return h;
}

/*
** A hash of what a deadline is computed from, its rule's (regola_impronta())
** and its facts': the same hash, the same deadline, so the recompute does
** the date arithmetic only for what changed.
*/
unsigned long long
scadenza_firma(unsigned long long regola, const struct scadenza *s)
{
	unsigned long long h = regola;

	h = mix(h, s->inizio);
	h = mix(h, s->fatta_il);
	h = mix(h, s->fissata);
	h = mix_int(h, s->utente);
	/* SQLite integers are signed: keep the top bit clear. */
	return h >> 1;
}

static const char SQL_INSERISCI[] =
    "INSERT INTO scadenze (regola, minore_id, oggetto_id, inizio, dal,"
    " avviso, entro, ora, scade, stato, fatta_il, utente_id, firma,"
    " notificata, prossima) VALUES (:regola, :minore, :oggetto, :inizio,"
    " :dal, :avviso, :entro, :ora, :scade, :stato, :fatta_il, :utente,"
    " :firma, :notificata, :prossima)";
static const char SQL_AGGIORNA[] =
    "UPDATE scadenze SET inizio = :inizio, dal = :dal, avviso = :avviso,"
    " entro = :entro, ora = :ora, scade = :scade, stato = :stato,"
    " fatta_il = :fatta_il, utente_id = :utente, firma = :firma,"
    " notificata = CASE WHEN :silenzio THEN :notificata ELSE notificata END,"
    " prossima = :prossima"
    " WHERE regola = :regola AND minore_id = :minore AND oggetto_id = :oggetto";
static const char SQL_TOGLI[] =
    "DELETE FROM scadenze WHERE regola = :regola AND minore_id = :minore"
    " AND oggetto_id = :oggetto AND stato = 'aperta'";
static const char SQL_NOTIFICATA[] =
    "UPDATE scadenze SET notificata = :livello, prossima = :prossima"
    " WHERE regola = :regola AND minore_id = :minore AND oggetto_id = :oggetto";
static const char SQL_GRUPPO_SALVA[] =
    "INSERT INTO scadenze_gruppi (gruppo, minore_id, firma) VALUES (:gruppo,"
    " :minore, :firma) ON CONFLICT (gruppo, minore_id) DO UPDATE"
    " SET firma = excluded.firma";
static const char SQL_GRUPPO_TOGLI[] =
    "DELETE FROM scadenze_gruppi WHERE gruppo = :gruppo"
    " AND minore_id = :minore";
static const char SQL_RICALCOLATI[] =
    "DELETE FROM scadenze_da_ricalcolare WHERE minore_id BETWEEN :da AND :a";
static const char SQL_CAMBIATE[] =
    "UPDATE versioni SET n = n + 1 WHERE nome = 'scadenze'";
static const char SQL_VERSIONE[] =
    "SELECT n FROM versioni WHERE nome = 'scadenze'";
static const char SQL_IMPRONTA[] =
    "SELECT n FROM versioni WHERE nome = 'scadenze_regole'";
static const char SQL_IMPRONTA_SALVA[] =
    "UPDATE versioni SET n = :n WHERE nome = 'scadenze_regole'";

/*
** The notices' state of a deadline written now: with `notices` off (a
** first computation, the demo) its present level counts as told; with
** them on, a deadline already past a level is looked at by the notices'
** pass at once (prossima = now).
*/
static void
stato_avvisi(const struct regola *g, const struct scadenza *s, long long now,
    int notices, long long *livello, long long *prossima)
{
	struct soglie k;
	enum livello l;

	*livello = 0;
	*prossima = 0;
	if (s->fatta_il)
		return;
	scadenza_soglie(g, s->c.dal, s->c.avviso, s->c.entro, s->c.scade, &k);
	l = scadenza_livello(&k, now);
	*prossima = scadenza_prossima(&k, now);
	if (!notices)
		*livello = l;
	else if (l > LIVELLO_FUTURA)
		*prossima = now;
}

/* The values every write of a deadline binds. */
#define VALORI(g, s) \
    ARG_TEXT("regola", (g)->codice), ARG_INT("minore", (s)->minore), \
    ARG_INT("oggetto", (s)->oggetto), ARG_TEXT("inizio", (s)->inizio), \
    ARG_TEXT("dal", (s)->c.dal), \
    ARG_TEXT("avviso", *(s)->c.avviso ? (s)->c.avviso : NULL), \
    ARG_TEXT("entro", (s)->c.entro), \
    ARG_TEXT("ora", *(s)->c.ora ? (s)->c.ora : NULL), \
    ARG_INT("scade", (s)->c.scade), \
    ARG_TEXT("stato", (s)->fatta_il ? "fatta" : "aperta"), \
    ARG_TEXT("fatta_il", (s)->fatta_il && *(s)->fatta_il ? \
    (s)->fatta_il : NULL), ARG_ID("utente", (s)->utente), \
    ARG_INT("firma", (long long)(s)->firma)

/* A deadline not kept before. */
int
scadenza_inserisci(const struct regola *g, const struct scadenza *s,
    long long now, int notices)
{
	long long livello, prossima;

	stato_avvisi(g, s, now, notices, &livello, &prossima);
	return db_write(SQL_INSERISCI, ARGS(VALORI(g, s),
	    ARG_INT("notificata", livello), ARG_ID("prossima", prossima)));
}

/* A deadline kept, computed again with another result. */
int
scadenza_aggiorna(const struct regola *g, const struct scadenza *s,
    long long now, int notices)
{
	long long livello, prossima;

	stato_avvisi(g, s, now, notices, &livello, &prossima);
	return db_write(SQL_AGGIORNA, ARGS(VALORI(g, s),
	    ARG_INT("silenzio", !notices), ARG_INT("notificata", livello),
	    ARG_ID("prossima", prossima)));
}

/* An open deadline whose rule no longer applies (a done one stays). */
int
scadenza_togli(const struct regola *g, long long minore, long long oggetto)
{
	return db_write(SQL_TOGLI, ARGS(ARG_TEXT("regola", g->codice),
	    ARG_INT("minore", minore), ARG_INT("oggetto", oggetto)));
}

/* The level told (or passed silently), and when to look again (0: never). */
int
scadenza_notificata(const char *regola, long long minore, long long oggetto,
    int livello, long long prossima)
{
	return db_write(SQL_NOTIFICATA, ARGS(ARG_TEXT("regola", regola),
	    ARG_INT("minore", minore), ARG_INT("oggetto", oggetto),
	    ARG_INT("livello", livello), ARG_ID("prossima", prossima)));
}

/* The hash of what a module's query of the case gives case `minore`. */
int
scadenze_gruppo_salva(const char *gruppo, long long minore,
    unsigned long long firma)
{
	return db_write(SQL_GRUPPO_SALVA, ARGS(ARG_TEXT("gruppo", gruppo),
	    ARG_INT("minore", minore), ARG_INT("firma", (long long)firma)));
}

/* A case the module's query no longer gives (closed). */
int
scadenze_gruppo_togli(const char *gruppo, long long minore)
{
	return db_write(SQL_GRUPPO_TOGLI, ARGS(ARG_TEXT("gruppo", gruppo),
	    ARG_INT("minore", minore)));
}

/* The cases from `da` to `a` are computed: out of the queue. */
int
scadenze_ricalcolati(long long da, long long a)
{
	return db_write(SQL_RICALCOLATI, ARGS(ARG_INT("da", da),
	    ARG_INT("a", a)));
}

/* Deadlines changed: the workers' counts are to be read again. */
int
scadenze_cambiate(void)
{
	return db_write(SQL_CAMBIATE, NO_ARGS);
}

long long
scadenze_versione(void)
{
	return db_value(SQL_VERSIONE, NO_ARGS, 0);
}

/* The fingerprint of the rules the stored deadlines were computed with. */
unsigned long long
scadenze_impronta(void)
{
	return (unsigned long long)db_value(SQL_IMPRONTA, NO_ARGS, 0);
}

int
scadenze_impronta_salva(unsigned long long h)
{
	return db_write(SQL_IMPRONTA_SALVA, ARGS(ARG_INT("n", (long long)h)));
}
