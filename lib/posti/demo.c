/*
** The demo circuit (approdo-admin demo --posti N): N facilities of Roma
** Capitale's reception circuit (the ones on record, then realistic new
** ones of every type), each with its authorised places (never fewer than
** the minors the case demo placed there), specialisations, contact
** person and agreement; transfers of the past year from first to second
** reception (request, proposal, answer, transfer on its date, through
** the module's writers and the registry's placement writer), the
** requests in every state now, and each facility's declarations: most
** fresh and true, some stale, some that differ from the count.
** Synthetic, never real places or people.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interno.h"

static unsigned long long rng = 0x2545F4914F6CDD1DULL;

static unsigned int
rnd(unsigned int n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned int)((rng * 2685821657736338717ULL) >> 33) % n;
}

/* New facilities, in the order they join the circuit. */
static const struct {
	const char *nome, *tipo, *indirizzo;
	int municipio, femminile;
} nuove[] = {
	{ "Pronta accoglienza Casa del Sole", "pronta_accoglienza",
	  "Via Casilina 1120", 6, 0 },
	{ "Centro di prima accoglienza Il Faro", "prima_accoglienza",
	  "Via Portuense 540", 11, 0 },
	{ "Comunità educativa San Michele", "comunita_educativa",
	  "Via di San Michele 22", 1, 0 },
	{ "Comunità educativa Arcobaleno", "comunita_educativa",
	  "Via dei Castani 80", 5, 0 },
	{ "Comunità madre e bambino Santa Chiara", "comunita_educativa",
	  "Via Nomentana 960", 3, 1 },
	{ "SAI Roma Nord", "sai", "Via Flaminia 850", 15, 0 },
	{ "SAI Borgo Aurelio", "sai", "Via Aurelia 320", 13, 0 },
	{ "SAI Casilina", "sai", "Via Casilina 640", 5, 0 },
	{ "Gruppo appartamento Monteverde Vecchio", "gruppo_appartamento",
	  "Via Fratelli Bonnet 12", 12, 0 },
	{ "Gruppo appartamento Pigneto", "gruppo_appartamento",
	  "Via del Pigneto 210", 5, 0 },
	{ "Semiautonomia Torpignattara", "semiautonomia",
	  "Via della Marranella 90", 5, 0 },
	{ "Semiautonomia San Paolo", "semiautonomia",
	  "Viale di San Paolo 40", 8, 0 },
	{ "Prosieguo Casa Ponte Mammolo", "prosieguo",
	  "Via di Ponte Mammolo 110", 4, 0 },
	{ "Prosieguo Casa Volsci", "prosieguo", "Via dei Volsci 30", 2, 0 },
	{ "Casa rifugio Artemide", "comunita_educativa",
	  "Via Appia Nuova 1400", 7, 1 },
	{ "Comunità educativa Il Melograno", "comunita_educativa",
	  "Via di Boccea 700", 13, 0 },
	{ "SAI Tiburtina", "sai", "Via Tiburtina 780", 4, 0 },
	{ "Gruppo appartamento Ragazze Testaccio", "gruppo_appartamento",
	  "Via Marmorata 60", 1, 1 },
	{ "Pronta accoglienza Ostia Lido", "pronta_accoglienza",
	  "Via delle Baleniere 18", 10, 0 },
	{ "Semiautonomia Quarticciolo", "semiautonomia",
	  "Via Ostuni 15", 5, 0 },
	{ "Comunità educativa Don Milani", "comunita_educativa",
	  "Via Prenestina 1400", 6, 0 },
	{ "SAI Giuliano-Dalmata", "sai", "Via Laurentina 500", 9, 0 },
	{ "Prosieguo Casa Delle Ragazze", "prosieguo", "Via Tuscolana 880",
	  7, 1 },
	{ "Gruppo appartamento Val Melaina", "gruppo_appartamento",
	  "Via Val Melaina 45", 3, 0 },
	{ "Comunità educativa Primavalle", "comunita_educativa",
	  "Via Federico Borromeo 70", 14, 0 },
};

