/*
** Unit tests for the FastCGI answer (lib/core/fcgiout.c): the records a
** web server reads back from the other end of a socket pair, for a
** page, an answer larger than one record, a HEAD answer, a kept
** connection and a web server that went away.
*/
#include <errno.h>
#include <fcntl.h>
#include <fastcgi.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fcgiout.h"
#include "tap.h"

/* What the web server's side read: the records, taken apart. */
struct got {
	char *out;		/* FCGI_STDOUT content, concatenated */
	size_t nout;
	int records;		/* FCGI_STDOUT records with content */
	int max_len;		/* the longest of them */
	int ended_stdout;	/* empty FCGI_STDOUT records */
	int end_request;	/* FCGI_END_REQUEST records */
	int status;		/* its protocolStatus */
	int wrong_id;		/* records for another request */
	int after_end;		/* bytes after FCGI_END_REQUEST */
	int eof;		/* the connection was closed */
	int child;		/* the answering process's exit status */
};

static int
fcntl_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1;
}

static size_t
read_full(int fd, unsigned char *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t k = read(fd, p + got, n - got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	return got;
}

/*
** Answers in a child process (as a worker would) and reads the records
** in this one. The child exits 0 if the descriptor ended up as `keep`
** asks (kept open, or closed and forgotten) and fastcgi_respond()
** returned `want`.
*/
static void
answer(struct got *g, int id, int keep, const char *head, const char *body,
    size_t nbody, int peer_gone, int want)
{
	int sv[2], st;
	pid_t pid;
	unsigned char h[FCGI_HEADER_LEN], *content = NULL;

	memset(g, 0, sizeof *g);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		abort();
	if (peer_gone)
		close(sv[1]);
	if ((pid = fork()) == 0) {
		FCGX_Request req;
		int rc, ok_fd;

		if (!peer_gone)
			close(sv[1]);
		memset(&req, 0, sizeof req);
		req.requestId = id;
		req.ipcFd = sv[0];
		req.keepConnection = keep;
		rc = fastcgi_respond(&req, head, strlen(head), body, nbody);
		ok_fd = keep && !peer_gone ? req.ipcFd == sv[0] &&
		    fcntl_open(sv[0]) : req.ipcFd == -1 && !fcntl_open(sv[0]);
		_exit(rc == want && ok_fd ? 0 : 1);
	}
	close(sv[0]);
	if (peer_gone) {
		waitpid(pid, &st, 0);
		g->child = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
		return;
	}
	while (read_full(sv[1], h, sizeof h) == sizeof h) {
		int rid = h[2] << 8 | h[3];
		size_t len = (size_t)(h[4] << 8 | h[5]), pad = h[6];

		content = realloc(content, len + pad + 1);
		if (read_full(sv[1], content, len + pad) != len + pad)
			break;
		if (g->end_request) {
			g->after_end += (int)(sizeof h + len + pad);
			continue;
		}
		if (rid != id || h[0] != FCGI_VERSION_1)
			g->wrong_id++;
		if (h[1] == FCGI_STDOUT && len > 0) {
			g->out = realloc(g->out, g->nout + len + 1);
			memcpy(g->out + g->nout, content, len);
			g->nout += len;
			g->out[g->nout] = '\0';
			g->records++;
			if ((int)len > g->max_len)
				g->max_len = (int)len;
		} else if (h[1] == FCGI_STDOUT)
			g->ended_stdout++;
		else if (h[1] == FCGI_END_REQUEST && len == 8) {
			g->end_request++;
			g->status = content[4];
		}
	}
	free(content);
	waitpid(pid, &st, 0);
	g->child = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	if (!keep) {
		unsigned char c;

		g->eof = read(sv[1], &c, 1) == 0;
	}
	close(sv[1]);
}

static void
test_page(void)
{
	static const char head[] = "Status: 200 OK\r\nContent-Length: 5\r\n\r\n";
	struct got g;

	answer(&g, 1, 0, head, "ciao\n", 5, 0, 0);
	ok(g.child == 0, "page: answered, connection closed and forgotten");
	ok(g.nout == strlen(head) + 5 && strncmp(g.out, head, strlen(head)) == 0 &&
	    strcmp(g.out + strlen(head), "ciao\n") == 0,
	    "page: headers then body, byte for byte");
	ok(g.ended_stdout == 1 && g.end_request == 1 && g.status ==
	    FCGI_REQUEST_COMPLETE, "page: stream ended, then FCGI_END_REQUEST "
	    "(request complete)");
	ok(g.wrong_id == 0 && g.after_end == 0, "page: every record is the "
	    "request's, nothing after the end");
	ok(g.eof, "page: the web server sees the connection closed");
	free(g.out);
}

static void
test_large(void)
{
	static const char head[] = "Status: 200 OK\r\n\r\n";
	size_t n = 300000;
	char *body = malloc(n);
	struct got g;

	for (size_t i = 0; i < n; i++)
		body[i] = (char)('a' + i % 26);
	answer(&g, 513, 0, head, body, n, 0, 0);
	ok(g.child == 0, "300,000 bytes: answered");
	ok(g.nout == strlen(head) + n && memcmp(g.out + strlen(head), body,
	    n) == 0, "300,000 bytes: every byte, in order");
	ok(g.max_len <= FCGI_MAX_LENGTH && g.records >= 6,
	    "300,000 bytes: records of at most 65,535 bytes (%d records)",
	    g.records);
	ok(g.wrong_id == 0 && g.end_request == 1 && g.ended_stdout == 1,
	    "300,000 bytes: request id 513 in every record, one end");
	free(g.out);
	free(body);
}

static void
test_head_keep_gone(void)
{
	static const char head[] = "Status: 303 See Other\r\nLocation: /\r\n\r\n";
	struct got g;

	answer(&g, 2, 0, head, NULL, 0, 0, 0);
	ok(g.child == 0 && g.nout == strlen(head) && g.records == 1 &&
	    g.end_request == 1, "headers only: one record, then the end");
	free(g.out);

	answer(&g, 3, 1, head, "x", 1, 0, 0);
	ok(g.child == 0 && g.end_request == 1 && g.nout == strlen(head) + 1,
	    "FCGI_KEEP_CONN: answered, the connection kept for the next "
	    "request");
	free(g.out);

	answer(&g, 4, 0, head, "x", 1, 1, -1);
	ok(g.child == 0, "web server gone: -1, the descriptor closed");
}

int
main(void)
{
	signal(SIGPIPE, SIG_IGN);
	test_page();
	test_large();
	test_head_keep_gone();
	return done_testing();
}
