/*
** The record editor (see record.h): one implementation of the read,
** validate, write and audit flow for every section and record form.
*/
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "page.h"
#include "record.h"
#include "session.h"

static void
edit_init(struct edit *e, struct request *r, const struct record *rec,
    long long id)
{
	size_t n = rec->nfields;

	memset(e, 0, sizeof *e);
	e->r = r;
	e->rec = rec;
	e->id = id;
	e->saved = rec->saved;
	if (rec->fields_make)
		n = rec->fields_make(e, e->fields);
	else {
		memcpy(e->fields, rec->fields, n * sizeof(*e->fields));
		if (rec->fields_load)
			rec->fields_load(e->fields, n);
	}
	form_init(&e->form, e->fields, n);
}

static const char *
owner(const struct record *rec)
{
	return rec->owner ? rec->owner : rec->entity;
}

/* A stored value as a form value: empty text is no value. */
const char *
edit_current(const struct edit *e, const char *name)
{
	const char *v = row_get(&e->current, name);

	return v && *v ? v : NULL;
}

void
edit_change(struct edit *e, const char *field, const char *before,
    const char *after)
{
	if (e->nchanges < EDIT_CHANGES_MAX) {
		e->changes[e->nchanges].field = field;
		e->changes[e->nchanges].before = before;
		e->changes[e->nchanges].after = after;
		e->nchanges++;
	}
}

/* May the user change the record, or create one? 0 or a status. */
static int
allowed(struct edit *e)
{
	if (e->rec->access_edit)
		return e->rec->access_edit(e);
	return e->rec->access(e->r, e->parent ? e->parent : e->id, 1);
}

/* Reads the stored row; 0, or -1 on a database error. */
static int
load_current(struct edit *e)
{
	if (e->rec->sql_get && db_row(&e->r->pool, e->rec->sql_get,
	    ARGS(ARG_INT("id", e->id)), &e->current) < 0)
		return -1;
	if (e->rec->load && e->current.n > 0)
		return e->rec->load(e);
	return 0;
}

static int
view(struct request *r, const struct record *rec, long long id)
{
	if (rec->flags & RECORD_NO_VIEW_AUDIT)
		return 0;
	return audit_view(r, owner(rec), id, rec->name);
}

/* GET: the form of an existing record, with its stored values. */
int
record_get(struct request *r, const struct record *rec, long long id)
{
	struct edit e;
	int rc;

	edit_init(&e, r, rec, id);
	if ((rc = allowed(&e)) != 0)
		return rc;
	if (view(r, rec, id) != 0)
		return 500;
	if (load_current(&e) != 0)
		return 500;
	if (e.current.n > 0 && !(rec->flags & RECORD_FRESH_FORM))
		for (size_t i = 0; i < e.form.n; i++)
			form_set(r, &e.form, e.fields[i].name,
			    edit_current(&e, e.fields[i].name));
	else if (rec->defaults)
		rec->defaults(&e);
	return rec->page(&e);
}

static const char SQL_INVIO_GET[] =
    "SELECT destinazione FROM invii WHERE chiave = :chiave"
    " AND utente_id = :utente";
static const char SQL_INVIO_ADD[] =
    "INSERT INTO invii (chiave, utente_id, destinazione, creato)"
    " VALUES (:chiave, :utente, :destinazione, :ora)";
static const char SQL_INVIO_PURGE[] =
    "DELETE FROM invii WHERE creato < :prima";

/*
** The one-time key a creating form carries (Form.invio, drawn by the
** csrf() macro): a new one for a new form, the same one when the form
** comes back with errors. NULL if the request has none or a malformed one.
*/
static const char *
submission_key(struct request *r, int fresh)
{
	const char *k = request_post(r, "invio");

	if (fresh) {
		unsigned char raw[16];
		char *hex = pool_alloc(&r->pool, 2 * sizeof raw + 1);

		randombytes_buf(raw, sizeof raw);
		hex_encode(hex, raw, sizeof raw);
		k = hex;
	} else if (k == NULL || strlen(k) != 32 || strspn(k,
	    "0123456789abcdef") != 32)
		return NULL;
	page_set(r, "Form.invio", k);
	return k;
}

