/*
** Unit tests for the PDF of a PEI version (lib/pei/pdf.c): an approved
** version with content in every kind of section is rendered, and what
** poppler reads back from it is checked: the minor's data with names in
** Arabic, Bengali and Ge'ez script, the sections' titles and values, the
** objectives with their actions, the signature lines, the footer with
** its page count, the fonts (Titillium Web, a Noto fallback), A4, and
** the same bytes when rendered again. Then a draft grows line by line
** and no page ever ends with a section's title.
**
** PEI_PDF_OUT=file keeps a copy of the approved version's PDF.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "interno.h"
#include "pei.h"
#include "settings.h"
#include "testdb.h"
#include "tap.h"

static char dir[] = "/tmp/approdo-test-pei-pdf-XXXXXX", dbpath[600];

/* Writes `b` to `path`; 0 or -1. */
static int
save(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	int rc;

	if (f == NULL)
		return -1;
	rc = fwrite(b->p, 1, b->n, f) == b->n ? 0 : -1;
	return fclose(f) == 0 ? rc : -1;
}

/* What a command prints (the test's own commands), or "" if it fails. */
static char *
run(const char *tool, const char *args, const char *path)
{
	char cmd[1024];
	struct buf out = { 0 };
	char chunk[4096];
	size_t n;
	FILE *p;

	snprintf(cmd, sizeof cmd, "%s %s '%s' %s 2>/dev/null", tool, args,
	    path, strcmp(tool, "pdftotext") == 0 ? "-" : "");
	if ((p = popen(cmd, "r")) == NULL)
		return xstrdup("");
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_add(&out, chunk, n);
	if (pclose(p) != 0 || out.p == NULL) {
		buf_free(&out);
		return xstrdup("");
	}
	return out.p;
}

static double
ms(const struct timespec *from, const struct timespec *to)
{
	return (double)(to->tv_sec - from->tv_sec) * 1e3 +
	    (double)(to->tv_nsec - from->tv_nsec) / 1e6;
}

/* Does `a` come before `b` in `text` (both present)? */
static int
before(const char *text, const char *a, const char *b)
{
	const char *x = strstr(text, a), *y = strstr(text, b);

	return x && y && x < y;
}

/* Where a line starting with `s` (the whole line, if `whole`) is. */
static const char *
line(const char *text, const char *s, int whole)
{
	size_t n = strlen(s);

	for (const char *l = text; l && *l; l = strchr(l, '\n'), l += l != NULL) {
		l += *l == '\f';	/* a page's first line */
		if (strncmp(l, s, n) == 0 && (!whole || l[n] == '\n'))
			return l;
	}
	return NULL;
}

/* Does the line `a` come before the line `b`? */
static int
lines_in_order(const char *text, const char *a, const char *b, int whole)
{
	const char *x = line(text, a, whole), *y = line(text, b, whole);

	return x && y && x < y;
}

/* The sections' titles as the PDF prints them. */
static const char *const titles[] = {
	"Anamnesi sociale", "Familiare", "Tappa del viaggio",
	"Primo colloquio", "Vulnerabilità", "Valutazione e salute",
	"Invio ai servizi", "Obiettivo", "Parere del minore", "Firme",
};

