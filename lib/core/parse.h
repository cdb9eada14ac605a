/*
** Parsers for what a client sends: percent-encoded query strings and
** form bodies, multipart/form-data bodies and the Cookie header.
** They work on memory only, never trust a length they did not check,
** and report malformed input instead of guessing.
*/
#ifndef APPRODO_PARSE_H
#define APPRODO_PARSE_H

#include <stddef.h>

#include "util.h"

/* One name/value pair; a file part of a multipart body has a filename. */
struct param {
	const char *name;
	const char *value;	/* NUL-terminated; may hold NULs if a file */
	size_t len;
	const char *filename;	/* NULL unless an uploaded file */
	const char *ctype;	/* the part's declared Content-Type, or NULL */
};

struct params {
	struct param *v;
	size_t n, cap;
};

#define PARAMS_MAX 1000		/* more fields than any form has: reject */

enum parse_status {
	PARSE_OK = 0,
	PARSE_BAD,		/* malformed: answer 400 */
	PARSE_TOO_MANY		/* too many fields: answer 413 */
};

int pct_decode(struct pool *, const char *, size_t, int plus_is_space,
    char **out, size_t *outlen);
int parse_urlencoded(struct pool *, struct params *, const char *, size_t);
int parse_multipart(struct pool *, struct params *, const char *ctype,
    const char *, size_t);
void parse_cookies(struct pool *, struct params *, const char *);

const struct param *params_find(const struct params *, const char *);
const char *params_get(const struct params *, const char *);

#endif
