/*
** approdo-admin: the command-line tool for the people who run Approdo.
**
**   approdo-admin migrate                 apply the pending migrations
**   approdo-admin user add NAME RUOLO [--nome "..."] [--struttura ID]
**                                         create a user; the password is
**                                         read from standard input
**   approdo-admin demo [--minori N]       demo facilities, one user per
**                                         role (password: the role name
**                                         followed by "-demo-2026") and
**                                         synthetic minors up to N
**
** The database is APPRODO_DB, the migrations APPRODO_SQL.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "settings.h"
#include "db.h"
#include "demo.h"

static void
usage(void)
{
	fputs("uso: approdo-admin migrate\n"
	    "     approdo-admin user add NOME_UTENTE RUOLO [--nome \"Nome Cognome\"]"
	    " [--struttura ID]\n"
	    "     approdo-admin demo [--minori N]\n", stderr);
	exit(2);
}

/* Changes made here are audited as the tool itself, from the console. */
static void
cli_request(struct request *r)
{
	memset(r, 0, sizeof *r);
	r->user.username = "approdo-admin";
	r->remote_addr = "console";
}

static const char SQL_USER_ADD[] =
    "INSERT INTO utenti (username, nome, ruolo, struttura_id, password_hash)"
    " VALUES (?, ?, ?, ?, ?)";

static long long
user_add(const char *username, const char *nome, const char *ruolo,
    long long struttura_id, const char *password)
{
	char hash[crypto_pwhash_STRBYTES];
	struct request r;
	sqlite3_stmt *st;
	enum role role;
	const char *problem;
	long long id;
	int ok;

	if (role_parse(ruolo, &role) != 0) {
		fprintf(stderr, "ruolo sconosciuto: %s\n", ruolo);
		return -1;
	}
	if ((problem = password_problem(password)) != NULL) {
		fprintf(stderr, "%s\n", problem);
		return -1;
	}
	if (password_hash(password, hash) != 0 || db_begin_write() != 0)
		return -1;
	st = db_prepare(SQL_USER_ADD);
	db_bind_text(st, 1, username);
	db_bind_text(st, 2, nome ? nome : username);
	db_bind_text(st, 3, ruolo);
	if (struttura_id > 0)
		db_bind_int(st, 4, struttura_id);
	db_bind_text(st, 5, hash);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	id = db_last_id();
	cli_request(&r);
	if (!ok || audit_log(&r, "create", "utente", id, "da console") < 0 ||
	    db_commit() != 0) {
		db_rollback();
		fprintf(stderr, "utente non creato (nome già usato? struttura "
		    "mancante o non richiesta dal ruolo?)\n");
		return -1;
	}
	pool_free(&r.pool);
	return id;
}

static int
cmd_user_add(int argc, char **argv)
{
	const char *nome = NULL;
	long long struttura = 0;
	char line[1024];
	size_t n;

	if (argc < 2)
		usage();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--nome") == 0 && i + 1 < argc)
			nome = argv[++i];
		else if (strcmp(argv[i], "--struttura") == 0 && i + 1 < argc)
			struttura = atoll(argv[++i]);
		else
			usage();
	}
	if (fgets(line, sizeof line, stdin) == NULL) {
		fputs("password mancante sullo standard input\n", stderr);
		return 1;
	}
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	if (user_add(argv[0], nome, argv[1], struttura, line) < 0)
		return 1;
	sodium_memzero(line, sizeof line);
	printf("utente %s creato\n", argv[0]);
	return 0;
}

static const char SQL_STRUTTURA_ADD[] =
    "INSERT INTO strutture (nome, tipo, indirizzo) VALUES (?, ?, ?)"
    " ON CONFLICT (nome) DO UPDATE SET tipo = excluded.tipo RETURNING id";
static const char SQL_USER_FIND[] =
    "SELECT 1 FROM utenti WHERE username = ?";

static const struct {
	const char *nome, *tipo, *indirizzo;
} demo_strutture[] = {
	{ "Centro di pronta accoglienza Tiburtino", "prima_accoglienza",
	  "Via Tiburtina 1000, Roma" },
	{ "Comunità Il Ponte", "seconda_accoglienza", "Via Prenestina 200, Roma" },
	{ "SAI Casa Aurora", "sai", "Via Aurelia 45, Roma" },
	{ "Gruppo appartamento Ostiense", "gruppo_appartamento",
	  "Via Ostiense 150, Roma" },
	{ "Semiautonomia Garbatella", "semiautonomia",
	  "Piazza Sauli 3, Roma" },
};

static const struct {
	const char *username, *nome, *ruolo;
} demo_users[] = {
	{ "admin", "Anna Amministratrice", "amministratore" },
	{ "responsabile", "Rita Responsabile", "responsabile" },
	{ "operatore", "Omar Operatore", "operatore" },
	{ "operatrice", "Giulia Operatrice", "operatore" },
	{ "struttura", "Sara della Comunità Il Ponte", "struttura" },
	{ "formazione", "Fabio Formazione", "formazione" },
	{ "comunicazione", "Carla Comunicazione", "comunicazione" },
};

static int
cmd_demo(int argc, char **argv)
{
	long long ponte = 0;
	int minori = 0;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--minori") == 0 && i + 1 < argc)
			minori = atoi(argv[++i]);
		else
			usage();
	}

	if (db_begin_write() != 0)
		return 1;
	for (size_t i = 0; i < COUNT(demo_strutture); i++) {
		sqlite3_stmt *st = db_prepare(SQL_STRUTTURA_ADD);

		db_bind_text(st, 1, demo_strutture[i].nome);
		db_bind_text(st, 2, demo_strutture[i].tipo);
		db_bind_text(st, 3, demo_strutture[i].indirizzo);
		if (db_step(st) == SQLITE_ROW && i == 1)
			ponte = db_int(st, 0);
		db_done(st);
	}
	if (db_commit() != 0)
		return 1;
	for (size_t i = 0; i < COUNT(demo_users); i++) {
		sqlite3_stmt *st = db_prepare(SQL_USER_FIND);
		char pw[64];
		int exists;

		db_bind_text(st, 1, demo_users[i].username);
		exists = db_step(st) == SQLITE_ROW;
		db_done(st);
		if (exists)
			continue;
		snprintf(pw, sizeof pw, "%s-demo-2026", demo_users[i].ruolo);
		if (user_add(demo_users[i].username, demo_users[i].nome,
		    demo_users[i].ruolo, strcmp(demo_users[i].ruolo,
		    "struttura") == 0 ? ponte : 0, pw) < 0)
			return 1;
	}
	if (minori > 0) {
		int added = demo_minori(minori, 2026);

		if (added < 0)
			return 1;
		printf("%d minori dimostrativi aggiunti\n", added);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int rc;

	config_load();
	if (argc < 2)
		usage();
	if (sodium_init() < 0 || db_open(cfg.db) != 0)
		return 1;
	if (strcmp(argv[1], "migrate") == 0) {
		int n = db_migrate(cfg.sql, 1);

		if (n >= 0)
			printf("%d migrazioni applicate\n", n);
		rc = n < 0;
	} else if (strcmp(argv[1], "user") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = cmd_user_add(argc - 3, argv + 3);
	else if (strcmp(argv[1], "demo") == 0)
		rc = cmd_demo(argc - 2, argv + 2);
	else
		usage();
	db_close();
	return rc;
}
