/* engine/layout/para.c — a paragraph of styled runs into lines.
 *
 * The runs' text is joined, ICU gives the break opportunities once for the
 * whole paragraph, every code point gets the face that draws it (its family,
 * else a fallback; none is an error naming the character and the record
 * field), and lines are filled greedily. Justified lines move words apart,
 * never letters: each word is its own text item. */
#include "layout/layout_int.h"

#include "text/text.h"

#include <stdio.h>
#include <string.h>

#define OBJ_CHAR 0xFFFC /* a check box stands in the text as this */

typedef struct glyph {
    size_t off;         /* byte offset in the joined text */
    int len;            /* bytes */
    uint32_t cp;
    double w;           /* advance, pt */
    const hs_face *face;
    const hs_run *run;
} glyph;

typedef struct line {
    int from, to;       /* glyph range; trailing spaces excluded from [from, end) */
    int end;            /* first trailing space, or to */
    double width;       /* natural width without trailing spaces */
    int forced;         /* ends in a forced break (or is the last line) */
} line;

static int
is_space(uint32_t cp)
{
    return cp == ' ';
}

static hs_face_style
face_style(const hs_style *s)
{
    return (hs_face_style)((s->bold ? HS_FACE_BOLD : 0) | (s->italic ? HS_FACE_ITALIC : 0));
}

/* The text a run contributes to the paragraph. */
static const char *
run_text(hs_lctx *c, const hs_run *r, size_t *n)
{
    char buf[16];
    switch (r->kind) {
    case HS_RUN_TEXT:
        *n = r->len;
        return r->text;
    case HS_RUN_BREAK:
        *n = 1;
        return "\n";
    case HS_RUN_CHECKBOX:
        *n = 3;
        return "\xEF\xBF\xBC"; /* U+FFFC */
    case HS_RUN_PAGE:
    case HS_RUN_PAGES:
        snprintf(buf, sizeof buf, "%d", r->kind == HS_RUN_PAGE ? c->page_no : c->page_count);
        *n = strlen(buf);
        return hs_arena_strdup(c->a, buf);
    }
    *n = 0;
    return "";
}

static void
glyph_error(hs_lctx *c, const hs_run *r, uint32_t cp, const char *s, int len)
{
    char ch[8];
    if (cp < 0x20 || cp == 0x7F)
        snprintf(ch, sizeof ch, "\\x%02X", (unsigned)cp);
    else
        snprintf(ch, sizeof ch, "%.*s", len, s);
    if (cp > 0xFFFF)
        hs_error(c->r, r->loc, "glyph",
                 "U+%04X '%s' in %s: characters beyond U+FFFF cannot be printed "
                 "(libharu draws them as spaces)",
                 (unsigned)cp, ch, r->field ? r->field : "the template's text");
    else
        hs_error(c->r, r->loc, "glyph",
                 "U+%04X '%s' in %s: no font of family '%s' or its fallbacks has it",
                 (unsigned)cp, ch, r->field ? r->field : "the template's text", r->style.family);
    c->failed = 1;
}

/* Join runs, resolve faces and widths. */
static int
shape(hs_lctx *c, const hs_block *b, char **text, size_t *tlen, glyph **gl, int *ng)
{
    hs_buf buf;
    hs_buf_init(&buf, c->a);
    size_t cap = 16;
    int n = 0;
    glyph *g = hs_arena_alloc(c->a, cap * sizeof *g);
    int errors = 0;
    for (const hs_run *r = b->runs; r != NULL; r = r->next) {
        size_t len;
        const char *s = run_text(c, r, &len);
        const hs_family *fam = hs_fontset_lookup(c->fs, r->style.family);
        if (fam == NULL) {
            hs_error(c->r, r->loc, "font", "no font family '%s' in the fonts folder",
                     r->style.family ? r->style.family : "(none)");
            return -1;
        }
        hs_face_style st = face_style(&r->style);
        size_t base = buf.len;
        hs_buf_add(&buf, s, len);
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            int k = hs_utf8_decode(s + i, len - i, &cp);
            if (k == 0) {
                hs_error(c->r, r->loc, "utf8", "invalid UTF-8 in %s",
                         r->field ? r->field : "text");
                return -1;
            }
            if ((size_t)n == cap) {
                g = hs_arena_realloc(c->a, g, cap * sizeof *g, cap * 2 * sizeof *g);
                cap *= 2;
            }
            glyph *x = &g[n++];
            x->off = base + i;
            x->len = k;
            x->cp = cp;
            x->run = r;
            x->w = 0;
            x->face = NULL;
            if (cp == '\n') {
                x->face = fam->face[st];
            } else if (r->kind == HS_RUN_CHECKBOX) {
                x->face = fam->face[st];
                x->w = r->style.size_pt * 0.75 + r->style.size_pt * 0.3;
            } else {
                x->face = hs_family_face_for(fam, st, cp);
                if (x->face == NULL) {
                    if (errors++ < 20)
                        glyph_error(c, r, cp, s + i, k);
                    x->face = fam->face[st];
                } else {
                    x->w = hs_face_advance(x->face, cp) * r->style.size_pt / 1000.0;
                }
            }
            i += (size_t)k;
        }
    }
    *text = (char *)hs_buf_cstr(&buf);
    *tlen = buf.len;
    *gl = g;
    *ng = n;
    return errors ? -1 : 0;
}

