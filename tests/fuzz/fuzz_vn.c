/* tests/fuzz/fuzz_vn.c — engine/vn/ on arbitrary strings: money, VAT,
 * amounts in words, dates, day arithmetic and number formats.
 *
 * The input is split at '\n' into up to NF fields (missing ones are empty):
 *   0, 1   amounts and dates (each parsed as both)
 *   2      a VAT rate, a date pattern and a decimal
 *   3, 4   the unit and "even" word of words(), a place for date-line
 *   5      its first byte: words() options and buffer sizes
 * Parsed strings are copied to heap buffers of their exact length, and
 * outputs written to buffers of exactly the size given, so that ASan sees a
 * byte read or written past either. Beyond "no crash", the documented
 * properties are checked: money and dates read back what they print, day
 * arithmetic is consistent, VAT and products match a wider computation. */
#include "fuzz.h"

#include "vn/vn.h"

#define NF 6

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

typedef struct field {
    char *s; /* exact copy, NUL-terminated one byte past n */
    size_t n;
} field;

/* A buffer of exactly cap bytes (at least one allocated, so cap 0 is valid). */
static char *
outbuf(size_t cap)
{
    char *b = malloc(cap ? cap : 1);
    if (b == NULL)
        fz_fail("out of memory");
    return b;
}

/* A status from a formatter: OK with a string shorter than cap, or SPACE with
 * an empty string when there is room for one. */
static void
check_out(const char *what, hs_vn_status st, const char *out, size_t cap)
{
    if (st == HS_VN_OK) {
        if (cap == 0 || strnlen(out, cap) >= cap)
            fz_fail("%s: OK without a terminated string", what);
    } else if (st == HS_VN_E_SPACE) {
        if (cap > 0 && out[0] != '\0')
            fz_fail("%s: out of space but the buffer is not emptied", what);
    }
}

static int64_t
parse_amount(const field *f, int *ok)
{
    int64_t v = 0, w = 0;
    /* Exact copies without the terminator: the parser must stop at n. */
    char *s = outbuf(f->n);
    memcpy(s, f->s, f->n);
    hs_vn_status neg = hs_vn_money_parse(s, f->n, 1, &v);
    hs_vn_status pos = hs_vn_money_parse(s, f->n, 0, &w);
    free(s);
    if (pos == HS_VN_OK && (neg != HS_VN_OK || v != w || w < 0))
        fz_fail("money \"%s\": parses differently with negatives allowed", f->s);
    if (neg == HS_VN_OK && v >= 0 && pos != HS_VN_OK && v != 0)
        fz_fail("money \"%s\": a positive amount refused without negatives", f->s);
    if (neg == HS_VN_OK && (v > HS_VN_MONEY_MAX || v < -HS_VN_MONEY_MAX))
        fz_fail("money \"%s\": %lld is out of range", f->s, (long long)v);
    *ok = neg == HS_VN_OK;
    return v;
}

static void
money(int64_t a, size_t small)
{
    static const hs_vn_unit units[] = {HS_VN_UNIT_SYMBOL, HS_VN_UNIT_DONG, HS_VN_UNIT_VND,
                                       HS_VN_UNIT_NONE};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        char *out = outbuf(64);
        hs_vn_status st = hs_vn_money_format(a, units[i], out, 64);
        if (st != HS_VN_OK)
            fz_fail("money_format(%lld): status %d", (long long)a, st);
        if (units[i] == HS_VN_UNIT_NONE) {
            int64_t back;
            if (hs_vn_money_parse(out, strlen(out), 1, &back) != HS_VN_OK || back != a)
                fz_fail("money_format(%lld) gave \"%s\", which does not read back", (long long)a,
                        out);
        }
        free(out);
        out = outbuf(small);
        check_out("money_format", hs_vn_money_format(a, units[i], out, small), out, small);
        free(out);
    }
}

