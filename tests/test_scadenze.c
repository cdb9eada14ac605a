/*
** Unit tests for the deadline engine (lib/scadenze/) and Rome's clock
** (lib/core/date.c): the clock at each change against the hours worked
** out by hand and against the system's time zone database; the dated
** vectors of tests/scadenze/vettori.txt through the rules (every rule has
** some); the alerts and the levels; then, on a temporary database, the
** recompute of a case: deadlines opened, closed by their completing fact,
** removed when their rule no longer applies, a notice once per level (the
** escalation and a missing minor to the responsabili too), nothing
** written when nothing changed, the queue of sql/018's triggers, the
** case's panel (also for a case still queued), the navigation's count.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "interno.h"
#include "module.h"
#include "page.h"
#include "scadenze.h"
#include "testdb.h"
#include "tap.h"

static char dir[] = "/tmp/approdo-test-scadenze-XXXXXX", dbpath[600];

static void
is(const char *got, const char *want, const char *what)
{
	if (!ok(strcmp(got, want) == 0, "%s is %s", what, want))
		printf("# got %s\n", got);
}

/* --- Rome's clock ---------------------------------------------------- */

static void
test_ora_di_roma(void)
{
	/* 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC, by hand. */
	static const struct { long long t; int offset; const char *local; }
	    v[] = {
		{ 1774745999, 3600, "2026-03-29 01:59" },
		{ 1774746000, 7200, "2026-03-29 03:00" },
		{ 1792889999, 7200, "2026-10-25 02:59" },
		{ 1792890000, 3600, "2026-10-25 02:00" },
		{ 1767225600, 3600, "2026-01-01 01:00" },
		{ 1782864000, 7200, "2026-07-01 02:00" },
		{ 1711846800, 7200, "2024-03-31 03:00" },
	};
	char local[17];
	long long t;

	for (size_t i = 0; i < COUNT(v); i++) {
		int off = date_unix_to_rome(v[i].t, local);

		ok(date_rome_offset(v[i].t) == v[i].offset && off * 60 ==
		    v[i].offset && strcmp(local, v[i].local) == 0,
		    "unix %lld is %s in Rome (UTC%+d)", v[i].t, v[i].local,
		    v[i].offset / 3600);
	}
	ok(date_rome_to_unix("2026-03-29 02:30", &t) == 0 && t == 1774747800,
	    "02:30 on 29/03/2026 (skipped) is read on the winter clock: "
	    "01:30 UTC");
	ok(date_rome_to_unix("2026-10-25T02:30", &t) == 0 && t == 1792888200,
	    "02:30 on 25/10/2026 (twice) is its first pass: 00:30 UTC");
	ok(date_rome_to_unix("2026-10-25", &t) == 0 && t == 1792879200,
	    "a date alone is its midnight (CEST): 22:00 UTC the day before");
	ok(date_rome_to_unix("2026-02-30", &t) != 0 &&
	    date_rome_to_unix("2026-01-01 24:00", &t) != 0 &&
	    date_rome_to_unix("01/02/2026", &t) != 0 &&
	    date_rome_to_unix("2026-01-01 1:00", &t) != 0,
	    "not a date or a time: refused");

	/* Every half hour of 2000-2040 against the time zone database. */
	if (access("/usr/share/zoneinfo/Europe/Rome", R_OK) != 0) {
		ok(1, "# SKIP no time zone database to compare with");
		return;
	}
	setenv("TZ", "Europe/Rome", 1);
	tzset();
	{
		long long bad = 0, n = 0;

		for (long long u = 946684800LL; u < 2208988800LL; u += 1800) {
			time_t tt = (time_t)u;
			struct tm tm;
			char want[32];
			int off = date_unix_to_rome(u, local);

			localtime_r(&tt, &tm);
			strftime(want, sizeof want, "%Y-%m-%d %H:%M", &tm);
			n++;
			if (strcmp(want, local) != 0 ||
			    off * 60 != tm.tm_gmtoff ||
			    date_rome_to_unix(local, &t) != 0 ||
			    (t != u && t != u - 3600))
				bad++;
		}
		ok(bad == 0, "Rome's clock agrees with the system's time zone "
		    "database at each of %lld half hours of 2000-2039, both "
		    "ways (%lld differ)", n, bad);
	}
}

