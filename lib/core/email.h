/*
** One mail as RFC 5322 text: the headers made safe from any text given
** (a CR or LF in a subject ends nowhere but in a space, non-ASCII text
** is RFC 2047-encoded UTF-8), the body UTF-8 in quoted-printable, every
** line ending in CRLF. No tables: the outbox is posta.c's.
*/
#ifndef APPRODO_EMAIL_H
#define APPRODO_EMAIL_H

#include <time.h>

#include "util.h"

struct email {
	const char *da_nome;	/* the sender's name ("Approdo"), or NULL */
	const char *da;		/* the sender's address */
	const char *a;		/* the recipient's address */
	const char *oggetto;	/* the subject: any text */
	const char *message_id;	/* without <>: "12.9f3c@comune.example" */
	time_t data;
	const char *testo;	/* the body: UTF-8, lines ending in \n */
};

int email_componi(struct buf *, const struct email *);
int email_indirizzo_valido(const char *);
int email_mittente(struct pool *, const char *spec, const char **nome,
    const char **indirizzo);

#endif
