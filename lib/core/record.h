/*
** The record editor: the one flow that every section of a record and
** every form that creates a record follows.
**
**   GET:  access check -> view audit row -> stored values (or defaults)
**         into the form -> the module's page.
**   POST: access check -> BEGIN IMMEDIATE -> the stored row, read inside
**         the transaction -> validation (field table, then the module's
**         check) -> write (sql_set with the form's values by name, then
**         the module's save) -> audit row with each changed field's old
**         and new value -> commit -> 303 with a message. With errors the
**         form comes back with what the user typed (and a view row).
**
** A module describes a record with a struct record: its field table and
** a few functions; the editor does the rest.
*/
#ifndef APPRODO_RECORD_H
#define APPRODO_RECORD_H

#include "audit.h"
#include "db.h"
#include "form.h"

#define EDIT_CHANGES_MAX (FORM_FIELDS_MAX + 16)

/* One use of the editor: what the hooks see and may change. */
struct edit {
	struct request *r;
	const struct record *rec;
	struct form form;
	struct field fields[FORM_FIELDS_MAX];
	long long id;		/* the record; a creation sets it */
	long long parent;	/* for a creation: the record it belongs to */
	struct row current;	/* the stored row (read inside the transaction) */
	struct change changes[EDIT_CHANGES_MAX];
	size_t nchanges;
	const char *detail;	/* the audit row's detail */
	const char *saved;	/* the message after saving */
	const char *file;	/* written by save(): removed if the commit fails */
	void *data;		/* the module's own, from prepare() to save() */
	const char *denied;	/* check() refused a permission: audited as such */
	int again;		/* check() asks for the form again (a confirmation) */
};

struct record {
	const char *entity;	/* audit entity: "minore", "documento" */
	const char *name;	/* the section, for the view row: "tutela" */
	const char *title;
	const struct field *fields;
	size_t nfields;
	/* Which entity the access check and the view row are about. */
	const char *owner;	/* default: entity */

	/* The fields' choices that come from the database (optional). */
	void (*fields_load)(struct field *, size_t n);
	/* Or, for a form made of parts, or of what the record holds (a field
	** for each of its rows): writes the fields, returns their number
	** (instead of fields, nfields and fields_load). e->r and e->id are
	** set; at most FORM_FIELDS_MAX. */
	size_t (*fields_make)(struct edit *, struct field *);
	/* May the user read (write 0) or change (write 1) `id`? 0 or a status. */
	int (*access)(struct request *, long long id, int write);
	/* Or, when the rule needs the record or the path (a row of a list
	** under a case): may the user change e->id, or create a record under
	** e->parent? 0 or a status. */
	int (*access_edit)(struct edit *);
	/* The stored row: :id; columns named like the fields, and any others
	** the check needs. Optional. */
	const char *sql_get;
	/* After the stored row is read (a form, a POST): adds to e->current,
	** with row_add(), the values kept in other tables (a field for each
	** of the record's rows), so that they fill the form and are audited
	** like the others; 0, or -1 on error (optional). */
	int (*load)(struct edit *);
	/* Writes the form: its fields by name, :id (or :parent), :utente. */
	const char *sql_set;
	/* A new form's values (optional). */
	void (*defaults)(struct edit *);
	/* Work that needs no database, before the transaction begins
	** (hashing a password); may fail fields (optional). */
	void (*prepare)(struct edit *);
	/* Rules across fields, inside the transaction (optional). */
	void (*check)(struct edit *);
	/* Further writes in the transaction; 0, or -1 to fail (optional). */
	int (*save)(struct edit *);
	/* Draws the form (with e->form's values and errors). */
	int (*page)(struct edit *);
	/* Where to go after saving. */
	const char *(*next)(struct edit *);
	const char *saved;	/* the message after saving */
	unsigned flags;		/* RECORD_NO_VIEW_AUDIT */
};

/* Not case data (user administration): views are not audit rows. */
#define RECORD_NO_VIEW_AUDIT 1u
/* A form that acts on the record (a status change, a transfer): it
** starts from its defaults, not from the stored row. */
#define RECORD_FRESH_FORM 2u

int record_get(struct request *, const struct record *, long long id);
int record_post(struct request *, const struct record *, long long id);
int record_new_get(struct request *, const struct record *, long long parent);
int record_new_post(struct request *, const struct record *,
    long long parent);

int record_any(struct request *, long long id, int write);

const char *edit_current(const struct edit *, const char *name);
void edit_change(struct edit *, const char *field, const char *before,
    const char *after);

#endif
