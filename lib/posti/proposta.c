/*
** A proposal: the office proposes the minor of a request to a facility
** (POST /minori/posti/richieste/N/proposta), which holds a place in the
** minor's cell until the facility answers (/minori/posti/proposte/N:
** accepts, or refuses with a reason), then until the office sets the
** transfer date (/minori/posti/proposte/N/data), then until that date,
** when the current placement closes and the new one opens through the
** case registry's writer (collocamento_trasferisci). Waiting or
** accepted, a proposal holds its place APPRODO_POSTI_TENUTA_GIORNI days
** (default 7) and then expires; the office may withdraw it.
**
** No overbooking: a proposal is made inside the record editor's BEGIN
** IMMEDIATE transaction, which first counts the facility's free places
** in the cell (occupazione.c's rule) and refuses when none is left, so
** of two requests for the last place one has it and the other is told
** so (409). The only writer of posti_proposte.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "minori.h"
#include "page.h"
#include "session.h"

const struct choice proposta_stati[] = {
	{ "in_attesa", "In attesa della risposta della struttura" },
	{ "accettata", "Accettata: da fissare la data del trasferimento" },
	{ "programmata", "Trasferimento programmato" },
	{ "eseguita", "Trasferimento fatto" },
	{ "rifiutata", "Rifiutata dalla struttura" },
	{ "scaduta", "Scaduta senza risposta" },
	{ "annullata", "Ritirata" },
};
const size_t proposta_nstati = COUNT(proposta_stati);

/* A proposal's state as it is today: waiting or accepted past its last
** day, it has expired even before the daily job records it. */
#define STATO_OGGI "CASE WHEN p.stato IN ('in_attesa', 'accettata')" \
    " AND p.scade_il < :oggi THEN 'scaduta' ELSE p.stato END"

static const char SQL_INSERT[] =
    "INSERT INTO posti_proposte (richiesta_id, minore_id, struttura_id,"
    " sesso, fascia, proposta_da, proposta_il, scade_il) VALUES (:richiesta,"
    " :minore, :struttura, :sesso, :fascia, :utente,"
    " coalesce(:quando, strftime('%Y-%m-%d %H:%M:%S', 'now')), :scade)";
static const char SQL_VIVA[] =
    "SELECT count(*) FROM posti_proposte p WHERE p.richiesta_id = :richiesta"
    " AND p.stato IN ('in_attesa', 'accettata', 'programmata')"
    " AND " STATO_OGGI " <> 'scaduta'";

static const char SQL_STRUTTURA_DI[] =
    "SELECT struttura_id FROM posti_proposte WHERE id = :id";
static const char SQL_RICHIESTA_DI[] =
    "SELECT richiesta_id FROM posti_proposte WHERE id = :id";
static const char SQL_STATO_DI[] =
    "SELECT richiesta_id, stato FROM posti_proposte WHERE id = :id";
static const char SQL_DA_FARE[] =
    "SELECT minore_id, struttura_id, richiesta_id, data_trasferimento, note"
    " FROM posti_proposte WHERE id = :id";

/* Today's date plus the days a proposal holds its place. */
static const char *
scadenza(struct pool *pool, const char *oggi)
{
	char *d = pool_alloc(pool, 11);

	date_add_days(oggi, posti_tenuta(), d);
	return d;
}

/*
** May request `q` be proposed to facility `struttura` now? In the
** caller's write transaction. 0 (with the cell in *c); 1 refused, 2 no
** free place left (*why, in Italian, for the page); -1 on an error.
*/
static int
verifica(struct request *r, const struct posti_richiesta *q,
    long long struttura, const char *oggi, int *c, const char **why)
{
	struct posti_conto s;
	int rc;

	abbinamento_cella(q, c);
	if (strcmp(q->stato, "aperta") != 0 && strcmp(q->stato, "in_corso"))
		*why = "La richiesta è chiusa: non si può più proporre.";
	else if (strcmp(q->minore_stato, "in_carico") != 0 &&
	    strcmp(q->minore_stato, "in_prosieguo") != 0)
		*why = "Il minore non è più in carico né in prosieguo.";
	else if (db_value(SQL_VIVA, ARGS(ARG_INT("richiesta", q->id),
	    ARG_TEXT("oggi", oggi)), 0) > 0)
		*why = "C'è già una proposta in corso per questa richiesta: "
		    "ritirala prima di proporre un'altra struttura.";
	else if (struttura == q->da_struttura)
		*why = "Il minore è già in questa struttura.";
	else if (*c < 0)
		*why = "Il sesso o l'età del minore non corrispondono a "
		    "nessuna fascia di posti.";
	else if ((rc = posti_conta(&r->pool, struttura, &s)) != 0) {
		if (rc < 0)
			return -1;
		*why = "Scegli una struttura dell'elenco.";
	} else if (!s.attiva)
		*why = pool_printf(&r->pool, "%s non è attiva nel circuito.",
		    s.nome);
	else if (s.capienza[*c] <= 0)
		*why = pool_printf(&r->pool, "%s non accoglie: %s.", s.nome,
		    strutture_celle[*c].label);
	else if (posti_liberi(&s, *c) <= 0) {
		*why = pool_printf(&r->pool, "Non ci sono più posti liberi in "
		    "%s per: %s. L'ultimo è già tenuto da un'altra proposta o "
		    "occupato: scegli un'altra struttura.", s.nome,
		    strutture_celle[*c].label);
		return 2;
	} else
		return db_failed() ? -1 : 0;
	return db_failed() ? -1 : 1;
}