/* --- the dated vectors ------------------------------------------------ */

static void
test_vettori(void)
{
	char path[700], line[600];
	const char *src = getenv("srcdir");
	const struct regola *const *v;
	size_t nr = regole_tutte(&v);
	int coperte[64] = { 0 }, n = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/scadenze/vettori.txt",
	    src ? src : ".");
	if (!ok((f = fopen(path, "r")) != NULL, "the vectors: %s", path))
		return;
	while (fgets(line, sizeof line, f)) {
		char *regola, *inizio, *fissata, *atteso, *motivo, *p = line;
		const struct regola *g;
		struct calcolo c;
		char iso[32] = "";

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		regola = strsep(&p, "\t");
		inizio = strsep(&p, "\t");
		fissata = strsep(&p, "\t");
		atteso = strsep(&p, "\t");
		motivo = p;
		if (!ok(regola && inizio && fissata && atteso && motivo,
		    "vector line: %s", line))
			continue;
		g = regola_trova(regola);
		if (g && regola_calcola(g, inizio, strcmp(fissata, "-") ?
		    fissata : NULL, &c) == 0)
			regola_iso(g, &c, iso);
		if (!ok(g && strcmp(iso, atteso) == 0,
		    "%s from %s%s%s: %s (%s)", regola, inizio,
		    strcmp(fissata, "-") ? ", end fixed " : "",
		    strcmp(fissata, "-") ? fissata : "", atteso, motivo))
			printf("# got %s\n", iso);
		for (size_t i = 0; g && i < nr && i < COUNT(coperte); i++)
			if (v[i] == g)
				coperte[i]++;
		n++;
	}
	fclose(f);
	ok(n >= 60, "at least 60 dated vectors (%d)", n);
	for (size_t i = 0; i < nr && i < COUNT(coperte); i++)
		ok(coperte[i] > 0, "rule %s has vectors (%d)", v[i]->codice,
		    coperte[i]);
}

/* --- the arithmetic beyond the due date -------------------------------- */

static void
test_termini(void)
{
	const struct regola mese = { .codice = "prova",
	    .termine = { .mesi = 1 } };
	static const struct { const char *da, *a, *why; } mesi[] = {
		{ "2026-01-31", "2026-02-28", "31 January + 1 month: "
		  "February's last day (art. 2963 c.c.)" },
		{ "2028-01-31", "2028-02-29", "in a leap year, 29 February" },
		{ "2026-03-31", "2026-04-30", "31 March + 1 month: 30 April" },
		{ "2026-12-31", "2027-01-31", "31 December + 1 month: into the "
		  "new year" },
		{ "2026-01-30", "2026-02-28", "30 January + 1 month" },
		{ "2026-02-28", "2026-03-28", "28 February + 1 month: the same "
		  "day, not the month's last" },
	};
	struct calcolo c;
	char t[160];

	for (size_t i = 0; i < COUNT(mesi); i++) {
		regola_calcola(&mese, mesi[i].da, NULL, &c);
		is(c.entro, mesi[i].a, mesi[i].why);
	}
	/* The alerts of turning 18: 6 and 3 months before the birthday. */
	regola_calcola(regola_trova("art32"), "2008-02-29", NULL, &c);
	is(c.dal, "2025-08-28", "art32, born 29/02/2008: first alert 6 months "
	    "before the 18th birthday (28/02/2026)");
	is(c.avviso, "2025-11-28", "and the second, 3 months before (the "
	    "window opens)");
	regola_calcola(regola_trova("prosieguo_richiesta"), "2008-07-31", NULL,
	    &c);
	is(c.dal, "2026-01-31", "prosieguo_richiesta, born 31/07/2008: 6 "
	    "months before 31/07/2026");
	is(c.avviso, "2026-04-30", "3 months before: April's last day");
	regola_calcola(regola_trova("documento"), "2026-04-30", NULL, &c);
	is(c.dal, "2026-03-01", "a document expiring 30/04/2026: alert 60 "
	    "days before");
	regola_calcola(regola_trova("documento"), "2028-04-29", NULL, &c);
	is(c.dal, "2028-02-29", "expiring 29/04/2028: alert on 29 February");
	regola_calcola(regola_trova("prosieguo_fine"), "2005-06-10",
	    "2025-12-31", &c);
	is(c.dal, "2025-09-30", "the extension's end fixed on 31/12/2025: "
	    "alert 3 months before it");
	regola_calcola(regola_trova("tutela_nomina"), "2026-02-01", NULL, &c);
	is(c.dal, "2026-02-01", "no guardian yet: on the agenda from the "
	    "petition");
	regola_calcola(regola_trova("identificazione"), "2026-02-25", NULL, &c);
	is(c.dal, "2026-02-28", "a rule without alerts shows from 7 days "
	    "before its due (07/03/2026)");
	ok(c.scade == 1772924400, "a due day is overdue from the next "
	    "midnight in Rome (08/03/2026 00:00 CET)");
	regola_calcola(regola_trova("art403_atti"), "2026-03-28 12:00", NULL,
	    &c);
	ok(strcmp(c.entro, "2026-03-29") == 0 && strcmp(c.ora, "13:00") == 0 &&
	    c.scade == 1774782000 && strcmp(c.dal, "2026-03-28") == 0,
	    "a term in hours: its day and time in Rome, overdue from that "
	    "instant, on the agendas from its start");
	ok(regola_calcola(regola_trova("art32"), "2008-02-30", NULL, &c) != 0 &&
	    regola_calcola(regola_trova("art403_atti"), "2026-03-28 25:00",
	    NULL, &c) != 0, "a start that is not a date: no deadline");
	regola_termine_testo(regola_trova("art403_atti"), t, sizeof t);
	is(t, "24 ore", "the 24 hours in words");
	regola_termine_testo(regola_trova("colloquio"), t, sizeof t);
	is(t, "30 giorni (APPRODO_SCADENZE_COLLOQUIO_GIORNI)",
	    "a term from a setting, in words");
	{
		const struct regola a = {
			.termine = { .anni = 18, .mesi = -6 },
		};

		regola_termine_testo(&a, t, sizeof t);
		is(t, "18 anni meno 6 mesi", "6 months before 18, in words");
	}
	ok(regole_impronta() == regole_impronta() && regole_impronta() > 0,
	    "the rules' fingerprint is stable and a positive integer");
}

