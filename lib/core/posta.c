/*
** The outbox (posta.h): the only writer of posta_messaggi, posta_voci,
** posta_attesa, posta_tentativi and posta_preferenze. What a message
** says and how it travels are email.c's and smtp.c's.
*/
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "email.h"
#include "posta.h"
#include "settings.h"

/* The Message-ID's own part: unique, and says nothing. */
static void
chiave_nuova(char out[33])
{
	unsigned char raw[16];

	randombytes_buf(raw, sizeof raw);
	hex_encode(out, raw, sizeof raw);
}

static const char SQL_VUOLE[] =
    "SELECT u.email <> '' AND u.disattivato = 0 AND coalesce(p.email, 1)"
    " FROM utenti u LEFT JOIN posta_preferenze p ON p.utente_id = u.id"
    " AND p.tipo = :tipo WHERE u.id = :utente";
static const char SQL_MESSAGGIO[] =
    "INSERT INTO posta_messaggi (genere, utente_id, indirizzo, oggetto,"
    " chiave, creato, prossimo) VALUES (:genere, :utente, :indirizzo,"
    " :oggetto, :chiave, :ora, :ora)";
static const char SQL_VOCE[] =
    "INSERT INTO posta_voci (messaggio_id, notifica_id)"
    " VALUES (:messaggio, :notifica)";
static const char SQL_ATTESA[] =
    "INSERT INTO posta_attesa (notifica_id, utente_id)"
    " VALUES (:notifica, :utente)";

static long long
messaggio_nuovo(const char *genere, long long utente, const char *indirizzo,
    const char *oggetto, long long ora)
{
	char chiave[33];

	chiave_nuova(chiave);
	return db_insert(SQL_MESSAGGIO, ARGS(ARG_TEXT("genere", genere),
	    ARG_ID("utente", utente), ARG_TEXT("indirizzo", indirizzo),
	    ARG_TEXT("oggetto", oggetto), ARG_TEXT("chiave", chiave),
	    ARG_INT("ora", ora)));
}

/*
** Notice `notifica` of kind `tipo` to the outbox, if the user has an
** address, is active and takes the kind by mail: a message of its own if
** the kind is urgent, otherwise the user's next digest. 0, or -1.
*/
int
posta_accoda(long long utente_id, long long notifica_id, const char *tipo,
    int urgente)
{
	long long vuole = db_value(SQL_VUOLE, ARGS(ARG_INT("utente", utente_id),
	    ARG_TEXT("tipo", tipo)), -1);
	long long id;

	if (vuole < 0)
		return db_failed() ? -1 : 0;
	if (vuole == 0)
		return 0;
	if (!urgente)
		return db_write(SQL_ATTESA, ARGS(ARG_INT("notifica", notifica_id),
		    ARG_INT("utente", utente_id)));
	id = messaggio_nuovo("avviso", utente_id, NULL, NULL, time(NULL));
	if (id <= 0)
		return -1;
	return db_write(SQL_VOCE, ARGS(ARG_INT("messaggio", id),
	    ARG_INT("notifica", notifica_id)));
}

/* A test message to `indirizzo`; its id, or -1 (not an address). */
long long
posta_prova(const char *indirizzo, const char *oggetto)
{
	if (!email_indirizzo_valido(indirizzo))
		return -1;
	return messaggio_nuovo("prova", 0, indirizzo, oggetto, time(NULL));
}

static const char SQL_SCELTA[] =
    "INSERT INTO posta_preferenze (utente_id, tipo, email)"
    " VALUES (:utente, :tipo, :email)"
    " ON CONFLICT (utente_id, tipo) DO UPDATE SET email = excluded.email";

/* Whether the user takes kind `tipo` by mail (1) or not (0). */
int
posta_scelta(long long utente_id, const char *tipo, int email)
{
	return db_write(SQL_SCELTA, ARGS(ARG_INT("utente", utente_id),
	    ARG_TEXT("tipo", tipo), ARG_INT("email", email != 0)));
}

static const char SQL_RIPROVA[] =
    "UPDATE posta_messaggi SET stato = 'in_coda', tentativi = 0,"
    " prossimo = :ora WHERE id = :id AND stato = 'fallito'";