/*
** Writes the proposal verified above, audited (through the record
** editor's row, `e`, when the office's form makes it): its id, or -1.
*/
static long long
inserisci(struct request *r, const struct posti_richiesta *q,
    long long struttura, int c, const char *oggi, const char *quando,
    struct edit *e)
{
	/* It holds its place from the day it is made (the demo's: then). */
	const char *scade = scadenza(&r->pool, quando ? pool_strndup(&r->pool,
	    quando, 10) : oggi);
	char sid[24];
	long long id;

	snprintf(sid, sizeof sid, "%lld", struttura);
	/* A proposal past its day still has its state: record it first. */
	if (proposte_scadute(r, oggi, q->id) < 0)
		return -1;
	id = db_insert(SQL_INSERT, ARGS(ARG_INT("richiesta", q->id),
	    ARG_INT("minore", q->minore), ARG_INT("struttura", struttura),
	    ARG_TEXT("sesso", strutture_celle[c].sesso),
	    ARG_TEXT("fascia", strutture_celle[c].fascia),
	    ARG_ID("utente", r->user.id), ARG_TEXT("quando", quando),
	    ARG_TEXT("scade", scade)));
	if (id <= 0)
		return -1;
	if (e) {
		edit_change(e, "sesso", NULL, strutture_celle[c].sesso);
		edit_change(e, "fascia", NULL, strutture_celle[c].fascia);
		edit_change(e, "scade_il", NULL, scade);
	} else {
		const struct change ch[] = {
			{ "struttura_id", NULL, sid },
			{ "sesso", NULL, strutture_celle[c].sesso },
			{ "fascia", NULL, strutture_celle[c].fascia },
			{ "scade_il", NULL, scade },
		};

		if (audit_record(r, "create", "posti_proposta", id,
		    pool_printf(&r->pool, "richiesta %lld, minore %lld", q->id,
		    q->minore), ch, COUNT(ch)) < 0)
			return -1;
	}
	/* The request may be in_corso already, if the last one expired. */
	if (strcmp(q->stato, "aperta") == 0 && richiesta_stato(r, q->id,
	    "aperta", "in_corso", NULL) != 0)
		return -1;
	/* The office's form tells the facility (the demo's past, nobody). */
	if (e && posti_avvisa(r, id, "proposta") != 0)
		return -1;
	return id;
}

/*
** A proposal of request `richiesta` to `struttura` made at `quando`
** (UTC, NULL: now) in the caller's transaction: for the demo. Its id; 0
** if refused (*why); -1.
*/
long long
proposta_scrivi(struct request *r, long long richiesta, long long struttura,
    const char *quando, const char **why)
{
	struct posti_richiesta q;
	char oggi[11];
	int c, rc;

	posti_oggi(oggi);
	if ((rc = richiesta_leggi(&r->pool, richiesta, &q)) != 0)
		return -1;
	if ((rc = verifica(r, &q, struttura, oggi, &c, why)) != 0)
		return rc < 0 ? -1 : 0;
	return inserisci(r, &q, struttura, c, oggi, quando, NULL);
}

/* ---- the office proposes: POST /minori/posti/richieste/N/proposta ---- */

struct proposta_dati {
	struct posti_richiesta q;
	int cella, conflitto;
};

static const struct field nuova_fields[] = {
	{ "struttura_id", "Proponi il minore a", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED,
	  .hint = "Le strutture attive in ordine di nome: la più adatta è la "
	  "prima dell'elenco qui sopra" },
};

static void
nuova_fields_load(struct field *f, size_t n)
{
	(void)n;
	f[0].choices = strutture_choices(&f[0].nchoices);
}

static int
nuova_access(struct edit *e)
{
	struct proposta_dati *d = pool_alloc(&e->r->pool, sizeof *d);
	int rc = richiesta_leggi(&e->r->pool, e->parent, &d->q);

	d->cella = 0;
	d->conflitto = 0;
	e->data = d;
	return rc < 0 ? 500 : rc;
}

static void
nuova_check(struct edit *e)
{
	struct proposta_dati *d = e->data;
	const char *s = form_value(&e->form, "struttura_id");
	const char *why = NULL;
	char oggi[11];
	int rc;

	if (s == NULL)
		return;
	posti_oggi(oggi);
	/* Read again inside the transaction: the request may have moved. */
	if (richiesta_leggi(&e->r->pool, e->parent, &d->q) != 0) {
		db_fail();
		return;
	}
	rc = verifica(e->r, &d->q, strtoll(s, NULL, 10), oggi, &d->cella,
	    &why);
	if (rc > 0)
		form_fail(&e->form, "struttura_id", why);
	d->conflitto = rc == 2;
	if (rc < 0)
		db_fail();
}

