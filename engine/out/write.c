/* engine/out/write.c — a reader never sees half a PDF, and a name never
 * lands on another file: write a hidden temporary file in the target's
 * folder (so the move stays on one file system), fsync it, move it into
 * place without replacing anything hoso does not own, fsync the folder. Any
 * failure removes the temporary file. */
#define _GNU_SOURCE /* renameat2 */
#include "out/out.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

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

/* The folder part of path ("." for a bare name), into buf. */
static void
dir_of(const char *path, char *buf, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        snprintf(buf, cap, ".");
    else if (slash == path)
        snprintf(buf, cap, "/");
    else
        snprintf(buf, cap, "%.*s", (int)(slash - path), path);
}

int
hs_out_sync_dir(const char *path, hs_report *r)
{
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int e = fd < 0 ? errno : 0;
    /* EINVAL: a file system that cannot sync a folder (some FUSE ones) */
    if (fd >= 0 && fsync(fd) != 0 && errno != EINVAL)
        e = errno;
    if (fd >= 0)
        close(fd);
    if (e != 0)
        return hs_error(r, (hs_loc){dir, 0}, HS_CODE_IO, "cannot sync the folder: %s", strerror(e));
    return 0;
}

int
hs_out_install(const char *tmp, const char *path, const char *owner, int flags, hs_report *r)
{
    hs_loc loc = {path, 0};
    int e = 0;
    if (flags & HS_OUT_REPLACE) {
        if (rename(tmp, path) != 0)
            e = errno;
    } else if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0) {
        return 0;
    } else if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
        /* no RENAME_NOREPLACE here: link() is exclusive too */
        if (link(tmp, path) == 0)
            return unlink(tmp), 0;
        e = errno;
    } else {
        e = errno;
    }
    if (e == EEXIST && !(flags & HS_OUT_REPLACE)) {
        struct stat sb;
        int is_file = lstat(path, &sb) == 0 && S_ISREG(sb.st_mode);
        int mine = is_file && owner != NULL && !(flags & HS_OUT_OVERWRITE)
                       ? hs_out_marked(path, owner)
                       : 0;
        if (mine < 0) {
            e = errno;
            unlink(tmp);
            return hs_error(r, loc, HS_CODE_IO, "cannot read the file under this name: %s",
                            strerror(e));
        }
        if (is_file && ((flags & HS_OUT_OVERWRITE) || mine)) {
            if (rename(tmp, path) == 0)
                return 0;
            e = errno;
        } else {
            unlink(tmp);
            return hs_error(r, loc, HS_CODE_EXISTS,
                            is_file ? "a file hoso did not make for this record and template has "
                                      "this name; it is left as it is (--overwrite replaces it)"
                                    : "this name is taken by something that is not a file; it is "
                                      "left as it is");
        }
    }
    if (e != 0) {
        unlink(tmp);
        return hs_error(r, loc, HS_CODE_IO, "cannot move the document into place: %s", strerror(e));
    }
    return 0;
}

int
hs_out_write(const char *path, const void *data, size_t len, const char *owner, int flags,
             hs_report *r)
{
    hs_loc loc = {path, 0};
    char dir[4096];
    dir_of(path, dir, sizeof dir);
    size_t n = strlen(dir);
    char *tmp = malloc(n + 216);
    if (tmp == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    char prefix[200];
    hs_out_temp_prefix(prefix, sizeof prefix);
    snprintf(tmp, n + sizeof prefix + 16, "%s/%sXXXXXX.part", dir, prefix);
    /* a stop signal between the file's creation and its name in pending
     * would leave the file behind: none is taken in between */
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGHUP);
    sigaddset(&stop, SIGALRM);
    sigprocmask(SIG_BLOCK, &stop, &old);
    int fd = mkstemps(tmp, 5);
    if (fd >= 0 && strlen(tmp) < sizeof pending) {
        memcpy(pending, tmp, strlen(tmp) + 1);
        pending_set = 1;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return hs_error(r, loc, HS_CODE_IO, "cannot create a file here: %s", strerror(e));
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
     * user creates: the umask decides. */
    mode_t mask = umask(0);
    umask(mask);
    if (e == 0 && fchmod(fd, 0666 & ~mask) != 0)
        e = errno;
    if (e == 0 && !(flags & HS_OUT_NO_SYNC) && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    int rc = 0;
    if (e != 0) {
        unlink(tmp);
        rc = hs_error(r, loc, HS_CODE_IO, "cannot write: %s", strerror(e));
    } else if (hs_out_install(tmp, path, owner, flags, r) != 0) {
        rc = -1;
    } else if (!(flags & HS_OUT_NO_SYNC)) {
        rc = hs_out_sync_dir(path, r);
    }
    pending_set = 0;
    free(tmp);
    return rc;
}
