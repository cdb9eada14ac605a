/*
** The legal terms a PEI follows, each with its source. Dates are calendar
** dates (ISO, no time of day), so daylight-saving changes cannot move
** them. A term in months or years ends on the same day of the month, or
** on the month's last day when that day does not exist (art. 2963 c.c.):
** someone born on 29 February turns 18 on 28 February of a common year.
** Proved by the dated vectors of tests/test_pei_regole.c.
*/
#include <string.h>

#include "date.h"
#include "interno.h"
#include "settings.h"

const struct termine pei_termini[] = {
	{ "colloquio", "Primo colloquio entro 3 giorni dall'ingresso in "
	  "accoglienza", "DPCM 98/2024; art. 19-bis D.Lgs. 142/2015" },
	{ "art32", "Richiesta del parere per la conversione del permesso: da 3 "
	  "mesi prima a 2 mesi dopo il 18° compleanno",
	  "art. 32 c. 1-bis D.Lgs. 286/1998 (TUI)" },
	{ "reclamo_eta", "Reclamo contro il provvedimento sull'età entro 10 "
	  "giorni dalla notifica", "art. 19-bis c. 9 D.Lgs. 142/2015" },
	{ "prosieguo", "Prosieguo amministrativo fino al 21° anno di età",
	  "art. 13 c. 2 L. 47/2017" },
	{ "verifica", "Verifica del PEI ogni 3 mesi (APPRODO_PEI_VERIFICA_MESI "
	  "lo cambia)", "Prassi dell'ufficio MSNA di Roma Capitale" },
	{ "mesi", "Termini a mesi e ad anni: stesso giorno del mese, o "
	  "l'ultimo se manca", "art. 2963 c.c." },
};
const size_t pei_ntermini = COUNT(pei_termini);

/* The last day for the first interview after entering reception. */
void
pei_colloquio_entro(const char *ingresso, char out[11])
{
	date_add_days(ingresso, 3, out);
}

/* The window for the art. 32 request around the 18th birthday. */
void
pei_art32_finestra(const char *nascita, char dal[11], char al[11])
{
	char diciotto[11];

	date_shift(nascita, 18, 0, diciotto);
	date_shift(diciotto, 0, -3, dal);
	date_shift(diciotto, 0, 2, al);
}

/* The day an art. 13 extension ends at the latest: the 21st birthday. */
void
pei_prosieguo_limite(const char *nascita, char out[11])
{
	date_shift(nascita, 21, 0, out);
}

/* The last day to appeal the decision on age, from its notification. */
void
pei_reclamo_eta(const char *notifica, char out[11])
{
	date_add_days(notifica, 10, out);
}

/* The review period in months: APPRODO_PEI_VERIFICA_MESI, default 3. */
int
pei_verifica_mesi(void)
{
	static int mesi;

	if (mesi == 0)
		mesi = (int)config_int("APPRODO_PEI_VERIFICA_MESI", 3, 1, 24);
	return mesi;
}

/* When an approved PEI is due for review. */
void
pei_verifica_entro(const char *approvata, int mesi, char out[11])
{
	date_shift(approvata, 0, mesi > 0 ? mesi : 3, out);
}
