/*
** Tolerant matching of names written in many transliterations: each name
** is reduced to keys (Mohamed, Mohammed, Muhammad -> "mhmd"; Abdul Rahman,
** Abdelrahman -> "abd rhmn abdrhmn") that the FTS5 index stores and the
** search and the duplicate check look up.
*/
#ifndef APPRODO_NOME_H
#define APPRODO_NOME_H

#include "util.h"

void nome_fold(const char *in, struct buf *out);
void nome_keys(const char *in, struct buf *out);
void nome_query(const char *in, int prefix_last, struct buf *out);

#endif
