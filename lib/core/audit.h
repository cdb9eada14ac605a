/*
** The audit log: who did what to which record, from where, and for an
** update each field's old and new value. A change and its audit row are
** written in the same transaction; the table itself is append-only.
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
int audit_changes(long long audit_id, const struct change *, size_t);
int audit_record(struct request *, const char *action, const char *entity,
    long long entity_id, const char *detail, const struct change *, size_t);
int audit_now(struct request *, const char *action, const char *entity,
    long long entity_id, const char *detail);

#endif
