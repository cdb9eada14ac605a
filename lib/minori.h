/*
** The handlers of the minori area, routed by cgi-bin/minori.c. Each file
** holds one concept: minori_elenco.c (list, search, CSV export),
** presa_in_carico.c (intake), fascicolo.c (case page and its sections),
** documenti.c (documents and their scanned files).
*/
#ifndef APPRODO_MINORI_H
#define APPRODO_MINORI_H

#include "request.h"

int minori_elenco(struct request *);
int minori_export(struct request *);

int presa_in_carico_get(struct request *);
int presa_in_carico_post(struct request *);

int fascicolo(struct request *);
int fascicolo_anagrafica_get(struct request *);
int fascicolo_anagrafica_post(struct request *);
int fascicolo_rintraccio_get(struct request *);
int fascicolo_rintraccio_post(struct request *);
int fascicolo_tutela_get(struct request *);
int fascicolo_tutela_post(struct request *);
int fascicolo_stato_get(struct request *);
int fascicolo_stato_post(struct request *);
int fascicolo_collocamento_get(struct request *);
int fascicolo_collocamento_post(struct request *);

int documento_nuovo_get(struct request *);
int documento_nuovo_post(struct request *);
int documento_verifica_post(struct request *);
int documento_file(struct request *);

#endif
