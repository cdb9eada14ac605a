/*
** The assessment's overall level, health (SSN registration, screenings,
** needs), the needs the facility must act on, and the referrals to
** services (invii ai servizi). The only writer of pei_valutazione and
** pei_invii, through sezioni.c; the per-category assessment is in
** vulnerabilita.c.
*/
#include <string.h>

#include "interno.h"

static const struct choice livelli[] = {
	{ "basso", "Basso" },
	{ "medio", "Medio" },
	{ "alto", "Alto" },
};

static const struct field valutazione_fields[] = {
	{ "livello", "Livello complessivo di vulnerabilità", CHOICES(livelli) },
	{ "ssn", "Iscritto al Servizio sanitario nazionale", CHECK },
	{ "ssn_data", "Data di iscrizione al SSN", DATE },
	{ "screening", "Screening sanitari fatti e da fare", TEXT },
	{ "salute", "Bisogni di salute", TEXT },
	{ "bisogni_struttura", "Bisogni su cui la struttura deve agire", TEXT,
	  .hint = "Visibile alla struttura di accoglienza" },
};

static void
valutazione_check(struct edit *e)
{
	struct form *f = &e->form;

	if (form_value(f, "ssn_data") && !form_value(f, "ssn"))
		form_fail(f, "ssn", "Hai indicato la data di iscrizione: spunta "
		    "anche l'iscrizione al SSN.");
}

const struct sezione pei_valutazione = {
	PEI_SCHEDA("valutazione", "Valutazione e salute", "pei_valutazione"),
	.rec.fields = valutazione_fields,
	.rec.nfields = COUNT(valutazione_fields),
	.check = valutazione_check,
};

static const struct choice invio_stati[] = {
	{ "richiesto", "Richiesto" },
	{ "preso_in_carico", "Preso in carico dal servizio" },
	{ "concluso", "Concluso" },
	{ "rifiutato", "Rifiutato" },
};

static const struct field invii_fields[] = {
	{ "servizio", "Servizio", LINE(160), .flags = FIELD_REQUIRED,
	  .hint = "Es. neuropsichiatria infantile, centro antiviolenza" },
	{ "ente", "Ente o professionista", LINE(160) },
	{ "data_invio", "Data dell'invio", DATE, .flags = FIELD_REQUIRED },
	{ "appuntamento", "Appuntamento", DATE, .flags = FIELD_FUTURE },
	{ "stato", "Stato", CHOICES(invio_stati), .flags = FIELD_REQUIRED },
	{ "esito", "Esito", TEXT },
};

static void
invii_defaults(struct edit *e)
{
	form_set_today(e->r, &e->form, "data_invio");
	form_set(e->r, &e->form, "stato", "richiesto");
}

static void
invii_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *invio = form_value(f, "data_invio");
	const char *app = form_value(f, "appuntamento");
	const char *stato = form_value(f, "stato");

	if (invio && app && strcmp(app, invio) < 0)
		form_fail(f, "appuntamento", "L'appuntamento non può precedere "
		    "l'invio.");
	if (stato && (strcmp(stato, "concluso") == 0 || strcmp(stato,
	    "rifiutato") == 0) && !form_value(f, "esito"))
		form_fail(f, "esito", "Scrivi l'esito dell'invio.");
}

const struct sezione pei_invii = {
	PEI_ELENCO("invii", "Invio ai servizi", "Invii ai servizi", "pei_invii"),
	.rec.fields = invii_fields, .rec.nfields = COUNT(invii_fields),
	.order = "data_invio, id",
	.defaults = invii_defaults, .check = invii_check,
};
