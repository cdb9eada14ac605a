/*
** Unit tests for the PEI's legal terms (lib/pei/regole.c): dated vectors,
** each expected date worked out by hand from the rule and its source (not
** with the function), and the reason it is right in the test's name.
** Terms in days count calendar days; terms in months or years end on the
** same day of the month, or on the month's last day when it has no such
** day (art. 2963 c.c.). The tests run in Rome's time zone, whose clocks
** change on 29 March and 25 October 2026: a date that went through a
** time of day would move there.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interno.h"
#include "tap.h"

/* One computed date against the one expected; the got value if not. */
static void
is_date(const char *got, const char *want, const char *call, const char *why)
{
	if (!ok(strcmp(got, want) == 0, "%s is %s: %s", call, want, why))
		printf("# got %s\n", got);
}

/* Rome's rules as a POSIX TZ (no time-zone database needed). */
static void
rome_time(void)
{
	struct tm a = { .tm_year = 126, .tm_mon = 9, .tm_mday = 25,
	    .tm_isdst = -1 }, b = a, c = { .tm_year = 126, .tm_mon = 2,
	    .tm_mday = 29, .tm_isdst = -1 }, d = c;

	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	b.tm_mday = 26;
	d.tm_mday = 30;
	ok(difftime(mktime(&b), mktime(&a)) == 25 * 3600 &&
	    difftime(mktime(&d), mktime(&c)) == 23 * 3600,
	    "the tests run where 25 October 2026 has 25 hours and 29 March "
	    "2026 has 23: a rule counting seconds would move a date there");
}

static void
test_colloquio(void)
{
	static const struct { const char *ingresso, *entro, *why; } v[] = {
		{ "2026-01-10", "2026-01-13", "10 + 3 days" },
		{ "2026-01-29", "2026-02-01", "January has 31 days" },
		{ "2026-01-31", "2026-02-03", "from the month's last day" },
		{ "2026-04-28", "2026-05-01", "April has 30 days" },
		{ "2026-04-30", "2026-05-03", "from April's last day" },
		{ "2026-02-26", "2026-03-01", "February 2026 has 28 days" },
		{ "2026-02-28", "2026-03-03", "from 28 February of a common year" },
		{ "2028-02-26", "2028-02-29", "2028 is a leap year: 29 February" },
		{ "2028-02-27", "2028-03-01", "28, 29 February, 1 March" },
		{ "2028-02-29", "2028-03-03", "from 29 February itself" },
		{ "2100-02-26", "2100-03-01", "2100 is not a leap year (century)" },
		{ "2000-02-26", "2000-02-29", "2000 is a leap year (divisible by 400)" },
		{ "2026-12-29", "2027-01-01", "into the new year" },
		{ "2026-12-31", "2027-01-03", "from 31 December" },
		{ "2028-12-31", "2029-01-03", "from 31 December of a leap year" },
		{ "2026-03-27", "2026-03-30", "across 29 March 2026, clocks forward" },
		{ "2026-03-28", "2026-03-31", "the day before the change, 23-hour day inside" },
		{ "2026-03-29", "2026-04-01", "from the day of the change, into April" },
		{ "2026-10-23", "2026-10-26", "across 25 October 2026, clocks back" },
		{ "2026-10-24", "2026-10-27", "the day before the change, 25-hour day inside" },
		{ "2026-10-25", "2026-10-28", "from the day of the change" },
	};
	char out[11], call[64];

	for (size_t i = 0; i < COUNT(v); i++) {
		memset(out, 'x', sizeof out);
		pei_colloquio_entro(v[i].ingresso, out);
		snprintf(call, sizeof call, "colloquio entro, ingresso %s",
		    v[i].ingresso);
		is_date(out, v[i].entro, call, v[i].why);
	}
}