static long long
fill(struct request *anna)
{
	const char *why = NULL;
	long long v = 0;
	char sql[4096];
	int rc = 0;

	if (pei_apri(anna, 1, &v, &why) != 0)
		return 0;
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_anamnesi (pei_id, genitori, fratelli,"
	    " contatti_famiglia, scuola_anni, lingue, italiano, debito,"
	    " debito_note, lavoro, viaggio_mezzi, progetto_studio,"
	    " progetto_parole) VALUES (%lld, 'madre', 'Due fratelli minori"
	    " in Sudan', 'saltuari', 6, 'Arabo, tigrino (ትግርኛ)', 'a2', 1,"
	    " 'Con il passeur: 2000 euro, li ripaga lavorando', 'Lavorava"
	    " nei campi con lo zio dalle sei del mattino al tramonto, senza"
	    " paga, per ripagare il debito della famiglia con il padrone"
	    " della terra.', 'A piedi e in camion fino alla Libia, poi in"
	    " barca.', 1, 'Voglio studiare e diventare meccanico.');",
	    v);
	rc |= exec(sql);
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_familiari (pei_id, relazione, nome, dove, paese,"
	    " in_contatto) VALUES (%lld, 'Compagno di viaggio', 'রাকিব"
	    " হাসান', 'italia', 'Roma', 1), (%lld, 'Zio materno',"
	    " 'Tesfay ሰላም', 'ue', 'Germania, Monaco', 0);", v, v);
	rc |= exec(sql);
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_transiti (pei_id, ordine, paese, durata, mezzo,"
	    " detenzione) VALUES (%lld, 1, 'Ciad', '2 mesi', 'in camion', 0),"
	    " (%lld, 2, 'Libia', '8 mesi', 'a piedi', 1);", v, v);
	rc |= exec(sql);
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_colloquio (pei_id, data, conduttore, profilo,"
	    " mediatore, lingua, storia_viaggio, parere) VALUES (%lld,"
	    " '2025-10-03', 'Laura Gialli', 'assistente_sociale', 'Amanuel"
	    " Berhe', 'arabo', replace(printf('%%.*c', 40, 'x'), 'x',"
	    " 'Il viaggio è durato più di un anno, con lunghe soste. '),"
	    " 'Il minore chiede di restare a Roma con il cugino.');", v);
	rc |= exec(sql);
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_vulnerabilita (pei_id, categoria, esito, data,"
	    " fonte, note, indicatori) VALUES (%lld, '4', 'sospetto',"
	    " '2025-10-05', 'colloquio', 'Racconta di un debito ancora"
	    " aperto.', 'g_debito,g_paura'), (%lld, '1', 'escluso',"
	    " '2025-10-05', 'visita pediatrica', NULL, NULL);", v, v);
	rc |= exec(sql);
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_valutazione (pei_id, livello, ssn, ssn_data,"
	    " bisogni_struttura) VALUES (%lld, 'medio', 1, '2025-10-10',"
	    " 'Accompagnarlo alle visite e al CPIA.');"
	    "INSERT INTO pei_invii (pei_id, servizio, ente, data_invio, stato)"
	    " VALUES (%lld, 'Neuropsichiatria infantile', 'ASL Roma 1',"
	    " '2025-10-12', 'richiesto');", v, v);
	rc |= exec(sql);
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_obiettivi (id, pei_id, area, descrizione,"
	    " indicatore, stato) VALUES (901, %lld, 'scuola', 'Conseguire la"
	    " licenza media', 'Esame di giugno superato', 'in_corso'),"
	    " (902, %lld, 'salute', 'Completare gli screening sanitari', NULL,"
	    " 'da_avviare');"
	    "INSERT INTO pei_azioni (pei_id, obiettivo_id, cosa, chi, entro,"
	    " stato) VALUES (%lld, 902, 'Prenotare la visita al consultorio',"
	    " 'struttura', '2026-01-15', 'da_fare'), (%lld, 901, 'Iscrizione"
	    " al CPIA di zona', 'operatore', '2025-11-30', 'fatta');",
	    v, v, v, v);
	rc |= exec(sql);
	/* The case's legal path, printed as it stands at approval. */
	rc |= exec("INSERT INTO percorso_permesso (minore_id, richiesta, rilascio,"
	    " numero, scadenza) VALUES (1, '2025-10-10', '2025-10-20', 'I7788',"
	    " '2027-02-28');"
	    "INSERT INTO percorso_asilo (minore_id, domanda, esito, esito_data)"
	    " VALUES (1, '2025-10-15', 'sussidiaria', '2025-11-20')");
	snprintf(sql, sizeof sql,
	    "INSERT INTO pei_parere (pei_id, data, parere, accordo, mediatore,"
	    " lingua) VALUES (%lld, '2025-10-20', 'ሰላም. Sono contento di"
	    " andare a scuola.', 'si', 'Amanuel Berhe', 'tigrino');", v);
	rc |= exec(sql);
	return rc == SQLITE_OK ? v : 0;
}

