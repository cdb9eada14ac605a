/*
** Unit tests for the name keys (lib/minori/nome.c) and the duplicate
** check's name query (minore_simili() in lib/minori/presa_in_carico.c):
** folding from any script, the keys and queries of known spellings, long
** names (a heap use-after-free once hid there: the sanitizer build runs
** this), the plan of the candidate query with and without statistics,
** the birth-date window, and the recall and false alarms on the lists in
** tests/nomi/ measured through the real intake writer and query.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interno.h"
#include "tap.h"
#include "testdb.h"

static char dir[] = "/tmp/approdo-test-nome-XXXXXX";
static char dbpath[600];
static struct request console;
static char struttura[24];

static const char *
fold(const char *in)
{
	static struct buf b;

	nome_fold(in, &b);
	return b.p;
}

static const char *
keys(const char *in)
{
	static struct buf b;

	nome_keys(in, &b);
	return b.p;
}

static const char *
query(const char *in, int prefix)
{
	static struct buf b;

	nome_query(in, prefix, &b);
	return b.p;
}

static void
test_fold(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "  MOHAMED  Ahmed ", "mohamed ahmed" },
		{ "Koné Sékou", "kone sekou" },
		{ "Arbër Çela", "arber cela" },
		{ "Keïta Aïcha", "keita aicha" },
		{ "Strauß", "strauss" },
		{ "El-Sayed", "el sayed" },
		{ "Abd al-Rahman", "abd al rahman" },
		{ "N'Diaye", "ndiaye" },
		{ "N\xe2\x80\x99" "Diaye", "ndiaye" },
		{ "Rossi, Mario", "rossi mario" },
		{ "Md. Rakib", "md rakib" },
		{ "Mohamed2", "mohamed" },
		{ "\xd9\x85\xd8\xad\xd9\x85\xd8\xaf", "mhmd" },	/* محمد */
		{ "\xd9\x81\xd8\xa7\xd8\xb7\xd9\x85\xd8\xa9", "fatma" },	/* فاطمة */
		{ "\xd8\xb9\xd9\x84\xd9\x8a", "aly" },	/* علي: the ain as a */
		{ "\xe1\x89\xb0\xe1\x88\xb5\xe1\x8d\x8b\xe1\x8b\xad", "tasfay" },	/* ተስፋይ */
		{ "\xd0\x9c\xd1\x83\xd1\x85\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xb0\xd0\xb4", "muhammad" },
		{ "", "" },
		{ " - ' , ", "" },
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(strcmp(fold(v[i].in), v[i].out) == 0,
		    "nome_fold(\"%s\") is \"%s\" (got \"%s\")", v[i].in,
		    v[i].out, fold(v[i].in));
	/* Invalid UTF-8: no crash, the ASCII letters kept, nothing else. */
	ok(strcmp(fold("Mo\xc3"), "mo") == 0, "a cut sequence folds to its ASCII");
	ok(strcmp(fold("\xff\xfe" "Ali\xc0\xaf"), "ali") == 0,
	    "stray and overlong bytes fold to nothing");
	ok(strcmp(fold("Ali \xed\xa0\x80 Omar"), "ali omar") == 0,
	    "a UTF-16 surrogate in UTF-8 folds to nothing");
}

