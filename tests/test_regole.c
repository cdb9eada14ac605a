/*
** Unit tests for the rules of a case's values (lib/minori/minore.c):
** the CUI, the codice fiscale (check letters computed by hand from the
** ministerial algorithm, omocodia letters, the 11-digit temporary code)
** and an age outside 6-17 on a given day, 29 February included.
*/
#include <stdio.h>

#include "interno.h"
#include "tap.h"

static void
test_cui(void)
{
	static const struct { const char *s; int valid; } v[] = {
		{ "AB123", 1 }, { "CUI7788", 1 }, { "12345678901234567890", 1 },
		{ "A1", 0 }, { "ABCD", 0 }, { "123456789012345678901", 0 },
		{ "AB-123", 0 }, { "AB 123", 0 }, { "", 0 }, { "ÀB1234", 0 },
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(cui_valid(v[i].s) == v[i].valid, "cui_valid(\"%s\") is %d",
		    v[i].s, v[i].valid);
}

static void
test_codice_fiscale(void)
{
	static const struct { const char *s; int valid; const char *why; } v[] = {
		{ "RSSMRA80A01H501U", 1, "Mario Rossi, Rome" },
		{ "BNCLRA05E45H501L", 1, "a woman (day + 40)" },
		{ "DLLMMD08C15Z336D", 1, "born abroad (Z336)" },
		{ "RSSMRA80A01H50MM", 1, "omocodia, one letter" },
		{ "RSSMRA80A01HRLMS", 1, "omocodia, three letters" },
		{ "RSSMRAULALMHRLMD", 1, "omocodia, every digit a letter" },
		{ "HSSKRM09C12ZPPSX", 1, "omocodia, born abroad" },
		{ "RSSMRA80A01H501A", 0, "wrong check letter" },
		{ "RSSMRA80A01H501V", 0, "check letter one off" },
		{ "RSSMRA80A01H50MU", 0, "omocodia letter, old check letter" },
		{ "RSSMRA80A01H501", 0, "15 characters" },
		{ "RSSMRA80A01H501UX", 0, "17 characters" },
		{ "rssmra80a01h501u", 0, "lowercase (the form stores capitals)" },
		{ "RSSMRA80A01H5O1U", 0, "letter O where a digit goes" },
		{ "RSSMR480A01H501U", 0, "digit where a letter goes" },
		{ "12345678901", 1, "11-digit temporary code" },
		{ "1234567890", 0, "10 digits" },
		{ "1234567890A", 0, "10 digits and a letter" },
		{ "", 0, "empty" },
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(codice_fiscale_valid(v[i].s) == v[i].valid,
		    "codice_fiscale_valid(\"%s\") is %d: %s", v[i].s,
		    v[i].valid, v[i].why);
}

static void
test_age(void)
{
	static const struct { const char *born, *on; int outside; } v[] = {
		{ "2010-03-15", "2016-03-14", 1 },	/* 5 the day before */
		{ "2010-03-15", "2016-03-15", 0 },	/* 6 on the birthday */
		{ "2008-03-15", "2026-03-14", 0 },	/* 17 the day before */
		{ "2008-03-15", "2026-03-15", 1 },	/* 18 on the birthday */
		{ "2009-12-31", "2025-12-31", 0 },	/* 16 */
		{ "2007-01-01", "2025-10-03", 1 },	/* 18 */
		/* Born on 29 February: a common year's birthday is 28 February
		** (art. 2963 c.c.: the month's last day when the day is
		** missing), as the PEI's legal terms count it. */
		{ "2008-02-29", "2026-02-27", 0 },	/* still 17 */
		{ "2008-02-29", "2026-02-28", 1 },	/* 18 */
		{ "2012-02-29", "2018-02-27", 1 },	/* still 5 */
		{ "2012-02-29", "2018-02-28", 0 },	/* 6 */
		{ "2008-02-29", "2024-02-28", 0 },	/* 15 in a leap year */
		{ "2008-02-29", "2024-02-29", 0 },	/* 16 on the day itself */
		/* The 29 February of a leap year as the day of the check. */
		{ "2006-02-28", "2024-02-29", 1 },	/* 18 */
		{ "2006-03-01", "2024-02-29", 0 },	/* 17 */
		{ "2018-03-01", "2024-02-29", 1 },	/* 5 */
		{ "2018-02-28", "2024-02-29", 0 },	/* 6 */
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(minore_age_outside(v[i].born, v[i].on) == v[i].outside,
		    "born %s, on %s: outside 6-17 is %d", v[i].born, v[i].on,
		    v[i].outside);
}

int
main(void)
{
	test_cui();
	test_codice_fiscale();
	test_age();
	return done_testing();
}
