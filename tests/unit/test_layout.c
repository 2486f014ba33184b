/* tests/unit/test_layout.c — layout and pagination on documents built by hand:
 * line breaking, alignment, missing glyphs, tables over pages, keeps, widows
 * and orphans, page X/Y bands, blocks taller than a page.
 *
 * Run from the repository root (fonts/ is read from there, or $HOSO_FONTS). */
#include "doc/doc.h"
#include "font/font.h"
#include "layout/layout.h"
#include "page/page.h"
#include "text/text.h"

#include "harness.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

/* ---- diagnostics ---- */
#define MAXD 32
static struct {
    int n;
    char code[MAXD][16];
    char msg[MAXD][512];
    hs_loc loc[MAXD];
} diags;

static void
collect(void *user, const hs_diag *d)
{
    (void)user;
    if (getenv("HS_TEST_VERBOSE") != NULL) {
        char line[600];
        hs_diag_format(d, line, sizeof line);
        fprintf(stderr, "  diag: %s\n", line);
    }
    if (diags.n < MAXD) {
        snprintf(diags.code[diags.n], sizeof diags.code[0], "%s", hs_code_name(d->code));
        snprintf(diags.msg[diags.n], sizeof diags.msg[0], "%s", d->message);
        diags.loc[diags.n] = d->loc;
    }
    diags.n++;
}

/* ---- one document's world: arena, report, fonts ---- */
static hs_fontset *fonts;
static hs_arena *arena;
static hs_report report;

static void
fresh(void)
{
    if (arena != NULL)
        hs_arena_free(arena);
    arena = hs_arena_new(0);
    memset(&diags, 0, sizeof diags);
    report = (hs_report){.sink = collect, .limit = 100};
}

#define SIZE 12.0
#define LH 1.2
#define LINE (SIZE * LH)

static const hs_face *
serif(void)
{
    return hs_fontset_lookup(fonts, "serif")->face[HS_FACE_REGULAR];
}

/* Width of s in serif regular at SIZE, as layout measures it. */
static double
width(const char *s)
{
    double w = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = hs_utf8_decode(s + i, n - i, &cp);
        w += hs_face_advance(serif(), cp) * SIZE / 1000.0;
        i += (size_t)(k > 0 ? k : 1);
    }
    return w;
}

static hs_style
style(void)
{
    return (hs_style){.family = "serif", .size_pt = SIZE, .line_height = LH};
}

static hs_run *
run(hs_run_kind k, const char *text)
{
    hs_run *r = HS_NEW(arena, hs_run);
    r->kind = k;
    r->style = style();
    r->text = text;
    r->len = text ? strlen(text) : 0;
    r->loc = (hs_loc){"template.xml", 3};
    return r;
}

static hs_run *
text(const char *s)
{
    return run(HS_RUN_TEXT, s);
}

/* Link runs (or blocks) given in order; the list ends with NULL. */
static hs_run *
runs(hs_run *first, ...)
{
    va_list ap;
    va_start(ap, first);
    hs_run *last = first;
    for (hs_run *r; (r = va_arg(ap, hs_run *)) != NULL; last = r)
        last->next = r;
    va_end(ap);
    return first;
}

static hs_block *
blocks(hs_block *first, ...)
{
    va_list ap;
    va_start(ap, first);
    hs_block *last = first;
    for (hs_block *b; (b = va_arg(ap, hs_block *)) != NULL; last = b) {
        while (last->next != NULL)
            last = last->next;
        last->next = b;
    }
    va_end(ap);
    return first;
}

static hs_block *
block(hs_block_kind k)
{
    hs_block *b = HS_NEW(arena, hs_block);
    b->kind = k;
    b->style = style();
    b->loc = (hs_loc){"template.xml", 2};
    return b;
}

static hs_block *
para(hs_align al, hs_run *r)
{
    hs_block *b = block(HS_BLOCK_PARA);
    b->align = al;
    b->runs = r;
    return b;
}

static hs_block *
ptext(const char *s)
{
    return para(HS_ALIGN_LEFT, text(s));
}

#define MARGIN 20.0

/* A page whose body is cw wide and holds `lines` lines of LINE pt. */
static hs_doc *
doc(double cw, double lines, hs_block *body)
{
    hs_doc *d = HS_NEW(arena, hs_doc);
    d->page_w = cw + 2 * MARGIN;
    d->page_h = lines * LINE + 0.5 + 2 * MARGIN;
    for (int i = 0; i < 4; i++)
        d->margin[i] = MARGIN;
    d->body = body;
    d->date_epoch = -1;
    return d;
}

static int
layout(const hs_doc *d, hs_pages *out)
{
    return hs_page_document(d, fonts, arena, &report, out);
}

/* ---- reading the pages ---- */
static char strbuf[16][256];
static int strnext;

static const char *
str(const hs_item *it)
{
    char *s = strbuf[strnext++ % 16];
    snprintf(s, sizeof strbuf[0], "%.*s", (int)it->len, it->text);
    return s;
}

