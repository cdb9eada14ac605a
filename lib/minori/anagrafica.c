/*
** The fields of a case, in one table of three parts (intake asks all of
** them), and the two sections of the case page that edit parts of the
** table minori: anagrafica (identity) and rintraccio (finding, report
** and the art. 403 order), each checked by the same rules as intake.
*/
#include <string.h>

#include "interno.h"
#include "strutture.h"
#include "utenti.h"

/* Identity: the sections anagrafica ... */
static const struct field anagrafica[] = {
	{ .name = "cognome", .label = "Cognome (come dichiarato)",
	  .type = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 80 },
	{ .name = "nome", .label = "Nome (come dichiarato)", .type = FIELD_TEXT,
	  .flags = FIELD_REQUIRED, .min = 1, .max = 80 },
	{ .name = "alias", .label = "Altre grafie e alias",
	  .type = FIELD_TEXTAREA, .max = 1000,
	  .hint = "Traslitterazioni e nomi usati altrove, uno per riga." },
	{ .name = "sesso", .label = "Sesso", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED },
	{ .name = "data_nascita", .label = "Data di nascita dichiarata",
	  .type = FIELD_DATE, .flags = FIELD_REQUIRED, .hint = "gg/mm/aaaa" },
	{ .name = "luogo_nascita", .label = "Luogo di nascita",
	  .type = FIELD_TEXT, .max = 100 },
	{ .name = "paese_nascita", .label = "Paese di nascita",
	  .type = FIELD_CHOICE },
	{ .name = "cittadinanza", .label = "Cittadinanza", .type = FIELD_CHOICE,
	  .flags = FIELD_REQUIRED },
	{ .name = "lingue", .label = "Lingue parlate", .type = FIELD_TEXT,
	  .max = 200, .hint = "Es. arabo, francese" },
	{ .name = "mediatore", .label = "Serve un mediatore culturale",
	  .type = FIELD_CHECKBOX },
	{ .name = "cui", .label = "Codice CUI", .type = FIELD_TEXT, .max = 20,
	  .hint = "Dal fotosegnalamento" },
	{ .name = "codice_fiscale", .label = "Codice fiscale", .type = FIELD_TEXT,
	  .max = 16, .hint = "16 caratteri, o 11 cifre se provvisorio" },
	/* Asked only for a declared age outside 6-17 (minore_check). */
	{ .name = "conferma_eta",
	  .label = "Confermo l'età dichiarata fuori dalla fascia 6-17 anni",
	  .type = FIELD_CHECKBOX, .flags = FIELD_NOAUDIT | FIELD_ON_DEMAND },
	{ .name = "eta_motivo", .label = "Motivo della conferma",
	  .type = FIELD_TEXTAREA, .flags = FIELD_ON_DEMAND, .max = 500,
	  .hint = "Es. documento che attesta la data di nascita" },
};

/* ... rintraccio and the art. 403 order ... */
static const struct field rintraccio[] = {
	{ .name = "data_rintraccio",
	  .label = "Data del rintraccio o della segnalazione",
	  .type = FIELD_DATE, .flags = FIELD_REQUIRED, .hint = "gg/mm/aaaa" },
	{ .name = "luogo_rintraccio", .label = "Luogo", .type = FIELD_TEXT,
	  .max = 120 },
	{ .name = "modalita_rintraccio", .label = "Modalità",
	  .type = FIELD_CHOICE, .flags = FIELD_REQUIRED },
	{ .name = "ente_segnalante", .label = "Ente segnalante",
	  .type = FIELD_TEXT, .max = 120,
	  .hint = "Es. Polizia di Stato, Questura" },
	{ .name = "data_403", .label = "Provvedimento art. 403 c.c.",
	  .type = FIELD_DATE, .hint = "gg/mm/aaaa" },
	{ .name = "data_403_comunicazione",
	  .label = "Comunicazione alla Procura minorile", .type = FIELD_DATE,
	  .hint = "gg/mm/aaaa" },
	{ .name = "data_403_richiesta_convalida",
	  .label = "Richiesta di convalida", .type = FIELD_DATE,
	  .hint = "gg/mm/aaaa" },
	{ .name = "data_403_decreto", .label = "Decreto di convalida",
	  .type = FIELD_DATE, .hint = "gg/mm/aaaa" },
	{ .name = "data_403_udienza", .label = "Udienza", .type = FIELD_DATE,
	  .flags = FIELD_FUTURE, .hint = "gg/mm/aaaa" },
};

/* ... and what only intake asks. */
static const struct field presa[] = {
	{ .name = "data_presa_in_carico", .label = "Data della presa in carico",
	  .type = FIELD_DATE, .flags = FIELD_REQUIRED, .hint = "gg/mm/aaaa" },
	{ .name = "struttura_id", .label = "Struttura di collocamento",
	  .type = FIELD_CHOICE, .flags = FIELD_REQUIRED },
	{ .name = "operatore_id", .label = "Operatore di riferimento",
	  .type = FIELD_CHOICE, .flags = FIELD_REQUIRED },
	{ .name = "conferma_nuovo",
	  .label = "Ho controllato i fascicoli simili: è una persona diversa",
	  .type = FIELD_CHECKBOX, .flags = FIELD_NOAUDIT },
};