/* Greedy line filling over ICU break opportunities. */
static int
break_lines(hs_lctx *c, const hs_block *b, const char *text, size_t tlen, glyph *g, int n,
            double w, line **out, int *nlines)
{
    unsigned char *brk = hs_arena_alloc(c->a, tlen + 1);
    if (tlen > 0 && hs_text_breaks(text, tlen, brk, c->r, b->loc) != 0)
        return -1;
    size_t cap = 8;
    int nl = 0;
    line *ls = hs_arena_alloc(c->a, cap * sizeof *ls);
    int start = 0;
    while (start < n || nl == 0) {
        double avail = w - (nl == 0 ? b->first_indent : 0);
        double width = 0, ink = 0; /* ink: width up to the last non-space */
        int cand = -1, i = start, forced = 0;
        for (; i < n; i++) {
            if (i > start && brk[g[i].off] == 2) {
                forced = 1;
                break;
            }
            if (i > start && brk[g[i].off] == 1)
                cand = i;
            if (g[i].cp == '\n') {
                continue;
            }
            double nw = width + g[i].w;
            if (!is_space(g[i].cp) && nw > avail + 1e-6 && i > start) {
                if (cand > start)
                    i = cand;
                /* else: one word longer than the line: break before this character */
                break;
            }
            width = nw;
            if (!is_space(g[i].cp))
                ink = width;
        }
        if (i >= n)
            forced = 1;
        if ((size_t)nl == cap) {
            ls = hs_arena_realloc(c->a, ls, cap * sizeof *ls, cap * 2 * sizeof *ls);
            cap *= 2;
        }
        line *L = &ls[nl++];
        L->from = start;
        L->to = i;
        L->forced = forced;
        /* trailing spaces and the hard break character are not drawn */
        int end = i;
        while (end > start && (is_space(g[end - 1].cp) || g[end - 1].cp == '\n'))
            end--;
        L->end = end;
        L->width = 0;
        for (int k = start; k < end; k++)
            L->width += g[k].w;
        (void)ink;
        if (i == start) /* an empty paragraph or a lone break */
            i = start + (start < n ? 1 : 0);
        if (start >= n)
            break;
        start = i;
    }
    *out = ls;
    *nlines = nl;
    return 0;
}

static hs_item *
text_item(hs_lctx *c, const char *text, const glyph *from, const glyph *to_excl, double x,
          double base)
{
    hs_item *it = hs_layout_item(c, HS_ITEM_TEXT);
    it->x = x;
    it->y = base;
    it->face = from->face;
    it->size_pt = from->run->style.size_pt;
    it->color = from->run->style.color;
    it->text = text + from->off;
    it->len = to_excl[-1].off + (size_t)to_excl[-1].len - from->off;
    return it;
}

static void
push(hs_item ***tail, hs_item *it)
{
    **tail = it;
    *tail = &it->next;
}

static void
underline(hs_lctx *c, hs_item ***tail, const glyph *g, double x0, double x1, double base)
{
    const hs_face *f = g->face;
    double size = g->run->style.size_pt;
    hs_item *u = hs_layout_item(c, HS_ITEM_LINE);
    double y = base - f->underline_pos * size / 1000.0;
    u->x = x0;
    u->x2 = x1;
    u->y = u->y2 = y;
    u->line_width = f->underline_thickness * size / 1000.0;
    if (u->line_width < 0.3)
        u->line_width = 0.3;
    u->color = g->run->style.color;
    push(tail, u);
}

static void
checkbox(hs_lctx *c, hs_item ***tail, const glyph *g, double x, double base)
{
    double size = g->run->style.size_pt, side = size * 0.75;
    hs_item *box = hs_layout_item(c, HS_ITEM_RECT);
    box->x = x;
    box->y = base - side;
    box->w = box->h = side;
    box->stroke = 1;
    box->line_width = size / 20;
    box->color = g->run->style.color;
    push(tail, box);
    if (!g->run->checked)
        return;
    /* a tick: down from the left third, then up to the top right */
    double pts[3][2] = {{x + side * 0.2, base - side * 0.5},
                        {x + side * 0.42, base - side * 0.2},
                        {x + side * 0.82, base - side * 0.85}};
    for (int i = 0; i < 2; i++) {
        hs_item *l = hs_layout_item(c, HS_ITEM_LINE);
        l->x = pts[i][0];
        l->y = pts[i][1];
        l->x2 = pts[i + 1][0];
        l->y2 = pts[i + 1][1];
        l->line_width = size / 10;
        l->color = g->run->style.color;
        push(tail, l);
    }
}

