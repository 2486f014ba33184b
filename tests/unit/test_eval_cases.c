/* tests/unit/test_eval_cases.c — evaluation, case by case: every XPath
 * function that hs_eval_register_functions registers (what it gives for
 * well-formed arguments — amounts, dates, words, cases, numbers, schedule
 * dates, payment codes — and the exact message, code and line of each of its
 * errors); every element and attribute as it reaches the document tree
 * (compared with its hs_doc_dump); each, sort, if/else, let, for, include,
 * require and assert; and every error evaluation reports. Templates are one
 * line inside <document>, run against the record and profile below; the
 * golden dumps (tests/golden/) show the same through layout. */
#include "harness.h"

#include "eval/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char record_xml[] =
    "<request id=\"YC-7\">\n"                                                 /* 1 */
    "  <customer><name>Công ty Chính Đại</name><short>  Chính Đại </short>\n" /* 2 */
    "    <address>Số 8, ngõ 102, phố Trường Chinh, quận Đống Đa</address>\n"  /* 3 */
    "    <phone>024 3576 2190</phone></customer>\n"                           /* 4 */
    "  <items>\n"                                                             /* 5 */
    "    <item id=\"1\"><cost>14000000</cost><days>3</days></item>\n"         /* 6 */
    "    <item id=\"2\"><cost>2.500.000</cost><days>x</days></item>\n"        /* 7 */
    "    <item id=\"3\"><cost>12.5tr</cost></item>\n"                         /* 8 */
    "  </items>\n"                                                            /* 9 */
    "  <quote date=\"2021-06-23\" bad-date=\"2021-02-30\" rate=\"10\" big=\"999999999999999999\" "
    "huge=\"9999999999999999999\" neg=\"-5\"/>\n"                  /* 10 */
    "  <schedule start=\"2021-04-26\">\n"                          /* 11 */
    "    <stage days=\"2\">A</stage><stage days=\"3\">B</stage>\n" /* 12 */
    "  </schedule>\n"                                              /* 13 */
    "  <logo>img/logo.png</logo>\n"                                /* 14 */
    "  <empty></empty>\n"                                          /* 15 */
    "  <plan><stage days=\"1\">X</stage></plan>\n"                 /* 16 */
    "</request>\n";

static const char profile_xml[] = "<company><name>Thiên Phúc</name>\n"                   /* 1 */
                                  "  <bank bin=\"970436\" account=\"0451000387654\"/>\n" /* 2 */
                                  "  <calendar week=\"1 2 3 4 5\"><holiday date=\"2021-04-30\"/>"
                                  "<holiday date=\"2021-05-03\"/></calendar>\n" /* 3 */
                                  "  <other><calendar week=\"\"/></other>\n"    /* 4 */
                                  "</company>\n";

static char tpl_path[64];
static char msgs[4096]; /* the diagnostics of the last evaluation, one a line */

static void
collect(void *user, const hs_diag *d)
{
    (void)user;
    /* the template's temporary path as t.xml, in the message too */
    char text[1024];
    const char *m = d->message, *at;
    size_t tn = strlen(tpl_path), k = 0;
    while (tn > 0 && (at = strstr(m, tpl_path)) != NULL && k + (size_t)(at - m) + 6 < sizeof text) {
        memcpy(text + k, m, (size_t)(at - m));
        k += (size_t)(at - m);
        memcpy(text + k, "t.xml", 5);
        k += 5;
        m = at + tn;
    }
    snprintf(text + k, sizeof text - k, "%s", m);
    const char *f = d->loc.file == NULL                  ? ""
                    : strcmp(d->loc.file, tpl_path) == 0 ? "t.xml"
                                                         : d->loc.file;
    char line[1400];
    snprintf(line, sizeof line, "%s:%ld: %s%s%s%s%s\n", f, d->loc.line,
             d->severity == HS_SEV_ERROR ? "" : "note: ", text, d->code ? " [" : "",
             d->code ? hs_code_name(d->code) : "", d->code ? "]" : "");
    if (strlen(msgs) + strlen(line) < sizeof msgs)
        strcat(msgs, line);
}

static xmlDocPtr record, profile;
static int no_profile; /* evaluate without the profile */
static hs_tpl_cache *tpls;

/* Evaluate <document ATTRS>BODY</document> (a new file each time: the
 * template cache compiles a file once) into a; NULL when it failed, with
 * msgs holding what was said. */
static const hs_doc *
evaluate(hs_arena *a, const char *attrs, const char *body)
{
    msgs[0] = '\0';
    static int serial;
    snprintf(tpl_path, sizeof tpl_path, "/tmp/hs_test_eval_%d_%d.xml", (int)getpid(), serial++);
    FILE *fp = fopen(tpl_path, "w");
    fprintf(fp, "<document%s%s>%s</document>\n", attrs[0] ? " " : "", attrs, body);
    fclose(fp);
    hs_report r = {collect, NULL, 0, 20};
    hs_eval_in in = {a, &r, tpls, tpl_path, record, no_profile ? NULL : profile, -1, 0};
    hs_doc *doc = NULL;
    int rc = hs_eval_document(&in, &doc);
    remove(tpl_path);
    return rc == 0 ? doc : NULL;
}

/* The text of the document's paragraphs (runs joined, "|" for a line break,
 * blocks separated by "\n"), in a; NULL when evaluation failed. */
static const char *
eval_body(hs_arena *a, const char *body)
{
    const hs_doc *doc = evaluate(a, "", body);
    if (doc == NULL)
        return NULL;
    hs_buf b;
    hs_buf_init(&b, a);
    for (const hs_block *bl = doc->body; bl != NULL; bl = bl->next) {
        if (bl != doc->body)
            hs_buf_addc(&b, '\n');
        for (const hs_run *run = bl->runs; run != NULL; run = run->next) {
            if (run->kind == HS_RUN_TEXT)
                hs_buf_add(&b, run->text, run->len);
            else if (run->kind == HS_RUN_BREAK)
                hs_buf_addc(&b, '|');
        }
    }
    return hs_buf_cstr(&b);
}

/* {expr} in a paragraph gives want. */
static int
gives(const char *expr, const char *want, int line)
{
    hs_arena *a = hs_arena_new(0);
    char body[1024];
    snprintf(body, sizeof body, "<p>{%s}</p>", expr);
    const char *got = eval_body(a, body);
    int ok = got != NULL && strcmp(got, want) == 0;
    if (!ok)
        fprintf(stderr, "%s:%d: {%s} gave \"%s\", expected \"%s\"%s%s\n", __FILE__, line, expr,
                got ? got : "(error)", want, msgs[0] ? "; said: " : "", msgs);
    hs_arena_free(a);
    return ok;
}

