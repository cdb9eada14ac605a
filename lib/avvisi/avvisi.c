/*
** The avvisi module: its routes (served by the program sessione), its
** tiles and navigation entry, its kind of notice (a mail that could not
** be delivered, for the administrators), and "approdo-admin posta".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "avvisi.h"
#include "db.h"
#include "interno.h"

const struct perm avvisi_posta = { .name = "avvisi.posta",
    .roles = ROLE(AMMINISTRATORE) };

/* approdo-admin posta prova INDIRIZZO [--oggetto TESTO] [--n N] */
static int
prova(struct request *console, int argc, char **argv)
{
	const char *oggetto = NULL;
	long long n = 1, id = 0;

	if (argc < 1)
		return -1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--oggetto") == 0 && i + 1 < argc)
			oggetto = argv[++i];
		else if (strcmp(argv[i], "--n") == 0 && i + 1 < argc &&
		    parse_int64(argv[i + 1], &n) == 0 && n >= 1 && n <= 100000)
			i++;
		else
			return -1;
	}
	if (db_begin_write() != 0)
		return 1;
	for (long long i = 0; i < n && id >= 0; i++)
		if ((id = posta_prova(argv[0], oggetto)) > 0)
			audit_log(console, "create", "posta_messaggio", id,
			    "email di prova");
	if (id < 0) {
		db_rollback();
		fprintf(stderr, "non è un indirizzo email: %s\n", argv[0]);
		return 1;
	}
	if (db_commit() != 0)
		return 1;
	printf("%lld email di prova in coda: partono al prossimo invio "
	    "(approdo-admin posta invia)\n", n);
	return 0;
}

/* approdo-admin posta riprova N */
static int
riprova(struct request *console, long long id)
{
	int rc;

	if (db_begin_write() != 0)
		return 1;
	if ((rc = posta_riprova(id, time(NULL))) == 1)
		audit_log(console, "update", "posta_messaggio", id,
		    "rimesso in coda");
	if (rc < 0 || db_commit() != 0)
		return 1;
	printf(rc == 1 ? "messaggio %lld di nuovo in coda\n" :
	    "il messaggio %lld non è tra quelli non consegnati\n", id);
	return rc != 1;
}

static int
cmd_posta(struct request *console, int argc, char **argv)
{
	long long id;
	int n;

	if (argc < 1)
		return -1;
	if (strcmp(argv[0], "invia") == 0 && (argc == 1 || (argc == 2 &&
	    strcmp(argv[1], "--subito") == 0)))
		return invio_esegui(console, argc == 2);
	if (strcmp(argv[0], "riepilogo") == 0 && argc == 1) {
		if ((n = posta_riepiloghi(time(NULL))) < 0)
			return 1;
		printf("posta: %d riepiloghi in coda\n", n);
		return 0;
	}
	if (strcmp(argv[0], "stato") == 0 && argc == 1)
		return uscita_stato(console);
	if (strcmp(argv[0], "prova") == 0)
		return prova(console, argc - 1, argv + 1);
	if (strcmp(argv[0], "riprova") == 0 && argc == 2 &&
	    parse_int64(argv[1], &id) == 0)
		return riprova(console, id);
	return -1;
}

static const struct route routes[] = {
	{ "GET", "/avvisi", &perm_login, .handler = preferenze_get },
	{ "POST", "/avvisi", &perm_login, .handler = preferenze_post },
	{ "GET", "/avvisi/posta", &avvisi_posta, .handler = uscita_page },
	{ "POST", "/avvisi/posta/#/riprova", &avvisi_posta,
	  .handler = uscita_riprova },
};

static const struct link nav[] = {
	{ .href = "/avvisi/posta", .title = "Posta in uscita",
	  .perm = &avvisi_posta },
};

static const struct link tiles[] = {
	{ .href = "/avvisi/posta", .title = "Posta in uscita",
	  .text = "Le email in coda e quelle non consegnate, con i loro "
	  "errori.", .perm = &avvisi_posta },
	{ .href = "/avvisi", .title = "Avvisi per email",
	  .text = "Scegli quali avvisi ricevere anche per email.",
	  .perm = &perm_login },
};

static const struct command commands[] = {
	{ "posta", "invia [--subito] | riepilogo | stato | "
	  "prova INDIRIZZO [--oggetto TESTO] [--n N] | riprova N", cmd_posta },
};

/* A message that could not be delivered: the administrators, daily. */
static const struct notifica_tipo notifiche[] = {
	{ .tipo = "posta_fallita", .label = "Email non consegnata",
	  .urgente = 0, .roles = ROLE(AMMINISTRATORE) },
};

const struct module avvisi_modulo = {
	.name = "avvisi",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.commands = commands, .ncommands = COUNT(commands),
	.notifiche = notifiche, .nnotifiche = COUNT(notifiche),
};
