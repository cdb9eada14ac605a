/*
** What each facility has, by cell (sex and age band): its authorised
** places (the registry), the minors placed there now by their age
** today, the places held by live proposals (waiting for an answer or a
** date, not expired, or set for a date), and what it last declared free
** with the declaration's age. The rule of free places is here, once:
**
**     free = capacity - placed now - held by live proposals
**
** per cell; a proposal is made only where it is at least 1, inside the
** proposal's BEGIN IMMEDIATE transaction (proposta.c), so two requests
** for the last place cannot both have it. A declaration is the
** facility's word, shown beside the count and marked when it is older
** than APPRODO_POSTI_VALIDITA_GIORNI (default 7) or differs from
** capacity minus placed; it never makes a place.
**
** The board's counts are read for every facility once and kept by the
** worker until the counter versioni 'posti' moves (sql/019_posti.sql's
** triggers) or the day changes; a proposal counts its facility afresh.
** Writes nothing.
*/
#include <string.h>
#include <stdlib.h>

#include "date.h"
#include "interno.h"
#include "settings.h"

static const char *const col_posti[STRUTTURE_CELLE] = { "posti_m_6_13",
    "posti_m_14_17", "posti_m_18_21", "posti_f_6_13", "posti_f_14_17",
    "posti_f_18_21" };
static const char *const col_liberi[STRUTTURE_CELLE] = { "liberi_m_6_13",
    "liberi_m_14_17", "liberi_m_18_21", "liberi_f_6_13", "liberi_f_14_17",
    "liberi_f_18_21" };
static const char *const col_spec[] = { "spec_psicologico",
    "spec_sanitario", "spec_disabilita", "spec_madri_bambini", "spec_tratta",
    "spec_dipendenze", "spec_protezione" };

#define STRUTTURA_COLONNE "SELECT id, nome, tipo, attiva," \
    " posti_m_6_13, posti_m_14_17, posti_m_18_21," \
    " posti_f_6_13, posti_f_14_17, posti_f_18_21," \
    " spec_psicologico, spec_sanitario, spec_disabilita," \
    " spec_madri_bambini, spec_tratta, spec_dipendenze, spec_protezione" \
    " FROM strutture"
static const char SQL_STRUTTURE[] = STRUTTURA_COLONNE " ORDER BY nome";
static const char SQL_STRUTTURA[] = STRUTTURA_COLONNE " WHERE id = :id";

/* A cell's minors by sex and birth date: born after :b14 are under 14
** today, on or before :b18 are 18 or more (date_born_by()). Grouped by
** facility only, in the index's order: no sort, however many minors. */
#define OCCUPATI(where) "SELECT struttura_id," \
    " sum(sesso = 'M' AND nascita > :b14) AS m_6_13," \
    " sum(sesso = 'M' AND nascita <= :b14 AND nascita > :b18) AS m_14_17," \
    " sum(sesso = 'M' AND nascita <= :b18) AS m_18_21," \
    " sum(sesso = 'F' AND nascita > :b14) AS f_6_13," \
    " sum(sesso = 'F' AND nascita <= :b14 AND nascita > :b18) AS f_14_17," \
    " sum(sesso = 'F' AND nascita <= :b18) AS f_18_21 FROM" \
    " (SELECT struttura_id, sesso," \
    " coalesce(data_nascita_accertata, data_nascita) AS nascita" \
    " FROM minori WHERE " where ") GROUP BY struttura_id"
static const char SQL_OCCUPATI[] = OCCUPATI("struttura_id IS NOT NULL");
static const char SQL_OCCUPATI_UNA[] = OCCUPATI("struttura_id = :id");

/* The states that hold a place; waiting or accepted, until scade_il. */
#define PRENOTATI "SELECT struttura_id, sesso, fascia, count(*) AS n" \
    " FROM posti_proposte WHERE stato IN ('in_attesa', 'accettata'," \
    " 'programmata') AND (scade_il IS NULL OR scade_il >= :oggi)"
static const char SQL_PRENOTATI[] = PRENOTATI " GROUP BY 1, 2, 3";
static const char SQL_PRENOTATI_UNA[] = PRENOTATI
    " AND struttura_id = :id GROUP BY 1, 2, 3";

#define DICHIARATI "SELECT struttura_id, liberi_m_6_13, liberi_m_14_17," \
    " liberi_m_18_21, liberi_f_6_13, liberi_f_14_17, liberi_f_18_21," \
    " strftime('%d/%m/%Y %H:%M', quando, 'localtime') AS il," \
    " CAST(julianday(:oggi) - julianday(date(quando, 'localtime'))" \
    " AS INTEGER) AS giorni FROM posti_dichiarazioni"
