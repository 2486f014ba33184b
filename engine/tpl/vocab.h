/* engine/tpl/vocab.h — the template vocabulary: one table of every element
 * and every attribute, with its type, its default and one line of meaning.
 *
 * The compiler checks templates against it, evaluation refers to elements
 * and attributes by these ids, and `hoso help template` (and docs/templates.md's
 * reference, and hoso-template(5)) are printed from it, so the documentation
 * cannot drift from the code. To add an element: one line in HS_TPL_ELEMENTS
 * (and the evaluation of its kind); to add an attribute: one line in
 * HS_TPL_ATTRS and its name in the elements that take it (or in a group). */
#ifndef HS_TPL_VOCAB_H
#define HS_TPL_VOCAB_H

/* Where an element may stand. */
typedef enum hs_tfamily {
    HS_TF_TOP,     /* the root of a file: <document>, <part> */
    HS_TF_HEAD,    /* directly under <document> (or a part's <part>) */
    HS_TF_BLOCK,   /* among blocks: the body, a <div>, a cell, a band */
    HS_TF_INLINE,  /* in a paragraph (or among blocks, where it starts one) */
    HS_TF_ROW,     /* in a <table> */
    HS_TF_CELL,    /* in a <tr> */
    HS_TF_CONTROL, /* anywhere: if, else, for, let, include, require, assert */
    HS_TF_TEXT
} hs_tfamily;

/* Attribute types. */
typedef enum hs_ttype {
    HS_TT_TEXT,    /* any text, {…} evaluated */
    HS_TT_XPATH,   /* one XPath expression, without braces */
    HS_TT_NAME,    /* a name (variable, style): letters, digits, - and _ */
    HS_TT_LENGTH,  /* a number with a unit: pt, mm, cm, in */
    HS_TT_BOX,     /* one to four lengths, CSS order */
    HS_TT_COLOR,   /* #rrggbb, #rgb or a colour name */
    HS_TT_BOOL,    /* yes or no */
    HS_TT_ENUM,    /* one of the listed words */
    HS_TT_INT,     /* a whole number in the range */
    HS_TT_NUMBER,  /* a number in the range */
    HS_TT_SIZE,    /* a font size: a length, or a percentage of the inherited size */
    HS_TT_FONT,    /* a family of fonts/families.conf */
    HS_TT_CLASSES, /* names of <style>s, space-separated */
    HS_TT_COLUMNS, /* column widths: lengths and shares (*, 2*) */
    HS_TT_PAGE,    /* A3 A4 A5 Letter Legal, or "210mm 297mm" */
    HS_TT_DATE,    /* YYYY-MM-DD */
    HS_TT_PERCENT  /* a percentage in the range: 70% */
} hs_ttype;

/* Groups of attributes that whole families take. */
#define HS_TG_STYLE 1u                       /* text style and block spacing */
#define HS_TG_EACH 2u                        /* each, sort, order, as */
#define HS_TG_IF 4u                          /* if */
#define HS_TG_REPEAT (HS_TG_EACH | HS_TG_IF) /* both */
#define HS_TG_MARK 8u                        /* id, bookmark, bookmark-level: blocks */

/* X(ID, name, type, lo, hi, values, default, meaning). groups: which group
 * the attribute belongs to (0: only where an element names it). */
