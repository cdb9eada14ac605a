/*
** Mail as RFC 5322 text (email.h). Whatever text a caller hands over,
** what comes out has exactly the headers written here, each on its own
** CRLF line: a subject or a name is folded into one line of printable
** characters first (a control character, CR and LF included, becomes a
** space; bytes that are not UTF-8 become '?'). No tables.
*/
#include <stdio.h>
#include <string.h>

#include "email.h"

#define OGGETTO_MAX 200		/* bytes of a subject, at most */
#define NOME_MAX 64		/* bytes of the sender's name, at most */

/* The length of the UTF-8 character at s (at most n bytes), 0 if none. */
static size_t
utf8_char(const unsigned char *s, size_t n)
{
	size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;

	if (len > n || !utf8_valid((const char *)s, len))
		return 0;
	return len;
}

/* A blank: a space or a control character, or U+0085, U+2028, U+2029,
** which some programs take for line ends. */
static int
bianco(const unsigned char *c, size_t len)
{
	return (len == 1 && (*c <= 0x20 || *c == 0x7f)) ||
	    (len == 2 && c[0] == 0xC2 && c[1] == 0x85) ||
	    (len == 3 && c[0] == 0xE2 && c[1] == 0x80 &&
	    (c[2] == 0xA8 || c[2] == 0xA9));
}

/*
** `s` as one line: valid UTF-8 (a byte that is not becomes '?'), each run
** of blanks one space, none at either end, at most `max` bytes (cut
** before a character).
*/
static char *
una_riga(struct pool *pool, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), o = 0;
	char *out = pool_alloc(pool, n + 1);
	int spazio = 0;

	while (n > 0) {
		size_t len = utf8_char(p, n);
		const unsigned char *c = p;
		size_t clen = len;

		if (len == 0) {
			c = (const unsigned char *)"?";
			clen = len = 1;
		} else if (bianco(p, len)) {
			spazio = 1;
			p += len;
			n -= len;
			continue;
		}
		if (o + (spazio && o > 0) + clen > max)
			break;
		if (spazio && o > 0)
			out[o++] = ' ';
		spazio = 0;
		memcpy(out + o, c, clen);
		o += clen;
		p += len;
		n -= len;
	}
	out[o] = '\0';
	return out;
}

static int
solo_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static void
base64(struct buf *b, const unsigned char *s, size_t n)
{
	static const char abc[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		char q[4];

		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		q[0] = abc[(v >> 18) & 63];
		q[1] = abc[(v >> 12) & 63];
		q[2] = i + 1 < n ? abc[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? abc[v & 63] : '=';
		buf_add(b, q, 4);
	}
}

/*
** `s` (one line already) as RFC 2047 encoded words, "=?UTF-8?B?...?=",
** each of at most 39 bytes of text (64 characters: a header line stays
** under 78), never splitting a character, folded with CRLF and a space.
*/
static void
parole_codificate(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	int prima = 1;

	while (n > 0) {
		size_t k = 0;

		while (k < n) {
			size_t len = utf8_char(p + k, n - k);

			if (len == 0)
				len = 1;	/* not reached: the line is UTF-8 */
			if (k + len > 39)
				break;
			k += len;
		}
		if (!prima)
			buf_puts(b, "\r\n ");
		buf_puts(b, "=?UTF-8?B?");
		base64(b, p, k);
		buf_puts(b, "?=");
		p += k;
		n -= k;
		prima = 0;
	}
}

/*
** A subject: as it is if short ASCII, otherwise encoded words (also when
** it holds "=?", which a reader would take for the start of one).
*/
static void
intestazione_testo(struct buf *b, const char *nome, const char *riga)
{
	buf_puts(b, nome);
	buf_puts(b, ": ");
	if (solo_ascii(riga) && strlen(nome) + 2 + strlen(riga) <= 78 &&
	    strstr(riga, "=?") == NULL)
		buf_puts(b, riga);
	else
		parole_codificate(b, riga);
	buf_puts(b, "\r\n");
}

/* Characters of an RFC 5322 atom (atext). */
static int
atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/*
** An address we send to or from: local@domain, ASCII, the local part of
** atoms joined by dots, the domain of at least two labels of letters,
** digits and hyphens (as the user form asks), 254 characters at most.
*/
int
email_indirizzo_valido(const char *s)
{
	const char *at, *p;
	size_t label = 0;

	if (s == NULL || strlen(s) > 254 || (at = strchr(s, '@')) == NULL ||
	    at == s || at - s > 64 || strchr(at + 1, '@'))
		return 0;
	for (p = s; p < at; p++)
		if (!(atext((unsigned char)*p) || (*p == '.' && p > s &&
		    p[-1] != '.' && p + 1 < at)))
			return 0;
	if (strchr(at + 1, '.') == NULL)
		return 0;
	for (p = at + 1; ; p++) {
		if (*p == '.' || *p == '\0') {
			if (label == 0 || label > 63 || p[-1] == '-')
				return 0;
			if (*p == '\0')
				return 1;
			label = 0;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p == '-' && label > 0)))
			return 0;
		label++;
	}
}

