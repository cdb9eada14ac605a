/*
** approdo-admin, the command line of the people who run Approdo:
** "migrate" and "demo" belong to the platform; every other command is
** declared by a module. Changes made here are audited as the tool
** itself, from the console.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "module.h"
#include "settings.h"

static void
usage(const struct module *const *all)
{
	fputs("uso: approdo-admin migrate\n"
	    "     approdo-admin demo", stderr);
	for (const struct module *const *m = all; *m; m++)
		if ((*m)->demo)
			fprintf(stderr, " [--%s N]", (*m)->name);
	fputc('\n', stderr);
	for (const struct module *const *m = all; *m; m++)
		for (size_t i = 0; i < (*m)->ncommands; i++)
			fprintf(stderr, "     approdo-admin %s %s\n",
			    (*m)->commands[i].name, (*m)->commands[i].usage);
	exit(2);
}

/*
** approdo-admin demo [--NAME N ...]: every module's demo data, in the
** order of the module list (facilities and users before cases).
*/
static int
demo(const struct module *const *all, struct request *console, int argc,
    char **argv)
{
	for (int i = 0; i < argc; i += 2) {
		const struct module *const *m = all;

		while (*m && !(strncmp(argv[i], "--", 2) == 0 &&
		    strcmp(argv[i] + 2, (*m)->name) == 0 && (*m)->demo))
			m++;
		if (*m == NULL || i + 1 >= argc)
			usage(all);
	}
	for (const struct module *const *m = all; *m; m++) {
		long long n = 0;
		int added;

		if ((*m)->demo == NULL)
			continue;
		for (int i = 0; i + 1 < argc; i += 2)
			if (strcmp(argv[i] + 2, (*m)->name) == 0)
				n = atoll(argv[i + 1]);
		if ((added = (*m)->demo(console, n)) < 0) {
			fprintf(stderr, "dati dimostrativi di %s non creati\n",
			    (*m)->name);
			return 1;
		}
		if (n > 0)
			printf("%d %s dimostrativi aggiunti\n", added, (*m)->name);
	}
	/* A bulk load leaves indexes in many pieces: merge them now. */
	if (modules_maintain(1) != 0) {
		fputs("manutenzione degli indici non riuscita\n", stderr);
		return 1;
	}
	return 0;
}

static const char SQL_PRIMO[] =
    "SELECT id, username FROM utenti WHERE ruolo = :ruolo AND disattivato = 0"
    " ORDER BY id LIMIT 1";

/*
** For a module's demo: `out` acts as the first active user of role
** `role`, from the console (its address). 1; 0 if there is none; -1.
** The caller frees out->pool.
*/
int
console_come(const struct request *console, enum role role,
    struct request *out)
{
	struct row u;
	int rc;

	memset(out, 0, sizeof *out);
	out->remote_addr = console->remote_addr;
	out->user.role = role;
	rc = db_row(&out->pool, SQL_PRIMO, ARGS(ARG_TEXT("ruolo",
	    role_name(role))), &u);
	if (rc != 1)
		return rc < 0 ? -1 : 0;
	out->user.id = strtoll(row_get(&u, "id"), NULL, 10);
	out->user.username = row_get(&u, "username");
	return 1;
}

int
admin_main(const struct module *const *all, int argc, char **argv)
{
	struct request console;
	int rc = -1;

	config_load();
	modules_set(all);
	if (argc < 2)
		usage(all);
	if (sodium_init() < 0 || db_open(cfg.db) != 0)
		return 1;
	memset(&console, 0, sizeof console);
	console.user.username = "approdo-admin";
	console.remote_addr = "console";
	if (strcmp(argv[1], "migrate") == 0) {
		int n = db_migrate(cfg.sql, 1);

		if (n >= 0)
			printf("%d migrazioni applicate\n", n);
		rc = n < 0;
		for (const struct module *const *m = all; *m && rc == 0; m++)
			if ((*m)->upgrade && (*m)->upgrade(&console) != 0) {
				fprintf(stderr, "aggiornamento dei dati di %s non "
				    "riuscito\n", (*m)->name);
				rc = 1;
			}
	} else if (strcmp(argv[1], "demo") == 0)
		rc = demo(all, &console, argc - 2, argv + 2);
	else
		for (const struct module *const *m = all; *m && rc < 0; m++)
			for (size_t i = 0; i < (*m)->ncommands; i++)
				if (strcmp(argv[1], (*m)->commands[i].name) == 0) {
					rc = (*m)->commands[i].run(&console,
					    argc - 2, argv + 2);
					break;
				}
	if (rc < 0)
		usage(all);
	db_close();
	pool_free(&console.pool);
	return rc;
}
