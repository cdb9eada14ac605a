/*
** libFuzzer target for the request parser (lib/request.c, lib/parse.c).
** Built and run by tests/fuzz.sh; the seeds are in tests/fuzz-corpus/.
**
** Input layout
** ------------
**   byte 0   flags (a missing byte counts as 0):
**              bits 0-1  REQUEST_METHOD: 0 GET, 1 POST, 2 HEAD, 3 DELETE
**              bit 2     HTTPS=on
**              bit 3     no REQUEST_URI: plain CGI, SCRIPT_NAME=/cgi-bin/a
**                        and PATH_INFO=<chunk 0>
**              bit 4     no QUERY_STRING (the query comes from the URI)
**              bit 5     no HTTP_COOKIE
**              bit 6     clear: no REMOTE_ADDR, HTTP_HOST, HTTP_ORIGIN
**                        (set in '@'..'_', so letters are readable flags)
**              bit 7     no REQUEST_METHOD (must give 400)
**            e.g. '@' GET, 'A' POST, 'D' GET over HTTPS, 'P' GET without
**            QUERY_STRING, 'Q' POST without QUERY_STRING, 'H' plain CGI.
**   byte 1   CONTENT_TYPE, by (byte & 3):
**              0 ('0')  "application/x-www-form-urlencoded" + chunk 3
**              1 ('1')  "multipart/form-data; boundary=" + chunk 3
**              2 ('2')  chunk 3 verbatim
**              3 ('3')  no CONTENT_TYPE
**   then four chunks, each ended by '\n' (the last may end the input):
**              chunk 0  REQUEST_URI (also HTTP_REFERER)
**              chunk 1  QUERY_STRING
**              chunk 2  HTTP_COOKIE
**              chunk 3  CONTENT_TYPE suffix, boundary or whole value
**   the rest is the body, passed with its exact length (any bytes, CRLF
**   and NUL included). A NUL inside a chunk ends that environment string,
**   as it would in a real environment.
**
** Example: "A0/login\n\n\n\nusername=anna&password=x" is a urlencoded POST.
**
** Besides request_parse() on that environment, the raw input and its
** chunks go straight to pct_decode, parse_urlencoded, parse_cookies,
** parse_multipart and route_match. Every buffer handed to the library is
** a malloc'd copy of its exact size, so AddressSanitizer sees over-reads.
**
** Invariants (abort() when broken, with "INVARIANT:" on stderr):
**   - request_parse returns 0, 400, 413 or 415 (400 without a method);
**   - every param: name valid UTF-8; value[len] == '\0'; text values
**     (no filename) have strlen(value) == len and are valid UTF-8;
**     filename and part Content-Type valid UTF-8; never above PARAMS_MAX;
**   - on 0: path non-NULL and equal to the URI before '?' decoded by an
**     independent reference decoder ("/" if that is empty); if the
**     reference decoder rejects the path, request_parse returns 400;
**   - with REQUEST_METHOD, remote_addr is never NULL;
**   - params_find/params_get/request_get find the first param of each
**     parsed name; request_post gives it only if it is not a file;
**   - pct_decode agrees with the reference decoder;
**   - route_match: with no '#', a match iff the strings are equal; on a
**     match, the pattern with each '#' replaced by its id is the path.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "request.h"
#include "util.h"

#define FAIL(what) do { \
	fprintf(stderr, "INVARIANT: %s (%s:%d)\n", (what), __FILE__, \
	    __LINE__); \
	abort(); \
} while (0)

#define CHECK(cond, what) do { if (!(cond)) FAIL(what); } while (0)

/* A NUL-terminated copy of prefix and n bytes of s (stops at a NUL). */
static char *
cat(const char *prefix, const char *s, size_t n)
{
	size_t pl = strlen(prefix);
	char *d = malloc(pl + n + 1);

	if (d == NULL)
		abort();
	memcpy(d, prefix, pl);
	if (n)
		memcpy(d + pl, s, n);
	d[pl + n] = '\0';
	return d;
}

/* An exact-size copy (no terminator), so reads past n are caught. */
static char *
exact(const char *s, size_t n)
{
	char *d = malloc(n ? n : 1);

	if (d == NULL)
		abort();
	if (n)
		memcpy(d, s, n);
	return d;
}

