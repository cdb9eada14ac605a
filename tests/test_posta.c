/*
** Unit tests for mail: the RFC 5322 text of a message (lib/core/email.c:
** addresses, the headers no text can add to, RFC 2047 subjects, the
** quoted-printable body, each decoded back), the delays between tries,
** and the outbox (lib/core/posta.c, through notifiche.c) on a temporary
** database: a notice queues one message or waits for the digest as the
** user chose, a digest is one message per user, a try is taken, fails
** with its error kept, waits, is sent, fails for good, is found again
** after a sender stopped; and what a mail says (lib/avvisi/messaggio.c).
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "email.h"
#include "interno.h"
#include "module.h"
#include "notifiche.h"
#include "posta.h"
#include "tap.h"
#include "testdb.h"

static char dir[] = "/tmp/approdo-test-posta-XXXXXX";
static char dbpath[600];

/* ---- decoding, to check what was encoded ------------------------------ */

static int
b64val(int c)
{
	const char *abc =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(abc, c) : NULL;

	return p ? (int)(p - abc) : -1;
}

/* Base64 `s` (n characters) appended to `out`. */
static void
b64dec(struct buf *out, const char *s, size_t n)
{
	unsigned v = 0;
	int bits = 0;

	for (size_t i = 0; i < n && s[i] != '='; i++) {
		int x = b64val((unsigned char)s[i]);

		if (x < 0)
			continue;
		v = (v << 6) | (unsigned)x;
		bits += 6;
		if (bits >= 8) {
			char c = (char)((v >> (bits - 8)) & 0xff);

			buf_add(out, &c, 1);
			bits -= 8;
		}
	}
}

/*
** A header's value: unfolded (each CRLF before a space taken out), its
** encoded words decoded, the spaces between two of them dropped, as RFC
** 2047 says; NULL if absent.
*/
static char *
header(const char *msg, const char *name)
{
	static struct buf out;
	struct buf raw = { 0 };
	size_t nl = strlen(name);
	const char *p = msg, *end = strstr(msg, "\r\n\r\n"), *v;
	int after_word = 0;

	buf_reset(&out);
	while (p && p < end && !(strncmp(p, name, nl) == 0 && p[nl] == ':'))
		if ((p = strstr(p, "\r\n")) != NULL)
			p += 2;
	if (p == NULL || p >= end)
		return NULL;
	for (v = p + nl + 1; ; v += 2) {
		const char *e = strstr(v, "\r\n");

		buf_add(&raw, v, (size_t)(e - v));
		if (e[2] != ' ' && e[2] != '\t')
			break;
		v = e;
	}
	buf_add(&raw, "", 0);
	for (v = raw.p; *v == ' '; v++)
		;
	while (*v) {
		const char *sp = v;

		while (*sp == ' ')
			sp++;
		if (strncmp(sp, "=?UTF-8?B?", 10) == 0) {
			const char *z = strstr(sp + 10, "?=");

			if (!after_word)
				buf_add(&out, v, (size_t)(sp - v));
			b64dec(&out, sp + 10, (size_t)(z - sp - 10));
			v = z + 2;
			after_word = 1;
		} else {
			buf_add(&out, v, (size_t)(sp - v));
			if (*sp)
				buf_add(&out, sp, 1), sp++;
			v = sp;
			after_word = 0;
		}
	}
	buf_add(&out, "", 0);
	buf_free(&raw);
	return out.p;
}

/* The body, quoted-printable decoded, CRLF as \n. */
static char *
body(const char *msg)
{
	static struct buf out;
	const char *p = strstr(msg, "\r\n\r\n") + 4;

	buf_reset(&out);
	while (*p) {
		if (p[0] == '=' && p[1] == '\r' && p[2] == '\n')
			p += 3;
		else if (p[0] == '=' && isxdigit((unsigned char)p[1]) &&
		    isxdigit((unsigned char)p[2])) {
			char hex[3] = { p[1], p[2], 0 }, c = (char)strtol(hex, NULL,
			    16);

			buf_add(&out, &c, 1);
			p += 3;
		} else if (p[0] == '\r' && p[1] == '\n') {
			buf_add(&out, "\n", 1);
			p += 2;
		} else
			buf_add(&out, p++, 1);
	}
	buf_add(&out, "", 0);
	return out.p;
}

