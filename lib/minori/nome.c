/*
** Name keys, for the search and the duplicate check. A name in any
** script is transliterated to lowercase ASCII (ICU), split into words,
** and each word reduced to a consonant key: the first letter (any vowel
** as 'a'), then the consonants, with the letters that transliterations
** confuse merged (t/d, ph/f, q/k, z/s, w/v, dh/d, gh/g ...), doubled
** letters and a final h dropped. Arabic particles (al-, Abd, Ben, Ould,
** Abu, -uddin, -ullah) are words of their own whether written joined or
** apart, and two neighbouring words are also keyed as one (Habte Mariam,
** Habtemariam). The index holds every key of a name; a query asks, for
** each word of what was typed, for one of the keys that word may have.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "interno.h"

#define LINE_MAX_BYTES 1024	/* of one name: longer is not a name */
#define WORD_MAX 64		/* letters of one word considered */
#define WORDS_MAX 32		/* words of one name considered */
#define KEY_MAX 24		/* letters of one key */
#define KEYS_MAX 6		/* readings of one word */

/*
** Any script to Latin, then to ASCII, as names are spelled in Latin:
** the Arabic ta marbuta as the final a (Fatima, not Fatimt), the
** Bengali c as ch (Chowdhury), an ain or a hamza as the vowel Latin
** writes for it (Omar, Ali), the mostly silent Ge'ez sixth-order vowel
** dropped (Tesfay, not Tesǝfay).
*/
static const char FOLD_RULES[] =
    "\\u0629 > a;"
    "\\u099A > ch; \\u099B > ch;"
    "::Any-Latin;"
    "::Latin-ASCII;"
    "[\\u02BE\\u02BF] > a;"
    "\\u01DD > ;";

/* Opened once per process: it takes tens of milliseconds. */
static UTransliterator *
transliterator(void)
{
	static UTransliterator *t;
	static int tried;
	static const char id[] = "approdo-nomi";
	UChar uid[sizeof id], rules[sizeof FOLD_RULES];
	UErrorCode e = U_ZERO_ERROR;
	UParseError pe;

	if (tried)
		return t;
	tried = 1;
	for (size_t i = 0; i < sizeof id; i++)
		uid[i] = (UChar)id[i];
	for (size_t i = 0; i < sizeof FOLD_RULES; i++)
		rules[i] = (UChar)FOLD_RULES[i];
	t = utrans_openU(uid, -1, UTRANS_FORWARD, rules, -1, &pe, &e);
	if (U_FAILURE(e)) {
		/* Then only ASCII letters count: keys still agree. */
		log_error("ICU: cannot open the name transliterator: %s",
		    u_errorName(e));
		t = NULL;
	}
	return t;
}

/*
** One character of the folded name: a letter in lowercase; apostrophes
** (and what is left of other scripts) join (N'Diaye = Ndiaye); anything
** else separates words.
*/
static void
fold_char(struct buf *out, unsigned int c, int *space)
{
	char l;

	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (c >= 'a' && c <= 'z') {
		l = (char)c;
		buf_add(out, &l, 1);
		*space = 0;
	} else if (c == '\'' || c == '`' || c >= 0x80)
		;
	else if (!*space) {
		buf_add(out, " ", 1);
		*space = 1;
	}
}

/* The non-ASCII name through ICU; -1 if ICU cannot. */
static int
fold_icu(const char *in, size_t n, struct buf *out, int *space)
{
	UTransliterator *t = transliterator();
	UErrorCode e = U_ZERO_ERROR;
	int32_t cap = (int32_t)n + 16, len = 0, limit;
	UChar *u = NULL;

	if (t == NULL)
		return -1;
	for (;;) {
		u = xmalloc((size_t)cap * sizeof *u);
		e = U_ZERO_ERROR;
		/* Invalid UTF-8 becomes U+FFFD, which folds to nothing. */
		u_strFromUTF8WithSub(u, cap, &len, in, (int32_t)n, 0xFFFD,
		    NULL, &e);
		if (U_SUCCESS(e)) {
			limit = len;
			utrans_transUChars(t, u, &len, cap, 0, &limit, &e);
		}
		/* Other scripts grow in Latin: again, with the room told. */
		if (e != U_BUFFER_OVERFLOW_ERROR || cap >= (1 << 20))
			break;
		free(u);
		cap = len >= cap ? len + 16 : cap * 2;
	}
	if (U_SUCCESS(e))
		for (int32_t i = 0; i < len; i++)
			fold_char(out, u[i], space);
	free(u);
	return U_SUCCESS(e) ? 0 : -1;
}

