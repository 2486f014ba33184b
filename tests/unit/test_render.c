/* tests/unit/test_render.c — font families, metrics against libharu, and PDF
 * output checked with the tools a reader would use (poppler, qpdf).
 *
 * Run from the repository root (fonts/ is read from there); needs
 * poppler-utils and qpdf. Temporary files go to /tmp and are removed. */
#include "font/font.h"
#include "page/page.h"
#include "render/render.h"
#include "render/render_int.h"

#include "harness.h"

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- diagnostics collected by the tests ---- */
static char diag_msg[8][512];
static const char *diag_code[8];
static int ndiag;

static void
collect(void *user, const hs_diag *d)
{
    (void)user;
    if (ndiag < 8) {
        hs_diag_format(d, diag_msg[ndiag], sizeof diag_msg[0]);
        diag_code[ndiag] = hs_code_name(d->code);
        if (getenv("HS_TEST_VERBOSE") != NULL) /* to read the messages themselves */
            fprintf(stderr, "  diag: %s\n", diag_msg[ndiag]);
    }
    ndiag++;
}

static hs_report
new_report(void)
{
    ndiag = 0;
    return (hs_report){.sink = collect};
}

/* ---- running the checking tools ---- */

/* Runs a shell command; its stdout goes to out (NUL-terminated). Returns the
 * exit status, or -1 when it could not run. */
