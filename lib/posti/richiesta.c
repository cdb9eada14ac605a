/*
** A request for a place: a case worker asks a place for a minor of
** theirs (/minori/posti/richieste/nuova, by case number: no name in a
** URL) for second reception, a change of facility or the 18-21
** extension, with the expected transfer date; the request's page
** (/minori/posti/richieste/N) shows the minor, the needs from the PEI,
** the proposals made and, while no proposal holds a place, the
** facilities that fit, best first; the office's list of requests by
** where they stand (/minori/posti/richieste). One request at a time per
** minor. The only writer of posti_richieste.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "minori.h"
#include "page.h"
#include "session.h"

const struct choice richiesta_motivi[] = {
	{ "seconda_accoglienza", "Passaggio in seconda accoglienza" },
	{ "cambio", "Cambio di struttura" },
	{ "prosieguo", "Prosieguo amministrativo (18-21 anni)" },
};
const size_t richiesta_nmotivi = COUNT(richiesta_motivi);

static const struct choice stati[] = {
	{ "aperta", "Da proporre" },
	{ "in_corso", "Con una proposta in corso" },
	{ "eseguita", "Trasferimento fatto" },
	{ "annullata", "Annullata" },
};

static const char SQL_INSERT[] =
    "INSERT INTO posti_richieste (minore_id, motivo, tipo, data_prevista,"
    " note, da_struttura_id, richiesta_da, richiesta_il) VALUES (:minore,"
    " :motivo, :tipo, :data_prevista, coalesce(:note, ''),"
    " (SELECT struttura_id FROM minori WHERE id = :minore), :utente,"
    " coalesce(:quando, strftime('%Y-%m-%d %H:%M:%S', 'now')))";
static const char SQL_STATO[] =
    "UPDATE posti_richieste SET stato = :a, chiusa_il = CASE WHEN :a IN"
    " ('eseguita', 'annullata') THEN strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " END, motivo_annullamento = coalesce(:motivo, motivo_annullamento)"
    " WHERE id = :id AND stato = :da";
static const char SQL_APERTA[] =
    "SELECT id FROM posti_richieste WHERE minore_id = :minore"
    " AND stato IN ('aperta', 'in_corso')";

/*
** Moves request `id` from state `da` to `a` (with `motivo` when it is
** cancelled), in the caller's transaction, audited: 0; 1 if it was no
** longer in state `da`; -1.
*/
int
richiesta_stato(struct request *r, long long id, const char *da,
    const char *a, const char *motivo)
{
	if (db_write(SQL_STATO, ARGS(ARG_INT("id", id), ARG_TEXT("da", da),
	    ARG_TEXT("a", a), ARG_TEXT("motivo", motivo))) != 0)
		return -1;
	if (db_changes() == 0)
		return 1;
	return audit_record(r, "update", "posti_richiesta", id, motivo,
	    &(const struct change){ "stato", da, a }, 1) < 0 ? -1 : 0;
}

/* A request made at `quando` (UTC; NULL: now), audited: for the demo. */
long long
richiesta_scrivi(struct request *r, long long minore, const char *motivo,
    const char *tipo, const char *prevista, const char *note,
    const char *quando)
{
	long long id = db_insert(SQL_INSERT, ARGS(ARG_INT("minore", minore),
	    ARG_TEXT("motivo", motivo), ARG_TEXT("tipo", tipo),
	    ARG_TEXT("data_prevista", prevista), ARG_TEXT("note", note),
	    ARG_ID("utente", r->user.id), ARG_TEXT("quando", quando)));

	if (id > 0 && audit_record(r, "create", "posti_richiesta", id,
	    pool_printf(&r->pool, "minore %lld", minore), NULL, 0) < 0)
		return -1;
	return id;
}

/* ---- the new request's form ---- */

#define F_TIPO 2
static const struct field fields[] = {
	{ "numero", "Numero del fascicolo", .type = FIELD_TEXT, .max = 20,
	  .flags = FIELD_REQUIRED, .hint = "Es. MSNA-2026-00012" },
	{ "motivo", "Motivo", .type = FIELD_CHOICE, .flags = FIELD_REQUIRED,
	  .choices = richiesta_motivi, .nchoices = COUNT(richiesta_motivi) },
	{ "tipo", "Tipo di struttura cercato (facoltativo)",
	  .type = FIELD_CHOICE,
	  .hint = "Vuoto: ogni tipo adatto al motivo" },
	{ "data_prevista", "Data prevista del trasferimento",
	  .type = FIELD_DATE, .flags = FIELD_REQUIRED | FIELD_FUTURE,
	  .hint = "gg/mm/aaaa" },
	{ "note", "Note per l'ufficio", .type = FIELD_TEXTAREA, .max = 2000 },
};

