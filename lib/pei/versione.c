/*
** The versions of a PEI and their approval: the only writer of the
** tables pei and pei_eventi (sql/008_pei_versioni.sql).
**
**   bozza --invia--> inviata --approva--> approvata
**     ^                 |
**     +--- restituita <-+ restituisci (with the responsabile's comments)
**
** A version is opened as a draft (the first, or a new one from the last
** approved); only one version of a minor's PEI is being worked on at a
** time. Only a submitted version can be approved or returned; nobody
** approves a version they wrote or submitted (Primero's rule too). A
** returned version keeps everything written in it and is submitted
** again. An approved version never changes: the database refuses it.
** Every step is in the version's history and in the audit log.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "db.h"
#include "interno.h"

const struct perm pei_lettura = { .name = "pei.lettura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) | ROLE(STRUTTURA) };
const struct perm pei_scrittura = { .name = "pei.scrittura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
const struct perm pei_approvazione = { .name = "pei.approvazione",
    .roles = ROLE(RESPONSABILE) };

static const char SQL_APERTA[] =
    "SELECT id FROM pei WHERE minore_id = :minore AND stato <> 'approvata'";
static const char SQL_ULTIMA[] =
    "SELECT coalesce(max(versione), 0) AS versione,"
    " (SELECT id FROM pei WHERE minore_id = :minore AND stato = 'approvata'"
    "  ORDER BY versione DESC LIMIT 1) AS approvata"
    " FROM pei WHERE minore_id = :minore";
static const char SQL_APRI[] =
    "INSERT INTO pei (minore_id, versione, da_versione, autore_id)"
    " VALUES (:minore, :versione, :da, :autore)";
static const char SQL_VERSIONE[] =
    "SELECT id, minore_id, versione, stato, autore_id,"
    " coalesce(inviata_da, 0) AS inviata_da FROM pei WHERE id = :id";
static const char SQL_INVIA[] =
    "UPDATE pei SET stato = 'inviata', inviata_da = :utente,"
    " inviata_il = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE id = :id";
static const char SQL_DECIDI[] =
    "UPDATE pei SET stato = :stato, decisa_da = :utente,"
    " decisa_il = strftime('%Y-%m-%d %H:%M:%S', 'now'), commento = :commento"
    " WHERE id = :id";
static const char SQL_EVENTO[] =
    "INSERT INTO pei_eventi (pei_id, evento, utente_id, commento)"
    " VALUES (:pei, :evento, :utente, :commento)";

/* The version of a minor's PEI being written (bozza, restituita), or 0. */
long long
pei_in_lavorazione(long long minore_id)
{
	return db_value("SELECT id FROM pei WHERE minore_id = :minore"
	    " AND stato IN ('bozza', 'restituita')", ARGS(ARG_INT("minore",
	    minore_id)), 0);
}

/* A new version starts as a copy of the last approved one. */
static int
copy(long long from, long long to)
{
	for (size_t i = 0; pei_sezioni[i]; i++)
		if (sezione_copy(pei_sezioni[i], from, to) != 0)
			return -1;
	return vulnerabilita_copy(from, to);
}

static int
refuse(const char **why, const char *text)
{
	*why = text;
	return 1;
}

/* The history row and the audit row of a step that changed `from`. */
static int
record(struct request *r, long long id, const char *evento, const char *from,
    const char *to, const char *commento)
{
	struct change c[] = {
		{ "stato", from, to },
		{ "commento", NULL, commento },
	};

	if (db_write(SQL_EVENTO, ARGS(ARG_INT("pei", id),
	    ARG_TEXT("evento", evento), ARG_INT("utente", r->user.id),
	    ARG_TEXT("commento", commento))) != 0)
		return -1;
	return audit_record(r, from ? "update" : "create", "pei", id, evento,
	    c, commento ? 2 : 1) < 0 ? -1 : 0;
}

static int
is(const struct row *v, const char *stato)
{
	const char *s = row_get(v, "stato");

	return s && strcmp(s, stato) == 0;
}

/* A number of a row read with db_row() (0 if NULL). */
static long long
id_of(const struct row *v, const char *column)
{
	const char *s = row_get(v, column);

	return s ? strtoll(s, NULL, 10) : 0;
}

