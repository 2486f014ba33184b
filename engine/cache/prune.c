/* engine/cache/prune.c — the cache folder kept under its size: entries for
 * novel glyph sets would otherwise grow it without end. When the entries
 * hold more than max bytes, the least recently used (oldest modification
 * time: a hit sets it) are removed until they hold three quarters of it.
 * Temporary files a killed writer left are removed after an hour. Never
 * an error: another
 * process may prune, read or write at the same time (a removed entry is a
 * miss to its reader, which has it open or not). */
#include "cache/cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"

typedef struct file {
    char name[40];
    struct timespec mtime;
    uint64_t size;
} file;

static int
older_first(const void *a, const void *b)
{
    const file *x = a, *y = b;
    if (x->mtime.tv_sec != y->mtime.tv_sec)
        return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
    if (x->mtime.tv_nsec != y->mtime.tv_nsec)
        return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* ".tmp-PID-N", as hs_cache_put names them: nothing else of a folder that
 * HOSO_CACHE names is removed */
static int
is_temp(const char *name)
{
    if (strncmp(name, ".tmp-", 5) != 0)
        return 0;
    int dashes = 0;
    for (const char *c = name + 5; *c; c++) {
        if (*c == '-')
            dashes++;
        else if (*c < '0' || *c > '9')
            return 0;
    }
    return dashes == 1;
}

static int
is_entry(const char *name)
{
    size_t n = strlen(name);
    if (n != 35 || strcmp(name + 32, ".hc") != 0)
        return 0;
    for (int i = 0; i < 32; i++)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
            return 0;
    return 1;
}

void
hs_cache_prune(const char *dir, uint64_t max)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (dfd >= 0 && fstat(dfd, &st) == 0 && st.st_uid == geteuid() && (st.st_mode & 022) == 0)
        hs_cache_prune_at(dfd, max);
    if (dfd >= 0)
        close(dfd);
}

void
hs_cache_prune_at(int dir_fd, uint64_t max)
{
    /* a descriptor of its own for the listing (closedir closes it), read
     * from the start: a dup shares the folder's offset */
    int dfd = dup(dir_fd);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (d == NULL) {
        if (dfd >= 0)
            close(dfd);
        return;
    }
    rewinddir(d);
    file *files = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        int entry = is_entry(de->d_name);
        if ((!entry && !is_temp(de->d_name)) ||
            fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (!entry) {
            if (now - st.st_mtim.tv_sec > 3600)
                (void)unlinkat(dfd, de->d_name, 0);
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            files = realloc(files, cap * sizeof *files);
            if (files == NULL)
                hs_fatal_at(__FILE__, __LINE__, "out of memory");
        }
        memcpy(files[n].name, de->d_name, 36);
        files[n].mtime = st.st_mtim;
        files[n].size = (uint64_t)st.st_size;
        total += files[n].size;
        n++;
    }
    if (total > max) {
        qsort(files, n, sizeof *files, older_first);
        for (size_t i = 0; i < n && total > max / 4 * 3; i++)
            if (unlinkat(dfd, files[i].name, 0) == 0)
                total -= files[i].size;
    }
    free(files);
    closedir(d);
}
