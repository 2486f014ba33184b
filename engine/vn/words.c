/* engine/vn/words.c — amounts in words as Vietnamese accounting software
 * prints them: "Một triệu không trăm linh năm đồng".
 *
 * The amount is read in groups of three digits from the top. Once a non-zero
 * group has been read, every later non-zero group is read in full, hundreds
 * included ("không trăm linh năm"), even across skipped groups; a group of
 * zeros is not read, nor is its scale word. Above 999.999.999 "tỷ" repeats:
 * the part above 10^9 is read as a number of its own ("một nghìn tỷ" = 10^12,
 * "một triệu tỷ" = 10^15). ICU's "vi" spellout differs on these points. */
#include "vn/sink.h"
#include "vn/vn.h"

#include <string.h>

const hs_vn_words_opts HS_VN_WORDS_DEFAULT = {0, 0, 0, 0, NULL, NULL, 0, 0};

static const char *const digit_words[] = {"không", "một", "hai", "ba",  "bốn",
                                          "năm",   "sáu", "bảy", "tám", "chín"};

#define BILLION UINT64_C(1000000000)

static void
word(vn_sink *o, const char *w)
{
    if (o->len > 0)
        vn_put(o, " ", 1);
    vn_put(o, w, strlen(w));
}

/* One group 1..999; full: a higher group has been read, so the hundreds and
 * the "linh" before a lone unit are spoken even when zero. */
static void
group(vn_sink *o, unsigned x, int full, const hs_vn_words_opts *opt)
{
    unsigned h = x / 100, t = x / 10 % 10, u = x % 10;
    int hundreds = full || h > 0;
    if (hundreds) {
        word(o, digit_words[h]);
        word(o, "trăm");
    }
    if (t == 0) {
        if (u == 0)
            return;
        if (hundreds)
            word(o, opt->le ? "lẻ" : "linh");
        word(o, digit_words[u]); /* after linh: "một", "bốn", "năm" */
        return;
    }
    if (t == 1) {
        word(o, "mười");
    } else {
        word(o, digit_words[t]);
        word(o, "mươi");
    }
    if (u == 1)
        word(o, t >= 2 ? "mốt" : "một"); /* "mười một", "hai mươi mốt" */
    else if (u == 4)
        word(o, t >= 2 && !opt->bon ? "tư" : "bốn"); /* "mười bốn", "hai mươi tư" */
    else if (u == 5)
        word(o, "lăm"); /* "mười lăm", "hai mươi lăm" */
    else if (u != 0)
        word(o, digit_words[u]);
}

/* n > 0. started: a non-zero group has been read before this part. */
static void
number(vn_sink *o, uint64_t n, int *started, const hs_vn_words_opts *opt)
{
    if (n >= BILLION) {
        number(o, n / BILLION, started, opt);
        word(o, opt->ti ? "tỉ" : "tỷ");
        n %= BILLION;
    }
    static const unsigned scale[] = {1000000, 1000, 1};
    const char *scale_word[] = {"triệu", opt->ngan ? "ngàn" : "nghìn", NULL};
    for (int i = 0; i < 3; i++) {
        unsigned g = (unsigned)(n / scale[i] % 1000);
        if (g == 0)
            continue;
        group(o, g, *started, opt);
        if (scale_word[i] != NULL)
            word(o, scale_word[i]);
        *started = 1;
    }
}

/* Every word this file can put first, and its capital: our own fixed
 * vocabulary, so no case mapping library is needed. */
static void
capitalise(char *s)
{
    static const struct {
        const char *lower, *upper;
    } first[] = {{"â", "Â"}, {"b", "B"}, {"c", "C"}, {"h", "H"}, {"k", "K"},
                 {"m", "M"}, {"n", "N"}, {"s", "S"}, {"t", "T"}};
    for (size_t i = 0; i < sizeof first / sizeof first[0]; i++) {
        size_t n = strlen(first[i].lower);
        if (strncmp(s, first[i].lower, n) == 0) {
            memcpy(s, first[i].upper, n); /* same length in UTF-8 */
            return;
        }
    }
}

hs_vn_status
hs_vn_words(int64_t dong, const hs_vn_words_opts *opt, char *out, size_t cap)
{
    if (opt == NULL)
        opt = &HS_VN_WORDS_DEFAULT;
    if (cap > 0)
        out[0] = '\0';
    if (dong > HS_VN_MONEY_MAX || dong < -HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    vn_sink o = {out, cap, 0, cap == 0};
    uint64_t mag = dong < 0 ? 0 - (uint64_t)dong : (uint64_t)dong;
    if (dong < 0)
        word(&o, "âm");
    if (mag == 0) {
        word(&o, digit_words[0]);
    } else {
        int started = 0;
        number(&o, mag, &started, opt);
    }
    const char *unit = opt->unit != NULL ? opt->unit : "đồng";
    if (unit[0] != '\0')
        word(&o, unit);
    /* "chẵn" tells the reader nothing was left off after the thousands. We
     * call an amount even when it is a non-zero multiple of 1.000 đồng (no
     * odd hundreds, tens or units); zero is not "không đồng chẵn". */
    if (opt->even != NULL && opt->even[0] != '\0' && mag > 0 && mag % 1000 == 0)
        word(&o, opt->even);
    /* "./." closes an amount line so that nothing can be written after it. */
    if (opt->slash_dot)
        vn_put(&o, "./.", 3);
    if (o.full) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    if (!opt->lower)
        capitalise(out);
    return HS_VN_OK;
}
