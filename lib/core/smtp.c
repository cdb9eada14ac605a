/*
** SMTP through libcurl (smtp.h). One easy handle per sender: libcurl
** keeps its connection (and TLS session) for the next message. What the
** server answered last is kept for the error of a failed try. No tables.
*/
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "email.h"
#include "settings.h"
#include "smtp.h"

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

/*
** The mail settings from the environment, into `c` (strings in `pool`).
** NULL, or what is missing or wrong, in Italian, for the administrator.
*/
const char *
smtp_config_load(struct pool *pool, struct smtp_config *c)
{
	const char *tls = env("APPRODO_SMTP_TLS"), *file;
	size_t n;

	*c = (struct smtp_config){
		.url = env("APPRODO_SMTP_URL"),
		.utente = env("APPRODO_SMTP_USER"),
		.password = env("APPRODO_SMTP_PASSWORD"),
		.timeout = (long)config_int("APPRODO_SMTP_TIMEOUT", 30, 1, 600),
		.ca = env("APPRODO_SMTP_CA"),
		.app = env("APPRODO_URL"),
	};
	if (c->url == NULL)
		return "manca APPRODO_SMTP_URL (smtp://server:587 oppure "
		    "smtps://server:465)";
	if (strncmp(c->url, "smtp://", 7) != 0 &&
	    strncmp(c->url, "smtps://", 8) != 0)
		return "APPRODO_SMTP_URL deve cominciare con smtp:// o smtps://";
	if (email_mittente(pool, env("APPRODO_SMTP_FROM"), &c->da_nome,
	    &c->da) != 0)
		return "APPRODO_SMTP_FROM manca o non è un indirizzo (es. "
		    "\"Approdo <approdo@comune.roma.it>\")";
	if (c->app == NULL || (strncmp(c->app, "https://", 8) != 0 &&
	    strncmp(c->app, "http://", 7) != 0))
		return "manca APPRODO_URL, l'indirizzo di Approdo per i "
		    "collegamenti nelle email (es. https://approdo.comune.roma.it)";
	n = strlen(c->app);
	while (n > 0 && c->app[n - 1] == '/')
		n--;
	c->app = pool_strndup(pool, c->app, n);
	if (tls == NULL || strcmp(tls, "required") == 0)
		c->tls = SMTP_TLS_RICHIESTO;
	else if (strcmp(tls, "try") == 0)
		c->tls = SMTP_TLS_SE_OFFERTO;
	else if (strcmp(tls, "none") == 0)
		c->tls = SMTP_TLS_NO;
	else
		return "APPRODO_SMTP_TLS è required (il valore predefinito), "
		    "try oppure none";
	if (c->password == NULL && (file = env("APPRODO_SMTP_PASSWORD_FILE"))) {
		char *p = file_read(file, NULL);

		if (p == NULL)
			return "APPRODO_SMTP_PASSWORD_FILE non si legge";
		p[strcspn(p, "\r\n")] = '\0';
		c->password = pool_strdup(pool, p);
		free(p);
	}
	if (c->utente && c->password == NULL)
		return "APPRODO_SMTP_USER senza APPRODO_SMTP_PASSWORD (o "
		    "APPRODO_SMTP_PASSWORD_FILE)";
	if (c->utente && c->tls != SMTP_TLS_RICHIESTO &&
	    strncmp(c->url, "smtps://", 8) != 0)
		return "con APPRODO_SMTP_USER la connessione deve essere cifrata: "
		    "APPRODO_SMTP_TLS=required oppure smtps://";
	return NULL;
}

struct smtp {
	CURL *h;
	char mail_from[300];
	char errbuf[CURL_ERROR_SIZE];
	char risposta[256];	/* the server's last error reply, or last reply */
	int errore;		/* risposta is an error reply (4xx, 5xx) */
};

/*
** Keeps the server's last reply line, printable ASCII only; once an
** error reply (4xx, 5xx) has come, only a later error replaces it (not
** the "221 Bye" that follows a refusal).
*/
static int
traccia(CURL *h, curl_infotype tipo, char *data, size_t n, void *ctx)
{
	struct smtp *s = ctx;
	size_t i = 0, o = 0;
	int errore;

	(void)h;
	if (tipo != CURLINFO_HEADER_IN)
		return 0;
	while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
		n--;
	/* The last line of what came. */
	for (size_t k = 0; k < n; k++)
		if (data[k] == '\n')
			i = k + 1;
	if (i >= n)
		return 0;
	errore = data[i] == '4' || data[i] == '5';
	if (s->errore && !errore)
		return 0;
	s->errore = errore;
	for (; i < n && o + 1 < sizeof s->risposta; i++)
		s->risposta[o++] = data[i] >= 0x20 && data[i] < 0x7f ? data[i] :
		    '?';
	s->risposta[o] = '\0';
	return 0;
}

