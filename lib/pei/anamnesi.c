/*
** Anamnesi sociale: the minor's profile and migration story (family,
** schooling, work, languages, the journey, the minor's own plan), the
** relatives (they feed family reunification and Dublin) and the transit
** countries in order. The only writer of pei_anamnesi, pei_familiari and
** pei_transiti, through sezioni.c.
*/
#include <string.h>

#include "interno.h"

static const struct choice genitori[] = {
	{ "entrambi", "Entrambi vivi" },
	{ "madre", "Solo la madre in vita" },
	{ "padre", "Solo il padre in vita" },
	{ "nessuno", "Nessuno dei due in vita" },
	{ "non_noto", "Non noto" },
};
static const struct choice contatti[] = {
	{ "regolari", "Regolari" },
	{ "saltuari", "Saltuari" },
	{ "nessuno", "Nessun contatto" },
};
static const struct choice alfabetizzazione[] = {
	{ "si", "Sa leggere e scrivere" },
	{ "parziale", "In parte" },
	{ "no", "No" },
};
/* Common European Framework of Reference for Languages. */
static const struct choice cefr[] = {
	{ "pre_a1", "Pre-A1 (nessuna conoscenza)" },
	{ "a1", "A1" }, { "a2", "A2" }, { "b1", "B1" }, { "b2", "B2" },
	{ "c1", "C1" }, { "c2", "C2" },
};
static const struct choice dove[] = {
	{ "origine", "Nel paese d'origine" },
	{ "italia", "In Italia" },
	{ "ue", "In un altro paese dell'UE (Dublino)" },
	{ "altrove", "Altrove" },
};

static const struct field anamnesi_fields[] = {
	{ "genitori", "Genitori", CHOICES(genitori), .group = "La famiglia" },
	{ "fratelli", "Fratelli e sorelle", LINE(300),
	  .hint = "Quanti, età, dove vivono" },
	{ "contatti_famiglia", "Contatti con la famiglia", CHOICES(contatti) },
	{ "contatti_frequenza", "Come e quanto spesso", LINE(300),
	  .hint = "Es. videochiamata con la madre ogni settimana" },
	{ "scuola_anni", "Anni di scuola nel paese d'origine", .type = FIELD_INT,
	  .min = 0, .max = 20, .group = "Scuola, lavoro, lingue" },
	{ "alfabetizzazione", "Alfabetizzato nella propria lingua",
	  CHOICES(alfabetizzazione) },
	{ "lavoro", "Lavoro prima della partenza", TEXT },
	{ "lingue", "Lingue parlate", LINE(300) },
	{ "italiano", "Livello di italiano (QCER)", CHOICES(cefr) },
	{ "religione_registrata", "Il minore chiede di registrare la sua "
	  "religione", .type = FIELD_CHECKBOX, .group = "Religione" },
	{ "religione", "Religione", LINE(120),
	  .hint = "Solo se il minore lo chiede" },
	{ "partenza", "Data di partenza", DATE, .group = "Il viaggio" },
	{ "viaggio_mezzi", "Come ha viaggiato", TEXT },
	{ "viaggio_pagato", "Chi ha pagato il viaggio", LINE(300) },
	{ "debito", "Ha un debito per il viaggio", .type = FIELD_CHECKBOX },
	{ "debito_note", "Il debito: con chi, quanto, come lo ripaga",
	  LINE(500) },
	{ "viaggio_violenze", "Violenze, detenzione o lavoro forzato durante "
	  "il viaggio", TEXT },
	{ "arrivo", "Data di arrivo in Italia", DATE },
	{ "arrivo_luogo", "Luogo di arrivo", LINE(200) },
	{ "progetto_studio", "Progetto: studiare", .type = FIELD_CHECKBOX,
	  .group = "Il progetto migratorio del minore" },
	{ "progetto_lavoro", "Progetto: lavorare", .type = FIELD_CHECKBOX },
	{ "progetto_ricongiungimento", "Progetto: ricongiungersi con la "
	  "famiglia", .type = FIELD_CHECKBOX },
	{ "progetto_rimesse", "Progetto: mandare soldi a casa",
	  .type = FIELD_CHECKBOX },
	{ "progetto_parole", "Il progetto migratorio con le sue parole", TEXT },
};

