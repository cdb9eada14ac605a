/*
** Settings, read once at start from the process environment (set by
** spawn-fcgi or mod_fcgid's FcgidInitialEnv), never from a request.
*/
#ifndef APPRODO_SETTINGS_H
#define APPRODO_SETTINGS_H

#include <stddef.h>

struct config {
	const char *db;			/* APPRODO_DB */
	const char *templates;		/* APPRODO_TEMPLATES */
	const char *fonts;		/* APPRODO_FONTS: the PDFs' fonts */
	const char *files;		/* APPRODO_FILES */
	const char *sql;		/* APPRODO_SQL: migrations */
	size_t body_limit;		/* APPRODO_BODY_LIMIT, bytes */
	size_t upload_limit;		/* APPRODO_UPLOAD_LIMIT, bytes */
	int idle_minutes;		/* APPRODO_IDLE_MINUTES */
	int absolute_hours;		/* APPRODO_ABSOLUTE_HOURS */
	int workers;			/* APPRODO_WORKERS: prefork count */
	int trust_remote_user;		/* APPRODO_TRUST_REMOTE_USER */
};

extern struct config cfg;

void config_load(void);
/* A module's own setting (APPRODO_...), read the same way. */
long long config_int(const char *name, long long def, long long min,
    long long max);

#endif
