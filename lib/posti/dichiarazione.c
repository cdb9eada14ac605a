/*
** What a facility declares free: its user, at /minori/posti/dichiarazione,
** gives the free places of each cell it has places in (sex and age
** band), at most its authorised places, with a note; each declaration is
** a new row with its time and its author, never changed. Only the
** facility's own places: the facility is the user's, never one named by
** the request. The only writer of posti_dichiarazioni.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

static const char SQL_INSERT[] =
    "INSERT INTO posti_dichiarazioni (struttura_id, quando, utente_id,"
    " liberi_m_6_13, liberi_m_14_17, liberi_m_18_21, liberi_f_6_13,"
    " liberi_f_14_17, liberi_f_18_21, note) VALUES (:struttura,"
    " coalesce(:quando, strftime('%Y-%m-%d %H:%M:%S', 'now')), :utente,"
    " :m_6_13, :m_14_17, :m_18_21, :f_6_13, :f_14_17, :f_18_21,"
    " coalesce(:note, ''))";

/* Writes one declaration; its id, or -1. */
static long long
insert(struct request *r, long long struttura,
    const int liberi[STRUTTURE_CELLE], const char *note, const char *quando)
{
	struct stmt *st = db_prepare(SQL_INSERT);
	int rc;

	for (int c = 0; c < STRUTTURE_CELLE; c++)
		db_bind_int(st, strutture_celle[c].chiave, liberi[c]);
	db_bind_args(st, ARGS(ARG_INT("struttura", struttura),
	    ARG_TEXT("quando", quando), ARG_ID("utente", r->user.id),
	    ARG_TEXT("note", note)));
	rc = db_step(st);
	db_done(st);
	return rc < 0 ? -1 : db_last_id();
}

/*
** A declaration of facility `struttura` made at `quando` (UTC, NULL:
** now), in the caller's transaction, audited as `r`: for the demo. Its
** id, or -1.
*/
long long
dichiarazione_scrivi(struct request *r, long long struttura,
    const int liberi[STRUTTURE_CELLE], const char *quando)
{
	long long id = insert(r, struttura, liberi, NULL, quando);

	if (id > 0 && audit_record(r, "create", "posti_dichiarazione", id,
	    pool_printf(&r->pool, "struttura %lld", struttura), NULL, 0) < 0)
		return -1;
	return id;
}

static const char SQL_CAPIENZA[] =
    "SELECT nome, posti_m_6_13, posti_m_14_17, posti_m_18_21, posti_f_6_13,"
    " posti_f_14_17, posti_f_18_21 FROM strutture WHERE id = :id";

/* The facility's authorised places, cell by cell (-1 if unknown). */
static void
capienza(long long struttura, int out[STRUTTURE_CELLE])
{
	struct stmt *st = db_query(SQL_CAPIENZA, ARGS(ARG_INT("id",
	    struttura)));
	int found = db_step(st) == SQLITE_ROW;

	for (int c = 0; c < STRUTTURE_CELLE; c++) {
		char col[24];

		snprintf(col, sizeof col, "posti_%s",
		    strutture_celle[c].chiave);
		out[c] = found ? (int)db_int(st, col) : -1;
	}
	db_done(st);
}

/* A field for each cell the facility has places in (all, if none). */
static size_t
fields_make(struct edit *e, struct field *out)
{
	static char names[STRUTTURE_CELLE][24], labels[STRUTTURE_CELLE][64];
	int cap[STRUTTURE_CELLE], any = 0;
	size_t n = 0;

	capienza(e->r->user.struttura_id, cap);
	for (int c = 0; c < STRUTTURE_CELLE; c++)
		any |= cap[c] > 0;
	for (int c = 0; c < STRUTTURE_CELLE; c++) {
		if (any && cap[c] <= 0)
			continue;
		snprintf(names[c], sizeof names[c], "liberi_%s",
		    strutture_celle[c].chiave);
		snprintf(labels[c], sizeof labels[c], "%s: posti liberi",
		    strutture_celle[c].label);
		out[n++] = (struct field){ .name = names[c],
		    .label = labels[c], .type = FIELD_INT,
		    .flags = FIELD_REQUIRED, .min = 0, .max = 500,
		    .group = n == 0 ? "Posti liberi oggi" : NULL };
	}
	out[n++] = (struct field){ .name = "note", .label = "Note per "
	    "l'ufficio", .type = FIELD_TEXTAREA, .max = 2000,
	    .hint = "Es. una stanza in ristrutturazione, un'uscita prevista" };
	return n;
}

/* A facility user declares for their own facility only. */
static int
access_edit(struct edit *e)
{
	if (e->r->user.struttura_id <= 0) {
		audit_now(e->r, "permission_denied", "struttura", 0,
		    "dichiarazione");
		return 403;
	}
	return 0;
}

