/*
** Unit tests for dates (lib/date.c) and form validation (lib/form.c),
** including what form_page() hands to the templates.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "form.h"
#include "page.h"
#include "tap.h"

/* date_parse: the ISO result, or "BAD". */
static const char *
dp(const char *s)
{
	static char iso[11];

	memset(iso, 'x', sizeof iso);
	if (date_parse(s, iso) != 0)
		return "BAD";
	return iso;
}

static const char *
dit(const char *iso)
{
	static char out[11];

	memset(out, 'x', sizeof out);
	date_it(iso, out);
	return out;
}

static void
test_dates(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "01/02/2024", "2024-02-01" },
		{ "1/2/2024", "2024-02-01" },
		{ "01.02.2024", "2024-02-01" },
		{ "01-02-2024", "2024-02-01" },
		{ "2024-02-01", "2024-02-01" },
		{ "31/12/2199", "2199-12-31" },
		{ "01/01/1900", "1900-01-01" },
		{ "29/02/2024", "2024-02-29" },
		{ "29/02/2000", "2000-02-29" },
		{ "31/01/2024", "2024-01-31" },
		{ "30/04/2024", "2024-04-30" },
		{ "29/02/2023", "BAD" },
		{ "29/02/1900", "BAD" },
		{ "30/02/2024", "BAD" },
		{ "31/04/2024", "BAD" },
		{ "31/06/2024", "BAD" },
		{ "00/01/2024", "BAD" },
		{ "32/01/2024", "BAD" },
		{ "1/13/2024", "BAD" },
		{ "1/0/2024", "BAD" },
		{ "01/01/24", "BAD" },
		{ "01/01/02024", "BAD" },
		{ "31/12/1899", "BAD" },
		{ "01/01/2200", "BAD" },
		{ "001/02/2024", "BAD" },
		{ "01/002/2024", "BAD" },
		{ "", "BAD" },
		{ "oggi", "BAD" },
		{ "//", "BAD" },
		{ "1//2024", "BAD" },
		{ "01/02/2024x", "BAD" },
		{ "01/02/2024 ", "BAD" },
		{ " 01/02/2024", "BAD" },
		{ "01 02 2024", "BAD" },
		{ "+1/02/2024", "BAD" },
		{ "01/02/+024", "BAD" },
		{ "2024-02-30", "BAD" },
		{ "2024-13-01", "BAD" },
		{ "2024-00-10", "BAD" },
		{ "2024-2-01", "BAD" },
		{ "2024/02/01", "BAD" },
		{ "2024-02-01x", "BAD" },
		{ "2024-02-0x", "BAD" },
		{ "20a4-02-01", "BAD" },
	};

	for (size_t i = 0; i < COUNT(cases); i++)
		ok(strcmp(dp(cases[i].in), cases[i].out) == 0,
		    "date_parse: \"%s\" -> %s (got %s)", cases[i].in,
		    cases[i].out, dp(cases[i].in));
	ok(date_parse(NULL, (char[11]){ 0 }) == -1, "date_parse: NULL is -1");

	ok(strcmp(dit("2024-02-01"), "01/02/2024") == 0, "date_it: ISO to Italian");
	ok(strcmp(dit("2024-02-01 10:20:30"), "01/02/2024") == 0,
	    "date_it: a timestamp's date");
	ok(strcmp(dit(""), "") == 0 && strcmp(dit(NULL), "") == 0,
	    "date_it: empty and NULL give \"\"");
	ok(strcmp(dit("abc"), "abc") == 0, "date_it: other text copied");
	ok(strcmp(dit("a very long text here"), "a very lon") == 0,
	    "date_it: long text cut to the buffer");

	ok(date_age("2010-06-15", "2024-06-14") == 13,
	    "date_age: the day before the birthday");
	ok(date_age("2010-06-15", "2024-06-15") == 14,
	    "date_age: on the birthday");
	ok(date_age("2010-06-15", "2024-05-20") == 13,
	    "date_age: an earlier month");
	ok(date_age("2010-06-15", "2024-12-31") == 14 &&
	    date_age("2010-06-15", "2025-01-01") == 14,
	    "date_age: later in the year and the next new year");
	ok(date_age("2010-06-15", "2010-06-15") == 0, "date_age: born today");
	ok(date_age("2008-02-29", "2024-02-28") == 15 &&
	    date_age("2008-02-29", "2024-02-29") == 16,
	    "date_age: leap-day birthday in a leap year");
	ok(date_age("2008-02-29", "2025-02-27") == 16 &&
	    date_age("2008-02-29", "2025-02-28") == 17 &&
	    date_age("2008-02-29", "2025-03-01") == 17,
	    "date_age: leap-day birthday in a common year counts from 28 "
	    "February (art. 2963 c.c.)");
	{
		char b[11];

		date_born_by("2026-02-28", 18, b);
		ok(strcmp(b, "2008-02-29") == 0, "date_born_by: on 28 February "
		    "of a common year, a leap-day birth 18 years before counts");
		date_born_by("2026-02-27", 18, b);
		ok(strcmp(b, "2008-02-27") == 0, "date_born_by: the day before");
		date_born_by("2026-03-01", 18, b);
		ok(strcmp(b, "2008-03-01") == 0, "date_born_by: 1 March");
		date_born_by("2027-02-28", 18, b);
		ok(strcmp(b, "2009-02-28") == 0, "date_born_by: no leap year "
		    "18 years before");
		date_born_by("2024-02-29", 16, b);
		ok(strcmp(b, "2008-02-29") == 0, "date_born_by: 29 February "
		    "itself");
		date_born_by("2025-12-31", 10, b);
		ok(strcmp(b, "2015-12-31") == 0 && date_age(b, "2025-12-31")
		    == 10, "date_born_by: agrees with date_age");
	}
	ok(date_age("2006-03-01", "2024-02-29") == 17 &&
	    date_age("2006-03-01", "2024-03-01") == 18,
	    "date_age: 1 March birthday in a leap year");
	ok(date_age("abcd-ef-gh", "2024-01-01") == -1 &&
	    date_age("2010-06-15", "") == -1, "date_age: bad input is -1");

	ok(date_days("1970-01-01") == 0 && date_days("1970-01-02") == 1 &&
	    date_days("1969-12-31") == -1, "date_days: around the epoch");
	ok(date_days("2024-01-01") == 19723, "date_days: 2024-01-01 is 19723");
	ok(date_days("1900-01-01") == -25567, "date_days: 1900-01-01");
	ok(date_days("2024-03-01") - date_days("2024-02-28") == 2 &&
	    date_days("2023-03-01") - date_days("2023-02-28") == 1,
	    "date_days: February in leap and common years");
	ok(date_days("2000-03-01") - date_days("2000-02-28") == 2 &&
	    date_days("2100-03-01") - date_days("2100-02-28") == 1,
	    "date_days: the 400- and 100-year rules");
	ok(date_days("2025-01-01") - date_days("2024-01-01") == 366 &&
	    date_days("2024-01-01") - date_days("2023-01-01") == 365,
	    "date_days: year lengths");
	ok(date_days("2024-12-31") - date_days("2024-01-01") == 365,
	    "date_days: within a year");

	{
		char t[11], it[11], back[11];

		date_today(t);
		date_it(t, it);
		ok(strlen(t) == 10 && date_parse(it, back) == 0 &&
		    strcmp(back, t) == 0, "date_today: a valid ISO date (%s)", t);
	}

	/*
	 * BUG: date_days() and date_age() read the fixed positions 5-6 and
	 * 8-9 without checking the string is 10 characters long, so for a
	 * short string such as "2024-01" they read past its terminating NUL
	 * (an out-of-bounds read on a heap string of that size) and return
	 * a date made of whatever follows in memory instead of refusing it.
	 */
	{
		static const char mem[] = "2024-01\0" "15";	/* "2024-01", then junk */

		ok(date_days(mem) == 0,
		    "date_days: a 7-character \"2024-01\" is refused, nothing "
		    "read after its NUL (BUG)");
		ok(date_age(mem, "2024-06-01") == -1,
		    "date_age: a 7-character \"2024-01\" is refused (BUG)");
	}
}

