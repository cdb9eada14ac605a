/*
** Demo PEIs (approdo-admin demo --pei N): for N of the cases that have
** none yet, a PEI written by the case's operatore the way the office
** writes one (synthetic: never real people), then carried through the
** workflow so that every state is there: a draft, a version submitted,
** one returned with comments, approved ones, and approved ones with a new
** draft started from them. It writes through the module's own writers
** and workflow, so each step has its history and audit rows.
*/
#include <string.h>

#include "date.h"
#include "interno.h"

static const char SQL_CASI[] =
    "SELECT m.id, m.operatore_id, m.cittadinanza, m.lingue,"
    " m.data_presa_in_carico AS presa, m.data_rintraccio AS rintraccio,"
    " coalesce(m.luogo_rintraccio, '') AS luogo"
    " FROM minori m WHERE m.stato = 'in_carico' AND m.operatore_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM pei p WHERE p.minore_id = m.id)"
    " ORDER BY m.id LIMIT :n";

struct caso {
	long long id, operatore;
	const char *cittadinanza, *lingue, *presa, *rintraccio, *luogo;
};

#define PICK(list, k) (list)[(size_t)(k) % COUNT(list)]

static const char *const lavori[] = {
	"Aiutava lo zio nei campi e al mercato.",
	"Apprendista in un'officina meccanica per due anni.",
	"Vendeva acqua e schede telefoniche alla stazione degli autobus.",
	"Lavorava in un cantiere con il padre.",
};
static const char *const progetti[] = {
	"Voglio imparare un mestiere, lavorare e aiutare mia madre.",
	"Voglio finire la scuola e diventare elettricista.",
	"Vorrei raggiungere mio zio e lavorare con lui.",
	"Voglio studiare l'italiano e poi fare il cuoco.",
};
static const char *const pareri[] = {
	"Sono d'accordo. Vorrei cominciare presto il corso di italiano.",
	"Va bene la scuola, ma vorrei anche lavorare il pomeriggio.",
	"Sono d'accordo, voglio fare calcio il sabato.",
};
static const char *const conduttori[] = {
	"Anna Verdi", "Marco Bianchi", "Giulia Neri", "Paolo Russo",
};

/* The journey's stages from the minor's country, in order. */
static const char *const *
stages(const char *paese)
{
	static const char *const sahel[] = { "Mali", "Niger", "Libia", NULL };
	static const char *const egitto[] = { "Libia", NULL };
	static const char *const asia[] = { "Emirati Arabi Uniti", "Libia",
	    NULL };
	static const char *const balcani[] = { "Iran", "Turchia", "Grecia",
	    "Bosnia ed Erzegovina", "Slovenia", NULL };
	static const char *const none[] = { NULL };

	if (strcmp(paese, "Egitto") == 0)
		return egitto;
	if (strcmp(paese, "Bangladesh") == 0)
		return asia;
	if (strcmp(paese, "Pakistan") == 0 || strcmp(paese, "Afghanistan") == 0)
		return balcani;
	if (strcmp(paese, "Tunisia") == 0 || strcmp(paese, "Albania") == 0)
		return none;
	return sahel;
}

/* The case's legal path so far: the permit, sometimes asylum. */
static int
legal_path(const struct caso *c, int k)
{
	char richiesta[11], rilascio[11], scadenza[11], domanda[11], today[11];

	date_today(today);
	date_add_days(c->presa, 15, richiesta);
	date_add_days(c->presa, 60, rilascio);
	date_shift(rilascio, 1, 0, scadenza);
	date_add_days(c->presa, 30, domanda);
	if (strcmp(richiesta, today) > 0)
		return 0;
	if (sezione_scrivi(&percorso_permesso, c->id, 0, ARGS(
	    ARG_TEXT("richiesta", richiesta),
	    ARG_TEXT("rilascio", strcmp(rilascio, today) <= 0 ? rilascio : NULL),
	    ARG_TEXT("numero", strcmp(rilascio, today) <= 0 ?
	    "RM0123456" : NULL),
	    ARG_TEXT("scadenza", strcmp(rilascio, today) <= 0 ? scadenza :
	    NULL))) < 0)
		return -1;
	if (k % 3 == 1 && strcmp(domanda, today) <= 0)
		return sezione_scrivi(&percorso_asilo, c->id, 0, ARGS(
		    ARG_TEXT("domanda", domanda),
		    ARG_TEXT("note", "In attesa della convocazione in "
		    "Commissione"))) < 0 ? -1 : 0;
	return 0;
}