/* The cell of a form's field liberi_<cell>, or -1 (the note). */
static int
cella_di(const struct field *f)
{
	for (int c = 0; c < STRUTTURE_CELLE; c++)
		if (strncmp(f->name, "liberi_", 7) == 0 &&
		    strcmp(f->name + 7, strutture_celle[c].chiave) == 0)
			return c;
	return -1;
}

/* At most the authorised places of each cell. */
static void
check(struct edit *e)
{
	int cap[STRUTTURE_CELLE];

	capienza(e->r->user.struttura_id, cap);
	for (size_t i = 0; i < e->form.n; i++) {
		int c = cella_di(&e->form.fields[i]);

		if (c >= 0 && e->form.value[i] && e->form.num[i] > cap[c])
			form_fail(&e->form, e->form.fields[i].name,
			    pool_printf(&e->r->pool, "Al massimo %d: sono i "
			    "posti autorizzati. Se sono cambiati, avvisa "
			    "l'ufficio.", cap[c]));
	}
}

/* The cells the form has not are declared 0 (no places there). */
static int
save(struct edit *e)
{
	int liberi[STRUTTURE_CELLE] = { 0 };
	long long s = e->r->user.struttura_id;

	for (size_t i = 0; i < e->form.n; i++) {
		int c = cella_di(&e->form.fields[i]);

		if (c >= 0 && e->form.value[i])
			liberi[c] = (int)e->form.num[i];
	}
	e->id = insert(e->r, s, liberi, form_value(&e->form, "note"), NULL);
	e->detail = pool_printf(&e->r->pool, "struttura %lld", s);
	return e->id > 0 ? 0 : -1;
}

static int
page(struct edit *e)
{
	struct posti_conto s;
	int rc = posti_conta(&e->r->pool, e->r->user.struttura_id, &s);

	if (rc != 0)
		return rc < 0 ? 500 : rc;
	form_page(e->r, &e->form);
	page_set(e->r, "Struttura.nome", s.nome);
	for (int c = 0; c < STRUTTURE_CELLE; c++) {
		HDF *row;

		if (s.capienza[c] == 0 && s.occupati[c] == 0 &&
		    s.prenotati[c] == 0)
			continue;
		row = page_row(e->r, "Celle", c);
		row_set(row, "label", strutture_celle[c].label);
		row_set_int(row, "capienza", s.capienza[c]);
		row_set_int(row, "occupati", s.occupati[c]);
		row_set_int(row, "prenotati", s.prenotati[c]);
	}
	if (s.dichiarata) {
		page_set(e->r, "Struttura.il", s.il);
		page_set_int(e->r, "Struttura.giorni", s.giorni);
	}
	return page_render(e->r, "posti/dichiarazione.cs",
	    "Dichiara i posti liberi");
}

static const char *
next(struct edit *e)
{
	(void)e;
	return "/minori/posti";
}

/* Not case data: a facility's places. */
const struct record dichiarazione_nuova = {
	.entity = "posti_dichiarazione", .name = "posti/dichiarazione",
	.title = "Dichiara i posti liberi",
	.fields_make = fields_make, .access_edit = access_edit,
	.check = check, .save = save, .page = page, .next = next,
	.saved = "Dichiarazione registrata: grazie.",
	.flags = RECORD_NO_VIEW_AUDIT,
};

static const char SQL_ELENCO[] =
    "SELECT strftime('%d/%m/%Y %H:%M', d.quando, 'localtime') AS il,"
    " coalesce(u.nome, '') AS utente, d.liberi_m_6_13, d.liberi_m_14_17,"
    " d.liberi_m_18_21, d.liberi_f_6_13, d.liberi_f_14_17, d.liberi_f_18_21,"
    " d.note FROM posti_dichiarazioni d LEFT JOIN utenti u"
    " ON u.id = d.utente_id WHERE d.struttura_id = :struttura"
    " ORDER BY d.id DESC LIMIT 10";

/* Dichiarazioni: the facility's last ten declarations, the latest first. */
int
dichiarazioni_elenco(struct request *r, long long struttura)
{
	struct stmt *st = db_query(SQL_ELENCO, ARGS(ARG_INT("struttura",
	    struttura)));
	int n = 0;

	while (db_step(st) == SQLITE_ROW) {
		HDF *row = page_row(r, "Dichiarazioni", n++);
		struct buf b = { 0 };
		int tot = 0;

		row_set(row, "il", db_text(st, "il"));
		row_set(row, "utente", db_text(st, "utente"));
		row_set(row, "note", db_text(st, "note"));
		for (int c = 0; c < STRUTTURE_CELLE; c++) {
			long long v = db_int(st, pool_printf(&r->pool,
			    "liberi_%s", strutture_celle[c].chiave));

			tot += (int)v;
			if (v > 0)
				buf_printf(&b, "%s%s: %lld", b.n ? "; " : "",
				    strutture_celle[c].label, v);
		}
		row_set_int(row, "totale", tot);
		row_set(row, "dettaglio", b.n ? b.p : "");
		buf_free(&b);
	}
	db_done(st);
	return n;
}
