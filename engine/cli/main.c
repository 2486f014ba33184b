/* engine/cli/main.c — the hoso command: `hoso render`, `hoso check`.
 *
 * Exit status: 0 every document made, 1 some document failed (each failure
 * has its reason on stderr as "file:line: error: …"), 2 the command line is
 * wrong. An error never leaves a file behind. */
#include "hoso.h"

#include <errno.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: hoso render --template FILE | --all [options] RECORD.xml...\n"
    "       hoso batch  --template FILE | --all --out DIR [options] INPUT...\n"
    "       hoso check  --template FILE [options] [RECORD.xml...]\n"
    "       hoso help template [--man | --markdown]\n"
    "       hoso --help | --version\n"
    "\n"
    "Render Vietnamese business documents (quotes, contract appendices, acceptance\n"
    "minutes, ...) from XML records through an XML template into PDF.\n"
    "\n"
    "Commands:\n"
    "  render   make one PDF per record\n"
    "  batch    many documents, unattended: each in its own worker process, so that a\n"
    "           crash, a hang or bad data stops only that document; INPUT is a record,\n"
    "           a folder of records, or '-' for a list of paths on standard input\n"
    "  check    do everything render does except write: validate the records and the\n"
    "           template, lay out the pages, and report every problem found; with\n"
    "           no record, check the template and its includes alone\n"
    "  help template   the template vocabulary: every element and attribute\n"
    "\n"
    "Options:\n"
    "  -t, --template FILE   a document template (e.g. templates/quote.xml); may be\n"
    "                        given several times\n"
    "  -a, --all             every template of the templates folder; a document whose\n"
    "                        record lacks a part it needs is skipped, with the reason\n"
    "      --templates DIR   the templates folder for --all (default: $HOSO_TEMPLATES,\n"
    "                        else the templates/ folder installed with hoso)\n"
    "  -p, --profile FILE    the issuing company's profile ($profile in templates)\n"
    "  -o, --out PATH        where to write: a .pdf file (one record), a folder\n"
    "                        (an existing one, or a path ending in '/'), or '-' for\n"
    "                        standard output. Default: the current folder. In a\n"
    "                        folder, the file is named by the template's <name>.\n"
    "      --ascii-names     file names in ASCII (\"Bao gia tuy bien Chinh Dai.pdf\")\n"
    "      --fonts DIR       font folder with families.conf (default: $HOSO_FONTS,\n"
    "                        else the fonts/ folder installed with hoso)\n"
    "  -q, --quiet           do not list the files written\n"
    "      --strict          a path step in the template that names an element or\n"
    "                        attribute the record (or profile) schema does not define\n"
    "                        is an error (customer/adress: did you mean address?)\n"
    "\n"
    "Limits (each document; one past a limit fails with a message, the others go on):\n"
    "      --timeout SEC     stop a document after SEC seconds (default 60; 0: none)\n"
    "      --memory MB       memory for one document (default 1024, at least 16)\n"
    "  Records and templates larger than 64 MiB, nested deeper than 256 elements, or\n"
    "  with a DTD or entities are refused; so are texts over 10,000,000 bytes.\n"
    "\n"
    "Batch options:\n"
    "  -j, --jobs N          worker processes at once (default: the number of cores)\n"
    "      --report FILE     append one JSON line per document (FILE '-': stdout):\n"
    "                        record, template, status, output, pages, bytes, ms, error\n"
    "      --resume FILE     skip the documents an earlier report lists as made\n"
    "      --shard K/N       render only the K-th of N stable shares of the records\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "A record of '-' is read from standard input. SOURCE_DATE_EPOCH, when set, is the\n"
    "creation date written into every PDF; otherwise the template's date is used, and\n"
    "the same input always gives the same bytes.\n"
    "\n"
    "Exit status: 0 all documents made, 1 a document failed, 2 usage error.\n";

#define MAX_TEMPLATES 64