static const hs_page *
page(const hs_pages *ps, int n)
{
    const hs_page *p = ps->first;
    while (p != NULL && --n > 0)
        p = p->next;
    return p;
}

static int
count(const hs_page *p, hs_item_kind k)
{
    int n = 0;
    for (const hs_item *it = p ? p->first : NULL; it != NULL; it = it->next)
        n += it->kind == k;
    return n;
}

/* The i-th text item of a page (0-based), in list order. */
static const hs_item *
nth_text(const hs_page *p, int i)
{
    for (const hs_item *it = p ? p->first : NULL; it != NULL; it = it->next)
        if (it->kind == HS_ITEM_TEXT && i-- == 0)
            return it;
    return NULL;
}

static double
item_width(const hs_item *it)
{
    return hs_face_text_width(it->face, it->text, it->len) * it->size_pt / 1000.0;
}

/* Text items on one baseline, left to right, joined. */
static const char *
line_text(const hs_page *p, double y)
{
    char *s = strbuf[strnext++ % 16];
    s[0] = '\0';
    double x = -1;
    for (;;) {
        const hs_item *best = NULL;
        for (const hs_item *it = p->first; it != NULL; it = it->next)
            if (it->kind == HS_ITEM_TEXT && fabs(it->y - y) < 0.01 && it->x > x &&
                (best == NULL || it->x < best->x))
                best = it;
        if (best == NULL)
            return s;
        snprintf(s + strlen(s), sizeof strbuf[0] - strlen(s), "%.*s", (int)best->len, best->text);
        x = best->x;
    }
}

static int
distinct_baselines(const hs_page *p)
{
    double ys[256];
    int n = 0;
    for (const hs_item *it = p->first; it != NULL; it = it->next) {
        if (it->kind != HS_ITEM_TEXT)
            continue;
        int seen = 0;
        for (int i = 0; i < n; i++)
            seen |= fabs(ys[i] - it->y) < 0.01;
        if (!seen && n < 256)
            ys[n++] = it->y;
    }
    return n;
}

#define NEAR(a, b) (fabs((a) - (b)) < 1e-6)

/* ---- line breaking ---- */

static void
wraps_into_lines(void)
{
    fresh();
    double cw = 2 * width("alpha") + width(" ") + 1; /* two words a line */
    hs_block *p = ptext("alpha alpha alpha alpha alpha alpha");
    hs_pages out;
    CHECK_INT(layout(doc(cw, 20, p), &out), 0);
    CHECK_INT(out.count, 1);
    CHECK_INT(count(out.first, HS_ITEM_TEXT), 3);
    CHECK_INT(distinct_baselines(out.first), 3);
    for (int i = 0; i < 3; i++) {
        const hs_item *it = nth_text(out.first, i);
        CHECK_STR(str(it), "alpha alpha");
        CHECK(NEAR(it->x, MARGIN));
        /* items point into the run's own text */
        CHECK(it->text >= p->runs->text && it->text + it->len <= p->runs->text + p->runs->len);
        if (i > 0)
            CHECK(NEAR(it->y - nth_text(out.first, i - 1)->y, LINE));
    }
    CHECK(out.info.creator != NULL && strcmp(out.info.creator, "hoso") == 0);
    CHECK_INT(out.info.date_epoch, -1);
}

static void
money_stays_whole(void)
{
    fresh();
    const char *head = "Tổng cộng 1.234.567";
    double cw = width(head) + 2; /* "₫" does not fit after it */
    hs_pages out;
    CHECK_INT(layout(doc(cw, 20, ptext("Tổng cộng 1.234.567\u00A0₫")), &out), 0);
    CHECK_INT(count(out.first, HS_ITEM_TEXT), 2);
    CHECK_STR(str(nth_text(out.first, 0)), "Tổng cộng");
    CHECK_STR(str(nth_text(out.first, 1)), "1.234.567\u00A0₫");
    /* with a plain space ICU may break before ₫: the test means something */
    fresh();
    CHECK_INT(layout(doc(cw, 20, ptext("Tổng cộng 1.234.567 ₫")), &out), 0);
    CHECK_STR(str(nth_text(out.first, 0)), "Tổng cộng 1.234.567");
    CHECK_STR(str(nth_text(out.first, 1)), "₫");
}

static void
hard_break(void)
{
    fresh();
    hs_pages out;
    hs_block *p = para(HS_ALIGN_LEFT,
                       runs(text("Dòng một"), run(HS_RUN_BREAK, NULL), text("Dòng hai"), NULL));
    CHECK_INT(layout(doc(400, 20, p), &out), 0);
    CHECK_INT(count(out.first, HS_ITEM_TEXT), 2);
    const hs_item *a = nth_text(out.first, 0), *b = nth_text(out.first, 1);
    CHECK_STR(str(a), "Dòng một");
    CHECK_STR(str(b), "Dòng hai");
    CHECK(NEAR(b->y - a->y, LINE));
    CHECK(NEAR(a->x, MARGIN) && NEAR(b->x, MARGIN));
}

