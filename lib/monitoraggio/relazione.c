/*
** The facility's periodic report on each minor placed with it (monthly
** by default, APPRODO_RELAZIONE_MESI): attendance at school or a course,
** Italian L2, health, behaviour and relationships, progress on the PEI's
** actions given to the facility, notes. The facility writes a draft and
** sends it when complete; sent, it never changes (sql/012's trigger); the
** office marks it read with its feedback, which the facility sees. The
** facility's page (/minori/struttura) lists its minors with what is due.
** The only writer of relazioni.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"
#include "pei.h"
#include "session.h"
#include "settings.h"

#define TEXT .type = FIELD_TEXTAREA, .max = 8000
static const struct field before[] = {
	{ "periodo", "Mese della relazione", .type = FIELD_TEXT, .max = 7,
	  .flags = FIELD_REQUIRED, .hint = "mm/aaaa", .group = "Il mese" },
	{ "scuola", "Frequenza della scuola o del corso", TEXT },
	{ "italiano", "Progressi in italiano L2", TEXT },
	{ "salute", "Salute", TEXT },
	{ "comportamento", "Comportamento e relazioni", TEXT },
};
/* After the PEI's actions, one field each (avanzamento_N). */
#define AZIONI_GRUPPO "Le azioni del PEI affidate alla struttura"
static const struct field after[] = {
	{ "azioni", "Altre attività con il minore", TEXT,
	  .hint = "Anche le azioni chieste dall'ufficio",
	  .group = AZIONI_GRUPPO },
	{ "note", "Note", TEXT, .group = "Altro" },
};
/* What a report must say before it is sent (and each action's progress). */
static const char *const needed[] = { "scuola", "italiano", "salute",
    "comportamento" };

/*
** The PEI's actions a report tells the progress of: those it already
** tells (the PEI may have changed since), then the open ones the PEI in
** force gives the facility now. Strings in `pool`; their number.
*/
#define AZIONI_MAX 24
static const char SQL_RIGHE[] =
    "SELECT azione_id, cosa, entro, avanzamento FROM relazioni_azioni"
    " WHERE relazione_id = :relazione ORDER BY rowid";

static size_t
report_actions(struct pool *p, long long minore, long long relazione,
    struct pei_azione *out, size_t max)
{
	struct pei_azione now[AZIONI_MAX];
	struct stmt *st;
	size_t n = 0, k = 0, nnow;

	if (relazione) {
		st = db_query(SQL_RIGHE, ARGS(ARG_INT("relazione", relazione)));
		while (n < max && db_step(st) == SQLITE_ROW) {
			out[n].id = db_int(st, "azione_id");
			out[n].cosa = pool_strdup(p, db_text(st, "cosa"));
			out[n].entro = pool_strdup(p, db_text(st, "entro"));
			n++;
		}
		db_done(st);
	}
	nnow = pei_azioni_in_vigore(p, minore, "struttura", now, COUNT(now));
	for (; k < nnow && n < max; k++) {
		size_t i = 0;

		while (i < n && out[i].id != now[k].id)
			i++;
		if (i == n)
			out[n++] = now[k];
	}
	return n;
}

/* The form: the fixed fields, a field per action of the PEI (e->data). */
struct azioni {
	struct pei_azione v[AZIONI_MAX];
	size_t n;
};

static size_t
fields_make(struct edit *e, struct field *out)
{
	struct pool *p = &e->r->pool;
	struct azioni *a = pool_alloc(p, sizeof *a);
	size_t n = 0;

	a->n = report_actions(p, e->r->id[0], e->id, a->v, COUNT(a->v));
	e->data = a;
	for (size_t i = 0; i < COUNT(before); i++)
		out[n++] = before[i];
	for (size_t i = 0; i < a->n; i++) {
		out[n] = (struct field){ .name = pool_printf(p,
		    "avanzamento_%lld", a->v[i].id), .label = *a->v[i].entro ?
		    pool_printf(p, "%s (entro il %s)", a->v[i].cosa,
		    a->v[i].entro) : a->v[i].cosa, TEXT };
		if (i == 0)
			out[n].group = AZIONI_GRUPPO;
		n++;
	}
	for (size_t i = 0; i < COUNT(after); i++) {
		out[n] = after[i];
		if (a->n > 0 && strcmp(out[n].name, "azioni") == 0)
			out[n].group = NULL;	/* in the actions' group */
		n++;
	}
	return n;
}