/* Every section of the version being written, as a case worker fills it. */
static int
write(const struct caso *c, int k, int full)
{
	char partenza[11], colloquio[11], cartella[11], procura[11], invio[11];
	char entro[11], today[11];
	const char *const *tappe = stages(c->cittadinanza);
	long long o;
	int n = 0, tratta = k % 6 == 1;

	date_today(today);
	date_shift(c->rintraccio, 0, -(6 + k % 9), partenza);
	date_add_days(c->presa, 1 + k % 3, colloquio);
	date_add_days(colloquio, 1, cartella);
	date_add_days(colloquio, 2, procura);
	date_add_days(c->presa, 10, invio);
	date_shift(today, 0, 4, entro);
	if (strcmp(invio, today) > 0)
		memcpy(invio, today, sizeof invio);
	if (sezione_scrivi(&pei_colloquio, c->id, 0, ARGS(
	    ARG_TEXT("data", colloquio),
	    ARG_TEXT("conduttore", PICK(conduttori, k)),
	    ARG_TEXT("profilo", k % 2 ? "assistente_sociale" : "educatore"),
	    ARG_TEXT("tutore", "Esercente provvisorio: Roma Capitale"),
	    ARG_TEXT("mediatore", "Mediatore culturale dell'ufficio"),
	    ARG_TEXT("lingua", c->lingue),
	    ARG_TEXT("storia_casa", "Viveva con la madre e i fratelli; il padre "
	    "lavora lontano da casa."),
	    ARG_TEXT("storia_viaggio", "Racconta un viaggio lungo, con tappe in "
	    "cui ha lavorato per pagare il passaggio successivo."),
	    ARG_TEXT("partecipazione", "Ha partecipato con attenzione e fatto "
	    "domande sulla scuola."),
	    ARG_TEXT("parere", PICK(pareri, k)),
	    ARG_TEXT("data_cartella", cartella),
	    ARG_TEXT("data_procura", procura))) < 0)
		return -1;
	if (sezione_scrivi(&pei_anamnesi, c->id, 0, ARGS(
	    ARG_TEXT("genitori", k % 5 ? "entrambi" : "madre"),
	    ARG_TEXT("fratelli", "Due fratelli e una sorella, con la madre"),
	    ARG_TEXT("contatti_famiglia", k % 4 ? "regolari" : "saltuari"),
	    ARG_TEXT("contatti_frequenza", "Videochiamata con la madre la "
	    "domenica"),
	    ARG_INT("scuola_anni", 3 + k % 7),
	    ARG_TEXT("alfabetizzazione", k % 3 ? "si" : "parziale"),
	    ARG_TEXT("lavoro", PICK(lavori, k)),
	    ARG_TEXT("lingue", c->lingue),
	    ARG_TEXT("italiano", k % 3 ? "a1" : "pre_a1"),
	    ARG_TEXT("partenza", partenza),
	    ARG_TEXT("viaggio_mezzi", *tappe ? "Via terra fino alla costa, poi "
	    "in barca." : "In barca, direttamente."),
	    ARG_TEXT("viaggio_pagato", "La famiglia, vendendo un terreno"),
	    ARG_INT("debito", tratta),
	    ARG_TEXT("debito_note", tratta ? "Deve ancora 3000 euro a chi ha "
	    "organizzato il viaggio" : NULL),
	    ARG_TEXT("arrivo", c->rintraccio),
	    ARG_TEXT("arrivo_luogo", c->luogo),
	    ARG_INT("progetto_studio", k % 2),
	    ARG_INT("progetto_lavoro", 1),
	    ARG_INT("progetto_rimesse", k % 3 == 0),
	    ARG_TEXT("progetto_parole", PICK(progetti, k)))) < 0)
		return -1;
	if (sezione_scrivi(&pei_familiari, c->id, 0, ARGS(
	    ARG_TEXT("relazione", "Madre"), ARG_TEXT("dove", "origine"),
	    ARG_TEXT("paese", c->cittadinanza), ARG_INT("in_contatto", 1))) < 0)
		return -1;
	if (k % 4 == 2 && sezione_scrivi(&pei_familiari, c->id, 0, ARGS(
	    ARG_TEXT("relazione", "Zio paterno"), ARG_TEXT("dove", "ue"),
	    ARG_TEXT("paese", "Lione, Francia"), ARG_INT("in_contatto", 1),
	    ARG_TEXT("note", "Disponibile ad accoglierlo: da valutare per il "
	    "ricongiungimento (Dublino)"))) < 0)
		return -1;
	for (const char *const *t = tappe; *t; t++)
		if (sezione_scrivi(&pei_transiti, c->id, 0, ARGS(
		    ARG_INT("ordine", ++n), ARG_TEXT("paese", *t),
		    ARG_TEXT("durata", n % 2 ? "2 mesi" : "5 mesi"),
		    ARG_INT("detenzione", strcmp(*t, "Libia") == 0),
		    ARG_INT("lavoro_forzato", tratta &&
		    strcmp(*t, "Libia") == 0))) < 0)
			return -1;
	if (!full)
		return 0;
	if (legal_path(c, k) != 0)
		return -1;
	for (size_t i = 0; i < pei_ncategorie; i++) {
		const char *cat = pei_categorie[i].value;
		int sospetto = (tratta && strcmp(cat, "4") == 0) ||
		    (k % 5 == 3 && strcmp(cat, "7") == 0);

		if (vulnerabilita_scrivi(c->id, cat, sospetto ? "sospetto" :
		    "escluso", colloquio, "Primo colloquio", sospetto ?
		    "Da approfondire con il servizio antitratta" : NULL,
		    sospetto && strcmp(cat, "4") == 0 ? "g_debito,g_controllo" :
		    NULL) != 0)
			return -1;
	}
	if (sezione_scrivi(&pei_valutazione, c->id, 0, ARGS(
	    ARG_TEXT("livello", tratta ? "alto" : k % 3 ? "basso" : "medio"),
	    ARG_INT("ssn", 1), ARG_TEXT("ssn_data", invio),
	    ARG_TEXT("screening", "Screening TBC e vaccinazioni fatti"),
	    ARG_TEXT("bisogni_struttura", "Accompagnarlo alle visite e "
	    "sostenere la frequenza al CPIA ogni mattina"))) < 0)
		return -1;
	if (sezione_scrivi(&pei_invii, c->id, 0, ARGS(
	    ARG_TEXT("servizio", "Iscrizione al medico di base"),
	    ARG_TEXT("ente", "ASL Roma 2"), ARG_TEXT("data_invio", invio),
	    ARG_TEXT("stato", "concluso"),
	    ARG_TEXT("esito", "Medico assegnato"))) < 0)
		return -1;
	if (tratta && sezione_scrivi(&pei_invii, c->id, 0, ARGS(
	    ARG_TEXT("servizio", "Valutazione antitratta"),
	    ARG_TEXT("ente", "Numero verde antitratta"),
	    ARG_TEXT("data_invio", invio), ARG_TEXT("stato", "richiesto"))) < 0)
		return -1;
	if ((o = sezione_scrivi(&pei_obiettivi, c->id, 0, ARGS(
	    ARG_TEXT("area", "scuola"),
	    ARG_TEXT("descrizione", "Imparare l'italiano e conseguire la "
	    "licenza media al CPIA"),
	    ARG_TEXT("indicatore", "Livello A2 ed esame superato a giugno"),
	    ARG_TEXT("stato", "in_corso")))) < 0 ||
	    sezione_scrivi(&pei_azioni, c->id, o, ARGS(
	    ARG_TEXT("cosa", "Accompagnarlo all'iscrizione e seguire la "
	    "frequenza"), ARG_TEXT("chi", "struttura"),
	    ARG_TEXT("entro", entro), ARG_TEXT("stato", "in_corso"))) < 0 ||
	    sezione_scrivi(&pei_azioni, c->id, o, ARGS(
	    ARG_TEXT("cosa", "Frequentare il corso ogni mattina"),
	    ARG_TEXT("chi", "minore"), ARG_TEXT("stato", "in_corso"))) < 0)
		return -1;
	if ((o = sezione_scrivi(&pei_obiettivi, c->id, 0, ARGS(
	    ARG_TEXT("area", "giuridica"),
	    ARG_TEXT("descrizione", "Ottenere il permesso di soggiorno per "
	    "minore età"),
	    ARG_TEXT("indicatore", "Permesso rilasciato"),
	    ARG_TEXT("stato", "in_corso")))) < 0 ||
	    sezione_scrivi(&pei_azioni, c->id, o, ARGS(
	    ARG_TEXT("cosa", "Chiedere il permesso in Questura con il tutore"),
	    ARG_TEXT("chi", "operatore"), ARG_TEXT("entro", entro),
	    ARG_TEXT("stato", "da_fare"))) < 0)
		return -1;
	if ((o = sezione_scrivi(&pei_obiettivi, c->id, 0, ARGS(
	    ARG_TEXT("area", k % 2 ? "formazione" : "tempo_libero"),
	    ARG_TEXT("descrizione", k % 2 ? "Frequentare un corso di "
	    "formazione professionale" : "Giocare in una squadra di calcio"),
	    ARG_TEXT("stato", "da_avviare")))) < 0 ||
	    sezione_scrivi(&pei_azioni, c->id, o, ARGS(
	    ARG_TEXT("cosa", k % 2 ? "Cercare un corso di elettricista" :
	    "Trovare una squadra nel quartiere"),
	    ARG_TEXT("chi", "struttura"), ARG_TEXT("entro", entro),
	    ARG_TEXT("stato", "da_fare"))) < 0)
		return -1;
	return sezione_scrivi(&pei_parere, c->id, 0, ARGS(
	    ARG_TEXT("data", procura), ARG_TEXT("parere", PICK(pareri, k)),
	    ARG_TEXT("accordo", k % 3 ? "si" : "in_parte"),
	    ARG_TEXT("mediatore", "Mediatore culturale dell'ufficio"),
	    ARG_TEXT("lingua", c->lingue))) < 0 ? -1 : 0;
}

