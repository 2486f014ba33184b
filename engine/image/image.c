/* engine/image/image.c — image files: reading, limits, compression, and the
 * process's cache of compressed images. */
#include "image/image_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include <jpeglib.h>
#include <png.h>

#include "cache/cache.h"

/* Images larger than this are not logos or signatures but mistakes. */
#define MAX_IMAGE_BYTES ((size_t)32 << 20)
/* And so are pictures of more pixels (a 300 dpi A4 page is 8.7 Mpx). */
#define MAX_PIXELS 100000000.0

/* An image decoded from the bytes of its file that a document read. A
 * document reads the file at its first use of it (its layout), and its
 * later uses (its render, another page's header) take that decoding
 * unread; the next document reads the file again and reuses the decoding
 * only when the bytes are the same (their hash): the file's dates and inode
 * do not tell (cp -p, touch -d, a restored backup, an edit within one tick
 * of the clock). */
typedef struct entry {
    char *path;
    unsigned char hash[16]; /* XXH3-128 of the file's bytes decoded */
    unsigned long doc;      /* the document that read them (hs_inputs_document), 0: none */
    size_t need;            /* bytes its decoding needed, for a later document's limit */
    hs_image img;
    unsigned char *color_z, *alpha_z;
    struct entry *next;
} entry;

static entry *cache;

void
hs_image_why(hs_img_why *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why->msg, sizeof why->msg, fmt, ap);
    va_end(ap);
}

static double
need_bytes(int w, int h, int channels, int copies)
{
    double px = (double)w * (double)h * channels;
    /* the full-size buffers, and the compressed copy (at worst a little more
     * than the samples: zlib's compressBound) */
    return px * copies + px * 1.001 + 4096;
}

int
hs_image_room(int w, int h, int channels, int copies, size_t limit, const char *what,
              hs_img_why *why)
{
    if (w <= 0 || h <= 0) {
        hs_image_why(why, "the header says the image is empty (%d x %d pixels)", w, h);
        return -1;
    }
    if ((double)w * h > MAX_PIXELS) {
        hs_image_why(why, "%d x %d pixels is more than the %.0f million an image may have", w, h,
                     MAX_PIXELS / 1e6);
        return -1;
    }
    double need = need_bytes(w, h, channels, copies);
    if (limit != 0 && need > (double)limit) {
        hs_image_why(why,
                     "decoding its %d x %d pixels (%s) needs %.0f MiB, more than the "
                     "document's memory limit of %zu MiB",
                     w, h, what, need / (1 << 20) + 0.5, limit >> 20);
        return -1;
    }
    why->room = (struct hs_img_room){w, h, channels, copies, 1, {0}};
    snprintf(why->room.what, sizeof why->room.what, "%s", what);
    return 0;
}

/* zlib stream of n bytes; NULL when out of memory. strategy: zlib's
 * Z_DEFAULT_STRATEGY, or Z_RLE for samples of one byte a pixel (alpha, and
 * palette indices), whose runs are most of what repeats: as small or
 * smaller, and a fraction of the time (measured on the sample logo). */
static unsigned char *
deflate_all(const unsigned char *p, size_t n, int strategy, size_t *out_n)
{
    uLong cap = compressBound((uLong)n);
    unsigned char *z = malloc(cap ? cap : 1);
    z_stream zs = {.zalloc = hs_zlib_alloc, .zfree = hs_zlib_free};
    if (z == NULL ||
        deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15, 8, strategy) != Z_OK) {
        free(z);
        return NULL;
    }
    zs.next_in = (Bytef *)p;
    zs.avail_in = (uInt)n;
    zs.next_out = z;
    zs.avail_out = (uInt)cap;
    int rc = deflate(&zs, Z_FINISH);
    *out_n = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) {
        free(z);
        return NULL;
    }
    return z;
}

/* An RGB image of at most 256 colours (logos, stamps, drawn signatures) as
 * the indices of a palette (/Indexed): a third of the samples to compress,
 * runs of one byte, the same pixels. The palette in the order the colours
 * first appear; 0 when there are more colours (then *idx is NULL). */