/* Lines: every one ends in CRLF (no bare CR or LF), at most `max` long
** in the body, 78 in the headers; the header names, in order, in `names`. */
static int
lines_ok(const char *msg, size_t max, char *names, size_t size)
{
	const char *p = msg;
	int in_body = 0;

	*names = '\0';
	while (*p) {
		const char *e = strstr(p, "\r\n");
		size_t len;

		if (e == NULL)
			return 0;
		len = (size_t)(e - p);
		if (memchr(p, '\r', len) || memchr(p, '\n', len))
			return 0;
		if (len > (in_body ? max : 78))
			return 0;
		if (!in_body && len == 0)
			in_body = 1;
		else if (!in_body && *p != ' ' && *p != '\t') {
			const char *c = memchr(p, ':', len);

			if (c == NULL)
				return 0;
			snprintf(names + strlen(names), size - strlen(names),
			    "%.*s,", (int)(c - p), p);
		}
		p = e + 2;
	}
	return in_body;
}

static const char HEADERS[] = "Date,From,To,Subject,Message-ID,MIME-Version,"
    "Content-Type,Content-Transfer-Encoding,Auto-Submitted,";

static int
compose(struct buf *b, const char *subject, const char *text)
{
	buf_reset(b);
	return email_componi(b, &(struct email){
		.da_nome = "Approdo", .da = "approdo@comune.example",
		.a = "op@approdo.example", .oggetto = subject,
		.message_id = "1.abc@comune.example", .data = 1767225600,
		.testo = text,
	});
}

static void
test_addresses(void)
{
	static const char *const good[] = { "a@b.it", "m.rossi@comune.roma.it",
	    "o'brien+x@mail-1.example.org", "x_y@a.b.c" };
	static const char *const bad[] = { "", "a", "@b.it", "a@", "a@b",
	    "a@@b.it", "a@b..it", "a@-b.it", "a@b-.it", ".a@b.it", "a.@b.it",
	    "a..b@c.it", "a b@c.it", "a@b.it\r\nBcc: x@y.it", "a@b.it>",
	    "<a@b.it", "a\"@b.it", "à@b.it", "a@b_c.it", "a@b.it,c@d.it" };
	struct pool pool = { 0 };
	const char *nome, *ind;
	int all = 1;

	for (size_t i = 0; i < COUNT(good); i++)
		all &= ok(email_indirizzo_valido(good[i]), "address: %s", good[i]);
	for (size_t i = 0; i < COUNT(bad); i++)
		if (email_indirizzo_valido(bad[i]))
			all = 0, ok(0, "address refused: %s", bad[i]);
	ok(all, "addresses: %zu refused, among them a CR/LF, <, >, a quote, "
	    "two addresses", COUNT(bad));
	ok(email_mittente(&pool, "Approdo <approdo@comune.example>", &nome,
	    &ind) == 0 && strcmp(nome, "Approdo") == 0 &&
	    strcmp(ind, "approdo@comune.example") == 0,
	    "sender: \"Approdo <approdo@comune.example>\"");
	ok(email_mittente(&pool, "\"Ufficio MSNA\" <msna@comune.example>",
	    &nome, &ind) == 0 && strcmp(nome, "Ufficio MSNA") == 0,
	    "sender: a quoted name");
	ok(email_mittente(&pool, "approdo@comune.example", &nome, &ind) == 0 &&
	    nome == NULL, "sender: the address alone");
	ok(email_mittente(&pool, "Approdo <approdo@comune.example> x", &nome,
	    &ind) != 0 && email_mittente(&pool, "Approdo <a\r\nb@c.it>", &nome,
	    &ind) != 0 && email_mittente(&pool, NULL, &nome, &ind) != 0,
	    "sender: refused with text after '>', a CR/LF inside, or none");
	pool_free(&pool);
}

