/*
** The office's figures (/minori/posti/grafici): how many minors each
** type of facility hosted at the end of each of the last twelve months
** (from the placements' history), and how long a minor waited for second
** reception (from the request to the transfer, by the month of the
** transfer: the median, the longest), with the requests still waiting.
** Each is a chart drawn here as SVG (no JavaScript: coordinates computed
** in C, the template draws them, escaped like any value) with an
** accessible name and description, and the same numbers in a table.
** Writes nothing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interno.h"
#include "page.h"

#define MESI 12
/* The plot area of both charts, in the SVG's units. */
#define X0 56
#define X1 700
#define Y0 24
#define Y1 240

static const char *const mesi[] = { "gen", "feb", "mar", "apr", "mag",
    "giu", "lug", "ago", "set", "ott", "nov", "dic" };

/* Okabe-Ito's colours (told apart with colour blindness), with a dash
** pattern each: a series is never told by its colour alone. */
static const struct {
	const char *colore, *tratto;
} serie[] = {
	{ "#0072b2", "" }, { "#d55e00", "8 4" }, { "#009e73", "2 3" },
	{ "#cc79a7", "10 3 2 3" }, { "#8a5a00", "4 4" }, { "#3a87b7", "1 5" },
	{ "#000000", "12 4" }, { "#6b6b6b", "6 2 2 2" }, { "#a3367d", "3 6" },
};

#define OCC(i) " sum(c.dal <= :d" #i " AND (c.al IS NULL OR c.al > :d" #i \
    ")) AS n" #i
static const char SQL_OCCUPAZIONE[] =
    "SELECT s.tipo," OCC(0) "," OCC(1) "," OCC(2) "," OCC(3) "," OCC(4) ","
    OCC(5) "," OCC(6) "," OCC(7) "," OCC(8) "," OCC(9) "," OCC(10) ","
    OCC(11) " FROM collocamenti c JOIN strutture s ON s.id = c.struttura_id"
    " WHERE c.dal <= :d11 AND (c.al IS NULL OR c.al > :d0) GROUP BY s.tipo";
static const char SQL_CAPIENZA[] =
    "SELECT tipo, sum" STRUTTURE_POSTI("") " AS posti"
    " FROM strutture WHERE attiva = 1 GROUP BY tipo";
static const char SQL_ATTESE[] =
    "SELECT p.data_trasferimento AS data,"
    " CAST(julianday(p.data_trasferimento)"
    " - julianday(date(r.richiesta_il, 'localtime')) AS INTEGER) AS giorni"
    " FROM posti_proposte p JOIN posti_richieste r ON r.id = p.richiesta_id"
    " WHERE p.stato = 'eseguita' AND r.motivo = 'seconda_accoglienza'"
    " AND p.data_trasferimento >= :da AND p.data_trasferimento <= :a";
static const char SQL_IN_ATTESA[] =
    "SELECT CAST(julianday(:oggi) - julianday(date(richiesta_il,"
    " 'localtime')) AS INTEGER) AS giorni FROM posti_richieste"
    " WHERE motivo = 'seconda_accoglienza'"
    " AND stato IN ('aperta', 'in_corso') ORDER BY giorni";

/* The end of each of the last twelve months (this one: today). */
static void
fine_mesi(const char *oggi, char d[MESI][11], char label[MESI][16])
{
	for (int i = 0; i < MESI; i++) {
		char primo[11];
		int y, m;

		date_shift(oggi, 0, i - (MESI - 1), primo);
		memcpy(primo + 8, "01", 3);
		if (i == MESI - 1)
			memcpy(d[i], oggi, 11);
		else {
			char next[11];

			date_shift(primo, 0, 1, next);
			date_add_days(next, -1, d[i]);
		}
		y = atoi(primo);
		m = atoi(primo + 5);
		snprintf(label[i], 16, "%s %02d", mesi[(m - 1) % 12], y % 100);
	}
}

/* A round top for an axis from 0 to at least `max`, in five steps. */
static int
asse(int max, int *passo)
{
	static const int base[] = { 1, 2, 5 };
	int mult = 1;

	for (;;)
		for (size_t i = 0; i < COUNT(base); i++) {
			int p = base[i] * mult;

			if (p * 5 >= max) {
				*passo = p;
				return p * ((max + p - 1) / p > 0 ?
				    (max + p - 1) / p : 1);
			}
			if (i == COUNT(base) - 1)
				mult *= 10;
		}
}