/*
** APPRODO_SMTP_FROM's form: "Nome <indirizzo>" or the address alone
** (the name may be in double quotes). 0, or -1 if the address is not one.
*/
int
email_mittente(struct pool *pool, const char *spec, const char **nome,
    const char **indirizzo)
{
	const char *lt = spec ? strchr(spec, '<') : NULL;
	const char *gt = lt ? strchr(lt, '>') : NULL;

	*nome = NULL;
	*indirizzo = NULL;
	if (spec == NULL)
		return -1;
	if (lt == NULL) {
		*indirizzo = spec;
	} else {
		const char *a = spec, *z = lt;

		if (gt == NULL || gt[1] != '\0')
			return -1;
		*indirizzo = pool_strndup(pool, lt + 1, (size_t)(gt - lt - 1));
		while (a < z && (*a == ' ' || *a == '"'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '"'))
			z--;
		if (z > a)
			*nome = pool_strndup(pool, a, (size_t)(z - a));
	}
	return email_indirizzo_valido(*indirizzo) ? 0 : -1;
}

/* A Message-ID's inside: letters, digits, . - _ and one @. */
static int
message_id_valido(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;

	return at && at > s && at[1] && strchr(at + 1, '@') == NULL &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-_@") == strlen(s) && strlen(s) <= 200;
}

/* RFC 5322's date, in local time with its offset; English names. */
static void
intestazione_data(struct buf *b, time_t t)
{
	static const char *const giorni[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const mesi[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	long off;

	localtime_r(&t, &tm);
	off = tm.tm_gmtoff / 60;
	buf_printf(b, "Date: %s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld\r\n",
	    giorni[tm.tm_wday], tm.tm_mday, mesi[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
	    (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
}

/* The sender's name: an atom phrase as it is, otherwise encoded words. */
static void
intestazione_da(struct buf *b, struct pool *pool, const char *nome,
    const char *da)
{
	const char *riga = una_riga(pool, nome, NOME_MAX);
	int semplice = *riga != '\0';

	for (const char *p = riga; *p; p++)
		if (!(atext((unsigned char)*p) || *p == ' ') ||
		    (p[0] == '=' && p[1] == '?'))
			semplice = 0;
	buf_puts(b, "From: ");
	if (*riga && semplice)
		buf_printf(b, "%s ", riga);
	else if (*riga) {
		parole_codificate(b, riga);
		buf_puts(b, "\r\n ");
	}
	buf_printf(b, "<%s>\r\n", da);
}

/*
** The body in quoted-printable: lines of at most 76 characters ending in
** CRLF, '=' and every byte outside printable ASCII encoded, and so are a
** space or tab at a line's end and a '.' that would start a line. Line
** ends of any kind become one; other control characters and bytes that
** are not UTF-8 become '?'.
*/
static void
corpo(struct buf *b, const char *testo)
{
	const unsigned char *p = (const unsigned char *)(testo ? testo : "");
	size_t n = strlen((const char *)p);
	int col = 0;

	while (n > 0) {
		char tok[13];
		size_t len = 1, k;
		unsigned char c = *p;
		int fine_riga;

		if (c == '\r' || c == '\n') {
			len = c == '\r' && n > 1 && p[1] == '\n' ? 2 : 1;
			buf_puts(b, "\r\n");
			col = 0;
			p += len;
			n -= len;
			continue;
		}
		if (c >= 0x80 && (len = utf8_char(p, n)) == 0)
			len = 1, c = '?';
		else if (c < 0x80 && ((c < 0x20 && c != '\t') || c == 0x7f))
			c = '?';
		fine_riga = len == n || p[len] == '\r' || p[len] == '\n';
		k = 0;
		if (len > 1)
			for (size_t i = 0; i < len; i++)
				k += (size_t)snprintf(tok + k, sizeof tok - k, "=%02X",
				    p[i]);
		else if ((c == ' ' || c == '\t') && fine_riga)
			k = (size_t)snprintf(tok, sizeof tok, "=%02X", c);
		else if (c == '=' || c < 0x20 || c >= 0x7f)
			k = (size_t)snprintf(tok, sizeof tok, "=%02X", c);
		else
			tok[k++] = (char)c;
		/* A soft break keeps the line within 76, '=' included. */
		if (col + (int)k > 75) {
			buf_puts(b, "=\r\n");
			col = 0;
		}
		if (col == 0 && k == 1 && tok[0] == '.')
			k = (size_t)snprintf(tok, sizeof tok, "=2E");
		buf_add(b, tok, k);
		col += (int)k;
		p += len;
		n -= len;
	}
	if (col > 0)
		buf_puts(b, "\r\n");
}

/*
** The whole message `e` into `b` (appended). -1, writing nothing, if an
** address or the Message-ID is not one: nothing else can fail.
*/
int
email_componi(struct buf *b, const struct email *e)
{
	struct pool pool = { 0 };

	if (!email_indirizzo_valido(e->da) || !email_indirizzo_valido(e->a) ||
	    !message_id_valido(e->message_id))
		return -1;
	intestazione_data(b, e->data);
	intestazione_da(b, &pool, e->da_nome, e->da);
	buf_printf(b, "To: <%s>\r\n", e->a);
	intestazione_testo(b, "Subject", una_riga(&pool, e->oggetto,
	    OGGETTO_MAX));
	buf_printf(b, "Message-ID: <%s>\r\n", e->message_id);
	buf_puts(b, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "\r\n");
	corpo(b, e->testo);
	pool_free(&pool);
	return 0;
}
