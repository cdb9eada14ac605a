/*
** Unit tests for the parsers of what a client sends (lib/parse.c), the
** UTF-8 check (lib/util.c), route matching and request_parse()
** (lib/request.c).
*/
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "request.h"
#include "util.h"
#include "tap.h"

static struct pool pool;

/* pct_decode on a string; *out is "(error)" when refused. */
static int
dec(const char *s, int plus, const char **out, size_t *len)
{
	char *d = NULL;
	size_t n = 0;
	int rc = pct_decode(&pool, s, strlen(s), plus, &d, &n);

	*out = rc == PARSE_OK ? d : "(error)";
	*len = rc == PARSE_OK ? n : 0;
	return rc;
}

static void
test_pct_decode(void)
{
	static const char *const bad[] = {
		"%", "%4", "a%", "ab%4", "%zz", "%4g", "%g4", "%%", "%00",
		"a%00b", "%C3%28", "%C0%AF", "%C1%BF", "%E0%80%AF",
		"%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80", "%F5%80%80%80",
		"%FF", "%80", "%C3", "%E2%82", "caf\xC3", "\xff",
	};
	const char *o;
	size_t n;
	char *d;

	ok(dec("", 0, &o, &n) == PARSE_OK && strcmp(o, "") == 0 && n == 0,
	    "pct_decode: empty string");
	ok(dec("abc/def", 0, &o, &n) == PARSE_OK &&
	    strcmp(o, "abc/def") == 0 && n == 7, "pct_decode: plain text");
	ok(dec("a%20b", 0, &o, &n) == PARSE_OK && strcmp(o, "a b") == 0 &&
	    n == 3, "pct_decode: %%20 is a space");
	ok(dec("%41%42%43", 0, &o, &n) == PARSE_OK && strcmp(o, "ABC") == 0 &&
	    n == 3, "pct_decode: upper-case escapes");
	ok(dec("%6a%4A%2f%2F", 0, &o, &n) == PARSE_OK &&
	    strcmp(o, "jJ//") == 0 && n == 4,
	    "pct_decode: lower- and upper-case hex digits");
	ok(dec("a+b", 0, &o, &n) == PARSE_OK && strcmp(o, "a+b") == 0,
	    "pct_decode: '+' kept when not form data");
	ok(dec("a+b", 1, &o, &n) == PARSE_OK && strcmp(o, "a b") == 0,
	    "pct_decode: '+' is a space in form data");
	ok(dec("%2B+", 1, &o, &n) == PARSE_OK && strcmp(o, "+ ") == 0,
	    "pct_decode: %%2B is a '+' even in form data");
	ok(dec("%25", 0, &o, &n) == PARSE_OK && strcmp(o, "%") == 0 && n == 1,
	    "pct_decode: %%25 is a percent sign");
	ok(dec("%C3%A8", 0, &o, &n) == PARSE_OK &&
	    strcmp(o, "\xC3\xA8") == 0 && n == 2,
	    "pct_decode: %%C3%%A8 is a two-byte \xC3\xA8");
	ok(dec("caff%C3%A8+latte", 1, &o, &n) == PARSE_OK &&
	    strcmp(o, "caff\xC3\xA8 latte") == 0 && n == 12,
	    "pct_decode: mixed text, escape and '+'");
	ok(dec("%E2%82%AC%F0%9F%98%80", 0, &o, &n) == PARSE_OK &&
	    strcmp(o, "\xE2\x82\xAC\xF0\x9F\x98\x80") == 0 && n == 7,
	    "pct_decode: three- and four-byte sequences");
	ok(dec("\xC3\xA8", 0, &o, &n) == PARSE_OK && n == 2,
	    "pct_decode: raw valid UTF-8 passes");
	for (size_t i = 0; i < COUNT(bad); i++)
		ok(dec(bad[i], 0, &o, &n) == PARSE_BAD,
		    "pct_decode: \"%s\" is PARSE_BAD", bad[i]);

	/* The length is respected: nothing is read beyond n. */
	d = NULL;
	ok(pct_decode(&pool, "abc%zz", 3, 0, &d, &n) == PARSE_OK && d &&
	    strcmp(d, "abc") == 0 && n == 3,
	    "pct_decode: stops at n (bad escape after it ignored)");
	ok(pct_decode(&pool, "%41", 2, 0, &d, &n) == PARSE_BAD,
	    "pct_decode: an escape cut by n is PARSE_BAD");
	ok(pct_decode(&pool, "%41", 3, 0, &d, &n) == PARSE_OK &&
	    strcmp(d, "A") == 0, "pct_decode: the same escape whole is fine");
}

