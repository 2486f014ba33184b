/* engine/vn/workdays.c — working days and a project's schedule: which days
 * count as work by a company's calendar (its working week and public
 * holidays), and the start and end of each stage of a schedule given in
 * working days. Pure: no XML, no allocation. */
#include "vn/vn.h"

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

/* The first working day on or after d. A calendar whose week has a working
 * day reaches one within a few weeks unless holidays cover every one; a year
 * without a working day is a calendar error, not a wait. */
static hs_vn_status
next_workday(hs_vn_date d, const hs_vn_calendar *c, hs_vn_date *out)
{
    for (int i = 0; i < 366; i++) {
        if (hs_vn_is_workday(d, c)) {
            *out = d;
            return HS_VN_OK;
        }
        hs_vn_status st = hs_vn_date_add_days(d, 1, &d);
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
    hs_vn_date cursor = start; /* the first day the next stage may use */
    for (size_t i = 0; i < n; i++) {
        if (days[i] < 0 || days[i] > 3660)
            return HS_VN_E_RANGE;
        hs_vn_date d;
        hs_vn_status st = next_workday(cursor, c, &d);
        if (st != HS_VN_OK)
            return st;
        begin[i] = d;
        end[i] = d;
        if (days[i] == 0)
            continue; /* a milestone: dated, takes no working day */
        for (int k = 1; k < days[i]; k++) {
            if ((st = hs_vn_date_add_days(d, 1, &d)) != HS_VN_OK ||
                (st = next_workday(d, c, &d)) != HS_VN_OK)
                return st;
        }
        end[i] = d;
        if ((st = hs_vn_date_add_days(d, 1, &cursor)) != HS_VN_OK)
            return st;
    }
    return HS_VN_OK;
}
