/*
** The audit log: who did what to which record, from where, and for an
** update each field's old and new value. A change and its audit row are
** written in the same transaction; the table is append-only and each row
** is chained to the previous one by a hash.
*/
#ifndef APPRODO_AUDIT_H
#define APPRODO_AUDIT_H

#include "request.h"

struct change {
	const char *field;
	const char *before;
	const char *after;
};

long long audit_log(struct request *, const char *action,
    const char *entity, long long entity_id, const char *detail);
long long audit_record(struct request *, const char *action,
    const char *entity, long long entity_id, const char *detail,
    const struct change *, size_t);
int audit_now(struct request *, const char *action, const char *entity,
    long long entity_id, const char *detail);
int audit_view(struct request *, const char *entity, long long entity_id,
    const char *detail);
void audit_defer_when(int (*busy)(void));
int audit_flush(void);
int audit_deferred(void);
int audit_flush_due(int idle);
int audit_attempt(struct request *, const char *reason, long long user_id);
long long audit_verify(struct pool *, long long *rows, long long *legacy);

#endif
