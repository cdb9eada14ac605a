/*
** The choice lists of the case registry and their labels, in one place.
*/
#include "interno.h"

const struct choice minore_sessi[] = {
	{ "M", "Maschio" },
	{ "F", "Femmina" },
};
const size_t minore_nsessi = COUNT(minore_sessi);

const struct choice minore_modalita[] = {
	{ "sbarco", "Sbarco" },
	{ "frontiera_terrestre", "Frontiera terrestre" },
	{ "rintraccio_territorio", "Rintraccio sul territorio" },
	{ "segnalazione", "Segnalazione di ente o privato" },
	{ "altro", "Altro" },
};
const size_t minore_nmodalita = COUNT(minore_modalita);

const struct choice minore_stati[] = {
	{ "in_carico", "In carico" },
	{ "in_prosieguo", "In prosieguo amministrativo (18-21)" },
	{ "trasferito", "Trasferito ad altro ente" },
	{ "maggiorenne_chiuso", "Maggiorenne, chiuso" },
	{ "allontanato", "Allontanato / irreperibile" },
	{ "rimpatriato", "Rimpatriato" },
	{ "ricongiunto", "Ricongiunto alla famiglia" },
	{ "in_affido", "In affido familiare" },
	{ "chiuso", "Chiuso" },
};
const size_t minore_nstati = COUNT(minore_stati);

/* The main countries of origin first (Ministry data), then the others. */
const struct choice minore_paesi[] = {
	{ "Egitto", "Egitto" }, { "Bangladesh", "Bangladesh" },
	{ "Tunisia", "Tunisia" }, { "Pakistan", "Pakistan" },
	{ "Gambia", "Gambia" }, { "Guinea", "Guinea" },
	{ "Costa d'Avorio", "Costa d'Avorio" }, { "Albania", "Albania" },
	{ "Afghanistan", "Afghanistan" }, { "Eritrea", "Eritrea" },
	{ "Mali", "Mali" }, { "Senegal", "Senegal" },
	{ "Nigeria", "Nigeria" }, { "Somalia", "Somalia" },
	{ "Sudan", "Sudan" }, { "Marocco", "Marocco" },
	{ "Algeria", "Algeria" }, { "Libia", "Libia" },
	{ "Siria", "Siria" }, { "Iraq", "Iraq" }, { "Iran", "Iran" },
	{ "Kosovo", "Kosovo" }, { "Ucraina", "Ucraina" },
	{ "Burkina Faso", "Burkina Faso" }, { "Camerun", "Camerun" },
	{ "Ciad", "Ciad" }, { "Etiopia", "Etiopia" }, { "Ghana", "Ghana" },
	{ "Guinea-Bissau", "Guinea-Bissau" }, { "Niger", "Niger" },
	{ "Sierra Leone", "Sierra Leone" }, { "Togo", "Togo" },
	{ "Benin", "Benin" }, { "Liberia", "Liberia" },
	{ "Sud Sudan", "Sud Sudan" }, { "Yemen", "Yemen" },
	{ "Palestina", "Palestina" }, { "Turchia", "Turchia" },
	{ "India", "India" }, { "Sri Lanka", "Sri Lanka" },
	{ "Nepal", "Nepal" }, { "Cina", "Cina" },
	{ "Filippine", "Filippine" }, { "Georgia", "Georgia" },
	{ "Moldavia", "Moldavia" }, { "Romania", "Romania" },
	{ "Serbia", "Serbia" }, { "Perù", "Perù" },
	{ "Ecuador", "Ecuador" }, { "El Salvador", "El Salvador" },
	{ "Apolide", "Apolide" }, { "Sconosciuta", "Non determinata" },
};
const size_t minore_npaesi = COUNT(minore_paesi);

const struct choice minore_motivi_uscita[] = {
	{ "trasferimento", "Trasferimento ad altra struttura" },
	{ "maggiore_eta", "Maggiore età" },
	{ "allontanamento", "Allontanamento volontario / irreperibile" },
	{ "rimpatrio_assistito", "Rimpatrio volontario assistito" },
	{ "ricongiungimento", "Ricongiungimento familiare" },
	{ "trasferimento_dublino", "Trasferimento Dublino" },
	{ "affido", "Affido familiare" },
	{ "chiusura", "Chiusura del caso" },
	{ "altro", "Altro" },
};
const size_t minore_nmotivi_uscita = COUNT(minore_motivi_uscita);

const struct choice documento_tipi[] = {
	{ "passaporto", "Passaporto" },
	{ "carta_identita", "Carta d'identità" },
	{ "certificato_nascita", "Certificato di nascita" },
	{ "dichiarazione_consolare", "Dichiarazione consolare" },
	{ "permesso_minore_eta", "Permesso di soggiorno per minore età" },
	{ "ricevuta_asilo", "Ricevuta della domanda di asilo" },
	{ "permesso_art32", "Permesso art. 32" },
	{ "permesso_altro", "Altro permesso di soggiorno" },
	{ "altro", "Altro documento" },
};
const size_t documento_ntipi = COUNT(documento_tipi);

const struct choice tutela_tipi[] = {
	{ "provvisorio", "Tutore provvisorio" },
	{ "volontario", "Tutore volontario" },
};
const size_t tutela_ntipi = COUNT(tutela_tipi);

/* The list's filters: age bands ("from-to" years) and sort orders. */
const struct choice elenco_fasce[] = {
	{ "0-5", "Sotto i 6 anni" },
	{ "6-13", "6-13 anni" },
	{ "14-15", "14-15 anni" },
	{ "16-17", "16-17 anni" },
	{ "18-99", "18 anni e oltre" },
};
const size_t elenco_nfasce = COUNT(elenco_fasce);

const struct choice elenco_ordini[] = {
	{ "recenti", "Presi in carico più di recente" },
	{ "cognome", "Cognome" },
	{ "eta", "Più grandi prima" },
	{ "numero", "Numero di fascicolo" },
};
const size_t elenco_nordini = COUNT(elenco_ordini);

/* The labels other modules show (the PEI's legal situation). */
const char *
documento_tipo(const char *code)
{
	return choice_label(documento_tipi, documento_ntipi, code);
}

const char *
tutela_tipo(const char *code)
{
	return choice_label(tutela_tipi, tutela_ntipi, code);
}