static int
run(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    size_t n = 0, k;
    char buf[HPDF_STREAM_BUF_SIZ];
    while ((k = fread(buf, 1, sizeof buf, p)) > 0)
        if (out != NULL) {
            size_t m = k < cap - 1 - n ? k : cap - 1 - n;
            memcpy(out + n, buf, m);
            n += m;
        }
    if (out != NULL)
        out[n] = '\0';
    int st = pclose(p);
    return st == -1 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char tmp_path[64];

static const char *
write_tmp(const void *data, size_t len, const char *suffix)
{
    snprintf(tmp_path, sizeof tmp_path, "/tmp/hoso-test-XXXXXX%s", suffix);
    int fd = mkstemps(tmp_path, (int)strlen(suffix));
    if (fd < 0)
        return NULL;
    ssize_t w = write(fd, data, len);
    close(fd);
    return w == (ssize_t)len ? tmp_path : NULL;
}

/* memmem is a GNU extension; the build is plain POSIX. */
static int
contains(const unsigned char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

/* ---- building pages by hand ---- */
static hs_fontset *fonts;

static const hs_face *
face(const char *family, hs_face_style st)
{
    return hs_fontset_lookup(fonts, family)->face[st];
}

static hs_page *
add_page(hs_arena *a, hs_pages *ps)
{
    hs_page *p = HS_NEW(a, hs_page);
    p->width_pt = 595.276;
    p->height_pt = 841.89;
    if (ps->last)
        ps->last->next = p;
    else
        ps->first = p;
    ps->last = p;
    ps->count++;
    return p;
}

static hs_item *
add_item(hs_arena *a, hs_page *p, hs_item_kind kind)
{
    hs_item *it = HS_NEW(a, hs_item);
    it->kind = kind;
    if (p->last)
        p->last->next = it;
    else
        p->first = it;
    p->last = it;
    return it;
}

static void
add_text(hs_arena *a, hs_page *p, const hs_face *f, double y, const char *s)
{
    hs_item *it = add_item(a, p, HS_ITEM_TEXT);
    it->face = f;
    it->size_pt = 13;
    it->x = 56;
    it->y = y;
    /* not NUL-terminated, as layout hands out slices of longer strings */
    size_t n = strlen(s);
    char *copy = hs_arena_alloc(a, n + 1);
    memcpy(copy, s, n);
    copy[n] = 'X';
    it->text = copy;
    it->len = n;
    it->color = 0x202020;
}

static const char *const vn_lines[] = {
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Tổng cộng: 1.234.567 ₫",
    "aàảãáạ ăằẳẵắặ âầẩẫấậ eèẻẽéẹ êềểễếệ iìỉĩíị oòỏõóọ",
    "ôồổỗốộ ơờởỡớợ uùủũúụ ưừửữứự yỳỷỹýỵ đ",
    "AÀẢÃÁẠ ĂẰẲẴẮẶ ÂẦẨẪẤẬ EÈẺẼÉẸ ÊỀỂỄẾỆ IÌỈĨÍỊ OÒỎÕÓỌ",
    "ÔỒỔỖỐỘ ƠỜỞỠỚỢ UÙỦŨÚỤ ƯỪỬỮỨỰ YỲỶỸÝỴ Đ",
    "Báo giá tùy biến – “Chính Đại” (23.06.21)",
};
#define NLINES (int)(sizeof vn_lines / sizeof vn_lines[0])

/* Two pages: every line in serif regular, bold, italic on page 1 and sans
 * regular, bold-italic on page 2. *text gets what pdftotext should print. */
static void
vn_document(hs_arena *a, hs_pages *ps, hs_buf *text)
{
    static const struct {
        const char *fam;
        hs_face_style st;
    } faces[2][3] = {{{"serif", HS_FACE_REGULAR}, {"serif", HS_FACE_BOLD}, {"serif", HS_FACE_ITALIC}},
                     {{"sans", HS_FACE_REGULAR}, {"sans", HS_FACE_BOLD_ITALIC}, {NULL, 0}}};
    for (int pg = 0; pg < 2; pg++) {
        hs_page *p = add_page(a, ps);
        double y = 72;
        for (int f = 0; f < 3 && faces[pg][f].fam; f++)
            for (int i = 0; i < NLINES; i++, y += 20) {
                add_text(a, p, face(faces[pg][f].fam, faces[pg][f].st), y, vn_lines[i]);
                hs_buf_printf(text, "%s\n", vn_lines[i]);
            }
    }
}

/* pdftotext's output without blank lines and form feeds. */
static void
squeeze(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\f')
            continue;
        if (*r == '\n' && (w == s || w[-1] == '\n'))
            continue;
        *w++ = *r;
    }
    *w = '\0';
}

/* ---- font families ---- */

static void
family_lookup(void)
{
    CHECK_INT(hs_fontset_count(fonts), 2);
    const hs_family *serif = hs_fontset_lookup(fonts, "serif");
    CHECK(serif != NULL && hs_fontset_lookup(fonts, "sans") != NULL);
    CHECK(hs_fontset_lookup(fonts, "mono") == NULL);
    CHECK(hs_fontset_at(fonts, 0) == serif && hs_fontset_at(fonts, 2) == NULL);
    CHECK_STR(serif->face[HS_FACE_BOLD]->path, "fonts/LiberationSerif-Bold.ttf");
    CHECK_STR(serif->face[HS_FACE_BOLD]->family, "serif");
    CHECK_INT(serif->face[HS_FACE_BOLD_ITALIC]->style, HS_FACE_BOLD_ITALIC);
    CHECK_INT(serif->nfallback, 1);
    CHECK(hs_family_face_for(serif, HS_FACE_ITALIC, 0x1EA0) == serif->face[HS_FACE_ITALIC]);
}

static void
family_fallback(void)
{
    const hs_family *serif = hs_fontset_lookup(fonts, "serif");
    const hs_family *sans = hs_fontset_lookup(fonts, "sans");
    /* a character Liberation Sans has and Liberation Serif lacks */
    uint32_t only_sans = 0;
    for (uint32_t cp = 0x20; cp <= 0xFFFF && only_sans == 0; cp++)
        if (!hs_face_has(serif->face[HS_FACE_BOLD], cp) &&
            hs_face_has(sans->face[HS_FACE_BOLD], cp))
            only_sans = cp;
    CHECK(only_sans != 0);
    CHECK(hs_family_face_for(serif, HS_FACE_BOLD, only_sans) == sans->face[HS_FACE_BOLD]);
    CHECK(hs_family_face_for(serif, HS_FACE_BOLD, 'A') == serif->face[HS_FACE_BOLD]);
    CHECK(hs_family_face_for(serif, HS_FACE_REGULAR, 0x4E00) == NULL); /* CJK: in neither */
    /* Beyond the BMP libharu prints a space, so no face may claim it. */
    CHECK(hs_family_face_for(serif, HS_FACE_REGULAR, 0x1F600) == NULL);
    CHECK(hs_family_face_for(serif, HS_FACE_REGULAR, 0x10000 + 'A') == NULL);
}

static char conf_dir[64];

/* Writes a families.conf into a fresh temp folder; returns the folder. */
static const char *
write_conf(const char *body)
{
    snprintf(conf_dir, sizeof conf_dir, "/tmp/hoso-fonts-XXXXXX");
    if (mkdtemp(conf_dir) == NULL)
        return NULL;
    char path[128];
    snprintf(path, sizeof path, "%s/families.conf", conf_dir);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return NULL;
    fputs(body, f);
    fclose(f);
    return conf_dir;
}

static void
remove_conf(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/families.conf", conf_dir);
    unlink(path);
    rmdir(conf_dir);
}

static void
family_style_fallback(void)
{
    char body[512], cwd[256];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(body, sizeof body,
             "# one face only\nplain\tregular  %s/fonts/LiberationSans-Regular.ttf  # tail\n",
             cwd);
    const char *dir = write_conf(body);
    hs_report r = new_report();
    hs_fontset *fs = hs_fontset_new(dir, &r);
    CHECK(fs != NULL);
    CHECK_INT(ndiag, 0);
    if (fs != NULL) {
        const hs_family *f = hs_fontset_lookup(fs, "plain");
        CHECK(f->face[HS_FACE_BOLD] == f->face[HS_FACE_REGULAR]);
        CHECK(hs_family_face_for(f, HS_FACE_BOLD_ITALIC, 0x111) == f->face[HS_FACE_REGULAR]);
        CHECK_INT(f->nfallback, 0);
        hs_fontset_free(fs);
    }
    remove_conf();
}

/* Each bad conf must fail with "DIR/families.conf:LINE:" and code "font". */
static void
family_bad_conf(void)
{
    static const struct {
        const char *body, *where, *says;
    } cases[] = {
        {"# c\n\nserif bogus LiberationSerif-Regular.ttf\n", ":3:", "expected"},
        {"serif regular\n", ":1:", "expected"},
        {"serif regular no-such-file.ttf\n", ":1:", "no-such-file.ttf"},
        {"\nfallback serif sans\n", ":2:", "not defined above"},
        {"serif bold /work/none.ttf\n", ":1:", "cannot open"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *dir = write_conf(cases[i].body);
        hs_report r = new_report();
        hs_fontset *fs = hs_fontset_new(dir, &r);
        CHECK(fs == NULL);
        CHECK(ndiag >= 1);
        char want[128];
        snprintf(want, sizeof want, "%s/families.conf%s", dir, cases[i].where);
        CHECK(strstr(diag_msg[0], want) == diag_msg[0]);
        CHECK(strstr(diag_msg[0], cases[i].says) != NULL);
        CHECK_STR(diag_code[0], "font");
        if (strstr(diag_msg[0], want) != diag_msg[0])
            fprintf(stderr, "  case %zu: %s\n", i, diag_msg[0]);
        hs_fontset_free(fs);
        remove_conf();
    }
    /* a family with a bold face but no regular one is named at its line */
    char body[512], cwd[256];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(body, sizeof body, "\n\nheavy bold %s/fonts/LiberationSans-Bold.ttf\n", cwd);
    const char *dir = write_conf(body);
    hs_report r = new_report();
    CHECK(hs_fontset_new(dir, &r) == NULL);
    CHECK(strstr(diag_msg[0], "families.conf:3:") != NULL);
    CHECK(strstr(diag_msg[0], "no regular face") != NULL);
    remove_conf();
    /* no conf at all */
    r = new_report();
    CHECK(hs_fontset_new("/tmp/hoso-no-such-dir", &r) == NULL);
    CHECK(strstr(diag_msg[0], "/tmp/hoso-no-such-dir/families.conf") == diag_msg[0]);
}

/* ---- metrics: ours must be libharu's, or lines are measured wrong ---- */

static void
face_widths_match_libharu(void)
{
    /* ASCII, Latin-1 and Latin Extended-A/B, the Vietnamese block, ₫, punctuation */
    uint32_t cps[800];
    int n = 0;
    for (uint32_t cp = 0x20; cp < 0x250; cp += 1 + (cp >= 0x180) * 2)
        cps[n++] = cp;
    for (uint32_t cp = 0x1EA0; cp <= 0x1EF9; cp++)
        cps[n++] = cp;
    static const uint32_t more[] = {0x1A0, 0x1AF, 0x20AB, 0x2013, 0x2014, 0x201C, 0x201D, 0x2026};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        cps[n++] = more[i];
    hs_assert(n <= 800);
    for (int fam = 0; fam < hs_fontset_count(fonts); fam++)
        for (int st = 0; st < 4; st++) {
            const hs_face *f = hs_fontset_at(fonts, fam)->face[st];
            HPDF_Doc pdf = HPDF_New(NULL, NULL);
            HPDF_UseUTFEncodings(pdf);
            const char *name = HPDF_LoadTTFontFromFile(pdf, f->path, HPDF_TRUE);
            HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
            CHECK(font != NULL);
            int bad = 0;
            char line[HPDF_STREAM_BUF_SIZ];
            size_t len = 0;
            for (int i = 0; i < n && font != NULL; i++) {
                char u[4];
                int k = hs_utf8_encode(cps[i], u);
                HPDF_TextWidth w = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)u, (HPDF_UINT)k);
                if (!hs_face_has(f, cps[i]))
                    continue;
                if ((int)w.width != hs_face_advance(f, cps[i]) && bad++ < 3)
                    fprintf(stderr, "  %s U+%04X: ours %d, libharu %u\n", f->path,
                            (unsigned)cps[i], hs_face_advance(f, cps[i]), (unsigned)w.width);
                if (len + 4 < sizeof line) {
                    memcpy(line + len, u, (size_t)k);
                    len += (size_t)k;
                }
            }
            CHECK_INT(bad, 0);
            if (font != NULL) { /* a whole line sums the same */
                HPDF_TextWidth w = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)line,
                                                       (HPDF_UINT)len);
                CHECK_INT(hs_face_text_width(f, line, len), w.width);
            }
            HPDF_Free(pdf);
        }
    /* every Vietnamese letter is in every face */
    for (int i = 3; i < 7; i++)
        for (const char *s = vn_lines[i]; *s;) {
            uint32_t cp;
            int k = hs_utf8_decode(s, strlen(s), &cp);
            CHECK(k > 0 && hs_face_has(face("sans", HS_FACE_BOLD_ITALIC), cp) &&
                  hs_face_has(face("serif", HS_FACE_ITALIC), cp));
            s += k > 0 ? k : 1;
        }
}

