/*
** Dates as the office writes them (dd/mm/yyyy) and as they are stored
** (ISO yyyy-mm-dd), and the arithmetic the rules need; Rome's clock for
** the terms counted in hours.
*/
#ifndef APPRODO_DATE_H
#define APPRODO_DATE_H

int date_parse(const char *, char iso[11]);
void date_it(const char *iso, char out[11]);
void date_today(char iso[11]);
int date_days(const char *iso);
int date_age(const char *birth_iso, const char *on_iso);
void date_born_by(const char *on_iso, int years, char out[11]);
void date_shift(const char *iso, int years, int months, char out[11]);
void date_add_days(const char *iso, int days, char out[11]);

/* Rome's clock (CET/CEST by the EU rule), for terms counted in hours. */
int date_rome_offset(long long unix_time);
int date_rome_to_unix(const char *local, long long *unix_time);
int date_unix_to_rome(long long unix_time, char out[17]);
void date_today_rome(char iso[11]);

#endif
