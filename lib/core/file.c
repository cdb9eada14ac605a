/*
** Stored files (file.h): their type, path, durable write and sending.
*/
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "settings.h"

/* The type of a scan, from its first bytes; NULL if not one we take. */
const char *
file_type(const char *p, size_t n)
{
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (n >= 3 && memcmp(p, "\xFF\xD8\xFF", 3) == 0)
		return "image/jpeg";
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	return NULL;
}

const char *
file_ext(const char *type)
{
	return strcmp(type, "application/pdf") == 0 ? "pdf" :
	    strcmp(type, "image/png") == 0 ? "png" : "jpg";
}

/* Why an upload is refused, in Italian for the form; NULL if taken. */
const char *
file_check(struct pool *pool, const char *p, size_t n)
{
	if (n == 0)
		return "Il file è vuoto.";
	if (n > cfg.upload_limit)
		return pool_printf(pool, "Il file supera il limite di %zu MB.",
		    cfg.upload_limit >> 20);
	if (file_type(p, n) == NULL)
		return "Il file deve essere un PDF, un JPEG o un PNG "
		    "(controllato dal contenuto, non dal nome).";
	return NULL;
}

/* Where file `kind`-`id` is kept ("documento", 12). */
char *
file_path(struct pool *pool, const char *kind, long long id)
{
	return pool_printf(pool, "%s/%s-%lld", cfg.files, kind, id);
}

/* Writes `data` to `path` durably (a temporary file, fsync, rename). */
int
file_store(const char *data, size_t len, const char *path)
{
	char tmp[4096];
	size_t done = 0;
	int fd;

	snprintf(tmp, sizeof tmp, "%s/.caricamento-XXXXXX", cfg.files);
	mkdir(cfg.files, 0700);
	if ((fd = mkstemp(tmp)) < 0) {
		log_error("cannot create upload file (errno %d)", errno);
		return -1;
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (done != len || fsync(fd) != 0 || close(fd) != 0 ||
	    rename(tmp, path) != 0) {
		log_error("cannot store upload file (errno %d)", errno);
		unlink(tmp);
		return -1;
	}
	return 0;
}

void
file_sha256(const void *data, size_t len, char hex[65])
{
	unsigned char hash[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(hash, data, len);
	hex_encode(hex, hash, sizeof hash);
}

/* The response: stored file `path` as an attachment; 0, or 500. */
int
file_send(struct request *r, const char *path, const char *type,
    const char *filename)
{
	size_t len;
	char *body = file_read(path, &len);

	if (body == NULL) {
		log_error("stored file %s missing", path);
		return 500;
	}
	buf_reset(&r->body);
	buf_add(&r->body, body, len);
	free(body);
	r->status = 200;
	response_header(r, "Content-Type", type);
	response_header(r, "Content-Disposition", pool_printf(&r->pool,
	    "attachment; filename=\"%s\"", filename));
	return 0;
}
