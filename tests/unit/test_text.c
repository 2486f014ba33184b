/* tests/unit/test_text.c — engine/text/: NFC, case, collation, line breaks,
 * ASCII transliteration, against shared/vietnamese.md §1 and the vectors
 * tests/vectors/upper.tsv and collate.tsv (run from the repository root). */
#include "harness.h"
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>

/* ---- helpers ---- */

typedef struct capture {
    int count;
    char code[32];
    char message[256];
} capture;

static void
capture_sink(void *user, const hs_diag *d)
{
    capture *c = user;
    c->count++;
    snprintf(c->code, sizeof c->code, "%s", hs_code_name(d->code));
    snprintf(c->message, sizeof c->message, "%s", d->message);
}

/* A report that fails the test on any diag unless the test looks at it. */
static hs_report
quiet_report(capture *c)
{
    memset(c, 0, sizeof *c);
    return (hs_report){capture_sink, c, 0, 0};
}

static const char *
nfc(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *out = NULL;
    size_t len = 0;
    CHECK_INT(hs_text_nfc(a, s, strlen(s), &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    if (out != NULL)
        CHECK_INT(len, strlen(out));
    return out;
}

static const char *
nfd(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *out = NULL;
    size_t len = 0;
    CHECK_INT(hs_text_nfd(a, s, strlen(s), &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    if (out != NULL)
        CHECK_INT(len, strlen(out));
    return out;
}

static const char *
upper(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *out = NULL;
    size_t len = 0;
    CHECK_INT(hs_text_upper(a, s, strlen(s), &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    if (out != NULL)
        CHECK_INT(len, strlen(out));
    return out;
}

static const char *
lower(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *out = NULL;
    size_t len = 0;
    CHECK_INT(hs_text_lower(a, s, strlen(s), &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    if (out != NULL)
        CHECK_INT(len, strlen(out));
    return out;
}

static const char *
ascii(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *out = NULL;
    size_t len = 0;
    CHECK_INT(hs_text_ascii(a, s, strlen(s), &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    if (out != NULL)
        CHECK_INT(len, strlen(out));
    return out;
}

static const char *
sort_key(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *key = NULL;
    CHECK_INT(hs_text_sort_key(a, s, strlen(s), &key, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    return key != NULL ? key : "";
}

static int
is_ascii(const char *s)
{
    for (; *s != '\0'; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* Reads the non-comment lines of a vector file into the arena. */
static size_t
read_lines(hs_arena *a, const char *path, char **lines, size_t max)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (f == NULL)
        return 0;
    char buf[1024];
    size_t n = 0;
    while (n < max && fgets(buf, sizeof buf, f) != NULL) {
        size_t len = strcspn(buf, "\r\n");
        buf[len] = '\0';
        if (len == 0 || buf[0] == '#')
            continue;
        lines[n++] = hs_arena_strndup(a, buf, len);
    }
    CHECK(!ferror(f));
    fclose(f);
    return n;
}

/* brk[] as a string of '.', '1', '2' for readable failures: char i is brk[i]. */
static const char *
breaks(hs_arena *a, const char *s)
{
    capture c;
    hs_report r = quiet_report(&c);
    size_t n = strlen(s);
    unsigned char *brk = hs_arena_alloc(a, n + 1);
    CHECK_INT(hs_text_breaks(s, n, brk, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    char *map = hs_arena_alloc(a, n + 2);
    for (size_t i = 0; i <= n; i++)
        map[i] = brk[i] == 0 ? '.' : (char)('0' + brk[i]);
    return map;
}

/* The same map built by hand: a break allowed before every byte that follows
 * one of the bytes in `after`, and at the end. */
static const char *
breaks_after(hs_arena *a, const char *s, const char *after)
{
    size_t n = strlen(s);
    char *map = hs_arena_alloc(a, n + 2);
    map[0] = '.';
    for (size_t i = 1; i <= n; i++)
        map[i] = i == n || strchr(after, s[i - 1]) != NULL ? '1' : '.';
    return map;
}

static size_t
byte_of(const char *s, const char *sub)
{
    const char *p = strstr(s, sub);
    CHECK(p != NULL);
    return p != NULL ? (size_t)(p - s) : 0;
}

/* Vietnamese vowels, the tone marks in their order, and ASCII bases. */
static const char *const vowels[] = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
static const char vowel_ascii[] = "aaaeeiooouuy";
static const char *const tones[] = {"",       "\u0300", "\u0309", "\u0303",
                                    "\u0301", "\u0323"}; /* none, huyền, hỏi, ngã, sắc, nặng */

/* ---- normalisation ---- */

static void
nfc_composes_stacked_marks(void)
{
    hs_arena *a = hs_arena_new(0);
    /* e + circumflex + acute → ế (U+1EBF). */
    CHECK_STR(nfc(a, "e\u0302\u0301"), "ế");
    CHECK_STR(nfc(a, "E\u0302\u0301"), "Ế");
    /* ệ = e + dot below (ccc 220) + circumflex (ccc 230): NFD puts them in
     * that order, and NFC composes either order back to one letter. */
    CHECK_STR(nfd(a, "ệ"), "e\u0323\u0302");
    CHECK_STR(nfc(a, "e\u0323\u0302"), "ệ");
    CHECK_STR(nfc(a, "e\u0302\u0323"), "ệ");
    /* Out-of-order marks on ợ: hook (ccc 216) must come before dot below. */
    CHECK_STR(nfc(a, "o\u0323\u031B"), "ợ");
    CHECK_STR(nfc(a, "\u0111o\u0302\u0300ng"), "đồng");
    /* a precomposed letter, then a mark that composes with it; singletons
     * (their NFC another code point) after NFC text */
    CHECK_STR(nfc(a, "Vi\u00ea\u0301t"), "Viết");
    CHECK_STR(nfc(a, "Đà \u212B"), "Đà \u00C5");
    CHECK_STR(nfc(a, "ạ\u0340"), "ạ\u0300");
    hs_arena_free(a);
}

static void
nfc_of_nfd_sentence(void)
{
    hs_arena *a = hs_arena_new(0);
    /* "Biên bản nghiệm thu công trình đường Hồ Chí Minh", as typed on macOS. */
    const char *decomposed = "Bie\u0302n ba\u0309n nghie\u0323\u0302m thu "
                             "co\u0302ng tri\u0300nh \u0111u\u031Bo\u031B\u0300ng "
                             "Ho\u0302\u0300 Chi\u0301 Minh";
    const char *composed = "Biên bản nghiệm thu công trình đường Hồ Chí Minh";
    CHECK_STR(nfc(a, decomposed), composed);
    CHECK_STR(nfd(a, composed), decomposed);
    CHECK_STR(nfc(a, nfd(a, composed)), composed);
    /* Every toned vowel, upper and lower, survives NFD → NFC as one code point. */
    for (size_t v = 0; v < sizeof vowels / sizeof vowels[0]; v++)
        for (size_t t = 0; t < sizeof tones / sizeof tones[0]; t++) {
            const char *letter = nfc(a, hs_arena_printf(a, "%s%s", vowels[v], tones[t]));
            CHECK(letter != NULL && strlen(letter) <= 3);
            CHECK_STR(nfc(a, nfd(a, letter)), letter);
        }
    hs_arena_free(a);
}

static void
nfc_returns_normal_input_as_is(void)
{
    hs_arena *a = hs_arena_new(0);
    const char *plain = "Hop dong so 12/2021/HD (1.234.567 VND)";
    const char *out = nfc(a, plain);
    CHECK(out == plain);
    /* Already NFC Vietnamese is not copied either. */
    const char *viet = "Chính Đại";
    CHECK(nfc(a, viet) == viet);
    /* An NFD string is not NFD-normalised again. */
    const char *dec = "Chi\u0301nh";
    CHECK(nfd(a, dec) == dec);
    /* A prefix that is not NUL-terminated comes back with its length. */
    capture c;
    hs_report r = quiet_report(&c);
    size_t len = 0;
    CHECK_INT(hs_text_nfc(a, "e\u0302\u0301 tail", 5, &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_STR(out, "ế");
    CHECK_INT(len, 3);
    CHECK_INT(hs_text_nfc(a, "", 0, &out, &len, &r, HS_LOC_NONE), 0);
    CHECK_STR(out, "");
    CHECK_INT(len, 0);
    hs_arena_free(a);
}

/* ---- invalid input ---- */

static void
invalid_utf8_is_reported(void)
{
    hs_arena *a = hs_arena_new(0);
    capture c;
    hs_report r = quiet_report(&c);
    const char *out = NULL;
    size_t len = 0;
    const char *bad = "Chi\u0301nh \xC4"; /* truncated Đ at byte 8 */
    size_t n = strlen(bad);

    CHECK_INT(hs_text_nfc(a, bad, n, &out, &len, &r, (hs_loc){"record.xml", 12}), -1);
    CHECK_INT(c.count, 1);
    CHECK_STR(c.code, "utf8");
    CHECK_STR(c.message, "invalid UTF-8 at byte 8");
    CHECK_INT(r.errors, 1);

    CHECK_INT(hs_text_upper(a, bad, n, &out, &len, &r, HS_LOC_NONE), -1);
    CHECK_INT(hs_text_lower(a, bad, n, &out, &len, &r, HS_LOC_NONE), -1);
    CHECK_INT(hs_text_nfd(a, bad, n, &out, &len, &r, HS_LOC_NONE), -1);
    CHECK_INT(hs_text_ascii(a, bad, n, &out, &len, &r, HS_LOC_NONE), -1);
    CHECK_INT(hs_text_sort_key(a, bad, n, &out, &r, HS_LOC_NONE), -1);
    unsigned char brk[16];
    CHECK_INT(hs_text_breaks(bad, n, brk, &r, HS_LOC_NONE), -1);
    CHECK_INT(c.count, 7);
    CHECK_STR(c.message, "invalid UTF-8 at byte 8");

    /* Overlong NUL, and a surrogate: both refused, at their first byte. */
    CHECK_INT(hs_text_nfc(a, "ab\xC0\x80", 4, &out, &len, &r, HS_LOC_NONE), -1);
    CHECK_STR(c.message, "invalid UTF-8 at byte 2");
    CHECK_INT(hs_text_upper(a, "\xED\xA0\x80", 3, &out, &len, &r, HS_LOC_NONE), -1);
    CHECK_STR(c.message, "invalid UTF-8 at byte 0");
    hs_arena_free(a);
}

/* ---- case ---- */

static void
upper_vietnamese_titles(void)
{
    hs_arena *a = hs_arena_new(0);
    CHECK_STR(upper(a, "biên bản nghiệm thu"), "BIÊN BẢN NGHIỆM THU");
    CHECK_STR(upper(a, "đường"), "ĐƯỜNG");
    CHECK_STR(upper(a, "phụ lục hợp đồng"), "PHỤ LỤC HỢP ĐỒNG");
    /* NFD in, NFC out. */
    CHECK_STR(upper(a, "bie\u0302n ba\u0309n nghie\u0323\u0302m thu"), "BIÊN BẢN NGHIỆM THU");
    CHECK_STR(upper(a, "\u0111u\u031Bo\u031B\u0300ng"), "ĐƯỜNG");
    CHECK_STR(lower(a, "PHU\u0323 LU\u0323C"), "phụ lục");
    /* "vi" is not Turkish: i ↔ I, no dotted capital. */
    CHECK_STR(upper(a, "chính"), "CHÍNH");
    CHECK_STR(lower(a, "CHÍNH"), "chính");
    CHECK_STR(upper(a, "Cong ty 1"), "CONG TY 1");
    CHECK_STR(upper(a, ""), "");
    hs_arena_free(a);
}

static void
upper_vectors(void)
{
    hs_arena *a = hs_arena_new(0);
    char *lines[256];
    size_t n = read_lines(a, "tests/vectors/upper.tsv", lines, 256);
    CHECK(n >= 10);
    for (size_t i = 0; i < n; i++) {
        char *tab = strchr(lines[i], '\t');
        CHECK(tab != NULL);
        if (tab == NULL)
            continue;
        *tab = '\0';
        const char *lo = lines[i], *up = tab + 1;
        CHECK_STR(upper(a, lo), up);
        CHECK_STR(lower(a, up), lo);
        CHECK_STR(upper(a, nfd(a, lo)), up);
        CHECK_STR(lower(a, nfd(a, up)), lo);
    }
    hs_arena_free(a);
}

/* ---- collation ---- */

static int
by_key(const void *x, const void *y)
{
    const char *const *p = x, *const *q = y;
    return strcmp(p[1], q[1]); /* pairs: {name, key} */
}

static int
by_bytes(const void *x, const void *y)
{
    const char *const *p = x, *const *q = y;
    return strcmp(p[0], q[0]);
}

static void
collate_vectors(void)
{
    hs_arena *a = hs_arena_new(0);
    char *names[256];
    size_t n = read_lines(a, "tests/vectors/collate.tsv", names, 256);
    CHECK(n >= 20);
    if (n < 2) {
        hs_arena_free(a);
        return;
    }

    /* A shuffled copy (fixed seed) as {name, key} pairs. */
    const char **pairs = hs_arena_alloc(a, n * 2 * sizeof *pairs);
    for (size_t i = 0; i < n; i++)
        pairs[2 * i] = names[i];
    unsigned long seed = 20210623;
    for (size_t i = n - 1; i > 0; i--) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        size_t j = (size_t)(seed >> 33) % (i + 1);
        const char *t = pairs[2 * i];
        pairs[2 * i] = pairs[2 * j];
        pairs[2 * j] = t;
    }
    for (size_t i = 0; i < n; i++)
        pairs[2 * i + 1] = sort_key(a, pairs[2 * i]);

    qsort(pairs, n, 2 * sizeof *pairs, by_key);
    for (size_t i = 0; i < n; i++)
        CHECK_STR(pairs[2 * i], names[i]);

    /* Byte order must get it wrong, or the test above proves nothing. */
    qsort(pairs, n, 2 * sizeof *pairs, by_bytes);
    size_t same = 0;
    for (size_t i = 0; i < n; i++)
        same += strcmp(pairs[2 * i], names[i]) == 0;
    CHECK(same < n);

    for (size_t i = 0; i + 1 < n; i++) {
        /* hs_text_compare agrees with the keys, strictly (no ties in the file). */
        CHECK_INT(hs_text_compare(names[i], strlen(names[i]), names[i + 1], strlen(names[i + 1])),
                  -1);
        CHECK_INT(hs_text_compare(names[i + 1], strlen(names[i + 1]), names[i], strlen(names[i])),
                  1);
        /* An NFD spelling sorts exactly like the NFC one. */
        CHECK_STR(sort_key(a, nfd(a, names[i])), sort_key(a, names[i]));
        CHECK_INT(
            hs_text_compare(names[i], strlen(names[i]), nfd(a, names[i]), strlen(nfd(a, names[i]))),
            0);
    }
    hs_arena_free(a);
}

static void
collate_rules(void)
{
    hs_arena *a = hs_arena_new(0);
    /* shared/vietnamese.md §1: Đ after D (byte order puts it after Z). */
    CHECK(strcmp(sort_key(a, "Dũng"), sort_key(a, "Đức")) < 0);
    CHECK(strcmp(sort_key(a, "Đức"), sort_key(a, "Em")) < 0);
    CHECK(strcmp(sort_key(a, "Zô"), sort_key(a, "Đức")) > 0);
    /* Tones order a à ả ã á ạ. */
    static const char *const tone_order[] = {"a", "à", "ả", "ã", "á", "ạ"};
    for (int i = 0; i + 1 < 6; i++)
        CHECK(strcmp(sort_key(a, tone_order[i]), sort_key(a, tone_order[i + 1])) < 0);
    /* Lower case before upper case at the last level only. */
    CHECK(strcmp(sort_key(a, "an"), sort_key(a, "An")) < 0);
    CHECK(strcmp(sort_key(a, "An"), sort_key(a, "ăn")) < 0);
    /* A long name (past the 256-byte stack buffer) still gets a whole key. */
    hs_buf b;
    hs_buf_init(&b, a);
    for (int i = 0; i < 40; i++)
        hs_buf_adds(&b, "Nguyễn Thị Hồng Hạnh ");
    const char *long_key = sort_key(a, hs_buf_cstr(&b));
    CHECK(strlen(long_key) > 256);
    CHECK(strcmp(long_key, sort_key(a, "Nguyễn Thị Hồng Hạnh")) > 0);
    CHECK_INT(hs_text_compare("", 0, "a", 1), -1);
    /* hòa and hoà (tone on another vowel) are both in use and are different
     * strings: they differ at the tone level, in the same order as their keys. */
    int hoa = hs_text_compare("Hòa", strlen("Hòa"), "Hoà", strlen("Hoà"));
    CHECK(hoa != 0);
    CHECK_INT(hoa, strcmp(sort_key(a, "Hòa"), sort_key(a, "Hoà")) < 0 ? -1 : 1);
    CHECK(strcmp(sort_key(a, "Hoa"), sort_key(a, "Hòa")) < 0);
    CHECK(strcmp(sort_key(a, "Hòa"), sort_key(a, "Hoài")) < 0);
    hs_arena_free(a);
}

/* ---- line breaks ---- */

static void
breaks_between_syllables_only(void)
{
    hs_arena *a = hs_arena_new(0);
    const char *s = "Công ty TNHH Chính Đại";
    CHECK_STR(breaks(a, s), breaks_after(a, s, " "));
    /* NFD text: no break between a letter and its marks. */
    const char *d = "Chi\u0301nh \u0110a\u0323i";
    CHECK_STR(breaks(a, d), breaks_after(a, d, " "));
    s = "Biên bản nghiệm thu công trình đường Hồ Chí Minh";
    CHECK_STR(breaks(a, s), breaks_after(a, s, " "));
    hs_arena_free(a);
}

static void
breaks_keep_money_whole(void)
{
    hs_arena *a = hs_arena_new(0);
    /* With U+00A0 between amount and unit: no break anywhere inside. */
    const char *s = "1.234.567\u00A0₫";
    size_t n = strlen(s);
    const char *map = breaks(a, s);
    for (size_t i = 1; i < n; i++)
        CHECK(map[i] == '.');
    CHECK(map[n] == '1');
    /* Within running text the amount is still one unit. */
    s = "Tổng: 1.234.567\u00A0₫ (VAT 8,5%)";
    map = breaks(a, s);
    CHECK(map[byte_of(s, "1.234")] == '1');
    for (size_t i = byte_of(s, "1.234") + 1; i < byte_of(s, " (VAT"); i++)
        CHECK(map[i] == '.');
    /* With a plain space ICU does allow a break before ₫: hence U+00A0. */
    s = "1.234.567 ₫";
    map = breaks(a, s);
    CHECK(map[byte_of(s, "₫")] == '1');
    for (size_t i = 1; i < byte_of(s, " "); i++)
        CHECK(map[i] == '.');
    hs_arena_free(a);
}

static void
breaks_hard_newline(void)
{
    hs_arena *a = hs_arena_new(0);
    const char *s = "Hà Nội\nngày 05 tháng 02";
    const char *map = breaks(a, s);
    CHECK(map[byte_of(s, "ngày")] == '2');
    CHECK(map[byte_of(s, "Nội")] == '1');
    CHECK(map[byte_of(s, "\n")] == '.');
    CHECK(map[strlen(s)] == '1');
    /* A trailing newline is a required break at the end. */
    s = "Bên A\n";
    map = breaks(a, s);
    CHECK(map[strlen(s)] == '2');
    s = "dòng 1\r\ndòng 2";
    map = breaks(a, s);
    CHECK(map[byte_of(s, "\n")] == '.'); /* CR LF is one break */
    CHECK(map[byte_of(s, "dòng 2")] == '2');
    hs_arena_free(a);
}

static void
breaks_not_before_closing_punctuation(void)
{
    hs_arena *a = hs_arena_new(0);
    const char *s = "(Ký, ghi rõ họ tên)";
    const char *map = breaks(a, s);
    CHECK(map[byte_of(s, ")")] == '.');
    CHECK(map[byte_of(s, ",")] == '.');
    CHECK(map[byte_of(s, "Ký")] == '.'); /* nor after "(" */
    CHECK_STR(map, breaks_after(a, s, " "));
    s = "Điều 1. Phạm vi; nội dung: bảo hành!";
    CHECK_STR(breaks(a, s), breaks_after(a, s, " "));
    hs_arena_free(a);
}

static void
breaks_empty_and_edges(void)
{
    hs_arena *a = hs_arena_new(0);
    capture c;
    hs_report r = quiet_report(&c);
    unsigned char brk[1] = {9};
    CHECK_INT(hs_text_breaks("", 0, brk, &r, HS_LOC_NONE), 0);
    CHECK_INT(brk[0], 0);
    /* A prefix of a longer string: ICU stops at n. */
    const char *s = "Chính Đại";
    unsigned char b2[7];
    memset(b2, 9, sizeof b2);
    CHECK_INT(hs_text_breaks(s, 6, b2, &r, HS_LOC_NONE), 0);
    CHECK_INT(b2[0], 0);
    CHECK_INT(b2[5], 0);
    CHECK_INT(b2[6], 1);
    CHECK_INT(c.count, 0);
    hs_arena_free(a);
}

/* ---- ASCII ---- */

static void
ascii_file_names(void)
{
    hs_arena *a = hs_arena_new(0);
    CHECK_STR(ascii(a, "Báo giá tùy biến Chính Đại (23.06.21)"),
              "Bao gia tuy bien Chinh Dai (23.06.21)");
    CHECK_STR(ascii(a, "Phụ lục hợp đồng số 05/2021/PLHĐ"), "Phu luc hop dong so 05/2021/PLHD");
    CHECK_STR(ascii(a, "ĐƯỜNG đường"), "DUONG duong");
    CHECK_STR(ascii(a, "Bie\u0302n ba\u0309n"), "Bien ban"); /* NFD in */
    CHECK_STR(ascii(a, "1.234.567\u00A0₫"), "1.234.567 VND");
    CHECK_STR(ascii(a, "“Biên bản” – bản chính…"), "\"Bien ban\" - ban chinh...");
    CHECK_STR(ascii(a, "x\u0323"), "x"); /* a mark with no precomposed letter */
    /* Marks with no letter to sit on (broken NFD data): Latin-ASCII alone
     * would keep them. */
    CHECK_STR(ascii(a, "\u0323a \u0301b"), "a b");
    CHECK_STR(ascii(a, "₫\u0301"), "VND");
    CHECK_STR(ascii(a, "Москва"), "Moskva");
    const char *odd = ascii(a, "A\u2603B\U0001F600C"); /* ☃, 😀 */
    CHECK_STR(odd, "A_B_C");
    CHECK_STR(ascii(a, "plain"), "plain");
    CHECK_STR(ascii(a, ""), "");
    hs_arena_free(a);
}

static void
ascii_every_vietnamese_letter(void)
{
    hs_arena *a = hs_arena_new(0);
    for (size_t v = 0; v < sizeof vowels / sizeof vowels[0]; v++)
        for (size_t t = 0; t < sizeof tones / sizeof tones[0]; t++) {
            const char *lo = nfc(a, hs_arena_printf(a, "%s%s", vowels[v], tones[t]));
            const char *up = upper(a, lo);
            char want_lo[2] = {vowel_ascii[v], '\0'};
            char want_up[2] = {(char)(vowel_ascii[v] - 'a' + 'A'), '\0'};
            const char *got_lo = ascii(a, lo), *got_up = ascii(a, up);
            CHECK(got_lo != NULL && is_ascii(got_lo));
            CHECK(got_up != NULL && is_ascii(got_up));
            CHECK_STR(got_lo, want_lo);
            CHECK_STR(got_up, want_up);
        }
    CHECK_STR(ascii(a, "đ"), "d");
    CHECK_STR(ascii(a, "Đ"), "D");
    hs_arena_free(a);
}

/* hs_text_ascii makes the ASCII of text in Latin letters and marks with ICU's
 * normaliser, without the transliterator (whose first use costs ICU its
 * whole registry): that must give the transliterator's result exactly, for
 * every code point it takes, alone and between letters and after a mark. */
static int
ascii_ways(hs_arena *a, const UChar *u, int32_t len, int *mismatches)
{
    capture c;
    hs_report r = quiet_report(&c);
    const char *m = NULL, *t = NULL;
    size_t mn = 0, tn = 0;
    int took = hs_tx_ascii_by_marks(a, u, len, &m, &mn, &r, HS_LOC_NONE);
    CHECK(took == 0 || took == 1);
    if (took != 1)
        return 0;
    CHECK_INT(hs_tx_ascii_by_rules(a, u, len, &t, &tn, &r, HS_LOC_NONE), 0);
    CHECK_INT(c.count, 0);
    if (t == NULL || mn != tn || memcmp(m, t, mn) != 0) {
        if (++*mismatches <= 5)
            fprintf(stderr, "U+%04X…: by marks \"%s\", by rules \"%s\"\n", (unsigned)u[0], m,
                    t ? t : "(null)");
    }
    return 1;
}

static void
ascii_by_marks_is_the_transliterator(void)
{
    hs_arena *a = hs_arena_new(0);
    int taken = 0, mismatches = 0;
    for (UChar32 cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (U_IS_SURROGATE(cp))
            continue;
        UChar u[8];
        int32_t n = 0;
        UBool bad = 0;
        U16_APPEND(u, n, 8, cp, bad);
        CHECK(!bad);
        if (!ascii_ways(a, u, n, &mismatches))
            continue;
        taken++;
        UChar v[8] = {'x'}, w[8] = {'e', 0x0301};
        int32_t vn = 1, wn = 2;
        U16_APPEND(v, vn, 8, cp, bad);
        v[vn++] = 'y';
        U16_APPEND(w, wn, 8, cp, bad);
        CHECK(ascii_ways(a, v, vn, &mismatches) == 1);
        CHECK(ascii_ways(a, w, wn, &mismatches) == 1);
        if (taken % 256 == 0) {
            hs_arena_free(a);
            a = hs_arena_new(0);
        }
    }
    CHECK_INT(mismatches, 0);
    /* the Vietnamese letters and the combining marks at least */
    CHECK(taken > 1000);
    /* the quote's deposit purpose takes it; đ, ₫, Cyrillic, a dash do not */
    static const char *const yes[] = {"Tạm ứng BG-2021-042", "Bie\u0302n ba\u0309n"};
    static const char *const no[] = {"Đặt cọc", "đ", "100₫", "Москва", "a–b"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes + sizeof no / sizeof *no; i++) {
        int want = i < sizeof yes / sizeof *yes;
        const char *s = want ? yes[i] : no[i - sizeof yes / sizeof *yes];
        capture c;
        hs_report r = quiet_report(&c);
        int32_t len;
        UChar *u = hs_tx_to_u16(s, strlen(s), &len, &r, HS_LOC_NONE);
        const char *out = NULL;
        size_t out_n;
        CHECK(u != NULL);
        if (u != NULL)
            CHECK_INT(hs_tx_ascii_by_marks(a, u, len, &out, &out_n, &r, HS_LOC_NONE), want);
        free(u);
    }
    hs_arena_free(a);
}

/* ---- process cleanup ---- */

static void
cleanup_then_reuse(void)
{
    hs_arena *a = hs_arena_new(0);
    hs_text_cleanup();
    CHECK_STR(upper(a, "đường"), "ĐƯỜNG");
    CHECK(strcmp(sort_key(a, "Dũng"), sort_key(a, "Đức")) < 0);
    CHECK_STR(ascii(a, "Đại"), "Dai");
    const char *s = "Chính Đại";
    CHECK_STR(breaks(a, s), breaks_after(a, s, " "));
    hs_text_cleanup();
    hs_text_cleanup(); /* twice is harmless */
    hs_arena_free(a);
}

int
main(void)
{
    RUN(nfc_composes_stacked_marks);
    RUN(nfc_of_nfd_sentence);
    RUN(nfc_returns_normal_input_as_is);
    RUN(invalid_utf8_is_reported);
    RUN(upper_vietnamese_titles);
    RUN(upper_vectors);
    RUN(collate_vectors);
    RUN(collate_rules);
    RUN(breaks_between_syllables_only);
    RUN(breaks_keep_money_whole);
    RUN(breaks_hard_newline);
    RUN(breaks_not_before_closing_punctuation);
    RUN(breaks_empty_and_edges);
    RUN(ascii_file_names);
    RUN(ascii_every_vietnamese_letter);
    RUN(ascii_by_marks_is_the_transliterator);
    RUN(cleanup_then_reuse);
    hs_text_cleanup();
    return DONE();
}
