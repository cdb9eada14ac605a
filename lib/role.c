/*
** Role names as stored, their Italian labels and their permissions.
*/
#include <string.h>

#include "role.h"

#define P(x) (1u << (x))

static const struct {
	const char *name;
	const char *label;
	unsigned perms;
} roles[ROLE__MAX] = {
	[ROLE_AMMINISTRATORE] = { "amministratore", "Amministratore",
	    P(PERM_LOGIN) | P(PERM_USERS) },
	[ROLE_RESPONSABILE] = { "responsabile", "Responsabile",
	    P(PERM_LOGIN) | P(PERM_AUDIT) | P(PERM_CASE_READ) |
	    P(PERM_CASE_WRITE) | P(PERM_CASE_CLOSE) | P(PERM_CASE_EXPORT) },
	[ROLE_OPERATORE] = { "operatore", "Operatore",
	    P(PERM_LOGIN) | P(PERM_CASE_READ) | P(PERM_CASE_WRITE) |
	    P(PERM_CASE_EXPORT) },
	[ROLE_STRUTTURA] = { "struttura", "Struttura di accoglienza",
	    P(PERM_LOGIN) | P(PERM_CASE_READ) },
	[ROLE_FORMAZIONE] = { "formazione", "Formazione",
	    P(PERM_LOGIN) },
	[ROLE_COMUNICAZIONE] = { "comunicazione", "Comunicazione",
	    P(PERM_LOGIN) },
};

const char *
role_name(enum role r)
{
	return r < ROLE__MAX ? roles[r].name : "";
}

const char *
role_label(enum role r)
{
	return r < ROLE__MAX ? roles[r].label : "";
}

int
role_parse(const char *s, enum role *out)
{
	for (int r = 0; r < ROLE__MAX; r++)
		if (s && strcmp(s, roles[r].name) == 0) {
			*out = (enum role)r;
			return 0;
		}
	return -1;
}

int
role_can(enum role r, enum perm p)
{
	if (p == PERM_PUBLIC)
		return 1;
	return r < ROLE__MAX && (roles[r].perms & P(p)) != 0;
}
