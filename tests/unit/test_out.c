/* tests/unit/test_out.c — engine/out/: the batch naming rule depends on the
 * set of documents alone (any order gives the same names, all distinct); the
 * owner mark keeps a PDF valid and is recognised only for its own record and
 * template; escaping leaves no control character and no invalid UTF-8. */
#include "hoso.h"
#include "out/out.h"

#include "harness.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define N 60

/* the records of three folders, some with the same file name, two templates */
static void
make_docs(hs_out_doc *d, const char **names)
{
    static char rec[N][64];
    for (int i = 0; i < N; i++) {
        /* unique record × template keys; the same file name in 3 folders */
        snprintf(rec[i], sizeof rec[i], "in%d/r%d.xml", i % 3, i / 6);
        d[i].record = rec[i];
        d[i].template_path = i % 2 ? "templates/quote.xml" : "t/quote.xml";
        d[i].name = names[i % 4];
        d[i].file = NULL;
    }
}

static void
names_independent_of_order(void)
{
    const char *names[4] = {"Báo giá A.pdf", "Báo giá A.pdf", "Báo giá A (r1).pdf", NULL};
    hs_out_doc a[N], b[N];
    make_docs(a, names);
    hs_out_assign_names(a, N, 0);
    for (int round = 0; round < 5; round++) {
        /* the same set, shuffled */
        int perm[N];
        for (int i = 0; i < N; i++)
            perm[i] = i;
        srand((unsigned)round + 1);
        for (int i = N - 1; i > 0; i--) {
            int j = rand() % (i + 1), t = perm[i];
            perm[i] = perm[j], perm[j] = t;
        }
        hs_out_doc base[N];
        make_docs(base, names);
        for (int i = 0; i < N; i++)
            b[i] = base[perm[i]];
        hs_out_assign_names(b, N, 0);
        for (int i = 0; i < N; i++) {
            int k = perm[i];
            if (a[k].file == NULL || b[i].file == NULL)
                CHECK(a[k].file == NULL && b[i].file == NULL);
            else
                CHECK_STR(b[i].file, a[k].file);
            free(b[i].file);
        }
    }
    /* distinct, and a document without a name gets none */
    for (int i = 0; i < N; i++) {
        if (a[i].name == NULL) {
            CHECK(a[i].file == NULL);
            continue;
        }
        for (int j = 0; j < i; j++)
            if (a[j].file != NULL)
                CHECK(strcmp(a[i].file, a[j].file) != 0);
    }
    /* the rule: the first by record then template keeps the name */
    int first = -1;
    for (int i = 0; i < N; i++)
        if (a[i].name != NULL && strcmp(a[i].name, "Báo giá A.pdf") == 0 &&
            (first < 0 || strcmp(a[i].record, a[first].record) < 0 ||
             (strcmp(a[i].record, a[first].record) == 0 &&
              strcmp(a[i].template_path, a[first].template_path) < 0)))
            first = i;
    CHECK_STR(a[first].file, "Báo giá A.pdf");
    for (int i = 0; i < N; i++)
        free(a[i].file);
}

static void
names_suffixes(void)
{
    hs_out_doc d[4] = {{"a/r1.xml", "q.xml", "X.pdf", NULL},
                       {"b/r1.xml", "q.xml", "X.pdf", NULL},
                       {"a/r2.xml", "q.xml", "X.pdf", NULL},
                       {"c/r1.xml", "q.xml", "X.pdf", NULL}};
    hs_out_assign_names(d, 4, 0);
    CHECK_STR(d[0].file, "X.pdf");
    CHECK_STR(d[2].file, "X (r2).pdf");
    CHECK_STR(d[1].file, "X (r1).pdf");
    CHECK_STR(d[3].file, "X (r1, q).pdf");
    for (int i = 0; i < 4; i++)
        free(d[i].file);
}

static char pdf[512];

/* a small PDF with its startxref where the xref table is */
static size_t
make_pdf(void)
{
    const char *body = "%PDF-1.3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    int n = snprintf(pdf, sizeof pdf,
                     "%sxref\n0 2\n0000000000 65535 f\r\n0000000009 00000 n\r\n"
                     "trailer\n<< /Root 1 0 R /Size 2 >>\nstartxref\n%zu\n%%%%EOF\n",
                     body, strlen(body));
    return (size_t)n;
}

