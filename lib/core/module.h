/*
** Modules. A domain module declares itself in one table: its routes,
** its navigation entry and home-page tiles (each behind a permission),
** its approdo-admin commands and its demo-data generator. A program in
** cgi-bin/ names the modules it serves; the application's list of every
** module (cgi-bin/moduli.c) gives the navigation, the home page and
** approdo-admin. The platform itself keeps no list of domain pages.
*/
#ifndef APPRODO_MODULE_H
#define APPRODO_MODULE_H

#include "request.h"

struct record;

/*
** A route is served by its handler, or by the record editor: `record`
** edited (GET and POST) as the record numbered by the path's first '#',
** or with `create`, a new record belonging to it (0 if the path has none);
** with `item`, the path's second '#' instead (a row of a list in a case).
*/
struct route {
	const char *method;	/* "GET" (also answers HEAD) or "POST" */
	const char *pattern;	/* "/utenti/#/modifica": '#' is a number */
	const struct perm *perm;	/* what the user needs */
	handler_fn handler;
	const struct record *record;
	int create;
	int item;
};

struct link {
	const char *href;
	const char *title;
	const char *text;	/* a tile's description; unused in the nav */
	const struct perm *perm;
	/* What waits there for the user (shown when > 0, "99+" from 100),
	** and its words. */
	int (*conta)(struct request *);
	const char *conta_testo;
};

/*
** A kind of notice (notifiche.h) a module sends: its code, stored with
** each notice; its label, on the user's mail settings and in each mail;
** whether it is urgent (mailed at once) or waits for the user's daily
** digest; the roles it goes to, whose settings offer it.
*/
struct notifica_tipo {
	const char *tipo;	/* "allontanamento" */
	const char *label;	/* "Allontanamento di un minore" */
	int urgente;
	unsigned roles;		/* ROLE(OPERATORE) | ROLE(RESPONSABILE) */
};

struct command {
	const char *name;	/* approdo-admin NAME ... */
	const char *usage;	/* the arguments, for the usage message */
	int (*run)(struct request *console, int argc, char **argv);
};

/*
** What happened to a record, in date order: each module adds its own
** events (a case's timeline gathers intake, placements, PEI versions,
** interviews ...). `data` is an ISO date or date-time; `tipo` a code the
** page filters by, with its label; `href` where the event is, or NULL.
*/
struct evento {
	const char *data, *tipo, *tipo_label, *titolo, *dettaglio, *href;
};
struct eventi {
	struct pool *pool;
	struct evento *v;
	size_t n, cap;
};
void eventi_add(struct eventi *, const char *data, const char *tipo,
    const char *tipo_label, const char *titolo, const char *dettaglio,
    const char *href);

struct module {
	const char *name;
	const struct route *routes;
	size_t nroutes;
	const struct link *nav;		/* entries in the top navigation */
	size_t nnav;
	const struct link *tiles;	/* tiles on the home page */
	size_t ntiles;
	const struct command *commands;
	size_t ncommands;
	const struct notifica_tipo *notifiche;	/* the kinds it sends */
	size_t nnotifiche;
	/*
	** Adds demo data (approdo-admin demo [--NAME N]): `n` is the
	** number asked for with the module's own option, or 0. Runs in
	** the order of the module list; returns what it added, or -1.
	*/
	int (*demo)(struct request *console, long long n);
	/*
	** What a migration's SQL cannot do (data computed in C), run by
	** approdo-admin migrate after the migrations; it checks itself
	** whether there is anything to do. 0, or -1 (optional).
	*/
	int (*upgrade)(struct request *console);
	/*
	** Keeps what the module's queries rely on in shape (a search
	** index's segments merged), a bounded step at a time, in a
	** transaction of its own: run by each worker every 1000 requests
	** and by approdo-admin demo after loading, until done. Returns 1
	** if there is more to do, 0 if not, -1 on error (optional).
	*/
	int (*maintain)(void);
	/*
	** Adds the module's events of record `id` (a case) to the timeline;
	** 0, or -1 (optional). The caller has checked who may read it.
	*/
	int (*cronologia)(struct request *, long long id, struct eventi *);
};

/* A program: its name (for logs), the modules it serves, all modules. */
struct program {
	const char *name;
	const struct module *const *serves;	/* NULL-terminated */
	const struct module *const *all;	/* NULL-terminated */
};

int app_main(const struct program *, int argc, char **argv);
int admin_main(const struct module *const *all, int argc, char **argv);
int console_come(const struct request *console, enum role,
    struct request *out);

void modules_set(const struct module *const *all);
int modules_maintain(int until_done);
int modules_cronologia(struct request *, long long id, struct eventi *);
const struct module *const *modules_all(void);
const struct notifica_tipo *modules_notifica_tipo(const char *tipo);
const struct route *module_route(const struct module *const *serves,
    const struct request *, long long id[2], int *path_known,
    const char **allow);
void module_links(struct request *, const char *list, int tiles);

#endif