static int
palette_of(const unsigned char *rgb, size_t np, unsigned char pal[768], unsigned char **idx)
{
    /* an open-addressed set of the colours seen: 1024 slots for 256 */
    uint32_t slot_rgb[1024];
    short slot_ix[1024];
    memset(slot_ix, -1, sizeof slot_ix);
    unsigned char *out = malloc(np ? np : 1);
    if (out == NULL) {
        *idx = NULL;
        return 0;
    }
    int n = 0;
    uint32_t last = 0xFFFFFFFFu;
    int last_ix = 0;
    for (size_t i = 0; i < np; i++) {
        const unsigned char *c = rgb + 3 * i;
        uint32_t v = (uint32_t)c[0] << 16 | (uint32_t)c[1] << 8 | c[2];
        if (v != last) {
            unsigned h = (v * 2654435761u) >> 22;
            while (slot_ix[h] >= 0 && slot_rgb[h] != v)
                h = (h + 1) & 1023;
            if (slot_ix[h] < 0) {
                if (n == 256) {
                    free(out);
                    *idx = NULL;
                    return 0;
                }
                slot_rgb[h] = v;
                slot_ix[h] = (short)n;
                memcpy(pal + 3 * n, c, 3);
                n++;
            }
            last = v;
            last_ix = slot_ix[h];
        }
        out[i] = (unsigned char)last_ix;
    }
    *idx = out;
    return n;
}

static void
free_entry(entry *e)
{
    free(e->path);
    free(e->color_z);
    free(e->alpha_z);
    free(e);
}

void
hs_image_cleanup(void)
{
    while (cache != NULL) {
        entry *e = cache;
        cache = e->next;
        free_entry(e);
    }
}

/* The whole file, malloc'd; NULL with why set. */
static unsigned char *
read_whole(const char *path, size_t *n, hs_img_why *why)
{
    const char *open_why;
    FILE *fp = hs_fopen_regular(path, &open_why); /* a FIFO or a folder is refused unread */
    if (fp == NULL) {
        hs_image_why(why, "%s", open_why);
        return NULL;
    }
    unsigned char *d = NULL;
    struct stat st;
    if (fstat(fileno(fp), &st) != 0)
        hs_image_why(why, "cannot read the image: %s", strerror(errno));
    else if ((uintmax_t)st.st_size > MAX_IMAGE_BYTES)
        hs_image_why(why, "the image file is larger than %zu MiB", MAX_IMAGE_BYTES >> 20);
    else if ((d = malloc((size_t)st.st_size + 1)) == NULL)
        hs_image_why(why, "out of memory");
    else if ((*n = fread(d, 1, (size_t)st.st_size, fp)) != (size_t)st.st_size || ferror(fp)) {
        hs_image_why(why, "cannot read the image: %s", ferror(fp) ? strerror(errno) : "short read");
        free(d);
        d = NULL;
    }
    fclose(fp);
    if (d != NULL) /* what a batch's report says the document was made from */
        hs_inputs_read(path, d, *n);
    return d;
}

typedef hs_img_stored stored;

/* Whether an entry's image is one decode_file can have made, every field
 * that is read back checked (a field out of range is read past an array
 * by the render, render/ready.c's palette): its dimensions those its room
 * check passed, its need theirs, its lengths its parts', a JPEG embedded as
 * it is (the file itself, not stored twice) the file's length. */
static int
stored_ok(const stored *m, size_t n, const hs_cache_part p[3])
{
    const hs_image *im = &m->img;
    const struct hs_img_room *r = &m->room;
    int alpha = p[2].n != 0;
    return r->set == 1 && memchr(r->what, '\0', sizeof r->what) != NULL && r->w > 0 && r->h > 0 &&
           (double)r->w * r->h <= MAX_PIXELS && r->channels >= 1 && r->channels <= 8 &&
           r->copies >= 1 && r->copies <= 2 && im->width > 0 && im->height > 0 &&
           (double)im->width * im->height <= MAX_PIXELS &&
           (im->space == HS_IMAGE_GRAY || im->space == HS_IMAGE_RGB ||
            im->space == HS_IMAGE_CMYK) &&
           (im->cmyk_inverted == 0 || (im->cmyk_inverted == 1 && im->space == HS_IMAGE_CMYK)) &&
           (im->dct == 0 || (im->dct == 1 && !alpha)) &&
           (long long)im->width * im->height == (long long)r->w * r->h && im->palette_n >= 0 &&
           im->palette_n <= 256 &&
           (im->palette_n == 0 || (im->space == HS_IMAGE_RGB && !im->dct)) &&
           (im->dct ? p[1].n == 0 && im->color_z_len == n
                    : p[1].n > 0 && im->color_z_len == p[1].n) &&
           im->alpha_z_len == p[2].n &&
           m->need == (size_t)need_bytes(im->width, im->height, (int)im->space + alpha, 2);
}