static void
long_word_is_cut(void)
{
    fresh();
    hs_pages out;
    /* a code (letters with digits): a word of letters is never cut */
    double cw = width("abc123") + 0.5;
    CHECK_INT(layout(doc(cw, 20, ptext("abc123def456")), &out), 0);
    CHECK_INT(count(out.first, HS_ITEM_TEXT), 2);
    CHECK_STR(str(nth_text(out.first, 0)), "abc123");
    CHECK_STR(str(nth_text(out.first, 1)), "def456");
}

static void
empty_paragraph_is_a_line(void)
{
    fresh();
    hs_pages out;
    hs_block *a = ptext("a"), *e = para(HS_ALIGN_LEFT, NULL), *b = ptext("b");
    CHECK_INT(layout(doc(300, 20, blocks(a, e, b, NULL)), &out), 0);
    CHECK(NEAR(nth_text(out.first, 1)->y - nth_text(out.first, 0)->y, 2 * LINE));
}

/* ---- alignment ---- */

static void
right_and_center(void)
{
    fresh();
    hs_pages out;
    double cw = 300;
    hs_block *r = para(HS_ALIGN_RIGHT, text("Trang cuối")),
             *c = para(HS_ALIGN_CENTER, text("Giữa"));
    CHECK_INT(layout(doc(cw, 20, blocks(r, c, NULL)), &out), 0);
    const hs_item *a = nth_text(out.first, 0), *b = nth_text(out.first, 1);
    CHECK(NEAR(a->x + item_width(a), MARGIN + cw));
    CHECK(NEAR(a->x + item_width(a), MARGIN + cw));
    CHECK(NEAR(b->x - MARGIN, MARGIN + cw - (b->x + item_width(b))));
}

static void
justified(void)
{
    fresh();
    hs_pages out;
    double cw = 200;
    hs_block *p = para(HS_ALIGN_JUSTIFY,
                       text("Bên A có trách nhiệm thanh toán đầy đủ cho Bên B theo đúng tiến độ "
                            "đã thỏa thuận trong hợp đồng này"));
    CHECK_INT(layout(doc(cw, 20, p), &out), 0);
    int lines = distinct_baselines(out.first);
    CHECK(lines >= 3);
    const hs_item *first = NULL, *prev = NULL;
    int line = 0;
    for (const hs_item *it = out.first->first;; it = it->next) {
        if (it != NULL && it->kind != HS_ITEM_TEXT)
            continue;
        if (it == NULL || (prev != NULL && !NEAR(it->y, prev->y))) {
            /* prev ends the line that started with first */
            CHECK(NEAR(first->x, MARGIN));
            line++;
            if (line < lines)
                CHECK(NEAR(prev->x + item_width(prev), MARGIN + cw));
            else
                CHECK(prev->x + item_width(prev) < MARGIN + cw - 1);
            if (it == NULL)
                break;
            first = it;
        } else if (prev != NULL && line == lines - 1) {
            CHECK(NEAR(it->x, prev->x + item_width(prev))); /* last line: natural spaces */
        }
        if (first == NULL)
            first = it;
        if (line < lines - 1)
            CHECK(memchr(it->text, ' ', it->len) == NULL); /* one word an item */
        prev = it;
    }
    CHECK_INT(line, lines);
}

/* ---- errors ---- */

static void
missing_glyphs(void)
{
    fresh();
    hs_run *r = text("ABC 中 xyz");
    r->field = "customer/name";
    r->loc = (hs_loc){"rec.xml", 12};
    hs_run *e = text("ok 😀");
    e->field = "contact/note";
    e->loc = (hs_loc){"rec.xml", 20};
    hs_block *p1 = para(HS_ALIGN_LEFT, runs(text("Công ty "), r, NULL));
    hs_block *p2 = para(HS_ALIGN_LEFT, e);
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, blocks(p1, p2, NULL)), &out), -1);
    CHECK_INT(diags.n, 2);
    CHECK_STR(diags.code[0], "glyph");
    CHECK(strstr(diags.msg[0], "U+4E2D") != NULL);
    CHECK(strstr(diags.msg[0], "'中'") != NULL);
    CHECK(strstr(diags.msg[0], "customer/name") != NULL);
    CHECK(strstr(diags.msg[0], "'serif'") != NULL);
    CHECK_STR(diags.loc[0].file, "rec.xml");
    CHECK_INT(diags.loc[0].line, 12);
    CHECK_STR(diags.code[1], "glyph");
    CHECK(strstr(diags.msg[1], "U+1F600") != NULL);
    CHECK(strstr(diags.msg[1], "contact/note") != NULL);
    CHECK_INT(diags.loc[1].line, 20);
}

