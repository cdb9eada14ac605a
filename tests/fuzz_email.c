/*
** libFuzzer target for the text of a mail (lib/core/email.c): the
** message built from any sender's name, addresses, subject, Message-ID
** and body, and the sender's "Nome <indirizzo>" parsed. Built and run by
** tests/fuzz.sh; the seeds are in tests/fuzz-corpus-email/.
**
** The input is split at NUL bytes: the sender's name, the sender's
** address (also parsed as APPRODO_SMTP_FROM), the recipient's address,
** the subject, the Message-ID, the body; missing pieces are empty.
**
** Invariants (abort() when broken, with "INVARIANT:" on stderr):
**   - email_componi() fails, writing nothing, exactly when an address or
**     the Message-ID is not valid;
**   - a valid address is ASCII without spaces, controls, '<', '>', ',';
**   - what it writes is printable ASCII lines ending in CRLF (no other CR
**     or LF), the headers exactly Date, From, To, Subject, Message-ID,
**     MIME-Version, Content-Type, Content-Transfer-Encoding,
**     Auto-Submitted, in this order (a line after the first of a header
**     starts with a space), then one empty line, then the body's lines of
**     at most 76 characters, none of them a lone ".";
**   - the subject, unfolded and decoded, is valid UTF-8 with no control
**     character, at most 200 bytes;
**   - a sender parsed from "Nome <indirizzo>" has a valid address.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "email.h"

#define INVARIANT(cond, what) do { if (!(cond)) { \
	fprintf(stderr, "INVARIANT: %s\n", what); abort(); } } while (0)

static const char *const headers[] = { "Date", "From", "To", "Subject",
    "Message-ID", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding", "Auto-Submitted" };

static int
b64(int c)
{
	const char *abc =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(abc, c) : NULL;

	return p ? (int)(p - abc) : -1;
}

/* The subject's value (from its first line on), its words decoded. */
static void
subject_check(const char *v, const char *end)
{
	struct buf out = { 0 };
	int words = 0;

	while (v < end) {
		if (strncmp(v, "\r\n ", 3) == 0) {
			v += 3;
			INVARIANT(words, "a subject folds only between encoded words");
			continue;
		}
		if (strncmp(v, "=?UTF-8?B?", 10) == 0) {
			const char *z = strstr(v + 10, "?=");
			unsigned acc = 0;
			int bits = 0;

			INVARIANT(z && z < end, "an encoded word ends");
			for (const char *p = v + 10; p < z && *p != '='; p++) {
				int x = b64((unsigned char)*p);

				INVARIANT(x >= 0, "base64 in an encoded word");
				acc = (acc << 6) | (unsigned)x;
				if ((bits += 6) >= 8) {
					char c = (char)((acc >> (bits - 8)) & 0xff);

					buf_add(&out, &c, 1);
					bits -= 8;
				}
			}
			INVARIANT(z - v <= 75, "an encoded word of at most 75");
			v = z + 2;
			words = 1;
			continue;
		}
		INVARIANT(!words, "plain text after encoded words");
		buf_add(&out, v++, 1);
	}
	buf_add(&out, "", 0);	/* (adds no byte: out.p is a string) */
	INVARIANT(out.n <= 200, "a subject of at most 200 bytes");
	INVARIANT(utf8_valid(out.p, out.n), "the subject is UTF-8");
	for (size_t i = 0; i < out.n; i++)
		INVARIANT((unsigned char)out.p[i] >= 0x20 && out.p[i] != 0x7f,
		    "no control character in the subject");
	buf_free(&out);
}

static void
message_check(const char *m, size_t n)
{
	const char *p = m, *end = m + n;
	size_t h = 0;

	INVARIANT(strlen(m) == n, "no NUL in the message");
	/* Headers. */
	for (;;) {
		const char *e = strstr(p, "\r\n");

		INVARIANT(e, "every header line ends in CRLF");
		if (e == p) {
			p += 2;
			break;
		}
		for (const char *c = p; c < e; c++)
			INVARIANT(*c >= 0x20 && *c < 0x7f,
			    "headers are printable ASCII");
		INVARIANT(e - p <= 998, "a header line within 998");
		if (*p == ' ') {
			INVARIANT(h > 0, "a continuation follows a header");
		} else {
			size_t len = strlen(headers[h < 9 ? h : 8]);

			INVARIANT(h < 9 && strncmp(p, headers[h], len) == 0 &&
			    p[len] == ':' && p[len + 1] == ' ',
			    "the headers, in order, and no other");
			if (h == 3) {
				const char *z = e;

				while (strncmp(z, "\r\n ", 3) == 0)
					z = strstr(z + 3, "\r\n");
				subject_check(p + len + 2, z);
			}
			h++;
		}
		p = e + 2;
	}
	INVARIANT(h == 9, "all nine headers");
	/* Body. */
	while (p < end) {
		const char *e = strstr(p, "\r\n");

		INVARIANT(e, "every body line ends in CRLF");
		INVARIANT(e - p <= 76, "a body line within 76");
		INVARIANT(!(e - p == 1 && *p == '.'), "no line is a lone dot");
		for (const char *c = p; c < e; c++)
			INVARIANT(*c >= 0x20 && *c < 0x7f,
			    "the body is printable ASCII (quoted-printable)");
		p = e + 2;
	}
}

static void
address_check(const char *a)
{
	if (!email_indirizzo_valido(a))
		return;
	for (const char *c = a; *c; c++)
		INVARIANT((unsigned char)*c > 0x20 && *c < 0x7f &&
		    !strchr("<>,\"\\()[];:", *c), "a valid address is plain");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);
	const char *piece[6] = { "", "", "", "", "", "" };
	struct pool pool = { 0 };
	struct buf out = { 0 };
	const char *nome, *indirizzo;
	size_t k = 0, start = 0;
	int rc, valid;

	memcpy(in, data, size);
	in[size] = '\0';
	for (size_t i = 0; i <= size && k < 6; i++)
		if (i == size || in[i] == '\0') {
			piece[k++] = in + start;
			start = i + 1;
		}
	for (int i = 1; i <= 2; i++)
		address_check(piece[i]);
	rc = email_componi(&out, &(struct email){ .da_nome = piece[0],
	    .da = piece[1], .a = piece[2], .oggetto = piece[3],
	    .message_id = piece[4], .data = 1767225600, .testo = piece[5] });
	valid = email_indirizzo_valido(piece[1]) &&
	    email_indirizzo_valido(piece[2]) && *piece[4] &&
	    strchr(piece[4], '@') && strlen(piece[4]) <= 200 &&
	    strspn(piece[4], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-_@") == strlen(piece[4]) &&
	    strchr(piece[4], '@') == strrchr(piece[4], '@') &&
	    piece[4][0] != '@' && strchr(piece[4], '@')[1] != '\0';
	INVARIANT((rc == 0) == valid, "fails exactly on a bad address or id");
	if (rc == 0)
		message_check(out.p, out.n);
	else
		INVARIANT(out.n == 0, "a failure writes nothing");
	if (email_mittente(&pool, piece[1], &nome, &indirizzo) == 0)
		INVARIANT(email_indirizzo_valido(indirizzo),
		    "a parsed sender's address is valid");
	buf_free(&out);
	pool_free(&pool);
	free(in);
	return 0;
}