typedef struct opts {
    const char *command, *profile, *out, *fonts, *templates_dir, *help_format;
    const char *templates[MAX_TEMPLATES];
    int ntemplates, all, strict;
    int ascii, quiet;
    /* batch */
    int jobs, shard_k, shard_n;
    double timeout_s, memory_mb;
    const char *report, *resume;
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

/* A folder installed with hoso: the option, else the environment variable,
 * else beside the executable (build/fonts for build/hoso: the reduced fonts;
 * the parent folders for build/<mode>/hoso and a source tree; share/hoso/
 * beside bin/), else the current folder's. probe is a file it must hold. */
static const char *
find_dir(const char *given, const char *env_name, const char *name, const char *probe, char *buf,
         size_t cap)
{
    if (given != NULL)
        return given;
    const char *env = getenv(env_name);
    if (env != NULL && env[0] != '\0')
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL)
            *slash = '\0';
        static const char *const rel[] = {"", "/..", "/../..", "/../share/hoso"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(buf, cap, "%s%s/%s/%s", exe, rel[i], name, probe);
            if (access(buf, R_OK) == 0) {
                snprintf(buf, cap, "%s%s/%s", exe, rel[i], name);
                return buf;
            }
        }
    }
    return name;
}

/* --all: every template (*.xml with a <document>) directly in the folder. */
static int
add_all_templates(opts *o, const char *dir)
{
    char pattern[PATH_MAX];
    snprintf(pattern, sizeof pattern, "%s/*.xml", dir);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0) {
        fprintf(stderr, "hoso: no templates in %s (set --templates DIR)\n", dir);
        return -1;
    }
    for (size_t i = 0; i < g.gl_pathc && o->ntemplates < MAX_TEMPLATES; i++)
        o->templates[o->ntemplates++] = strdup(g.gl_pathv[i]);
    globfree(&g);
    return 0;
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
        fprintf(stderr, "hoso: SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds; ignored\n", s);
        return -1;
    }
    return v;
}