static void
test_keys(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "Mohamed", "mhmd" }, { "Muhammad", "mhmd" },
		{ "Mohammed", "mhmd" }, { "Md", "mhmd" }, { "Mohd.", "mhmd" },
		{ "Mahmoud", "mhmud" }, { "Mehmood", "mhmud" },
		{ "Hassan", "hsn" }, { "Hussein", "hsyn" }, { "Hossain", "hsyn" },
		{ "Hossen", "hsn hsyn" },
		{ "Amine", "amn" }, { "Aymen", "aymn" },
		{ "Saad", "saad" }, { "Said", "sd" }, { "Sayed", "sd" },
		{ "Abdelrahman", "abdu rhmn" }, { "Abdul Rahman", "abdu rhmn" },
		{ "Abd al-Rahman", "abdu rhmn" }, { "Abdurrahman", "abdu rhmn" },
		{ "Abdirahman", "abdu rhmn" },
		{ "Abdullah", "abdu ullah" }, { "Abdoulaye", "abdu ullah" },
		{ "Abdelaziz", "abdu ass lss" }, { "Abdul Aziz", "abdu ass" },
		{ "Ben Ali", "ibn al" }, { "Benali", "ibn al" },
		{ "Ouldahmed", "uld ahmd" }, { "Elsayed", "sd" },
		{ "El Sayed", "sd" }, { "Alpha", "alf" },
		{ "Noureddine", "nr uddin" }, { "Nour Eddine", "nr uddin" },
		{ "Rahmatullah", "rhmd ullah" },
		{ "Habte Mariam", "hbd hbdmrm mrm" }, { "Habtemariam", "hbdmrm" },
		{ "Diallo", "yl" }, { "Jallow", "yl" },
		{ "Ouattara", "vdr" }, { "Wattara", "vdr" },
		{ "Khaled", "kld hld" }, { "Cheikh", "sk kk sh kh" },
		{ "Othman", "admn asmn" }, { "Osman", "asmn" },
		{ "Gamal", "gml yml" }, { "Jamal", "yml" },
		{ "Brahim", "brhm" }, { "Ibrahim", "abrhm brhm" },
		{ "Tidiane", "dyn" }, { "Tijani", "dyn" },
		{ "Biniam", "ibn ym" }, { "Binyam", "ibn ym" },
		{ "Abdiaziz", "abdu ss ass" },
		{ "Lacina", "lsn" }, { "Lassina", "lsn" },
		{ "Erjon", "arn" }, { "Erion", "arn" },
		{ "Fatimah", "fdm" }, { "Ibrow", "abr br" }, { "Diaa", "d" },
		{ "Hamdy", "hmdi" }, { "Hamid", "hmd" },
		{ "", "" },
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(strcmp(keys(v[i].in), v[i].out) == 0,
		    "nome_keys(\"%s\") is \"%s\" (got \"%s\")", v[i].in,
		    v[i].out, keys(v[i].in));
	ok(strcmp(keys("\xd8\xb9\xd8\xa8\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb1\xd8\xad"
	    "\xd9\x85\xd9\x86"), keys("Abdelrahman")) == 0,
	    "عبد الرحمن has the keys of Abdelrahman");
	ok(strcmp(keys("\xe1\x8c\x88\xe1\x89\xa5\xe1\x88\xa8\xe1\x88\x98"
	    "\xe1\x8b\xb5\xe1\x88\x85\xe1\x8a\x95"), keys("Gebremedhin")) == 0,
	    "ገብረመድህን has the keys of Gebremedhin");
	ok(strcmp(keys("\xe0\xa6\xb9\xe0\xa7\x8b\xe0\xa6\xb8\xe0\xa7\x87"
	    "\xe0\xa6\xa8"), "hsn hsyn") == 0,
	    "হোসেন is Hassan or Hussein (Hossen)");
	ok(strcmp(keys("Hoxha Ardit"), keys("Hoxha Ardit")) == 0,
	    "keys are deterministic");
}

