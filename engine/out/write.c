/* engine/out/write.c — a reader never sees half a PDF: write a temporary file
 * in the target's folder (so the rename stays on one file system), then rename
 * it over the target. Any failure removes the temporary file. */
#include "out/out.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file being written, for hs_out_abandon from a signal
 * handler: a file name in static storage, cleared when the file is gone. */
static char pending[4096];
static volatile sig_atomic_t pending_set;

void
hs_out_abandon(void)
{
    if (pending_set)
        unlink(pending); /* async-signal-safe */
    pending_set = 0;
}

int
hs_out_write(const char *path, const void *data, size_t len, hs_report *r)
{
    hs_loc loc = {path, 0};
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (tmp == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    /* ".name.pdf.XXXXXX" would be neater, but beside the target is enough. */
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return hs_error(r, loc, "io", "cannot create a file here: %s", strerror(e));
    }
    if (strlen(tmp) < sizeof pending) {
        memcpy(pending, tmp, strlen(tmp) + 1);
        pending_set = 1;
    }
    const char *p = data;
    size_t left = len;
    int e = 0;
#ifdef HS_TEST_HOOKS
    /* Tests of a full file system: half the file is written, then ENOSPC. */
    if (getenv("HOSO_TEST_ENOSPC") != NULL) {
        left /= 2;
        while (left > 0 && e == 0) {
            ssize_t w = write(fd, p, left);
            if (w <= 0)
                break;
            p += w, left -= (size_t)w;
        }
        e = ENOSPC;
    }
#endif
    while (left > 0 && e == 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            e = w < 0 ? errno : EIO;
        else
            p += w, left -= (size_t)w;
    }
    /* mkstemp makes the file 0600; a document is as readable as any file the
     * user creates. */
    mode_t mask = umask(0);
    umask(mask);
    if (e == 0 && fchmod(fd, 0666 & ~mask) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e == 0 && rename(tmp, path) != 0)
        e = errno;
    if (e != 0)
        unlink(tmp);
    pending_set = 0;
    free(tmp);
    if (e != 0)
        return hs_error(r, loc, "io", "cannot write: %s", strerror(e));
    return 0;
}
