/* tests/unit/test_vn.c — Vietnamese formats from vector files (adding a case
 * needs no C), and a property test of the amount in words: every amount from
 * 0 to 2,000,000 and 100,000 random ones across the whole range are read back
 * by an independent reader and checked against the grammar rules. */
#include "harness.h"

#include "vn/vn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXF 8

/* Split a TSV line in place; returns the field count. */
static int
fields(char *line, char **f)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    f[n++] = line;
    for (char *p = line; *p && n < MAXF; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* "\u00A0" in a vector file is the no-break space. */
static void
unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        if (strncmp(r, "\\u00A0", 6) == 0) {
            *w++ = (char)0xC2;
            *w++ = (char)0xA0;
            r += 6;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

static FILE *
vectors(const char *name)
{
    const char *dir = getenv("HS_SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/vectors/%s", dir ? dir : ".", name);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        fprintf(stderr, "cannot open %s\n", path);
    return f;
}

static const char *
status_name(hs_vn_status s)
{
    static const char *names[] = {"OK", "SYNTAX", "RANGE", "NEGATIVE", "DATE", "SPACE", "RATE"};
    return names[s];
}

static int cases;

static int
test_words_vectors(void)
{
    FILE *f = vectors("words.tsv");
    CHECK(f != NULL);
    if (f == NULL)
        return 0;
    char line[2048], *fl[MAXF];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n' || fields(line, fl) < 3)
            continue;
        hs_vn_words_opts o = HS_VN_WORDS_DEFAULT;
        for (char *opt = strtok(fl[1], ","); opt; opt = strtok(NULL, ",")) {
            if (strcmp(opt, "le") == 0)
                o.le = 1;
            else if (strcmp(opt, "ngan") == 0)
                o.ngan = 1;
            else if (strcmp(opt, "ti") == 0)
                o.ti = 1;
            else if (strcmp(opt, "bon") == 0)
                o.bon = 1;
            else if (strcmp(opt, "lower") == 0)
                o.lower = 1;
            else if (strcmp(opt, "slash") == 0)
                o.slash_dot = 1;
            else if (strcmp(opt, "nounit") == 0)
                o.unit = "";
            else if (strncmp(opt, "even=", 5) == 0)
                o.even = opt + 5;
            else if (strncmp(opt, "unit=", 5) == 0)
                o.unit = opt + 5;
        }
        char out[HS_VN_WORDS_MAX];
        CHECK_INT(hs_vn_words(strtoll(fl[0], NULL, 10), &o, out, sizeof out), HS_VN_OK);
        CHECK_STR(out, fl[2]);
        cases++;
    }
    fclose(f);
    return 0;
}

static int
test_money_vectors(void)
{
    FILE *f = vectors("money.tsv");
    CHECK(f != NULL);
    if (f == NULL)
        return 0;
    char line[1024], *fl[MAXF];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || fields(line, fl) < 3)
            continue;
        if (strncmp(fl[0], "parse", 5) == 0) {
            int64_t v = 0;
            hs_vn_status st = hs_vn_money_parse(fl[1], strlen(fl[1]), strcmp(fl[0], "parse-neg") == 0, &v);
            if (fl[2][0] == '-' || (fl[2][0] >= '0' && fl[2][0] <= '9')) {
                CHECK_STR(status_name(st), "OK");
                CHECK_INT(v, strtoll(fl[2], NULL, 10));
            } else {
                CHECK_STR(status_name(st), fl[2]);
            }
        } else if (strcmp(fl[0], "format") == 0) {
            hs_vn_unit u = strcmp(fl[2], "dong") == 0  ? HS_VN_UNIT_DONG
                           : strcmp(fl[2], "vnd") == 0  ? HS_VN_UNIT_VND
                           : strcmp(fl[2], "none") == 0 ? HS_VN_UNIT_NONE
                                                        : HS_VN_UNIT_SYMBOL;
            char out[64];
            unescape(fl[3]);
            CHECK_INT(hs_vn_money_format(strtoll(fl[1], NULL, 10), u, out, sizeof out), HS_VN_OK);
            CHECK_STR(out, fl[3]);
        }
        cases++;
    }
    fclose(f);
    return 0;
}

