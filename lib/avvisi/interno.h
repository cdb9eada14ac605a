/* The avvisi module's own declarations: what its files share. */
#ifndef APPRODO_AVVISI_INTERNO_H
#define APPRODO_AVVISI_INTERNO_H

#include <time.h>

#include "posta.h"
#include "request.h"
#include "smtp.h"

/* preferenze.c: the user's own choices. */
int preferenze_get(struct request *);
int preferenze_post(struct request *);

/* uscita.c: the outbox, for the administrator. */
int uscita_page(struct request *);
int uscita_riprova(struct request *);
int uscita_stato(struct request *console);

/* invio.c: approdo-admin posta invia. */
int invio_esegui(struct request *console, int subito);

/* messaggio.c: what a mail says. */
struct voce {
	const char *tipo, *riferimento, *data, *href;
};
void messaggio_testo(struct pool *, const char *app, const char *genere,
    const struct voce *, size_t n, const char *oggetto, time_t creato,
    const char **soggetto, const char **corpo);
int messaggio_componi(struct pool *, struct buf *, const struct smtp_config *,
    const struct posta_messaggio *, time_t ora);

#endif