#define HS_TPL_ATTRS(X)                                                                            \
    X(FONT, "font", FONT, 0, 0, "", "inherited (document: serif)",                                 \
      "font family (fonts/families.conf: serif, sans)", HS_TG_STYLE)                               \
    X(SIZE, "size", SIZE, 1, 400, "", "inherited (document: 13pt)",                                \
      "font size: 12pt, or 90% of the inherited size", HS_TG_STYLE)                                \
    X(BOLD, "bold", BOOL, 0, 0, "", "inherited (no)", "bold text", HS_TG_STYLE)                    \
    X(ITALIC, "italic", BOOL, 0, 0, "", "inherited (no)", "italic text", HS_TG_STYLE)              \
    X(UNDERLINE, "underline", BOOL, 0, 0, "", "inherited (no)", "underlined text", HS_TG_STYLE)    \
    X(COLOR, "color", COLOR, 0, 0, "", "inherited (black)", "text (and rule) colour", HS_TG_STYLE) \
    X(LINE_HEIGHT, "line-height", NUMBER, 0.5, 5, "", "inherited (1.2)",                           \
      "line height as a multiple of the size", HS_TG_STYLE)                                        \
    X(ALIGN, "align", ENUM, 0, 0, "left center right justify", "inherited (left)",                 \
      "horizontal alignment", HS_TG_STYLE)                                                         \
    X(VALIGN, "valign", ENUM, 0, 0, "top middle bottom", "inherited (top)",                        \
      "vertical alignment in a cell", HS_TG_STYLE)                                                 \
    X(SPACE_BEFORE, "space-before", LENGTH, 0, 0, "", "0pt", "space above the block", HS_TG_STYLE) \
    X(SPACE_AFTER, "space-after", LENGTH, 0, 0, "", "0pt", "space below the block", HS_TG_STYLE)   \
    X(INDENT, "indent", LENGTH, 0, 0, "", "0pt", "left indent of the block", HS_TG_STYLE)          \
    X(INDENT_RIGHT, "indent-right", LENGTH, 0, 0, "", "0pt", "right indent of the block",          \
      HS_TG_STYLE)                                                                                 \
    X(FIRST_INDENT, "first-indent", LENGTH, 0, 0, "", "0pt", "extra indent of the first line",     \
      HS_TG_STYLE)                                                                                 \
    X(KEEP_WITH_NEXT, "keep-with-next", BOOL, 0, 0, "", "no (headings: yes)",                      \
      "never end a page after this block (or row)", HS_TG_STYLE)                                   \
    X(KEEP_TOGETHER, "keep-together", BOOL, 0, 0, "", "no", "never split this block across pages", \
      HS_TG_STYLE)                                                                                 \
    X(SHRINK_MIN, "shrink-min", PERCENT, 10, 100, "", "inherited (70%)",                           \
      "how far a word (an amount, a date) too wide for its line may shrink", HS_TG_STYLE)          \
    X(CLASS, "class", CLASSES, 0, 0, "", "", "named <style>s applied to this element",             \
      HS_TG_STYLE)                                                                                 \
    X(EACH, "each", XPATH, 0, 0, "", "", "repeat the element once per node selected", HS_TG_EACH)  \
    X(SORT, "sort", XPATH, 0, 0, "", "document order",                                             \
      "with each: order the nodes by this key, Vietnamese collation", HS_TG_EACH)                  \
    X(ORDER, "order", ENUM, 0, 0, "ascending descending", "ascending", "with sort: the direction", \
      HS_TG_EACH)                                                                                  \
    X(GROUP_BY, "group-by", XPATH, 0, 0, "", "",                                                   \
      "with each: once per distinct value of this key, in the order each (and sort) give; "        \
      "current-group(), current-grouping-key()",                                                   \
      HS_TG_EACH)                                                                                  \
    X(AS, "as", NAME, 0, 0, "", "", "with each: a variable holding the current node", HS_TG_EACH)  \
    X(IF, "if", XPATH, 0, 0, "", "", "make the element only when this is true", HS_TG_IF)          \
    X(PAGE, "page", PAGE, 0, 0, "", "A4",                                                          \
      "page size: A3, A4, A5, Letter, Legal or \"210mm 297mm\"", 0)                                \
    X(ORIENTATION, "orientation", ENUM, 0, 0, "portrait landscape", "portrait",                    \
      "page orientation", 0)                                                                       \
    X(MARGIN, "margin", BOX, 0, 0, "", "20mm 15mm 20mm 30mm",                                      \
      "page margins, 1 to 4 lengths: top right bottom left", 0)                                    \
    X(TITLE, "title", TEXT, 0, 0, "", "", "PDF metadata: title", 0)                                \
    X(AUTHOR, "author", TEXT, 0, 0, "", "", "PDF metadata: author", 0)                             \
    X(SUBJECT, "subject", TEXT, 0, 0, "", "", "PDF metadata: subject", 0)                          \
    X(KEYWORDS, "keywords", TEXT, 0, 0, "", "", "PDF metadata: keywords", 0)                       \
    X(DATE, "date", DATE, 0, 0, "", "none (SOURCE_DATE_EPOCH overrides)",                          \
      "the PDF's creation date, YYYY-MM-DD (1990 to 2099)", 0)                                     \
    X(NAME, "name", NAME, 0, 0, "", "", "the name of the variable or style", 0)                    \
    X(BACKGROUND, "background", COLOR, 0, 0, "", "none", "background colour of a row or cell", 0)  \
    X(ON, "on", ENUM, 0, 0, "all first not-first", "all", "the pages the band or watermark is on", \
      0)                                                                                           \
    X(OFFSET, "offset", LENGTH, 0, 0, "", "10mm",                                                  \
      "distance from the page edge (header: top, footer: bottom)", 0)                              \
    X(COLUMNS, "columns", COLUMNS, 0, 0, "", "",                                                   \
      "column widths: lengths and shares of the rest (12mm * 2* 35mm)", 0)                         \
    X(BORDER, "border", LENGTH, 0, 0, "", "0pt (cells: the table's)", "border line width", 0)      \
    X(BORDER_COLOR, "border-color", COLOR, 0, 0, "", "black", "border colour", 0)                  \
    X(PADDING, "padding", BOX, 0, 0, "", "2pt 4pt", "space inside each cell, 1 to 4 lengths", 0)   \
    X(HEADER_ROWS, "header-rows", INT, 0, 20, "", "0",                                             \
      "the first rows, repeated on every page the table continues on", 0)                          \
    X(HEADER, "header", BOOL, 0, 0, "", "no", "this row is repeated on every page", 0)             \
    X(COLSPAN, "colspan", INT, 1, 64, "", "1", "columns the cell spans", 0)                        \
    X(THICKNESS, "thickness", LENGTH, 0, 0, "", "0.75pt (lines: 0.5pt)", "line thickness", 0)      \
    X(WIDTH, "width", LENGTH, 0, 0, "", "the full width (image: its own)", "width", 0)             \
    X(HEIGHT, "height", LENGTH, 0, 0, "", "space: the font size; image: from the width", "height", \
      0)                                                                                           \
    X(SRC, "src", TEXT, 0, 0, "", "", "a file, relative to the template that names it", 0)         \
    X(LINE_COUNT, "count", INT, 1, 200, "", "3", "how many ruled lines", 0)                        \
    X(SPACING, "spacing", LENGTH, 0, 0, "", "1.8 × the font size", "distance between lines", 0)    \
    X(CHECKED, "checked", XPATH, 0, 0, "", "false", "the box is ticked when this is true", 0)      \
    X(VALUE, "value", XPATH, 0, 0, "", "", "the variable's value (else: the element's content)",   \
      0)                                                                                           \
    X(PATH, "path", XPATH, 0, 0, "", "", "what the record must have", 0)                           \
    X(WHAT, "what", TEXT, 0, 0, "", "", "its name in the error message", 0)                        \
    X(TEST, "test", XPATH, 0, 0, "", "", "the condition", 0)                                       \
    X(AT, "at", XPATH, 0, 0, "", "the context node", "the record node the error names", 0)         \
    X(ID, "id", TEXT, 0, 0, "", "",                                                                \
      "a place links go to (<a href=\"#id\">): ASCII letters, digits, - _ .", HS_TG_MARK)          \
    X(BOOKMARK, "bookmark", TEXT, 0, 0, "", "headings: their text",                                \
      "the block's entry in the PDF's outline (\"\": none)", HS_TG_MARK)                           \
    X(BOOKMARK_LEVEL, "bookmark-level", INT, 1, 6, "", "1 (headings: their level)",                \
      "the outline level of the bookmark", HS_TG_MARK)                                             \
    X(BOOKMARKS, "bookmarks", BOOL, 0, 0, "", "yes", "make the PDF's outline (bookmarks)", 0)      \
    X(HREF, "href", TEXT, 0, 0, "", "",                                                            \
      "the link target: http://, https://, mailto:, tel: or #id of a block", 0)                    \
    X(DATA, "data", TEXT, 0, 0, "", "", "what the code encodes (vietqr(…) for a payment)", 0)      \
    X(QR_SIZE, "size", LENGTH, 0, 0, "", "25mm", "the side of the code, its quiet zone included",  \
      0)                                                                                           \
    X(LEVEL, "level", ENUM, 0, 0, "L M Q H", "M", "error correction: L, M, Q or H", 0)             \
    X(RULE_BELOW, "rule-below", LENGTH, 0, 0, "", "none",                                          \
      "a solid rule this thick under the text, as long as its longest line (not an underline)", 0) \
    X(LEVELS, "levels", INT, 1, 6, "", "3",                                                        \
      "the bookmark levels the contents list (1: only the top ones)", 0)                           \
    X(ANGLE, "angle", NUMBER, -180, 180, "", "45",                                                 \
      "degrees the watermark is turned about the page's centre, counter-clockwise", 0)             \
    X(EXTRACTABLE, "extractable", BOOL, 0, 0, "", "yes",                                           \
      "the watermark's text is text (copied, searched); no: glyph outlines only", 0)               \
    X(OPACITY, "opacity", PERCENT, 1, 100, "", "100%",                                             \
      "how much the watermark covers what is under it (an image at 15% is a light one)", 0)

