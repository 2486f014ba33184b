/* engine/out/digest.c — what a file holds, in a few bytes: --resume renders
 * a document again unless every file it read is what it was. Its modification
 * time says too little: `cp -p`, a restored backup, `git checkout` of an older
 * version or `touch -d` give an edited file an old time.
 *
 * zlib's CRC-32 and Adler-32 of the bytes and their count: an edit that
 * leaves all three as they were by chance is out of reach for files that
 * people edit (no one forges a record against their own batch). */
#include "out/out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

int
hs_out_digest(const char *path, char *buf)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return -1;
    }
    unsigned char b[65536];
    uLong crc = crc32(0L, Z_NULL, 0), adler = adler32(0L, Z_NULL, 0);
    unsigned long long n = 0;
    for (;;) {
        ssize_t got = read(fd, b, sizeof b);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            close(fd);
            return -1;
        }
        if (got == 0)
            break;
        crc = crc32(crc, b, (uInt)got);
        adler = adler32(adler, b, (uInt)got);
        n += (unsigned long long)got;
    }
    close(fd);
    snprintf(buf, HS_OUT_DIGEST_LEN + 1, "%08lx%08lx%016llx", crc & 0xffffffffUL,
             adler & 0xffffffffUL, n);
    return 0;
}
