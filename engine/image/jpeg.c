/* engine/image/jpeg.c — JPEG through libjpeg, the EXIF orientation through
 * libexif.
 *
 * libjpeg reports errors by calling error_exit, which must not return: it
 * longjmps back to hs_image_jpeg's own frame (no other library's frames lie
 * between). Its warnings about corrupt data (a truncated scan it would pad
 * with grey) are errors here: a picture partly made up is not the picture.
 * Grey, RGB/YCbCr and CMYK/YCCK files come out as DeviceGray, DeviceRGB and
 * DeviceCMYK samples; Adobe's inverted CMYK is flagged for a /Decode array.
 * Both libraries are opened on the first JPEG (base/lib.c), not linked:
 * most documents have none. */
#include "image/image_int.h"

#include "cache/cache.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jerror.h>
#include <jpeglib.h>
#include <libexif/exif-data.h>

#if !defined HS_JPEG_SONAME || !defined HS_EXIF_SONAME
#error                                                                                             \
    "HS_JPEG_SONAME, HS_EXIF_SONAME: the Makefile reads them from the libraries it compiles against"
#endif
_Static_assert(sizeof HS_JPEG_SONAME > 1,
               "HS_JPEG_SONAME is empty: the Makefile could not read the library's soname");
_Static_assert(sizeof HS_EXIF_SONAME > 1,
               "HS_EXIF_SONAME is empty: the Makefile could not read the library's soname");

/* the functions of libjpeg and libexif, of the types their headers declare */
#define JPEG_FNS(X, T)                                                                             \
    X(T, std_error, jpeg_std_error)                                                                \
    X(T, create_decompress, jpeg_CreateDecompress)                                                 \
    X(T, destroy_decompress, jpeg_destroy_decompress)                                              \
    X(T, mem_src, jpeg_mem_src)                                                                    \
    X(T, save_markers, jpeg_save_markers)                                                          \
    X(T, read_header, jpeg_read_header)                                                            \
    X(T, start_decompress, jpeg_start_decompress)                                                  \
    X(T, read_scanlines, jpeg_read_scanlines)                                                      \
    X(T, finish_decompress, jpeg_finish_decompress)
#define EXIF_FNS(X, T)                                                                             \
    X(T, new_from_data, exif_data_new_from_data)                                                   \
    X(T, content_get_entry, exif_content_get_entry)                                                \
    X(T, byte_order, exif_data_get_byte_order)                                                     \
    X(T, get_short, exif_get_short)                                                                \
    X(T, unref, exif_data_unref)
HS_LIB_TABLE(jpeg_fns, jl, jpeg_lib, HS_JPEG_SONAME, JPEG_FNS);
HS_LIB_TABLE(exif_fns, el, exif_lib, HS_EXIF_SONAME, EXIF_FNS);

/* exif_data_get_entry's search (a macro of libexif's header) through the table */
static ExifEntry *
exif_entry(ExifData *d, ExifTag t)
{
    for (int i = 0; i < EXIF_IFD_COUNT; i++) {
        ExifEntry *e = el.content_get_entry(d->ifd[i], t);
        if (e != NULL)
            return e;
    }
    return NULL;
}

typedef struct jerr {
    struct jpeg_error_mgr mgr;
    jmp_buf escape;
    hs_img_why *why;
} jerr;

static void
on_error(j_common_ptr cinfo)
{
    jerr *e = (jerr *)cinfo->err;
    char msg[JMSG_LENGTH_MAX];
    cinfo->err->format_message(cinfo, msg);
    hs_image_why(e->why, "corrupt or truncated JPEG (%s)", msg);
    longjmp(e->escape, 1);
}

static void
on_message(j_common_ptr cinfo, int level)
{
    if (level < 0) /* a warning: the data is corrupt or ends too early */
        on_error(cinfo);
}

/* EXIF orientation 1..8 (1: upright, also when there is none). */
static int
orientation(j_decompress_ptr cinfo)
{
    for (jpeg_saved_marker_ptr m = cinfo->marker_list; m != NULL; m = m->next) {
        if (m->marker != JPEG_APP0 + 1 || m->data_length < 6 || memcmp(m->data, "Exif\0\0", 6))
            continue;
        ExifData *ed = el.new_from_data(m->data, m->data_length);
        if (ed == NULL)
            return 1;
        ExifEntry *en = exif_entry(ed, EXIF_TAG_ORIENTATION);
        int o = 1;
        if (en != NULL && en->format == EXIF_FORMAT_SHORT && en->components == 1)
            o = el.get_short(en->data, el.byte_order(ed));
        el.unref(ed);
        return o >= 1 && o <= 8 ? o : 1;
    }
    return 1;
}