/* {expr} in a paragraph fails with exactly these diagnostics. */
static int
fails(const char *expr, const char *want, int line)
{
    hs_arena *a = hs_arena_new(0);
    char body[1024];
    snprintf(body, sizeof body, "<p>{%s}</p>", expr);
    const char *got = eval_body(a, body);
    int ok = got == NULL && strcmp(msgs, want) == 0;
    if (!ok)
        fprintf(stderr, "%s:%d: {%s} gave %s%s%s, and said:\n%s-- expected:\n%s", __FILE__, line,
                expr, got ? "\"" : "", got ? got : "an error", got ? "\"" : "", msgs, want);
    hs_arena_free(a);
    return ok;
}

#define GIVES(e, w) CHECK(gives((e), (w), __LINE__))
#define FAILS(e, w) CHECK(fails((e), (w), __LINE__))

static void
fn_money(void)
{
    GIVES("money(items/item[1]/cost)", "14.000.000\u00a0₫");
    GIVES("money(items/item[2]/cost)", "2.500.000\u00a0₫");
    GIVES("money('0')", "0\u00a0₫");
    GIVES("money(1234567, 'đồng')", "1.234.567\u00a0đồng");
    GIVES("money(1234567, 'VNĐ')", "1.234.567\u00a0VNĐ");
    GIVES("money(1234567, 'none')", "1.234.567");
    GIVES("money(quote/@big)", "999.999.999.999.999.999\u00a0₫");
    FAILS("money(items/item[3]/cost)",
          "rec.xml:8: <cost> \"12.5tr\" is not an amount in đồng [amount]\n"
          "t.xml:1: note: used by {money(items/item[3]/cost)}\n");
    FAILS("money(quote/@huge)", "rec.xml:10: <quote huge=\"9999999999999999999\"> is beyond the "
                                "largest amount (999.999.999.999.999.999 đồng) [amount]\n"
                                "t.xml:1: note: used by {money(quote/@huge)}\n");
    FAILS("money(1, 'USD')", "t.xml:1: money(): unit 'USD' is not '₫', 'đồng', 'VNĐ' or 'none' in "
                             "{money(1, 'USD')} [xpath]\n");
    FAILS("money()", "t.xml:1: money() takes 1 to 2 arguments, not 0 in {money()} [xpath]\n");
}

static void
fn_money_arithmetic(void)
{
    GIVES("money(money-sum(items/item[position() &lt; 3]/cost))", "16.500.000\u00a0₫");
    GIVES("money-sum(items/item[position() > 5]/cost)", "0");
    GIVES("money-add(1, '2.000', 3)", "2004");
    GIVES("money-sub(items/item[1]/cost, items/item[2]/cost)", "11500000");
    GIVES("money-sub(1, 3)", "-2");
    /* XPath's own arithmetic on a grouped amount is NaN: never printed */
    FAILS("items/item[2]/cost * 2",
          "t.xml:1: {items/item[2]/cost * 2} gives NaN, not a number: XPath arithmetic does not "
          "read grouped amounts (9.500.000) or empty values; compute with money-add, money-sub, "
          "money-mul, money-div [xpath]\n");
    FAILS("1 div 0", "t.xml:1: {1 div 0} gives an infinity: a division by zero [xpath]\n");
    GIVES("items/item[1]/cost * 2", "28000000");
    /* the string of several nodes is the first one's: the others were left out */
    FAILS("items/item/cost", "t.xml:1: {items/item/cost} selects 3 nodes for this record and "
                             "would print only the first: repeat with each=\"…\", or pick one "
                             "([1]) or join them [xpath]\n");
    GIVES("items/item[1]/cost", "14000000");
    /* libxml2 wrote these "1.2e+10" and "-1e+10" */
    GIVES("items/item[1]/cost * 1000 - 2000000000", "12000000000");
    GIVES("-10000000000", "-10000000000");
    GIVES("0 * -1", "0");
    FAILS("9007199254740992 * 2",
          "t.xml:1: {9007199254740992 * 2} gives 18014398509481984, past the whole numbers XPath "
          "holds exactly (2^53): compute amounts with money-add, money-sub, money-mul, "
          "money-div [number]\n");
    FAILS("amount(items/item[2]/cost) div 1000 div 1000",
          "t.xml:1: {amount(items/item[2]/cost) div 1000 div 1000} gives 2.5, a fraction XPath "
          "writes with '.', which a Vietnamese reader takes for a thousands separator: use "
          "percent(), num(round(…)) or translate(string(…), '.', ',') [number]\n");
    GIVES("translate(string(5 div 2), '.', ',')", "2,5");
    GIVES("num(round(5 div 2))", "3");
    GIVES("money-mul(items/item[2]/cost, 3)", "7500000");
    GIVES("money-div(10, 4)", "3");
    GIVES("money-div(10, 4, 'down')", "2");
    GIVES("money-div(-10, 4)", "-3");
    GIVES("money-eq(items/item[2]/cost, 2500000)", "true");
    GIVES("money-eq(1, 2)", "false");
    GIVES("amount(items/item[2]/cost) > 2000000", "true");
    FAILS("money-sum(items/item/cost)",
          "rec.xml:8: <cost> \"12.5tr\" is not an amount in đồng [amount]\n"
          "t.xml:1: note: used by {money-sum(items/item/cost)}\n");
    FAILS("money-sum('5')",
          "t.xml:1: money-sum() sums the nodes a path selects in {money-sum('5')} [xpath]\n");
    FAILS("money-mul(quote/@big, 10)",
          "t.xml:1: money-mul(): the result is beyond the largest amount in {money-mul(quote/@big, "
          "10)} [amount]\n");
    FAILS("money-div(10, 4, 'up')",
          "t.xml:1: money-div(): rounding 'up' is not 'half-up' or 'down' "
          "in {money-div(10, 4, 'up')} [xpath]\n");
    FAILS("money-div(10, 0)",
          "t.xml:1: money-div(): divides by 0; the divisor is a whole number of "
          "1 or more in {money-div(10, 0)} [amount]\n");
    FAILS(
        "amount(quote/@big)",
        "rec.xml:10: <quote big=\"999999999999999999\"> is too large to be an exact XPath number; "
        "compare with money-eq [amount]\n"
        "t.xml:1: note: used by {amount(quote/@big)}\n");
    FAILS("money-sub(1)",
          "t.xml:1: money-sub() takes 2 arguments, not 1 in {money-sub(1)} [xpath]\n");
}

