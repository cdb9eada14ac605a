/*
** In-app notices (notifiche.h): the only writer of the table notifiche.
*/
#include "db.h"
#include "notifiche.h"
#include "page.h"

static const char SQL_ADD[] =
    "INSERT INTO notifiche (utente_id, testo, href) VALUES (:utente, :testo,"
    " :href)";
static const char SQL_RUOLO[] =
    "INSERT INTO notifiche (utente_id, testo, href) SELECT id, :testo, :href"
    " FROM utenti WHERE ruolo = :ruolo AND disattivato = 0 AND id <> :oltre";
static const char SQL_NON_LETTE[] =
    "SELECT id, testo, href, strftime('%d/%m/%Y %H:%M', creata, 'localtime')"
    " AS creata FROM notifiche WHERE utente_id = :utente AND letta_il IS NULL"
    " ORDER BY id DESC LIMIT 50";
static const char SQL_LETTA[] =
    "UPDATE notifiche SET letta_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND utente_id = :utente AND letta_il IS NULL";

int
notifica_invia(long long utente_id, const char *testo, const char *href)
{
	return db_write(SQL_ADD, ARGS(ARG_INT("utente", utente_id),
	    ARG_TEXT("testo", testo), ARG_TEXT("href", href)));
}

/* To every active user of role `ruolo` but `oltre` (already told). */
int
notifica_ruolo(const char *ruolo, long long oltre, const char *testo,
    const char *href)
{
	return db_write(SQL_RUOLO, ARGS(ARG_TEXT("ruolo", ruolo),
	    ARG_INT("oltre", oltre), ARG_TEXT("testo", testo),
	    ARG_TEXT("href", href)));
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