static void
test_approved(void)
{
	struct request anna = testdb_as(101, ROLE_OPERATORE, "anna"),
	    rita = testdb_as(103, ROLE_RESPONSABILE, "rita");
	struct pool p = { 0 };
	struct buf a = { 0 }, b = { 0 };
	const char *why = NULL, *keep = getenv("PEI_PDF_OUT");
	char path[700], *text, *fonts, *info, want[64];
	long long v = fill(&anna);
	struct timespec t0, t1, t2;
	int pages = 0, n;
	const char *s;

	ok(v > 0 && pei_invia(&anna, v, &why) == 0 &&
	    pei_approva(&rita, v, &why) == 0, "a version with every section "
	    "filled in, submitted and approved");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok(pei_pdf(&p, v, &a) == 0 && a.n > 1000 && memcmp(a.p, "%PDF-", 5) ==
	    0, "rendered: a PDF");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ok(pei_pdf(&p, v, &b) == 0 && a.n == b.n && memcmp(a.p, b.p, a.n) == 0,
	    "rendered again: the same bytes");
	clock_gettime(CLOCK_MONOTONIC, &t2);
	printf("# %zu bytes, rendered in %.1f ms (the process's first, with "
	    "its fonts), then %.1f ms\n", a.n, ms(&t0, &t1), ms(&t1, &t2));
	ok(pei_pdf(&p, 999999, &b) == -1, "an unknown version: -1");

	snprintf(path, sizeof path, "%s/pei.pdf", dir);
	ok(save(path, &a) == 0, "saved");
	if (keep)
		save(keep, &a);
	text = run("pdftotext", "-enc UTF-8", path);
	fonts = run("pdffonts", "", path);
	info = run("pdfinfo", "", path);

	ok(strstr(text, "Progetto Educativo Individualizzato") &&
	    strstr(text, "Roma Capitale · UO Protezione Persone Minore Età ·"
	    " Ufficio MSNA"), "the heading and the office");
	ok(strstr(text, "عبد الرحمن") && strstr(text, "Yusuf"),
	    "the minor's name, the surname in Arabic script");
	ok(strstr(text, "MSNA-2026-00001") && strstr(text, "28/02/2009") &&
	    strstr(text, "Sudan") && strstr(text, "Casa Prova") &&
	    strstr(text, "Anna Bianchi") && strstr(text, "Giulia Neri") &&
	    strstr(text, "volontario"), "case number, date of birth, "
	    "citizenship, facility, case worker, guardian");
	ok(strstr(text, "Approvata da") && strstr(text, "Rita Verdi"),
	    "the approval and who approved it");
	ok(strstr(text, "রাকিব হাসান"), "a relative's name in Bengali");
	ok(strstr(text, "ትግርኛ") && strstr(text, "ሰላም"),
	    "Tigrinya words in Ge'ez script");
	for (size_t i = 0; i < COUNT(titles); i++)
		ok(line(text, titles[i], 1) != NULL, "section title: %s",
		    titles[i]);
	for (size_t i = 1; i < COUNT(titles); i++)
		ok(lines_in_order(text, titles[i - 1], titles[i], 1),
		    "%s comes before %s", titles[i - 1], titles[i]);
	ok(strstr(text, "Genitori: Solo la madre in vita") &&
	    strstr(text, "Livello di italiano (QCER): A2") &&
	    strstr(text, "Ha un debito per il viaggio: Sì") &&
	    strstr(text, "Data del colloquio: 03/10/2025"),
	    "fields as label: value, with the choices' labels and dates");
	ok(strstr(text, "Lavoro prima della partenza\n") &&
	    strstr(text, "senza paga"), "a long text: its label, then the "
	    "paragraph");
	ok(before(text, "Conseguire la licenza media", "Iscrizione al CPIA") &&
	    before(text, "Iscrizione al CPIA", "Completare gli screening") &&
	    before(text, "Completare gli screening", "Prenotare la visita") &&
	    strstr(text, "Azione 1.1") && strstr(text, "Azione 2.1"),
	    "each objective with its own action under it");
	ok(strstr(text, "Permesso di soggiorno per minore età") &&
	    strstr(text, "Numero del permesso: I7788") &&
	    strstr(text, "Esito: Protezione sussidiaria") &&
	    before(text, "Protezione internazionale", "Conseguire la licenza"),
	    "the legal path, before the objectives");
	ok(strstr(text, "Vittima di tratta") && strstr(text, "Sospetta") &&
	    strstr(text, "Debito da ripagare") && strstr(text, "Esclusa") &&
	    strstr(text, "visita pediatrica") && !strstr(text, "Gravidanza"),
	    "the vulnerability table: the assessed categories only");
	ok((s = line(text, "Firme", 1)) && (s = line(s, "Il minore: ", 0)) &&
	    (s = line(s, "Il tutore: Giulia Neri", 1)) &&
	    (s = line(s, "L'operatore del caso: Anna Bianchi", 1)) &&
	    line(s, "La struttura di accoglienza: Casa Prova", 1),
	    "the four signature lines, in order, with the names");
	ok((s = line(text, "Il minore: ", 0)) && strstr(s, "عبد الرحمن"),
	    "the minor's, with the name in Arabic script");
	for (s = line(text, "Firme", 1), n = 0; s && (s = line(s + 1,
	    "Data", 1)) != NULL; n++)
		;
	ok(n == 4 && (s = line(text, "La struttura di accoglienza: ", 0)) &&
	    line(s, "Data", 1) && line(s, "Firma", 1),
	    "each with a place for the date and the signature");

	s = strstr(info, "Pages:");
	if (s)
		pages = atoi(s + strlen("Pages:"));
	snprintf(want, sizeof want, "pagina 1 di %d", pages);
	ok(pages >= 2 && strstr(text, "PEI MSNA-2026-00001 · versione 1 · "
	    "pagina 1 di") && strstr(text, want), "the footer on the pages: "
	    "\"%s\" (%d pages)", want, pages);
	snprintf(want, sizeof want, "pagina %d di %d", pages, pages);
	ok(strstr(text, want) != NULL, "the last page's footer");
	ok(strstr(info, "Page size:") && strstr(info, "(A4)"), "A4");
	ok(strstr(info, "Creator:") && strstr(info, "Approdo"), "the creator");
	ok(strstr(fonts, "TitilliumWeb") != NULL, "Titillium Web embedded");
	ok(strstr(fonts, "Noto") != NULL, "a Noto font for the other "
	    "scripts");
	ok(strstr(fonts, "Type 3") == NULL, "no bitmap (Type 3) fonts");

	free(text);
	free(fonts);
	free(info);
	unlink(path);
	buf_free(&a);
	buf_free(&b);
	pool_free(&p);
	pool_free(&anna.pool);
	pool_free(&rita.pool);
}

