/* tests/unit/test_schedule.c — engine/vn/workdays.c: weekdays, working days
 * and schedules, from tests/vectors/schedule.tsv (its header says the
 * format), and against a day-by-day reference over random calendars. */
#include "harness.h"

#include "vn/vn.h"

#include <stdlib.h>

static int
date_of(const char *s, hs_vn_date *d)
{
    return hs_vn_date_parse(s, strlen(s), d) == HS_VN_OK;
}

static void
iso(hs_vn_date d, char *out, size_t cap)
{
    snprintf(out, cap, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static unsigned
week_of(const char *s)
{
    unsigned w = 0;
    for (; *s; s++)
        if (*s >= '1' && *s <= '7')
            w |= 1u << (*s - '1');
    return w;
}

static int vectors;

static void
plan_line(const char *path, int line, char **f)
{
    hs_vn_date start, hol[64], begin[64], end[64];
    int days[64];
    size_t nh = 0, nd = 0;
    if (!date_of(f[1], &start)) {
        fprintf(stderr, "%s:%d: bad start %s\n", path, line, f[1]);
        hs_t_case_failed = 1;
        return;
    }
    if (strcmp(f[3], "-") != 0)
        for (char *t = strtok(f[3], ","); t && nh < 64; t = strtok(NULL, ","))
            if (!date_of(t, &hol[nh++])) {
                fprintf(stderr, "%s:%d: bad holiday %s\n", path, line, t);
                hs_t_case_failed = 1;
            }
    for (char *t = strtok(f[4], ","); t && nd < 64; t = strtok(NULL, ","))
        days[nd++] = atoi(t);
    hs_vn_calendar cal = {week_of(f[2]), hol, nh};
    hs_vn_status st = hs_vn_schedule(start, days, nd, &cal, begin, end);
    char got[2048] = "";
    if (st != HS_VN_OK) {
        snprintf(got, sizeof got, "%s", st == HS_VN_E_RANGE ? "RANGE" : "ERROR");
    } else {
        for (size_t i = 0; i < nd; i++) {
            char b[16], e[16];
            iso(begin[i], b, sizeof b);
            iso(end[i], e, sizeof e);
            size_t k = strlen(got);
            snprintf(got + k, sizeof got - k, "%s%s..%s", i ? "," : "", b, e);
        }
    }
    if (strcmp(got, f[5]) != 0) {
        fprintf(stderr, "%s:%d: got %s\n%s:%d: want %s\n", path, line, got, path, line, f[5]);
        hs_t_case_failed = 1;
    }
}

static void
schedule_vectors(void)
{
    const char *dir = getenv("HS_SRCDIR");
    char path[512], buf[4096];
    snprintf(path, sizeof path, "%s/tests/vectors/schedule.tsv", dir && *dir ? dir : ".");
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "%s: cannot open\n", path);
        hs_t_case_failed = 1;
        return;
    }
    int line = 0;
    while (fgets(buf, sizeof buf, fp)) {
        line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[0] == '#' || buf[0] == '\0')
            continue;
        char *f[8];
        int nf = 0;
        for (char *p = buf; nf < 8;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (tab == NULL)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        vectors++;
        hs_vn_date d;
        if (strcmp(f[0], "weekday") == 0 && nf == 3 && date_of(f[1], &d)) {
            if (hs_vn_weekday(d) != atoi(f[2])) {
                fprintf(stderr, "%s:%d: weekday %d\n", path, line, hs_vn_weekday(d));
                hs_t_case_failed = 1;
            }
        } else if (strcmp(f[0], "plan") == 0 && nf == 6) {
            plan_line(path, line, f);
        } else {
            fprintf(stderr, "%s:%d: unknown line\n", path, line);
            hs_t_case_failed = 1;
        }
    }
    fclose(fp);
    CHECK(vectors >= 10);
}

/* The reference: walk the calendar one day at a time, counting working days
 * with a weekday computed by Zeller's congruence (shares nothing with
 * workdays.c but hs_vn_date_add_days, itself tested day by day in test_vn). */
static int
zeller(hs_vn_date d) /* 1 Monday … 7 Sunday */
{
    int y = d.year, m = d.month;
    if (m < 3) {
        m += 12;
        y--;
    }
    int h = (d.day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7; /* 0 Saturday */
    return (h + 5) % 7 + 1;
}

static int
ref_work(hs_vn_date d, unsigned week, const hs_vn_date *hol, size_t nh)
{
    if (!(week & (1u << (zeller(d) - 1))))
        return 0;
    for (size_t i = 0; i < nh; i++)
        if (hol[i].year == d.year && hol[i].month == d.month && hol[i].day == d.day)
            return 0;
    return 1;
}

static void
schedule_random(void)
{
    srand(14);
    for (int round = 0; round < 2000 && !hs_t_case_failed; round++) {
        hs_vn_date start = {2020 + rand() % 5, 1 + rand() % 12, 1 + rand() % 28}, hol[20];
        unsigned week = (unsigned)(1 + rand() % 127);
        size_t nh = (size_t)(rand() % 20), n = (size_t)(1 + rand() % 8);
        for (size_t i = 0; i < nh; i++)
            hs_vn_date_add_days(start, rand() % 120, &hol[i]);
        int days[8];
        hs_vn_date b[8], e[8];
        for (size_t i = 0; i < n; i++)
            days[i] = rand() % 4 == 0 ? 0 : rand() % 15;
        hs_vn_calendar cal = {week, hol, nh};
        CHECK_INT(hs_vn_schedule(start, days, n, &cal, b, e), HS_VN_OK);
        hs_vn_date cur = start;
        for (size_t i = 0; i < n; i++) {
            while (!ref_work(cur, week, hol, nh))
                hs_vn_date_add_days(cur, 1, &cur);
            CHECK_INT(hs_vn_date_days_between(cur, b[i]), 0);
            int left = days[i];
            hs_vn_date last = cur;
            while (left > 0) {
                if (ref_work(cur, week, hol, nh)) {
                    left--;
                    last = cur;
                }
                hs_vn_date_add_days(cur, 1, &cur);
            }
            CHECK_INT(hs_vn_date_days_between(last, e[i]), 0);
            CHECK_INT(hs_vn_weekday(b[i]), zeller(b[i]));
        }
    }
}

int
main(void)
{
    RUN(schedule_vectors);
    RUN(schedule_random);
    printf("# %d vector lines\n", vectors);
    return DONE();
}