/* ---- PDF output ---- */

static int
render(hs_arena *a, hs_pages *ps, unsigned char **pdf, size_t *len)
{
    hs_report r = new_report();
    int rc = hs_render_pdf(ps, a, &r, pdf, len);
    if (rc != 0)
        for (int i = 0; i < ndiag && i < 8; i++)
            fprintf(stderr, "  %s\n", diag_msg[i]);
    return rc;
}

static void
render_vietnamese(void)
{
    hs_arena *a = hs_arena_new(0);
    hs_pages ps = {0};
    ps.info = (hs_docinfo){.title = "Báo giá tùy biến – Chính Đại", .author = "Công ty Ánh Dương",
                           .date_epoch = -1};
    hs_buf want;
    hs_buf_init(&want, a);
    vn_document(a, &ps, &want);
    unsigned char *pdf = NULL;
    size_t len = 0;
    CHECK_INT(render(a, &ps, &pdf, &len), 0);
    CHECK(len > 1000 && memcmp(pdf, "%PDF-", 5) == 0);
    const char *path = write_tmp(pdf, len, ".pdf");
    CHECK(path != NULL);
    static char out[65536];
    char cmd[256];

    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 %s - 2>/dev/null", path);
    CHECK_INT(run(cmd, out, sizeof out), 0);
    squeeze(out);
    CHECK_STR(out, hs_buf_cstr(&want));

    /* poppler complains on stderr about a bad ToUnicode CMap; nothing may appear */
    snprintf(cmd, sizeof cmd, "pdftotext %s /dev/null 2>&1", path);
    CHECK_INT(run(cmd, out, sizeof out), 0);
    CHECK_STR(out, "");

    snprintf(cmd, sizeof cmd, "qpdf --check %s 2>&1", path);
    CHECK_INT(run(cmd, out, sizeof out), 0);
    CHECK(strstr(out, "No syntax or stream encoding errors") != NULL);
    CHECK(strstr(out, "WARNING") == NULL);

    /* five faces, each embedded (a subset) with a ToUnicode map; names can
     * be wider than their column, so take emb, sub, uni from the line's end */
    snprintf(cmd, sizeof cmd,
             "pdffonts %s 2>&1 | tail -n +3 | awk '{print $(NF-4), $(NF-3), $(NF-2)}'", path);
    CHECK_INT(run(cmd, out, sizeof out), 0);
    CHECK_STR(out, "yes yes yes\nyes yes yes\nyes yes yes\nyes yes yes\nyes yes yes\n");

    snprintf(cmd, sizeof cmd, "pdfinfo %s 2>&1 | grep -E '^(Title|Author|Pages|CreationDate):'",
             path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "Title:           Báo giá tùy biến – Chính Đại\n"
                   "Author:          Công ty Ánh Dương\n"
                   "Pages:           2\n");

    /* Every CMap in the file, referenced or not, is ours: libharu's invalid one
     * was rewritten in place, not left behind as an orphan; the one cidrange
     * is the document's one-byte encoding CMap's (render/fontres.c). */
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --preserve-unreferenced --object-streams=disable %s - | "
             "grep -a -c -e begincidrange -e '^<0000> <FFFF> 0$'", path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "1\n");
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --preserve-unreferenced --object-streams=disable %s - | "
             "grep -a -c -e '^<00> <FF> 0$'", path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "1\n");
    /* Each font's CIDs number the code points the document draws in it
     * (render/fontres.c): from 1, no row into the surrogates, glyph = CID. */
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --preserve-unreferenced --object-streams=disable %s - | "
             "grep -a -c -e '<D[89A-F]..>$'", path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "0\n");
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --object-streams=disable %s - | "
             "grep -a -c -e '^<01> \\(<[0-9A-F]\\{2\\}> \\)\\?<0020>$'", path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "5\n"); /* each font's CID 1 is the space, its codes one byte */
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --object-streams=disable %s - | grep -a -c -e '/CIDToGIDMap /Identity'",
             path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "5\n");
    /* the Vietnamese letters of Latin Extended Additional have CIDs */
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --object-streams=disable %s - | "
             "grep -a -c -e '> <1EA0>$'", path);
    run(cmd, out, sizeof out);
    CHECK(atoi(out) >= 1);
    unlink(path);
    hs_arena_free(a);
}