static void
fields_load(struct field *f, size_t n)
{
	(void)n;
	/* Not a foster family: that is the affido's path. */
	f[F_TIPO].choices = strutture_tipi;
	f[F_TIPO].nchoices = strutture_ntipi - 1;
}

static const char SQL_NUMERO[] =
    "SELECT id, stato, coalesce(data_nascita_accertata, data_nascita)"
    " AS nascita FROM minori WHERE numero = :numero";

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *numero = form_value(f, "numero");
	const char *prevista = form_value(f, "data_prevista");
	const char *motivo = form_value(f, "motivo");
	char oggi[11];
	struct row m;
	long long id;

	posti_oggi(oggi);
	if (prevista && strcmp(prevista, oggi) < 0)
		form_fail(f, "data_prevista", "La data prevista non può essere "
		    "già passata.");
	if (numero == NULL)
		return;
	if (db_row(&e->r->pool, SQL_NUMERO, ARGS(ARG_TEXT("numero", numero)),
	    &m) != 1) {
		form_fail(f, "numero", "Non c'è un fascicolo con questo "
		    "numero.");
		return;
	}
	id = strtoll(row_get(&m, "id"), NULL, 10);
	/* Only for a case the user may change; the refusal is audited
	** after the form's transaction is rolled back (e->denied). */
	if (minore_access(e->r, id, 1) != 0) {
		form_fail(f, "numero", "Non puoi chiedere un posto per questo "
		    "fascicolo: non è tra i tuoi.");
		e->denied = pool_printf(&e->r->pool, "minore %lld", id);
		return;
	}
	if (strcmp(row_get(&m, "stato"), "in_carico") != 0 &&
	    strcmp(row_get(&m, "stato"), "in_prosieguo") != 0)
		form_fail(f, "numero", "Il minore non è in carico né in "
		    "prosieguo: non gli serve un posto.");
	else if (db_value(SQL_APERTA, ARGS(ARG_INT("minore", id)), 0) > 0)
		form_fail(f, "numero", "C'è già una richiesta di posto aperta "
		    "per questo minore: la trovi nell'elenco delle richieste.");
	if (motivo && prevista && strcmp(motivo, "prosieguo") == 0 &&
	    date_age(row_get(&m, "nascita"), prevista) < 18)
		form_fail(f, "motivo", "Il prosieguo amministrativo è per chi "
		    "ha compiuto 18 anni alla data prevista.");
	e->data = pool_printf(&e->r->pool, "%lld", id);
}

static int
save(struct edit *e)
{
	long long m = strtoll(e->data, NULL, 10);
	struct stmt *st = db_prepare(SQL_INSERT);
	int rc;

	form_bind(&e->form, st);
	db_bind_args(st, ARGS(ARG_INT("minore", m), ARG_ID("utente",
	    e->r->user.id), ARG_TEXT("quando", NULL)));
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	e->id = db_last_id();
	e->detail = pool_printf(&e->r->pool, "minore %lld", m);
	return 0;
}

static int
page(struct edit *e)
{
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", "/minori/posti/richieste/nuova");
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", "/minori/posti/richieste");
	page_set(e->r, "Section.back_label", "Richieste di posto");
	return page_render(e->r, "posti/modulo.cs", e->rec->title);
}

static const char *
next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/minori/posti/richieste/%lld", e->id);
}

