/* engine/layout/para.c — a paragraph of styled runs into lines.
 *
 * The runs' text is joined and ICU gives the break opportunities once for the
 * whole paragraph (skipped when it fits on one line and has no line
 * separator: most table cells). Every code point gets the face that draws it,
 * its family's else a fallback's; none is an error naming the character and
 * the record field. Lines are filled greedily; a glyph is looked at twice at
 * most, so a paragraph costs time linear in its length. A justified one is
 * looked at once more for wide gaps (even_out). */
#include "layout/para_int.h"

#include "text/text.h"

#include <stdio.h>
#include <string.h>

/* The buffers of one paragraph, kept in the context and reused by the next,
 * so that the arena grows with the longest paragraph, not with their count. */
struct hs_para_scratch {
    hs_buf text;
    hs_glyph *g;
    size_t gcap;
    hs_prun *runs;
    size_t rcap;
    unsigned char *brk;
    size_t bcap;
    hs_pline *lines;
    size_t lcap;
    /* The face and advance of the code points last shaped, by the low bits
     * of the code point: a document's text is a few hundred of them in a
     * few styles, and the family's lookup (the face, then its fallbacks)
     * and the advance were most of shaping a glyph. Faces live as long as
     * the engine, this cache as long as the document's layout. */
    struct shaped {
        const hs_family *fam; /* NULL: empty */
        const hs_face *face;
        uint32_t cp;
        hs_face_style st;
        int adv;
    } shaped[256];
};

const char hs_layout_ph_page[3] = "00", hs_layout_ph_pages[3] = "00";

#define OBJECT_CHAR "\xEF\xBF\xBC" /* U+FFFC: a check box's place in the text */

static void *
grow(hs_arena *a, void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n = hs_mul_size(n, 2);
    p = hs_arena_realloc(a, p, *cap * size, hs_mul_size(n, size));
    *cap = n;
    return p;
}