static const struct choice ruoli[] = {
	{ "operatore", "Operatore" },
	{ "responsabile", "Responsabile" },
};

static const struct field fields[] = {
	{ "nome", "Nome", FIELD_TEXT, FIELD_REQUIRED, 2, 10, NULL, 0,
	  "Come nel documento", NULL },
	{ "note", "Note", FIELD_TEXTAREA, 0, 0, 20, NULL, 0, NULL, NULL },
	{ "eta", "Età", FIELD_INT, 0, 0, 120, NULL, 0, NULL, NULL },
	{ "nascita", "Data di nascita", FIELD_DATE, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "scadenza", "Scadenza", FIELD_DATE, FIELD_FUTURE, 0, 0, NULL, 0, NULL, NULL },
	{ "ruolo", "Ruolo", FIELD_CHOICE, 0, 0, 0, ruoli, 2, NULL, NULL },
	{ "email", "Email", FIELD_EMAIL, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "username", "Nome utente", FIELD_USERNAME, 0, 3, 12, NULL, 0, NULL, NULL },
	{ "attivo", "Attivo", FIELD_CHECKBOX, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "password", "Password", FIELD_PASSWORD, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "privacy", "Consenso", FIELD_CHECKBOX, FIELD_REQUIRED, 0, 0, NULL, 0,
	  NULL, NULL },
};

