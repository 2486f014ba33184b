/* engine/font/sfnt.c — read what layout needs from a TrueType file.
 *
 * Every table is checked to lie inside the file and to be long enough before
 * any field of it is read, so a truncated or corrupt file gives a "font"
 * error, never a read out of bounds. Glyph lookup and widths follow libharu
 * 2.3.0 (hpdf_fontdef_tt.c) so that what layout measures is what is drawn. */
#include "font/font.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Liberation is 0.4 MB; a CJK font is ~20 MB. Anything larger is a mistake. */
#define MAX_FONT_BYTES ((size_t)64 << 20)

typedef struct span {
    const uint8_t *p;
    size_t n; /* 0 with p == NULL: table absent */
} span;

/* Bytes [off, off + n) of the file. */
typedef struct range {
    size_t off, n;
} range;

typedef struct sfnt {
    const char *path;
    hs_report *r;
    hs_loc where;
    const uint8_t *data;
    size_t size;
    int fd; /* open while the face loads: glyf is read where needed */
    /* what the load read of the file (fetch), which the whole file read
     * when the face is first asked about must hold (make_ready) */
    range *got;
    size_t ngot, got_cap;
    span head, hhea, maxp, hmtx, cmap, os2, post, loca, glyf, name;
    unsigned upem, num_glyphs, num_hmetrics;
    int loca_long;
    /* the format 4 cmap subtable, checked at load, read into the face's map
     * on its first question (cmap4_map) */
    const uint8_t *cmap4;
    size_t cmap4_seg, cmap4_nglyphs;
} sfnt;

static unsigned
be16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static int
bes16(const uint8_t *p)
{
    unsigned v = be16(p);
    return v >= 0x8000 ? (int)v - 0x10000 : (int)v;
}