static int
nuova_save(struct edit *e)
{
	struct proposta_dati *d = e->data;
	long long s = strtoll(form_value(&e->form, "struttura_id"), NULL, 10);
	char oggi[11], it[11];
	size_t ns;
	const struct choice *nomi = strutture_nomi(&ns);

	posti_oggi(oggi);
	e->id = inserisci(e->r, &d->q, s, d->cella, oggi, NULL, e);
	if (e->id <= 0)
		return -1;
	date_it(scadenza(&e->r->pool, oggi), it);
	e->detail = pool_printf(&e->r->pool, "richiesta %lld, minore %lld",
	    d->q.id, d->q.minore);
	e->saved = pool_printf(&e->r->pool, "Proposta fatta a %s: il posto è "
	    "tenuto fino al %s, in attesa della risposta.", choice_label(nomi,
	    ns, form_value(&e->form, "struttura_id")), it);
	return 0;
}

/* Refused: the request's page again, the reason at its top. */
static int
nuova_page(struct edit *e)
{
	struct proposta_dati *d = e->data;

	if (audit_view(e->r, "minore", d->q.minore, "posti") != 0)
		return 500;
	if (d->conflitto)
		e->r->status = 409;
	return richiesta_disegna(e->r, e->parent, &e->form);
}

static const char *
nuova_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/posti/richieste/%lld",
	    e->parent);
}

const struct record proposta_nuova = {
	.entity = "posti_proposta", .name = "posti/proposta",
	.title = "Proposta a una struttura",
	.fields = nuova_fields, .nfields = COUNT(nuova_fields),
	.fields_load = nuova_fields_load, .access_edit = nuova_access,
	.check = nuova_check, .save = nuova_save, .page = nuova_page,
	.next = nuova_next, .flags = RECORD_NO_VIEW_AUDIT,
};

/* ---- the facility answers: /minori/posti/proposte/N ---- */

static const char SQL_PROPOSTA[] =
    "SELECT p.stato, p.scade_il, p.struttura_id, p.minore_id,"
    " p.richiesta_id, p.data_trasferimento, p.fascia, p.sesso,"
    " date(p.proposta_il, 'localtime') AS proposta_dal,"
    " (SELECT dal FROM collocamenti c WHERE c.minore_id = p.minore_id"
    " AND c.al IS NULL) AS collocamento_dal,"
    " (SELECT stato FROM minori m WHERE m.id = p.minore_id) AS minore_stato"
    " FROM posti_proposte p WHERE p.id = :id";

static const struct choice esiti[] = {
	{ "accetta", "La struttura accoglie il minore" },
	{ "rifiuta", "La struttura non può accoglierlo" },
};

static const struct field risposta_fields[] = {
	{ "esito", "Risposta", .type = FIELD_CHOICE, .flags = FIELD_REQUIRED,
	  .choices = esiti, .nchoices = COUNT(esiti) },
	{ "motivo_rifiuto", "Perché non può accoglierlo",
	  .type = FIELD_TEXTAREA, .max = 2000,
	  .hint = "Obbligatorio se la struttura non può accoglierlo" },
};

/* The facility's own proposals only: any other is a 403, audited. */
static int
risposta_access(struct edit *e)
{
	long long s = db_value(SQL_STRUTTURA_DI, ARGS(ARG_INT("id", e->id)), 0);

	if (s == 0)
		return 404;
	if (s != e->r->user.struttura_id) {
		audit_now(e->r, "permission_denied", "posti_proposta", e->id,
		    "risposta");
		return 403;
	}
	return 0;
}

/* Waiting for an answer, and not past its last day? The reason if not. */
static const char *
non_in_attesa(struct edit *e, const char *oggi)
{
	const char *stato = edit_current(e, "stato");
	const char *scade = edit_current(e, "scade_il");
	char it[11];

	if (stato && strcmp(stato, "in_attesa") == 0 && scade &&
	    strcmp(scade, oggi) >= 0)
		return NULL;
	if (stato && strcmp(stato, "in_attesa") == 0) {
		date_it(scade, it);
		return pool_printf(&e->r->pool, "La proposta è scaduta il %s: "
		    "l'ufficio può proporre il minore di nuovo.", it);
	}
	return "A questa proposta è già stata data una risposta, o l'ufficio "
	    "l'ha ritirata.";
}

static void
risposta_check(struct edit *e)
{
	const char *esito = form_value(&e->form, "esito");
	const char *why;
	char oggi[11];

	posti_oggi(oggi);
	if ((why = non_in_attesa(e, oggi)) != NULL)
		form_fail(&e->form, "esito", why);
	else if (esito && strcmp(esito, "rifiuta") == 0 &&
	    form_value(&e->form, "motivo_rifiuto") == NULL)
		form_fail(&e->form, "motivo_rifiuto", "Scrivi perché la "
		    "struttura non può accogliere il minore: l'ufficio ne "
		    "tiene conto nella prossima proposta.");
}

static const char SQL_ACCETTA[] =
    "UPDATE posti_proposte SET stato = 'accettata', risposta_da = :utente,"
    " risposta_il = coalesce(:quando, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
    " scade_il = :scade WHERE id = :id AND stato = 'in_attesa'";
