/* engine/image/image_int.h — between image.c (files, limits, the cache) and
 * the decoders png.c and jpeg.c. */
#ifndef HS_IMAGE_INT_H
#define HS_IMAGE_INT_H

#include "image/image.h"

#include <stddef.h>

/* What a decoder gives: 8-bit samples, upright, malloc'd. */
typedef struct hs_pixels {
    int width, height;
    hs_image_space space;
    int cmyk_inverted;
    int as_stored;        /* a JPEG already upright: the file itself can be embedded */
    unsigned char *color; /* width * height * space bytes */
    unsigned char *alpha; /* width * height bytes, or NULL */
} hs_pixels;

/* A decoder's report: why it failed, one sentence; empty while all is well. */
typedef struct hs_img_why {
    char msg[320];
    /* The last hs_image_room check that passed, so that an image from the
     * on-disk cache meets a later document's limit exactly as decoding it
     * would (image.c) */
    struct hs_img_room {
        int w, h, channels, copies, set;
        char what[32];
    } room;
} hs_img_why;

/* Both return 0, or -1 with why->msg set; nothing stays allocated then.
 * limit (0: none) is checked by hs_image_room once the header is read and
 * before anything is decoded. */
int hs_image_png(const unsigned char *d, size_t n, size_t limit, hs_pixels *out, hs_img_why *why);
int hs_image_jpeg(const unsigned char *d, size_t n, size_t limit, hs_pixels *out, hs_img_why *why);

/* Whether decoding w x h pixels of `channels` 8-bit samples (with `copies`
 * full-size buffers at once besides the compressed copy) fits in limit;
 * -1 with a message saying how much it would need. `what` describes the
 * pixels ("16-bit RGBA"). */
int hs_image_room(int w, int h, int channels, int copies, size_t limit, const char *what,
                  hs_img_why *why);

/* What an image in the on-disk cache holds besides its compressed samples:
 * the image (its pointers NULL), what decoding it needs, and the decoder's
 * room check. The layout is this build's: the key holds its build id.
 * (Here for tests/unit/test_cache.c, which changes entries' fields.) */
typedef struct hs_img_stored {
    hs_image img;
    size_t need;
    struct hs_img_room room;
} hs_img_stored;

/* Adds the identity of the libjpeg and libexif loaded (opening them) to an
 * image's key (cache/cache.h): 0, or -1 when they cannot be opened (then
 * no key: decoding reports why). */
struct hs_cache_keyer;
int hs_image_jpeg_key(struct hs_cache_keyer *k);

void hs_image_why(hs_img_why *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
