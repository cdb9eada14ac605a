/*
** approdo-admin scadenze ...: the rules with their legal source, one
** rule computed by hand (the dated vectors of tests/scadenze/ run through
** it), the recompute of every case (a daily timer:
** apache/approdo-scadenze@.service), the cases queued since (a timer every
** few minutes); and the module's demo and upgrade hooks. Writes through
** ricalcolo.c and scadenza.c.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "interno.h"

/* approdo-admin scadenze regole */
static int
regole(void)
{
	const struct regola *const *v;
	size_t n = regole_tutte(&v);

	for (size_t i = 0; i < n; i++) {
		const struct regola *g = v[i];
		char t[160];

		regola_termine_testo(g, t, sizeof t);
		printf("%s\n  %s\n  termine: %s%s; urgenza %s%s\n", g->codice,
		    g->titolo, t, regola_oraria(g) ? " (ore, ora di Roma)" : "",
		    regola_urgenza(g->urgenza), g->subito ?
		    ", subito anche al responsabile" : "");
		if (g->navvisi > 0) {
			printf("  avvisi:");
			for (int k = 0; k < g->navvisi; k++) {
				struct regola a = { .termine = g->avvisi[k] };

				regola_termine_testo(&a, t, sizeof t);
				printf("%s %s", k ? "," : "", t);
			}
			printf(" %s\n", g->avvisi_da_scadenza ?
			    "dalla scadenza" : "dall'inizio");
		}
		printf("  inizio: %s\n  si chiude con: %s\n  responsabile: %s"
		    " (in ritardo di %d giorni: anche il responsabile "
		    "dell'ufficio)\n  fonte: %s\n", g->inizio, g->completamento,
		    g->chi ? g->chi : "l'operatore del caso",
		    regola_escalation_giorni(), g->fonte);
	}
	return 0;
}

/* approdo-admin scadenze calcola REGOLA INIZIO [FISSATA] */
static int
calcola(int argc, char **argv)
{
	const struct regola *g;
	struct calcolo c;
	char iso[32];

	if (argc < 3 || argc > 4)
		return -1;
	if ((g = regola_trova(argv[1])) == NULL) {
		fprintf(stderr, "regola sconosciuta: %s (approdo-admin "
		    "scadenze regole le elenca)\n", argv[1]);
		return 2;
	}
	if (regola_calcola(g, argv[2], argc == 4 ? argv[3] : NULL, &c) != 0) {
		fprintf(stderr, "inizio non valido: %s (aaaa-mm-gg, o "
		    "aaaa-mm-ggThh:mm sull'ora di Roma)\n", argv[2]);
		return 1;
	}
	regola_iso(g, &c, iso);
	printf("%s\n", iso);
	return 0;
}

static double
secondi(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static const char SQL_MINORI[] = "SELECT count(*) FROM minori";

/* approdo-admin scadenze ricalcola [--senza-avvisi] */
static int
ricalcola(int argc, char **argv)
{
	struct timespec t0, t1;
	long long casi;
	int notices = 1, n;

	if (argc == 2 && strcmp(argv[1], "--senza-avvisi") == 0)
		notices = 0;
	else if (argc != 1)
		return -1;
	casi = db_value(SQL_MINORI, NO_ARGS, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	n = scadenze_ricalcola(notices);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (n < 0) {
		fputs("ricalcolo delle scadenze non riuscito\n", stderr);
		return 1;
	}
	printf("scadenze di %lld minori ricalcolate in %.3f s: %d scritte\n",
	    casi, secondi(&t0, &t1), n);
	return 0;
}

/*
** approdo-admin scadenze aggiorna: the cases whose facts changed since
** (the queue), then the notices of every deadline whose level changed.
*/
static int
aggiorna(void)
{
	int casi = 0, avvisi = 0, n;

	do {
		if (db_begin_write() != 0)
			return 1;
		if ((n = ricalcolo_coda(&avvisi)) < 0) {
			db_rollback();
			return 1;
		}
		if (db_commit() != 0)
			return 1;
		casi += n;
	} while (n > 0);
	if (db_begin_write() != 0)
		return 1;
	if ((n = avvisi_invia(LLONG_MIN, LLONG_MAX, (long long)time(NULL), 1))
	    < 0) {
		db_rollback();
		return 1;
	}
	if (db_commit() != 0)
		return 1;
	printf("scadenze aggiornate: %d minori ricalcolati, %d avvisi\n", casi,
	    avvisi + n);
	return 0;
}

int
comandi_scadenze(struct request *console, int argc, char **argv)
{
	(void)console;
	if (argc >= 1 && strcmp(argv[0], "regole") == 0 && argc == 1)
		return regole();
	if (argc >= 1 && strcmp(argv[0], "calcola") == 0)
		return calcola(argc, argv);
	if (argc >= 1 && strcmp(argv[0], "ricalcola") == 0)
		return ricalcola(argc, argv);
	if (argc == 1 && strcmp(argv[0], "aggiorna") == 0)
		return aggiorna();
	return -1;
}

/* The demo's cases get their deadlines, their levels recorded untold. */
int
scadenze_demo(struct request *console, long long n)
{
	(void)console;
	(void)n;
	return scadenze_ricalcola(0) < 0 ? -1 : 0;
}

/*
** After the migrations: every deadline computed again, untold, when the
** rules or their settings differ from those they were computed with (the
** first time, a new rule, another APPRODO_PEI_VERIFICA_MESI).
*/
int
scadenze_upgrade(struct request *console)
{
	(void)console;
	if (scadenze_impronta() == regole_impronta())
		return 0;
	return scadenze_ricalcola(0) < 0 ? -1 : 0;
}