/* Items of one line; baseline at base. */
static void
draw_line(hs_lctx *c, const hs_block *b, const char *text, const glyph *g, const line *L,
          double x, double w, double base, hs_item **items)
{
    hs_item **tail = items;
    double extra = 0;
    int spaces = 0;
    for (int k = L->from; k < L->end; k++)
        spaces += is_space(g[k].cp);
    double slack = w - L->width;
    if (b->align == HS_ALIGN_CENTER)
        x += slack / 2;
    else if (b->align == HS_ALIGN_RIGHT)
        x += slack;
    else if (b->align == HS_ALIGN_JUSTIFY && !L->forced && spaces > 0 && slack > 0)
        extra = slack / spaces;
    int k = L->from;
    while (k < L->end) {
        if (is_space(g[k].cp)) {
            double sx = x;
            x += g[k].w + extra;
            if (g[k].run->style.underline && k > L->from)
                underline(c, &tail, &g[k], sx, x, base);
            k++;
            continue;
        }
        if (g[k].run->kind == HS_RUN_CHECKBOX) {
            checkbox(c, &tail, &g[k], x, base);
            x += g[k].w;
            k++;
            continue;
        }
        if (g[k].cp == '\n') {
            k++;
            continue;
        }
        /* A segment: same face and run. Justified, every word is an item of
         * its own, so moving words apart keeps the text searchable; otherwise
         * spaces stay inside the item, as real spaces for text extraction. */
        int j = k + 1;
        while (j < L->end && g[j].face == g[k].face && g[j].run == g[k].run &&
               g[j].cp != '\n' && g[j].run->kind != HS_RUN_CHECKBOX &&
               (extra == 0 || !is_space(g[j].cp)))
            j++;
        while (j > k + 1 && is_space(g[j - 1].cp))
            j--;
        double seg = 0;
        for (int m = k; m < j; m++)
            seg += g[m].w;
        push(&tail, text_item(c, text, &g[k], &g[j], x, base));
        if (g[k].run->style.underline)
            underline(c, &tail, &g[k], x, x + seg, base);
        x += seg;
        k = j;
    }
}

int
hs_layout_para(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    char *text;
    size_t tlen;
    glyph *g;
    int n;
    if (shape(c, b, &text, &tlen, &g, &n) != 0)
        return -1;
    line *ls;
    int nl;
    double inner = w - b->indent_left - b->indent_right;
    if (inner < 10)
        inner = 10;
    if (break_lines(c, b, text, tlen, g, n, inner, &ls, &nl) != 0)
        return -1;
    for (int i = 0; i < nl; i++) {
        const line *L = &ls[i];
        /* line box: the tallest run's line height, text centred in it */
        double above = 0, below = 0;
        for (int k = L->from; k < (L->to > L->from ? L->to : L->from); k++) {
            const hs_style *st = &g[k].run->style;
            const hs_face *f = g[k].face;
            double lh = st->size_pt * st->line_height;
            double asc = f->ascent * st->size_pt / 1000.0, desc = -f->descent * st->size_pt / 1000.0;
            double a = (lh - asc - desc) / 2 + asc;
            if (a > above)
                above = a;
            if (lh - a > below)
                below = lh - a;
        }
        if (above == 0 && below == 0) {
            const hs_family *fam = hs_fontset_lookup(c->fs, b->style.family);
            const hs_face *f = fam ? fam->face[face_style(&b->style)] : NULL;
            double size = b->style.size_pt > 0 ? b->style.size_pt : 12;
            double lh = size * (b->style.line_height > 0 ? b->style.line_height : 1.2);
            double asc = f ? f->ascent * size / 1000.0 : size * 0.8;
            double desc = f ? -f->descent * size / 1000.0 : size * 0.2;
            above = (lh - asc - desc) / 2 + asc;
            below = lh - above;
        }
        hs_slice *s = HS_NEW(c->a, hs_slice);
        s->h = above + below;
        double lx = x0 + b->indent_left + (i == 0 ? b->first_indent : 0);
        double lw = inner - (i == 0 ? b->first_indent : 0);
        draw_line(c, b, text, g, L, lx, lw, above, &s->items);
        /* orphans and widows: in a paragraph of 4 lines or more, the first
         * two and the last two stay together; shorter ones are not split */
        if (i > 0)
            s->keep_with_prev = b->keep_together || nl < 4 || i == 1 || i == nl - 1;
        hs_layout_append(out, s);
    }
    return 0;
}