static void
render_is_deterministic(void)
{
    unsigned char *pdf[3];
    size_t len[3];
    hs_arena *a[3];
    for (int i = 0; i < 3; i++) {
        a[i] = hs_arena_new(0);
        hs_pages ps = {0};
        ps.info = (hs_docinfo){.title = "Hợp đồng", .subject = "Hợp đồng tùy biến",
                               .keywords = "hợp đồng, báo giá", .creator = "hoso",
                               .date_epoch = i < 2 ? 1624406400 : -1}; /* 2021-06-23 00:00 UTC */
        hs_buf text;
        hs_buf_init(&text, a[i]);
        vn_document(a[i], &ps, &text);
        CHECK_INT(render(a[i], &ps, &pdf[i], &len[i]), 0);
    }
    CHECK(len[0] == len[1] && memcmp(pdf[0], pdf[1], len[0]) == 0);
    /* The Info dictionary is in the object stream (render/pack.c): read it
     * unpacked; the trailer's keys are the cross-reference stream's, which
     * is not compressed (qpdf would add an /ID of its own). */
    char cmd[256], out[1024];
    for (int i = 0; i < 3; i += 2) {
        const char *p = write_tmp(pdf[i], len[i], ".pdf");
        snprintf(cmd, sizeof cmd,
                 "qpdf --qdf --object-streams=disable %s - | grep -a -c -e '/CreationDate "
                 "(D:20210623000000Z' -e '/ModDate (D:20210623000000Z' -e Date",
                 p);
        run(cmd, out, sizeof out);
        CHECK_STR(out, i == 0 ? "2\n" : "0\n"); /* no date: none from the clock */
        unlink(p);
    }
    for (int i = 0; i < 3; i++) {
        CHECK(contains(pdf[i], len[i], "/Type /XRef"));
        CHECK(!contains(pdf[i], len[i], "/ID"));
    }
    const char *path = write_tmp(pdf[0], len[0], ".pdf");
    snprintf(cmd, sizeof cmd, "pdfinfo %s 2>&1 | grep -E '^(Subject|Keywords|Creator|CreationDate):'",
             path);
    run(cmd, out, sizeof out);
    CHECK(strstr(out, "Subject:         Hợp đồng tùy biến\n") != NULL);
    CHECK(strstr(out, "Keywords:        hợp đồng, báo giá\n") != NULL);
    CHECK(strstr(out, "CreationDate:    Wed Jun 23 00:00:00 2021 UTC") != NULL);
    unlink(path);
    for (int i = 0; i < 3; i++)
        hs_arena_free(a[i]);
}