/* Lowercase ASCII words separated by single spaces. */
void
nome_fold(const char *in, struct buf *out)
{
	size_t n = strlen(in), i;
	int space = 1, ascii = 1;

	buf_reset(out);
	buf_add(out, "", 0);
	if (n > LINE_MAX_BYTES) {
		n = LINE_MAX_BYTES;
		while (n > 0 && ((unsigned char)in[n] & 0xC0) == 0x80)
			n--;	/* not inside a character */
	}
	for (i = 0; i < n && ascii; i++)
		ascii = (unsigned char)in[i] < 0x80;
	if (ascii || fold_icu(in, n, out, &space) != 0) {
		buf_reset(out);
		buf_add(out, "", 0);
		space = 1;
		for (i = 0; i < n; i++)
			fold_char(out, (unsigned char)in[i], &space);
	}
	while (out->n && out->p[out->n - 1] == ' ')
		out->p[--out->n] = '\0';
}

/* One word of a name: its keys (the first is the main one). */
struct word {
	char key[KEYS_MAX][KEY_MAX + 1];
	int nkeys;
	int particle;		/* a particle's token: matched, never joined */
};

struct words {
	struct word v[WORDS_MAX];
	int n;
};

static int
vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	    c == 'y';
}

static void
add_key(struct word *w, const char *key)
{
	if (*key == '\0' || w->nkeys == KEYS_MAX)
		return;
	for (int i = 0; i < w->nkeys; i++)
		if (strcmp(w->key[i], key) == 0)
			return;
	snprintf(w->key[w->nkeys++], KEY_MAX + 1, "%s", key);
}

static struct word *
new_word(struct words *ws)
{
	struct word *w;

	if (ws->n == WORDS_MAX)
		return NULL;
	w = &ws->v[ws->n++];
	memset(w, 0, sizeof *w);
	return w;
}

/* A word that got no key (only vowels dropped, say) is no word. */
static void
end_word(struct words *ws, struct word *w)
{
	if (w && w->nkeys == 0 && w == &ws->v[ws->n - 1])
		ws->n--;
}

static void
add_particle(struct words *ws, const char *token)
{
	struct word *w = new_word(ws);

	if (w) {
		add_key(w, token);
		w->particle = 1;
	}
}

