/* tools/floor.c — the floor for make bench: what a PDF of the same text costs
 * with bare libharu and nothing of hoso's own work. The same four faces of
 * the serif family, embedded and subset, the same lines of text (a file of
 * lines, one per PDF line, '\f' between pages), the same logo, placed at
 * fixed positions: no XML, no template, no layout, no checks.
 *
 * It uses the best bare-libharu method known, and caches per process what
 * hoso caches per engine, so that engine/floor is what hoso's own work
 * costs: fonts through render/fontres.c (font files read once into memory,
 * CIDs over the code points a face draws, ToUnicode and CIDToGIDMap
 * deflated once, each set of glyphs' subset deflated once) and libharu's
 * byte loops replaced (render/harufix.c), text written as hoso writes it
 * (render/content.c: literal strings, whole hundredths of a point), the
 * logo decoded and deflated once (image/) and written into each document as
 * those ready bytes (render/ready.c), the dictionaries packed into an object
 * stream after libharu saved (render/pack.c), as hoso does.
 *
 *   build/floor FONTS_DIR LOGO.png TEXT_FILE N OUT.pdf
 * prints: "floor: <median ms> ms, <median CPU ms> cpu, <bytes> bytes, <pages> pages" */
#include <hpdf.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "font/font.h"
#include "image/image.h"
#include "render/content.h"
#include "render/fontres.h"
#include "render/pack.h"
#include "render/ready.h"

/* render/harufix.c (libharu's byte loops and its deflate replaced, as in
 * hoso) is pulled from libhoso.a by naming one of its functions, as
 * render/pdf.c does: the floor uses none of pdf.c. */
HPDF_STATUS HPDF_MemStream_SeekFunc(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode);
extern HPDF_STATUS (*const floor_seek_fix)(HPDF_Stream, HPDF_INT, HPDF_WhenceMode);
HPDF_STATUS(*const floor_seek_fix)
(HPDF_Stream, HPDF_INT, HPDF_WhenceMode) = HPDF_MemStream_SeekFunc;

/* The engine prints nothing: its diagnostics, here, go to stderr. */
static void
say(void *user, const hs_diag *d)
{
    (void)user;
    char line[2048];
    hs_diag_format(d, line, sizeof line);
    fprintf(stderr, "floor: %s\n", line);
}

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    (void)user;
    fprintf(stderr, "floor: libharu error 0x%04X (detail %u)\n", (unsigned)code, (unsigned)detail);
    exit(1);
}

static double
now_ms(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s == NULL || fread(s, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(s);
        return NULL;
    }
    fclose(f);
    s[n] = '\0';
    *len = (size_t)n;
    return s;
}

/* Drops what the face cannot draw (pdftotext's layout spaces are fine, a
 * form feed or a character of a fallback face is not), as layout would
 * have chosen another face for it. */
static void
keep_drawable(const hs_face *f, char *line)
{
    char *w = line;
    for (const unsigned char *p = (const unsigned char *)line; *p;) {
        uint32_t cp = *p;
        int k = cp < 0x80 ? 1 : (cp & 0xE0) == 0xC0 ? 2 : (cp & 0xF0) == 0xE0 ? 3 : 4;
        cp = k == 1 ? cp : k == 2 ? cp & 0x1F : k == 3 ? cp & 0x0F : cp & 0x07;
        for (int j = 1; j < k && p[j]; j++)
            cp = cp << 6 | (p[j] & 0x3F);
        int take = hs_face_has(f, cp);
        for (int j = 0; j < k && *p; j++, p++)
            if (take)
                *w++ = (char)*p;
    }
    *w = '\0';
}

/* One line of the text: its page (from 0), its face, its position. */
typedef struct line {
    char *text;
    int page, face;
    double y;
} line;

/* The text cut into lines in place (the form feeds and newlines become
 * NULs), each with its face and its place on its page; returns how many. */
static int
cut_lines(char *text, hs_face *const faces[4], line **out)
{
    int cap = 64, n = 0, page = 0;
    line *l = malloc(sizeof *l * (size_t)cap);
    for (char *p = text; *p;) {
        /* every line of the page, as close as 13 pt or closer if need be */
        char *end = p + strcspn(p, "\f");
        int nlines = 1;
        for (const char *q = p; q < end; q++)
            nlines += *q == '\n';
        double y = 740, step = 700.0 / nlines < 13 ? 700.0 / nlines : 13;
        int k = 0, last = *end == '\0';
        *end = '\0';
        for (char *t = p; *t || t == p;) {
            char *e = t + strcspn(t, "\n");
            int more = *e == '\n';
            *e = '\0';
            if (*t) { /* as strtok: no empty lines */
                if (n == cap)
                    l = realloc(l, sizeof *l * (size_t)(cap *= 2));
                int f = k % 10 == 0 ? 1 : k % 7 == 0 ? 2 : k % 13 == 0 ? 3 : 0;
                l[n++] = (line){t, page, f, y};
                keep_drawable(faces[f], t);
                y -= step;
                k++;
            }
            if (!more)
                break;
            t = e + 1;
        }
        if (k > 0)
            page++;
        if (last)
            break;
        p = end + 1;
    }
    *out = l;
    return n;
}

