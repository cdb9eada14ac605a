/*
** The PEI page of a case (/minori/N/pei): one version with every section,
** its history, the versions before it, and the workflow's buttons for
** whoever may press them. The office sees every version; a facility sees
** only the last approved one, and of it only the objectives, the actions
** and the needs it must act on (DOMAIN.md: least privilege). Every view
** is an audit row.
*/
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"
#include "session.h"

const struct choice pei_stati[] = {
	{ "bozza", "Bozza" },
	{ "inviata", "Inviata per l'approvazione" },
	{ "approvata", "Approvata" },
	{ "restituita", "Restituita con osservazioni" },
};
const size_t pei_nstati = COUNT(pei_stati);

static const struct choice eventi[] = {
	{ "aperta", "Aperta" },
	{ "inviata", "Inviata per l'approvazione" },
	{ "approvata", "Approvata" },
	{ "restituita", "Restituita con osservazioni" },
};

#define IT(col) "strftime('%d/%m/%Y', " col ")"
#define IT_TIME(col) "strftime('%d/%m/%Y %H:%M', " col ", 'localtime')"

static const char SQL_VERSIONI[] =
    "SELECT p.id, p.versione, p.stato, " IT_TIME("p.creata") " AS creata,"
    " coalesce(a.nome, '') AS autore, " IT_TIME("p.decisa_il") " AS decisa_il"
    " FROM pei p LEFT JOIN utenti a ON a.id = p.autore_id"
    " WHERE p.minore_id = :minore ORDER BY p.versione DESC";
static const char SQL_VERSIONE[] =
    "SELECT p.id, p.minore_id, p.versione, p.stato, p.autore_id,"
    " coalesce(p.inviata_da, 0) AS inviata_da, p.commento,"
    " coalesce(a.nome, '') AS autore, " IT_TIME("p.creata") " AS creata,"
    " coalesce(i.nome, '') AS inviata_nome, " IT_TIME("p.inviata_il")
    " AS inviata_il, coalesce(d.nome, '') AS decisa_nome,"
    " " IT_TIME("p.decisa_il") " AS decisa_il, p.decisa_il AS decisa_iso,"
    " (SELECT versione FROM pei WHERE id = p.da_versione) AS da_versione,"
    " p.revisione FROM pei p LEFT JOIN utenti a ON a.id = p.autore_id"
    " LEFT JOIN utenti i ON i.id = p.inviata_da"
    " LEFT JOIN utenti d ON d.id = p.decisa_da WHERE p.id = :id";
static const char SQL_EVENTI[] =
    "SELECT e.evento, coalesce(u.nome, '') AS utente,"
    " " IT_TIME("e.quando") " AS quando, e.commento"
    " FROM pei_eventi e LEFT JOIN utenti u ON u.id = e.utente_id"
    " WHERE e.pei_id = :pei ORDER BY e.id";
/* Which version the page shows: the one being written or the last. */
/* The version being worked on (any but approved), if there is one. */
static const char SQL_APERTA[] =
    "SELECT id FROM pei WHERE minore_id = :minore AND stato <> 'approvata'";
/* The last approved version. */
static const char SQL_ULTIMA_APPROVATA[] =
    "SELECT id FROM pei WHERE minore_id = :minore AND stato = 'approvata'"
    " ORDER BY versione DESC LIMIT 1";
static const char SQL_DI[] =
    "SELECT minore_id FROM pei WHERE id = :id";

/* What a facility sees of a version: objectives, actions, its needs. */
static int
facility_sees(const struct sezione *s, const struct field *f)
{
	if (s == &pei_obiettivi || s == &pei_azioni)
		return 1;
	return s == &pei_valutazione && f && strcmp(f->name,
	    "bisogni_struttura") == 0;
}

/* One stored row's values as the page shows them: fields.N.{label,value}. */
static void
values(struct request *r, HDF *row, const struct sezione *s,
    struct stmt *st, int limited)
{
	int n = 0;

