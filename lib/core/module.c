/*
** The module registry: routing over the modules a program serves, and
** the navigation and home tiles of every module, filtered by role, and
** the kinds of notice the modules send.
*/
#include <string.h>

#include "module.h"
#include "page.h"

static const struct module *const *registry;

void
modules_set(const struct module *const *all)
{
	registry = all;
}

/*
** One maintenance step of every module (or, `until_done`, as many as
** each needs). Returns 0, or -1 if a step failed (the rest still run).
*/
int
modules_maintain(int until_done)
{
	int rc = 0;

	for (const struct module *const *m = modules_all(); *m; m++) {
		int more;

		if ((*m)->maintain == NULL)
			continue;
		while ((more = (*m)->maintain()) > 0 && until_done)
			;
		if (more < 0)
			rc = -1;
	}
	return rc;
}

/* One event more on a timeline (copied into the timeline's pool). */
void
eventi_add(struct eventi *e, const char *data, const char *tipo,
    const char *tipo_label, const char *titolo, const char *dettaglio,
    const char *href)
{
	struct pool *p = e->pool;

	if (data == NULL || *data == '\0')
		return;
	if (e->n == e->cap) {
		size_t cap = e->cap ? 2 * e->cap : 64;
		struct evento *v = pool_alloc(p, cap * sizeof *v);

		if (e->n)
			memcpy(v, e->v, e->n * sizeof *v);
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n++] = (struct evento){ pool_strdup(p, data), tipo, tipo_label,
	    pool_strdup(p, titolo), dettaglio && *dettaglio ?
	    pool_strdup(p, dettaglio) : NULL, href ? pool_strdup(p, href) :
	    NULL };
}

/* The timeline of record `id`, from every module that has events. */
int
modules_cronologia(struct request *r, long long id, struct eventi *e)
{
	int rc = 0;

	for (const struct module *const *m = modules_all(); *m; m++)
		if ((*m)->cronologia && (*m)->cronologia(r, id, e) != 0)
			rc = -1;
	return rc;
}

const struct module *const *
modules_all(void)
{
	static const struct module *const none[] = { NULL };

	return registry ? registry : none;
}

/* The kind of notice `tipo`, declared by a module; NULL if none is. */
const struct notifica_tipo *
modules_notifica_tipo(const char *tipo)
{
	for (const struct module *const *m = modules_all(); *m; m++)
		for (size_t i = 0; i < (*m)->nnotifiche; i++)
			if (strcmp((*m)->notifiche[i].tipo, tipo) == 0)
				return &(*m)->notifiche[i];
	return NULL;
}

static int
method_is(const char *got, const char *want)
{
	return strcmp(got, want) == 0 ||
	    (strcmp(want, "GET") == 0 && strcmp(got, "HEAD") == 0);
}

/*
** The route of `r` among the modules served, with the numbers of the
** path in id[]. NULL if none: *path_known tells a wrong method (405,
** with the methods the path takes in *allow) from an unknown path (404).
*/
const struct route *
module_route(const struct module *const *serves, const struct request *r,
    long long id[2], int *path_known, const char **allow)
{
	int get = 0, post = 0;

	*path_known = 0;
	for (; *serves; serves++)
		for (size_t i = 0; i < (*serves)->nroutes; i++) {
			const struct route *rt = &(*serves)->routes[i];
			long long found[2] = { 0, 0 };

			if (!route_match(rt->pattern, r->path, found))
				continue;
			*path_known = 1;
			if (method_is(r->method, rt->method)) {
				memcpy(id, found, sizeof found);
				return rt;
			}
			get |= strcmp(rt->method, "GET") == 0;
			post |= strcmp(rt->method, "POST") == 0;
		}
	*allow = get && post ? "GET, HEAD, POST" : get ? "GET, HEAD" : "POST";
	return NULL;
}

/* The length of `href` when the page at `path` is it or under it, or 0. */
static size_t
link_match(const char *path, const char *href)
{
	size_t hl = strlen(href);

	if (strcmp(path, href) == 0 || (hl > 1 && strncmp(path, href, hl) ==
	    0 && path[hl] == '/'))
		return hl;
	return 0;
}

/*
** The navigation (tiles = 0) or the home tiles (tiles = 1) of every
** module that the user's role may open, as list.N.{href,title,text,active}
** (and conta, conta_testo: what waits there for the user, if anything).
** One entry is active: the longest that the page is under (on
** /minori/azioni, "Le mie azioni", not "Minori" too).
*/
void
module_links(struct request *r, const char *list, int tiles)
{
	size_t best = 0;
	int k = 0;

	for (const struct module *const *m = modules_all(); *m; m++) {
		const struct link *l = tiles ? (*m)->tiles : (*m)->nav;
		size_t n = tiles ? (*m)->ntiles : (*m)->nnav;

		for (size_t i = 0; i < n; i++) {
			size_t hl = link_match(r->path, l[i].href);

			if (role_can(r->user.role, l[i].perm) && hl > best)
				best = hl;
		}
	}
	for (const struct module *const *m = modules_all(); *m; m++) {
		const struct link *l = tiles ? (*m)->tiles : (*m)->nav;
		size_t n = tiles ? (*m)->ntiles : (*m)->nnav;

		for (size_t i = 0; i < n; i++) {
			HDF *row;

			if (!role_can(r->user.role, l[i].perm))
				continue;
			row = page_row(r, list, k++);
			row_set(row, "href", l[i].href);
			row_set(row, "title", l[i].title);
			if (l[i].text)
				row_set(row, "text", l[i].text);
			row_set_int(row, "active", best > 0 &&
			    link_match(r->path, l[i].href) == best);
			if (l[i].conta) {
				int n = l[i].conta(r);

				if (n > 0) {
					row_set_int(row, "conta", n);
					row_set(row, "conta_testo",
					    l[i].conta_testo);
				}
			}
		}
	}
}
