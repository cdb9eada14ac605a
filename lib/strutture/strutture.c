/*
** The facilities table: its one writer, the choice list of the active
** facilities, and the demo circuit.
*/
#include "strutture.h"

static const char SQL_STRUTTURE_ATTIVE[] =
    "SELECT id AS value, nome AS label FROM strutture WHERE attiva = 1"
    " ORDER BY nome";
static const char SQL_STRUTTURE_NOMI[] =
    "SELECT id AS value, nome AS label FROM strutture ORDER BY id";
static const char SQL_STRUTTURA_ADD[] =
    "INSERT INTO strutture (nome, tipo, indirizzo)"
    " VALUES (:nome, :tipo, :indirizzo)"
    " ON CONFLICT (nome) DO UPDATE SET tipo = excluded.tipo RETURNING id";
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

/* Adds a facility (or updates its type); its id, or -1. */
long long
struttura_add(const char *nome, const char *tipo, const char *indirizzo)
{
	return db_value(SQL_STRUTTURA_ADD, ARGS(ARG_TEXT("nome", nome),
	    ARG_TEXT("tipo", tipo), ARG_TEXT("indirizzo", indirizzo)), -1);
}

/* The id of the facility called `nome`, or 0. */
long long
struttura_id(const char *nome)
{
	return db_value(SQL_STRUTTURA_ID, ARGS(ARG_TEXT("nome", nome)), 0);
}

static const struct {
	const char *nome, *tipo, *indirizzo;
} demo_strutture[] = {
	{ "Centro di pronta accoglienza Tiburtino", "prima_accoglienza",
	  "Via Tiburtina 1000, Roma" },
	{ "Comunità Il Ponte", "seconda_accoglienza", "Via Prenestina 200, Roma" },
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

const struct module strutture_modulo = {
	.name = "strutture",
	.demo = strutture_demo,
};
