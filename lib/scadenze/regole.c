/*
** Every rule of every module (regole_<modulo>.c), and the arithmetic of
** their terms. Dates are calendar dates (ISO): a term in years or months
** ends on the same day of the month, or on the month's last day when
** that day is missing (art. 2963 c.c.: born on 29 February, 18 on 28
** February of a common year, as date_age() counts it), years first, then
** months, then days; a term "6 months before the 18th birthday" is the
** birthday, then 6 months back. A term in hours counts elapsed hours on
** Rome's clock (lib/core/date.c: CET/CEST), from the recorded time (a
** date alone is its midnight: the earliest the fact can have happened,
** so the due time is never later than the law's). Proved by the dated
** vectors of tests/scadenze/vettori.txt. Writes no table.
*/
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "interno.h"
#include "pei.h"
#include "settings.h"

/*
** The rule tables, one per module, each in the file named after it. A
** facility's deadline (regole_posti.c) has minore_id minus the facility's
** id: the agendas and the notices name the facility instead of a case.
*/
static const struct {
	const char *modulo;
	const struct regola *v;
	const size_t *n;
} tabelle[] = {
	{ "minori", regole_minori, &regole_nminori },
	{ "pei", regole_pei, &regole_npei },
	{ "monitoraggio", regole_monitoraggio, &regole_nmonitoraggio },
	{ "posti", regole_posti, &regole_nposti },
};

#define REGOLE_MAX 64

/* Every rule, in the tables' order. */
size_t
regole_tutte(const struct regola *const **out)
{
	static const struct regola *tutte[REGOLE_MAX];
	static size_t n;

	if (n == 0)
		for (size_t t = 0; t < COUNT(tabelle); t++)
			for (size_t i = 0; i < *tabelle[t].n && n < REGOLE_MAX;
			    i++)
				tutte[n++] = &tabelle[t].v[i];
	*out = tutte;
	return n;
}

const struct regola *
regola_trova(const char *codice)
{
	const struct regola *const *v;
	size_t n = regole_tutte(&v);

	for (size_t i = 0; codice && i < n; i++)
		if (strcmp(v[i]->codice, codice) == 0)
			return v[i];
	return NULL;
}

/* 1 if the rule counts hours (its due is an instant, not a day). */
int
regola_oraria(const struct regola *g)
{
	return g->termine.ore != 0;
}

/* The days of a rule whose term is a setting (APPRODO_...). */
static int
giorni(const struct regola *g)
{
	if (g->config == NULL)
		return g->termine.giorni;
	return (int)config_int(g->config, g->termine.giorni, 0, 3650);
}

/* `from` moved by a term in years, months and days, in that order. */
static void
sposta(const char *from, const struct termine *t, int days, char out[11])
{
	char a[11], b[11];

	date_shift(from, t->anni, 0, a);
	date_shift(a, 0, t->mesi, b);
	date_add_days(b, days, out);
}

/* The unix time of the midnight that starts day `iso` in Rome. */
static long long
mezzanotte(const char *iso)
{
	long long t = 0;

	date_rome_to_unix(iso, &t);
	return t;
}

/*
** A deadline of rule `g` from its start (and the due date its record
** sets, if any): 0, or -1 if `inizio` is not a date (or date and time).
*/
int
regola_calcola(const struct regola *g, const char *inizio,
    const char *fissata, struct calcolo *c)
{
	char start[11], fix[11], next[11];

	memset(c, 0, sizeof *c);
	if (inizio == NULL || strlen(inizio) < 10)
		return -1;
	memcpy(start, inizio, 10);
	start[10] = '\0';
	if (start[4] != '-' || date_parse(start, start) != 0)
		return -1;
	if (regola_oraria(g)) {
		long long t0;
		char local[17];

		if (date_rome_to_unix(inizio, &t0) != 0)
			return -1;
		c->scade = t0 + ((long long)g->termine.giorni * 24 +
		    g->termine.ore) * 3600;
		date_unix_to_rome(c->scade, local);
		memcpy(c->entro, local, 10);
		memcpy(c->ora, local + 11, 5);
		memcpy(c->dal, start, sizeof start);
		return 0;
	}
	if (g->calcola)
		g->calcola(start, c->entro);
	else
		sposta(start, &g->termine, giorni(g), c->entro);
	if (fissata && strlen(fissata) == 10 && date_parse(fissata, fix) == 0 &&
	    strcmp(fix, c->entro) < 0)
		memcpy(c->entro, fix, sizeof fix);
	date_add_days(c->entro, 1, next);
	c->scade = mezzanotte(next);
	if (g->navvisi > 0) {
		const char *base = g->avvisi_da_scadenza ? c->entro : start;

		sposta(base, &g->avvisi[0], g->avvisi[0].giorni, c->dal);
		if (g->navvisi > 1)
			sposta(base, &g->avvisi[1], g->avvisi[1].giorni,
			    c->avviso);
	} else
		date_add_days(c->entro, -7, c->dal);
	if (strcmp(c->dal, c->entro) > 0)
		memcpy(c->dal, c->entro, sizeof c->dal);
	if (*c->avviso && strcmp(c->avviso, c->entro) > 0)
		c->avviso[0] = '\0';
	return 0;
}

