/*
** registro: the audit log, for the responsabile to browse and filter.
** Read-only: the application has no way to change the log.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "form.h"
#include "page.h"
#include "registro.h"

const struct perm registro_lettura = { .name = "registro.lettura",
    .roles = ROLE(RESPONSABILE) };

static const struct choice azioni[] = {
	{ "login", "Accesso" },
	{ "login_failed", "Accesso fallito" },
	{ "logout", "Uscita" },
	{ "view", "Consultazione" },
	{ "create", "Creazione" },
	{ "update", "Modifica" },
	{ "delete", "Eliminazione" },
	{ "export", "Esportazione" },
	{ "permission_denied", "Accesso negato" },
};

static const struct field filter_fields[] = {
	{ .name = "dal", .label = "Dal", .type = FIELD_DATE,
	  .hint = "gg/mm/aaaa" },
	{ .name = "al", .label = "Al", .type = FIELD_DATE, .flags = FIELD_FUTURE,
	  .hint = "gg/mm/aaaa" },
	{ .name = "utente", .label = "Utente", .type = FIELD_TEXT, .max = 100 },
	{ .name = "azione", .label = "Azione", .type = FIELD_CHOICE,
	  .choices = azioni, .nchoices = COUNT(azioni) },
	{ .name = "entita", .label = "Oggetto", .type = FIELD_TEXT, .max = 40,
	  .hint = "Es. minore, utente" },
	{ .name = "entita_id", .label = "N. oggetto", .type = FIELD_INT,
	  .min = 1, .max = 999999999999LL },
	{ .name = "pagina", .label = "Pagina", .type = FIELD_INT, .min = 1,
	  .max = 100000 },
};

#define PAGE_ROWS 50

static const char SQL_AUDIT_PAGE[] =
    "SELECT id, datetime(quando, 'localtime') AS quando, username, indirizzo,"
    " azione, entita, entita_id, dettaglio FROM audit"
    " WHERE id >= :da AND id < :a"
    " AND (:utente IS NULL OR username = :utente COLLATE NOCASE)"
    " AND (:azione IS NULL OR azione = :azione)"
    " AND (:entita IS NULL OR entita = :entita)"
    " AND (:entita_id IS NULL OR entita_id = :entita_id)"
    " ORDER BY id DESC LIMIT :limite OFFSET :salta";
static const char SQL_AUDIT_CHANGES[] =
    "SELECT campo, coalesce(prima, '') AS prima, coalesce(dopo, '') AS dopo"
    " FROM audit_modifiche WHERE audit_id = :audit ORDER BY rowid";

static const char SQL_AUDIT_END[] =
    "SELECT coalesce(max(id), 0) + 1 FROM audit";
static const char SQL_AUDIT_AFTER[] =
    "SELECT quando >= datetime(:quando, 'utc') FROM audit WHERE id >= :id"
    " ORDER BY id LIMIT 1";

/*
** The first audit id recorded at or after local time `when`. Ids and
** times grow together (each row is written under the write lock), so a
** binary search over ids replaces an index on the time.
*/
static long long
first_id_from(const char *when)
{
	long long lo = 1, hi = db_value(SQL_AUDIT_END, NO_ARGS, 1);

	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;

		if (db_value(SQL_AUDIT_AFTER, ARGS(ARG_INT("id", mid),
		    ARG_TEXT("quando", when)), 1))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The changed fields under an audit row, and its action's label. */
static void
audit_row(HDF *row, struct stmt *st, void *ctx)
{
	struct stmt *ch = db_query(SQL_AUDIT_CHANGES, ARGS(ARG_INT("audit",
	    db_int(st, "id"))));
	int k = 0;

	(void)ctx;
	row_set(row, "azione", choice_label(azioni, COUNT(azioni),
	    db_text(st, "azione")));
	while (db_step(ch) == SQLITE_ROW)
		row_set_stmt(row_child(row, "changes", k++), ch);
	db_done(ch);
}

static const char SQL_ATTEMPTS[] =
    "SELECT t.indirizzo, t.motivo, coalesce(u.username, '') AS username,"
    " sum(t.n) AS n, max(t.minuto) AS ultimo FROM audit_tentativi t"
    " LEFT JOIN utenti u ON u.id = t.utente_id"
    " WHERE t.minuto >= strftime('%Y-%m-%d %H:%M', 'now', '-1 day')"
    " GROUP BY t.indirizzo, t.motivo, t.utente_id ORDER BY n DESC LIMIT 20";

static const char SQL_ATTEMPTS_TOTAL[] =
    "SELECT coalesce(sum(n), 0) FROM audit_tentativi"
    " WHERE minuto >= strftime('%Y-%m-%d %H:%M', 'now', '-1 day')";

/* GET /registro/tentativi: the counted failures of the last day. */
static int
attempts_list(struct request *r)
{
	page_rows(r, "Attempts", db_prepare(SQL_ATTEMPTS), 0, NULL, NULL);
	return page_render(r, "registro/tentativi.cs", "Tentativi senza accesso");
}

/* GET /registro */
static int
audit_list(struct request *r)
{
	struct stmt *st;
	struct form f;
	long long page, from = 1, to = INT64_MAX;
	char when[32], next[11];
	int n;

	form_init(&f, filter_fields, COUNT(filter_fields));
	form_read(r, &f);
	form_page(r, &f);
	if (f.nerrors > 0)
		return page_render(r, "registro/registro.cs", "Registro accessi");
	page = form_value(&f, "pagina") ? form_int(&f, "pagina") : 1;

	/* Date filters become an id range: [from "dal", to the day after "al"). */
	if (form_value(&f, "dal")) {
		snprintf(when, sizeof when, "%s 00:00:00", form_value(&f, "dal"));
		from = first_id_from(when);
	}
	if (form_value(&f, "al")) {
		date_add_days(form_value(&f, "al"), 1, next);
		snprintf(when, sizeof when, "%s 00:00:00", next);
		to = first_id_from(when);
	}
	st = db_prepare(SQL_AUDIT_PAGE);
	form_bind(&f, st);
	db_bind_args(st, ARGS(ARG_INT("da", from), ARG_INT("a", to),
	    ARG_INT("limite", PAGE_ROWS + 1),
	    ARG_INT("salta", (page - 1) * PAGE_ROWS)));
	n = page_rows(r, "Audit.rows", st, PAGE_ROWS, audit_row, NULL);
	if (n > PAGE_ROWS) {
		page_set_int(r, "Audit.next", page + 1);
		n = PAGE_ROWS;
	}
	page_set_int(r, "Audit.attempts", db_value(SQL_ATTEMPTS_TOTAL, NO_ARGS,
	    0));
	page_set_int(r, "Audit.count", n);
	page_set_int(r, "Audit.page", page);
	if (page > 1)
		page_set_int(r, "Audit.prev", page - 1);
	return page_render(r, "registro/registro.cs", "Registro accessi");
}

/*
** approdo-admin registro verifica: walks the audit log's hash chain and
** names the first row where it breaks. Exit status 0 if it holds, 1 if
** not (or the database cannot be read).
*/
static int
cmd_registro(struct request *console, int argc, char **argv)
{
	long long rows, legacy, broken;

	if (argc != 1 || strcmp(argv[0], "verifica") != 0)
		return -1;
	broken = audit_verify(&console->pool, &rows, &legacy);
	if (broken < 0) {
		fputs("registro non leggibile\n", stderr);
		return 1;
	}
	if (broken > 0) {
		printf("catena interrotta alla riga %lld: la riga, o quella che "
		    "la precede, è stata modificata, aggiunta o tolta fuori "
		    "dall'applicazione\n", broken);
		return 1;
	}
	printf("registro integro: %lld righe verificate", rows - legacy);
	if (legacy > 0)
		printf(" (%lld precedenti alla catena, non verificabili)", legacy);
	putchar('\n');
	return 0;
}

static const struct route routes[] = {
	{ "GET", "/registro", &registro_lettura, .handler = audit_list },
	{ "GET", "/registro/tentativi", &registro_lettura,
	  .handler = attempts_list },
};

static const struct command commands[] = {
	{ "registro", "verifica   (controlla la catena del registro)",
	  cmd_registro },
};

static const struct link nav[] = {
	{ .href = "/registro", .title = "Registro accessi",
	  .perm = &registro_lettura },
};

static const struct link tiles[] = {
	{ .href = "/registro", .title = "Registro accessi",
	  .text = "Chi ha visto o modificato cosa, quando e da dove.",
	  .perm = &registro_lettura },
};

const struct module registro_modulo = {
	.name = "registro",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.commands = commands, .ncommands = COUNT(commands),
};
