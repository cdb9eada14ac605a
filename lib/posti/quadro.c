/*
** The office's board of the circuit (/minori/posti): every active
** facility with its authorised places, the minors placed there now, the
** places held by proposals, the free places that leaves, what the
** facility last declared and how old the declaration is; a stale
** declaration, one that differs from capacity minus placed, and a
** facility over its capacity are marked. And one facility's places
** (/minori/posti/strutture/N), cell by cell, with its declarations and
** proposals: a facility user sees only their own (the board's address
** shows it to them), any other is a 403 and an audit row. Writes nothing.
*/
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "interno.h"
#include "page.h"

static const struct choice celle_libere[] = {
	{ "m_6_13", "Ragazzi 6-13 anni" }, { "m_14_17", "Ragazzi 14-17 anni" },
	{ "m_18_21", "Ragazzi 18-21 anni" }, { "f_6_13", "Ragazze 6-13 anni" },
	{ "f_14_17", "Ragazze 14-17 anni" },
	{ "f_18_21", "Ragazze 18-21 anni" },
};

static const struct field filtri[] = {
	{ "tipo", "Tipo di struttura", .type = FIELD_CHOICE },
	{ "cella", "Con posti liberi per", .type = FIELD_CHOICE,
	  .choices = celle_libere, .nchoices = COUNT(celle_libere) },
	{ "segnalate", "Solo le dichiarazioni da verificare",
	  .type = FIELD_CHECKBOX },
};

static int
cella_of(const char *chiave)
{
	for (int c = 0; chiave && c < STRUTTURE_CELLE; c++)
		if (strcmp(strutture_celle[c].chiave, chiave) == 0)
			return c;
	return -1;
}

/* One facility's line on the board: ten values (page.c's rule). */
static void
riga(HDF *row, const struct posti_conto *s)
{
	int liberi = 0, oltre = 0, k = 0;
	HDF *celle, *dich, *avvisi;

	row_set_int(row, "id", s->id);
	row_set(row, "nome", s->nome);
	row_set(row, "tipo", struttura_tipo(s->tipo));
	row_set_int(row, "capienza", posti_somma(s->capienza));
	row_set_int(row, "occupati", posti_somma(s->occupati));
	row_set_int(row, "prenotati", posti_somma(s->prenotati));
	celle = row_node(row, "celle");
	for (int c = 0; c < STRUTTURE_CELLE; c++) {
		int n = posti_liberi(s, c);

		if (n > 0) {
			HDF *x = row_child(celle, "l", k++);

			liberi += n;
			row_set(x, "label", strutture_celle[c].label);
			row_set_int(x, "n", n);
		} else if (n < 0)
			oltre = 1;
	}
	row_set_int(row, "liberi", liberi);
	dich = row_node(row, "dich");
	if (s->dichiarata) {
		row_set_int(dich, "n", posti_somma(s->dichiarati));
		row_set(dich, "il", s->il);
		row_set_int(dich, "giorni", s->giorni);
	}
	avvisi = row_node(row, "avvisi");
	if (posti_stantia(s))
		row_set(avvisi, "stantia", "1");
	if (posti_discorde(s))
		row_set(avvisi, "discorde", "1");
	if (oltre)
		row_set(avvisi, "oltre", "1");
}

