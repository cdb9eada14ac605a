/*
** Name keys. A name is folded to lowercase ASCII (accents removed, other
** scripts dropped), split into words, and each word reduced to a
** consonant skeleton: the first letter (any vowel as 'a'), then the
** consonants, with the letters that transliterations confuse merged
** (t/d, ph/f, kh/k, ch/sh/s, z/s, c/q/k ...) and repeats collapsed.
*/
#include <stdio.h>
#include <string.h>

#include "interno.h"

/* Base letters of U+00C0..U+017F (Latin-1 Supplement, Latin Extended-A). */
static const char latin[] =
    "AAAAAAACEEEEIIII" "DNOOOOOxOUUUUYTs"	/* C0-DF */
    "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty"	/* E0-FF */
    "AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg"	/* 100-11F */
    "GgGgHhHhIiIiIiIi" "IiJjJjKkkLlLlLlL"	/* 120-13F */
    "lLlNnNnNnnNnOoOo" "OoOoRrRrRrSsSsSs"	/* 140-15F */
    "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";	/* 160-17F */

/*
** Lowercase ASCII letters and single spaces; apostrophes and hyphens
** join nothing (El-Sayed -> "el sayed"); other characters are dropped.
*/
void
nome_fold(const char *in, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	int space = 1;

	buf_reset(out);
	buf_add(out, "", 0);
	while (*s) {
		unsigned int cp;
		int len;
		char c = 0;

		if (*s < 0x80) {
			cp = *s;
			len = 1;
		} else if ((*s & 0xE0) == 0xC0 && s[1]) {
			cp = ((unsigned)(*s & 0x1F) << 6) | (s[1] & 0x3F);
			len = 2;
		} else {
			/* Three- and four-byte sequences: not Latin, skip. */
			len = 1;
			while ((s[len] & 0xC0) == 0x80)
				len++;
			cp = 0;
		}
		s += len;
		if (cp >= 'A' && cp <= 'Z')
			c = (char)(cp - 'A' + 'a');
		else if (cp >= 'a' && cp <= 'z')
			c = (char)cp;
		else if (cp >= 0xC0 && cp <= 0x17F) {
			c = latin[cp - 0xC0];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c < 'a' || c > 'z')
				c = 0;
			if (cp == 0xDF)
				c = 's';	/* sharp s */
		}
		if (c) {
			buf_add(out, &c, 1);
			space = 0;
		} else if (!space && (cp == ' ' || cp == '-' || cp == '\'' ||
		    cp == '\t' || cp == ',' || cp == '.' || cp == 0x2019)) {
			buf_add(out, " ", 1);
			space = 1;
		}
	}
	while (out->n && out->p[out->n - 1] == ' ')
		out->p[--out->n] = '\0';
}

static int
vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	    c == 'y';
}

/* The skeleton of one folded word of `n` letters, appended to `out`. */
static void
skeleton(const char *w, size_t n, struct buf *out)
{
	char last = 0;

	for (size_t i = 0; i < n; i++) {
		char c = w[i], next = i + 1 < n ? w[i + 1] : 0;

		if (i == 0) {
			c = vowel(c) && c != 'y' ? 'a' : c;
			if (c == 'y' || c == 'j')
				c = 'y';
		} else if (vowel(c))
			continue;
		/* Digraphs first: ph, kh, ch, sh, th, dh, gh, ck. */
		if (next == 'h' && strchr("pkcstdg", c)) {
			c = c == 'p' ? 'f' : c == 'c' || c == 's' ? 's' :
			    c == 't' || c == 'd' ? 'd' : c;
			i++;
		} else if (c == 'c' && next == 'k')
			i++;
		if (c == 'h' && i == n - 1 && i > 0)
			continue;		/* Fatimah = Fatima */
		switch (c) {
		case 't': c = 'd'; break;
		case 'c': case 'q': c = 'k'; break;
		case 'z': c = 's'; break;
		case 'x': c = 'k'; break;
		case 'w': c = 'v'; break;
		case 'j': c = 'y'; break;
		}
		if (i > 0 && c == last)
			continue;
		buf_add(out, &c, 1);
		last = c;
	}
}

/* Arabic "Abd"-compounds written together or apart. */
static size_t
abd_prefix(const char *w, size_t n)
{
	static const char *const prefixes[] = {
		"abdel", "abdul", "abdal", "abdur", "abdou", "abdu", "abd",
	};

	for (size_t i = 0; i < COUNT(prefixes); i++) {
		size_t k = strlen(prefixes[i]);

		if (n >= k && strncmp(w, prefixes[i], k) == 0)
			return k;
	}
	return 0;
}