static const char SQL_DICHIARATI[] = DICHIARATI " WHERE id IN"
    " (SELECT max(id) FROM posti_dichiarazioni GROUP BY struttura_id)";
static const char SQL_DICHIARATI_UNA[] = DICHIARATI " WHERE id ="
    " (SELECT max(id) FROM posti_dichiarazioni WHERE struttura_id = :id)";

/* The day as the office lives it (APPRODO_TZ). */
void
posti_oggi(char oggi[11])
{
	date_today(oggi);
}

/* Days a declaration stays fresh. */
int
posti_validita(void)
{
	static int n;

	if (n == 0)
		n = (int)config_int("APPRODO_POSTI_VALIDITA_GIORNI", 7, 1, 365);
	return n;
}

/* Days a proposal holds its place without an answer (or a date). */
int
posti_tenuta(void)
{
	static int n;

	if (n == 0)
		n = (int)config_int("APPRODO_POSTI_TENUTA_GIORNI", 7, 1, 90);
	return n;
}

/* The age band of someone born on `nascita`, on `il`. */
const char *
posti_fascia(const char *nascita, const char *il)
{
	int age = date_age(nascita, il);

	return age >= 18 ? "18_21" : age >= 14 ? "14_17" : "6_13";
}

int
posti_somma(const int v[STRUTTURE_CELLE])
{
	int n = 0;

	for (int i = 0; i < STRUTTURE_CELLE; i++)
		n += v[i];
	return n;
}

int
posti_liberi(const struct posti_conto *s, int c)
{
	return s->capienza[c] - s->occupati[c] - s->prenotati[c];
}

/* Never declared, or longer ago than the declarations stay fresh. */
int
posti_stantia(const struct posti_conto *s)
{
	return !s->dichiarata || s->giorni > posti_validita();
}

/* The declaration differs from capacity minus placed in some cell. */
int
posti_discorde(const struct posti_conto *s)
{
	if (!s->dichiarata)
		return 0;
	for (int c = 0; c < STRUTTURE_CELLE; c++) {
		int free = s->capienza[c] - s->occupati[c];

		if (s->dichiarati[c] != (free > 0 ? free : 0))
			return 1;
	}
	return 0;
}

static void
read_struttura(struct pool *pool, struct stmt *st, struct posti_conto *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_int(st, "id");
	s->nome = pool_strdup(pool, db_text(st, "nome"));
	s->tipo = pool_strdup(pool, db_text(st, "tipo"));
	s->attiva = (int)db_int(st, "attiva");
	s->il = "";
	for (int c = 0; c < STRUTTURE_CELLE; c++)
		s->capienza[c] = (int)db_int(st, col_posti[c]);
	for (size_t k = 0; k < COUNT(col_spec); k++)
		if (db_int(st, col_spec[k]))
			s->spec |= 1u << k;
}