/* The image of file bytes d (n of them) from the on-disk cache, into a new
 * entry; NULL on a miss, or with why set when this document's limit is too
 * small for it (the message decoding it would give). */
static entry *
load_cached(const hs_cache_key *key, const unsigned char *d, size_t n, size_t limit,
            hs_img_why *why, int *refused)
{
    hs_cache_part p[3];
    void *block = hs_cache_get(key, p, 3);
    if (block == NULL)
        return NULL;
    stored m;
    if (p[0].n != sizeof m) {
        free(block);
        return NULL;
    }
    memcpy(&m, p[0].p, sizeof m);
    if (!stored_ok(&m, n, p)) {
        free(block);
        return NULL;
    }
    if (hs_image_room(m.room.w, m.room.h, m.room.channels, m.room.copies, limit, m.room.what,
                      why) != 0) {
        free(block);
        *refused = 1;
        return NULL;
    }
    entry *e = calloc(1, sizeof *e);
    if (e == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    e->img = m.img;
    e->img.color_z = e->img.alpha_z = NULL; /* the bytes read, not the writer's pointers */
    e->need = m.need;
    e->color_z = malloc(m.img.dct ? n : p[1].n ? p[1].n : 1);
    e->alpha_z = p[2].n ? malloc(p[2].n) : NULL;
    if (e->color_z == NULL || (p[2].n && e->alpha_z == NULL))
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(e->color_z, m.img.dct ? d : p[1].p, m.img.dct ? n : p[1].n);
    e->img.color_z_len = m.img.dct ? n : p[1].n;
    if (p[2].n)
        memcpy(e->alpha_z, p[2].p, p[2].n);
    e->img.alpha_z_len = p[2].n;
    free(block);
    return e;
}

/* The decoded and compressed image into the on-disk cache. */
static void
store(const hs_cache_key *key, const entry *e, const hs_img_why *why)
{
    stored m;
    memset(&m, 0, sizeof m); /* padding too: the entry's bytes are all defined */
    m.img = e->img;
    m.img.color_z = m.img.alpha_z = NULL;
    m.need = e->need;
    m.room = why->room;
    hs_cache_part p[3] = {{&m, sizeof m},
                          {e->color_z, e->img.dct ? 0 : e->img.color_z_len},
                          {e->alpha_z, e->alpha_z != NULL ? e->img.alpha_z_len : 0}};
    hs_cache_put(key, p, 3);
}

/* The image's key in the on-disk cache: its file's bytes decide it, and
 * the libraries loaded that decode it (libpng for a PNG; libjpeg and
 * libexif for a JPEG, which opens them) and deflate it (zlib). A file of
 * neither kind is not cached (decoding it is an error). */
static int
image_key(const unsigned char *d, size_t n, hs_cache_key *key)
{
    hs_cache_keyer k;
    int png = n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0;
    int jpeg = n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
    if ((!png && !jpeg) || hs_cache_key_begin(&k, "image") != 0)
        return -1;
    hs_cache_key_lib(&k, (void (*)(void))zlibVersion);
    if (png)
        hs_cache_key_lib(&k, (void (*)(void))png_get_libpng_ver);
    else if (hs_image_jpeg_key(&k) != 0) {
        hs_cache_key_end(&k, key);
        return -1;
    }
    hs_cache_key_add(&k, d, n);
    return hs_cache_key_end(&k, key);
}

/* Decodes and compresses the file's bytes d (n of them, taken) into a new
 * entry; NULL with why set. */
static entry *
decode_file(unsigned char *d, size_t n, size_t limit, hs_img_why *why)
{
    hs_pixels px;
    int rc;
    if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
        rc = hs_image_png(d, n, limit, &px, why);
    else if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
        rc = hs_image_jpeg(d, n, limit, &px, why);
    else {
        if (n == 0)
            hs_image_why(why, "the image file is empty");
        else
            hs_image_why(why, "not a PNG or JPEG image (its first bytes say neither)");
        rc = -1;
    }
    if (rc != 0) {
        free(d);
        return NULL;
    }
    entry *e = calloc(1, sizeof *e);
    size_t np = (size_t)px.width * (size_t)px.height;
    if (e != NULL && px.as_stored) {
        e->color_z = d; /* the JPEG, checked whole by decoding it */
        e->img.color_z_len = n;
        e->img.dct = 1;
        d = NULL;
    } else if (e != NULL) {
        unsigned char *idx = NULL;
        if (px.space == HS_IMAGE_RGB)
            e->img.palette_n = palette_of(px.color, np, e->img.palette, &idx);
        if (idx != NULL)
            e->color_z = deflate_all(idx, np, Z_RLE, &e->img.color_z_len);
        else
            e->color_z = deflate_all(px.color, np * (size_t)px.space, Z_DEFAULT_STRATEGY,
                                     &e->img.color_z_len);
        free(idx);
    }
    free(d);
    if (e != NULL && px.alpha != NULL)
        e->alpha_z = deflate_all(px.alpha, np, Z_RLE, &e->img.alpha_z_len);
    free(px.color);
    free(px.alpha);
    if (e == NULL || e->color_z == NULL || (px.alpha != NULL && e->alpha_z == NULL)) {
        if (e != NULL)
            free_entry(e);
        hs_image_why(why, "out of memory");
        return NULL;
    }
    e->need = (size_t)need_bytes(px.width, px.height, (int)px.space + (px.alpha != NULL), 2);
    e->img.width = px.width;
    e->img.height = px.height;
    e->img.space = px.space;
    e->img.cmyk_inverted = px.cmyk_inverted;
    return e;
}

/* Decodes and compresses the file's bytes d (n of them, taken) into a new
 * entry (from the on-disk cache when an earlier process did it for the same
 * bytes); NULL with why set. */
static entry *
load(unsigned char *d, size_t n, size_t limit, hs_img_why *why)
{
    hs_cache_key key;
    int keyed = n > 0 && image_key(d, n, &key) == 0, refused = 0;
    entry *e = keyed ? load_cached(&key, d, n, limit, why, &refused) : NULL;
    if (e != NULL || refused)
        free(d);
    else if ((e = decode_file(d, n, limit, why)) != NULL && keyed && why->room.set)
        store(&key, e, why);
    if (e == NULL)
        return NULL;
    e->img.color_z = e->color_z;
    e->img.alpha_z = e->alpha_z;
    return e;
}

/* The image decoded before (for an earlier use in this document, or an
 * earlier document from the same bytes), when this document's limit allows
 * it; NULL after reporting. */
static const hs_image *
reuse(entry *e, unsigned long doc, size_t memory_limit, hs_report *r, hs_loc loc)
{
    if (memory_limit != 0 && e->need > memory_limit) {
        hs_error(r, loc, HS_CODE_IMAGE,
                 "%s: decoding it needs %zu MiB, more than the document's memory "
                 "limit of %zu MiB",
                 e->path, (e->need >> 20) + 1, memory_limit >> 20);
        return NULL;
    }
    e->doc = doc;
    return &e->img;
}

const hs_image *
hs_image_get(const char *path, size_t memory_limit, hs_report *r, hs_loc loc)
{
    hs_inputs_note(path); /* the document depends on the image's file, cached or not */
    unsigned long doc = hs_inputs_document();
    entry **at = &cache;
    while (*at != NULL && strcmp((*at)->path, path) != 0)
        at = &(*at)->next;
    if (*at != NULL && doc != 0 && (*at)->doc == doc) /* read by this document already */
        return reuse(*at, doc, memory_limit, r, loc);
    hs_img_why why = {{0}, {0, 0, 0, 0, 0, {0}}};
    size_t n = 0;
    unsigned char *d = read_whole(path, &n, &why), hash[16];
    if (d == NULL) {
        hs_error(r, loc, HS_CODE_IMAGE, "%s: %s", path, why.msg);
        return NULL;
    }
    hs_cache_hash(d, n, hash);
    if (*at != NULL && memcmp((*at)->hash, hash, sizeof hash) == 0) { /* the bytes decoded */
        free(d);
        return reuse(*at, doc, memory_limit, r, loc);
    }
    if (*at != NULL) { /* other bytes now: no document uses the old ones */
        entry *old = *at;
        *at = old->next;
        free_entry(old);
    }
    entry *e = load(d, n, memory_limit, &why);
    if (e == NULL) {
        hs_error(r, loc, HS_CODE_IMAGE, "%s: %s", path, why.msg);
        return NULL;
    }
    if ((e->path = strdup(path)) == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(e->hash, hash, sizeof hash);
    e->doc = doc;
    e->next = cache;
    cache = e;
    return &e->img;
}
