/*
** Rendering pages with ClearSilver. Values are set by name into the
** request's HDF; page_render() runs the page's template inside the one
** layout. Escaping is on for every variable (Config.VarEscapeMode=html).
*/
#ifndef APPRODO_PAGE_H
#define APPRODO_PAGE_H

#include "request.h"

void page_set(struct request *, const char *name, const char *value);
void page_set_int(struct request *, const char *name, long long);
void page_set_item(struct request *, const char *list, int index,
    const char *field, const char *value);
void page_set_item_int(struct request *, const char *list, int index,
    const char *field, long long);
int page_render(struct request *, const char *template, const char *title);
void page_error(struct request *, int status);
void page_free(struct request *);
int page_template_exists(const char *);

#endif
