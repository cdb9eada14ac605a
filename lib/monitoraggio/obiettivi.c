/*
** The PEI being written, as the monitoring forms update it (an interview,
** a minor discussed in a team meeting): a field for the state of each of
** its objectives, and one that ties the form's follow-up action to an
** objective, so that it is also an action of the PEI. Writes no table of
** its own: the PEI's objectives and actions go through lib/pei's writers
** (pei_obiettivo_aggiorna(), pei_azione_aggiungi()), which audit each
** change in the caller's transaction.
*/
#include <stdlib.h>
#include <string.h>

#include "interno.h"
#include "pei.h"
#include "request.h"

#define OBIETTIVI_MAX 24
#define PREFISSO "obiettivo_"

/*
** The fields of the objectives of case `minore`'s PEI being written, if
** there is one, at `out` (room for `room`): each objective's state, then
** the objective the follow-up action joins. Made for this request
** (strings in its pool), after the form's follow-up action; how many.
*/
size_t
obiettivi_campi(struct edit *e, long long minore, struct field *out,
    size_t room)
{
	struct pei_obiettivo o[OBIETTIVI_MAX];
	struct pool *p = &e->r->pool;
	size_t max = room > COUNT(o) ? COUNT(o) : room ? room - 1 : 0;
	size_t n = max ? pei_obiettivi_bozza(p, minore, o, max) : 0, k = 0, ns;
	const struct choice *stati = pei_obiettivo_stati(&ns);
	struct choice *scelte;

	if (n == 0)
		return 0;
	scelte = pool_alloc(p, n * sizeof *scelte);
	for (size_t i = 0; i < n; i++) {
		const char *label = pool_printf(p, "%s: %s", o[i].area,
		    o[i].descrizione);

		out[k] = (struct field){ .name = pool_printf(p, PREFISSO "%lld",
		    o[i].id), .label = label, .type = FIELD_CHOICE,
		    .flags = FIELD_NOAUDIT, .choices = stati, .nchoices = ns };
		if (i == 0)
			out[k].group = "Gli obiettivi del PEI in lavorazione";
		k++;
		scelte[i] = (struct choice){ .value = pool_printf(p, "%lld",
		    o[i].id), .label = label };
	}
	out[k++] = (struct field){ .name = "azione_obiettivo",
	    .label = "L'azione di follow-up è anche un'azione del PEI, sotto "
	    "l'obiettivo", .type = FIELD_CHOICE, .flags = FIELD_NOAUDIT,
	    .choices = scelte, .nchoices = n };
	return k;
}

/*
** Each objective's field the request did not send (all of them on a GET)
** starts from the state the objective has; how many did. A form that
** comes back with them so is one where the user has not seen them yet.
*/
size_t
obiettivi_attuali(struct edit *e, long long minore)
{
	struct pei_obiettivo o[OBIETTIVI_MAX];
	size_t n = pei_obiettivi_bozza(&e->r->pool, minore, o, COUNT(o)), k = 0;

	for (size_t i = 0; i < n; i++) {
		const char *name = pool_printf(&e->r->pool, PREFISSO "%lld",
		    o[i].id);
		int shown = 0;

		for (size_t j = 0; j < e->form.n && !shown; j++)
			shown = strcmp(e->fields[j].name, name) == 0;
		if (!shown || request_post(e->r, name) != NULL)
			continue;
		form_set(e->r, &e->form, name, o[i].stato);
		k++;
	}
	return k;
}

/* An action goes into the PEI only if there is one. */
void
obiettivi_check(struct edit *e)
{
	if (form_value(&e->form, "azione_obiettivo") &&
	    !form_value(&e->form, "azione_cosa"))
		form_fail(&e->form, "azione_obiettivo", "Scrivi prima l'azione "
		    "di follow-up che va nel PEI.");
}

/* Who acts, as the follow-up action says it and as the PEI does. */
static const char *const chi_pei[][2] = {
	{ "utente", "operatore" }, { "struttura", "struttura" },
	{ "tutore", "tutore" }, { "servizio", "servizio" },
};

/*
** The objectives' states the form changed, and its follow-up action as
** an action of the PEI: in case `minore`'s version being written, if it
** still is (an objective no longer in it is left alone). 0, or -1.
*/
int
obiettivi_salva(struct edit *e, long long minore)
{
	const struct form *f = &e->form;
	const char *ob = form_value(f, "azione_obiettivo");
	const char *cosa = form_value(f, "azione_cosa");

	for (size_t i = 0; i < f->n; i++) {
		const char *name = e->fields[i].name;

		if (strncmp(name, PREFISSO, strlen(PREFISSO)) != 0 ||
		    f->value[i] == NULL)
			continue;
		if (pei_obiettivo_aggiorna(e->r, minore, strtoll(name +
		    strlen(PREFISSO), NULL, 10), f->value[i]) < 0)
			return -1;
	}
	if (ob && cosa) {
		const char *chi = "operatore", *w = form_value(f, "azione_chi");

		for (size_t i = 0; w && i < COUNT(chi_pei); i++)
			if (strcmp(w, chi_pei[i][0]) == 0)
				chi = chi_pei[i][1];
		if (pei_azione_aggiungi(e->r, minore, strtoll(ob, NULL, 10),
		    cosa, chi, form_value(f, "azione_servizio"),
		    form_value(f, "azione_entro")) != 0)
			return -1;
	}
	return 0;
}