static const char *const referenti[] = { "Giulia Ferri", "Marco Santini",
    "Aisha Diallo", "Paolo De Santis", "Chiara Romano", "Samuel Okafor",
    "Francesca Leone", "Davide Marchetti" };

static const char SQL_STRUTTURE[] =
    "SELECT id, nome, tipo, indirizzo FROM strutture"
    " WHERE tipo <> 'famiglia_affidataria' ORDER BY id";
static const char SQL_CONTA[] =
    "SELECT count(*) FROM strutture WHERE tipo <> 'famiglia_affidataria'";

/* The places a facility of type `tipo` is authorised for. */
static void
profilo(const char *tipo, int femminile, int k, int posti[STRUTTURE_CELLE])
{
	int b = femminile ? 3 : 0;	/* the girls' cells come after */

	memset(posti, 0, STRUTTURE_CELLE * sizeof(int));
	if (strcmp(tipo, "pronta_accoglienza") == 0 ||
	    strcmp(tipo, "prima_accoglienza") == 0) {
		posti[1 + b] = 12 + k % 6;
		posti[0 + b] = 2 + k % 3;
		if (!femminile)
			posti[4] = 2 + k % 3;
	} else if (strcmp(tipo, "comunita_educativa") == 0) {
		posti[1 + b] = 6 + k % 3;
		posti[0 + b] = k % 2 ? 4 : 0;
	} else if (strcmp(tipo, "seconda_accoglienza") == 0 ||
	    strcmp(tipo, "sai") == 0) {
		posti[1 + b] = 8 + k % 5;
		posti[2 + b] = 2 + k % 3;
	} else if (strcmp(tipo, "gruppo_appartamento") == 0)
		posti[1 + b] = 5 + k % 2;
	else if (strcmp(tipo, "semiautonomia") == 0) {
		posti[1 + b] = 2 + k % 2;
		posti[2 + b] = 4 + k % 3;
	} else if (strcmp(tipo, "prosieguo") == 0)
		posti[2 + b] = 6 + k % 4;
}

/* What a facility is equipped for: a few each, by its kind. */
static unsigned
specializzazioni(const char *nome, const char *tipo, int k)
{
	unsigned s = 0;

	if (k % 5 < 2 || strcmp(tipo, "sai") == 0)
		s |= 1u << 0;			/* psicologico */
	if (k % 4 == 1)
		s |= 1u << 1;			/* sanitario */
	if (k % 9 == 3)
		s |= 1u << 2;			/* disabilita */
	if (strstr(nome, "madre"))
		s |= 1u << 3;			/* madri con bambini */
	if (strstr(nome, "rifugio"))
		s |= 1u << 4 | 1u << 6;		/* tratta, protezione */
	if (k % 7 == 2)
		s |= 1u << 5;			/* dipendenze */
	if (k % 6 == 4)
		s |= 1u << 6;			/* protezione */
	return s;
}