enum { NOME, NOTE, ETA, NASCITA, SCADENZA, RUOLO, EMAIL, USERNAME, ATTIVO,
    PASSWORD, PRIVACY };

static const char REQUIRED_NOME[] = "Il campo «Nome» è obbligatorio.";
static const char REQUIRED_PRIVACY[] = "Occorre spuntare «Consenso».";
static const char BAD_CHARS[] = "Il testo contiene caratteri non ammessi.";

static struct request r;
static struct form f;

/* A POST of `body` (urlencoded) read into f; returns form_read()'s count. */
static int
post(const char *body)
{
	page_free(&r);
	pool_free(&r.pool);
	memset(&r, 0, sizeof r);
	r.method = "POST";
	if (parse_urlencoded(&r.pool, &r.form, body, strlen(body)) != PARSE_OK)
		return -1;
	form_init(&f, fields, COUNT(fields));
	return form_read(&r, &f);
}

/* A POST with the required fields and `extra`; the error of field i. */
static const char *
err_of(const char *extra, int i)
{
	char body[4096];

	/* `extra` first: of repeated names the first one counts. */
	snprintf(body, sizeof body, "%s&nome=Mario&privacy=1", extra);
	if (post(body) < 0)
		return "(parse error)";
	return f.error[i] ? f.error[i] : "(none)";
}

