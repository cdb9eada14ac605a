/*
** The demo case generator (approdo-admin demo --minori N): synthetic,
** realistic cases (never real people) with names from the main
** countries of origin, plausible dates, guardians, documents and
** placements. It writes through the module's own writers, so its cases
** are what intake makes: gapless numbers, name keys (aliases too),
** placements, status history and an audit row each.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "interno.h"
#include "strutture.h"

struct origin {
	const char *paese;
	const char *lingue;
	const char *cognomi[10];
	const char *nomi[10];
	const char *nomi_f[4];
	int weight;		/* out of 100, roughly the national figures */
};

static const struct origin origins[] = {
	{ "Egitto", "arabo",
	  { "Mohamed", "Ahmed", "Hassan", "Ibrahim", "Mahmoud", "Ali",
	    "Mostafa", "Abdelrahman", "Youssef", "El Sayed" },
	  { "Mohamed", "Ahmed", "Omar", "Youssef", "Mahmoud", "Abdelrahman",
	    "Mostafa", "Khaled", "Karim", "Islam" },
	  { "Fatma", "Mariam", "Nour", "Aya" }, 22 },
	{ "Bangladesh", "bengalese",
	  { "Hossain", "Rahman", "Islam", "Ahmed", "Akter", "Uddin", "Miah",
	    "Khan", "Sarkar", "Chowdhury" },
	  { "Mohammad", "Abdul Karim", "Rakib", "Sabbir", "Shakil", "Jahid",
	    "Rifat", "Tanvir", "Arif", "Sohel" },
	  { "Sumaiya", "Nusrat", "Tania", "Rima" }, 15 },
	{ "Tunisia", "arabo, francese",
	  { "Ben Ali", "Trabelsi", "Gharbi", "Jebali", "Mejri", "Ayari",
	    "Hammami", "Bouazizi", "Dridi", "Sassi" },
	  { "Mohamed", "Amine", "Aymen", "Yassine", "Oussama", "Skander",
	    "Wael", "Hamza", "Bilel", "Seif" },
	  { "Amira", "Yasmine", "Ines", "Salma" }, 12 },
	{ "Pakistan", "urdu, punjabi",
	  { "Khan", "Ali", "Hussain", "Ahmed", "Shah", "Iqbal", "Butt",
	    "Malik", "Raza", "Akhtar" },
	  { "Muhammad", "Ali", "Hamza", "Bilal", "Usman", "Zain", "Hassan",
	    "Umar", "Abdullah", "Faisal" },
	  { "Ayesha", "Fatima", "Zainab", "Hira" }, 9 },
	{ "Gambia", "mandinka, wolof, inglese",
	  { "Jallow", "Ceesay", "Sowe", "Bah", "Touray", "Jammeh", "Camara",
	    "Darboe", "Njie", "Sanneh" },
	  { "Lamin", "Ebrima", "Modou", "Alieu", "Omar", "Musa", "Bakary",
	    "Ousman", "Sainey", "Momodou" },
	  { "Fatou", "Isatou", "Mariama", "Awa" }, 7 },
	{ "Guinea", "pular, francese",
	  { "Diallo", "Barry", "Bah", "Sow", "Camara", "Condé", "Keita",
	    "Touré", "Sylla", "Soumah" },
	  { "Mamadou", "Alpha", "Ibrahima", "Ousmane", "Amadou", "Abdoulaye",
	    "Mohamed", "Thierno", "Boubacar", "Sékou" },
	  { "Aminata", "Mariama", "Kadiatou", "Hawa" }, 8 },
	{ "Costa d'Avorio", "francese, dioula",
	  { "Koné", "Coulibaly", "Traoré", "Ouattara", "Bamba", "Kouassi",
	    "Yao", "Kouamé", "Diabaté", "Konaté" },
	  { "Moussa", "Adama", "Ibrahim", "Souleymane", "Yacouba", "Lassina",
	    "Karim", "Drissa", "Aboubacar", "Issouf" },
	  { "Aïcha", "Mariam", "Fanta", "Awa" }, 7 },
	{ "Albania", "albanese",
	  { "Hoxha", "Shehu", "Krasniqi", "Gashi", "Leka", "Dervishi", "Hysa",
	    "Kola", "Marku", "Rama" },
	  { "Ardit", "Erion", "Klajdi", "Endri", "Kevin", "Arbër", "Elvis",
	    "Renaldo", "Denis", "Mario" },
	  { "Elona", "Klea", "Sara", "Ana" }, 6 },
	{ "Afghanistan", "dari, pashto",
	  { "Ahmadi", "Mohammadi", "Hashimi", "Rahimi", "Karimi", "Sultani",
	    "Noori", "Hakimi", "Safi", "Stanikzai" },
	  { "Ahmad", "Mohammad", "Ali", "Hamid", "Jawad", "Rahmatullah",
	    "Farid", "Naveed", "Sami", "Mustafa" },
	  { "Mariam", "Zahra", "Fereshta", "Nilofar" }, 7 },
	{ "Eritrea", "tigrino",
	  { "Tesfay", "Gebremedhin", "Haile", "Tekle", "Berhane", "Kidane",
	    "Mehari", "Ghebreyesus", "Yohannes", "Abraha" },
	  { "Yonas", "Filmon", "Merhawi", "Samuel", "Dawit", "Robel", "Aman",
	    "Kibrom", "Yosief", "Henok" },
	  { "Senait", "Helen", "Selam", "Luwam" }, 7 },
};

