/* examples/embed.c — a program that embeds hoso's engine: one record through
 * one template into a PDF file, with hoso.h and libhoso.a only.
 *
 *   cc embed.c $(pkg-config --cflags --libs hoso) -o embed
 *   ./embed FONTS_DIR TEMPLATE RECORD PROFILE OUT.pdf
 *
 * Every diagnostic comes to say() below, as data; the engine itself prints
 * nothing. Exit status 0: written; 1: not (the reasons are on stderr). */
#include <hoso.h>

#include <stdio.h>
#include <stdlib.h>

typedef struct said {
    int errors;
} said;

/* The engine's diagnostics: each on stderr as "file:line: error: … [code]",
 * escaped (a record's text or a file name cannot forge a line). */
static void
say(void *user, const hs_diag *d)
{
    said *s = user;
    char line[2048];
    hs_diag_format(d, line, sizeof line);
    char *safe = hs_escape(line);
    fprintf(stderr, "%s\n", safe);
    free(safe);
    if (d->severity == HS_SEV_ERROR)
        s->errors++;
}

static void
fatal(const char *message)
{
    fprintf(stderr, "embed: fatal: %s\n", message);
}

int
main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: embed FONTS_DIR TEMPLATE RECORD PROFILE OUT.pdf\n");
        return 2;
    }
    hs_set_fatal_handler(fatal);
    said s = {0};
    hs_engine *e = hs_engine_new(argv[1], say, &s);
    if (e == NULL)
        return 1;
    hs_job *job = hs_job_new(argv[2], argv[3]);
    if (job == NULL) {
        hs_engine_free(e);
        return 1;
    }
    hs_job_set_profile(job, argv[4]);
    hs_job_set_source_date_epoch(job, 1624406400); /* the same bytes on every run */
    hs_output out;
    int rc = hs_render(e, job, &out);
    if (rc == 0) {
        rc = hs_write_document(e, argv[5], &out, argv[3], argv[2], HS_WRITE_REPLACE);
        if (rc == 0)
            printf("%s: %d page%s, %zu bytes, named \"%s\"\n", argv[5], out.pages,
                   out.pages == 1 ? "" : "s", out.len, out.name ? out.name : "");
        hs_output_free(&out);
    }
    hs_job_free(job);
    hs_engine_free(e);
    /* a failure has said why: at least one error came to say() */
    return rc == 0 && s.errors == 0 ? 0 : 1;
}