static const unsigned char png_2x2[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
    "\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x10\x49\x44\x41"
    "\x54\x78\xda\x63\xf8\xcf\x00\x04\xff\x19\x20\x14\x00\x1b\xf2\x03\xfd\x3e\x97\x5d"
    "\xa4\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

/* The same pixels after gAMA, a broken iCCP profile and a tEXt chunk: libpng
 * warns about the profile and libharu alone would refuse the file. */
static const unsigned char png_ancillary[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
    "\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x04\x67\x41\x4d"
    "\x41\x00\x00\xb1\x8f\x0b\xfc\x61\x05\x00\x00\x00\x1a\x69\x43\x43\x50\x78\x00\x00"
    "\x78\x9c\x4b\x4f\x2c\x4a\x4a\x4c\x4f\x55\x28\x28\xca\x4f\xcb\xcc\x49\x05\x00\x2e"
    "\x7d\x05\xdb\x67\xee\x7f\x93\x00\x00\x00\x0a\x74\x45\x58\x74\x43\x6f\x6d\x6d\x65"
    "\x6e\x74\x00\x68\x69\xa2\xa2\x58\x66\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63"
    "\xf8\xcf\x00\x04\xff\x19\x20\x14\x00\x1b\xf2\x03\xfd\xd6\x96\xf2\x2b\x00\x00\x00"
    "\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

static const unsigned char jpeg_2x2[] =
    "\xff\xd8\xff\xe0\x00\x10\x4a\x46\x49\x46\x00\x01\x01\x00\x00\x01\x00\x01\x00"
    "\x00\xff\xdb\x00\x43\x00\x03\x02\x02\x02\x02\x02\x03\x02\x02\x02\x03\x03\x03"
    "\x03\x04\x06\x04\x04\x04\x04\x04\x08\x06\x06\x05\x06\x09\x08\x0a\x0a\x09\x08"
    "\x09\x09\x0a\x0c\x0f\x0c\x0a\x0b\x0e\x0b\x09\x09\x0d\x11\x0d\x0e\x0f\x10\x10"
    "\x11\x10\x0a\x0c\x12\x13\x12\x10\x13\x0f\x10\x10\x10\xff\xc9\x00\x0b\x08\x00"
    "\x02\x00\x02\x01\x01\x11\x00\xff\xcc\x00\x06\x00\x10\x10\x05\xff\xda\x00\x08"
    "\x01\x01\x00\x00\x3f\x00\xd2\xcf\x20\xff\xd9";

static hs_item *
add_image(hs_arena *a, hs_page *p, const char *path, double x)
{
    hs_item *it = add_item(a, p, HS_ITEM_IMAGE);
    it->image_path = hs_arena_strdup(a, path);
    it->x = x;
    it->y = 100;
    it->w = 40;
    it->h = 20;
    return it;
}

static void
render_images_and_rules(void)
{
    hs_arena *a = hs_arena_new(0);
    char png[64], jpg[64];
    snprintf(png, sizeof png, "%s", write_tmp(png_2x2, sizeof png_2x2 - 1, ".png"));
    snprintf(jpg, sizeof jpg, "%s", write_tmp(jpeg_2x2, sizeof jpeg_2x2 - 1, ".jpg"));
    hs_pages ps = {0};
    ps.info.date_epoch = -1;
    hs_page *p = add_page(a, &ps);
    add_text(a, p, face("serif", HS_FACE_BOLD), 60, "Logo");
    add_image(a, p, png, 56);
    add_image(a, p, jpg, 120);
    add_image(a, p, png, 200); /* the same file again: one image object */
    char anc[64];
    snprintf(anc, sizeof anc, "%s", write_tmp(png_ancillary, sizeof png_ancillary - 1, ".png"));
    add_image(a, p, anc, 260);
    hs_item *line = add_item(a, p, HS_ITEM_LINE);
    *line = (hs_item){.kind = HS_ITEM_LINE, .x = 56, .y = 130, .x2 = 300, .y2 = 130,
                      .line_width = 0.5, .color = 0xFF0000};
    hs_item *box = add_item(a, p, HS_ITEM_RECT);
    *box = (hs_item){.kind = HS_ITEM_RECT, .x = 56, .y = 140, .w = 100, .h = 30, .fill = 1,
                     .stroke = 1, .fill_color = 0xEEEEEE, .color = 0x000000, .line_width = 1};
    add_text(a, p, face("serif", HS_FACE_REGULAR), 160, "Ô kẻ");
    unsigned char *pdf;
    size_t len;
    CHECK_INT(render(a, &ps, &pdf, &len), 0);
    const char *path = write_tmp(pdf, len, ".pdf");
    char cmd[512], out[HPDF_STREAM_BUF_SIZ];
    snprintf(cmd, sizeof cmd, "pdfimages -list %s 2>&1 | tail -n +3 | awk '{print $3, $4, $5, $11}'",
             path);
    CHECK_INT(run(cmd, out, sizeof out), 0);
    /* page 1: three draws of two objects, in drawing order */
    CHECK(strncmp(out, "image 2 2 ", 10) == 0);
    int n = 0, distinct = 0;
    char first_obj[16] = "";
    for (char *l = out; *l; l = strchr(l, '\n') + 1, n++) {
        char obj[16] = "";
        sscanf(l, "%*s %*s %*s %15s", obj);
        if (n == 0)
            snprintf(first_obj, sizeof first_obj, "%s", obj);
        distinct += n < 2;
        if (n == 2)
            CHECK_STR(obj, first_obj);
        if (strchr(l, '\n') == NULL)
            break;
    }
    CHECK_INT(n, 4);
    CHECK_INT(distinct, 2); /* of the first two rows; the fourth is a third object */
    /* y is flipped: a line 130 pt from the top of an 841.89 pt page */
    snprintf(cmd, sizeof cmd,
             "qpdf --qdf --object-streams=disable %s - | grep -a -c -e '^56 711.89[0-9]* m$' "
             "-e '^300 711.89[0-9]* l$' -e '^1 0 0 RG$' -e '^56 671.89[0-9]* 100 30 re$' -e '^B$'",
             path);
    run(cmd, out, sizeof out);
    CHECK_STR(out, "5\n");
    snprintf(cmd, sizeof cmd, "pdftotext %s - 2>&1", path);
    run(cmd, out, sizeof out);
    squeeze(out);
    CHECK_STR(out, "Logo\nÔ kẻ\n");
    snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", path);
    CHECK_INT(run(cmd, NULL, 0), 0);
    unlink(path);
    unlink(png);
    unlink(jpg);
    unlink(anc);
    hs_arena_free(a);
}

static void
render_errors(void)
{
    hs_arena *a = hs_arena_new(0);
    unsigned char *pdf = (unsigned char *)"x";
    size_t len = 1;

    /* a missing image names its path */
    hs_pages ps = {0};
    add_image(a, add_page(a, &ps), "/tmp/hoso-no-such-logo.png", 0);
    hs_report r = new_report();
    CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), -1);
    CHECK(pdf == NULL && len == 0);
    CHECK_INT(ndiag, 1);
    CHECK_STR(diag_code[0], "image");
        /* the path is in the message: a location would have to outlive the arena */
    CHECK_STR(diag_msg[0], "hoso: error: /tmp/hoso-no-such-logo.png: cannot open: No such file or directory [image]");

    /* a file that is neither PNG nor JPEG */
    char txt_path[64];
    snprintf(txt_path, sizeof txt_path, "%s", write_tmp("hello", 5, ".png"));
    ps = (hs_pages){0};
    add_image(a, add_page(a, &ps), txt_path, 0);
    r = new_report();
    CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), -1);
    CHECK_STR(diag_code[0], "image");
    CHECK(strstr(diag_msg[0], "not a PNG or JPEG") != NULL);
    unlink(txt_path);
    /* Truncated and bit-flipped PNGs: given to libharu, libpng would abort()
     * the process; they must be errors. */
    unsigned char flipped[sizeof png_2x2];
    memcpy(flipped, png_2x2, sizeof png_2x2);
    flipped[45] ^= 0x10; /* inside the IDAT data */
    const struct {
        const unsigned char *data;
        size_t len;
        const char *says;
    } bad[] = {{png_2x2, 20, "truncated"}, {png_2x2, sizeof png_2x2 - 13, "truncated"},
               {flipped, sizeof flipped - 1, "corrupt"}, {jpeg_2x2, 40, "truncated"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_tmp(bad[i].data, bad[i].len, i < 3 ? ".png" : ".jpg");
        snprintf(txt_path, sizeof txt_path, "%s", tmp_path);
        ps = (hs_pages){0};
        add_image(a, add_page(a, &ps), txt_path, 0);
        r = new_report();
        CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), -1);
        CHECK_INT(ndiag, 1);
        CHECK_STR(diag_code[0], "image");
        CHECK(strstr(diag_msg[0], txt_path) != NULL);
        CHECK(strstr(diag_msg[0], bad[i].says) != NULL);
        if (strstr(diag_msg[0], bad[i].says) == NULL)
            fprintf(stderr, "  case %zu: %s\n", i, diag_msg[0]);
        unlink(txt_path);
    }

    /* a character the face lacks is an error, not a blank in a contract */
    ps = (hs_pages){0};
    add_text(a, add_page(a, &ps), face("serif", HS_FACE_REGULAR), 100, "Tên: 山田");
    r = new_report();
    CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), -1);
    CHECK_STR(diag_code[0], "font");
    CHECK(strstr(diag_msg[0], "U+5C71") != NULL);

    /* a page size libharu refuses */
    ps = (hs_pages){0};
    add_page(a, &ps)->width_pt = 1;
    r = new_report();
    r.errors = 3; /* errors from earlier stages do not stop or hide this one */
    CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), -1);
    CHECK_INT(ndiag, 1);
    CHECK_STR(diag_code[0], "pdf");
    CHECK(strstr(diag_msg[0], "page 1: page size") != NULL);

    /* no pages: no PDF a reader would refuse */
    ps = (hs_pages){0};
    r = new_report();
    CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), -1);
    CHECK_STR(diag_code[0], "pdf");

    /* and a document with earlier errors still renders when asked */
    ps = (hs_pages){0};
    add_text(a, add_page(a, &ps), face("sans", HS_FACE_REGULAR), 100, "Được");
    r = new_report();
    r.errors = 1;
    CHECK_INT(hs_render_pdf(&ps, a, &r, &pdf, &len), 0);
    CHECK_INT(ndiag, 0);
    hs_arena_free(a);
}