static void
test_query(void)
{
	static const struct { const char *in; int prefix; const char *out; } v[] = {
		{ "Mohamed", 0, "(\"mhmd\")" },
		{ "Mohamed Ahmed", 0,
		  "(\"mhmd\" OR \"mhmdahmd\") AND (\"ahmd\" OR \"mhmdahmd\")" },
		{ "Mohamed Mohamed", 0, "(\"mhmd\" OR \"mhmdmhmd\")" },
		{ "Abdul Rahman", 0, "(\"abdu\") AND (\"rhmn\")" },
		{ "Hossen", 0, "(\"hsn\" OR \"hsyn\")" },
		{ "mohamed ahm", 1,
		  "(\"mhmd\" OR \"mhmdahm\") AND (\"ahm\"* OR \"mhmdahm\"*)" },
		{ "mohamed a", 1, "(\"mhmd\" OR \"mhmda\")" },
		{ "abd", 1, "(\"abdu\"*)" },
		{ "El", 0, "(\"al\")" },
		{ "", 0, "" },
		{ "'-", 0, "" },
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(strcmp(query(v[i].in, v[i].prefix), v[i].out) == 0,
		    "nome_query(\"%s\", %d) is %s (got %s)", v[i].in,
		    v[i].prefix, v[i].out, query(v[i].in, v[i].prefix));
}

/*
** The regression: key_words() once appended to its output from a
** pointer into that same buffer, which the append could move. Long
** names beginning with Abd- grow the buffers the most.
*/
static void
test_long_names(void)
{
	struct buf name = { 0 }, alias = { 0 };
	const char *k;

	buf_puts(&name, "Abdul");
	for (int i = 0; i < 60; i++)
		buf_puts(&name, "rahman");
	k = keys(name.p);
	ok(strlen(name.p) > 300 && strncmp(k, "abdu ", 5) == 0,
	    "a %zu-letter name beginning with Abdul has keys", strlen(name.p));
	buf_reset(&name);
	for (int i = 0; i < 70; i++)
		buf_puts(&name, i % 2 ? "Abdul " : "Abdelrahman ");
	ok(strncmp(keys(name.p), "abdu", 4) == 0 &&
	    strlen(query(name.p, 0)) > 0, "%zu characters of Abd- words",
	    strlen(name.p));
	for (int i = 0; i < 40; i++)
		buf_puts(&alias, i % 4 == 0 ? "Abdelrahman " : i % 4 == 1 ?
		    "Abdulaziz " : i % 4 == 2 ? "Abd al-Kader " : "Abdallahi ");
	buf_puts(&alias, "\nAbdou Karim\n\n");
	ok(db_begin_write() == 0 && nome_index(1, name.p, "Abdelrahman",
	    alias.p) == 0, "nome_index takes a long name and alias lines of "
	    "Abd- names (%zu characters)", strlen(alias.p));
	ok(q_int("SELECT count(*) FROM minori_nomi WHERE minori_nomi MATCH"
	    " 'abdu AND krm AND rhmn'") == 1, "their keys are in the index");
	db_rollback();
	buf_free(&name);
	buf_free(&alias);
}

/* A case through the intake's own writer; its id, or -1. */
static long long
add_case(const char *full, const char *nascita, const char *cittadinanza)
{
	char cognome[200], numero[32];
	const char *nome = strchr(full, ' ');

	snprintf(cognome, sizeof cognome, "%.*s", nome ? (int)(nome - full) :
	    (int)strlen(full), full);
	nome = nome ? nome + 1 : "";
	return minore_insert(&console, ARGS(
	    ARG_TEXT("cognome", cognome), ARG_TEXT("nome", nome),
	    ARG_TEXT("alias", NULL), ARG_TEXT("sesso", "M"),
	    ARG_TEXT("data_nascita", nascita), ARG_TEXT("luogo_nascita", NULL),
	    ARG_TEXT("paese_nascita", cittadinanza),
	    ARG_TEXT("cittadinanza", cittadinanza), ARG_TEXT("lingue", NULL),
	    ARG_TEXT("mediatore", NULL), ARG_TEXT("cui", NULL),
	    ARG_TEXT("codice_fiscale", NULL),
	    ARG_TEXT("data_rintraccio", "2025-10-02"),
	    ARG_TEXT("luogo_rintraccio", NULL),
	    ARG_TEXT("modalita_rintraccio", "sbarco"),
	    ARG_TEXT("ente_segnalante", NULL), ARG_TEXT("data_403", NULL),
	    ARG_TEXT("data_403_comunicazione", NULL),
	    ARG_TEXT("data_403_richiesta_convalida", NULL),
	    ARG_TEXT("data_403_decreto", NULL),
	    ARG_TEXT("data_403_udienza", NULL),
	    ARG_TEXT("data_presa_in_carico", "2025-10-03"),
	    ARG_TEXT("struttura_id", struttura),
	    ARG_TEXT("operatore_id", NULL), ARG_TEXT("eta_motivo", NULL)),
	    numero);
}

/* Is case `id` among the candidates for a new case `full`? */
static int
offered(long long id, const char *full, const char *nascita,
    const char *cittadinanza)
{
	char cognome[200];
	const char *nome = strchr(full, ' ');
	struct stmt *st;
	int found = 0;

	snprintf(cognome, sizeof cognome, "%.*s", nome ? (int)(nome - full) :
	    (int)strlen(full), full);
	st = minore_simili(cognome, nome ? nome + 1 : "", nascita,
	    cittadinanza);
	while (st && db_step(st) == SQLITE_ROW)
		found |= db_int(st, "id") == id;
	if (st)
		db_done(st);
	return found;
}

/* Stores `a` (born `da`), then asks for `b` (born `db`); rolled back. */
static int
pair(const char *a, const char *da, const char *ca, const char *b,
    const char *dbirth, const char *cb)
{
	long long id;
	int found;

	if (db_begin_write() != 0)
		return -1;
	id = add_case(a, da, ca);
	found = id > 0 && offered(id, b, dbirth, cb);
	db_rollback();
	return id > 0 ? found : -1;
}

static void
test_window(void)
{
	static const struct {
		const char *stored, *typed;
		int offered;
		const char *why;
	} v[] = {
		{ "2008-05-05", "2008-11-20", 1, "the same year" },
		{ "2008-05-05", "2009-02-01", 1, "one year after" },
		{ "2008-05-05", "2007-12-31", 1, "one year before" },
		{ "2008-05-05", "2010-05-05", 0, "two years after" },
		{ "2008-05-05", "2006-05-05", 0, "two years before" },
		{ "2008-01-01", "2010-06-30", 1, "two years after a 1 January" },
		{ "2008-01-01", "2006-03-03", 1, "two years before a 1 January" },
		{ "2008-06-30", "2010-01-01", 1, "a 1 January two years after" },
		{ "2008-06-30", "2006-01-01", 1, "a 1 January two years before" },
		{ "2008-01-01", "2011-01-01", 0, "three years, both 1 January" },
		{ "2008-12-31", "2010-01-02", 0, "two years, 31 December" },
	};

	for (size_t i = 0; i < COUNT(v); i++)
		ok(pair("Abdelrahman Mohamed", v[i].stored, "Egitto",
		    "Abdul Rahman Muhammad", v[i].typed, "Egitto") == v[i].offered,
		    "born %s, typed %s: %s is %soffered", v[i].stored, v[i].typed,
		    v[i].why, v[i].offered ? "" : "not ");
	ok(pair("Abdelrahman Mohamed", "2008-05-05", "Egitto",
	    "Abdul Rahman Muhammad", "2008-05-05", "Sudan") == 0,
	    "another citizenship is not offered");
	ok(pair("Abdelrahman Mohamed", "2008-05-05", "Egitto",
	    "Mohamed Abdul Rahman", "2008-05-05", "Egitto") == 1,
	    "surname and name swapped are offered");
	ok(pair("Abdelrahman Mohamed", "2008-05-05", "Egitto",
	    "Abdelrahman Mahmoud", "2008-05-05", "Egitto") == 0,
	    "Mahmoud is not Mohamed");
	ok(db_begin_write() == 0 && add_case("Hassan Karim", "2008-03-03",
	    "Egitto") > 0 && exec("UPDATE minori SET data_nascita_accertata ="
	    " '2005-07-01' WHERE cognome = 'Hassan'") == SQLITE_OK &&
	    offered(q_int("SELECT id FROM minori WHERE cognome = 'Hassan'"),
	    "Hasan Kareem", "2004-09-09", "Egitto"),
	    "the assessed birth date counts too");
	db_rollback();
	ok(minore_simili("'", "-", "2008-01-01", "Egitto") == NULL,
	    "a name without letters asks nothing");
}

/* The plan of the candidate query, the intake's own statement. */
static void
test_plan(void)
{
	const char *sql = NULL;
	char eqp[4000];
	struct stmt *st;
	sqlite3_stmt *s;

	/* Cases of other citizenships, for the statistics to describe. */
	db_begin_write();
	for (int i = 0; i < 300; i++)
		add_case(i % 2 ? "Sanneh Lamin" : "Mohamed Ahmed", "2009-01-01",
		    i % 2 ? "Gambia" : "Sudan");
	ok(db_commit() == 0, "300 cases of other citizenships");
	exec("DELETE FROM minori_nomi");
	ok(db_begin_write() == 0 && nome_reindex() == 300 && db_commit() == 0 &&
	    q_int("SELECT count(*) FROM minori_nomi WHERE minori_nomi MATCH"
	    " 'sn AND lmn'") == 150, "nome_reindex writes every case's keys");
	st = minore_simili("Mohamed", "Ahmed", "2008-01-01", "Egitto");
	for (s = sqlite3_next_stmt(db_handle(), NULL); s;
	    s = sqlite3_next_stmt(db_handle(), s))
		if (strstr(sqlite3_sql(s), "CROSS JOIN minori m"))
			sql = sqlite3_sql(s);
	if (st)
		db_done(st);
	ok(sql != NULL, "the candidate query is prepared");
	for (int analyzed = 0; sql && analyzed < 2; analyzed++) {
		sqlite3_stmt *p;
		int row = 0, index_first = 0, by_id = 0;

		if (analyzed)
			exec("ANALYZE");
		snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
		if (sqlite3_prepare_v2(db_handle(), eqp, -1, &p, NULL) != SQLITE_OK)
			break;
		while (sqlite3_step(p) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(p, 3);

			printf("#   %s\n", d);
			if (row++ == 0)
				index_first = strstr(d, "VIRTUAL TABLE") != NULL;
			else if (strstr(d, "SEARCH m USING INTEGER PRIMARY KEY"))
				by_id = 1;
		}
		sqlite3_finalize(p);
		ok(index_first && by_id, "%s: the plan starts from the name "
		    "index, then reads each case by id",
		    analyzed ? "with ANALYZE" : "without statistics");
	}
}

struct entry {
	char a[200], b[200], why[200];
};

/* The pairs of tests/nomi/NAME (three tab-separated columns). */
static size_t
load(const char *name, struct entry **out)
{
	const char *src = getenv("srcdir");
	char path[700], line[200];
	size_t n = 0, cap = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/nomi/%s", src ? src : ".", name);
	*out = NULL;
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f)) {
		char *b, *why;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0' ||
		    (b = strchr(line, '\t')) == NULL)
			continue;
		*b++ = '\0';
		if ((why = strchr(b, '\t')) != NULL)
			*why++ = '\0';
		if (n == cap)
			*out = realloc(*out, (cap = cap ? 2 * cap : 64) *
			    sizeof **out);
		snprintf((*out)[n].a, sizeof (*out)[n].a, "%s", line);
		snprintf((*out)[n].b, sizeof (*out)[n].b, "%s", b);
		snprintf((*out)[n].why, sizeof (*out)[n].why, "%s",
		    why ? why : "");
		n++;
	}
	fclose(f);
	return n;
}

