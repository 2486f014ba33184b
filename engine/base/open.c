/* engine/base/open.c — inputs are regular files, checked before they are
 * read: a FIFO would block the reader forever, a device (/dev/zero) would
 * feed it without end, a folder cannot be parsed. The file is opened
 * without blocking (a FIFO with no writer would hang open() itself), then
 * looked at, then read as usual. */
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *
kind(mode_t m)
{
    return S_ISFIFO(m)   ? "a FIFO (named pipe)"
           : S_ISDIR(m)  ? "a folder"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
                         : "not a regular file";
}

FILE *
hs_fopen_regular(const char *path, const char **why)
{
    static char buf[160];
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(buf, sizeof buf, "cannot open: %s", strerror(errno));
        *why = buf;
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(buf, sizeof buf, "cannot open: %s, not a regular file; refused before reading",
                 fstat(fd, &sb) != 0 ? strerror(errno) : kind(sb.st_mode));
        close(fd);
        *why = buf;
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        snprintf(buf, sizeof buf, "cannot open: %s", strerror(errno));
        close(fd);
        *why = buf;
    }
    return f;
}