/*
** The key of one word's letters (no consonant twice in a row). Bit k
** of `alt` picks the second reading of the k-th ambiguous letter: kh as
** h (Khamis, Hamis), ch as k (Michael), th as s (Othman, Osman), g
** before a vowel as j (Egyptian Gamal, Jamal). Returns how many
** ambiguous letters the word has.
*/
static int
skeleton(const char *w, size_t n, unsigned alt, char key[KEY_MAX + 1])
{
	size_t k = 0;
	int amb = 0;
	char last = 0;		/* the key's last letter, if no vowel since */

#define SECOND() (alt >> amb++ & 1)
	for (size_t i = 0; i < n; i++) {
		char c = w[i], o = c;
		char prev = i > 0 ? w[i - 1] : 0, next = i + 1 < n ? w[i + 1] : 0;
		char after = i + 2 < n ? w[i + 2] : 0;

		if (i == 0) {
			o = 0;
			/* Ouattara = Wattara; Diallo = Jallow; Djibril = Jibril. */
			if (c == 'o' && next == 'u' && vowel(after))
				o = 'v', i++;
			else if (c == 'd' && next == 'i' && after == 'a' &&
			    i + 3 < n && !vowel(w[i + 3]))
				o = 'y', i++;
			else if (c == 'd' && next == 'j')
				o = 'y', i++;
			else if (c == 'y' || c == 'j' || (c == 'i' &&
			    vowel(next) && next != 'y'))
				o = 'y';	/* Biniam = Binyam */
			else if (vowel(c))
				o = 'a';
			if (o) {
				key[k++] = o;
				last = o;
				continue;
			}
			o = c;
		}
		if (vowel(c)) {
			last = 0;
			continue;
		}
		switch (c) {
		case 'p':
			if (next == 'h')
				o = 'f', i++;
			break;
		case 'k':
			if (next == 'h')
				o = SECOND() ? 'h' : 'k', i++;
			break;
		case 'c':
			if (next == 'h')
				o = SECOND() ? 'k' : 's', i++;
			else if (next == 'k')
				o = 'k', i++;
			else	/* Lacina = Lassina; Cissé = Sisse */
				o = next == 'e' || next == 'i' || next == 'y' ?
				    's' : 'k';
			break;
		case 'g':
			if (next == 'h')
				i++;
			else if (vowel(next) && SECOND())
				o = 'y';
			break;
		case 's': case 'z':
			if (next == 'h')
				i++;
			o = 's';
			break;
		case 't':
			o = 'd';
			if (next == 'h')
				o = SECOND() ? 's' : 'd', i++;
			break;
		case 'd':
			if (next == 'h')
				i++;
			else if (next == 'j')
				o = 'y', i++;	/* Khadidja = Khadija */
			else if (i > 0 && next == 'i' && vowel(after) &&
			    after != 'y') {
				/* French di is j: Tidiane = Tijani, Ndiaye = Njie. */
				i++;
				if (!vowel(prev)) {
					last = 0;
					continue;
				}
				o = 'y';
			}
			break;
		case 'b':
			if (next == 'h')
				o = 'v', i++;	/* Bengali bh: Tanvir */
			break;
		case 'q': case 'x':
			o = 'k';
			break;
		case 'w':
			/* Before a vowel a consonant; else a vowel (-ow, Mahmwd). */
			if (!vowel(next) || next == 'y') {
				last = 0;
				continue;
			}
			o = 'v';
			break;
		case 'j':
			/* Albanian j is y: Erjon = Erion, Klajdi = Klaidi. */
			if (!vowel(prev) || (next && !vowel(next))) {
				last = 0;
				continue;
			}
			o = 'y';
			break;
		case 'h':
			if (next == 0)
				continue;	/* Fatimah = Fatima, Bah = Ba */
			break;
		}
		if (o == last)
			continue;
		if (k < KEY_MAX)
			key[k++] = o;
		last = o;
	}
#undef SECOND
	key[k] = '\0';
	return amb;
}

/*
** The vowels before the word's last consonant (Mahmoud: "ou"), or, with
** `first`, those at its start (Aymen: "ay").
*/
static void
vowels_at(const char *w, size_t n, int first, char out[8])
{
	size_t s, e;

	if (first) {
		for (s = e = 0; e < n && (vowel(w[e]) || w[e] == 'w'); e++)
			;
	} else {
		for (e = n; e > 0 && vowel(w[e - 1]); e--)
			;
		for (; e > 0 && !vowel(w[e - 1]) && w[e - 1] != 'w'; e--)
			;
		for (s = e; s > 0 && (vowel(w[s - 1]) || w[s - 1] == 'w'); s--)
			;
	}
	snprintf(out, 8, "%.*s", (int)(e - s < 7 ? e - s : 7), w + s);
}

/*
** Names the consonants alone would merge, told apart by a vowel:
** Mohamed and Mahmoud (mhmd), Hassan and Hussein (hsn, an e is either),
** Hamid and Hamdi (hmd), Saad and Said (sd), Amine and Aymen (amn).
*/
static void
hints(const char *w, size_t n, struct word *wd)
{
	char v[8];

	if (strcmp(wd->key[0], "mhmd") == 0) {
		vowels_at(w, n, 0, v);
		if (strpbrk(v, "uw") || strstr(v, "oo"))
			strcpy(wd->key[0], "mhmud");
	} else if (strcmp(wd->key[0], "hsn") == 0) {
		vowels_at(w, n, 0, v);
		if (strpbrk(v, "iy"))
			strcpy(wd->key[0], "hsyn");
		else if (*v && strspn(v, "e") == strlen(v))
			add_key(wd, "hsyn");
	} else if (strcmp(wd->key[0], "hmd") == 0) {
		if (n > 0 && (w[n - 1] == 'i' || w[n - 1] == 'y'))
			strcpy(wd->key[0], "hmdi");
	} else if (strcmp(wd->key[0], "sd") == 0) {
		vowels_at(w, n, 0, v);
		if (*v && strspn(v, "a") == strlen(v))
			strcpy(wd->key[0], "saad");
	} else if (strcmp(wd->key[0], "amn") == 0) {
		vowels_at(w, n, 1, v);
		if (strpbrk(v, "iy"))
			strcpy(wd->key[0], "aymn");
	}
}