static void
test_urlencoded(void)
{
	struct params ps;
	struct buf b = { 0 };
	int rc;

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "", 0) == PARSE_OK && ps.n == 0,
	    "urlencoded: empty gives no fields");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a", 1) == PARSE_OK && ps.n == 1 &&
	    strcmp(ps.v[0].name, "a") == 0 && strcmp(ps.v[0].value, "") == 0 &&
	    ps.v[0].len == 0 && ps.v[0].filename == NULL,
	    "urlencoded: \"a\" is a with an empty value");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a=", 2) == PARSE_OK && ps.n == 1 &&
	    strcmp(ps.v[0].name, "a") == 0 && strcmp(ps.v[0].value, "") == 0,
	    "urlencoded: \"a=\" is a with an empty value");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "=b", 2) == PARSE_OK && ps.n == 1 &&
	    strcmp(ps.v[0].name, "") == 0 && strcmp(ps.v[0].value, "b") == 0 &&
	    ps.v[0].len == 1, "urlencoded: \"=b\" is an empty name with b");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "&&a=1&", 6) == PARSE_OK &&
	    ps.n == 1 && strcmp(ps.v[0].name, "a") == 0 &&
	    strcmp(ps.v[0].value, "1") == 0,
	    "urlencoded: empty pairs skipped");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "x=1&y=2&x=3", 11) == PARSE_OK &&
	    ps.n == 3 && strcmp(ps.v[0].name, "x") == 0 &&
	    strcmp(ps.v[0].value, "1") == 0 &&
	    strcmp(ps.v[1].name, "y") == 0 &&
	    strcmp(ps.v[1].value, "2") == 0 &&
	    strcmp(ps.v[2].name, "x") == 0 &&
	    strcmp(ps.v[2].value, "3") == 0,
	    "urlencoded: repeated names keep their order");
	ok(strcmp(params_get(&ps, "x"), "1") == 0,
	    "params_get: the first of repeated names");
	ok(params_get(&ps, "z") == NULL && params_find(&ps, "z") == NULL,
	    "params_get: a missing name is NULL");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a=1=2&n%C3%A8=caf%C3%A8+x", 25) ==
	    PARSE_OK && ps.n == 2 && strcmp(ps.v[0].value, "1=2") == 0 &&
	    strcmp(ps.v[1].name, "n\xC3\xA8") == 0 &&
	    strcmp(ps.v[1].value, "caf\xC3\xA8 x") == 0 && ps.v[1].len == 7,
	    "urlencoded: '=' in a value, escapes in names and values");

	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a=1&b=%zz", 9) == PARSE_BAD,
	    "urlencoded: bad escape in a value is PARSE_BAD");
	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a%zz=1", 6) == PARSE_BAD,
	    "urlencoded: bad escape in a name is PARSE_BAD");
	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a=%00", 5) == PARSE_BAD,
	    "urlencoded: NUL in a value is PARSE_BAD");
	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a=%C3%28", 8) == PARSE_BAD,
	    "urlencoded: invalid UTF-8 in a value is PARSE_BAD");
	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, "a=1&b=2", 3) == PARSE_OK &&
	    ps.n == 1 && strcmp(ps.v[0].value, "1") == 0,
	    "urlencoded: only n bytes are read");

	/* PARAMS_MAX fields are fine, one more is too many. */
	for (int i = 0; i < PARAMS_MAX; i++)
		buf_printf(&b, "%sf%d=%d", i ? "&" : "", i, i);
	memset(&ps, 0, sizeof ps);
	rc = parse_urlencoded(&pool, &ps, b.p, b.n);
	ok(rc == PARSE_OK && ps.n == PARAMS_MAX &&
	    strcmp(ps.v[PARAMS_MAX - 1].name, "f999") == 0 &&
	    strcmp(ps.v[PARAMS_MAX - 1].value, "999") == 0,
	    "urlencoded: PARAMS_MAX (%d) fields accepted", PARAMS_MAX);
	buf_puts(&b, "&extra=1");
	memset(&ps, 0, sizeof ps);
	ok(parse_urlencoded(&pool, &ps, b.p, b.n) == PARSE_TOO_MANY,
	    "urlencoded: PARAMS_MAX+1 fields is PARSE_TOO_MANY");
	buf_free(&b);
}

/* The reference multipart body: a text field, a multi-line text field
** and a file with binary bytes (NUL, CR LF, a near-delimiter). */
#define BINARY "\x00\x01\r\n\xff\xfe--XyZ\r\n--XyY\r\n-\x00" "z\r\n\r\n"
static const char MP_BODY[] =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"titolo\"\r\n"
    "\r\n"
    "Caff\xC3\xA8\r\n"
    "--XyZ\r\n"
    "content-disposition: form-data; name=note\r\n"
    "\r\n"
    "riga 1\r\nriga 2 --XyZ\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"a b.bin\"\r\n"
    "Content-Type: application/octet-stream\r\n"
    "\r\n"
    BINARY "\r\n"
    "--XyZ--\r\n";
#define MP_LEN (sizeof MP_BODY - 1)
#define BIN_LEN (sizeof BINARY - 1)