/*
** The office's board, in the caller's read snapshot: its figures and
** table drawn once and kept by the worker under a key that names all
** they show (the counter 'posti', the day, the filters).
*/
static int
quadro(struct request *r)
{
	const struct posti_conto *v;
	struct field f[COUNT(filtri)];
	struct form form;
	const char *tipo, *cella, *key, *html;
	int tot[4] = { 0 }, stantie = 0, discordi = 0, shown = 0, segnalate, c;
	char oggi[11];
	size_t n;

	memcpy(f, filtri, sizeof f);
	f[0].choices = strutture_tipi;
	f[0].nchoices = strutture_ntipi;
	form_init(&form, f, COUNT(f));
	form_read(r, &form);
	tipo = form.error[0] ? NULL : form_value(&form, "tipo");
	cella = form.error[1] ? NULL : form_value(&form, "cella");
	segnalate = form_value(&form, "segnalate") != NULL;
	c = cella_of(cella);
	page_set_int(r, "Quadro.validita", posti_validita());
	page_set_int(r, "Quadro.filtrate", tipo || c >= 0 || segnalate);
	form_page(r, &form);
	/* The day: the declarations' ages move with it. */
	posti_oggi(oggi);
	key = pool_printf(&r->pool, "posti/quadro/%lld/%s/%s/%d/%d",
	    versione("posti"), oggi, tipo ? tipo : "", c, segnalate);
	if ((html = page_kept(key)) != NULL) {
		page_set(r, "Quadro.html", html);
		return 0;
	}
	if ((v = posti_conti(&n)) == NULL && db_failed())
		return 500;
	for (size_t i = 0; i < n; i++) {
		const struct posti_conto *s = &v[i];

		if (!s->attiva)
			continue;
		tot[0] += posti_somma(s->capienza);
		tot[1] += posti_somma(s->occupati);
		tot[2] += posti_somma(s->prenotati);
		for (int k = 0; k < STRUTTURE_CELLE; k++)
			if (posti_liberi(s, k) > 0)
				tot[3] += posti_liberi(s, k);
		stantie += posti_stantia(s);
		discordi += posti_discorde(s);
		if ((tipo && strcmp(s->tipo, tipo) != 0) ||
		    (c >= 0 && posti_liberi(s, c) <= 0) ||
		    (segnalate && !posti_stantia(s) && !posti_discorde(s)))
			continue;
		riga(page_row(r, "Quadro.strutture", shown++), s);
	}
	page_set_int(r, "Quadro.capienza", tot[0]);
	page_set_int(r, "Quadro.occupati", tot[1]);
	page_set_int(r, "Quadro.prenotati", tot[2]);
	page_set_int(r, "Quadro.liberi", tot[3]);
	page_set_int(r, "Quadro.stantie", stantie);
	page_set_int(r, "Quadro.discordi", discordi);
	page_set_int(r, "Quadro.mostrate", shown);
	if (db_failed() || (html = page_keep(r, "posti/quadro_tabella.cs",
	    key)) == NULL)
		return 500;
	page_set(r, "Quadro.html", html);
	return 0;
}

/* One facility's places, declarations and proposals. */
static int
struttura_pagina(struct request *r, long long id)
{
	const struct posti_conto *s;
	int any = 0, rc = 0;

	if (db_begin_read() != 0)
		return 500;
	if ((s = posti_conto(id)) == NULL)
		rc = db_failed() ? 500 : 404;
	if (rc == 0) {
		page_set_int(r, "Struttura.id", s->id);
		page_set(r, "Struttura.nome", s->nome);
		page_set(r, "Struttura.tipo", struttura_tipo(s->tipo));
		page_set_int(r, "Struttura.attiva", s->attiva);
		page_set_int(r, "Struttura.validita", posti_validita());
		if (s->dichiarata) {
			page_set(r, "Struttura.il", s->il);
			page_set_int(r, "Struttura.giorni", s->giorni);
		}
		page_set_int(r, "Struttura.stantia", posti_stantia(s));
		page_set_int(r, "Struttura.discorde", posti_discorde(s));
		for (int c = 0; c < STRUTTURE_CELLE; c++)
			any |= s->capienza[c] || s->occupati[c] ||
			    s->prenotati[c] || s->dichiarati[c];
		for (int c = 0, k = 0; c < STRUTTURE_CELLE; c++) {
			HDF *row;

			if (any && !s->capienza[c] && !s->occupati[c] &&
			    !s->prenotati[c] && !s->dichiarati[c])
				continue;
			row = page_row(r, "Celle", k++);
			row_set(row, "label", strutture_celle[c].label);
			row_set_int(row, "capienza", s->capienza[c]);
			row_set_int(row, "occupati", s->occupati[c]);
			row_set_int(row, "prenotati", s->prenotati[c]);
			row_set_int(row, "liberi", posti_liberi(s, c));
			if (s->dichiarata)
				row_set_int(row, "dichiarati",
				    s->dichiarati[c]);
		}
		page_set_int(r, "Struttura.mia",
		    r->user.role == ROLE_STRUTTURA);
		dichiarazioni_elenco(r, id);
		proposte_della_struttura(r, id);
		if (db_failed())
			rc = 500;
	}
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "posti/struttura.cs", s->nome);
}

/* GET /minori/posti: the board; a facility's user, their own places. */
int
posti_quadro(struct request *r)
{
	int rc;

	if (r->user.role == ROLE_STRUTTURA)
		return struttura_pagina(r, r->user.struttura_id);
	if (db_begin_read() != 0)
		return 500;
	rc = quadro(r);
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "posti/quadro.cs", "Posti nelle strutture");
}

/* GET /minori/posti/strutture/N: a facility's places (its user: its own). */
int
posti_struttura_get(struct request *r)
{
	long long id = r->id[0];

	if (r->user.role == ROLE_STRUTTURA && id != r->user.struttura_id) {
		audit_now(r, "permission_denied", "struttura", id, "posti");
		return 403;
	}
	return struttura_pagina(r, id);
}