static void
test_art32(void)
{
	/* The 18th birthday by hand, then 3 months back and 2 forward. */
	static const struct { const char *nascita, *dal, *al, *why; } v[] = {
		{ "2008-06-15", "2026-03-15", "2026-08-15",
		  "18 on 15/06/2026: 15 March to 15 August" },
		{ "2008-01-15", "2025-10-15", "2026-03-15",
		  "18 on 15/01/2026: the window opens the year before" },
		{ "2008-12-01", "2026-09-01", "2027-02-01",
		  "18 on 01/12/2026: the window closes the year after" },
		{ "2008-02-29", "2025-11-28", "2026-04-28",
		  "2026 has no 29 February: 18 on 28/02/2026, the month's last "
		  "day (art. 2963 c.c.), the window from that day" },
		{ "2012-02-29", "2029-11-28", "2030-04-28",
		  "2030 is common: 18 on 28/02/2030" },
		{ "2008-08-31", "2026-05-31", "2026-10-31",
		  "18 on 31/08/2026: May and October have a 31st" },
		{ "2008-07-31", "2026-04-30", "2026-09-30",
		  "18 on 31/07/2026: April and September end on the 30th" },
		{ "2008-11-30", "2026-08-30", "2027-01-30",
		  "18 on 30/11/2026: the same day, 30, not the months' last (31)" },
		{ "2008-05-31", "2026-02-28", "2026-07-31",
		  "18 on 31/05/2026: February 2026 ends on the 28th" },
		{ "2010-05-31", "2028-02-29", "2028-07-31",
		  "18 on 31/05/2028: February 2028 ends on the 29th" },
		{ "2008-10-31", "2026-07-31", "2026-12-31",
		  "18 on 31/10/2026: to 31 December" },
		{ "2008-12-31", "2026-09-30", "2027-02-28",
		  "18 on 31/12/2026: September's last day, February 2027's last" },
		{ "2009-12-31", "2027-09-30", "2028-02-29",
		  "18 on 31/12/2027: to 29 February of the leap 2028" },
		{ "2008-03-29", "2025-12-29", "2026-05-29",
		  "18 on 29/03/2026, the day the clocks go forward" },
		{ "2008-10-25", "2026-07-25", "2026-12-25",
		  "18 on 25/10/2026, the day the clocks go back" },
	};
	char dal[11], al[11], call[64];

	for (size_t i = 0; i < COUNT(v); i++) {
		memset(dal, 'x', sizeof dal);
		memset(al, 'x', sizeof al);
		pei_art32_finestra(v[i].nascita, dal, al);
		snprintf(call, sizeof call, "art. 32 window opens, born %s",
		    v[i].nascita);
		is_date(dal, v[i].dal, call, v[i].why);
		snprintf(call, sizeof call, "art. 32 window closes, born %s",
		    v[i].nascita);
		is_date(al, v[i].al, call, v[i].why);
	}
}

static void
test_prosieguo(void)
{
	static const struct { const char *nascita, *limite, *why; } v[] = {
		{ "2008-06-15", "2029-06-15", "the 21st birthday" },
		{ "2008-01-01", "2029-01-01", "born on 1 January" },
		{ "2005-12-31", "2026-12-31", "born on 31 December" },
		{ "2008-02-29", "2029-02-28", "2029 has no 29 February: the "
		  "month's last day (art. 2963 c.c.)" },
		{ "2004-02-29", "2025-02-28", "2025 is common: 28 February" },
		{ "2012-02-29", "2033-02-28", "2033 is common: 28 February" },
		{ "2008-02-28", "2029-02-28", "born on 28 February: the same day" },
		{ "2007-03-01", "2028-03-01", "born on 1 March: stays 1 March in "
		  "the leap 2028, not 29 February" },
		{ "2007-02-28", "2028-02-28", "born on 28 February: stays the "
		  "28th in the leap 2028" },
	};
	char out[11], call[64];

	for (size_t i = 0; i < COUNT(v); i++) {
		memset(out, 'x', sizeof out);
		pei_prosieguo_limite(v[i].nascita, out);
		snprintf(call, sizeof call, "prosieguo limit, born %s",
		    v[i].nascita);
		is_date(out, v[i].limite, call, v[i].why);
	}
}

static void
test_reclamo(void)
{
	static const struct { const char *notifica, *entro, *why; } v[] = {
		{ "2026-05-04", "2026-05-14", "4 + 10 days" },
		{ "2026-01-25", "2026-02-04", "January has 31 days: 35 - 31" },
		{ "2026-04-25", "2026-05-05", "April has 30 days: 35 - 30" },
		{ "2026-12-25", "2027-01-04", "into the new year: 35 - 31" },
		{ "2026-12-31", "2027-01-10", "from 31 December" },
		{ "2026-02-19", "2026-03-01", "February 2026 has 28 days: 29 - 28" },
		{ "2026-02-20", "2026-03-02", "February 2026 has 28 days: 30 - 28" },
		{ "2028-02-19", "2028-02-29", "2028 is a leap year: 29 February" },
		{ "2028-02-20", "2028-03-01", "2028 is a leap year: 30 - 29" },
		{ "2028-02-29", "2028-03-10", "from 29 February: 39 - 29" },
		{ "2100-02-20", "2100-03-02", "2100 is not a leap year: 30 - 28" },
		{ "2000-02-20", "2000-03-01", "2000 is a leap year: 30 - 29" },
		{ "2026-03-25", "2026-04-04", "across 29 March 2026, clocks forward" },
		{ "2026-10-20", "2026-10-30", "across 25 October 2026, clocks back" },
		{ "2026-10-25", "2026-11-04", "from 25 October 2026: 35 - 31" },
	};
	char out[11], call[64];

	for (size_t i = 0; i < COUNT(v); i++) {
		memset(out, 'x', sizeof out);
		pei_reclamo_eta(v[i].notifica, out);
		snprintf(call, sizeof call, "appeal on age by, notified %s",
		    v[i].notifica);
		is_date(out, v[i].entro, call, v[i].why);
	}
}