/* 1 if ps holds exactly the three fields of MP_BODY. */
static int
mp_body_ok(const struct params *ps)
{
	return ps->n == 3 &&
	    strcmp(ps->v[0].name, "titolo") == 0 &&
	    strcmp(ps->v[0].value, "Caff\xC3\xA8") == 0 &&
	    ps->v[0].len == 6 && ps->v[0].filename == NULL &&
	    ps->v[0].ctype == NULL &&
	    strcmp(ps->v[1].name, "note") == 0 &&
	    strcmp(ps->v[1].value, "riga 1\r\nriga 2 --XyZ") == 0 &&
	    ps->v[1].len == 20 && ps->v[1].filename == NULL &&
	    strcmp(ps->v[2].name, "file") == 0 &&
	    ps->v[2].filename != NULL &&
	    strcmp(ps->v[2].filename, "a b.bin") == 0 &&
	    ps->v[2].ctype != NULL &&
	    strcmp(ps->v[2].ctype, "application/octet-stream") == 0 &&
	    ps->v[2].len == BIN_LEN &&
	    memcmp(ps->v[2].value, BINARY, BIN_LEN) == 0 &&
	    ps->v[2].value[BIN_LEN] == '\0';
}

/* parse_multipart on an exact-size heap copy, so ASan sees over-reads. */
static int
mp(struct params *ps, const char *ctype, const char *body, size_t n)
{
	char *copy = malloc(n ? n : 1);
	int rc;

	memcpy(copy, body, n);
	memset(ps, 0, sizeof *ps);
	rc = parse_multipart(&pool, ps, ctype, copy, n);
	free(copy);
	return rc;
}

static int
mps(struct params *ps, const char *ctype, const char *body)
{
	return mp(ps, ctype, body, strlen(body));
}