static int
hexdig(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
** Reference percent-decoder, written independently of lib/parse.c:
** returns a malloc'd string, or NULL if a '%' lacks two hex digits or
** the result holds a NUL or is not valid UTF-8.
*/
static char *
ref_decode(const char *s, size_t n, int plus, size_t *outlen)
{
	char *d = malloc(n + 1);
	size_t k = 0;

	if (d == NULL)
		abort();
	for (const char *e = s + n; s < e; s++) {
		if (*s == '%') {
			if (e - s < 3 || hexdig((unsigned char)s[1]) < 0 ||
			    hexdig((unsigned char)s[2]) < 0)
				goto bad;
			d[k++] = (char)(hexdig((unsigned char)s[1]) << 4 |
			    hexdig((unsigned char)s[2]));
			s += 2;
		} else
			d[k++] = plus && *s == '+' ? ' ' : *s;
		if (d[k - 1] == '\0')
			goto bad;
	}
	d[k] = '\0';
	if (!utf8_valid(d, k))
		goto bad;
	*outlen = k;
	return d;
bad:
	free(d);
	return NULL;
}

static void
check_params(const struct params *ps)
{
	CHECK(ps->n <= PARAMS_MAX, "more than PARAMS_MAX params");
	CHECK(ps->n <= ps->cap, "params n above cap");
	CHECK(ps->n == 0 || ps->v != NULL, "params without storage");
	for (size_t i = 0; i < ps->n; i++) {
		const struct param *p = &ps->v[i];

		CHECK(p->name != NULL, "param without name");
		CHECK(utf8_valid(p->name, strlen(p->name)),
		    "param name not valid UTF-8");
		CHECK(p->value != NULL, "param without value");
		CHECK(p->value[p->len] == '\0', "value not NUL-terminated");
		if (p->filename == NULL) {
			CHECK(strlen(p->value) == p->len,
			    "text value: strlen(value) != len");
			CHECK(utf8_valid(p->value, p->len),
			    "text value not valid UTF-8");
		} else
			CHECK(utf8_valid(p->filename, strlen(p->filename)),
			    "filename not valid UTF-8");
		if (p->ctype != NULL)
			CHECK(utf8_valid(p->ctype, strlen(p->ctype)),
			    "part Content-Type not valid UTF-8");
	}
}

/*
** The look-ups are linear, so checking them for every param is quadratic:
** only the first 32 params and the last one are checked.
*/
static int
sampled(size_t i, size_t n)
{
	return i < 32 || i + 1 == n;
}

/* params_find returns the first param of that name. */
static void
check_find(const struct params *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		const struct param *f;

		if (!sampled(i, ps->n))
			continue;
		f = params_find(ps, ps->v[i].name);
		CHECK(f != NULL && f >= ps->v && f <= &ps->v[i] &&
		    strcmp(f->name, ps->v[i].name) == 0,
		    "params_find misses a parsed param");
		for (const struct param *g = ps->v; g < f; g++)
			CHECK(strcmp(g->name, f->name) != 0,
			    "params_find is not the first match");
	}
}

static void
check_route(const char *pat, const char *path)
{
	long long id[2] = { -1, -1 };
	int m = route_match(pat, path, id);

	if (strchr(pat, '#') == NULL) {
		CHECK(m == (strcmp(pat, path) == 0),
		    "route_match without '#' differs from strcmp");
		return;
	}
	if (!m)
		return;
	/* Rebuild the path from the pattern and the ids. */
	{
		struct buf b = { 0 };
		int nid = 0;

		for (const char *p = pat; *p; p++) {
			if (*p == '#') {
				CHECK(nid < 2, "route matched a third '#'");
				CHECK(id[nid] >= 1 && id[nid] < 1000000000000000LL,
				    "route id out of range");
				buf_printf(&b, "%lld", id[nid]);
				nid++;
			} else
				buf_add(&b, p, 1);
		}
		CHECK(b.p != NULL && strcmp(b.p, path) == 0,
		    "route pattern with ids is not the path");
		buf_free(&b);
	}
}

