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

/* yyyy-mm-dd and its terminator, without printf (the rules call it a lot). */
static void
put_iso(char out[11], int y, int m, int d)
{
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
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
	put_iso(iso, y, m, d);
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

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int
days_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Days since 1970-01-01 of an ISO date. */
int
date_days(const char *iso)
{
	int y, m, d;

	if (!iso_shape(iso) || digits(iso, 4, &y) || digits(iso + 5, 2, &m) ||
	    digits(iso + 8, 2, &d))
		return 0;
	return days_civil(y, m, d);
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
	int y, m, d, total;

	if (!iso_shape(iso) || digits(iso, 4, &y) || digits(iso + 5, 2, &m) ||
	    digits(iso + 8, 2, &d) || m < 1 || m > 12) {
		out[0] = '\0';
		return;
	}
	total = y * 12 + (m - 1) + years * 12 + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	put_iso(out, y, m, d);
}

/* The civil date of day `days` since 1970-01-01 (Hinnant's civil_from_days). */
static void
civil(int days, int *year, int *month, int *day)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;

	*year = y + (m <= 2);
	*month = (int)m;
	*day = (int)d;
}

/* The ISO date `days` after `from`. */
void
date_add_days(const char *from, int days, char out[11])
{
	int y, m, d;

	civil(date_days(from) + days, &y, &m, &d);
	put_iso(out, y, m, d);
}

/*
** Rome's clock (Europe/Rome), for the terms the law counts in hours: CET
** (UTC+1), and CEST (UTC+2) from 01:00 UTC of March's last Sunday to
** 01:00 UTC of October's last Sunday, as the EU has fixed it since 1996
** (Directive 2000/84/EC). Computed here, not read from the system's time
** zone database, so that a term is the same on every machine.
*/

/* Day number of the last Sunday of month `m` of year `y`. */
static int
last_sunday(int y, int m)
{
	int last = days_civil(y, m, days_in_month(y, m));

	/* 1970-01-01 was a Thursday: weekday 4 with Sunday 0. */
	return last - ((last % 7 + 7 + 4) % 7);
}

/* Rome's offset from UTC, in seconds, at unix time `t`. */
int
date_rome_offset(long long t)
{
	int y, m, d;
	long long start, end;

	civil((int)((t >= 0 ? t : t - 86399) / 86400), &y, &m, &d);
	start = (long long)last_sunday(y, 3) * 86400 + 3600;
	end = (long long)last_sunday(y, 10) * 86400 + 3600;
	return t >= start && t < end ? 7200 : 3600;
}

/*
** The unix time of a Rome wall-clock time, "yyyy-mm-dd" (midnight) or
** "yyyy-mm-dd hh:mm[:ss]" (also with 'T'); 0, or -1 if it is not one.
** The hour the clocks repeat in October is its first pass (summer time,
** the earlier instant); a time the clocks skip in March (02:00-02:59) is
** read on the clock before the change (02:30 is 01:30 UTC, 03:30 CEST).
*/
int
date_rome_to_unix(const char *local, long long *out)
{
	char iso[11];
	int hh = 0, mm = 0, ss = 0;
	long long wall, summer, winter;
	size_t n = local ? strlen(local) : 0;

	if (n < 10)
		return -1;
	memcpy(iso, local, 10);
	iso[10] = '\0';
	if (iso[4] != '-' || iso[7] != '-' || date_parse(iso, iso) != 0)
		return -1;
	if (n > 10 && ((local[10] != ' ' && local[10] != 'T') ||
	    (n != 16 && n != 19) || digits(local + 11, 2, &hh) ||
	    local[13] != ':' || digits(local + 14, 2, &mm) ||
	    (n == 19 && (local[16] != ':' || digits(local + 17, 2, &ss))) ||
	    hh > 23 || mm > 59 || ss > 59))
		return -1;
	wall = (long long)date_days(iso) * 86400 + hh * 3600 + mm * 60 + ss;
	summer = wall - 7200;
	winter = wall - 3600;
	*out = date_rome_offset(summer) == 7200 ? summer : winter;
	return 0;
}

/*
** Rome's wall-clock time at unix time `t`, "yyyy-mm-dd hh:mm" into out;
** returns the offset from UTC in minutes (60 or 120).
*/
int
date_unix_to_rome(long long t, char out[17])
{
	int off = date_rome_offset(t), y, m, d;
	long long wall = t + off, secs;
	char tmp[48];

	civil((int)((wall >= 0 ? wall : wall - 86399) / 86400), &y, &m, &d);
	secs = wall - (long long)days_civil(y, m, d) * 86400;
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d %02d:%02d", y, m, d,
	    (int)(secs / 3600), (int)(secs / 60 % 60));
	memcpy(out, tmp, 17);
	return off / 60;
}

/* Today in Rome, whatever the process's time zone. */
void
date_today_rome(char iso[11])
{
	char now[17];

	date_unix_to_rome((long long)time(NULL), now);
	memcpy(iso, now, 10);
	iso[10] = '\0';
}