/* The progress told of each action, as its field's stored value. */
static int
load(struct edit *e)
{
	struct stmt *st = db_query(SQL_RIGHE, ARGS(ARG_INT("relazione",
	    e->id)));

	while (db_step(st) == SQLITE_ROW)
		row_add(&e->r->pool, &e->current, pool_printf(&e->r->pool,
		    "avanzamento_%lld", db_int(st, "azione_id")),
		    db_is_null(st, "avanzamento") ? NULL : db_text(st,
		    "avanzamento"));
	db_done(st);
	return db_failed() ? -1 : 0;
}

/* The months between two reports. */
static int
mesi(void)
{
	static int n;

	if (n == 0)
		n = (int)config_int("APPRODO_RELAZIONE_MESI", 1, 1, 12);
	return n;
}

/* "mm/aaaa" -> "aaaa-mm" in out[8]; 0, or -1 if it is not a month. */
static int
periodo_iso(const char *s, char out[8])
{
	int m, y;
	char end;

	if (s == NULL || sscanf(s, "%2d/%4d%c", &m, &y, &end) != 2 || m < 1 ||
	    m > 12 || y < 2000 || y > 2100 || strlen(s) != 7)
		return -1;
	snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
	return 0;
}

/* The period this month belongs to ("2026-12"), for the facility's page. */
static void
periodo_corrente(char out[8])
{
	char today[11];
	int y, m;

	date_today(today);
	if (sscanf(today, "%4d-%2d", &y, &m) != 2 || y < 2000 || y > 9999 ||
	    m < 1 || m > 12) {
		memcpy(out, today, 7);
		out[7] = '\0';
		return;
	}
	m = ((m - 1) / mesi()) * mesi() + 1;
	snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
}

static const char SQL_GET[] =
    "SELECT substr(periodo, 6, 2) || '/' || substr(periodo, 1, 4) AS periodo,"
    " scuola, italiano, salute, comportamento, azioni, note, stato,"
    " minore_id, struttura_id FROM relazioni WHERE id = :id";

/*
** A facility writes the reports of the minors placed with it now; a
** report is its own and still a draft. The office only reads and marks.
*/
static int
access_edit(struct edit *e)
{
	struct request *r = e->r;
	int rc;

	if (r->user.role != ROLE_STRUTTURA) {
		audit_now(r, "permission_denied", "minore", r->id[0],
		    "relazione");
		return 403;
	}
	if ((rc = minore_access(r, r->id[0], 0)) != 0)
		return rc;
	if (e->id && db_value("SELECT minore_id FROM relazioni WHERE id = :id"
	    " AND struttura_id = :struttura", ARGS(ARG_INT("id", e->id),
	    ARG_INT("struttura", r->user.struttura_id)), 0) != r->id[0])
		return 404;
	return 0;
}

static void
defaults(struct edit *e)
{
	char p[8], it[8];

	/* A new report is for this period; a stored one the editor loads. */
	periodo_corrente(p);
	snprintf(it, sizeof it, "%.2s/%.4s", p + 5, p);
	form_set(e->r, &e->form, "periodo", pool_strdup(&e->r->pool, it));
}

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	char p[8];

	if (e->id) {
		const char *stato = edit_current(e, "stato");

		if (stato == NULL || strcmp(stato, "bozza") != 0) {
			form_fail(f, NULL, "Questa relazione è già stata inviata "
			    "all'ufficio: non si modifica più.");
			return;
		}
	}
	if (periodo_iso(form_value(f, "periodo"), p) != 0)
		form_fail(f, "periodo", "Scrivi il mese come mm/aaaa, per "
		    "esempio 11/2026.");
	else if (db_value("SELECT 1 FROM relazioni WHERE minore_id = :minore"
	    " AND struttura_id = :struttura AND periodo = :periodo AND id <> :id",
	    ARGS(ARG_INT("minore", e->r->id[0]), ARG_INT("struttura",
	    e->r->user.struttura_id), ARG_TEXT("periodo", p), ARG_INT("id",
	    e->id)), 0) == 1)
		form_fail(f, "periodo", "C'è già una relazione di questo mese "
		    "per questo minore: continua quella.");
}