static void
fn_vat(void)
{
    GIVES("vat(items/item[1]/cost, quote/@rate)", "1400000");
    GIVES("vat(15, 10)", "2"); /* 1.5 rounds half up */
    GIVES("vat(14, 10)", "1"); /* 1.4 rounds down */
    GIVES("vat(1000, 'KCT')", "0");
    GIVES("vat(1000, 8)", "80");
    /* the VAT of an amount is never more than the amount: even the largest
     * has one (vat() has no error of its own past its arguments') */
    GIVES("vat(quote/@big, 10)", "100000000000000000");
    GIVES("vat('-999.999.999.999.999.999', 8)", "-80000000000000000");
    GIVES("vat-rate(quote/@rate)", "10%");
    GIVES("vat-rate('KCT')", "KCT");
    GIVES("vat-rate('0')", "0%");
    GIVES("vat-rate(' 8 %')", "8%");
    GIVES("vat-rate(5)", "5%");
    /* only the rates of the VAT law, as the record schema lists them */
    FAILS("vat-rate('7')", "t.xml:1: \"7\" is not a VAT rate (KCT, 0, 5, 8, 10) in "
                           "{vat-rate('7')} [amount]\n");
    FAILS("vat-rate('8.5 %')", "t.xml:1: \"8.5 %\" is not a VAT rate (KCT, 0, 5, 8, 10) in "
                               "{vat-rate('8.5 %')} [amount]\n");
    FAILS("vat(1000, 100)", "t.xml:1: \"100\" is not a VAT rate (KCT, 0, 5, 8, 10) in "
                            "{vat(1000, 100)} [amount]\n");
    FAILS("vat(1000, items/item[1]/days)",
          "rec.xml:6: <days> \"3\" is not a VAT rate (KCT, 0, 5, 8, 10) [amount]\n"
          "t.xml:1: note: used by {vat(1000, items/item[1]/days)}\n");
    FAILS("vat-rate('abc')", "t.xml:1: \"abc\" is not a VAT rate (KCT, 0, 5, 8, 10) in "
                             "{vat-rate('abc')} [amount]\n");
    FAILS("vat(1000, quote/@date)", "rec.xml:10: <quote date=\"2021-06-23\"> is not a VAT rate "
                                    "(KCT, 0, 5, 8, 10) [amount]\n"
                                    "t.xml:1: note: used by {vat(1000, quote/@date)}\n");
}

static void
fn_words(void)
{
    GIVES("words(items/item[1]/cost)", "Mười bốn triệu đồng");
    GIVES("words(0)", "Không đồng");
    GIVES("words(1005)", "Một nghìn không trăm linh năm đồng");
    GIVES("words(1005, 'le')", "Một nghìn không trăm lẻ năm đồng");
    GIVES("words(1000, 'ngan')", "Một ngàn đồng");
    GIVES("words(2500000000, 'ti')", "Hai tỉ năm trăm triệu đồng");
    GIVES("words(24, 'bon')", "Hai mươi bốn đồng");
    GIVES("words(24)", "Hai mươi tư đồng");
    GIVES("words(15, 'lower')", "mười lăm đồng");
    GIVES("words(15, 'no-unit')", "Mười lăm");
    GIVES("words(1000000, 'even=chẵn')", "Một triệu đồng chẵn");
    FAILS("words(1, 'roman')",
          "t.xml:1: words(): unknown option 'roman' (le ngan ti bon lower slash "
          "no-unit even=… unit=…) in {words(1, 'roman')} [xpath]\n");
    FAILS("words(items/item[3]/cost)", "rec.xml:8: <cost> \"12.5tr\" is not an amount in đồng "
                                       "[amount]\n"
                                       "t.xml:1: note: used by {words(items/item[3]/cost)}\n");
}

static void
fn_dates(void)
{
    GIVES("date(quote/@date)", "23/06/2021");
    GIVES("date(quote/@date, 'dd/MM/yyyy')", "23/06/2021");
    GIVES("date(quote/@date, 'dd.MM.yy')", "23.06.21");
    GIVES("date(quote/@date, 'long')", "ngày 23 tháng 6 năm 2021");
    GIVES("date-line('Hà Nội', quote/@date)", "Hà Nội, ngày 23 tháng 6 năm 2021");
    GIVES("add-days(quote/@date, 10)", "2021-07-03");
    GIVES("add-days('2021-12-31', 1)", "2022-01-01");
    GIVES("add-days('2021-03-01', -1)", "2021-02-28");
    FAILS("date(quote/@bad-date)",
          "rec.xml:10: <quote bad-date=\"2021-02-30\"> is not a day of the calendar [date]\n"
          "t.xml:1: note: used by {date(quote/@bad-date)}\n");
    FAILS("date('23/06/2021')",
          "t.xml:1: \"23/06/2021\" is not a date (YYYY-MM-DD) in {date('23/06/2021')} [date]\n");
    /* a literal is in the years a record's dates are, as a computed date is */
    FAILS("date('2300-01-01')", "t.xml:1: date(): \"2300-01-01\" is outside the dates a document "
                                "has (1990 to 2099) in {date('2300-01-01')} [date]\n");
    GIVES("date('2099-12-31')", "31/12/2099");
    /* another convention's tokens would be copied into a wrong date */
    FAILS("date(quote/@date, 'dd/mm/yyyy')",
          "t.xml:1: date(): pattern 'dd/mm/yyyy' has 'mm', which is not a part of a date pattern "
          "(dd d MM M yyyy yy) in {date(quote/@date, 'dd/mm/yyyy')} [xpath]\n");
    GIVES("date(quote/@date, 'Ngày d tháng M năm yyyy')", "Ngày 23 tháng 6 năm 2021");
    FAILS("date(quote/@date, 'LONG')",
          "t.xml:1: date(): pattern 'LONG' has none of dd d MM M yyyy yy ('long' spells the date "
          "out) in {date(quote/@date, 'LONG')} [xpath]\n");
    FAILS("date(quote/@date, empty)",
          "t.xml:1: date(): pattern '' has none of dd d MM M yyyy yy ('long' spells the date "
          "out) in {date(quote/@date, empty)} [xpath]\n");
    FAILS("add-days(quote/@date, 'x')", "t.xml:1: add-days(): \"x\" is not a whole number of days "
                                        "in {add-days(quote/@date, 'x')} [xpath]\n");
    FAILS("date()", "t.xml:1: date() takes 1 to 2 arguments, not 0 in {date()} [xpath]\n");
}

