/* engine/image/png.c — PNG through libpng.
 *
 * libpng reads every colour type and bit depth (1 to 16 bits, palette,
 * grey, alpha, tRNS, interlaced), checks every CRC and the image data, and
 * with its transforms gives 8-bit grey or RGB samples, with alpha where the
 * file has an alpha channel or tRNS. Not its simplified API: in Debian 12's
 * libpng 1.6.39 that API decodes 16-bit interlaced files wrongly (libpng
 * issue 853; seen here: the arc of a 16-bit interlaced logo in shreds).
 * libpng's errors longjmp back to this file's own frame. Before it decodes,
 * the size the header claims is checked against what the file can hold and
 * against the document's memory limit. */
#include "image/image_int.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Bytes of image data in the IDAT chunks (chunk lengths only: libpng checks
 * the rest, and reports a file whose chunks cannot be walked). */
static uint64_t
idat_bytes(const unsigned char *d, size_t n)
{
    uint64_t sum = 0;
    for (size_t at = 8; n - at >= 12;) {
        uint32_t len = be32(d + at);
        if (len > n - at - 12) /* cut short: what there is of it */
            return sum + (memcmp(d + at + 4, "IDAT", 4) == 0 ? n - at - 8 : 0);
        if (memcmp(d + at + 4, "IDAT", 4) == 0)
            sum += len;
        if (memcmp(d + at + 4, "IEND", 4) == 0)
            break;
        at += 12 + (size_t)len;
    }
    return sum;
}

static const char *
describe(int color_type, int depth, char *buf, size_t size)
{
    static const char *const names[7] = {"grey", "?", "RGB", "palette", "grey+alpha", "?", "RGBA"};
    snprintf(buf, size, "%d-bit %s", depth,
             color_type >= 0 && color_type <= 6 ? names[color_type] : "?");
    return buf;
}

typedef struct perr {
    hs_img_why *why;
} perr;

static void
on_error(png_structp png, png_const_charp msg)
{
    perr *e = png_get_error_ptr(png);
    hs_image_why(e->why, "corrupt or truncated PNG (%s)", msg);
    png_longjmp(png, 1);
}

/* A warning (an unknown profile, a bad ancillary chunk) does not change the
 * pixels: libpng has skipped what it warns about. */
static void
on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

typedef struct src {
    const unsigned char *d;
    size_t n, at;
} src;

static void
read_mem(png_structp png, png_bytep out, png_size_t len)
{
    src *s = png_get_io_ptr(png);
    if (len > s->n - s->at)
        png_error(png, "the file ends too early");
    memcpy(out, s->d + s->at, len);
    s->at += len;
}

/* The decoding proper, between libpng's setjmp and its longjmp; *buf and
 * *rows are malloc'd here and freed by the caller, even after a jump. */
static int
decode(png_structp png, png_infop info, const unsigned char *d, size_t n, size_t limit,
       hs_pixels *out, unsigned char *volatile *buf, png_bytep *volatile *rows, hs_img_why *why)
{
    if (setjmp(png_jmpbuf(png)) != 0)
        return -1;
    src s = {d, n, 0};
    png_set_read_fn(png, &s, read_mem);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int depth = png_get_bit_depth(png, info), ctype = png_get_color_type(png, info);
    char what[32];
    describe(ctype, depth, what, sizeof what);
    /* Deflate expands at most 1032-fold: image data that cannot hold the
     * samples the header promises (interlaced or not, at least this many
     * bytes) is a truncated file or a lying header. */
    static const int samples[7] = {1, 0, 3, 1, 2, 0, 4};
    uint64_t bits = (uint64_t)w * (uint64_t)samples[ctype % 7] * (uint64_t)depth;
    uint64_t raw = (uint64_t)h * (bits / 8);
    uint64_t idat = idat_bytes(d, n);
    if (raw > idat * 1032 + 1032) {
        hs_image_why(why,
                     "the header says %u x %u pixels, but the file holds %llu bytes of image "
                     "data, too few for them (truncated, or a lying header)",
                     (unsigned)w, (unsigned)h, (unsigned long long)idat);
        return -1;
    }
    /* 8-bit samples of grey or RGB, alpha from an alpha channel or tRNS */
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    int channels = png_get_channels(png, info);
    if (hs_image_room((int)w, (int)h, channels, 2, limit, what, why) != 0)
        return -1;
    size_t stride = png_get_rowbytes(png, info);
    if (stride != (size_t)w * (size_t)channels) {
        hs_image_why(why, "libpng gives %zu bytes a row, not %u x %d", stride, (unsigned)w,
                     channels);
        return -1;
    }
    *buf = malloc(stride * h);
    *rows = malloc(sizeof(png_bytep) * h);
    if (*buf == NULL || *rows == NULL) {
        hs_image_why(why, "out of memory for %u x %u pixels", (unsigned)w, (unsigned)h);
        return -1;
    }
    for (png_uint_32 y = 0; y < h; y++)
        (*rows)[y] = *buf + stride * y;
    png_read_image(png, *rows);
    png_read_end(png, NULL);
    out->width = (int)w;
    out->height = (int)h;
    out->space = channels >= 3 ? HS_IMAGE_RGB : HS_IMAGE_GRAY;
    return channels;
}

int
hs_image_png(const unsigned char *d, size_t n, size_t limit, hs_pixels *out, hs_img_why *why)
{
    memset(out, 0, sizeof *out);
    perr e = {why};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &e, on_error, on_warning);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        hs_image_why(why, "out of memory");
        return -1;
    }
    unsigned char *volatile buf = NULL;
    png_bytep *volatile rows = NULL;
    int channels = decode(png, info, d, n, limit, out, &buf, &rows, why);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    if (channels < 0) {
        free(buf);
        memset(out, 0, sizeof *out);
        return -1;
    }
    out->color = buf;
    if (channels == 2 || channels == 4) {
        /* Split the interleaved alpha off, in place for the colour; an alpha
         * that is opaque everywhere is no alpha (no SMask). */
        size_t px = (size_t)out->width * (size_t)out->height;
        int c = channels - 1;
        unsigned char *a = malloc(px);
        if (a == NULL) {
            free(buf);
            hs_image_why(why, "out of memory");
            return -1;
        }
        /* byte by byte, the colour moving down (never past what is still to
         * read): a memmove call a pixel cost four times as much */
        unsigned char *to = buf, all = 255;
        const unsigned char *from = buf;
        if (c == 3)
            for (size_t i = 0; i < px; i++, from += 4, to += 3) {
                unsigned char r = from[0], g = from[1], b = from[2], v = from[3];
                to[0] = r;
                to[1] = g;
                to[2] = b;
                a[i] = v;
                all &= v;
            }
        else
            for (size_t i = 0; i < px; i++, from += 2) {
                unsigned char y = from[0], v = from[1];
                to[i] = y;
                a[i] = v;
                all &= v;
            }
        int opaque = all == 255;
        if (opaque) {
            free(a);
            a = NULL;
        }
        out->alpha = a;
    }
    return 0;
}