static void
anamnesi_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *partenza = form_value(f, "partenza");
	const char *arrivo = form_value(f, "arrivo");

	if (form_value(f, "religione") && !form_value(f, "religione_registrata"))
		form_fail(f, "religione", "La religione si registra solo se il "
		    "minore lo chiede: spunta la casella o lascia vuoto.");
	if (form_value(f, "debito_note") && !form_value(f, "debito"))
		form_fail(f, "debito", "Hai descritto un debito: spunta anche "
		    "questa casella.");
	if (partenza && arrivo && strcmp(arrivo, partenza) < 0)
		form_fail(f, "arrivo", "L'arrivo non può precedere la partenza.");
}

const struct sezione pei_anamnesi = {
	PEI_SCHEDA("anamnesi", "Anamnesi sociale", "pei_anamnesi"),
	.rec.fields = anamnesi_fields, .rec.nfields = COUNT(anamnesi_fields),
	.check = anamnesi_check,
};

static const struct field familiari_fields[] = {
	{ "relazione", "Relazione", LINE(80), .flags = FIELD_REQUIRED,
	  .hint = "Es. zio materno, fratello maggiore" },
	{ "nome", "Nome e cognome", LINE(120) },
	{ "dove", "Dove vive", CHOICES(dove), .flags = FIELD_REQUIRED },
	{ "paese", "Paese e città", LINE(120) },
	{ "contatto", "Recapito", LINE(200) },
	{ "in_contatto", "Il minore è in contatto con questa persona",
	  .type = FIELD_CHECKBOX },
	{ "note", "Note", TEXT,
	  .hint = "Disponibilità all'accoglienza, documenti, legame" },
};

static void
familiari_check(struct edit *e)
{
	struct form *f = &e->form;
	const char *d = form_value(f, "dove");

	if (d && strcmp(d, "origine") != 0 && !form_value(f, "paese"))
		form_fail(f, "paese", "Indica il paese e la città: servono per "
		    "il ricongiungimento o la procedura Dublino.");
}

const struct sezione pei_familiari = {
	PEI_ELENCO("familiari", "Familiare", "Familiari", "pei_familiari"),
	.rec.fields = familiari_fields, .rec.nfields = COUNT(familiari_fields),
	.check = familiari_check,
};

static const struct field transiti_fields[] = {
	{ "ordine", "Tappa n.", .type = FIELD_INT, .min = 1, .max = 99,
	  .flags = FIELD_REQUIRED },
	{ "paese", "Paese attraversato", LINE(120), .flags = FIELD_REQUIRED },
	{ "durata", "Per quanto tempo", LINE(60), .hint = "Es. 3 mesi" },
	{ "mezzo", "Come", LINE(200), .hint = "Es. a piedi, in camion, in barca" },
	{ "violenze", "Ha subito violenze", .type = FIELD_CHECKBOX },
	{ "detenzione", "È stato detenuto", .type = FIELD_CHECKBOX },
	{ "lavoro_forzato", "Ha dovuto lavorare senza poter scegliere",
	  .type = FIELD_CHECKBOX },
	{ "note", "Note", TEXT },
};

/* A new stage comes after the last one. */
static void
transiti_defaults(struct edit *e)
{
	long long n = db_value("SELECT coalesce(max(ordine), 0) + 1 FROM"
	    " pei_transiti WHERE pei_id = " PEI_BOZZA(":id"),
	    ARGS(ARG_INT("id", e->r->id[0])), 1);

	form_set(e->r, &e->form, "ordine", pool_printf(&e->r->pool, "%lld",
	    n > 99 ? 99 : n));
}

const struct sezione pei_transiti = {
	PEI_ELENCO("transiti", "Tappa del viaggio", "Tappe del viaggio",
	    "pei_transiti"),
	.rec.fields = transiti_fields, .rec.nfields = COUNT(transiti_fields),
	.order = "ordine, id",
	.defaults = transiti_defaults,
};