/* The upright copy of w x h pixels of c bytes stored in EXIF orientation o. */
static unsigned char *
upright(const unsigned char *src, int w, int h, int c, int o, int *ow, int *oh)
{
    int swap = o >= 5;
    int W = swap ? h : w, H = swap ? w : h;
    unsigned char *dst = malloc((size_t)W * (size_t)H * (size_t)c);
    if (dst == NULL)
        return NULL;
    for (int dy = 0; dy < H; dy++)
        for (int dx = 0; dx < W; dx++) {
            int sx, sy;
            switch (o) {
            case 2:
                sx = w - 1 - dx, sy = dy;
                break;
            case 3:
                sx = w - 1 - dx, sy = h - 1 - dy;
                break;
            case 4:
                sx = dx, sy = h - 1 - dy;
                break;
            case 5:
                sx = dy, sy = dx;
                break;
            case 6:
                sx = dy, sy = h - 1 - dx;
                break;
            case 7:
                sx = w - 1 - dy, sy = h - 1 - dx;
                break;
            case 8:
                sx = w - 1 - dy, sy = dx;
                break;
            default:
                sx = dx, sy = dy;
                break;
            }
            memcpy(dst + ((size_t)dy * (size_t)W + (size_t)dx) * (size_t)c,
                   src + ((size_t)sy * (size_t)w + (size_t)sx) * (size_t)c, (size_t)c);
        }
    *ow = W;
    *oh = H;
    return dst;
}

/* Decodes into *buf (malloc'd; freed by the caller even on a jump). */
static int
decode(struct jpeg_decompress_struct *cinfo, jerr *e, const unsigned char *d, size_t n,
       size_t limit, hs_pixels *out, unsigned char *volatile *buf, int *orient)
{
    if (setjmp(e->escape) != 0)
        return -1;
    jl.mem_src(cinfo, d, (unsigned long)n);
    jl.save_markers(cinfo, JPEG_APP0 + 1, 0xFFFF);
    jl.read_header(cinfo, TRUE);
    int c;
    const char *what;
    switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE:
        cinfo->out_color_space = JCS_GRAYSCALE, c = 1, what = "greyscale";
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        cinfo->out_color_space = JCS_CMYK, c = 4, what = "CMYK";
        break;
    default:
        cinfo->out_color_space = JCS_RGB, c = 3, what = "colour";
        break;
    }
    *orient = orientation(cinfo);
    int w = (int)cinfo->image_width, h = (int)cinfo->image_height;
    if (hs_image_room(w, h, c, *orient == 1 ? 1 : 2, limit, what, e->why) != 0)
        return -1;
    jl.start_decompress(cinfo);
    if ((int)cinfo->output_components != c)
        on_error((j_common_ptr)cinfo);
    size_t stride = (size_t)w * (size_t)c;
    *buf = malloc(stride * (size_t)h);
    if (*buf == NULL) {
        hs_image_why(e->why, "out of memory for %d x %d pixels", w, h);
        return -1;
    }
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW row = *buf + stride * cinfo->output_scanline;
        jl.read_scanlines(cinfo, &row, 1);
    }
    jl.finish_decompress(cinfo);
    out->width = w;
    out->height = h;
    out->space = c == 1 ? HS_IMAGE_GRAY : c == 3 ? HS_IMAGE_RGB : HS_IMAGE_CMYK;
    out->cmyk_inverted = c == 4 && cinfo->saw_Adobe_marker;
    return 0;
}

int
hs_image_jpeg_key(hs_cache_keyer *k)
{
    if (hs_lib_get(&jpeg_lib) != 0 || hs_lib_get(&exif_lib) != 0)
        return -1;
    hs_cache_key_lib(k, (void (*)(void))jl.read_scanlines);
    hs_cache_key_lib(k, (void (*)(void))el.new_from_data);
    return 0;
}

int
hs_image_jpeg(const unsigned char *d, size_t n, size_t limit, hs_pixels *out, hs_img_why *why)
{
    memset(out, 0, sizeof *out);
    if (hs_lib_get(&jpeg_lib) != 0 || hs_lib_get(&exif_lib) != 0) {
        hs_image_why(why, "%s", jpeg_lib.state < 0 ? jpeg_lib.why : exif_lib.why);
        return -1;
    }
    struct jpeg_decompress_struct cinfo;
    jerr e;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jl.std_error(&e.mgr);
    e.mgr.error_exit = on_error;
    e.mgr.emit_message = on_message;
    e.why = why;
    jl.create_decompress(&cinfo, JPEG_LIB_VERSION, sizeof cinfo);
    unsigned char *volatile buf = NULL;
    int orient = 1;
    int rc = decode(&cinfo, &e, d, n, limit, out, &buf, &orient);
    jl.destroy_decompress(&cinfo);
    if (rc != 0) {
        free(buf);
        return -1;
    }
    out->color = buf;
    out->as_stored = orient == 1;
    if (orient != 1) {
        unsigned char *u = upright(buf, out->width, out->height, (int)out->space, orient,
                                   &out->width, &out->height);
        free(buf);
        if (u == NULL) {
            hs_image_why(why, "out of memory");
            out->color = NULL;
            return -1;
        }
        out->color = u;
    }
    return 0;
}
