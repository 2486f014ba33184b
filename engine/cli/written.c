/* engine/cli/written.c — the files one `hoso render` has written.
 *
 * render names each document as it is made (batch works out every name
 * first, and makes them unique). A second document of the same run whose
 * name is one the run has written (two templates without <name> for one
 * record, two records with the same customer) would replace the first —
 * with --overwrite, silently; it is an error instead, naming both.
 *
 * The watchdog starts the process again (execv) past a document it stopped;
 * the list goes along in a memory file whose descriptor stays open across
 * exec, "PATH\0RECORD\0TEMPLATE\0" a document, appended as each is written
 * (the handler itself only calls execv). */
#define _GNU_SOURCE /* memfd_create */
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct written {
    char *path, *record, *template_path;
    struct written *next;
} written;

static written *head; /* a few per run: a list does */
static int carrier = -1;

static char *
dup_str(const char *s)
{
    char *d = strdup(s);
    if (d == NULL)
        abort();
    return d;
}

/* One file, however spelt ("./a.xml", a symbolic link, the absolute path). */
static int
same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (strcmp(a, b) == 0)
        return 1;
    return realpath(a, ra) != NULL && realpath(b, rb) != NULL && strcmp(ra, rb) == 0;
}

/* The same record and template files: the same document (its mark is the same). */
static int
same_document(const written *w, const char *record, const char *template_path)
{
    return same_file(w->record, record) && same_file(w->template_path, template_path);
}

static void
push(const char *path, const char *record, const char *template_path)
{
    written *w = malloc(sizeof *w);
    if (w == NULL)
        abort();
    *w = (written){dup_str(path), dup_str(record), dup_str(template_path), head};
    head = w;
}

int
hs_cli_written_by(const char *path, const char *record, const char *template_path, char *who,
                  size_t cap)
{
    for (const written *w = head; w != NULL; w = w->next)
        if (strcmp(w->path, path) == 0) {
            if (same_document(w, record, template_path))
                return 0; /* the same document again (however spelt): its own file */
            snprintf(who, cap, "%s × %s", w->record, w->template_path);
            return 1;
        }
    return 0;
}

void
hs_cli_wrote(const char *path, const char *record, const char *template_path)
{
    push(path, record, template_path);
    if (carrier < 0)
        return;
    size_t a = strlen(path) + 1, b = strlen(record) + 1, c = strlen(template_path) + 1;
    char *line = malloc(a + b + c);
    if (line == NULL)
        abort();
    memcpy(line, path, a), memcpy(line + a, record, b), memcpy(line + a + b, template_path, c);
    for (size_t off = 0, n = a + b + c; off < n;) {
        ssize_t k = write(carrier, line + off, n - off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) { /* a memory file: only out of memory */
            fprintf(stderr, "hoso: cannot keep the list of the files written: %s\n",
                    k < 0 ? strerror(errno) : "short write");
            exit(1);
        }
        off += (size_t)k;
    }
    free(line);
}

int
hs_cli_written_carrier(void)
{
    if (carrier >= 0)
        return carrier;
    /* no MFD_CLOEXEC: the new start inherits it */
    carrier = memfd_create("hoso-written", 0);
    return carrier; /* set up before the first document: nothing to copy into it */
}

int
hs_cli_written_resume(int fd)
{
    off_t end = lseek(fd, 0, SEEK_END);
    if (end < 0 || end > (off_t)1 << 30)
        return -1;
    char *all = malloc((size_t)end + 1);
    if (all == NULL)
        abort();
    if (pread(fd, all, (size_t)end, 0) != (ssize_t)end) {
        free(all);
        return -1;
    }
    all[end] = '\0';
    int rc = 0;
    char *fields[3];
    int nf = 0;
    for (char *p = all; p < all + end; p += strlen(p) + 1) {
        fields[nf++] = p;
        if (nf == 3)
            push(fields[0], fields[1], fields[2]), nf = 0;
    }
    if (nf != 0)
        rc = -1; /* cut short: not a list this hoso wrote */
    free(all);
    carrier = fd; /* the new start goes on appending */
    return rc;
}