/* A failed message back in the queue, for a new series of tries: 1 if
** it was failed, 0 if not, -1. */
int
posta_riprova(long long id, long long ora)
{
	if (db_write(SQL_RIPROVA, ARGS(ARG_INT("id", id), ARG_INT("ora", ora)))
	    != 0)
		return -1;
	return db_changes();
}

static const char SQL_ATTESA_SCARTA[] =
    "DELETE FROM posta_attesa WHERE notifica_id IN (SELECT a.notifica_id"
    " FROM posta_attesa a JOIN notifiche n ON n.id = a.notifica_id"
    " JOIN utenti u ON u.id = a.utente_id LEFT JOIN posta_preferenze p"
    " ON p.utente_id = a.utente_id AND p.tipo = n.tipo"
    " WHERE u.email = '' OR u.disattivato = 1 OR p.email = 0)";
static const char SQL_ATTESA_UTENTI[] =
    "SELECT DISTINCT utente_id FROM posta_attesa ORDER BY utente_id";
static const char SQL_VOCI_RIEPILOGO[] =
    "INSERT INTO posta_voci (messaggio_id, notifica_id) SELECT :messaggio,"
    " notifica_id FROM posta_attesa WHERE utente_id = :utente";
static const char SQL_ATTESA_FINE[] =
    "DELETE FROM posta_attesa WHERE utente_id = :utente";

/*
** The daily digests: one message per user with every notice waiting for
** it, in one transaction. What the user no longer takes by mail (the
** kind turned off, no address, the account disabled) is dropped: the
** app still shows it. How many digests, or -1.
*/
int
posta_riepiloghi(long long ora)
{
	struct stmt *st;
	long long *utenti = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (db_begin_write() != 0)
		return -1;
	db_write(SQL_ATTESA_SCARTA, NO_ARGS);
	st = db_query(SQL_ATTESA_UTENTI, NO_ARGS);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			utenti = xrealloc(utenti, cap * sizeof *utenti);
		}
		utenti[n++] = db_int(st, "utente_id");
	}
	db_done(st);
	for (size_t i = 0; i < n && !db_failed(); i++) {
		long long id = messaggio_nuovo("riepilogo", utenti[i], NULL, NULL,
		    ora);

		db_write(SQL_VOCI_RIEPILOGO, ARGS(ARG_INT("messaggio", id),
		    ARG_INT("utente", utenti[i])));
		db_write(SQL_ATTESA_FINE, ARGS(ARG_INT("utente", utenti[i])));
	}
	free(utenti);
	if (rc < 0 || db_commit() != 0)
		return -1;
	return (int)n;
}

static const char SQL_IN_INVIO[] =
    "SELECT m.id, m.genere, coalesce(m.utente_id, 0) AS utente_id,"
    " t.indirizzo, m.oggetto, m.chiave, m.creato, m.tentativi,"
    " t.id AS tentativo FROM posta_messaggi m JOIN posta_tentativi t"
    " ON t.messaggio_id = m.id AND t.esito = 'in_corso'"
    " WHERE m.stato = 'in_invio' ORDER BY m.id";

/* A message (and its try) from a row of SQL_IN_INVIO or SQL_DOVUTO. */
static void
messaggio_da(struct pool *pool, struct stmt *st, struct posta_messaggio *m)
{
	*m = (struct posta_messaggio){
		.id = db_int(st, "id"),
		.genere = pool_strdup(pool, db_text(st, "genere")),
		.utente_id = db_int(st, "utente_id"),
		.indirizzo = pool_strdup(pool, db_text(st, "indirizzo")),
		.oggetto = db_is_null(st, "oggetto") ? NULL :
		    pool_strdup(pool, db_text(st, "oggetto")),
		.chiave = pool_strdup(pool, db_text(st, "chiave")),
		.creato = db_int(st, "creato"),
		.tentativi = (int)db_int(st, "tentativi"),
	};
}