/* Brings the circuit to `n` facilities, each with its record. */
static int
circuito(struct request *r, long long n)
{
	long long have = db_value(SQL_CONTA, NO_ARGS, 0);
	struct stmt *st;
	struct {
		long long id;
		char *nome, *tipo, *indirizzo;
	} *v = NULL;
	size_t nv = 0, cap = 0;
	int rc = 0;

	for (size_t i = 0; have < n && i < COUNT(nuove); i++)
		if (struttura_id(nuove[i].nome) == 0) {
			if (struttura_add(nuove[i].nome, nuove[i].tipo,
			    nuove[i].indirizzo) < 0)
				return -1;
			have++;
		}
	for (int k = 1; have < n; k++) {
		char nome[64];

		snprintf(nome, sizeof nome, "Comunità educativa Roma %d", k);
		if (struttura_id(nome) == 0) {
			if (struttura_add(nome, "comunita_educativa",
			    "Roma") < 0)
				return -1;
			have++;
		}
	}
	st = db_prepare(SQL_STRUTTURE);
	while (db_step(st) == SQLITE_ROW) {
		if (nv == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[nv].id = db_int(st, "id");
		v[nv].nome = pool_strdup(&r->pool, db_text(st, "nome"));
		v[nv].tipo = pool_strdup(&r->pool, db_text(st, "tipo"));
		v[nv].indirizzo = pool_strdup(&r->pool, db_text(st,
		    "indirizzo"));
		nv++;
	}
	db_done(st);
	for (size_t i = 0; i < nv && rc == 0; i++) {
		struct posti_conto c;
		struct struttura_scheda s = { 0 };
		int femminile = 0, municipio = 1 + (int)(i * 7 % 15);
		char email[96];

		for (size_t k = 0; k < COUNT(nuove); k++)
			if (strcmp(nuove[k].nome, v[i].nome) == 0) {
				femminile = nuove[k].femminile;
				municipio = nuove[k].municipio;
			}
		if (posti_conta(&r->pool, v[i].id, &c) != 0) {
			rc = -1;
			break;
		}
		profilo(v[i].tipo, femminile, (int)i, s.posti);
		/* Never fewer places than the minors placed there now. */
		for (int k = 0; k < STRUTTURE_CELLE; k++)
			if (s.posti[k] < c.occupati[k])
				s.posti[k] = c.occupati[k] + (int)rnd(3);
		snprintf(email, sizeof email, "accoglienza%zu@esempio.it",
		    i + 1);
		s.nome = v[i].nome;
		s.tipo = v[i].tipo;
		s.indirizzo = *v[i].indirizzo ? v[i].indirizzo : "Roma";
		s.municipio = municipio;
		s.spec = specializzazioni(v[i].nome, v[i].tipo, (int)i);
		s.referente = referenti[i % COUNT(referenti)];
		s.telefono = "06 0000 0000";
		s.email = email;
		s.convenzione_dal = i % 3 ? "2023-09-01" : "2024-01-01";
		s.convenzione_al = i % 11 == 5 ? "2025-12-31" : "2026-08-31";
		if (struttura_scrivi(r, &s) < 0)
			rc = -1;
	}
	free(v);
	return rc;
}

static const char SQL_IN_PRIMA[] =
    "SELECT m.id, u.id AS operatore, u.username, c.dal FROM minori m"
    " JOIN collocamenti c ON c.minore_id = m.id AND c.al IS NULL"
    " JOIN strutture s ON s.id = m.struttura_id"
    " JOIN utenti u ON u.id = m.operatore_id"
    " WHERE m.stato = 'in_carico' AND s.tipo IN ('pronta_accoglienza',"
    " 'prima_accoglienza') AND c.dal <= :entro AND NOT EXISTS (SELECT 1"
    " FROM posti_richieste r WHERE r.minore_id = m.id)"
    " ORDER BY m.id LIMIT :n";

/* A UTC time `days` days before today, at `hour`. */
static const char *
giorno(struct pool *pool, const char *oggi, int days, int hour)
{
	char d[11];

	date_add_days(oggi, -days, d);
	return pool_printf(pool, "%s %02d:%02d:00", d, hour, (days * 7) % 60);
}

/* The facility that fits request `q` best, with a free place (or 0). */
static long long
migliore(struct request *r, long long richiesta)
{
	struct posti_richiesta q;
	struct pei_bisogni b;
	struct abbinamento *a;
	size_t n;

	if (richiesta_leggi(&r->pool, richiesta, &q) != 0 ||
	    pei_bisogni(&r->pool, q.minore, &b) != 0)
		return -1;
	n = abbinamento(&r->pool, &q, &b, &a);
	for (size_t i = 0; i < n; i++)
		if (a[i].liberi > 0 && a[i].s->capienza[a[i].cella] > 0)
			return a[i].s->id;
	return 0;
}

/* How far a demo request goes. */
enum fine {
	APERTA, PROPOSTA, ACCETTATA, PROGRAMMATA, FATTA, RIFIUTATA, SCADUTA
};

/*
** A request for minor `m` made `giorni` days ago by `op`, taken by the
** office `resp` as far as `fin`, in a transaction of its own. A done one
** waits 3 to 30 days for its proposal, then 1 to 3 for the answer and 2
** to 10 for the transfer (never today or later). 0, or -1.
*/
static int
storia(struct request *op, struct request *resp, long long m,
    const char *oggi, int giorni, enum fine fin)
{
	const char *why = NULL, *quando = giorno(&op->pool, oggi, giorni, 9);
	int attesa = fin == FATTA ? 3 + (int)rnd(giorni > 40 ? 27 :
	    giorni > 14 ? (unsigned)(giorni - 13) : 1) : 1;
	int risposta = 1 + (int)rnd(3);
	char prevista[11], data[11];
	long long q, p, s;

	date_add_days(oggi, -giorni + 20, prevista);
	if (strcmp(prevista, oggi) < 0 && fin != FATTA)
		date_add_days(oggi, 7, prevista);
	if (db_begin_write() != 0)
		return -1;
	q = richiesta_scrivi(op, m, "seconda_accoglienza", NULL, prevista,
	    fin == RIFIUTATA ? "Ha chiesto di restare vicino al fratello, "
	    "accolto a Roma est." : NULL, quando);
	if (q < 0)
		goto fail;
	if (fin == APERTA || (s = migliore(resp, q)) <= 0)
		return db_commit();
	p = proposta_scrivi(resp, q, s, giorno(&op->pool, oggi, giorni -
	    attesa, 11), &why);
	if (p < 0)
		goto fail;
	if (p == 0 || fin == PROPOSTA || fin == SCADUTA)
		return db_commit();
	if (proposta_rispondi(resp, p, fin != RIFIUTATA, fin == RIFIUTATA ?
	    "In questo periodo non abbiamo un educatore che parli la sua "
	    "lingua." : NULL, giorno(&op->pool, oggi, giorni - attesa -
	    risposta, 15)) != 0)
		goto fail;
	if (fin == RIFIUTATA || fin == ACCETTATA)
		return db_commit();
	if (fin == PROGRAMMATA)
		date_add_days(oggi, 3 + (int)rnd(10), data);
	else
		date_add_days(oggi, -(giorni - attesa - risposta - 2 -
		    (int)rnd(8)), data);
	if (strcmp(data, oggi) >= 0 && fin == FATTA)
		date_add_days(oggi, -1, data);
	switch (proposta_fissa(resp, p, data, NULL, &why, 0)) {
	case 0:
		return db_commit();
	case 1:
		/* The registry refused the transfer: this story is not told. */
		db_rollback();
		return 0;
	}
fail:
	db_rollback();
	return -1;
}

/* Transfers of the past year and the requests open now. */
static int
trasferimenti(struct request *console, long long n, const char *oggi)
{
	static const enum fine aperte[] = { APERTA, APERTA, APERTA, PROPOSTA,
	    PROPOSTA, PROPOSTA, SCADUTA, ACCETTATA, ACCETTATA, PROGRAMMATA,
	    PROGRAMMATA, RIFIUTATA };
	struct request resp;
	char entro[11];
	struct candidato {
		long long id, operatore;
		const char *username;
		int giorni;		/* since the placement began */
	} *m;
	size_t nm = 0, fatti, pipe, max = (size_t)n * 3 + COUNT(aperte);
	struct stmt *st;
	int rc = 0;

	if ((rc = console_come(console, ROLE_RESPONSABILE, &resp)) != 1) {
		pool_free(&resp.pool);
		return rc;		/* no office: no transfers */
	}
	rc = 0;
	date_add_days(oggi, -30, entro);
	m = xmalloc(max * sizeof(*m));
	st = db_query(SQL_IN_PRIMA, ARGS(ARG_TEXT("entro", entro),
	    ARG_INT("n", (long long)max)));
	while (db_step(st) == SQLITE_ROW) {
		m[nm].id = db_int(st, "id");
		m[nm].operatore = db_int(st, "operatore");
		m[nm].username = pool_strdup(&resp.pool, db_text(st,
		    "username"));
		m[nm++].giorni = date_days(oggi) - date_days(db_text(st,
		    "dal"));
	}
	db_done(st);
	pipe = nm < COUNT(aperte) ? nm : COUNT(aperte);
	fatti = nm - pipe;
	for (size_t i = 0; i < nm && rc == 0; i++) {
		struct request op = resp;

		op.pool = (struct pool){ 0 };
		op.user.role = ROLE_OPERATORE;
		op.user.id = m[i].operatore;
		op.user.username = m[i].username;
		if (i < fatti) {
			/* Done within the last year, the oldest first, never
			** asked before the placement began. */
			int g = 350 - (int)(i * 300 / fatti) - (int)rnd(15);

			if (g > m[i].giorni - 1)
				g = m[i].giorni - 1;
			rc = storia(&op, &resp, m[i].id, oggi, g, FATTA);
		} else {
			enum fine fin = aperte[i - fatti];

			rc = storia(&op, &resp, m[i].id, oggi, fin == SCADUTA ?
			    posti_tenuta() + 5 : fin == APERTA ? 2 +
			    (int)rnd(10) : 4 + (int)rnd(3), fin);
		}
		pool_free(&op.pool);
	}
	/* The proposal that nobody answered has expired by now. */
	if (rc == 0 && (db_begin_write() != 0 ||
	    proposte_scadute(console, oggi, 0) < 0 || db_commit() != 0))
		rc = -1;
	free(m);
	pool_free(&resp.pool);
	return rc;
}

/* Each facility's declarations: most fresh and true, some not. */
static int
dichiarazioni(struct request *r, const char *oggi)
{
	size_t n;
	const struct posti_conto *v;
	int rc = 0;

	if (db_begin_write() != 0)
		return -1;
	v = posti_conti(&n);
	for (size_t i = 0; v && i < n && rc == 0; i++) {
		int liberi[STRUTTURE_CELLE], eta;

		if (!v[i].attiva || strcmp(v[i].tipo,
		    "famiglia_affidataria") == 0)
			continue;
		if (i % 13 == 6)
			continue;		/* never declared */
		eta = i % 7 == 3 ? 9 + (int)rnd(20) : (int)rnd(6);
		for (int c = 0; c < STRUTTURE_CELLE; c++) {
			int free = v[i].capienza[c] - v[i].occupati[c];

			liberi[c] = free > 0 ? free : 0;
		}
		/* An older one first, then the last. */
		if (dichiarazione_scrivi(r, v[i].id, liberi, giorno(&r->pool,
		    oggi, eta + 14, 10)) < 0)
			rc = -1;
		if (i % 5 == 2) {
			/* It forgot a minor who left, or one who came. */
			for (int c = 0; c < STRUTTURE_CELLE; c++)
				if (v[i].capienza[c] > 0) {
					liberi[c] += liberi[c] > 0 && i % 2 ?
					    -1 : 1;
					break;
				}
		}
		if (rc == 0 && dichiarazione_scrivi(r, v[i].id, liberi,
		    giorno(&r->pool, oggi, eta, 10 + (int)(i % 8))) < 0)
			rc = -1;
	}
	if (v == NULL || rc != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

int
posti_demo(struct request *console, long long n)
{
	char oggi[11];

	if (n <= 0)
		return 0;
	posti_oggi(oggi);
	if (db_begin_write() != 0)
		return -1;
	if (circuito(console, n) != 0) {
		db_rollback();
		return -1;
	}
	if (db_commit() != 0 || trasferimenti(console, n, oggi) != 0 ||
	    dichiarazioni(console, oggi) != 0)
		return -1;
	return (int)db_value(SQL_CONTA, NO_ARGS, 0);
}