static int
is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void
test_form_read(void)
{
	int n;

	/* Everything right. */
	n = post("nome=+Mario+&note=riga1%0D%0Ariga2%09x&eta=+42+"
	    "&nascita=01%2F02%2F2010&scadenza=31/12/2199&ruolo=operatore"
	    "&email=mario.rossi%40example.it&username=mario.rossi"
	    "&attivo=1&password=+se+greto+&privacy=on");
	ok(n == 0 && f.nerrors == 0, "form: a correct POST has no errors (%d)", n);
	ok(is(f.value[NOME], "Mario") && is(f.typed[NOME], " Mario "),
	    "form: text trimmed, typed kept as sent");
	ok(is(f.value[NOTE], "riga1\nriga2\tx") &&
	    is(f.typed[NOTE], "riga1\r\nriga2\tx"),
	    "form: textarea CRLF to LF, tab kept; typed as sent");
	ok(is(f.value[ETA], "42") && f.num[ETA] == 42, "form: int value");
	ok(is(f.value[NASCITA], "2010-02-01") &&
	    is(f.typed[NASCITA], "01/02/2010"), "form: date to ISO, typed kept");
	ok(is(f.value[SCADENZA], "2199-12-31"),
	    "form: a future date with FIELD_FUTURE");
	ok(is(f.value[RUOLO], "operatore"), "form: choice");
	ok(is(f.value[EMAIL], "mario.rossi@example.it"), "form: email");
	ok(is(f.value[USERNAME], "mario.rossi"), "form: username");
	ok(is(f.value[ATTIVO], "1") && f.num[ATTIVO] == 1 &&
	    is(f.value[PRIVACY], "1"), "form: checkboxes");
	ok(is(f.value[PASSWORD], " se greto ") &&
	    is(f.typed[PASSWORD], " se greto "),
	    "form: password not trimmed");
	ok(is(form_value(&f, "nome"), "Mario") && form_int(&f, "eta") == 42 &&
	    form_value(&f, "nessuno") == NULL && form_int(&f, "nessuno") == 0,
	    "form_value/form_int, unknown names NULL and 0");
	ok(f.error[NOME] == NULL && f.error[PASSWORD] == NULL,
	    "form: no error messages");

	/* Nothing sent. */
	n = post("");
	ok(n == 2 && is(f.error[NOME], REQUIRED_NOME) &&
	    is(f.error[PRIVACY], REQUIRED_PRIVACY),
	    "required: missing text and checkbox (%d errors)", n);
	ok(f.error[NOTE] == NULL && f.error[ETA] == NULL &&
	    f.error[NASCITA] == NULL && f.error[EMAIL] == NULL &&
	    f.error[PASSWORD] == NULL && f.error[ATTIVO] == NULL,
	    "required: optional fields may be empty");
	ok(f.value[NOME] == NULL && f.value[ETA] == NULL &&
	    f.value[ATTIVO] == NULL && f.num[ATTIVO] == 0 &&
	    is(f.typed[NOME], "") && is(f.typed[PASSWORD], ""),
	    "required: empty values are NULL, typed \"\"");
	ok(post("nome=+%09+%0D%0A&privacy=1") == 1 &&
	    is(f.error[NOME], REQUIRED_NOME) && f.value[NOME] == NULL,
	    "required: spaces only count as empty");
	ok(post("nome=&privacy=") == 2 && is(f.error[PRIVACY], REQUIRED_PRIVACY),
	    "required: an empty checkbox is not ticked");

	/* Lengths, in characters. */
	ok(is(err_of("", NOME), "(none)"), "length: 5 characters fine");
	ok(is(err_of("nome=M", NOME), "Inserire almeno 2 caratteri."),
	    "length: too short");
	ok(post("nome=Mariolino12&privacy=1") == 1 &&
	    is(f.error[NOME], "Inserire al massimo 10 caratteri."),
	    "length: 11 characters too long");
	ok(post("nome=Mariolino&privacy=1") == 0 && is(f.value[NOME], "Mariolino"),
	    "length: 9 characters fine");
	ok(post("nome=%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8"
	    "%C3%A8&privacy=1") == 0,
	    "length: 10 two-byte characters (20 bytes) fine");
	ok(post("nome=%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8%C3%A8"
	    "%C3%A8%C3%A8&privacy=1") == 1 &&
	    is(f.error[NOME], "Inserire al massimo 10 caratteri."),
	    "length: 11 two-byte characters too long");
	ok(post("nome=++%C3%A8++&privacy=1") == 1 &&
	    is(f.error[NOME], "Inserire almeno 2 caratteri."),
	    "length: counted after trimming");
	ok(is(err_of("note=12345678901234567890", NOTE), "(none)") &&
	    is(err_of("note=1234567890%0D%0A123456789", NOTE), "(none)") &&
	    is(f.value[NOTE], "1234567890\n123456789"),
	    "length: textarea counted after CRLF becomes LF");
	ok(is(err_of("note=123456789012345678901", NOTE),
	    "Inserire al massimo 20 caratteri."), "length: textarea too long");

	/* Control characters. */
	ok(is(err_of("nome=Ma%01rio", NOME), BAD_CHARS),
	    "control: \\x01 in a one-line field");
	ok(is(err_of("nome=Ma%09rio", NOME), BAD_CHARS),
	    "control: a tab inside a one-line field");
	ok(is(err_of("nome=Ma%0Ario", NOME), BAD_CHARS),
	    "control: a newline inside a one-line field");
	ok(is(err_of("nome=Ma%0Drio", NOME), BAD_CHARS),
	    "control: a CR inside a one-line field");
	ok(is(err_of("nome=Ma%7Frio", NOME), BAD_CHARS),
	    "control: DEL in a one-line field");
	ok(is(err_of("nome=Mario%0D%0A", NOME), "(none)") &&
	    is(f.value[NOME], "Mario") && is(f.typed[NOME], "Mario\r\n"),
	    "control: a trailing CRLF is trimmed, not refused");
	ok(is(err_of("note=a%01b", NOTE), BAD_CHARS) &&
	    is(err_of("note=a%1Bb", NOTE), BAD_CHARS),
	    "control: other controls refused in a textarea");
	ok(is(err_of("note=a%0D%0A%0D%0Ab%0Dc", NOTE), "(none)") &&
	    is(f.value[NOTE], "a\n\nbc"), "control: every CR dropped in a textarea");
	ok(is(err_of("username=ma%01rio", USERNAME), BAD_CHARS) &&
	    is(err_of("email=a%01@b.it", EMAIL), BAD_CHARS),
	    "control: refused in username and email too");
	ok(post("nome=++Ma%01rio++&privacy=1") == 1 &&
	    is(f.typed[NOME], "  Ma\x01rio  ") && f.value[NOME] == NULL,
	    "control: a refused value is kept as typed, no clean value");

	/* Integers. */
	ok(is(err_of("eta=abc", ETA), "Inserire un numero intero."),
	    "int: letters");
	ok(is(err_of("eta=1.5", ETA), "Inserire un numero intero.") &&
	    is(err_of("eta=4+2", ETA), "Inserire un numero intero.") &&
	    is(err_of("eta=%2B5", ETA), "Inserire un numero intero.") &&
	    is(err_of("eta=0x10", ETA), "Inserire un numero intero."),
	    "int: decimals, inner spaces, sign '+', hex");
	ok(is(err_of("eta=99999999999999999999", ETA),
	    "Inserire un numero intero."), "int: overflow");
	ok(is(err_of("eta=121", ETA), "Inserire un numero tra 0 e 120.") &&
	    is(err_of("eta=-1", ETA), "Inserire un numero tra 0 e 120."),
	    "int: out of range on both sides");
	ok(is(err_of("eta=0", ETA), "(none)") && f.num[ETA] == 0 &&
	    is(f.value[ETA], "0") && is(err_of("eta=120", ETA), "(none)") &&
	    f.num[ETA] == 120, "int: both bounds included");

	/* Dates. */
	ok(is(err_of("nascita=31/12/2199", NASCITA),
	    "La data non può essere nel futuro."),
	    "date: the future refused without FIELD_FUTURE");
	{
		char t[11], it[11], body[64];

		date_today(t);
		date_it(t, it);
		snprintf(body, sizeof body, "nascita=%s", it);
		ok(is(err_of(body, NASCITA), "(none)") && is(f.value[NASCITA], t),
		    "date: today is not the future");
	}
	ok(is(err_of("nascita=31/04/2024", NASCITA),
	    "Data non valida: usare il formato gg/mm/aaaa.") &&
	    is(err_of("nascita=ieri", NASCITA),
	    "Data non valida: usare il formato gg/mm/aaaa."),
	    "date: invalid dates");
	ok(is(err_of("nascita=+1/2/2010+", NASCITA), "(none)") &&
	    is(f.value[NASCITA], "2010-02-01") &&
	    is(f.typed[NASCITA], " 1/2/2010 "), "date: trimmed, d/m/yyyy");

	/* Choices. */
	ok(is(err_of("ruolo=amministratore", RUOLO),
	    "Scegliere uno dei valori proposti."), "choice: not in the list");
	ok(is(err_of("ruolo=Operatore", RUOLO),
	    "Scegliere uno dei valori proposti."),
	    "choice: labels or other case refused");
	ok(is(err_of("ruolo=responsabile", RUOLO), "(none)") &&
	    is(f.value[RUOLO], "responsabile"), "choice: in the list");

	/* Email. */
	{
		static const char *const bad[] = {
			"mario", "%40example.it", "mario%40", "mario%40example",
			"mario%40.example.it", "mario%40example.it.",
			"ma+rio%40example.it", "a%40b%40example.it",
			"%3Cmario%3E%40example.it", "mario%2C%40example.it",
			"mario%3B%40example.it", "%22m%22%40example.it",
		};
		char big[400];

		for (size_t i = 0; i < COUNT(bad); i++) {
			char body[200];

			snprintf(body, sizeof body, "email=%s", bad[i]);
			ok(is(err_of(body, EMAIL), "Indirizzo email non valido."),
			    "email: \"%s\" refused", bad[i]);
		}
		ok(is(err_of("email=a.b-c_d%2Be%40sub.example.it", EMAIL), "(none)")
		    && is(f.value[EMAIL], "a.b-c_d+e@sub.example.it"),
		    "email: dots, dashes and '+' in the local part");
		/* 254 characters fine, 255 refused. */
		strcpy(big, "email=");
		memset(big + 6, 'a', 243);
		strcpy(big + 6 + 243, "%40example.it");	/* 243 + 11 = 254 */
		ok(is(err_of(big, EMAIL), "(none)"), "email: 254 characters fine");
		memset(big + 6, 'a', 244);
		strcpy(big + 6 + 244, "%40example.it");
		ok(is(err_of(big, EMAIL), "Indirizzo email non valido."),
		    "email: 255 characters refused");
	}

	/* Usernames. */
	ok(is(err_of("username=Ma.R_1-a", USERNAME), "(none)"),
	    "username: letters, digits, . _ -");
	ok(is(err_of("username=m%C3%A0rio", USERNAME),
	    "Usare solo lettere senza accenti, cifre, punto, trattino e "
	    "trattino basso."), "username: accented letter refused");
	ok(is(err_of("username=mario+rossi", USERNAME),
	    "Usare solo lettere senza accenti, cifre, punto, trattino e "
	    "trattino basso.") &&
	    is(err_of("username=mario%40x", USERNAME),
	    "Usare solo lettere senza accenti, cifre, punto, trattino e "
	    "trattino basso."), "username: space and '@' refused");
	ok(is(err_of("username=ab", USERNAME), "Inserire almeno 3 caratteri.") &&
	    is(err_of("username=abcdefghijklm", USERNAME),
	    "Inserire al massimo 12 caratteri."), "username: length limits");

	/* Checkboxes. */
	ok(is(err_of("attivo=", ATTIVO), "(none)") && f.value[ATTIVO] == NULL &&
	    f.num[ATTIVO] == 0, "checkbox: empty is unticked");
	ok(is(err_of("attivo=on", ATTIVO), "(none)") && is(f.value[ATTIVO], "1"),
	    "checkbox: any value is ticked, stored as \"1\"");

	/* Passwords. */
	ok(is(err_of("password=a%0Ab", PASSWORD), BAD_CHARS) &&
	    is(err_of("password=a%0Db", PASSWORD), BAD_CHARS),
	    "password: line breaks refused");
	ok(is(err_of("password=%09tab+", PASSWORD), "(none)") &&
	    is(f.value[PASSWORD], "\ttab "), "password: tabs and spaces kept");

	/* Repeated names: the first value counts. */
	ok(post("nome=Primo&nome=Secondo&privacy=1") == 0 &&
	    is(f.value[NOME], "Primo"), "form: the first of repeated names");

	/* form_fail and form_set. */
	post("nome=Mario&privacy=1&nascita=01/02/2010");
	form_fail(&f, "nome", "Nome già usato.");
	form_fail(&f, "nome", "Ancora.");
	ok(f.nerrors == 1 && is(f.error[NOME], "Nome già usato."),
	    "form_fail: one error per field, the first (most specific) message");
	ok(post("nome=&privacy=1") == 1 && (form_fail(&f, "nome", "Indica il "
	    "nome."), 1) && is(f.error[NOME], REQUIRED_NOME) && f.nerrors == 1,
	    "form_fail: a field's own error is not overwritten by a rule");
	form_fail(&f, "nessuno", "x");
	ok(f.nerrors == 1, "form_fail: an unknown field changes nothing");
	form_set(&r, &f, "nascita", "2001-12-25");
	ok(is(f.value[NASCITA], "2001-12-25") && is(f.typed[NASCITA], "25/12/2001"),
	    "form_set: a date is shown in Italian");
	form_set(&r, &f, "note", NULL);
	ok(f.value[NOTE] == NULL && is(f.typed[NOTE], ""), "form_set: NULL");
}

