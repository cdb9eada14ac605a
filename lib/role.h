/*
** Roles and permissions. A route names the permission it needs; each
** role holds a fixed set of permissions (least privilege, DOMAIN.md).
*/
#ifndef APPRODO_ROLE_H
#define APPRODO_ROLE_H

enum role {
	ROLE_AMMINISTRATORE,
	ROLE_RESPONSABILE,
	ROLE_OPERATORE,
	ROLE_STRUTTURA,
	ROLE_FORMAZIONE,
	ROLE_COMUNICAZIONE,
	ROLE__MAX
};

enum perm {
	PERM_PUBLIC,		/* no session needed */
	PERM_LOGIN,		/* any signed-in user */
	PERM_USERS,		/* user administration */
	PERM_AUDIT,		/* read the audit log */
	PERM_CASE_READ,		/* read case files (scoped further) */
	PERM_CASE_WRITE,	/* intake and edit case files (scoped) */
	PERM_CASE_CLOSE,	/* close cases, approve */
	PERM_CASE_EXPORT,	/* export lists of cases */
	PERM__MAX
};

const char *role_name(enum role);
const char *role_label(enum role);
int role_parse(const char *, enum role *);
int role_can(enum role, enum perm);

#endif
