/*
** Parsers for query strings, urlencoded and multipart bodies, cookies.
** Every returned string lives in the request's pool. Text values must be
** valid UTF-8 without NUL; file parts are binary.
*/
#include <string.h>
#include <strings.h>

#include "parse.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
** Decodes %XX escapes (and '+' as space in form data). A '%' not
** followed by two hex digits is an error, as is the result not being
** valid UTF-8 or holding a NUL.
*/
int
pct_decode(struct pool *pool, const char *s, size_t n, int plus_is_space,
    char **out, size_t *outlen)
{
	char *d = pool_alloc(pool, n + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi, lo;

			if (n - i < 3 || (hi = hexval(s[i + 1])) < 0 ||
			    (lo = hexval(s[i + 2])) < 0)
				return PARSE_BAD;
			d[k++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (s[i] == '+' && plus_is_space)
			d[k++] = ' ';
		else
			d[k++] = s[i];
	}
	d[k] = '\0';
	if (memchr(d, '\0', k) != NULL || !utf8_valid(d, k))
		return PARSE_BAD;
	*out = d;
	*outlen = k;
	return PARSE_OK;
}

static int
params_add(struct pool *pool, struct params *ps, const struct param *p)
{
	if (ps->n == PARAMS_MAX)
		return PARSE_TOO_MANY;
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 16;
		struct param *v = pool_alloc(pool, cap * sizeof(*v));

		if (ps->n)
			memcpy(v, ps->v, ps->n * sizeof(*v));
		ps->v = v;
		ps->cap = cap;
	}
	ps->v[ps->n++] = *p;
	return PARSE_OK;
}

/* Parses "a=1&b=2" (query strings and urlencoded bodies). */
int
parse_urlencoded(struct pool *pool, struct params *ps, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *pair = s + i, *amp, *eq;
		size_t plen, nlen, vlen;
		struct param p = { 0 };
		char *name, *value;
		int rc;

		amp = memchr(pair, '&', n - i);
		plen = amp ? (size_t)(amp - pair) : n - i;
		i += plen + 1;
		if (plen == 0)
			continue;
		eq = memchr(pair, '=', plen);
		nlen = eq ? (size_t)(eq - pair) : plen;
		vlen = eq ? plen - nlen - 1 : 0;
		if (pct_decode(pool, pair, nlen, 1, &name, &nlen) ||
		    pct_decode(pool, eq ? eq + 1 : "", vlen, 1, &value, &vlen))
			return PARSE_BAD;
		p.name = name;
		p.value = value;
		p.len = vlen;
		if ((rc = params_add(pool, ps, &p)) != PARSE_OK)
			return rc;
	}
	return PARSE_OK;
}

/* Finds the value of attribute `key` (e.g. boundary, name) in a header. */
static const char *
header_attr(struct pool *pool, const char *h, size_t hn, const char *key)
{
	size_t klen = strlen(key), i = 0;

	while (i < hn) {
		/* skip to the next ';' outside quotes */
		while (i < hn && h[i] != ';') {
			if (h[i] == '"') {
				for (i++; i < hn && h[i] != '"'; i++)
					if (h[i] == '\\')
						i++;
			}
			i++;
		}
		if (i >= hn)
			break;
		i++;
		while (i < hn && (h[i] == ' ' || h[i] == '\t'))
			i++;
		if (hn - i > klen && strncasecmp(h + i, key, klen) == 0 &&
		    h[i + klen] == '=') {
			size_t j = i + klen + 1, start;
			struct buf b = { 0 };
			char *v;

			if (j < hn && h[j] == '"') {
				for (start = ++j; j < hn && h[j] != '"'; j++) {
					if (h[j] == '\\' && j + 1 < hn)
						j++;
					buf_add(&b, h + j, 1);
				}
				if (j >= hn) {
					buf_free(&b);
					return NULL;	/* unterminated quote */
				}
			} else {
				for (start = j; j < hn && h[j] != ';' &&
				    h[j] != ' ' && h[j] != '\t'; j++)
					;
				buf_add(&b, h + start, j - start);
			}
			v = pool_strndup(pool, b.p ? b.p : "", b.n);
			buf_free(&b);
			return v;
		}
	}
	return NULL;
}

static const char *
memmem_safe(const char *h, size_t hn, const char *needle, size_t nn)
{
	if (nn > hn)
		return NULL;
	return memmem(h, hn, needle, nn);
}