/* One case's PEI, in the state its turn `k` gives (every state in turn). */
static int
one(struct request *op, struct request *resp, const struct caso *c, int k)
{
	const char *why;
	long long id;
	int state = k % 6;

	if (pei_apri(op, c->id, &id, &why) != 0 ||
	    write(c, k, state != 0) != 0)
		return -1;
	if (state == 0)
		return 0;				/* a draft */
	if (pei_invia(op, id, &why) != 0)
		return -1;
	if (state == 1)
		return 0;				/* submitted */
	if (state == 2)
		return pei_restituisci(resp, id, "Completa la valutazione della "
		    "tratta con il servizio e aggiungi i contatti dello zio.",
		    &why) != 0 ? -1 : 0;
	if (pei_approva(resp, id, &why) != 0)
		return -1;
	if (state != 5)
		return 0;				/* approved */
	/* A review under way: a new draft from the approved version. */
	return pei_apri(op, c->id, &id, &why) != 0 ||
	    sezione_scrivi(&pei_obiettivi, c->id, 0, ARGS(
	    ARG_TEXT("area", "autonomia"),
	    ARG_TEXT("descrizione", "Imparare a gestire il denaro e i "
	    "documenti"), ARG_TEXT("stato", "da_avviare"))) < 0 ? -1 : 0;
}