/*
** The messages a sender left in the middle of a try when it was stopped
** (killed, a power cut), into *v from `pool`: it alone runs (the caller
** holds the sender's lock), so those tries are over; each is closed with
** posta_interrotto(). How many, or -1.
*/
int
posta_interrotti(struct pool *pool, struct posta_messaggio **v)
{
	struct stmt *st = db_query(SQL_IN_INVIO, NO_ARGS);
	size_t n = 0, cap = 0;
	int rc;

	*v = NULL;
	while ((rc = db_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			struct posta_messaggio *w;

			cap = cap ? 2 * cap : 4;
			w = pool_alloc(pool, cap * sizeof *w);
			if (n)
				memcpy(w, *v, n * sizeof *w);
			*v = w;
		}
		messaggio_da(pool, st, &(*v)[n]);
		(*v)[n].tentativo = db_int(st, "tentativo");
		n++;
	}
	db_done(st);
	return rc < 0 ? -1 : (int)n;
}

static const char SQL_TENTATIVO_INTERROTTO[] =
    "UPDATE posta_tentativi SET esito = 'interrotto', fine = :ora,"
    " errore = 'invio interrotto: il mittente si è fermato durante il"
    " tentativo (il server potrebbe aver già accettato il messaggio)'"
    " WHERE id = :id";
static const char SQL_RIMETTI[] =
    "UPDATE posta_messaggi SET stato = CASE WHEN :fallito THEN 'fallito'"
    " ELSE 'in_coda' END, tentativi = tentativi + 1, prossimo = :ora"
    " WHERE id = :id AND stato = 'in_invio'";

/*
** Closes the try of `m` that a stopped sender left: it counts as a try
** (so that a message that stops the sender cannot stop it forever), and
** the message goes again at once, or has failed after the last try. As
** posta_errore(): 1 if it has failed, 0, -1.
*/
int
posta_interrotto(const struct posta_messaggio *m, long long ora)
{
	int fallito = m->tentativi + 1 >= posta_tentativi_max();
	int own;

	if (db_begin_own(&own) != 0)
		return -1;
	db_write(SQL_TENTATIVO_INTERROTTO, ARGS(ARG_INT("id", m->tentativo),
	    ARG_INT("ora", ora)));
	db_write(SQL_RIMETTI, ARGS(ARG_INT("id", m->id), ARG_INT("ora", ora),
	    ARG_INT("fallito", fallito)));
	if (db_end_own(own, 0) != 0)
		return -1;
	return fallito;
}

static const char SQL_SUBITO[] =
    "UPDATE posta_messaggi SET prossimo = :ora"
    " WHERE stato = 'in_coda' AND prossimo > :ora";

/*
** Every message waiting for its next try is due at `ora` (the relay is
** back: no need to wait). How many, or -1.
*/
int
posta_subito(long long ora)
{
	int n;

	if (db_begin_write() != 0)
		return -1;
	db_write(SQL_SUBITO, ARGS(ARG_INT("ora", ora)));
	n = db_changes();
	return db_commit() == 0 ? n : -1;
}

static const char SQL_DOVUTO[] =
    "SELECT m.id, m.genere, coalesce(m.utente_id, 0) AS utente_id,"
    " CASE WHEN m.utente_id IS NULL THEN m.indirizzo"
    " WHEN u.disattivato = 0 THEN u.email ELSE '' END AS indirizzo,"
    " m.oggetto, m.chiave, m.creato, m.tentativi FROM posta_messaggi m"
    " LEFT JOIN utenti u ON u.id = m.utente_id"
    " WHERE m.stato = 'in_coda' AND m.prossimo <= :ora"
    " ORDER BY m.prossimo, m.id LIMIT 1";
static const char SQL_PRENDI[] =
    "UPDATE posta_messaggi SET stato = 'in_invio'"
    " WHERE id = :id AND stato = 'in_coda'";
static const char SQL_TENTATIVO[] =
    "INSERT INTO posta_tentativi (messaggio_id, inizio, indirizzo)"
    " VALUES (:messaggio, :ora, :indirizzo)";

