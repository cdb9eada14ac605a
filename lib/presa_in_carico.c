/*
** Presa in carico: the intake form of a new minor. Before saving, the
** duplicate check looks for the same CUI or codice fiscale, or a similar
** name with the same birth year and citizenship; the user opens the
** existing case or confirms that this is a new person.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "minore.h"
#include "minori.h"
#include "nome.h"
#include "page.h"
#include "session.h"

static void
intake_form(struct form *f, struct field *fields)
{
	minore_fields_load(fields);
	form_init(f, fields, MF__MAX);
}

static int
intake_page(struct request *r, struct form *f)
{
	char today[11];

	date_today(today);
	form_page(r, f);
	page_set(r, "Intake.today", today);
	return page_render(r, "presa_in_carico.cs", "Presa in carico");
}

int
presa_in_carico_get(struct request *r)
{
	struct field fields[MF__MAX];
	struct form f;
	char today[11];

	intake_form(&f, fields);
	date_today(today);
	form_set(r, &f, "data_presa_in_carico", today);
	if (r->user.role == ROLE_OPERATORE)
		form_set(r, &f, "operatore_id",
		    pool_printf(&r->pool, "%lld", r->user.id));
	return intake_page(r, &f);
}

static const char SQL_DUP_CODES[] =
    "SELECT id, numero, cognome, nome, data_nascita, cittadinanza, stato,"
    " cui = ?1, codice_fiscale = ?2"
    " FROM minori WHERE cui = ?1 OR codice_fiscale = ?2";
static const char SQL_DUP_NAMES[] =
    "SELECT m.id, m.numero, m.cognome, m.nome, m.data_nascita,"
    " m.cittadinanza, m.stato FROM minori_nomi f JOIN minori m ON m.id = f.rowid"
    " WHERE minori_nomi MATCH ?1 AND substr(m.data_nascita, 1, 4) = ?2"
    " AND m.cittadinanza = ?3 ORDER BY m.id LIMIT 20";

static void
candidate(struct request *r, int i, sqlite3_stmt *st)
{
	char it[11];

	page_set_item_int(r, "Duplicates", i, "id", db_int(st, 0));
	page_set_item(r, "Duplicates", i, "numero", db_text(st, 1));
	page_set_item(r, "Duplicates", i, "cognome", db_text(st, 2));
	page_set_item(r, "Duplicates", i, "nome", db_text(st, 3));
	date_it(db_text(st, 4), it);
	page_set_item(r, "Duplicates", i, "data_nascita", it);
	page_set_item(r, "Duplicates", i, "cittadinanza", db_text(st, 5));
	page_set_item(r, "Duplicates", i, "stato", choice_label(minore_stati,
	    minore_nstati, db_text(st, 6)));
}

/*
** Fills Duplicates.* with the candidate cases. Returns the number of
** cases with a similar name; a same CUI or codice fiscale is an error on
** that field (it identifies one person: open the existing case).
*/
static int
duplicates(struct request *r, struct form *f)
{
	const char *cui = form_value(f, "cui"), *cf = form_value(f, "codice_fiscale");
	const char *nascita = form_value(f, "data_nascita");
	struct buf q = { 0 };
	sqlite3_stmt *st;
	int i = 0, similar = 0;

	if (cui || cf) {
		st = db_prepare(SQL_DUP_CODES);
		db_bind_text(st, 1, cui);
		db_bind_text(st, 2, cf);
		while (db_step(st) == SQLITE_ROW) {
			const char *numero = db_text(st, 1);

			candidate(r, i++, st);
			if (db_int(st, 7))
				form_fail(f, "cui", pool_printf(&r->pool,
				    "Questo CUI è già nel fascicolo %s: aprilo "
				    "invece di crearne uno nuovo.", numero));
			if (db_int(st, 8))
				form_fail(f, "codice_fiscale", pool_printf(&r->pool,
				    "Questo codice fiscale è già nel fascicolo %s: "
				    "aprilo invece di crearne uno nuovo.", numero));
		}
		db_done(st);
	}
	if (nascita && form_value(f, "cittadinanza")) {
		struct buf name = { 0 };

		buf_printf(&name, "%s %s", form_value(f, "cognome"),
		    form_value(f, "nome"));
		nome_query(name.p, 0, &q);
		buf_free(&name);
	}
	if (q.n > 0) {
		char year[5];

		snprintf(year, sizeof year, "%.4s", nascita);
		st = db_prepare(SQL_DUP_NAMES);
		db_bind_text(st, 1, q.p);
		db_bind_text(st, 2, year);
		db_bind_text(st, 3, form_value(f, "cittadinanza"));
		while (db_step(st) == SQLITE_ROW && i < 40) {
			candidate(r, i++, st);
			similar++;
		}
		db_done(st);
	}
	buf_free(&q);
	return similar;
}

static const char SQL_MINORE_INSERT[] =
    "INSERT INTO minori (numero, cognome, nome, alias, sesso, data_nascita,"
    " luogo_nascita, paese_nascita, cittadinanza, lingue, mediatore, cui,"
    " codice_fiscale, data_rintraccio, luogo_rintraccio, modalita_rintraccio,"
    " ente_segnalante, data_403, data_403_comunicazione,"
    " data_403_richiesta_convalida, data_403_decreto, data_403_udienza,"
    " data_presa_in_carico, struttura_id, operatore_id, eta_motivo,"
    " stato, data_stato, creato_da)"
    " VALUES (?1, ?2, ?3, coalesce(?4, ''), ?5, ?6, coalesce(?7, ''),"
    " coalesce(?8, ''), ?9, coalesce(?10, ''), ?11, ?12, ?13, ?14,"
    " coalesce(?15, ''), ?16, coalesce(?17, ''), ?18, ?19, ?20, ?21, ?22,"
    " ?23, ?24, ?25, ?26, 'in_carico', ?23, ?27)";