int
pei_demo(struct request *console, long long n)
{
	struct request op, resp;
	struct stmt *st;
	struct caso c[256];
	char chi[64];
	int added = 0;

	if (n <= 0)
		return 0;
	if (console_come(console, ROLE_RESPONSABILE, &resp) != 1) {
		pool_free(&resp.pool);
		return -1;
	}
	/* The pools are emptied after each batch: the name kept apart. */
	snprintf(chi, sizeof chi, "%s", resp.user.username);
	pool_free(&resp.pool);
	resp.user.username = chi;
	op = resp;
	op.user.role = ROLE_OPERATORE;
	while (added < n) {
		size_t got = 0;

		if (db_begin_write() != 0)
			return -1;
		st = db_query(SQL_CASI, ARGS(ARG_INT("n", n - added <
		    (long long)COUNT(c) ? n - added : (long long)COUNT(c))));
		while (got < COUNT(c) && db_step(st) == SQLITE_ROW) {
			struct caso *k = &c[got++];

			k->id = db_int(st, "id");
			k->operatore = db_int(st, "operatore_id");
			k->cittadinanza = pool_strdup(&resp.pool,
			    db_text(st, "cittadinanza"));
			k->lingue = pool_strdup(&resp.pool, db_text(st, "lingue"));
			k->presa = pool_strdup(&resp.pool, db_text(st, "presa"));
			k->rintraccio = pool_strdup(&resp.pool,
			    db_text(st, "rintraccio"));
			k->luogo = pool_strdup(&resp.pool, db_text(st, "luogo"));
		}
		db_done(st);
		for (size_t i = 0; i < got; i++, added++) {
			op.user.id = c[i].operatore;
			if (one(&op, &resp, &c[i], added) != 0) {
				db_rollback();
				pool_free(&resp.pool);
				pool_free(&op.pool);
				return -1;
			}
		}
		if (db_commit() != 0)
			return -1;
		pool_free(&resp.pool);
		pool_free(&op.pool);
		if (got == 0)
			break;
	}
	return added;
}