static void
test_multipart(void)
{
	static const char CT[] = "multipart/form-data; boundary=XyZ";
	struct params ps;
	struct buf b = { 0 };
	char b70[71], b71[72];
	size_t nok = 0, wrong = 0, first_ok = 0;
	int rc;

	ok(mp(&ps, CT, MP_BODY, MP_LEN) == PARSE_OK && mp_body_ok(&ps),
	    "multipart: text, multi-line text and binary file parts");
	ok(mp(&ps, "multipart/form-data; boundary=\"XyZ\"", MP_BODY, MP_LEN) ==
	    PARSE_OK && mp_body_ok(&ps), "multipart: quoted boundary");
	ok(mp(&ps, "Multipart/Form-Data;Boundary=XyZ; charset=utf-8", MP_BODY,
	    MP_LEN) == PARSE_OK && mp_body_ok(&ps),
	    "multipart: boundary attribute case-insensitive, followed by others");
	ok(mp(&ps, "multipart/form-data; charset=\"a;b\"; boundary=XyZ",
	    MP_BODY, MP_LEN) == PARSE_OK && mp_body_ok(&ps),
	    "multipart: ';' inside a quoted attribute before the boundary");

	/* Boundary problems. */
	ok(mp(&ps, "multipart/form-data", MP_BODY, MP_LEN) == PARSE_BAD,
	    "multipart: no boundary is PARSE_BAD");
	ok(mp(&ps, "multipart/form-data; boundary=", MP_BODY, MP_LEN) ==
	    PARSE_BAD, "multipart: empty boundary is PARSE_BAD");
	ok(mp(&ps, "multipart/form-data; boundary=\"\"", MP_BODY, MP_LEN) ==
	    PARSE_BAD, "multipart: empty quoted boundary is PARSE_BAD");
	ok(mp(&ps, "multipart/form-data; boundary=\"XyZ", MP_BODY, MP_LEN) ==
	    PARSE_BAD, "multipart: unterminated quoted boundary is PARSE_BAD");
	ok(mp(&ps, "multipart/form-data; boundary=Other", MP_BODY, MP_LEN) ==
	    PARSE_BAD, "multipart: body not starting with the boundary");
	memset(b70, 'b', 70);
	b70[70] = '\0';
	memset(b71, 'b', 71);
	b71[71] = '\0';
	buf_printf(&b, "--%s\r\nContent-Disposition: form-data; name=x\r\n\r\n"
	    "1\r\n--%s--\r\n", b70, b70);
	ok(mp(&ps, pool_printf(&pool, "multipart/form-data; boundary=%s", b70),
	    b.p, b.n) == PARSE_OK && ps.n == 1 &&
	    strcmp(ps.v[0].value, "1") == 0,
	    "multipart: a 70-character boundary is fine");
	buf_reset(&b);
	buf_printf(&b, "--%s\r\nContent-Disposition: form-data; name=x\r\n\r\n"
	    "1\r\n--%s--\r\n", b71, b71);
	ok(mp(&ps, pool_printf(&pool, "multipart/form-data; boundary=%s", b71),
	    b.p, b.n) == PARSE_BAD, "multipart: a 71-character boundary is PARSE_BAD");

	/* Delimiters. */
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\n1\r\n") == PARSE_BAD,
	    "multipart: missing closing delimiter is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\n1\r\n--XyZ\r\n") == PARSE_BAD,
	    "multipart: ends after a delimiter without \"--\"");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\n1\r\n--XyZx") == PARSE_BAD,
	    "multipart: garbage after a delimiter is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ--\r\n") == PARSE_OK && ps.n == 0,
	    "multipart: a body with no parts is fine and empty");
	ok(mps(&ps, CT, "") == PARSE_BAD, "multipart: an empty body is PARSE_BAD");
	ok(mps(&ps, CT, "preamble\r\n--XyZ--\r\n") == PARSE_BAD,
	    "multipart: text before the first boundary is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\n\r\n--XyZ--") == PARSE_OK && ps.n == 1 &&
	    strcmp(ps.v[0].value, "") == 0 && ps.v[0].len == 0,
	    "multipart: an empty value");

	/* Every prefix of the valid body: never a crash, never wrong data. */
	for (size_t k = 0; k < MP_LEN; k++) {
		rc = mp(&ps, CT, MP_BODY, k);
		if (rc == PARSE_OK) {
			if (nok++ == 0)
				first_ok = k;
			if (!mp_body_ok(&ps))
				wrong++;
		} else if (rc != PARSE_BAD)
			wrong++;
	}
	ok(wrong == 0, "multipart: no prefix of the body parses to wrong data "
	    "(%zu wrong)", wrong);
	ok(nok == 2 && first_ok == MP_LEN - 2,
	    "multipart: only prefixes with the whole closing \"--XyZ--\" parse "
	    "(%zu from %zu of %zu)", nok, first_ok, MP_LEN);

	/* Parts. */
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; "
	    "filename=\"a.txt\"\r\n\r\nx\r\n--XyZ--") == PARSE_BAD,
	    "multipart: a part without name is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data\r\n\r\n"
	    "x\r\n--XyZ--") == PARSE_BAD,
	    "multipart: form-data without attributes is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Type: text/plain\r\n\r\n"
	    "x\r\n--XyZ--") == PARSE_BAD,
	    "multipart: a part without Content-Disposition is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: attachment; name=a\r\n"
	    "\r\nx\r\n--XyZ--") == PARSE_BAD,
	    "multipart: a disposition other than form-data is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "no colon here\r\n\r\nx\r\n--XyZ--") == PARSE_BAD,
	    "multipart: a header line without ':' is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "x\r\n--XyZ--") == PARSE_BAD,
	    "multipart: headers without the blank line are PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; "
	    "filename=\"; name=evil\"; name=\"a\\\"b\"\r\n\r\nx\r\n--XyZ--") ==
	    PARSE_OK && ps.n == 1 && strcmp(ps.v[0].name, "a\"b") == 0 &&
	    strcmp(ps.v[0].filename, "; name=evil") == 0,
	    "multipart: quoted attributes and escapes; no name taken from inside quotes");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\xC3\x28\"\r\n\r\nx\r\n--XyZ--") == PARSE_BAD,
	    "multipart: invalid UTF-8 in a name is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"\xC0\xAF\"\r\n\r\nx\r\n--XyZ--") == PARSE_BAD,
	    "multipart: invalid UTF-8 in a filename is PARSE_BAD");
	ok(mps(&ps, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\nCaff\xC3\x28\r\n--XyZ--") == PARSE_BAD,
	    "multipart: invalid UTF-8 in a text part is PARSE_BAD");
	{
		static const char nul[] = "--XyZ\r\nContent-Disposition: "
		    "form-data; name=a\r\n\r\nx\0y\r\n--XyZ--";

		ok(mp(&ps, CT, nul, sizeof nul - 1) == PARSE_BAD,
		    "multipart: NUL in a text part is PARSE_BAD");
	}
	{
		static const char bin[] = "--XyZ\r\nContent-Disposition: "
		    "form-data; name=a; filename=x\r\n\r\nx\0\xC3\x28y\r\n--XyZ--";

		ok(mp(&ps, CT, bin, sizeof bin - 1) == PARSE_OK && ps.n == 1 &&
		    ps.v[0].len == 5 && memcmp(ps.v[0].value, "x\0\xC3\x28y", 5) == 0 &&
		    strcmp(ps.v[0].filename, "x") == 0 && ps.v[0].ctype == NULL,
		    "multipart: NUL and invalid UTF-8 in a file part are fine");
	}

	/* Too many parts. */
	buf_reset(&b);
	for (int i = 0; i <= PARAMS_MAX; i++)
		buf_printf(&b, "--XyZ\r\nContent-Disposition: form-data; "
		    "name=f%d\r\n\r\n%d\r\n", i, i);
	buf_puts(&b, "--XyZ--\r\n");
	ok(mp(&ps, CT, b.p, b.n) == PARSE_TOO_MANY,
	    "multipart: PARAMS_MAX+1 parts is PARSE_TOO_MANY");
	buf_free(&b);
}