static uint32_t
be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int bad(sfnt *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
bad(sfnt *f, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return hs_error(f->r, f->where, HS_CODE_FONT, "%s: %s", f->path, msg);
}

/* Font units to 1/1000 em exactly as libharu does: a 32-bit product divided
 * by unitsPerEm, truncated toward zero, stored in 16 bits. */
static int
to1000(const sfnt *f, int v)
{
    return (int16_t)(int32_t)((int32_t)v * 1000 / (int32_t)f->upem);
}

/* pread all of [off, off + n) into buf + off. */
static int
read_at(int fd, uint8_t *buf, size_t off, size_t n)
{
    while (n > 0) {
        ssize_t got = pread(fd, buf + off, n, (off_t)off);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        off += (size_t)got;
        n -= (size_t)got;
    }
    return 0;
}

/* Reads [off, off + n) of the file at the load into buf + off, and notes
 * that the face depends on those bytes. */
static int
fetch(sfnt *f, uint8_t *buf, size_t off, size_t n)
{
    if (read_at(f->fd, buf, off, n) != 0)
        return -1;
    if (n == 0)
        return 0;
    if (f->ngot == f->got_cap) {
        f->got_cap = f->got_cap ? 2 * f->got_cap : 32;
        if ((f->got = realloc(f->got, f->got_cap * sizeof *f->got)) == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    f->got[f->ngot++] = (range){off, n};
    return 0;
}

/* How many bytes of a table of len bytes read_file reads: those of the
 * tables the load checks. hmtx, loca and glyf, most of a font, are read
 * with the rest of the file when the face is first asked about (a few
 * bytes of loca and glyf at load, for the cap height); of post only its
 * underline fields; name, GPOS, GSUB, kern, the hinting programs not at
 * load: the whole fallback fonts carry some 160 KB of them a face, which
 * cost a page fault a page at every start of hoso. */
static size_t
table_read_len(const uint8_t *tag, size_t len)
{
    static const char parsed[][4] = {"head", "hhea", "maxp", "cmap", "OS/2"};
    for (size_t k = 0; k < sizeof parsed / sizeof parsed[0]; k++)
        if (memcmp(tag, parsed[k], 4) == 0)
            return len;
    if (memcmp(tag, "post", 4) == 0)
        return len < 12 ? len : 12;
    return 0;
}

/* The file's bytes at their offsets, but only the directory and what
 * table_read_len says of each table. The buffer is allocated zeroed, so what
 * is not read costs no page. Fonts are read once per engine, for every face
 * of every family, so this is most of hoso's start-up. */
static int
read_file(sfnt *f, uint8_t **out)
{
    int fd = open(f->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return hs_error(f->r, f->where, HS_CODE_FONT, "%s: cannot open font file: %s", f->path,
                        strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return hs_error(f->r, f->where, HS_CODE_FONT, "%s: not a regular file", f->path);
    }
    size_t size = (size_t)st.st_size;
    if (size > MAX_FONT_BYTES) {
        close(fd);
        return hs_error(f->r, f->where, HS_CODE_FONT, "%s: font file is larger than %zu MiB",
                        f->path, MAX_FONT_BYTES >> 20);
    }
    uint8_t *buf = calloc(1, size ? size : 1);
    if (buf == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    f->fd = fd;
    int bad_read = 0;
    if (fetch(f, buf, 0, size < 12 ? size : 12) != 0)
        bad_read = 1;
    if (!bad_read && size >= 12) {
        unsigned ntables = (unsigned)buf[4] << 8 | buf[5];
        size_t dir = 12 + (size_t)ntables * 16;
        if (dir > size)
            dir = size;
        if (fetch(f, buf, 12, dir - 12) != 0)
            bad_read = 1;
        for (unsigned i = 0; !bad_read && i < ntables && 12 + (size_t)(i + 1) * 16 <= size; i++) {
            const uint8_t *rec = buf + 12 + (size_t)i * 16;
            uint32_t off = be32(rec + 8), len = be32(rec + 12);
            if (off > size || len > size - off)
                continue; /* out of bounds: read_directory says so */
            if (fetch(f, buf, off, table_read_len(rec, len)) != 0)
                bad_read = 1;
        }
    }
    if (bad_read) {
        close(fd);
        f->fd = -1;
        free(buf);
        free(f->got);
        f->got = NULL;
        return hs_error(f->r, f->where, HS_CODE_FONT, "%s: cannot read font file", f->path);
    }
    *out = buf;
    f->data = buf;
    f->size = size;
    return 0;
}

/* The offset table and table directory: every table must lie inside the file. */
static int
read_directory(sfnt *f)
{
    if (f->size < 12)
        return bad(f, "not a TrueType font (file too short)");
    uint32_t version = be32(f->data);
    if (version == 0x74746366u) /* 'ttcf' */
        return bad(f, "is a font collection (.ttc); give one .ttf file");
    if (version == 0x4F54544Fu) /* 'OTTO' */
        return bad(f, "has CFF outlines; libharu 2.3.0 embeds only TrueType (glyf) outlines");
    if (version != 0x00010000u && version != 0x74727565u) /* 'true' */
        return bad(f, "not a TrueType font (bad sfnt version)");
    unsigned ntables = be16(f->data + 4);
    if (12 + (size_t)ntables * 16 > f->size)
        return bad(f, "truncated table directory");
    static const struct {
        const char *tag;
        size_t off;
    } want[] = {
        {"head", offsetof(sfnt, head)}, {"hhea", offsetof(sfnt, hhea)},
        {"maxp", offsetof(sfnt, maxp)}, {"hmtx", offsetof(sfnt, hmtx)},
        {"cmap", offsetof(sfnt, cmap)}, {"OS/2", offsetof(sfnt, os2)},
        {"post", offsetof(sfnt, post)}, {"loca", offsetof(sfnt, loca)},
        {"glyf", offsetof(sfnt, glyf)}, {"name", offsetof(sfnt, name)},
    };
    for (unsigned i = 0; i < ntables; i++) {
        const uint8_t *rec = f->data + 12 + (size_t)i * 16;
        uint32_t off = be32(rec + 8), len = be32(rec + 12);
        if (off > f->size || len > f->size - off) {
            char tag[5] = {0};
            for (int k = 0; k < 4; k++)
                tag[k] = rec[k] >= 0x20 && rec[k] < 0x7F ? (char)rec[k] : '?';
            return bad(f, "table '%s' lies outside the file (truncated or corrupt)", tag);
        }
        for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
            if (memcmp(rec, want[k].tag, 4) == 0) {
                span *s = (span *)((char *)f + want[k].off);
                s->p = f->data + off;
                s->n = len;
            }
        }
    }
    /* libharu 2.3.0 fails without any of these (post is ours alone, and optional). */
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        const span *s = (const span *)((const char *)f + want[k].off);
        if (s->p == NULL && strcmp(want[k].tag, "post") != 0)
            return bad(f, "has no '%s' table", want[k].tag);
    }
    return 0;
}

static int
read_head_maxp_hhea(sfnt *f)
{
    if (f->head.n < 54)
        return bad(f, "'head' table too short");
    if (be32(f->head.p + 12) != 0x5F0F3CF5u)
        return bad(f, "'head' table has a bad magic number");
    f->upem = be16(f->head.p + 18);
    if (f->upem < 16 || f->upem > 16384)
        return bad(f, "unitsPerEm outside 16..16384");
    int ilf = bes16(f->head.p + 50);
    if (ilf != 0 && ilf != 1)
        return bad(f, "bad indexToLocFormat in 'head'");
    f->loca_long = ilf;

    if (f->maxp.n < 6)
        return bad(f, "'maxp' table too short");
    f->num_glyphs = be16(f->maxp.p + 4);
    if (f->num_glyphs == 0)
        return bad(f, "font has no glyphs");

    if (f->hhea.n < 36)
        return bad(f, "'hhea' table too short");
    f->num_hmetrics = be16(f->hhea.p + 34);
    /* More metrics than glyphs overflows libharu's h_metric array. */
    if (f->num_hmetrics == 0 || f->num_hmetrics > f->num_glyphs)
        return bad(f, "numberOfHMetrics in 'hhea' is 0 or more than the glyph count");
    size_t need = (size_t)f->num_hmetrics * 4 + (size_t)(f->num_glyphs - f->num_hmetrics) * 2;
    if (f->hmtx.n < need)
        return bad(f, "'hmtx' table too short for the glyph count");
    return 0;
}

/* Fills the face's map from a format 4 subtable the way HPDF_TTFontDef_GetGlyphid
 * looks a code point up: the FIRST segment whose endCode >= c owns c, and c
 * maps only if startCode <= c. Walking segments with the running maximum of
 * earlier endCodes gives the same answer in one pass, even for unsorted or
 * overlapping segments. */
/* The code point -> glyph map, by blocks of 256 code points, a block
 * allocated only where the font maps something: a dense 64 K table per face
 * cost a fault per page at start-up, for every face of every family. */
static void
set_gid(hs_face *face, unsigned c, uint16_t g)
{
    uint16_t **b = &face->gid_block[c >> 8];
    if (*b == NULL) {
        if (g == 0)
            return;
        *b = calloc(256, sizeof **b);
        if (*b == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    (*b)[c & 0xFF] = g;
}

static unsigned
gid_of(const hs_face *face, uint32_t cp)
{
    const uint16_t *b = cp <= 0xFFFF ? face->gid_block[cp >> 8] : NULL;
    return b != NULL ? b[cp & 0xFF] : 0;
}

/* The format 4 subtable's shape: NULL-free checks only, the map is read
 * from it later (cmap4_map). */
static int
check_cmap4(sfnt *f, const uint8_t *t, size_t avail)
{
    if (avail < 14)
        return bad(f, "cmap format 4 subtable is truncated");
    size_t len = be16(t + 2);
    unsigned segx2 = be16(t + 6);
    if (len > avail || len < 16 || segx2 == 0 || segx2 % 2 != 0)
        return bad(f, "cmap format 4 subtable has a bad length or segment count");
    size_t seg = segx2 / 2;
    if (16 + seg * 8 > len)
        return bad(f, "cmap format 4 segments run past the subtable");
    f->cmap4 = t;
    f->cmap4_seg = seg;
    f->cmap4_nglyphs = (len - (16 + seg * 8)) / 2;
    return 0;
}

/* The glyph of code point c in segment i, which owns it; 0: none. */
static unsigned
cmap4_glyph(const sfnt *f, size_t i, long c)
{
    const uint8_t *t = f->cmap4;
    size_t seg = f->cmap4_seg;
    long s = (long)be16(t + 16 + seg * 2 + 2 * i);
    unsigned d = be16(t + 16 + seg * 4 + 2 * i), r = be16(t + 16 + seg * 6 + 2 * i);
    unsigned g;
    if (r == 0) {
        g = ((unsigned)c + d) & 0xFFFF;
    } else {
        long idx = (long)(r / 2) + (c - s) - (long)(seg - i);
        if (idx < 0 || (size_t)idx >= f->cmap4_nglyphs)
            return 0;
        g = be16(t + 16 + seg * 8 + 2 * (size_t)idx);
        if (g != 0) /* 0 is "missing" in the subarray (OpenType spec) */
            g = (g + d) & 0xFFFF;
    }
    return g < f->num_glyphs ? g : 0;
}

/* The whole map into the face, by segments in the table's order. */
static void
cmap4_map(const sfnt *f, hs_face *face)
{
    long lo = -1; /* code points <= lo belong to earlier segments */
    for (size_t i = 0; i < f->cmap4_seg; i++) {
        long e = (long)be16(f->cmap4 + 14 + 2 * i),
             s = (long)be16(f->cmap4 + 16 + f->cmap4_seg * 2 + 2 * i);
        for (long c = s > lo + 1 ? s : lo + 1; c <= e; c++)
            set_gid(face, (unsigned)c, (uint16_t)cmap4_glyph(f, i, c));
        if (e > lo)
            lo = e;
    }
}

/* One code point's glyph, as cmap4_map maps it: the first segment whose
 * endCode >= c owns c (the earlier ones all end below it). */
static unsigned
cmap4_lookup(const sfnt *f, long c)
{
    for (size_t i = 0; i < f->cmap4_seg; i++)
        if ((long)be16(f->cmap4 + 14 + 2 * i) >= c)
            return (long)be16(f->cmap4 + 16 + f->cmap4_seg * 2 + 2 * i) <= c ? cmap4_glyph(f, i, c)
                                                                             : 0;
    return 0;
}

/* libharu 2.3.0 reads only the first (3,1) subtable that has format 4 and
 * draws with the glyph ids it gives; other subtables (format 12 included)
 * would name glyphs libharu does not draw, so they are not consulted. */
static int
read_cmap(sfnt *f)
{
    span c = f->cmap;
    if (c.n < 4 || be16(c.p) != 0)
        return bad(f, "'cmap' table too short or of an unknown version");
    unsigned n = be16(c.p + 2);
    if (4 + (size_t)n * 8 > c.n)
        return bad(f, "'cmap' encoding records run past the table");
    for (unsigned i = 0; i < n; i++) {
        const uint8_t *rec = c.p + 4 + (size_t)i * 8;
        uint32_t off = be32(rec + 4);
        if (be16(rec) != 3 || be16(rec + 2) != 1)
            continue;
        if (off > c.n || c.n - off < 2)
            return bad(f, "'cmap' subtable lies outside the table");
        if (be16(c.p + off) == 4)
            return check_cmap4(f, c.p + off, c.n - off);
    }
    return bad(f, "has no Windows Unicode BMP cmap (platform 3, encoding 1, format 4), "
                  "the only one libharu 2.3.0 reads");
}

/* Top of the glyph's bounding box, from glyf via loca (their bytes read
 * here: at load they are not); -1 when unknown. */
static int
glyph_ymax(sfnt *f, unsigned g)
{
    size_t at, next, esize = f->loca_long ? 4 : 2;
    if ((size_t)(g + 2) * esize > f->loca.n)
        return -1;
    size_t loca_at = (size_t)(f->loca.p - f->data) + (size_t)g * esize;
    if (fetch(f, (uint8_t *)f->data, loca_at, 2 * esize) != 0)
        return -1;
    if (f->loca_long) {
        at = be32(f->loca.p + (size_t)g * 4);
        next = be32(f->loca.p + (size_t)(g + 1) * 4);
    } else {
        at = (size_t)be16(f->loca.p + (size_t)g * 2) * 2;
        next = (size_t)be16(f->loca.p + (size_t)(g + 1) * 2) * 2;
    }
    if (next <= at || at > f->glyf.n || f->glyf.n - at < 10)
        return -1;
    size_t file_at = (size_t)(f->glyf.p - f->data) + at;
    if (fetch(f, (uint8_t *)f->data, file_at, 10) != 0)
        return -1;
    return bes16(f->glyf.p + at + 8);
}

static int
read_metrics(sfnt *f, hs_face *face)
{
    const uint8_t *o = f->os2.p;
    if (f->os2.n < 78)
        return bad(f, "'OS/2' table too short");
    /* The same test as libharu's ParseOS2: restricted licence, no subsetting,
     * or bitmap-only embedding. libharu would refuse the file at render time. */
    if (be16(o + 8) & (0x0002 | 0x0100 | 0x0200))
        return bad(f, "its licence (OS/2 fsType) does not allow embedding a subset");

    /* Ascent and descent as libharu writes them into the FontDescriptor: hhea. */
    face->ascent = to1000(f, bes16(f->hhea.p + 4));
    face->descent = to1000(f, bes16(f->hhea.p + 6));
    face->line_gap = to1000(f, bes16(f->hhea.p + 8));
    face->typo_ascent = to1000(f, bes16(o + 68));
    face->typo_descent = to1000(f, bes16(o + 70));
    face->typo_line_gap = to1000(f, bes16(o + 72));
    face->win_ascent = to1000(f, (int)be16(o + 74));
    face->win_descent = -to1000(f, (int)be16(o + 76));

    int cap = -1;
    if (be16(o) >= 2 && f->os2.n >= 90)
        cap = bes16(o + 88);
    if (cap <= 0 && cmap4_lookup(f, 'H') != 0)
        cap = glyph_ymax(f, cmap4_lookup(f, 'H'));
    face->cap_height = cap > 0 ? to1000(f, cap) : 700;

    face->underline_pos = -100;
    face->underline_thickness = 50;
    if (f->post.n >= 12) {
        face->underline_pos = to1000(f, bes16(f->post.p + 8));
        face->underline_thickness = to1000(f, bes16(f->post.p + 10));
    }
    return 0;
}

static void
read_advances(const sfnt *f, hs_face *face)
{
    unsigned last = 0;
    for (unsigned g = 0; g < f->num_glyphs; g++) {
        if (g < f->num_hmetrics)
            last = be16(f->hmtx.p + (size_t)g * 4);
        /* HPDF_TTFontDef_GetGidWidth: (HPDF_UINT16)(advance * 1000 / upem). */
        face->adv1000[g] = (int16_t)(uint16_t)(last * 1000u / f->upem);
    }
}

/* Offset and length of glyph g inside glyf; 0 length: no outline. */
static size_t
glyph_span(const sfnt *f, unsigned g, size_t *len)
{
    size_t at, next;
    *len = 0;
    if (f->loca_long) {
        if ((size_t)(g + 2) * 4 > f->loca.n)
            return 0;
        at = be32(f->loca.p + (size_t)g * 4);
        next = be32(f->loca.p + (size_t)(g + 1) * 4);
    } else {
        if ((size_t)(g + 2) * 2 > f->loca.n)
            return 0;
        at = (size_t)be16(f->loca.p + (size_t)g * 2) * 2;
        next = (size_t)be16(f->loca.p + (size_t)(g + 1) * 2) * 2;
    }
    if (next <= at || at > f->glyf.n || next > f->glyf.n || next - at < 10)
        return 0;
    *len = next - at;
    return at;
}

/* Components of composite glyph g (at most max), or 0 for a simple or empty
 * glyph. Parsed as libharu's CheckCompositGryph parses them. */
static int
components(const sfnt *f, unsigned g, uint16_t *out, int max)
{
    size_t len, at = glyph_span(f, g, &len);
    if (len == 0 || bes16(f->glyf.p + at) != -1)
        return 0;
    const uint8_t *p = f->glyf.p + at, *end = p + len;
    p += 10;
    int n = 0;
    unsigned flags;
    do {
        if (end - p < 4)
            break;
        flags = be16(p);
        unsigned c = be16(p + 2);
        p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 64 ? 4 : flags & 128 ? 8 : 0);
        if (c > 0 && c < f->num_glyphs && n < max)
            out[n++] = (uint16_t)c;
    } while (flags & 32);
    return n;
}

/* Does glyph g draw anything: a simple glyph with contours, or a composite
 * with such a glyph among its components (to a small depth: fonts nest two
 * or three levels; a cycle would be a corrupt font). */
static int
inked(const sfnt *f, unsigned g, int depth)
{
    size_t len, at = glyph_span(f, g, &len);
    if (len == 0 || depth > 8)
        return 0;
    int contours = bes16(f->glyf.p + at);
    if (contours > 0)
        return 1;
    if (contours != -1)
        return 0;
    uint16_t c[64];
    int n = components(f, g, c, 64);
    for (int i = 0; i < n; i++)
        if (inked(f, c[i], depth + 1))
            return 1;
    return 0;
}

/* Characters whose glyph is rightly blank. */
static int
is_space_char(unsigned c)
{
    return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Every glyph below the components of g's components, once: libharu 2.3.0
 * embeds a used glyph and its direct components only, so a deeper one
 * (DejaVu's Ằ, Noto's ½) would lose parts. */
static int
nested(const sfnt *f, unsigned g, uint16_t *out, int n, int max, int depth)
{
    uint16_t c[64];
    int k = components(f, g, c, 64);
    for (int i = 0; i < k && depth < 8; i++) {
        if (depth > 0) {
            int dup = 0;
            for (int j = 0; j < n && !dup; j++)
                dup = out[j] == c[i];
            if (dup)
                continue;
            if (n == max)
                return n;
            out[n++] = c[i];
        }
        n = nested(f, c[i], out, n, max, depth + 1);
    }
    return n;
}

/* From glyf: a code point whose glyph draws nothing is dropped from the map
 * (the face does not have it: a blank is not a glyph), and each composite
 * glyph whose components are composites gets the list of the deeper glyphs,
 * for the renderer to embed too. */
static void
take_outlines(const sfnt *f, hs_face *face)
{
    for (unsigned b = 0; b < 256; b++) {
        if (face->gid_block[b] == NULL)
            continue;
        for (unsigned i = 0; i < 256; i++) {
            unsigned c = b << 8 | i, g = face->gid_block[b][i];
            if (g != 0 && !is_space_char(c) && !inked(f, g, 0))
                face->gid_block[b][i] = 0;
        }
    }
    uint32_t *at = NULL;
    uint16_t *pool = NULL;
    size_t used = 0, cap = 0;
    for (unsigned g = 0; g < f->num_glyphs; g++) {
        uint16_t deep[256];
        int n = nested(f, g, deep, 0, 256, 0);
        if (n == 0 && at == NULL)
            continue;
        if (at == NULL) {
            at = calloc((size_t)f->num_glyphs + 1, sizeof *at);
            if (at == NULL)
                hs_fatal_at(__FILE__, __LINE__, "out of memory");
        }
        if (used + (size_t)n > cap) {
            cap = (used + (size_t)n) * 2;
            pool = realloc(pool, cap * sizeof *pool);
            if (pool == NULL)
                hs_fatal_at(__FILE__, __LINE__, "out of memory");
        }
        at[g] = (uint32_t)used;
        memcpy(pool + used, deep, (size_t)n * sizeof *deep);
        used += (size_t)n;
        at[g + 1] = (uint32_t)used;
    }
    if (at != NULL)
        for (unsigned g = 1; g <= f->num_glyphs; g++)
            if (at[g] < at[g - 1])
                at[g] = at[g - 1];
    face->nested_at = at;
    face->nested = pool;
}

/* The file's tables the load read (at their offsets in data, zeros
 * elsewhere), kept from the load until ready_face. */
typedef struct pending {
    sfnt f;
    uint8_t *data;
} pending;

/* f's spans and cmap subtable, which point into the load's bytes, moved to
 * the same offsets in the whole file. */
static void
rebase(sfnt *f, const uint8_t *whole)
{
    span *s[] = {&f->head, &f->hhea, &f->maxp, &f->hmtx, &f->cmap,
                 &f->os2,  &f->post, &f->loca, &f->glyf, &f->name};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        if (s[i]->p != NULL)
            s[i]->p = whole + (s[i]->p - f->data);
    f->cmap4 = whole + (f->cmap4 - f->data);
    f->data = whole;
}

/* The code point map and the advances, on the face's first question, not
 * at load: an engine loads every face of every family (the fallbacks are
 * whole fonts of thousands of glyphs), and a document asks about a few; at
 * load the tables are only checked, so that a bad font is still an error
 * of the engine's start, at its line of the fonts config. Here the whole
 * file is read (an engine keeps no descriptor: -j is bounded by ulimit -n),
 * once: the face's map, advances and outlines are made from it, and the
 * renderer embeds these same bytes (hs_face_file), so that what a document
 * measures is what it embeds. The bytes the load read must be the same in
 * it (the metrics of the face were read from them): a file edited since,
 * whatever its dates say (cp -p, touch -d), stops the process, saying so
 * (a batch worker's document is reported by the batch), as an I/O error
 * does; a file only touched or copied over with the same bytes does not.
 * A cache, written once through a const face. */
static void
make_ready(const hs_face *cf)
{
    hs_face *face = (hs_face *)cf;
    pending *p = face->pending;
    face->pending = NULL;
    struct stat st;
    int fd = open(face->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0)
        hs_fatal_at(__FILE__, __LINE__, "%s: cannot open the font file again: %s", face->path,
                    strerror(errno));
    size_t size = p->f.size;
    if ((uintmax_t)st.st_size != size)
        hs_fatal_at(__FILE__, __LINE__, "%s: the font file changed since hoso read it", face->path);
    uint8_t *whole = malloc(size ? size : 1);
    if (whole == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    errno = 0;
    if (read_at(fd, whole, 0, size) != 0)
        hs_fatal_at(__FILE__, __LINE__, "%s: cannot read the font file: %s", face->path,
                    errno ? strerror(errno) : "it got shorter while read");
    close(fd);
    for (size_t i = 0; i < p->f.ngot; i++)
        if (memcmp(whole + p->f.got[i].off, p->data + p->f.got[i].off, p->f.got[i].n) != 0)
            hs_fatal_at(__FILE__, __LINE__, "%s: the font file changed since hoso read it",
                        face->path);
    rebase(&p->f, whole);
    free(p->data);
    free(p->f.got);
    face->file = whole;
    face->file_len = size;
    cmap4_map(&p->f, face);
    /* UTF-8 cannot carry surrogates; keep them out of coverage. */
    for (unsigned b = 0xD8; b <= 0xDF; b++) {
        free(face->gid_block[b]);
        face->gid_block[b] = NULL;
    }
    face->adv1000 = malloc((size_t)p->f.num_glyphs * sizeof *face->adv1000);
    if (face->adv1000 == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    read_advances(&p->f, face);
    take_outlines(&p->f, face);
    free(p);
}

/* Asked before every lookup (hs_face_has of each character): the test
 * inlined, the work a call. */
static inline void
ready_face(const hs_face *f)
{
    if (f->pending != NULL)
        make_ready(f);
}

static char *
xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(d, s, n);
    return d;
}

hs_face *
hs_face_load(const char *path, const char *family, hs_face_style style, hs_report *r, hs_loc where)
{
    sfnt f = {.path = path, .r = r, .where = where};
    uint8_t *data = NULL;
    if (read_file(&f, &data) != 0)
        return NULL;
    hs_face *face = calloc(1, sizeof *face);
    if (face == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    face->path = xstrdup(path);
    face->family = xstrdup(family ? family : "");
    face->style = style;
    int rc = read_directory(&f);
    if (rc == 0)
        rc = read_head_maxp_hhea(&f);
    if (rc == 0)
        rc = read_cmap(&f);
    if (rc == 0)
        rc = read_metrics(&f, face);
    if (rc == 0)
        face->num_glyphs = (int)f.num_glyphs;
    close(f.fd);
    f.fd = -1;
    if (rc != 0) {
        free(data);
        free(f.got);
        hs_face_free(face);
        return NULL;
    }
    pending *p = malloc(sizeof *p);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    *p = (pending){f, data};
    p->f.path = NULL; /* the caller's; take_outlines reports nothing */
    p->f.r = NULL;
    face->pending = p;
    return face;
}

void
hs_face_free(hs_face *f)
{
    if (f == NULL)
        return;
    free((char *)f->path);
    free((char *)f->family);
    for (int b = 0; b < 256; b++)
        free(f->gid_block[b]);
    free(f->adv1000);
    free(f->nested_at);
    free(f->nested);
    if (f->pending != NULL) {
        pending *p = f->pending;
        free(p->data);
        free(p->f.got);
        free(p);
    }
    if (f->render_res_free != NULL)
        f->render_res_free(f->render_res);
    free(f->file); /* after the renderer's resources, which read it */
    free(f);
}

const uint16_t *
hs_face_nested(const hs_face *f, unsigned gid, int *n)
{
    *n = 0;
    ready_face(f);
    if (f->nested_at == NULL || gid >= (unsigned)f->num_glyphs)
        return NULL;
    *n = (int)(f->nested_at[gid + 1] - f->nested_at[gid]);
    return f->nested + f->nested_at[gid];
}

const unsigned char *
hs_face_file(const hs_face *f, size_t *n)
{
    ready_face(f);
    *n = f->file_len;
    return f->file;
}

int
hs_face_any_nested(const hs_face *f)
{
    ready_face(f);
    return f->nested_at != NULL;
}

int
hs_face_codepoints(const hs_face *f, uint32_t first, uint32_t *out, int max)
{
    int n = 0;
    ready_face(f);
    for (uint32_t b = first >> 8; b < 256; b++) {
        const uint16_t *g = f->gid_block[b];
        if (g == NULL)
            continue;
        /* only the first block starts past its beginning */
        for (uint32_t lo = b == first >> 8 ? first & 0xFF : 0; lo < 256; lo++)
            if (g[lo] != 0) {
                if (n < max)
                    out[n] = b << 8 | lo;
                n++;
            }
    }
    return n;
}

int
hs_face_has(const hs_face *f, uint32_t cp)
{
    ready_face(f);
    return gid_of(f, cp) != 0;
}

int
hs_face_advance(const hs_face *f, uint32_t cp)
{
    ready_face(f);
    unsigned g = gid_of(f, cp);
    if (g == 0)
        return 0;
    return f->adv1000[g];
}

long
hs_face_text_width(const hs_face *f, const char *s, size_t n)
{
    long w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = hs_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            i++;
            continue;
        }
        w += hs_face_advance(f, cp);
        i += (size_t)k;
    }
    return w;
}

static void
put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void
put32(uint8_t *p, uint32_t v)
{
    put16(p, v >> 16);
    put16(p + 2, v & 0xFFFF);
}

/* The sum of a table as the sfnt directory and head's adjustment count it:
 * big-endian 32-bit words, the last one padded with zeros. */
static uint32_t
sfnt_sum(const uint8_t *p, size_t n)
{
    uint32_t s = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) /* whole words: no copy (a call of memcpy each was 4/5 of it) */
        s += be32(p + i);
    if (i < n) { /* the last, padded with zeros */
        uint8_t w[4] = {0};
        memcpy(w, p + i, n - i);
        s += be32(w);
    }
    return s;
}

/* The tables a PDF reader does not read from an embedded CIDFontType2
 * program (ISO 32000-1 9.9: glyphs are chosen by CIDToGIDMap, names and
 * code points come from the PDF's dictionaries and ToUnicode), and empty
 * ones. */
static int
not_embedded(const uint8_t *tag, uint32_t len)
{
    return len == 0 || memcmp(tag, "name", 4) == 0 || memcmp(tag, "post", 4) == 0 ||
           memcmp(tag, "cmap", 4) == 0;
}

unsigned char *
hs_sfnt_for_pdf(const unsigned char *in, size_t n, size_t *out_n)
{
    if (n < 12)
        return NULL;
    unsigned count = be16(in + 4);
    if (12 + 16 * (size_t)count > n)
        return NULL;
    unsigned keep = 0;
    size_t body = 0;
    for (unsigned i = 0; i < count; i++) {
        const uint8_t *e = in + 12 + 16 * i;
        uint32_t off = be32(e + 8), len = be32(e + 12);
        if (off > n || len > n - off)
            return NULL;
        if (!not_embedded(e, len)) {
            keep++;
            body += ((size_t)len + 3) & ~(size_t)3;
        }
    }
    size_t head_len = 12 + 16 * (size_t)keep, total = head_len + body;
    uint8_t *out = calloc(1, total);
    if (out == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(out, in, 4); /* sfnt version */
    unsigned sel = 0;
    while ((2u << sel) <= keep)
        sel++;
    put16(out + 4, keep);
    put16(out + 6, 16u << sel);
    put16(out + 8, sel);
    put16(out + 10, keep * 16 - (16u << sel));
    size_t at = head_len, head_at = 0;
    unsigned k = 0;
    for (unsigned i = 0; i < count; i++) { /* in the input's (tag) order */
        const uint8_t *e = in + 12 + 16 * i;
        uint32_t off = be32(e + 8), len = be32(e + 12);
        if (not_embedded(e, len))
            continue;
        uint8_t *d = out + 12 + 16 * k++;
        memcpy(d, e, 8); /* tag and checksum: the table is the same */
        put32(d + 8, (uint32_t)at);
        put32(d + 12, len);
        memcpy(out + at, in + off, len);
        if (memcmp(e, "head", 4) == 0 && len >= 12)
            head_at = at;
        at += ((size_t)len + 3) & ~(size_t)3;
    }
    if (head_at != 0) { /* checkSumAdjustment over the new file */
        put32(out + head_at + 8, 0);
        put32(out + head_at + 8, 0xB1B0AFBAu - sfnt_sum(out, total));
    }
    *out_n = total;
    return out;
}