const struct record richiesta_nuova = {
	.entity = "posti_richiesta", .name = "posti/richieste/nuova",
	.title = "Richiesta di un posto",
	.fields = fields, .nfields = COUNT(fields), .fields_load = fields_load,
	.access = record_any, .check = check, .save = save, .page = page,
	.next = next,
	.saved = "Richiesta registrata: ora l'ufficio può proporre il minore "
	    "a una struttura.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

/* ---- the request's page ---- */

static const char SQL_LEGGI[] =
    "SELECT r.id, r.minore_id, coalesce(m.struttura_id, 0) AS corrente,"
    " m.numero, m.cognome, m.nome, m.sesso,"
    " coalesce(m.data_nascita_accertata, m.data_nascita) AS nascita,"
    " m.cittadinanza, m.stato AS minore_stato, r.motivo,"
    " coalesce(r.tipo, '') AS tipo, r.data_prevista, r.stato, r.note,"
    " strftime('%d/%m/%Y %H:%M', r.richiesta_il, 'localtime') AS il"
    " FROM posti_richieste r JOIN minori m ON m.id = r.minore_id"
    " WHERE r.id = :id";

#define DUP(col) pool_strdup(pool, db_text(st, col))

/* Request `id` and its minor (strings in `pool`): 0, 404 or -1. */
int
richiesta_leggi(struct pool *pool, long long id, struct posti_richiesta *q)
{
	struct stmt *st = db_query(SQL_LEGGI, ARGS(ARG_INT("id", id)));
	int found = db_step(st) == SQLITE_ROW;

	if (found) {
		q->id = id;
		q->minore = db_int(st, "minore_id");
		q->da_struttura = db_int(st, "corrente");
		q->numero = DUP("numero");
		q->cognome = DUP("cognome");
		q->nome = DUP("nome");
		q->sesso = DUP("sesso");
		q->nascita = DUP("nascita");
		q->cittadinanza = DUP("cittadinanza");
		q->minore_stato = DUP("minore_stato");
		q->motivo = DUP("motivo");
		q->tipo = *db_text(st, "tipo") ? DUP("tipo") : NULL;
		q->prevista = DUP("data_prevista");
		q->stato = DUP("stato");
		q->note = DUP("note");
		q->richiesta_il = DUP("il");
	}
	db_done(st);
	if (!found)
		return db_failed() ? -1 : 404;
	return 0;
}

static const char SQL_VIVA[] =
    "SELECT id, struttura_id, stato, scade_il FROM posti_proposte"
    " WHERE richiesta_id = :id AND stato IN ('in_attesa', 'accettata',"
    " 'programmata') AND (scade_il IS NULL OR scade_il >= :oggi)";

/* The facilities that fit, best first; those that cannot host the
** minor's sex and age band, by name. */
static void
abbinamento_page(struct request *r, const struct posti_richiesta *q,
    const struct pei_bisogni *b)
{
	struct abbinamento *a;
	size_t n = abbinamento(&r->pool, q, b, &a);
	int k = 0, esclusi = 0;

	for (size_t i = 0; i < n; i++) {
		HDF *row, *l;

		if (a[i].s->capienza[a[i].cella] <= 0) {
			row_set(page_row(r, "Esclusi", esclusi++), "nome",
			    a[i].s->nome);
			continue;
		}
		row = page_row(r, "Abbinamento", k++);
		row_set_int(row, "id", a[i].s->id);
		row_set(row, "nome", a[i].s->nome);
		row_set(row, "tipo", struttura_tipo(a[i].s->tipo));
		row_set_int(row, "liberi", a[i].liberi);
		row_set_int(row, "adatta", a[i].nmanca == 0);
		row_set_int(row, "proponibile", a[i].liberi > 0);
		l = row_node(row, "perche");
		for (size_t j = 0; j < a[i].nperche; j++)
			row_set(row_child(l, "v", (int)j), "t", a[i].perche[j]);
		l = row_node(row, "manca");
		for (size_t j = 0; j < a[i].nmanca; j++)
			row_set(row_child(l, "v", (int)j), "t", a[i].manca[j]);
	}
}

/*
** The ranking, drawn once and kept by the worker under a key that names
** all it shows: the request, the board's counter and the day (the
** facilities' counts, the minor's facility, sex and age), the PEI
** version and its revision (the needs). 0, or -1.
*/
static int
abbinamento_kept(struct request *r, const struct posti_richiesta *q,
    const struct pei_bisogni *b, const char *oggi)
{
	const char *key = pool_printf(&r->pool, "posti/abbinamento/%lld/%lld/%s"
	    "/%lld/%lld", q->id, versione("posti"), oggi, b->pei, b->revisione);
	const char *html = page_kept(key);

	if (html == NULL) {
		abbinamento_page(r, q, b);
		if (db_failed() || (html = page_keep(r, "posti/abbinamento.cs",
		    key)) == NULL)
			return -1;
	}
	page_set(r, "Richiesta.abbinamento_html", html);
	return 0;
}

/* The office's proposal: the refused form `f` as it was sent, or new. */
static void
proposta_form(struct request *r, const struct form *f)
{
	struct field fields[1];
	struct form nuova;

	if (f == NULL) {
		memcpy(fields, proposta_nuova.fields, sizeof fields);
		proposta_nuova.fields_load(fields, COUNT(fields));
		form_init(&nuova, fields, COUNT(fields));
		f = &nuova;
	}
	form_page(r, f);
}

static void
bisogni_page(struct request *r, const struct pei_bisogni *b)
{
	page_set_int(r, "Bisogni.versione", b->versione);
	if (b->versione == 0)
		return;
	page_set(r, "Bisogni.stato", b->stato);
	page_set(r, "Bisogni.livello", b->livello);
	page_set(r, "Bisogni.note", b->note);
	for (size_t i = 0; i < b->n; i++) {
		HDF *row = page_row(r, "Bisogni.v", (int)i);

		row_set(row, "label", b->v[i].label);
		row_set_int(row, "confermato", b->v[i].confermato);
	}
}

/* The request's data, in the caller's read snapshot: 0 or a status. */
static int
disegna(struct request *r, long long id, const struct form *f)
{
	struct posti_richiesta q;
	struct pei_bisogni b;
	struct row viva;
	char oggi[11], it[11];
	const char *fascia;
	size_t ns;
	const struct choice *nomi = strutture_nomi(&ns);
	int rc, cella;

	if ((rc = richiesta_leggi(&r->pool, id, &q)) != 0)
		return rc < 0 ? 500 : rc;
	if (pei_bisogni(&r->pool, q.minore, &b) != 0)
		return 500;
	posti_oggi(oggi);
	fascia = abbinamento_cella(&q, &cella);
	page_set_int(r, "Richiesta.id", q.id);
	page_set_int(r, "Richiesta.minore", q.minore);
	page_set(r, "Richiesta.numero", q.numero);
	page_set(r, "Richiesta.cognome", q.cognome);
	page_set(r, "Richiesta.nome", q.nome);
	page_set(r, "Richiesta.sesso", strcmp(q.sesso, "F") == 0 ? "Femmina" :
	    "Maschio");
	page_set_int(r, "Richiesta.eta", date_age(q.nascita, q.prevista));
	page_set(r, "Richiesta.cella", cella >= 0 ?
	    strutture_celle[cella].label : fascia);
	page_set(r, "Richiesta.cittadinanza", q.cittadinanza);
	page_set(r, "Richiesta.motivo", choice_label(richiesta_motivi,
	    COUNT(richiesta_motivi), q.motivo));
	page_set(r, "Richiesta.tipo", q.tipo ? struttura_tipo(q.tipo) : "");
	date_it(q.prevista, it);
	page_set(r, "Richiesta.prevista", it);
	page_set(r, "Richiesta.note", q.note);
	page_set(r, "Richiesta.il", q.richiesta_il);
	page_set(r, "Richiesta.corrente", q.da_struttura ? choice_label(nomi,
	    ns, pool_printf(&r->pool, "%lld", q.da_struttura)) : "");
	page_set(r, "Richiesta.stato", q.stato);
	page_set(r, "Richiesta.stato_label", choice_label(stati, COUNT(stati),
	    q.stato));
	page_set_int(r, "Richiesta.ufficio", r->user.role ==
	    ROLE_RESPONSABILE);
	bisogni_page(r, &b);
	proposte_della_richiesta(r, id);
	rc = db_row(&r->pool, SQL_VIVA, ARGS(ARG_INT("id", id),
	    ARG_TEXT("oggi", oggi)), &viva);
	if (rc < 0)
		return 500;
	if (rc == 1) {
		page_set(r, "Viva.id", row_get(&viva, "id"));
		page_set(r, "Viva.stato", row_get(&viva, "stato"));
		page_set(r, "Viva.struttura", choice_label(nomi, ns,
		    row_get(&viva, "struttura_id")));
		if (row_get(&viva, "scade_il")) {
			date_it(row_get(&viva, "scade_il"), it);
			page_set(r, "Viva.scade_il", it);
		}
	} else if (strcmp(q.stato, "aperta") == 0 ||
	    strcmp(q.stato, "in_corso") == 0) {
		/* Nothing holds a place (an expired proposal does not). */
		page_set(r, "Richiesta.da_proporre", "1");
		if (abbinamento_kept(r, &q, &b, oggi) != 0)
			return 500;
		if (r->user.role == ROLE_RESPONSABILE)
			proposta_form(r, f);
	}
	if (f && f->nerrors > 0)
		page_set(r, "Richiesta.errore", f->error[0]);
	return db_failed() ? 500 : 0;
}

/*
** Draws request `id`'s page; `f`, a refused proposal's form (its error
** shown at the top), or NULL.
*/
int
richiesta_disegna(struct request *r, long long id, const struct form *f)
{
	int rc;

	if (db_begin_read() != 0)
		return 500;
	rc = disegna(r, id, f);
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "posti/richiesta.cs", "Richiesta di un posto");
}

