/* tests/unit/test_vn.c — engine/vn/ against shared/vietnamese.md §2-§4.
 *
 * The vector files tests/vectors/{words,money,vat,dates}.tsv hold the cases
 * (adding one needs no C; each file's header says its format). The rest are
 * properties: every amount 0..2.000.000 and 100.000 random ones are written in
 * words and read back by a reader that shares no code with words.c and
 * checks the grammar as it goes; money, VAT and dates are checked against
 * reference computations done differently from the engine (__int128, a
 * day-by-day calendar). Runs from the repository root or with HS_SRCDIR. */
#include "harness.h"

#include "vn/vn.h"

#include <stdarg.h>
#include <stdlib.h>

/* ---- vector files ---- */

#define MAXF 8

static int vectors_run;

typedef struct vfile {
    FILE *f;
    char path[512];
    int line;
    char buf[2048];
} vfile;

static int
vopen(vfile *v, const char *name)
{
    const char *dir = getenv("HS_SRCDIR");
    snprintf(v->path, sizeof v->path, "%s/tests/vectors/%s", dir && *dir ? dir : ".", name);
    v->line = 0;
    v->f = fopen(v->path, "r");
    if (v->f == NULL) {
        fprintf(stderr, "%s: cannot open (run from the repository root or set HS_SRCDIR)\n",
                v->path);
        hs_t_case_failed = 1;
    }
    return v->f != NULL;
}

/* A vector failure names the vector's own file:line, not this file's. */
#ifdef __GNUC__
__attribute__((format(printf, 2, 3)))
#endif
static void
vfail(const vfile *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%d: ", v->path, v->line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    hs_t_case_failed = 1;
}

static void
vcheck_str(const vfile *v, const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) != 0)
        vfail(v, "%s gave \"%s\", expected \"%s\"", what, got, want);
}

/* "\u00A0" (any BMP code point, as UTF-8), "\t" and "\\" in a field: the
 * no-break space is invisible in an editor and a trailing space gets
 * stripped, so vectors spell them out. */