static void
test_message(void)
{
	struct buf b = { 0 };
	char names[512];
	const char *s;

	ok(compose(&b, "Approdo, urgente: Allontanamento (MSNA-2026-00012)",
	    "Riga uno\nRiga due\n") == 0, "a message");
	ok(lines_ok(b.p, 76, names, sizeof names) &&
	    strcmp(names, HEADERS) == 0, "CRLF lines; headers: %s", names);
	ok(strstr(b.p, "\r\nDate: ") == NULL && strncmp(b.p, "Date: ", 6) == 0 &&
	    strstr(b.p, " 2026 ") != NULL, "Date first, RFC 5322 form");
	ok(strstr(b.p, "\r\nFrom: Approdo <approdo@comune.example>\r\n") &&
	    strstr(b.p, "\r\nTo: <op@approdo.example>\r\n") &&
	    strstr(b.p, "\r\nMessage-ID: <1.abc@comune.example>\r\n") &&
	    strstr(b.p, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"),
	    "From, To, Message-ID, Content-Type");
	ok(strcmp(header(b.p, "Subject"), "Approdo, urgente: Allontanamento "
	    "(MSNA-2026-00012)") == 0 && strstr(b.p, "=?UTF-8?") == NULL,
	    "a short ASCII subject as it is");
	ok(strcmp(body(b.p), "Riga uno\nRiga due\n") == 0, "the body decodes "
	    "back");

	/* What a subject cannot do. */
	compose(&b, "Prova\r\nBcc: spia@altrove.example\r\n\r\nTesto finto",
	    "x\n");
	ok(lines_ok(b.p, 76, names, sizeof names) &&
	    strcmp(names, HEADERS) == 0 && strstr(b.p, "\nBcc") == NULL,
	    "a CR/LF in the subject adds no header (headers: %s)", names);
	ok(strcmp(header(b.p, "Subject"), "Prova Bcc: spia@altrove.example "
	    "Testo finto") == 0, "  it is one line: \"%s\"",
	    header(b.p, "Subject"));
	compose(&b, "a\nb\rc\td\x01" "e\x7f" "f\xc2\x85g\xe2\x80\xa8h  i ", "");
	ok(strcmp(header(b.p, "Subject"), "a b c d e f g h i") == 0,
	    "LF, CR, tab, controls, NEL, LS: spaces, runs of them one, none "
	    "at the ends: \"%s\"", header(b.p, "Subject"));
	compose(&b, "caf\xc3\xa9 \xff\xfe ok \xed\xa0\x80", "");
	s = header(b.p, "Subject");
	ok(s && strcmp(s, "caf\xc3\xa9 ?? ok ???") == 0 && utf8_valid(s,
	    strlen(s)), "bytes that are not UTF-8 become '?': \"%s\"", s);

	/* RFC 2047. */
	compose(&b, "Scadenza: udienza entro 15 giorni, è urgente", "");
	ok(strstr(b.p, "Subject: =?UTF-8?B?") && strcmp(header(b.p, "Subject"),
	    "Scadenza: udienza entro 15 giorni, è urgente") == 0,
	    "a non-ASCII subject: encoded words that decode back");
	{
		char longo[400] = "";

		for (int i = 0; i < 30; i++)
			strcat(longo, "àè€ 𝄞 ");
		compose(&b, longo, "");
		longo[strlen(longo) - 1] = '\0';
		s = header(b.p, "Subject");
		ok(lines_ok(b.p, 76, names, sizeof names) && s &&
		    strncmp(s, longo, strlen(s)) == 0 && strlen(s) <= 200 &&
		    strlen(s) > 150 && utf8_valid(s, strlen(s)),
		    "a long one: folded lines within 78, cut at 200 bytes on a "
		    "character (%zu)", s ? strlen(s) : 0);
	}
	compose(&b, "=?UTF-8?B?DQpCY2M6IHhAeS5pdA==?=", "");
	ok(strstr(b.p, "Subject: =?UTF-8?B?PT9VVEYtOD9CP0RRcENZMk02SUhoQWVTNXBk"
	    "QT09Pz0=?=\r\n") != NULL, "a subject that looks like an encoded "
	    "word is encoded itself");
	buf_reset(&b);
	email_componi(&b, &(struct email){ .da_nome = "Ufficio \"MSNA\", Roma",
	    .da = "a@b.it", .a = "c@d.it", .oggetto = "x",
	    .message_id = "1.a@b.it", .data = 0, .testo = "" });
	ok(strcmp(header(b.p, "From"), "Ufficio \"MSNA\", Roma <a@b.it>") == 0 &&
	    strstr(b.p, "From: =?UTF-8?B?"), "a sender's name with a quote and a "
	    "comma: an encoded word (%s)", header(b.p, "From"));

	/* The body. */
	compose(&b, "x", "Perché?\n.\n..inizia con un punto\nfine riga \n"
	    "tab\t\nuguale = segno\r\nriga\rsola\n\x01\xff\n");
	s = body(b.p);
	ok(strcmp(s, "Perché?\n.\n..inizia con un punto\nfine riga \ntab\t\n"
	    "uguale = segno\nriga\nsola\n??\n") == 0, "the body decodes back "
	    "(line ends of any kind one, controls and bytes not UTF-8 '?')");
	ok(strstr(b.p, "\r\n=2E\r\n") && strstr(b.p, "\r\n=2E.inizia") &&
	    strstr(b.p, "riga=20\r\n") && strstr(b.p, "tab=09\r\n") &&
	    strstr(b.p, "uguale =3D segno") && strstr(b.p, "Perch=C3=A9?"),
	    "a leading '.', a space or tab at the end, '=', UTF-8: encoded");
	{
		char lungo[3000] = "";

		for (int i = 0; i < 100; i++)
			strcat(lungo, i % 3 ? "parola " : "€èàò ");
		strcat(lungo, "\n");
		compose(&b, "x", lungo);
		ok(lines_ok(b.p, 76, names, sizeof names) &&
		    strcmp(body(b.p), lungo) == 0, "a long line: soft breaks "
		    "keep every line within 76, and it decodes back");
	}
	buf_reset(&b);
	ok(email_componi(&b, &(struct email){ .da = "a@b.it",
	    .a = "c@d.it\r\nBcc: e@f.it", .oggetto = "x",
	    .message_id = "1.a@b.it" }) == -1 && b.n == 0 &&
	    email_componi(&b, &(struct email){ .da = "a@b.it", .a = "c@d.it",
	    .oggetto = "x", .message_id = "1.a@b.it>\r\nBcc: e@f.it" }) == -1 &&
	    email_componi(&b, &(struct email){ .da = "a@b", .a = "c@d.it",
	    .oggetto = "x", .message_id = "1.a@b.it" }) == -1 && b.n == 0,
	    "an address or a Message-ID that is not one: -1, nothing written");
	buf_free(&b);
}

static void
test_backoff(void)
{
	static const long long want[] = { 60, 60, 120, 300, 600, 1800, 3600,
	    3600, 3600 };
	int all = 1;

	for (int i = 0; i < (int)COUNT(want); i++)
		all &= posta_ritardo(i) == want[i];
	ok(all, "delays after 1, 2, 3 ... failed tries: 1, 2, 5, 10, 30, 60, "
	    "60 minutes (and 1 for 0)");
	ok(posta_tentativi_max() == 30, "30 tries by default "
	    "(APPRODO_SMTP_TENTATIVI)");
}

/* ---- the outbox ------------------------------------------------------- */

static const struct notifica_tipo tipi[] = {
	{ .tipo = "subito", .label = "Avviso urgente di prova", .urgente = 1,
	  .roles = ROLE(OPERATORE) | ROLE(RESPONSABILE) },
	{ .tipo = "dopo", .label = "Scadenza di prova", .urgente = 0,
	  .roles = ROLE(OPERATORE) },
};
static const struct module prova_modulo = { .name = "prova",
    .notifiche = tipi, .nnotifiche = COUNT(tipi) };
static const struct module *const moduli[] = { &prova_modulo, NULL };

static int
notice(long long utente, const char *tipo, const char *rif)
{
	int rc;

	if (db_begin_write() != 0)
		return -1;
	rc = notifica_invia(utente, &(struct notifica){ .tipo = tipo,
	    .riferimento = rif, .data = "2026-03-01 21:30",
	    .testo = "testo in app", .href = "/minori/7" });
	if (db_commit() != 0)
		return -1;
	return rc;
}

static long long
count(const char *sql)
{
	return q_int(sql);
}

static void
test_outbox(void)
{
	struct pool pool = { 0 };
	struct posta_messaggio m;
	long long t0 = 2000000000, id;
	int rc;

	modules_set(moduli);
	ok(exec("INSERT INTO utenti (id, username, nome, email, ruolo,"
	    " password_hash) VALUES (1, 'op', 'Op', 'op@approdo.example',"
	    " 'operatore', 'x'), (2, 'resp', 'Resp', 'resp@approdo.example',"
	    " 'responsabile', 'x'), (3, 'senza', 'Senza', '', 'operatore', 'x'),"
	    " (4, 'no', 'No', 'no@approdo.example', 'operatore', 'x')") ==
	    SQLITE_OK, "db: four users, one without an address");

	ok(notice(1, "subito", "MSNA-2026-00001") == 0 &&
	    count("SELECT count(*) FROM notifiche WHERE utente_id = 1 AND tipo ="
	    " 'subito' AND riferimento = 'MSNA-2026-00001' AND data ="
	    " '2026-03-01 21:30'") == 1, "a notice: in the app, with its kind, "
	    "reference and date");
	ok(count("SELECT count(*) FROM posta_messaggi") == 1 &&
	    count("SELECT count(*) FROM posta_messaggi WHERE utente_id = 1 AND"
	    " genere = 'avviso' AND stato = 'in_coda' AND indirizzo IS NULL"
	    " AND length(chiave) = 32") == 1 &&
	    count("SELECT count(*) FROM posta_voci v JOIN notifiche n ON"
	    " n.id = v.notifica_id WHERE n.utente_id = 1") == 1,
	    "  urgent: exactly one message, telling that notice");
	ok(notice(3, "subito", "MSNA-2026-00002") == 0 &&
	    count("SELECT count(*) FROM posta_messaggi") == 1 &&
	    count("SELECT count(*) FROM notifiche WHERE utente_id = 3") == 1,
	    "no address: in the app only");
	db_begin_write();
	ok(posta_scelta(4, "subito", 0) == 0 && posta_scelta(4, "dopo", 0) == 0 &&
	    db_commit() == 0, "a user turns both kinds off");
	ok(notice(4, "subito", "MSNA-2026-00003") == 0 &&
	    notice(4, "dopo", "MSNA-2026-00003") == 0 &&
	    count("SELECT count(*) FROM posta_messaggi") == 1 &&
	    count("SELECT count(*) FROM posta_attesa") == 0 &&
	    count("SELECT count(*) FROM notifiche WHERE utente_id = 4") == 2,
	    "  their notices: in the app only");
	db_begin_write();
	ok(posta_scelta(4, "subito", 1) == 0 && db_commit() == 0 &&
	    count("SELECT email FROM posta_preferenze WHERE utente_id = 4 AND"
	    " tipo = 'subito'") == 1, "  and one back on (the same row)");
	ok(notice(4, "subito", "MSNA-2026-00004") == 0 &&
	    count("SELECT count(*) FROM posta_messaggi WHERE utente_id = 4") ==
	    1, "  a message again");

	/* Unknown kind: the transaction cannot commit. */
	db_begin_write();
	rc = notifica_invia(1, &(struct notifica){ .tipo = "mai_dichiarato",
	    .testo = "x" });
	ok(rc == -1 && db_failed() && db_commit() != 0 &&
	    count("SELECT count(*) FROM notifiche WHERE tipo = 'mai_dichiarato'")
	    == 0, "a kind no module declares: -1, and the transaction fails");

	/* notifica_ruolo: each user of the role but one, as notifica_invia. */
	db_begin_write();
	rc = notifica_ruolo("operatore", 1, &(struct notifica){ .tipo = "dopo",
	    .riferimento = "MSNA-2026-00005", .testo = "t", .href = "/" });
	ok(rc == 0 && db_commit() == 0 &&
	    count("SELECT count(*) FROM notifiche WHERE riferimento ="
	    " 'MSNA-2026-00005'") == 2 &&
	    count("SELECT count(*) FROM posta_attesa") == 0,
	    "notifica_ruolo: the other two operators, in the app; neither "
	    "takes it by mail (no address, turned off)");
	ok(notice(1, "dopo", "MSNA-2026-00006") == 0 &&
	    notice(1, "dopo", "MSNA-2026-00007") == 0 &&
	    notice(2, "dopo", "MSNA-2026-00008") == 0 &&
	    count("SELECT count(*) FROM posta_attesa") == 3 &&
	    count("SELECT count(*) FROM posta_messaggi") == 2,
	    "not urgent: three notices wait for the digest, no message yet");
	db_begin_write();
	posta_scelta(2, "dopo", 0);
	db_commit();
	ok(posta_riepiloghi(t0) == 1 &&
	    count("SELECT count(*) FROM posta_messaggi WHERE genere ="
	    " 'riepilogo'") == 1 &&
	    count("SELECT count(*) FROM posta_voci v JOIN posta_messaggi m ON"
	    " m.id = v.messaggio_id WHERE m.genere = 'riepilogo' AND"
	    " m.utente_id = 1") == 2 &&
	    count("SELECT count(*) FROM posta_attesa") == 0,
	    "the digest: one message for the user with both notices; the one "
	    "who turned the kind off since gets none");
	ok(posta_riepiloghi(t0 + 86400) == 0, "  nothing waits: no digest");

	/* A message's tries. */
	rc = posta_prendi(&pool, t0, &m);
	ok(rc == 1 && m.utente_id == 1 && strcmp(m.indirizzo,
	    "op@approdo.example") == 0 && strcmp(m.genere, "avviso") == 0 &&
	    m.tentativi == 0 && count("SELECT count(*) FROM posta_messaggi"
	    " WHERE stato = 'in_invio'") == 1 && count("SELECT count(*) FROM"
	    " posta_tentativi WHERE esito = 'in_corso'") == 1,
	    "taken: the oldest due, in progress, with its try open");
	id = m.id;
	ok(posta_errore(&m, t0 + 5, "550 destinatario rifiutato", 0) == 0 &&
	    count("SELECT count(*) FROM posta_messaggi WHERE stato = 'in_coda'"
	    " AND tentativi = 1 AND prossimo = 2000000065") == 1 &&
	    strcmp(q_text("SELECT errore FROM posta_tentativi ORDER BY id DESC"),
	    "550 destinatario rifiutato") == 0, "a failed try: its error kept, "
	    "the message waits a minute");
	ok(posta_prendi(&pool, t0 + 10, &m) == 1 && m.id != id &&
	    posta_inviato(&m, t0 + 11) == 0, "  meanwhile the next is taken, "
	    "and sent");
	ok(count("SELECT count(*) FROM posta_messaggi WHERE stato = 'inviato'"
	    " AND inviato = 2000000011") == 1 && count("SELECT count(*) FROM"
	    " posta_tentativi WHERE esito = 'inviato' AND fine = 2000000011") ==
	    1, "  marked sent with its try");
	ok(posta_prendi(&pool, t0 + 20, &m) == 1 && m.id != id &&
	    posta_inviato(&m, t0 + 20) == 0, "  and the digest");
	ok(posta_prendi(&pool, t0 + 30, &m) == 0, "  the failed one is not "
	    "due before its time");
	ok(posta_subito(t0 + 30) == 1 && posta_prendi(&pool, t0 + 30, &m) == 1 &&
	    m.id == id && m.tentativi == 1, "posta_subito: due at once, with "
	    "its tries counted");

	/* A sender killed during the try. */
	{
		struct posta_messaggio *v;

		ok(posta_interrotti(&pool, &v) == 1 && v[0].id == id &&
		    v[0].tentativi == 1 && strcmp(v[0].indirizzo,
		    "op@approdo.example") == 0 && v[0].tentativo == q_int("SELECT"
		    " id FROM posta_tentativi WHERE esito = 'in_corso'"),
		    "a try a stopped sender left is found, with its message");
		rc = posta_interrotto(&v[0], t0 + 40);
	}
	ok(rc == 0 && count("SELECT count(*) FROM"
	    " posta_tentativi WHERE esito = 'interrotto'") == 1 &&
	    count("SELECT tentativi FROM posta_messaggi WHERE id = 1") == 2 &&
	    count("SELECT count(*) FROM posta_messaggi WHERE stato ="
	    " 'in_invio'") == 0, "a try a stopped sender left: interrupted, "
	    "counted, the message queued again");
	ok(posta_prendi(&pool, t0 + 40, &m) == 1 && m.id == id, "  and due "
	    "at once");

	/* The last try. */
	exec("UPDATE posta_messaggi SET tentativi = 29 WHERE id = 1");
	m.tentativi = 29;
	ok(posta_errore(&m, t0 + 50, "timeout", 0) == 1 &&
	    count("SELECT count(*) FROM posta_messaggi WHERE id = 1 AND stato ="
	    " 'fallito' AND tentativi = 30") == 1, "the 30th failed try: failed");
	ok(posta_prendi(&pool, t0 + 999999, &m) == 0, "  never taken again");
	db_begin_write();
	ok(posta_riprova(1, t0 + 60) == 1 && posta_riprova(2, t0 + 60) == 0 &&
	    db_commit() == 0 && count("SELECT count(*) FROM posta_messaggi"
	    " WHERE id = 1 AND stato = 'in_coda' AND tentativi = 0") == 1,
	    "posta_riprova: a failed message queued again (a sent one is not)");
	ok(posta_prendi(&pool, t0 + 60, &m) == 1 &&
	    posta_errore(&m, t0 + 60, "nessun indirizzo", 1) == 1,
	    "  a message with nowhere to go fails at once");
	{
		struct posta_messaggio *v;

		db_begin_write();
		posta_riprova(1, t0 + 61);
		db_commit();
		exec("UPDATE posta_messaggi SET tentativi = 29 WHERE id = 1");
		ok(posta_prendi(&pool, t0 + 61, &m) == 1 &&
		    posta_interrotti(&pool, &v) == 1 &&
		    posta_interrotto(&v[0], t0 + 62) == 1 &&
		    count("SELECT count(*) FROM posta_messaggi WHERE id = 1 AND"
		    " stato = 'fallito' AND tentativi = 30") == 1,
		    "  an interrupted last try: failed too");
	}

	/* A test message; the address of the moment. */
	db_begin_write();
	ok(posta_prova("a@b.it\r\nBcc: c@d.it", "x") == -1 &&
	    posta_prova("admin@comune.example", "Prova") > 0 && db_commit() == 0,
	    "a test message: to an address, refused if it is not one");
	ok(posta_prendi(&pool, t0 + 70, &m) == 1 && strcmp(m.genere, "prova")
	    == 0 && m.utente_id == 0 && strcmp(m.indirizzo,
	    "admin@comune.example") == 0 && strcmp(m.oggetto, "Prova") == 0 &&
	    posta_inviato(&m, t0 + 70) == 0, "  taken with its address and "
	    "subject");
	ok(notice(2, "subito", "MSNA-2026-00009") == 0 &&
	    exec("UPDATE utenti SET email = 'nuovo@approdo.example' WHERE id = 2")
	    == SQLITE_OK && posta_prendi(&pool, t0 + 80, &m) == 1 &&
	    strcmp(m.indirizzo, "nuovo@approdo.example") == 0,
	    "a message goes to the user's address of the moment");
	ok(posta_errore(&m, t0 + 80, "x", 0) == 0 && posta_subito(t0 + 90) == 1 &&
	    exec("UPDATE utenti SET disattivato = 1 WHERE id = 2") == SQLITE_OK &&
	    posta_prendi(&pool, t0 + 90, &m) == 1 && *m.indirizzo == '\0',
	    "  nowhere once the account is disabled");
	{
		struct smtp_config c = { .da = "approdo@comune.example",
		    .app = "https://approdo.example" };
		struct buf b = { 0 };

		ok(messaggio_componi(&pool, &b, &c, &m, t0 + 90) == 1 && b.n == 0,
		    "  which makes the message one that can go nowhere");
		m.indirizzo = "resp@approdo.example";
		ok(messaggio_componi(&pool, &b, &c, &m, t0 + 90) == 0 &&
		    strcmp(header(b.p, "To"), "<resp@approdo.example>") == 0 &&
		    strcmp(header(b.p, "From"), "Approdo <approdo@comune.example>")
		    == 0 && strncmp(header(b.p, "Message-ID"), q_text("SELECT '<'"
		    " || id || '.' || chiave || '@comune.example>' FROM"
		    " posta_messaggi WHERE utente_id = 2 ORDER BY id DESC"), 60) == 0,
		    "the message's text: To, From, Message-ID <id.key@domain>");
		ok(strcmp(header(b.p, "Subject"), "Approdo, urgente: Avviso urgente "
		    "di prova (MSNA-2026-00009)") == 0 && strstr(body(b.p),
		    "Avviso urgente di prova (urgente)\nRiferimento: MSNA-2026-00009"
		    "\nData: 01/03/2026 alle 21:30\nApri in Approdo: "
		    "https://approdo.example/minori/7\n") && !strstr(body(b.p),
		    "testo in app"), "  the kind, the case number, the date and the "
		    "link; not the app's text");
		buf_free(&b);
	}
	pool_free(&pool);
}

/* What a mail says, from the notices it tells. */
static void
test_text(void)
{
	struct pool pool = { 0 };
	const struct voce v[] = {
		{ .tipo = "dopo", .riferimento = "MSNA-2026-00006",
		  .data = "2026-03-02", .href = "/minori/6" },
		{ .tipo = "dopo", .riferimento = "MSNA-2026-00007",
		  .data = NULL, .href = "/minori/7/pei" },
		{ .tipo = "ignoto", .riferimento = "", .data = "2026-03-03 08:00",
		  .href = "http://altrove.example/" },
	};
	const char *oggetto, *corpo;

	messaggio_testo(&pool, "https://approdo.example", "riepilogo", v, 3,
	    NULL, 2000000000, &oggetto, &corpo);
	ok(strcmp(oggetto, "Approdo: riepilogo del 18/05/2033, 3 avvisi") == 0,
	    "a digest's subject: its date and how many (%s)", oggetto);
	ok(strstr(corpo, "\n1. Scadenza di prova\nRiferimento: MSNA-2026-00006"
	    "\nData: 02/03/2026\nApri in Approdo: https://approdo.example/"
	    "minori/6\n\n2. Scadenza di prova\nRiferimento: MSNA-2026-00007\n"
	    "Apri in Approdo: https://approdo.example/minori/7/pei\n\n3. Avviso"
	    "\nData: 03/03/2026 alle 08:00\n\n") != NULL,
	    "  each notice numbered: kind, reference, date, link (only a path "
	    "of Approdo's)");
	ok(strstr(corpo, "https://approdo.example/avvisi") != NULL &&
	    strstr(corpo, "altrove") == NULL, "  where to choose; no other "
	    "link");
	messaggio_testo(&pool, "https://approdo.example", "prova", NULL, 0,
	    NULL, 0, &oggetto, &corpo);
	ok(strcmp(oggetto, "Approdo: email di prova") == 0 && strstr(corpo,
	    "email di prova"), "a test message");
	pool_free(&pool);
}

int
main(void)
{
	test_addresses();
	test_message();
	test_backoff();
	if (!ok(testdb_create(dir, dbpath, sizeof dbpath) == 0,
	    "db: temporary database migrated"))
		return done_testing();
	test_outbox();
	test_text();
	testdb_remove(dir, dbpath);
	return done_testing();
}
