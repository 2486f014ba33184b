/* engine/layout/image.c — the pixel size of a PNG or JPEG, read from its
 * header, so that an image given one dimension keeps its proportions. */
#include "layout/layout_int.h"

#include <stdio.h>
#include <string.h>

static int
png_size(FILE *f, int *w, int *h)
{
    unsigned char b[24];
    if (fseek(f, 0, SEEK_SET) != 0 || fread(b, 1, 24, f) != 24 ||
        memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(b + 12, "IHDR", 4) != 0)
        return -1;
    /* unsigned arithmetic: a byte shifted into bit 31 of an int is undefined */
    uint32_t pw = (uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19];
    uint32_t ph = (uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23];
    if (pw == 0 || ph == 0 || pw > 0x7FFFFFFF || ph > 0x7FFFFFFF)
        return -1; /* PNG limits both to 2^31 - 1 */
    *w = (int)pw;
    *h = (int)ph;
    return 0;
}

/* Walk the JPEG markers to the first start-of-frame. */
static int
jpeg_size(FILE *f, int *w, int *h)
{
    unsigned char b[8];
    if (fseek(f, 2, SEEK_SET) != 0)
        return -1;
    for (int guard = 0; guard < 1000; guard++) {
        if (fread(b, 1, 4, f) != 4 || b[0] != 0xFF)
            return -1;
        int marker = b[1], len = (b[2] << 8) | b[3];
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            if (fread(b, 1, 5, f) != 5)
                return -1;
            *h = (b[1] << 8) | b[2];
            *w = (b[3] << 8) | b[4];
            return *w > 0 && *h > 0 ? 0 : -1;
        }
        if (len < 2 || fseek(f, len - 2, SEEK_CUR) != 0)
            return -1;
    }
    return -1;
}

int
hs_layout_image_size(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    unsigned char sig[2] = {0};
    int rc = -1;
    if (fread(sig, 1, 2, f) == 2)
        rc = sig[0] == 0xFF && sig[1] == 0xD8 ? jpeg_size(f, w, h) : png_size(f, w, h);
    fclose(f);
    return rc;
}
