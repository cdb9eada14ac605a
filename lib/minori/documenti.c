/*
** Documenti: a minor's identity and residence documents, with who
** checked them and when, and an optional scanned copy (PDF, JPEG, PNG).
** The only writer of the table documenti. Scans are stored outside
** anything the web server serves and are sent only through the program,
** after the same permission check as the case.
*/
#include <string.h>

#include "audit.h"
#include "date.h"
#include "file.h"
#include "interno.h"
#include "page.h"
#include "session.h"
#include "settings.h"

static const struct field fields[] = {
	{ .name = "tipo", .label = "Tipo di documento", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED },
	{ .name = "numero", .label = "Numero", .type = FIELD_TEXT, .max = 40 },
	{ .name = "data_rilascio", .label = "Data di rilascio",
	  .type = FIELD_DATE, .hint = "gg/mm/aaaa" },
	{ .name = "data_scadenza", .label = "Data di scadenza",
	  .type = FIELD_DATE, .flags = FIELD_FUTURE, .hint = "gg/mm/aaaa" },
	{ .name = "verificato", .label = "Ho verificato l'originale oggi",
	  .type = FIELD_CHECKBOX },
};

static void
fields_load(struct field *f, size_t n)
{
	(void)n;
	f[0].choices = documento_tipi;
	f[0].nchoices = documento_ntipi;
}

/* Stored files are named by document id: no personal data in file names. */
static char *
doc_path(struct request *r, long long doc_id)
{
	return file_path(&r->pool, "documento", doc_id);
}

static const char SQL_DOC_INSERT[] =
    "INSERT INTO documenti (minore_id, tipo, numero, data_rilascio,"
    " data_scadenza, verificato_da, verificato_il, file_tipo, file_nome,"
    " file_dimensione, file_hash) VALUES (:minore, :tipo,"
    " coalesce(:numero, ''),"
    " :data_rilascio, :data_scadenza, CASE WHEN :verificato THEN :utente END,"
    " CASE WHEN :verificato THEN :oggi END, :file_tipo, :file_nome,"
    " nullif(:file_dimensione, 0), :file_hash)";

/* A document of a case, in the caller's transaction; its id, or -1. */
long long
documento_add(const struct db_arg *a, size_t n)
{
	return db_insert(SQL_DOC_INSERT, a, n);
}

/* The scan sent with the form, if one was chosen. */
static const struct param *
upload(struct request *r)
{
	const struct param *file = params_find(&r->form, "file");

	return file && file->filename && (*file->filename || file->len) ?
	    file : NULL;
}

static void
check(struct edit *e)
{
	const struct param *file = upload(e->r);
	const char *rilascio = form_value(&e->form, "data_rilascio");
	const char *scadenza = form_value(&e->form, "data_scadenza");

	if (rilascio && scadenza && strcmp(scadenza, rilascio) < 0)
		form_fail(&e->form, "data_scadenza", "La scadenza non può "
		    "precedere il rilascio.");
	if (file == NULL)
		return;
	e->data = (void *)file_check(&e->r->pool, file->value, file->len);
	if (e->data)
		e->form.nerrors++;	/* shown by the file's own field */
}

/* The document, then its scan under the new id (gone if the commit fails). */
static int
save(struct edit *e)
{
	const struct param *file = upload(e->r);
	const struct form *f = &e->form;
	char today[11], hash_hex[65] = "";
	const char *type = NULL;

	date_today(today);
	if (file) {
		type = file_type(file->value, file->len);
		file_sha256(file->value, file->len, hash_hex);
	}
	e->id = documento_add(ARGS(ARG_INT("minore", e->parent),
	    ARG_TEXT("tipo", form_value(f, "tipo")),
	    ARG_TEXT("numero", form_value(f, "numero")),
	    ARG_TEXT("data_rilascio", form_value(f, "data_rilascio")),
	    ARG_TEXT("data_scadenza", form_value(f, "data_scadenza")),
	    ARG_INT("verificato", form_value(f, "verificato") != NULL),
	    ARG_INT("utente", e->r->user.id), ARG_TEXT("oggi", today),
	    ARG_TEXT("file_tipo", type),
	    ARG_TEXT("file_nome", file ? file->filename : NULL),
	    ARG_INT("file_dimensione", file ? (long long)file->len : 0),
	    ARG_TEXT("file_hash", file ? hash_hex : NULL)));
	if (e->id < 0)
		return -1;
	e->detail = pool_printf(&e->r->pool, "minore %lld", e->parent);
	if (file) {
		edit_change(e, "file", NULL, pool_strdup(&e->r->pool, hash_hex));
		e->file = doc_path(e->r, e->id);
		if (file_store(file->value, file->len, e->file) != 0) {
			e->file = NULL;
			return -1;
		}
	}
	return 0;
}

static int
page(struct edit *e)
{
	int rc = fascicolo_header(e->r, e->parent, 1);

	if (rc != 0)
		return rc;
	form_page(e->r, &e->form);
	if (e->data)
		page_set(e->r, "Upload.error", e->data);
	page_set_int(e->r, "Upload.limit_mb", (long long)(cfg.upload_limit >> 20));
	return page_render(e->r, "minori/documento.cs", "Nuovo documento");
}

const struct record documento_nuovo = {
	.entity = "documento",
	.owner = "minore",
	.name = "documenti/nuovo",
	.title = "Nuovo documento",
	.fields = fields, .nfields = COUNT(fields),
	.fields_load = fields_load,
	.access = minore_access,
	.check = check,
	.save = save,
	.page = page,
	.next = fascicolo_next,
	.saved = "Documento aggiunto.",
};

static const char SQL_DOC_VERIFY[] =
    "UPDATE documenti SET verificato_da = :utente, verificato_il = :oggi"
    " WHERE id = :id AND minore_id = :minore";

/* POST /minori/#/documenti/#/verifica: "I checked the original today". */
int
documento_verifica_post(struct request *r)
{
	char today[11];
	int rc;

	if ((rc = minore_access(r, r->id[0], 1)) != 0)
		return rc;
	date_today(today);
	if (db_begin_write() != 0)
		return 500;
	db_write(SQL_DOC_VERIFY, ARGS(ARG_INT("minore", r->id[0]),
	    ARG_INT("id", r->id[1]), ARG_INT("utente", r->user.id),
	    ARG_TEXT("oggi", today)));
	if (!db_failed() && db_changes() == 0) {
		db_rollback();
		return 404;
	}
	audit_record(r, "update", "documento", r->id[1], NULL,
	    &(const struct change){ "verificato_il", NULL, today }, 1);
	session_set_avviso(r, "Verifica registrata.");
	if (db_commit() != 0)
		return 500;
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld",
	    r->id[0]));
}

static const char SQL_DOC_FILE[] =
    "SELECT file_tipo FROM documenti"
    " WHERE id = :id AND minore_id = :minore AND file_tipo IS NOT NULL";

/* GET /minori/#/documenti/#/file: the scan, to the case's readers only. */
int
documento_file(struct request *r)
{
	const char *type;
	int rc;

	if ((rc = minore_access(r, r->id[0], 0)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "documento", r->id[1], "file");
		return 403;
	}
	type = db_string(&r->pool, SQL_DOC_FILE, ARGS(ARG_INT("minore",
	    r->id[0]), ARG_INT("id", r->id[1])));
	if (type == NULL)
		return 404;
	if (audit_view(r, "documento", r->id[1], "file") != 0)
		return 500;
	return file_send(r, doc_path(r, r->id[1]), type, pool_printf(&r->pool,
	    "documento-%lld.%s", r->id[1], file_ext(type)));
}