/*
** Opens a draft of minor `minore_id`'s PEI (*id is set): version 1, or
** the next one starting from the last approved.
*/
int
pei_apri(struct request *r, long long minore_id, long long *id,
    const char **why)
{
	struct row last;
	int own, rc = 0;

	*why = NULL;
	if (!role_can(r->user.role, &pei_scrittura))
		return refuse(why, "Non puoi scrivere un PEI.");
	if (db_begin_own(&own) != 0)
		return -1;
	if (db_value(SQL_APERTA, ARGS(ARG_INT("minore", minore_id)), 0) != 0)
		rc = refuse(why, "C'è già una versione del PEI in lavorazione: "
		    "continua quella.");
	else if (db_row(&r->pool, SQL_ULTIMA, ARGS(ARG_INT("minore",
	    minore_id)), &last) != 1)
		rc = -1;
	else {
		long long n = id_of(&last, "versione") + 1;
		long long da = id_of(&last, "approvata");

		*id = db_insert(SQL_APRI, ARGS(ARG_INT("minore", minore_id),
		    ARG_INT("versione", n), ARG_ID("da", da),
		    ARG_INT("autore", r->user.id)));
		rc = *id <= 0 || (da && copy(da, *id) != 0) ? -1 :
		    record(r, *id, "aperta", NULL, "bozza", NULL);
	}
	return db_end_own(own, rc);
}

/*
** Reads version `id` under the write lock into `v`; 1 if refused (no
** such version), 0 if read, -1 on error.
*/
static int
version(struct request *r, long long id, struct row *v, const char **why)
{
	int found = db_row(&r->pool, SQL_VERSIONE, ARGS(ARG_INT("id", id)), v);

	if (found < 0)
		return -1;
	return found ? 0 : refuse(why, "Questa versione del PEI non esiste.");
}

/* Submits a draft, or a returned version, for approval. */
int
pei_invia(struct request *r, long long pei_id, const char **why)
{
	struct row v;
	int own, rc;

	*why = NULL;
	if (!role_can(r->user.role, &pei_scrittura))
		return refuse(why, "Non puoi inviare un PEI.");
	if (db_begin_own(&own) != 0)
		return -1;
	if ((rc = version(r, pei_id, &v, why)) == 0) {
		const char *from = row_get(&v, "stato");

		if (!is(&v, "bozza") && !is(&v, "restituita"))
			rc = refuse(why, "Si può inviare solo una bozza o una "
			    "versione restituita.");
		else if (db_write(SQL_INVIA, ARGS(ARG_INT("id", pei_id),
		    ARG_INT("utente", r->user.id))) != 0)
			rc = -1;
		else
			rc = record(r, pei_id, "inviata", from, "inviata", NULL);
	}
	return db_end_own(own, rc);
}

/* The responsabile's decision on a submitted version. */
static int
decide(struct request *r, long long pei_id, const char *stato,
    const char *commento, const char **why)
{
	struct row v;
	char *pdf = NULL;
	int own, rc;

	*why = NULL;
	if (!role_can(r->user.role, &pei_approvazione))
		return refuse(why, "Solo il responsabile approva o restituisce "
		    "un PEI.");
	if (db_begin_own(&own) != 0)
		return -1;
	if ((rc = version(r, pei_id, &v, why)) == 0) {
		if (!is(&v, "inviata"))
			rc = refuse(why, "Si può decidere solo su una versione "
			    "inviata per l'approvazione.");
		else if (strcmp(stato, "approvata") == 0 &&
		    (id_of(&v, "autore_id") == r->user.id ||
		    id_of(&v, "inviata_da") == r->user.id))
			rc = refuse(why, "Non puoi approvare un PEI che hai "
			    "scritto o inviato tu: serve un altro responsabile.");
		else if (db_write(SQL_DECIDI, ARGS(ARG_INT("id", pei_id),
		    ARG_TEXT("stato", stato), ARG_INT("utente", r->user.id),
		    ARG_TEXT("commento", commento))) != 0)
			rc = -1;
		else if ((rc = record(r, pei_id, stato, "inviata", stato,
		    commento)) == 0 && strcmp(stato, "approvata") == 0)
			/* What will be signed, made and kept with its hash. */
			rc = firma_pdf_crea(&r->pool, pei_id, &pdf);
	}
	rc = db_end_own(own, rc);
	if (rc != 0 && pdf)
		unlink(pdf);
	return rc;
}

int
pei_approva(struct request *r, long long pei_id, const char **why)
{
	return decide(r, pei_id, "approvata", NULL, why);
}

const char pei_senza_commento[] = "Scrivi perché la versione torna "
    "indietro: chi l'ha scritta deve sapere cosa cambiare.";

/* Returns a submitted version with comments (at least three letters). */
int
pei_restituisci(struct request *r, long long pei_id, const char *commento,
    const char **why)
{
	size_t letters = 0;

	*why = NULL;
	for (const char *p = commento ? commento : ""; *p; p++)
		letters += *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r';
	if (letters < 3)
		return refuse(why, pei_senza_commento);
	return decide(r, pei_id, "restituita", commento, why);
}