static void
test_cookies(void)
{
	struct params ps;

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "a=1; b=2");
	ok(ps.n == 2 && strcmp(ps.v[0].name, "a") == 0 &&
	    strcmp(ps.v[0].value, "1") == 0 && ps.v[0].len == 1 &&
	    strcmp(ps.v[1].name, "b") == 0 && strcmp(ps.v[1].value, "2") == 0,
	    "cookies: two pairs");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "   a=1 ;\tb=2\t ;  c=3  ");
	ok(ps.n == 3 && strcmp(ps.v[0].name, "a") == 0 &&
	    strcmp(ps.v[0].value, "1") == 0 &&
	    strcmp(ps.v[1].name, "b") == 0 && strcmp(ps.v[1].value, "2") == 0 &&
	    strcmp(ps.v[2].name, "c") == 0 && strcmp(ps.v[2].value, "3") == 0 &&
	    ps.v[2].len == 1, "cookies: spaces and tabs around pairs trimmed");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "a=\"quoted value\"; b=\"\"; c=\"; d=x=y");
	ok(ps.n == 4 && strcmp(ps.v[0].value, "quoted value") == 0 &&
	    ps.v[0].len == 12 && strcmp(ps.v[1].value, "") == 0 &&
	    ps.v[1].len == 0 && strcmp(ps.v[2].value, "\"") == 0 &&
	    strcmp(ps.v[3].value, "x=y") == 0,
	    "cookies: quoted values unquoted, a lone quote kept, '=' in a value");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "novalue; =x; ;; b=2; ");
	ok(ps.n == 1 && strcmp(ps.v[0].name, "b") == 0 &&
	    strcmp(ps.v[0].value, "2") == 0,
	    "cookies: pairs without '=' or without a name skipped");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "justname");
	ok(ps.n == 0, "cookies: missing '=' gives nothing");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "e=");
	ok(ps.n == 1 && strcmp(ps.v[0].name, "e") == 0 &&
	    strcmp(ps.v[0].value, "") == 0, "cookies: an empty value is kept");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "");
	ok(ps.n == 0, "cookies: empty header");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, NULL);
	ok(ps.n == 0, "cookies: NULL header");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "approdo=first; approdo=second");
	ok(ps.n == 2 && strcmp(params_get(&ps, "approdo"), "first") == 0,
	    "cookies: repeated names kept in order, first one wins");

	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "a=\xC3\x28; approdo=ok");
	ok(ps.n == 1 && strcmp(ps.v[0].name, "approdo") == 0 &&
	    strcmp(ps.v[0].value, "ok") == 0,
	    "cookies: a value that is not UTF-8 is skipped");

	/*
	 * BUG: parse_cookies() checks only the value for UTF-8, so a cookie
	 * whose NAME is invalid UTF-8 is stored (the fuzz invariant "every
	 * param name is valid UTF-8" fails; see
	 * tests/fuzz-corpus/crash-cookie-name-invalid-utf8).
	 */
	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, "\xC3\x28=x; approdo=ok");
	ok(ps.n == 1 && strcmp(ps.v[0].name, "approdo") == 0,
	    "cookies: a name that is not UTF-8 is skipped (BUG)");
}

static void
test_utf8(void)
{
	static const struct {
		const char *s;
		size_t n;
		int valid;
		const char *what;
	} cases[] = {
		{ "", 0, 1, "empty" },
		{ "abc", 3, 1, "ASCII" },
		{ "a\0b", 3, 1, "NUL is left to the forms" },
		{ "\xC3\xA8", 2, 1, "U+00E8" },
		{ "\xC2\x80", 2, 1, "U+0080, smallest two-byte" },
		{ "\xDF\xBF", 2, 1, "U+07FF" },
		{ "\xE0\xA0\x80", 3, 1, "U+0800, smallest three-byte" },
		{ "\xE2\x82\xAC", 3, 1, "U+20AC euro" },
		{ "\xED\x9F\xBF", 3, 1, "U+D7FF, before the surrogates" },
		{ "\xEE\x80\x80", 3, 1, "U+E000, after the surrogates" },
		{ "\xEF\xBF\xBF", 3, 1, "U+FFFF" },
		{ "\xF0\x90\x80\x80", 4, 1, "U+10000, smallest four-byte" },
		{ "\xF0\x9F\x98\x80", 4, 1, "U+1F600" },
		{ "\xF4\x8F\xBF\xBF", 4, 1, "U+10FFFF, the last code point" },
		{ "\x80", 1, 0, "lone continuation byte" },
		{ "\xBF", 1, 0, "lone continuation byte BF" },
		{ "\xC0\x80", 2, 0, "overlong NUL C0 80" },
		{ "\xC0\xAF", 2, 0, "overlong '/' C0 AF" },
		{ "\xC1\xBF", 2, 0, "overlong C1 BF" },
		{ "\xE0\x80\xAF", 3, 0, "overlong three-byte '/'" },
		{ "\xE0\x9F\xBF", 3, 0, "overlong U+07FF in three bytes" },
		{ "\xF0\x8F\xBF\xBF", 4, 0, "overlong U+FFFF in four bytes" },
		{ "\xED\xA0\x80", 3, 0, "surrogate U+D800" },
		{ "\xED\xBF\xBF", 3, 0, "surrogate U+DFFF" },
		{ "\xF4\x90\x80\x80", 4, 0, "U+110000, above the range" },
		{ "\xF5\x80\x80\x80", 4, 0, "lead byte F5" },
		{ "\xFE", 1, 0, "byte FE" },
		{ "\xFF", 1, 0, "byte FF" },
		{ "\xC3", 1, 0, "truncated two-byte" },
		{ "\xE2\x82", 2, 0, "truncated three-byte" },
		{ "\xF0\x9F\x98", 3, 0, "truncated four-byte" },
		{ "\xC3\x28", 2, 0, "bad continuation" },
		{ "\xE2\x28\xA1", 3, 0, "bad second byte of three" },
		{ "\xE2\x82\x28", 3, 0, "bad third byte of three" },
		{ "\xC3\xA8", 1, 0, "a valid sequence cut by n" },
		{ "ok\xC3\xA8\xFF", 4, 1, "a bad byte after n is not read" },
	};

	for (size_t i = 0; i < COUNT(cases); i++)
		ok(utf8_valid(cases[i].s, cases[i].n) == cases[i].valid,
		    "utf8_valid: %s -> %d", cases[i].what, cases[i].valid);
	ok(utf8_len("") == 0 && utf8_len("abc") == 3 &&
	    utf8_len("\xC3\xA8\xE2\x82\xAC\xF0\x9F\x98\x80x") == 4,
	    "utf8_len counts code points");
}