/* --- the levels ------------------------------------------------------- */

static void
test_livelli(void)
{
	const struct regola *g = regola_trova("documento");
	struct calcolo c;
	struct soglie s;
	long long t;

	regola_calcola(g, "2026-06-30", NULL, &c);
	scadenza_soglie(g, c.dal, c.avviso, c.entro, c.scade, &s);
	date_rome_to_unix("2026-04-30 23:59", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_FUTURA, "a document expiring "
	    "30/06/2026: nothing before its alert (01/05/2026)");
	ok(scadenza_prossima(&s, t) == s.t[LIVELLO_AVVISO], "the next change "
	    "is the alert");
	date_rome_to_unix("2026-05-01", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_AVVISO, "from 01/05/2026 the "
	    "alert");
	date_rome_to_unix("2026-06-23", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_SETTIMANA, "from 23/06 due "
	    "within 7 days");
	date_rome_to_unix("2026-06-30 23:59", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_SETTIMANA, "on its last day, "
	    "still due");
	date_rome_to_unix("2026-07-01", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_SCADUTA, "from 01/07 overdue");
	date_rome_to_unix("2026-07-04", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_ESCALATA &&
	    scadenza_prossima(&s, t) == 0, "3 days late "
	    "(APPRODO_SCADENZE_ESCALATION_GIORNI): the responsabile's too, "
	    "and nothing after");
	g = regola_trova("art32");
	regola_calcola(g, "2008-06-15", NULL, &c);
	scadenza_soglie(g, c.dal, c.avviso, c.entro, c.scade, &s);
	date_rome_to_unix("2026-03-15", &t);
	ok(scadenza_livello(&s, t) == LIVELLO_AVVISO2, "art. 32, 18 on "
	    "15/06/2026: the second alert on 15/03/2026");
}

/* --- the engine on a database ----------------------------------------- */

static struct request anna, rita, casa;

static char query[512];
#define qi(...) (snprintf(query, sizeof query, __VA_ARGS__), q_int(query))
#define qt(...) (snprintf(query, sizeof query, __VA_ARGS__), q_text(query))
#define ex(...) (snprintf(query, sizeof query, __VA_ARGS__), exec(query))

