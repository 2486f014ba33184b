/* engine/text/icu_int.h — helpers shared by the files of engine/text/ only;
 * not an interface (nothing outside text/ includes it).
 *
 * UTF-16 buffers made here are malloc'd scratch that the caller frees before
 * it returns; what leaves text/ is UTF-8 in the caller's arena, NUL-terminated. */
#ifndef HS_TEXT_ICU_INT_H
#define HS_TEXT_ICU_INT_H

#include "base/base.h"

#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>

/* ICU counts in int32_t and UTF-16 → UTF-8 can triple the size: longer
 * inputs are refused with a "limit" diag rather than overflowing. */
#define HS_TX_MAX_BYTES ((size_t)INT32_MAX / 4)

/* 1 when s[0..n) is all ASCII (then it is also valid, NFC and NFD). */
int hs_tx_is_ascii(const char *s, size_t n);
/* 0, or -1 after reporting "utf8" (with the byte offset) or "limit". */
int hs_tx_check(const char *s, size_t n, hs_report *r, hs_loc loc);
/* Reports an ICU failure as code "internal" and returns -1. */
int hs_tx_icu_fail(hs_report *r, hs_loc loc, const char *what, UErrorCode err);

void *hs_tx_malloc(size_t n); /* aborts on OOM, like the arena */

/* s must have passed hs_tx_check. A malloc'd, NUL-terminated UTF-16 copy,
 * with its length in *len; NULL after reporting. */
UChar *hs_tx_to_u16(const char *s, size_t n, int32_t *len, hs_report *r, hs_loc loc);
/* u[0..len) as UTF-8 in the arena, NUL-terminated. 0 or -1 (reported). */
int hs_tx_to_utf8(hs_arena *a, const UChar *u, int32_t len, const char **out, size_t *out_len,
                  hs_report *r, hs_loc loc);
/* u[0..len) normalised by nm into a new malloc'd buffer (NUL-terminated), or
 * NULL after reporting. */
UChar *hs_tx_normalize(const UNormalizer2 *nm, const UChar *u, int32_t len, int32_t *out_len,
                       hs_report *r, hs_loc loc);

/* hs_text_ascii's two ways (translit.c), u[0..len) from hs_tx_to_u16: by
 * ICU's normaliser, for the text it is exact on (1, or 0 for text it is not;
 * -1 after reporting), and by the transliterator (0 or -1). test_text checks
 * the first against the second. */
int hs_tx_ascii_by_marks(hs_arena *a, const UChar *u, int32_t len, const char **out,
                         size_t *out_len, hs_report *r, hs_loc loc);
int hs_tx_ascii_by_rules(hs_arena *a, const UChar *u, int32_t len, const char **out,
                         size_t *out_len, hs_report *r, hs_loc loc);

/* The functions of ICU's i18n library the engine calls (i18n.c: opened on
 * first use, not linked), each of the type its header declares. */
typedef struct hs_tx_i18n {
    __typeof__(ucol_open) *col_open;
    __typeof__(ucol_close) *col_close;
    __typeof__(ucol_setStrength) *col_set_strength;
    __typeof__(ucol_setAttribute) *col_set_attribute;
    __typeof__(ucol_getSortKey) *col_sort_key;
    __typeof__(ucol_strcollUTF8) *col_strcoll_utf8;
    __typeof__(utrans_openU) *trans_open_u;
    __typeof__(utrans_close) *trans_close;
    __typeof__(utrans_transUChars) *trans_uchars;
} hs_tx_i18n;
/* The table, or NULL after reporting why the library did not open (r may
 * be NULL: nothing said). */
const hs_tx_i18n *hs_tx_i18n_get(hs_report *r, hs_loc loc);

/* Per-file caches of ICU objects, closed by hs_text_cleanup. */
void hs_tx_breaks_cleanup(void);
void hs_tx_collate_cleanup(void);
void hs_tx_translit_cleanup(void);

#endif