/* Every reading of a word's letters, added to `wd`. */
static void
readings(const char *w, size_t n, struct word *wd)
{
	char key[KEY_MAX + 1];
	int amb = skeleton(w, n, 0, key), first = wd->nkeys;

	add_key(wd, key);
	if (first == 0)
		hints(w, n, wd);
	/* The first two ambiguous letters: at most four readings. */
	for (unsigned alt = 1; alt < 1u << (amb < 2 ? amb : 2); alt++) {
		skeleton(w, n, alt, key);
		add_key(wd, key);
	}
	/* Maghrebi forms drop the first i: Brahim, Driss, Smail, Skander. */
	if (n > 3 && (w[0] == 'i' || w[0] == 'e') && (strncmp(w + 1, "br", 2)
	    == 0 || strncmp(w + 1, "dr", 2) == 0 || strncmp(w + 1, "sm", 2) ==
	    0 || strncmp(w + 1, "sk", 2) == 0))
		for (int i = first, end = wd->nkeys; i < end; i++)
			add_key(wd, wd->key[i] + 1);
}

/* Whole words that abbreviate a name (Bangladeshi Md, Mohd, Mst). */
static const char *const abbreviations[][2] = {
	{ "md", "mhmd" }, { "mhd", "mhmd" }, { "mohd", "mhmd" },
	{ "muhd", "mhmd" }, { "mst", "msmd" },
};

/* Particle words, as spelled (doubled consonants single), and tokens. */
static const char *const particles[][2] = {
	{ "ben", "ibn" }, { "bin", "ibn" }, { "ibn", "ibn" }, { "ibnu", "ibn" },
	{ "bn", "ibn" }, { "ebn", "ibn" },
	{ "ould", "uld" }, { "wuld", "uld" }, { "weld", "uld" },
	{ "wold", "uld" }, { "welde", "uld" }, { "wolde", "uld" },
	{ "wld", "uld" }, { "walad", "uld" },
	{ "abu", "abu" }, { "abou", "abu" }, { "abw", "abu" },
	{ "din", "uddin" }, { "dine", "uddin" }, { "deen", "uddin" },
	{ "edin", "uddin" }, { "edine", "uddin" }, { "udin", "uddin" },
	{ "udine", "uddin" }, { "adin", "uddin" }, { "aldin", "uddin" },
	{ "eldin", "uddin" }, { "aldyn", "uddin" }, { "udeen", "uddin" },
	{ "ulah", "ullah" }, { "ula", "ullah" }, { "alah", "ullah" },
	{ "olah", "ullah" }, { "ulahi", "ullah" }, { "alh", "ullah" },
};

/* Particles joined to the word they belong to, longest first. */
static const char *const prefixes[][2] = {
	{ "wolde", "uld" }, { "welde", "uld" }, { "ould", "uld" },
	{ "wuld", "uld" }, { "weld", "uld" }, { "wold", "uld" },
	{ "abou", "abu" }, { "abu", "abu" },
	{ "ben", "ibn" }, { "bin", "ibn" }, { "ibn", "ibn" },
};
static const char *const suffixes[][2] = {
	{ "eldin", "uddin" }, { "aldin", "uddin" }, { "udeen", "uddin" },
	{ "edine", "uddin" }, { "udine", "uddin" }, { "edin", "uddin" },
	{ "udin", "uddin" }, { "adin", "uddin" },
	{ "ulahi", "ullah" }, { "ulah", "ullah" }, { "olah", "ullah" },
	{ "alah", "ullah" }, { "ula", "ullah" },
};

static const char *
lookup(const char *const table[][2], size_t n, const char *w, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(table[i][0]) == len &&
		    strncmp(table[i][0], w, len) == 0)
			return table[i][1];
	return NULL;
}

