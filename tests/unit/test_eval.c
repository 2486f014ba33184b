/* tests/unit/test_eval.c — templates × records into document trees: the
 * template language (each, if/else, let, include, styles, tables) and the
 * formatting functions, checked on the tree, without layout or PDF. */
#include "harness.h"

#include "eval/eval.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char last_msg[2048];
static int nerrors;

static void
collect(void *user, const hs_diag *d)
{
    (void)user;
    if (d->severity == HS_SEV_ERROR)
        nerrors++;
    char buf[1024];
    hs_diag_format(d, buf, sizeof buf);
    if (strlen(last_msg) + strlen(buf) + 2 < sizeof last_msg) {
        strcat(last_msg, buf);
        strcat(last_msg, "\n");
    }
}

static const char *record_xml =
    "<request id=\"YC-1\">\n"                                 /* 1 */
    "  <customer><name>Công ty Chính Đại</name></customer>\n" /* 2 */
    "  <items>\n"                                             /* 3 */
    "    <item id=\"1\"><title>Báo cáo</title><feedback "
    "feasible=\"yes\"><cost>14000000</cost></feedback></item>\n"
    "    <item id=\"2\"><title>Cảnh báo</title><feedback feasible=\"no\"/></item>\n"
    "    <item id=\"3\"><title>Ánh xạ</title><feedback "
    "feasible=\"yes\"><cost>12.5tr</cost></feedback></item>\n"
    "  </items>\n"
    "  <quote date=\"2021-06-23\" vat-rate=\"10\"/>\n"
    "</request>\n";

typedef struct fixture {
    hs_arena *a;
    hs_tpl_cache *tpls;
    hs_report r;
    xmlDocPtr rec;
    hs_doc *doc;
    char tpl_path[64];
} fixture;

/* Evaluate template text against the record above. Returns eval's status. */
static int
run(fixture *f, const char *tpl)
{
    memset(f, 0, sizeof *f);
    last_msg[0] = '\0';
    nerrors = 0;
    f->a = hs_arena_new(0);
    f->tpls = hs_tpl_cache_new(hs_eval_register_functions);
    f->r.sink = collect;
    snprintf(f->tpl_path, sizeof f->tpl_path, "/tmp/hs_test_eval_%d.xml", (int)getpid());
    FILE *fp = fopen(f->tpl_path, "w");
    fputs(tpl, fp);
    fclose(fp);
    f->rec = hs_xml_parse_memory(record_xml, strlen(record_xml), "rec.xml", &f->r);
    hs_eval_in in = {f->a, &f->r, f->tpls, f->tpl_path, f->rec, NULL, -1, 0};
    return hs_eval_document(&in, &f->doc);
}

static void
done(fixture *f)
{
    remove(f->tpl_path);
    hs_arena_free(f->a);
    xmlFreeDoc(f->rec);
    hs_tpl_cache_free(f->tpls);
}

/* The text of a paragraph's runs, concatenated. */
static const char *
para_text(hs_arena *a, const hs_block *b)
{
    hs_buf buf;
    hs_buf_init(&buf, a);
    for (const hs_run *r = b ? b->runs : NULL; r != NULL; r = r->next) {
        if (r->kind == HS_RUN_TEXT)
            hs_buf_add(&buf, r->text, r->len);
        else if (r->kind == HS_RUN_BREAK)
            hs_buf_adds(&buf, "|");
    }
    return hs_buf_cstr(&buf);
}

static int
test_text_and_whitespace(void)
{
    fixture f;
    CHECK_INT(run(&f, "<document>\n  <p>  Kính gửi:\n   <b>{customer/name}</b>  </p>\n"
                      "  <p>a<br/>  b</p>\n</document>\n"),
              0);
    CHECK_STR(para_text(f.a, f.doc->body), "Kính gửi: Công ty Chính Đại");
    const hs_run *name = f.doc->body->runs->next;
    CHECK(name != NULL && name->style.bold);
    CHECK_STR(hs_run_field(f.a, name), "customer/name");
    CHECK_INT(name->loc.line, 2);
    CHECK_STR(name->loc.file, "rec.xml");
    CHECK_STR(para_text(f.a, f.doc->body->next), "a|b");
    done(&f);
    return 0;
}

static int
test_each_if_let(void)
{
    fixture f;
    CHECK_INT(run(&f, "<document>\n"
                      "<let name=\"ok\" value=\"items/item[feedback/@feasible='yes']\"/>\n"
                      "<p each=\"$ok\">{position()}/{last()} {title}</p>\n"
                      "<if test=\"count($ok) = 5\"><p>five</p></if><else><p>not five</p></else>\n"
                      "<p if=\"false()\">never</p>\n"
                      "<p each=\"items/item\" sort=\"title\">{title}</p>\n"
                      "</document>\n"),
              0);
    const hs_block *b = f.doc->body;
    CHECK_STR(para_text(f.a, b), "1/2 Báo cáo");
    CHECK_STR(para_text(f.a, b->next), "2/2 Ánh xạ");
    CHECK_STR(para_text(f.a, b->next->next), "not five");
    b = b->next->next->next;
    /* Vietnamese collation: Ánh < Báo < Cảnh */
    CHECK_STR(para_text(f.a, b), "Ánh xạ");
    CHECK_STR(para_text(f.a, b->next), "Báo cáo");
    CHECK_STR(para_text(f.a, b->next->next), "Cảnh báo");
    done(&f);
    return 0;
}

