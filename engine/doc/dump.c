/* engine/doc/dump.c — a document tree as indented text, one node a line.
 *
 * For golden tests and debugging: every node shows its kind, what layout
 * reads from it, and its location (@file:line), so a test fails when a
 * location goes missing. Numbers print with %g; strings are quoted with
 * \" \\ and \xNN for control characters, everything else as UTF-8. */
#include "doc/doc.h"

#include <limits.h>
#include <string.h>
#include <unistd.h>

static void
indent(hs_buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        hs_buf_add(b, "  ", 2);
}

void
hs_doc_dump_quoted(hs_buf *b, const char *s, size_t n)
{
    hs_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') {
            hs_buf_addc(b, '\\');
            hs_buf_addc(b, (char)ch);
        } else if (ch < 0x20 || ch == 0x7F) {
            hs_buf_printf(b, "\\x%02X", ch);
        } else {
            hs_buf_addc(b, (char)ch);
        }
    }
    hs_buf_addc(b, '"');
}

void
hs_doc_dump_field(hs_buf *b, const char *key, const char *s)
{
    if (s == NULL)
        return;
    hs_buf_printf(b, " %s=", key);
    hs_doc_dump_quoted(b, s, strlen(s));
}

void
hs_doc_dump_path(hs_buf *b, const char *key, const char *path)
{
    if (path == NULL)
        return;
    char cwd[PATH_MAX];
    size_t n;
    if (path[0] == '/' && getcwd(cwd, sizeof cwd) != NULL && (n = strlen(cwd)) > 1 &&
        strncmp(path, cwd, n) == 0 && path[n] == '/')
        path += n + 1;
    hs_doc_dump_field(b, key, path);
}

void
hs_doc_dump_loc(hs_buf *b, hs_loc l)
{
    if (l.file != NULL || l.line > 0)
        hs_buf_printf(b, " @%s:%ld", l.file ? l.file : "?", l.line);
    hs_buf_addc(b, '\n');
}

static void
style(hs_buf *b, const hs_style *s)
{
    hs_buf_printf(b, " %s %g/%g", s->family ? s->family : "(no family)", s->size_pt,
                  s->line_height);
    if (s->bold)
        hs_buf_adds(b, " b");
    if (s->italic)
        hs_buf_adds(b, " i");
    if (s->underline)
        hs_buf_adds(b, " u");
    if (s->color != 0)
        hs_buf_printf(b, " #%06x", (unsigned)s->color);
    if (s->shrink_min != 0)
        hs_buf_printf(b, " shrink-min=%g%%", s->shrink_min * 100);
    hs_doc_dump_field(b, "link", s->link);
}

static void
runs(hs_buf *b, const hs_run *r, int depth)
{
    static const char *const kinds[] = {"text", "br", "page-number", "page-count", "checkbox"};
    for (; r != NULL; r = r->next) {
        indent(b, depth);
        hs_buf_adds(b, (unsigned)r->kind < 5 ? kinds[r->kind] : "?");
        if (r->kind == HS_RUN_TEXT) {
            hs_buf_addc(b, ' ');
            hs_doc_dump_quoted(b, r->text ? r->text : "", r->text ? r->len : 0);
        }
        if (r->kind == HS_RUN_CHECKBOX && r->checked)
            hs_buf_adds(b, " checked");
        style(b, &r->style);
        hs_doc_dump_field(b, "field", hs_run_field(b->arena, r));
        hs_doc_dump_loc(b, r->loc);
    }
}

static void blocks(hs_buf *b, const hs_block *bl, int depth);
static void bands(hs_buf *b, const char *kind, const hs_band *list, int depth);

static void
table(hs_buf *b, const hs_table *t, int depth)
{
    if (t == NULL)
        return;
    indent(b, depth);
    hs_buf_adds(b, "columns");
    for (int i = 0; i < t->ncols && t->cols != NULL; i++) {
        if (t->cols[i].fixed_pt > 0)
            hs_buf_printf(b, " %gpt", t->cols[i].fixed_pt);
        else
            hs_buf_printf(b, " %g*", t->cols[i].weight);
    }
    hs_buf_printf(b, " border=%g #%06x pad=%g %g %g %g\n", t->border_pt, (unsigned)t->border_color,
                  t->pad[0], t->pad[1], t->pad[2], t->pad[3]);
    static const char *const va[] = {"top", "middle", "bottom"};
    for (const hs_row *r = t->rows; r != NULL; r = r->next) {
        indent(b, depth);
        hs_buf_adds(b, "row");
        if (r->header)
            hs_buf_adds(b, " header");
        if (r->keep_with_next)
            hs_buf_adds(b, " keep-with-next");
        hs_doc_dump_loc(b, r->loc);
        for (const hs_cell *c = r->cells; c != NULL; c = c->next) {
            indent(b, depth + 1);
            hs_buf_printf(b, "cell colspan=%d valign=%s", c->colspan,
                          (unsigned)c->valign < 3 ? va[c->valign] : "?");
            if (c->background != HS_NO_COLOR)
                hs_buf_printf(b, " background=#%06x", (unsigned)c->background);
            if (c->border_pt >= 0)
                hs_buf_printf(b, " border=%g", c->border_pt);
            hs_doc_dump_loc(b, c->loc);
            blocks(b, c->blocks, depth + 2);
        }
    }
}

