/* engine/render/subset.c — libharu's TrueType subset with its glyphs
 * numbered anew (see subset.h). Every offset and length is checked against
 * the input before it is read: a file this cannot read gives NULL. */
#include "render/subset.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static unsigned
be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* The TrueType checksum of len bytes (zero-padded to 4). */
static uint32_t
sum32(const unsigned char *p, size_t len)
{
    uint32_t s = 0;
    size_t i = 0;
    for (; i + 4 <= len; i += 4)
        s += be32(p + i);
    if (i < len) {
        unsigned char last[4] = {0, 0, 0, 0};
        memcpy(last, p + i, len - i);
        s += be32(last);
    }
    return s;
}

typedef struct table {
    unsigned char tag[4];
    const unsigned char *data; /* the input's, or the new bytes */
    size_t len;
} table;

/* A composite glyph's component records, from byte 10 of the glyph: their
 * glyph ids through map (0xFFFF: not in the subset). -1 when a record runs
 * past the glyph or names a glyph not kept. */
static int
renumber_components(unsigned char *g, size_t len, const uint32_t *map, unsigned num_glyphs)
{
    size_t at = 10;
    for (;;) {
        if (at + 4 > len)
            return -1;
        unsigned flags = be16(g + at), old = be16(g + at + 2);
        if (old >= num_glyphs || map[old] == UINT32_MAX)
            return -1;
        put16(g + at + 2, map[old]);
        at += 4 + ((flags & 0x0001) ? 4 : 2); /* ARG_1_AND_2_ARE_WORDS */
        at += (flags & 0x0008) ? 2 : (flags & 0x0040) ? 4 : (flags & 0x0080) ? 8 : 0;
        if (!(flags & 0x0020)) /* MORE_COMPONENTS */
            return at <= len ? 0 : -1;
    }
}

