/*
** Rendering pages with ClearSilver. Values are set by name into the
** request's HDF; page_render() runs the page's template inside the one
** layout. Escaping is on for every variable (Config.VarEscapeMode=html).
*/
#ifndef APPRODO_PAGE_H
#define APPRODO_PAGE_H

#include "db.h"
#include "form.h"
#include "request.h"

void page_set(struct request *, const char *name, const char *value);
void page_set_int(struct request *, const char *name, long long);
void page_pagine(struct request *, const char *node, long long pagina, int n,
    int per);
HDF *page_row(struct request *, const char *list, int index);
HDF *row_node(HDF *parent, const char *name);
HDF *row_child(HDF *parent, const char *list, int index);
HDF *page_node(struct request *, const char *name);
int page_one(struct request *, const char *name, struct stmt *,
    void (*each)(HDF *row, struct stmt *, void *ctx), void *ctx);
void row_set(HDF *, const char *field, const char *value);
void row_set_int(HDF *, const char *field, long long);
void row_set_date(HDF *, const char *field, const char *iso);
void row_set_stmt(HDF *, struct stmt *);
/* A page_rows()/page_one() callback: `field` is the label of `column`. */
struct label {
	const char *column, *field;
	const struct choice *choices;
	size_t n;
};
void row_label(HDF *row, struct stmt *, void *label);
int page_rows(struct request *, const char *list, struct stmt *, int max,
    void (*each)(HDF *row, struct stmt *, void *ctx), void *ctx);
int page_rows_own(struct request *, const char *list, struct stmt *, int max,
    void (*each)(HDF *row, struct stmt *, void *ctx), void *ctx);
const char *page_choices(struct request *, const struct choice *, size_t);
int page_options(struct request *, const char *key_value, struct buf *);
int page_render(struct request *, const char *template, const char *title);
const char *page_kept(const char *key);
const char *page_keep(struct request *, const char *template, const char *key);
void page_error(struct request *, int status);
void page_free(struct request *);

#endif
