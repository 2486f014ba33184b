/* engine/page/dump.c — laid-out pages as text, one item a line.
 *
 * For golden tests and debugging (`hoso dump --stage=pages`): each page's
 * size, then its items in drawing order with their positions in points
 * (origin top-left, y down, a text's y its baseline) to two decimals, so a
 * change of layout shows as a readable diff and a rounding noise below
 * 0.005 pt does not. A text item is one glyph run: its face (the font
 * file's name, not its folder, so the dump does not depend on where fonts
 * are installed), size, colour, advance and text; a watermark's items
 * their angle, opacity and whether the text is drawn as outlines. No
 * pointer is printed. */
#include "page/page.h"

#include <string.h>

static const char *
base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : path ? path : "?";
}

static void
item(hs_buf *b, const hs_item *it)
{
    switch (it->kind) {
    case HS_ITEM_TEXT:
        hs_buf_printf(b, "    text %.2f,%.2f w=%.2f %s %.2fpt", it->x, it->y, it->w,
                      base_name(it->face ? it->face->path : NULL), it->size_pt);
        if (it->color != 0)
            hs_buf_printf(b, " #%06x", (unsigned)it->color);
        hs_buf_addc(b, ' ');
        hs_doc_dump_quoted(b, it->text ? it->text : "", it->text ? it->len : 0);
        hs_doc_dump_field(b, "link", it->link);
        break;
    case HS_ITEM_LINE:
        hs_buf_printf(b, "    line %.2f,%.2f %.2f,%.2f width=%.2f #%06x", it->x, it->y, it->x2,
                      it->y2, it->line_width, (unsigned)it->color);
        break;
    case HS_ITEM_RECT:
        hs_buf_printf(b, "    rect %.2f,%.2f %.2fx%.2f", it->x, it->y, it->w, it->h);
        if (it->fill)
            hs_buf_printf(b, " fill=#%06x", (unsigned)it->fill_color);
        if (it->stroke)
            hs_buf_printf(b, " stroke=#%06x width=%.2f", (unsigned)it->color, it->line_width);
        break;
    case HS_ITEM_IMAGE:
        hs_buf_printf(b, "    image %.2f,%.2f %.2fx%.2f", it->x, it->y, it->w, it->h);
        hs_doc_dump_path(b, "src", it->image_path);
        break;
    case HS_ITEM_MARK:
        hs_buf_printf(b, "    mark %.2f,%.2f", it->x, it->y);
        hs_doc_dump_field(b, "id", it->anchor);
        if (it->outline != NULL)
            hs_buf_printf(b, " level=%d", it->outline_level);
        hs_doc_dump_field(b, "outline", it->outline);
        break;
    }
    /* a watermark's */
    if (it->angle != 0)
        hs_buf_printf(b, " angle=%.2f", it->angle);
    if (it->opacity != 0 && it->opacity != 1)
        hs_buf_printf(b, " opacity=%.2f", it->opacity);
    if (it->outlines)
        hs_buf_adds(b, " outlines");
    hs_buf_addc(b, '\n');
}

void
hs_page_dump(const hs_pages *ps, hs_buf *out)
{
    hs_buf_printf(out, "pages %d", ps->count);
    hs_doc_dump_field(out, "title", ps->info.title);
    hs_doc_dump_field(out, "author", ps->info.author);
    hs_doc_dump_field(out, "subject", ps->info.subject);
    hs_doc_dump_field(out, "keywords", ps->info.keywords);
    if (ps->info.date_epoch != -1)
        hs_buf_printf(out, " date=%lld", ps->info.date_epoch);
    hs_buf_addc(out, '\n');
    int no = 0;
    for (const hs_page *p = ps->first; p != NULL; p = p->next) {
        hs_buf_printf(out, "  page %d %.2fx%.2f\n", ++no, p->width_pt, p->height_pt);
        for (const hs_item *it = p->first; it != NULL; it = it->next)
            item(out, it);
    }
}
