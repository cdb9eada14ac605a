/*
** Turning what the web server hands over into a struct request, route
** matching, and the small response helpers handlers use.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "request.h"

unsigned long request_serial;

const char *
env_get(const char *const *env, const char *name)
{
	size_t n = strlen(name);

	for (; env && *env; env++)
		if (strncmp(*env, name, n) == 0 && (*env)[n] == '=')
			return *env + n + 1;
	return NULL;
}

static const char *
env_text(struct request *r, const char *const *env, const char *name)
{
	const char *v = env_get(env, name);

	if (v == NULL || !utf8_valid(v, strlen(v)))
		return NULL;
	return pool_strdup(&r->pool, v);
}

/*
** Fills `r` from the CGI environment and the body (already read, exactly
** CONTENT_LENGTH bytes). Returns 0, or the HTTP status to answer with:
** 400 for malformed input, 413 for too many fields, 415 for a body type
** we do not take.
*/
int
request_parse(struct request *r, const char *const *env, const char *body,
    size_t body_len)
{
	const char *uri, *q, *v;
	size_t plen;
	char *path;
	int rc;

	r->method = env_text(r, env, "REQUEST_METHOD");
	if (r->method == NULL)
		return 400;
	r->remote_addr = env_text(r, env, "REMOTE_ADDR");
	if (r->remote_addr == NULL)
		r->remote_addr = "";
	r->host = env_text(r, env, "HTTP_HOST");
	r->origin = env_text(r, env, "HTTP_ORIGIN");
	r->referer = env_text(r, env, "HTTP_REFERER");
	r->remote_user = env_text(r, env, "REMOTE_USER");
	v = env_get(env, "HTTPS");
	r->https = v && (strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0);

	uri = env_get(env, "REQUEST_URI");
	if (uri == NULL) {
		/* Plain CGI without REQUEST_URI: rebuild from the parts. */
		const char *sn = env_get(env, "SCRIPT_NAME");
		const char *pi = env_get(env, "PATH_INFO");

		uri = pool_printf(&r->pool, "%s%s", sn ? sn : "", pi ? pi : "");
	}
	q = strchr(uri, '?');
	plen = q ? (size_t)(q - uri) : strlen(uri);
	if (pct_decode(&r->pool, uri, plen, 0, &path, &plen) != PARSE_OK)
		return 400;
	r->path = plen ? path : "/";

	v = env_get(env, "QUERY_STRING");
	if (v == NULL)
		v = q ? q + 1 : "";
	if ((rc = parse_urlencoded(&r->pool, &r->query, v, strlen(v))) != 0)
		return rc == PARSE_TOO_MANY ? 413 : 400;

	parse_cookies(&r->pool, &r->cookies, env_get(env, "HTTP_COOKIE"));

	r->content_type = env_text(r, env, "CONTENT_TYPE");
	if (body_len == 0)
		return 0;
	v = r->content_type ? r->content_type : "";
	if (strncasecmp(v, "application/x-www-form-urlencoded", 33) == 0)
		rc = parse_urlencoded(&r->pool, &r->form, body, body_len);
	else if (strncasecmp(v, "multipart/form-data", 19) == 0)
		rc = parse_multipart(&r->pool, &r->form, v, body, body_len);
	else
		return 415;
	if (rc != PARSE_OK)
		return rc == PARSE_TOO_MANY ? 413 : 400;
	return 0;
}

/*
** Matches a path against a route pattern, segment by segment; '#' matches
** a positive decimal number without leading zeros, stored in id[].
*/
int
route_match(const char *pat, const char *path, long long id[2])
{
	int nid = 0;

	while (*pat && *path) {
		if (*pat == '#') {
			long long v = 0;
			int digits = 0;

			if (*path < '1' || *path > '9' || nid == 2)
				return 0;
			for (; *path >= '0' && *path <= '9'; path++) {
				if (++digits > 15)
					return 0;
				v = v * 10 + (*path - '0');
			}
			id[nid++] = v;
			pat++;
		} else if (*pat++ != *path++)
			return 0;
	}
	return *pat == '\0' && *path == '\0';
}

const char *
request_get(const struct request *r, const char *name)
{
	return params_get(&r->query, name);
}

const char *
request_post(const struct request *r, const char *name)
{
	const struct param *p = params_find(&r->form, name);

	return p && p->filename == NULL ? p->value : NULL;
}

/* Adds a response header; values are ours, never raw user input. */
void
response_header(struct request *r, const char *name, const char *value)
{
	if (strpbrk(value, "\r\n") != NULL) {
		log_error("refused header %s with a line break", name);
		return;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

/* 303 See Other to a local path: the answer to every successful POST. */
int
response_redirect(struct request *r, const char *path)
{
	if (path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	r->status = 303;
	response_header(r, "Location", path);
	return 0;
}

/* Session cookies get the __Host- prefix when served over HTTPS. */
const char *
session_cookie_name(const struct request *r)
{
	return r->https ? "__Host-approdo" : "approdo";
}

void
response_cookie(struct request *r, const char *name, const char *value,
    int max_age)
{
	char line[512];

	snprintf(line, sizeof line, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
	    name, value, r->https ? "; Secure" : "");
	if (max_age >= 0) {
		size_t n = strlen(line);

		snprintf(line + n, sizeof line - n, "; Max-Age=%d", max_age);
	}
	response_header(r, "Set-Cookie", line);
}
