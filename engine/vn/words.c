/* engine/vn/words.c — amounts in words, the accounting convention:
 * "Một triệu không trăm linh năm đồng".
 *
 * Numbers are read in groups of three digits. A group after a higher
 * non-zero group is read in full ("không trăm linh năm"); a group of zeros is
 * not read. Above 999.999.999 the word for 10^9 repeats: the part above it is
 * read as a number of its own and followed by "tỷ" ("một nghìn tỷ" = 10^12).
 * ICU's "vi" spellout differs on each of these points (shared/vietnamese.md). */
#include "vn/vn.h"

#include <string.h>

const hs_vn_words_opts HS_VN_WORDS_DEFAULT = {0, 0, 0, 0, NULL, NULL, 0, 0};

static const char *const digit_words[] = {"không", "một", "hai", "ba",  "bốn",
                                          "năm",   "sáu", "bảy", "tám", "chín"};

typedef struct out {
    char *buf;
    size_t cap, len;
    int overflow;
} out;

static void
word(out *o, const char *w)
{
    size_t n = strlen(w);
    size_t sep = o->len > 0;
    if (o->len + sep + n + 1 > o->cap) {
        o->overflow = 1;
        return;
    }
    if (sep)
        o->buf[o->len++] = ' ';
    memcpy(o->buf + o->len, w, n + 1);
    o->len += n;
}

/* One group of three digits; full: a higher group was read before it. */
static void
group(out *o, int x, int full, const hs_vn_words_opts *opt)
{
    int h = x / 100, t = x / 10 % 10, u = x % 10;
    if (full || h > 0) {
        word(o, digit_words[h]);
        word(o, "trăm");
    }
    if (t == 0) {
        if (u == 0)
            return;
        if (full || h > 0)
            word(o, opt->le ? "lẻ" : "linh");
        word(o, digit_words[u]);
        return;
    }
    if (t == 1) {
        word(o, "mười");
    } else {
        word(o, digit_words[t]);
        word(o, "mươi");
    }
    if (u == 0)
        return;
    if (u == 5)
        word(o, "lăm");
    else if (u == 1 && t >= 2)
        word(o, "mốt");
    else if (u == 4 && t >= 2)
        word(o, opt->bon ? "bốn" : "tư");
    else
        word(o, digit_words[u]);
}

/* n < 10^9; full as for group(). */
static void
below_billion(out *o, int64_t n, int full, const hs_vn_words_opts *opt)
{
    static const int64_t scale[] = {1000000, 1000, 1};
    for (int i = 0; i < 3; i++) {
        int g = (int)(n / scale[i] % 1000);
        if (g == 0)
            continue;
        group(o, g, full, opt);
        if (i == 0)
            word(o, "triệu");
        else if (i == 1)
            word(o, opt->ngan ? "ngàn" : "nghìn");
        full = 1;
    }
}

static void
number(out *o, int64_t n, int full, const hs_vn_words_opts *opt)
{
    const int64_t billion = 1000000000;
    if (n < billion) {
        below_billion(o, n, full, opt);
        return;
    }
    number(o, n / billion, full, opt);
    word(o, opt->ti ? "tỉ" : "tỷ");
    if (n % billion != 0)
        below_billion(o, n % billion, 1, opt);
}

hs_vn_status
hs_vn_words(int64_t dong, const hs_vn_words_opts *opt, char *buf, size_t cap)
{
    if (opt == NULL)
        opt = &HS_VN_WORDS_DEFAULT;
    if (dong > HS_VN_MONEY_MAX || dong < -HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    out o = {buf, cap, 0, 0};
    if (cap > 0)
        buf[0] = '\0';
    int64_t mag = dong < 0 ? -dong : dong;
    if (dong < 0)
        word(&o, "âm");
    if (mag == 0)
        word(&o, "không");
    else
        number(&o, mag, 0, opt);
    const char *unit = opt->unit ? opt->unit : "đồng";
    if (unit[0] != '\0')
        word(&o, unit);
    /* "chẵn": the amount has no odd part below a thousand. */
    if (opt->even != NULL && opt->even[0] != '\0' && mag > 0 && mag % 1000 == 0)
        word(&o, opt->even);
    if (opt->slash_dot && !o.overflow) {
        if (o.len + 4 > o.cap)
            o.overflow = 1;
        else
            memcpy(o.buf + o.len, "./.", 4), o.len += 3;
    }
    if (o.overflow) {
        if (cap > 0)
            buf[0] = '\0';
        return HS_VN_E_SPACE;
    }
    if (!opt->lower && o.len > 0) {
        /* Our own vocabulary: the first word starts with an ASCII letter or â. */
        if (buf[0] >= 'a' && buf[0] <= 'z')
            buf[0] = (char)(buf[0] - 'a' + 'A');
        else if ((unsigned char)buf[0] == 0xC3 && (unsigned char)buf[1] == 0xA2)
            buf[1] = (char)0x82; /* â -> Â */
    }
    return HS_VN_OK;
}
