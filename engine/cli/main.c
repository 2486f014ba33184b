/* engine/cli/main.c — the hoso command: `hoso render`, `hoso check`.
 *
 * Exit status: 0 every document made, 1 some document failed (each failure
 * has its reason on stderr as "file:line: error: …"), 2 the command line is
 * wrong. An error never leaves a file behind. */
#include "hoso.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: hoso render --template FILE [options] RECORD.xml...\n"
    "       hoso check  --template FILE [options] RECORD.xml...\n"
    "       hoso --help | --version\n"
    "\n"
    "Render Vietnamese business documents (quotes, contract appendices, acceptance\n"
    "minutes, ...) from XML records through an XML template into PDF.\n"
    "\n"
    "Commands:\n"
    "  render   make one PDF per record\n"
    "  check    do everything render does except write: validate the records and the\n"
    "           template, lay out the pages, and report every problem found\n"
    "\n"
    "Options:\n"
    "  -t, --template FILE   the document template (e.g. templates/quote.xml)\n"
    "  -p, --profile FILE    the issuing company's profile ($profile in templates)\n"
    "  -o, --out PATH        where to write: a .pdf file (one record), a folder\n"
    "                        (an existing one, or a path ending in '/'), or '-' for\n"
    "                        standard output. Default: the current folder. In a\n"
    "                        folder, the file is named by the template's <name>.\n"
    "      --ascii-names     file names in ASCII (\"Bao gia tuy bien Chinh Dai.pdf\")\n"
    "      --fonts DIR       font folder with families.conf (default: $HOSO_FONTS,\n"
    "                        else the fonts/ folder installed with hoso)\n"
    "  -q, --quiet           do not list the files written\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "A record of '-' is read from standard input. SOURCE_DATE_EPOCH, when set, is the\n"
    "creation date written into every PDF; otherwise the template's date is used, and\n"
    "the same input always gives the same bytes.\n"
    "\n"
    "Exit status: 0 all documents made, 1 a document failed, 2 usage error.\n";

typedef struct opts {
    const char *command, *template_path, *profile, *out, *fonts;
    int ascii, quiet;
    char **records;
    int nrecords;
} opts;

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hoso: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'hoso --help'.\n");
    return 2;
}

static int
is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *
find_fonts(const char *given, char *buf, size_t cap)
{
    if (given != NULL)
        return given;
    const char *env = getenv("HOSO_FONTS");
    if (env != NULL && env[0] != '\0')
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL)
            *slash = '\0';
        /* build/hoso, build/<mode>/hoso, and an installed bin/ beside share/ */
        static const char *const rel[] = {"/../fonts", "/../../fonts", "/../share/hoso/fonts"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(buf, cap, "%s%s/families.conf", exe, rel[i]);
            if (access(buf, R_OK) == 0) {
                snprintf(buf, cap, "%s%s", exe, rel[i]);
                return buf;
            }
        }
    }
    return "fonts";
}

static long long
source_date_epoch(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s == NULL || s[0] == '\0')
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < 0) {
        fprintf(stderr, "hoso: SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds; ignored\n",
                s);
        return -1;
    }
    return v;
}