static const char SQL_RIFIUTA[] =
    "UPDATE posti_proposte SET stato = 'rifiutata', risposta_da = :utente,"
    " risposta_il = coalesce(:quando, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
    " chiusa_il = coalesce(:quando, strftime('%Y-%m-%d %H:%M:%S', 'now')),"
    " motivo_rifiuto = :motivo, scade_il = NULL"
    " WHERE id = :id AND stato = 'in_attesa'";

/* The answer's writes, audited (the caller audits the form's fields). */
static int
rispondi(struct request *r, long long id, long long richiesta, int accetta,
    const char *motivo, const char *quando, struct edit *e)
{
	char oggi[11];
	const char *scade;
	int rc;

	posti_oggi(oggi);
	scade = scadenza(&r->pool, oggi);
	rc = accetta ? db_write(SQL_ACCETTA, ARGS(ARG_INT("id", id),
	    ARG_ID("utente", r->user.id), ARG_TEXT("quando", quando),
	    ARG_TEXT("scade", scade))) : db_write(SQL_RIFIUTA, ARGS(
	    ARG_INT("id", id), ARG_ID("utente", r->user.id),
	    ARG_TEXT("quando", quando), ARG_TEXT("motivo", motivo)));
	if (rc != 0 || db_changes() != 1)
		return -1;
	if (e) {
		edit_change(e, "stato", "in_attesa", accetta ? "accettata" :
		    "rifiutata");
		if (accetta)
			edit_change(e, "scade_il", edit_current(e, "scade_il"),
			    scade);
	} else if (audit_record(r, "update", "posti_proposta", id, NULL,
	    &(const struct change){ "stato", "in_attesa", accetta ?
	    "accettata" : "rifiutata" }, 1) < 0)
		return -1;
	/* Refused: the request needs another facility. */
	if (!accetta && richiesta_stato(r, richiesta, "in_corso", "aperta",
	    NULL) < 0)
		return -1;
	/* The facility's form tells the office (the demo's, nobody). */
	if (e && posti_avvisa(r, id, accetta ? "accettata" : "rifiutata") != 0)
		return -1;
	return 0;
}

/* The facility's answer at `quando` (UTC; NULL: now): for the demo. */
int
proposta_rispondi(struct request *r, long long id, int accetta,
    const char *motivo, const char *quando)
{
	long long richiesta = db_value(SQL_RICHIESTA_DI, ARGS(ARG_INT("id",
	    id)), 0);

	return rispondi(r, id, richiesta, accetta, motivo, quando, NULL);
}

static int
risposta_save(struct edit *e)
{
	int accetta = strcmp(form_value(&e->form, "esito"), "accetta") == 0;

	e->detail = pool_printf(&e->r->pool, "minore %s",
	    edit_current(e, "minore_id"));
	if (accetta)
		e->saved = "Proposta accettata: l'ufficio fisserà con voi la "
		    "data del trasferimento.";
	return rispondi(e->r, e->id, strtoll(edit_current(e, "richiesta_id"),
	    NULL, 10), accetta, form_value(&e->form, "motivo_rifiuto"), NULL,
	    e);
}

static const char SQL_PROPOSTA_VISTA[] =
    "SELECT p.id, m.numero, m.cittadinanza, m.lingue, m.mediatore,"
    " r.motivo, r.data_prevista,"
    " coalesce(m.data_nascita_accertata, m.data_nascita) AS nascita,"
    " p.sesso, p.fascia FROM posti_proposte p"
    " JOIN minori m ON m.id = p.minore_id"
    " JOIN posti_richieste r ON r.id = p.richiesta_id WHERE p.id = :id";

/* What the facility needs to answer: no name until the minor arrives. */
static int
risposta_page(struct edit *e)
{
	struct row p;
	struct pei_bisogni b;
	char it[11], oggi[11];
	const char *why;
	long long minore;
	int c;

	if (db_row(&e->r->pool, SQL_PROPOSTA_VISTA, ARGS(ARG_INT("id", e->id)),
	    &p) != 1)
		return 500;
	if (e->current.n == 0 && db_row(&e->r->pool, SQL_PROPOSTA,
	    ARGS(ARG_INT("id", e->id)), &e->current) != 1)
		return 500;
	minore = strtoll(edit_current(e, "minore_id"), NULL, 10);
	if (audit_view(e->r, "minore", minore, "posti_proposta") != 0)
		return 500;
	if (pei_bisogni(&e->r->pool, minore, &b) != 0)
		return 500;
	posti_oggi(oggi);
	page_set(e->r, "Proposta.id", row_get(&p, "id"));
	page_set(e->r, "Proposta.numero", row_get(&p, "numero"));
	page_set(e->r, "Proposta.cittadinanza", row_get(&p, "cittadinanza"));
	page_set(e->r, "Proposta.lingue", row_get(&p, "lingue"));
	page_set(e->r, "Proposta.mediatore", row_get(&p, "mediatore"));
	page_set(e->r, "Proposta.motivo", choice_label(richiesta_motivi,
	    richiesta_nmotivi, row_get(&p, "motivo")));
	date_it(row_get(&p, "data_prevista"), it);
	page_set(e->r, "Proposta.prevista", it);
	page_set_int(e->r, "Proposta.eta", date_age(row_get(&p, "nascita"),
	    row_get(&p, "data_prevista")));
	c = struttura_cella(row_get(&p, "sesso"), row_get(&p, "fascia"));
	page_set(e->r, "Proposta.cella", c >= 0 ? strutture_celle[c].label :
	    "");
	date_it(edit_current(e, "scade_il"), it);
	page_set(e->r, "Proposta.scade_il", it);
	if ((why = non_in_attesa(e, oggi)) != NULL)
		page_set(e->r, "Proposta.chiusa", why);
	for (size_t i = 0; i < b.n; i++)
		row_set(page_row(e->r, "Bisogni.v", (int)i), "label",
		    b.v[i].label);
	page_set_int(e->r, "Bisogni.versione", b.versione);
	page_set(e->r, "Bisogni.note", b.note);
	form_page(e->r, &e->form);
	return page_render(e->r, "posti/proposta.cs", "Proposta di un posto");
}