static void
words(int64_t a, const field *unit, const field *even, unsigned flags, size_t small)
{
    hs_vn_words_opts o = HS_VN_WORDS_DEFAULT;
    o.le = flags & 1;
    o.ngan = flags >> 1 & 1;
    o.ti = flags >> 2 & 1;
    o.bon = flags >> 3 & 1;
    o.slash_dot = flags >> 4 & 1;
    o.lower = flags >> 5 & 1;
    if (flags & 64)
        o.unit = unit->s;
    if (flags & 128)
        o.even = even->s;
    char *out = outbuf(HS_VN_WORDS_MAX);
    hs_vn_status st = hs_vn_words(a, &o, out, HS_VN_WORDS_MAX);
    check_out("words", st, out, HS_VN_WORDS_MAX);
    /* Every amount fits when the unit and the even word are ours. */
    if (!(flags & (64 | 128)) && st != HS_VN_OK)
        fz_fail("words(%lld): status %d", (long long)a, st);
    if (st == HS_VN_OK && out[0] == '\0')
        fz_fail("words(%lld): empty", (long long)a);
    int ours_utf8 = !(flags & 64 && hs_utf8_invalid_at(unit->s, unit->n) != (size_t)-1) &&
                    !(flags & 128 && hs_utf8_invalid_at(even->s, even->n) != (size_t)-1);
    if (st == HS_VN_OK && ours_utf8 && hs_utf8_invalid_at(out, strlen(out)) != (size_t)-1)
        fz_fail("words(%lld): not UTF-8: %s", (long long)a, out);
    free(out);
    out = outbuf(small);
    check_out("words", hs_vn_words(a, &o, out, small), out, small);
    free(out);
}

static void
arithmetic(int64_t a, int64_t b, const field *rate_text)
{
    int64_t r;
    if (hs_vn_add(a, b, &r) == HS_VN_OK && (__int128)r != (__int128)a + b)
        fz_fail("add(%lld, %lld) = %lld", (long long)a, (long long)b, (long long)r);
    __int128 p = (__int128)a * b;
    hs_vn_status st = hs_vn_mul(a, b, &r);
    if (st == HS_VN_OK && (__int128)r != p)
        fz_fail("mul(%lld, %lld) = %lld", (long long)a, (long long)b, (long long)r);
    if (st != HS_VN_OK && p <= HS_VN_MONEY_MAX && p >= -HS_VN_MONEY_MAX)
        fz_fail("mul(%lld, %lld): refused", (long long)a, (long long)b);
    int rate;
    char *s = outbuf(rate_text->n);
    memcpy(s, rate_text->s, rate_text->n);
    st = hs_vn_vat_parse(s, rate_text->n, &rate);
    free(s);
    if (st != HS_VN_OK)
        return;
    if (rate != HS_VN_VAT_KCT && (rate < 0 || rate > 1000))
        fz_fail("vat_parse(\"%s\") = %d", rate_text->s, rate);
    int64_t vat;
    if (hs_vn_vat(a, rate, &vat) != HS_VN_OK)
        fz_fail("vat(%lld, %d): refused", (long long)a, rate);
    __int128 m = a < 0 ? -(__int128)a : a;
    __int128 want = rate == HS_VN_VAT_KCT ? 0 : (m * rate + 500) / 1000;
    if (a < 0)
        want = -want;
    if ((__int128)vat != want)
        fz_fail("vat(%lld, %d) = %lld", (long long)a, rate, (long long)vat);
}

static int
parse_date(const field *f, hs_vn_date *d)
{
    char *s = outbuf(f->n);
    memcpy(s, f->s, f->n);
    hs_vn_status st = hs_vn_date_parse(s, f->n, d);
    free(s);
    if (st == HS_VN_OK && !hs_vn_date_valid(*d))
        fz_fail("date \"%s\": parsed to an invalid date", f->s);
    return st == HS_VN_OK;
}

