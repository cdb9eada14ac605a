/*
** The one validation mechanism: a form is a table of fields, checked
** here, with messages in Italian addressed to the field.
*/
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "form.h"
#include "page.h"

void
form_init(struct form *f, const struct field *fields, size_t n)
{
	memset(f, 0, sizeof *f);
	f->fields = fields;
	f->n = n < FORM_FIELDS_MAX ? n : FORM_FIELDS_MAX;
}

static int
find(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (int)i;
	log_error("form has no field %s", name);
	return -1;
}

/*
** Fails field `name` with `message`, unless it has failed already: the
** first message stays, which is the field's own (an impossible date, a
** text too long) before any rule across fields. With `name` NULL, the
** message is about the whole form (the record changed meanwhile).
*/
void
form_fail(struct form *f, const char *name, const char *message)
{
	int i = name ? find(f, name) : -1;

	if (name == NULL) {
		/* About the whole form (what changed meanwhile): shown first. */
		if (f->message == NULL)
			f->nerrors++;
		f->message = message;
		return;
	}
	if (i < 0 || f->error[i] != NULL)
		return;
	f->nerrors++;
	f->error[i] = message;
}

/* Trims spaces and, for one-line fields, refuses control characters. */
static char *
clean_text(struct pool *pool, const char *s, int multiline, int *bad)
{
	size_t n;
	char *d, *o;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
	    s[n - 1] == '\n'))
		n--;
	d = o = pool_alloc(pool, n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' && multiline)
			continue;		/* CRLF -> LF */
		if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) ||
		    c == 0x7f)
			*bad = 1;
		*o++ = (char)c;
	}
	*o = '\0';
	return d;
}

static int
email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at > s && strchr(at + 1, '@') == NULL &&
	    strchr(at + 1, '.') && at[1] != '.' && s[strlen(s) - 1] != '.' &&
	    strpbrk(s, " ,;<>\"'") == NULL;
}

static int
username_ok(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    *s == '-'))
			return 0;
	return 1;
}

static const char *
check(struct request *r, struct form *f, size_t i, const char *raw)
{
	const struct field *fd = &f->fields[i];
	struct pool *pool = &r->pool;
	int bad = 0;
	char *v;
	size_t len;

	if (fd->type == FIELD_CHECKBOX) {
		f->value[i] = raw && *raw ? "1" : NULL;
		f->num[i] = f->value[i] != NULL;
		if ((fd->flags & FIELD_REQUIRED) && !f->num[i])
			return pool_printf(pool, "Occorre spuntare «%s».",
			    fd->label);
		return NULL;
	}
	if (fd->type == FIELD_PASSWORD) {
		/* Passwords are taken as typed: spaces count. */
		v = pool_strdup(pool, raw ? raw : "");
		bad = strpbrk(v, "\r\n") != NULL;
	} else
		v = clean_text(pool, raw ? raw : "", fd->type == FIELD_TEXTAREA,
		    &bad);
	if (*v == '\0') {
		f->value[i] = NULL;
		return (fd->flags & FIELD_REQUIRED) ? pool_printf(pool,
		    "Il campo «%s» è obbligatorio.", fd->label) : NULL;
	}
	if (bad)
		return "Il testo contiene caratteri non ammessi.";
	len = utf8_len(v);
	switch (fd->type) {
	case FIELD_INT: {
		long long n;

		if (parse_int64(v, &n) != 0)
			return "Inserire un numero intero.";
		if (n < fd->min || n > fd->max)
			return pool_printf(pool,
			    "Inserire un numero tra %lld e %lld.", fd->min,
			    fd->max);
		f->num[i] = n;
		break;
	}
	case FIELD_DATE: {
		char iso[11], today[11];

		if (date_parse(v, iso) != 0)
			return "Data non valida: usare il formato gg/mm/aaaa.";
		date_today(today);
		if (!(fd->flags & FIELD_FUTURE) && strcmp(iso, today) > 0)
			return "La data non può essere nel futuro.";
		v = pool_strdup(pool, iso);
		break;
	}
	case FIELD_CHOICE: {
		size_t k;

		for (k = 0; k < fd->nchoices; k++)
			if (strcmp(fd->choices[k].value, v) == 0)
				break;
		if (k == fd->nchoices)
			return "Scegliere uno dei valori proposti.";
		break;
	}
	case FIELD_EMAIL:
		if (len > 254 || !email_ok(v))
			return "Indirizzo email non valido.";
		break;
	case FIELD_USERNAME:
		if (!username_ok(v))
			return "Usare solo lettere senza accenti, cifre, "
			    "punto, trattino e trattino basso.";
		/* FALLTHROUGH */
	default:
		if (fd->min && len < (size_t)fd->min)
			return pool_printf(pool,
			    "Inserire almeno %lld caratteri.", fd->min);
		if (fd->max && len > (size_t)fd->max)
			return pool_printf(pool,
			    "Inserire al massimo %lld caratteri.", fd->max);
	}
	f->value[i] = v;
	return NULL;
}