static unsigned long long rng_state;

static unsigned int
rnd(unsigned int n)
{
	/* xorshift64*: deterministic for a seed, good enough for demo data. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned int)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

static const char SQL_COUNT[] = "SELECT count(*) FROM minori";
static const char SQL_STRUTTURE[] =
    "SELECT id FROM strutture WHERE attiva = 1 ORDER BY id";
static const char SQL_OPERATORI[] =
    "SELECT id FROM utenti WHERE ruolo = 'operatore' AND disattivato = 0"
    " ORDER BY id";

static const char *const tutori[] = {
	"Giulia Bianchi", "Marco Rossi", "Francesca Romano", "Luca Colombo",
	"Chiara Ricci", "Paolo Marino", "Elena Greco", "Andrea Bruno",
	"Valentina Gallo", "Stefano Conti", "Sara Costa", "Davide Fontana",
};

static const char *const luoghi[] = {
	"Stazione Termini", "Stazione Tiburtina", "Porto di Civitavecchia",
	"Aeroporto di Fiumicino", "Piazza dei Cinquecento", "Ostiense",
	"Lampedusa, poi trasferito", "Frontiera di Ventimiglia",
};

/* Another way the same name gets written down, for the alias field. */
static const char *
variant(const char *nome)
{
	static const char *const pairs[][2] = {
		{ "Mohamed", "Muhammad" }, { "Mohammad", "Mohammed" },
		{ "Muhammad", "Mohamed" }, { "Ahmed", "Ahmad" },
		{ "Ahmad", "Ahmed" }, { "Youssef", "Yusuf" }, { "Omar", "Oumar" },
		{ "Mostafa", "Mustafa" }, { "Mustafa", "Moustapha" },
		{ "Mamadou", "Mamadu" }, { "Ibrahima", "Ibrahim" },
		{ "Moussa", "Musa" }, { "Abdelrahman", "Abdul Rahman" },
		{ "Ousmane", "Usman" }, { "Hamza", "Hamsa" },
	};

	for (size_t i = 0; i < COUNT(pairs); i++)
		if (strcmp(pairs[i][0], nome) == 0)
			return pairs[i][1];
	return "";
}

/* Adds synthetic facilities so that the demo spreads over a circuit. */
static int
demo_strutture(void)
{
	static const char *const tipi[] = { "prima_accoglienza",
	    "seconda_accoglienza", "sai", "gruppo_appartamento",
	    "semiautonomia" };
	static const char *const quartieri[] = { "Tuscolano", "Casilino",
	    "Trastevere", "Monteverde", "Centocelle", "San Lorenzo", "Pigneto",
	    "Montesacro", "Talenti", "Primavalle", "Torpignattara", "Ostia",
	    "Nomentano", "Appio", "Portuense" };

	for (size_t i = 0; i < COUNT(quartieri); i++) {
		char nome[80], indirizzo[80];

		snprintf(nome, sizeof nome, "Comunità %s", quartieri[i]);
		snprintf(indirizzo, sizeof indirizzo, "Roma, quartiere %s",
		    quartieri[i]);
		if (struttura_id(nome) == 0 && struttura_add(nome,
		    tipi[i % COUNT(tipi)], indirizzo) < 0)
			return -1;
	}
	return 0;
}

static size_t
ids(const char *sql, long long *out, size_t max)
{
	struct stmt *st = db_prepare(sql);
	size_t n = 0;

	while (n < max && db_step(st) == SQLITE_ROW)
		out[n++] = db_int(st, "id");
	db_done(st);
	return n;
}

static char *
id_text(char buf[24], long long id)
{
	snprintf(buf, 24, "%lld", id);
	return buf;
}

/* One synthetic case, in the caller's transaction. */
static int
demo_minore(struct request *console, const long long *strutture, size_t ns,
    const long long *operatori, size_t no, const char *today, int index)
{
	const struct origin *o = &origins[0];
	char numero[32], nascita[11], presa[11], rintraccio[11], stato_data[11];
	char cui[16], cf[16], conv[11], decreto[11], sid[24], oid[24];
	const char *stato = "in_carico", *motivo = NULL, *sesso;
	const char *cognome, *nome, *alias, *modalita, *luogo, *ente;
	int w = (int)rnd(100), age, mediatore, with_cui, with_cf;
	long long id, struttura;

	for (size_t i = 0; i < COUNT(origins); i++) {
		w -= origins[i].weight;
		if (w < 0) {
			o = &origins[i];
			break;
		}
	}
	sesso = rnd(100) < 92 ? "M" : "F";
	cognome = o->cognomi[rnd(10)];
	nome = *sesso == 'M' ? o->nomi[rnd(10)] : o->nomi_f[rnd(4)];
	date_add_days(today, -(int)rnd(3 * 365), presa);
	age = 14 + (int)rnd(4);			/* 14-17 at intake, mostly */
	if (rnd(100) < 3)
		age = 8 + (int)rnd(6);
	date_add_days(presa, -(age * 365 + (int)rnd(365)), nascita);
	date_add_days(presa, -(int)rnd(3), rintraccio);
	memcpy(stato_data, presa, sizeof presa);
	{
		unsigned int s = rnd(100);
		char diciotto[11];

		date_shift(nascita, 18, 0, diciotto);
		if (s < 7) {
			stato = "allontanato";
			motivo = "allontanamento";
		} else if (s < 10) {
			stato = "trasferito";
			motivo = "trasferimento";
		} else if (s < 12) {
			stato = "rimpatriato";
			motivo = "rimpatrio_assistito";
		} else if (s < 13) {
			stato = "in_affido";
			motivo = "affido";
		}
		if (motivo) {
			int span = date_days(today) - date_days(presa);

			date_add_days(presa, span > 1 ? (int)rnd((unsigned)span) : 0,
			    stato_data);
		} else if (strcmp(diciotto, today) <= 0) {
			/* Past 18: extended support or closed. */
			memcpy(stato_data, diciotto, sizeof diciotto);
			if (rnd(100) < 60)
				stato = "in_prosieguo";
			else {
				stato = "maggiorenne_chiuso";
				motivo = "maggiore_eta";
			}
		}
	}
	/* Unique by construction: derived from the demo's running index. */
	snprintf(cui, sizeof cui, "D%c%07d", 'A' + index % 26, index);
	snprintf(cf, sizeof cf, "9%010d", index);
	date_add_days(rintraccio, 2, conv);
	date_add_days(rintraccio, 4 + (int)rnd(3), decreto);
	struttura = strutture[rnd((unsigned)ns)];
	alias = rnd(100) < 30 ? variant(nome) : "";
	mediatore = rnd(100) < 70;
	with_cui = rnd(100) < 70;
	with_cf = rnd(100) < 40;
	luogo = luoghi[rnd(COUNT(luoghi))];
	modalita = rnd(100) < 40 ? "sbarco" : rnd(100) < 70 ?
	    "rintraccio_territorio" : "segnalazione";
	ente = rnd(2) ? "Polizia di Stato" : "Carabinieri";

	id = minore_insert(console, ARGS(
	    ARG_TEXT("cognome", cognome), ARG_TEXT("nome", nome),
	    ARG_TEXT("alias", alias), ARG_TEXT("sesso", sesso),
	    ARG_TEXT("data_nascita", nascita), ARG_TEXT("luogo_nascita", NULL),
	    ARG_TEXT("paese_nascita", o->paese),
	    ARG_TEXT("cittadinanza", o->paese), ARG_TEXT("lingue", o->lingue),
	    ARG_TEXT("mediatore", mediatore ? "1" : NULL),
	    ARG_TEXT("cui", with_cui ? cui : NULL),
	    ARG_TEXT("codice_fiscale", with_cf ? cf : NULL),
	    ARG_TEXT("data_rintraccio", rintraccio),
	    ARG_TEXT("luogo_rintraccio", luogo),
	    ARG_TEXT("modalita_rintraccio", modalita),
	    ARG_TEXT("ente_segnalante", ente), ARG_TEXT("data_403", rintraccio),
	    ARG_TEXT("data_403_comunicazione", rintraccio),
	    ARG_TEXT("data_403_richiesta_convalida", conv),
	    ARG_TEXT("data_403_decreto", decreto),
	    ARG_TEXT("data_403_udienza", NULL),
	    ARG_TEXT("data_presa_in_carico", presa),
	    ARG_TEXT("struttura_id", id_text(sid, struttura)),
	    ARG_TEXT("operatore_id", id_text(oid, operatori[rnd((unsigned)no)])),
	    ARG_TEXT("eta_motivo", NULL)), numero);
	if (id < 0 || audit_log(console, "create", "minore", id, numero) < 0)
		return -1;
	if (strcmp(stato, "in_carico") != 0 && stato_change(console, id, stato,
	    stato_data, "dati dimostrativi", NULL) != 0)
		return -1;
	if (rnd(100) < 85) {
		int volontario = rnd(100) < 70;
		char ricorso[11], nomina[11];

		date_add_days(presa, 1 + (int)rnd(5), ricorso);
		date_add_days(ricorso, 30 + (int)rnd(90), nomina);
		if (tutela_save(ARGS(ARG_INT("id", id),
		    ARG_TEXT("tipo", volontario ? "volontario" : "provvisorio"),
		    ARG_TEXT("nome", volontario ? tutori[rnd(COUNT(tutori))] :
		    "Sindaco di Roma Capitale (provvisorio)"),
		    ARG_TEXT("recapito", volontario ? "tel. 06 0000 0000" : ""),
		    ARG_TEXT("tribunale", "Tribunale per i minorenni di Roma"),
		    ARG_TEXT("data_ricorso", ricorso),
		    ARG_TEXT("data_nomina", volontario &&
		    strcmp(nomina, today) <= 0 ? nomina : NULL))) != 0)
			return -1;
	}
	for (unsigned int k = rnd(3); k > 0; k--) {
		static const char *const tipi[] = { "passaporto",
		    "permesso_minore_eta", "ricevuta_asilo",
		    "certificato_nascita" };
		const char *tipo = tipi[rnd(COUNT(tipi))];
		char rilascio[11], scadenza[11], num[16];
		int verificato;

		date_add_days(presa, 10 + (int)rnd(200), rilascio);
		if (strcmp(rilascio, today) > 0)
			memcpy(rilascio, today, sizeof rilascio);
		date_shift(rilascio, strcmp(tipo, "passaporto") == 0 ? 5 : 1, 0,
		    scadenza);
		snprintf(num, sizeof num, "%c%c%07u", 'A' + rnd(26),
		    'A' + rnd(26), rnd(10000000));
		verificato = rnd(100) < 80;
		if (documento_add(ARGS(ARG_INT("minore", id),
		    ARG_TEXT("tipo", tipo), ARG_TEXT("numero", num),
		    ARG_TEXT("data_rilascio", rilascio),
		    ARG_TEXT("data_scadenza", strcmp(tipo,
		    "certificato_nascita") == 0 ? NULL : scadenza),
		    ARG_INT("verificato", verificato), ARG_TEXT("utente", NULL),
		    ARG_TEXT("oggi", rilascio), ARG_TEXT("file_tipo", NULL),
		    ARG_TEXT("file_nome", NULL), ARG_INT("file_dimensione", 0),
		    ARG_TEXT("file_hash", NULL))) < 0)
			return -1;
	}
	return 0;
}

/*
** Adds synthetic minors until there are `total` on record. Returns the
** number added, or -1.
*/
int
minori_demo(struct request *console, long long total)
{
	long long strutture[64], operatori[64];
	long long have;
	size_t ns, no;
	char today[11];
	int added = 0;

	if (total <= 0)
		return 0;
	have = db_value(SQL_COUNT, NO_ARGS, 0);
	rng_state = 0x9E3779B97F4A7C15ULL ^ 2026;
	rng_state ^= (unsigned long long)have * 0x2545F4914F6CDD1DULL;
	if (db_begin_write() != 0 || demo_strutture() != 0 || db_commit() != 0)
		return -1;
	ns = ids(SQL_STRUTTURE, strutture, COUNT(strutture));
	no = ids(SQL_OPERATORI, operatori, COUNT(operatori));
	if (ns == 0 || no == 0) {
		log_error("demo: no facility or operatore to assign");
		return -1;
	}
	date_today(today);
	while (have + added < total) {
		if (db_begin_write() != 0)
			return -1;
		for (int k = 0; k < 1000 && have + added < total; k++, added++)
			if (demo_minore(console, strutture, ns, operatori, no,
			    today, (int)have + added) != 0) {
				db_rollback();
				return -1;
			}
		if (db_commit() != 0)
			return -1;
	}
	return added;
}
