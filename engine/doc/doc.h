/* engine/doc/doc.h — the document tree: what eval produces and layout reads.
 *
 * Every string is UTF-8 in NFC and lives in the document's arena. Styles are
 * fully resolved (no inheritance is left for layout to do). Each run keeps the
 * location of the data it came from, so a glyph error names the record line. */
#ifndef HS_DOC_H
#define HS_DOC_H

#include "base/base.h"

typedef enum hs_align { HS_ALIGN_LEFT, HS_ALIGN_CENTER, HS_ALIGN_RIGHT, HS_ALIGN_JUSTIFY } hs_align;
typedef enum hs_valign { HS_VALIGN_TOP, HS_VALIGN_MIDDLE, HS_VALIGN_BOTTOM } hs_valign;

typedef struct hs_style {
    const char *family;
    int bold, italic, underline;
    double size_pt;
    double line_height; /* multiple of size */
    uint32_t color;     /* 0xRRGGBB */
    double shrink_min;  /* an unbreakable unit wider than its line is shrunk down to
                           this share of its size (0: the default, 70 %) */
    const char *link;   /* inside <a href>: its target (ASCII), else NULL */
} hs_style;

typedef enum hs_run_kind {
    HS_RUN_TEXT,
    HS_RUN_BREAK,   /* forced line break (<br/>) */
    HS_RUN_PAGE,    /* the current page number */
    HS_RUN_PAGES,   /* the number of pages */
    HS_RUN_CHECKBOX /* a box drawn at text size; ticked when checked */
} hs_run_kind;

typedef struct hs_run {
    hs_run_kind kind;
    hs_style style;
    const char *text;
    size_t len;
    int checked;       /* checkbox */
    hs_loc loc;        /* record node or template node the text came from */
    const char *field; /* record field for messages ("customer/name"), or NULL */
    /* The record node the text came from (eval's, living as long as this
     * document), or NULL: when field is NULL, the field a message names is
     * field_of(src), made only then (hs_run_field), by eval's function:
     * layout knows nothing of XML. */
    const void *src;
    const char *(*field_of)(hs_arena *a, const void *src);
    struct hs_run *next;
} hs_run;

/* The record field r's text came from, for a message ("customer/name"), in
 * a; NULL for template text. */
const char *hs_run_field(hs_arena *a, const hs_run *r);

typedef enum hs_block_kind {
    HS_BLOCK_PARA,
    HS_BLOCK_TABLE,
    HS_BLOCK_RULE,
    HS_BLOCK_SPACE,
    HS_BLOCK_PAGE_BREAK,
    HS_BLOCK_GROUP,
    HS_BLOCK_IMAGE,
    HS_BLOCK_LINES, /* ruled lines to write on */
    HS_BLOCK_QR,    /* a QR code: qr_data at qr_level, width x width with its quiet zone */
    /* children on pages of their own, set up by section (in the body only) */
    HS_BLOCK_SECTION,
    HS_BLOCK_TOC /* the table of contents: the outline's entries up to level count */
} hs_block_kind;

typedef struct hs_table hs_table;

typedef struct hs_block {
    hs_block_kind kind;
    hs_loc loc;
    hs_style style; /* the block's own style: used for empty paragraphs and rules */
    double space_before, space_after;
    double indent_left, indent_right, first_indent;
    hs_align align;
    int keep_with_next, keep_together;
    double height;   /* space, image, lines: height in pt */
    double width;    /* rule, image: width in pt, 0 for the full width */
    double rule_pt;  /* rule and lines: line thickness; paragraph: its rule-below (0: none) */
    int count;       /* lines: how many */
    hs_run *runs;    /* para */
    hs_table *table; /* table */
    struct hs_block *children; /* group, section */
    /* section: its page size, margins, headers and footers */
    const struct hs_doc *section;
    const char *image_path; /* image */
    const char *qr_data;    /* qr: the bytes to encode (UTF-8), qr_len of them */
    size_t qr_len;
    int qr_level;        /* qr: hs_qr_level (qr/qr.h) */
    const char *anchor;  /* id="…": where links to #id go, or NULL */
    const char *outline; /* its bookmark's title, or NULL */
    int outline_level;   /* 1 (top) .. 6 */
    struct hs_block *next;
} hs_block;

