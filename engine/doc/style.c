/* engine/doc/style.c — lengths, colours and page sizes as templates write them. */
#include "doc/doc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int
hs_doc_length(const char *s, double *pt)
{
    if (s == NULL)
        return -1;
    while (*s == ' ')
        s++;
    char *end;
    double v = strtod(s, &end);
    if (end == s || v != v || v < -100000 || v > 100000)
        return -1;
    while (*end == ' ')
        end++;
    double k;
    if (*end == '\0' || strcmp(end, "pt") == 0)
        k = 1;
    else if (strcmp(end, "mm") == 0)
        k = 72.0 / 25.4;
    else if (strcmp(end, "cm") == 0)
        k = 720.0 / 25.4;
    else if (strcmp(end, "in") == 0)
        k = 72.0;
    else
        return -1;
    *pt = v * k;
    return 0;
}

int
hs_doc_color(const char *s, uint32_t *rgb)
{
    static const struct {
        const char *name;
        uint32_t rgb;
    } names[] = {{"black", 0x000000}, {"white", 0xFFFFFF}, {"red", 0xC00000},
                 {"blue", 0x1F3A93},  {"gray", 0x808080},  {"grey", 0x808080},
                 {"lightgray", 0xE6E6E6}, {"navy", 0x1F2A5C}};
    if (s == NULL)
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(s, names[i].name) == 0)
            return *rgb = names[i].rgb, 0;
    if (s[0] != '#')
        return -1;
    size_t n = strlen(s + 1);
    if (n != 6 && n != 3)
        return -1;
    uint32_t v = 0;
    for (size_t i = 1; i <= n; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (uint32_t)d;
        if (n == 3)
            v = v << 4 | (uint32_t)d;
    }
    *rgb = v;
    return 0;
}

int
hs_doc_page_size(const char *s, double *w, double *h)
{
    static const struct {
        const char *name;
        double w_mm, h_mm;
    } sizes[] = {{"A3", 297, 420}, {"A4", 210, 297}, {"A5", 148, 210},
                 {"Letter", 215.9, 279.4}, {"Legal", 215.9, 355.6}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        if (strcasecmp(s, sizes[i].name) == 0) {
            *w = sizes[i].w_mm * 72.0 / 25.4;
            *h = sizes[i].h_mm * 72.0 / 25.4;
            return 0;
        }
    const char *sp = strchr(s, ' ');
    if (sp == NULL)
        return -1;
    char first[64];
    size_t n = (size_t)(sp - s);
    if (n >= sizeof first)
        return -1;
    memcpy(first, s, n);
    first[n] = '\0';
    if (hs_doc_length(first, w) != 0 || hs_doc_length(sp + 1, h) != 0)
        return -1;
    return *w > 0 && *h > 0 ? 0 : -1;
}
