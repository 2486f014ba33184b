/* engine/out/mark.c — how hoso knows a file in an output folder is its own.
 *
 * A document carries a mark derived from its record and template files: a
 * PDF comment "%hoso-owner KEY". Comments are ignored by every reader, and
 * the mark goes where it moves no object a table lists: before a
 * cross-reference table (startxref is moved by the mark's length), or, when
 * the table is a stream (render/pack.c), between that stream's endobj and
 * startxref, where nothing after it has an offset. So the file stays a valid
 * PDF and the same inputs still give the same bytes. A file whose mark
 * matches is this very document from an earlier run: a rerun may refresh
 * it. Anything else under the name is someone else's file. */
#include "out/out.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MARK_PREFIX "%hoso-owner "
#define MARK_LEN (sizeof MARK_PREFIX - 1 + HS_OUT_OWNER_LEN + 1)
#define MARK_FMT "%%hoso-owner %s\n"

static uint64_t
fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* A file as the mark knows it: its canonical path (symbolic links, "." and
 * ".." resolved: "build/../templates/quote.xml", "./quote.xml" and the
 * absolute path are one file), written relative to the output folder's
 * canonical path when the two share a folder below the root (records on a
 * share with the output folder: "../records/a.xml" wherever the share is
 * mounted, so that shards on several machines know each other's documents),
 * else absolute (templates installed in /usr/share, the same on every
 * machine). Within one output folder two different files never share a key.
 * A path that names no file (standard input) is taken as typed. */
static void
identity(const char *path, const char *dir, char *key, size_t cap)
{
    char real[PATH_MAX];
    if (dir == NULL || realpath(path, real) == NULL) {
        snprintf(key, cap, "%s", path);
        return;
    }
    /* the longest run of whole leading components the two share */
    size_t common = 0;
    for (size_t i = 1;; i++) {
        int end_d = dir[i] == '\0' || dir[i] == '/', end_r = real[i] == '\0' || real[i] == '/';
        if (end_d && end_r)
            common = i;
        if (dir[i] != real[i] || dir[i] == '\0')
            break;
    }
    if (common == 0 || (dir[common] == '\0' && real[common] == '\0')) {
        snprintf(key, cap, "%s", real);
        return;
    }
    size_t n = 0;
    for (size_t i = common; dir[i] != '\0'; i++)
        if (dir[i] == '/' && n + 4 < cap)
            memcpy(key + n, "../", 3), n += 3;
    snprintf(key + n, cap - n, "%s", real[common] == '/' ? real + common + 1 : real + common);
}

void
hs_out_owner(const char *record, const char *template_path, const char *out_dir, char *buf)
{
    char dir[PATH_MAX], rec[PATH_MAX * 2], tpl[PATH_MAX * 2];
    const char *d = out_dir != NULL && realpath(out_dir, dir) != NULL ? dir : NULL;
    identity(record, d, rec, sizeof rec);
    identity(template_path, d, tpl, sizeof tpl);
    /* two 64-bit FNV-1a hashes with different seeds over "record\0template" */
    uint64_t h[2] = {1469598103934665603ull, 0x84222325cbf29ce4ull};
    for (int k = 0; k < 2; k++) {
        h[k] = fnv1a(h[k], rec, strlen(rec) + 1);
        h[k] = fnv1a(h[k], tpl, strlen(tpl));
    }
    snprintf(buf, HS_OUT_OWNER_LEN + 1, "%016llx%016llx", (unsigned long long)h[0],
             (unsigned long long)h[1]);
}

/* The offset startxref names, where its digits are in the tail, and where
 * the keyword is (kw_at may be NULL). */
static int
find_startxref(const unsigned char *tail, size_t n, size_t *digits, size_t *ndigits,
               unsigned long long *value, size_t *kw_at)
{
    static const char kw[] = "startxref";
    for (size_t i = n >= sizeof kw ? n - sizeof kw : 0; i-- > 0;) {
        if (memcmp(tail + i, kw, sizeof kw - 1) != 0)
            continue;
        size_t p = i + sizeof kw - 1;
        while (p < n && (tail[p] == '\r' || tail[p] == '\n' || tail[p] == ' '))
            p++;
        size_t q = p;
        unsigned long long v = 0;
        while (q < n && tail[q] >= '0' && tail[q] <= '9' && q - p < 19)
            v = v * 10 + (tail[q++] - '0');
        if (q == p)
            return -1;
        *digits = p, *ndigits = q - p, *value = v;
        if (kw_at != NULL)
            *kw_at = i;
        return 0;
    }
    return -1;
}

/* Whether a cross-reference stream ("N 0 obj" of /Type /XRef, PDF 1.5:
 * render/pack.c) starts at x: it lists its own offset, so the mark goes
 * after it, just before startxref. */
static int
xref_stream_at(const unsigned char *pdf, size_t len, size_t x)
{
    static const char kw[] = "/Type /XRef";
    size_t p = x;
    while (p < len && p - x < 12 && pdf[p] >= '0' && pdf[p] <= '9')
        p++;
    if (p == x || len - p < 7 || memcmp(pdf + p, " 0 obj\012", 7) != 0)
        return 0;
    p += 7;
    return len - p >= 3 + sizeof kw - 1 && memcmp(pdf + p, "<<\012", 3) == 0 &&
           memcmp(pdf + p + 3, kw, sizeof kw - 1) == 0;
}

unsigned char *
hs_out_mark(const unsigned char *pdf, size_t len, const char *owner, size_t *out_len)
{
    size_t tail = len > 1024 ? len - 1024 : 0;
    size_t d, nd, kw;
    unsigned long long x;
    if (find_startxref(pdf + tail, len - tail, &d, &nd, &x, &kw) != 0 || x + 4 > len)
        return NULL;
    int table = memcmp(pdf + x, "xref", 4) == 0;
    if (!table && !xref_stream_at(pdf, len, x))
        return NULL;
    d += tail, kw += tail;
    char mark[MARK_LEN + 1], num[24];
    snprintf(mark, sizeof mark, MARK_FMT, owner);
    unsigned char *out = malloc(len + MARK_LEN + 24);
    if (out == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    size_t o = 0;
    if (!table) { /* before startxref: no offset moves */
        memcpy(out, pdf, kw), o = kw;
        memcpy(out + o, mark, MARK_LEN), o += MARK_LEN;
        memcpy(out + o, pdf + kw, len - kw), o += len - kw;
        *out_len = o;
        return out;
    }
    int nn = snprintf(num, sizeof num, "%llu", x + MARK_LEN);
    memcpy(out, pdf, x), o = x;
    memcpy(out + o, mark, MARK_LEN), o += MARK_LEN;
    memcpy(out + o, pdf + x, d - x), o += d - x;
    memcpy(out + o, num, (size_t)nn), o += (size_t)nn;
    memcpy(out + o, pdf + d + nd, len - d - nd), o += len - d - nd;
    *out_len = o;
    return out;
}

int
hs_out_marked(const char *path, const char *owner)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return errno == ENOENT || errno == ELOOP || errno == EACCES ? 0 : -1;
    struct stat sb;
    unsigned char tail[1024], line[MARK_LEN];
    int res = 0;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > (off_t)MARK_LEN) {
        off_t from = sb.st_size > (off_t)sizeof tail ? sb.st_size - (off_t)sizeof tail : 0;
        ssize_t n = pread(fd, tail, sizeof tail, from);
        size_t d, nd, kw;
        unsigned long long x;
        char want[MARK_LEN + 1];
        snprintf(want, sizeof want, MARK_FMT, owner);
        if (n > 0 && find_startxref(tail, (size_t)n, &d, &nd, &x, &kw) == 0) {
            /* before startxref (a cross-reference stream), else before the
             * table startxref names */
            if (kw >= MARK_LEN && memcmp(tail + kw - MARK_LEN, want, MARK_LEN) == 0)
                res = 1;
            else if (x >= MARK_LEN &&
                     pread(fd, line, MARK_LEN, (off_t)(x - MARK_LEN)) == (ssize_t)MARK_LEN)
                res = memcmp(line, want, MARK_LEN) == 0;
        }
    }
    close(fd);
    return res;
}