static const char SQL_MINORE[] =
    "SELECT minore_id FROM posti_richieste WHERE id = :id";

/* GET /minori/posti/richieste/N: a view of the minor's case. */
int
richiesta_get(struct request *r)
{
	long long minore = db_value(SQL_MINORE, ARGS(ARG_INT("id", r->id[0])),
	    0);
	int rc;

	if (minore == 0)
		return 404;
	if ((rc = minore_access(r, minore, 0)) != 0)
		return rc;
	if (audit_view(r, "minore", minore, "posti") != 0)
		return 500;
	return richiesta_disegna(r, r->id[0], NULL);
}

/* ---- the office's list ---- */

static const char SQL_APERTE[] =
    "SELECT r.id, m.numero, m.cognome, m.nome, r.motivo, r.data_prevista,"
    " CAST(julianday(:oggi) - julianday(date(r.richiesta_il, 'localtime'))"
    " AS INTEGER) AS giorni, p.stato AS pstato, p.struttura_id,"
    " coalesce(p.data_trasferimento, p.scade_il) AS quando"
    " FROM posti_richieste r JOIN minori m ON m.id = r.minore_id"
    " LEFT JOIN posti_proposte p ON p.richiesta_id = r.id"
    " AND p.stato IN ('in_attesa', 'accettata', 'programmata')"
    " AND (p.scade_il IS NULL OR p.scade_il >= :oggi)"
    " WHERE r.stato IN ('aperta', 'in_corso')"
    " ORDER BY r.data_prevista, r.id LIMIT 500";
