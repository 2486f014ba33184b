/* tests/unit/test_tplcache.c — the template cache and a file that fails: a
 * batch of documents with a broken template (or a broken part it includes)
 * fails every document with the same messages, and the engine neither
 * parses nor compiles the file again nor keeps anything more for it. */
#include "harness.h"

#include "tpl/tpl_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char said[4096];

static void
collect(void *user, const hs_diag *d)
{
    (void)user;
    char line[1200];
    hs_diag_format(d, line, sizeof line);
    if (strlen(said) + strlen(line) + 2 < sizeof said) {
        strcat(said, line);
        strcat(said, "\n");
    }
}

static void
write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

/* Load path many times into one cache, as a batch does: each load must say
 * exactly what the first said and count its errors, and the loads after the
 * first must leave the cache's memory as it was (its blocks: a thousand
 * small entries fill one). */
static void
fails_the_same_way(const char *path, const char *expected, int errors)
{
    hs_tpl_cache *c = hs_tpl_cache_new(NULL);
    size_t used = 0;
    for (int i = 0; i < 1000; i++) {
        said[0] = '\0';
        hs_report r = {collect, NULL, 0, 20};
        CHECK(hs_tpl_load(c, path, &r) == NULL);
        CHECK_STR(said, expected);
        CHECK_INT(r.errors, errors);
        if (i == 0)
            used = hs_arena_used(c->arena);
        else
            CHECK_INT(hs_arena_used(c->arena), used);
    }
    hs_tpl_cache_free(c);
}

static char dir[64];

static const char *
at(const char *name)
{
    static char paths[4][128];
    static int k;
    char *p = paths[k++ % 4];
    snprintf(p, 128, "%s/%s", dir, name);
    return p;
}

static void
a_template_that_does_not_compile(void)
{
    const char *t = at("bad.xml");
    write_file(t, "<document>\n  <p>Tổng: {money(quote/total}</p>\n</document>\n");
    char want[1024];
    snprintf(want, sizeof want,
             "%s:2: error: a syntax error in {money(quote/total} [xpath]\n"
             "%s:2: note:   {money(quote/total}\n"
             "%s:2: note:                     ^\n",
             t, t, t);
    fails_the_same_way(t, want, 1);
}

/* What loading path into a new cache says, into first. */
static int
first_load(const char *path, char *first, size_t cap)
{
    said[0] = '\0';
    hs_tpl_cache *c = hs_tpl_cache_new(NULL);
    hs_report r = {collect, NULL, 0, 20};
    CHECK(hs_tpl_load(c, path, &r) == NULL);
    hs_tpl_cache_free(c);
    snprintf(first, cap, "%s", said);
    return r.errors;
}

static void
a_template_that_is_not_xml(void)
{
    const char *t = at("malformed.xml");
    write_file(t, "<document>\n  <p>a</q>\n</document>\n");
    char first[4096];
    int errors = first_load(t, first, sizeof first);
    CHECK(strstr(first, ":2: error:") != NULL);
    fails_the_same_way(t, first, errors);
}

static void
a_part_that_does_not_compile(void)
{
    const char *t = at("main.xml"), *part = at("part.xml");
    write_file(part, "<part>\n\n  <p size=\"huge\">x</p>\n</part>\n");
    write_file(t, "<document>\n  <include src=\"part.xml\"/>\n</document>\n");
    char first[4096];
    int errors = first_load(t, first, sizeof first);
    char where[256];
    snprintf(where, sizeof where, "%s:3: error:", part);
    CHECK(strstr(first, where) != NULL);
    snprintf(where, sizeof where, "%s:2: note: included here\n", t);
    CHECK(strstr(first, where) != NULL);
    fails_the_same_way(t, first, errors);
}

int
main(void)
{
    snprintf(dir, sizeof dir, "/tmp/hs_test_tplcache_%d", (int)getpid());
    char cmd[128];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0)
        return 1;
    RUN(a_template_that_does_not_compile);
    RUN(a_template_that_is_not_xml);
    RUN(a_part_that_does_not_compile);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return DONE();
}