static const char SQL_COLLOCAMENTO_INSERT[] =
    "INSERT INTO collocamenti (minore_id, struttura_id, dal) VALUES (?, ?, ?)";
static const char SQL_STATO_INSERT[] =
    "INSERT INTO stati (minore_id, stato, data, motivo, utente_id)"
    " VALUES (?, ?, ?, ?, ?)";

/* Writes the new case, its first placement and status, keys and audit. */
static long long
intake_save(struct request *r, struct form *f)
{
	char numero[32];
	sqlite3_stmt *st;
	long long id, audit_id;
	int ok;

	if (db_begin_write() != 0)
		return -1;
	/* Numbered by the year the office took charge. */
	if (minore_numero(atoi(f->value[MF_DATA_PRESA_IN_CARICO]), numero) != 0)
		goto fail;
	st = db_prepare(SQL_MINORE_INSERT);
	db_bind_text(st, 1, numero);
	for (int i = MF_COGNOME; i <= MF_OPERATORE; i++)
		db_bind_text(st, i + 2, f->value[i]);
	db_bind_int(st, 11, f->value[MF_MEDIATORE] != NULL);
	db_bind_text(st, 26, f->value[MF_CONFERMA_ETA] ?
	    f->value[MF_ETA_MOTIVO] : NULL);
	db_bind_int(st, 27, r->user.id);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	if (!ok)
		goto fail;
	id = db_last_id();

	st = db_prepare(SQL_COLLOCAMENTO_INSERT);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, f->value[MF_STRUTTURA]);
	db_bind_text(st, 3, f->value[MF_DATA_PRESA_IN_CARICO]);
	ok = db_step(st) == SQLITE_DONE;
	db_done(st);
	st = db_prepare(SQL_STATO_INSERT);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, "in_carico");
	db_bind_text(st, 3, f->value[MF_DATA_PRESA_IN_CARICO]);
	db_bind_text(st, 4, "presa in carico");
	db_bind_int(st, 5, r->user.id);
	ok = ok && db_step(st) == SQLITE_DONE;
	db_done(st);
	if (!ok || minore_index_names(id, f->value[MF_COGNOME],
	    f->value[MF_NOME], f->value[MF_ALIAS]) != 0)
		goto fail;

	audit_id = audit_log(r, "create", "minore", id, numero);
	if (audit_id < 0)
		goto fail;
	{
		struct change c[MF_ETA_MOTIVO + 1];
		size_t n = 0;

		for (int i = MF_COGNOME; i <= MF_ETA_MOTIVO; i++) {
			if (i == MF_CONFERMA_ETA)
				continue;
			c[n].field = minore_fields[i].name;
			c[n].before = NULL;
			c[n].after = f->value[i];
			n++;
		}
		if (audit_changes(audit_id, c, n) != 0)
			goto fail;
	}
	if (session_set_avviso(r, pool_printf(&r->pool, "Presa in carico "
	    "registrata: fascicolo %s.", numero)) != 0 || db_commit() != 0)
		goto fail;
	return id;
fail:
	db_rollback();
	return -1;
}

int
presa_in_carico_post(struct request *r)
{
	struct field fields[MF__MAX];
	struct form f;
	const char *nascita, *presa;
	int similar;
	long long id;

	intake_form(&f, fields);
	form_read(r, &f);
	minore_check_identity(r, &f);
	nascita = form_value(&f, "data_nascita");
	presa = form_value(&f, "data_presa_in_carico");
	minore_check_dates(&f, nascita, presa);
	if (nascita && presa && strcmp(nascita, presa) > 0)
		form_fail(&f, "data_nascita", "La data di nascita non può "
		    "seguire la presa in carico.");
	else if (nascita && presa && minore_age_outside(nascita, presa)) {
		/* Under 6 or over 17 at intake: said twice, with a reason. */
		page_set_int(r, "Intake.age", date_age(nascita, presa));
		if (!form_value(&f, "conferma_eta"))
			form_fail(&f, "conferma_eta", pool_printf(&r->pool,
			    "L'età dichiarata alla presa in carico è di %d anni: "
			    "confermala spuntando la casella e indicando il "
			    "motivo.", date_age(nascita, presa)));
		if (!form_value(&f, "eta_motivo"))
			form_fail(&f, "eta_motivo", "Indica il motivo della "
			    "conferma dell'età.");
		page_set(r, "Intake.age_check", "1");
	}
	if (f.nerrors > 0) {
		duplicates(r, &f);
		return intake_page(r, &f);
	}
	similar = duplicates(r, &f);
	if (f.nerrors > 0)
		return intake_page(r, &f);
	if (similar > 0 && !form_value(&f, "conferma_nuovo")) {
		page_set(r, "Intake.confirm_new", "1");
		return intake_page(r, &f);
	}
	if ((id = intake_save(r, &f)) < 0)
		return 500;
	return response_redirect(r, pool_printf(&r->pool, "/minori/%lld", id));
}