static const char SQL_ADD[] =
    "INSERT INTO relazioni (minore_id, struttura_id, periodo, scuola,"
    " italiano, salute, comportamento, azioni, note, autore_id) VALUES"
    " (:minore, :struttura, :periodo_iso, :scuola, :italiano, :salute,"
    " :comportamento, :azioni, :note, :autore)";
static const char SQL_INVIA[] =
    "UPDATE relazioni SET stato = 'inviata', inviata_da = :utente,"
    " inviata_il = strftime('%Y-%m-%d %H:%M:%S', 'now')"
    " WHERE id = :id AND stato = 'bozza'";
static const char SQL_SET[] =
    "UPDATE relazioni SET periodo = :periodo_iso, scuola = :scuola,"
    " italiano = :italiano, salute = :salute, comportamento = :comportamento,"
    " azioni = :azioni, note = :note WHERE id = :id AND stato = 'bozza'";

static const char SQL_RIGA_SET[] =
    "INSERT INTO relazioni_azioni (relazione_id, azione_id, cosa, entro,"
    " avanzamento) VALUES (:relazione, :azione, :cosa, :entro, :avanzamento)"
    " ON CONFLICT (relazione_id, azione_id) DO UPDATE"
    " SET avanzamento = excluded.avanzamento"
    " WHERE avanzamento IS NOT excluded.avanzamento";
static const char SQL_RIGA_DEL[] =
    "DELETE FROM relazioni_azioni WHERE relazione_id = :relazione"
    " AND azione_id = :azione";

/* Action `a`'s progress in report `relazione`: 0, or -1. */
static int
riga_set(long long relazione, const struct pei_azione *a,
    const char *avanzamento)
{
	return db_write(SQL_RIGA_SET, ARGS(ARG_INT("relazione", relazione),
	    ARG_INT("azione", a->id), ARG_TEXT("cosa", a->cosa),
	    ARG_TEXT("entro", a->entro), ARG_TEXT("avanzamento", avanzamento)));
}

/* Each action's progress: told, or (empty) not. */
static int
save_actions(struct edit *e)
{
	const struct azioni *a = e->data;

	for (size_t i = 0; i < a->n; i++) {
		const char *v = form_value(&e->form, pool_printf(&e->r->pool,
		    "avanzamento_%lld", a->v[i].id));

		if (v ? riga_set(e->id, &a->v[i], v) : db_write(SQL_RIGA_DEL,
		    ARGS(ARG_INT("relazione", e->id), ARG_INT("azione",
		    a->v[i].id))))
			return -1;
	}
	return 0;
}

static int
save(struct edit *e)
{
	struct stmt *st = db_prepare(e->id ? SQL_SET : SQL_ADD);
	char p[8];
	int rc;

	if (periodo_iso(form_value(&e->form, "periodo"), p) != 0)
		return -1;
	form_bind(&e->form, st);
	db_bind_text(st, "periodo_iso", p);
	if (e->id)
		db_bind_int(st, "id", e->id);
	else {
		db_bind_int(st, "minore", e->r->id[0]);
		db_bind_int(st, "struttura", e->r->user.struttura_id);
		db_bind_int(st, "autore", e->r->user.id);
	}
	rc = db_step(st);
	db_done(st);
	if (rc < 0)
		return -1;
	if (e->id == 0)
		e->id = db_last_id();
	e->detail = pool_printf(&e->r->pool, "minore %lld", e->r->id[0]);
	return save_actions(e);
}

