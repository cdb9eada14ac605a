/*
** One HTTP request and its response, as every handler sees them.
*/
#ifndef APPRODO_REQUEST_H
#define APPRODO_REQUEST_H

#include <ClearSilver.h>

#include "parse.h"
#include "role.h"
#include "util.h"

/* The signed-in user (id 0: nobody). */
struct user {
	long long id;
	const char *username;
	const char *nome;
	enum role role;
	long long struttura_id;		/* only for ROLE_STRUTTURA */
	int cambio_password;		/* must change password first */
};

struct request {
	struct pool pool;

	/* What the client sent, validated by request_read(). */
	const char *method;		/* "GET", "POST", ... */
	const char *path;		/* decoded path, without the query */
	const char *remote_addr;
	const char *host;		/* HTTP_HOST */
	const char *origin;		/* HTTP_ORIGIN or NULL */
	const char *referer;		/* HTTP_REFERER or NULL */
	const char *remote_user;	/* set by the web server, or NULL */
	const char *content_type;
	int https;
	struct params query;
	struct params form;		/* POST body fields and files */
	struct params cookies;
	long long id[2];		/* the numbers matched by '#' in the route */

	/* The session, once app.c has checked it. */
	struct user user;
	long long session_id;
	const char *token;		/* a session token created by this request */
	const char *csrf;		/* the session's CSRF token */
	const char *avviso;		/* one-shot message to show */

	/* The response, buffered until the handler is done. */
	int status;
	const char *allow;		/* methods of the path, for a 405 */
	struct buf headers;
	struct buf body;
	HDF *hdf;			/* template data */
	void *choices;			/* choice lists made for this request */
};

/*
** A handler returns 0 once it has produced its response (a page or a
** redirect), or an HTTP status (403, 404, 500 ...) for app.c to answer
** with the matching error page, after rolling back any open transaction.
*/
typedef int (*handler_fn)(struct request *);


const char *request_get(const struct request *, const char *name);
const char *request_post(const struct request *, const char *name);

void response_header(struct request *, const char *name, const char *value);
int response_redirect(struct request *, const char *path);
void response_cookie(struct request *, const char *name, const char *value,
    int max_age);
const char *session_cookie_name(const struct request *);

/* Parsing of what the web server hands over; exposed for tests and fuzzing. */
/* Counts the requests a process has begun serving (0: none, a command). */
extern unsigned long request_serial;

int request_parse(struct request *, const char *const *env,
    const char *body, size_t body_len);
const char *env_get(const char *const *env, const char *name);
int route_match(const char *pattern, const char *path, long long id[2]);

#endif