static void
test_route(void)
{
	long long id[2];

	id[0] = id[1] = -1;
	ok(route_match("/utenti/#", "/utenti/12", id) == 1 && id[0] == 12,
	    "route: /utenti/# matches /utenti/12 with id 12");
	ok(route_match("/utenti/#", "/utenti/012", id) == 0,
	    "route: leading zero refused");
	ok(route_match("/utenti/#", "/utenti/0", id) == 0, "route: zero refused");
	ok(route_match("/utenti/#", "/utenti/", id) == 0,
	    "route: missing number refused");
	ok(route_match("/utenti/#", "/utenti", id) == 0,
	    "route: missing segment refused");
	ok(route_match("/utenti/#", "/utenti/12/", id) == 0,
	    "route: trailing slash refused");
	ok(route_match("/utenti/#", "/utenti/12a", id) == 0,
	    "route: trailing letters refused");
	ok(route_match("/utenti/#", "/utenti/-1", id) == 0 &&
	    route_match("/utenti/#", "/utenti/+1", id) == 0 &&
	    route_match("/utenti/#", "/utenti/ 1", id) == 0,
	    "route: signs and spaces refused");
	id[0] = -1;
	ok(route_match("/utenti/#", "/utenti/999999999999999", id) == 1 &&
	    id[0] == 999999999999999LL, "route: a 15-digit number matches");
	ok(route_match("/utenti/#", "/utenti/1234567890123456", id) == 0,
	    "route: a 16-digit number refused");
	ok(route_match("/utenti/#", "/utenti/99999999999999999999999", id) == 0,
	    "route: a huge number refused (no overflow)");
	id[0] = id[1] = -1;
	ok(route_match("/minori/#/documenti/#", "/minori/7/documenti/42", id) ==
	    1 && id[0] == 7 && id[1] == 42, "route: two ids, in order");
	ok(route_match("/minori/#/documenti/#", "/minori/7/documenti/", id) == 0,
	    "route: second id missing");
	ok(route_match("/minori/#/documenti/#", "/minori/7/documenti/42/x",
	    id) == 0, "route: extra segment refused");
	ok(route_match("/minori/#/documenti/#", "/minori/7/documento/42", id) ==
	    0, "route: literal mismatch between ids");
	ok(route_match("/#/#/#", "/1/2/3", id) == 0,
	    "route: a third id is refused, never written");
	ok(route_match("/utenti", "/utenti", id) == 1 &&
	    route_match("/", "/", id) == 1, "route: literal paths");
	ok(route_match("/utenti", "/utenti/", id) == 0 &&
	    route_match("/utenti", "/utent", id) == 0 &&
	    route_match("/utenti/nuovo", "/utenti/#", id) == 0 &&
	    route_match("/utenti/#", "/utenti/nuovo", id) == 0,
	    "route: near misses refused");
}

/* request_parse on an env array and a body given as a string. */
static int
rp(struct request *r, const char *const *env, const char *body)
{
	memset(r, 0, sizeof *r);
	return request_parse(r, env, body, body ? strlen(body) : 0);
}

