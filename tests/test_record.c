/*
** Unit tests for the record editor (lib/core/record.c) and the module
** registry (lib/core/module.c): the stored row is read inside the write
** transaction; a failed statement, or a parameter nobody bound, cannot
** be committed; errors bring the form back and write nothing; a change
** is audited field by field; routes, navigation and tiles come from the
** modules and follow the role.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "db.h"
#include "module.h"
#include "page.h"
#include "record.h"
#include "tap.h"
#include "testdb.h"

static char dir[] = "/tmp/approdo-test-record-XXXXXX";
static char dbpath[600];
static struct request r;

/* What the hooks saw. */
static int pages, in_tx_at_check;
static char seen_nome[64], drawn_nome[64];

static void
post_body(const char *body)
{
	page_free(&r);
	pool_free(&r.pool);
	buf_free(&r.headers);
	buf_free(&r.body);
	memset(&r, 0, sizeof r);
	r.method = "POST";
	r.path = "/cose/1";
	r.remote_addr = "127.0.0.1";
	r.user.id = 1;
	r.user.username = "test";
	r.user.role = ROLE_RESPONSABILE;
	parse_urlencoded(&r.pool, &r.form, body, strlen(body));
}

static const struct field fields[] = {
	{ .name = "nome", .label = "Nome", .type = FIELD_TEXT,
	  .flags = FIELD_REQUIRED, .max = 40 },
	{ .name = "n", .label = "Numero", .type = FIELD_INT, .min = 0,
	  .max = 1000 },
};

static int
may(struct request *req, long long id, int write)
{
	(void)req;
	(void)write;
	return id == 99 ? 403 : 0;
}

/* Another process changes the row after the form is read, before BEGIN. */
static void
concurrent_edit(struct edit *e)
{
	sqlite3 *other;

	(void)e;
	if (sqlite3_open(dbpath, &other) == SQLITE_OK) {
		sqlite3_exec(other, "UPDATE cose SET nome = 'altrui' WHERE id = 1",
		    NULL, NULL, NULL);
		sqlite3_close(other);
	}
}

static void
check(struct edit *e)
{
	const char *nome = edit_current(e, "nome");

	in_tx_at_check = db_in_transaction();
	snprintf(seen_nome, sizeof seen_nome, "%s", nome ? nome : "(null)");
	if (form_value(&e->form, "n") && form_int(&e->form, "n") == 13)
		form_fail(&e->form, "n", "Il 13 non si usa.");
}

static int
page(struct edit *e)
{
	pages++;
	snprintf(drawn_nome, sizeof drawn_nome, "%s", e->form.typed[0] ?
	    e->form.typed[0] : "(null)");
	return 0;
}

static const char *
next(struct edit *e)
{
	return pool_printf(&e->r->pool, "/cose/%lld", e->id);
}

static const char SQL_GET[] = "SELECT nome, n FROM cose WHERE id = :id";
static const char SQL_SET[] = "UPDATE cose SET nome = :nome, n = :n"
    " WHERE id = :id";
static const char SQL_SET_UNBOUND[] = "UPDATE cose SET nome = :nome,"
    " n = :n, altro = :altro WHERE id = :id";
static const char SQL_NEW[] = "INSERT INTO cose (nome, n, padre)"
    " VALUES (:nome, :n, :parent)";
static const char SQL_BAD[] = "UPDATE cose SET n = 'testo' WHERE id = :id";

/* A save that runs a failing statement and still says "fine". */
static int
save_failing(struct edit *e)
{
	db_write(SQL_BAD, ARGS(ARG_INT("id", e->id)));
	return 0;
}

static const struct record cosa = {
	.entity = "cosa", .name = "cosa", .title = "Cosa",
	.fields = fields, .nfields = COUNT(fields),
	.access = may, .sql_get = SQL_GET, .sql_set = SQL_SET,
	.prepare = concurrent_edit, .check = check, .page = page, .next = next,
	.saved = "Salvato.",
};

static int
audit_rows(const char *azione)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE entita ="
	    " 'cosa' AND azione = '%s'", azione);
	return (int)q_int(sql);
}