/*
** How many pairs the duplicate check offers, both ways round (each side
** stored, the other typed at intake); the birth years of half the pairs
** one apart, as estimates are. Prints the pairs that `expect` does not.
*/
static size_t
offered_pairs(const struct entry *e, size_t n, int expect, size_t *broken)
{
	size_t found = 0;

	*broken = 0;
	for (size_t i = 0; i < n; i++) {
		const char *da = "2008-05-14", *db = i % 2 ? "2009-02-03" :
		    "2008-11-20";
		int ab = pair(e[i].a, da, "Egitto", e[i].b, db, "Egitto");
		int ba = pair(e[i].b, db, "Egitto", e[i].a, da, "Egitto");

		if (ab < 0 || ba < 0)
			(*broken)++;
		if (expect ? ab == 1 && ba == 1 : ab == 1 || ba == 1)
			found++;
		if ((expect ? ab == 1 && ba == 1 : ab != 1 && ba != 1) == 0)
			printf("#   %s: %s / %s (%s)\n", expect ? "missed" :
			    "offered", e[i].a, e[i].b, e[i].why);
	}
	return found;
}

static void
test_lists(void)
{
	struct entry *var, *div;
	size_t nvar = load("varianti.tsv", &var), ndiv = load("diversi.tsv", &div);
	size_t found, alarms, broken1, broken2;

	ok(nvar >= 60 && ndiv >= 25, "the lists have %zu variant pairs and %zu "
	    "pairs of different people", nvar, ndiv);
	if (nvar == 0 || ndiv == 0) {
		free(var);
		free(div);
		return;
	}
	found = offered_pairs(var, nvar, 1, &broken1);
	alarms = offered_pairs(div, ndiv, 0, &broken2);
	ok(broken1 == 0 && broken2 == 0, "every case of the lists is written");
	printf("# recall: %zu of %zu variant pairs offered both ways (%.1f%%)\n",
	    found, nvar, 100.0 * (double)found / (double)nvar);
	printf("# false alarms: %zu of %zu pairs of different people offered"
	    " (%.1f%%)\n", alarms, ndiv, 100.0 * (double)alarms / (double)ndiv);
	ok(found * 100 >= nvar * 95, "recall at least 95%% (%.1f%%)",
	    100.0 * (double)found / (double)nvar);
	ok(alarms * 100 <= ndiv * 5, "false alarms at most 5%% (%.1f%%)",
	    100.0 * (double)alarms / (double)ndiv);
	free(var);
	free(div);
}

int
main(void)
{
	const char *sqldir = getenv("APPRODO_SQL");

	if (sqldir == NULL)
		sqldir = "sql";
	test_fold();
	test_keys();
	test_query();
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	snprintf(dbpath, sizeof dbpath, "%s/nome.db", dir);
	if (db_open(dbpath) != 0 || db_migrate(sqldir, 0) < 0 ||
	    exec("INSERT INTO strutture (nome, tipo) VALUES ('Prova',"
	    " 'prima_accoglienza')") != SQLITE_OK) {
		printf("Bail out! cannot prepare the database\n");
		return 1;
	}
	snprintf(struttura, sizeof struttura, "%lld",
	    q_int("SELECT id FROM strutture WHERE nome = 'Prova'"));
	console.user.username = "test";
	console.remote_addr = "console";
	test_long_names();
	test_window();
	test_plan();
	test_lists();
	pool_free(&console.pool);
	db_close();
	remove_db(dbpath);
	rmdir(dir);
	return done_testing();
}
