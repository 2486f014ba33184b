/* engine/text/text.h — Unicode services over UTF-8; the only folder that
 * includes ICU's <unicode/...> headers. Results are allocated in the given
 * arena and NUL-terminated, except where a function may return s itself. */
#ifndef HS_TEXT_H
#define HS_TEXT_H

#include "base/base.h"

/* NFC of s (valid UTF-8). Returns 0 and sets *out and *out_len, or -1 on
 * invalid input (reported to r at loc, code "utf8"). When s is already NFC
 * (always so for ASCII) *out is s itself, not a copy: then it is NUL-terminated
 * at *out_len only if s was, so use *out_len. Otherwise *out is a new
 * NUL-terminated string in a. n == 0 gives "". */
int hs_text_nfc(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len,
                hs_report *r, hs_loc loc);
/* Same, to NFD; used by tests and tools. */
int hs_text_nfd(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len,
                hs_report *r, hs_loc loc);

/* Line-break opportunities (UAX #14, ICU, locale "vi") in s[0..n).
 * On return brk[i] for 0 < i <= n is: 0 none, 1 a break is allowed before byte
 * i, 2 a break is required before byte i (after a hard line break character).
 * brk must have n + 1 entries; brk[0] is 0. Returns 0 or -1 (reported). */
int hs_text_breaks(const char *s, size_t n, unsigned char *brk, hs_report *r, hs_loc loc);

/* Upper case with the "vi" locale (đ -> Đ, ư -> Ư), result NFC. */
int hs_text_upper(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len,
                  hs_report *r, hs_loc loc);
int hs_text_lower(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len,
                  hs_report *r, hs_loc loc);

/* Collation sort key (ICU "vi", tertiary strength) for s; compare keys with
 * strcmp. Returns 0 or -1 (reported). */
int hs_text_sort_key(hs_arena *a, const char *s, size_t n, const char **key, hs_report *r,
                     hs_loc loc);
/* -1, 0, 1 as a < b, a == b, a > b in Vietnamese order. */
int hs_text_compare(const char *a, size_t an, const char *b, size_t bn);

/* ASCII transliteration of s ("Báo giá Chính Đại" -> "Bao gia Chinh Dai"),
 * through ICU's Any-Latin; Latin-ASCII transform, with marks stripped and
 * ₫ -> "VND". The result is pure ASCII: a character ICU leaves outside ASCII
 * (a symbol, an emoji) becomes '_'. Returns 0, or -1 on invalid UTF-8. */
int hs_text_ascii(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len,
                  hs_report *r, hs_loc loc);

/* 1 when cp is a letter of a right-to-left script (bidi class R or AL:
 * Hebrew, Arabic, Syriac...), which the layout cannot order. */
int hs_text_is_rtl(uint32_t cp);
/* 1 when cp is white space or an invisible format character (zero widths,
 * bidi controls, soft hyphen): nothing a reader sees. */
int hs_text_is_blank(uint32_t cp);
/* 1 when cp is a letter or a combining mark (a word's, as opposed to a
 * code's digits and signs). */
int hs_text_is_letter(uint32_t cp);

/* Release ICU objects cached per process (for leak checkers at exit). */
void hs_text_cleanup(void);

#endif
