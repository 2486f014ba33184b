/* engine/tpl/vocab.c — the vocabulary table as data, and who takes what. */
#include "tpl/tpl.h"

#include <stdatomic.h>
#include <string.h>

#define HS_TPL_ROW_A(id, nm, ty, lo_, hi_, vals, df, mean, grp)                                    \
    [HS_TA_##id] = {nm, HS_TT_##ty, lo_, hi_, vals, df, mean, grp},
#define HS_TPL_ROW_E(id, nm, fam, grp, own_, mean)                                                 \
    [HS_TK_##id] = {nm, HS_TF_##fam, grp, own_, mean},

const hs_tattr_def hs_tattr_defs[HS_TA_COUNT] = {HS_TPL_ATTRS(HS_TPL_ROW_A)};
const hs_telem_def hs_telem_defs[HS_TK_COUNT] = {
    HS_TPL_ELEMENTS(HS_TPL_ROW_E)[HS_TK_TEXT] = {"(text)", HS_TF_TEXT, 0, "", "text"}};

/* A word of a space-separated list. */
static int
in_list(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == n && memcmp(p, word, n) == 0)
            return 1;
        p += len;
    }
    return 0;
}

static int
takes_now(hs_tk k, hs_ta a)
{
    const hs_telem_def *e = &hs_telem_defs[k];
    const hs_tattr_def *d = &hs_tattr_defs[a];
    if (d->groups == 0)
        return in_list(e->own, d->name);
    if ((e->groups & d->groups) == 0)
        return in_list(e->own, d->name);
    /* A group's attribute, unless the element's own of that name shadows it
     * (the element's list first: most have none of that name, and the
     * template compiler asks this of every attribute it reads). */
    if (!in_list(e->own, d->name))
        return 1;
    for (int b = 0; b < HS_TA_COUNT; b++)
        if (b != (int)a && hs_tattr_defs[b].groups == 0 &&
            strcmp(hs_tattr_defs[b].name, d->name) == 0)
            return 0;
    return 1;
}

/* Whether k takes a, as takes_now says: kept once said (0: not asked yet,
 * 1: no, 2: yes). The compiler asks it of every attribute it reads, the
 * evaluation of every block (marks.c), and each answer scans the names of
 * the element's own attributes. Atomic, relaxed: engines in two threads
 * may ask at once, and both compute the same answer. */
static _Atomic unsigned char taken[HS_TK_COUNT][HS_TA_COUNT];

int
hs_tpl_takes(hs_tk k, hs_ta a)
{
    if (k >= HS_TK_COUNT || a >= HS_TA_COUNT)
        return 0;
    unsigned char v = atomic_load_explicit(&taken[k][a], memory_order_relaxed);
    if (v == 0) {
        v = takes_now(k, a) ? 2 : 1;
        atomic_store_explicit(&taken[k][a], v, memory_order_relaxed);
    }
    return v == 2;
}

/* The first letters compared before the names: the compiler looks every
 * element and attribute of a template up here, by a linear search. */
#define SAME_NAME(a, b) ((a)[0] == (b)[0] && strcmp(a, b) == 0)

int
hs_tpl_attr_for(hs_tk k, const char *name)
{
    int first = -1;
    for (int i = 0; i < HS_TA_COUNT; i++)
        if (SAME_NAME(hs_tattr_defs[i].name, name)) {
            if (hs_tpl_takes(k, (hs_ta)i))
                return i;
            if (first < 0)
                first = i;
        }
    return first;
}

int
hs_tpl_elem_id(const char *name)
{
    for (int i = 0; i < HS_TK_TEXT; i++)
        if (SAME_NAME(hs_telem_defs[i].name, name))
            return i;
    return -1;
}

int
hs_tpl_attr_id(const char *name)
{
    for (int i = 0; i < HS_TA_COUNT; i++)
        if (strcmp(hs_tattr_defs[i].name, name) == 0)
            return i;
    return -1;
}