static const char *
risposta_next(struct edit *e)
{
	(void)e;
	return "/minori/posti";
}

const struct record proposta_risposta = {
	.entity = "posti_proposta", .name = "posti/proposta/risposta",
	.title = "Risposta alla proposta",
	.fields = risposta_fields, .nfields = COUNT(risposta_fields),
	.access_edit = risposta_access, .sql_get = SQL_PROPOSTA,
	.check = risposta_check, .save = risposta_save, .page = risposta_page,
	.next = risposta_next,
	.saved = "Risposta inviata all'ufficio.",
	.flags = RECORD_NO_VIEW_AUDIT | RECORD_FRESH_FORM,
};

/* ---- the transfer: its date, then on that date the placement ---- */

static const char SQL_ESEGUITA[] =
    "UPDATE posti_proposte SET stato = 'eseguita',"
    " eseguita_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND stato = 'programmata'";
static const char SQL_FISSA[] =
    "UPDATE posti_proposte SET stato = 'programmata',"
    " data_trasferimento = :data, note = coalesce(:note, ''), scade_il = NULL"
    " WHERE id = :id AND stato IN ('accettata', 'programmata')";

/*
** Makes proposal `id`'s transfer (its date has come), in the caller's
** transaction: the placement moves (the registry's writer and its audit
** row), the proposal and its request are done; with `avvisa`, the
** office is told. 0; 1 refused (*why); -1.
*/
static int
esegui(struct request *r, long long id, const char **why, int avvisa)
{
	struct row p;
	const char *note;
	int rc;

	if (db_row(&r->pool, SQL_DA_FARE, ARGS(ARG_INT("id", id)), &p) != 1)
		return -1;
	note = row_get(&p, "note");
	rc = collocamento_trasferisci(r, strtoll(row_get(&p, "minore_id"),
	    NULL, 10), strtoll(row_get(&p, "struttura_id"), NULL, 10),
	    row_get(&p, "data_trasferimento"), note && *note ? note :
	    "Trasferimento dalla proposta di posto", why);
	if (rc != 0)
		return rc;
	if (db_write(SQL_ESEGUITA, ARGS(ARG_INT("id", id))) != 0 ||
	    db_changes() != 1 || audit_record(r, "update", "posti_proposta", id,
	    NULL, &(const struct change){ "stato", "programmata", "eseguita" },
	    1) < 0)
		return -1;
	if (richiesta_stato(r, strtoll(row_get(&p, "richiesta_id"), NULL, 10),
	    "in_corso", "eseguita", NULL) != 0)
		return -1;
	return avvisa && posti_avvisa(r, id, "eseguita") != 0 ? -1 : 0;
}

/*
** Sets proposal `id`'s transfer date (accepted, or already set), in the
** caller's transaction; a date that has come makes the transfer now
** (told to the office with `avvisa`: not the demo's past ones).
** 0; 1 refused (*why); -1. The caller has checked the rules.
*/
int
proposta_fissa(struct request *r, long long id, const char *data,
    const char *note, const char **why, int avvisa)
{
	char oggi[11];

	posti_oggi(oggi);
	if (db_write(SQL_FISSA, ARGS(ARG_INT("id", id), ARG_TEXT("data", data),
	    ARG_TEXT("note", note))) != 0 || db_changes() != 1)
		return -1;
	if (strcmp(data, oggi) > 0)
		return 0;
	return esegui(r, id, why, avvisa);
}

static const struct field data_fields[] = {
	{ "data_trasferimento", "Data del trasferimento", .type = FIELD_DATE,
	  .flags = FIELD_REQUIRED | FIELD_FUTURE, .hint = "gg/mm/aaaa: oggi o "
	  "una data passata fanno il trasferimento subito" },
	{ "note", "Note sul trasferimento (nella storia dei collocamenti)",
	  .type = FIELD_TEXTAREA, .max = 1000 },
};