static void
unknown_family(void)
{
    fresh();
    hs_run *r = text("x");
    r->style.family = "mono";
    r->loc = (hs_loc){"template.xml", 7};
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, para(HS_ALIGN_LEFT, r)), &out), -1);
    CHECK_INT(diags.n, 1);
    CHECK_STR(diags.code[0], "font");
    CHECK(strstr(diags.msg[0], "'mono'") != NULL && strstr(diags.msg[0], "serif") != NULL);
    CHECK_INT(diags.loc[0].line, 7);
}

static void
image_errors_and_size(void)
{
    fresh();
    hs_pages out;
    const char *path = "/tmp/hoso-test-layout.png";
    /* a 200 x 100 pixel PNG: layout decodes it (image/) and takes its size */
    CHECK(system("convert -size 200x100 xc:red PNG24:/tmp/hoso-test-layout.png") == 0);
    hs_block *img = block(HS_BLOCK_IMAGE);
    img->image_path = path;
    img->width = 100;
    img->align = HS_ALIGN_RIGHT;
    CHECK_INT(layout(doc(300, 20, img), &out), 0);
    const hs_item *it = out.first->first;
    CHECK(it != NULL && it->kind == HS_ITEM_IMAGE);
    if (it != NULL) {
        CHECK(NEAR(it->w, 100) && NEAR(it->h, 50));
        CHECK(NEAR(it->x, MARGIN + 200) && NEAR(it->y, MARGIN));
    }
    remove(path);
    fresh();
    img = block(HS_BLOCK_IMAGE);
    img->image_path = "/nonexistent/logo.png";
    img->loc = (hs_loc){"template.xml", 9};
    img->height = 40;
    CHECK_INT(layout(doc(300, 20, img), &out), -1);
    CHECK_INT(diags.n, 1);
    CHECK_STR(diags.code[0], "image");
    CHECK_INT(diags.loc[0].line, 9);
}

/* ---- tables ---- */

static hs_cell *
cell(const char *s)
{
    hs_cell *c = HS_NEW(arena, hs_cell);
    c->colspan = 1;
    c->background = HS_NO_COLOR;
    c->border_pt = -1;
    c->blocks = s ? ptext(s) : NULL;
    return c;
}

static hs_row *
row(hs_cell *a, hs_cell *b)
{
    hs_row *r = HS_NEW(arena, hs_row);
    r->cells = a;
    a->next = b;
    return r;
}

static hs_block *
table(hs_row *rows, double fixed0)
{
    hs_block *b = block(HS_BLOCK_TABLE);
    hs_table *t = HS_NEW(arena, hs_table);
    t->ncols = 2;
    t->cols = HS_NEW_N(arena, 2, hs_colspec);
    t->cols[0].fixed_pt = fixed0;
    t->cols[1].weight = 1;
    t->rows = rows;
    t->border_pt = 0.5;
    for (int i = 0; i < 4; i++)
        t->pad[i] = 2;
    b->table = t;
    return b;
}

static void
table_over_pages(void)
{
    fresh();
    hs_row *head = row(cell("STT"), cell("Hạng mục")), *tail = head;
    head->header = 1;
    for (int i = 1; i <= 60; i++) {
        char *n = hs_arena_printf(arena, "%d", i);
        tail->next = row(cell(n), cell(hs_arena_printf(arena, "Row %d", i)));
        tail = tail->next;
    }
    hs_pages out;
    hs_doc *d = doc(300, 25, table(head, 40));
    CHECK_INT(layout(d, &out), 0);
    CHECK(out.count >= 3);
    int seen[61] = {0};
    for (const hs_page *p = out.first; p != NULL; p = p->next) {
        const hs_item *top = NULL;
        for (const hs_item *it = p->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_TEXT)
                continue;
            if (top == NULL || it->y < top->y - 0.01 || (NEAR(it->y, top->y) && it->x < top->x))
                top = it;
            int k;
            if (sscanf(str(it), "Row %d", &k) == 1 && k >= 1 && k <= 60)
                seen[k]++;
            CHECK(it->y <= d->page_h - MARGIN);
            if (strcmp(str(it), "Hạng mục") != 0 && strcmp(str(it), "STT") != 0 &&
                strncmp(str(it), "Row ", 4) != 0)
                CHECK(atoi(str(it)) >= 1);
        }
        CHECK(top != NULL && strcmp(str(top), "STT") == 0);
        CHECK(top != NULL && NEAR(top->x, MARGIN + 2));
    }
    for (int k = 1; k <= 60; k++)
        CHECK_INT(seen[k], 1);
}

