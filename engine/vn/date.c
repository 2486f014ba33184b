/* engine/vn/date.c — calendar dates: strict ISO parsing, day arithmetic and
 * the Vietnamese forms ("ngày 05 tháng 02 năm 2021", "23/06/2021").
 *
 * Arithmetic goes through a day index counted from 0001-01-01 in the
 * proleptic Gregorian calendar. Only years 1 to 9999 exist here, so the index
 * is never negative and every division truncates the way the formulas need. */
#include "vn/sink.h"
#include "vn/vn.h"

#include <string.h>

#define YEAR_MAX 9999

/* Days in the months before month m + 1 of a common year. */
static const int before_month[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

static int
leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
    return before_month[m] - before_month[m - 1] + (m == 2 && leap(y));
}

int
hs_vn_date_valid(hs_vn_date d)
{
    return d.year >= 1 && d.year <= YEAR_MAX && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= month_days(d.year, d.month);
}

int
hs_vn_date_in_range(hs_vn_date d)
{
    return hs_vn_date_valid(d) && d.year >= HS_VN_DATE_YEAR_FIRST && d.year <= HS_VN_DATE_YEAR_LAST;
}

/* Days from 0001-01-01 to 1 January of year y: 365 a year plus one for each
 * leap year before it. */
static long long
days_before_year(long long y)
{
    y -= 1;
    return 365 * y + y / 4 - y / 100 + y / 400;
}

static long long
days_before_month(long long y, int m)
{
    return before_month[m - 1] + (m > 2 && leap((long)y));
}

static long long
day_index(hs_vn_date d) /* d valid */
{
    return days_before_year(d.year) + days_before_month(d.year, d.month) + d.day - 1;
}

static hs_vn_date
from_index(long long z) /* 0 <= z < day_index(10000-01-01) */
{
    /* 146097 days make 400 years; the estimate is off by at most one year. */
    long long y = z * 400 / 146097 + 1;
    while (y > 1 && days_before_year(y) > z)
        y--;
    while (days_before_year(y + 1) <= z)
        y++;
    long long doy = z - days_before_year(y);
    int m = 1;
    while (m < 12 && days_before_month(y, m + 1) <= doy)
        m++;
    hs_vn_date d = {(int)y, m, (int)(doy - days_before_month(y, m)) + 1};
    return d;
}