/* libharu 2.3.0 refused a seek to the end of a memory stream whose size is
 * a whole number of buffers; subset fonts of such a size failed to embed
 * (engine/render/harufix.c). The stream is made and sought by libharu itself,
 * so this checks that its calls reach the fix. */
static void
memstream_seek_to_end(void)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_Stream st = HPDF_MemStream_New(pdf->mmgr, HPDF_STREAM_BUF_SIZ);
    static unsigned char block[HPDF_STREAM_BUF_SIZ * 2];
    CHECK_INT(HPDF_Stream_Write(st, block, sizeof block), HPDF_OK);
    CHECK_INT(HPDF_Stream_Seek(st, (HPDF_INT)sizeof block, HPDF_SEEK_SET), HPDF_OK);
    CHECK_INT(HPDF_Stream_Seek(st, HPDF_STREAM_BUF_SIZ, HPDF_SEEK_SET), HPDF_OK);
    CHECK(HPDF_Stream_Seek(st, (HPDF_INT)sizeof block + 1, HPDF_SEEK_SET) != HPDF_OK);
    HPDF_Stream_Free(st);
    HPDF_Free(pdf);
}

/* Memory stream writes as libharu 2.3.0 makes them (engine/render/harufix.c
 * replaces its write function): bytes kept in order across buffers, a
 * buffer filled exactly left the last one until more bytes come, the size
 * counted, a write refused once the document has an error. */