struct lettura {
	const char *p;
	size_t n;
};

static size_t
leggi(char *out, size_t size, size_t nmemb, void *ctx)
{
	struct lettura *l = ctx;
	size_t n = size * nmemb < l->n ? size * nmemb : l->n;

	memcpy(out, l->p, n);
	l->p += n;
	l->n -= n;
	return n;
}

/* A sender's connection to the relay of `c`, or NULL (logged). */
struct smtp *
smtp_apri(const struct smtp_config *c)
{
	static const long tls[] = {
		[SMTP_TLS_RICHIESTO] = CURLUSESSL_ALL,
		[SMTP_TLS_SE_OFFERTO] = CURLUSESSL_TRY,
		[SMTP_TLS_NO] = CURLUSESSL_NONE,
	};
	struct smtp *s;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	s = xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	if ((s->h = curl_easy_init()) == NULL) {
		free(s);
		return NULL;
	}
	snprintf(s->mail_from, sizeof s->mail_from, "<%s>", c->da);
	curl_easy_setopt(s->h, CURLOPT_URL, c->url);
	curl_easy_setopt(s->h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(s->h, CURLOPT_USE_SSL, tls[c->tls]);
	if (c->ca)
		curl_easy_setopt(s->h, CURLOPT_CAINFO, c->ca);
	if (c->utente) {
		curl_easy_setopt(s->h, CURLOPT_USERNAME, c->utente);
		curl_easy_setopt(s->h, CURLOPT_PASSWORD, c->password);
	}
	curl_easy_setopt(s->h, CURLOPT_MAIL_FROM, s->mail_from);
	curl_easy_setopt(s->h, CURLOPT_CONNECTTIMEOUT, c->timeout);
	curl_easy_setopt(s->h, CURLOPT_TIMEOUT, c->timeout);
	curl_easy_setopt(s->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(s->h, CURLOPT_READFUNCTION, leggi);
	curl_easy_setopt(s->h, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(s->h, CURLOPT_DEBUGFUNCTION, traccia);
	curl_easy_setopt(s->h, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(s->h, CURLOPT_VERBOSE, 1L);
	return s;
}

/*
** Sends message `msg` (RFC 5322 text, CRLF lines; libcurl adds the
** dot-stuffing) to `a`. SMTP_INVIATO once the server has accepted it
** (250 after the data); otherwise the error in `errore`: SMTP_RIFIUTATO
** when the server refused this recipient or this message (the next may
** pass), SMTP_IRRAGGIUNGIBILE when there was no server to talk to (no
** connection, TLS, authentication, the sender refused, a timeout).
*/
enum smtp_esito
smtp_invia(struct smtp *s, const char *a, const char *msg, size_t len,
    char *errore, size_t errore_max)
{
	struct lettura l = { msg, len };
	struct curl_slist *rcpt;
	char to[300];
	long codice = 0;
	CURLcode rc;

	snprintf(to, sizeof to, "<%s>", a);
	rcpt = curl_slist_append(NULL, to);
	curl_easy_setopt(s->h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->h, CURLOPT_READDATA, &l);
	curl_easy_setopt(s->h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	s->errbuf[0] = s->risposta[0] = '\0';
	s->errore = 0;
	rc = rcpt ? curl_easy_perform(s->h) : CURLE_OUT_OF_MEMORY;
	curl_easy_setopt(s->h, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	if (rc == CURLE_OK)
		return SMTP_INVIATO;
	curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, &codice);
	snprintf(errore, errore_max, "%s%s%s%s%s", curl_easy_strerror(rc),
	    *s->errbuf ? ": " : "", s->errbuf,
	    *s->risposta ? "; il server ha risposto: " : "", s->risposta);
	/* 421: the server is closing the connection, whatever the stage. */
	if (codice >= 400 && codice != 421 && (rc == CURLE_SEND_ERROR ||
	    rc == CURLE_WEIRD_SERVER_REPLY) &&
	    strncmp(s->errbuf, "MAIL failed", 11) != 0)
		return SMTP_RIFIUTATO;
	return SMTP_IRRAGGIUNGIBILE;
}

void
smtp_chiudi(struct smtp *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->h);
	free(s);
	curl_global_cleanup();
}
