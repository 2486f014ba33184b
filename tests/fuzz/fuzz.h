/* tests/fuzz/fuzz.h — what the libFuzzer targets share.
 *
 * The engine reads records and templates by path, so each input is written to
 * a file in a scratch folder of the process (removed at exit). Diagnostics go
 * to a sink that prints nothing and checks what every diagnostic promises: an
 * error names a file, and its message is non-empty, valid UTF-8 (messages end
 * up in JSON reports). A broken promise aborts, so libFuzzer keeps the input.
 * Everything here is static inline: each target is one translation unit. */
#ifndef HS_FUZZ_H
#define HS_FUZZ_H

#include "base/base.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef HS_FUZZ_SRCDIR
#define HS_FUZZ_SRCDIR "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((format(printf, 1, 2), noreturn)) static inline void
fz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* dir/rel, kept for the whole run: referenced from here, so that the leak
 * check does not count what the engine does not keep a pointer to. */
static inline const char *
fz_keep_path(const char *dir, const char *rel)
{
    static char *kept[32];
    static int nkept;
    if (nkept == (int)(sizeof kept / sizeof kept[0]))
        fz_fail("too many paths");
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p == NULL)
        fz_fail("out of memory");
    snprintf(p, n, "%s/%s", dir, rel);
    return kept[nkept++] = p;
}

/* A path under the source tree ($HS_SRCDIR, else the tree it was built in). */
static inline const char *
fz_src(const char *rel)
{
    const char *dir = getenv("HS_SRCDIR");
    return fz_keep_path(dir != NULL && dir[0] != '\0' ? dir : HS_FUZZ_SRCDIR, rel);
}

/* The fonts make builds (reduced, with the originals as fallbacks), or the
 * originals when make fonts-reduced has not run. */
static inline const char *
fz_fonts_dir(void)
{
    const char *reduced = fz_src("build/fonts");
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/families.conf", reduced);
    return access(probe, R_OK) == 0 ? reduced : fz_src("fonts");
}

static char fz_scratch_dir[256];

static inline void
fz_scratch_remove(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fz_scratch_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", fz_scratch_dir);
}

/* The scratch folder of this process, made on first use. */
static inline const char *
fz_scratch(void)
{
    if (fz_scratch_dir[0] == '\0') {
        const char *tmp = getenv("TMPDIR");
        snprintf(fz_scratch_dir, sizeof fz_scratch_dir, "%s/hoso-fuzz.XXXXXX",
                 tmp && tmp[0] ? tmp : "/tmp");
        if (mkdtemp(fz_scratch_dir) == NULL)
            fz_fail("cannot make a scratch folder in %s", tmp && tmp[0] ? tmp : "/tmp");
        atexit(fz_scratch_remove);
    }
    return fz_scratch_dir;
}

/* scratch/name, kept for the whole run. */
static inline const char *
fz_scratch_path(const char *name)
{
    return fz_keep_path(fz_scratch(), name);
}

static inline void
fz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        fz_fail("cannot write %s", path);
}

/* ---- diagnostics ---- */
typedef struct fz_diags {
    const char *file; /* when set, every error must name this file */
    int errors;
} fz_diags;

static inline void
fz_check_diag(void *user, const hs_diag *d)
{
    fz_diags *c = user;
    const char *m = d->message;
    if (m == NULL || m[0] == '\0')
        fz_fail("a diagnostic without a message");
    if (hs_utf8_invalid_at(m, strlen(m)) != (size_t)-1)
        fz_fail("a message that is not UTF-8: %s", m);
    if (d->severity != HS_SEV_ERROR)
        return;
    c->errors++;
    if (d->loc.file == NULL)
        fz_fail("an error without a file: %s", m);
    if (c->file != NULL && strcmp(d->loc.file, c->file) != 0)
        fz_fail("an error names %s, not %s: %s", d->loc.file, c->file, m);
}

/* A report into c that shows every error to the checks (no limit). */
static inline hs_report
fz_report(fz_diags *c, const char *file)
{
    memset(c, 0, sizeof *c);
    c->file = file;
    hs_report r = {fz_check_diag, c, 0, 1 << 30};
    return r;
}

#endif