static void
fn_text(void)
{
    GIVES("upper(customer/name)", "CÔNG TY CHÍNH ĐẠI");
    GIVES("lower('ĐÀ NẴNG')", "đà nẵng");
    GIVES("num(1234567)", "1.234.567");
    GIVES("num(items/item[1]/days)", "3");
    GIVES("percent(8.5)", "8,5%");
    GIVES("percent(10)", "10%");
    GIVES("percent(0.1 * 100)", "10%"); /* 10.000000000000002, as XPath writes it */
    GIVES("percent(8.25)", "8,25%");
    GIVES("default(customer/short, 'x')", "Chính Đại");
    GIVES("default(empty, customer/name)", "Công ty Chính Đại");
    GIVES("default(missing, 'không có')", "không có");
    GIVES("nowrap(customer/phone)", "024\u00a03576\u00a02190");
    /* a word joiner after a sign a line could break at: "TP-" / "CĐ" is two */
    GIVES("nowrap('05/2021/HĐDV/TP-HL')", "05/\u20602021/\u2060HĐDV/\u2060TP-\u2060HL");
    GIVES("keep-names('Ông Hoàng Văn Tiến, Giám đốc', 'Hoàng Văn Tiến')",
          "Ông Hoàng\u00a0Văn\u00a0Tiến, Giám đốc");
    GIVES("keep-parts(customer/address)",
          "Số\u00a08, ngõ\u00a0102, phố\u00a0Trường\u00a0Chinh, quận\u00a0Đống\u00a0Đa");
    FAILS("num(items/item[2]/days)", "rec.xml:7: <days> \"x\" is not a whole number [number]\n"
                                     "t.xml:1: note: used by {num(items/item[2]/days)}\n");
    FAILS("percent('abc')",
          "t.xml:1: percent(): \"abc\" is not a number in {percent('abc')} [number]\n");
    /* rounded from the binary value, these were "1%" and "10,12%" */
    FAILS("percent(1.005)", "t.xml:1: percent(): \"1.005\" has more than two decimals: round it "
                            "as the document means (round(x * 100) div 100) in {percent(1.005)} "
                            "[number]\n");
    FAILS("percent(10.125)", "t.xml:1: percent(): \"10.125\" has more than two decimals: round "
                             "it as the document means (round(x * 100) div 100) in "
                             "{percent(10.125)} [number]\n");
    FAILS("keep-parts(1, 2)",
          "t.xml:1: keep-parts() takes 1 argument, not 2 in {keep-parts(1, 2)} [xpath]\n");
    FAILS("keep-names()", "t.xml:1: keep-names() takes a text and 0 to 8 names, not 0 arguments in "
                          "{keep-names()} [xpath]\n");
}

static void
fn_file(void)
{
    /* a path in the record is relative to the record's file (here: a
     * label with no folder, so the working folder) */
    char cwd[1024], want[1100];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(want, sizeof want, "%s/./img/logo.png", cwd);
    GIVES("file(logo)", want);
    GIVES("file('/abs/x.png')", "/abs/x.png");
}

static void
fn_schedule(void)
{
    /* 2 working days from Monday 26/04; then 3 past the holidays 30/04 and 03/05 */
    GIVES("stage-start(schedule/stage[1], $profile/calendar)", "2021-04-26");
    GIVES("stage-end(schedule/stage[1], $profile/calendar)", "2021-04-27");
    GIVES("stage-start(schedule/stage[2], $profile/calendar)", "2021-04-28");
    GIVES("stage-end(schedule/stage[2], $profile/calendar)", "2021-05-04");
    FAILS("stage-start(schedule/stage[1])",
          "t.xml:1: stage-start() takes 2 arguments (a <stage> and "
          "a <calendar>), not 1 in {stage-start(schedule/stage[1])} "
          "[xpath]\n");
    FAILS("stage-end(customer, $profile/calendar)",
          "t.xml:1: stage-end(): the first argument is not a <stage> of a <schedule> in "
          "{stage-end(customer, $profile/calendar)} [xpath]\n");
    FAILS("stage-end(schedule/stage[1], $profile/other/calendar)",
          "p.xml:4: the calendar leaves no working day to date the schedule by [schedule]\n"
          "t.xml:1: note: used by {stage-end(schedule/stage[1], $profile/other/calendar)}\n");
    FAILS("stage-end(plan/stage, $profile/calendar)",
          "rec.xml:16: <schedule> needs a start date (start=\"YYYY-MM-DD\") [schedule]\n"
          "t.xml:1: note: used by {stage-end(plan/stage, $profile/calendar)}\n");
    FAILS("stage-end(schedule/stage[1], $profile/bank)",
          "rec.xml:12: stage-end(): no working calendar to date the stage by: the profile needs a "
          "<calendar week=\"1 2 3 4 5\"> with its public holidays [schedule]\n"
          "t.xml:1: note: used by {stage-end(schedule/stage[1], $profile/bank)}\n");
}

static void
fn_vietqr(void)
{
    /* EMVCo fields in order; the CRC of the payload ends it (tests/vectors/vietqr.tsv
     * checks payloads against codes published by banks) */
    hs_arena *a = hs_arena_new(0);
    const char *s = eval_body(a, "<p>{vietqr($profile/bank/@bin, $profile/bank/@account, 150000, "
                                 "'YC-7')}</p>");
    CHECK(s != NULL);
    if (s != NULL) {
        CHECK(strncmp(s, "000201010212", 12) == 0);    /* version, dynamic (an amount) */
        CHECK(strstr(s, "0006970436") != NULL);        /* the bank's BIN */
        CHECK(strstr(s, "01130451000387654") != NULL); /* the account */
        CHECK(strstr(s, "5303704") != NULL);           /* đồng */
        CHECK(strstr(s, "5406150000") != NULL);        /* the amount */
        CHECK(strstr(s, "6304") == s + strlen(s) - 8); /* the CRC closes it */
    }
    hs_arena_free(a);
    FAILS("vietqr($profile/bank/@bin, $profile/bank/@account, 0)",
          "t.xml:1: vietqr(): 0 đồng is no amount to pay; an empty amount makes a code without one "
          "in {vietqr($profile/bank/@bin, $profile/bank/@account, 0)} [amount]\n");
    FAILS("vietqr($profile/bank/@bin, $profile/bank/@account, 'abc')",
          "t.xml:1: vietqr(): \"abc\" is not an amount in đồng in {vietqr($profile/bank/@bin, "
          "$profile/bank/@account, 'abc')} [amount]\n");
    FAILS("vietqr('12', $profile/bank/@account, 1000)",
          "t.xml:1: vietqr(): the bank BIN \"12\" has 2 digits; a bank's BIN has 6 in "
          "{vietqr('12', $profile/bank/@account, 1000)} [vietqr]\n");
    FAILS("vietqr('970436', '0451 000 387654', 1000)",
          "t.xml:1: vietqr(): the account \"0451 000 387654\" is not an account number as a "
          "payment code carries it: ' ' is not a digit or a letter (write the account without "
          "separators, or pass translate(account, ' .-', '')) in {vietqr('970436', "
          "'0451 000 387654', 1000)} [vietqr]\n");
    GIVES(
        "substring-before(substring-after(vietqr('970436', translate('0451 000 387654', ' ', ''), "
        "1000), '970436'), '0208')",
        "01130451000387654");
    FAILS("vietqr($profile/bank/@bin)", "t.xml:1: vietqr() takes 3 to 4 arguments, not 1 in "
                                        "{vietqr($profile/bank/@bin)} [xpath]\n");
    GIVES("string-length(vietqr($profile/bank/@bin, $profile/bank/@account, '')) > 0", "true");
    FAILS("vietqr($profile/bank/@bin, $profile/bank/@account, items/item[3]/cost)",
          "rec.xml:8: <cost> \"12.5tr\" is not an amount in đồng [amount]\n"
          "t.xml:1: note: used by {vietqr($profile/bank/@bin, $profile/bank/@account, "
          "items/item[3]/cost)}\n");
}

