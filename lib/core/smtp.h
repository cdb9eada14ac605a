/*
** Sending mail through the office's relay with libcurl's SMTP: TLS
** (STARTTLS required unless configured otherwise, or smtps://),
** authentication, one connection kept from message to message. The
** configuration is read from the environment (APPRODO_SMTP_*, and
** APPRODO_URL for the links in the mails). No tables.
*/
#ifndef APPRODO_SMTP_H
#define APPRODO_SMTP_H

#include <stddef.h>

#include "util.h"

enum smtp_tls {
	SMTP_TLS_RICHIESTO,	/* "required": STARTTLS or no mail */
	SMTP_TLS_SE_OFFERTO,	/* "try": STARTTLS if the server offers it */
	SMTP_TLS_NO		/* "none": a relay on this machine only */
};

struct smtp_config {
	const char *url;	/* APPRODO_SMTP_URL: smtp://host:587, smtps://host */
	const char *utente;	/* APPRODO_SMTP_USER, or NULL */
	const char *password;	/* APPRODO_SMTP_PASSWORD(_FILE) */
	const char *da;		/* APPRODO_SMTP_FROM's address */
	const char *da_nome;	/* and its name, or NULL */
	long timeout;		/* APPRODO_SMTP_TIMEOUT, seconds */
	enum smtp_tls tls;	/* APPRODO_SMTP_TLS */
	const char *ca;		/* APPRODO_SMTP_CA: the CA file, or NULL */
	const char *app;	/* APPRODO_URL, without its final '/' */
};

const char *smtp_config_load(struct pool *, struct smtp_config *);

/* What became of one message. */
enum smtp_esito {
	SMTP_INVIATO,		/* the server accepted it */
	SMTP_RIFIUTATO,		/* the server refused this message */
	SMTP_IRRAGGIUNGIBILE	/* no server to talk to: stop for now */
};

struct smtp;
struct smtp *smtp_apri(const struct smtp_config *);
enum smtp_esito smtp_invia(struct smtp *, const char *a, const char *msg,
    size_t len, char *errore, size_t errore_max);
void smtp_chiudi(struct smtp *);

#endif