	for (size_t i = 0; i < s->rec.nfields; i++) {
		const struct field *f = &s->rec.fields[i];
		const char *v;
		HDF *c;

		if (limited && !facility_sees(s, f))
			continue;
		v = sezione_value(f, db_text(st, f->name), &r->pool);
		if (v == NULL)
			continue;
		c = row_child(row, "fields", n++);
		row_set(c, "label", f->label);
		row_set(c, "value", v);
		row_set(c, "name", f->name);
	}
	row_set_int(row, "nfields", n);
}

/* Pei.<section>.rows: a scheda's row or a list's rows of version `id`. */
static void
section(struct request *r, const struct sezione *s, long long id,
    int limited)
{
	char key[64];
	HDF *node;
	struct stmt *st;
	int n = 0;

	snprintf(key, sizeof key, "Pei.%s", s->rec.name);
	node = page_node(r, key);
	row_set(node, "title", s->rec.title);
	st = sezione_rows(s, id);
	while (db_step(st) == SQLITE_ROW) {
		HDF *row;

		if (s->parent) {
			/* An action: under its objective's row. */
			char path[96];

			snprintf(path, sizeof path, "Pei.obiettivi.by.%lld",
			    db_int(st, "parent"));
			row = row_child(page_node(r, path), "azioni",
			    (int)hdf_get_int_value(page_node(r, path), "n", 0));
			hdf_set_int_value(page_node(r, path), "n",
			    hdf_get_int_value(page_node(r, path), "n", 0) + 1);
		} else
			row = row_child(node, "rows", n);
		n++;
		if (s->list)
			row_set_int(row, "id", db_int(st, "id"));
		values(r, row, s, st, limited);
		if (s == &pei_obiettivi) {
			char path[96], link[64];
			NEOERR *err;

			snprintf(path, sizeof path, "Pei.obiettivi.rows.%d",
			    n - 1);
			snprintf(link, sizeof link, "Pei.obiettivi.by.%lld",
			    db_int(st, "id"));
			err = hdf_set_symlink(r->hdf, link, path);
			nerr_ignore(&err);
		}
	}
	db_done(st);
	row_set_int(node, "n", n);
}

/* Pei.vulnerabilita: every category, assessed or not. */
static void
assessments(struct request *r, long long id)
{
	struct stmt *st = vulnerabilita_rows(id);
	size_t nesiti;
	const struct choice *esiti = vulnerabilita_esiti(&nesiti);
	HDF *node = page_node(r, "Pei.vulnerabilita");

	for (size_t i = 0; i < pei_ncategorie; i++) {
		HDF *c = row_child(node, "rows", (int)i);

		row_set(c, "n", pei_categorie[i].value);
		row_set(c, "categoria", pei_categorie[i].label);
	}
	while (db_step(st) == SQLITE_ROW) {
		long long k = db_int(st, "categoria");
		HDF *c;
		char it[11];

		if (k < 1 || k > (long long)pei_ncategorie)
			continue;
		c = row_child(node, "rows", (int)k - 1);
		row_set(c, "esito_code", db_text(st, "esito"));
		row_set(c, "esito", choice_label(esiti, nesiti,
		    db_text(st, "esito")));
		date_it(db_text(st, "data"), it);
		row_set(c, "data", it);
		row_set(c, "fonte", db_text(st, "fonte"));
		row_set(c, "note", db_text(st, "note"));
		row_set(c, "indicatori", vulnerabilita_indicatori(&r->pool,
		    db_text(st, "indicatori")));
	}
	db_done(st);
}

/* May this user write (submit) the case's PEI? Approve or return it? */
static int
can_write(const struct request *r)
{
	return hdf_get_int_value(r->hdf, "Case.can_edit", 0) &&
	    role_can(r->user.role, &pei_scrittura);
}

static int read_version(struct request *, long long minore, long long id,
    struct form *, int stampa, int limited);

/* The responsabile's decision on a submitted version. */
static const struct field decisione_fields[] = {
	{ "decisione", "Decisione", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED, .choices = (const struct choice[]){
	  { "approva", "Approva" }, { "restituisci", "Restituisci" } },
	  .nchoices = 2 },
	{ "commento", "Osservazioni per chi ha scritto il PEI",
	  .type = FIELD_TEXTAREA, .max = 4000,
	  .hint = "Obbligatorie se restituisci la versione" },
};