static int
test_functions(void)
{
    fixture f;
    CHECK_INT(run(&f, "<document>\n"
                      "<p>{money(items/item[1]/feedback/cost)}</p>\n"
                      "<p>{words(vat(items/item[1]/feedback/cost, quote/@vat-rate))}</p>\n"
                      "<p>{date(quote/@date, 'long')} {date(add-days(quote/@date, 15))}</p>\n"
                      "<p>{upper(customer/name)}</p>\n"
                      "</document>\n"),
              0);
    const hs_block *b = f.doc->body;
    CHECK_STR(para_text(f.a, b), "14.000.000\xC2\xA0₫");
    CHECK_STR(para_text(f.a, b->next), "Một triệu bốn trăm nghìn đồng");
    CHECK_STR(para_text(f.a, b->next->next), "ngày 23 tháng 6 năm 2021 08/07/2021");
    CHECK_STR(para_text(f.a, b->next->next->next), "CÔNG TY CHÍNH ĐẠI");
    /* upper() of a record field keeps the record line for glyph errors */
    CHECK_INT(b->next->next->next->runs->loc.line, 2);
    done(&f);
    return 0;
}

static int
test_amount_error_names_record_line(void)
{
    fixture f;
    CHECK_INT(run(&f, "<document>\n<p>{money-sum(items/item/feedback/cost)}</p>\n</document>\n"),
              -1);
    CHECK(strstr(last_msg, "rec.xml:6: error: <cost> \"12.5tr\" is not an amount in đồng") != NULL);
    CHECK(strstr(last_msg, ":2: note: used by {money-sum(items/item/feedback/cost)}") != NULL);
    done(&f);
    return 0;
}

static int
test_template_errors(void)
{
    fixture f;
    CHECK_INT(run(&f, "<document>\n<p>{count(}</p>\n</document>\n"), -1);
    CHECK(strstr(last_msg, ":2: error: ") != NULL);
    CHECK(strstr(last_msg, "[xpath]") != NULL);
    done(&f);
    CHECK_INT(run(&f, "<document>\n<p><table columns=\"*\"/></p>\n</document>\n"), -1);
    CHECK(strstr(last_msg, ":2: error: <table> cannot be inside a paragraph") != NULL);
    done(&f);
    CHECK_INT(run(&f, "<document>\n\n<p size=\"huge\">x</p>\n</document>\n"), -1);
    CHECK(strstr(last_msg, ":3: error: <p size=\"huge\">") != NULL);
    done(&f);
    CHECK_INT(run(&f, "<document>\n<require path=\"contract/@number\" what=\"số hợp đồng\"/>\n"
                      "</document>\n"),
              -1);
    CHECK(strstr(last_msg, "rec.xml:1: error: the record lacks contract/@number (số hợp đồng)") !=
          NULL);
    done(&f);
    CHECK_INT(run(&f, "<document>\n<p>{$profile/name}</p>\n</document>\n"), -1);
    CHECK(strstr(last_msg, "give the company profile with --profile") != NULL);
    done(&f);
    return 0;
}

static int
test_table(void)
{
    fixture f;
    CHECK_INT(run(&f,
                  "<document>\n"
                  "<table columns=\"12mm * 2*\" border=\"0.5pt\" header-rows=\"1\">\n"
                  "<tr><th>STT</th><th colspan=\"2\">Hạng mục</th></tr>\n"
                  "<tr each=\"items/item\"><td>{position()}</td><td>{title}</td><td>x</td></tr>\n"
                  "</table>\n</document>\n"),
              0);
    const hs_table *t = f.doc->body->table;
    CHECK(t != NULL);
    CHECK_INT(t->ncols, 3);
    CHECK(t->cols[0].fixed_pt > 33 && t->cols[0].fixed_pt < 35);
    CHECK(t->cols[2].weight == 2);
    int rows = 0;
    for (const hs_row *r = t->rows; r != NULL; r = r->next)
        rows++;
    CHECK_INT(rows, 4);
    CHECK(t->rows->header && !t->rows->next->header);
    CHECK(t->rows->cells->blocks->runs->style.bold); /* th */
    CHECK_INT(t->rows->cells->next->colspan, 2);
    CHECK_STR(para_text(f.a, t->rows->next->next->cells->next->blocks), "Cảnh báo");
    done(&f);
    return 0;
}

/* The name pass (eval/name.c): run_name works out only the <name>. */
static int
run_name(fixture *f, const char *tpl, const char **name)
{
    if (run(f, tpl) == 0)
        return 99; /* each template below fails as a whole document */
    last_msg[0] = '\0';
    nerrors = 0;
    f->r.errors = 0;
    hs_eval_in in = {f->a, &f->r, f->tpls, f->tpl_path, f->rec, NULL, -1, 0};
    return hs_eval_name(&in, name);
}