static void
unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        unsigned cp;
        if (r[0] == '\\' && r[1] == 'u' && sscanf(r + 2, "%4x", &cp) == 1) {
            if (cp < 0x80) {
                *w++ = (char)cp;
            } else if (cp < 0x800) {
                *w++ = (char)(0xC0 | cp >> 6);
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *w++ = (char)(0xE0 | cp >> 12);
                *w++ = (char)(0x80 | (cp >> 6 & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            }
            r += 6;
        } else if (r[0] == '\\' && r[1] == 't') {
            *w++ = '\t', r += 2;
        } else if (r[0] == '\\' && r[1] == '\\') {
            *w++ = '\\', r += 2;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/* Next data line split at tabs, escapes decoded; 0 at the end of the file. */
static int
vnext(vfile *v, char **f, int *nf)
{
    while (fgets(v->buf, sizeof v->buf, v->f) != NULL) {
        v->line++;
        v->buf[strcspn(v->buf, "\r\n")] = '\0';
        if (v->buf[0] == '#' || v->buf[0] == '\0')
            continue;
        int n = 0;
        f[n++] = v->buf;
        for (char *p = v->buf; *p && n < MAXF; p++)
            if (*p == '\t') {
                *p = '\0';
                f[n++] = p + 1;
            }
        for (int i = 0; i < n; i++)
            unescape(f[i]);
        *nf = n;
        vectors_run++;
        return 1;
    }
    fclose(v->f);
    return 0;
}

/* The test's own integer reader: "-1.234" and "1234", "MAX" and "-MAX". A
 * '.' must start a group of three, so a typo in a vector is caught. */
static int
int_of(const char *s, int64_t *out)
{
    int neg = *s == '-';
    s += neg;
    if (strcmp(s, "MAX") == 0) {
        *out = neg ? -HS_VN_MONEY_MAX : HS_VN_MONEY_MAX;
        return 0;
    }
    uint64_t v = 0;
    int digits = 0, run = 0, dots = 0;
    for (; *s; s++) {
        if (*s == '.' && run > 0 && (dots == 0 ? run <= 3 : run == 3)) {
            dots++, run = 0;
            continue;
        }
        if (*s < '0' || *s > '9' || digits > 18)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
        digits++, run++;
    }
    if (digits == 0 || (dots > 0 && run != 3))
        return -1;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 0;
}

static const char *const status_names[] = {"OK",   "SYNTAX", "RANGE", "NEGATIVE",
                                           "DATE", "SPACE",  "RATE"};

static const char *
status_name(hs_vn_status s)
{
    return (unsigned)s < sizeof status_names / sizeof status_names[0] ? status_names[s] : "?";
}

/* Expected "VALUE or ERROR" column against a status and value. */
static void
vcheck_result(const vfile *v, const char *what, hs_vn_status st, int64_t got, const char *want)
{
    int64_t w;
    if (int_of(want, &w) == 0) {
        if (st != HS_VN_OK)
            vfail(v, "%s: %s, expected %s", what, status_name(st), want);
        else if (got != w)
            vfail(v, "%s = %lld, expected %lld", what, (long long)got, (long long)w);
    } else if (strcmp(status_name(st), want) != 0) {
        vfail(v, "%s: %s, expected %s", what, status_name(st), want);
    }
}

/* ---- the independent reader of amounts in words ---- */

enum { W_DIGIT, W_MUOI_TEEN, W_MUOI_TENS, W_TRAM, W_LINH, W_SCALE, W_AM };

/* The forms a digit or scale word takes only in some places. */
enum { F_PLAIN, F_MOT, F_LAM, F_TU, F_ALT };

typedef struct vocab {
    const char *w;
    int kind, value, form;
} vocab;

/* Every word an amount can contain, with the alternatives the options allow;
 * whether a form fits the options and its place is checked by the reader. */
static const vocab vocabulary[] = {
    {"không", W_DIGIT, 0, F_PLAIN},     {"một", W_DIGIT, 1, F_PLAIN},
    {"mốt", W_DIGIT, 1, F_MOT},         {"hai", W_DIGIT, 2, F_PLAIN},
    {"ba", W_DIGIT, 3, F_PLAIN},        {"bốn", W_DIGIT, 4, F_PLAIN},
    {"tư", W_DIGIT, 4, F_TU},           {"năm", W_DIGIT, 5, F_PLAIN},
    {"lăm", W_DIGIT, 5, F_LAM},         {"sáu", W_DIGIT, 6, F_PLAIN},
    {"bảy", W_DIGIT, 7, F_PLAIN},       {"tám", W_DIGIT, 8, F_PLAIN},
    {"chín", W_DIGIT, 9, F_PLAIN},      {"mười", W_MUOI_TEEN, 10, F_PLAIN},
    {"mươi", W_MUOI_TENS, 10, F_PLAIN}, {"trăm", W_TRAM, 100, F_PLAIN},
    {"linh", W_LINH, 0, F_PLAIN},       {"lẻ", W_LINH, 0, F_ALT},
    {"nghìn", W_SCALE, 1, F_PLAIN},     {"ngàn", W_SCALE, 1, F_ALT},
    {"triệu", W_SCALE, 2, F_PLAIN},     {"tỷ", W_SCALE, 3, F_PLAIN},
    {"tỉ", W_SCALE, 3, F_ALT},          {"âm", W_AM, 0, F_PLAIN},
};

/* Byte loops rather than memcmp: this runs some 30 million times under ASan. */
static int
same(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* An open-addressing table over the vocabulary: a linear scan per word
 * made the property test twice as slow under ASan. */
static const vocab *slots[128];
static size_t slot_len[128];

static unsigned
slot_of(const char *w, size_t n)
{
    return (unsigned)(n * 7 + (unsigned char)w[0] * 3 + (unsigned char)w[n - 1]) & 127u;
}

static const vocab *
lookup(const char *w, size_t n)
{
    static int built;
    for (size_t i = 0; !built && i < sizeof vocabulary / sizeof vocabulary[0]; i++) {
        size_t len = strlen(vocabulary[i].w);
        unsigned k = slot_of(vocabulary[i].w, len);
        while (slots[k] != NULL)
            k = (k + 1) & 127u;
        slots[k] = &vocabulary[i];
        slot_len[k] = len;
    }
    built = 1;
    for (unsigned k = slot_of(w, n); slots[k] != NULL; k = (k + 1) & 127u)
        if (slot_len[k] == n && same(slots[k]->w, w, n))
            return slots[k];
    return NULL;
}

static int
ends_with(const char *s, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    return n >= t && memcmp(s + n - t, tail, t) == 0;
}

static const uint64_t scale_value[] = {1, 1000, 1000000, 1000000000};

typedef struct reading {
    int64_t value;
    int khong_tram; /* how often "không trăm" was read */
    int even;       /* the closing word was there */
} reading;

#define MAXTOK 64

/* Reads text written by hs_vn_words(., o) back, checking the grammar of
 * shared/vietnamese.md §3 word by word. The value is built with a stack of
 * (value, scale) entries: a scale word takes the group read since the last
 * scale word plus every stacked entry of a smaller scale, so "một nghìn tỷ"
 * is (1 × 1000) × 10^9 without knowing how words.c lays out its groups.
 * Returns NULL, or a description of the first fault. */
static const char *
read_back(const char *text, const hs_vn_words_opts *o, reading *r)
{
    size_t n = strlen(text);
    const char *unit = o->unit ? o->unit : "đồng";
    memset(r, 0, sizeof *r);
    if (o->slash_dot) {
        if (!ends_with(text, n, "./."))
            return "no ./. at the end";
        n -= 3;
    }
    if (o->even != NULL && o->even[0] != '\0') {
        size_t e = strlen(o->even);
        if (ends_with(text, n, o->even) && n > e && text[n - e - 1] == ' ')
            n -= e + 1, r->even = 1;
    }
    if (unit[0] != '\0') {
        size_t u = strlen(unit);
        if (!ends_with(text, n, unit) || n <= u || text[n - u - 1] != ' ')
            return "the unit is not at the end";
        n -= u + 1;
    }
    if (n == 0 || text[0] == ' ' || text[n - 1] == ' ')
        return "empty, or a space at an end";

    /* The first word in upper case unless lower. The only capitals hs_vn_words
     * can write are ASCII letters and "Â" (of "Âm"). */
    char first[4] = "";
    size_t cap_len = 0;
    if (text[0] >= 'A' && text[0] <= 'Z')
        first[0] = (char)(text[0] - 'A' + 'a'), cap_len = 1;
    else if (text[0] == '\xC3' && text[1] == '\x82')
        memcpy(first, "â", 3), cap_len = 2;
    if (o->lower ? cap_len > 0 : cap_len == 0)
        return o->lower ? "a capital with lower" : "first letter not upper case";

    const vocab *tok[MAXTOK];
    int nt = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && text[j] != ' ')
            j++;
        char w[16];
        const char *word = text + i;
        size_t wn = j - i;
        if (wn == 0)
            return "two spaces";
        if (wn >= sizeof w || nt == MAXTOK)
            return "unknown word";
        if (i == 0 && cap_len > 0) { /* undo the capital */
            size_t fl = strlen(first);
            memcpy(w, first, fl);
            memcpy(w + fl, text + cap_len, wn - cap_len);
            word = w, wn = wn - cap_len + fl;
        }
        if ((tok[nt++] = lookup(word, wn)) == NULL)
            return "unknown word";
        i = j + 1;
    }

    uint64_t stack_v[8], small = 0;
    int stack_s[8], sp = 0, neg = 0, pending = -1;
    for (int i = 0; i < nt; i++) {
        const vocab *t = tok[i], *prev = i > 0 ? tok[i - 1] : NULL;
        const vocab *next = i + 1 < nt ? tok[i + 1] : NULL;
        int after_muoi = prev != NULL && prev->kind == W_MUOI_TENS;
        int after_any_muoi = after_muoi || (prev != NULL && prev->kind == W_MUOI_TEEN);
        switch (t->kind) {
        case W_AM:
            if (i != 0)
                return "âm not first";
            neg = 1;
            break;
        case W_DIGIT:
            if (pending >= 0)
                return "two digits in a row";
            if ((t->form == F_MOT) != (after_muoi && t->value == 1))
                return "mốt where một belongs, or the reverse";
            if ((t->form == F_LAM) != (after_any_muoi && t->value == 5))
                return "lăm where năm belongs, or the reverse";
            if ((t->form == F_TU) != (after_muoi && t->value == 4 && !o->bon))
                return "tư where bốn belongs, or the reverse";
            if (t->value == 0 && !(next != NULL && next->kind == W_TRAM) &&
                !(i == neg && next == NULL))
                return "không neither before trăm nor the whole amount";
            if (prev != NULL && prev->kind == W_LINH &&
                (t->value == 0 || (next != NULL && next->kind != W_SCALE)))
                return "linh not followed by a lone unit digit";
            pending = t->value;
            break;
        case W_MUOI_TEEN:
            if (pending >= 0 || small % 100 != 0)
                return "mười after a digit";
            small += 10;
            break;
        case W_MUOI_TENS:
            if (pending < 2)
                return "mươi after một, không or nothing";
            small += (uint64_t)pending * 10, pending = -1;
            break;
        case W_TRAM:
            if (pending < 0 || small != 0)
                return "trăm not after the group's first digit";
            r->khong_tram += pending == 0;
            small += (uint64_t)pending * 100, pending = -1;
            break;
        case W_LINH:
            if ((t->form == F_ALT) != !!o->le)
                return "linh / lẻ against the option";
            if (prev == NULL || prev->kind != W_TRAM || next == NULL || next->kind != W_DIGIT)
                return "linh not between trăm and a digit";
            break;
        case W_SCALE: {
            if ((t->form == F_ALT) != (t->value == 1 ? !!o->ngan : t->value == 3 ? !!o->ti : 0))
                return "nghìn/ngàn or tỷ/tỉ against the option";
            uint64_t val = small + (uint64_t)(pending > 0 ? pending : 0);
            while (sp > 0 && stack_s[sp - 1] < t->value)
                val += stack_v[--sp];
            if (val == 0)
                return "a scale word with nothing to multiply";
            if (sp == 8)
                return "too many scale words";
            stack_v[sp] = val * scale_value[t->value];
            stack_s[sp++] = t->value;
            small = 0, pending = -1;
            break;
        }
        }
    }
    uint64_t total = small + (uint64_t)(pending > 0 ? pending : 0);
    while (sp > 0)
        total += stack_v[--sp];
    if (total > (uint64_t)HS_VN_MONEY_MAX)
        return "beyond the range";
    r->value = neg ? -(int64_t)total : (int64_t)total;
    return NULL;
}

/* How often "không trăm" must be read: once per non-zero group with a zero
 * hundreds digit after a higher non-zero group (shared/vietnamese.md §3). */
static int
expected_khong_tram(uint64_t m)
{
    int groups[8], k = 0, want = 0;
    for (; m > 0; m /= 1000)
        groups[k++] = (int)(m % 1000);
    for (int i = k - 2; i >= 0; i--)
        if (groups[i] != 0 && groups[i] < 100)
            want++;
    return want;
}

/* Words for n with options o, read back and checked; 0 when all is well.
 * "Even" is our definition (words.c): a non-zero multiple of 1.000. */
static int
check_words(int64_t n, const hs_vn_words_opts *o, char *why, size_t whycap)
{
    char out[HS_VN_WORDS_MAX];
    hs_vn_status st = hs_vn_words(n, o, out, sizeof out);
    if (st != HS_VN_OK) {
        snprintf(why, whycap, "words(%lld): %s", (long long)n, status_name(st));
        return -1;
    }
    reading r;
    const char *fault = read_back(out, o, &r);
    uint64_t mag = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    int even = o->even != NULL && o->even[0] != '\0' && mag > 0 && mag % 1000 == 0;
    if (fault == NULL && r.value != n)
        fault = "reads back as another number";
    if (fault == NULL && r.khong_tram != expected_khong_tram(mag))
        fault = "không trăm where it does not belong, or missing";
    if (fault == NULL && r.even != even)
        fault = "the even word is wrong";
    if (fault != NULL) {
        snprintf(why, whycap, "words(%lld) = \"%s\": %s (read %lld)", (long long)n, out, fault,
                 (long long)r.value);
        return -1;
    }
    return 0;
}

/* ---- vector tests ---- */

static void
parse_opts(const vfile *v, char *s, hs_vn_words_opts *o)
{
    if (strcmp(s, "-") == 0 || s[0] == '\0')
        return;
    for (char *p = s; p != NULL;) {
        char *comma = strchr(p, ',');
        if (comma != NULL)
            *comma = '\0';
        if (strcmp(p, "le") == 0)
            o->le = 1;
        else if (strcmp(p, "ngan") == 0)
            o->ngan = 1;
        else if (strcmp(p, "ti") == 0)
            o->ti = 1;
        else if (strcmp(p, "bon") == 0)
            o->bon = 1;
        else if (strcmp(p, "lower") == 0)
            o->lower = 1;
        else if (strcmp(p, "slash") == 0)
            o->slash_dot = 1;
        else if (strncmp(p, "even=", 5) == 0)
            o->even = p + 5;
        else if (strncmp(p, "unit=", 5) == 0)
            o->unit = p + 5;
        else
            vfail(v, "unknown option \"%s\"", p);
        p = comma ? comma + 1 : NULL;
    }
}

static void
words_vectors(void)
{
    vfile v;
    char *f[MAXF];
    int nf, lines = 0;
    if (!vopen(&v, "words.tsv"))
        return;
    while (vnext(&v, f, &nf)) {
        hs_vn_words_opts o = HS_VN_WORDS_DEFAULT;
        int64_t n;
        if (nf < 2 || int_of(f[0], &n) != 0) {
            vfail(&v, "malformed line");
            continue;
        }
        if (nf > 2)
            parse_opts(&v, f[2], &o);
        char out[HS_VN_WORDS_MAX], why[HS_VN_WORDS_MAX + 200];
        hs_vn_status st = hs_vn_words(n, &o, out, sizeof out);
        if (st != HS_VN_OK)
            vfail(&v, "words(%lld): %s", (long long)n, status_name(st));
        else
            vcheck_str(&v, "words", out, f[1]);
        if (check_words(n, &o, why, sizeof why) != 0)
            vfail(&v, "%s", why);
        lines++;
    }
    CHECK(lines >= 250);
}

static hs_vn_unit
unit_of(const vfile *v, const char *s)
{
    static const char *const names[] = {"symbol", "dong", "vnd", "none"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return (hs_vn_unit)i;
    vfail(v, "unknown unit \"%s\"", s);
    return HS_VN_UNIT_SYMBOL;
}

static void
money_vectors(void)
{
    vfile v;
    char *f[MAXF];
    int nf;
    if (!vopen(&v, "money.tsv"))
        return;
    while (vnext(&v, f, &nf)) {
        int64_t a = 0, b = 0, r = 0;
        if (nf < 4) {
            vfail(&v, "malformed line");
        } else if (strcmp(f[0], "parse") == 0) {
            hs_vn_status st = hs_vn_money_parse(f[1], strlen(f[1]), strcmp(f[2], "neg") == 0, &r);
            vcheck_result(&v, "money_parse", st, r, f[3]);
        } else if (strcmp(f[0], "format") == 0 && int_of(f[1], &a) == 0) {
            char out[64];
            hs_vn_status st = hs_vn_money_format(a, unit_of(&v, f[2]), out, sizeof out);
            if (st != HS_VN_OK)
                vfail(&v, "money_format: %s", status_name(st));
            else
                vcheck_str(&v, "money_format", out, f[3]);
        } else if ((strcmp(f[0], "add") == 0 || strcmp(f[0], "mul") == 0) &&
                   int_of(f[1], &a) == 0 && int_of(f[2], &b) == 0) {
            hs_vn_status st = f[0][0] == 'a' ? hs_vn_add(a, b, &r) : hs_vn_mul(a, b, &r);
            vcheck_result(&v, f[0], st, r, f[3]);
        } else {
            vfail(&v, "malformed line");
        }
    }
}

static void
vat_vectors(void)
{
    vfile v;
    char *f[MAXF];
    int nf;
    if (!vopen(&v, "vat.tsv"))
        return;
    while (vnext(&v, f, &nf)) {
        int rate = -2;
        int64_t base, vat = 0;
        if (strcmp(f[0], "rate") == 0 && nf >= 3) {
            hs_vn_status st = hs_vn_vat_parse(f[1], strlen(f[1]), &rate);
            if (strcmp(f[2], "KCT") == 0) {
                if (st != HS_VN_OK || rate != HS_VN_VAT_KCT)
                    vfail(&v, "vat_parse: %s %d, expected KCT", status_name(st), rate);
            } else {
                vcheck_result(&v, "vat_parse", st, rate, f[2]);
            }
        } else if (strcmp(f[0], "vat") == 0 && nf >= 4 && int_of(f[1], &base) == 0) {
            hs_vn_status st = hs_vn_vat_parse(f[2], strlen(f[2]), &rate);
            if (st == HS_VN_OK)
                st = hs_vn_vat(base, rate, &vat);
            vcheck_result(&v, "vat", st, vat, f[3]);
        } else if (strcmp(f[0], "total") == 0 && nf >= 3) {
            /* Sum the bases per rate, then VAT per rate, as an invoice does. */
            int rates[16], nr = 0;
            int64_t bases[16], sub = 0, tax = 0, total = 0;
            hs_vn_status st = HS_VN_OK;
            for (char *item = strtok(f[1], " "); item && st == HS_VN_OK; item = strtok(NULL, " ")) {
                char *at = strchr(item, '@');
                if (at == NULL || nr == 16) {
                    vfail(&v, "malformed item \"%s\"", item);
                    break;
                }
                *at = '\0';
                if (int_of(item, &base) != 0) {
                    vfail(&v, "malformed item \"%s\"", item);
                    break;
                }
                st = hs_vn_vat_parse(at + 1, strlen(at + 1), &rate);
                int k = 0;
                while (k < nr && rates[k] != rate)
                    k++;
                if (k == nr)
                    rates[nr] = rate, bases[nr++] = 0;
                if (st == HS_VN_OK)
                    st = hs_vn_add(bases[k], base, &bases[k]);
                if (st == HS_VN_OK)
                    st = hs_vn_add(sub, base, &sub);
            }
            for (int k = 0; k < nr && st == HS_VN_OK; k++) {
                st = hs_vn_vat(bases[k], rates[k], &vat);
                if (st == HS_VN_OK)
                    st = hs_vn_add(tax, vat, &tax);
            }
            if (st == HS_VN_OK)
                st = hs_vn_add(sub, tax, &total);
            char got[96];
            if (st == HS_VN_OK)
                snprintf(got, sizeof got, "%lld+%lld=%lld", (long long)sub, (long long)tax,
                         (long long)total);
            else
                snprintf(got, sizeof got, "%s", status_name(st));
            vcheck_str(&v, "total", got, f[2]);
        } else {
            vfail(&v, "malformed line");
        }
    }
}

static int
date_of(const vfile *v, const char *s, hs_vn_date *d)
{
    hs_vn_status st = hs_vn_date_parse(s, strlen(s), d);
    if (st != HS_VN_OK)
        vfail(v, "\"%s\" does not parse: %s", s, status_name(st));
    return st == HS_VN_OK;
}

static void
date_vectors(void)
{
    vfile v;
    char *f[MAXF];
    int nf;
    if (!vopen(&v, "dates.tsv"))
        return;
    while (vnext(&v, f, &nf)) {
        hs_vn_date d, e;
        char out[256];
        if (nf < 3) {
            vfail(&v, "malformed line");
        } else if (strcmp(f[0], "parse") == 0) {
            hs_vn_status st = hs_vn_date_parse(f[1], strlen(f[1]), &d);
            if (st == HS_VN_OK) {
                snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
                vcheck_str(&v, "date_parse", out, f[2]);
            } else {
                vcheck_str(&v, "date_parse", status_name(st), f[2]);
            }
        } else if (strcmp(f[0], "format") == 0 && nf >= 4 && date_of(&v, f[1], &d)) {
            hs_vn_status st = hs_vn_date_format(d, f[2], out, sizeof out);
            vcheck_str(&v, "date_format", st == HS_VN_OK ? out : status_name(st), f[3]);
        } else if (strcmp(f[0], "line") == 0 && nf >= 4 && date_of(&v, f[2], &d)) {
            hs_vn_status st = hs_vn_date_line(f[1], d, out, sizeof out);
            vcheck_str(&v, "date_line", st == HS_VN_OK ? out : status_name(st), f[3]);
        } else if (strcmp(f[0], "add") == 0 && nf >= 4 && date_of(&v, f[1], &d)) {
            long k = atol(f[2]);
            hs_vn_status st = hs_vn_date_add_days(d, k, &e);
            if (st == HS_VN_OK) {
                snprintf(out, sizeof out, "%04d-%02d-%02d", e.year, e.month, e.day);
                vcheck_str(&v, "date_add_days", out, f[3]);
                if (hs_vn_date_days_between(d, e) != k)
                    vfail(&v, "days_between = %ld", hs_vn_date_days_between(d, e));
            } else {
                vcheck_str(&v, "date_add_days", status_name(st), f[3]);
            }
        } else if (strcmp(f[0], "between") == 0 && nf >= 4 && date_of(&v, f[1], &d) &&
                   date_of(&v, f[2], &e)) {
            if (hs_vn_date_days_between(d, e) != atol(f[3]))
                vfail(&v, "days_between = %ld", hs_vn_date_days_between(d, e));
        } else if (strcmp(f[0], "epoch") == 0 && date_of(&v, f[1], &d)) {
            if (hs_vn_date_epoch(d) != atoll(f[2]))
                vfail(&v, "epoch = %lld", hs_vn_date_epoch(d));
        } else if (strcmp(f[0], "valid") == 0 &&
                   sscanf(f[1], "%d %d %d", &d.year, &d.month, &d.day) == 3) {
            if (hs_vn_date_valid(d) != atoi(f[2]))
                vfail(&v, "date_valid = %d", hs_vn_date_valid(d));
        } else if (strcmp(f[0], "format") != 0 && strcmp(f[0], "line") != 0 &&
                   strcmp(f[0], "add") != 0 && strcmp(f[0], "between") != 0 &&
                   strcmp(f[0], "epoch") != 0) {
            vfail(&v, "malformed line");
        }
    }
}

/* ---- properties ---- */

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint64_t
next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* An amount of 1 to 18 digits, each magnitude equally often; half of them
 * with many zero digits so that zero groups and "không trăm" come up. */
static int64_t
random_amount(void)
{
    uint64_t r = next_random();
    int digits = 1 + (int)(r % 18), sparse = (r >> 5) & 1;
    int64_t v = 0;
    for (int k = 0; k < digits; k++) {
        uint64_t x = next_random() >> 11;
        int d = (int)(x % 10);
        if (sparse && (x >> 8) % 3 != 0)
            d = 0;
        if (k == 0 && d == 0)
            d = 1 + (int)((x >> 16) % 9);
        v = v * 10 + d;
    }
    return v;
}

static int failures_shown;

static void
words_fail(const char *why)
{
    if (failures_shown++ < 10)
        fprintf(stderr, "%s\n", why);
    hs_t_case_failed = 1;
}

static void
words_every_amount_to_two_million(void)
{
    char why[HS_VN_WORDS_MAX + 200];
    for (int64_t n = 0; n <= 2000000; n++)
        if (check_words(n, &HS_VN_WORDS_DEFAULT, why, sizeof why) != 0)
            words_fail(why);
}

static void
words_random_amounts(void)
{
    char why[HS_VN_WORDS_MAX + 200];
    for (int i = 0; i < 100000; i++) {
        int64_t n = random_amount();
        if (check_words(n, &HS_VN_WORDS_DEFAULT, why, sizeof why) != 0)
            words_fail(why);
    }
    /* the edges of every group and of the range */
    for (int64_t p = 1; p <= INT64_C(100000000000000000); p *= 10)
        for (int64_t d = -2; d <= 2; d++)
            if (check_words(p + d, &HS_VN_WORDS_DEFAULT, why, sizeof why) != 0 ||
                check_words(-(p + d), &HS_VN_WORDS_DEFAULT, why, sizeof why) != 0)
                words_fail(why);
    if (check_words(HS_VN_MONEY_MAX, &HS_VN_WORDS_DEFAULT, why, sizeof why) != 0 ||
        check_words(-HS_VN_MONEY_MAX, &HS_VN_WORDS_DEFAULT, why, sizeof why) != 0)
        words_fail(why);
}

static void
words_random_options(void)
{
    char why[HS_VN_WORDS_MAX + 200];
    static const char *const units[] = {NULL, "", "VNĐ", "đồng"};
    for (int i = 0; i < 20000; i++) {
        uint64_t r = next_random();
        hs_vn_words_opts o = {(int)(r & 1),      (int)(r >> 1 & 1), (int)(r >> 2 & 1),
                              (int)(r >> 3 & 1), units[r >> 4 & 3], (r >> 6 & 1) ? "chẵn" : NULL,
                              (int)(r >> 7 & 1), (int)(r >> 8 & 1)};
        int64_t n = random_amount();
        if (r >> 9 & 1)
            n -= n % 1000; /* often even */
        if (r >> 10 & 1)
            n = -n;
        if (check_words(n, &o, why, sizeof why) != 0)
            words_fail(why);
    }
}

static void
words_errors(void)
{
    char out[HS_VN_WORDS_MAX];
    CHECK_INT(hs_vn_words(HS_VN_MONEY_MAX + 1, NULL, out, sizeof out), HS_VN_E_RANGE);
    CHECK_STR(out, "");
    CHECK_INT(hs_vn_words(-HS_VN_MONEY_MAX - 1, NULL, out, sizeof out), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_words(INT64_MIN, NULL, out, sizeof out), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_words(INT64_MAX, NULL, out, sizeof out), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_words(5, NULL, out, sizeof out), HS_VN_OK); /* NULL: the defaults */
    CHECK_STR(out, "Năm đồng");
    /* The longest text of all options fits HS_VN_WORDS_MAX with room to spare. */
    hs_vn_words_opts o = {1, 1, 1, 1, "đồng", "chẵn", 1, 0};
    CHECK_INT(hs_vn_words(-HS_VN_MONEY_MAX, &o, out, sizeof out), HS_VN_OK);
    CHECK(strlen(out) < HS_VN_WORDS_MAX / 2);
}

/* Every formatter, at every buffer size short of the text: HS_VN_E_SPACE and
 * an empty string, never a cut text or a write past the buffer (each buffer
 * is its own allocation, so ASan sees one byte too far). */
static hs_vn_status
format_one(int which, char *out, size_t cap)
{
    hs_vn_date d = {2021, 2, 5};
    hs_vn_words_opts o = {0, 0, 0, 0, NULL, "chẵn", 1, 0};
    switch (which) {
    case 0:
        return hs_vn_words(-1234567000, &o, out, cap);
    case 1:
        return hs_vn_money_format(-1234567, HS_VN_UNIT_SYMBOL, out, cap);
    case 2:
        return hs_vn_money_format(1234567, HS_VN_UNIT_NONE, out, cap);
    case 3:
        return hs_vn_int_format(INT64_MIN, out, cap);
    case 4:
        return hs_vn_decimal_format(-1234567, 2, out, cap);
    case 5:
        return hs_vn_percent_format(85, 1, out, cap);
    case 6:
        return hs_vn_date_format(d, "long", out, cap);
    case 7:
        return hs_vn_date_format(d, "dd/MM/yyyy", out, cap);
    case 8:
        return hs_vn_date_line("Hà Nội", d, out, cap);
    case 9:
        return hs_vn_words(0, NULL, out, cap);
    default:
        return hs_vn_date_format(d, "", out, cap);
    }
}

static void
buffers_too_small(void)
{
    for (int which = 0; which <= 10; which++) {
        char full[HS_VN_WORDS_MAX];
        CHECK_INT(format_one(which, full, sizeof full), HS_VN_OK);
        size_t len = strlen(full);
        for (size_t cap = 0; cap <= len + 1; cap++) {
            char *b = malloc(cap > 0 ? cap : 1);
            if (b == NULL)
                return;
            if (cap > 0)
                memset(b, 'x', cap);
            hs_vn_status st = format_one(which, b, cap);
            if (cap <= len) {
                CHECK_INT(st, HS_VN_E_SPACE);
                if (cap > 0 && b[0] != '\0') {
                    fprintf(stderr, "formatter %d, cap %zu: not an empty string\n", which, cap);
                    hs_t_case_failed = 1;
                }
            } else {
                CHECK_INT(st, HS_VN_OK);
                CHECK_STR(b, full);
            }
            free(b);
        }
    }
}

/* Money text back and forth: format → parse gives the amount; a parse that
 * succeeds was given one of the two written forms. */
static void
money_round_trip(void)
{
    char text[64], plain[32];
    int64_t v, back;
    for (int i = 0; i < 100000; i++) {
        v = random_amount();
        if (i & 1)
            v = -v;
        CHECK_INT(hs_vn_money_format(v, HS_VN_UNIT_NONE, text, sizeof text), HS_VN_OK);
        back = 12345;
        CHECK_INT(hs_vn_money_parse(text, strlen(text), 1, &back), HS_VN_OK);
        CHECK_INT(back, v);
        snprintf(plain, sizeof plain, "%lld", (long long)v);
        back = 12345;
        CHECK_INT(hs_vn_money_parse(plain, strlen(plain), 1, &back), HS_VN_OK);
        CHECK_INT(back, v);
        if (v < 0)
            CHECK_INT(hs_vn_money_parse(text, strlen(text), 0, &back), HS_VN_E_NEGATIVE);
        if (hs_t_case_failed)
            return;
    }
    /* Random strings over the characters of amounts. */
    static const char alphabet[] = "0123456789...---  ,+x";
    for (int i = 0; i < 200000; i++) {
        uint64_t r = next_random();
        size_t n = (size_t)(r % 14);
        char s[16];
        for (size_t k = 0; k < n; k++) {
            r = next_random();
            s[k] = alphabet[r % (sizeof alphabet - 1)];
        }
        s[n] = '\0';
        if (hs_vn_money_parse(s, n, 1, &v) != HS_VN_OK)
            continue;
        const char *t = s;
        size_t tn = n;
        while (tn > 0 && *t == ' ')
            t++, tn--;
        while (tn > 0 && t[tn - 1] == ' ')
            tn--;
        hs_vn_money_format(v, HS_VN_UNIT_NONE, text, sizeof text);
        snprintf(plain, sizeof plain, "%lld", (long long)v);
        int canonical = (strlen(text) == tn && memcmp(text, t, tn) == 0) ||
                        (strlen(plain) == tn && memcmp(plain, t, tn) == 0) ||
                        (v == 0 && tn == 2 && memcmp(t, "-0", 2) == 0);
        if (!canonical) {
            fprintf(stderr, "money_parse accepted \"%s\" as %lld\n", s, (long long)v);
            hs_t_case_failed = 1;
            return;
        }
    }
}

/* add, mul and VAT against 128-bit reference arithmetic. */
static void
arithmetic_reference(void)
{
    const __int128 max = HS_VN_MONEY_MAX;
    for (int i = 0; i < 100000; i++) {
        int64_t a = random_amount(), b = random_amount(), r = 0;
        if (next_random() & 1)
            a = -a;
        if (next_random() & 1)
            b = -b;
        if (i % 4 == 0) /* small factors, so that products are often in range */
            b %= 100000;
        __int128 s = (__int128)a + b, p = (__int128)a * b;
        CHECK_INT(hs_vn_add(a, b, &r), s > max || s < -max ? HS_VN_E_RANGE : HS_VN_OK);
        if (s <= max && s >= -max)
            CHECK_INT(r, (int64_t)s);
        CHECK_INT(hs_vn_mul(a, b, &r), p > max || p < -max ? HS_VN_E_RANGE : HS_VN_OK);
        if (p <= max && p >= -max)
            CHECK_INT(r, (int64_t)p);
        int rate = (int)(next_random() % 1001);
        __int128 m = a < 0 ? -(__int128)a : a, want = (m * rate + 500) / 1000;
        CHECK_INT(hs_vn_vat(a, rate, &r), HS_VN_OK);
        CHECK_INT(r, a < 0 ? -(int64_t)want : (int64_t)want);
        if (hs_t_case_failed)
            return;
    }
    int64_t r;
    CHECK_INT(hs_vn_add(INT64_MAX, INT64_MAX, &r), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_add(INT64_MIN, 1, &r), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_mul(INT64_MIN, -1, &r), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_mul(INT64_MIN, 0, &r), HS_VN_OK);
    CHECK_INT(r, 0);
    CHECK_INT(hs_vn_vat(HS_VN_MONEY_MAX + 1, 100, &r), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_vat(INT64_MIN, 100, &r), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_vat(1000, 1001, &r), HS_VN_E_RATE);
    CHECK_INT(hs_vn_vat(1000, -2, &r), HS_VN_E_RATE);
    CHECK_INT(hs_vn_vat(INT64_MIN, HS_VN_VAT_KCT, &r), HS_VN_OK); /* no tax, whatever the base */
    CHECK_INT(r, 0);
}

static int
is_leap_year(int y)
{
    return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

/* The day after d by the rules a child learns, not by a day count. */
static hs_vn_date
tomorrow(hs_vn_date d)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = len[d.month - 1] + (d.month == 2 && is_leap_year(d.year));
    if (++d.day > last) {
        d.day = 1;
        if (++d.month > 12)
            d.month = 1, d.year++;
    }
    return d;
}

/* Every day from 1000-01-01 to 9999-12-31, stepped by the simple rule above:
 * add_days, days_between and the epoch all agree with the walk, and for
 * 1900-2100 the ISO text parses back to the same day. */
static void
dates_every_day(void)
{
    hs_vn_date start = {1000, 1, 1}, d = start, e;
    long long epoch0 = hs_vn_date_epoch(start);
    for (long i = 0;; i++) {
        if (hs_vn_date_days_between(start, d) != i || hs_vn_date_epoch(d) != epoch0 + 86400LL * i ||
            !hs_vn_date_valid(d)) {
            fprintf(stderr, "%04d-%02d-%02d: day %ld, between %ld\n", d.year, d.month, d.day, i,
                    hs_vn_date_days_between(start, d));
            hs_t_case_failed = 1;
            return;
        }
        if (i % 97 == 0) {
            CHECK_INT(hs_vn_date_add_days(start, i, &e), HS_VN_OK);
            CHECK(e.year == d.year && e.month == d.month && e.day == d.day);
            CHECK_INT(hs_vn_date_add_days(d, -i, &e), HS_VN_OK);
            CHECK(e.year == 1000 && e.month == 1 && e.day == 1);
        }
        if (d.year >= 1900 && d.year <= 2100) {
            char iso[16];
            CHECK_INT(hs_vn_date_format(d, "yyyy-MM-dd", iso, sizeof iso), HS_VN_OK);
            CHECK_INT(hs_vn_date_parse(iso, strlen(iso), &e), HS_VN_OK);
            CHECK(e.year == d.year && e.month == d.month && e.day == d.day);
        }
        if (d.year == 9999 && d.month == 12 && d.day == 31)
            break;
        hs_vn_date t = tomorrow(d);
        CHECK_INT(hs_vn_date_add_days(d, 1, &e), HS_VN_OK);
        if (e.year != t.year || e.month != t.month || e.day != t.day) {
            fprintf(stderr, "%04d-%02d-%02d + 1 = %04d-%02d-%02d\n", d.year, d.month, d.day, e.year,
                    e.month, e.day);
            hs_t_case_failed = 1;
            return;
        }
        d = t;
        if (hs_t_case_failed)
            return;
    }
    CHECK_INT(hs_vn_date_add_days(d, 1, &e), HS_VN_E_RANGE);
    hs_vn_date first = {1, 1, 1};
    CHECK_INT(hs_vn_date_add_days(first, -1, &e), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_date_add_days(first, 3652058, &e), HS_VN_OK); /* 9999-12-31 */
    CHECK(e.year == 9999 && e.month == 12 && e.day == 31);
    CHECK_INT(hs_vn_date_add_days(d, -3652058, &e), HS_VN_OK);
    CHECK(e.year == 1 && e.month == 1 && e.day == 1);
    CHECK_INT(hs_vn_date_add_days(d, 2147483647L, &e), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_date_add_days(d, -2147483647L - 1, &e), HS_VN_E_RANGE);
    hs_vn_date bad = {2021, 2, 29};
    CHECK_INT(hs_vn_date_add_days(bad, 1, &e), HS_VN_E_DATE);
    char out[64];
    CHECK_INT(hs_vn_date_format(bad, "long", out, sizeof out), HS_VN_E_DATE);
    CHECK_STR(out, "");
    CHECK_INT(hs_vn_date_line("Hà Nội", bad, out, sizeof out), HS_VN_E_DATE);
    hs_vn_date ok = {2021, 2, 5};
    CHECK_INT(hs_vn_date_format(ok, NULL, out, sizeof out), HS_VN_E_SYNTAX);
    CHECK_INT(hs_vn_date_line(NULL, ok, out, sizeof out), HS_VN_OK);
    CHECK_STR(out, "ngày 05 tháng 02 năm 2021");
    /* parse reads exactly n bytes, not up to a NUL */
    CHECK_INT(hs_vn_date_parse("2021-02-05junk", 10, &e), HS_VN_OK);
    CHECK(e.year == 2021 && e.month == 2 && e.day == 5);
}

static void
numbers(void)
{
    char out[64];
    int64_t v;
    static const struct {
        int64_t scaled;
        int decimals;
        const char *text;
    } fmt[] = {
        {1234567, 0, "1.234.567"},
        {0, 0, "0"},
        {-1234, 0, "-1.234"},
        {999, 0, "999"},
        {1000, 0, "1.000"},
        {85, 1, "8,5"},
        {100, 1, "10"},
        {1234567, 2, "12.345,67"},
        {1234560, 2, "12.345,6"},
        {5, 2, "0,05"},
        {-5, 1, "-0,5"},
        {-105, 1, "-10,5"},
        {1, 18, "0,000000000000000001"},
        {INT64_MAX, 0, "9.223.372.036.854.775.807"},
        {INT64_MIN, 0, "-9.223.372.036.854.775.808"},
        {INT64_MIN, 18, "-9,223372036854775808"},
    };
    for (size_t i = 0; i < sizeof fmt / sizeof fmt[0]; i++) {
        CHECK_INT(hs_vn_decimal_format(fmt[i].scaled, fmt[i].decimals, out, sizeof out), HS_VN_OK);
        CHECK_STR(out, fmt[i].text);
        if (fmt[i].decimals == 0) {
            CHECK_INT(hs_vn_int_format(fmt[i].scaled, out, sizeof out), HS_VN_OK);
            CHECK_STR(out, fmt[i].text);
        }
    }
    CHECK_INT(hs_vn_percent_format(85, 1, out, sizeof out), HS_VN_OK);
    CHECK_STR(out, "8,5%");
    CHECK_INT(hs_vn_percent_format(100, 1, out, sizeof out), HS_VN_OK);
    CHECK_STR(out, "10%");
    CHECK_INT(hs_vn_percent_format(850, 2, out, sizeof out), HS_VN_OK);
    CHECK_STR(out, "8,5%");
    CHECK_INT(hs_vn_percent_format(0, 1, out, sizeof out), HS_VN_OK);
    CHECK_STR(out, "0%");
    CHECK_INT(hs_vn_decimal_format(1, 19, out, sizeof out), HS_VN_E_RANGE);
    CHECK_INT(hs_vn_decimal_format(1, -1, out, sizeof out), HS_VN_E_RANGE);

    static const struct {
        const char *text;
        int decimals;
        hs_vn_status st;
        int64_t value;
    } parse[] = {
        {"8.5", 1, HS_VN_OK, 85},
        {"8,5", 1, HS_VN_OK, 85},
        {"10", 1, HS_VN_OK, 100},
        {"10", 0, HS_VN_OK, 10},
        {"0,05", 2, HS_VN_OK, 5},
        {"12,3", 2, HS_VN_OK, 1230},
        {"-8,5", 1, HS_VN_OK, -85},
        {" 8,5 ", 1, HS_VN_OK, 85},
        {"8.55", 1, HS_VN_E_SYNTAX, 0},
        {"8.5", 0, HS_VN_E_SYNTAX, 0},
        {"8,", 1, HS_VN_E_SYNTAX, 0},
        {",5", 1, HS_VN_E_SYNTAX, 0},
        {"1.234,5", 1, HS_VN_E_SYNTAX, 0},
        {"1,2,3", 2, HS_VN_E_SYNTAX, 0},
        {"", 1, HS_VN_E_SYNTAX, 0},
        {"-", 1, HS_VN_E_SYNTAX, 0},
        {"+1", 1, HS_VN_E_SYNTAX, 0},
        {"8,5%", 1, HS_VN_E_SYNTAX, 0},
        {"1e3", 1, HS_VN_E_SYNTAX, 0},
        {"9223372036854775807", 0, HS_VN_OK, INT64_MAX},
        {"9223372036854775808", 0, HS_VN_E_RANGE, 0},
        {"922337203685477580,8", 1, HS_VN_E_RANGE, 0},
        {"922337203685477581", 1, HS_VN_E_RANGE, 0},
        {"922337203685477580", 1, HS_VN_OK, INT64_C(9223372036854775800)},
        {"92233720368547758,07", 2, HS_VN_OK, INT64_MAX},
        {"1", 19, HS_VN_E_RANGE, 0},
    };
    for (size_t i = 0; i < sizeof parse / sizeof parse[0]; i++) {
        v = -1;
        hs_vn_status st =
            hs_vn_decimal_parse(parse[i].text, strlen(parse[i].text), parse[i].decimals, &v);
        if (st != parse[i].st || (st == HS_VN_OK && v != parse[i].value)) {
            fprintf(stderr, "decimal_parse(\"%s\", %d) = %s %lld\n", parse[i].text,
                    parse[i].decimals, status_name(st), (long long)v);
            hs_t_case_failed = 1;
        }
    }
    /* format → parse for decimals: the text written is the text read */
    for (int i = 0; i < 20000; i++) {
        int64_t x = random_amount() / 10, y = -1;
        int decimals = (int)(next_random() % 4);
        if (i & 1)
            x = -x;
        char plain[64];
        CHECK_INT(hs_vn_decimal_format(x, decimals, out, sizeof out), HS_VN_OK);
        /* drop the thousands dots: decimal_parse takes a plain number */
        size_t k = 0;
        for (const char *p = out; *p; p++)
            if (*p != '.')
                plain[k++] = *p;
        plain[k] = '\0';
        CHECK_INT(hs_vn_decimal_parse(plain, k, decimals, &y), HS_VN_OK);
        CHECK_INT(y, x);
        if (hs_t_case_failed)
            return;
    }
}

static void
money_errors(void)
{
    char out[64];
    int64_t v = 7;
    CHECK_INT(hs_vn_money_format(1, (hs_vn_unit)4, out, sizeof out), HS_VN_E_SYNTAX);
    CHECK_STR(out, "");
    CHECK_INT(hs_vn_money_format(1, (hs_vn_unit)-1, out, sizeof out), HS_VN_E_SYNTAX);
    /* parse reads exactly n bytes */
    CHECK_INT(hs_vn_money_parse("12.500.000 ₫", 10, 0, &v), HS_VN_OK);
    CHECK_INT(v, 12500000);
    CHECK_INT(hs_vn_money_parse(NULL, 0, 0, &v), HS_VN_E_SYNTAX);
    CHECK_INT(v, 12500000); /* untouched on failure */
    int rate = 7;
    CHECK_INT(hs_vn_vat_parse("10%", 2, &rate), HS_VN_OK);
    CHECK_INT(rate, 100);
    CHECK_INT(hs_vn_vat_parse("", 0, &rate), HS_VN_E_RATE);
    CHECK_INT(rate, 100);
    /* every status has its own phrase */
    for (int i = 0; i <= HS_VN_E_RATE; i++) {
        const char *s = hs_vn_strerror((hs_vn_status)i);
        CHECK(s != NULL && s[0] != '\0');
        for (int j = 0; j < i; j++)
            CHECK(strcmp(s, hs_vn_strerror((hs_vn_status)j)) != 0);
    }
    CHECK(strcmp(hs_vn_strerror((hs_vn_status)99), "unknown error") == 0);
}

int
main(void)
{
    RUN(words_vectors);
    RUN(money_vectors);
    RUN(vat_vectors);
    RUN(date_vectors);
    RUN(words_every_amount_to_two_million);
    RUN(words_random_amounts);
    RUN(words_random_options);
    RUN(words_errors);
    RUN(buffers_too_small);
    RUN(money_round_trip);
    RUN(money_errors);
    RUN(arithmetic_reference);
    RUN(dates_every_day);
    RUN(numbers);
    printf("# %d vector lines\n", vectors_run);
    return DONE();
}
