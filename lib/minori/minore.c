/*
** The table minori: its fields (one table for intake and the sections
** of the case page), its one writer for new cases, the gapless case
** number, who may read or change which case, and the rules a case's
** values must keep, checked the same way at intake and in every section.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "page.h"

const struct perm minori_lettura = { .name = "minori.lettura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) | ROLE(STRUTTURA) };
const struct perm minori_scrittura = { .name = "minori.scrittura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
const struct perm minori_chiusura = { .name = "minori.chiusura",
    .roles = ROLE(RESPONSABILE) };
const struct perm minori_esportazione = { .name = "minori.esportazione",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };

static const char SQL_ACCESS[] =
    "SELECT operatore_id, struttura_id FROM minori WHERE id = :id";

/*
** May the user read (or change) case `id`? The responsabile: every case.
** An operatore: reads the team's cases, changes those assigned to them.
** A facility: reads only the minors placed in it now, changes nothing.
*/
int
minore_access(struct request *r, long long id, int write)
{
	struct stmt *st = db_query(SQL_ACCESS, ARGS(ARG_INT("id", id)));
	long long operatore = 0, struttura = 0;
	int found, ok;

	found = db_step(st) == SQLITE_ROW;
	if (found) {
		operatore = db_int(st, "operatore_id");
		struttura = db_int(st, "struttura_id");
	}
	db_done(st);
	if (!found)
		return 404;
	switch (r->user.role) {
	case ROLE_RESPONSABILE:
		ok = 1;
		break;
	case ROLE_OPERATORE:
		ok = !write || operatore == r->user.id;
		break;
	case ROLE_STRUTTURA:
		ok = !write && struttura != 0 &&
		    struttura == r->user.struttura_id;
		break;
	default:
		ok = 0;
	}
	if (!ok) {
		audit_now(r, "permission_denied", "minore", id,
		    write ? "modifica" : "lettura");
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
    "INSERT INTO numerazione (anno, ultimo) VALUES (:anno, 1)"
    " ON CONFLICT (anno) DO UPDATE SET ultimo = ultimo + 1 RETURNING ultimo";

/*
** The next case number of `year`, MSNA-YYYY-NNNNN, inside the caller's
** write transaction: BEGIN IMMEDIATE serialises writers, and a rolled
** back intake gives its number back, so there are no gaps.
*/
int
minore_numero(int year, char out[32])
{
	long long n = db_value(SQL_NUMERO_NEXT, ARGS(ARG_INT("anno", year)), 0);

	if (n <= 0 || n > 99999)
		return -1;
	snprintf(out, 32, "MSNA-%04d-%05lld", year, n);
	return 0;
}

static const char SQL_MINORE_INSERT[] =
    "INSERT INTO minori (numero, cognome, nome, alias, sesso, data_nascita,"
    " luogo_nascita, paese_nascita, cittadinanza, lingue, mediatore, cui,"
    " codice_fiscale, data_rintraccio, luogo_rintraccio, modalita_rintraccio,"
    " ente_segnalante, data_403, data_403_comunicazione,"
    " data_403_richiesta_convalida, data_403_decreto, data_403_udienza,"
    " data_presa_in_carico, struttura_id, operatore_id, eta_motivo,"
    " stato, data_stato, creato_da)"
    " VALUES (:numero, :cognome, :nome, coalesce(:alias, ''), :sesso,"
    " :data_nascita, coalesce(:luogo_nascita, ''),"
    " coalesce(:paese_nascita, ''), :cittadinanza, coalesce(:lingue, ''),"
    " :mediatore IS NOT NULL, :cui, :codice_fiscale, :data_rintraccio,"
    " coalesce(:luogo_rintraccio, ''), :modalita_rintraccio,"
    " coalesce(:ente_segnalante, ''), :data_403, :data_403_comunicazione,"
    " :data_403_richiesta_convalida, :data_403_decreto, :data_403_udienza,"
    " :data_presa_in_carico, :struttura_id, :operatore_id, :eta_motivo,"
    " 'in_carico', :data_presa_in_carico, :utente)";

static const char *
arg(const struct db_arg *a, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].name, name) == 0)
			return a[i].text;
	return NULL;
}