/*
** A report written and sent by the demo's facility user for case
** `minore`, month `periodo` ("2026-11"); its id, or -1.
*/
long long
relazione_scrivi(struct request *r, long long minore, const char *periodo)
{
	struct pei_azione a[AZIONI_MAX];
	size_t n;
	long long id = db_insert(SQL_ADD, ARGS(ARG_INT("minore", minore),
	    ARG_INT("struttura", r->user.struttura_id),
	    ARG_TEXT("periodo_iso", periodo),
	    ARG_TEXT("scuola", "Frequenta il CPIA quattro mattine su cinque."),
	    ARG_TEXT("italiano", "Capisce le consegne, parla a frasi brevi."),
	    ARG_TEXT("salute", "Bene; visita dal medico di base fatta."),
	    ARG_TEXT("comportamento", "Sereno, ha fatto amicizia con due "
	    "ragazzi della comunità."),
	    ARG_TEXT("azioni", "Accompagnato all'iscrizione; frequenza "
	    "seguita ogni giorno."), ARG_TEXT("note", NULL),
	    ARG_INT("autore", r->user.id)));

	if (id <= 0)
		return -1;
	n = pei_azioni_in_vigore(&r->pool, minore, "struttura", a, COUNT(a));
	for (size_t i = 0; i < n; i++)
		if (riga_set(id, &a[i], "Avviata: il ragazzo è accompagnato "
		    "ogni settimana.") != 0)
			return -1;
	if (db_write(SQL_INVIA, ARGS(ARG_INT("id", id),
	    ARG_INT("utente", r->user.id))) != 0 || audit_record(r, "create",
	    "relazione", id, pool_printf(&r->pool, "minore %lld", minore),
	    NULL, 0) < 0)
		return -1;
	return id;
}

static int
page(struct edit *e)
{
	int rc = fascicolo_header(e->r, e->r->id[0], 0);

	if (rc != 0)
		return rc;
	form_page(e->r, &e->form);
	page_set(e->r, "Section.action", e->id ? pool_printf(&e->r->pool,
	    "/minori/%lld/relazioni/%lld", e->r->id[0], e->id) :
	    pool_printf(&e->r->pool, "/minori/%lld/relazioni/nuova",
	    e->r->id[0]));
	page_set(e->r, "Section.title", e->rec->title);
	page_set(e->r, "Section.back", "/minori/struttura");
	if (e->id)
		page_set(e->r, "Section.invia", pool_printf(&e->r->pool,
		    "/minori/%lld/relazioni/%lld/invia", e->r->id[0], e->id));
	return page_render(e->r, "monitoraggio/modulo.cs", e->rec->title);
}

static const char *
next(struct edit *e)
{
	(void)e;
	return "/minori/struttura";
}

#define RELAZIONE .entity = "relazione", .owner = "minore", \
	.fields_make = fields_make, .sql_get = SQL_GET, .load = load, \
	.access_edit = access_edit, .defaults = defaults, .check = check, \
	.save = save, .page = page, .next = next, \
	.saved = "Bozza della relazione salvata: inviala quando è completa."

const struct record relazione_nuova = {
	RELAZIONE, .name = "relazioni/nuova", .title = "Relazione periodica",
};
const struct record relazione_modifica = {
	RELAZIONE, .name = "relazioni", .title = "Relazione periodica",
};

/* Sending refused: back to the draft, told why. */
static int
incomplete(struct request *r, const char *why)
{
	db_rollback();
	session_set_errore(r, why);
	return response_redirect(r, pool_printf(&r->pool,
	    "/minori/%lld/relazioni/%lld", r->id[0], r->id[1]));
}

/* The actions report r->id[1] must tell the progress of. */
static long long
count_actions(struct request *r)
{
	struct pei_azione a[AZIONI_MAX];

	return (long long)report_actions(&r->pool, r->id[0], r->id[1], a,
	    COUNT(a));
}
static const char SQL_CON_AVANZAMENTO[] =
    "SELECT count(*) FROM relazioni_azioni WHERE relazione_id = :relazione"
    " AND avanzamento IS NOT NULL";