static void
unknown_function_is_a_template_error(void)
{
    hs_arena *a = hs_arena_new(0);
    CHECK(eval_body(a, "<p>{monney(1)}</p>") == NULL);
    CHECK(strstr(msgs, "t.xml:1: ") == msgs);
    CHECK(strstr(msgs, "monney") != NULL);
    hs_arena_free(a);
}

/* The dump of the document tree (hs_doc_dump) of <document ATTRS>BODY</document>,
 * the template's path written t.xml; NULL when evaluation failed. */
static const char *
dump_doc(hs_arena *a, const char *attrs, const char *body)
{
    const hs_doc *doc = evaluate(a, attrs, body);
    if (doc == NULL)
        return NULL;
    hs_buf b;
    hs_buf_init(&b, a);
    hs_doc_dump(doc, &b);
    /* the temporary path as t.xml */
    const char *d = hs_buf_cstr(&b);
    hs_buf out;
    hs_buf_init(&out, a);
    size_t n = strlen(tpl_path);
    for (const char *p = d; *p;) {
        if (strncmp(p, tpl_path, n) == 0) {
            hs_buf_adds(&out, "t.xml");
            p += n;
        } else {
            hs_buf_addc(&out, *p++);
        }
    }
    return hs_buf_cstr(&out);
}

/* The body of <document ATTRS>BODY</document> dumps as want (from the line
 * after "  body"), or, with want NULL, fails with exactly the messages
 * errs. */
static int
doc_is(const char *attrs, const char *body, const char *want, const char *errs, int line)
{
    hs_arena *a = hs_arena_new(0);
    const char *d = dump_doc(a, attrs, body);
    const char *got = d ? strstr(d, "\n  body\n") : NULL;
    got = got ? got + 8 : d;
    int ok = want != NULL ? got != NULL && strcmp(got, want) == 0
                          : d == NULL && errs != NULL && strcmp(msgs, errs) == 0;
    if (!ok)
        fprintf(stderr,
                "%s:%d: <document %s>%s</document>\n-- gave:\n%s-- said:\n%s-- expected:\n%s",
                __FILE__, line, attrs, body, d ? d : "(error)\n", msgs,
                want   ? want
                : errs ? errs
                       : "?\n");
    hs_arena_free(a);
    return ok;
}

#define BODY(body, want) CHECK(doc_is("", (body), (want), NULL, __LINE__))
#define DOC_FAILS(attrs, body, errs) CHECK(doc_is((attrs), (body), NULL, (errs), __LINE__))
/* the default paragraph style of a document */
#define P "serif 13/1.2"

static void
blocks(void)
{
    BODY("<p>a</p>", "    p " P " @t.xml:1\n      text \"a\" " P " @t.xml:1\n");
    BODY("<h1>T</h1>", "    p keep-with-next level=1 bookmark=\"T\" serif 13/1.2 b @t.xml:1\n      "
                       "text \"T\" serif 13/1.2 b @t.xml:1\n");
    BODY("<p rule-below=\"1pt\">r</p>",
         "    p rule-below=1 " P " @t.xml:1\n      text \"r\" " P " @t.xml:1\n");
    BODY("<hr thickness=\"2pt\" width=\"10mm\"/>",
         "    rule thickness=2 width=28.3465 " P " @t.xml:1\n");
    BODY("<space height=\"1in\"/>", "    space height=72 @t.xml:1\n");
    BODY("<page-break/>", "    page-break @t.xml:1\n");
    BODY("<lines count=\"2\" spacing=\"10pt\" thickness=\"1pt\"/>",
         "    lines count=2 spacing=10 thickness=1 @t.xml:1\n");
    BODY("<qr data=\"{@id}\" size=\"1in\" level=\"H\"/>",
         "    qr size=72 level=H data=\"YC-7\" @t.xml:1\n");
    BODY("<div keep-together=\"yes\"><p>a</p></div>",
         "    group keep-together @t.xml:1\n      p " P " @t.xml:1\n        text \"a\" " P
         " @t.xml:1\n");
}

static void
inline_elements(void)
{
    BODY("<p>a<b>b</b><i>i</i><u>u</u><br/><span color=\"red\" size=\"50%\">s</span></p>",
         "    p " P " @t.xml:1\n"
         "      text \"a\" " P " @t.xml:1\n"
         "      text \"b\" " P " b @t.xml:1\n"
         "      text \"i\" " P " i @t.xml:1\n"
         "      text \"u\" " P " u @t.xml:1\n"
         "      br " P " @t.xml:1\n"
         "      text \"s\" serif 6.5/1.2 #c00000 @t.xml:1\n"); /* the named red */
    BODY("<p><page-number/>/<page-count/> <checkbox checked=\"true()\"/><checkbox/></p>",
         "    p " P " @t.xml:1\n"
         "      page-number " P " @t.xml:1\n"
         "      text \"/\" " P " @t.xml:1\n"
         "      page-count " P " @t.xml:1\n"
         "      text \" \" " P " @t.xml:1\n"
         "      checkbox checked " P " @t.xml:1\n"
         "      checkbox " P " @t.xml:1\n");
    BODY("<p><a href=\"https://x.vn\">x</a></p>",
         "    p " P " @t.xml:1\n      text \"x\" " P " link=\"https://x.vn\" @t.xml:1\n");
}

static void
block_attributes(void)
{
    BODY("<p align=\"justify\" space-before=\"2pt\" space-after=\"3pt\" indent=\"1pt\" "
         "indent-right=\"2pt\" first-indent=\"3pt\" keep-with-next=\"yes\">a</p>",
         "    p align=justify space=2/3 indent=1/2/3 keep-with-next " P " @t.xml:1\n"
         "      text \"a\" " P " @t.xml:1\n");
    BODY("<p font=\"sans\" size=\"10pt\" bold=\"yes\" italic=\"yes\" underline=\"yes\" "
         "color=\"#123456\" line-height=\"2\">a</p>",
         "    p sans 10/2 b i u #123456 @t.xml:1\n      text \"a\" sans 10/2 b i u #123456 "
         "@t.xml:1\n");
    /* {…} in an attribute is evaluated, then parsed in the attribute's type */
    BODY("<p align=\"{'center'}\">a</p>",
         "    p align=center " P " @t.xml:1\n      text \"a\" " P " @t.xml:1\n");
    BODY("<p if=\"false()\">a</p><p if=\"@id = 'YC-7'\">b</p>",
         "    p " P " @t.xml:1\n      text \"b\" " P " @t.xml:1\n");
}

static void
styles(void)
{
    BODY("<style name=\"p\" size=\"10pt\"/><style name=\"red\" color=\"#ff0000\"/>"
         "<p>a</p><p class=\"red\">b</p>",
         "    p serif 10/1.2 @t.xml:1\n      text \"a\" serif 10/1.2 @t.xml:1\n"
         "    p serif 10/1.2 #ff0000 @t.xml:1\n      text \"b\" serif 10/1.2 #ff0000 @t.xml:1\n");
    /* the element's own attribute wins over its class */
    BODY("<style name=\"big\" size=\"20pt\"/><p class=\"big\" size=\"8pt\">a</p>",
         "    p serif 8/1.2 @t.xml:1\n      text \"a\" serif 8/1.2 @t.xml:1\n");
}

