/*
** The utenti module: its routes, navigation and tile, the console
** command that creates users, and one demo user per role.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "interno.h"
#include "strutture.h"
#include "utenti.h"

const struct perm utenti_gestione = { .name = "utenti.gestione",
    .roles = ROLE(AMMINISTRATORE) };

static const char SQL_USER_FIND[] =
    "SELECT 1 FROM utenti WHERE username = :username";

/* Hashes `password` and adds the user, audited as the console. */
static long long
console_user(struct request *console, const char *username, const char *nome,
    const char *email, const char *ruolo, long long struttura,
    const char *password)
{
	char hash[crypto_pwhash_STRBYTES], sid[24] = "";
	const char *problem;
	enum role role;
	long long id;

	if (role_parse(ruolo, &role) != 0) {
		fprintf(stderr, "ruolo sconosciuto: %s\n", ruolo);
		return -1;
	}
	if ((problem = password_problem(password)) != NULL) {
		fprintf(stderr, "%s\n", problem);
		return -1;
	}
	if (struttura > 0)
		snprintf(sid, sizeof sid, "%lld", struttura);
	if (password_hash(password, hash) != 0 || db_begin_write() != 0)
		return -1;
	id = utente_add(username, nome ? nome : username, email, ruolo,
	    *sid ? sid : NULL, hash, 0);
	sodium_memzero(hash, sizeof hash);
	if (id >= 0) {
		const struct change c[] = {
			{ "username", NULL, username },
			{ "nome", NULL, nome ? nome : username },
			{ "email", NULL, email },
			{ "ruolo", NULL, ruolo },
			{ "struttura_id", NULL, *sid ? sid : NULL },
		};

		audit_record(console, "create", "utente", id, "da console", c,
		    COUNT(c));
	}
	if (id < 0 || db_commit() != 0) {
		fprintf(stderr, "utente non creato (nome già usato? struttura "
		    "mancante o non richiesta dal ruolo?)\n");
		return -1;
	}
	return id;
}

/* approdo-admin user add NAME RUOLO [--nome "..."] [--struttura ID] */
static int
cmd_user(struct request *console, int argc, char **argv)
{
	const char *nome = NULL;
	long long struttura = 0;
	char line[1024];
	int rc;

	if (argc < 3 || strcmp(argv[0], "add") != 0)
		return -1;
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--nome") == 0 && i + 1 < argc)
			nome = argv[++i];
		else if (strcmp(argv[i], "--struttura") == 0 && i + 1 < argc)
			struttura = atoll(argv[++i]);
		else
			return -1;
	}
	if (fgets(line, sizeof line, stdin) == NULL) {
		fputs("password mancante sullo standard input\n", stderr);
		return 1;
	}
	line[strcspn(line, "\r\n")] = '\0';
	rc = console_user(console, argv[1], nome, NULL, argv[2], struttura,
	    line) < 0;
	sodium_memzero(line, sizeof line);
	if (rc == 0)
		printf("utente %s creato\n", argv[1]);
	return rc;
}

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

/*
** One user per role; the password is the role's name + "-demo-2026", the
** address username@approdo.example (a domain that is nobody's: the
** demo's mail goes to ./run-demo's catcher).
*/
static int
utenti_demo(struct request *console, long long n)
{
	long long ponte = struttura_id("Comunità Il Ponte");

	(void)n;
	for (size_t i = 0; i < COUNT(demo_users); i++) {
		char pw[64], email[96];

		if (db_value(SQL_USER_FIND, ARGS(ARG_TEXT("username",
		    demo_users[i].username)), 0))
			continue;
		snprintf(pw, sizeof pw, "%s-demo-2026", demo_users[i].ruolo);
		snprintf(email, sizeof email, "%s@approdo.example",
		    demo_users[i].username);
		if (console_user(console, demo_users[i].username,
		    demo_users[i].nome, email, demo_users[i].ruolo,
		    strcmp(demo_users[i].ruolo, "struttura") == 0 ? ponte : 0,
		    pw) < 0)
			return -1;
	}
	return 0;
}

static const struct route routes[] = {
	{ "GET", "/utenti", &utenti_gestione, .handler = utenti_elenco },
	{ "GET", "/utenti/nuovo", &utenti_gestione, .record = &utente_nuovo,
	  .create = 1 },
	{ "POST", "/utenti/nuovo", &utenti_gestione, .record = &utente_nuovo,
	  .create = 1 },
	{ "GET", "/utenti/#", &utenti_gestione, .record = &utente_modifica },
	{ "POST", "/utenti/#", &utenti_gestione, .record = &utente_modifica },
	{ "POST", "/utenti/#/password", &utenti_gestione,
	  .record = &utente_password },
};

static const struct link nav[] = {
	{ .href = "/utenti", .title = "Utenti", .perm = &utenti_gestione },
};

static const struct link tiles[] = {
	{ .href = "/utenti", .title = "Utenti",
	  .text = "Crea utenti, assegna ruoli e strutture, disattiva account, "
	  "reimposta password.", .perm = &utenti_gestione },
};

static const struct command commands[] = {
	{ "user", "add NOME_UTENTE RUOLO [--nome \"Nome Cognome\"] "
	  "[--struttura ID]   (password sullo standard input)", cmd_user },
};

const struct module utenti_modulo = {
	.name = "utenti",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.commands = commands, .ncommands = COUNT(commands),
	.demo = utenti_demo,
};