static const char *const route_patterns[] = {
	"/", "/login", "/utenti", "/utenti/#", "/utenti/#/modifica",
	"/casi/#/note/#", "#", "##", "/#/#/#", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const methods[] = { "GET", "POST", "HEAD",
	    "DELETE" };
	const char *in = (const char *)data;
	unsigned flags = size > 0 ? data[0] : 0;
	unsigned ctmode = size > 1 ? data[1] & 3 : 3;
	const char *chunk[4];
	size_t clen[4], off = size > 2 ? 2 : size;
	const char *env[16];
	char *own[16];
	size_t nenv = 0, nown = 0;
	char *body, *uri, *s;
	size_t body_len;
	struct request r;
	struct pool pool = { 0 };
	struct params ps;
	int rc;

	/* Split into the four chunks and the body. */
	for (int k = 0; k < 4; k++) {
		const char *nl = memchr(in + off, '\n', size - off);

		chunk[k] = in + off;
		clen[k] = nl ? (size_t)(nl - (in + off)) : size - off;
		off += clen[k] + (nl != NULL);
	}
	body_len = size - off;
	body = exact(in + off, body_len);

	/* The CGI environment. */
#define ENV(prefix, p, n) (env[nenv++] = own[nown++] = cat((prefix), (p), (n)))
	if (!(flags & 0x80))
		ENV("REQUEST_METHOD=", methods[flags & 3],
		    strlen(methods[flags & 3]));
	if (flags & 0x40) {
		ENV("REMOTE_ADDR=", "192.0.2.1", 9);
		ENV("HTTP_HOST=", "approdo.example", 15);
		ENV("HTTP_ORIGIN=", "https://approdo.example", 23);
	}
	ENV("HTTP_REFERER=", chunk[0], clen[0]);
	if (flags & 4)
		ENV("HTTPS=", "on", 2);
	if (flags & 8) {
		ENV("SCRIPT_NAME=", "/cgi-bin/a", 10);
		ENV("PATH_INFO=", chunk[0], clen[0]);
	} else
		ENV("REQUEST_URI=", chunk[0], clen[0]);
	if (!(flags & 0x10))
		ENV("QUERY_STRING=", chunk[1], clen[1]);
	if (!(flags & 0x20))
		ENV("HTTP_COOKIE=", chunk[2], clen[2]);
	switch (ctmode) {
	case 0:
		ENV("CONTENT_TYPE=application/x-www-form-urlencoded",
		    chunk[3], clen[3]);
		break;
	case 1:
		ENV("CONTENT_TYPE=multipart/form-data; boundary=",
		    chunk[3], clen[3]);
		break;
	case 2:
		ENV("CONTENT_TYPE=", chunk[3], clen[3]);
		break;
	}
	env[nenv] = NULL;
#undef ENV

	/* The URI the parser sees, for the reference path. */
	uri = flags & 8 ? cat("/cgi-bin/a", chunk[0], clen[0]) :
	    cat("", chunk[0], clen[0]);

	memset(&r, 0, sizeof r);
	rc = request_parse(&r, env, body, body_len);
	CHECK(rc == 0 || rc == 400 || rc == 413 || rc == 415,
	    "request_parse returned an unexpected status");
	if (r.method != NULL)
		CHECK(utf8_valid(r.method, strlen(r.method)),
		    "method not valid UTF-8");
	if (flags & 0x80)
		CHECK(rc == 400, "no REQUEST_METHOD but not 400");
	else
		CHECK(r.remote_addr != NULL, "remote_addr is NULL");
	check_params(&r.query);
	check_params(&r.form);
	check_params(&r.cookies);
	check_find(&r.query);
	check_find(&r.form);
	check_find(&r.cookies);
	for (size_t i = 0; i < r.form.n; i++) {
		const char *v;

		if (!sampled(i, r.form.n))
			continue;
		v = request_post(&r, r.form.v[i].name);
		CHECK(v == NULL || v == params_get(&r.form, r.form.v[i].name),
		    "request_post is not the first text value");
	}
	for (size_t i = 0; i < r.query.n; i++)
		CHECK(!sampled(i, r.query.n) ||
		    request_get(&r, r.query.v[i].name) != NULL,
		    "request_get misses a parsed query param");
	{
		const char *q = strchr(uri, '?');
		size_t plen = q ? (size_t)(q - uri) : strlen(uri), elen;
		char *expect = ref_decode(uri, plen, 0, &elen);

		if (rc == 0) {
			CHECK(r.path != NULL, "path is NULL");
			CHECK(expect != NULL,
			    "path accepted that the reference rejects");
			CHECK(strcmp(r.path, elen ? expect : "/") == 0,
			    "path is not the decoded URI");
		}
		if (expect == NULL && !(flags & 0x80))
			CHECK(rc == 400, "undecodable path but not 400");
		free(expect);
	}
	if (rc == 0 && r.path != NULL)
		for (size_t i = 0; i < COUNT(route_patterns); i++)
			check_route(route_patterns[i], r.path);
	pool_free(&r.pool);

	/* pct_decode on the raw input, both ways, against the reference. */
	for (int plus = 0; plus <= 1; plus++) {
		char *raw = exact(in, size), *out = NULL, *ref;
		size_t outlen = 0, reflen = 0;

		rc = pct_decode(&pool, raw, size, plus, &out, &outlen);
		ref = ref_decode(in, size, plus, &reflen);
		CHECK((rc == PARSE_OK) == (ref != NULL),
		    "pct_decode and the reference disagree on validity");
		if (rc == PARSE_OK) {
			CHECK(outlen <= size, "pct_decode grew the input");
			CHECK(strlen(out) == outlen,
			    "pct_decode: strlen(out) != outlen");
			CHECK(outlen == reflen && memcmp(out, ref, reflen) == 0,
			    "pct_decode differs from the reference");
		}
		free(ref);
		free(raw);
		pool_free(&pool);
	}

	/* parse_urlencoded on the raw input and on the body. */
	{
		char *raw = exact(in, size);

		memset(&ps, 0, sizeof ps);
		(void)parse_urlencoded(&pool, &ps, raw, size);
		check_params(&ps);
		pool_free(&pool);
		memset(&ps, 0, sizeof ps);
		(void)parse_urlencoded(&pool, &ps, body, body_len);
		check_params(&ps);
		pool_free(&pool);
		free(raw);
	}

	/* parse_cookies on the whole raw input as one header, and on NULL. */
	s = cat("", in, size);
	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, s);
	check_params(&ps);
	pool_free(&pool);
	free(s);
	memset(&ps, 0, sizeof ps);
	parse_cookies(&pool, &ps, NULL);
	CHECK(ps.n == 0, "cookies from a NULL header");
	pool_free(&pool);

	/* parse_multipart: chunk 3 as the whole Content-Type, the body. */
	s = cat("", chunk[3], clen[3]);
	memset(&ps, 0, sizeof ps);
	(void)parse_multipart(&pool, &ps, s, body, body_len);
	check_params(&ps);
	pool_free(&pool);
	free(s);
	/* ... and a quoted boundary taken from chunk 3. */
	{
		char *q = cat("", chunk[3], clen[3]), *ct;

		ct = malloc(strlen(q) + 64);
		if (ct == NULL)
			abort();
		sprintf(ct, "multipart/form-data; charset=\"a;b\"; "
		    "boundary=\"%s\"", q);
		memset(&ps, 0, sizeof ps);
		(void)parse_multipart(&pool, &ps, ct, body, body_len);
		check_params(&ps);
		pool_free(&pool);
		free(ct);
		free(q);
	}

	/* route_match: chunk 3 as a pattern against chunk 0 and chunk 1. */
	{
		char *pat = cat("", chunk[3], clen[3]);
		char *p0 = cat("", chunk[0], clen[0]);
		char *p1 = cat("", chunk[1], clen[1]);

		check_route(pat, p0);
		check_route(pat, p1);
		for (size_t i = 0; i < COUNT(route_patterns); i++)
			check_route(route_patterns[i], p1);
		free(pat);
		free(p0);
		free(p1);
	}

	for (size_t i = 0; i < nown; i++)
		free(own[i]);
	free(uri);
	free(body);
	return 0;
}
