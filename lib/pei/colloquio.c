/*
** Primo colloquio (DPCM 98/2024): held within 3 days of entering
** reception by one of the professionals the decree names, with the
** guardian and a cultural mediator present; its report, and when it went
** into the cartella sociale and to the Procura presso il Tribunale per i
** minorenni. The only writer of pei_colloquio, through sezioni.c.
*/
#include <string.h>

#include "date.h"
#include "interno.h"

static const struct choice profili[] = {
	{ "assistente_sociale", "Assistente sociale" },
	{ "psicologo", "Psicologo dell'età evolutiva" },
	{ "educatore", "Educatore professionale" },
	{ "pedagogista", "Pedagogista" },
};

static const struct field fields[] = {
	{ "data", "Data del colloquio", DATE,
	  .group = "Chi ha condotto il colloquio, chi era presente" },
	{ "ritardo_motivo", "Perché il colloquio si è tenuto oltre i 3 giorni",
	  TEXT, .flags = FIELD_ON_DEMAND },
	{ "conduttore", "Chi ha condotto il colloquio", LINE(120) },
	{ "profilo", "Profilo professionale", CHOICES(profili) },
	{ "tutore", "Tutore o esercente provvisorio presente", LINE(120) },
	{ "mediatore", "Mediatore culturale presente", LINE(120) },
	{ "lingua", "Lingua del colloquio", LINE(80) },
	{ "dati_personali", "Dati personali dichiarati", TEXT,
	  .group = "La relazione del colloquio" },
	{ "storia_casa", "Storia: la vita a casa", TEXT },
	{ "storia_scuola", "Storia: la scuola", TEXT },
	{ "storia_partenza", "Storia: la partenza", TEXT },
	{ "storia_viaggio", "Storia: il viaggio", TEXT },
	{ "storia_arrivo", "Storia: dopo l'arrivo", TEXT },
	{ "relazioni", "Relazioni e comunità etnica", TEXT },
	{ "parenti", "Parenti per il ricongiungimento", TEXT },
	{ "vulnerabilita", "Profili di vulnerabilità emersi", TEXT },
	{ "protezione", "Elementi utili alla protezione", TEXT },
	{ "partecipazione", "Come il minore ha partecipato", TEXT },
	{ "parere", "Parere del minore sul progetto di accoglienza proposto",
	  TEXT },
	{ "data_cartella", "Data di inserimento nella cartella sociale", DATE,
	  .group = "Dove è stata trasmessa la relazione" },
	{ "data_procura", "Data di trasmissione alla Procura presso il TM",
	  DATE },
};

/* When the minor entered reception: the first placement, or the intake. */
static const char SQL_INGRESSO[] =
    "SELECT coalesce((SELECT min(dal) FROM collocamenti"
    " WHERE minore_id = :id), data_presa_in_carico) FROM minori"
    " WHERE id = :id";

static void
check(struct edit *e)
{
	struct form *f = &e->form;
	const char *data = form_value(f, "data");
	const char *ingresso = db_string(&e->r->pool, SQL_INGRESSO,
	    ARGS(ARG_INT("id", e->r->id[0])));
	char entro[11];

	if (data == NULL) {
		if (form_value(f, "data_cartella") || form_value(f,
		    "data_procura"))
			form_fail(f, "data", "Indica prima la data del colloquio.");
		return;
	}
	if (!form_value(f, "conduttore"))
		form_fail(f, "conduttore", "Indica chi ha condotto il colloquio.");
	if (!form_value(f, "profilo"))
		form_fail(f, "profilo", "Il DPCM 98/2024 chiede che il colloquio "
		    "sia condotto da uno di questi profili: scegli quale.");
	if (ingresso && *ingresso) {
		pei_colloquio_entro(ingresso, entro);
		if (strcmp(data, ingresso) < 0)
			form_fail(f, "data", "Il colloquio non può precedere "
			    "l'ingresso in accoglienza.");
		else if (strcmp(data, entro) > 0 &&
		    !form_value(f, "ritardo_motivo"))
			form_fail(f, "ritardo_motivo", "Il colloquio va tenuto "
			    "entro 3 giorni dall'ingresso in accoglienza: scrivi "
			    "perché è avvenuto dopo.");
	}
	if (form_value(f, "data_cartella") &&
	    strcmp(form_value(f, "data_cartella"), data) < 0)
		form_fail(f, "data_cartella", "La relazione non può entrare "
		    "nella cartella prima del colloquio.");
	if (form_value(f, "data_procura") &&
	    strcmp(form_value(f, "data_procura"), data) < 0)
		form_fail(f, "data_procura", "La relazione non può essere "
		    "trasmessa prima del colloquio.");
}

const struct sezione pei_colloquio = {
	PEI_SCHEDA("colloquio", "Primo colloquio", "pei_colloquio"),
	.rec.fields = fields, .rec.nfields = COUNT(fields),
	.check = check,
};
