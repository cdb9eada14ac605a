/*
** Rules about a minor's case shared by every page of the minori area.
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "db.h"
#include "minore.h"
#include "nome.h"

const struct choice minore_sessi[] = {
	{ "M", "Maschio" },
	{ "F", "Femmina" },
};
const size_t minore_nsessi = COUNT(minore_sessi);

const struct choice minore_modalita[] = {
	{ "sbarco", "Sbarco" },
	{ "frontiera_terrestre", "Frontiera terrestre" },
	{ "rintraccio_territorio", "Rintraccio sul territorio" },
	{ "segnalazione", "Segnalazione di ente o privato" },
	{ "altro", "Altro" },
};
const size_t minore_nmodalita = COUNT(minore_modalita);

const struct choice minore_stati[MINORE_STATI] = {
	{ "in_carico", "In carico" },
	{ "in_prosieguo", "In prosieguo amministrativo (18-21)" },
	{ "trasferito", "Trasferito ad altro ente" },
	{ "maggiorenne_chiuso", "Maggiorenne, chiuso" },
	{ "allontanato", "Allontanato / irreperibile" },
	{ "rimpatriato", "Rimpatriato" },
	{ "ricongiunto", "Ricongiunto alla famiglia" },
	{ "in_affido", "In affido familiare" },
	{ "chiuso", "Chiuso" },
};
const size_t minore_nstati = COUNT(minore_stati);

/* The main countries of origin first (Ministry data), then the others. */
const struct choice minore_paesi[] = {
	{ "Egitto", "Egitto" }, { "Bangladesh", "Bangladesh" },
	{ "Tunisia", "Tunisia" }, { "Pakistan", "Pakistan" },
	{ "Gambia", "Gambia" }, { "Guinea", "Guinea" },
	{ "Costa d'Avorio", "Costa d'Avorio" }, { "Albania", "Albania" },
	{ "Afghanistan", "Afghanistan" }, { "Eritrea", "Eritrea" },
	{ "Mali", "Mali" }, { "Senegal", "Senegal" },
	{ "Nigeria", "Nigeria" }, { "Somalia", "Somalia" },
	{ "Sudan", "Sudan" }, { "Marocco", "Marocco" },
	{ "Algeria", "Algeria" }, { "Libia", "Libia" },
	{ "Siria", "Siria" }, { "Iraq", "Iraq" }, { "Iran", "Iran" },
	{ "Kosovo", "Kosovo" }, { "Ucraina", "Ucraina" },
	{ "Burkina Faso", "Burkina Faso" }, { "Camerun", "Camerun" },
	{ "Ciad", "Ciad" }, { "Etiopia", "Etiopia" }, { "Ghana", "Ghana" },
	{ "Guinea-Bissau", "Guinea-Bissau" }, { "Niger", "Niger" },
	{ "Sierra Leone", "Sierra Leone" }, { "Togo", "Togo" },
	{ "Benin", "Benin" }, { "Liberia", "Liberia" },
	{ "Sud Sudan", "Sud Sudan" }, { "Yemen", "Yemen" },
	{ "Palestina", "Palestina" }, { "Turchia", "Turchia" },
	{ "India", "India" }, { "Sri Lanka", "Sri Lanka" },
	{ "Nepal", "Nepal" }, { "Cina", "Cina" },
	{ "Filippine", "Filippine" }, { "Georgia", "Georgia" },
	{ "Moldavia", "Moldavia" }, { "Romania", "Romania" },
	{ "Serbia", "Serbia" }, { "Perù", "Perù" },
	{ "Ecuador", "Ecuador" }, { "El Salvador", "El Salvador" },
	{ "Apolide", "Apolide" }, { "Sconosciuta", "Non determinata" },
};
const size_t minore_npaesi = COUNT(minore_paesi);

const struct choice minore_motivi_uscita[] = {
	{ "trasferimento", "Trasferimento ad altra struttura" },
	{ "maggiore_eta", "Maggiore età" },
	{ "allontanamento", "Allontanamento volontario / irreperibile" },
	{ "rimpatrio_assistito", "Rimpatrio volontario assistito" },
	{ "ricongiungimento", "Ricongiungimento familiare" },
	{ "trasferimento_dublino", "Trasferimento Dublino" },
	{ "affido", "Affido familiare" },
	{ "chiusura", "Chiusura del caso" },
	{ "altro", "Altro" },
};
const size_t minore_nmotivi_uscita = COUNT(minore_motivi_uscita);