/*
** The page of version `id` of minor `minore`'s PEI (0: none yet). With
** `form`, the decision form comes back with its error.
*/
static int
show(struct request *r, long long minore, long long id, struct form *form,
    int stampa)
{
	int limited = minore_limited(r), rc;

	/* A page of many queries: one snapshot, one lock (nothing writes). */
	if (db_begin_read() != 0)
		return 500;
	rc = read_version(r, minore, id, form, stampa, limited);
	db_end_read();
	if (rc != 0)
		return rc;
	if (stampa)
		return page_render(r, "pei/stampa.cs", "PEI da stampare");
	return page_render(r, "pei/pei.cs", "PEI");
}

/* What show() draws, read into the page's data; 0, or a status. */
static int
read_version(struct request *r, long long minore, long long id,
    struct form *form, int stampa, int limited)
{
	const char *key, *html;
	struct form empty;
	struct row v;
	int rc;

	if ((rc = fascicolo_header(r, minore, !limited)) != 0)
		return rc;
	if (!limited)
		page_rows(r, "Pei.versioni", db_query(SQL_VERSIONI,
		    ARGS(ARG_INT("minore", minore))), 0, row_label,
		    &(struct label){ "stato", "stato_label", pei_stati,
		    pei_nstati });
	page_set_int(r, "Pei.can_write", !stampa && can_write(r));
	page_set_int(r, "Pei.stampa", stampa);
	page_set_int(r, "Pei.aperta", db_value(SQL_APERTA, ARGS(ARG_INT("minore",
	    minore)), 0) != 0);
	/* The decision form's fields, empty until a decision comes back. */
	if (form == NULL) {
		form_init(&empty, decisione_fields, COUNT(decisione_fields));
		form = &empty;
	}
	form_page(r, form);
	if (!limited) {
		/* The case's legal path, as it stands (not a version's). */
		for (size_t i = 0; pei_percorso[i]; i++)
			section(r, pei_percorso[i], minore, 0);
		percorso_page(r, minore);
	}
	if (id == 0)
		return 0;
	if (db_row(&r->pool, SQL_VERSIONE, ARGS(ARG_INT("id", id)), &v) != 1)
		return 500;
	{
		HDF *n = page_node(r, "Pei.v");
		const char *stato = row_get(&v, "stato");
		int mine = strtoll(row_get(&v, "autore_id"), NULL, 10) ==
		    r->user.id || strtoll(row_get(&v, "inviata_da"), NULL, 10) ==
		    r->user.id;

		for (size_t i = 0; i < v.n; i++)
			if (v.value[i])
				row_set(n, v.name[i], v.value[i]);
		row_set(n, "stato_label", choice_label(pei_stati, pei_nstati,
		    stato));
		row_set_int(n, "scrivibile", strcmp(stato, "bozza") == 0 ||
		    strcmp(stato, "restituita") == 0);
		row_set_int(n, "decidibile", strcmp(stato, "inviata") == 0 &&
		    role_can(r->user.role, &pei_approvazione));
		row_set_int(n, "mia", mine);
		if (strcmp(stato, "approvata") == 0 && row_get(&v,
		    "decisa_iso")) {
			char verifica[11];

			pei_verifica_entro(row_get(&v, "decisa_iso"),
			    pei_verifica_mesi(), verifica);
			row_set_date(n, "verifica", verifica);
		}
	}
	if (!limited)
		page_rows(r, "Pei.eventi", db_query(SQL_EVENTI,
		    ARGS(ARG_INT("pei", id))), 0, row_label, &(struct label){
		    "evento", "evento_label", eventi, COUNT(eventi) });
	/*
	** The sections, drawn once per revision of the version and kept:
	** the key names all they depend on (the version's content and
	** state, what this user may see and do there, paper or screen).
	*/
	key = pool_printf(&r->pool, "pei/%lld/%s/%s/%d%d%d", id,
	    row_get(&v, "revisione"), row_get(&v, "stato"), limited,
	    hdf_get_int_value(r->hdf, "Pei.can_write", 0), stampa);
	if ((html = page_kept(key)) == NULL) {
		for (size_t i = 0; pei_sezioni[i]; i++)
			if (!limited || facility_sees(pei_sezioni[i], NULL) ||
			    pei_sezioni[i] == &pei_valutazione)
				section(r, pei_sezioni[i], id, limited);
		if (!limited)
			assessments(r, id);
		if (db_failed() || (html = page_keep(r, "pei/contenuto.cs",
		    key)) == NULL)
			return 500;
	}
	page_set(r, "Pei.contenuto", html);
	if (!limited && strcmp(row_get(&v, "stato"), "approvata") == 0)
		firma_page(r, id);
	if (stampa) {
		static const char *const firme[] = { "Il minore", "Il tutore",
		    "L'operatore del caso", "La struttura di accoglienza" };

		for (size_t i = 0; i < COUNT(firme); i++)
			page_set(r, pool_printf(&r->pool, "Pei.firme.%zu", i),
			    firme[i]);
	}
	return db_failed() ? 500 : 0;
}

