/* engine/tpl/values.c — attribute values into their types.
 *
 * A length always carries its unit: "38" in columns="38 *" would be 38 pt
 * (13 mm), which nobody writing millimetres means, so it is an error that
 * proposes the units (a bare 0 is 0 in any unit). */
#include "tpl/tpl_int.h"

#include "vn/vn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
unitless(const char *w, size_t n)
{
    char *end;
    char buf[64];
    hs_tpl_copy_word(buf, sizeof buf, w, n);
    double v = strtod(buf, &end);
    return end != buf && *end == '\0' && v != 0;
}

/* One length word w[0..n); 0, or -1 with why. */
static int
length_word(const char *w, size_t n, double *pt, char *why, size_t cap)
{
    char buf[64];
    if (n >= sizeof buf) {
        snprintf(why, cap, "expected a length such as 12pt, 5mm, 1cm");
        return -1;
    }
    hs_tpl_copy_word(buf, sizeof buf, w, n);
    if (unitless(buf, n)) {
        snprintf(why, cap, "\"%s\" has no unit: write %spt, %smm or %scm", buf, buf, buf, buf);
        return -1;
    }
    if (hs_doc_length(buf, pt) != 0) {
        snprintf(why, cap, "\"%s\" is not a length such as 12pt, 5mm, 1cm", buf);
        return -1;
    }
    return 0;
}

static const char *
next_word(const char *c, size_t *len)
{
    while (*c == ' ')
        c++;
    *len = strcspn(c, " ");
    return *len == 0 ? NULL : c;
}

static int
parse_box(const char *v, double out[4], char *why, size_t cap)
{
    double x[4];
    int k = 0;
    size_t len;
    for (const char *c = v; (c = next_word(c, &len)) != NULL; c += len) {
        if (k == 4) {
            snprintf(why, cap, "expected one to four lengths");
            return -1;
        }
        if (length_word(c, len, &x[k], why, cap) != 0)
            return -1;
        if (x[k] < 0) {
            snprintf(why, cap, "expected lengths of 0pt or more");
            return -1;
        }
        k++;
    }
    if (k == 0) {
        snprintf(why, cap, "expected one to four lengths such as 2pt 4pt");
        return -1;
    }
    /* CSS order: all; vertical horizontal; top horizontal bottom; t r b l */
    out[0] = x[0];
    out[1] = k > 1 ? x[1] : x[0];
    out[2] = k > 2 ? x[2] : x[0];
    out[3] = k > 3 ? x[3] : out[1];
    return 0;
}

/* columns="12mm * 2* 35mm": fixed widths and shares of what is left. */
static int
parse_columns(const char *v, hs_arena *a, hs_tval *out, char *why, size_t cap)
{
    hs_colspec cols[64];
    int count = 0;
    size_t len;
    for (const char *c = v; (c = next_word(c, &len)) != NULL; c += len) {
        if (count == 64) {
            snprintf(why, cap, "more than 64 columns");
            return -1;
        }
        hs_colspec col = {0, 0};
        if (c[len - 1] == '*') {
            char buf[32], *end;
            hs_tpl_copy_word(buf, sizeof buf, c, len - 1);
            col.weight = len == 1 ? 1 : strtod(buf, &end);
            if (len > 1 && (*end != '\0' || col.weight <= 0 || col.weight > 1000)) {
                snprintf(why, cap, "\"%.*s\" is not a share like * or 2*", (int)len, c);
                return -1;
            }
        } else {
            if (length_word(c, len, &col.fixed_pt, why, cap) != 0)
                return -1;
            if (col.fixed_pt <= 0) {
                snprintf(why, cap, "a column is wider than 0pt");
                return -1;
            }
        }
        cols[count++] = col;
    }
    if (count == 0) {
        snprintf(why, cap, "expected column widths such as \"12mm * 30mm\"");
        return -1;
    }
    out->ncols = count;
    out->cols = HS_NEW_N(a, (size_t)count, hs_colspec);
    memcpy(out->cols, cols, sizeof cols[0] * (size_t)count);
    return 0;
}

