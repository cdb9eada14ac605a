/*
** In-app notices (notifiche.h): the only writer of the table notifiche.
** What goes by mail is posta.c's.
*/
#include <stdlib.h>

#include "db.h"
#include "module.h"
#include "notifiche.h"
#include "page.h"
#include "posta.h"

static const char SQL_ADD[] =
    "INSERT INTO notifiche (utente_id, tipo, riferimento, data, testo, href)"
    " VALUES (:utente, :tipo, coalesce(:riferimento, ''), :data, :testo,"
    " :href)";
static const char SQL_RUOLO[] =
    "SELECT id FROM utenti WHERE ruolo = :ruolo AND disattivato = 0"
    " AND id <> :oltre ORDER BY id";
static const char SQL_NON_LETTE[] =
    "SELECT id, testo, href, strftime('%d/%m/%Y %H:%M', creata, 'localtime')"
    " AS creata FROM notifiche WHERE utente_id = :utente AND letta_il IS NULL"
    " ORDER BY id DESC LIMIT 50";
static const char SQL_LETTA[] =
    "UPDATE notifiche SET letta_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND utente_id = :utente AND letta_il IS NULL";

/*
** Notice `n` to a user, and to the outbox if they take its kind by mail.
** A kind no module declares is an error: the transaction fails.
*/
int
notifica_invia(long long utente_id, const struct notifica *n)
{
	const struct notifica_tipo *t = modules_notifica_tipo(n->tipo);
	long long id;

	if (t == NULL) {
		log_error("notifica: tipo sconosciuto %s", n->tipo);
		db_fail();
		return -1;
	}
	id = db_insert(SQL_ADD, ARGS(ARG_INT("utente", utente_id),
	    ARG_TEXT("tipo", t->tipo), ARG_TEXT("riferimento", n->riferimento),
	    ARG_TEXT("data", n->data), ARG_TEXT("testo", n->testo),
	    ARG_TEXT("href", n->href)));
	if (id <= 0)
		return -1;
	return posta_accoda(utente_id, id, t->tipo, t->urgente);
}

static const char SQL_STRUTTURA[] =
    "SELECT id FROM utenti WHERE struttura_id = :struttura"
    " AND disattivato = 0 ORDER BY id";

/* To every user `st` gives; 0, or -1. */
static int
a_tutti(struct stmt *st, const struct notifica *n)
{
	long long *ids = NULL;
	size_t k = 0, cap = 0;
	int rc, out = 0;

	/* The users first: each notice writes other statements. */
	while ((rc = db_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			cap = cap ? 2 * cap : 16;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[k++] = db_int(st, "id");
	}
	db_done(st);
	if (rc < 0)
		out = -1;
	for (size_t i = 0; i < k && out == 0; i++)
		out = notifica_invia(ids[i], n);
	free(ids);
	return out;
}

/* To every active user of role `ruolo` but `oltre` (already told). */
int
notifica_ruolo(const char *ruolo, long long oltre, const struct notifica *n)
{
	return a_tutti(db_query(SQL_RUOLO, ARGS(ARG_TEXT("ruolo", ruolo),
	    ARG_INT("oltre", oltre))), n);
}

/* To every active user of facility `struttura` (its own staff). */
int
notifica_struttura(long long struttura, const struct notifica *n)
{
	return a_tutti(db_query(SQL_STRUTTURA, ARGS(ARG_INT("struttura",
	    struttura))), n);
}

/* The user's unread notices into `list`; how many. */
int
notifiche_page(struct request *r, const char *list)
{
	return page_rows(r, list, db_query(SQL_NON_LETTE, ARGS(ARG_INT("utente",
	    r->user.id))), 0, NULL, NULL);
}

/* Marks notice `id` of the user read; 1 if it was theirs and unread. */
int
notifica_letta(struct request *r, long long id)
{
	if (db_write(SQL_LETTA, ARGS(ARG_INT("id", id), ARG_INT("utente",
	    r->user.id))) != 0)
		return -1;
	return db_changes();
}