/* POST /minori/N/relazioni/M/invia: sent when complete, then fixed. */
int
relazione_invia_post(struct request *r)
{
	struct edit e;
	struct row v;
	int rc;

	memset(&e, 0, sizeof e);
	e.r = r;
	e.id = r->id[1];
	if ((rc = access_edit(&e)) != 0)
		return rc;
	if (db_begin_write() != 0)
		return 500;
	if (db_row(&r->pool, SQL_GET, ARGS(ARG_INT("id", r->id[1])), &v) != 1)
		return 500;
	for (size_t i = 0; i < COUNT(needed); i++)
		if (row_get(&v, needed[i]) == NULL)
			return incomplete(r, "La relazione non è completa: "
			    "scrivi frequenza, italiano, salute e comportamento, "
			    "poi inviala.");
	if (db_value(SQL_CON_AVANZAMENTO, ARGS(ARG_INT("relazione",
	    r->id[1])), 0) < count_actions(r))
		return incomplete(r, "La relazione non è completa: scrivi "
		    "come va ciascuna azione del PEI affidata alla struttura, "
		    "poi inviala.");
	if (db_write(SQL_INVIA, ARGS(ARG_INT("id", r->id[1]), ARG_INT("utente",
	    r->user.id))) != 0)
		return 500;
	if (db_changes() == 0) {
		db_rollback();
		session_set_errore(r, "La relazione era già stata inviata.");
	} else {
		audit_record(r, "update", "relazione", r->id[1], pool_printf(
		    &r->pool, "minore %lld", r->id[0]), &(const struct change){
		    "stato", "bozza", "inviata" }, 1);
		session_set_avviso(r, "Relazione inviata all'ufficio.");
		if (db_commit() != 0)
			return 500;
	}
	return response_redirect(r, "/minori/struttura");
}

static const char SQL_LETTA[] =
    "UPDATE relazioni SET stato = 'letta', letta_da = :utente,"
    " letta_il = strftime('%Y-%m-%d %H:%M:%S', 'now'), riscontro = :riscontro"
    " WHERE id = :id AND minore_id = :minore AND stato = 'inviata'";

/* POST /minori/N/relazioni/M/letta: the office has read it (feedback). */
int
relazione_letta_post(struct request *r)
{
	const char *riscontro = request_post(r, "riscontro");
	int rc;

	if ((rc = minore_access(r, r->id[0], 1)) != 0)
		return rc;
	if (riscontro && *riscontro == '\0')
		riscontro = NULL;
	if (riscontro && (!utf8_valid(riscontro, strlen(riscontro)) ||
	    utf8_len(riscontro) > 4000))
		return 400;
	if (db_begin_write() != 0)
		return 500;
	if (db_write(SQL_LETTA, ARGS(ARG_INT("id", r->id[1]), ARG_INT("minore",
	    r->id[0]), ARG_INT("utente", r->user.id), ARG_TEXT("riscontro",
	    riscontro))) != 0)
		return 500;
	if (db_changes() == 0) {
		db_rollback();
		session_set_errore(r, "Questa relazione non è da leggere: è una "
		    "bozza o è già stata letta.");
	} else {
		audit_record(r, "update", "relazione", r->id[1], pool_printf(
		    &r->pool, "minore %lld", r->id[0]), (const struct change[]){
		    { "stato", "inviata", "letta" }, { "riscontro", NULL,
		    riscontro } }, riscontro ? 2 : 1);
		session_set_avviso(r, "Presa visione registrata.");
		if (db_commit() != 0)
			return 500;
	}
	return response_redirect(r, pool_printf(&r->pool,
	    "/minori/%lld/monitoraggio#relazioni", r->id[0]));
}

#define RELAZIONE_COLONNE \
    "r.id, r.minore_id, substr(r.periodo, 6, 2) || '/' ||" \
    " substr(r.periodo, 1, 4) AS periodo, r.stato, r.scuola, r.italiano," \
    " r.salute, r.comportamento, r.azioni, r.note, r.riscontro," \
    " coalesce(s.nome, '') AS struttura, coalesce(l.nome, '') AS letta_da," \
    " strftime('%d/%m/%Y', r.letta_il, 'localtime') AS letta_il," \
    " strftime('%d/%m/%Y', r.inviata_il, 'localtime') AS inviata_il"

