/*
** What is signed: when a version is approved the server makes its PDF
** (pdf.c) and keeps it with its SHA-256, so that the paper the minor, the
** guardian, the case worker and the facility sign can be proved against
** it later; the scanned signed copies are uploaded and kept with it. The
** only writer of pei_stampe and pei_firmate (sql/010_pei_stampe.sql);
** the files are stored by id (lib/core/file.c), sent only after the
** case's checks, and the PDF is checked against its hash each time.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "file.h"
#include "interno.h"
#include "page.h"
#include "session.h"

static const char SQL_STAMPA_ADD[] =
    "INSERT INTO pei_stampe (pei_id, sha256, dimensione)"
    " VALUES (:pei, :sha256, :dimensione)";
static const char SQL_STAMPA[] =
    "SELECT s.sha256, s.dimensione, p.versione, m.numero"
    " FROM pei_stampe s JOIN pei p ON p.id = s.pei_id"
    " JOIN minori m ON m.id = p.minore_id WHERE s.pei_id = :pei";
static const char SQL_FIRMATA_ADD[] =
    "INSERT INTO pei_firmate (pei_id, tipo, dimensione, sha256, caricata_da)"
    " VALUES (:pei, :tipo, :dimensione, :sha256, :utente)";
static const char SQL_FIRMATA[] =
    "SELECT f.tipo FROM pei_firmate f JOIN pei p ON p.id = f.pei_id"
    " WHERE f.id = :id AND p.minore_id = :minore";
static const char SQL_FIRMATE[] =
    "SELECT f.id, f.sha256, (f.dimensione + 1023) / 1024 AS kb,"
    " strftime('%d/%m/%Y %H:%M', f.caricata_il, 'localtime') AS quando,"
    " coalesce(u.nome, '') AS utente"
    " FROM pei_firmate f LEFT JOIN utenti u ON u.id = f.caricata_da"
    " WHERE f.pei_id = :pei ORDER BY f.id";
static const char SQL_DI[] =
    "SELECT minore_id FROM pei WHERE id = :id";

static char *
pdf_path(struct pool *p, long long pei_id)
{
	return file_path(p, "pei", pei_id);
}

/*
** Makes and keeps the PDF of version `pei_id`, just approved, in the
** caller's transaction; *path is the file written (for the caller to
** remove if the transaction then fails). 0, or -1.
*/
int
firma_pdf_crea(struct pool *p, long long pei_id, char **path)
{
	struct buf pdf = { 0 };
	char sha[65];
	int rc = -1;

	*path = NULL;
	if (pei_pdf(p, pei_id, &pdf) == 0 && pdf.n > 0) {
		file_sha256(pdf.p, pdf.n, sha);
		*path = pdf_path(p, pei_id);
		if (file_store(pdf.p, pdf.n, *path) != 0)
			*path = NULL;
		else
			rc = db_write(SQL_STAMPA_ADD, ARGS(ARG_INT("pei", pei_id),
			    ARG_TEXT("sha256", sha),
			    ARG_INT("dimensione", (long long)pdf.n)));
	}
	buf_free(&pdf);
	return rc;
}

/* Case r->id[0] for the office (a facility signs paper, it does not
** fetch it): 0 or a status. */
static int
allowed(struct request *r, int write, const char *what)
{
	int rc;

	if ((rc = minore_access(r, r->id[0], write)) != 0)
		return rc;
	if (minore_limited(r)) {
		audit_now(r, "permission_denied", "pei", r->id[1], what);
		return 403;
	}
	return 0;
}

/* ... and version r->id[1] one of its PEI's. */
static int
version_allowed(struct request *r, int write, const char *what)
{
	int rc = allowed(r, write, what);

	if (rc == 0 && db_value(SQL_DI, ARGS(ARG_INT("id", r->id[1])), 0) !=
	    r->id[0])
		return 404;
	return rc;
}