static int
data_access(struct edit *e)
{
	return db_value(SQL_STRUTTURA_DI, ARGS(ARG_INT("id", e->id)), 0) > 0 ?
	    0 : 404;
}

static void
data_check(struct edit *e)
{
	const char *stato = edit_current(e, "stato");
	const char *scade = edit_current(e, "scade_il");
	const char *data = form_value(&e->form, "data_trasferimento");
	const char *dal = edit_current(e, "collocamento_dal");
	const char *ms = edit_current(e, "minore_stato");
	char oggi[11];

	posti_oggi(oggi);
	if (stato == NULL || (strcmp(stato, "accettata") != 0 &&
	    strcmp(stato, "programmata") != 0))
		form_fail(&e->form, "data_trasferimento", "La data si fissa "
		    "quando la struttura ha accettato la proposta.");
	else if (strcmp(stato, "accettata") == 0 && scade &&
	    strcmp(scade, oggi) < 0)
		form_fail(&e->form, "data_trasferimento", "La proposta è "
		    "scaduta senza una data: proponi di nuovo il minore.");
	else if (ms && strcmp(ms, "in_carico") != 0 &&
	    strcmp(ms, "in_prosieguo") != 0)
		form_fail(&e->form, "data_trasferimento", "Il minore non è più "
		    "in carico né in prosieguo.");
	else if (data && dal && strcmp(data, dal) < 0)
		form_fail(&e->form, "data_trasferimento", "Il trasferimento "
		    "non può precedere l'inizio del collocamento attuale.");
	else if (data && strcmp(data, edit_current(e, "proposta_dal")) < 0)
		form_fail(&e->form, "data_trasferimento", "Il trasferimento "
		    "non può precedere la proposta.");
}

static int
data_save(struct edit *e)
{
	const char *data = form_value(&e->form, "data_trasferimento");
	const char *why = NULL;
	char oggi[11], it[11];
	size_t ns;
	const struct choice *nomi = strutture_nomi(&ns);
	int rc;

	posti_oggi(oggi);
	edit_change(e, "stato", edit_current(e, "stato"), "programmata");
	e->detail = pool_printf(&e->r->pool, "minore %s",
	    edit_current(e, "minore_id"));
	rc = proposta_fissa(e->r, e->id, data, form_value(&e->form, "note"),
	    &why, 1);
	if (rc != 0) {
		/* The rules were checked: a refusal now is a bug. */
		if (rc > 0)
			log_error("posti: transfer %lld refused after its "
			    "check", e->id);
		return -1;
	}
	date_it(data, it);
	e->saved = strcmp(data, oggi) <= 0 ? pool_printf(&e->r->pool,
	    "Trasferimento fatto: il minore è ora in %s.", choice_label(nomi,
	    ns, edit_current(e, "struttura_id"))) : pool_printf(&e->r->pool,
	    "Trasferimento programmato per il %s: quel giorno il collocamento "
	    "cambierà da solo.", it);
	return 0;
}

static int
data_page(struct edit *e)
{
	long long richiesta = db_value(SQL_RICHIESTA_DI, ARGS(ARG_INT("id",
	    e->id)), 0);

	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", pool_printf(&e->r->pool,
	    "/minori/posti/proposte/%lld/data", e->id));
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", pool_printf(&e->r->pool,
	    "/minori/posti/richieste/%lld", richiesta));
	page_set(e->r, "Section.back_label", "La richiesta di posto");
	return page_render(e->r, "posti/modulo.cs", e->rec->title);
}

static const char *
data_next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/posti/richieste/%s",
	    edit_current(e, "richiesta_id"));
}

const struct record proposta_data = {
	.entity = "posti_proposta", .name = "posti/proposta/data",
	.title = "Data del trasferimento",
	.fields = data_fields, .nfields = COUNT(data_fields),
	.access_edit = data_access, .sql_get = SQL_PROPOSTA,
	.check = data_check, .save = data_save, .page = data_page,
	.next = data_next, .flags = RECORD_NO_VIEW_AUDIT | RECORD_FRESH_FORM,
};

/* ---- withdrawn, expired, due ---- */

static const char SQL_RITIRA[] =
    "UPDATE posti_proposte SET stato = 'annullata', scade_il = NULL,"
    " chiusa_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND stato = :stato";
static const char SQL_VIVE[] =
    "SELECT id, stato FROM posti_proposte WHERE richiesta_id = :richiesta"
    " AND stato IN ('in_attesa', 'accettata', 'programmata')";

/* Withdraws proposal `id` from `stato`, audited and told to the
** facility: 0, 1 if it moved, -1. */
static int
ritira(struct request *r, long long id, const char *stato,
    const char *motivo)
{
	if (db_write(SQL_RITIRA, ARGS(ARG_INT("id", id), ARG_TEXT("stato",
	    stato))) != 0)
		return -1;
	if (db_changes() == 0)
		return 1;
	if (audit_record(r, "update", "posti_proposta", id, motivo,
	    &(const struct change){ "stato", stato, "annullata" }, 1) < 0)
		return -1;
	return posti_avvisa(r, id, "ritirata") != 0 ? -1 : 0;
}