static void
memstream_writes(void)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_Stream st = HPDF_MemStream_New(pdf->mmgr, 8);
    unsigned char in[64], back[64];
    for (size_t i = 0; i < sizeof in; i++)
        in[i] = (unsigned char)(i * 7 + 1);
    CHECK_INT(HPDF_Stream_Write(st, in, 0), HPDF_OK);
    CHECK_INT(HPDF_MemStream_GetBufCount(st), 0);
    CHECK_INT(HPDF_Stream_Write(st, in, 3), HPDF_OK);
    CHECK_INT(HPDF_Stream_Write(st, in + 3, 5), HPDF_OK); /* fills the first buffer */
    CHECK_INT(HPDF_MemStream_GetBufCount(st), 1);
    CHECK_INT(HPDF_Stream_Seek(st, 8, HPDF_SEEK_SET), HPDF_OK);
    CHECK_INT(HPDF_Stream_Write(st, in + 8, 1), HPDF_OK);
    CHECK_INT(HPDF_MemStream_GetBufCount(st), 2);
    CHECK_INT(HPDF_Stream_Write(st, in + 9, 30), HPDF_OK); /* across four buffers */
    CHECK_INT(HPDF_MemStream_GetBufCount(st), 5);
    CHECK_INT(HPDF_Stream_Size(st), 39);
    CHECK_INT(HPDF_Stream_Seek(st, 0, HPDF_SEEK_SET), HPDF_OK);
    HPDF_UINT n = sizeof back;
    CHECK_INT(HPDF_Stream_Read(st, back, &n), HPDF_STREAM_EOF);
    CHECK_INT(n, 39);
    CHECK(memcmp(back, in, 39) == 0);
    HPDF_SetError(st->error, HPDF_INVALID_OBJECT, 0);
    CHECK_INT(HPDF_Stream_Write(st, in, 1), HPDF_THIS_FUNC_WAS_SKIPPED);
    CHECK_INT(HPDF_Stream_Size(st), 39);
    HPDF_ResetError(pdf);
    HPDF_Stream_Free(st);
    HPDF_Free(pdf);
}