static int
y_of(int v, int top)
{
	return Y1 - (Y1 - Y0) * v / (top > 0 ? top : 1);
}

static int
x_of(int i)
{
	return X0 + (X1 - X0) * i / (MESI - 1);
}

/* Grafico.<name>.assi: the horizontal grid lines and their values. */
static void
griglia(HDF *g, int top, int passo)
{
	int k = 0;

	for (int v = 0; v <= top; v += passo) {
		HDF *t = row_child(g, "tacche", k++);

		row_set_int(t, "y", y_of(v, top));
		row_set_int(t, "ty", y_of(v, top) + 4);
		row_set_int(t, "v", v);
	}
	row_set_int(g, "x0", X0);
	row_set_int(g, "x1", X1);
	row_set_int(g, "y1", Y1);
	row_set_int(g, "tx", X0 - 8);		/* values left of the axis */
	row_set_int(g, "my", Y1 + 20);		/* months under it */
}

static void
mesi_asse(HDF *g, char label[MESI][16], int barre)
{
	for (int i = 0; i < MESI; i++) {
		HDF *m = row_child(g, "mesi", i);

		row_set(m, "label", label[i]);
		row_set_int(m, "x", barre ? X0 + (X1 - X0) * (2 * i + 1) /
		    (2 * MESI) : x_of(i));
	}
}