/*
** Writes a new case in the caller's transaction: the case with its
** number (the year of intake), its first placement and status, and its
** name keys. `a` names every column of SQL_MINORE_INSERT but the number
** and the user. Returns the new id (and the number), or -1.
*/
long long
minore_insert(struct request *r, const struct db_arg *a, size_t n,
    char numero[32])
{
	const char *presa = arg(a, n, "data_presa_in_carico");
	struct stmt *st;
	long long id;

	if (presa == NULL || minore_numero(atoi(presa), numero) != 0)
		return -1;
	st = db_prepare(SQL_MINORE_INSERT);
	db_bind_args(st, a, n);
	db_bind_args(st, ARGS(ARG_TEXT("numero", numero),
	    ARG_ID("utente", r->user.id)));
	id = db_step(st) == SQLITE_DONE ? db_last_id() : -1;
	db_done(st);
	if (id < 0 || collocamento_open(id, arg(a, n, "struttura_id"), presa,
	    NULL) < 0 || stato_add(r, id, "in_carico", presa,
	    "presa in carico") != 0 || nome_index(id, arg(a, n, "cognome"),
	    arg(a, n, "nome"), arg(a, n, "alias")) != 0)
		return -1;
	return id;
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

/* 1 if the declared age on `on` is under 6 or over 17. */
int
minore_age_outside(const char *nascita, const char *on)
{
	int age = date_age(nascita, on);

	return age < 6 || age > 17;
}

/* The index of field `name` in the form, or -1 if the form lacks it. */
static int
has(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* A value of the case: the form's if it has the field, else the stored one. */
static const char *
value(const struct edit *e, const char *name)
{
	int i = has(&e->form, name);

	return i >= 0 ? e->form.value[i] : edit_current(e, name);
}

/*
** `earlier` must not come after `later`. The message goes on the field
** `on` names (0: earlier, 1: later) if the form has it, else the other
** message on the other field.
*/
static void
order(struct edit *e, const char *earlier, const char *later, int on,
    const char *message, const char *other)
{
	const char *a = value(e, earlier), *b = value(e, later);
	const char *first = on ? later : earlier, *second = on ? earlier : later;

	if (a == NULL || b == NULL || strcmp(a, b) <= 0)
		return;
	if (has(&e->form, first) >= 0)
		form_fail(&e->form, first, message);
	else if (has(&e->form, second) >= 0)
		form_fail(&e->form, second, other);
}

/*
** A declared age under 6 or over 17 at intake is said twice: confirmed,
** with a reason (stored in eta_motivo). The anagrafica section asks it
** too, unless the birth date is the one already confirmed.
*/
static void
check_age(struct edit *e)
{
	struct form *f = &e->form;
	const char *nascita = value(e, "data_nascita");
	const char *presa = value(e, "data_presa_in_carico");
	const char *stored = edit_current(e, "eta_motivo");
	int age;

	if (has(f, "conferma_eta") < 0 || nascita == NULL || presa == NULL ||
	    strcmp(nascita, presa) > 0 || !minore_age_outside(nascita, presa))
		goto keep;
	age = date_age(nascita, presa);
	page_set_int(e->r, "Intake.age", age);
	page_set(e->r, "Intake.age_check", "1");
	if (stored && !form_value(f, "conferma_eta") &&
	    edit_current(e, "data_nascita") &&
	    strcmp(edit_current(e, "data_nascita"), nascita) == 0)
		goto keep;	/* confirmed before, for this very date */
	if (!form_value(f, "conferma_eta"))
		form_fail(f, "conferma_eta", pool_printf(&e->r->pool, "L'età "
		    "dichiarata alla presa in carico è di %d anni: confermala "
		    "spuntando la casella e indicando il motivo.", age));
	if (!form_value(f, "eta_motivo"))
		form_fail(f, "eta_motivo", "Indica il motivo della conferma "
		    "dell'età.");
	return;
keep:
	/*
	** At intake a reason is stored only with the confirmation it
	** explains; in the section an empty reason keeps the stored one.
	*/
	if (has(f, "eta_motivo") < 0 || form_value(f, "conferma_eta"))
		return;
	if (e->current.n == 0)
		form_set(e->r, f, "eta_motivo", NULL);
	else if (!form_value(f, "eta_motivo"))
		form_set(e->r, f, "eta_motivo", stored);
}

static char *
upper(struct request *r, const char *s)
{
	char *u = pool_strdup(&r->pool, s);

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

/*
** The rules of a case's values, for intake and every section alike:
** CUI and codice fiscale (stored in capitals) well formed; birth, then
** finding, then intake; the art. 403 steps after the order.
*/
void
minore_check(struct edit *e)
{
	static const char *const after_403[] = {
		"data_403_comunicazione", "data_403_richiesta_convalida",
		"data_403_decreto", "data_403_udienza",
	};
	struct form *f = &e->form;
	int i;

	if ((i = has(f, "cui")) >= 0 && f->value[i]) {
		f->value[i] = upper(e->r, f->value[i]);
		if (!cui_valid(f->value[i]))
			form_fail(f, "cui", "Il CUI è fatto di 5-20 lettere e cifre.");
	}
	if ((i = has(f, "codice_fiscale")) >= 0 && f->value[i]) {
		f->value[i] = upper(e->r, f->value[i]);
		if (!codice_fiscale_valid(f->value[i]))
			form_fail(f, "codice_fiscale", "Codice fiscale non valido: "
			    "controlla i 16 caratteri (o le 11 cifre del "
			    "provvisorio).");
	}
	order(e, "data_nascita", "data_rintraccio", 1, "Il rintraccio non può "
	    "precedere la data di nascita.", "La data di nascita non può "
	    "seguire il rintraccio.");
	order(e, "data_rintraccio", "data_presa_in_carico", 0, "Il rintraccio "
	    "non può seguire la presa in carico.", "La presa in carico non può "
	    "precedere il rintraccio.");
	order(e, "data_nascita", "data_presa_in_carico", 0, "La data di nascita "
	    "non può seguire la presa in carico.", "La presa in carico non può "
	    "precedere la data di nascita.");
	for (size_t k = 0; k < COUNT(after_403); k++)
		order(e, "data_403", after_403[k], 1, "Questa data non può "
		    "precedere il provvedimento art. 403.", "Il provvedimento "
		    "art. 403 non può seguire i passi successivi.");
	check_age(e);
}