static int
parse(int argc, char **argv, opts *o)
{
    static const struct option longopts[] = {{"template", required_argument, NULL, 't'},
                                             {"profile", required_argument, NULL, 'p'},
                                             {"out", required_argument, NULL, 'o'},
                                             {"fonts", required_argument, NULL, 'F'},
                                             {"ascii-names", no_argument, NULL, 'A'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"all", no_argument, NULL, 'a'},
                                             {"templates", required_argument, NULL, 'T'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"timeout", required_argument, NULL, 'W'},
                                             {"memory", required_argument, NULL, 'M'},
                                             {"report", required_argument, NULL, 'R'},
                                             {"resume", required_argument, NULL, 'S'},
                                             {"shard", required_argument, NULL, 'K'},
                                             {"strict", no_argument, NULL, 'X'},
                                             {"man", no_argument, NULL, 'N'},
                                             {"markdown", no_argument, NULL, 'D'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->timeout_s = 60;
    o->memory_mb = 1024;
    if (argc >= 2 && argv[1][0] != '-')
        o->command = argv[1];
    int first = o->command ? 2 : 1;
    optind = first;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+t:p:o:aj:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            if (o->ntemplates == MAX_TEMPLATES)
                return usage_error("more than %d templates", MAX_TEMPLATES);
            o->templates[o->ntemplates++] = optarg;
            break;
        case 'a':
            o->all = 1;
            break;
        case 'T':
            o->templates_dir = optarg;
            break;
        case 'j':
            o->jobs = atoi(optarg);
            if (o->jobs < 1 || o->jobs > 256)
                return usage_error("-j %s: expected 1 to 256 workers", optarg);
            break;
        case 'W':
            o->timeout_s = atof(optarg);
            if (o->timeout_s < 0)
                return usage_error("--timeout %s: expected seconds", optarg);
            break;
        case 'M':
            o->memory_mb = atof(optarg);
            if (o->memory_mb < 16)
                return usage_error("--memory %s: expected megabytes, at least 16", optarg);
            break;
        case 'R':
            o->report = optarg;
            break;
        case 'S':
            o->resume = optarg;
            break;
        case 'K':
            if (sscanf(optarg, "%d/%d", &o->shard_k, &o->shard_n) != 2 || o->shard_n < 1 ||
                o->shard_k < 1 || o->shard_k > o->shard_n)
                return usage_error("--shard %s: expected K/N with 1 <= K <= N", optarg);
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
        case 'X':
            o->strict = 1;
            break;
        case 'N':
            o->help_format = "man";
            break;
        case 'D':
            o->help_format = "markdown";
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
        return usage_error("%s", "no command given (render, batch or check)");
    if (strcmp(o->command, "help") == 0) {
        if (o->nrecords >= 1 && strcmp(o->records[0], "template") == 0) {
            const char *format = o->help_format ? o->help_format : "text";
            for (int i = 1; i < o->nrecords; i++)
                format = strcmp(o->records[i], "--man") == 0        ? "man"
                         : strcmp(o->records[i], "--markdown") == 0 ? "markdown"
                                                                    : o->records[i];
            if (hs_print_template_reference(format, stdout) != 0)
                return usage_error("help template %s: expected --man or --markdown", format);
            exit(0);
        }
        fputs(usage_text, stdout);
        exit(0);
    }
    if (strcmp(o->command, "render") != 0 && strcmp(o->command, "check") != 0 &&
        strcmp(o->command, "batch") != 0)
        return usage_error("unknown command '%s' (render, batch or check)", o->command);
    if (strcmp(o->command, "batch") == 0 && o->out == NULL)
        return usage_error("%s", "batch needs --out DIR");
    if (strcmp(o->command, "batch") != 0 && (o->jobs || o->report || o->resume || o->shard_n))
        return usage_error("%s", "-j, --report, --resume and --shard belong to hoso batch");
    if (o->ntemplates == 0 && !o->all)
        return usage_error("%s", "--template FILE (or --all) is required");
    if (o->nrecords == 0 && strcmp(o->command, "check") != 0)
        return usage_error("%s", "no RECORD.xml given");
    if (strcmp(o->command, "batch") == 0)
        return 0;
    int several = o->nrecords > 1 || o->ntemplates > 1 || o->all;
    if (o->out != NULL && several && !is_dir(o->out) && o->out[strlen(o->out) - 1] != '/')
        return usage_error("--out %s names one file, but several documents are asked for", o->out);
    if (o->out != NULL && strcmp(o->out, "-") == 0 && several)
        return usage_error("%s", "--out - writes one document; give one record and one template");
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

/* Diagnostics of one document are held until it is done: with --all, a
 * template whose required part the record lacks is a skip, said in one
 * line, not a failure. */
typedef struct held {
    char text[8192];
    size_t len;
    int missing_only, any;
    char first_missing[512];
} held;

static void
held_sink(void *user, const hs_diag *d)
{
    held *h = user;
    char line[1024];
    hs_diag_format(d, line, sizeof line);
    if (d->severity == HS_SEV_ERROR) {
        if (!h->any)
            h->missing_only = 1;
        h->any = 1;
        if (strcmp(d->code, "missing") != 0)
            h->missing_only = 0;
        else if (h->first_missing[0] == '\0')
            snprintf(h->first_missing, sizeof h->first_missing, "%s", d->message);
    }
    size_t n = strlen(line);
    if (h->len + n + 2 < sizeof h->text) {
        memcpy(h->text + h->len, line, n);
        h->len += n;
        h->text[h->len++] = '\n';
        h->text[h->len] = '\0';
    }
}

/* Print what was held (or, for a skip, one line), and start afresh. */
static void
release(held *h, int skip_missing, const char *what)
{
    if (skip_missing && h->missing_only)
        fprintf(stderr, "skipped: %s: %s\n", what, h->first_missing);
    else if (h->len > 0)
        fputs(h->text, stderr);
    memset(h, 0, sizeof *h);
}

static int
one_document(hs_engine *e, const opts *o, const hs_job *job, hs_report *report, held *h,
             int from_all)
{
    hs_output doc;
    report->errors = 0;
    int rc = hs_render(e, job, report, &doc);
    if (rc != 0) {
        char what[PATH_MAX * 2];
        snprintf(what, sizeof what, "%s × %s", job->record_path, job->template_path);
        int skip = from_all && h->missing_only;
        release(h, from_all, what);
        return skip ? 0 : -1;
    }
    if (strcmp(o->command, "check") == 0) {
        if (!o->quiet)
            fprintf(stderr, "%s: ok, %d page%s\n", job->record_path, doc.pages,
                    doc.pages == 1 ? "" : "s");
    } else if (o->out != NULL && strcmp(o->out, "-") == 0) {
        rc = write_stdout(&doc);
    } else {
        char *path = target_path(o, &doc, job->record_path, report);
        if (path == NULL || hs_write_atomic(path, doc.pdf, doc.len, report) != 0)
            rc = -1;
        else if (!o->quiet)
            printf("%s\n", path);
        free(path);
    }
    release(h, 0, NULL);
    hs_output_free(&doc);
    return rc;
}

/* The engine stops a document past its time limit at its next allocation;
 * the watchdog is for work that does not allocate (one XPath expression
 * churning inside libxml2): a while after the limit it ends the process with
 * a message, before anything of that document has been written. */
static char watchdog_msg[1024];
static size_t watchdog_len;

static void
watchdog_fire(int sig)
{
    (void)sig;
    ssize_t w = write(STDERR_FILENO, watchdog_msg, watchdog_len);
    (void)w;
    _exit(1);
}

static void
watchdog_arm(const char *record, const char *tpl, double seconds)
{
    if (record == NULL || seconds <= 0) {
        alarm(0);
        return;
    }
    unsigned grace = (unsigned)seconds + 2 + (unsigned)(seconds / 10);
    int n = snprintf(watchdog_msg, sizeof watchdog_msg,
                     "%s: error: took longer than %g s in one computation and the process was "
                     "stopped (template %s) [limit]\n",
                     record, seconds, tpl);
    watchdog_len = n < 0                             ? 0
                   : (size_t)n < sizeof watchdog_msg ? (size_t)n
                                                     : sizeof watchdog_msg - 1;
    signal(SIGALRM, watchdog_fire);
    alarm(grace);
}

/* SIGTERM, SIGINT, SIGHUP during render: no partial file is left behind. */
static void
on_stop(int sig)
{
    hs_write_abandon();
    signal(sig, SIG_DFL);
    raise(sig);
}

int
main(int argc, char **argv)
{
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc != 0)
        return rc;
    char fonts_buf[PATH_MAX + 32], tpl_buf[PATH_MAX + 32];
    int first_all = o.ntemplates;
    if (o.all && add_all_templates(&o, find_dir(o.templates_dir, "HOSO_TEMPLATES", "templates",
                                                "quote.xml", tpl_buf, sizeof tpl_buf)) != 0)
        return 1;
    held h = {0};
    hs_report report = {held_sink, &h, 0, 20};
    hs_engine *e = hs_engine_new(
        find_dir(o.fonts, "HOSO_FONTS", "fonts", "families.conf", fonts_buf, sizeof fonts_buf),
        &report);
    release(&h, 0, NULL);
    if (e == NULL)
        return 1;
    long long sde = source_date_epoch();
    hs_engine_say_record_errors_once(e, 1);
    if (strcmp(o.command, "check") == 0 && o.nrecords == 0) {
        /* the templates alone, no record */
        int bad = 0;
        for (int t = 0; t < o.ntemplates; t++) {
            report.errors = 0;
            if (hs_check_template(e, o.templates[t], o.strict, &report) != 0)
                bad++;
            else if (!o.quiet)
                fprintf(stderr, "%s: ok\n", o.templates[t]);
            release(&h, 0, NULL);
        }
        for (int t = first_all; t < o.ntemplates; t++)
            free((char *)o.templates[t]);
        hs_engine_free(e);
        return bad ? 1 : 0;
    }
    if (strcmp(o.command, "batch") == 0) {
        hs_batch_opts bo = {o.templates,
                            o.ntemplates,
                            o.profile,
                            (const char **)o.records,
                            o.nrecords,
                            o.out,
                            o.jobs,
                            o.timeout_s,
                            (size_t)(o.memory_mb * 1024 * 1024),
                            o.report,
                            o.resume,
                            o.shard_k,
                            o.shard_n,
                            o.ascii,
                            o.quiet,
                            sde,
                            o.strict};
        hs_batch_stats st;
        int brc = hs_batch_run(e, &bo, &st);
        if (!o.quiet)
            fprintf(stderr,
                    "%d document%s: %d made, %d failed, %d skipped, %d done before; %.1f s (%.0f "
                    "documents/s)\n",
                    st.total, st.total == 1 ? "" : "s", st.ok, st.failed, st.skipped, st.resumed,
                    st.seconds, st.seconds > 0 ? st.ok / st.seconds : 0.0);
        for (int t = first_all; t < o.ntemplates; t++)
            free((char *)o.templates[t]);
        hs_engine_free(e);
        return brc == 0 ? 0 : 1;
    }
    int failed = 0;
    signal(SIGTERM, on_stop);
    signal(SIGINT, on_stop);
    signal(SIGHUP, on_stop);
    for (int i = 0; i < o.nrecords; i++) {
        for (int t = 0; t < o.ntemplates; t++) {
            hs_job job = {o.templates[t], o.records[i], NULL,
                          o.profile,      sde,          (size_t)(o.memory_mb * 1024 * 1024),
                          o.timeout_s,    o.strict};
            watchdog_arm(o.records[i], o.templates[t], o.timeout_s);
            if (one_document(e, &o, &job, &report, &h, t >= first_all) != 0)
                failed++;
            watchdog_arm(NULL, NULL, 0);
        }
    }
    for (int t = first_all; t < o.ntemplates; t++)
        free((char *)o.templates[t]);
    hs_engine_free(e);
    return failed ? 1 : 0;
}
