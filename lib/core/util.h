/*
** Small shared utilities: a growable byte buffer, a per-request memory
** pool, logging to the web server's error log, and time helpers.
*/
#ifndef APPRODO_UTIL_H
#define APPRODO_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A growable byte buffer, always NUL-terminated after buf_* calls. */
struct buf {
	char *p;
	size_t n, cap;
};

void buf_grow(struct buf *, size_t);
void buf_add(struct buf *, const void *, size_t);
void buf_puts(struct buf *, const char *);
void buf_printf(struct buf *, const char *, ...)
	__attribute__((format(printf, 2, 3)));
void buf_html(struct buf *, const char *);
void buf_reset(struct buf *);
void buf_free(struct buf *);

/*
** A pool owns every allocation made while serving one request and frees
** them all at once when the request ends.
*/
struct pool {
	struct pool_block *head;
};

void *pool_alloc(struct pool *, size_t);
char *pool_strndup(struct pool *, const char *, size_t);
char *pool_strdup(struct pool *, const char *);
char *pool_printf(struct pool *, const char *, ...)
	__attribute__((format(printf, 2, 3)));
void pool_free(struct pool *);

/* Logs to stderr (the server's error log). Never pass personal data. */
void log_error(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Aborts on allocation failure: there is no sane recovery mid-request. */
void *xmalloc(size_t);
void *xrealloc(void *, size_t);
char *xstrdup(const char *);

int utf8_valid(const char *, size_t);
size_t utf8_len(const char *);
void hex_encode(char *out, const unsigned char *in, size_t n);
int parse_int64(const char *, long long *);
char *file_read(const char *path, size_t *len);

#endif