/*
** Takes the next message due at `ora` and opens its try: 1, with `m`
** filled from `pool`; 0 if nothing is due; -1. The record of the try is
** written in a light transaction: lost in a power cut, the message is
** simply due again.
*/
int
posta_prendi(struct pool *pool, long long ora, struct posta_messaggio *m)
{
	struct stmt *st;
	int rc;

	if (db_begin_light() != 0)
		return -1;
	st = db_query(SQL_DOVUTO, ARGS(ARG_INT("ora", ora)));
	if ((rc = db_step(st)) == SQLITE_ROW)
		messaggio_da(pool, st, m);
	db_done(st);
	if (rc != SQLITE_ROW) {
		db_rollback();
		return rc == SQLITE_DONE ? 0 : -1;
	}
	db_write(SQL_PRENDI, ARGS(ARG_INT("id", m->id)));
	m->tentativo = db_insert(SQL_TENTATIVO, ARGS(ARG_INT("messaggio", m->id),
	    ARG_INT("ora", ora), ARG_TEXT("indirizzo", m->indirizzo)));
	return db_commit() == 0 ? 1 : -1;
}

static const char SQL_INVIATO[] =
    "UPDATE posta_messaggi SET stato = 'inviato', inviato = :ora"
    " WHERE id = :id AND stato = 'in_invio'";
static const char SQL_TENTATIVO_OK[] =
    "UPDATE posta_tentativi SET esito = 'inviato', fine = :ora"
    " WHERE id = :id";

/*
** The server has accepted message `m`: sent, durably (in the caller's
** transaction, or in one of its own). 0, or -1.
*/
int
posta_inviato(const struct posta_messaggio *m, long long ora)
{
	int own;

	if (db_begin_own(&own) != 0)
		return -1;
	db_write(SQL_INVIATO, ARGS(ARG_INT("id", m->id), ARG_INT("ora", ora)));
	db_write(SQL_TENTATIVO_OK, ARGS(ARG_INT("id", m->tentativo),
	    ARG_INT("ora", ora)));
	return db_end_own(own, 0);
}

static const char SQL_TENTATIVO_KO[] =
    "UPDATE posta_tentativi SET esito = 'errore', fine = :ora,"
    " errore = :errore WHERE id = :id";
static const char SQL_ERRORE[] =
    "UPDATE posta_messaggi SET stato = CASE WHEN :fallito THEN 'fallito'"
    " ELSE 'in_coda' END, tentativi = tentativi + 1, prossimo = :prossimo"
    " WHERE id = :id AND stato = 'in_invio'";

/*
** Message `m`'s try failed with `errore`: kept with the try; the message
** is tried again after posta_ritardo(), or, after the last try or with
** `definitivo` (it has nowhere to go), it has failed. 1 if it has failed,
** 0 if it will be tried again, -1 (in the caller's transaction, or in
** one of its own).
*/
int
posta_errore(const struct posta_messaggio *m, long long ora,
    const char *errore, int definitivo)
{
	int fallito = definitivo || m->tentativi + 1 >= posta_tentativi_max();
	int own;

	if (db_begin_own(&own) != 0)
		return -1;
	db_write(SQL_TENTATIVO_KO, ARGS(ARG_INT("id", m->tentativo),
	    ARG_INT("ora", ora), ARG_TEXT("errore", errore)));
	db_write(SQL_ERRORE, ARGS(ARG_INT("id", m->id),
	    ARG_INT("fallito", fallito), ARG_INT("prossimo", ora +
	    posta_ritardo(m->tentativi + 1))));
	if (db_end_own(own, 0) != 0)
		return -1;
	return fallito;
}

/*
** Seconds to wait after the `tentativi`-th failed try: 1, 2, 5, 10 and
** 30 minutes, then an hour each time.
*/
long long
posta_ritardo(int tentativi)
{
	static const int minuti[] = { 1, 2, 5, 10, 30, 60 };

	if (tentativi < 1)
		tentativi = 1;
	if ((size_t)tentativi > COUNT(minuti))
		tentativi = (int)COUNT(minuti);
	return 60LL * minuti[tentativi - 1];
}

/* APPRODO_SMTP_TENTATIVI: the tries before a message has failed (30:
** with the delays above, a little more than a day). */
int
posta_tentativi_max(void)
{
	static int max;

	if (max == 0)
		max = (int)config_int("APPRODO_SMTP_TENTATIVI", 30, 1, 1000);
	return max;
}