static const char SQL_ACCESS[] =
    "SELECT operatore_id, struttura_id FROM minori WHERE id = ?";

/*
** May the user read (or change) case `id`? The responsabile: every case.
** An operatore: reads the team's cases, changes those assigned to them.
** A facility: reads only the minors placed in it now, changes nothing.
** Returns 0 if allowed, 404 if there is no such case, 403 (after an
** audit row) if not allowed.
*/
int
minore_access(struct request *r, long long id, enum access want)
{
	sqlite3_stmt *st = db_prepare(SQL_ACCESS);
	long long operatore = 0, struttura = 0;
	int found, ok = 0;

	db_bind_int(st, 1, id);
	found = db_step(st) == SQLITE_ROW;
	if (found) {
		operatore = db_int(st, 0);
		struttura = db_int(st, 1);
	}
	db_done(st);
	if (!found)
		return 404;
	switch (r->user.role) {
	case ROLE_RESPONSABILE:
		ok = 1;
		break;
	case ROLE_OPERATORE:
		ok = want == ACCESS_READ || operatore == r->user.id;
		break;
	case ROLE_STRUTTURA:
		ok = want == ACCESS_READ && struttura != 0 &&
		    struttura == r->user.struttura_id;
		break;
	default:
		ok = 0;
	}
	if (!ok) {
		audit_now(r, "permission_denied", "minore", id,
		    want == ACCESS_READ ? "lettura" : "modifica");
		return 403;
	}
	return 0;
}

/* A facility user sees only the fields its work needs (DOMAIN.md). */
int
minore_limited(const struct request *r)
{
	return r->user.role == ROLE_STRUTTURA;
}

static const char SQL_NUMERO_NEXT[] =
    "INSERT INTO numerazione (anno, ultimo) VALUES (?1, 1)"
    " ON CONFLICT (anno) DO UPDATE SET ultimo = ultimo + 1 RETURNING ultimo";

/*
** The next case number of `year`, MSNA-YYYY-NNNNN, inside the caller's
** write transaction: BEGIN IMMEDIATE serialises writers, and a rolled
** back intake gives its number back, so there are no gaps.
*/
int
minore_numero(int year, char out[32])
{
	sqlite3_stmt *st = db_prepare(SQL_NUMERO_NEXT);
	long long n = 0;

	db_bind_int(st, 1, year);
	if (db_step(st) == SQLITE_ROW)
		n = db_int(st, 0);
	db_done(st);
	if (n <= 0 || n > 99999)
		return -1;
	snprintf(out, 32, "MSNA-%04d-%05lld", year, n);
	return 0;
}

static const char SQL_NOMI_DELETE[] = "DELETE FROM minori_nomi WHERE rowid = ?";
static const char SQL_NOMI_INSERT[] =
    "INSERT INTO minori_nomi (rowid, chiavi) VALUES (?, ?)";

/* (Re)writes the name keys of a case, in the caller's transaction. */
int
minore_index_names(long long id, const char *cognome, const char *nome,
    const char *alias)
{
	struct buf all = { 0 }, keys = { 0 };
	const char *fields[] = { cognome, nome };
	sqlite3_stmt *st;
	int rc;

	buf_add(&all, "", 0);
	for (size_t i = 0; i < COUNT(fields); i++) {
		nome_keys(fields[i] ? fields[i] : "", &keys);
		buf_printf(&all, "%s ", keys.p);
	}
	for (const char *p = alias ? alias : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[512];

		snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), p);
		nome_keys(line, &keys);
		buf_printf(&all, "%s ", keys.p);
		p += n + (end ? 1 : 0);
	}
	buf_free(&keys);
	if (db_exec(SQL_NOMI_DELETE, id) != 0) {
		buf_free(&all);
		return -1;
	}
	st = db_prepare(SQL_NOMI_INSERT);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, all.p);
	rc = db_step(st);
	db_done(st);
	buf_free(&all);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
** A list of choices read from the database and kept for the life of the
** process, reread only when the table versioni says facilities or staff
** changed (its triggers are in sql/001_platform.sql).
*/
struct cached_choices {
	const char *sql;
	long long version;
	struct choice *c;
	size_t n;
};