static const char SQL_DEL_CASO[] =
    "SELECT " RELAZIONE_COLONNE " FROM relazioni r"
    " LEFT JOIN strutture s ON s.id = r.struttura_id"
    " LEFT JOIN utenti l ON l.id = r.letta_da"
    " WHERE r.minore_id = :minore AND r.stato <> 'bozza'"
    " ORDER BY r.periodo DESC, r.id DESC LIMIT 60";

/* A report's progress of each PEI action, as its list "pei". */
static void
relazione_row(HDF *row, struct stmt *st, void *ctx)
{
	struct stmt *q = db_query(SQL_RIGHE, ARGS(ARG_INT("relazione",
	    db_int(st, "id"))));
	char k[40];

	(void)ctx;
	for (int i = 0; db_step(q) == SQLITE_ROW; i++)
		for (int c = 1; c < 4; c++) {
			snprintf(k, sizeof k, "pei.%d.%s", i,
			    db_column_name(q, c));
			row_set(row, k, db_text_at(q, c));
		}
	db_done(q);
}

/* Relazioni: the reports the office has received on the case. */
int
relazioni_del_caso(struct request *r, long long minore)
{
	return page_rows(r, "Relazioni", db_query(SQL_DEL_CASO,
	    ARGS(ARG_INT("minore", minore))), 0, relazione_row, NULL);
}

/*
** The facility's minors now, with this period's report of each: a page
** of them in name order (the index minori_struttura_nome), or those found
** by name (minori_nomi) or by code.
*/
#define PAGINA 25
#define MINORI_COLONNE \
    "SELECT m.id, m.numero, m.cognome, m.nome, r.id AS relazione," \
    " coalesce(r.stato, '') AS stato"
#define MINORI_RELAZIONE \
    " LEFT JOIN relazioni r ON r.minore_id = m.id" \
    " AND r.struttura_id = m.struttura_id AND r.periodo = :periodo"
#define MINORI_ORDINE \
    " ORDER BY m.cognome COLLATE NOCASE, m.nome COLLATE NOCASE, m.id" \
    " LIMIT 26 OFFSET :salta"
enum { TUTTI, PER_CODICE, PER_NOME };
static const char *const SQL_MINORI[] = {
	/* all: from the index alone (sql/014) */
	[TUTTI] = MINORI_COLONNE " FROM minori m" MINORI_RELAZIONE
	" WHERE m.struttura_id = :struttura AND :q IS NULL" MINORI_ORDINE,
	[PER_CODICE] = MINORI_COLONNE " FROM minori m" MINORI_RELAZIONE
	" WHERE m.struttura_id = :struttura AND (m.numero = :q"
	" OR m.cui = :q OR m.codice_fiscale = :q)" MINORI_ORDINE,
	[PER_NOME] = MINORI_COLONNE " FROM minori_nomi f"
	" JOIN minori m ON m.id = f.rowid" MINORI_RELAZIONE
	" WHERE minori_nomi MATCH :q AND m.struttura_id = :struttura"
	MINORI_ORDINE,
};
static const struct field cerca[] = {	/* q first: error[0] */
	{ "q", "Cerca un minore", .type = FIELD_TEXT, .max = 100,
	  .hint = "Nome e cognome, o numero del fascicolo" },
	{ "pagina", "Pagina", .type = FIELD_INT, .min = 1, .max = 100000 },
};

