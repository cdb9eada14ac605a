/*
** Role names as stored and their Italian labels: the one list of roles.
*/
#include <string.h>

#include "form.h"
#include "role.h"
#include "util.h"

/* Indexed by enum role; also the choices of the user form. */
static const struct choice roles[ROLE__MAX] = {
	[ROLE_AMMINISTRATORE] = { "amministratore", "Amministratore" },
	[ROLE_RESPONSABILE] = { "responsabile", "Responsabile" },
	[ROLE_OPERATORE] = { "operatore", "Operatore" },
	[ROLE_STRUTTURA] = { "struttura", "Struttura di accoglienza" },
	[ROLE_FORMAZIONE] = { "formazione", "Formazione" },
	[ROLE_COMUNICAZIONE] = { "comunicazione", "Comunicazione" },
};

const struct perm perm_public = { .name = "pubblico", .roles = ROLES_ALL,
    .public = 1 };
const struct perm perm_login = { .name = "accesso", .roles = ROLES_ALL };

const char *
role_label(enum role r)
{
	return r < ROLE__MAX ? roles[r].label : "";
}

/* The role's name as stored ("responsabile"). */
const char *
role_name(enum role r)
{
	return r < ROLE__MAX ? roles[r].value : "";
}

int
role_parse(const char *s, enum role *out)
{
	for (int r = 0; r < ROLE__MAX; r++)
		if (s && strcmp(s, roles[r].value) == 0) {
			*out = (enum role)r;
			return 0;
		}
	return -1;
}

int
role_can(enum role r, const struct perm *p)
{
	if (p->public)
		return 1;
	return r < ROLE__MAX && (p->roles & (1u << r)) != 0;
}

const struct choice *
role_choices(size_t *n)
{
	*n = COUNT(roles);
	return roles;
}
