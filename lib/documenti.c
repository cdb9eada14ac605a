/*
** Documenti: a minor's identity and residence documents, with who
** checked them and when, and an optional scanned copy (PDF, JPEG, PNG).
** Scans are stored outside anything the web server serves and are sent
** only through the program, after the same permission check as the case.
*/
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "page.h"
#include "session.h"
#include "settings.h"

static const struct choice documento_tipi[] = {
	{ "passaporto", "Passaporto" },
	{ "carta_identita", "Carta d'identità" },
	{ "certificato_nascita", "Certificato di nascita" },
	{ "dichiarazione_consolare", "Dichiarazione consolare" },
	{ "permesso_minore_eta", "Permesso di soggiorno per minore età" },
	{ "ricevuta_asilo", "Ricevuta della domanda di asilo" },
	{ "permesso_art32", "Permesso art. 32" },
	{ "permesso_altro", "Altro permesso di soggiorno" },
	{ "altro", "Altro documento" },
};

const char *
documento_tipo_label(const char *tipo)
{
	return choice_label(documento_tipi, COUNT(documento_tipi), tipo);
}


enum { F_TIPO, F_NUMERO, F_RILASCIO, F_SCADENZA, F_VERIFICATO };

static void
doc_form(struct form *f, struct field *fields)
{
	static const struct field base[] = {
		[F_TIPO] = { "tipo", "Tipo di documento", FIELD_CHOICE,
		    FIELD_REQUIRED, 0, 0, documento_tipi, COUNT(documento_tipi),
		    NULL },
		[F_NUMERO] = { "numero", "Numero", FIELD_TEXT, 0, 0, 40, NULL, 0,
		    NULL },
		[F_RILASCIO] = { "data_rilascio", "Data di rilascio", FIELD_DATE,
		    0, 0, 0, NULL, 0, "gg/mm/aaaa" },
		[F_SCADENZA] = { "data_scadenza", "Data di scadenza", FIELD_DATE,
		    FIELD_FUTURE, 0, 0, NULL, 0, "gg/mm/aaaa" },
		[F_VERIFICATO] = { "verificato", "Ho verificato l'originale oggi",
		    FIELD_CHECKBOX, 0, 0, 0, NULL, 0, NULL },
	};

	memcpy(fields, base, sizeof base);

	form_init(f, fields, COUNT(base));
}

static int
doc_page(struct request *r, struct form *f, const char *file_error)
{
	int rc = fascicolo_header(r, r->id[0], 1);

	if (rc != 0)
		return rc;
	form_page(r, f);
	if (file_error)
		page_set(r, "Upload.error", file_error);
	page_set_int(r, "Upload.limit_mb", (long long)(cfg.upload_limit >> 20));
	return page_render(r, "documento.cs", "Nuovo documento");
}

int
documento_nuovo_get(struct request *r)
{
	struct field fields[5];
	struct form f;
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	doc_form(&f, fields);
	return doc_page(r, &f, NULL);
}

/* The type of a scan, from its first bytes; NULL if not one we take. */
static const char *
file_type(const char *p, size_t n)
{
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (n >= 3 && memcmp(p, "\xFF\xD8\xFF", 3) == 0)
		return "image/jpeg";
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	return NULL;
}

static const char *
file_ext(const char *type)
{
	return strcmp(type, "application/pdf") == 0 ? "pdf" :
	    strcmp(type, "image/png") == 0 ? "png" : "jpg";
}

/* Stored files are named by document id only: no personal data on disk names. */
static void
file_path(char *out, size_t n, long long doc_id)
{
	snprintf(out, n, "%s/documento-%lld", cfg.files, doc_id);
}

