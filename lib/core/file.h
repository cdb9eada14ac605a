/*
** Stored files: scans and documents kept outside anything the web server
** serves, named by kind and record id (no personal data in file names),
** written durably, sent only through a program after its permission
** check. What a file is comes from its first bytes, never from its name.
*/
#ifndef APPRODO_FILE_H
#define APPRODO_FILE_H

#include <stddef.h>

#include "request.h"

const char *file_type(const char *p, size_t n);	/* PDF, JPEG, PNG or NULL */
const char *file_ext(const char *type);
const char *file_check(struct pool *, const char *p, size_t n);
char *file_path(struct pool *, const char *kind, long long id);
int file_store(const char *data, size_t len, const char *path);
void file_sha256(const void *data, size_t len, char hex[65]);
int file_send(struct request *, const char *path, const char *type,
    const char *filename);

#endif