static int
test_name_pass(void)
{
    fixture f;
    const char *name = NULL;
    /* content, <assert>s and <let>s the name does not use are not evaluated
     * (each of them fails here); the <let>s it uses are, where they stand:
     * $n at the document's root while the name's predicate is on an item */
    CHECK_INT(run_name(&f,
                       "<document title=\"{money('x')}\">\n"
                       "<let name=\"bad\" value=\"money(items/item[3]/feedback/cost)\"/>\n"
                       "<let name=\"n\" value=\"count(items/item) - 1\"/>\n"
                       "<let name=\"who\">{customer/name} {$n}</let>\n"
                       "<assert test=\"false()\">never</assert>\n"
                       "<name>{items/item[position() = $n]/title}: {$who}</name>\n"
                       "<p>{money-sum(items/item/feedback/cost)}</p>\n"
                       "</document>\n",
                       &name),
              0);
    CHECK_STR(name, "Cảnh báo: Công ty Chính Đại 2");
    CHECK_INT(nerrors, 0);
    done(&f);
    /* a <let> the name uses fails as in the document */
    CHECK_INT(
        run_name(&f,
                 "<document>\n<let name=\"c\" value=\"money(items/item[3]/feedback/cost)\"/>\n"
                 "<name>{$c}</name>\n</document>\n",
                 &name),
        -1);
    CHECK(strstr(last_msg, "rec.xml:6: error: <cost> \"12.5tr\" is not an amount") != NULL);
    CHECK_INT(nerrors, 1);
    done(&f);
    /* <require>s outside content count, also in a <for> with its context
     * and a <let> of the loop; a <name> of a part reached by <include> */
    char part[80];
    snprintf(part, sizeof part, "/tmp/hs_test_eval_part_%d.xml", (int)getpid());
    FILE *fp = fopen(part, "w");
    fputs("<part>\n<name>{$who}</name>\n<p>{money('x')}</p>\n</part>\n", fp);
    fclose(fp);
    char tpl[1024];
    snprintf(tpl, sizeof tpl,
             "<document>\n<let name=\"who\" value=\"string(customer/name)\"/>\n"
             "<if test=\"$who != ''\"><include src=\"%s\"/></if>\n"
             "<for each=\"items/item[feedback/@feasible = 'yes']\"><let name=\"c\" "
             "value=\"feedback/cost\"/>\n<require path=\"$c\" what=\"a cost\"/></for>\n"
             "<p>{money('y')}</p>\n</document>\n",
             strrchr(part, '/') + 1);
    CHECK_INT(run_name(&f, tpl, &name), 0);
    CHECK_STR(name, "Công ty Chính Đại");
    done(&f);
    snprintf(tpl, sizeof tpl,
             "<document>\n<let name=\"who\" value=\"1\"/><include src=\"%s\"/>\n"
             "<for each=\"items/item\"><let name=\"c\" value=\"feedback/cost\"/>\n"
             "<require path=\"$c\" what=\"a cost\"/></for>\n</document>\n",
             strrchr(part, '/') + 1);
    CHECK_INT(run_name(&f, tpl, &name), -1);
    CHECK(strstr(last_msg, "rec.xml:5: error: the record lacks $c (a cost)") != NULL);
    done(&f);
    remove(part);
    return 0;
}

/* The name pass with group-by and sections: a <let> met in a group is
 * worked out with that group's key even when first named inside another
 * group-by (here by a <require>); a <section>'s <let>s are content. */
static int
test_name_pass_groups(void)
{
    fixture f;
    const char *tpl = "<document>\n"
                      "<name>{customer/name}</name>\n"
                      "<for each=\"items/item\" group-by=\"feedback/@feasible\">\n"
                      "<let name=\"k\" value=\"current-grouping-key()\"/>\n"
                      "<for each=\"current-group()\" group-by=\"title\">\n"
                      "<require path=\"feedback[@feasible = $k]\" what=\"its group's key\"/>\n"
                      "</for>\n</for>\n"
                      "<section><let name=\"x\" value=\"money('x')\"/><p>{$x}</p></section>\n"
                      "</document>\n";
    /* the whole document fails at $x only */
    CHECK_INT(run(&f, tpl), -1);
    CHECK_INT(nerrors, 1);
    CHECK(strstr(last_msg, ":9: error: \"x\" is not an amount") != NULL);
    last_msg[0] = '\0';
    nerrors = 0;
    f.r.errors = 0;
    const char *name = NULL;
    hs_eval_in in = {f.a, &f.r, f.tpls, f.tpl_path, f.rec, NULL, -1, 0};
    CHECK_INT(hs_eval_name(&in, &name), 0);
    CHECK_STR(name, "Công ty Chính Đại");
    CHECK_INT(nerrors, 0);
    done(&f);
    return 0;
}

int
main(void)
{
    RUN(test_text_and_whitespace);
    RUN(test_each_if_let);
    RUN(test_functions);
    RUN(test_amount_error_names_record_line);
    RUN(test_template_errors);
    RUN(test_table);
    RUN(test_name_pass);
    RUN(test_name_pass_groups);
    hs_text_cleanup();
    xmlCleanupParser();
    return DONE();
}
