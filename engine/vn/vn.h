/* engine/vn/vn.h — Vietnamese formats: money, amount in words, dates, numbers.
 *
 * Pure functions: no XML, no PDF, no ICU, no allocation. Money is integer đồng
 * in int64 with overflow checks; never double. Rules and vectors are those of
 * shared/vietnamese.md. Every function returns HS_VN_OK or an error code; the
 * caller turns a code into a diagnostic with hs_vn_strerror. */
#ifndef HS_VN_H
#define HS_VN_H

#include <stddef.h>
#include <stdint.h>

typedef enum hs_vn_status {
    HS_VN_OK = 0,
    HS_VN_E_SYNTAX,   /* not a number / amount / date in the accepted forms */
    HS_VN_E_RANGE,    /* outside the accepted range, or arithmetic overflow */
    HS_VN_E_NEGATIVE, /* negative where not allowed */
    HS_VN_E_DATE,     /* well-formed but not a calendar date (2021-02-30) */
    HS_VN_E_SPACE,    /* output buffer too small */
    HS_VN_E_RATE      /* not a VAT rate we know */
} hs_vn_status;

const char *hs_vn_strerror(hs_vn_status s); /* English phrase for messages */

/* Largest amount the module accepts, in đồng: 10^18 - 1 (fits int64 with room
 * for sums to be checked). */
#define HS_VN_MONEY_MAX INT64_C(999999999999999999)

/* ---- money ---- */
/* Parse "12500000", "12.500.000" (groups of exactly three after the first),
 * optional surrounding ASCII spaces, optional leading '-' when allow_negative.
 * Rejects "12.5tr", "12,5", "1.23", empty, and values past HS_VN_MONEY_MAX. */
hs_vn_status hs_vn_money_parse(const char *s, size_t n, int allow_negative, int64_t *out);

typedef enum hs_vn_unit { HS_VN_UNIT_SYMBOL, HS_VN_UNIT_DONG, HS_VN_UNIT_VND, HS_VN_UNIT_NONE }
    hs_vn_unit;
/* "1.234.567 ₫" with U+00A0 before the unit ("1.234.567 đồng", "1.234.567 VNĐ",
 * "1.234.567"); negative amounts as "-1.234.567 ₫". */
hs_vn_status hs_vn_money_format(int64_t dong, hs_vn_unit unit, char *out, size_t cap);

hs_vn_status hs_vn_add(int64_t a, int64_t b, int64_t *out); /* checked, within ±MONEY_MAX */
hs_vn_status hs_vn_mul(int64_t a, int64_t b, int64_t *out);

/* VAT rates are kept in tenths of a percent: 100 = 10 %, 80 = 8 %, 0 = 0 %;
 * HS_VN_VAT_KCT (not taxable) gives 0 VAT and prints as "KCT". */
#define HS_VN_VAT_KCT (-1)
/* Parse "10", "10%", "8", "5", "0", "KCT", "8,5" → tenths; rejects others. */
hs_vn_status hs_vn_vat_parse(const char *s, size_t n, int *rate_tenths);
/* Whether a parsed rate is one the VAT law has: KCT, 0, 5 and 10 % (Law on
 * VAT 48/2024/QH15) and the reduced 8 % (the National Assembly's reductions
 * of the 10 % rate), as record.xsd lists them. A document prints no other. */
int hs_vn_vat_rate_in_law(int rate_tenths);
/* VAT of a base amount at a rate, rounded half-up to the đồng (exact integer
 * arithmetic: (base * rate + 500) / 1000 for base >= 0). */
hs_vn_status hs_vn_vat(int64_t base, int rate_tenths, int64_t *vat);

/* ---- amount in words ---- */
typedef struct hs_vn_words_opts {
    int le;        /* "lẻ" instead of "linh" */
    int ngan;      /* "ngàn" instead of "nghìn" */
    int ti;        /* "tỉ" instead of "tỷ" */
    int bon;       /* "bốn" instead of "tư" after a tens digit >= 2 */
    const char *unit;    /* closing unit; NULL: "đồng"; "" for none */
    const char *even;    /* word added when the amount has no odd part, e.g. "chẵn"; NULL: none */
    int slash_dot; /* end with "./." */
    int lower;     /* do not capitalise the first letter */
} hs_vn_words_opts;

extern const hs_vn_words_opts HS_VN_WORDS_DEFAULT;
#define HS_VN_WORDS_MAX 1024