/* X(ID, name, family, groups, own attributes, meaning) */
#define HS_TPL_ELEMENTS(X)                                                                         \
    X(DOCUMENT, "document", TOP, HS_TG_STYLE,                                                      \
      "page orientation margin title author subject keywords date bookmarks",                      \
      "the root of a template: page set-up, base style, PDF metadata")                             \
    X(PART, "part", TOP, 0, "", "the root of a file included with <include>")                      \
    X(NAME, "name", HEAD, 0, "", "the output file name pattern (text with {…})")                   \
    X(STYLE, "style", HEAD, HS_TG_STYLE, "name background",                                        \
      "a named style: named after a tag it applies to every such tag, else through class")         \
    X(HEADER, "header", HEAD, HS_TG_STYLE, "on offset", "blocks printed at the top of pages")      \
    X(FOOTER, "footer", HEAD, HS_TG_STYLE, "on offset", "blocks printed at the bottom of pages")   \
    X(WATERMARK, "watermark", HEAD, HS_TG_STYLE | HS_TG_IF, "on angle extractable opacity",        \
      "text or an image behind every page's content, turned (default: 80pt, light grey)")          \
    X(P, "p", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "rule-below", "a paragraph")         \
    X(H1, "h1", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "rule-below",                      \
      "a heading: bold, kept with what follows")                                                   \
    X(H2, "h2", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "rule-below",                      \
      "a heading of the second level")                                                             \
    X(H3, "h3", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "rule-below",                      \
      "a heading of the third level")                                                              \
    X(DIV, "div", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "", "a group of blocks")         \
    X(SECTION, "section", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK,                          \
      "page orientation margin",                                                                   \
      "pages of their own (size, orientation, margins, <header>, <footer>) in the body; page "     \
      "numbers go on")                                                                             \
    X(TABLE, "table", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK,                              \
      "columns border border-color padding header-rows", "a table of <tr> rows")                   \
    X(HR, "hr", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "thickness width",                 \
      "a horizontal rule")                                                                         \
    X(SPACE, "space", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "height", "vertical space")  \
    X(PAGE_BREAK, "page-break", BLOCK, HS_TG_IF, "", "start a new page")                           \
    X(IMG, "img", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "src width height",              \
      "an image (PNG, JPEG)")                                                                      \
    X(LINES, "lines", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "count spacing thickness",   \
      "ruled lines to write on by hand")                                                           \
    X(QR, "qr", BLOCK, HS_TG_STYLE | HS_TG_REPEAT | HS_TG_MARK, "data size level",                 \
      "a QR code of data (size: its side; size here is not a text size)")                          \
    X(TOC, "toc", BLOCK, HS_TG_STYLE | HS_TG_IF, "levels",                                         \
      "the table of contents: the bookmarks with dot leaders and the pages they are on")           \
    X(TR, "tr", ROW, HS_TG_STYLE | HS_TG_REPEAT, "header background", "a table row of cells")      \
    X(TD, "td", CELL, HS_TG_STYLE | HS_TG_REPEAT, "colspan border background", "a table cell")     \
    X(TH, "th", CELL, HS_TG_STYLE | HS_TG_REPEAT, "colspan border background",                     \
      "a header cell (bold)")                                                                      \
    X(B, "b", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "bold")                                      \
    X(STRONG, "strong", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "bold")                            \
    X(I, "i", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "italic")                                    \
    X(EM, "em", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "italic")                                  \
    X(U, "u", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "underlined")                                \
    X(A, "a", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "href", "a link: its content leads to href")     \
    X(SPAN, "span", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "a run of text with its own style")    \
    X(BR, "br", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "a line break")                            \
    X(PAGE_NUMBER, "page-number", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "",                          \
      "the number of the page")                                                                    \
    X(PAGE_COUNT, "page-count", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "", "the number of pages")     \
    X(CHECKBOX, "checkbox", INLINE, HS_TG_STYLE | HS_TG_REPEAT, "checked", "a box to tick")        \
    X(IF, "if", CONTROL, 0, "test", "its content only when test is true")                          \
    X(ELSE, "else", CONTROL, 0, "", "right after an <if>: its content when the test is false")     \
    X(FOR, "for", CONTROL, HS_TG_REPEAT, "", "its content once per node of each")                  \
    X(LET, "let", CONTROL, 0, "name value",                                                        \
      "a variable for what follows in the same element: value, text, or elements (a node list)")   \
    X(INCLUDE, "include", CONTROL, HS_TG_REPEAT, "src", "the content of a <part> file")            \
    X(REQUIRE, "require", CONTROL, HS_TG_IF, "path what",                                          \
      "the document is not made when the record lacks path")                                       \
    X(ASSERT, "assert", CONTROL, HS_TG_IF, "test at",                                              \
      "a rule about the data: the content is the error when test is false")