/* Struttura.minori: a page of them, or those found; and their number. */
static void
struttura_minori(struct request *r, const char *periodo)
{
	struct form f;
	struct buf fts = { 0 };
	const char *q;
	char *code = NULL;
	long long pagina;
	int by_name = 0, n;

	form_init(&f, cerca, COUNT(cerca));
	form_read(r, &f);
	q = form_value(&f, "q");
	if (q && (by_name = minori_cerca(&r->pool, q, &fts, &code)) < 0)
		form_fail(&f, "q", "Scrivi almeno una lettera del nome o il"
		    " numero del fascicolo.");
	/* A wrong page (not typed: a link's) is the first. */
	if (f.error[0] != NULL) {
		form_page(r, &f);
		buf_free(&fts);
		return;
	}
	pagina = form_value(&f, "pagina") ? form_int(&f, "pagina") : 1;
	n = page_rows(r, "Struttura.minori", db_query(SQL_MINORI[q == NULL ?
	    TUTTI : by_name ? PER_NOME : PER_CODICE],
	    ARGS(ARG_TEXT("periodo", periodo), ARG_INT("struttura",
	    r->user.struttura_id), ARG_TEXT("q", by_name ? fts.p : code),
	    ARG_INT("salta", (pagina - 1) * PAGINA))), PAGINA, NULL, NULL);
	buf_free(&fts);
	form_page(r, &f);
	page_pagine(r, "Struttura", pagina, n, PAGINA);
}

/* What the office answered lately. */
static const char SQL_RISPOSTE[] =
    "SELECT " RELAZIONE_COLONNE ", m.cognome, m.nome FROM relazioni r"
    " JOIN minori m ON m.id = r.minore_id"
    " LEFT JOIN strutture s ON s.id = r.struttura_id"
    " LEFT JOIN utenti l ON l.id = r.letta_da"
    " WHERE r.struttura_id = :struttura AND r.stato = 'letta'"
    " ORDER BY r.letta_il DESC LIMIT 20";

/* The follow-up actions given to the facility, for its minors now. */
static const char SQL_AZIONI[] =
    "SELECT m.id AS minore_id, m.cognome, m.nome, a.cosa,"
    " strftime('%d/%m/%Y', a.entro) AS entro,"
    " a.entro < date('now', 'localtime') AS scaduta"
    " FROM azioni_seguito a CROSS JOIN minori m ON m.id = a.minore_id"
    " WHERE a.stato = 'aperta' AND a.chi = 'struttura'"
    " AND m.struttura_id = :struttura ORDER BY a.entro IS NULL, a.entro"
    " LIMIT 200";

/*
** Its actions, drawn once and kept until versioni's azioni_struttura
** moves (sql/014) or the day changes (what is overdue).
*/
static int
struttura_azioni(struct request *r)
{
	char oggi[11];
	const char *key, *html;

	date_today(oggi);
	key = pool_printf(&r->pool, "struttura/%lld/%lld/%s",
	    r->user.struttura_id, versione("azioni_struttura"), oggi);
	if ((html = page_kept(key)) == NULL) {
		pei_azioni_struttura(r, r->user.struttura_id, "Struttura.pei");
		page_rows(r, "Struttura.azioni", db_query(SQL_AZIONI,
		    ARGS(ARG_INT("struttura", r->user.struttura_id))), 0,
		    NULL, NULL);
		if (db_failed() || (html = page_keep(r,
		    "monitoraggio/struttura_azioni.cs", key)) == NULL)
			return -1;
	}
	page_set(r, "Struttura.azioni_html", html);
	return 0;
}

/* GET /minori/struttura: the facility's page. */
int
struttura_pagina(struct request *r)
{
	char p[8], it[8];

	if (r->user.role != ROLE_STRUTTURA || r->user.struttura_id == 0)
		return 403;
	periodo_corrente(p);
	snprintf(it, sizeof it, "%.2s/%.4s", p + 5, p);
	if (db_begin_read() != 0)
		return 500;
	struttura_minori(r, p);
	page_rows(r, "Struttura.risposte", db_query(SQL_RISPOSTE,
	    ARGS(ARG_INT("struttura", r->user.struttura_id))), 0, NULL, NULL);
	if (struttura_azioni(r) != 0) {
		db_end_read();
		return 500;
	}
	page_set(r, "Struttura.nome", db_string(&r->pool, "SELECT nome FROM"
	    " strutture WHERE id = :id", ARGS(ARG_INT("id",
	    r->user.struttura_id))));
	db_end_read();
	page_set(r, "Struttura.periodo", it);
	return page_render(r, "monitoraggio/struttura.cs", "La mia struttura");
}
