/*
** The minor's opinion on the whole plan (CRC art. 12: the right to be
** heard), in their words, with the mediator and the language used. The
** only writer of pei_parere, through sezioni.c.
*/
#include "interno.h"

static const struct choice accordo[] = {
	{ "si", "D'accordo" },
	{ "in_parte", "In parte d'accordo" },
	{ "no", "Non d'accordo" },
};

static const struct field fields[] = {
	{ "data", "Data in cui il minore è stato ascoltato", DATE },
	{ "parere", "Il parere del minore, con le sue parole", TEXT },
	{ "accordo", "Il minore è d'accordo con il progetto", CHOICES(accordo) },
	{ "mediatore", "Mediatore culturale", LINE(120) },
	{ "lingua", "Lingua", LINE(80) },
};

static void
check(struct edit *e)
{
	struct form *f = &e->form;

	if (form_value(f, "parere") && !form_value(f, "data"))
		form_fail(f, "data", "Indica quando il minore è stato ascoltato.");
	if (form_value(f, "mediatore") && !form_value(f, "lingua"))
		form_fail(f, "lingua", "Indica in che lingua.");
}

const struct sezione pei_parere = {
	PEI_SCHEDA("parere", "Parere del minore", "pei_parere"),
	.rec.fields = fields, .rec.nfields = COUNT(fields),
	.check = check,
};