static void
column_widths_and_spans(void)
{
    fresh();
    hs_cell *wide = cell("Cộng");
    wide->colspan = 2;
    hs_row *r1 = row(cell("a"), cell("b"));
    r1->next = HS_NEW(arena, hs_row);
    r1->next->cells = wide;
    hs_block *t = table(r1, 50);
    t->table->ncols = 3;
    t->table->cols = HS_NEW_N(arena, 3, hs_colspec);
    t->table->cols[0].fixed_pt = 50;
    t->table->cols[1].weight = 1;
    t->table->cols[2].weight = 3;
    r1->cells->next->next = cell("c");
    wide->next = cell("d");
    hs_pages out;
    CHECK_INT(layout(doc(450, 20, t), &out), 0);
    /* columns 50, 100, 300 */
    CHECK(NEAR(nth_text(out.first, 0)->x, MARGIN + 2));
    CHECK(NEAR(nth_text(out.first, 1)->x, MARGIN + 52));
    CHECK(NEAR(nth_text(out.first, 2)->x, MARGIN + 152));
    CHECK(NEAR(nth_text(out.first, 3)->x, MARGIN + 2));
    CHECK(NEAR(nth_text(out.first, 4)->x, MARGIN + 152));
    CHECK(count(out.first, HS_ITEM_LINE) >= 10);
}

static void
cell_background_and_valign(void)
{
    fresh();
    hs_cell *a = cell("a"), *b = cell(NULL);
    b->blocks = para(HS_ALIGN_LEFT, runs(text("x"), run(HS_RUN_BREAK, NULL), text("y"), NULL));
    a->valign = HS_VALIGN_BOTTOM;
    a->background = 0xEEEEEE;
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, table(row(a, b), 50)), &out), 0);
    const hs_item *first = out.first->first;
    CHECK(first != NULL && first->kind == HS_ITEM_RECT && first->fill &&
          first->fill_color == 0xEEEEEE);
    const hs_item *ta = nth_text(out.first, 0), *ty = nth_text(out.first, 2);
    CHECK_STR(str(ta), "a");
    CHECK_STR(str(ty), "y");
    CHECK(NEAR(ta->y, ty->y)); /* bottom-aligned with the second line */
}

static void
row_taller_than_page(void)
{
    fresh();
    hs_run *r = text("l1");
    hs_run *last = r;
    for (int i = 2; i <= 100; i++) {
        last->next = run(HS_RUN_BREAK, NULL);
        last->next->next = text(hs_arena_printf(arena, "l%d", i));
        last = last->next->next;
    }
    hs_cell *big = cell(NULL);
    big->blocks = para(HS_ALIGN_LEFT, r);
    hs_row *head = row(cell("H1"), cell("H2"));
    head->header = 1;
    head->next = row(cell("1"), big);
    hs_pages out;
    hs_doc *d = doc(300, 20, blocks(ptext("before"), table(head, 40), ptext("after"), NULL));
    CHECK_INT(layout(d, &out), 0);
    CHECK(out.count >= 6);
    int seen[101] = {0}, after = 0;
    for (const hs_page *p = out.first; p != NULL; p = p->next) {
        CHECK_STR(str(nth_text(p, p == out.first ? 1 : 0)), "H1");
        for (const hs_item *it = p->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_TEXT)
                continue;
            int k;
            if (sscanf(str(it), "l%d", &k) == 1 && k >= 1 && k <= 100)
                seen[k]++;
            after += strcmp(str(it), "after") == 0;
            CHECK(it->y <= d->page_h - MARGIN);
        }
    }
    for (int k = 1; k <= 100; k++)
        CHECK_INT(seen[k], 1);
    CHECK_INT(after, 1);
}

static void
nested_table(void)
{
    fresh();
    hs_cell *outer = cell(NULL);
    outer->blocks = table(row(cell("in1"), cell("in2")), 30);
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, table(row(cell("out"), outer), 40)), &out), 0);
    CHECK_INT(count(out.first, HS_ITEM_TEXT), 3);
    CHECK_STR(str(nth_text(out.first, 1)), "in1");
}

/* ---- pagination ---- */

static void
keep_with_next(void)
{
    fresh();
    hs_block *body = NULL;
    for (int i = 0; i < 9; i++)
        body = body ? blocks(body, ptext("x"), NULL) : ptext("x");
    hs_block *h = ptext("Heading");
    h->keep_with_next = 1;
    hs_block *p =
        para(HS_ALIGN_LEFT, runs(text("one"), run(HS_RUN_BREAK, NULL), text("two"), NULL));
    hs_pages out;
    CHECK_INT(layout(doc(300, 10, blocks(body, h, p, NULL)), &out), 0);
    CHECK_INT(out.count, 2);
    CHECK_INT(count(page(&out, 1), HS_ITEM_TEXT), 9);
    CHECK_STR(str(nth_text(page(&out, 2), 0)), "Heading");
    CHECK(NEAR(nth_text(page(&out, 2), 0)->y - MARGIN,
               nth_text(page(&out, 1), 0)->y - MARGIN)); /* no space at the page top */
    /* without keep-with-next the heading stays on page 1 */
    fresh();
    body = NULL;
    for (int i = 0; i < 9; i++)
        body = body ? blocks(body, ptext("x"), NULL) : ptext("x");
    p = para(HS_ALIGN_LEFT, runs(text("one"), run(HS_RUN_BREAK, NULL), text("two"), NULL));
    CHECK_INT(layout(doc(300, 10, blocks(body, ptext("Heading"), p, NULL)), &out), 0);
    CHECK_INT(count(page(&out, 1), HS_ITEM_TEXT), 10);
}