static void
test_update(void)
{
	int rc, views;

	exec("INSERT INTO cose (id, nome, n) VALUES (1, 'mia', 5)");
	post_body("nome=nuova&n=7");
	rc = record_post(&r, &cosa, 1);
	ok(rc == 0 && r.status == 303 && strstr(r.headers.p, "/cose/1"),
	    "update: saved, 303 to the record (%d)", rc);
	ok(in_tx_at_check && strcmp(seen_nome, "altrui") == 0,
	    "update: the stored row is read inside the transaction (saw %s)",
	    seen_nome);
	ok(strcmp(q_text("SELECT nome || '/' || n FROM cose WHERE id = 1"),
	    "nuova/7") == 0, "update: the row has the form's values");
	ok(audit_rows("update") == 1 && strcmp(q_text("SELECT group_concat("
	    "campo || ':' || coalesce(prima, '-') || '>' || dopo, ' ') FROM"
	    " audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE"
	    " a.entita = 'cosa'"), "nome:altrui>nuova n:5>7") == 0,
	    "update: one audit row, each changed field with the value it replaced");
	ok(db_in_transaction() == 0, "update: no transaction left open");

	views = audit_rows("view");
	post_body("nome=&n=13");
	pages = 0;
	rc = record_post(&r, &cosa, 1);
	ok(rc == 0 && pages == 1 && r.status != 303 &&
	    strcmp(drawn_nome, "") == 0,
	    "errors: the form comes back as typed (%d)", rc);
	ok(strcmp(q_text("SELECT nome || '/' || n FROM cose WHERE id = 1"),
	    "altrui/7") == 0 && audit_rows("update") == 1,
	    "errors: nothing written (only the concurrent edit), no update row");
	ok(audit_rows("view") == views + 1,
	    "errors: the redrawn form is a view row");
	post_body("nome=x");
	ok(record_post(&r, &cosa, 99) == 403 &&
	    strcmp(q_text("SELECT nome FROM cose WHERE id = 1"), "altrui") == 0,
	    "access: refused before anything is read or written");

	post_body("");
	r.method = "GET";
	pages = 0;
	ok(record_get(&r, &cosa, 1) == 0 && pages == 1 &&
	    audit_rows("view") == views + 2,
	    "get: the form drawn, and a view row");
	ok(strcmp(drawn_nome, "altrui") == 0,
	    "get: the form holds the stored values (%s)", drawn_nome);
}

static void
test_failure_rule(void)
{
	struct record failing = cosa, unbound = cosa;
	int rc;

	failing.prepare = NULL;
	failing.save = save_failing;
	post_body("nome=tentata&n=1");
	rc = record_post(&r, &failing, 1);
	ok(rc == 500 && db_in_transaction() == 0,
	    "fail: a failed statement in save() makes the POST fail (%d)", rc);
	ok(strcmp(q_text("SELECT nome FROM cose WHERE id = 1"), "altrui") == 0 &&
	    audit_rows("update") == 1,
	    "fail: nothing of it committed, no audit row");

	unbound.prepare = NULL;
	unbound.sql_set = SQL_SET_UNBOUND;
	post_body("nome=tentata&n=1");
	rc = record_post(&r, &unbound, 1);
	ok(rc == 500 && strcmp(q_text("SELECT nome FROM cose WHERE id = 1"),
	    "altrui") == 0 && audit_rows("update") == 1,
	    "fail: a parameter nobody binds fails the save (%d)", rc);
}

static void
test_create(void)
{
	struct record nuova = cosa;
	int rc;

	nuova.prepare = NULL;
	nuova.sql_get = NULL;
	nuova.sql_set = SQL_NEW;
	post_body("nome=figlia&n=3");
	rc = record_new_post(&r, &nuova, 1);
	ok(rc == 0 && r.status == 303 && q_int("SELECT count(*) FROM cose WHERE"
	    " nome = 'figlia' AND padre = 1") == 1,
	    "create: the new row, with :parent bound (%d)", rc);
	ok(audit_rows("create") == 1 && q_int("SELECT count(*) FROM"
	    " audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE"
	    " a.azione = 'create' AND prima IS NULL") == 2,
	    "create: audited with every value and no 'before'");
}