static int
same_date(hs_vn_date a, hs_vn_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void
dates(hs_vn_date d, const field *pattern, const field *place, size_t small)
{
    char *out = outbuf(256);
    hs_vn_date back;
    if (hs_vn_date_format(d, "yyyy-MM-dd", out, 256) != HS_VN_OK ||
        hs_vn_date_parse(out, strlen(out), &back) != HS_VN_OK || !same_date(d, back))
        fz_fail("date %d-%d-%d: \"%s\" does not read back", d.year, d.month, d.day, out);
    check_out("date_format", hs_vn_date_format(d, "long", out, 256), out, 256);
    check_out("date_format", hs_vn_date_format(d, pattern->s, out, 256), out, 256);
    check_out("date_line", hs_vn_date_line(place->s, d, out, 256), out, 256);
    free(out);
    out = outbuf(small);
    check_out("date_format", hs_vn_date_format(d, pattern->s, out, small), out, small);
    check_out("date_format", hs_vn_date_format(d, "long", out, small), out, small);
    check_out("date_line", hs_vn_date_line(place->s, d, out, small), out, small);
    free(out);
    long long e = hs_vn_date_epoch(d);
    if (e % 86400 != 0)
        fz_fail("date_epoch(%d-%d-%d) = %lld", d.year, d.month, d.day, e);
}

static void
day_arithmetic(hs_vn_date d, hs_vn_date other, int64_t n)
{
    long between = hs_vn_date_days_between(d, other);
    hs_vn_date r;
    if (hs_vn_date_add_days(d, between, &r) != HS_VN_OK || !same_date(r, other))
        fz_fail("add_days(%d-%d-%d, days_between(…, %d-%d-%d) = %ld) misses", d.year, d.month,
                d.day, other.year, other.month, other.day, between);
    if (hs_vn_date_epoch(other) - hs_vn_date_epoch(d) != (long long)between * 86400)
        fz_fail("date_epoch and days_between disagree");
    if (n < LONG_MIN || n > LONG_MAX)
        return;
    if (hs_vn_date_add_days(d, (long)n, &r) == HS_VN_OK &&
        (!hs_vn_date_valid(r) || hs_vn_date_days_between(d, r) != n))
        fz_fail("add_days(%d-%d-%d, %lld) = %d-%d-%d", d.year, d.month, d.day, (long long)n, r.year,
                r.month, r.day);
}

static void
numbers(const field *f, int decimals, size_t small)
{
    int64_t v;
    char *s = outbuf(f->n);
    memcpy(s, f->s, f->n);
    hs_vn_status st = hs_vn_decimal_parse(s, f->n, decimals, &v);
    free(s);
    if (st != HS_VN_OK)
        return;
    char *out = outbuf(64);
    if (hs_vn_int_format(v, out, 64) != HS_VN_OK)
        fz_fail("int_format(%lld) refused", (long long)v);
    if (decimals <= 18 && (hs_vn_decimal_format(v, decimals, out, 64) != HS_VN_OK ||
                           hs_vn_percent_format(v, decimals, out, 64) != HS_VN_OK))
        fz_fail("decimal_format(%lld, %d) refused", (long long)v, decimals);
    free(out);
    out = outbuf(small);
    check_out("int_format", hs_vn_int_format(v, out, small), out, small);
    check_out("decimal_format", hs_vn_decimal_format(v, decimals, out, small), out, small);
    check_out("percent_format", hs_vn_percent_format(v, decimals, out, small), out, small);
    free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    field f[NF];
    size_t start = 0;
    for (int i = 0; i < NF; i++) {
        size_t end = start;
        while (end < size && data[end] != '\n')
            end++;
        size_t n = start < size ? end - start : 0;
        f[i].s = outbuf(n + 1);
        if (n > 0)
            memcpy(f[i].s, data + start, n);
        f[i].s[n] = '\0';
        f[i].n = n;
        start = end + 1;
    }
    unsigned flags = f[5].n > 0 ? (unsigned char)f[5].s[0] : 0;
    size_t small = f[5].n > 1 ? (unsigned char)f[5].s[1] % 48 : 8;

    int ok_a, ok_b;
    int64_t a = parse_amount(&f[0], &ok_a), b = parse_amount(&f[1], &ok_b);
    if (ok_a) {
        money(a, small);
        words(a, &f[3], &f[4], flags, small);
    }
    if (ok_a && ok_b)
        arithmetic(a, b, &f[2]);

    hs_vn_date d, e;
    int ok_d = parse_date(&f[0], &d), ok_e = parse_date(&f[1], &e);
    if (ok_d)
        dates(d, &f[2], &f[3], small);
    if (ok_d && ok_e)
        day_arithmetic(d, e, ok_b ? b : 0);
    else if (ok_d && ok_b)
        day_arithmetic(d, d, b);

    numbers(&f[2], (int)(flags % 20), small);
    for (int i = 0; i < NF; i++)
        free(f[i].s);
    return 0;
}