static int
two_digits(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

hs_vn_status
hs_vn_date_parse(const char *s, size_t n, hs_vn_date *out)
{
    /* Whitespace around the date comes from indented XML, not from typing. */
    while (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    /* A timestamp from a database ("2021-06-23T10:00:00+07:00") is a date
     * with a time we do not print. */
    if (n < 10 || (n > 10 && s[10] != 'T'))
        return HS_VN_E_SYNTAX;
    for (int i = 0; i < 10; i++) {
        int sep = i == 4 || i == 7;
        if (sep ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return HS_VN_E_SYNTAX;
    }
    hs_vn_date d = {two_digits(s) * 100 + two_digits(s + 2), two_digits(s + 5), two_digits(s + 8)};
    if (d.year < 1000) /* "0021-…" is a typing slip in a business document */
        return HS_VN_E_SYNTAX;
    if (!hs_vn_date_valid(d))
        return HS_VN_E_DATE;
    *out = d;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_date_add_days(hs_vn_date d, long days, hs_vn_date *out)
{
    if (!hs_vn_date_valid(d))
        return HS_VN_E_DATE;
    long long limit = days_before_year(YEAR_MAX + 1);
    /* Checked before the sum so that no long can overflow it. */
    if (days > limit || days < -limit)
        return HS_VN_E_RANGE;
    long long z = day_index(d) + days;
    if (z < 0 || z >= limit)
        return HS_VN_E_RANGE;
    *out = from_index(z);
    return HS_VN_OK;
}

hs_vn_status
hs_vn_date_next(hs_vn_date d, hs_vn_date *out)
{
    if (!hs_vn_date_valid(d))
        return HS_VN_E_DATE;
    if (d.day < month_days(d.year, d.month))
        d.day++;
    else if (d.month < 12)
        d.day = 1, d.month++;
    else if (d.year < YEAR_MAX)
        d.day = 1, d.month = 1, d.year++;
    else
        return HS_VN_E_RANGE;
    *out = d;
    return HS_VN_OK;
}

/* An invalid date has no index; 0 keeps these total without a status. */
long
hs_vn_date_days_between(hs_vn_date a, hs_vn_date b)
{
    if (!hs_vn_date_valid(a) || !hs_vn_date_valid(b))
        return 0;
    return (long)(day_index(b) - day_index(a));
}

long long
hs_vn_date_epoch(hs_vn_date d)
{
    if (!hs_vn_date_valid(d))
        return 0;
    hs_vn_date unix0 = {1970, 1, 1};
    return (day_index(d) - day_index(unix0)) * 86400;
}

/* v >= 0 with at least width digits. */
static void
put_int(vn_sink *o, int v, int width)
{
    char b[12];
    int n = 0;
    do {
        b[sizeof b - 1 - (size_t)n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 || n < width);
    vn_put(o, b + sizeof b - n, (size_t)n);
}

static void
put_long(vn_sink *o, hs_vn_date d)
{
    /* Decree 30/2020/ND-CP: a leading zero for a day below 10 and for the
     * months 1 and 2 only, so that no digit can be added by hand ("tháng 1"
     * could become "tháng 11", "tháng 12" has no room left). */
    vn_put(o, "ngày ", strlen("ngày "));
    put_int(o, d.day, 2);
    vn_put(o, " tháng ", strlen(" tháng "));
    put_int(o, d.month, d.month <= 2 ? 2 : 1);
    vn_put(o, " năm ", strlen(" năm "));
    put_int(o, d.year, 1);
}

const char *
hs_vn_date_pattern_bad(const char *pattern)
{
    /* Two or more of m, D, Y (no Vietnamese word doubles a letter), or a run
     * of y that is neither yy nor yyyy; a lone letter, as in "Ngày dd", is
     * text. */
    for (const char *p = pattern; *p != '\0';) {
        size_t run = 1;
        while (p[run] == p[0])
            run++;
        if ((p[0] == 'm' || p[0] == 'D' || p[0] == 'Y') && run >= 2)
            return p;
        if (p[0] == 'y' && run != 1 && run != 2 && run != 4)
            return p;
        p += run;
    }
    return NULL;
}

hs_vn_status
hs_vn_date_format(hs_vn_date d, const char *pattern, char *out, size_t cap)
{
    vn_sink o = {out, cap, 0, 0};
    if (!hs_vn_date_valid(d) || pattern == NULL) {
        if (cap > 0)
            out[0] = '\0';
        return pattern == NULL ? HS_VN_E_SYNTAX : HS_VN_E_DATE;
    }
    if (strcmp(pattern, "long") == 0) {
        put_long(&o, d);
        return vn_finish(&o);
    }
    if (hs_vn_date_pattern_bad(pattern) != NULL) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SYNTAX;
    }
    for (const char *p = pattern; *p != '\0';) {
        if (strncmp(p, "yyyy", 4) == 0) {
            put_int(&o, d.year, 4);
            p += 4;
        } else if (strncmp(p, "yy", 2) == 0) {
            put_int(&o, d.year % 100, 2);
            p += 2;
        } else if (p[0] == 'd' || p[0] == 'M') {
            int wide = p[1] == p[0]; /* "dd", "MM": two digits */
            put_int(&o, p[0] == 'd' ? d.day : d.month, wide ? 2 : 1);
            p += wide ? 2 : 1;
        } else {
            vn_put(&o, p, 1);
            p++;
        }
    }
    return vn_finish(&o);
}

hs_vn_status
hs_vn_date_line(const char *place, hs_vn_date d, char *out, size_t cap)
{
    vn_sink o = {out, cap, 0, 0};
    if (!hs_vn_date_valid(d)) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_DATE;
    }
    /* Without a place the line is the date alone, never ", ngày …". */
    if (place != NULL && place[0] != '\0') {
        vn_put(&o, place, strlen(place));
        vn_put(&o, ", ", 2);
    }
    put_long(&o, d);
    return vn_finish(&o);
}
