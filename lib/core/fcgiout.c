/*
** A response's FastCGI records, written with as few system calls as the
** protocol allows.
**
** libfcgi's output stream sends a record each time its 8 KiB buffer
** fills, one more at the end, and then closes the connection the
** lingering way (shutdown, then wait in poll() for the web server to
** close its side): for a 17 KiB page, three writes, a shutdown, a poll
** and a read, each a chance for the scheduler to switch away. Approdo
** answers only once the whole page is in memory, so it writes the
** records itself (FastCGI 1.0, section 5.3 and 5.5: FCGI_STDOUT
** records, the empty one that ends the stream, FCGI_END_REQUEST) in one
** writev(), after nothing has gone through libfcgi's output stream.
**
** The lingering close exists so that unread input does not turn the
** close into a reset that could destroy the answer in flight; the input
** is read to its end here before answering (for a GET, the empty
** FCGI_STDIN record is already in libfcgi's buffer; for a body refused
** as too large, the web server sends the rest only until it has the
** answer), so a plain close() is enough; the connection is kept
** instead when the web server asked for it (FCGI_KEEP_CONN).
*/
#include <errno.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fcgiout.h"

#define IOVS 64		/* iovecs per writev(), well under IOV_MAX */

struct out {
	int fd, failed, n;
	struct iovec iov[IOVS];
	FCGI_Header head[IOVS];	/* storage for record headers in iov */
};

static void
out_flush(struct out *o)
{
	struct iovec *v = o->iov;
	int n = o->n;

	while (n > 0 && !o->failed) {
		ssize_t k = writev(o->fd, v, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			o->failed = 1;
			break;
		}
		while (n > 0 && (size_t)k >= v->iov_len) {
			k -= (ssize_t)v->iov_len;
			v++;
			n--;
		}
		if (n > 0) {
			v->iov_base = (char *)v->iov_base + k;
			v->iov_len -= (size_t)k;
		}
	}
	o->n = 0;
}

static void
out_add(struct out *o, const void *p, size_t n)
{
	if (o->n == IOVS)
		out_flush(o);
	o->iov[o->n].iov_base = (void *)p;
	o->iov[o->n].iov_len = n;
	o->n++;
}

/* A record header of `type` for `len` bytes of content, no padding. */
static void
out_header(struct out *o, int id, int type, size_t len)
{
	FCGI_Header *h;

	if (o->n >= IOVS - 1)
		out_flush(o);
	h = &o->head[o->n];
	memset(h, 0, sizeof *h);
	h->version = FCGI_VERSION_1;
	h->type = (unsigned char)type;
	h->requestIdB1 = (unsigned char)(id >> 8);
	h->requestIdB0 = (unsigned char)id;
	h->contentLengthB1 = (unsigned char)(len >> 8);
	h->contentLengthB0 = (unsigned char)len;
	out_add(o, h, sizeof *h);
}

static void
out_stdout(struct out *o, int id, const char *p, size_t n)
{
	while (n > 0) {
		size_t k = n > FCGI_MAX_LENGTH ? FCGI_MAX_LENGTH : n;

		out_header(o, id, FCGI_STDOUT, k);
		out_add(o, p, k);
		p += k;
		n -= k;
	}
}

/*
** Answers `req` with `head` then `body` (either may be empty), ends the
** request and closes (or keeps) the connection. The caller must not have
** written through req->out; after this it calls FCGX_Accept_r() again
** (or nothing), never FCGX_Finish_r(). Returns 0, or -1 if the web
** server went away before the answer was written.
*/
int
fastcgi_respond(FCGX_Request *req, const char *head, size_t nhead,
    const char *body, size_t nbody)
{
	static struct out o;
	static const FCGI_EndRequestBody done = {
		.protocolStatus = FCGI_REQUEST_COMPLETE
	};
	char sink[4096];
	int id = req->requestId;

	/*
	** Whatever input is left, to its end (see above), before answering:
	** a web server that has its answer stops sending the rest.
	*/
	if (req->in)
		while (FCGX_GetStr(sink, sizeof sink, req->in) > 0)
			;
	o.fd = req->ipcFd;
	o.failed = 0;
	o.n = 0;
	out_stdout(&o, id, head, nhead);
	out_stdout(&o, id, body, nbody);
	out_header(&o, id, FCGI_STDOUT, 0);
	out_header(&o, id, FCGI_END_REQUEST, sizeof done);
	out_add(&o, &done, sizeof done);
	out_flush(&o);
	if (o.failed || !req->keepConnection) {
		close(req->ipcFd);
		req->ipcFd = -1;
	}
	FCGX_Free(req, 0);
	return o.failed ? -1 : 0;
}