/* GET /minori/N/pei/versioni/M/pdf: the PDF that was signed, as made. */
int
pei_pdf_get(struct request *r)
{
	struct row s;
	size_t len;
	char *body, sha[65];
	int rc;

	if ((rc = version_allowed(r, 0, "pdf")) != 0)
		return rc;
	if (db_row(&r->pool, SQL_STAMPA, ARGS(ARG_INT("pei", r->id[1])), &s)
	    != 1)
		return 404;
	if (audit_view(r, "pei", r->id[1], "pdf") != 0)
		return 500;
	if ((body = file_read(pdf_path(&r->pool, r->id[1]), &len)) == NULL) {
		log_error("the PDF of PEI version %lld is missing", r->id[1]);
		return 500;
	}
	file_sha256(body, len, sha);
	if (strcmp(sha, row_get(&s, "sha256")) != 0) {
		/* Not what was approved: never sent as if it were. */
		log_error("the PDF of PEI version %lld does not match its "
		    "SHA-256", r->id[1]);
		free(body);
		return 500;
	}
	buf_reset(&r->body);
	buf_add(&r->body, body, len);
	free(body);
	r->status = 200;
	response_header(r, "Content-Type", "application/pdf");
	response_header(r, "Content-Disposition", pool_printf(&r->pool,
	    "attachment; filename=\"PEI-%s-v%s.pdf\"", row_get(&s, "numero"),
	    row_get(&s, "versione")));
	return 0;
}

/* The PEI page's part: the PDF's hash and the signed copies. */
void
firma_page(struct request *r, long long pei_id)
{
	struct row s;

	if (db_row(&r->pool, SQL_STAMPA, ARGS(ARG_INT("pei", pei_id)), &s)
	    != 1)
		return;
	page_set(r, "Pei.pdf.sha256", row_get(&s, "sha256"));
	page_set_int(r, "Pei.pdf.kb", (strtoll(row_get(&s, "dimensione"), NULL,
	    10) + 1023) / 1024);
	page_rows(r, "Pei.firmate", db_query(SQL_FIRMATE, ARGS(ARG_INT("pei",
	    pei_id))), 0, NULL, NULL);
}

/* POST /minori/N/pei/versioni/M/firmata: a scan of the signed paper. */
int
pei_firmata_post(struct request *r)
{
	const struct param *file = params_find(&r->form, "file");
	const char *why, *type;
	char sha[65], *path;
	long long id;
	int rc;

	if ((rc = version_allowed(r, 1, "firmata")) != 0)
		return rc;
	if (file == NULL || file->filename == NULL)
		why = "Scegli il file della copia firmata.";
	else
		why = file_check(&r->pool, file->value, file->len);
	if (why == NULL && db_value("SELECT 1 FROM pei_stampe WHERE pei_id ="
	    " :pei", ARGS(ARG_INT("pei", r->id[1])), 0) != 1)
		why = "Si carica la copia firmata di una versione approvata.";
	if (why) {
		page_set(r, "Upload.error", why);
		return pei_mostra(r, r->id[0], r->id[1]);
	}
	type = file_type(file->value, file->len);
	file_sha256(file->value, file->len, sha);
	if (db_begin_write() != 0)
		return 500;
	id = db_insert(SQL_FIRMATA_ADD, ARGS(ARG_INT("pei", r->id[1]),
	    ARG_TEXT("tipo", type), ARG_INT("dimensione",
	    (long long)file->len), ARG_TEXT("sha256", sha),
	    ARG_INT("utente", r->user.id)));
	if (id <= 0)
		return 500;
	path = file_path(&r->pool, "pei-firmata", id);
	audit_record(r, "create", "pei_firmata", id, pool_printf(&r->pool,
	    "pei %lld", r->id[1]), &(const struct change){ "sha256", NULL,
	    sha }, 1);
	session_set_avviso(r, "Copia firmata caricata.");
	if (file_store(file->value, file->len, path) != 0 ||
	    db_commit() != 0) {
		db_rollback();
		unlink(path);
		return 500;
	}
	return response_redirect(r, pool_printf(&r->pool,
	    "/minori/%lld/pei/versioni/%lld#firmate", r->id[0], r->id[1]));
}

/* GET /minori/N/pei/firmate/K: a signed copy. */
int
pei_firmata_get(struct request *r)
{
	const char *type;
	long long k = r->id[1];
	int rc;

	if ((rc = allowed(r, 0, "firmata")) != 0)
		return rc;
	type = db_string(&r->pool, SQL_FIRMATA, ARGS(ARG_INT("id", k),
	    ARG_INT("minore", r->id[0])));
	if (type == NULL)
		return 404;
	if (audit_view(r, "pei_firmata", k, NULL) != 0)
		return 500;
	return file_send(r, file_path(&r->pool, "pei-firmata", k), type,
	    pool_printf(&r->pool, "PEI-firmato-%lld.%s", k, file_ext(type)));
}
