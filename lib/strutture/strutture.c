/*
** The strutture module: its routes (the registry, under /minori/ so that
** the minori program serves it; its navigation entry is the places
** module's, after the cases), its home tile, the
** choice lists of the facilities, their types, the cells of their places
** and what they are equipped for, and the five demo facilities. It writes
** nothing itself: scheda.c is the only writer of strutture.
*/
#include <string.h>

#include "interno.h"

const struct perm strutture_gestione = { .name = "strutture.gestione",
    .roles = ROLE(RESPONSABILE) | ROLE(AMMINISTRATORE) };

static const char SQL_STRUTTURE_ATTIVE[] =
    "SELECT id AS value, nome AS label FROM strutture WHERE attiva = 1"
    " ORDER BY nome";
static const char SQL_STRUTTURE_NOMI[] =
    "SELECT id AS value, nome AS label FROM strutture ORDER BY id";
static const char SQL_STRUTTURA_ID[] =
    "SELECT id FROM strutture WHERE nome = :nome";

/* The active facilities, for the forms' select fields. */
const struct choice *
strutture_choices(size_t *n)
{
	static struct db_choices k = { .sql = SQL_STRUTTURE_ATTIVE };

	return db_choices(&k, n);
}

/* Every facility's name by id, active or not: for lists of cases. */
const struct choice *
strutture_nomi(size_t *n)
{
	static struct db_choices k = { .sql = SQL_STRUTTURE_NOMI };

	return db_choices(&k, n);
}

/* The id of the facility called `nome`, or 0. */
long long
struttura_id(const char *nome)
{
	return db_value(SQL_STRUTTURA_ID, ARGS(ARG_TEXT("nome", nome)), 0);
}

/* The types the registry offers, first reception first. */
const struct choice strutture_tipi[] = {
	{ "pronta_accoglienza", "Pronta accoglienza" },
	{ "prima_accoglienza", "Prima accoglienza" },
	{ "comunita_educativa", "Comunità educativa" },
	{ "seconda_accoglienza", "Seconda accoglienza (comunità)" },
	{ "sai", "Seconda accoglienza SAI" },
	{ "gruppo_appartamento", "Gruppo appartamento" },
	{ "semiautonomia", "Semi-autonomia" },
	{ "prosieguo", "Prosieguo amministrativo (18-21 anni)" },
	{ "famiglia_affidataria", "Famiglia affidataria" },
};
const size_t strutture_ntipi = COUNT(strutture_tipi);

const char *
struttura_tipo(const char *code)
{
	return choice_label(strutture_tipi, strutture_ntipi, code);
}

/* Where a minor goes after first reception (DOMAIN.md). */
int
struttura_seconda(const char *tipo)
{
	static const char *const seconda[] = { "comunita_educativa",
	    "seconda_accoglienza", "sai", "gruppo_appartamento",
	    "semiautonomia", "prosieguo" };

	for (size_t i = 0; tipo && i < COUNT(seconda); i++)
		if (strcmp(tipo, seconda[i]) == 0)
			return 1;
	return 0;
}

const struct struttura_cella strutture_celle[STRUTTURE_CELLE] = {
	{ "M", "6_13", "m_6_13", "Ragazzi 6-13 anni" },
	{ "M", "14_17", "m_14_17", "Ragazzi 14-17 anni" },
	{ "M", "18_21", "m_18_21", "Ragazzi 18-21 anni" },
	{ "F", "6_13", "f_6_13", "Ragazze 6-13 anni" },
	{ "F", "14_17", "f_14_17", "Ragazze 14-17 anni" },
	{ "F", "18_21", "f_18_21", "Ragazze 18-21 anni" },
};

const struct choice strutture_fasce[] = {
	{ "6_13", "6-13 anni" },
	{ "14_17", "14-17 anni" },
	{ "18_21", "18-21 anni" },
};
const size_t strutture_nfasce = COUNT(strutture_fasce);

/* The index of the cell of `sesso` and `fascia`, or -1. */
int
struttura_cella(const char *sesso, const char *fascia)
{
	for (int i = 0; i < STRUTTURE_CELLE; i++)
		if (sesso && fascia && strcmp(strutture_celle[i].sesso,
		    sesso) == 0 && strcmp(strutture_celle[i].fascia,
		    fascia) == 0)
			return i;
	return -1;
}

/* In the order of the columns spec_<value>: a bit each. */
const struct choice strutture_spec[] = {
	{ "psicologico", "Supporto psicologico" },
	{ "sanitario", "Assistenza sanitaria" },
	{ "disabilita", "Disabilità" },
	{ "madri_bambini", "Madri con bambini" },
	{ "tratta", "Vittime di tratta" },
	{ "dipendenze", "Dipendenze" },
	{ "protezione", "Alta protezione" },
};
const size_t strutture_nspec = COUNT(strutture_spec);

static const struct {
	const char *nome, *tipo, *indirizzo;
} demo_strutture[] = {
	{ "Centro di pronta accoglienza Tiburtino", "prima_accoglienza",
	  "Via Tiburtina 1000, Roma" },
	{ "Comunità Il Ponte", "seconda_accoglienza",
	  "Via Prenestina 200, Roma" },
	{ "SAI Casa Aurora", "sai", "Via Aurelia 45, Roma" },
	{ "Gruppo appartamento Ostiense", "gruppo_appartamento",
	  "Via Ostiense 150, Roma" },
	{ "Semiautonomia Garbatella", "semiautonomia",
	  "Piazza Sauli 3, Roma" },
};

/* The demo circuit: five facilities, one of each type. */
static int
strutture_demo(struct request *console, long long n)
{
	(void)console;
	(void)n;
	if (db_begin_write() != 0)
		return -1;
	for (size_t i = 0; i < COUNT(demo_strutture); i++)
		struttura_add(demo_strutture[i].nome, demo_strutture[i].tipo,
		    demo_strutture[i].indirizzo);
	return db_commit() == 0 ? 0 : -1;
}

static const struct route routes[] = {
	{ "GET", "/minori/strutture", &strutture_gestione,
	  .handler = strutture_elenco },
	{ "GET", "/minori/strutture/nuova", &strutture_gestione,
	  .record = &struttura_nuova, .create = 1 },
	{ "POST", "/minori/strutture/nuova", &strutture_gestione,
	  .record = &struttura_nuova, .create = 1 },
	{ "GET", "/minori/strutture/#", &strutture_gestione,
	  .record = &struttura_modifica },
	{ "POST", "/minori/strutture/#", &strutture_gestione,
	  .record = &struttura_modifica },
};

static const struct link tiles[] = {
	{ .href = "/minori/strutture", .title = "Strutture di accoglienza",
	  .text = "L'anagrafe delle strutture del circuito: tipo, posti "
	  "autorizzati, specializzazioni, referenti, convenzione.",
	  .perm = &strutture_gestione },
};

const struct module strutture_modulo = {
	.name = "strutture",
	.routes = routes, .nroutes = COUNT(routes),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.demo = strutture_demo,
};
