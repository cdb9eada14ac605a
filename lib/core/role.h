/*
** Roles and permissions. The roles are the platform's (every user has
** one, stored by name); a permission is an object that names the roles
** holding it, declared by the module that checks it, so modules add
** permissions without a fixed-size set (least privilege, DOMAIN.md).
*/
#ifndef APPRODO_ROLE_H
#define APPRODO_ROLE_H

#include <stddef.h>

enum role {
	ROLE_AMMINISTRATORE,
	ROLE_RESPONSABILE,
	ROLE_OPERATORE,
	ROLE_STRUTTURA,
	ROLE_FORMAZIONE,
	ROLE_COMUNICAZIONE,
	ROLE__MAX
};

#define ROLE(r) (1u << (ROLE_##r))
#define ROLES_ALL ((1u << ROLE__MAX) - 1)

struct perm {
	const char *name;	/* for logs and tests: "minori.leggi" */
	unsigned roles;		/* ROLE(RESPONSABILE) | ROLE(OPERATORE) ... */
	int public;		/* no session needed */
};

extern const struct perm perm_public;	/* anyone, signed in or not */
extern const struct perm perm_login;	/* any signed-in user */

struct choice;

const char *role_label(enum role);
const char *role_name(enum role);
int role_parse(const char *, enum role *);
int role_can(enum role, const struct perm *);
const struct choice *role_choices(size_t *n);

#endif
