/*
** Sessions and CSRF. The cookie holds a 256-bit random token; the
** database keeps only its BLAKE2b hash. Each session has its own CSRF
** token that every POST form must carry.
*/
#ifndef APPRODO_SESSION_H
#define APPRODO_SESSION_H

#include "request.h"

int session_create(struct request *, long long user_id);
int session_load(struct request *);
int session_end(struct request *);
int session_end_others(long long user_id, long long keep_session_id);
int session_set_avviso(struct request *, const char *);
int session_set_errore(struct request *, const char *);
int session_expired(long long created, long long last_used, long long now,
    int idle_minutes, int absolute_hours);
int csrf_valid(const char *expected, const char *given);
int origin_valid(const struct request *);

#endif