static void
blocks(hs_buf *b, const hs_block *bl, int depth)
{
    static const char *const kinds[] = {"p",     "table", "rule", "space",   "page-break", "group",
                                        "image", "lines", "qr",   "section", "toc"};
    static const char *const al[] = {"left", "center", "right", "justify"};
    for (; bl != NULL; bl = bl->next) {
        indent(b, depth);
        hs_buf_adds(b, (unsigned)bl->kind < sizeof kinds / sizeof kinds[0] ? kinds[bl->kind] : "?");
        if (bl->align != HS_ALIGN_LEFT)
            hs_buf_printf(b, " align=%s", (unsigned)bl->align < 4 ? al[bl->align] : "?");
        if (bl->space_before != 0 || bl->space_after != 0)
            hs_buf_printf(b, " space=%g/%g", bl->space_before, bl->space_after);
        if (bl->indent_left != 0 || bl->indent_right != 0 || bl->first_indent != 0)
            hs_buf_printf(b, " indent=%g/%g/%g", bl->indent_left, bl->indent_right,
                          bl->first_indent);
        if (bl->keep_with_next)
            hs_buf_adds(b, " keep-with-next");
        if (bl->keep_together)
            hs_buf_adds(b, " keep-together");
        switch (bl->kind) {
        case HS_BLOCK_RULE:
            hs_buf_printf(b, " thickness=%g width=%g", bl->rule_pt, bl->width);
            break;
        case HS_BLOCK_SPACE:
            hs_buf_printf(b, " height=%g", bl->height);
            break;
        case HS_BLOCK_IMAGE:
            hs_doc_dump_path(b, "src", bl->image_path);
            hs_buf_printf(b, " size=%gx%g", bl->width, bl->height);
            break;
        case HS_BLOCK_LINES:
            hs_buf_printf(b, " count=%d spacing=%g thickness=%g", bl->count, bl->height,
                          bl->rule_pt);
            break;
        case HS_BLOCK_QR:
            hs_buf_printf(b, " size=%g level=%c data=", bl->width, "LMQH"[bl->qr_level & 3]);
            hs_doc_dump_quoted(b, bl->qr_data ? bl->qr_data : "", bl->qr_len);
            break;
        case HS_BLOCK_PARA:
            if (bl->rule_pt > 0)
                hs_buf_printf(b, " rule-below=%g", bl->rule_pt);
            break;
        case HS_BLOCK_TOC:
            hs_buf_printf(b, " levels=%d", bl->count);
            break;
        case HS_BLOCK_SECTION:
            hs_buf_printf(b, " %gx%g margin=%g %g %g %g", bl->section->page_w, bl->section->page_h,
                          bl->section->margin[0], bl->section->margin[1], bl->section->margin[2],
                          bl->section->margin[3]);
            break;
        default:
            break;
        }
        hs_doc_dump_field(b, "id", bl->anchor);
        if (bl->outline != NULL) {
            hs_buf_printf(b, " level=%d", bl->outline_level);
            hs_doc_dump_field(b, "bookmark", bl->outline);
        }
        if (bl->kind == HS_BLOCK_PARA || bl->kind == HS_BLOCK_RULE || bl->kind == HS_BLOCK_TOC)
            style(b, &bl->style);
        hs_doc_dump_loc(b, bl->loc);
        if (bl->kind == HS_BLOCK_PARA)
            runs(b, bl->runs, depth + 1);
        else if (bl->kind == HS_BLOCK_TABLE)
            table(b, bl->table, depth + 1);
        else if (bl->kind == HS_BLOCK_GROUP)
            blocks(b, bl->children, depth + 1);
        else if (bl->kind == HS_BLOCK_SECTION) {
            bands(b, "header", bl->section->headers, depth + 1);
            bands(b, "footer", bl->section->footers, depth + 1);
            blocks(b, bl->children, depth + 1);
        }
    }
}

static void
bands(hs_buf *b, const char *kind, const hs_band *list, int depth)
{
    static const char *const on[] = {"all", "first", "not-first"};
    for (const hs_band *x = list; x != NULL; x = x->next) {
        indent(b, depth);
        hs_buf_printf(b, "%s on=%s offset=%g\n", kind, (unsigned)x->on < 3 ? on[x->on] : "?",
                      x->offset_pt);
        blocks(b, x->blocks, depth + 1);
    }
}

void
hs_doc_dump(const hs_doc *d, hs_buf *out)
{
    hs_buf_printf(out, "document %gx%g margin=%g %g %g %g", d->page_w, d->page_h, d->margin[0],
                  d->margin[1], d->margin[2], d->margin[3]);
    hs_doc_dump_loc(out, d->loc);
    if (d->title || d->author || d->subject || d->keywords || d->file_name || d->date_epoch != -1) {
        hs_buf_adds(out, "  info");
        hs_doc_dump_field(out, "title", d->title);
        hs_doc_dump_field(out, "author", d->author);
        hs_doc_dump_field(out, "subject", d->subject);
        hs_doc_dump_field(out, "keywords", d->keywords);
        hs_doc_dump_field(out, "file", d->file_name);
        if (d->date_epoch != -1)
            hs_buf_printf(out, " date=%lld", d->date_epoch);
        hs_buf_addc(out, '\n');
    }
    bands(out, "header", d->headers, 1);
    bands(out, "footer", d->footers, 1);
    static const char *const on[] = {"all", "first", "not-first"};
    for (const hs_watermark *w = d->watermarks; w != NULL; w = w->next) {
        hs_buf_printf(out, "  watermark on=%s angle=%g extractable=%s opacity=%g",
                      (unsigned)w->on < 3 ? on[w->on] : "?", w->angle,
                      w->extractable ? "yes" : "no", w->opacity);
        hs_doc_dump_loc(out, w->loc);
        blocks(out, w->blocks, 2);
    }
    hs_buf_adds(out, "  body\n");
    blocks(out, d->body, 2);
}
