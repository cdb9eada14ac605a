/*
** Validation by table. Each form declares its fields; form_read()
** checks a POST against them and keeps, per field, what the user typed,
** the clean value and an Italian error message. A GET form (filters)
** is read from the query string, a POST form from the body. form_page()
** hands all of it to the template, so a rejected form comes back as it
** was typed; form_bind() hands the clean values to a statement by name.
*/
#ifndef APPRODO_FORM_H
#define APPRODO_FORM_H

#include "db.h"
#include "request.h"

enum field_type {
	FIELD_TEXT,		/* one line */
	FIELD_TEXTAREA,		/* several lines */
	FIELD_INT,
	FIELD_DATE,		/* dd/mm/yyyy in, ISO out; never in the future */
	FIELD_CHOICE,		/* one of `choices` */
	FIELD_CHECKBOX,		/* "1" or NULL */
	FIELD_PASSWORD,		/* never echoed back */
	FIELD_EMAIL,
	FIELD_USERNAME		/* letters, digits, . _ - */
};

#define FIELD_REQUIRED 1u	/* must not be empty */
#define FIELD_FUTURE 2u		/* a date that may be after today */
#define FIELD_NOAUDIT 4u	/* not a stored value: left out of the audit */
#define FIELD_ON_DEMAND 8u	/* drawn only once a rule asks for it (its
				   error) or it has a value: confirmations */

struct choice {
	const char *value;
	const char *label;
};

struct field {
	const char *name;
	const char *label;
	enum field_type type;
	unsigned flags;		/* FIELD_REQUIRED, FIELD_FUTURE */
	long long min, max;	/* characters for text, value for numbers */
	const struct choice *choices;
	size_t nchoices;
	const char *hint;	/* help text under the field, or NULL */
	const char *group;	/* starts a group of fields with this legend */
};

#define FORM_FIELDS_MAX 64

struct form {
	const struct field *fields;
	size_t n;
	const char *typed[FORM_FIELDS_MAX];	/* as sent, for re-display */
	const char *value[FORM_FIELDS_MAX];	/* clean value, NULL if empty */
	long long num[FORM_FIELDS_MAX];
	const char *error[FORM_FIELDS_MAX];
	const char *message;	/* an error about the whole form, or NULL */
	int nerrors;
};

void form_init(struct form *, const struct field *, size_t);
int form_read(struct request *, struct form *);
const char *form_value(const struct form *, const char *name);
long long form_int(const struct form *, const char *name);
void form_set(struct request *, struct form *, const char *name,
    const char *value);
void form_set_today(struct request *, struct form *, const char *name);
void form_fail(struct form *, const char *name, const char *message);
void form_page(struct request *, const struct form *);
const char *choice_label(const struct choice *, size_t, const char *value);
void form_bind(const struct form *, struct stmt *);
size_t form_args(const struct form *, struct db_arg *, size_t max);

/* A choice list from the database, kept per process (choices.c). */
struct db_choices {
	const char *sql;	/* columns "value" and "label" */
	long long version;
	struct choice *c;
	size_t n;
};
const struct choice *db_choices(struct db_choices *, size_t *n);

/* The counter versioni.nome (`nome` a literal), as of this request. */
long long versione(const char *nome);

#endif
