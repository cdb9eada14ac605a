/*
** Calendar dates without time zones: validated by hand, compared as
** ISO strings, counted in days from the civil-calendar formula.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/*
** Accepts dd/mm/yyyy (also d/m/yyyy, with '/', '-' or '.') or ISO
** yyyy-mm-dd; writes the ISO form. Returns 0 for a real date from 1900 to 2199.
*/
int
date_parse(const char *s, char iso[11])
{
	int d, m, y;

	if (s == NULL)
		return -1;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		if (digits(s, 4, &y) || digits(s + 5, 2, &m) ||
		    digits(s + 8, 2, &d))
			return -1;
	} else {
		const char *p = s;
		int nd, nm;

		for (nd = 0; p[nd] >= '0' && p[nd] <= '9'; nd++)
			;
		if (nd < 1 || nd > 2 || digits(p, nd, &d))
			return -1;
		p += nd;
		if (*p != '/' && *p != '-' && *p != '.')
			return -1;
		p++;
		for (nm = 0; p[nm] >= '0' && p[nm] <= '9'; nm++)
			;
		if (nm < 1 || nm > 2 || digits(p, nm, &m))
			return -1;
		p += nm;
		if ((*p != '/' && *p != '-' && *p != '.') || strlen(p + 1) != 4 ||
		    digits(p + 1, 4, &y))
			return -1;
	}
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	{
		char tmp[40];

		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
		memcpy(iso, tmp, 11);
	}
	return 0;
}

/* ISO to dd/mm/yyyy; anything else is copied as it is (or empty). */
void
date_it(const char *iso, char out[11])
{
	if (iso && strlen(iso) >= 10 && iso[4] == '-' && iso[7] == '-') {
		memcpy(out, iso + 8, 2);
		out[2] = '/';
		memcpy(out + 3, iso + 5, 2);
		out[5] = '/';
		memcpy(out + 6, iso, 4);
		out[10] = '\0';
	} else
		snprintf(out, 11, "%s", iso ? iso : "");
}

void
date_today(char iso[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(iso, 11, "%Y-%m-%d", &tm);
}

/* 1 if `s` starts like an ISO date (the digits are checked after). */
static int
iso_shape(const char *s)
{
	return s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-';
}

/* Days since 1970-01-01 of an ISO date (Howard Hinnant's algorithm). */
int
date_days(const char *iso)
{
	int y, m, d, era, yoe, doy, doe;

	if (!iso_shape(iso) || digits(iso, 4, &y) || digits(iso + 5, 2, &m) ||
	    digits(iso + 8, 2, &d))
		return 0;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
** Completed years between two ISO dates. Someone born on 29 February
** completes a year on 28 February of a common year: a term in years ends
** on the last day of the month when the day is missing (art. 2963 c.c.),
** as date_shift() counts it.
*/
int
date_age(const char *birth, const char *on)
{
	int by, bm, bd, y, m, d, age;

	if (!iso_shape(birth) || !iso_shape(on) ||
	    digits(birth, 4, &by) || digits(birth + 5, 2, &bm) ||
	    digits(birth + 8, 2, &bd) || digits(on, 4, &y) ||
	    digits(on + 5, 2, &m) || digits(on + 8, 2, &d))
		return -1;
	if (bm == 2 && bd == 29 && !leap(y))
		bd = 28;
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

/*
** The last birth date of someone who is at least `years` old on `on`: a
** list's bound. On 28 February of a common year, 29 February of a leap
** year `years` before (they complete their years that day, as above).
*/
void
date_born_by(const char *on, int years, char out[11])
{
	date_shift(on, -years, 0, out);
	if (strncmp(on + 5, "02-28", 5) == 0 && !leap(atoi(on)) &&
	    leap(atoi(out)))
		memcpy(out + 5, "02-29", 5);
}

/* Adds years and months to an ISO date (day clamped to the month's end). */
void
date_shift(const char *iso, int years, int months, char out[11])
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, total, dim;
	char tmp[40];

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		out[0] = '\0';
		return;
	}
	total = y * 12 + (m - 1) + years * 12 + months;
	y = total / 12;
	m = total % 12 + 1;
	dim = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0));
	if (d > dim)
		d = dim;
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 11);
}

/* The ISO date `days` after `from` (Hinnant's civil_from_days). */
void
date_add_days(const char *from, int days, char out[11])
{
	int z = date_days(from) + days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	char tmp[40];

	snprintf(tmp, sizeof tmp, "%04d-%02u-%02u", y + (m <= 2), m, d);
	memcpy(out, tmp, 11);
}
