/*
** libFuzzer target for the name keys (lib/minori/nome.c): nome_fold,
** nome_keys and nome_query on arbitrary bytes, valid UTF-8 in any script
** or not. Built and run by tests/fuzz.sh; the seeds are in
** tests/fuzz-corpus-nome/.
**
** The input is one name; a NUL ends it as it would a C string, and each
** NUL-separated piece after it is one more name (so inputs with NULs
** still reach the code).
**
** Invariants (abort() when broken, with "INVARIANT:" on stderr):
**   - nome_fold gives lowercase ASCII words separated by single spaces,
**     never a space at either end;
**   - nome_keys gives words of lowercase ASCII letters separated by
**     single spaces;
**   - nome_query gives quoted keys of lowercase letters (the last one may
**     be a prefix), OR inside parentheses, AND between them, nothing
**     else; it is empty exactly when the keys are;
**   - the same input gives the same keys and query a second time;
**   - SQLite's FTS5 accepts the query, and a row holding the name's
**     keys matches the name's own query, with and without the prefix
**     (what the duplicate check and the search rely on).
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interno.h"

#define INVARIANT(cond, what) do { if (!(cond)) { \
	fprintf(stderr, "INVARIANT: %s\n", what); abort(); } } while (0)

/* Lowercase ASCII words separated by single spaces (or nothing). */
static int
words_ok(const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' ' || strstr(s, "  ")))
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz ") == n;
}

/* ("key" OR "key"*) AND (...): the shape nome_query promises. */
static int
query_ok(const char *q)
{
	const char *p = q;

	while (*p) {
		if (p != q && strncmp(p, " AND ", 5) != 0)
			return 0;
		if (p != q)
			p += 5;
		if (*p++ != '(')
			return 0;
		for (;;) {
			if (*p++ != '"' || !(*p >= 'a' && *p <= 'z'))
				return 0;
			while (*p >= 'a' && *p <= 'z')
				p++;
			if (*p++ != '"')
				return 0;
			if (*p == '*')
				p++;
			if (*p == ')')
				break;
			if (strncmp(p, " OR ", 4) != 0)
				return 0;
			p += 4;
		}
		p++;
	}
	return 1;
}

/* Does a row of `keys` match `query` in FTS5 as minori_nomi is made? */
static int
self_match(const char *keys, const char *query)
{
	static sqlite3 *mem;
	static sqlite3_stmt *ins, *match, *del;
	int rc, found;

	if (mem == NULL) {
		INVARIANT(sqlite3_open(":memory:", &mem) == SQLITE_OK &&
		    sqlite3_exec(mem, "CREATE VIRTUAL TABLE t USING fts5(chiavi,"
		    " tokenize = 'ascii', detail = 'column',"
		    " prefix = '2 3 4 5 6')", NULL, NULL, NULL) == SQLITE_OK &&
		    sqlite3_prepare_v2(mem, "INSERT INTO t (rowid, chiavi)"
		    " VALUES (1, ?)", -1, &ins, NULL) == SQLITE_OK &&
		    sqlite3_prepare_v2(mem, "SELECT count(*) FROM t WHERE t"
		    " MATCH ?", -1, &match, NULL) == SQLITE_OK &&
		    sqlite3_prepare_v2(mem, "DELETE FROM t", -1, &del, NULL) ==
		    SQLITE_OK, "an in-memory FTS5 table");
	}
	sqlite3_bind_text(ins, 1, keys, -1, SQLITE_STATIC);
	INVARIANT(sqlite3_step(ins) == SQLITE_DONE, "the keys go in FTS5");
	sqlite3_reset(ins);
	sqlite3_bind_text(match, 1, query, -1, SQLITE_STATIC);
	rc = sqlite3_step(match);
	if (rc != SQLITE_ROW)
		fprintf(stderr, "fts5: %s: %s\n", sqlite3_errmsg(mem), query);
	INVARIANT(rc == SQLITE_ROW, "FTS5 accepts the query");
	found = sqlite3_column_int(match, 0) == 1;
	sqlite3_reset(match);
	sqlite3_step(del);
	sqlite3_reset(del);
	return found;
}

static void
one(const char *name)
{
	struct buf f = { 0 }, k = { 0 }, k2 = { 0 }, q = { 0 }, q2 = { 0 };
	struct buf p = { 0 };

	nome_fold(name, &f);
	INVARIANT(words_ok(f.p), "nome_fold: lowercase words, single spaces");
	nome_keys(name, &k);
	INVARIANT(words_ok(k.p), "nome_keys: lowercase words, single spaces");
	nome_query(name, 0, &q);
	INVARIANT(query_ok(q.p), "nome_query: the promised shape");
	INVARIANT((q.n == 0) == (k.n == 0), "a query exactly when keys");
	nome_query(name, 1, &p);
	INVARIANT(query_ok(p.p), "nome_query (prefix): the promised shape");
	nome_keys(name, &k2);
	nome_query(name, 0, &q2);
	INVARIANT(strcmp(k.p, k2.p) == 0 && strcmp(q.p, q2.p) == 0,
	    "the same keys and query twice");
	if (q.n > 0)
		INVARIANT(self_match(k.p, q.p), "a name matches its own query");
	if (p.n > 0)
		INVARIANT(self_match(k.p, p.p),
		    "a name matches its own prefix query");
	buf_free(&f);
	buf_free(&k);
	buf_free(&k2);
	buf_free(&q);
	buf_free(&q2);
	buf_free(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so AddressSanitizer sees any over-read. */
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (size_t i = 0; i <= size; i += strlen(s + i) + 1)
		one(s + i);
	free(s);
	return 0;
}