static int
test_vat_vectors(void)
{
    FILE *f = vectors("vat.tsv");
    CHECK(f != NULL);
    if (f == NULL)
        return 0;
    char line[1024], *fl[MAXF];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || fields(line, fl) < 3)
            continue;
        int rate;
        int64_t vat = -1;
        hs_vn_status st = hs_vn_vat_parse(fl[1], strlen(fl[1]), &rate);
        if (st == HS_VN_OK)
            st = hs_vn_vat(strtoll(fl[0], NULL, 10), rate, &vat);
        if (fl[2][0] >= '0' && fl[2][0] <= '9') {
            CHECK_STR(status_name(st), "OK");
            CHECK_INT(vat, strtoll(fl[2], NULL, 10));
        } else {
            CHECK_STR(status_name(st), fl[2]);
        }
        cases++;
    }
    fclose(f);
    return 0;
}

static int
test_date_vectors(void)
{
    FILE *f = vectors("dates.tsv");
    CHECK(f != NULL);
    if (f == NULL)
        return 0;
    char line[1024], *fl[MAXF];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || fields(line, fl) < 3)
            continue;
        hs_vn_date d, e;
        char out[128];
        if (strcmp(fl[0], "parse") == 0) {
            CHECK_STR(status_name(hs_vn_date_parse(fl[1], strlen(fl[1]), &d)), fl[2]);
        } else if (strcmp(fl[0], "format") == 0) {
            CHECK_INT(hs_vn_date_parse(fl[1], strlen(fl[1]), &d), HS_VN_OK);
            CHECK_INT(hs_vn_date_format(d, fl[2], out, sizeof out), HS_VN_OK);
            CHECK_STR(out, fl[3]);
        } else if (strcmp(fl[0], "add") == 0) {
            CHECK_INT(hs_vn_date_parse(fl[1], strlen(fl[1]), &d), HS_VN_OK);
            CHECK_INT(hs_vn_date_add_days(d, atol(fl[2]), &e), HS_VN_OK);
            hs_vn_date_format(e, "yyyy-MM-dd", out, sizeof out);
            CHECK_STR(out, fl[3]);
            CHECK_INT(hs_vn_date_days_between(d, e), atol(fl[2]));
        } else if (strcmp(fl[0], "line") == 0) {
            CHECK_INT(hs_vn_date_parse(fl[2], strlen(fl[2]), &d), HS_VN_OK);
            CHECK_INT(hs_vn_date_line(fl[1], d, out, sizeof out), HS_VN_OK);
            CHECK_STR(out, fl[3]);
        }
        cases++;
    }
    fclose(f);
    return 0;
}

/* Every day from 1990 to 2099: day numbers and epochs step by one. */
static int
test_calendar_walk(void)
{
    hs_vn_date d = {1990, 1, 1}, e;
    long long epoch = hs_vn_date_epoch(d);
    CHECK_INT(epoch, 631152000); /* 1990-01-01T00:00:00Z */
    for (int i = 0; i < 40177; i++) {
        CHECK_INT(hs_vn_date_add_days(d, 1, &e), HS_VN_OK);
        CHECK_INT(hs_vn_date_epoch(e) - hs_vn_date_epoch(d), 86400);
        if (!hs_vn_date_valid(e)) {
            CHECK(0);
            break;
        }
        d = e;
    }
    CHECK_INT(d.year, 2100);
    CHECK_INT(d.month, 1);
    CHECK_INT(d.day, 1);
    return 0;
}

static int
test_numbers(void)
{
    char out[64];
    int64_t v;
    hs_vn_int_format(1234567, out, sizeof out);
    CHECK_STR(out, "1.234.567");
    hs_vn_decimal_format(85, 1, out, sizeof out);
    CHECK_STR(out, "8,5");
    hs_vn_decimal_format(100, 1, out, sizeof out);
    CHECK_STR(out, "10");
    hs_vn_decimal_format(1234567, 2, out, sizeof out);
    CHECK_STR(out, "12.345,67");
    hs_vn_percent_format(85, 1, out, sizeof out);
    CHECK_STR(out, "8,5%");
    hs_vn_percent_format(100, 1, out, sizeof out);
    CHECK_STR(out, "10%");
    CHECK_INT(hs_vn_decimal_parse("8,5", 3, 1, &v), HS_VN_OK);
    CHECK_INT(v, 85);
    CHECK_INT(hs_vn_decimal_parse("8.55", 4, 1, &v), HS_VN_E_SYNTAX);
    /* arithmetic at the range limits */
    CHECK_INT(hs_vn_add(HS_VN_MONEY_MAX, 1, &v), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_add(HS_VN_MONEY_MAX - 1, 1, &v), HS_VN_OK);
    CHECK_INT(hs_vn_mul(1000000000, 1000000000, &v), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_mul(999999999, 1000000000, &v), HS_VN_OK);
    /* too small a buffer is an error, never a cut string */
    CHECK_INT(hs_vn_money_format(1234567, HS_VN_UNIT_SYMBOL, out, 8), HS_VN_E_SPACE);
    CHECK_INT(hs_vn_words(1234567, NULL, out, 20), HS_VN_E_SPACE);
    return 0;
}