/* Is `line` one of the sections' titles? */
static int
is_title(const char *line, size_t n)
{
	for (size_t i = 0; i < COUNT(titles); i++)
		if (strlen(titles[i]) == n && memcmp(titles[i], line, n) == 0)
			return 1;
	return 0;
}

/*
** The page's last line above the footer, in `page` (one page of
** pdftotext's output): 1 if it is a section's title.
*/
static int
title_at_bottom(const char *page, const char *end)
{
	const char *last = NULL, *prev = NULL;
	size_t lastn = 0, prevn = 0;

	for (const char *l = page; l < end; ) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		size_t n = nl ? (size_t)(nl - l) : (size_t)(end - l);

		if (n > 0) {
			prev = last;
			prevn = lastn;
			last = l;
			lastn = n;
		}
		l += n + 1;
	}
	return prev && is_title(prev, prevn);
}

static void
test_no_lonely_titles(void)
{
	struct request anna = testdb_as(101, ROLE_OPERATORE, "anna");
	const char *why = NULL;
	char path[700], sql[512];
	long long v = 0;
	int lonely = 0, renders = 0, multi = 0;

	snprintf(path, sizeof path, "%s/bozza.pdf", dir);
	ok(pei_apri(&anna, 2, &v, &why) == 0, "a draft for the second minor");
	for (int n = 1; n <= 60; n++) {
		struct pool p = { 0 };
		struct buf b = { 0 };
		char *text;

		/* n short lines push every later title a line down. */
		snprintf(sql, sizeof sql, "INSERT INTO pei_anamnesi (pei_id,"
		    " lavoro) VALUES (%lld, replace(printf('%%.*c', %d, 'x'),"
		    " 'x', 'Riga di prova' || char(10))) ON CONFLICT (pei_id)"
		    " DO UPDATE SET lavoro = excluded.lavoro", v, n);
		if (exec(sql) != SQLITE_OK || pei_pdf(&p, v, &b) != 0 ||
		    save(path, &b) != 0) {
			buf_free(&b);
			pool_free(&p);
			break;
		}
		renders++;
		text = run("pdftotext", "-enc UTF-8", path);
		for (char *pg = text, *ff; *pg; pg = ff + 1) {
			if ((ff = strchr(pg, '\f')) == NULL)
				ff = pg + strlen(pg);
			if (ff > pg && title_at_bottom(pg, ff) && lonely++ < 3)
				printf("# with %d lines, a page ends: %.*s\n", n,
				    (int)(ff - pg > 120 ? 120 : ff - pg),
				    ff - pg > 120 ? ff - 120 : pg);
			multi += ff > text && *ff == '\f' && ff[1] != '\0';
			if (*ff == '\0')
				break;
		}
		free(text);
		buf_free(&b);
		pool_free(&p);
	}
	ok(renders == 60 && multi > 0, "a draft rendered 60 times, with one "
	    "to 60 more lines");
	ok(lonely == 0, "no page ends with a section's title (%d did)", lonely);
	unlink(path);
	pool_free(&anna.pool);
}