static hs_block *
fillers(int n)
{
    hs_block *body = ptext("x");
    for (int i = 1; i < n; i++)
        blocks(body, ptext("x"), NULL);
    return body;
}

static hs_block *
five_lines(void)
{
    return ptext("alpha alpha alpha alpha alpha"); /* in a column one word wide */
}

static void
widows_and_orphans(void)
{
    double cw = width("alpha") + 1;
    hs_pages out;
    /* one line would be left alone at the page bottom: the paragraph moves */
    fresh();
    CHECK_INT(layout(doc(cw, 10, blocks(fillers(9), five_lines(), NULL)), &out), 0);
    CHECK_INT(out.count, 2);
    CHECK_INT(count(page(&out, 1), HS_ITEM_TEXT), 9);
    CHECK_INT(count(page(&out, 2), HS_ITEM_TEXT), 5);
    /* four lines fit, one would go over alone: three stay, two go */
    fresh();
    CHECK_INT(layout(doc(cw, 10, blocks(fillers(6), five_lines(), NULL)), &out), 0);
    CHECK_INT(count(page(&out, 1), HS_ITEM_TEXT), 9);
    CHECK_INT(count(page(&out, 2), HS_ITEM_TEXT), 2);
    /* two lines fit: the split leaves two on each side */
    fresh();
    CHECK_INT(layout(doc(cw, 10, blocks(fillers(8), five_lines(), NULL)), &out), 0);
    CHECK_INT(count(page(&out, 1), HS_ITEM_TEXT), 10);
    CHECK_INT(count(page(&out, 2), HS_ITEM_TEXT), 3);
}

static void
keep_together_and_taller_than_page(void)
{
    hs_pages out;
    fresh();
    hs_block *g = block(HS_BLOCK_GROUP);
    g->keep_together = 1;
    g->children = blocks(ptext("g1"), ptext("g2"), ptext("g3"), NULL);
    CHECK_INT(layout(doc(300, 10, blocks(fillers(8), g, NULL)), &out), 0);
    CHECK_INT(out.count, 2);
    CHECK_STR(str(nth_text(page(&out, 2), 0)), "g1");
    /* 200 lines kept together cannot be: they go over 20 pages, none lost */
    fresh();
    hs_run *r = text("w0"), *last = r;
    for (int i = 1; i < 200; i++) {
        last->next = run(HS_RUN_BREAK, NULL);
        last = last->next->next = text(hs_arena_printf(arena, "w%d", i));
    }
    hs_block *p = para(HS_ALIGN_LEFT, r);
    p->keep_together = 1;
    CHECK_INT(layout(doc(300, 10, blocks(ptext("first"), p, NULL)), &out), 0);
    int n = 0;
    for (const hs_page *pg = out.first; pg != NULL; pg = pg->next)
        n += count(pg, HS_ITEM_TEXT);
    CHECK_INT(n, 201);
    CHECK_INT(out.count, 21);
    CHECK_INT(count(page(&out, 1), HS_ITEM_TEXT), 1);
}

static void
spacing_collapses(void)
{
    fresh();
    hs_block *a = ptext("a"), *b = ptext("b");
    a->space_after = 10;
    b->space_before = 6;
    a->space_before = 30; /* dropped at the page top */
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, blocks(a, b, NULL)), &out), 0);
    const hs_item *x = nth_text(out.first, 0), *y = nth_text(out.first, 1);
    CHECK(NEAR(y->y - x->y, LINE + 10));
    CHECK(x->y < MARGIN + LINE);
}

static void
page_breaks(void)
{
    fresh();
    hs_pages out;
    hs_block *body = blocks(ptext("p1"), block(HS_BLOCK_PAGE_BREAK), ptext("p2"),
                            block(HS_BLOCK_PAGE_BREAK), NULL);
    CHECK_INT(layout(doc(300, 20, body), &out), 0);
    CHECK_INT(out.count, 2); /* a trailing break makes no empty page */
    CHECK_STR(str(nth_text(page(&out, 2), 0)), "p2");
    fresh();
    CHECK_INT(layout(doc(300, 20, NULL), &out), 0);
    CHECK_INT(out.count, 1);
    CHECK(out.first->first == NULL);
    CHECK(NEAR(out.first->width_pt, 340));
}

static hs_band *
band(hs_pages_sel on, hs_block *blocks_)
{
    hs_band *b = HS_NEW(arena, hs_band);
    b->on = on;
    b->offset_pt = 5;
    b->blocks = blocks_;
    return b;
}