/* Occupancy by type: a line per type, the table by month. */
static int
occupazione(struct request *r, const char *oggi)
{
	char d[MESI][11], label[MESI][16];
	struct db_arg a[MESI];
	char names[MESI][16];
	int valori[16][MESI], cap[16] = { 0 }, max = 1, passo, top;
	const char *tipi[16];
	size_t nt = 0;
	struct stmt *st;
	HDF *g = page_node(r, "Occupazione");

	fine_mesi(oggi, d, label);
	for (int i = 0; i < MESI; i++) {
		snprintf(names[i], sizeof names[i], "d%d", i);
		a[i] = (struct db_arg)ARG_TEXT(names[i], d[i]);
	}
	st = db_prepare(SQL_OCCUPAZIONE);
	db_bind_args(st, a, MESI);
	while (db_step(st) == SQLITE_ROW && nt < COUNT(tipi)) {
		tipi[nt] = pool_strdup(&r->pool, db_text(st, "tipo"));
		for (int i = 0; i < MESI; i++) {
			char col[16];

			snprintf(col, sizeof col, "n%d", i);
			valori[nt][i] = (int)db_int(st, col);
			if (valori[nt][i] > max)
				max = valori[nt][i];
		}
		nt++;
	}
	db_done(st);
	st = db_prepare(SQL_CAPIENZA);
	while (db_step(st) == SQLITE_ROW)
		for (size_t t = 0; t < nt; t++)
			if (strcmp(tipi[t], db_text(st, "tipo")) == 0)
				cap[t] = (int)db_int(st, "posti");
	db_done(st);
	top = asse(max, &passo);
	griglia(g, top, passo);
	mesi_asse(g, label, 0);
	for (size_t t = 0; t < nt; t++) {
		HDF *s = row_child(g, "serie", (int)t);
		struct buf path = { 0 };

		row_set(s, "nome", struttura_tipo(tipi[t]));
		row_set(s, "colore", serie[t % COUNT(serie)].colore);
		row_set(s, "tratto", serie[t % COUNT(serie)].tratto);
		row_set_int(s, "capienza", cap[t]);
		for (int i = 0; i < MESI; i++) {
			HDF *p = row_child(s, "punti", i);

			buf_printf(&path, "%s%d %d", i ? " L" : "M", x_of(i),
			    y_of(valori[t][i], top));
			row_set_int(p, "x", x_of(i));
			row_set_int(p, "y", y_of(valori[t][i], top));
			row_set_int(p, "v", valori[t][i]);
		}
		row_set(s, "d", path.p);
		/* The legend, two columns under the plot. */
		{
			int lx = t % 2 ? 380 : X0;
			int ly = Y1 + 48 + 22 * (int)(t / 2);

			row_set_int(s, "lx", lx);
			row_set_int(s, "lx2", lx + 32);
			row_set_int(s, "ltx", lx + 40);
			row_set_int(s, "ly", ly);
			row_set_int(s, "lly", ly - 4);
		}
		buf_free(&path);
	}
	/* The table: a row per month, a column per type. */
	for (int i = 0; i < MESI; i++) {
		HDF *row = row_child(g, "righe", i);

		row_set(row, "mese", label[i]);
		for (size_t t = 0; t < nt; t++)
			row_set_int(row_child(row, "v", (int)t), "n",
			    valori[t][i]);
	}
	row_set_int(g, "altezza", Y1 + 48 + 22 * (int)((nt + 1) / 2) + 8);
	row_set_int(g, "tipi", (long long)nt);
	row_set(g, "da", label[0]);
	row_set(g, "a", label[MESI - 1]);
	return db_failed() ? -1 : 0;
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The median of v[0..n) (0 if none), sorting v. */
static int
mediana(int *v, size_t n)
{
	if (n == 0)
		return 0;		/* v may be NULL: qsort() must not see it */
	qsort(v, n, sizeof *v, cmp_int);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Waiting for second reception: a bar per month (the median). */
static int
attese(struct request *r, const char *oggi)
{
	char d[MESI][11], label[MESI][16], da[11];
	int *giorni[MESI] = { 0 }, med[MESI], lung[MESI], max = 1, passo, top;
	size_t n[MESI] = { 0 }, cap[MESI] = { 0 }, na = 0, capa = 0;
	int *aperte = NULL;
	struct stmt *st;
	HDF *g = page_node(r, "Attese");
	int w = (X1 - X0) / MESI;

	fine_mesi(oggi, d, label);
	memcpy(da, d[0], 11);
	memcpy(da + 8, "01", 3);
	st = db_query(SQL_ATTESE, ARGS(ARG_TEXT("da", da), ARG_TEXT("a",
	    oggi)));
	while (db_step(st) == SQLITE_ROW) {
		const char *data = db_text(st, "data");
		int i = 0;

		while (i < MESI - 1 && strcmp(data, d[i]) > 0)
			i++;
		if (n[i] == cap[i]) {
			cap[i] = cap[i] ? cap[i] * 2 : 8;
			giorni[i] = xrealloc(giorni[i], cap[i] * sizeof(int));
		}
		giorni[i][n[i]++] = (int)db_int(st, "giorni");
	}
	db_done(st);
	for (int i = 0; i < MESI; i++) {
		med[i] = mediana(giorni[i], n[i]);
		lung[i] = n[i] ? giorni[i][n[i] - 1] : 0;
		if (med[i] > max)
			max = med[i];
	}
	top = asse(max, &passo);
	griglia(g, top, passo);
	mesi_asse(g, label, 1);
	for (int i = 0; i < MESI; i++) {
		HDF *b = row_child(g, "barre", i);

		row_set(b, "mese", label[i]);
		row_set_int(b, "n", (long long)n[i]);
		row_set_int(b, "mediana", med[i]);
		row_set_int(b, "massimo", lung[i]);
		row_set_int(b, "x", X0 + w * i + w / 6);
		row_set_int(b, "w", w * 2 / 3);
		row_set_int(b, "y", y_of(med[i], top));
		row_set_int(b, "h", Y1 - y_of(med[i], top));
		row_set_int(b, "tx", X0 + w * i + w / 2);
		row_set_int(b, "ty", y_of(med[i], top) - 6);
		free(giorni[i]);
	}
	st = db_query(SQL_IN_ATTESA, ARGS(ARG_TEXT("oggi", oggi)));
	while (db_step(st) == SQLITE_ROW) {
		if (na == capa) {
			capa = capa ? capa * 2 : 16;
			aperte = xrealloc(aperte, capa * sizeof(int));
		}
		aperte[na++] = (int)db_int(st, "giorni");
	}
	db_done(st);
	row_set_int(g, "in_attesa", (long long)na);
	if (na > 0) {
		row_set_int(g, "in_attesa_mediana", mediana(aperte, na));
		row_set_int(g, "in_attesa_massimo", aperte[na - 1]);
	}
	free(aperte);
	row_set(g, "da", label[0]);
	row_set(g, "a", label[MESI - 1]);
	return db_failed() ? -1 : 0;
}

/* GET /minori/posti/grafici */
int
posti_grafici(struct request *r)
{
	char oggi[11];
	int rc;

	posti_oggi(oggi);
	if (db_begin_read() != 0)
		return 500;
	rc = occupazione(r, oggi) == 0 && attese(r, oggi) == 0 ? 0 : 500;
	db_end_read();
	if (rc != 0)
		return rc;
	return page_render(r, "posti/grafici.cs",
	    "Occupazione e tempi di attesa");
}
