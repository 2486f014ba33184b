/* engine/cli/dump.c — `hoso dump`: one stage's output as text on stdout.
 *
 *   hoso dump --stage=tpl   -t TEMPLATE
 *   hoso dump --stage=doc   -t TEMPLATE [-p PROFILE] RECORD.xml
 *   hoso dump --stage=pages -t TEMPLATE [-p PROFILE] RECORD.xml
 *
 * The golden tests (tests/golden/) compare these dumps with committed
 * files, so a change in what a stage makes shows as a readable diff.
 * Exit status: 0 dumped, 1 the document failed (reasons on stderr), 2 the
 * command line is wrong. */
#include "hoso.h"

#include "cli/cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char dump_usage[] =
    "Usage: hoso dump --stage=tpl|doc|pages --template FILE [options] [RECORD.xml]\n"
    "\n"
    "Print one stage's output as text, for tests and for reading: the compiled\n"
    "template (tpl: no record), the document tree after evaluation (doc), or the\n"
    "laid-out pages with every item's position in points (pages).\n"
    "\n"
    "Options:\n"
    "      --stage STAGE     tpl, doc or pages\n"
    "  -t, --template FILE   the document template\n"
    "  -p, --profile FILE    the issuing company's profile ($profile in templates)\n"
    "      --fonts DIR       font folder with families.conf (default: $HOSO_FONTS,\n"
    "                        else the fonts/ folder installed with hoso)\n"
    "      --no-strict       path steps need not be in the record (or profile)\n"
    "                        schema (by default they must: --strict)\n"
    "  -h, --help            show this help\n";

static void
stderr_sink(void *user, const hs_diag *d)
{
    (void)user;
    char line[2048];
    hs_diag_format(d, line, sizeof line);
    char *safe = hs_escape(line);
    fprintf(stderr, "%s\n", safe);
    free(safe);
}

static int usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hoso dump: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'hoso dump --help'.\n");
    va_end(ap);
    return 2;
}

int
hs_cli_dump(int argc, char **argv)
{
    enum { OPT_STAGE = 256, OPT_FONTS, OPT_STRICT, OPT_NO_STRICT };
    static const struct option longopts[] = {{"stage", required_argument, NULL, OPT_STAGE},
                                             {"template", required_argument, NULL, 't'},
                                             {"profile", required_argument, NULL, 'p'},
                                             {"fonts", required_argument, NULL, OPT_FONTS},
                                             {"strict", no_argument, NULL, OPT_STRICT},
                                             {"no-strict", no_argument, NULL, OPT_NO_STRICT},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *stage_name = NULL, *tpl = NULL, *profile = NULL, *fonts = NULL;
    int strict = 1, c;
    optind = 2;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":t:p:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_STAGE:
            stage_name = optarg;
            break;
        case 't':
            tpl = optarg;
            break;
        case 'p':
            profile = optarg;
            break;
        case OPT_FONTS:
            fonts = optarg;
            break;
        case OPT_STRICT:
            strict = 1;
            break;
        case OPT_NO_STRICT:
            strict = 0;
            break;
        case 'h':
            fputs(dump_usage, stdout);
            return 0;
        case ':':
            return usage("%s needs a value", argv[optind - 1]);
        default:
            return usage("unknown option %s", argv[optind - 1]);
        }
    }
    hs_stage stage;
    if (stage_name == NULL)
        return usage("give --stage=tpl, doc or pages");
    else if (strcmp(stage_name, "tpl") == 0)
        stage = HS_STAGE_TPL;
    else if (strcmp(stage_name, "doc") == 0)
        stage = HS_STAGE_DOC;
    else if (strcmp(stage_name, "pages") == 0)
        stage = HS_STAGE_PAGES;
    else
        return usage("unknown stage '%s' (tpl, doc or pages)", stage_name);
    if (tpl == NULL)
        return usage("give the template with --template");
    int operands = argc - optind;
    if (stage == HS_STAGE_TPL && operands != 0)
        return usage("--stage=tpl takes no record (%s)", argv[optind]);
    if (stage != HS_STAGE_TPL && operands != 1)
        return usage("--stage=%s takes one record", stage_name);
    char fonts_buf[PATH_MAX + 32];
    hs_engine *e = hs_engine_new(
        hs_cli_find_dir(fonts, "HOSO_FONTS", "fonts", "families.conf", fonts_buf, sizeof fonts_buf),
        stderr_sink, NULL);
    if (e == NULL)
        return 1;
    hs_job *job = hs_job_new(tpl, stage == HS_STAGE_TPL ? NULL : argv[optind]);
    if (job == NULL) {
        hs_engine_free(e);
        fprintf(stderr, "hoso dump: out of memory\n");
        return 1;
    }
    hs_job_set_profile(job, profile);
    hs_job_set_source_date_epoch(job, hs_cli_source_date_epoch());
    hs_job_set_strict(job, strict);
    char *text = NULL;
    int rc = hs_dump(e, job, stage, &text);
    hs_job_free(job);
    if (rc == 0 && (fputs(text, stdout) == EOF || fflush(stdout) != 0)) {
        fprintf(stderr, "hoso dump: cannot write to standard output\n");
        rc = -1;
    }
    free(text);
    hs_engine_free(e);
    return rc == 0 ? 0 : 1;
}