static void
page_x_of_y(void)
{
    fresh();
    hs_doc *d = doc(300, 10,
                    blocks(ptext("a"), block(HS_BLOCK_PAGE_BREAK), ptext("b"),
                           block(HS_BLOCK_PAGE_BREAK), ptext("c"), NULL));
    d->footers =
        band(HS_ON_ALL, para(HS_ALIGN_CENTER, runs(text("Trang "), run(HS_RUN_PAGE, NULL),
                                                   text("/"), run(HS_RUN_PAGES, NULL), NULL)));
    d->headers = band(HS_ON_FIRST, ptext("FIRST"));
    d->headers->next = band(HS_ON_ALL, ptext("ALL"));
    hs_pages out;
    CHECK_INT(layout(d, &out), 0);
    CHECK_INT(out.count, 3);
    int no = 0;
    for (const hs_page *p = out.first; p != NULL; p = p->next) {
        no++;
        const hs_item *foot = NULL, *head = NULL;
        for (const hs_item *it = p->first; it != NULL; it = it->next) {
            if (it->kind == HS_ITEM_TEXT && it->y > d->page_h - MARGIN)
                foot = it;
            if (it->kind == HS_ITEM_TEXT && it->y < MARGIN)
                head = head ? head : it;
        }
        CHECK(foot != NULL);
        if (foot != NULL) {
            char want[32];
            snprintf(want, sizeof want, "Trang %d/3", no);
            CHECK_STR(line_text(p, foot->y), want);
            /* the footer's bottom is 5 pt above the page's */
            CHECK(foot->y < d->page_h - 5 && foot->y > d->page_h - 5 - LINE);
        }
        CHECK(head != NULL);
        if (head != NULL) {
            CHECK_STR(line_text(p, head->y), no == 1 ? "FIRST" : "ALL");
            CHECK(head->y > 5 && head->y < 5 + LINE);
        }
    }
}

static void
page_numbers_in_body(void)
{
    fresh();
    hs_doc *d = doc(300, 10,
                    blocks(ptext("a"), block(HS_BLOCK_PAGE_BREAK),
                           para(HS_ALIGN_LEFT, runs(text("page "), run(HS_RUN_PAGE, NULL),
                                                    text(" of "), run(HS_RUN_PAGES, NULL), NULL)),
                           NULL));
    hs_pages out;
    CHECK_INT(layout(d, &out), 0);
    CHECK_INT(out.count, 2);
    const hs_item *it = nth_text(page(&out, 2), 0);
    CHECK(it != NULL);
    if (it != NULL)
        CHECK_STR(line_text(page(&out, 2), it->y), "page 2 of 2");
}

/* ---- other blocks and inline things ---- */

static void
rules_lines_checkboxes_underline(void)
{
    fresh();
    hs_block *rule = block(HS_BLOCK_RULE);
    rule->width = 100;
    rule->rule_pt = 1;
    rule->align = HS_ALIGN_CENTER;
    hs_block *lines = block(HS_BLOCK_LINES);
    lines->count = 3;
    lines->height = 20;
    lines->rule_pt = 0.5;
    hs_run *box = run(HS_RUN_CHECKBOX, NULL), *empty = run(HS_RUN_CHECKBOX, NULL);
    box->checked = 1;
    hs_run *u = text("ký tên");
    u->style.underline = 1;
    hs_block *p = para(HS_ALIGN_LEFT, runs(box, text(" Đạt "), empty, text(" "), u, NULL));
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, blocks(rule, lines, p, NULL)), &out), 0);
    const hs_item *it = out.first->first;
    CHECK(it->kind == HS_ITEM_LINE && NEAR(it->x, MARGIN + 100) && NEAR(it->x2, MARGIN + 200));
    CHECK(NEAR(it->line_width, 1));
    int lines_full = 0, rects = 0, ticks = 0, under = 0;
    const hs_item *dat = NULL;
    for (it = out.first->first; it != NULL; it = it->next)
        if (it->kind == HS_ITEM_TEXT && strstr(str(it), "Đạt") != NULL)
            dat = it;
    CHECK(dat != NULL);
    for (it = out.first->first; it != NULL; it = it->next) {
        if (it->kind == HS_ITEM_LINE && NEAR(it->x, MARGIN) && NEAR(it->x2, MARGIN + 300))
            lines_full++;
        if (it->kind == HS_ITEM_RECT) {
            rects++;
            CHECK(dat && NEAR(it->y + it->h, dat->y) && NEAR(it->w, 0.75 * SIZE));
        }
        if (it->kind == HS_ITEM_LINE && dat && it->y < dat->y && it->y > dat->y - SIZE &&
            it->x2 < MARGIN + SIZE)
            ticks++;
        if (it->kind == HS_ITEM_LINE && dat && it->y > dat->y && it->y < dat->y + 3 &&
            NEAR(it->y, dat->y - serif()->underline_pos * SIZE / 1000.0))
            under++;
    }
    CHECK_INT(lines_full, 3);
    CHECK_INT(rects, 2);
    CHECK_INT(ticks, 2);
    CHECK_INT(under, 1);
}