static void
test_request(void)
{
	struct request r;
	const char *env[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/a%20b?x=1",
	    "CONTENT_TYPE=application/x-www-form-urlencoded",
	    "HTTP_COOKIE=approdo=abc", NULL };
	int rc;

	rc = rp(&r, env, "nome=Mario+Rossi&eta=12&nome=bis");
	ok(rc == 0, "request: a urlencoded POST parses (%d)", rc);
	ok(r.method && strcmp(r.method, "POST") == 0, "request: method");
	ok(r.path && strcmp(r.path, "/a b") == 0, "request: path decoded");
	ok(r.query.n == 1 && strcmp(request_get(&r, "x"), "1") == 0,
	    "request: query from the URI");
	ok(r.cookies.n == 1 &&
	    strcmp(params_get(&r.cookies, "approdo"), "abc") == 0,
	    "request: cookie");
	ok(r.form.n == 3 && strcmp(request_post(&r, "nome"), "Mario Rossi") == 0 &&
	    strcmp(request_post(&r, "eta"), "12") == 0 &&
	    request_post(&r, "x") == NULL,
	    "request: body fields, not mixed with the query");
	ok(r.content_type &&
	    strcmp(r.content_type, "application/x-www-form-urlencoded") == 0,
	    "request: content type kept");
	ok(strcmp(r.remote_addr, "") == 0 && r.host == NULL &&
	    r.origin == NULL && r.referer == NULL && r.remote_user == NULL &&
	    r.https == 0, "request: absent variables");
	pool_free(&r.pool);

	{
		const char *e[] = { "REQUEST_METHODX=PUT", "REQUEST_METHOD=GET",
		    "REQUEST_URI=/utenti/3?q=caff%C3%A8", "QUERY_STRING=a=1&b=2",
		    "HTTP_HOST=127.0.0.1:8080", "HTTP_ORIGIN=http://x",
		    "HTTP_REFERER=http://x/y", "REMOTE_ADDR=10.0.0.1",
		    "REMOTE_USER=mario", "HTTPS=on", "HTTP_COOKIEX=approdo=no",
		    NULL };

		rc = rp(&r, e, NULL);
		ok(rc == 0 && strcmp(r.method, "GET") == 0 &&
		    strcmp(r.path, "/utenti/3") == 0,
		    "request: env_get matches whole names only");
		ok(r.query.n == 2 && strcmp(request_get(&r, "a"), "1") == 0 &&
		    strcmp(request_get(&r, "b"), "2") == 0 &&
		    request_get(&r, "q") == NULL,
		    "request: QUERY_STRING wins over the URI's query");
		ok(strcmp(r.host, "127.0.0.1:8080") == 0 &&
		    strcmp(r.origin, "http://x") == 0 &&
		    strcmp(r.referer, "http://x/y") == 0 &&
		    strcmp(r.remote_addr, "10.0.0.1") == 0 &&
		    strcmp(r.remote_user, "mario") == 0 && r.https == 1 &&
		    r.cookies.n == 0,
		    "request: host, origin, referer, address, user, HTTPS=on");
		pool_free(&r.pool);
	}
	{
		const char *e1[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
		    "HTTPS=1", NULL };
		const char *e2[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
		    "HTTPS=off", NULL };

		ok(rp(&r, e1, NULL) == 0 && r.https == 1 &&
		    strcmp(r.path, "/") == 0 && r.query.n == 0, "request: HTTPS=1");
		pool_free(&r.pool);
		ok(rp(&r, e2, NULL) == 0 && r.https == 0, "request: HTTPS=off");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=GET",
		    "SCRIPT_NAME=/cgi-bin/utenti", "PATH_INFO=/utenti/3", NULL };

		ok(rp(&r, e, NULL) == 0 &&
		    strcmp(r.path, "/cgi-bin/utenti/utenti/3") == 0,
		    "request: without REQUEST_URI the path is SCRIPT_NAME+PATH_INFO");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=GET", "REQUEST_URI=?x=1", NULL };

		ok(rp(&r, e, NULL) == 0 && strcmp(r.path, "/") == 0 &&
		    strcmp(request_get(&r, "x"), "1") == 0,
		    "request: an empty path is \"/\"");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=GET",
		    "REQUEST_URI=/a+b%2Bc?q=a+b", NULL };

		ok(rp(&r, e, NULL) == 0 && strcmp(r.path, "/a+b+c") == 0 &&
		    strcmp(request_get(&r, "q"), "a b") == 0,
		    "request: '+' literal in the path, a space in the query");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_URI=/", NULL };

		ok(rp(&r, e, NULL) == 400, "request: no REQUEST_METHOD is 400");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
		    "HTTP_HOST=\xC3\x28", NULL };

		ok(rp(&r, e, NULL) == 0 && r.host == NULL,
		    "request: a host that is not UTF-8 is dropped");
		pool_free(&r.pool);
	}

	/* Bad escapes: 400. */
	{
		static const char *const uris[] = {
			"REQUEST_URI=/a%zz", "REQUEST_URI=/a%00b",
			"REQUEST_URI=/a%C3%28", "REQUEST_URI=/a%",
			"REQUEST_URI=/a?x=%zz", "REQUEST_URI=/a?x=%ED%A0%80",
		};

		for (size_t i = 0; i < COUNT(uris); i++) {
			const char *e[] = { "REQUEST_METHOD=GET", uris[i], NULL };

			ok(rp(&r, e, NULL) == 400, "request: %s is 400", uris[i]);
			pool_free(&r.pool);
		}
	}
	ok(rp(&r, env, "a=%G1") == 400, "request: bad escape in the body is 400");
	pool_free(&r.pool);
	ok(rp(&r, env, "a=%00") == 400, "request: NUL in the body is 400");
	pool_free(&r.pool);

	/* Content types. */
	{
		const char *e[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
		    "CONTENT_TYPE=text/plain", NULL };

		ok(rp(&r, e, "a=1") == 415, "request: text/plain body is 415");
		pool_free(&r.pool);
		ok(rp(&r, e, NULL) == 0 && r.form.n == 0,
		    "request: no body with text/plain is fine");
		pool_free(&r.pool);
		ok(request_parse((memset(&r, 0, sizeof r), &r), e, "", 0) == 0,
		    "request: body_len 0 with any content type is fine");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/", NULL };

		ok(rp(&r, e, "a=1") == 415,
		    "request: a body without a content type is 415");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
		    "CONTENT_TYPE=Application/X-WWW-Form-Urlencoded; charset=UTF-8",
		    NULL };

		ok(rp(&r, e, "a=1") == 0 && strcmp(request_post(&r, "a"), "1") == 0,
		    "request: content type case-insensitive, with parameters");
		pool_free(&r.pool);
	}
	{
		const char *e[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/carica",
		    "CONTENT_TYPE=multipart/form-data; boundary=XyZ", NULL };
		const struct param *p;

		memset(&r, 0, sizeof r);
		rc = request_parse(&r, e, MP_BODY, MP_LEN);
		p = params_find(&r.form, "file");
		ok(rc == 0 && mp_body_ok(&r.form) &&
		    strcmp(request_post(&r, "titolo"), "Caff\xC3\xA8") == 0 &&
		    request_post(&r, "file") == NULL && p && p->len == BIN_LEN,
		    "request: multipart body; a file is not a text field");
		pool_free(&r.pool);
		memset(&r, 0, sizeof r);
		ok(request_parse(&r, e, MP_BODY, MP_LEN - 4) == 400,
		    "request: a truncated multipart body is 400");
		pool_free(&r.pool);
	}

	/* Too many fields: 413. */
	{
		struct buf b = { 0 };
		char *q;

		for (int i = 0; i <= PARAMS_MAX; i++)
			buf_printf(&b, "%sf=%d", i ? "&" : "", i);
		ok(rp(&r, env, b.p) == 413, "request: too many body fields is 413");
		pool_free(&r.pool);
		q = malloc(b.n + 20);
		strcpy(q, "QUERY_STRING=");
		strcat(q, b.p);
		{
			const char *e[] = { "REQUEST_METHOD=GET",
			    "REQUEST_URI=/", q, NULL };

			ok(rp(&r, e, NULL) == 413,
			    "request: too many query fields is 413");
			pool_free(&r.pool);
		}
		free(q);
		buf_free(&b);
	}
}