/* One document: what every PDF of this text must pay. */
static size_t
one(hs_face *const faces[4], const hs_image *logo, char *text, int *pages, FILE *keep)
{
    HPDF_Doc pdf = HPDF_New(on_error, NULL);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_Font font[4] = {NULL};
    HPDF_Image img = hs_pdf_image(pdf, logo);
    if (img == NULL)
        exit(1);
    line *lines;
    int n = cut_lines(text, faces, &lines);
    /* the text of each face marked before any is written, as hoso does
     * (render/fontres.c numbers a document's CIDs by what it draws) */
    for (int i = 0; i < n; i++) {
        int f = lines[i].face;
        if (font[f] == NULL) {
            int reported;
            hs_report r = {say, NULL, 0, 0};
            font[f] = hs_fontres_font(pdf, faces[f], &r, &reported);
            if (font[f] == NULL)
                exit(1);
        }
        if (hs_fontres_use(font[f], lines[i].text, strlen(lines[i].text)) != (size_t)-1)
            exit(1); /* keep_drawable kept only what the face draws */
    }
    *pages = 0;
    HPDF_Page page = NULL;
    for (int i = 0; i < n; i++) {
        if (page == NULL || lines[i].page != *pages - 1) {
            page = hs_pdf_add_page(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
            if ((*pages)++ == 0)
                HPDF_Page_DrawImage(page, img, 60, 760, 60, 60);
        }
        int f = lines[i].face;
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font[f], 10);
        hs_text_at at = {0, 0};
        if (hs_pdf_text(page, font[f], &at, 60, lines[i].y, lines[i].text, strlen(lines[i].text)) !=
            HPDF_OK)
            exit(1);
        HPDF_Page_EndText(page);
    }
    free(lines);
    HPDF_SaveToStream(pdf);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *buf = malloc(size);
    HPDF_UINT32 got = size;
    HPDF_ResetStream(pdf);
    HPDF_ReadFromStream(pdf, buf, &got);
    /* the dictionaries in an object stream, as hoso packs them */
    size_t packed_n;
    unsigned char *packed = hs_pdf_pack(pdf, buf, got, &packed_n);
    if (packed == NULL)
        exit(1);
    if (keep != NULL)
        fwrite(packed, 1, packed_n, keep);
    free(packed);
    free(buf);
    HPDF_Free(pdf);
    return packed_n;
}

int
main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: floor FONTS_DIR LOGO.png TEXT_FILE N OUT.pdf\n");
        return 2;
    }
    static const char *files[4] = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                                   "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};
    hs_face *faces[4];
    for (int i = 0; i < 4; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], files[i]);
        hs_report r = {say, NULL, 0, 0};
        faces[i] = hs_face_load(path, "serif", (hs_face_style)i, &r, HS_LOC_NONE);
        if (faces[i] == NULL)
            return 1;
    }
    size_t len;
    hs_report r = {0};
    const hs_image *logo = hs_image_get(argv[2], 0, &r, HS_LOC_NONE);
    char *text = slurp(argv[3], &len);
    int n = atoi(argv[4]);
    if (logo == NULL || text == NULL || n < 1) {
        fprintf(stderr, "floor: cannot read %s or %s\n", argv[2], argv[3]);
        return 1;
    }
    double *ms = malloc(sizeof *ms * (size_t)n), *cpu = malloc(sizeof *cpu * (size_t)n);
    char *work = malloc(len + 1);
    size_t size = 0;
    int pages = 0;
    for (int i = 0; i < n; i++) {
        memcpy(work, text, len + 1); /* cut_lines cuts it up */
        FILE *keep = i == 0 ? fopen(argv[5], "wb") : NULL;
        double t = now_ms(CLOCK_MONOTONIC), c = now_ms(CLOCK_PROCESS_CPUTIME_ID);
        size = one(faces, logo, work, &pages, keep);
        ms[i] = now_ms(CLOCK_MONOTONIC) - t;
        cpu[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c;
        if (keep != NULL)
            fclose(keep);
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp);
    qsort(cpu, (size_t)n, sizeof *cpu, cmp);
    printf("floor: %.2f ms, %.2f cpu, %zu bytes, %d pages\n", ms[n / 2], cpu[n / 2], size, pages);
    for (int i = 0; i < 4; i++)
        hs_face_free(faces[i]);
    free(ms);
    free(cpu);
    free(work);
    free(text);
    hs_image_cleanup();
    return 0;
}