/* A date `days` from today in Rome, and a time `hours` from now there. */
static const char *
giorno(int days)
{
	static char d[4][11];
	static int k;
	char oggi[11];

	k = (k + 1) % 4;
	date_today_rome(oggi);
	date_add_days(oggi, days, d[k]);
	return d[k];
}

static const char *
ore(int hours)
{
	static char local[17];

	date_unix_to_rome((long long)time(NULL) + hours * 3600LL, local);
	return local;
}

static long long
notifiche(long long utente, const char *like)
{
	return qi("SELECT count(*) FROM notifiche WHERE utente_id = %lld AND"
	    " testo LIKE '%s'", utente, like);
}

static const char *
stato_di(long long minore, const char *regola)
{
	return qt("SELECT stato FROM scadenze WHERE minore_id = %lld AND"
	    " regola = '%s'", minore, regola);
}

/* The value `field` of row `i` of page list `list` of request `r`. */
static const char *
riga_di(struct request *r, const char *list, int i, const char *field)
{
	char name[128];

	snprintf(name, sizeof name, "%s.%d.%s", list, i, field);
	return r->hdf ? hdf_get_value(r->hdf, name, "") : "";
}

/* The panel's row of rule `regola`, or -1. */
static int
riga_regola(struct request *r, const char *list, int n, const char *regola)
{
	for (int i = 0; i < n; i++)
		if (strcmp(riga_di(r, list, i, "regola"), regola) == 0)
			return i;
	return -1;
}