static const char SQL_CHIUSE[] =
    "SELECT r.id, m.numero, m.cognome, m.nome, r.motivo, r.stato,"
    " strftime('%d/%m/%Y', r.chiusa_il, 'localtime') AS chiusa"
    " FROM posti_richieste r JOIN minori m ON m.id = r.minore_id"
    " WHERE r.stato IN ('eseguita', 'annullata')"
    " AND r.chiusa_il >= datetime('now', '-30 days')"
    " ORDER BY r.chiusa_il DESC LIMIT 50";

static void
chiusa(HDF *row, struct stmt *st, void *ctx)
{
	(void)ctx;
	row_set(row, "motivo", choice_label(richiesta_motivi,
	    COUNT(richiesta_motivi), db_text(st, "motivo")));
	row_set(row, "stato", choice_label(stati, COUNT(stati),
	    db_text(st, "stato")));
}

/* GET /minori/posti/richieste: the open requests by where they stand. */
int
richieste_elenco(struct request *r)
{
	static const char *const liste[] = { "Aperte.proporre",
	    "Aperte.in_attesa", "Aperte.accettata", "Aperte.programmata" };
	int n[COUNT(liste)] = { 0 };
	char oggi[11], it[11];
	size_t ns;
	const struct choice *nomi;
	struct stmt *st;

	posti_oggi(oggi);
	if (db_begin_read() != 0)
		return 500;
	nomi = strutture_nomi(&ns);
	st = db_query(SQL_APERTE, ARGS(ARG_TEXT("oggi", oggi)));
	while (db_step(st) == SQLITE_ROW) {
		const char *p = db_text(st, "pstato");
		size_t k = !*p ? 0 : strcmp(p, "in_attesa") == 0 ? 1 :
		    strcmp(p, "accettata") == 0 ? 2 : 3;
		HDF *row = page_row(r, liste[k], n[k]++);

		row_set(row, "id", db_text(st, "id"));
		row_set(row, "numero", db_text(st, "numero"));
		row_set(row, "minore", pool_printf(&r->pool, "%s %s",
		    db_text(st, "cognome"), db_text(st, "nome")));
		row_set(row, "motivo", choice_label(richiesta_motivi,
		    COUNT(richiesta_motivi), db_text(st, "motivo")));
		row_set_date(row, "prevista", db_text(st, "data_prevista"));
		row_set(row, "giorni", db_text(st, "giorni"));
		if (k > 0) {
			row_set(row, "struttura", choice_label(nomi, ns,
			    db_text(st, "struttura_id")));
			date_it(db_text(st, "quando"), it);
			row_set(row, "quando", it);
		}
	}
	db_done(st);
	page_rows(r, "Chiuse", db_query(SQL_CHIUSE, NO_ARGS), 0, chiusa, NULL);
	db_end_read();
	return page_render(r, "posti/richieste.cs", "Richieste di posto");
}