/* "Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng".
 * 0 ≤ dong ≤ HS_VN_MONEY_MAX; negative amounts start with "Âm". */
hs_vn_status hs_vn_words(int64_t dong, const hs_vn_words_opts *o, char *out, size_t cap);

/* ---- dates ---- */
typedef struct hs_vn_date {
    int year, month, day;
} hs_vn_date;

/* Strict ISO "YYYY-MM-DD" (also accepts a trailing "T..." time part, ignored). */
hs_vn_status hs_vn_date_parse(const char *s, size_t n, hs_vn_date *out);
int hs_vn_date_valid(hs_vn_date d);
/* The years a document's dates are in: a record's and a profile's dates are
 * (their schemas), and so must a date a template computes from them be. */
#define HS_VN_DATE_YEAR_FIRST 1990
#define HS_VN_DATE_YEAR_LAST 2099
int hs_vn_date_in_range(hs_vn_date d);
hs_vn_status hs_vn_date_add_days(hs_vn_date d, long days, hs_vn_date *out);
/* The day after d: hs_vn_date_add_days(d, 1, out) without the day index
 * (HS_VN_E_RANGE after 9999-12-31). */
hs_vn_status hs_vn_date_next(hs_vn_date d, hs_vn_date *out);
long hs_vn_date_days_between(hs_vn_date a, hs_vn_date b); /* b - a */
long long hs_vn_date_epoch(hs_vn_date d); /* seconds at 00:00 UTC */

/* Format with a pattern: dd d MM M yyyy yy, other characters copied. A pattern
 * of "long" gives "ngày 05 tháng 02 năm 2021" (Decree 30: leading zero for a
 * day below 10 and for months 1 and 2 only). Examples: "dd/MM/yyyy" →
 * "23/06/2021", "dd.MM.yy" → "23.06.21". The tokens of other conventions
 * ("mm", "DD", "YYYY", "yyy"), copied, would print a wrong date: they are
 * HS_VN_E_SYNTAX (hs_vn_date_pattern_bad says where). */
hs_vn_status hs_vn_date_format(hs_vn_date d, const char *pattern, char *out, size_t cap);
/* The first letter of pattern that starts such a token, or NULL. */
const char *hs_vn_date_pattern_bad(const char *pattern);
/* "Hà Nội, ngày 05 tháng 02 năm 2021" */
hs_vn_status hs_vn_date_line(const char *place, hs_vn_date d, char *out, size_t cap);

/* ---- working days and schedules ---- */
/* A company's working calendar: week has bit (ISO weekday - 1) set for each
 * working weekday (0x1F: Monday to Friday); holidays are dates off work (public
 * holidays, days off in lieu), in any order. */
typedef struct hs_vn_calendar {
    unsigned week;
    const hs_vn_date *holidays;
    size_t nholidays;
} hs_vn_calendar;

int hs_vn_weekday(hs_vn_date d); /* 1 Monday … 7 Sunday */
int hs_vn_is_workday(hs_vn_date d, const hs_vn_calendar *c);
/* The stages of a schedule, in order, from start: stage i begins on the first
 * working day on or after the day after the previous stage ended (on or after
 * start for the first) and ends on its days[i]-th working day. A stage of 0
 * days (a milestone) begins and ends on that first working day and takes no
 * day from the next stage. HS_VN_E_RANGE for a calendar with no working day
 * in a year, a stage of more than 3660 days, or a date past 9999. */
hs_vn_status hs_vn_schedule(hs_vn_date start, const int *days, size_t n, const hs_vn_calendar *c,
                            hs_vn_date *begin, hs_vn_date *end);

/* ---- numbers ---- */
/* 1234567 → "1.234.567" */
hs_vn_status hs_vn_int_format(int64_t v, char *out, size_t cap);
/* A decimal given as an integer scaled by 10^decimals: (85, 1) → "8,5";
 * trailing zeros are dropped: (100, 1) → "10". */
hs_vn_status hs_vn_decimal_format(int64_t scaled, int decimals, char *out, size_t cap);
/* Parse a plain decimal "8.5", "8,5", "10" into value * 10^decimals, exact;
 * rejects more fractional digits than decimals. */
hs_vn_status hs_vn_decimal_parse(const char *s, size_t n, int decimals, int64_t *out);
/* (85, 1) → "8,5%" */
hs_vn_status hs_vn_percent_format(int64_t scaled, int decimals, char *out, size_t cap);

#endif