/*
** The due date in ISO form: yyyy-mm-dd, or for a term in hours the
** instant on Rome's clock with its offset, yyyy-mm-ddThh:mm+02:00.
*/
void
regola_iso(const struct regola *g, const struct calcolo *c, char out[32])
{
	char local[17];
	int off;

	if (!regola_oraria(g)) {
		snprintf(out, 32, "%s", c->entro);
		return;
	}
	off = date_unix_to_rome(c->scade, local);
	local[10] = 'T';
	snprintf(out, 32, "%s+%02d:00", local, off / 60);
}

/* Appends "N unit" (singular or plural) to a description. */
static void
parte(char *out, size_t size, int n, const char *uno, const char *piu)
{
	size_t len = strlen(out);
	int v = n < 0 ? -n : n;

	if (n == 0)
		return;
	snprintf(out + len, size - len, "%s%s%d %s", len ? " " : "",
	    n < 0 ? "meno " : len ? "e " : "", v, v == 1 ? uno : piu);
}

/* The rule's term in words, for the list of rules. */
void
regola_termine_testo(const struct regola *g, char *out, size_t size)
{
	const struct termine *t = &g->termine;
	size_t len;

	out[0] = '\0';
	if (g->calcola) {
		snprintf(out, size, "%s", g->quando);
		return;
	}
	parte(out, size, t->anni, "anno", "anni");
	parte(out, size, t->mesi, "mese", "mesi");
	parte(out, size, giorni(g), "giorno", "giorni");
	parte(out, size, t->ore, "ora", "ore");
	if (out[0] == '\0')
		snprintf(out, size, "subito");
	len = strlen(out);
	if (g->config)
		snprintf(out + len, size - len, " (%s)", g->config);
}

const char *
regola_urgenza(enum urgenza u)
{
	switch (u) {
	case URGENZA_IMMEDIATA:
		return "immediata";
	case URGENZA_ALTA:
		return "alta";
	case URGENZA_NORMALE:
		break;
	}
	return "normale";
}

/* Overdue for this many days, a deadline is also the responsabile's. */
int
regola_escalation_giorni(void)
{
	static int n = -1;

	if (n < 0)
		n = (int)config_int("APPRODO_SCADENZE_ESCALATION_GIORNI", 3, 0,
		    365);
	return n;
}

/*
** The instants a deadline passes from one level to the next: its alerts
** (its first one is `dal`, the day it shows on the agendas), seven days
** before the due date, overdue (`scade`), and overdue for the escalation's
** days. A rule without alerts shows from the week before.
*/
void
scadenza_soglie(const struct regola *g, const char *dal, const char *avviso,
    const char *entro, long long scade, struct soglie *s)
{
	char settimana[11];

	memset(s, 0, sizeof *s);
	if (g->navvisi > 0 && dal && *dal)
		s->t[LIVELLO_AVVISO] = mezzanotte(dal);
	if (g->navvisi > 1 && avviso && *avviso)
		s->t[LIVELLO_AVVISO2] = mezzanotte(avviso);
	date_add_days(entro, -7, settimana);
	s->t[LIVELLO_SETTIMANA] = regola_oraria(g) ? scade - 7 * 86400 :
	    mezzanotte(settimana);
	s->t[LIVELLO_SCADUTA] = scade;
	s->t[LIVELLO_ESCALATA] = scade + (long long)regola_escalation_giorni() *
	    86400;
}

/* The level a deadline is at, at unix time `now`. */
enum livello
scadenza_livello(const struct soglie *s, long long now)
{
	enum livello l = LIVELLO_FUTURA;

	for (int i = LIVELLO_AVVISO; i <= LIVELLO_ESCALATA; i++)
		if (s->t[i] != 0 && now >= s->t[i])
			l = (enum livello)i;
	return l;
}

/* When the next level after `now` begins, or 0 (none: escalated). */
long long
scadenza_prossima(const struct soglie *s, long long now)
{
	long long next = 0;

	for (int i = LIVELLO_AVVISO; i <= LIVELLO_ESCALATA; i++)
		if (s->t[i] > now && (next == 0 || s->t[i] < next))
			next = s->t[i];
	return next;
}

/* FNV-1a over a string and its terminator. */
static unsigned long long
fnv(unsigned long long h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	} while (*s++);
	return h;
}

/*
** What a rule's deadlines are computed with: its code, its term and
** alerts and the settings they read. A stored deadline's hash starts
** from it, so that another term or setting changes every one of them.
*/
unsigned long long
regola_impronta(const struct regola *g)
{
	unsigned long long h = 14695981039346656037ULL;
	const struct termine *t = &g->termine;
	char num[96];

	snprintf(num, sizeof num, "%d %d %d %d %d %d %d %d", t->anni, t->mesi,
	    giorni(g), t->ore, g->navvisi, g->avvisi_da_scadenza,
	    g->calcola == NULL ? 0 : pei_verifica_mesi(),
	    regola_escalation_giorni());
	h = fnv(fnv(h, g->codice), num);
	for (int k = 0; k < g->navvisi; k++) {
		const struct termine *a = &g->avvisi[k];

		snprintf(num, sizeof num, "%d %d %d", a->anni, a->mesi,
		    a->giorni);
		h = fnv(h, num);
	}
	return h;
}

/*
** What every stored deadline was computed with: approdo-admin migrate
** computes them all again when it changes (a new rule, a new setting).
*/
unsigned long long
regole_impronta(void)
{
	const struct regola *const *v;
	size_t n = regole_tutte(&v);
	unsigned long long h = 14695981039346656037ULL;
	char num[24];

	for (size_t i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%llu", regola_impronta(v[i]));
		h = fnv(h, num);
	}
	return h >> 1;	/* a positive SQLite integer */
}