static int
is_newline(uint32_t cp)
{
    return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Format characters that have no ink and no width; not drawn. */
static int
is_zero_width(uint32_t cp)
{
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* Combining marks: a last-resort break never separates one from its base. */
static int
is_mark(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* Whether cp was reported in this run already; remembers it if not. */
static int
seen_before(uint32_t seen[16], int *n, uint32_t cp)
{
    for (int j = 0; j < *n; j++)
        if (seen[j] == cp)
            return 1;
    if (*n < 16)
        seen[(*n)++] = cp;
    return 0;
}

/* why: NULL for "no font has it". */
static void
glyph_error(hs_lctx *c, const hs_run *r, uint32_t cp, const char *s, int len, const char *why)
{
    char ch[12];
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        snprintf(ch, sizeof ch, "\\x%02X", (unsigned)cp); /* keep the message on one line */
    else
        snprintf(ch, sizeof ch, "%.*s", len, s);
    const char *field = hs_run_field(c->a, r);
    if (field == NULL)
        field = "template text";
    if (why != NULL)
        hs_error(c->r, r->loc, HS_CODE_GLYPH, "U+%04X '%s' in %s: %s", (unsigned)cp, ch, field,
                 why);
    else
        hs_error(c->r, r->loc, HS_CODE_GLYPH,
                 "U+%04X '%s' in %s: no font of family '%s' or its fallbacks has it", (unsigned)cp,
                 ch, field, r->style.family);
    c->failed = 1;
}

/* The text a run adds to the paragraph. Page numbers in the body are not
 * known yet: they take the room of two digits and are filled in later. */
static const char *
run_text(hs_lctx *c, const hs_run *r, size_t *n)
{
    switch (r->kind) {
    case HS_RUN_TEXT:
        *n = r->text != NULL ? r->len : 0;
        return r->text != NULL ? r->text : "";
    case HS_RUN_BREAK:
        *n = 1;
        return "\n";
    case HS_RUN_CHECKBOX:
        *n = 3;
        return OBJECT_CHAR;
    case HS_RUN_PAGE:
    case HS_RUN_PAGES:
        if (c->page_no == 0) {
            c->placeholders = 1;
            *n = 2;
            return r->kind == HS_RUN_PAGE ? hs_layout_ph_page : hs_layout_ph_pages;
        }
        const char *s =
            hs_arena_printf(c->a, "%d", r->kind == HS_RUN_PAGE ? c->page_no : c->page_count);
        *n = strlen(s);
        return s;
    }
    *n = 0;
    return "";
}

/* hs_family_face_for and the face's advance of cp, from p's cache. */
static const hs_face *
face_for(hs_para_scratch *p, const hs_family *fam, hs_face_style st, uint32_t cp, int *adv)
{
    struct shaped *e = &p->shaped[cp & 0xFF];
    if (e->fam == fam && e->cp == cp && e->st == st) {
        *adv = e->adv;
        return e->face;
    }
    const hs_face *f = hs_family_face_for(fam, st, cp);
    if (f == NULL)
        return NULL; /* not kept: the caller reports it */
    *adv = hs_face_advance(f, cp);
    *e = (struct shaped){fam, f, cp, st, *adv};
    return f;
}

/* Glyphs of one run; reports each missing character once per run. */
static int
shape_run(hs_lctx *c, hs_para_scratch *p, const hs_family *fam, int known, int ri, size_t *ng)
{
    const hs_prun *pr = &p->runs[ri];
    const hs_run *r = pr->run;
    hs_face_style st = hs_layout_face_style(&r->style);
    double size = r->style.size_pt;
    size_t base = p->text.len - pr->len;
    uint32_t seen[16];
    int nseen = 0, rc = 0, rtl_said = 0, adv;
    int ordinary = r->kind != HS_RUN_BREAK && r->kind != HS_RUN_CHECKBOX;
    p->g = grow(c->a, p->g, &p->gcap, *ng + pr->len, sizeof *p->g);
    for (size_t i = 0; i < pr->len;) {
        uint32_t cp;
        int k = hs_utf8_decode(pr->text + i, pr->len - i, &cp);
        if (k == 0) {
            c->failed = 1;
            const char *field = hs_run_field(c->a, r);
            return hs_error(c->r, r->loc, HS_CODE_UTF8, "invalid UTF-8 in %s",
                            field ? field : "template text");
        }
        hs_glyph *g = &p->g[(*ng)++];
        g->src = pr->text + i;
        g->off = base + i;
        g->len = (unsigned char)k;
        g->cp = cp;
        g->ri = ri;
        g->face = pr->face;
        g->w = 0;
        g->scale = 1;
        g->kind = G_TEXT;
        i += (size_t)k;
        /* a printable ASCII character of a text run, most of them, is none
         * of the first five cases: it skips their tests */
        int plain = ordinary && cp > ' ' && cp < 0x7F;
        if (!plain && (r->kind == HS_RUN_BREAK || is_newline(cp))) {
            g->kind = G_NL;
        } else if (!plain && r->kind == HS_RUN_CHECKBOX) {
            g->kind = G_BOX;
            g->w = size * 0.75 + size * 0.25; /* the box and a gap after it */
        } else if (!plain && is_zero_width(cp)) {
            g->kind = G_ZW;
        } else if (!plain && (cp == ' ' || cp == '\t')) {
            g->kind = G_SPACE;
            g->w = hs_face_advance(pr->face, ' ') * size / 1000.0;
        } else if (!plain && hs_text_is_rtl(cp)) {
            rc = -1;
            if (known && !rtl_said++) /* once a run: the text is refused, not a letter */
                glyph_error(c, r, cp, g->src, k,
                            "a letter of a right-to-left script (Hebrew, Arabic...), which "
                            "hoso's layout cannot order");
        } else if ((g->face = face_for(p, fam, st, cp, &adv)) != NULL) {
            g->w = adv * size / 1000.0;
        } else {
            g->face = pr->face;
            rc = -1;
            if (known && !seen_before(seen, &nseen, cp))
                glyph_error(c, r, cp, g->src, k, NULL);
        }
    }
    return rc;
}

/* Join the runs and give every code point a face and a width. */
static int
shape(hs_lctx *c, const hs_block *b, hs_para_scratch *p, size_t *nglyph, size_t *nrun)
{
    p->text.len = 0;
    size_t ng = 0, nr = 0;
    int rc = 0;
    for (const hs_run *r = b->runs; r != NULL; r = r->next) {
        const hs_family *fam =
            r->style.family != NULL ? hs_fontset_lookup(c->fs, r->style.family) : NULL;
        int known = fam != NULL;
        if (!known) {
            /* the font is the template's: its line, not the record's */
            (void)hs_layout_face(c, &r->style,
                                 r->field != NULL || r->src != NULL ? b->loc : r->loc);
            rc = -1;
            fam = hs_fontset_at(c->fs, 0); /* go on, to find the other errors */
            if (fam == NULL)
                return -1;
        }
        p->runs = grow(c->a, p->runs, &p->rcap, nr + 1, sizeof *p->runs);
        hs_prun *pr = &p->runs[nr];
        hs_face_style st = hs_layout_face_style(&r->style);
        pr->run = r;
        pr->face = fam->face[st] != NULL ? fam->face[st] : fam->face[HS_FACE_REGULAR];
        pr->text = run_text(c, r, &pr->len);
        hs_buf_add(&p->text, pr->text, pr->len);
        if (p->text.len > 0x7FFFFFFF) /* glyph offsets are 32-bit */
            return hs_error(c->r, b->loc, HS_CODE_LIMIT, "a paragraph of more than 2 GiB");
        if (shape_run(c, p, fam, known, (int)nr, &ng) != 0)
            rc = -1;
        nr++;
    }
    *nglyph = ng;
    *nrun = nr;
    return rc;
}

static void
set_line(hs_pline *L, const hs_glyph *g, int from, int to, int last)
{
    L->from = from;
    L->to = to;
    L->last = last;
    int end = to;
    while (end > from && g[end - 1].kind != G_TEXT && g[end - 1].kind != G_BOX)
        end--; /* trailing spaces and breaks are neither drawn nor counted */
    L->end = end;
    L->width = 0;
    for (int k = from; k < end; k++)
        L->width += g[k].w;
}

static void
add_line(hs_lctx *c, hs_para_scratch *p, size_t *nl, const hs_glyph *g, int from, int to, int last)
{
    p->lines = grow(c->a, p->lines, &p->lcap, *nl + 1, sizeof *p->lines);
    set_line(&p->lines[(*nl)++], g, from, to, last);
}

/* How far justifying stretches a line's spaces: its slack over their
 * natural width (1: each gap twice its width). A line without spaces is not
 * stretched. */
static double
stretch(const hs_glyph *g, const hs_pline *L, double avail)
{
    double spaces = 0;
    for (int k = L->from; k < L->end; k++)
        if (g[k].kind == G_SPACE)
            spaces += g[k].w;
    return spaces > 0 ? (avail - L->width) / spaces : 0;
}

static double
worse(double a, double b)
{
    return a > b ? a : b;
}

#define STRETCH_WIDE 1.0 /* gaps twice a space: worth evening out */
#define STRETCH_MAX 2.0  /* gaps of three spaces, three quarters of an em */

/* Justification after the greedy fill. A line left short by a unit that
 * does not fit after it (a date, an amount, a name that never breaks: in
 * Vietnamese, words are syllables, so nothing else makes gaps wide) takes
 * words from the line above it while that evens the two out, as a
 * typesetter would. A line whose gaps stay wider than STRETCH_MAX is set
 * flush left, its spaces natural: holes of three spaces and more in a
 * contract read as blanks to fill in, or as words missing; no text is
 * squeezed or hidden. Lines are short: evening out one pair costs a few
 * passes over two lines. */
static void
even_out(hs_para_scratch *p, const hs_glyph *g, size_t nl, double first_w, double w)
{
    for (size_t j = nl; j-- > 1;) {
        hs_pline *up = &p->lines[j - 1], *L = &p->lines[j];
        double aw = j - 1 == 0 ? first_w : w;
        if (L->last || up->last || stretch(g, L, w) <= STRETCH_WIDE)
            continue;
        hs_pline nu = *up, nL = *L;
        for (;;) {
            int b = nu.to - 1; /* the last break opportunity inside the line above */
            while (b > nu.from && (p->brk[g[b].off] != 1 || g[b].kind == G_SPACE))
                b--;
            if (b <= nu.from)
                break;
            hs_pline tu, tL;
            set_line(&tu, g, nu.from, b, 0);
            set_line(&tL, g, b, nL.to, 0);
            if (tL.width > w + HS_LAYOUT_EPS ||
                worse(stretch(g, &tu, aw), stretch(g, &tL, w)) >=
                    worse(stretch(g, &nu, aw), stretch(g, &nL, w)) - 1e-9)
                break;
            nu = tu;
            nL = tL;
        }
        /* a line that stays too wide is set flush left below: it is best
         * left as full as it was, and the line above it as it was */
        if (stretch(g, &nu, aw) <= STRETCH_MAX && stretch(g, &nL, w) <= STRETCH_MAX) {
            *up = nu;
            *L = nL;
        }
    }
    for (size_t j = 0; j < nl; j++)
        if (!p->lines[j].last && stretch(g, &p->lines[j], j == 0 ? first_w : w) > STRETCH_MAX)
            p->lines[j].last = 1;
}

/* Characters that make a word an amount, a date, a number: digits and what
 * formats them (separators, signs, the currency). */
static int
is_numeric_char(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp < 0x80 && strchr(".,:/-+%()#", (int)cp) != NULL) ||
           cp == 0x20AB || cp == 0x20AC || cp == 0x2030 || cp == 0x2212 || cp == 0x2013 ||
           cp == 0x00D7;
}

/* What a template asked never to break: a no-break space (nowrap(), and
 * every formatted amount: "1.234.567\u00A0₫"), a word joiner. */
static int
is_no_break(uint32_t cp)
{
    return cp == 0x00A0 || cp == 0x202F || cp == 0x2007 || cp == 0x2060;
}

/* The end of the unit that starts at glyph `start` (ICU's next break
 * opportunity) when that unit must stay whole; *amount: it holds a no-break
 * space, or it is a number, an amount or a date (digits and their signs
 * only). A word (letters, perhaps with signs: "Mười," "(ông)") stays whole
 * too: "M/ư/ờ/i" down a narrow column reads as other words, a Vietnamese
 * syllable split is no syllable at all. 0: a code (letters with digits: a
 * payment payload, a reference), which is read character by character and
 * may be broken between them. */
static int
unit_end(const hs_para_scratch *p, int n, int start, int *amount)
{
    const hs_glyph *g = p->g;
    int digit = 0, other = 0, glue = 0, letter = 0, e = start;
    for (; e < n && (e == start || p->brk[g[e].off] == 0); e++) {
        uint32_t cp = g[e].cp;
        if (g[e].kind != G_TEXT && !(g[e].kind == G_ZW && is_no_break(cp)))
            break; /* a word joiner (nowrap()) is inside its unit */
        glue |= is_no_break(cp);
        digit |= cp >= '0' && cp <= '9';
        other |= !is_numeric_char(cp) && !is_no_break(cp);
        letter |= hs_text_is_letter(cp);
    }
    *amount = glue || (digit && !other);
    return e > start && (*amount || (letter && !digit)) ? e : 0;
}

#define SHRINK_FLOOR 0.70 /* the default of the shrink-min attribute */

static int
same_loc(hs_loc a, hs_loc b)
{
    return a.line == b.line && (a.file == b.file || (a.file && b.file && !strcmp(a.file, b.file)));
}

/* A unit wider than its line is drawn smaller to fit it, down to the floor
 * its style sets; past that it is an error, never a break inside it. */
static int
shrink_unit(hs_lctx *c, const hs_block *b, hs_para_scratch *p, int start, int e, double avail,
            int amount)
{
    hs_glyph *g = p->g;
    double width = 0;
    for (int k = start; k < e; k++)
        width += g[k].w;
    const hs_run *r = p->runs[g[start].ri].run;
    double floor = r->style.shrink_min > 0 ? r->style.shrink_min : SHRINK_FLOOR;
    double scale = avail / width;
    if (scale < floor) {
        /* The template's line is where (a paragraph made of a cell's text
         * has the text's location: then the cell's); the record's line,
         * what the text came from. */
        hs_loc at = b->loc;
        if (c->cell_loc.file != NULL && same_loc(b->loc, r->loc))
            at = c->cell_loc;
        char where[300] = "";
        const char *field = hs_run_field(c->a, r);
        if (r->loc.file != NULL && !same_loc(at, r->loc))
            snprintf(where, sizeof where, " (%s%s%s:%ld)", field ? field : "",
                     field ? ", " : "from ", r->loc.file, r->loc.line);
        c->failed = 1;
        return hs_error(c->r, at, HS_CODE_LAYOUT,
                        "\"%.*s\"%s is %.1f pt wide and %s, but its line is "
                        "%.1f pt: it would have to shrink to %.0f %%, below the %.0f %% floor "
                        "(widen the column, or set shrink-min)",
                        (int)(g[e - 1].src + g[e - 1].len - g[start].src), g[start].src, where,
                        width, amount ? "must not be broken" : "a word is never broken", avail,
                        scale * 100, floor * 100);
    }
    for (int k = start; k < e; k++) {
        g[k].w *= scale;
        g[k].scale = (float)scale;
    }
    return 0;
}

/* Greedy filling at ICU's break opportunities; a word wider than the line
 * (an amount, a number, a date or no-break text too) is shrunk to fit
 * (shrink_unit), never broken between its characters; a code is, as a last
 * resort. */
static int
break_lines(hs_lctx *c, const hs_block *b, hs_para_scratch *p, int n, double first_w, double w,
            size_t *nlines)
{
    hs_glyph *g = p->g;
    size_t nl = 0;
    int need = 0;
    double total = 0;
    for (int i = 0; i < n && !need; i++) {
        total += g[i].w;
        need = g[i].kind == G_NL || total > (first_w < w ? first_w : w) + HS_LAYOUT_EPS;
    }
    if (!need) {
        add_line(c, p, &nl, g, 0, n, 1);
        *nlines = nl;
        return 0;
    }
    size_t tlen = p->text.len;
    p->brk = grow(c->a, p->brk, &p->bcap, tlen + 1, 1);
    if (hs_text_breaks(p->text.data, tlen, p->brk, c->r, b->loc) != 0)
        return -1;
    const unsigned char *brk = p->brk;
    int start = 0;
    while (start < n) {
        double avail = nl == 0 ? first_w : w, width = 0;
        int cand = -1, i = start, forced = 0;
        for (; i < n; i++) {
            if (i > start && brk[g[i].off] == 2) {
                forced = 1;
                break;
            }
            if (i > start && brk[g[i].off] == 1)
                cand = i;
            if (g[i].kind == G_SPACE || g[i].kind == G_NL || g[i].kind == G_ZW) {
                width += g[i].w; /* may hang past the edge: not drawn at a line end */
                continue;
            }
            if (i > start && width + g[i].w > avail + HS_LAYOUT_EPS) {
                int e, amount;
                if (cand > start)
                    i = cand;
                else if ((e = unit_end(p, n, start, &amount)) > 0) {
                    if (shrink_unit(c, b, p, start, e, avail, amount) != 0)
                        return -1;
                    i = e;
                } else
                    while (i > start + 1 && is_mark(g[i].cp))
                        i--;
                break;
            }
            width += g[i].w;
        }
        add_line(c, p, &nl, g, start, i, forced || i == n);
        start = i;
    }
    *nlines = nl;
    if (b->align == HS_ALIGN_JUSTIFY)
        even_out(p, g, nl, first_w, w);
    return 0;
}

/* The line box: the tallest run's line height, its text centred in it. */
static double
line_box(const hs_para_scratch *p, const hs_pline *L, double *base)
{
    double lh = -1, size = 0;
    const hs_face *f = NULL;
    for (int k = L->from; k < L->to; k++) {
        const hs_prun *pr = &p->runs[p->g[k].ri];
        double h = pr->run->style.size_pt * pr->run->style.line_height;
        if (h > lh) {
            lh = h;
            size = pr->run->style.size_pt;
            f = pr->face;
        }
    }
    *base = (lh - (f->ascent - f->descent) * size / 1000.0) / 2 + f->ascent * size / 1000.0;
    return lh;
}

/* rule-below: a solid rule 3pt under the line boxes, as long as the longest
 * line and placed as the lines are (Decree 30's rule under the motto). A
 * separate rule, where an underline would cut the marks below ộ, ậ, ự, ạ. */
static void
rule_below(hs_lctx *c, const hs_block *b, const hs_para_scratch *p, size_t nl, double x, double w,
           hs_slices *out)
{
    double longest = 0;
    for (size_t i = 0; i < nl; i++)
        if (p->lines[i].width > longest)
            longest = p->lines[i].width;
    if (longest > w)
        longest = w;
    if (b->align == HS_ALIGN_CENTER)
        x += (w - longest) / 2;
    else if (b->align == HS_ALIGN_RIGHT)
        x += w - longest;
    double t = b->rule_pt, gap = 3; /* below the line box: clear of p, g, y */
    hs_slice *s = hs_layout_slice(c, gap + t, out);
    s->keep_with_prev = 1;
    hs_layout_push(s,
                   hs_layout_line(c, x, gap + t / 2, x + longest, gap + t / 2, t, b->style.color));
}

static int
empty_para(hs_lctx *c, const hs_block *b, hs_slices *out)
{
    if (hs_layout_face(c, &b->style, b->loc) == NULL)
        return -1;
    hs_layout_slice(c, b->style.size_pt * b->style.line_height, out);
    return 0;
}

int
hs_layout_para(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    if (c->scratch == NULL) {
        c->scratch = HS_NEW(c->a, hs_para_scratch);
        hs_buf_init(&c->scratch->text, c->a);
    }
    hs_para_scratch *p = c->scratch;
    size_t ng = 0, nr = 0, nl = 0;
    if (shape(c, b, p, &ng, &nr) != 0)
        return -1;
    if (ng == 0)
        return empty_para(c, b, out);
    double inner = w - b->indent_left - b->indent_right;
    if (inner < 1)
        inner = 1;
    double first_w = inner - b->first_indent > 1 ? inner - b->first_indent : 1;
    if (break_lines(c, b, p, (int)ng, first_w, inner, &nl) != 0)
        return -1;
    for (size_t i = 0; i < nl; i++) {
        const hs_pline *L = &p->lines[i];
        hs_pdraw d = {b, p->g, p->runs, x0 + b->indent_left, i == 0 ? first_w : inner, 0};
        if (i == 0)
            d.x += b->first_indent;
        hs_slice *s = hs_layout_slice(c, line_box(p, L, &d.base), out);
        hs_layout_line_items(c, &d, L, s);
        /* Orphans and widows: a paragraph of 4 lines or more keeps its first
         * two and its last two together; a shorter one is not split. */
        if (i > 0)
            s->keep_with_prev = nl < 4 || i == 1 || i == nl - 1;
    }
    if (b->rule_pt > 0)
        rule_below(c, b, p, nl, x0 + b->indent_left, inner, out);
    return 0;
}