typedef struct hs_cell {
    int colspan;
    hs_valign valign;
    uint32_t background; /* 0xRRGGBB, or HS_NO_COLOR */
    double border_pt;    /* -1: the table's */
    hs_block *blocks;
    hs_loc loc;
    struct hs_cell *next;
} hs_cell;

#define HS_NO_COLOR 0xFFFFFFFFu

typedef struct hs_row {
    hs_cell *cells;
    int header; /* repeated at the top of every page the table continues on */
    int keep_with_next;
    hs_loc loc;
    struct hs_row *next;
} hs_row;

typedef struct hs_colspec {
    double fixed_pt; /* > 0: a fixed width */
    double weight;   /* > 0: a share of what the fixed columns leave */
} hs_colspec;

struct hs_table {
    int ncols;
    hs_colspec *cols;
    hs_row *rows;
    double border_pt; /* 0: no borders */
    uint32_t border_color;
    double pad[4]; /* top right bottom left, pt */
};

typedef enum hs_pages_sel { HS_ON_ALL, HS_ON_FIRST, HS_ON_NOT_FIRST } hs_pages_sel;

typedef struct hs_band {
    hs_pages_sel on;
    double offset_pt; /* header: from the top edge; footer: from the bottom edge */
    hs_block *blocks;
    struct hs_band *next;
} hs_band;

/* A watermark: its blocks laid out in one box, centred on the page, turned
 * by angle degrees counter-clockwise and drawn before the page's content. */
typedef struct hs_watermark {
    hs_pages_sel on;
    double angle;
    int extractable; /* 0: its text drawn as glyph outlines, not text */
    double opacity;  /* 0.01 .. 1 */
    hs_block *blocks;
    hs_loc loc;
    struct hs_watermark *next;
} hs_watermark;

typedef struct hs_doc {
    double page_w, page_h;
    double margin[4]; /* top right bottom left */
    hs_band *headers, *footers;
    hs_watermark *watermarks; /* in template order: the first is drawn first */
    hs_block *body;
    const char *title, *author, *subject, *keywords;
    const char *file_name; /* from the template's name pattern, NFC, not yet made safe */
    long long date_epoch;  /* -1: none */
    hs_loc loc;
} hs_doc;

/* Units: "13pt", "20mm", "2cm", "1in", "12" (pt). Returns 0 or -1 (no report). */
int hs_doc_length(const char *s, double *pt);
/* "#1a2b3c", "#abc", or a few names (black, red, blue, gray, white). */
int hs_doc_color(const char *s, uint32_t *rgb);
/* Page sizes: "A4", "A5", "A3", "Letter", "Legal", or "210mm 297mm". */
int hs_doc_page_size(const char *s, double *w, double *h);

/* The tree as indented text, one node a line with its location, appended to
 * out (golden tests, debugging). */
void hs_doc_dump(const hs_doc *doc, hs_buf *out);
/* s[0, n) in double quotes, with \" \\ and \xNN for control characters:
 * how every dump (tpl/, doc/, page/) writes a string. */
void hs_doc_dump_quoted(hs_buf *b, const char *s, size_t n);
/* " key=S" with S quoted; nothing when s is NULL. */
void hs_doc_dump_field(hs_buf *b, const char *key, const char *s);
/* " @file:line" when l says where, then the end of the line. */
void hs_doc_dump_loc(hs_buf *b, hs_loc l);
/* " key=PATH" quoted, a path under the working folder written relative to
 * it, so that a dump does not depend on where the tree is checked out. */
void hs_doc_dump_path(hs_buf *b, const char *key, const char *path);

#endif