static void
key_words(const char *folded, struct buf *out, int with_joined)
{
	struct buf joined = { 0 };
	const char *p = folded;
	int words = 0;

	while (*p) {
		const char *end = strchr(p, ' ');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		size_t k = abd_prefix(p, n);
		size_t start = out->n;

		/* Arabic article written apart: Abd al-Rahman = Abdul Rahman. */
		if (n == 2 && (strncmp(p, "al", 2) == 0 ||
		    strncmp(p, "el", 2) == 0 || strncmp(p, "ul", 2) == 0)) {
			p += n;
			while (*p == ' ')
				p++;
			continue;
		}

		if (out->n)
			buf_add(out, " ", 1);
		if (k > 0) {
			buf_add(out, "abd", 3);
			buf_add(&joined, "abd", 3);
			if (n > k) {
				/* Abdelrahman: also "abd" and "rhmn" on their own. */
				struct buf rest = { 0 };

				buf_add(out, " ", 1);
				skeleton(p + k, n - k, &rest);
				buf_add(out, rest.p, rest.n);
				buf_add(&joined, rest.p, rest.n);
				buf_add(out, " abd", 4);
				/* Not from `out` itself: appending may move it. */
				buf_add(out, rest.p, rest.n);
				buf_free(&rest);
			}
		} else {
			skeleton(p, n, out);
			buf_add(&joined, out->p + start + (start ? 1 : 0),
			    out->n - start - (start ? 1 : 0));
		}
		words++;
		p += n;
		while (*p == ' ')
			p++;
	}
	/* The whole name written as one word: Abdul Rahman = Abdulrahman. */
	if (with_joined && words > 1 && joined.n) {
		buf_add(out, " ", 1);
		buf_add(out, joined.p, joined.n);
	}
	buf_free(&joined);
}

/* The keys to index for a name (or several, one per line). */
void
nome_keys(const char *in, struct buf *out)
{
	struct buf folded = { 0 };

	buf_reset(out);
	buf_add(out, "", 0);
	nome_fold(in, &folded);
	key_words(folded.p, out, 1);
	buf_free(&folded);
}

/*
** An FTS5 query for what the user typed: every word's key must be there;
** the last one may be a prefix (search while typing). Keys are plain
** letters, so the query has no syntax of the user's in it.
*/
void
nome_query(const char *in, int prefix_last, struct buf *out)
{
	struct buf folded = { 0 }, keys = { 0 };
	const char *p;

	buf_reset(out);
	buf_add(out, "", 0);
	nome_fold(in, &folded);
	key_words(folded.p, &keys, 0);
	for (p = keys.p; p && *p;) {
		const char *end = strchr(p, ' ');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (out->n)
			buf_add(out, " AND ", 5);
		buf_add(out, "\"", 1);
		buf_add(out, p, n);
		buf_add(out, "\"", 1);
		/* A one-letter prefix would match half the index. */
		if (end == NULL && prefix_last && n > 1)
			buf_add(out, "*", 1);
		p += n;
		while (*p == ' ')
			p++;
	}
	buf_free(&folded);
	buf_free(&keys);
}

static const char SQL_NOMI_DELETE[] =
    "DELETE FROM minori_nomi WHERE rowid = :id";
static const char SQL_NOMI_INSERT[] =
    "INSERT INTO minori_nomi (rowid, chiavi) VALUES (:id, :chiavi)";

/*
** (Re)writes the name keys of case `id` (surname, name, and each alias
** line) in the caller's transaction: the only writer of minori_nomi.
*/
int
nome_index(long long id, const char *cognome, const char *nome,
    const char *alias)
{
	struct buf all = { 0 }, keys = { 0 };
	const char *fields[] = { cognome, nome };
	int rc;

	buf_add(&all, "", 0);
	for (size_t i = 0; i < COUNT(fields); i++) {
		nome_keys(fields[i] ? fields[i] : "", &keys);
		buf_printf(&all, "%s ", keys.p);
	}
	for (const char *p = alias ? alias : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[512];

		snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), p);
		nome_keys(line, &keys);
		buf_printf(&all, "%s ", keys.p);
		p += n + (end ? 1 : 0);
	}
	buf_free(&keys);
	rc = db_write(SQL_NOMI_DELETE, ARGS(ARG_INT("id", id)));
	if (rc == 0)
		rc = db_write(SQL_NOMI_INSERT, ARGS(ARG_INT("id", id),
		    ARG_TEXT("chiavi", all.p)));
	buf_free(&all);
	return rc;
}
