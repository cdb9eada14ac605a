/*
** What a mail says. Only what the notices it tells hold for mail: the
** kind, what it is about (a case's number), the date, and the link into
** Approdo; never a name or anything else of the minor's, since mail
** leaves the intranet. An urgent notice is a message of its own, the
** others come in the user's daily digest. No tables.
*/
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "email.h"
#include "interno.h"
#include "module.h"

/* "2026-03-01 21:30" as "01/03/2026 alle 21:30". */
static const char *
data_it(struct pool *pool, const char *iso)
{
	char d[11];

	if (iso == NULL || strlen(iso) < 10)
		return NULL;
	date_it(iso, d);
	if (strlen(iso) >= 16 && iso[10] == ' ')
		return pool_printf(pool, "%s alle %.5s", d, iso + 11);
	return pool_strdup(pool, d);
}

static const char *
etichetta(const char *tipo)
{
	const struct notifica_tipo *t = modules_notifica_tipo(tipo);

	return t ? t->label : "Avviso";
}

static void
voce_testo(struct buf *b, struct pool *pool, const char *app,
    const struct voce *v)
{
	const char *d = data_it(pool, v->data);

	if (*v->riferimento)
		buf_printf(b, "Riferimento: %s\n", v->riferimento);
	if (d)
		buf_printf(b, "Data: %s\n", d);
	if (v->href && *v->href == '/')
		buf_printf(b, "Apri in Approdo: %s%s\n", app, v->href);
}

static void
piede(struct buf *b, const char *app)
{
	buf_printf(b, "\n-- \nQuesta email non contiene dati personali: i "
	    "dettagli sono in Approdo,\nche li mostra a chi può vederli.\n"
	    "Quali avvisi ricevere per email lo scegli qui: %s/avvisi\n", app);
}

/*
** The subject and body (UTF-8, \n lines) of a message of `genere` that
** tells the `n` notices `v` (none for a test, whose subject is `oggetto`
** if given); `creato` is when it was queued, `app` Approdo's address.
*/
void
messaggio_testo(struct pool *pool, const char *app, const char *genere,
    const struct voce *v, size_t n, const char *oggetto, time_t creato,
    const char **soggetto, const char **corpo)
{
	struct buf b = { 0 };

	buf_puts(&b, "Approdo - Ufficio MSNA di Roma Capitale\n\n");
	if (strcmp(genere, "prova") == 0) {
		*soggetto = oggetto && *oggetto ? oggetto :
		    "Approdo: email di prova";
		buf_printf(&b, "Questa è un'email di prova di Approdo: se la "
		    "leggi, la posta in uscita\nfunziona.\n\nApprodo: %s\n",
		    app);
	} else if (strcmp(genere, "riepilogo") == 0) {
		char oggi[11], d[11];
		struct tm tm;

		localtime_r(&creato, &tm);
		strftime(oggi, sizeof oggi, "%Y-%m-%d", &tm);
		date_it(oggi, d);
		*soggetto = pool_printf(pool, "Approdo: riepilogo del %s, %zu "
		    "%s", d, n, n == 1 ? "avviso" : "avvisi");
		buf_printf(&b, "Riepilogo degli avvisi del %s: %zu.\n", d, n);
		for (size_t i = 0; i < n; i++) {
			buf_printf(&b, "\n%zu. %s\n", i + 1, etichetta(v[i].tipo));
			voce_testo(&b, pool, app, &v[i]);
		}
		piede(&b, app);
	} else {
		const char *label = n > 0 ? etichetta(v[0].tipo) : "Avviso";

		*soggetto = n > 0 && *v[0].riferimento ? pool_printf(pool,
		    "Approdo, urgente: %s (%s)", label, v[0].riferimento) :
		    pool_printf(pool, "Approdo, urgente: %s", label);
		buf_printf(&b, "%s (urgente)\n", label);
		for (size_t i = 0; i < n; i++)
			voce_testo(&b, pool, app, &v[i]);
		piede(&b, app);
	}
	*corpo = pool_strdup(pool, b.p);
	buf_free(&b);
}

static const char SQL_VOCI[] =
    "SELECT n.tipo, n.riferimento, n.data, n.href FROM posta_voci v"
    " JOIN notifiche n ON n.id = v.notifica_id WHERE v.messaggio_id = :id"
    " ORDER BY n.tipo, n.data, n.id";

/*
** Message `m` as RFC 5322 text into `out`, from the notices it tells and
** the settings `c`, dated `ora`: 0; 1 if its address is not one (the
** message can go nowhere); -1 on a database error.
*/
int
messaggio_componi(struct pool *pool, struct buf *out,
    const struct smtp_config *c, const struct posta_messaggio *m, time_t ora)
{
	struct stmt *st = db_query(SQL_VOCI, ARGS(ARG_INT("id", m->id)));
	struct voce *v = NULL;
	size_t n = 0, cap = 0;
	const char *oggetto, *corpo;
	int rc;

	while ((rc = db_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			struct voce *w;

			cap = cap ? 2 * cap : 16;
			w = pool_alloc(pool, cap * sizeof *w);
			if (n)
				memcpy(w, v, n * sizeof *w);
			v = w;
		}
		v[n++] = (struct voce){
			.tipo = pool_strdup(pool, db_text(st, "tipo")),
			.riferimento = pool_strdup(pool, db_text(st, "riferimento")),
			.data = db_is_null(st, "data") ? NULL :
			    pool_strdup(pool, db_text(st, "data")),
			.href = pool_strdup(pool, db_text(st, "href")),
		};
	}
	db_done(st);
	if (rc < 0)
		return -1;
	messaggio_testo(pool, c->app, m->genere, v, n, m->oggetto,
	    (time_t)m->creato, &oggetto, &corpo);
	return email_componi(out, &(struct email){
		.da_nome = c->da_nome ? c->da_nome : "Approdo",
		.da = c->da,
		.a = m->indirizzo,
		.oggetto = oggetto,
		.message_id = pool_printf(pool, "%lld.%s@%s", m->id, m->chiave,
		    strchr(c->da, '@') + 1),
		.data = ora,
		.testo = corpo,
	}) == 0 ? 0 : 1;
}