/* The version the page opens on: for a facility, the last approved. */
static long long
shown(struct request *r, long long minore)
{
	long long id = minore_limited(r) ? 0 : db_value(SQL_APERTA,
	    ARGS(ARG_INT("minore", minore)), 0);

	return id ? id : db_value(SQL_ULTIMA_APPROVATA, ARGS(ARG_INT("minore",
	    minore)), 0);
}

/* GET /minori/N/pei */
int
pei_pagina(struct request *r)
{
	long long minore = r->id[0];
	int rc;

	if ((rc = minore_access(r, minore, 0)) != 0)
		return rc;
	if (audit_view(r, "minore", minore, "pei") != 0)
		return 500;
	return show(r, minore, shown(r, minore), NULL, 0);
}

/* Is version r->id[1] one of minor r->id[0]'s? 0, or 404. */
static int
of_case(struct request *r)
{
	return db_value(SQL_DI, ARGS(ARG_INT("id", r->id[1])), 0) == r->id[0] ?
	    0 : 404;
}

/* GET /minori/N/pei/versioni/M: an earlier version. */
int
pei_versione(struct request *r)
{
	int rc;

	if ((rc = minore_access(r, r->id[0], 0)) != 0)
		return rc;
	if ((rc = of_case(r)) != 0)
		return rc;
	if (minore_limited(r) && r->id[1] != shown(r, r->id[0])) {
		/* A facility reads only the PEI in force. */
		audit_now(r, "permission_denied", "pei", r->id[1], "lettura");
		return 403;
	}
	if (audit_view(r, "pei", r->id[1], NULL) != 0)
		return 500;
	return show(r, r->id[0], r->id[1], NULL, 0);
}

/* GET /minori/N/pei/versioni/M/stampa: on A4 paper, for the signatures
** (the office prints it; a facility signs the paper). */
int
pei_stampa(struct request *r)
{
	int rc;

	if ((rc = minore_access(r, r->id[0], 0)) != 0)
		return rc;
	if ((rc = of_case(r)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "pei", r->id[1], "stampa");
		return 403;
	}
	if (audit_view(r, "pei", r->id[1], "stampa") != 0)
		return 500;
	return show(r, r->id[0], r->id[1], NULL, 1);
}

/* The page of version `id` as GET /minori/N/pei/versioni/M draws it
** (after a refused upload, with its error). */
int
pei_mostra(struct request *r, long long minore, long long id)
{
	if (audit_view(r, "pei", id, NULL) != 0)
		return 500;
	return show(r, minore, id, NULL, 0);
}

/* After a step: back to the page, with the outcome or the refusal. */
static int
done(struct request *r, int rc, const char *why, const char *ok)
{
	if (rc < 0)
		return 500;
	if (rc == 0)
		session_set_avviso(r, ok);
	else
		session_set_errore(r, why);
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld/pei",
	    r->id[0]));
}

/* POST /minori/N/pei/apri: a new draft (the first, or from the approved). */
int
pei_apri_post(struct request *r)
{
	const char *why = NULL;
	long long id = 0;
	int rc;

	if ((rc = minore_access(r, r->id[0], 1)) != 0)
		return rc;
	rc = pei_apri(r, r->id[0], &id, &why);
	return done(r, rc, why, "Nuova versione del PEI aperta.");
}

