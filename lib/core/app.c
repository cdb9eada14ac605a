/*
** The request loop every program in cgi-bin/ shares: run as FastCGI
** (optionally preforking workers that are replaced when they die) or as
** plain CGI, read and parse each request, check session, permission and
** CSRF, call the route's handler, and write the buffered response.
*/
#include <errno.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "settings.h"
#include "db.h"
#include "fcgiout.h"
#include "page.h"
#include "module.h"
#include "record.h"
#include "session.h"

extern char **environ;

/* How a request's bytes come in and go out: FastCGI streams or stdio. */
struct io {
	FCGX_Request *fcgi;
};

static size_t
io_read(struct io *io, char *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t k;

		if (io->fcgi) {
			int chunk = n - got > 65536 ? 65536 : (int)(n - got);

			k = FCGX_GetStr(p + got, chunk, io->fcgi->in);
		} else
			k = read(STDIN_FILENO, p + got, n - got);
		if (k < 0 && errno == EINTR && !io->fcgi)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	return got;
}

/* Plain CGI's output. */
static void
stdout_write(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(STDOUT_FILENO, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		p += k;
		n -= (size_t)k;
	}
}

static const char *
status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	default: return "Internal Server Error";
	}
}

/* Headers every response carries. No inline script anywhere. */
static const char security_headers[] =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cross-Origin-Opener-Policy: same-origin\r\n"
    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
    "Cache-Control: no-store\r\n";

static void
response_write(struct io *io, struct request *r, int head_only)
{
	static struct buf out;

	buf_reset(&out);
	buf_printf(&out, "Status: %d %s\r\n", r->status,
	    status_text(r->status));
	buf_add(&out, r->headers.p ? r->headers.p : "", r->headers.n);
	buf_puts(&out, security_headers);
	if (r->https)
		buf_puts(&out, "Strict-Transport-Security: max-age=31536000\r\n");
	buf_printf(&out, "Content-Length: %zu\r\n\r\n", r->body.n);
	if (io->fcgi) {
		/* Also reads what is left of the input and ends the request. */
		fastcgi_respond(io->fcgi, out.p, out.n, r->body.p,
		    head_only ? 0 : r->body.n);
		return;
	}
	stdout_write(out.p, out.n);
	if (!head_only)
		stdout_write(r->body.p, r->body.n);
}

/* The route's handler, or the record editor for the route's record. */
static int
route_serve(const struct route *rt, struct request *r)
{
	int get = strcmp(rt->method, "GET") == 0;
	long long id = r->id[rt->item ? 1 : 0];

	if (rt->record == NULL)
		return rt->handler(r);
	if (rt->create)
		return get ? record_new_get(r, rt->record, id) :
		    record_new_post(r, rt->record, id);
	return get ? record_get(r, rt->record, id) :
	    record_post(r, rt->record, id);
}

static int
is_get(const struct request *r)
{
	return strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
}

/* Routing, then the checks every handler relies on, in this order. */
static int
dispatch(const struct program *prog, struct request *r)
{
	const struct route *rt;
	const char *allow = NULL;
	int path_known, rc;

	rt = module_route(prog->serves, r, r->id, &path_known, &allow);
	if (rt == NULL) {
		r->allow = allow;
		return path_known ? 405 : 404;
	}

	if ((rc = session_load(r)) < 0)
		return 500;
	if (rc == 0 && login_remote_user(r) && session_load(r) < 0)
		return 500;
	if (rt->perm->public)
		return route_serve(rt, r);

	if (r->user.id == 0) {
		if (is_get(r))
			return response_redirect(r, "/login");
		return 403;
	}
	if (!role_can(r->user.role, rt->perm)) {
		audit_now(r, "permission_denied", "pagina", 0, r->path);
		return 403;
	}
	if (strcmp(r->method, "POST") == 0 && (!origin_valid(r) ||
	    !csrf_valid(r->csrf, request_post(r, "csrf")))) {
		audit_now(r, "permission_denied", "csrf", 0, r->path);
		return 403;
	}
	/* A reset password must be changed before anything else. */
	if (r->user.cambio_password && strcmp(r->path, "/password") != 0 &&
	    strcmp(r->path, "/logout") != 0) {
		if (is_get(r))
			return response_redirect(r, "/password");
		return 403;
	}
	return route_serve(rt, r);
}

/*
** Serves one request: reads at most CONTENT_LENGTH bytes (refusing
** bodies over the limit unread), parses, dispatches, answers.
*/
static void
serve(const struct program *prog, struct io *io, const char *const *env)
{
	/* Kept between requests: a page's buffers are the same size each time. */
	static struct buf out_headers, out_body;
	struct request r;
	const char *cl = env_get(env, "CONTENT_LENGTH");
	long long len = 0;
	char *body = NULL;
	int status = 0;

	memset(&r, 0, sizeof r);
	request_serial++;
	buf_reset(&out_headers);
	buf_reset(&out_body);
	r.headers = out_headers;
	r.body = out_body;
	if (cl && *cl && (parse_int64(cl, &len) != 0 || len < 0))
		status = 400;
	else if ((unsigned long long)len > cfg.body_limit)
		status = 413;
	else if (len > 0) {
		body = xmalloc((size_t)len + 1);
		if (io_read(io, body, (size_t)len) != (size_t)len)
			status = 400;	/* truncated */
		body[len] = '\0';
	}
	if (status == 0)
		status = request_parse(&r, env, body, (size_t)len);
	if (r.method == NULL)
		r.method = "GET";
	if (r.path == NULL)
		r.path = "/";
	if (status == 0)
		status = dispatch(prog, &r);
	if (db_in_transaction()) {
		if (status == 0) {
			log_error("%s: handler left a transaction open", prog->name);
			status = 500;
		}
		db_rollback();
	}
	if (status != 0)
		page_error(&r, status);
	response_write(io, &r, strcmp(r.method, "HEAD") == 0);
	free(body);
	page_free(&r);
	out_headers = r.headers;
	out_body = r.body;
	pool_free(&r.pool);
}

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

