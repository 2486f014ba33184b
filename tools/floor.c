/* tools/floor.c — the floor for make bench: what a PDF of the same text costs
 * with bare libharu and nothing of hoso. The same fonts (three faces of the
 * serif family, embedded), the same lines of text (a file of lines, one per
 * PDF line, '\f' between pages), placed at fixed positions: no XML, no
 * template, no layout, no checks. The engine's time divided by this one is
 * what hoso's own work costs.
 *
 *   build/floor FONTS_DIR TEXT_FILE N OUT.pdf
 * prints: "floor: <median ms per document> ms, <bytes> bytes, <pages> pages" */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    (void)user;
    fprintf(stderr, "floor: libharu error 0x%04X (detail %u)\n", (unsigned)code,
            (unsigned)detail);
    exit(1);
}

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
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

/* One document: what every PDF of this text must pay. */
static size_t
one(const char *fonts, char *text, int *pages, FILE *keep)
{
    static const char *faces[3] = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                                   "LiberationSerif-Italic.ttf"};
    HPDF_Doc pdf = HPDF_New(on_error, NULL);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_Font font[3];
    for (int i = 0; i < 3; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", fonts, faces[i]);
        font[i] = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE), "UTF-8");
    }
    *pages = 0;
    char *save = NULL;
    for (char *page_text = strtok_r(text, "\f", &save); page_text != NULL;
         page_text = strtok_r(NULL, "\f", &save)) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        (*pages)++;
        double y = 800;
        int k = 0;
        char *line_save = NULL;
        for (char *line = strtok_r(page_text, "\n", &line_save); line != NULL && y > 40;
             line = strtok_r(NULL, "\n", &line_save), k++) {
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, font[k % 10 == 0 ? 1 : k % 7 == 0 ? 2 : 0], 11);
            HPDF_Page_TextOut(page, 60, (HPDF_REAL)y, line);
            HPDF_Page_EndText(page);
            y -= 14;
        }
    }
    HPDF_SaveToStream(pdf);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    if (keep != NULL) {
        unsigned char *buf = malloc(size);
        HPDF_UINT32 got = size;
        HPDF_ReadFromStream(pdf, buf, &got);
        fwrite(buf, 1, got, keep);
        free(buf);
    }
    HPDF_Free(pdf);
    return size;
}

int
main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: floor FONTS_DIR TEXT_FILE N OUT.pdf\n");
        return 2;
    }
    size_t len;
    char *text = slurp(argv[2], &len);
    int n = atoi(argv[3]);
    if (text == NULL || n < 1) {
        fprintf(stderr, "floor: cannot read %s\n", argv[2]);
        return 1;
    }
    double *ms = malloc(sizeof *ms * (size_t)n);
    char *work = malloc(len + 1);
    size_t size = 0;
    int pages = 0;
    for (int i = 0; i < n; i++) {
        memcpy(work, text, len + 1); /* strtok_r cuts it up */
        FILE *keep = i == 0 ? fopen(argv[4], "wb") : NULL;
        double t = now_ms();
        size = one(argv[1], work, &pages, keep);
        ms[i] = now_ms() - t;
        if (keep != NULL)
            fclose(keep);
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp);
    printf("floor: %.2f ms, %zu bytes, %d pages\n", ms[n / 2], size, pages);
    free(ms);
    free(work);
    free(text);
    return 0;
}
