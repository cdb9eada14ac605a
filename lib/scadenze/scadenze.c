/*
** The scadenze module: its routes (each worker's agenda, the office's
** overdue deadlines, a case's deadlines), its navigation entry with the
** count of what is overdue or due today, its home tile, its approdo-admin
** command, the demo's and the upgrade's recompute. Served by the minori
** program (its pages live under /minori/).
*/
#include "interno.h"

const struct perm scadenze_lettura = { .name = "scadenze.lettura",
    .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) };
const struct perm scadenze_ufficio = { .name = "scadenze.ufficio",
    .roles = ROLE(RESPONSABILE) };

static const struct route routes[] = {
	{ "GET", "/minori/scadenze", &scadenze_lettura,
	  .handler = agenda_mie },
	{ "GET", "/minori/scadenze/ufficio", &scadenze_ufficio,
	  .handler = agenda_ufficio },
	{ "GET", "/minori/#/scadenze", &scadenze_lettura,
	  .handler = pannello_pagina },
};

static const struct link nav[] = {
	{ .href = "/minori/scadenze", .title = "Le mie scadenze",
	  .perm = &scadenze_lettura, .conta = agenda_conta,
	  .conta_testo = "scadute o in scadenza oggi" },
};

static const struct link tiles[] = {
	{ .href = "/minori/scadenze", .title = "Le mie scadenze",
	  .text = "Le scadenze di legge e dell'ufficio dei tuoi casi: "
	  "scadute, di oggi, della settimana, più avanti.",
	  .perm = &scadenze_lettura },
};

static const struct command commands[] = {
	{ "scadenze", "regole | calcola REGOLA INIZIO [FINE_FISSATA] |"
	  " ricalcola [--senza-avvisi] | aggiorna", comandi_scadenze },
};

/* The notices it sends (avvisi.c): the art. 403 steps and a missing
** minor go by mail at once, the other deadlines in the daily digest; a
** facility's users are reminded to declare their free places. */
static const struct notifica_tipo notifiche[] = {
	{ .tipo = "scadenza_urgente", .label = "Scadenze urgenti (art. 403, "
	  "minore allontanato)", .urgente = 1,
	  .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) },
	{ .tipo = "scadenza", .label = "Altre scadenze (nel riepilogo del "
	  "giorno)", .roles = ROLE(RESPONSABILE) | ROLE(OPERATORE) },
	{ .tipo = "scadenza_posti", .label = "Dichiarazione dei posti liberi "
	  "da rinnovare (nel riepilogo del giorno)",
	  .roles = ROLE(STRUTTURA) },
};

const struct module scadenze_modulo = {
	.name = "scadenze",
	.routes = routes, .nroutes = COUNT(routes),
	.nav = nav, .nnav = COUNT(nav),
	.tiles = tiles, .ntiles = COUNT(tiles),
	.commands = commands, .ncommands = COUNT(commands),
	.notifiche = notifiche, .nnotifiche = COUNT(notifiche),
	.demo = scadenze_demo,
	.upgrade = scadenze_upgrade,
};