static void
test_verifica(void)
{
	static const struct {
		const char *approvata;
		int mesi;
		const char *entro, *why;
	} v[] = {
		{ "2026-01-15", 3, "2026-04-15", "3 months: the same day" },
		{ "2026-01-15", 0, "2026-04-15", "0 months means the default, 3" },
		{ "2026-01-15", -2, "2026-04-15", "negative months mean the default, 3" },
		{ "2026-01-15", 1, "2026-02-15", "a period of 1 month" },
		{ "2026-01-15", 6, "2026-07-15", "a period of 6 months" },
		{ "2026-10-15", 3, "2027-01-15", "into the new year" },
		{ "2026-02-28", 3, "2026-05-28", "from 28 February: the 28th, not "
		  "May's last day" },
		{ "2026-03-31", 3, "2026-06-30", "June has no 31st: its last day" },
		{ "2026-05-31", 3, "2026-08-31", "August has a 31st" },
		{ "2026-11-30", 3, "2027-02-28", "February 2027 ends on the 28th" },
		{ "2027-11-30", 3, "2028-02-29", "February 2028 ends on the 29th" },
		{ "2026-12-31", 3, "2027-03-31", "from 31 December, March has a 31st" },
		{ "2026-12-31", 2, "2027-02-28", "from 31 December to February's last" },
		{ "2026-12-31", 0, "2027-03-31", "the default from 31 December" },
		{ "2026-11-30", -1, "2027-02-28", "the default, clamped to February" },
		{ "2026-01-31", 1, "2026-02-28", "31 January + 1 month: 28 February" },
		{ "2028-01-31", 1, "2028-02-29", "31 January 2028 + 1 month: 29 February" },
		{ "2026-01-31", 13, "2027-02-28", "13 months: February 2027's last day" },
		{ "2026-08-31", 12, "2027-08-31", "12 months: the same day a year on" },
		{ "2028-02-29", 12, "2029-02-28", "from 29 February, a year on: 28 February" },
		{ "2026-02-28", 24, "2028-02-28", "24 months from 28 February: the 28th "
		  "of the leap 2028, not the 29th" },
	};
	char out[11], call[80];

	for (size_t i = 0; i < COUNT(v); i++) {
		memset(out, 'x', sizeof out);
		pei_verifica_entro(v[i].approvata, v[i].mesi, out);
		snprintf(call, sizeof call, "review due, approved %s, every %d "
		    "months", v[i].approvata, v[i].mesi);
		is_date(out, v[i].entro, call, v[i].why);
	}
}

/* Blank or spaces only. */
static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\n")] == '\0';
}

static void
test_termini(void)
{
	static const char *const rules[] = {
		"colloquio", "art32", "reclamo_eta", "prosieguo", "verifica",
		"mesi",
	};

	ok(pei_ntermini >= COUNT(rules), "pei_termini has %zu terms",
	    pei_ntermini);
	for (size_t i = 0; i < pei_ntermini; i++) {
		const struct termine *t = &pei_termini[i];
		int unique = 1;

		for (size_t j = 0; j < i; j++)
			unique &= !blank(t->codice) &&
			    strcmp(pei_termini[j].codice, t->codice) != 0;
		ok(!blank(t->codice) && !blank(t->descrizione) &&
		    !blank(t->fonte) && unique, "term %zu (%s): a code of its "
		    "own, a description and its legal source (%s)", i,
		    t->codice ? t->codice : "?", t->fonte ? t->fonte : "none");
	}
	for (size_t i = 0; i < COUNT(rules); i++) {
		size_t j;

		for (j = 0; j < pei_ntermini; j++)
			if (pei_termini[j].codice &&
			    strcmp(pei_termini[j].codice, rules[i]) == 0)
				break;
		ok(j < pei_ntermini, "the rule \"%s\" has its term and source",
		    rules[i]);
	}
}

int
main(void)
{
	rome_time();
	test_colloquio();
	test_art32();
	test_prosieguo();
	test_reclamo();
	test_verifica();
	test_termini();
	return done_testing();
}