/* A value kept in another table ("extra"), added by the load hook. */
static const struct field fields_extra[] = {
	{ .name = "nome", .label = "Nome", .type = FIELD_TEXT,
	  .flags = FIELD_REQUIRED, .max = 40 },
	{ .name = "n", .label = "Numero", .type = FIELD_INT, .min = 0,
	  .max = 1000 },
	{ .name = "extra", .label = "Altro", .type = FIELD_TEXT, .max = 40 },
};
static char drawn_extra[64];

static int
load_extra(struct edit *e)
{
	row_add(&e->r->pool, &e->current, "extra", "dal_load");
	return 0;
}

static int
page_extra(struct edit *e)
{
	const char *v = form_value(&e->form, "extra");

	snprintf(drawn_extra, sizeof drawn_extra, "%s", v ? v : "(null)");
	return 0;
}

static void
test_load(void)
{
	struct record extra = cosa;
	int rc;

	extra.fields = fields_extra;
	extra.nfields = COUNT(fields_extra);
	extra.prepare = NULL;
	extra.load = load_extra;
	extra.page = page_extra;
	post_body("");
	r.method = "GET";
	ok(record_get(&r, &extra, 1) == 0 && strcmp(drawn_extra, "dal_load")
	    == 0, "load: what the hook adds fills the form (%s)", drawn_extra);
	post_body("nome=altrui&n=7&extra=nuovo");
	rc = record_post(&r, &extra, 1);
	ok(rc == 0 && r.status == 303 && strcmp(q_text("SELECT group_concat("
	    "campo || ':' || coalesce(prima, '-') || '>' || dopo, ' ') FROM"
	    " audit_modifiche m JOIN audit a ON a.id = m.audit_id WHERE"
	    " a.id = (SELECT max(id) FROM audit WHERE entita = 'cosa' AND"
	    " azione = 'update')"), "extra:dal_load>nuovo") == 0,
	    "load: its value is audited as the one replaced (%d)", rc);
}

/* The counters of versioni: read once a request, again after a commit. */
static void
test_versione(void)
{
	long long a = versione("azioni_struttura"), e = versione("elenchi");

	ok(a >= 0 && e >= 0, "versione: the counters exist (%lld, %lld)", a, e);
	exec("UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'");
	ok(versione("azioni_struttura") == a,
	    "versione: the same request reads it once");
	request_serial++;
	ok(versione("azioni_struttura") == a + 1 && versione("elenchi") == e,
	    "versione: the next request sees it moved, the other unmoved");
	db_begin_write();
	db_write("UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'",
	    NO_ARGS);
	db_commit();
	ok(versione("elenchi") == e + 1,
	    "versione: after this process's own commit, read again");
}

/* --- modules ------------------------------------------------------------- */

static int h_list(struct request *q) { (void)q; return 1; }
static int h_item(struct request *q) { (void)q; return 2; }
static int h_save(struct request *q) { (void)q; return 3; }