static void
tables(void)
{
    BODY("<table columns=\"10mm *\" border=\"1pt\" padding=\"1pt\" header-rows=\"1\">"
         "<tr><th>A</th><th>B</th></tr>"
         "<tr background=\"#eeeeee\"><td colspan=\"2\" valign=\"bottom\">c</td></tr></table>",
         "    table @t.xml:1\n"
         "      columns 28.3465pt 1* border=1 #000000 pad=1 1 1 1\n"
         "      row header @t.xml:1\n"
         "        cell colspan=1 valign=top @t.xml:1\n"
         "          p " P " b @t.xml:1\n"
         "            text \"A\" " P " b @t.xml:1\n"
         "        cell colspan=1 valign=top @t.xml:1\n"
         "          p " P " b @t.xml:1\n"
         "            text \"B\" " P " b @t.xml:1\n"
         "      row @t.xml:1\n"
         "        cell colspan=2 valign=bottom background=#eeeeee @t.xml:1\n"
         "          p " P " @t.xml:1\n"
         "            text \"c\" " P " @t.xml:1\n");
    DOC_FAILS("", "<table columns=\"* *\"><tr><td>a</td></tr></table>",
              "t.xml:1: this row has 1 cell but the table has 2 columns [template]\n");
}

static void
control(void)
{
    /* each, with position() and last(), sorted in Vietnamese order, and as */
    BODY("<p each=\"items/item\" sort=\"@id\" order=\"descending\" as=\"it\">"
         "{position()}/{last()}={$it/@id}</p>",
         "    p " P " @t.xml:1\n      text \"1\" " P " @t.xml:1\n"
         "      text \"/\" " P " @t.xml:1\n      text \"3\" " P " @t.xml:1\n"
         "      text \"=\" " P " @t.xml:1\n"
         "      text \"3\" " P " field=\"items/item[3]/@id\" @rec.xml:8\n"
         "    p " P " @t.xml:1\n      text \"2\" " P " @t.xml:1\n"
         "      text \"/\" " P " @t.xml:1\n      text \"3\" " P " @t.xml:1\n"
         "      text \"=\" " P " @t.xml:1\n"
         "      text \"2\" " P " field=\"items/item[2]/@id\" @rec.xml:7\n"
         "    p " P " @t.xml:1\n      text \"3\" " P " @t.xml:1\n"
         "      text \"/\" " P " @t.xml:1\n      text \"3\" " P " @t.xml:1\n"
         "      text \"=\" " P " @t.xml:1\n"
         "      text \"1\" " P " field=\"items/item[1]/@id\" @rec.xml:6\n");
    /* if / else; for */
    BODY("<if test=\"false()\"><p>a</p></if><else><p>b</p></else>"
         "<for each=\"schedule/stage\"><p>{.}</p></for>",
         "    p " P " @t.xml:1\n      text \"b\" " P " @t.xml:1\n"
         "    p " P " @t.xml:1\n      text \"A\" " P " field=\"schedule/stage[1]\" @rec.xml:12\n"
         "    p " P " @t.xml:1\n      text \"B\" " P " field=\"schedule/stage[2]\" @rec.xml:12\n");
    /* let: a value, text content, elements; visible to what follows only */
    BODY("<let name=\"n\" value=\"count(items/item)\"/><let name=\"t\">x{$n}</let>"
         "<let name=\"d\"><d>p</d><d>q</d></let>"
         "<p>{$n} {$t} {count($d/d)}</p>",
         "    p " P " @t.xml:1\n      text \"3\" " P " @t.xml:1\n"
         "      text \" \" " P " @t.xml:1\n      text \"x3\" " P " @t.xml:1\n"
         "      text \" \" " P " @t.xml:1\n      text \"2\" " P " @t.xml:1\n");
    DOC_FAILS("", "<div><let name=\"v\" value=\"1\"/></div><p>{$v}</p>",
              "t.xml:1: unknown variable $v in {$v} [xpath]\n");
}

static void
require_and_assert(void)
{
    BODY("<require path=\"quote\" what=\"the quote\"/><assert test=\"true()\">no</assert>", "");
    /* the error is at the record node the template was at */
    DOC_FAILS("", "<require path=\"contract\" what=\"the contract\"/>",
              "rec.xml:1: the record lacks contract (the contract), which t.xml needs [missing]\n"
              "t.xml:1: note: required here\n");
    DOC_FAILS("",
              "<assert test=\"count(items/item) = 2\" at=\"items\">{count(items/item)} "
              "items</assert>",
              "rec.xml:5: 3 items [check]\nt.xml:1: note: checked here\n");
}

static void
document_errors(void)
{
    DOC_FAILS("margin=\"100mm\"", "",
              "t.xml:1: the margins leave less than an inch of page [template]\n");
    DOC_FAILS("date=\"{'2021-13-01'}\"", "",
              "t.xml:1: <document date=\"{'2021-13-01'}\"> gives \"2021-13-01\": not a date "
              "(YYYY-MM-DD) [template]\n");
    /* (the value is checked in its type, a calendar date, before eval.c
     * reads it: eval.c has no message of its own for it) */
    DOC_FAILS("", "<p align=\"{'middle'}\">a</p>",
              "t.xml:1: <p align=\"{'middle'}\"> gives \"middle\": expected left, center, right or "
              "justify [template]\n");
    DOC_FAILS("", "<img src=\"{''}\"/>", "t.xml:1: <img src=\"{''}\"> names no file [template]\n");
    DOC_FAILS("", "<qr data=\"{''}\"/>",
              "t.xml:1: <qr> needs a data attribute with something to encode [template]\n");
    DOC_FAILS("", "<p class=\"{'nope'}\">a</p>",
              "t.xml:1: class \"nope\" names no <style> [template]\n");
    DOC_FAILS("", "<p each=\"count(items/item)\">a</p>",
              "t.xml:1: each=\"count(items/item)\" must select nodes [template]\n");
    DOC_FAILS("", "<p><table columns=\"*\"><tr><td>a</td></tr></table></p>",
              "t.xml:1: <table> cannot be inside a paragraph [template]\n");
    DOC_FAILS("", "<table columns=\"*\">text</table>",
              "t.xml:1: text is not allowed in a <table> (only <tr> may be here) [template]\n");
    DOC_FAILS("", "<div><style name=\"x\"/></div>",
              "t.xml:1: <style> belongs directly under <document> [template]\n");
    no_profile = 1;
    DOC_FAILS("", "<p>{$profile/name}</p>",
              "t.xml:1: this template uses $profile: give the company profile with --profile "
              "[usage]\n");
    no_profile = 0;
}

