/* engine/image/image.h — PNG and JPEG files to pixels a PDF can hold, with
 * the field's decoders (libpng, libjpeg, libexif); no libharu here.
 *
 * libharu 2.3.0's own loaders misdraw 16-bit PNGs, abort or free twice on
 * truncated ones and embed JPEGs without reading them (shared/libharu.md),
 * so every image is decoded here, checked whole, turned upright (EXIF
 * orientation) and deflated, and the renderer hands libharu the result.
 *
 * Images are kept for the process, keyed by path and by the hash of the
 * bytes decoded: each document reads the file once, at its first use of it
 * (its layout), and every use of it in that document (its render too) is
 * the decoding of those bytes; a logo is decoded and compressed once for
 * every document of a batch whose bytes are the same (a read and a hash of
 * the file per document: its dates and inode do not tell a file replaced
 * by one dated back). hs_image_cleanup frees it all. */
#ifndef HS_IMAGE_H
#define HS_IMAGE_H

#include "base/base.h"

typedef enum hs_image_space {
    HS_IMAGE_GRAY = 1, /* DeviceGray */
    HS_IMAGE_RGB = 3,  /* DeviceRGB */
    HS_IMAGE_CMYK = 4  /* DeviceCMYK */
} hs_image_space;

typedef struct hs_image {
    int width, height;    /* pixels, upright */
    hs_image_space space; /* components per pixel, 8 bits each */
    int cmyk_inverted;    /* Adobe's CMYK JPEGs store 255 - value: /Decode [1 0 ...] */
    /* The colour samples as a zlib stream (/FlateDecode), row by row, or,
     * when dct is set, as the JPEG file itself (/DCTDecode: a JPEG that
     * decoded whole and needs no turning is embedded as it is, not made
     * several times larger); the alpha samples as a zlib stream (NULL:
     * opaque). Owned by the cache. */
    int dct;
    const unsigned char *color_z, *alpha_z;
    size_t color_z_len, alpha_z_len;
    /* palette_n > 0: an RGB image of that many colours, color_z holding one
     * index a pixel into palette (RGB triples): /Indexed /DeviceRGB */
    int palette_n;
    unsigned char palette[768];
} hs_image;

/* The image at path, decoded and compressed (once for the same bytes:
 * later calls give the cached one). memory_limit (0: none) is the document's limit: an image
 * whose decoding would need more is an error saying how much, checked
 * before anything is decoded. Any fault of the file (missing, a folder,
 * not PNG/JPEG, truncated, corrupt, a header whose size the data cannot
 * hold) is one error at loc (code "image") naming the file and what is
 * wrong. Returns NULL after reporting. */
const hs_image *hs_image_get(const char *path, size_t memory_limit, hs_report *r, hs_loc loc);

/* Frees every cached image (at engine end, for leak checkers). */
void hs_image_cleanup(void);

#endif