/* The Arabic article written apart: al-, el-; ar-Rashid, ad-Din. */
static int
article(const char *w, size_t n, const char *next)
{
	if (n == 2 && w[1] == 'l' && strchr("aeiu", w[0]))
		return 1;
	return n == 2 && strchr("aeu", w[0]) && strchr("dnrstz", w[1]) &&
	    next && next[0] == w[1];
}

/* Allah after Abd: Abdullah, Abdallah, Abdoulaye, Abdillahi. */
static int
allah(const char *w, size_t n)
{
	size_t i = 1;

	if (n == 0 || w[0] != 'l')
		return 0;
	while (i < n && vowel(w[i]))
		i++;
	if (i < n && w[i] == 'h')
		i++;
	while (i < n && vowel(w[i]))
		i++;
	return i == n;
}

static void plain(struct words *, const char *, size_t);

/*
** Abd- and what follows it, joined or not: Abdelrahman, Abdul Rahman,
** Abd al-Rahman, Abdurrahman, Abdirahman are all "abdu rhmn". Returns
** 0 if the word is not an Abd- name.
*/
static int
abd(struct words *ws, const char *w, size_t n)
{
	size_t p = 3;
	const char *r;
	struct word *wd;

	if (n < 3 || strncmp(w, "abd", 3) != 0)
		return 0;
	while (p < n && vowel(w[p]) && w[p] != 'y')
		p++;
	r = w + p;
	n -= p;
	add_particle(ws, "abdu");
	if (n == 0 || (n == 1 && (*r == 'l' || *r == 'r')))
		return 1;	/* Abdul, Abdel, Abdi, Abdur: the next word */
	if (allah(r, n)) {
		add_particle(ws, "ullah");
		return 1;
	}
	if (*r == 'l' && n > 1 && !vowel(r[1])) {
		plain(ws, r + 1, n - 1);	/* the article: Abdulkarim */
		return 1;
	}
	if (*r == 'l' && (wd = new_word(ws)) != NULL) {
		/* Abdelaziz (the article, Aziz) or Abdellatif (Latif)? Both. */
		readings(r + 1, n - 1, wd);
		readings(r, n, wd);
		end_word(ws, wd);
		return 1;
	}
	if (p > 4 && (wd = new_word(ws)) != NULL) {
		/* Somali Abdiaziz: Abdi and Aziz, its last vowel Aziz's. */
		readings(r, n, wd);
		readings(r - 1, n + 1, wd);
		end_word(ws, wd);
		return 1;
	}
	plain(ws, r, n);
	return 1;
}

/* A word without particles: its readings, or the name it abbreviates. */
static void
plain(struct words *ws, const char *w, size_t n)
{
	const char *abbr = lookup(abbreviations, COUNT(abbreviations), w, n);
	struct word *wd;

	if (n == 0 || (wd = new_word(ws)) == NULL)
		return;
	if (abbr)
		add_key(wd, abbr);
	else
		readings(w, n, wd);
	end_word(ws, wd);
}

/* One word as written: a particle, or particles joined to a name. */
static void
word(struct words *ws, const char *w, size_t n)
{
	const char *t;
	size_t k;

	if ((t = lookup(particles, COUNT(particles), w, n)) != NULL) {
		add_particle(ws, t);
		return;
	}
	if (abd(ws, w, n))
		return;
	for (size_t i = 0; i < COUNT(prefixes); i++) {
		k = strlen(prefixes[i][0]);
		if (n >= k + 3 && strncmp(w, prefixes[i][0], k) == 0) {
			/* Benali, Ouldahmed, Aboubacar; Benabdallah too. */
			add_particle(ws, prefixes[i][1]);
			word(ws, w + k, n - k);
			return;
		}
	}
	/* The article joined: Elsayed = El Sayed (but Ali, Alpha, Elvis). */
	if (n >= 6 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' &&
	    !vowel(w[2])) {
		w += 2;
		n -= 2;
	}
	for (size_t i = 0; i < COUNT(suffixes); i++) {
		k = strlen(suffixes[i][0]);
		if (n >= k + 3 && strncmp(w + n - k, suffixes[i][0], k) == 0) {
			plain(ws, w, n - k);
			add_particle(ws, suffixes[i][1]);
			return;
		}
	}
	plain(ws, w, n);
}