static void
link_and_id_errors(void)
{
    DOC_FAILS("", "<p><a href=\"{''}\">x</a></p>",
              "t.xml:1: <a> needs an href (http, https, mailto or tel) [template]\n");
    DOC_FAILS("", "<p><a href=\"https://ví.vn\">x</a></p>",
              "t.xml:1: <a href=\"https://ví.vn\">: a link target is ASCII without spaces (write "
              "%20 for a space, punycode for a Vietnamese domain) [template]\n");
    DOC_FAILS(
        "", "<p><a href=\"#a:b\">x</a></p>",
        "t.xml:1: <a href=\"#a:b\">: after '#' comes the id of a block (ASCII letters, digits, "
        "'-', '_' and '.') [template]\n");
    DOC_FAILS(
        "", "<p><a href=\"ftp://x\">x</a></p>",
        "t.xml:1: <a href=\"ftp://x\">: a link is http://, https://, mailto: or tel: [template]\n");
    DOC_FAILS("", "<p><a href=\"mailto:\">x</a></p>",
              "t.xml:1: <a href=\"mailto:\">: the link has nothing after mailto: [template]\n");
    DOC_FAILS("", "<p><a href=\"#nowhere\">x</a></p>",
              "t.xml:1: <a href=\"#nowhere\">: no block has id=\"nowhere\" [template]\n");
    DOC_FAILS("", "<p id=\"{'x y'}\">a</p>",
              "t.xml:1: id=\"x y\": an id is ASCII letters, digits, '-', '_' and '.' [template]\n");
    DOC_FAILS(
        "", "<p id=\"a\">a</p>\n<p id=\"a\">b</p>",
        "t.xml:2: id=\"a\" is used twice in the document [template]\nt.xml:1: note: first here\n");
    DOC_FAILS(
        "", "<header><p id=\"h\">a</p></header>",
        "t.xml:1: <p id=\"…\">: a header or footer is on every page; ids and bookmarks are for "
        "blocks of the body [template]\n");
    BODY("<p id=\"a\" bookmark=\"A\" bookmark-level=\"2\">a</p><p><a href=\"#a\">x</a></p>",
         "    p id=\"a\" level=2 bookmark=\"A\" " P " @t.xml:1\n      text \"a\" " P " @t.xml:1\n"
         "    p " P " @t.xml:1\n      text \"x\" " P " link=\"#a\" @t.xml:1\n");
    /* bookmarks="no": no outline at all, headings included */
    CHECK(doc_is(
        "bookmarks=\"no\"", "<h3>Ba</h3><p bookmark=\"P\">p</p>",
        "    p keep-with-next serif 13/1.2 b @t.xml:1\n      text \"Ba\" serif 13/1.2 b @t.xml:1\n"
        "    p " P " @t.xml:1\n      text \"p\" " P " @t.xml:1\n",
        NULL, __LINE__));
    BODY("<h3 bookmark=\"\">Ba</h3>", "    p keep-with-next serif 13/1.2 b @t.xml:1\n      text "
                                      "\"Ba\" serif 13/1.2 b @t.xml:1\n");
    /* a heading is its own bookmark, at its level */
    BODY("<h2>Hai</h2>", "    p keep-with-next level=2 bookmark=\"Hai\" serif 13/1.2 b @t.xml:1\n"
                         "      text \"Hai\" serif 13/1.2 b @t.xml:1\n");
}

/* The whole dump, not only the body. */
static int
whole_doc_is(const char *attrs, const char *body, const char *want, int line)
{
    hs_arena *a = hs_arena_new(0);
    const char *d = dump_doc(a, attrs, body);
    int ok = d != NULL && strcmp(d, want) == 0;
    if (!ok)
        fprintf(stderr,
                "%s:%d: <document %s>%s</document>\n-- gave:\n%s-- said:\n%s-- expected:\n%s",
                __FILE__, line, attrs, body, d ? d : "(error)\n", msgs, want);
    hs_arena_free(a);
    return ok;
}

#define WHOLE(attrs, body, want) CHECK(whole_doc_is((attrs), (body), (want), __LINE__))

static void
document_attributes(void)
{
    WHOLE("page=\"A5\" orientation=\"landscape\" margin=\"10mm 20mm\" title=\"T {@id}\" "
          "author=\"{$profile/name}\" subject=\"S\" keywords=\"k1, k2\" date=\"2021-06-23\"",
          "<name>Báo giá {@id}</name>",
          "document 595.276x419.528 margin=28.3465 56.6929 28.3465 56.6929 @t.xml:1\n"
          "  info title=\"T YC-7\" author=\"Thiên Phúc\" subject=\"S\" keywords=\"k1, k2\" "
          "file=\"Báo giá YC-7\" date=1624406400\n"
          "  body\n");
    WHOLE("page=\"100mm 200mm\"", "",
          "document 283.465x566.929 margin=56.6929 42.5197 56.6929 85.0394 @t.xml:1\n  body\n");
    /* font, size, line-height and colour of <document> are what every block inherits */
    CHECK(doc_is(
        "font=\"sans\" size=\"10pt\" line-height=\"1.5\" color=\"#111111\"", "<p>a</p>",
        "    p sans 10/1.5 #111111 @t.xml:1\n      text \"a\" sans 10/1.5 #111111 @t.xml:1\n", NULL,
        __LINE__));
}

static void
bands(void)
{
    WHOLE("",
          "<header on=\"first\" offset=\"5mm\"><p>h</p></header>"
          "<footer on=\"not-first\"><p align=\"right\"><page-number/></p></footer><p>b</p>",
          "document 595.276x841.89 margin=56.6929 42.5197 56.6929 85.0394 @t.xml:1\n"
          "  header on=first offset=14.1732\n"
          "    p " P " @t.xml:1\n      text \"h\" " P " @t.xml:1\n"
          "  footer on=not-first offset=28.3465\n"
          "    p align=right " P " @t.xml:1\n      page-number " P " @t.xml:1\n"
          "  body\n"
          "    p " P " @t.xml:1\n      text \"b\" " P " @t.xml:1\n");
}

