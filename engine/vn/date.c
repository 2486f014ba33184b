/* engine/vn/date.c — calendar dates: strict ISO parsing, day arithmetic and
 * the Vietnamese forms ("ngày 05 tháng 02 năm 2021", "23/06/2021").
 *
 * Day arithmetic goes through a day number counted from 1970-01-01 in the
 * proleptic Gregorian calendar (eras of 400 years, March-based years so the
 * leap day is last), so adding days crosses months and years exactly. */
#include "vn/vn.h"

#include <stdio.h>
#include <string.h>

static int
leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

int
hs_vn_date_valid(hs_vn_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= month_days(d.year, d.month);
}

static long
day_number(hs_vn_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12; /* March = 0 */
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static hs_vn_date
from_day_number(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    hs_vn_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

hs_vn_status
hs_vn_date_parse(const char *s, size_t n, hs_vn_date *out)
{
    while (n > 0 && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    if (n < 10 || (n > 10 && s[10] != 'T'))
        return HS_VN_E_SYNTAX;
    for (int i = 0; i < 10; i++) {
        int digit = s[i] >= '0' && s[i] <= '9';
        if ((i == 4 || i == 7) ? s[i] != '-' : !digit)
            return HS_VN_E_SYNTAX;
    }
    hs_vn_date d;
    d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    d.month = (s[5] - '0') * 10 + (s[6] - '0');
    d.day = (s[8] - '0') * 10 + (s[9] - '0');
    if (d.year < 1000)
        return HS_VN_E_SYNTAX;
    if (!hs_vn_date_valid(d))
        return HS_VN_E_DATE;
    *out = d;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_date_add_days(hs_vn_date d, long days, hs_vn_date *out)
{
    if (!hs_vn_date_valid(d) || days > 3000000L || days < -3000000L)
        return HS_VN_E_RANGE;
    hs_vn_date e = from_day_number(day_number(d) + days);
    if (!hs_vn_date_valid(e))
        return HS_VN_E_RANGE;
    *out = e;
    return HS_VN_OK;
}

long
hs_vn_date_days_between(hs_vn_date a, hs_vn_date b)
{
    return day_number(b) - day_number(a);
}

long long
hs_vn_date_epoch(hs_vn_date d)
{
    return (long long)day_number(d) * 86400;
}

hs_vn_status
hs_vn_date_format(hs_vn_date d, const char *pattern, char *out, size_t cap)
{
    if (!hs_vn_date_valid(d))
        return HS_VN_E_DATE;
    if (strcmp(pattern, "long") == 0) {
        /* Decree 30/2020: a leading zero for days below 10 and for the months
         * 1 and 2, so that no digit can be added by hand. */
        int w = snprintf(out, cap, "ngày %02d tháng %s%d năm %d", d.day,
                         d.month <= 2 ? "0" : "", d.month, d.year);
        if (w < 0 || (size_t)w >= cap)
            return out[0] = '\0', HS_VN_E_SPACE;
        return HS_VN_OK;
    }
    size_t len = 0;
    for (const char *p = pattern; *p;) {
        char buf[8];
        size_t take = 1;
        if (strncmp(p, "yyyy", 4) == 0)
            snprintf(buf, sizeof buf, "%04d", d.year), take = 4;
        else if (strncmp(p, "yy", 2) == 0)
            snprintf(buf, sizeof buf, "%02d", d.year % 100), take = 2;
        else if (strncmp(p, "dd", 2) == 0)
            snprintf(buf, sizeof buf, "%02d", d.day), take = 2;
        else if (strncmp(p, "MM", 2) == 0)
            snprintf(buf, sizeof buf, "%02d", d.month), take = 2;
        else if (*p == 'd')
            snprintf(buf, sizeof buf, "%d", d.day);
        else if (*p == 'M')
            snprintf(buf, sizeof buf, "%d", d.month);
        else
            buf[0] = *p, buf[1] = '\0';
        size_t bl = strlen(buf);
        if (len + bl + 1 > cap) {
            if (cap > 0)
                out[0] = '\0';
            return HS_VN_E_SPACE;
        }
        memcpy(out + len, buf, bl);
        len += bl;
        p += take;
    }
    if (cap == 0)
        return HS_VN_E_SPACE;
    out[len] = '\0';
    return HS_VN_OK;
}

hs_vn_status
hs_vn_date_line(const char *place, hs_vn_date d, char *out, size_t cap)
{
    char date[64];
    hs_vn_status st = hs_vn_date_format(d, "long", date, sizeof date);
    if (st != HS_VN_OK)
        return st;
    int w = snprintf(out, cap, "%s, %s", place, date);
    if (w < 0 || (size_t)w >= cap) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    return HS_VN_OK;
}