/* GET: an empty form for a new record belonging to `parent`. */
int
record_new_get(struct request *r, const struct record *rec, long long parent)
{
	struct edit e;
	int rc;

	edit_init(&e, r, rec, 0);
	e.parent = parent;
	if ((rc = allowed(&e)) != 0)
		return rc;
	if (parent && view(r, rec, parent) != 0)
		return 500;
	if (rec->defaults)
		rec->defaults(&e);
	submission_key(r, 1);
	return rec->page(&e);
}

/* Every field the form has, old and new (fields marked FIELD_NOAUDIT aside). */
static void
field_changes(struct edit *e)
{
	for (size_t i = 0; i < e->form.n; i++) {
		const struct field *fd = &e->fields[i];

		if (fd->flags & FIELD_NOAUDIT)
			continue;
		edit_change(e, fd->name, edit_current(e, fd->name),
		    e->form.value[i]);
	}
}

/* The shared POST flow; `create` tells a new record from an update. */
static int
post(struct request *r, const struct record *rec, long long id, int create)
{
	const char *next;
	const char *key = create ? submission_key(r, 0) : NULL;
	struct edit e;
	int rc;

	edit_init(&e, r, rec, create ? 0 : id);
	if (create)
		e.parent = id;
	if ((rc = allowed(&e)) != 0)
		return rc;
	form_read(r, &e.form);
	if (rec->prepare)
		rec->prepare(&e);
	if (db_begin_write() != 0)
		return 500;
	if (key) {
		/* Sent again (a lost reply, a second click): the first result. */
		struct row done;

		if (db_row(&r->pool, SQL_INVIO_GET, ARGS(ARG_TEXT("chiave", key),
		    ARG_INT("utente", r->user.id)), &done) > 0) {
			db_rollback();
			return response_redirect(r, row_get(&done, "destinazione"));
		}
	}
	if (!create && load_current(&e) != 0)
		return 500;
	if (rec->check)
		rec->check(&e);
	if (db_failed())
		return 500;
	if (e.form.nerrors > 0 || e.again) {
		/* Nothing written; what the user saw and was refused is. */
		db_rollback();
		if (e.denied && audit_now(r, "permission_denied", owner(rec), id,
		    e.denied) != 0)
			return 500;
		if (id && view(r, rec, id) != 0)
			return 500;
		return rec->page(&e);
	}
	if (rec->sql_set) {
		struct stmt *st = db_prepare(rec->sql_set);

		form_bind(&e.form, st);
		if (create)
			db_bind_int(st, "parent", e.parent);
		else
			db_bind_int(st, "id", e.id);
		if (db_has_param(st, "utente"))
			db_bind_args(st, ARGS(ARG_ID("utente", r->user.id)));
		rc = db_step(st);
		db_done(st);
		if (rc >= 0 && create)
			e.id = db_last_id();
	}
	if (!db_failed() && rec->save && rec->save(&e) != 0)
		db_fail();
	/* After save(), which may have changed what is stored. */
	field_changes(&e);
	audit_record(r, create ? "create" : "update", rec->entity, e.id,
	    e.detail, e.changes, e.nchanges);
	if (e.saved)
		session_set_avviso(r, e.saved);
	next = rec->next(&e);
	if (key) {
		long long now = (long long)time(NULL);

		db_write(SQL_INVIO_PURGE, ARGS(ARG_INT("prima", now - 86400)));
		db_write(SQL_INVIO_ADD, ARGS(ARG_TEXT("chiave", key),
		    ARG_INT("utente", r->user.id), ARG_TEXT("destinazione", next),
		    ARG_INT("ora", now)));
	}
	/* Refused if anything above failed. */
	if (db_commit() != 0) {
		if (e.file)
			unlink(e.file);
		return 500;
	}
	return response_redirect(r, next);
}

/* The access rule of a record open to everyone the route lets in. */
int
record_any(struct request *r, long long id, int write)
{
	(void)r;
	(void)id;
	(void)write;
	return 0;
}

int
record_post(struct request *r, const struct record *rec, long long id)
{
	return post(r, rec, id, 0);
}

int
record_new_post(struct request *r, const struct record *rec, long long parent)
{
	return post(r, rec, parent, 1);
}