/* Writes the scan to a temporary file in the files directory. */
static int
file_write_temp(const struct param *p, char *tmp, size_t n)
{
	int fd;
	ssize_t w;
	size_t done = 0;

	snprintf(tmp, n, "%s/.caricamento-XXXXXX", cfg.files);
	mkdir(cfg.files, 0700);
	if ((fd = mkstemp(tmp)) < 0) {
		log_error("cannot create upload file (errno %d)", errno);
		return -1;
	}
	while (done < p->len) {
		w = write(fd, p->value + done, p->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (done != p->len || fsync(fd) != 0) {
		close(fd);
		unlink(tmp);
		log_error("cannot write upload file (errno %d)", errno);
		return -1;
	}
	close(fd);
	return 0;
}

static const char SQL_DOC_INSERT[] =
    "INSERT INTO documenti (minore_id, tipo, numero, data_rilascio,"
    " data_scadenza, verificato_da, verificato_il, file_tipo, file_nome,"
    " file_dimensione, file_hash) VALUES (?1, ?2, coalesce(?3, ''), ?4, ?5,"
    " ?6, ?7, ?8, ?9, ?10, ?11)";

int
documento_nuovo_post(struct request *r)
{
	const struct param *file = params_find(&r->form, "file");
	const char *type = NULL, *file_error = NULL;
	char tmp[4096], path[4096], today[11], hash_hex[65];
	struct field fields[5];
	struct form f;
	sqlite3_stmt *st;
	long long id, audit_id;
	int rc, ok, has_file;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	doc_form(&f, fields);
	form_read(r, &f);
	if (form_value(&f, "data_rilascio") && form_value(&f, "data_scadenza") &&
	    strcmp(form_value(&f, "data_scadenza"),
	    form_value(&f, "data_rilascio")) < 0)
		form_fail(&f, "data_scadenza", "La scadenza non può precedere "
		    "il rilascio.");
	has_file = file && file->filename && (*file->filename || file->len);
	if (has_file) {
		if (file->len == 0)
			file_error = "Il file è vuoto.";
		else if (file->len > cfg.upload_limit)
			file_error = pool_printf(&r->pool, "Il file supera il "
			    "limite di %zu MB.", cfg.upload_limit >> 20);
		else if ((type = file_type(file->value, file->len)) == NULL)
			file_error = "Il file deve essere un PDF, un JPEG o un "
			    "PNG (controllato dal contenuto, non dal nome).";
	}
	if (f.nerrors > 0 || file_error)
		return doc_page(r, &f, file_error);

	if (has_file) {
		unsigned char hash[32];

		crypto_hash_sha256(hash, (const unsigned char *)file->value,
		    file->len);
		hex_encode(hash_hex, hash, sizeof hash);
		if (file_write_temp(file, tmp, sizeof tmp) != 0)
			return 500;
	}
	date_today(today);
	if (db_begin_write() != 0)
		goto fail_file;
	st = db_prepare(SQL_DOC_INSERT);
	db_bind_int(st, 1, r->id[0]);
	db_bind_text(st, 2, form_value(&f, "tipo"));
	db_bind_text(st, 3, form_value(&f, "numero"));
	db_bind_text(st, 4, form_value(&f, "data_rilascio"));
	db_bind_text(st, 5, form_value(&f, "data_scadenza"));
	if (form_value(&f, "verificato")) {
		db_bind_int(st, 6, r->user.id);
		db_bind_text(st, 7, today);
	}
	if (has_file) {
		db_bind_text(st, 8, type);
		db_bind_text(st, 9, file->filename);
		db_bind_int(st, 10, (long long)file->len);
		db_bind_text(st, 11, hash_hex);
	}
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	if (!ok)
		goto fail;
	id = db_last_id();
	{
		const struct change c[] = {
			{ "tipo", NULL, form_value(&f, "tipo") },
			{ "numero", NULL, form_value(&f, "numero") },
			{ "data_rilascio", NULL, form_value(&f, "data_rilascio") },
			{ "data_scadenza", NULL, form_value(&f, "data_scadenza") },
			{ "verificato", NULL, form_value(&f, "verificato") },
			{ "file", NULL, has_file ? hash_hex : NULL },
		};

		audit_id = audit_log(r, "create", "documento", id,
		    pool_printf(&r->pool, "minore %lld", r->id[0]));
		if (audit_id < 0 || audit_changes(audit_id, c, COUNT(c)) != 0)
			goto fail;
	}
	if (has_file) {
		file_path(path, sizeof path, id);
		if (rename(tmp, path) != 0) {
			log_error("cannot store upload (errno %d)", errno);
			goto fail;
		}
	}
	if (session_set_avviso(r, "Documento aggiunto.") != 0 ||
	    db_commit() != 0) {
		if (has_file)
			unlink(path);
		has_file = 0;
		goto fail;
	}
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld",
	    r->id[0]));
fail:
	db_rollback();
fail_file:
	if (has_file)
		unlink(tmp);
	return 500;
}

static const char SQL_DOC_VERIFY[] =
    "UPDATE documenti SET verificato_da = ?3, verificato_il = ?4"
    " WHERE id = ?2 AND minore_id = ?1";

/* POST /minori/#/documenti/#/verifica: "I checked the original today". */
int
documento_verifica_post(struct request *r)
{
	sqlite3_stmt *st;
	char today[11];
	int rc, ok;

	if ((rc = minore_access(r, r->id[0], ACCESS_WRITE)) != 0)
		return rc;
	date_today(today);
	if (db_begin_write() != 0)
		return 500;
	st = db_prepare(SQL_DOC_VERIFY);
	db_bind_int(st, 1, r->id[0]);
	db_bind_int(st, 2, r->id[1]);
	db_bind_int(st, 3, r->user.id);
	db_bind_text(st, 4, today);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	if (!ok) {
		db_rollback();
		return 500;
	}
	if (db_changes() == 0) {
		db_rollback();
		return 404;
	}
	{
		const struct change c[] = { { "verificato_il", NULL, today } };

		return fascicolo_saved(r, "documento", r->id[1], c, 1,
		    "Verifica registrata.");
	}
}

static const char SQL_DOC_FILE[] =
    "SELECT file_tipo, file_dimensione FROM documenti"
    " WHERE id = ?2 AND minore_id = ?1 AND file_tipo IS NOT NULL";

/* GET /minori/#/documenti/#/file: the scan, to the case's readers only. */
int
documento_file(struct request *r)
{
	char path[4096], name[64], chunk[65536];
	sqlite3_stmt *st;
	const char *type = NULL;
	FILE *fp;
	size_t n;
	int rc;

	if ((rc = minore_access(r, r->id[0], ACCESS_READ)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "documento", r->id[1], "file");
		return 403;
	}
	st = db_prepare(SQL_DOC_FILE);
	db_bind_int(st, 1, r->id[0]);
	db_bind_int(st, 2, r->id[1]);
	if (db_step(st) == SQLITE_ROW)
		type = pool_strdup(&r->pool, db_text(st, 0));
	db_done(st);
	if (type == NULL)
		return 404;
	if (audit_now(r, "view", "documento", r->id[1], "file") != 0)
		return 500;
	file_path(path, sizeof path, r->id[1]);
	if ((fp = fopen(path, "rb")) == NULL) {
		log_error("stored file of document %lld missing", r->id[1]);
		return 500;
	}
	buf_reset(&r->body);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&r->body, chunk, n);
	fclose(fp);
	r->status = 200;
	response_header(r, "Content-Type", type);
	snprintf(name, sizeof name, "attachment; filename=\"documento-%lld.%s\"",
	    r->id[1], file_ext(type));
	response_header(r, "Content-Disposition", name);
	return 0;
}