/* POST /minori/N/pei/M/invia */
int
pei_invia_post(struct request *r)
{
	const char *why = NULL;
	int rc;

	if ((rc = minore_access(r, r->id[0], 1)) != 0 ||
	    (rc = of_case(r)) != 0)
		return rc;
	rc = pei_invia(r, r->id[1], &why);
	return done(r, rc, why, "PEI inviato al responsabile per "
	    "l'approvazione.");
}


/* POST /minori/N/pei/M/decisione: approve, or return with comments. */
int
pei_decidi_post(struct request *r)
{
	struct form f;
	const char *why = NULL, *d;
	int rc;

	if ((rc = minore_access(r, r->id[0], 0)) != 0 ||
	    (rc = of_case(r)) != 0)
		return rc;
	form_init(&f, decisione_fields, COUNT(decisione_fields));
	form_read(r, &f);
	d = form_value(&f, "decisione");
	if (f.nerrors == 0 && strcmp(d, "approva") == 0) {
		rc = pei_approva(r, r->id[1], &why);
		return done(r, rc, why, "PEI approvato.");
	}
	if (f.nerrors == 0) {
		rc = pei_restituisci(r, r->id[1], form_value(&f, "commento"),
		    &why);
		if (rc != 1 || why != pei_senza_commento)
			return done(r, rc, why, "PEI restituito con le tue "
			    "osservazioni.");
		form_fail(&f, "commento", why);
	}
	if (audit_view(r, "pei", r->id[1], NULL) != 0)
		return 500;
	return show(r, r->id[0], r->id[1], &f, 0);
}

static const char SQL_CRONOLOGIA[] =
    "SELECT p.id, p.versione, e.evento, e.quando, e.commento"
    " FROM pei_eventi e JOIN pei p ON p.id = e.pei_id"
    " WHERE p.minore_id = :minore ORDER BY e.id";

/* The case's timeline: each step of each version of its PEI. */
int
pei_cronologia(struct request *r, long long minore, struct eventi *e)
{
	struct stmt *st = db_query(SQL_CRONOLOGIA, ARGS(ARG_INT("minore",
	    minore)));

	while (db_step(st) == SQLITE_ROW)
		eventi_add(e, db_text(st, "quando"), "pei", "PEI",
		    pool_printf(&r->pool, "PEI versione %lld: %s",
		    db_int(st, "versione"), choice_label(eventi,
		    COUNT(eventi), db_text(st, "evento"))), NULL,
		    pool_printf(&r->pool, "/minori/%lld/pei/versioni/%lld",
		    minore, db_int(st, "id")));
	db_done(st);
	return db_failed() ? -1 : 0;
}

/* The last approved version of each minor placed with the facility now,
** and its actions for the facility still to do. */
/* From the facility's actions of approved versions (a few per PEI), not
** from the facility's minors (thousands, at the scale of the bench). */
static const char SQL_AZIONI_STRUTTURA[] =
    "SELECT m.id AS minore_id, m.cognome, m.nome, m.numero, a.cosa,"
    " strftime('%d/%m/%Y', a.entro) AS entro,"
    " a.entro < date('now', 'localtime') AS scaduta, a.stato"
    " FROM pei_azioni a CROSS JOIN pei p ON p.id = a.pei_id"
    " CROSS JOIN minori m ON m.id = p.minore_id"
    " WHERE a.chi = 'struttura' AND a.stato IN ('da_fare', 'in_corso')"
    " AND p.stato = 'approvata' AND m.struttura_id = :struttura"
    " AND p.versione = (SELECT max(q.versione) FROM pei q"
    " WHERE q.minore_id = p.minore_id AND q.stato = 'approvata')"
    " ORDER BY a.entro IS NULL, a.entro, m.cognome LIMIT 200";

int
pei_azioni_struttura(struct request *r, long long struttura,
    const char *list)
{
	return page_rows(r, list, db_query(SQL_AZIONI_STRUTTURA,
	    ARGS(ARG_INT("struttura", struttura))), 0, NULL, NULL);
}