/* Withdraws what request `richiesta`'s proposals hold (it is cancelled). */
int
proposte_ritira(struct request *r, long long richiesta, const char *motivo)
{
	struct row p;
	int rc = db_row(&r->pool, SQL_VIVE, ARGS(ARG_INT("richiesta",
	    richiesta)), &p);

	if (rc <= 0)
		return rc;
	return ritira(r, strtoll(row_get(&p, "id"), NULL, 10),
	    row_get(&p, "stato"), motivo) < 0 ? -1 : 0;
}

/* POST /minori/posti/proposte/N/ritira: the office withdraws it. */
int
proposta_ritira_post(struct request *r)
{
	const char *stato;
	struct row p;
	int rc;

	if (db_begin_write() != 0)
		return 500;
	if ((rc = db_row(&r->pool, SQL_STATO_DI, ARGS(ARG_INT("id", r->id[0])),
	    &p)) != 1) {
		db_rollback();
		return rc < 0 ? 500 : 404;
	}
	stato = row_get(&p, "stato");
	rc = strcmp(stato, "in_attesa") != 0 && strcmp(stato, "accettata") != 0
	    && strcmp(stato, "programmata") != 0 ? 1 : ritira(r, r->id[0],
	    stato, "ritirata dall'ufficio");
	if (rc == 0)
		rc = richiesta_stato(r, strtoll(row_get(&p, "richiesta_id"),
		    NULL, 10), "in_corso", "aperta", NULL) < 0 ? -1 : 0;
	if (rc < 0)
		return 500;
	if (rc > 0) {
		db_rollback();
		session_set_errore(r, "Questa proposta non tiene più un "
		    "posto.");
	} else {
		session_set_avviso(r, "Proposta ritirata: il posto è di nuovo "
		    "libero.");
		if (db_commit() != 0)
			return 500;
	}
	return response_redirect(r, pool_printf(&r->pool,
	    "/minori/posti/richieste/%s", row_get(&p, "richiesta_id")));
}

static const char SQL_SCADUTE[] =
    "SELECT id, richiesta_id, stato FROM posti_proposte"
    " WHERE stato IN ('in_attesa', 'accettata') AND scade_il < :oggi"
    " AND (:richiesta = 0 OR richiesta_id = :richiesta) ORDER BY id";
static const char SQL_SCADE[] =
    "UPDATE posti_proposte SET stato = 'scaduta',"
    " chiusa_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND stato = :stato";

/*
** Records the proposals past their last day (of request `richiesta`, or
** all: 0) as expired, their requests open again; in the caller's
** transaction, audited. How many, or -1.
*/
int
proposte_scadute(struct request *r, const char *oggi, long long richiesta)
{
	struct stmt *st = db_query(SQL_SCADUTE, ARGS(ARG_TEXT("oggi", oggi),
	    ARG_INT("richiesta", richiesta)));
	long long (*v)[2] = NULL;
	const char **stato = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	while (db_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
			stato = xrealloc(stato, cap * sizeof(*stato));
		}
		v[n][0] = db_int(st, "id");
		v[n][1] = db_int(st, "richiesta_id");
		stato[n++] = pool_strdup(&r->pool, db_text(st, "stato"));
	}
	db_done(st);
	for (size_t i = 0; i < n && rc == 0; i++)
		if (db_write(SQL_SCADE, ARGS(ARG_INT("id", v[i][0]),
		    ARG_TEXT("stato", stato[i]))) != 0 || audit_record(r,
		    "update", "posti_proposta", v[i][0], "scaduta", &(const
		    struct change){ "stato", stato[i], "scaduta" }, 1) < 0 ||
		    richiesta_stato(r, v[i][1], "in_corso", "aperta", NULL) < 0)
			rc = -1;
	free(v);
	free(stato);
	return rc < 0 || db_failed() ? -1 : (int)n;
}

static const char SQL_DOVUTE[] =
    "SELECT id FROM posti_proposte WHERE stato = 'programmata'"
    " AND data_trasferimento <= :oggi ORDER BY data_trasferimento, id";
static const char SQL_ANNULLA[] =
    "UPDATE posti_proposte SET stato = 'annullata',"
    " chiusa_il = strftime('%Y-%m-%d %H:%M:%S', 'now'), note = :note"
    " WHERE id = :id AND stato = 'programmata'";

