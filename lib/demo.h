/*
** Synthetic, realistic demo data: facilities, one user per role, and
** minors with names from the main countries of origin, plausible dates,
** guardians, documents and placements. Never real people.
*/
#ifndef APPRODO_DEMO_H
#define APPRODO_DEMO_H

int demo_minori(int total, unsigned int seed);

#endif
