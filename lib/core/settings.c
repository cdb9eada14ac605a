/*
** Settings from the environment, with the defaults chosen at configure.
*/
#include <stdlib.h>
#include <time.h>

#include "settings.h"
#include "util.h"

struct config cfg;

static const char *
env_str(const char *name, const char *def)
{
	const char *v = getenv(name);

	return v && *v ? v : def;
}

/* A number from the environment, `def` when unset or out of range. */
long long
config_int(const char *name, long long def, long long min, long long max)
{
	long long v;

	if (parse_int64(getenv(name), &v) != 0)
		return def;
	if (v < min || v > max) {
		log_error("%s out of range, using %lld", name, def);
		return def;
	}
	return v;
}

void
config_load(void)
{
	cfg.db = env_str("APPRODO_DB", APPRODO_STATEDIR "/approdo.db");
	cfg.templates = env_str("APPRODO_TEMPLATES",
	    APPRODO_DATADIR "/templates");
	cfg.fonts = env_str("APPRODO_FONTS", APPRODO_DATADIR "/fonts");
	cfg.files = env_str("APPRODO_FILES", APPRODO_STATEDIR "/files");
	cfg.sql = env_str("APPRODO_SQL", APPRODO_DATADIR "/sql");
	cfg.body_limit = (size_t)config_int("APPRODO_BODY_LIMIT",
	    10 * 1024 * 1024, 1024, 1024LL * 1024 * 1024);
	cfg.upload_limit = (size_t)config_int("APPRODO_UPLOAD_LIMIT",
	    5 * 1024 * 1024, 1024, 1024LL * 1024 * 1024);
	cfg.idle_minutes = (int)config_int("APPRODO_IDLE_MINUTES", 30, 1, 24 * 60);
	cfg.absolute_hours = (int)config_int("APPRODO_ABSOLUTE_HOURS", 12, 1, 24 * 7);
	cfg.workers = (int)config_int("APPRODO_WORKERS", 0, 0, 256);
	cfg.trust_remote_user = (int)config_int("APPRODO_TRUST_REMOTE_USER",
	    0, 0, 1);
	/* Times are shown as the office reads them. */
	setenv("TZ", env_str("APPRODO_TZ", "Europe/Rome"), 1);
	tzset();
}