/* The words of one folded name, doubled consonants made single. */
static void
words_of(const char *folded, struct words *ws)
{
	const char *p = folded;
	int articles = 0;

	ws->n = 0;
	while (*p) {
		const char *end = strchr(p, ' ');
		size_t n = end ? (size_t)(end - p) : strlen(p), k = 0;
		char w[WORD_MAX];

		for (size_t i = 0; i < n && k < sizeof w; i++)
			if (k == 0 || p[i] != w[k - 1] || vowel(p[i]))
				w[k++] = p[i];
		if (article(w, k, end ? end + 1 : NULL))
			articles++;
		else
			word(ws, w, k);
		p += n;
		while (*p == ' ')
			p++;
	}
	/* Only articles ("El"): then they are the name. */
	if (ws->n == 0 && articles > 0)
		for (p = folded; *p;) {
			size_t n = strcspn(p, " ");

			plain(ws, p, n);
			p += n;
			while (*p == ' ')
				p++;
		}
}

/* Two neighbouring names keyed as one word: Habte Mariam, Habtemariam. */
static int
joined(const struct words *ws, int i, int j, char out[2 * KEY_MAX + 1])
{
	if (i < 0 || j >= ws->n || ws->v[i].particle || ws->v[j].particle)
		return 0;
	snprintf(out, 2 * KEY_MAX + 1, "%s%s", ws->v[i].key[0],
	    ws->v[j].key[0]);
	return 1;
}

/* The words of a name as typed, folded and keyed; `out` starts empty. */
static void
name_words(const char *in, struct words *ws, struct buf *out)
{
	struct buf folded = { 0 };

	buf_reset(out);
	buf_add(out, "", 0);
	nome_fold(in, &folded);
	words_of(folded.p, ws);
	buf_free(&folded);
}

/* The keys to index for one name, space-separated. */
void
nome_keys(const char *in, struct buf *out)
{
	struct words ws;
	char join[2 * KEY_MAX + 1];

	name_words(in, &ws, out);
	for (int i = 0; i < ws.n; i++) {
		for (int k = 0; k < ws.v[i].nkeys; k++)
			buf_printf(out, "%s%s", out->n ? " " : "", ws.v[i].key[k]);
		if (joined(&ws, i, i + 1, join))
			buf_printf(out, " %s", join);
	}
}

/*
** An FTS5 query for what the user typed: for every word one of its
** keys, or its key joined with a neighbour's. With `prefix_last` the
** last word may be a prefix (search while typing). Keys are plain
** letters, so the query has no syntax of the user's in it.
*/
void
nome_query(const char *in, int prefix_last, struct buf *out)
{
	struct buf group = { 0 };
	struct words ws;
	char join[2 * KEY_MAX + 1];

	name_words(in, &ws, out);
	for (int i = 0; i < ws.n; i++) {
		const struct word *w = &ws.v[i];
		int last = prefix_last && i == ws.n - 1;

		if (w->nkeys == 0)
			continue;
		/* A one-letter prefix would match half the index. */
		if (last && ws.n > 1 && strlen(w->key[0]) == 1)
			break;
		buf_reset(&group);
		buf_add(&group, "(", 1);
		for (int k = 0; k < w->nkeys; k++)
			buf_printf(&group, "%s\"%s\"%s", k ? " OR " : "",
			    w->key[k], last && k == 0 && strlen(w->key[0]) > 1 ?
			    "*" : "");
		if (joined(&ws, i - 1, i, join))
			buf_printf(&group, " OR \"%s\"%s", join, last ? "*" : "");
		if (!last && joined(&ws, i, i + 1, join))
			buf_printf(&group, " OR \"%s\"", join);
		buf_add(&group, ")", 1);
		/* The same group twice (Mohamed Mohamed) asks nothing more. */
		if (strstr(out->p, group.p))
			continue;
		buf_printf(out, "%s%s", out->n ? " AND " : "", group.p);
	}
	buf_free(&group);
}

static const char SQL_NOMI_DELETE[] =
    "DELETE FROM minori_nomi WHERE rowid = :id";