static void
more_inline_and_cells(void)
{
    BODY("<p><strong>s</strong><em>e</em><span font=\"sans\" shrink-min=\"50%\">n</span></p>",
         "    p " P " @t.xml:1\n      text \"s\" " P " b @t.xml:1\n"
         "      text \"e\" " P " i @t.xml:1\n"
         "      text \"n\" sans 13/1.2 shrink-min=50% @t.xml:1\n");
    BODY("<table columns=\"* 2*\" border=\"0.5pt\" border-color=\"#00ff00\" padding=\"1pt 2pt 3pt "
         "4pt\">"
         "<tr><td border=\"2pt\" background=\"#0000ff\" "
         "valign=\"middle\">a</td><th>b</th></tr></table>",
         "    table @t.xml:1\n"
         "      columns 1* 2* border=0.5 #00ff00 pad=1 2 3 4\n"
         "      row @t.xml:1\n"
         "        cell colspan=1 valign=middle background=#0000ff border=2 @t.xml:1\n"
         "          p " P " @t.xml:1\n            text \"a\" " P " @t.xml:1\n"
         "        cell colspan=1 valign=top @t.xml:1\n"
         "          p " P " b @t.xml:1\n            text \"b\" " P " b @t.xml:1\n");
    /* rows from each, a header row marked by its attribute; a paragraph made
     * of a cell's text is the template's, at its line (its runs keep the
     * record's) */
    BODY("<table columns=\"*\"><tr header=\"yes\"><td>h</td></tr>"
         "<tr each=\"items/item[@id != '2']\"><td>{@id}</td></tr></table>",
         "    table @t.xml:1\n      columns 1* border=0 #000000 pad=2 4 2 4\n"
         "      row header @t.xml:1\n        cell colspan=1 valign=top @t.xml:1\n"
         "          p " P " @t.xml:1\n            text \"h\" " P " @t.xml:1\n"
         "      row @t.xml:1\n        cell colspan=1 valign=top @t.xml:1\n"
         "          p " P " @t.xml:1\n"
         "            text \"1\" " P " field=\"items/item[1]/@id\" @rec.xml:6\n"
         "      row @t.xml:1\n        cell colspan=1 valign=top @t.xml:1\n"
         "          p " P " @t.xml:1\n"
         "            text \"3\" " P " field=\"items/item[3]/@id\" @rec.xml:8\n");
}

static void
sort_in_vietnamese_order(void)
{
    /* Vietnamese collation: a < ă < â < b … d < đ; not byte order */
    hs_arena *a = hs_arena_new(0);
    const char *s = eval_body(a, "<let name=\"w\"><w>đá</w><w>bé</w><w>ăn</w><w>dê</w><w>an</w>"
                                 "<w>ấm</w></let><p each=\"$w/w\" sort=\".\">{.}</p>");
    CHECK_STR(s, "an\năn\nấm\nbé\ndê\nđá");
    s = eval_body(a, "<let name=\"w\"><w>đá</w><w>bé</w><w>an</w></let>"
                     "<p each=\"$w/w\" sort=\".\" order=\"descending\">{.}</p>");
    CHECK_STR(s, "đá\nbé\nan");
    /* without sort: document order */
    s = eval_body(a, "<p each=\"items/item\">{@id}</p>");
    CHECK_STR(s, "1\n2\n3");
    hs_arena_free(a);
}

static void
let_scope(void)
{
    hs_arena *a = hs_arena_new(0);
    /* a let is seen by its following siblings and their descendants */
    CHECK_STR(eval_body(a, "<let name=\"x\" value=\"1\"/><for each=\"items/item[1]\"><p>{$x}</p>"
                           "<let name=\"x\" value=\"2\"/><p>{$x}</p></for><p>{$x}</p>"),
              "1\n2\n1");
    /* in each, a let is made again for every node */
    CHECK_STR(eval_body(a, "<for each=\"items/item\"><let name=\"i\" value=\"string(@id)\"/>"
                           "<p>{$i}</p></for>"),
              "1\n2\n3");
    hs_arena_free(a);
}

static void
images(void)
{
    /* a path is relative to the template's folder (here /tmp) */
    BODY("<img src=\"logo.png\" width=\"20mm\" align=\"center\"/>",
         "    image align=center src=\"/tmp/logo.png\" size=56.6929x0 @t.xml:1\n");
    BODY("<img src=\"/a/{@id}.png\" width=\"1in\" height=\"2in\"/>",
         "    image src=\"/a/YC-7.png\" size=72x144 @t.xml:1\n");
}

/* A file beside the templates of this test, removed at exit. */
static char part_path[64];

static void
remove_part(void)
{
    remove(part_path);
}

static void
includes(void)
{
    snprintf(part_path, sizeof part_path, "/tmp/hs_test_part_%d.xml", (int)getpid());
    atexit(remove_part);
    FILE *fp = fopen(part_path, "w");
    fputs("<part>\n<p>{$who}: {customer/name}</p>\n</part>\n", fp);
    fclose(fp);
    char body[256];
    snprintf(body, sizeof body,
             "<let name=\"who\" value=\"'A'\"/><include src=\"%s\"/>"
             "<let name=\"who\" value=\"'B'\"/><include src=\"%s\"/>",
             part_path + 5, part_path + 5);
    hs_arena *a = hs_arena_new(0);
    CHECK_STR(eval_body(a, body), "A: Công ty Chính Đại\nB: Công ty Chính Đại");
    /* what a part may hold is known where it is included: a paragraph cannot
     * be a table's row */
    snprintf(body, sizeof body,
             "<let name=\"who\" value=\"1\"/><table columns=\"*\">\n<include src=\"%s\"/></table>",
             part_path + 5);
    CHECK(eval_body(a, body) == NULL);
    char want_p[256];
    snprintf(want_p, sizeof want_p,
             "%s:2: <p> is not allowed in a <table> (only <tr> may be here) [template]\n",
             part_path);
    CHECK_STR(msgs, want_p);
    /* a part is not a template */
    hs_report r = {collect, NULL, 0, 20};
    msgs[0] = '\0';
    hs_eval_in in = {a, &r, tpls, part_path, record, profile, -1, 0};
    hs_doc *doc = NULL;
    CHECK_INT(hs_eval_document(&in, &doc), -1);
    char want[256];
    snprintf(want, sizeof want,
             "%s:1: a template has <document> as its root (a part: <part>), not <part> "
             "[template]\n",
             part_path);
    CHECK_STR(msgs, want);
    hs_arena_free(a);
}

int
main(void)
{
    hs_report quiet = {collect, NULL, 0, 20};
    record = hs_xml_parse_memory(record_xml, strlen(record_xml), "rec.xml", &quiet);
    profile = hs_xml_parse_memory(profile_xml, strlen(profile_xml), "p.xml", &quiet);
    tpls = hs_tpl_cache_new(hs_eval_register_functions);
    if (record == NULL || profile == NULL) {
        fprintf(stderr, "the test's record or profile does not parse:\n%s", msgs);
        return 1;
    }
    RUN(fn_money);
    RUN(fn_money_arithmetic);
    RUN(fn_vat);
    RUN(fn_words);
    RUN(fn_dates);
    RUN(fn_text);
    RUN(fn_file);
    RUN(fn_schedule);
    RUN(fn_vietqr);
    RUN(unknown_function_is_a_template_error);
    RUN(blocks);
    RUN(inline_elements);
    RUN(block_attributes);
    RUN(styles);
    RUN(tables);
    RUN(control);
    RUN(require_and_assert);
    RUN(document_errors);
    RUN(link_and_id_errors);
    RUN(document_attributes);
    RUN(bands);
    RUN(more_inline_and_cells);
    RUN(sort_in_vietnamese_order);
    RUN(let_scope);
    RUN(images);
    RUN(includes);
    hs_tpl_cache_free(tpls);
    xmlFreeDoc(record);
    xmlFreeDoc(profile);
    return DONE();
}