/* A vulnerability table over several pages: its head on each of them. */
static void
test_long_table(void)
{
	struct pool p = { 0 };
	struct buf b = { 0 };
	char path[700], sql[512], *text;
	long long v = q_int("SELECT id FROM pei WHERE minore_id = 2");
	int rc = 0, pages = 0, headed = 0;

	for (int c = 1; c <= 10; c++) {
		snprintf(sql, sizeof sql, "INSERT INTO pei_vulnerabilita"
		    " (pei_id, categoria, esito, note) VALUES (%lld, '%d',"
		    " 'escluso', 'Nota %d: ' || replace(printf('%%.*c', 30,"
		    " 'x'), 'x', 'nessun elemento emerso. '))", v, c, c);
		rc |= exec(sql);
	}
	snprintf(path, sizeof path, "%s/tabella.pdf", dir);
	ok(rc == SQLITE_OK && pei_pdf(&p, v, &b) == 0 && save(path, &b) == 0,
	    "a draft with the ten categories assessed, long notes");
	text = run("pdftotext", "-enc UTF-8", path);
	for (char *pg = text, *ff; pg && *pg; pg = ff ? ff + 1 : NULL) {
		int rows;

		if ((ff = strchr(pg, '\f')) != NULL)
			*ff = '\0';
		rows = strstr(pg, "Nota ") != NULL;
		pages += rows;
		headed += rows && line(pg, "Note e indicatori", 1);
	}
	ok(pages >= 2 && headed == pages, "the table spans %d pages, its head "
	    "on %d", pages, headed);
	free(text);
	unlink(path);
	buf_free(&b);
	pool_free(&p);
}

int
main(void)
{
	if (getenv("APPRODO_FONTS") == NULL)
		setenv("APPRODO_FONTS", "htdocs/static/bi/fonts/Titillium_Web",
		    1);
	ok(testdb_create(dir, dbpath, sizeof dbpath) == 0,
	    "db: temporary database migrated");
	ok(exec("INSERT INTO strutture (id, nome, tipo) VALUES (1, 'Casa Prova',"
	    " 'sai')") == SQLITE_OK && exec("INSERT INTO utenti (id, username,"
	    " nome, ruolo, struttura_id, password_hash) VALUES"
	    " (101, 'anna', 'Anna Bianchi', 'operatore', NULL, 'x'),"
	    " (103, 'rita', 'Rita Verdi', 'responsabile', NULL, 'x')") ==
	    SQLITE_OK && exec("INSERT INTO minori (id, numero, cognome, nome,"
	    " sesso, data_nascita, cittadinanza, data_rintraccio,"
	    " modalita_rintraccio, data_403, data_presa_in_carico, data_stato,"
	    " operatore_id, struttura_id) VALUES"
	    " (1, 'MSNA-2026-00001', 'عبد الرحمن', 'Yusuf', 'M', '2009-02-28',"
	    " 'Sudan', '2025-10-01', 'rintraccio_territorio', '2025-10-01',"
	    " '2025-10-02', '2025-10-02', 101, 1),"
	    " (2, 'MSNA-2026-00002', 'Tesfay', 'Selam', 'F', '2008-02-29',"
	    " 'Eritrea', '2025-11-03', 'rintraccio_territorio', '2025-11-03',"
	    " '2025-11-04', '2025-11-04', 101, 1)") == SQLITE_OK &&
	    exec("INSERT INTO tutele (minore_id, tipo, nome) VALUES"
	    " (1, 'volontario', 'Giulia Neri')") == SQLITE_OK,
	    "db: a facility, two users, two minors, a guardian");
	test_approved();
	test_no_lonely_titles();
	test_long_table();
	pei_pdf_close();
	testdb_remove(dir, dbpath);
	return done_testing();
}