static int
parse(int argc, char **argv, opts *o)
{
    static const struct option longopts[] = {
        {"template", required_argument, NULL, 't'}, {"profile", required_argument, NULL, 'p'},
        {"out", required_argument, NULL, 'o'},      {"fonts", required_argument, NULL, 'F'},
        {"ascii-names", no_argument, NULL, 'A'},    {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},           {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    if (argc >= 2 && argv[1][0] != '-')
        o->command = argv[1];
    int first = o->command ? 2 : 1;
    optind = first;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+t:p:o:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            o->template_path = optarg;
            break;
        case 'p':
            o->profile = optarg;
            break;
        case 'o':
            o->out = optarg;
            break;
        case 'F':
            o->fonts = optarg;
            break;
        case 'A':
            o->ascii = 1;
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'h':
            fputs(usage_text, stdout);
            exit(0);
        case 'V':
            printf("hoso %s\n", hs_version());
            exit(0);
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->records = argv + optind;
    o->nrecords = argc - optind;
    if (o->command == NULL)
        return usage_error("%s", "no command given (render or check)");
    if (strcmp(o->command, "help") == 0) {
        fputs(usage_text, stdout);
        exit(0);
    }
    if (strcmp(o->command, "render") != 0 && strcmp(o->command, "check") != 0)
        return usage_error("unknown command '%s' (render or check)", o->command);
    if (o->template_path == NULL)
        return usage_error("%s", "--template FILE is required");
    if (o->nrecords == 0)
        return usage_error("%s", "no RECORD.xml given");
    if (o->out != NULL && o->nrecords > 1 && !is_dir(o->out) &&
        o->out[strlen(o->out) - 1] != '/')
        return usage_error("--out %s names one file, but several records were given", o->out);
    if (o->out != NULL && strcmp(o->out, "-") == 0 && o->nrecords > 1)
        return usage_error("%s", "--out - writes one document; give one record");
    return 0;
}

/* The path to write a document to; malloc'd, NULL after reporting. */
static char *
target_path(const opts *o, const hs_output *doc, const char *record, hs_report *r)
{
    const char *out = o->out ? o->out : ".";
    size_t n = strlen(out);
    if (!is_dir(out) && out[n - 1] != '/')
        return strdup(out);
    const char *name = doc->name;
    char fallback[PATH_MAX];
    if (name == NULL || name[0] == '\0') {
        /* No <name> in the template: the record's file name. */
        const char *base = strrchr(record, '/');
        snprintf(fallback, sizeof fallback, "%s", base ? base + 1 : record);
        char *dot = strrchr(fallback, '.');
        if (dot != NULL)
            *dot = '\0';
        name = fallback;
    }
    char *file = hs_file_name(name, o->ascii, r);
    if (file == NULL)
        return NULL;
    if (out[n - 1] == '/' && !is_dir(out) && mkdir(out, 0777) != 0 && errno != EEXIST) {
        hs_error(r, (hs_loc){out, 0}, "io", "cannot create the folder: %s", strerror(errno));
        free(file);
        return NULL;
    }
    size_t len = n + strlen(file) + 2;
    char *path = malloc(len);
    if (path == NULL)
        abort();
    snprintf(path, len, "%s%s%s", out, out[n - 1] == '/' ? "" : "/", file);
    free(file);
    return path;
}

static int
write_stdout(const hs_output *doc)
{
    if (fwrite(doc->pdf, 1, doc->len, stdout) != doc->len || fflush(stdout) != 0) {
        fprintf(stderr, "hoso: cannot write to standard output: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc != 0)
        return rc;
    hs_report report = {0};
    report.limit = 20;
    char fonts_buf[PATH_MAX + 32];
    hs_engine *e = hs_engine_new(find_fonts(o.fonts, fonts_buf, sizeof fonts_buf), &report);
    if (e == NULL)
        return 1;
    long long sde = source_date_epoch();
    int failed = 0;
    for (int i = 0; i < o.nrecords; i++) {
        hs_job job = {o.template_path, o.records[i], NULL, o.profile, sde, 0};
        hs_output doc;
        report.errors = 0;
        if (hs_render(e, &job, &report, &doc) != 0) {
            failed++;
            continue;
        }
        if (strcmp(o.command, "check") == 0) {
            if (!o.quiet)
                fprintf(stderr, "%s: ok, %d page%s\n", o.records[i], doc.pages,
                        doc.pages == 1 ? "" : "s");
        } else if (o.out != NULL && strcmp(o.out, "-") == 0) {
            if (write_stdout(&doc) != 0)
                failed++;
        } else {
            char *path = target_path(&o, &doc, o.records[i], &report);
            if (path == NULL || hs_write_atomic(path, doc.pdf, doc.len, &report) != 0)
                failed++;
            else if (!o.quiet)
                printf("%s\n", path);
            free(path);
        }
        hs_output_free(&doc);
    }
    hs_engine_free(e);
    return failed ? 1 : 0;
}