/*
** Parses a multipart/form-data body (RFC 7578). Each part needs a
** Content-Disposition: form-data with a name; the body must end with the
** closing delimiter. Text fields must be valid UTF-8 without NUL.
*/
int
parse_multipart(struct pool *pool, struct params *ps, const char *ctype,
    const char *body, size_t n)
{
	const char *boundary = header_attr(pool, ctype, strlen(ctype),
	    "boundary");
	char *delim;
	size_t dlen, blen, i;

	if (boundary == NULL || (blen = strlen(boundary)) == 0 || blen > 70)
		return PARSE_BAD;
	delim = pool_printf(pool, "\r\n--%s", boundary);
	dlen = blen + 4;

	/* The body starts with "--boundary" (no preceding CRLF). */
	if (n < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return PARSE_BAD;
	i = dlen - 2;
	for (;;) {
		const char *hend, *next;
		const char *name = NULL, *filename = NULL, *pctype = NULL;
		struct param p = { 0 };
		size_t vstart, vlen;
		int rc;

		/* After a delimiter: "--" ends the body, CRLF starts a part. */
		if (n - i >= 2 && body[i] == '-' && body[i + 1] == '-')
			return PARSE_OK;
		if (n - i < 2 || body[i] != '\r' || body[i + 1] != '\n')
			return PARSE_BAD;
		i += 2;
		hend = memmem_safe(body + i, n - i, "\r\n\r\n", 4);
		if (hend == NULL)
			return PARSE_BAD;
		/* Header lines of this part. */
		while (i < (size_t)(hend - body)) {
			const char *line = body + i, *eol, *colon;
			size_t llen;

			eol = memmem_safe(line, (size_t)(hend - line) + 2,
			    "\r\n", 2);
			llen = (size_t)(eol - line);
			colon = memchr(line, ':', llen);
			if (colon == NULL)
				return PARSE_BAD;
			if ((size_t)(colon - line) == 19 &&
			    strncasecmp(line, "Content-Disposition", 19) == 0) {
				const char *v = colon + 1;
				size_t vl = llen - 20;

				while (vl && (*v == ' ' || *v == '\t'))
					v++, vl--;
				if (vl < 9 || strncasecmp(v, "form-data", 9))
					return PARSE_BAD;
				name = header_attr(pool, v, vl, "name");
				filename = header_attr(pool, v, vl, "filename");
			} else if ((size_t)(colon - line) == 12 &&
			    strncasecmp(line, "Content-Type", 12) == 0) {
				const char *v = colon + 1;
				size_t vl = llen - 13;

				while (vl && (*v == ' ' || *v == '\t'))
					v++, vl--;
				pctype = pool_strndup(pool, v, vl);
			}
			i += llen + 2;
		}
		if (name == NULL || !utf8_valid(name, strlen(name)) ||
		    (filename && !utf8_valid(filename, strlen(filename))) ||
		    (pctype && !utf8_valid(pctype, strlen(pctype))))
			return PARSE_BAD;
		vstart = (size_t)(hend - body) + 4;
		next = memmem_safe(body + vstart, n - vstart, delim, dlen);
		if (next == NULL)
			return PARSE_BAD;
		vlen = (size_t)(next - (body + vstart));
		if (filename == NULL && (memchr(body + vstart, '\0', vlen) ||
		    !utf8_valid(body + vstart, vlen)))
			return PARSE_BAD;
		p.name = name;
		p.value = pool_strndup(pool, body + vstart, vlen);
		p.len = vlen;
		p.filename = filename;
		p.ctype = pctype;
		if ((rc = params_add(pool, ps, &p)) != PARSE_OK)
			return rc;
		i = (size_t)(next - body) + dlen;
	}
}

/*
** Parses a Cookie header ("a=1; b=2"). Cookies are not ours to validate:
** malformed pairs are skipped, never an error.
*/
void
parse_cookies(struct pool *pool, struct params *ps, const char *h)
{
	while (h && *h) {
		const char *end = strchr(h, ';'), *eq;
		size_t len = end ? (size_t)(end - h) : strlen(h);
		struct param p = { 0 };

		while (len && (*h == ' ' || *h == '\t'))
			h++, len--;
		eq = memchr(h, '=', len);
		if (eq && eq > h) {
			const char *v = eq + 1;
			size_t vlen = len - (size_t)(v - h);

			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"')
				v++, vlen -= 2;
			p.name = pool_strndup(pool, h, (size_t)(eq - h));
			p.value = pool_strndup(pool, v, vlen);
			p.len = vlen;
			if (utf8_valid(p.name, (size_t)(eq - h)) &&
			    utf8_valid(p.value, vlen) &&
			    params_add(pool, ps, &p) != PARSE_OK)
				return;
		}
		h = end ? end + 1 : NULL;
	}
}

const struct param *
params_find(const struct params *ps, const char *name)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			return &ps->v[i];
	return NULL;
}

/* The first value of `name`, or NULL. */
const char *
params_get(const struct params *ps, const char *name)
{
	const struct param *p = params_find(ps, name);

	return p ? p->value : NULL;
}