#define HS_TPL_ENUM_A(id, ...) HS_TA_##id,
#define HS_TPL_ENUM_E(id, ...) HS_TK_##id,
typedef enum hs_ta { HS_TPL_ATTRS(HS_TPL_ENUM_A) HS_TA_COUNT } hs_ta;
typedef enum hs_tk { HS_TPL_ELEMENTS(HS_TPL_ENUM_E) HS_TK_TEXT, HS_TK_COUNT } hs_tk;
#undef HS_TPL_ENUM_A
#undef HS_TPL_ENUM_E

typedef struct hs_tattr_def {
    const char *name;
    hs_ttype type;
    double lo, hi;
    const char *values; /* ENUM: the words, space-separated */
    const char *dflt;
    const char *meaning;
    unsigned groups;
} hs_tattr_def;

typedef struct hs_telem_def {
    const char *name;
    hs_tfamily family;
    unsigned groups;
    const char *own; /* its own attributes, space-separated */
    const char *meaning;
} hs_telem_def;

extern const hs_tattr_def hs_tattr_defs[HS_TA_COUNT];
extern const hs_telem_def hs_telem_defs[HS_TK_COUNT];

/* Whether element k takes attribute a. An attribute an element names among
 * its own shadows a group's of the same name (<qr size> is not a text size). */
int hs_tpl_takes(hs_tk k, hs_ta a);
/* The attribute called name that element k takes; else the first one of that
 * name (for messages); -1 when there is none. */
int hs_tpl_attr_for(hs_tk k, const char *name);
/* The id of an element or attribute name; -1 when there is none. */
int hs_tpl_elem_id(const char *name);
int hs_tpl_attr_id(const char *name);

#endif