static void
test_get_and_files(void)
{
	/* A GET form reads the query, a POST form the body. */
	page_free(&r);
	pool_free(&r.pool);
	memset(&r, 0, sizeof r);
	r.method = "GET";
	parse_urlencoded(&r.pool, &r.query, "nome=Da+query&privacy=1",
	    strlen("nome=Da+query&privacy=1"));
	parse_urlencoded(&r.pool, &r.form, "nome=Dal+corpo",
	    strlen("nome=Dal+corpo"));
	form_init(&f, fields, COUNT(fields));
	ok(form_read(&r, &f) == 0 && is(f.value[NOME], "Da query"),
	    "GET: read from the query string");
	r.method = "POST";
	form_init(&f, fields, COUNT(fields));
	ok(form_read(&r, &f) == 1 && is(f.value[NOME], "Dal corpo") &&
	    is(f.error[PRIVACY], REQUIRED_PRIVACY),
	    "POST: read from the body, never the query");

	/* A file part is not a text value. */
	{
		static const char body[] = "--b\r\nContent-Disposition: form-data;"
		    " name=nome; filename=x.txt\r\n\r\nMario\r\n--b\r\n"
		    "Content-Disposition: form-data; name=privacy\r\n\r\n1\r\n"
		    "--b--\r\n";

		page_free(&r);
		pool_free(&r.pool);
		memset(&r, 0, sizeof r);
		r.method = "POST";
		ok(parse_multipart(&r.pool, &r.form, "multipart/form-data; "
		    "boundary=b", body, sizeof body - 1) == PARSE_OK,
		    "multipart: parsed");
		form_init(&f, fields, COUNT(fields));
		ok(form_read(&r, &f) == 1 && is(f.error[NOME], REQUIRED_NOME) &&
		    is(f.value[PRIVACY], "1"),
		    "multipart: a file named like a text field is not its value");
	}
}

