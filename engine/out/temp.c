/* engine/out/temp.c — the hidden temporary files of documents in progress.
 *
 * They are named ".hoso-HOST-PID-XXXXXX.part": a process killed with SIGKILL
 * cannot remove its own, so the next run on the same host removes those of
 * processes no longer running. The host name keeps the processes of other
 * machines writing to the same shared folder (shards over NFS) out of it. */
#include "out/out.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
host(char *buf, size_t cap)
{
    if (gethostname(buf, cap) != 0)
        snprintf(buf, cap, "host");
    buf[cap - 1] = '\0';
    for (char *p = buf; *p; p++)
        if (*p == '/' || *p == '-' || (unsigned char)*p < 0x21)
            *p = '_';
}

void
hs_out_temp_prefix(char *buf, size_t cap)
{
    char h[128];
    host(h, sizeof h);
    snprintf(buf, cap, ".hoso-%s-%ld-", h, (long)getpid());
}

/* A process of a killed run is reparented; until its new parent reaps it,
 * it is a zombie whose pid still answers kill(pid, 0). */
static int
alive(pid_t pid)
{
    if (kill(pid, 0) != 0 && errno == ESRCH)
        return 0;
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 1; /* no /proc: assume the worst, keep the file */
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *close_paren = strrchr(buf, ')'); /* "pid (comm) S ..." */
    return !(close_paren != NULL && close_paren[1] == ' ' && close_paren[2] == 'Z');
}

void
hs_out_sweep(const char *dir)
{
    char h[128], mine[160];
    host(h, sizeof h);
    int ml = snprintf(mine, sizeof mine, ".hoso-%s-", h);
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        long pid;
        size_t len = strlen(de->d_name);
        if (strncmp(de->d_name, mine, (size_t)ml) != 0 || len < 5 ||
            strcmp(de->d_name + len - 5, ".part") != 0 ||
            sscanf(de->d_name + ml, "%ld-", &pid) != 1 || alive((pid_t)pid))
            continue;
        char *p = malloc(strlen(dir) + len + 2);
        if (p == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        sprintf(p, "%s/%s", dir, de->d_name);
        unlink(p);
        free(p);
    }
    closedir(d);
}