static const struct perm leggere = { .name = "t.leggere",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
static const struct perm gestire = { .name = "t.gestire",
    .roles = ROLE(AMMINISTRATORE) };

static const struct route routes_a[] = {
	{ "GET", "/alfa", &leggere, .handler = h_list },
	{ "GET", "/alfa/#", &leggere, .handler = h_item },
};
static const struct route routes_b[] = {
	{ "POST", "/alfa/#", &leggere, .handler = h_save },
	{ "POST", "/beta/#/invia", &gestire, .handler = h_save },
};
static const struct link nav_a[] = {
	{ .href = "/alfa", .title = "Alfa", .perm = &leggere } };
static const struct link nav_b[] = {
	{ .href = "/beta", .title = "Beta", .perm = &gestire } };
static const struct link tiles_b[] = {
	{ .href = "/beta", .title = "Beta", .text = "Per chi gestisce.",
	  .perm = &gestire } };
static const struct module alfa = { .name = "alfa", .routes = routes_a,
    .nroutes = COUNT(routes_a), .nav = nav_a, .nnav = COUNT(nav_a) };
static const struct module beta = { .name = "beta", .routes = routes_b,
    .nroutes = COUNT(routes_b), .nav = nav_b, .nnav = COUNT(nav_b),
    .tiles = tiles_b, .ntiles = COUNT(tiles_b) };
static const struct module *const both[] = { &alfa, &beta, NULL };
static const struct module *const only_a[] = { &alfa, NULL };

static const struct route *
route(const struct module *const *serves, const char *method,
    const char *path, int *known, const char **allow, long long id[2])
{
	struct request q;

	memset(&q, 0, sizeof q);
	q.method = method;
	q.path = path;
	return module_route(serves, &q, id, known, allow);
}

static void
test_modules(void)
{
	const struct route *rt;
	const char *allow = NULL;
	long long id[2] = { 0, 0 };
	int known;

	rt = route(both, "POST", "/alfa/42", &known, &allow, id);
	ok(rt && rt->handler == h_save && id[0] == 42,
	    "route: a path's POST found in the second module, with its number");
	rt = route(both, "HEAD", "/alfa/7", &known, &allow, id);
	ok(rt && rt->handler == h_item && id[0] == 7, "route: HEAD is a GET");
	rt = route(only_a, "POST", "/alfa/42", &known, &allow, id);
	ok(rt == NULL && known && strcmp(allow, "GET, HEAD") == 0,
	    "route: a program serving one module: wrong method, Allow: GET, HEAD");
	rt = route(both, "GET", "/beta/3/invia", &known, &allow, id);
	ok(rt == NULL && known && strcmp(allow, "POST") == 0,
	    "route: a POST-only path says Allow: POST");
	rt = route(both, "GET", "/gamma", &known, &allow, id);
	ok(rt == NULL && !known, "route: an unknown path is not known (404)");
	ok(role_can(ROLE_OPERATORE, &leggere) && !role_can(ROLE_STRUTTURA,
	    &leggere) && role_can(ROLE_STRUTTURA, &perm_login) &&
	    role_can(ROLE__MAX, &perm_public) && !role_can(ROLE__MAX, &leggere),
	    "perm: a module's permission names its roles");

	modules_set(both);
	post_body("");
	r.path = "/alfa/3";
	r.user.role = ROLE_OPERATORE;
	module_links(&r, "Nav", 0);
	ok(strcmp(hdf_get_value(r.hdf, "Nav.0.href", ""), "/alfa") == 0 &&
	    hdf_get_int_value(r.hdf, "Nav.0.active", 0) == 1 &&
	    hdf_get_value(r.hdf, "Nav.1.href", NULL) == NULL,
	    "nav: the operatore sees Alfa only, marked active under /alfa/3");
	post_body("");
	r.path = "/";
	r.user.role = ROLE_AMMINISTRATORE;
	module_links(&r, "Nav", 0);
	module_links(&r, "Home.areas", 1);
	ok(strcmp(hdf_get_value(r.hdf, "Nav.0.href", ""), "/beta") == 0 &&
	    hdf_get_value(r.hdf, "Nav.1.href", NULL) == NULL &&
	    strcmp(hdf_get_value(r.hdf, "Home.areas.0.text", ""),
	    "Per chi gestisce.") == 0 &&
	    hdf_get_value(r.hdf, "Home.areas.1.href", NULL) == NULL,
	    "nav and tiles: the amministratore sees Beta, with its tile");
	modules_set(NULL);
	ok(modules_all()[0] == NULL, "registry: none set is an empty list");
}

int
main(void)
{
	const char *sqldir = getenv("APPRODO_SQL");

	if (sqldir == NULL)
		sqldir = "sql";
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	snprintf(dbpath, sizeof dbpath, "%s/record.db", dir);
	if (db_open(dbpath) != 0 || db_migrate(sqldir, 0) < 0 ||
	    exec("CREATE TABLE cose (id INTEGER PRIMARY KEY, nome TEXT NOT NULL,"
	    " n INTEGER, padre INTEGER, altro TEXT) STRICT") != SQLITE_OK) {
		printf("Bail out! cannot prepare the database\n");
		return 1;
	}
	test_update();
	test_failure_rule();
	test_create();
	test_load();
	test_versione();
	test_modules();
	page_free(&r);
	pool_free(&r.pool);
	buf_free(&r.headers);
	buf_free(&r.body);
	db_close();
	remove_db(dbpath);
	rmdir(dir);
	return done_testing();
}