/* ---- cancelling ---- */

/* POST /minori/posti/richieste/N/annulla: by the case's writers. */
int
richiesta_annulla_post(struct request *r)
{
	const char *motivo = request_post(r, "motivo");
	struct posti_richiesta q;
	int rc;

	if ((rc = richiesta_leggi(&r->pool, r->id[0], &q)) != 0)
		return rc < 0 ? 500 : rc;
	if ((rc = minore_access(r, q.minore, 1)) != 0)
		return rc;
	if (motivo && (utf8_len(motivo) > 500 || !*motivo))
		motivo = NULL;
	if (db_begin_write() != 0)
		return 500;
	rc = proposte_ritira(r, q.id, "richiesta annullata");
	if (rc == 0)
		rc = richiesta_stato(r, q.id, q.stato, "annullata", motivo ?
		    motivo : "annullata dall'ufficio");
	if (rc < 0)
		return 500;
	if (rc > 0 || (strcmp(q.stato, "aperta") != 0 &&
	    strcmp(q.stato, "in_corso") != 0)) {
		db_rollback();
		session_set_errore(r, "La richiesta è già chiusa.");
	} else {
		session_set_avviso(r, "Richiesta annullata: i posti che teneva "
		    "sono di nuovo liberi.");
		if (db_commit() != 0)
			return 500;
	}
	return response_redirect(r, pool_printf(&r->pool,
	    "/minori/posti/richieste/%lld", q.id));
}

/* ---- the case's timeline ---- */

static const char SQL_CRONOLOGIA[] =
    "SELECT 'richiesta' AS k, r.id, date(r.richiesta_il, 'localtime')"
    " AS data, r.motivo AS dettaglio, 0 AS struttura_id"
    " FROM posti_richieste r WHERE r.minore_id = :minore"
    " UNION ALL SELECT 'proposta:' || p.stato, p.richiesta_id,"
    " date(p.proposta_il, 'localtime'), coalesce(p.motivo_rifiuto, ''),"
    " p.struttura_id FROM posti_proposte p WHERE p.minore_id = :minore";

/* The requests for a place and the proposals made, on the timeline. */
int
posti_cronologia(struct request *r, long long minore, struct eventi *e)
{
	struct stmt *st = db_query(SQL_CRONOLOGIA, ARGS(ARG_INT("minore",
	    minore)));
	size_t ns;
	const struct choice *nomi = strutture_nomi(&ns);

	while (db_step(st) == SQLITE_ROW) {
		const char *k = db_text(st, "k");
		const char *href = pool_printf(&r->pool,
		    "/minori/posti/richieste/%s", db_text(st, "id"));

		if (strcmp(k, "richiesta") == 0)
			eventi_add(e, db_text(st, "data"), "posti", "Posti",
			    "Richiesta di un posto", choice_label(
			    richiesta_motivi, COUNT(richiesta_motivi),
			    db_text(st, "dettaglio")), href);
		else
			eventi_add(e, db_text(st, "data"), "posti", "Posti",
			    pool_printf(&r->pool, "Proposto a %s (%s)",
			    choice_label(nomi, ns, db_text(st, "struttura_id")),
			    choice_label(proposta_stati, proposta_nstati,
			    k + 9)), db_text(st, "dettaglio"), href);
	}
	db_done(st);
	return db_failed() ? -1 : 0;
}