static void
mark_roundtrip(void)
{
    size_t len = make_pdf();
    char own[HS_OUT_OWNER_LEN + 1], other[HS_OUT_OWNER_LEN + 1];
    hs_out_owner("r.xml", "t.xml", NULL, own);
    hs_out_owner("r.xml", "u.xml", NULL, other);
    CHECK(strcmp(own, other) != 0);
    size_t n;
    unsigned char *m = hs_out_mark((const unsigned char *)pdf, len, own, &n);
    CHECK(m != NULL);
    if (m == NULL)
        return;
    /* startxref moved by the mark's length, and still points at "xref" */
    const char *sx = strstr((const char *)m, "startxref\n");
    CHECK(sx != NULL);
    long x = sx ? strtol(sx + 10, NULL, 10) : 0;
    CHECK_INT(memcmp(m + x, "xref", 4), 0);
    CHECK(memcmp(m + x - HS_OUT_OWNER_LEN - 13, "%hoso-owner ", 12) == 0);
    char path[] = "/tmp/hoso-test-out-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && write(fd, m, n) == (ssize_t)n);
    close(fd);
    CHECK_INT(hs_out_marked(path, own), 1);
    CHECK_INT(hs_out_marked(path, other), 0);
    /* the same document marks to the same bytes */
    size_t n2;
    unsigned char *m2 = hs_out_mark((const unsigned char *)pdf, len, own, &n2);
    CHECK(m2 != NULL && n2 == n && memcmp(m, m2, n) == 0);
    free(m2);
    free(m);
    /* an unmarked file is nobody's */
    fd = open(path, O_WRONLY | O_TRUNC);
    CHECK(fd >= 0 && write(fd, pdf, len) == (ssize_t)(len));
    close(fd);
    CHECK_INT(hs_out_marked(path, own), 0);
    unlink(path);
    CHECK_INT(hs_out_marked(path, own), 0);
}

/* A PDF 1.5 document, its cross-reference table a stream (render/pack.c):
 * the mark goes after that object, just before startxref, and is found
 * there; an object of another type where startxref points is refused. */
static void
mark_xref_stream(void)
{
    const char *body = "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    for (int k = 0; k < 2; k++) {
        int len = snprintf(pdf, sizeof pdf,
                           "%s2 0 obj\n<<\n/Type /%s\n/Size 2\n/W [ 1 1 2 ]\n/Root 1 0 R\n"
                           "/Length 8\n>>\nstream\r\n01234567\nendstream\n"
                           "endobj\nstartxref\n%zu\n%%%%EOF\n",
                           body, k == 0 ? "XRef" : "Catalog", strlen(body));
        char own[HS_OUT_OWNER_LEN + 1];
        hs_out_owner("r.xml", "t.xml", NULL, own);
        size_t n;
        unsigned char *m = hs_out_mark((const unsigned char *)pdf, (size_t)len, own, &n);
        CHECK(k == 0 ? m != NULL : m == NULL);
        if (m == NULL)
            continue;
        CHECK_INT((int)n, len + HS_OUT_OWNER_LEN + 13);
        char t[sizeof pdf + 64] = ""; /* m is not a C string */
        memcpy(t, m, n < sizeof t - 1 ? n : sizeof t - 1);
        const char *sx = strstr(t, "startxref\n");
        long x = sx ? strtol(sx + 10, NULL, 10) : 0;
        /* the stream lists its own offset: the mark goes after it, and
         * startxref still names it where it was */
        CHECK_INT((int)x, (int)strlen(body));
        CHECK_INT(memcmp(m + x, "2 0 obj\n<<\n/Type /XRef", 22), 0);
        CHECK(sx != NULL && memcmp(sx - HS_OUT_OWNER_LEN - 13, "%hoso-owner ", 12) == 0);
        CHECK(sx != NULL && memcmp(sx - HS_OUT_OWNER_LEN - 13 - 7, "endobj\n", 7) == 0);
        char path[] = "/tmp/hoso-test-out-XXXXXX", other[HS_OUT_OWNER_LEN + 1];
        hs_out_owner("r.xml", "u.xml", NULL, other);
        int fd = mkstemp(path);
        CHECK(fd >= 0 && write(fd, m, n) == (ssize_t)n);
        close(fd);
        CHECK_INT(hs_out_marked(path, own), 1);
        CHECK_INT(hs_out_marked(path, other), 0);
        unlink(path);
        free(m);
    }
}

static void
escaping(void)
{
    char *s = hs_escape("evil\nfake.xml:1: error\t\x1b[31m\xff.xml é");
    CHECK_STR(s, "evil\\nfake.xml:1: error\\t\\x1b[31m\\xff.xml é");
    free(s);
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_out_json_field(&b, "record", "a\"b\\c\n\xff.xml");
    CHECK_STR(hs_buf_cstr(&b), "\"record\":\"a\\\"b\\\\c\\n\\ufffd.xml\",\"record_bytes\":"
                               "\"a\\\"b\\\\\\\\c\\\\n\\\\xff.xml\"");
    /* runs of plain bytes between the escapes, a control character at either end */
    hs_buf_init(&b, a);
    hs_out_json_string(&b,
                       "\x01"
                       "ấy é\x1b\x7f"
                       "x\t",
                       12);
    CHECK_STR(hs_buf_cstr(&b), "\"\\u0001ấy é\\u001b\\u007fx\\u0009\"");
    hs_arena_free(a);
}

int
main(void)
{
    RUN(names_independent_of_order);
    RUN(names_suffixes);
    RUN(mark_roundtrip);
    RUN(mark_xref_stream);
    RUN(escaping);
    printf("1..%d\n", hs_t_count);
    return DONE();
}