static const char SQL_NOMI_INSERT[] =
    "INSERT INTO minori_nomi (rowid, chiavi) VALUES (:id, :chiavi)";

/*
** (Re)writes the name keys of case `id` in the caller's transaction:
** surname and name keyed as one name (which word went in which field
** does not matter), then each alias line. The only writer of
** minori_nomi.
*/
int
nome_index(long long id, const char *cognome, const char *nome,
    const char *alias)
{
	struct buf all = { 0 }, line = { 0 }, keys = { 0 };
	int rc;

	buf_add(&all, "", 0);
	buf_printf(&line, "%s %s", cognome ? cognome : "", nome ? nome : "");
	nome_keys(line.p, &keys);
	buf_printf(&all, "%s ", keys.p);
	for (const char *p = alias ? alias : ""; *p;) {
		size_t n = strcspn(p, "\n");

		buf_reset(&line);
		buf_add(&line, p, n);
		nome_keys(line.p, &keys);
		buf_printf(&all, "%s ", keys.p);
		p += n + (p[n] ? 1 : 0);
	}
	buf_free(&line);
	buf_free(&keys);
	rc = db_write(SQL_NOMI_DELETE, ARGS(ARG_INT("id", id)));
	if (rc == 0)
		rc = db_write(SQL_NOMI_INSERT, ARGS(ARG_INT("id", id),
		    ARG_TEXT("chiavi", all.p)));
	buf_free(&all);
	return rc;
}

/* The version of the key rules: a new one rewrites every case's keys. */
#define NOME_VERSIONE 2

static const char SQL_CHIAVI_VERSIONE[] =
    "SELECT n FROM versioni WHERE nome = 'chiavi_nomi'";
static const char SQL_CHIAVI_VERSIONE_SET[] =
    "INSERT INTO versioni (nome, n) VALUES ('chiavi_nomi', :n)"
    " ON CONFLICT (nome) DO UPDATE SET n = excluded.n";

/*
** approdo-admin migrate: if the keys on record were made by older rules
** (or none recorded which), rewrites them all, in one transaction.
*/
int
nome_upgrade(struct request *console)
{
	long long n;

	(void)console;
	if (db_value(SQL_CHIAVI_VERSIONE, NO_ARGS, 0) == NOME_VERSIONE)
		return 0;
	if (db_begin_write() != 0)
		return -1;
	n = nome_reindex();
	db_write(SQL_CHIAVI_VERSIONE_SET, ARGS(ARG_INT("n", NOME_VERSIONE)));
	if (n < 0 || db_commit() != 0)
		return -1;
	printf("chiavi dei nomi riscritte per %lld fascicoli\n", n);
	return 0;
}

/*
** FTS5's incremental merge: up to :pagine pages of work on the levels
** that hold two or more segments (usermerge, 2 since migration 007), so
** that a search reads one or two segments instead of ten.
*/
static const char SQL_NOMI_MERGE[] =
    "INSERT INTO minori_nomi (minori_nomi, rank) VALUES ('merge', :pagine)";

/*
** The module's maintenance step (struct module's maintain): 1 if more
** merging is left, 0 if not, -1 on error. FTS5 reports that there was
** nothing to merge by changing fewer than two rows.
*/
int
nome_maintain(void)
{
	long long before;
	int more;

	if (db_begin_light() != 0)
		return -1;
	before = db_total_changes();
	db_write(SQL_NOMI_MERGE, ARGS(ARG_INT("pagine", 64)));
	more = db_total_changes() - before >= 2;
	return db_commit() == 0 ? more : -1;
}

static const char SQL_NOMI_ALL[] =
    "SELECT id, cognome, nome, alias FROM minori ORDER BY id";

/*
** Rewrites the name keys of every case in the caller's transaction: for
** a database whose keys older rules made. Returns how many, or -1.
*/
long long
nome_reindex(void)
{
	struct stmt *st = db_prepare(SQL_NOMI_ALL);
	long long n = 0;

	while (n >= 0 && db_step(st) == SQLITE_ROW)
		n = nome_index(db_int(st, "id"), db_text(st, "cognome"),
		    db_text(st, "nome"), db_text(st, "alias")) == 0 ? n + 1 : -1;
	db_done(st);
	return db_failed() ? -1 : n;
}