/* buf_printf: formatted in place, grown when the room is too small. */
static void
test_buf_printf(void)
{
	struct buf b = { 0 };
	char big[1000];
	int ok_all = 1;

	buf_printf(&b, "%s %d", "Ahmed", 17);
	ok(b.n == 8 && strcmp(b.p, "Ahmed 17") == 0, "buf_printf: a short value");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int i = 0; i < 50; i++) {
		size_t was = b.n;

		buf_printf(&b, "[%s|%d]", i % 2 ? big : "", i);
		ok_all &= b.n > was && b.p[b.n] == '\0' && b.p[was] == '[';
	}
	ok(ok_all && strlen(b.p) == b.n && strstr(b.p, "|49]") == b.p + b.n - 4,
	    "buf_printf: 50 appends past the room, each whole (%zu bytes)", b.n);
	buf_free(&b);
}

/* buf_html: the five characters replaced, everything else as it is. */
static void
test_buf_html(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "" }, { "Aïcha Diallo", "Aïcha Diallo" },
		{ "<script>", "&lt;script&gt;" },
		{ "a&b\"c'd", "a&amp;b&quot;c&#39;d" },
		{ "&&", "&amp;&amp;" }, { "x<", "x&lt;" }, { ">y", "&gt;y" },
		{ "\"onmouseover='x'", "&quot;onmouseover=&#39;x&#39;" },
	};
	struct buf b = { 0 };
	int all = 1;

	for (size_t i = 0; i < COUNT(v); i++) {
		buf_reset(&b);
		buf_puts(&b, "[");
		buf_html(&b, v[i].in);
		buf_puts(&b, "]");
		all &= b.n == strlen(v[i].out) + 2 && strncmp(b.p + 1, v[i].out,
		    strlen(v[i].out)) == 0 && b.p[b.n - 1] == ']';
	}
	ok(all, "buf_html: & < > \" ' escaped, the rest copied as it is");
	buf_free(&b);
}

int
main(void)
{
	test_buf_html();
	test_buf_printf();
	test_pct_decode();
	test_urlencoded();
	test_multipart();
	test_cookies();
	test_utf8();
	test_route();
	test_request();
	pool_free(&pool);
	return done_testing();
}