/*
** Makes the transfers whose date has come, each in a transaction of its
** own: how many were made (*annullate: those the registry refused, now
** withdrawn with the reason, their requests cancelled), or -1.
*/
int
proposte_dovute(struct request *r, const char *oggi, int *annullate)
{
	struct stmt *st = db_query(SQL_DOVUTE, ARGS(ARG_TEXT("oggi", oggi)));
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int fatti = 0;

	*annullate = 0;
	while (db_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			ids = xrealloc(ids, cap * sizeof(*ids));
		}
		ids[n++] = db_int(st, "id");
	}
	db_done(st);
	for (size_t i = 0; i < n; i++) {
		const char *why = NULL;
		int rc;

		if (db_begin_write() != 0)
			break;
		rc = esegui(r, ids[i], &why, 1);
		if (rc == 1) {
			long long q = db_value(SQL_RICHIESTA_DI,
			    ARGS(ARG_INT("id", ids[i])), 0);

			if (db_write(SQL_ANNULLA, ARGS(ARG_INT("id", ids[i]),
			    ARG_TEXT("note", why))) != 0 || audit_record(r,
			    "update", "posti_proposta", ids[i], why,
			    &(const struct change){ "stato", "programmata",
			    "annullata" }, 1) < 0 || richiesta_stato(r, q,
			    "in_corso", "annullata", why) < 0)
				rc = -1;
			else
				(*annullate)++;
		} else if (rc == 0)
			fatti++;
		if (rc < 0) {
			db_rollback();
			log_error("posti: transfer of proposal %lld failed",
			    ids[i]);
			continue;
		}
		if (db_commit() != 0)
			log_error("posti: transfer of proposal %lld not "
			    "committed", ids[i]);
	}
	free(ids);
	return fatti;
}

/* ---- lists ---- */

static const char SQL_DELLA_RICHIESTA[] =
    "SELECT p.id, p.struttura_id, " STATO_OGGI " AS stato,"
    " strftime('%d/%m/%Y', p.proposta_il, 'localtime') AS proposta_il,"
    " coalesce(u.nome, '') AS da, coalesce(p.scade_il, '') AS scade_il,"
    " coalesce(strftime('%d/%m/%Y', p.risposta_il, 'localtime'), '')"
    " AS risposta_il, coalesce(p.motivo_rifiuto, '') AS motivo_rifiuto,"
    " coalesce(p.data_trasferimento, '') AS data"
    " FROM posti_proposte p LEFT JOIN utenti u ON u.id = p.proposta_da"
    " WHERE p.richiesta_id = :richiesta ORDER BY p.id DESC LIMIT 50";

/* The facilities' names, for a list's callback. */
struct nomi {
	const struct choice *c;
	size_t n;
};

static void
riga_richiesta(HDF *row, struct stmt *st, void *ctx)
{
	const struct nomi *k = ctx;

	row_set(row, "struttura", choice_label(k->c, k->n, db_text(st,
	    "struttura_id")));
	row_set(row, "stato_label", choice_label(proposta_stati,
	    COUNT(proposta_stati), db_text(st, "stato")));
	row_set_date(row, "scade_il", db_text(st, "scade_il"));
	row_set_date(row, "data", db_text(st, "data"));
}

/* Proposte: request `richiesta`'s proposals, the latest first. */
int
proposte_della_richiesta(struct request *r, long long richiesta)
{
	char oggi[11];
	struct nomi k;

	posti_oggi(oggi);
	k.c = strutture_nomi(&k.n);
	return page_rows(r, "Proposte", db_query(SQL_DELLA_RICHIESTA,
	    ARGS(ARG_INT("richiesta", richiesta), ARG_TEXT("oggi", oggi))), 0,
	    riga_richiesta, &k);
}

static const char SQL_DELLA_STRUTTURA[] =
    "SELECT p.id, p.richiesta_id, m.numero, p.sesso, p.fascia,"
    " r.data_prevista, " STATO_OGGI " AS stato,"
    " coalesce(p.scade_il, '') AS scade_il,"
    " coalesce(p.data_trasferimento, '') AS data"
    " FROM posti_proposte p JOIN minori m ON m.id = p.minore_id"
    " JOIN posti_richieste r ON r.id = p.richiesta_id"
    " WHERE p.struttura_id = :struttura AND (p.stato IN ('in_attesa',"
    " 'accettata', 'programmata') OR p.id IN (SELECT id FROM posti_proposte"
    " WHERE struttura_id = :struttura ORDER BY id DESC LIMIT 20))"
    " ORDER BY p.stato NOT IN ('in_attesa', 'accettata', 'programmata'),"
    " p.id DESC";

static void
riga_struttura(HDF *row, struct stmt *st, void *ctx)
{
	int c = struttura_cella(db_text(st, "sesso"), db_text(st, "fascia"));

	(void)ctx;
	row_set(row, "id", db_text(st, "id"));
	row_set(row, "richiesta", db_text(st, "richiesta_id"));
	row_set(row, "numero", db_text(st, "numero"));
	row_set(row, "cella", c >= 0 ? strutture_celle[c].label : "");
	row_set_date(row, "prevista", db_text(st, "data_prevista"));
	row_set(row, "stato", db_text(st, "stato"));
	row_set(row, "stato_label", choice_label(proposta_stati,
	    COUNT(proposta_stati), db_text(st, "stato")));
	row_set_date(row, "scade_il", db_text(st, "scade_il"));
	row_set_date(row, "data", db_text(st, "data"));
}

/* ProposteStruttura: the proposals made to facility `struttura`. */
int
proposte_della_struttura(struct request *r, long long struttura)
{
	char oggi[11];

	posti_oggi(oggi);
	return page_rows_own(r, "ProposteStruttura", db_query(
	    SQL_DELLA_STRUTTURA, ARGS(ARG_INT("struttura", struttura),
	    ARG_TEXT("oggi", oggi))), 0, riga_struttura, NULL);
}