static void
dump(void)
{
    fresh();
    hs_run *r = text("Trang \"cuối\"");
    r->field = "customer/name";
    r->loc = (hs_loc){"rec.xml", 12};
    hs_doc *d =
        doc(300, 20, blocks(para(HS_ALIGN_RIGHT, r), table(row(cell("a"), cell("b")), 40), NULL));
    d->title = "Báo giá";
    hs_buf b;
    hs_buf_init(&b, arena);
    hs_doc_dump(d, &b);
    const char *s = hs_buf_cstr(&b);
    CHECK(strstr(s, "document 340x") == s);
    CHECK(strstr(s, "  info title=\"Báo giá\"\n") != NULL);
    CHECK(strstr(s, "\n    p align=right serif 12/1.2 @template.xml:2\n") != NULL);
    CHECK(strstr(s, "\n      text \"Trang \\\"cuối\\\"\" serif 12/1.2 field=\"customer/name\" "
                    "@rec.xml:12\n") != NULL);
    CHECK(strstr(s, "\n      columns 40pt 1* border=0.5") != NULL);
    CHECK(strstr(s, "\n        cell colspan=1 valign=top\n          p serif") != NULL);
}

static void
fixed_columns_scale_and_borders(void)
{
    fresh();
    hs_cell *a = cell("a"), *b = cell("b");
    b->border_pt = 0; /* this cell has none */
    hs_block *t = table(row(a, b), 300);
    t->table->cols[1].fixed_pt = 300;
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, t), &out), 0);
    /* 600 pt of fixed columns in 300: halved */
    CHECK(NEAR(nth_text(out.first, 1)->x, MARGIN + 150 + 2));
    CHECK_INT(count(out.first, HS_ITEM_LINE), 4);
}

static void
group_indent_and_errors_said_once(void)
{
    fresh();
    hs_block *g = block(HS_BLOCK_GROUP);
    g->indent_left = 30;
    g->children = ptext("inside");
    hs_run *bad = text("Trang ☃");
    bad->loc = (hs_loc){"template.xml", 40};
    hs_doc *d = doc(300, 10, blocks(g, block(HS_BLOCK_PAGE_BREAK), ptext("p2"), NULL));
    d->footers = band(HS_ON_ALL, para(HS_ALIGN_LEFT, bad));
    hs_pages out;
    CHECK_INT(layout(d, &out), -1);
    CHECK_INT(diags.n, 1); /* not once a page */
    CHECK(strstr(diags.msg[0], "U+2603") != NULL && strstr(diags.msg[0], "template text"));
    fresh();
    g = block(HS_BLOCK_GROUP);
    g->indent_left = 30;
    g->children = ptext("inside");
    CHECK_INT(layout(doc(300, 10, g), &out), 0);
    CHECK(NEAR(nth_text(out.first, 0)->x, MARGIN + 30));
    fresh();
    d = doc(300, 10, NULL);
    d->margin[1] = d->margin[3] = 200;
    CHECK_INT(layout(d, &out), -1);
    CHECK_STR(diags.code[0], "layout");
}

static void
jpeg_size(void)
{
    fresh();
    const char *path = "/tmp/hoso-test-layout.jpg";
    /* a progressive JPEG, 256 wide and 64 high */
    CHECK(system("convert -size 256x64 xc:blue -interlace JPEG /tmp/hoso-test-layout.jpg") == 0);
    hs_block *img = block(HS_BLOCK_IMAGE);
    img->image_path = path;
    img->height = 20;
    img->align = HS_ALIGN_CENTER;
    hs_pages out;
    CHECK_INT(layout(doc(300, 20, img), &out), 0);
    const hs_item *it = out.first->first;
    CHECK(it != NULL && NEAR(it->w, 80) && NEAR(it->x, MARGIN + 110));
    remove(path);
}

int
main(void)
{
    const char *dir = getenv("HOSO_FONTS");
    hs_report r0 = {0};
    fonts = hs_fontset_new(dir ? dir : "fonts", &r0);
    if (fonts == NULL) {
        printf("not ok 1 fonts\n");
        return 1;
    }
    RUN(wraps_into_lines);
    RUN(money_stays_whole);
    RUN(hard_break);
    RUN(long_word_is_cut);
    RUN(empty_paragraph_is_a_line);
    RUN(right_and_center);
    RUN(justified);
    RUN(missing_glyphs);
    RUN(unknown_family);
    RUN(image_errors_and_size);
    RUN(table_over_pages);
    RUN(column_widths_and_spans);
    RUN(cell_background_and_valign);
    RUN(row_taller_than_page);
    RUN(nested_table);
    RUN(keep_with_next);
    RUN(widows_and_orphans);
    RUN(keep_together_and_taller_than_page);
    RUN(spacing_collapses);
    RUN(page_breaks);
    RUN(page_x_of_y);
    RUN(page_numbers_in_body);
    RUN(rules_lines_checkboxes_underline);
    RUN(fixed_columns_scale_and_borders);
    RUN(group_indent_and_errors_said_once);
    RUN(jpeg_size);
    RUN(dump);
    hs_arena_free(arena);
    hs_fontset_free(fonts);
    hs_text_cleanup();
    return DONE();
}