/*
** The prefork master: keeps `n` workers accepting on the shared socket
** and replaces any that dies. Returns only in a worker.
*/
static void
prefork(const char *name, int n)
{
	pid_t *pids = xmalloc((size_t)n * sizeof(*pids));
	time_t *born = xmalloc((size_t)n * sizeof(*born));
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	for (int i = 0; i < n; i++) {
		pids[i] = 0;
		born[i] = 0;
	}
	for (;;) {
		pid_t dead;
		int st;

		for (int i = 0; i < n && !stopping; i++) {
			pid_t pid;

			if (pids[i] != 0)
				continue;
			/* A worker that dies as soon as it starts must not spin. */
			if (born[i] != 0 && time(NULL) - born[i] < 1)
				sleep(1);
			born[i] = time(NULL);
			pid = fork();
			if (pid == 0) {
				/* The worker's own SIGTERM: see worker(). */
				signal(SIGINT, SIG_DFL);
				signal(SIGHUP, SIG_DFL);
				free(pids);
				free(born);
				return;
			}
			if (pid < 0)
				log_error("%s: fork failed", name);
			else
				pids[i] = pid;
		}
		if (stopping)
			break;
		dead = wait(&st);
		if (dead < 0 && errno != EINTR)
			sleep(1);
		for (int i = 0; i < n; i++)
			if (dead > 0 && pids[i] == dead) {
				if (WIFSIGNALED(st) && !stopping)
					log_error("%s: worker %d killed by signal %d, "
					    "replacing it", name, (int)dead,
					    WTERMSIG(st));
				pids[i] = 0;
			}
	}
	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	exit(0);
}

/* Whether the next request is already waiting on the listening socket. */
static int
next_waiting(void)
{
	struct pollfd p = { .fd = FCGI_LISTENSOCK_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0;
}

/*
** A FastCGI worker's loop. View rows may be kept while requests are
** waiting (audit_view()); they are committed before the worker waits
** for the next one, after 100 ms even if requests keep coming, when
** accept() gives up after 100 ms (SO_RCVTIMEO on the listening socket,
** reset on each connection: another worker took the one that was
** waiting), or when SIGTERM asks the worker to stop (it finishes the
** request it is serving first).
*/
static void
worker(const struct program *prog)
{
	struct timeval wait = { .tv_usec = 100 * 1000 }, none = { 0 };
	struct sigaction sa;
	FCGX_Request req;
	unsigned long served = 0;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	setsockopt(FCGI_LISTENSOCK_FILENO, SOL_SOCKET, SO_RCVTIMEO, &wait,
	    sizeof wait);
	audit_defer_when(next_waiting);
	FCGX_InitRequest(&req, FCGI_LISTENSOCK_FILENO, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!stopping) {
		struct io io = { &req };
		int rc;

		if (audit_deferred() && audit_flush_due(!next_waiting()) != 0)
			log_error("%s: view rows not yet written", prog->name);
		rc = FCGX_Accept_r(&req);
		if (rc == -EAGAIN || rc == -EWOULDBLOCK || rc == -EINTR)
			continue;	/* nobody came, or a signal */
		if (rc < 0)
			break;
		setsockopt(req.ipcFd, SOL_SOCKET, SO_RCVTIMEO, &none,
		    sizeof none);
		/* serve() ends the request (fastcgi_respond). */
		serve(prog, &io, (const char *const *)req.envp);
		/*
		** Statistics stay fresh without anyone running ANALYZE,
		** search indexes stay merged.
		*/
		if (++served % 1000 == 0) {
			db_optimize();
			modules_maintain(0);
		}
	}
	if (audit_flush() != 0)
		log_error("%s: view rows lost at exit", prog->name);
}

int
app_main(const struct program *prog, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	config_load();
	modules_set(prog->all);
	signal(SIGPIPE, SIG_IGN);
	if (sodium_init() < 0) {
		log_error("%s: libsodium init failed", prog->name);
		return 1;
	}
	if (FCGX_IsCGI()) {
		struct io io = { NULL };

		if (db_open(cfg.db) != 0)
			return 1;
		serve(prog, &io, (const char *const *)environ);
		db_close();
		return 0;
	}
	if (FCGX_Init() != 0)
		return 1;
	if (cfg.workers > 0)
		prefork(prog->name, cfg.workers);

	/* In the worker: one connection per process, opened after fork. */
	if (db_open(cfg.db) != 0)
		return 1;
	worker(prog);
	db_close();
	return 0;
}