/* An outlined text (a watermark that must not be extracted) is drawn from
 * the font's bytes layout measured (hs_face_file), not from the file at
 * the face's path read again: emptied after the face read it (a font
 * edited during a run), the outlines are still the face's. */
static void
outlines_from_the_bytes_measured(void)
{
    char path[] = "/tmp/hs-outlines-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    FILE *in = fopen("fonts/LiberationSerif-Regular.ttf", "rb");
    CHECK(in != NULL);
    char buf[8192];
    size_t k;
    while (in != NULL && (k = fread(buf, 1, sizeof buf, in)) > 0)
        CHECK(write(fd, buf, k) == (ssize_t)k);
    if (in != NULL)
        fclose(in);
    hs_report r = new_report();
    hs_face *face = hs_face_load(path, "serif", HS_FACE_REGULAR, &r, HS_LOC_NONE);
    CHECK(face != NULL);
    size_t n = 0;
    CHECK(face != NULL && hs_face_file(face, &n) != NULL && n > 1000);
    CHECK_INT(ftruncate(fd, 0), 0); /* the font edited: nothing of it left */
    close(fd);
    if (face != NULL) {
        hs_arena *a = hs_arena_new(0);
        HPDF_Doc pdf = HPDF_New(NULL, NULL);
        HPDF_Page page = HPDF_AddPage(pdf);
        static const char text[] = "BẢN NHÁP";
        hs_item it = {.kind = HS_ITEM_TEXT,
                      .face = face,
                      .size_pt = 40,
                      .text = text,
                      .len = sizeof text - 1,
                      .angle = 45,
                      .outlines = 1};
        hs_outlines *cache = NULL;
        HPDF_STATUS st = HPDF_OK;
        CHECK_INT(hs_render_outlines(&cache, a, page, &it, 100, 100, &r, &st), 0);
        CHECK_INT(st, HPDF_OK);
        CHECK_INT(ndiag, 0);
        if (ndiag > 0)
            fprintf(stderr, "  %s\n", diag_msg[0]);
        hs_render_outlines_free(cache);
        HPDF_Free(pdf);
        hs_arena_free(a);
        hs_face_free(face);
    }
    unlink(path);
}

int
main(void)
{
    hs_report r = new_report();
    fonts = hs_fontset_new("fonts", &r);
    if (fonts == NULL) {
        fprintf(stderr, "%s\n", diag_msg[0]);
        return 1;
    }
    RUN(family_lookup);
    RUN(family_fallback);
    RUN(family_style_fallback);
    RUN(family_bad_conf);
    RUN(face_widths_match_libharu);
    RUN(render_vietnamese);
    RUN(render_is_deterministic);
    RUN(render_images_and_rules);
    RUN(render_errors);
    RUN(memstream_seek_to_end);
    RUN(memstream_writes);
    RUN(outlines_from_the_bytes_measured);

    hs_fontset_free(fonts);
    printf("1..%d\n", hs_t_count);
    return DONE();
}