static int
is_name(const char *v)
{
    if (!((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z') || v[0] == '_'))
        return 0;
    for (const char *p = v; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-' || *p == '.'))
            return 0;
    return 1;
}

/* "left center right or justify" from "left center right justify" */
static void
say_values(const char *values, char *why, size_t cap)
{
    size_t used = (size_t)snprintf(why, cap, "expected ");
    int count = 0;
    for (const char *p = values; *p;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == 0)
            break;
        count++;
        p += len;
    }
    int i = 0;
    for (const char *p = values; *p && used < cap;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == 0)
            break;
        i++;
        used += (size_t)snprintf(why + used, cap - used, "%s%.*s",
                                 i == 1       ? ""
                                 : i == count ? " or "
                                              : ", ",
                                 (int)len, p);
        p += len;
    }
}

int
hs_tpl_parse_value(hs_ta id, const char *v, hs_arena *a, hs_tval *out, char *why, size_t cap)
{
    const hs_tattr_def *d = &hs_tattr_defs[id];
    memset(out, 0, sizeof *out);
    char *end;
    switch (d->type) {
    case HS_TT_TEXT:
    case HS_TT_XPATH:
        out->s = v;
        return 0;
    case HS_TT_NAME:
        out->s = v;
        if (!is_name(v)) {
            snprintf(why, cap, "expected a name (letters, digits, - and _)");
            return -1;
        }
        return 0;
    case HS_TT_FONT:
        out->s = v;
        if (v[0] == '\0') {
            snprintf(why, cap, "expected a font family name");
            return -1;
        }
        return 0;
    case HS_TT_CLASSES:
        out->s = v;
        return 0;
    case HS_TT_LENGTH: {
        size_t len = strlen(v);
        while (len > 0 && v[len - 1] == ' ')
            len--;
        while (*v == ' ')
            v++, len--;
        if (length_word(v, len, &out->num, why, cap) != 0)
            return -1;
        /* Only an indent may reach back (a hanging first line, a block into
         * the margin); a negative width, space, border or offset has no
         * meaning, and layout would take it as none. */
        if (out->num < 0 && id != HS_TA_INDENT && id != HS_TA_INDENT_RIGHT &&
            id != HS_TA_FIRST_INDENT) {
            snprintf(why, cap, "expected a length of 0pt or more");
            return -1;
        }
        return 0;
    }
    case HS_TT_BOX:
        return parse_box(v, out->box, why, cap);
    case HS_TT_COLOR:
        if (hs_doc_color(v, &out->color) != 0) {
            snprintf(why, cap, "expected a colour such as #1a2b3c or black");
            return -1;
        }
        return 0;
    case HS_TT_BOOL:
        /* yes or no only, as the reference says: "true" and "1" were taken
         * too, so a template written for another tool read as meant here
         * while "on" or "Yes" failed; one spelling leaves nothing to guess.
         * A {…} test's true or false is taken by eval (expr.c). */
        if (strcmp(v, "yes") == 0)
            return out->i = 1, 0;
        if (strcmp(v, "no") == 0)
            return out->i = 0, 0;
        snprintf(why, cap, "expected yes or no");
        return -1;
    case HS_TT_ENUM: {
        int i = 0;
        for (const char *p = d->values; *p; i++) {
            while (*p == ' ')
                p++;
            size_t len = strcspn(p, " ");
            if (len == strlen(v) && memcmp(p, v, len) == 0)
                return out->i = i, 0;
            p += len;
        }
        say_values(d->values, why, cap);
        return -1;
    }
    case HS_TT_INT: {
        long x = strtol(v, &end, 10);
        if (end == v || *end != '\0' || x < d->lo || x > d->hi) {
            snprintf(why, cap, "expected a whole number from %.0f to %.0f", d->lo, d->hi);
            return -1;
        }
        out->i = (int)x;
        return 0;
    }
    case HS_TT_NUMBER:
        out->num = strtod(v, &end);
        if (end == v || *end != '\0' || out->num < d->lo || out->num > d->hi) {
            snprintf(why, cap, "expected a number from %g to %g", d->lo, d->hi);
            return -1;
        }
        return 0;
    case HS_TT_SIZE: {
        size_t len = strlen(v);
        if (len > 1 && v[len - 1] == '%') {
            out->num = strtod(v, &end);
            if (end != v + len - 1 || out->num <= 0 || out->num > 1000) {
                snprintf(why, cap, "expected a size such as 13pt or 120%%");
                return -1;
            }
            out->pct = 1;
            return 0;
        }
        if (length_word(v, len, &out->num, why, cap) != 0)
            return -1;
        if (out->num < d->lo || out->num > d->hi) {
            snprintf(why, cap, "expected a size from 1pt to 400pt");
            return -1;
        }
        return 0;
    }
    case HS_TT_PERCENT: {
        size_t len = strlen(v);
        out->num = strtod(v, &end);
        if (len < 2 || v[len - 1] != '%' || end != v + len - 1 || out->num < d->lo ||
            out->num > d->hi) {
            snprintf(why, cap, "expected a percentage from %g%% to %g%%", d->lo, d->hi);
            return -1;
        }
        out->pct = 1;
        return 0;
    }
    case HS_TT_COLUMNS:
        return parse_columns(v, a, out, why, cap);
    case HS_TT_PAGE: {
        const char *sp = strchr(v, ' ');
        if (sp != NULL && (unitless(v, (size_t)(sp - v)) || unitless(sp + 1, strlen(sp + 1)))) {
            snprintf(why, cap, "the page's lengths need their unit: \"210mm 297mm\"");
            return -1;
        }
        if (hs_doc_page_size(v, &out->page_w, &out->page_h) != 0) {
            snprintf(why, cap, "expected A3, A4, A5, Letter, Legal or \"210mm 297mm\"");
            return -1;
        }
        out->s = v;
        return 0;
    }
    case HS_TT_DATE: {
        hs_vn_date dt;
        out->s = v;
        if (v[0] != '\0' && hs_vn_date_parse(v, strlen(v), &dt) != HS_VN_OK) {
            snprintf(why, cap, "not a date (YYYY-MM-DD)");
            return -1;
        }
        /* the years of a record's dates, as for a date the template computes */
        if (v[0] != '\0' && !hs_vn_date_in_range(dt)) {
            snprintf(why, cap, "a date outside the dates a document has (%d to %d)",
                     HS_VN_DATE_YEAR_FIRST, HS_VN_DATE_YEAR_LAST);
            return -1;
        }
        return 0;
    }
    }
    return 0;
}