static const char SQL_ELENCHI_VERSIONE[] =
    "SELECT n FROM versioni WHERE nome = 'elenchi'";

static const struct choice *
choices_cached(struct cached_choices *k, size_t *n)
{
	sqlite3_stmt *st = db_prepare(SQL_ELENCHI_VERSIONE);
	long long version = -1;
	size_t cap = 0;

	if (db_step(st) == SQLITE_ROW)
		version = db_int(st, 0);
	db_done(st);
	if (k->c == NULL || k->version != version) {
		for (size_t i = 0; i < k->n; i++) {
			free((char *)k->c[i].value);
			free((char *)k->c[i].label);
		}
		free(k->c);
		k->c = NULL;
		k->n = 0;
		st = db_prepare(k->sql);
		while (db_step(st) == SQLITE_ROW) {
			char id[24];

			if (k->n == cap) {
				cap = cap ? cap * 2 : 32;
				k->c = xrealloc(k->c, cap * sizeof(*k->c));
			}
			snprintf(id, sizeof id, "%lld", db_int(st, 0));
			k->c[k->n].value = xstrdup(id);
			k->c[k->n].label = xstrdup(db_text(st, 1));
			k->n++;
		}
		db_done(st);
		k->version = version;
	}
	*n = k->n;
	return k->c;
}

static const char SQL_STRUTTURE_ATTIVE[] =
    "SELECT id, nome FROM strutture WHERE attiva = 1 ORDER BY nome";
static const char SQL_OPERATORI[] =
    "SELECT id, nome FROM utenti WHERE disattivato = 0"
    " AND ruolo IN ('operatore', 'responsabile') ORDER BY nome";

const struct choice *
strutture_choices(size_t *n)
{
	static struct cached_choices k = { SQL_STRUTTURE_ATTIVE, -1, NULL, 0 };

	return choices_cached(&k, n);
}

const struct choice *
operatori_choices(size_t *n)
{
	static struct cached_choices k = { SQL_OPERATORI, -1, NULL, 0 };

	return choices_cached(&k, n);
}

/* CUI (photo-identification code): 5 to 20 letters and digits. */
int
cui_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 5 || n > 20)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s))
			return 0;
	return 1;
}

/*
** Codice fiscale: 16 characters with a valid check letter (omocodia
** letters allowed), or the 11-digit temporary code.
*/
int
codice_fiscale_valid(const char *s)
{
	static const int odd[] = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4,
	    18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23 };
	static const char pattern[] = "AAAAAANNANNANNNA";
	int sum = 0;

	if (strlen(s) == 11) {
		for (int i = 0; i < 11; i++)
			if (!isdigit((unsigned char)s[i]))
				return 0;
		return 1;
	}
	if (strlen(s) != 16)
		return 0;
	for (int i = 0; i < 16; i++) {
		char c = s[i];

		if (pattern[i] == 'A' && !(c >= 'A' && c <= 'Z'))
			return 0;
		if (pattern[i] == 'N' && !isdigit((unsigned char)c) &&
		    !strchr("LMNPQRSTUV", c))
			return 0;
	}
	for (int i = 0; i < 15; i++) {
		char c = s[i];
		int v = isdigit((unsigned char)c) ? c - '0' : c - 'A';

		sum += i % 2 == 0 ? odd[v] : v;
	}
	return s[15] == 'A' + sum % 26;
}

/*
** Statuses that end the current placement, with the exit reason the
** placement gets. Returns 1 and sets *motivo if `stato` is one.
*/
int
stato_closes_placement(const char *stato, const char **motivo)
{
	static const struct {
		const char *stato, *motivo;
	} map[] = {
		{ "trasferito", "trasferimento" },
		{ "maggiorenne_chiuso", "maggiore_eta" },
		{ "allontanato", "allontanamento" },
		{ "rimpatriato", "rimpatrio_assistito" },
		{ "ricongiunto", "ricongiungimento" },
		{ "in_affido", "affido" },
		{ "chiuso", "chiusura" },
	};

	for (size_t i = 0; i < COUNT(map); i++)
		if (strcmp(stato, map[i].stato) == 0) {
			*motivo = map[i].motivo;
			return 1;
		}
	return 0;
}

/* Closing a case is the responsabile's decision. */
int
stato_needs_responsabile(const char *stato)
{
	return strcmp(stato, "chiuso") == 0 ||
	    strcmp(stato, "maggiorenne_chiuso") == 0;
}