/* ---- the independent reader ---- */

static int
digit_of(const char *w)
{
    static const struct {
        const char *w;
        int d;
    } t[] = {{"không", 0}, {"một", 1}, {"mốt", 1}, {"hai", 2}, {"ba", 3},  {"bốn", 4},
             {"tư", 4},    {"năm", 5}, {"lăm", 5}, {"sáu", 6}, {"bảy", 7}, {"tám", 8},
             {"chín", 9}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(t[i].w, w) == 0)
            return t[i].d;
    return -1;
}

/* Words back to a number: groups accumulate until a scale word, and "tỷ"
 * multiplies everything read before it. -1 on an unknown word. */
static int64_t
read_words(const char *s)
{
    char buf[HS_VN_WORDS_MAX];
    snprintf(buf, sizeof buf, "%s", s);
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
    int64_t big = 0, acc = 0, group = 0, cur = 0;
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
        int d = digit_of(w);
        if (d >= 0)
            cur = d;
        else if (strcmp(w, "trăm") == 0)
            group += cur * 100, cur = 0;
        else if (strcmp(w, "mươi") == 0)
            group += cur * 10, cur = 0;
        else if (strcmp(w, "mười") == 0)
            group += 10;
        else if (strcmp(w, "linh") == 0)
            ;
        else if (strcmp(w, "nghìn") == 0)
            acc += (group + cur) * 1000, group = cur = 0;
        else if (strcmp(w, "triệu") == 0)
            acc += (group + cur) * 1000000, group = cur = 0;
        else if (strcmp(w, "tỷ") == 0)
            big = (big + acc + group + cur) * 1000000000, acc = group = cur = 0;
        else if (strcmp(w, "đồng") == 0)
            break;
        else
            return -1;
    }
    return big + acc + group + cur;
}

static int
count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* "không trăm" is read for each group of three after a higher non-zero
 * part whose hundreds digit is 0 and which is not all zeros. */
static int
expected_khong_tram(int64_t n)
{
    int groups[7], k = 0, want = 0;
    for (int64_t m = n; m > 0; m /= 1000)
        groups[k++] = (int)(m % 1000);
    for (int i = k - 2; i >= 0; i--)
        if (groups[i] != 0 && groups[i] < 100)
            want++;
    return want;
}

static int failures;

static void
check_amount(int64_t n)
{
    char out[HS_VN_WORDS_MAX];
    if (hs_vn_words(n, NULL, out, sizeof out) != HS_VN_OK || read_words(out) != n ||
        strstr(out, "mươi một") || strstr(out, "mười năm") || strstr(out, "mươi năm") ||
        strstr(out, "  ") || strstr(out, "linh mốt") || strstr(out, "linh lăm") ||
        count(out, "không trăm") != expected_khong_tram(n) || !(out[0] >= 'A' && out[0] <= 'Z') ||
        strcmp(out + strlen(out) - strlen(" đồng"), " đồng") != 0) {
        if (failures++ < 10)
            fprintf(stderr, "words(%lld) = \"%s\" (read back %lld)\n", (long long)n, out,
                    (long long)read_words(out));
    }
}

static int
test_words_property(void)
{
    failures = 0;
    for (int64_t n = 0; n <= 2000000; n++)
        check_amount(n);
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        /* every magnitude as often as every other: 1 to 18 digits */
        int digits = 1 + (int)(x % 18);
        int64_t lim = 1;
        for (int k = 0; k < digits; k++)
            lim *= 10;
        check_amount((int64_t)((x >> 5) % (uint64_t)lim));
    }
    check_amount(HS_VN_MONEY_MAX);
    CHECK_INT(failures, 0);
    return 0;
}

int
main(void)
{
    RUN(test_words_vectors);
    RUN(test_money_vectors);
    RUN(test_vat_vectors);
    RUN(test_date_vectors);
    RUN(test_calendar_walk);
    RUN(test_numbers);
    RUN(test_words_property);
    printf("# %d vector cases\n", cases);
    return DONE();
}
