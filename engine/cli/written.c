/* engine/cli/written.c — the files one `hoso render` has written.
 *
 * render names each document as it is made (batch works out every name
 * first, and makes them unique). A second document of the same run whose
 * name is one the run has written (two templates without <name> for one
 * record, two records with the same customer) would replace the first —
 * with --overwrite, silently; it is an error instead, naming both. */
#include "cli/cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct written {
    char *path, *record, *template_path;
    struct written *next;
} written;

static written *head; /* a few per run: a list does */

static char *
dup(const char *s)
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
    written *w = malloc(sizeof *w);
    if (w == NULL)
        abort();
    *w = (written){dup(path), dup(record), dup(template_path), head};
    head = w;
}