const struct field minore_fields[MF__MAX] = {
	[MF_COGNOME] = { "cognome", "Cognome (come dichiarato)", FIELD_TEXT,
	    FIELD_REQUIRED, 1, 80, NULL, 0, NULL },
	[MF_NOME] = { "nome", "Nome (come dichiarato)", FIELD_TEXT,
	    FIELD_REQUIRED, 1, 80, NULL, 0, NULL },
	[MF_ALIAS] = { "alias", "Altre grafie e alias", FIELD_TEXTAREA, 0, 0,
	    1000, NULL, 0, "Traslitterazioni e nomi usati altrove, uno per riga." },
	[MF_SESSO] = { "sesso", "Sesso", FIELD_CHOICE, FIELD_REQUIRED, 0, 0,
	    minore_sessi, COUNT(minore_sessi), NULL },
	[MF_DATA_NASCITA] = { "data_nascita", "Data di nascita dichiarata",
	    FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, 0, "gg/mm/aaaa" },
	[MF_LUOGO_NASCITA] = { "luogo_nascita", "Luogo di nascita", FIELD_TEXT,
	    0, 0, 100, NULL, 0, NULL },
	[MF_PAESE_NASCITA] = { "paese_nascita", "Paese di nascita",
	    FIELD_CHOICE, 0, 0, 0, minore_paesi, COUNT(minore_paesi), NULL },
	[MF_CITTADINANZA] = { "cittadinanza", "Cittadinanza", FIELD_CHOICE,
	    FIELD_REQUIRED, 0, 0, minore_paesi, COUNT(minore_paesi), NULL },
	[MF_LINGUE] = { "lingue", "Lingue parlate", FIELD_TEXT, 0, 0, 200,
	    NULL, 0, "Es. arabo, francese" },
	[MF_MEDIATORE] = { "mediatore", "Serve un mediatore culturale",
	    FIELD_CHECKBOX, 0, 0, 0, NULL, 0, NULL },
	[MF_CUI] = { "cui", "Codice CUI", FIELD_TEXT, 0, 0, 20, NULL, 0,
	    "Dal fotosegnalamento" },
	[MF_CODICE_FISCALE] = { "codice_fiscale", "Codice fiscale", FIELD_TEXT,
	    0, 0, 16, NULL, 0, "16 caratteri, o 11 cifre se provvisorio" },
	[MF_DATA_RINTRACCIO] = { "data_rintraccio",
	    "Data del rintraccio o della segnalazione", FIELD_DATE,
	    FIELD_REQUIRED, 0, 0, NULL, 0, "gg/mm/aaaa" },
	[MF_LUOGO_RINTRACCIO] = { "luogo_rintraccio", "Luogo", FIELD_TEXT, 0,
	    0, 120, NULL, 0, NULL },
	[MF_MODALITA_RINTRACCIO] = { "modalita_rintraccio", "Modalità",
	    FIELD_CHOICE, FIELD_REQUIRED, 0, 0, minore_modalita,
	    COUNT(minore_modalita), NULL },
	[MF_ENTE_SEGNALANTE] = { "ente_segnalante", "Ente segnalante",
	    FIELD_TEXT, 0, 0, 120, NULL, 0, "Es. Polizia di Stato, Questura" },
	[MF_DATA_403] = { "data_403", "Provvedimento art. 403 c.c.", FIELD_DATE,
	    0, 0, 0, NULL, 0, "gg/mm/aaaa" },
	[MF_DATA_403_COMUNICAZIONE] = { "data_403_comunicazione",
	    "Comunicazione alla Procura minorile", FIELD_DATE, 0, 0, 0, NULL,
	    0, "gg/mm/aaaa" },
	[MF_DATA_403_RICHIESTA_CONVALIDA] = { "data_403_richiesta_convalida",
	    "Richiesta di convalida", FIELD_DATE, 0, 0, 0, NULL, 0,
	    "gg/mm/aaaa" },
	[MF_DATA_403_DECRETO] = { "data_403_decreto", "Decreto di convalida",
	    FIELD_DATE, 0, 0, 0, NULL, 0, "gg/mm/aaaa" },
	[MF_DATA_403_UDIENZA] = { "data_403_udienza", "Udienza", FIELD_DATE,
	    FIELD_FUTURE, 0, 0, NULL, 0, "gg/mm/aaaa" },
	[MF_DATA_PRESA_IN_CARICO] = { "data_presa_in_carico",
	    "Data della presa in carico", FIELD_DATE, FIELD_REQUIRED, 0, 0,
	    NULL, 0, "gg/mm/aaaa" },
	[MF_STRUTTURA] = { "struttura_id", "Struttura di collocamento",
	    FIELD_CHOICE, FIELD_REQUIRED, 0, 0, NULL, 0, NULL },
	[MF_OPERATORE] = { "operatore_id", "Operatore di riferimento",
	    FIELD_CHOICE, FIELD_REQUIRED, 0, 0, NULL, 0, NULL },
	[MF_CONFERMA_ETA] = { "conferma_eta",
	    "Confermo l'età dichiarata fuori dalla fascia 6-17 anni",
	    FIELD_CHECKBOX, 0, 0, 0, NULL, 0, NULL },
	[MF_ETA_MOTIVO] = { "eta_motivo", "Motivo della conferma",
	    FIELD_TEXTAREA, 0, 0, 500, NULL, 0,
	    "Es. documento che attesta la data di nascita" },
	[MF_CONFERMA_NUOVO] = { "conferma_nuovo",
	    "Ho controllato i fascicoli simili: è una persona diversa",
	    FIELD_CHECKBOX, 0, 0, 0, NULL, 0, NULL },
};