static struct posti_conto *
find(struct posti_conto *v, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

/* The minors placed now: a column a cell (struttura_id, m_6_13 ...). */
static void
add_occupati(struct posti_conto *v, size_t n, struct stmt *st)
{
	while (db_step(st) == SQLITE_ROW) {
		struct posti_conto *s = find(v, n, db_int(st, "struttura_id"));

		for (int c = 0; s && c < STRUTTURE_CELLE; c++)
			s->occupati[c] = (int)db_int(st,
			    strutture_celle[c].chiave);
	}
	db_done(st);
}

/* The places held: a row a cell (struttura_id, sesso, fascia, n). */
static void
add_prenotati(struct posti_conto *v, size_t n, struct stmt *st)
{
	while (db_step(st) == SQLITE_ROW) {
		struct posti_conto *s = find(v, n, db_int(st, "struttura_id"));
		int c = struttura_cella(db_text(st, "sesso"),
		    db_text(st, "fascia"));

		if (s && c >= 0)
			s->prenotati[c] += (int)db_int(st, "n");
	}
	db_done(st);
}

static void
add_declarations(struct pool *pool, struct posti_conto *v, size_t n,
    struct stmt *st)
{
	while (db_step(st) == SQLITE_ROW) {
		struct posti_conto *s = find(v, n, db_int(st, "struttura_id"));

		if (s == NULL)
			continue;
		s->dichiarata = 1;
		for (int c = 0; c < STRUTTURE_CELLE; c++)
			s->dichiarati[c] = (int)db_int(st, col_liberi[c]);
		s->il = pool_strdup(pool, db_text(st, "il"));
		s->giorni = (int)db_int(st, "giorni");
	}
	db_done(st);
}

/* The bounds of the age bands today, for the SQL of the placed minors. */
static void
bounds(const char *oggi, char b14[11], char b18[11])
{
	date_born_by(oggi, 14, b14);
	date_born_by(oggi, 18, b18);
}

/*
** One facility's counts read now (in the caller's transaction, which a
** proposal has opened with BEGIN IMMEDIATE). Strings in `pool`. 0, 404
** without such a facility, -1 on a database error.
*/
int
posti_conta(struct pool *pool, long long id, struct posti_conto *s)
{
	char oggi[11], b14[11], b18[11];
	struct stmt *st = db_query(SQL_STRUTTURA, ARGS(ARG_INT("id", id)));
	int found = db_step(st) == SQLITE_ROW;

	if (found)
		read_struttura(pool, st, s);
	db_done(st);
	if (!found)
		return db_failed() ? -1 : 404;
	posti_oggi(oggi);
	bounds(oggi, b14, b18);
	add_occupati(s, 1, db_query(SQL_OCCUPATI_UNA, ARGS(ARG_INT("id", id),
	    ARG_TEXT("b14", b14), ARG_TEXT("b18", b18))));
	add_prenotati(s, 1, db_query(SQL_PRENOTATI_UNA, ARGS(ARG_INT("id", id),
	    ARG_TEXT("oggi", oggi))));
	add_declarations(pool, s, 1, db_query(SQL_DICHIARATI_UNA,
	    ARGS(ARG_INT("id", id), ARG_TEXT("oggi", oggi))));
	return db_failed() ? -1 : 0;
}

/* The counts kept by this worker, and what they are as of. */
static struct {
	long long versione;
	char oggi[11];
	struct pool pool;
	struct posti_conto *v;
	size_t n, cap;
	int valid;
} kept;

/*
** Every facility's counts (active or not, in name order), as of this
** request: read again when the counter 'posti' has moved or the day
** has changed. NULL (and *n 0) on a database error.
*/
const struct posti_conto *
posti_conti(size_t *n)
{
	char oggi[11], b14[11], b18[11];
	long long v;
	struct stmt *st;
	int own = !db_in_transaction(), failed;

	*n = 0;
	posti_oggi(oggi);
	/* One snapshot for the counter and the counts (or the caller's). */
	if (own && db_begin_read() != 0)
		return NULL;
	v = versione("posti");
	if (kept.valid && kept.versione == v && strcmp(kept.oggi, oggi) == 0) {
		if (own)
			db_end_read();
		*n = kept.n;
		return kept.v;
	}
	pool_free(&kept.pool);
	kept.valid = 0;
	kept.n = 0;
	st = db_prepare(SQL_STRUTTURE);
	while (db_step(st) == SQLITE_ROW) {
		if (kept.n == kept.cap) {
			kept.cap = kept.cap ? kept.cap * 2 : 64;
			kept.v = xrealloc(kept.v, kept.cap * sizeof(*kept.v));
		}
		read_struttura(&kept.pool, st, &kept.v[kept.n++]);
	}
	db_done(st);
	bounds(oggi, b14, b18);
	add_occupati(kept.v, kept.n, db_query(SQL_OCCUPATI, ARGS(ARG_TEXT(
	    "b14", b14), ARG_TEXT("b18", b18))));
	add_prenotati(kept.v, kept.n, db_query(SQL_PRENOTATI, ARGS(ARG_TEXT(
	    "oggi", oggi))));
	add_declarations(&kept.pool, kept.v, kept.n, db_query(SQL_DICHIARATI,
	    ARGS(ARG_TEXT("oggi", oggi))));
	failed = db_failed() || v < 0;
	if (own)
		db_end_read();
	if (failed) {
		kept.n = 0;
		return NULL;
	}
	kept.versione = v;
	memcpy(kept.oggi, oggi, sizeof kept.oggi);
	kept.valid = 1;
	*n = kept.n;
	return kept.v;
}

/* One facility's kept counts, or NULL. */
const struct posti_conto *
posti_conto(long long id)
{
	size_t n;
	const struct posti_conto *v = posti_conti(&n);

	for (size_t i = 0; v && i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}