unsigned char *
hs_subset_renumber(const unsigned char *in, size_t n, const unsigned char *used,
                   unsigned num_glyphs, const uint16_t *order, int k, size_t *out_n)
{
    if (n < 12)
        return NULL;
    unsigned count = be16(in + 4);
    if (count == 0 || count > 64 || 12 + 16 * (size_t)count > n)
        return NULL;
    table t[64];
    int head = -1, hhea = -1, maxp = -1, loca = -1, glyf = -1, hmtx = -1;
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *e = in + 12 + 16 * i;
        uint32_t off = be32(e + 8), len = be32(e + 12);
        if (off > n || len > n - off)
            return NULL;
        memcpy(t[i].tag, e, 4);
        t[i].data = in + off;
        t[i].len = len;
        int *slot = memcmp(e, "head", 4) == 0   ? &head
                    : memcmp(e, "hhea", 4) == 0 ? &hhea
                    : memcmp(e, "maxp", 4) == 0 ? &maxp
                    : memcmp(e, "loca", 4) == 0 ? &loca
                    : memcmp(e, "glyf", 4) == 0 ? &glyf
                    : memcmp(e, "hmtx", 4) == 0 ? &hmtx
                                                : NULL;
        if (slot != NULL)
            *slot = (int)i;
        /* No reader takes a CID font's metrics from OS/2: the descriptor
         * has them (ISO 32000-1 9.9 names the tables a TrueType program
         * embedded in a PDF needs, and OS/2 is not one; cairo's subsets
         * have none either). Left empty: hs_sfnt_for_pdf drops it with the
         * other empty tables. 96 bytes a font, 93 deflated. */
        if (memcmp(e, "OS/2", 4) == 0)
            t[i].len = 0;
    }
    if (head < 0 || hhea < 0 || maxp < 0 || loca < 0 || glyf < 0 || hmtx < 0 || t[head].len < 54 ||
        t[hhea].len < 36 || t[maxp].len < 6 || be16(t[maxp].data + 4) != num_glyphs ||
        num_glyphs == 0)
        return NULL;
    int long_loca = be16(t[head].data + 50) != 0;
    unsigned nhm = be16(t[hhea].data + 34);
    if (nhm == 0 || nhm > num_glyphs ||
        t[loca].len < (size_t)(num_glyphs + 1) * (long_loca ? 4 : 2) ||
        t[hmtx].len < 4 * (size_t)nhm + 2 * (size_t)(num_glyphs - nhm))
        return NULL;

    /* the new glyphs' old ids: .notdef, the order, the other glyphs used */
    size_t m = 1 + (size_t)k;
    for (unsigned g = 1; g < num_glyphs; g++)
        m += used[g] != 0;
    uint16_t *olds = malloc(sizeof *olds * m);
    uint32_t *map = malloc(sizeof *map * num_glyphs);
    if (olds == NULL || map == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (unsigned g = 0; g < num_glyphs; g++)
        map[g] = UINT32_MAX;
    size_t nn = 0;
    olds[nn++] = 0;
    map[0] = 0;
    int bad = 0;
    for (int j = 0; j < k; j++) {
        if (order[j] >= num_glyphs || !used[order[j]]) {
            bad = 1;
            break;
        }
        if (map[order[j]] == UINT32_MAX)
            map[order[j]] = (uint32_t)nn;
        olds[nn++] = order[j];
    }
    for (unsigned g = 1; !bad && g < num_glyphs; g++)
        if (used[g] && map[g] == UINT32_MAX) {
            map[g] = (uint32_t)nn;
            olds[nn++] = (uint16_t)g;
        }
    if (bad || nn > 0xFFFF) {
        free(olds);
        free(map);
        return NULL;
    }

    /* glyf and loca, each glyph 4-byte aligned (so either loca format holds) */
    const unsigned char *lo = t[loca].data;
    const int src_long = long_loca;
    size_t glyf_len = 0;
    for (size_t j = 0; j < nn && !bad; j++) {
        unsigned g = olds[j];
        size_t a = src_long ? be32(lo + 4 * g) : 2 * (size_t)be16(lo + 2 * g);
        size_t b = src_long ? be32(lo + 4 * g + 4) : 2 * (size_t)be16(lo + 2 * g + 2);
        if (a > b || b > t[glyf].len)
            bad = 1;
        glyf_len += (b - a + 3) & ~(size_t)3;
    }
    if (!long_loca && glyf_len / 2 > 0xFFFF)
        long_loca = 1;
    size_t loca_len = (nn + 1) * (long_loca ? 4 : 2);
    unsigned char *nglyf = calloc(1, glyf_len ? glyf_len : 1), *nloca = calloc(1, loca_len);
    unsigned char *nhmtx = malloc(4 * nn), *nhead = malloc(t[head].len);
    unsigned char *nhhea = malloc(t[hhea].len), *nmaxp = malloc(t[maxp].len);
    if (nglyf == NULL || nloca == NULL || nhmtx == NULL || nhead == NULL || nhhea == NULL ||
        nmaxp == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    size_t at = 0;
    const unsigned char *hm = t[hmtx].data;
    for (size_t j = 0; j < nn && !bad; j++) {
        unsigned g = olds[j];
        size_t a = src_long ? be32(lo + 4 * g) : 2 * (size_t)be16(lo + 2 * g);
        size_t b = src_long ? be32(lo + 4 * g + 4) : 2 * (size_t)be16(lo + 2 * g + 2);
        if (long_loca)
            put32(nloca + 4 * j, (uint32_t)at);
        else
            put16(nloca + 2 * j, (unsigned)(at / 2));
        memcpy(nglyf + at, t[glyf].data + a, b - a);
        if (b - a >= 10 && (int16_t)be16(nglyf + at) < 0 &&
            renumber_components(nglyf + at, b - a, map, num_glyphs) != 0)
            bad = 1;
        at += (b - a + 3) & ~(size_t)3;
        unsigned adv = g < nhm ? be16(hm + 4 * g) : be16(hm + 4 * (nhm - 1));
        unsigned lsb = g < nhm ? be16(hm + 4 * g + 2) : be16(hm + 4 * nhm + 2 * (g - nhm));
        put16(nhmtx + 4 * j, adv);
        put16(nhmtx + 4 * j + 2, lsb);
    }
    if (long_loca)
        put32(nloca + 4 * nn, (uint32_t)at);
    else
        put16(nloca + 2 * nn, (unsigned)(at / 2));
    memcpy(nhead, t[head].data, t[head].len);
    put16(nhead + 50, (unsigned)long_loca);
    put32(nhead + 8, 0); /* checkSumAdjustment: made below */
    memcpy(nhhea, t[hhea].data, t[hhea].len);
    put16(nhhea + 34, (unsigned)nn);
    memcpy(nmaxp, t[maxp].data, t[maxp].len);
    put16(nmaxp + 4, (unsigned)nn);
    t[glyf].data = nglyf;
    t[glyf].len = glyf_len;
    t[loca].data = nloca;
    t[loca].len = loca_len;
    t[hmtx].data = nhmtx;
    t[hmtx].len = 4 * nn;
    t[head].data = nhead;
    t[hhea].data = nhhea;
    t[maxp].data = nmaxp;

    unsigned char *out = NULL;
    if (!bad) { /* the tables in the input's order, each 4-byte aligned */
        size_t total = 12 + 16 * (size_t)count;
        for (unsigned i = 0; i < count; i++)
            total += (t[i].len + 3) & ~(size_t)3;
        out = calloc(1, total);
        if (out == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        memcpy(out, in, 12);
        size_t pos = 12 + 16 * (size_t)count, head_at = 0;
        for (unsigned i = 0; i < count; i++) {
            unsigned char *e = out + 12 + 16 * i;
            memcpy(e, t[i].tag, 4);
            put32(e + 4, sum32(t[i].data, t[i].len));
            put32(e + 8, (uint32_t)pos);
            put32(e + 12, (uint32_t)t[i].len);
            memcpy(out + pos, t[i].data, t[i].len);
            if ((int)i == head)
                head_at = pos;
            pos += (t[i].len + 3) & ~(size_t)3;
        }
        put32(out + head_at + 8, 0xB1B0AFBAu - sum32(out, total));
        *out_n = total;
    }
    free(nglyf);
    free(nloca);
    free(nhmtx);
    free(nhead);
    free(nhhea);
    free(nmaxp);
    free(olds);
    free(map);
    return out;
}