/* Copies the table and fills the choices that come from the database. */
void
minore_fields_load(struct field *f)
{
	memcpy(f, minore_fields, sizeof minore_fields);
	f[MF_STRUTTURA].choices = strutture_choices(&f[MF_STRUTTURA].nchoices);
	f[MF_OPERATORE].choices = operatori_choices(&f[MF_OPERATORE].nchoices);
}

static char *
upper(struct request *r, const char *s)
{
	char *u = pool_strdup(&r->pool, s);

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

/* CUI and codice fiscale: stored in capitals, checked. */
void
minore_check_identity(struct request *r, struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const char *name = f->fields[i].name;

		if (f->value[i] == NULL || (strcmp(name, "cui") != 0 &&
		    strcmp(name, "codice_fiscale") != 0))
			continue;
		f->value[i] = upper(r, f->value[i]);
		if (strcmp(name, "cui") == 0 && !cui_valid(f->value[i]))
			form_fail(f, name, "Il CUI è fatto di 5-20 lettere e cifre.");
		if (strcmp(name, "codice_fiscale") == 0 &&
		    !codice_fiscale_valid(f->value[i]))
			form_fail(f, name, "Codice fiscale non valido: controlla "
			    "i 16 caratteri (o le 11 cifre del provvisorio).");
	}
}

/*
** Dates must follow each other: birth, then finding, then intake; the
** art. 403 steps after the order. Empty dates are skipped.
*/
void
minore_check_dates(struct form *f, const char *nascita, const char *presa)
{
	static const char *const after_403[] = {
		"data_403_comunicazione", "data_403_richiesta_convalida",
		"data_403_decreto", "data_403_udienza",
	};
	const char *rintraccio = NULL, *d403 = NULL;

	for (size_t i = 0; i < f->n; i++) {
		if (strcmp(f->fields[i].name, "data_rintraccio") == 0)
			rintraccio = f->value[i];
		if (strcmp(f->fields[i].name, "data_403") == 0)
			d403 = f->value[i];
	}
	if (rintraccio && nascita && strcmp(rintraccio, nascita) < 0)
		form_fail(f, "data_rintraccio", "Il rintraccio non può "
		    "precedere la data di nascita.");
	if (rintraccio && presa && strcmp(rintraccio, presa) > 0)
		form_fail(f, "data_rintraccio", "Il rintraccio non può seguire "
		    "la presa in carico.");
	for (size_t k = 0; k < COUNT(after_403) && d403; k++)
		for (size_t i = 0; i < f->n; i++)
			if (strcmp(f->fields[i].name, after_403[k]) == 0 &&
			    f->value[i] && strcmp(f->value[i], d403) < 0)
				form_fail(f, after_403[k], "Questa data non può "
				    "precedere il provvedimento art. 403.");
}

/* 1 if the declared age on `on` is under 6 or over 17. */
int
minore_age_outside(const char *nascita, const char *on)
{
	int age = date_age(nascita, on);

	return age < 6 || age > 17;
}