/*
** What approdo-admin scadenze aggiorna does with the queue: the cases
** that ex()'s writes queued (the triggers, whoever writes) recomputed.
*/
static int
coda(void)
{
	int sent = 0;

	if (db_begin_write() != 0)
		return -1;
	if (ricalcolo_coda(&sent) < 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

static void
test_motore(void)
{
	long long written, n, domani;
	int rows, i;

	/* Case 1: placed under art. 403 30 hours ago, nothing sent yet. */
	ok(ex("INSERT INTO minori (id, numero, cognome, nome, sesso,"
	    " data_nascita, cittadinanza, data_rintraccio, modalita_rintraccio,"
	    " data_403, data_presa_in_carico, data_stato, operatore_id,"
	    " struttura_id) VALUES (1, 'MSNA-2026-00001', 'Diallo', 'Alpha',"
	    " 'M', '2010-05-10', 'Guinea', '%s', 'sbarco', '%s', '%s', '%s',"
	    " 101, 1)", giorno(-2), ore(-30), giorno(-1), giorno(-1)) ==
	    SQLITE_OK && ex("INSERT INTO collocamenti (minore_id, struttura_id,"
	    " dal) VALUES (1, 1, '%s')", giorno(-1)) == SQLITE_OK,
	    "a case placed under art. 403 30 hours ago, in first reception");
	ok(q_int("SELECT count(*) FROM scadenze_da_ricalcolare WHERE"
	    " minore_id = 1") == 1, "the triggers queued it");

	/* Before any recompute the panel computes it from its facts. */
	rows = scadenze_del_caso(&anna, 1, "Vivo");
	i = riga_regola(&anna, "Vivo", rows, "art403_atti");
	ok(rows > 5 && i >= 0 && strcmp(riga_di(&anna, "Vivo", i, "stato"),
	    "scaduta") == 0, "a queued case's panel: its deadlines as its "
	    "facts make them now (art. 403's 24 hours: overdue)");

	ok(coda() == 0, "the queued case's recompute");
	ok(q_int("SELECT count(*) FROM scadenze_da_ricalcolare") == 0,
	    "out of the queue");
	is(stato_di(1, "art403_atti"), "aperta", "art403_atti is open");
	ok(qi("SELECT scade < strftime('%%s', 'now') FROM scadenze WHERE"
	    " minore_id = 1 AND regola = 'art403_atti'") == 1, "and overdue");
	ok(notifiche(101, "MSNA-2026-00001: Art. 403: trasmettere%scaduta il%")
	    == 1, "the case worker is told it is overdue, by case number");
	ok(notifiche(101, "%Diallo%") == 0 && notifiche(103, "%Alpha%") == 0,
	    "no notice names the minor");
	is(stato_di(1, "art403_convalida"), "(none)", "the next step has not "
	    "started");
	n = q_int("SELECT count(*) FROM notifiche");
	ok(coda() == 0 && q_int("SELECT count(*) FROM"
	    " notifiche") == n, "computed again: no notice repeats");
	ok(ricalcolo(1, 1, 1) == 0, "and nothing is written when nothing "
	    "changed");
	rows = scadenze_del_caso(&anna, 1, "Salvato");
	ok(rows == scadenze_del_caso(&anna, 1, "Salvato2") && rows > 5 &&
	    strcmp(riga_di(&anna, "Salvato", 0, "stato"), "scaduta") == 0 &&
	    strlen(riga_di(&anna, "Salvato", 0, "fonte")) > 0,
	    "the panel of the kept deadlines: overdue first, with the source");
	date_rome_to_unix(giorno(1), &domani);
	ok(agenda_conta(&anna) == qi("SELECT count(*) FROM scadenze WHERE"
	    " utente_id = 101 AND stato = 'aperta' AND scade <= %lld",
	    domani) && agenda_conta(&anna) >= 1,
	    "the navigation's count: overdue and due today (%d)",
	    agenda_conta(&anna));
	ok(scadenze_del_caso(&casa, 1, "Struttura") == 0 &&
	    riga_di(&casa, "Struttura", 0, "regola")[0] == '\0',
	    "a facility user gets no deadlines");

	/* The notice to the prosecutor is recorded: the step is done. */
	ok(ex("UPDATE minori SET data_403_comunicazione = '%s' WHERE id = 1",
	    ore(-2)) == SQLITE_OK && coda() == 0,
	    "the notice to the prosecutor recorded, two hours ago");
	is(stato_di(1, "art403_atti"), "fatta", "the 24 hours' step is done");
	is(qt("SELECT fatta_il FROM scadenze WHERE minore_id = 1 AND regola ="
	    " 'art403_atti'"), ore(-2), "on the day and time recorded");
	is(stato_di(1, "art403_convalida"), "aperta", "the 72 hours start");
	ok(notifiche(101, "%il PM revoca o chiede la convalida%scade%") == 1,
	    "and the worker is told they are due");

	/* A document that expired five days ago: straight to escalation. */
	n = notifiche(103, "%");
	ok(ex("INSERT INTO documenti (minore_id, tipo, data_scadenza) VALUES"
	    " (1, 'passaporto', '%s')", giorno(-5)) == SQLITE_OK &&
	    coda() == 0, "a passport expired 5 days ago");
	ok(notifiche(103, "%Documento o permesso in scadenza%passa al "
	    "responsabile%") == 1 && notifiche(104, "%Documento o permesso%")
	    == 1 && notifiche(101, "%Documento o permesso%") == 1,
	    "late for more than 3 days: both responsabili are told, and the "
	    "worker, never told before");
	ok(ex("INSERT INTO documenti (minore_id, tipo, data_rilascio,"
	    " data_scadenza) VALUES (1, 'passaporto', '%s', '%s')", giorno(0),
	    giorno(3650)) == SQLITE_OK && coda() == 0 &&
	    qi("SELECT count(*) FROM scadenze WHERE minore_id = 1 AND regola ="
	    " 'documento' AND stato = 'fatta' AND fatta_il = '%s'", giorno(0))
	    == 1, "renewed: a passport expiring later closes it, on its issue "
	    "date");

	/* Reassigned: the deadlines follow the case worker. */
	ok(ex("UPDATE minori SET operatore_id = 102 WHERE id = 1") == SQLITE_OK
	    && coda() == 0 && q_int("SELECT count(*) FROM"
	    " scadenze WHERE minore_id = 1 AND stato = 'aperta' AND"
	    " utente_id = 101") == 0 && q_int("SELECT count(*) FROM scadenze"
	    " WHERE minore_id = 1 AND stato = 'aperta' AND utente_id = 102") >
	    0, "a new case worker: the open deadlines are theirs");

	/* Gone missing: the case worker and the responsabili at once. */
	ok(ex("INSERT INTO stati (minore_id, stato, data) VALUES (1,"
	    " 'allontanato', '%s')", giorno(0)) == SQLITE_OK &&
	    ex("UPDATE minori SET stato = 'allontanato', data_stato = '%s'"
	    " WHERE id = 1", giorno(0)) == SQLITE_OK &&
	    coda() == 0,
	    "the minor is reported missing today");
	ok(notifiche(102, "%Minore allontanato%scade oggi%") == 1 &&
	    notifiche(103, "%Minore allontanato%") == 1 &&
	    notifiche(104, "%Minore allontanato%") == 1,
	    "the case worker and every responsabile are told at once");
	ok(q_int("SELECT count(*) FROM scadenze WHERE minore_id = 1 AND"
	    " stato = 'aperta' AND regola <> 'allontanamento'") == 0 &&
	    q_int("SELECT count(*) FROM scadenze WHERE minore_id = 1 AND"
	    " stato = 'fatta'") >= 2, "the other open deadlines no longer "
	    "apply (removed); the done ones stay");
	ok(ex("INSERT INTO stati (minore_id, stato, data) VALUES (1,"
	    " 'in_carico', '%s')", giorno(0)) == SQLITE_OK &&
	    ex("UPDATE minori SET stato = 'in_carico' WHERE id = 1") ==
	    SQLITE_OK && coda() == 0 &&
	    strcmp(stato_di(1, "allontanamento"), "fatta") == 0,
	    "back in care: the missing minor's deadline is closed");

	/* Many cases at once, the first time: their levels recorded untold. */
	ok(exec("WITH RECURSIVE k(id) AS (SELECT 2 UNION ALL SELECT id + 1"
	    " FROM k WHERE id < 40) INSERT INTO minori (id, numero, cognome,"
	    " nome, sesso, data_nascita, cittadinanza, data_rintraccio,"
	    " modalita_rintraccio, data_presa_in_carico, data_stato,"
	    " operatore_id) SELECT id, printf('MSNA-2025-%05d', id), 'Camara',"
	    " 'Minore', 'M', '2008-01-10', 'Mali', '2025-01-01', 'sbarco',"
	    " '2025-01-02', '2025-01-02', 101 FROM k") == SQLITE_OK,
	    "39 cases more");
	n = q_int("SELECT count(*) FROM notifiche");
	written = scadenze_ricalcola(0);
	ok(written > 39 * 5 && q_int("SELECT count(*) FROM notifiche") == n &&
	    q_int("SELECT count(*) FROM scadenze_da_ricalcolare") == 0,
	    "every case recomputed without notices (%lld written)", written);
	ok(q_int("SELECT count(*) FROM scadenze WHERE stato = 'aperta' AND"
	    " scade < strftime('%s', 'now') AND notificata < 4") == 0,
	    "the levels they are at are recorded as told");
	ok(scadenze_ricalcola(1) == 0, "recomputed again: nothing written");
	ok(scadenze_impronta() == regole_impronta() && scadenze_upgrade(&rita)
	    == 0, "the rules' fingerprint is recorded");
	ok(ex("UPDATE scadenze SET prossima = 1 WHERE minore_id = 2 AND"
	    " regola = 'prosieguo_richiesta'") == SQLITE_OK &&
	    avvisi_invia(0, 1000, (long long)time(NULL), 1) == 0,
	    "a level looked at again but unchanged: nothing told");
}

/*
** A facility's deadline: its free places declared again within 7 days.
** Its rows have minore_id minus the facility's id; the responsabili and
** the facility's users are told, by the facility's name.
*/
static void
test_struttura(void)
{
	ok(ex("UPDATE strutture SET posti_m_14_17 = 6 WHERE id = 1") ==
	    SQLITE_OK && ex("INSERT INTO posti_dichiarazioni (struttura_id,"
	    " quando, utente_id, liberi_m_14_17) VALUES (1, '%s 09:00:00', 105,"
	    " 2)", giorno(-9)) == SQLITE_OK && q_int("SELECT count(*) FROM"
	    " scadenze_da_ricalcolare WHERE minore_id = -1") == 1,
	    "a declaration of nine days ago queues the facility (-1)");
	ok(ex("INSERT INTO strutture (nome, tipo) VALUES ('Casa Prima',"
	    " 'prima_accoglienza') ON CONFLICT (nome) DO UPDATE SET"
	    " posti_m_14_17 = 6") == SQLITE_OK && q_int("SELECT count(*) FROM"
	    " scadenze_da_ricalcolare WHERE minore_id = -1") == 1,
	    "an upsert on a queued facility: its trigger adds no second row "
	    "and fails nothing (an upsert overrides OR IGNORE)");
	ok(coda() == 0 && qi("SELECT count(*) FROM scadenze WHERE"
	    " regola = 'dichiarazione_posti' AND minore_id = -1 AND stato ="
	    " 'aperta' AND entro = '%s' AND utente_id IS NULL", giorno(-2)) == 1,
	    "its deadline: 7 days on, overdue, nobody's in particular");
	ok(notifiche(103, "Casa Prima: Dichiarare di nuovo i posti liberi%"
	    "scaduta il%") == 1 && notifiche(104, "Casa Prima: Dichiarare%")
	    == 1, "both responsabili told, by the facility's name");
	ok(qi("SELECT count(*) FROM notifiche WHERE utente_id = 105 AND tipo ="
	    " 'scadenza_posti' AND href = '/minori/posti/dichiarazione'") == 1,
	    "the facility's user told, pointing to the declaration");
	ok(qi("SELECT count(*) FROM notifiche WHERE utente_id IN (101, 102)"
	    " AND testo LIKE 'Casa Prima%%'") == 0, "the case workers are not");
	ok(ex("INSERT INTO posti_dichiarazioni (struttura_id, quando, utente_id,"
	    " liberi_m_14_17) VALUES (1, '%s 08:00:00', 105, 1)", giorno(0)) ==
	    SQLITE_OK && coda() == 0 && qi("SELECT count(*) FROM"
	    " scadenze WHERE minore_id = -1 AND stato = 'fatta' AND fatta_il ="
	    " '%s'", giorno(0)) == 1 && qi("SELECT count(*) FROM scadenze WHERE"
	    " minore_id = -1 AND stato = 'aperta' AND entro = '%s'", giorno(7))
	    == 1, "declared again: done today, the next due in 7 days");
	ok(ex("UPDATE strutture SET attiva = 0 WHERE id = 1") == SQLITE_OK &&
	    coda() == 0 && q_int("SELECT count(*) FROM scadenze WHERE"
	    " minore_id = -1 AND stato = 'aperta'") == 0,
	    "an inactive facility has nothing to declare");
	ok(ex("UPDATE strutture SET attiva = 1 WHERE id = 1") == SQLITE_OK &&
	    scadenze_ricalcola(1) >= 0 && q_int("SELECT count(*) FROM scadenze"
	    " WHERE minore_id = -1 AND stato = 'aperta'") == 1,
	    "the recompute of every case takes the facilities too");
}

int
main(void)
{
	static const struct module *const moduli[] = { &scadenze_modulo, NULL };

	setenv("APPRODO_TZ", "Europe/Rome", 1);
	modules_set(moduli);	/* the kinds of notice it sends */
	test_ora_di_roma();
	test_vettori();
	test_termini();
	test_livelli();
	ok(testdb_create(dir, dbpath, sizeof dbpath) == 0,
	    "db: temporary database migrated");
	ok(exec("INSERT INTO strutture (id, nome, tipo) VALUES"
	    " (1, 'Casa Prima', 'prima_accoglienza'), (2, 'Casa Sai', 'sai')")
	    == SQLITE_OK && exec("INSERT INTO utenti (id, username, nome,"
	    " ruolo, struttura_id, password_hash) VALUES"
	    " (101, 'anna', 'Anna', 'operatore', NULL, 'x'),"
	    " (102, 'bruno', 'Bruno', 'operatore', NULL, 'x'),"
	    " (103, 'rita', 'Rita', 'responsabile', NULL, 'x'),"
	    " (104, 'sara', 'Sara', 'responsabile', NULL, 'x'),"
	    " (105, 'casa', 'Casa', 'struttura', 1, 'x')") == SQLITE_OK,
	    "db: two facilities, five users");
	anna = testdb_as(101, ROLE_OPERATORE, "anna");
	rita = testdb_as(103, ROLE_RESPONSABILE, "rita");
	casa = testdb_as(105, ROLE_STRUTTURA, "casa");
	casa.user.struttura_id = 1;
	test_motore();
	test_struttura();
	page_free(&anna);
	page_free(&casa);
	pool_free(&anna.pool);
	pool_free(&rita.pool);
	pool_free(&casa.pool);
	testdb_remove(dir, dbpath);
	return done_testing();
}
