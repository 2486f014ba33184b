/* engine/out/digest.c — what a file holds, in a few bytes: --resume renders
 * a document again unless every file it read is what it was. Its modification
 * time says too little: `cp -p`, a restored backup, `git checkout` of an older
 * version or `touch -d` give an edited file an old time.
 *
 * XXH3-128 of the bytes (base/digest.c): an edit that leaves it as it was by
 * chance is out of reach (and no one forges a record against their own
 * batch). */
#include "out/out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The digests this process made lately, the most recent first: a batch's
 * worker reads the template, its parts, the profile and the logo for every
 * document. An entry serves while the file is the same inode with the same
 * size, modification and change times: any write, touch -d, cp -p or rename
 * over it gives it a new change time, which no one can set back. */
#define KEPT 32
static struct kept {
    char *path;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
    char digest[HS_OUT_DIGEST_LEN + 1];
} kept[KEPT];
static int nkept;

static int
same_stat(const struct kept *k, const struct stat *sb)
{
    return k->dev == sb->st_dev && k->ino == sb->st_ino && k->size == sb->st_size &&
           k->mtime.tv_sec == sb->st_mtim.tv_sec && k->mtime.tv_nsec == sb->st_mtim.tv_nsec &&
           k->ctime.tv_sec == sb->st_ctim.tv_sec && k->ctime.tv_nsec == sb->st_ctim.tv_nsec;
}

/* Entry i to the front. */
static void
to_front(int i)
{
    struct kept k = kept[i];
    memmove(kept + 1, kept, (size_t)i * sizeof *kept);
    kept[0] = k;
}

static void
keep(const char *path, const struct stat *sb, const char *digest)
{
    if (nkept == KEPT)
        free(kept[--nkept].path); /* the least recent */
    char *p = strdup(path);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    kept[nkept] =
        (struct kept){p, sb->st_dev, sb->st_ino, sb->st_size, sb->st_mtim, sb->st_ctim, ""};
    memcpy(kept[nkept].digest, digest, sizeof kept[nkept].digest);
    to_front(nkept++);
}

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
    for (int i = 0; i < nkept; i++)
        if (strcmp(kept[i].path, path) == 0 && same_stat(&kept[i], &sb)) {
            close(fd);
            memcpy(buf, kept[i].digest, HS_OUT_DIGEST_LEN + 1);
            to_front(i);
            return 0;
        }
    unsigned char b[65536];
    hs_digest dg;
    hs_digest_init(&dg);
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
        hs_digest_add(&dg, b, (size_t)got);
    }
    close(fd);
    hs_digest_text(&dg, buf);
    keep(path, &sb, buf);
    return 0;
}

void
hs_out_digest_forget(void)
{
    while (nkept > 0)
        free(kept[--nkept].path);
}
