/* engine/vn/workdays.c — working days and a project's schedule: which days
 * count as work by a company's calendar (its working week and public
 * holidays), and the start and end of each stage of a schedule given in
 * working days. Pure: no XML, no allocation. */
#include "vn/vn.h"

#include <string.h>

/* 1990-01-01 was a Monday. */
static const hs_vn_date MONDAY = {1990, 1, 1};

int
hs_vn_weekday(hs_vn_date d)
{
    long k = hs_vn_date_days_between(MONDAY, d) % 7;
    return (int)(k < 0 ? k + 7 : k) + 1;
}

int
hs_vn_is_workday(hs_vn_date d, const hs_vn_calendar *c)
{
    if (!(c->week & (1u << (hs_vn_weekday(d) - 1))))
        return 0;
    for (size_t i = 0; i < c->nholidays; i++)
        if (c->holidays[i].year == d.year && c->holidays[i].month == d.month &&
            c->holidays[i].day == d.day)
            return 0;
    return 1;
}

/* The walk below goes day by day, its date and ISO weekday (0 Monday … 6
 * Sunday) advanced by one, and a holiday is a bit of a map of the days after
 * the start: a schedule of a few hundred days costs a few hundred steps of
 * integer work, not two conversions through the day index and a scan of
 * every holiday per day. Past the map's days, the holidays are scanned. */
#define MAP_DAYS 4096

typedef struct walk {
    hs_vn_date d;
    int wd;
    long k; /* days after the start */
    const hs_vn_calendar *c;
    unsigned char off[MAP_DAYS / 8]; /* bit k: the start + k days is a holiday */
} walk;

static void
walk_begin(walk *w, hs_vn_date start, const hs_vn_calendar *c)
{
    w->d = start;
    w->wd = hs_vn_weekday(start) - 1;
    w->k = 0;
    w->c = c;
    memset(w->off, 0, sizeof w->off);
    for (size_t i = 0; i < c->nholidays; i++) {
        if (!hs_vn_date_valid(c->holidays[i]))
            continue; /* no day of the walk is one */
        long k = hs_vn_date_days_between(start, c->holidays[i]);
        if (k >= 0 && k < MAP_DAYS)
            w->off[k >> 3] |= (unsigned char)(1u << (k & 7));
    }
}

static hs_vn_status
next_day(walk *w)
{
    hs_vn_status st = hs_vn_date_next(w->d, &w->d);
    w->wd = w->wd == 6 ? 0 : w->wd + 1;
    w->k++;
    return st;
}

static int
is_workday(const walk *w)
{
    const hs_vn_calendar *c = w->c;
    if (!(c->week & (1u << w->wd)))
        return 0;
    if (w->k < MAP_DAYS)
        return !(w->off[w->k >> 3] & (1u << (w->k & 7)));
    for (size_t i = 0; i < c->nholidays; i++)
        if (c->holidays[i].day == w->d.day && c->holidays[i].month == w->d.month &&
            c->holidays[i].year == w->d.year)
            return 0;
    return 1;
}

/* The first working day on or after the walk's day. A calendar whose week
 * has a working day reaches one within a few weeks unless holidays cover
 * every one; a year without a working day is a calendar error, not a wait. */
static hs_vn_status
next_workday(walk *w)
{
    for (int i = 0; i < 366; i++) {
        if (is_workday(w))
            return HS_VN_OK;
        hs_vn_status st = next_day(w);
        if (st != HS_VN_OK)
            return st;
    }
    return HS_VN_E_RANGE;
}

hs_vn_status
hs_vn_schedule(hs_vn_date start, const int *days, size_t n, const hs_vn_calendar *c,
               hs_vn_date *begin, hs_vn_date *end)
{
    if (!hs_vn_date_valid(start))
        return HS_VN_E_DATE;
    if ((c->week & 0x7Fu) == 0)
        return HS_VN_E_RANGE;
    walk cursor; /* the first day the next stage may use */
    walk_begin(&cursor, start, c);
    for (size_t i = 0; i < n; i++) {
        if (days[i] < 0 || days[i] > 3660)
            return HS_VN_E_RANGE;
        hs_vn_status st = next_workday(&cursor);
        if (st != HS_VN_OK)
            return st;
        begin[i] = cursor.d;
        end[i] = cursor.d;
        if (days[i] == 0)
            continue; /* a milestone: dated, takes no working day */
        for (int k = 1; k < days[i]; k++) {
            if ((st = next_day(&cursor)) != HS_VN_OK || (st = next_workday(&cursor)) != HS_VN_OK)
                return st;
        }
        end[i] = cursor.d;
        if ((st = next_day(&cursor)) != HS_VN_OK)
            return st;
    }
    return HS_VN_OK;
}