static const char *
hv(const char *name)
{
	return hdf_get_value(r.hdf, name, NULL);
}

static void
test_form_page(void)
{
	STRING dump;
	int n;

	n = post("nome=+%3Cb%3EM+&note=a%0D%0Ab&eta=200&ruolo=responsabile"
	    "&attivo=1&password=Segreta-Parola-99&email=x&nascita=31/12/2199");
	ok(n == 4, "page: a POST with four errors (%d)", n);
	form_page(&r, &f);
	ok(is(hv("Form.nome.value"), " <b>M ") && hv("Form.nome.error") == NULL,
	    "page: value as typed (escaping is the template's job), no error for"
	    " a valid value");
	ok(is(hv("Form.nome.label"), "Nome") && is(hv("Form.nome.name"), "nome") &&
	    is(hv("Form.nome.type"), "text") && is(hv("Form.nome.required"), "1") &&
	    is(hv("Form.nome.hint"), "Come nel documento"),
	    "page: label, name, type, required, hint");
	ok(is(hv("Form.note.value"), "a\r\nb") && is(hv("Form.note.type"), "textarea")
	    && is(hv("Form.note.required"), "") && hv("Form.note.hint") == NULL,
	    "page: textarea typed value with its CRLF, not required, no hint");
	ok(is(hv("Form.eta.error"), "Inserire un numero tra 0 e 120.") &&
	    is(hv("Form.eta.value"), "200") && is(hv("Form.eta.type"), "number"),
	    "page: the error and the refused value for re-display");
	ok(is(hv("Form.privacy.error"), REQUIRED_PRIVACY) &&
	    is(hv("Form.privacy.type"), "checkbox") &&
	    hv("Form.privacy.checked") == NULL && is(hv("Form.attivo.checked"), "1"),
	    "page: checkbox error and checked state");
	ok(is(hv("Form.email.error"), "Indirizzo email non valido.") &&
	    is(hv("Form.email.type"), "email"), "page: email error");
	{
		const char *key = hv("Form.ruolo.choices");
		struct choice *live = pool_alloc(&r.pool, 2 * sizeof(*live));
		struct buf html = { 0 };
		char arg[80];
		const char *lkey;

		ok(is(hv("Form.ruolo.type"), "select") && key && key[0] == 'c' &&
		    is(hv("Form.ruolo.value"), "responsabile"),
		    "page: a fixed choice list is named, the typed value kept");
		snprintf(arg, sizeof arg, "%s:responsabile", key ? key : "");
		ok(page_options(&r, arg, &html) == 0 && html.p && strstr(html.p,
		    "<option value=\"responsabile\" selected>") &&
		    strstr(html.p, "<option value=\"operatore\">Operatore</option>"),
		    "page: the options, with the typed one selected");
		live[0].value = "7";
		live[0].label = "Comunità <Il Ponte> & \"Co\"";
		live[1].value = "9\"><script>";
		live[1].label = "SAI Casa Aurora";
		lkey = page_choices(&r, live, 2);
		snprintf(arg, sizeof arg, "%s:7", lkey);
		buf_reset(&html);
		ok(strcmp(lkey, key) != 0 && page_options(&r, arg, &html) == 0 &&
		    strstr(html.p, "<option value=\"7\" selected>Comunità "
		    "&lt;Il Ponte&gt; &amp; &quot;Co&quot;</option>") &&
		    strstr(html.p, "value=\"9&quot;&gt;&lt;script&gt;\"") &&
		    strstr(html.p, "<script>") == NULL,
		    "page: a second list has its own key, every value escaped");
		buf_reset(&html);
		ok(page_options(&r, "c0:x", &html) != 0 &&
		    page_options(&r, "no-colon", &html) != 0,
		    "page: an unknown list is an error, not an empty select");
		buf_free(&html);
	}
	ok(is(hv("Form.errors"), "4") &&
	    is(hv("Form.nascita.value"), "31/12/2199") &&
	    is(hv("Form.nascita.error"), "La data non può essere nel futuro."),
	    "page: Form.errors, a refused date shown as typed");
	ok(is(hv("Form.password.value"), "") &&
	    is(hv("Form.password.type"), "password") &&
	    hv("Form.password.error") == NULL,
	    "page: the password value is empty");
	string_init(&dump);
	hdf_dump_str(r.hdf, NULL, 0, &dump);
	ok(dump.buf && strstr(dump.buf, "Form.nome.value") &&
	    strstr(dump.buf, "Segreta-Parola-99") == NULL,
	    "page: the password appears nowhere in the HDF");
	string_clear(&dump);

	/* A refused password is not echoed either. */
	post("password=Altra-Segreta%0A1");
	ok(is(f.error[PASSWORD], BAD_CHARS), "page: refused password");
	form_page(&r, &f);
	string_init(&dump);
	hdf_dump_str(r.hdf, NULL, 0, &dump);
	ok(dump.buf && strstr(dump.buf, "Altra-Segreta") == NULL &&
	    is(hv("Form.password.error"), BAD_CHARS),
	    "page: a refused password is not echoed, its error is");
	string_clear(&dump);
}

int
main(void)
{
	test_dates();
	test_form_read();
	test_get_and_files();
	test_form_page();
	page_free(&r);
	pool_free(&r.pool);
	return done_testing();
}