/* Validates the POSTed fields; returns the number of errors. */
int
form_read(struct request *r, struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const char *raw = strcmp(r->method, "POST") == 0 ?
		    request_post(r, f->fields[i].name) :
		    request_get(r, f->fields[i].name);

		f->typed[i] = raw ? raw : "";
		f->error[i] = check(r, f, i, raw);
		if (f->error[i])
			f->nerrors++;
	}
	return f->nerrors;
}

const char *
form_value(const struct form *f, const char *name)
{
	int i = find(f, name);

	return i < 0 ? NULL : f->value[i];
}

long long
form_int(const struct form *f, const char *name)
{
	int i = find(f, name);

	return i < 0 ? 0 : f->num[i];
}

/* Fills a field from stored data (an edit form before any POST). */
void
form_set(struct request *r, struct form *f, const char *name,
    const char *value)
{
	int i = find(f, name);

	if (i < 0)
		return;
	f->value[i] = value;
	if (value && f->fields[i].type == FIELD_DATE) {
		char it[11];

		date_it(value, it);
		f->typed[i] = pool_strdup(&r->pool, it);
	} else
		f->typed[i] = value ? value : "";
}

/* A date field that starts from today. */
void
form_set_today(struct request *r, struct form *f, const char *name)
{
	char today[11];

	date_today(today);
	form_set(r, f, name, pool_strdup(&r->pool, today));
}

const char *
choice_label(const struct choice *c, size_t n, const char *value)
{
	for (size_t i = 0; i < n; i++)
		if (value && strcmp(c[i].value, value) == 0)
			return c[i].label;
	return "";
}

/*
** Form.<name>.{name,label,type,value,error,required,hint} and, for
** choices, Form.<name>.choices naming the list Choices.<key>; Fields.N links
** to Form.<name> in the table's order, for templates that draw every field.
*/
void
form_page(struct request *r, const struct form *f)
{
	static const char *const types[] = {
		[FIELD_TEXT] = "text", [FIELD_TEXTAREA] = "textarea",
		[FIELD_INT] = "number", [FIELD_DATE] = "date",
		[FIELD_CHOICE] = "select", [FIELD_CHECKBOX] = "checkbox",
		[FIELD_PASSWORD] = "password", [FIELD_EMAIL] = "email",
		[FIELD_USERNAME] = "text",
	};
	HDF *form = page_node(r, "Form");

	for (size_t i = 0; i < f->n; i++) {
		const struct field *fd = &f->fields[i];
		const char *typed = fd->type == FIELD_PASSWORD ? "" :
		    f->typed[i] ? f->typed[i] : "";
		/* Set under the field's node: no walk from the root each time. */
		HDF *node = row_node(form, fd->name);
		NEOERR *err;

		row_set(node, "name", fd->name);
		row_set(node, "label", fd->label);
		row_set(node, "type", types[fd->type]);
		row_set(node, "value", typed);
		row_set(node, "required", (fd->flags & FIELD_REQUIRED) ? "1" : "");
		if (fd->hint)
			row_set(node, "hint", fd->hint);
		if (fd->group)
			row_set(node, "group", fd->group);
		if (f->error[i])
			row_set(node, "error", f->error[i]);
		if (fd->type == FIELD_CHECKBOX && f->typed[i] && *f->typed[i])
			row_set(node, "checked", "1");
		if ((fd->flags & FIELD_ON_DEMAND) && f->error[i] == NULL &&
		    *typed == '\0')
			row_set(node, "hidden", "1");
		if (fd->type == FIELD_CHOICE)
			row_set(node, "choices", page_choices(r, fd->choices,
			    fd->nchoices));
		{
			char link[32], target[160];

			snprintf(link, sizeof link, "Fields.%zu", i);
			snprintf(target, sizeof target, "Form.%s", fd->name);
			err = hdf_set_symlink(r->hdf, link, target);
			nerr_ignore(&err);
		}
	}
	row_set_int(form, "errors", f->nerrors);
	if (f->message)
		row_set(form, "message", f->message);
}

/*
** Binds every parameter of `st` that names a field of the form to the
** field's clean value (a number for FIELD_INT, NULL when empty). The
** parameters that name no field are left for the caller to bind.
*/
void
form_bind(const struct form *f, struct stmt *st)
{
	int n = db_param_count(st);

	for (int p = 1; p <= n; p++) {
		const char *name = db_param_name(st, p);

		for (size_t i = 0; i < f->n; i++) {
			if (strcmp(f->fields[i].name, name) != 0)
				continue;
			if (f->fields[i].type == FIELD_INT && f->value[i])
				db_bind_int(st, name, f->num[i]);
			else
				db_bind_text(st, name, f->value[i]);
			break;
		}
	}
}

/*
** The form's clean values as named values for a statement, the fields
** marked FIELD_NOAUDIT (confirmations, passwords) aside; their number.
*/
size_t
form_args(const struct form *f, struct db_arg *a, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n && n < max; i++) {
		const struct field *fd = &f->fields[i];

		if ((fd->flags & FIELD_NOAUDIT) || fd->type == FIELD_PASSWORD)
			continue;
		a[n].name = fd->name;
		a[n].kind = fd->type == FIELD_INT && f->value[i] ? ARG_IS_INT :
		    ARG_IS_TEXT;
		a[n].num = f->num[i];
		a[n].text = f->value[i];
		n++;
	}
	return n;
}
