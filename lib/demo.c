/*
** The demo case generator (approdo-admin demo --minori N). It writes
** through the same statements rules as the application: gapless case
** numbers, name keys, placements and status history.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "demo.h"
#include "minore.h"

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
static const char SQL_STRUTTURA_ADD[] =
    "INSERT OR IGNORE INTO strutture (nome, tipo, indirizzo) VALUES (?, ?, ?)";
static const char SQL_INSERT[] =
    "INSERT INTO minori (numero, cognome, nome, alias, sesso, data_nascita,"
    " luogo_nascita, paese_nascita, cittadinanza, lingue, mediatore, cui,"
    " codice_fiscale, data_rintraccio, luogo_rintraccio, modalita_rintraccio,"
    " ente_segnalante, data_403, data_403_comunicazione,"
    " data_403_richiesta_convalida, data_403_decreto, data_presa_in_carico,"
    " struttura_id, operatore_id, stato, data_stato)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
    " ?14, ?15, ?12, ?12, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";
static const char SQL_PLACEMENT[] =
    "INSERT INTO collocamenti (minore_id, struttura_id, dal, al, motivo_uscita)"
    " VALUES (?, ?, ?, ?, ?)";
static const char SQL_STATO[] =
    "INSERT INTO stati (minore_id, stato, data, motivo) VALUES (?, ?, ?, ?)";
static const char SQL_TUTELA[] =
    "INSERT INTO tutele (minore_id, tipo, nome, recapito, tribunale,"
    " data_ricorso, data_nomina) VALUES (?, ?, ?, ?,"
    " 'Tribunale per i minorenni di Roma', ?, ?)";
static const char SQL_DOCUMENTO[] =
    "INSERT INTO documenti (minore_id, tipo, numero, data_rilascio,"
    " data_scadenza, verificato_il) VALUES (?, ?, ?, ?, ?, ?)";

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

static int
step_ok(sqlite3_stmt *st)
{
	int rc = db_step(st);

	db_done(st);
	return rc == SQLITE_DONE;
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
		sqlite3_stmt *st = db_prepare(SQL_STRUTTURA_ADD);
		char nome[80], indirizzo[80];

		snprintf(nome, sizeof nome, "Comunità %s", quartieri[i]);
		snprintf(indirizzo, sizeof indirizzo, "Roma, quartiere %s",
		    quartieri[i]);
		db_bind_text(st, 1, nome);
		db_bind_text(st, 2, tipi[i % COUNT(tipi)]);
		db_bind_text(st, 3, indirizzo);
		if (!step_ok(st))
			return -1;
	}
	return 0;
}

static size_t
ids(const char *sql, long long *out, size_t max)
{
	sqlite3_stmt *st = db_prepare(sql);
	size_t n = 0;

	while (n < max && db_step(st) == SQLITE_ROW)
		out[n++] = db_int(st, 0);
	db_done(st);
	return n;
}

/* One synthetic case, in the caller's transaction. */
static int
demo_minore(const long long *strutture, size_t ns, const long long *operatori,
    size_t no, const char *today, int index)
{
	const struct origin *o = &origins[0];
	char numero[32], nascita[11], presa[11], rintraccio[11], stato_data[11];
	char cui[16], cf[16], d403[11], conv[11], decreto[11];
	const char *stato = "in_carico", *motivo = NULL, *sesso;
	const char *cognome, *nome;
	long long id, struttura;
	sqlite3_stmt *st;
	int w = (int)rnd(100), age, closed;

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
	closed = motivo != NULL;
	/* Unique by construction: derived from the demo's running index. */
	snprintf(cui, sizeof cui, "D%c%07d", 'A' + index % 26, index);
	snprintf(cf, sizeof cf, "9%010d", index);
	date_add_days(rintraccio, 0, d403);
	date_add_days(d403, 2, conv);
	date_add_days(d403, 4 + (int)rnd(3), decreto);
	struttura = strutture[rnd((unsigned)ns)];

	if (minore_numero(atoi(presa), numero) != 0)
		return -1;
	st = db_prepare(SQL_INSERT);
	db_bind_text(st, 1, numero);
	db_bind_text(st, 2, cognome);
	db_bind_text(st, 3, nome);
	db_bind_text(st, 4, rnd(100) < 30 ? variant(nome) : "");
	db_bind_text(st, 5, sesso);
	db_bind_text(st, 6, nascita);
	db_bind_text(st, 7, o->paese);
	db_bind_text(st, 8, o->lingue);
	db_bind_int(st, 9, rnd(100) < 70);
	db_bind_text(st, 10, rnd(100) < 70 ? cui : NULL);
	db_bind_text(st, 11, rnd(100) < 40 ? cf : NULL);
	db_bind_text(st, 12, rintraccio);
	db_bind_text(st, 13, luoghi[rnd(COUNT(luoghi))]);
	db_bind_text(st, 14, rnd(100) < 40 ? "sbarco" : rnd(100) < 70 ?
	    "rintraccio_territorio" : "segnalazione");
	db_bind_text(st, 15, rnd(2) ? "Polizia di Stato" : "Carabinieri");
	db_bind_text(st, 16, conv);
	db_bind_text(st, 17, decreto);
	db_bind_text(st, 18, presa);
	if (closed)
		db_bind_null(st, 19);
	else
		db_bind_int(st, 19, struttura);
	db_bind_int(st, 20, operatori[rnd((unsigned)no)]);
	db_bind_text(st, 21, stato);
	db_bind_text(st, 22, stato_data);
	if (!step_ok(st))
		return -1;
	id = db_last_id();

	st = db_prepare(SQL_PLACEMENT);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, struttura);
	db_bind_text(st, 3, presa);
	db_bind_text(st, 4, closed ? stato_data : NULL);
	db_bind_text(st, 5, motivo);
	if (!step_ok(st))
		return -1;
	st = db_prepare(SQL_STATO);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, "in_carico");
	db_bind_text(st, 3, presa);
	db_bind_text(st, 4, "presa in carico");
	if (!step_ok(st))
		return -1;
	if (strcmp(stato, "in_carico") != 0) {
		st = db_prepare(SQL_STATO);
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, stato);
		db_bind_text(st, 3, stato_data);
		db_bind_text(st, 4, "dati dimostrativi");
		if (!step_ok(st))
			return -1;
	}
	if (rnd(100) < 85) {
		int volontario = rnd(100) < 70;
		char ricorso[11], nomina[11];

		date_add_days(presa, 1 + (int)rnd(5), ricorso);
		date_add_days(ricorso, 30 + (int)rnd(90), nomina);
		st = db_prepare(SQL_TUTELA);
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, volontario ? "volontario" : "provvisorio");
		db_bind_text(st, 3, volontario ? tutori[rnd(COUNT(tutori))] :
		    "Sindaco di Roma Capitale (provvisorio)");
		db_bind_text(st, 4, volontario ? "tel. 06 0000 0000" : "");
		db_bind_text(st, 5, ricorso);
		db_bind_text(st, 6, volontario && strcmp(nomina, today) <= 0 ?
		    nomina : NULL);
		if (!step_ok(st))
			return -1;
	}
	for (unsigned int k = rnd(3); k > 0; k--) {
		static const char *const tipi[] = { "passaporto",
		    "permesso_minore_eta", "ricevuta_asilo",
		    "certificato_nascita" };
		const char *tipo = tipi[rnd(COUNT(tipi))];
		char rilascio[11], scadenza[11], num[16];

		date_add_days(presa, 10 + (int)rnd(200), rilascio);
		if (strcmp(rilascio, today) > 0)
			memcpy(rilascio, today, sizeof rilascio);
		date_shift(rilascio, strcmp(tipo, "passaporto") == 0 ? 5 : 1, 0,
		    scadenza);
		snprintf(num, sizeof num, "%c%c%07u", 'A' + rnd(26),
		    'A' + rnd(26), rnd(10000000));
		st = db_prepare(SQL_DOCUMENTO);
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, tipo);
		db_bind_text(st, 3, num);
		db_bind_text(st, 4, rilascio);
		db_bind_text(st, 5, strcmp(tipo, "certificato_nascita") == 0 ?
		    NULL : scadenza);
		db_bind_text(st, 6, rnd(100) < 80 ? rilascio : NULL);
		if (!step_ok(st))
			return -1;
	}
	return minore_index_names(id, cognome, nome, NULL);
}

/*
** Adds synthetic minors until there are `total` on record. Returns the
** number added, or -1.
*/
int
demo_minori(int total, unsigned int seed)
{
	long long strutture[64], operatori[64];
	size_t ns, no;
	sqlite3_stmt *st;
	char today[11];
	int have = 0, added = 0;

	rng_state = 0x9E3779B97F4A7C15ULL ^ seed;
	st = db_prepare(SQL_COUNT);
	if (db_step(st) == SQLITE_ROW)
		have = (int)db_int(st, 0);
	db_done(st);
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
			if (demo_minore(strutture, ns, operatori, no, today,
			    have + added) != 0) {
				db_rollback();
				return -1;
			}
		if (db_commit() != 0)
			return -1;
	}
	return added;
}