/* The fields of the parts asked for, in this order; their number. */
size_t
minore_fields(unsigned parts, struct field *out)
{
	size_t n = 0;

	if (parts & MINORE_ANAGRAFICA) {
		memcpy(out + n, anagrafica, sizeof anagrafica);
		n += COUNT(anagrafica);
	}
	if (parts & MINORE_RINTRACCIO) {
		memcpy(out + n, rintraccio, sizeof rintraccio);
		n += COUNT(rintraccio);
	}
	if (parts & MINORE_PRESA) {
		memcpy(out + n, presa, sizeof presa);
		n += COUNT(presa);
	}
	minore_fields_load(out, n);
	return n;
}

/* The fields' choices: lists of the module, facilities, case workers. */
void
minore_fields_load(struct field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = f[i].name;

		if (strcmp(name, "sesso") == 0) {
			f[i].choices = minore_sessi;
			f[i].nchoices = minore_nsessi;
		} else if (strcmp(name, "modalita_rintraccio") == 0) {
			f[i].choices = minore_modalita;
			f[i].nchoices = minore_nmodalita;
		} else if (strcmp(name, "paese_nascita") == 0 ||
		    strcmp(name, "cittadinanza") == 0) {
			f[i].choices = minore_paesi;
			f[i].nchoices = minore_npaesi;
		} else if (strcmp(name, "struttura_id") == 0)
			f[i].choices = strutture_choices(&f[i].nchoices);
		else if (strcmp(name, "operatore_id") == 0)
			f[i].choices = utenti_operatori(&f[i].nchoices);
	}
}


static const char SQL_ANAGRAFICA_GET[] =
    "SELECT cognome, nome, alias, sesso, data_nascita, luogo_nascita,"
    " paese_nascita, cittadinanza, lingue, nullif(mediatore, 0) AS mediatore,"
    " cui, codice_fiscale, eta_motivo, data_rintraccio, data_presa_in_carico"
    " FROM minori WHERE id = :id";
static const char SQL_ANAGRAFICA_SET[] =
    "UPDATE minori SET cognome = :cognome, nome = :nome,"
    " alias = coalesce(:alias, ''), sesso = :sesso,"
    " data_nascita = :data_nascita,"
    " luogo_nascita = coalesce(:luogo_nascita, ''),"
    " paese_nascita = coalesce(:paese_nascita, ''),"
    " cittadinanza = :cittadinanza, lingue = coalesce(:lingue, ''),"
    " mediatore = :mediatore IS NOT NULL, cui = :cui,"
    " codice_fiscale = :codice_fiscale, eta_motivo = :eta_motivo"
    " WHERE id = :id";
static const char SQL_CODE_ELSEWHERE[] =
    "SELECT numero FROM minori WHERE id <> :id"
    " AND (cui = :cui OR codice_fiscale = :codice_fiscale)";

/* The case's rules, and a CUI or codice fiscale that is another case's. */
static void
anagrafica_check(struct edit *e)
{
	struct stmt *st;

	minore_check(e);
	if (e->form.nerrors > 0)
		return;
	st = db_prepare(SQL_CODE_ELSEWHERE);
	form_bind(&e->form, st);
	db_bind_int(st, "id", e->id);
	if (db_step(st) == SQLITE_ROW)
		form_fail(&e->form, form_value(&e->form, "cui") ? "cui" :
		    "codice_fiscale", "Il CUI o il codice fiscale è già "
		    "registrato in un altro fascicolo.");
	db_done(st);
}

/* The names changed: so do their keys. */
static int
anagrafica_save(struct edit *e)
{
	return nome_index(e->id, form_value(&e->form, "cognome"),
	    form_value(&e->form, "nome"), form_value(&e->form, "alias"));
}

const struct record anagrafica_sezione = {
	FASCICOLO_FORM,
	.name = "anagrafica",
	.title = "Dati anagrafici",
	.fields = anagrafica, .nfields = COUNT(anagrafica),
	.fields_load = minore_fields_load,
	.sql_get = SQL_ANAGRAFICA_GET,
	.sql_set = SQL_ANAGRAFICA_SET,
	.check = anagrafica_check,
	.save = anagrafica_save,
	.saved = "Modifiche salvate.",
};

static const char SQL_RINTRACCIO_GET[] =
    "SELECT data_rintraccio, luogo_rintraccio, modalita_rintraccio,"
    " ente_segnalante, data_403, data_403_comunicazione,"
    " data_403_richiesta_convalida, data_403_decreto, data_403_udienza,"
    " data_nascita, data_presa_in_carico FROM minori WHERE id = :id";
static const char SQL_RINTRACCIO_SET[] =
    "UPDATE minori SET data_rintraccio = :data_rintraccio,"
    " luogo_rintraccio = coalesce(:luogo_rintraccio, ''),"
    " modalita_rintraccio = :modalita_rintraccio,"
    " ente_segnalante = coalesce(:ente_segnalante, ''),"
    " data_403 = :data_403, data_403_comunicazione = :data_403_comunicazione,"
    " data_403_richiesta_convalida = :data_403_richiesta_convalida,"
    " data_403_decreto = :data_403_decreto,"
    " data_403_udienza = :data_403_udienza WHERE id = :id";

const struct record rintraccio_sezione = {
	FASCICOLO_FORM,
	.name = "rintraccio",
	.title = "Rintraccio e provvedimento art. 403",
	.fields = rintraccio, .nfields = COUNT(rintraccio),
	.fields_load = minore_fields_load,
	.sql_get = SQL_RINTRACCIO_GET,
	.sql_set = SQL_RINTRACCIO_SET,
	.check = minore_check,
	.saved = "Modifiche salvate.",
};

