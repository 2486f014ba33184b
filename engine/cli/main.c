/* engine/cli/main.c — the hoso command: `hoso render`, `hoso check`.
 *
 * Exit status: 0 every document made, 1 some document failed (each failure
 * has its reason on stderr as "file:line: error: …"), 2 the command line is
 * wrong. An error never leaves a file behind. */
#include "hoso.h"

#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The help of each command lists only that command's options. */
static const char intro_text[] =
    "Render Vietnamese business documents (quotes, contract appendices, acceptance\n"
    "minutes, ...) from XML records through an XML template into PDF.\n";

static const char commands_text[] =
    "Commands:\n"
    "  render   make one PDF per record\n"
    "  batch    many documents, unattended: each in its own worker process, so that a\n"
    "           crash, a hang or bad data stops only that document; INPUT is a record,\n"
    "           a folder of records, or '-' for a list of paths on standard input\n"
    "  check    do everything render does except write: validate the records and the\n"
    "           template, lay out the pages, and report every problem found; with\n"
    "           no record, check the template and its includes alone\n"
    "  dump     print one stage's output as text: the compiled template (tpl), the\n"
    "           document tree (doc) or the laid-out pages (pages); for tests\n"
    "  help template   the template vocabulary: every element and attribute\n"
    "                  (--man: as hoso-template(5); --markdown: as in docs/templates.md)\n"
    "'hoso COMMAND --help' lists the options of one command.\n";

static const char opt_templates[] =
    "  -t, --template FILE   a document template (e.g. templates/quote.xml); may be\n"
    "                        given several times\n"
    "  -a, --all             every template of the templates folder; a document whose\n"
    "                        record lacks a part it needs is skipped, with the reason\n"
    "      --templates DIR   the templates folder for --all (default: $HOSO_TEMPLATES,\n"
    "                        else the templates/ folder installed with hoso)\n"
    "  -p, --profile FILE    the issuing company's profile ($profile in templates)\n";
static const char opt_render_out[] =
    "  -o, --out PATH        where to write: a .pdf file (one record; replaced if it\n"
    "                        exists), a folder (an existing one, or a path ending in\n"
    "                        '/'), or '-' for standard output. Default: the current\n"
    "                        folder. In a folder, the file is named by the template's\n"
    "                        <name> (without one, by the record's file name); a file\n"
    "                        there that hoso did not make for this record and\n"
    "                        template, or that this run has written, is never\n"
    "                        replaced (an error)\n";
static const char opt_batch_out[] =
    "  -o, --out DIR         the output folder (created if missing); each file is\n"
    "                        named by the template's <name> (without one, by the\n"
    "                        record's file name), made unique (README,\n"
    "                        Batches); a file there that hoso did not make for this\n"
    "                        record and template is never replaced (an error)\n";
static const char opt_write[] =
    "      --overwrite       a document may replace any file under its name\n"
    "      --no-sync         do not fsync documents (faster; a power cut may lose\n"
    "                        them): for scratch work\n"
    "      --ascii-names     file names in ASCII (\"Bao gia tuy bien Chinh Dai.pdf\")\n"
    "      --no-cache        neither read nor write the cache of font subsets and\n"
    "                        images that later runs reuse ($HOSO_CACHE, else\n"
    "                        $XDG_CACHE_HOME/hoso, else ~/.cache/hoso; HOSO_CACHE=off:\n"
    "                        no cache); the documents are the same bytes either way\n";
static const char opt_common[] =
    "      --fonts DIR       font folder with families.conf (default: $HOSO_FONTS,\n"
    "                        else the fonts/ folder installed with hoso)\n"
    "  -q, --quiet           say less (render: do not list the files written)\n"
    "      --no-strict       a path step in the template that names an element or\n"
    "                        attribute the record (or profile) schema does not define\n"
    "                        is not an error (by default it is: customer/adress, did\n"
    "                        you mean address?); --strict: the default\n"
    "  -h, --help            show this help\n"
    "\n"
    "Limits (each document; one past a limit fails with a message, the others go on):\n"
    "      --timeout SEC     stop a document after SEC seconds (default 60; 0: none)\n"
    "      --memory MB       memory for one document (default 1024, at least 16)\n"
    "  Records and templates larger than 64 MiB, nested deeper than 256 elements, or\n"
    "  with a DTD or entities are refused; so are texts over 10,000,000 bytes, and\n"
    "  inputs that are not regular files (a FIFO, a device, a folder).\n";
static const char opt_batch[] =
    "\n"
    "Batch options:\n"
    "  -j, --jobs N          worker processes at once (default: the number of cores)\n"
    "      --report FILE     append one JSON line per document (FILE '-': stdout):\n"
    "                        record, template, status, output, pages, bytes, ms, error\n"
    "      --resume FILE     skip the documents an earlier report lists as made\n"
    "                        (not those whose record, template or profile changed)\n"
    "      --shard K/N       render only the K-th of N stable shares of the records\n";
static const char outro_text[] =
    "\n"
    "A record of '-' is read from standard input. SOURCE_DATE_EPOCH, when set, is the\n"
    "creation date written into every PDF; otherwise the template's date is used, and\n"
    "the same input always gives the same bytes.\n"
    "\n"
    "Exit status: 0 all documents made, 1 a document failed, 2 usage error.\n";

static void
help(const char *command)
{
    if (command == NULL) {
        printf("Usage: hoso render --template FILE | --all [options] RECORD.xml...\n"
               "       hoso batch  --template FILE | --all --out DIR [options] INPUT...\n"
               "       hoso check  --template FILE | --all [options] [RECORD.xml...]\n"
               "       hoso dump   --stage=tpl|doc|pages -t TEMPLATE [-p PROFILE] [RECORD.xml]\n"
               "       hoso help template [--man | --markdown]\n"
               "       hoso COMMAND --help | hoso --help | hoso --version\n\n%s\n%s\n"
               "Options (see each command's --help):\n%s%s%s%s%s%s",
               intro_text, commands_text, opt_templates, opt_render_out, opt_write, opt_common,
               opt_batch, outro_text);
    } else if (strcmp(command, "render") == 0) {
        printf("Usage: hoso render --template FILE | --all [options] RECORD.xml...\n\n"
               "Make one PDF per record and template.\n\nOptions:\n%s%s%s%s%s",
               opt_templates, opt_render_out, opt_write, opt_common, outro_text);
    } else if (strcmp(command, "batch") == 0) {
        printf("Usage: hoso batch --template FILE | --all --out DIR [options] INPUT...\n\n"
               "Many documents, unattended, each in a worker process; INPUT is a record, a\n"
               "folder of records, or '-' for a list of paths on standard input.\n\n"
               "Options:\n%s%s%s%s%s%s",
               opt_templates, opt_batch_out, opt_write, opt_common, opt_batch, outro_text);
    } else {
        printf("Usage: hoso check --template FILE | --all [options] [RECORD.xml...]\n\n"
               "Everything render does except write: validate the records and the template,\n"
               "lay out the pages, and report every problem found. With no record, check\n"
               "the templates and their includes alone.\n\nOptions:\n%s%s%s",
               opt_templates, opt_common, outro_text);
    }
}

typedef struct opts {
    const char *command, *profile, *out, *fonts, *templates_dir;
    const char **templates;
    int ntemplates, templates_cap, all;
    int ascii, quiet, overwrite, no_sync, strict;
    /* batch */
    int jobs, shard_k, shard_n;
    double timeout_s, memory_mb;
    const char *report, *resume;
    char **records;
    int nrecords;
    /* render after its watchdog stopped a document (see watchdog_fire) */
    int first_template, failed_before;
    long long source_date_epoch; /* SOURCE_DATE_EPOCH; -1: none */
} opts;

static int usage_error(const opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
usage_error(const opts *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *safe = hs_escape(msg);
    fprintf(stderr, "hoso: %s\nTry 'hoso %s%s--help'.\n", safe, o && o->command ? o->command : "",
            o && o->command ? " " : "");
    free(safe);
    return 2;
}

static void
add_template(opts *o, const char *path)
{
    if (o->ntemplates == o->templates_cap) {
        o->templates_cap = o->templates_cap ? o->templates_cap * 2 : 16;
        o->templates = realloc(o->templates, (size_t)o->templates_cap * sizeof *o->templates);
        if (o->templates == NULL)
            abort();
    }
    o->templates[o->ntemplates++] = path;
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
const char *
hs_cli_find_dir(const char *given, const char *env_name, const char *name, const char *probe,
                char *buf, size_t cap)
{
    if (given != NULL)
        return given;
    const char *env = getenv(env_name);
    if (env != NULL && env[0] != '\0')
        return env;
#ifdef HS_DATADIR
    /* An installed hoso (make install, the .deb): the folder fixed when it
     * was built, and no other, so that an error names where it looked. */
    snprintf(buf, cap, "%s/%s", HS_DATADIR, name);
    (void)probe;
    return buf;
#else
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
                /* without the "..": messages name /src/templates/quote.xml,
                 * not /src/build/../templates/quote.xml */
                char real[PATH_MAX];
                snprintf(buf, cap, "%s%s/%s", exe, rel[i], name);
                if (realpath(buf, real) != NULL && strlen(real) < cap)
                    memcpy(buf, real, strlen(real) + 1);
                return buf;
            }
        }
    }
    return name;
#endif
}

/* --all: every template (*.xml) directly in the folder, however many. */
static int
add_all_templates(opts *o, const char *dir)
{
    char pattern[PATH_MAX + 64];
    snprintf(pattern, sizeof pattern, "%s/*.xml", dir);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0) {
        char *safe = hs_escape(dir);
        fprintf(stderr, "hoso: no templates in %s (set --templates DIR)\n", safe);
        free(safe);
        return -1;
    }
    for (size_t i = 0; i < g.gl_pathc; i++)
        add_template(o, strdup(g.gl_pathv[i]));
    globfree(&g);
    return 0;
}

/* Numbers on the command line: all of the text, finite, in range. */
static int
parse_long(const char *s, long lo, long hi, long *v)
{
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (s[0] == '\0' || *end != '\0' || errno != 0 || x < lo || x > hi ||
        isspace((unsigned char)s[0]))
        return -1;
    *v = x;
    return 0;
}

static int
parse_double(const char *s, double lo, double hi, double *v)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (s[0] == '\0' || *end != '\0' || errno != 0 || !isfinite(x) || x < lo || x > hi ||
        isspace((unsigned char)s[0]))
        return -1;
    /* strtod takes hexadecimal and "infinity"; a person writes decimals */
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p) && *p != '.')
            return -1;
    *v = x;
    return 0;
}

/* The argument getopt was looking at when it found an unknown short option
 * c: the first one from index from on that is a cluster holding c. */
static const char *
arg_with(int argc, char **argv, int from, int c)
{
    for (int i = from; i < argc && i >= 1; i++)
        if (argv[i][0] == '-' && argv[i][1] != '-' && strchr(argv[i] + 1, c) != NULL)
            return argv[i];
    return NULL;
}

enum {
    OPT_FONTS = 256,
    OPT_ASCII,
    OPT_TEMPLATES,
    OPT_TIMEOUT,
    OPT_MEMORY,
    OPT_REPORT,
    OPT_RESUME,
    OPT_SHARD,
    OPT_OVERWRITE,
    OPT_NO_SYNC,
    OPT_FIRST_TEMPLATE,
    OPT_FAILED_BEFORE,
    OPT_WRITTEN_FD,
    OPT_STRICT,
    OPT_NO_STRICT,
    OPT_NO_CACHE
};

/* The options a command takes: R render, B batch, C check. */
static const char *
takes(int c)
{
    switch (c) {
    case 'o':
    case OPT_OVERWRITE:
    case OPT_NO_SYNC:
    case OPT_NO_CACHE:
    case OPT_ASCII:
        return "RB";
    case 'j':
    case OPT_REPORT:
    case OPT_RESUME:
    case OPT_SHARD:
        return "B";
    case OPT_FIRST_TEMPLATE:
    case OPT_FAILED_BEFORE:
    case OPT_WRITTEN_FD:
        return "R";
    default:
        return "RBC";
    }
}

static int
parse(int argc, char **argv, opts *o)
{
    static const struct option longopts[] = {
        {"template", required_argument, NULL, 't'},
        {"profile", required_argument, NULL, 'p'},
        {"out", required_argument, NULL, 'o'},
        {"fonts", required_argument, NULL, OPT_FONTS},
        {"ascii-names", no_argument, NULL, OPT_ASCII},
        {"quiet", no_argument, NULL, 'q'},
        {"all", no_argument, NULL, 'a'},
        {"templates", required_argument, NULL, OPT_TEMPLATES},
        {"jobs", required_argument, NULL, 'j'},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"memory", required_argument, NULL, OPT_MEMORY},
        {"report", required_argument, NULL, OPT_REPORT},
        {"resume", required_argument, NULL, OPT_RESUME},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"overwrite", no_argument, NULL, OPT_OVERWRITE},
        {"no-sync", no_argument, NULL, OPT_NO_SYNC},
        {"no-cache", no_argument, NULL, OPT_NO_CACHE},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"no-strict", no_argument, NULL, OPT_NO_STRICT},
        {"first-template", required_argument, NULL, OPT_FIRST_TEMPLATE},
        {"failed-before", required_argument, NULL, OPT_FAILED_BEFORE},
        {"written-fd", required_argument, NULL, OPT_WRITTEN_FD},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->timeout_s = 60;
    /* a misspelt path step ({customer/adress}) would print nothing with exit
     * status 0: a silent blank, so it is an error unless asked otherwise */
    o->strict = 1;
    o->memory_mb = 1024;
    if (argc >= 2 && argv[1][0] != '-')
        o->command = argv[1];
    if (o->command != NULL && strcmp(o->command, "help") == 0) {
        if (argc > 2 && strcmp(argv[2], "template") == 0) {
            const char *format = argc > 3 && strcmp(argv[3], "--man") == 0        ? "man"
                                 : argc > 3 && strcmp(argv[3], "--markdown") == 0 ? "markdown"
                                 : argc > 3                                       ? argv[3]
                                                                                  : "text";
            if (argc > 4 || hs_print_template_reference(format, stdout) != 0)
                return usage_error(o, "help template %s: expected --man or --markdown",
                                   argv[argc - 1]);
            exit(0);
        }
        help(argc > 2 ? argv[2] : NULL);
        exit(0);
    }
    if (o->command != NULL && strcmp(o->command, "render") != 0 &&
        strcmp(o->command, "check") != 0 && strcmp(o->command, "batch") != 0) {
        const char *c = o->command;
        o->command = NULL;
        return usage_error(o, "unknown command '%s' (render, batch or check)", c);
    }
    char cmd = o->command == NULL     ? 0
               : o->command[0] == 'r' ? 'R'
               : o->command[0] == 'b' ? 'B'
                                      : 'C';
    optind = o->command ? 2 : 1;
    opterr = 0;
    int c, before = optind;
    long v;
    /* options and operands in any order (GNU); "--" ends the options */
    int li = -1;
    while ((c = getopt_long(argc, argv, ":t:p:o:aj:qhV", longopts, &li)) != -1) {
        /* the option as written: "--report" or "-j" (not its value) */
        char name[64];
        if (li >= 0)
            snprintf(name, sizeof name, "--%s", longopts[li].name);
        else if (c == ':' || c == '?')
            snprintf(name, sizeof name, "%s", optopt > 0 && optopt < 256 ? "" : argv[optind - 1]);
        else
            snprintf(name, sizeof name, "-%c", c);
        if (c == ':')
            snprintf(name, sizeof name, "%.60s",
                     strncmp(argv[optind - 1], "--", 2) == 0 ? argv[optind - 1] : "");
        if (c == ':' && name[0] == '\0')
            snprintf(name, sizeof name, "-%c", optopt);
        li = -1;
        if (c != '?' && c != ':' && c != 'h' && c != 'V' && cmd != 0 &&
            strchr(takes(c), cmd) == NULL) {
            const char *t = takes(c);
            return usage_error(o, "option '%s' belongs to hoso %s, not to hoso %s", name,
                               t[0] == 'B' ? "batch" : "render and batch", o->command);
        }
        switch (c) {
        case 't':
            add_template(o, optarg);
            break;
        case 'a':
            o->all = 1;
            break;
        case OPT_TEMPLATES:
            o->templates_dir = optarg;
            break;
        case 'j':
            if (parse_long(optarg, 1, 4096, &v) != 0)
                return usage_error(o, "-j %s: expected a whole number of workers, 1 to 4096",
                                   optarg);
            o->jobs = (int)v;
            break;
        case OPT_TIMEOUT:
            if (parse_double(optarg, 0, 1e6, &o->timeout_s) != 0)
                return usage_error(o, "--timeout %s: expected seconds, a number from 0 to 1000000",
                                   optarg);
            break;
        case OPT_MEMORY:
            if (parse_double(optarg, 16, 1 << 22, &o->memory_mb) != 0)
                return usage_error(
                    o, "--memory %s: expected megabytes, a number from 16 to 4194304", optarg);
            break;
        case OPT_REPORT:
            o->report = optarg;
            break;
        case OPT_RESUME:
            o->resume = optarg;
            break;
        case OPT_SHARD: {
            const char *slash = strchr(optarg, '/');
            char k[32];
            long n;
            if (slash == NULL || (size_t)(slash - optarg) >= sizeof k ||
                (snprintf(k, sizeof k, "%.*s", (int)(slash - optarg), optarg),
                 parse_long(k, 1, 1000000, &v) != 0) ||
                parse_long(slash + 1, 1, 1000000, &n) != 0 || v > n)
                return usage_error(o, "--shard %s: expected K/N, whole numbers with 1 <= K <= N",
                                   optarg);
            o->shard_k = (int)v, o->shard_n = (int)n;
            break;
        }
        case OPT_FIRST_TEMPLATE:
            if (parse_long(optarg, 0, 1 << 30, &v) != 0)
                return usage_error(o, "%s", "--first-template: internal option");
            o->first_template = (int)v;
            break;
        case OPT_FAILED_BEFORE:
            if (parse_long(optarg, 0, 1 << 30, &v) != 0)
                return usage_error(o, "%s", "--failed-before: internal option");
            o->failed_before = (int)v;
            break;
        case OPT_WRITTEN_FD:
            if (parse_long(optarg, 0, 1 << 20, &v) != 0 || hs_cli_written_resume((int)v) != 0)
                return usage_error(o, "%s", "--written-fd: internal option");
            break;
        case 'p':
            o->profile = optarg;
            break;
        case 'o':
            o->out = optarg;
            break;
        case OPT_FONTS:
            o->fonts = optarg;
            break;
        case OPT_ASCII:
            o->ascii = 1;
            break;
        case OPT_OVERWRITE:
            o->overwrite = 1;
            break;
        case OPT_NO_SYNC:
            o->no_sync = 1;
            break;
        case OPT_NO_CACHE:
            /* the engine's switch (cache/cache.h), which batch's workers,
             * started from this process, read too */
            if (setenv("HOSO_CACHE", "off", 1) != 0)
                return usage_error(o, "--no-cache: %s", strerror(errno));
            break;
        case OPT_STRICT:
            o->strict = 1;
            break;
        case OPT_NO_STRICT:
            o->strict = 0;
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'h':
            help(o->command);
            exit(0);
        case 'V':
            printf("hoso %s\n", hs_version());
            exit(0);
        case ':':
            return usage_error(o, "option '%s' needs a value", name);
        default:
            if (optopt != 0) {
                const char *in = arg_with(argc, argv, before, optopt);
                if (in != NULL && strlen(in) > 2)
                    return usage_error(o,
                                       "unknown option '-%c' in '%s' (a file whose name starts "
                                       "with '-': write ./%s, or put it after --)",
                                       optopt, in, in);
                return usage_error(o, "unknown option '-%c'", optopt);
            }
            return usage_error(o, "unknown option '%s'", name);
        }
        before = optind;
    }
    o->records = argv + optind;
    o->nrecords = argc - optind;
    if (o->command == NULL)
        return usage_error(o, "%s", "no command given (render, batch or check)");
    if (strcmp(o->command, "batch") == 0 && o->out == NULL)
        return usage_error(o, "%s", "batch needs --out DIR");
    if (o->ntemplates == 0 && !o->all)
        return usage_error(o, "%s", "--template FILE (or --all) is required");
    if (o->nrecords == 0 && strcmp(o->command, "check") != 0)
        return usage_error(o, "%s", "no RECORD.xml given");
    if (strcmp(o->command, "batch") == 0)
        return 0;
    int several = o->nrecords > 1 || o->ntemplates > 1 || o->all;
    if (o->out != NULL && several && !is_dir(o->out) && o->out[strlen(o->out) - 1] != '/')
        return usage_error(o, "--out %s names one file, but several documents are asked for",
                           o->out);
    if (o->out != NULL && strcmp(o->out, "-") == 0 && several)
        return usage_error(o, "%s",
                           "--out - writes one document; give one record and one template");
    return 0;
}

long long
hs_cli_source_date_epoch(void)
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

/* A line on stderr, escaped: a file name or a record's text cannot put a
 * control character (a forged line) there. */
static void
say_line(const char *line)
{
    char *safe = hs_escape(line);
    fprintf(stderr, "%s\n", safe);
    free(safe);
}

/* Diagnostics of one document are held until it is done (render, check, and
 * each document of a batch): a document whose record lacks a part its
 * template needs (every error "missing") is a skip, said in one line, not a
 * failure. Each line is escaped. */
typedef struct held {
    char text[65536];
    size_t len;
    int missing_only, any;
    char first_missing[512];
} held;

/* Empty again. Only what is read before it is written: zeroing the whole
 * 64 KB was 16 page faults of every start and a memset a document. */
static void
held_reset(held *h)
{
    h->len = 0;
    h->text[0] = '\0';
    h->missing_only = h->any = 0;
    h->first_missing[0] = '\0';
}

static void
held_sink(void *user, const hs_diag *d)
{
    held *h = user;
    char line[2048];
    hs_diag_format(d, line, sizeof line);
    if (d->severity == HS_SEV_ERROR) {
        if (!h->any)
            h->missing_only = 1;
        h->any = 1;
        if (d->code != HS_CODE_MISSING)
            h->missing_only = 0;
        else if (h->first_missing[0] == '\0')
            snprintf(h->first_missing, sizeof h->first_missing, "%s", d->message);
    }
    char *safe = hs_escape(line);
    size_t n = strlen(safe);
    if (h->len + n + 2 < sizeof h->text) {
        memcpy(h->text + h->len, safe, n);
        h->len += n;
        h->text[h->len++] = '\n';
        h->text[h->len] = '\0';
    }
    free(safe);
}

/* Print what was held (or, for a skip, one line), and start afresh. */
static void
release(held *h, int skip_missing, const char *what)
{
    if (skip_missing && h->missing_only) {
        char line[PATH_MAX * 3];
        snprintf(line, sizeof line, "skipped: %s: %s", what, h->first_missing);
        say_line(line);
    } else if (h->len > 0) {
        fputs(h->text, stderr);
    }
    held_reset(h);
}

/* The path to write a document to; malloc'd, NULL after reporting. *named:
 * the name was computed in a folder (then it never replaces another file). */
static char *
target_path(hs_engine *e, const opts *o, const hs_output *doc, const char *record, held *h,
            int *named)
{
    const char *out = o->out ? o->out : ".";
    size_t n = strlen(out);
    *named = 0;
    if (!is_dir(out) && out[n - 1] != '/')
        return strdup(out);
    *named = 1;
    char *name = hs_document_name(doc, record); /* no <name>: the record's, as in batch */
    char *file = hs_file_name(e, name, o->ascii);
    free(name);
    if (file == NULL)
        return NULL;
    if (out[n - 1] == '/' && !is_dir(out) && mkdir(out, 0777) != 0 && errno != EEXIST) {
        char msg[1024];
        snprintf(msg, sizeof msg, "cannot create the folder: %s", strerror(errno));
        hs_diag d = {HS_SEV_ERROR, {out, 0}, HS_CODE_IO, msg};
        held_sink(h, &d);
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

/* Standard output was closed when hoso started (its descriptor now holds
 * /dev/null, so that no file opened later takes its number). */
static int stdout_closed;
/* Why the list of the files written could not be written (0: it was). */
static int list_errno;

static int
write_stdout(const hs_output *doc)
{
    errno = stdout_closed ? EBADF : 0;
    if (stdout_closed || fwrite(doc->pdf, 1, doc->len, stdout) != doc->len || fflush(stdout) != 0) {
        fprintf(stderr, "hoso: cannot write to standard output: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

static int
one_document(hs_engine *e, const opts *o, const char *record, const char *template_path, held *h,
             int from_all)
{
#ifdef HS_TEST_HOOKS
    /* Tests of the watchdog: a document that hangs where nothing allocates
     * (as one XPath expression inside libxml2 does) */
    const char *hang = getenv("HOSO_TEST_HANG");
    if (hang != NULL && strstr(record, hang) != NULL)
        for (;;)
            pause();
#endif
    hs_output doc;
    hs_job *job = hs_job_new(template_path, record);
    if (job == NULL)
        abort();
    hs_job_set_profile(job, o->profile);
    hs_job_set_source_date_epoch(job, o->source_date_epoch);
    hs_job_set_memory_limit(job, (size_t)(o->memory_mb * 1024 * 1024));
    hs_job_set_time_limit(job, o->timeout_s);
    hs_job_set_strict(job, o->strict);
    int rc = hs_render(e, job, &doc);
    hs_job_free(job);
    if (rc != 0) {
        char what[PATH_MAX * 2];
        snprintf(what, sizeof what, "%s × %s", record, template_path);
        int skip = from_all && h->missing_only;
        release(h, from_all, what);
        return skip ? 0 : -1;
    }
    if (strcmp(o->command, "check") == 0) {
        if (!o->quiet) {
            char *safe = hs_escape(record);
            fprintf(stderr, "%s: ok, %d page%s\n", safe, doc.pages, doc.pages == 1 ? "" : "s");
            free(safe);
        }
    } else if (o->out != NULL && strcmp(o->out, "-") == 0) {
        rc = write_stdout(&doc);
    } else {
        int named;
        char *path = target_path(e, o, &doc, record, h, &named);
        int flags = (named ? 0 : HS_WRITE_REPLACE) | (o->overwrite ? HS_WRITE_OVERWRITE : 0) |
                    (o->no_sync ? HS_WRITE_NO_SYNC : 0);
        char who[PATH_MAX * 2 + 8];
        if (path != NULL && named &&
            hs_cli_written_by(path, record, template_path, who, sizeof who)) {
            char msg[sizeof who + PATH_MAX * 2 + 256];
            snprintf(msg, sizeof msg,
                     "this run has written the document of %s under this name; %s × %s is not "
                     "written over it (give the template a <name> that tells them apart, or use "
                     "hoso batch, which makes names unique)",
                     who, record, template_path);
            hs_diag d = {HS_SEV_ERROR, {path, 0}, HS_CODE_EXISTS, msg};
            held_sink(h, &d);
            rc = -1;
        } else if (path == NULL ||
                   hs_write_document(e, path, &doc, record, template_path, flags) != 0) {
            rc = -1;
        } else {
            if (named)
                hs_cli_wrote(path, record, template_path);
            /* flushed before a watchdog's execv; a list that cannot be
             * written (a full disk) is said at the end, exit status 1 */
            if (!o->quiet && !stdout_closed && (printf("%s\n", path) < 0 || fflush(stdout) != 0) &&
                list_errno == 0)
                list_errno = errno;
        }
        free(path);
    }
    release(h, 0, NULL);
    hs_output_free(&doc);
    return rc;
}

/* The engine stops a document past its time limit at its next allocation;
 * the watchdog is for work that does not allocate (one XPath expression
 * churning inside libxml2): a while after the limit it says so, and since
 * the process cannot safely go on from inside libxml2, it starts itself
 * again (execv) for the documents not yet made, with the failure counted,
 * before anything of the stopped document has been written. */
static char watchdog_msg[2048];
static size_t watchdog_len;
static char **again;                 /* argv for the new start, built once */
static int again_prefix, again_nrec; /* options, then the records */
static char **again_rec;             /* every record, in order */
static int again_from;               /* the first record the new start takes */
static char again_first[24], again_failed[24], again_written[24];

static void
watchdog_fire(int sig)
{
    (void)sig;
    ssize_t w = write(STDERR_FILENO, watchdog_msg, watchdog_len);
    (void)w;
    alarm(0);
    hs_write_abandon(); /* a document being written (a slow fsync) */
    if (again != NULL && again_from < again_nrec) {
        int n = again_prefix;
        for (int i = again_from; i < again_nrec; i++)
            again[n++] = again_rec[i];
        again[n] = NULL;
        execv("/proc/self/exe", again); /* async-signal-safe */
    }
    _exit(1);
}

/* Prepare the new start: argv's options (getopt has moved them before the
 * records), the internal options saying where to go on, "--", the records. */
static int
watchdog_setup(int argc, char **argv, int optind_end, const opts *o)
{
    again = malloc((size_t)(argc + 10) * sizeof *again);
    if (again == NULL)
        abort();
    int n = 0;
    for (int i = 0; i < optind_end; i++)
        if (strcmp(argv[i], "--") != 0)
            again[n++] = argv[i];
    again[n++] = "--first-template";
    again[n++] = again_first;
    again[n++] = "--failed-before";
    again[n++] = again_failed;
    /* the files written so far, so that a document after the new start does
     * not replace one written before it (--overwrite) */
    int fd = hs_cli_written_carrier();
    if (fd < 0) {
        fprintf(stderr, "hoso: cannot keep the list of the files written for --timeout: %s\n",
                strerror(errno));
        return -1;
    }
    snprintf(again_written, sizeof again_written, "%d", fd);
    again[n++] = "--written-fd";
    again[n++] = again_written;
    again[n++] = "--";
    again_prefix = n;
    again_rec = o->records;
    again_nrec = o->nrecords;
    return 0;
}

static void
watchdog_arm(const opts *o, int i, int t, int failed, double seconds)
{
    if (i < 0 || seconds <= 0) {
        alarm(0);
        return;
    }
    unsigned grace = (unsigned)seconds + 2 + (unsigned)(seconds / 10);
    char line[2048];
    snprintf(line, sizeof line,
             "%s: error: took longer than %g s in one computation and was stopped (template "
             "%s) [limit]",
             o->records[i], seconds, o->templates[t]);
    char *safe = hs_escape(line);
    int n = snprintf(watchdog_msg, sizeof watchdog_msg, "%s\n", safe);
    free(safe);
    watchdog_len = n < 0                             ? 0
                   : (size_t)n < sizeof watchdog_msg ? (size_t)n
                                                     : sizeof watchdog_msg - 1;
    /* go on with the next template of this record, or the next record */
    int last = t + 1 >= o->ntemplates;
    again_from = last ? i + 1 : i;
    snprintf(again_first, sizeof again_first, "%d", last ? 0 : t + 1);
    snprintf(again_failed, sizeof again_failed, "%d", o->failed_before + failed + 1);
    signal(SIGALRM, watchdog_fire);
    alarm(grace);
}

/* ---- batch: what the engine tells, said here ---- */
typedef struct batch_ui {
    const opts *o;
    held *h;
} batch_ui;

static void
batch_document(void *user, const hs_batch_doc *d)
{
    batch_ui *u = user;
    for (int i = 0; i < d->ndiags; i++)
        held_sink(u->h, &d->diags[i]);
    if (d->outcome == HS_OUTCOME_SKIPPED && !u->o->quiet) {
        char line[PATH_MAX * 3];
        snprintf(line, sizeof line, "skipped: %s × %s: %s", d->record, d->template_path,
                 d->error.message);
        if (!u->h->missing_only && u->h->len > 0)
            fputs(u->h->text, stderr);
        held_reset(u->h);
        say_line(line);
        return;
    }
    if (!u->h->missing_only && u->h->len > 0)
        fputs(u->h->text, stderr);
    held_reset(u->h);
}

static void
batch_diag(void *user, const hs_diag *d)
{
    (void)user;
    char line[2048];
    hs_diag_format(d, line, sizeof line);
    say_line(line);
}

static void
batch_progress(void *user, int done, int total)
{
    batch_ui *u = user;
    if (u->o->quiet || !isatty(2) || total == 0)
        return;
    int width = 30, fill = done * width / total;
    fprintf(stderr, "\r[%.*s%*s] %d/%d", fill, "##############################", width - fill, "",
            done, total);
    if (done == total)
        fputc('\n', stderr);
}

static void
batch_lowered(void *user, int from, int to, const char *why)
{
    (void)user;
    char line[1024];
    snprintf(line, sizeof line, "hoso: -j %d lowered to %d: cannot start more worker processes: %s",
             from, to, why);
    say_line(line);
}

/* SIGTERM (a scheduler's stop), SIGINT or SIGHUP during a batch: the engine
 * finishes what it can say and returns. */
static void
on_batch_stop(int sig)
{
    hs_batch_stop(sig);
}

static void
catch_stop_signals(void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static void
on_fatal(const char *message)
{
    fprintf(stderr, "hoso: fatal: %s\n", message);
}

/* SIGTERM, SIGINT, SIGHUP during render: no partial file is left behind. */
static void
on_stop(int sig)
{
    hs_write_abandon();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A standard descriptor closed by the caller gets /dev/null, so that no
 * file or pipe opened later takes its number (and receives what hoso
 * writes to stdout or stderr). */
static void
guard_standard_fds(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int nfd = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (nfd != fd && nfd >= 0)
                close(nfd); /* cannot happen: open takes the lowest free number */
            if (fd == 1)
                stdout_closed = 1;
        }
}

/* The engine at the end of the process: its memory goes back with the
 * process, and freeing it piece by piece (schemas, templates, fonts, the
 * images: some 2 million instructions) was a cold render's last cost, for
 * nothing. The builds with test hooks (the suite's sanitizer build) free it,
 * so that a leak of what it holds is still found; kept here, it is still
 * reachable for valgrind. */
#ifdef HS_TEST_HOOKS
static void
engine_done(hs_engine *e)
{
    hs_engine_free(e);
}
#else
/* volatile: the store stays, though nothing reads it */
static hs_engine *volatile kept_engine;
static void
engine_done(hs_engine *e)
{
    kept_engine = e;
}
#endif

int
main(int argc, char **argv)
{
    guard_standard_fds();
    hs_set_fatal_handler(on_fatal);
    if (argc >= 2 && strcmp(argv[1], "dump") == 0)
        return hs_cli_dump(argc, argv);
    /* a start by the watchdog (execv from its handler) inherits SIGALRM
     * blocked: the next document needs its watchdog too */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    opts o;
    int rc = parse(argc, argv, &o);
    if (rc != 0) {
        free(o.templates);
        return rc;
    }
    int optind_end = optind;
    char fonts_buf[PATH_MAX + 32], tpl_buf[PATH_MAX + 32];
    int first_all = o.ntemplates;
    if (o.all && add_all_templates(&o, hs_cli_find_dir(o.templates_dir, "HOSO_TEMPLATES", "templates",
                                                "quote.xml", tpl_buf, sizeof tpl_buf)) != 0)
        return 1;
    if (strcmp(o.command, "batch") == 0 && o.report != NULL && strcmp(o.report, "-") == 0 &&
        stdout_closed) {
        fprintf(stderr, "hoso: error: cannot write the report: standard output is closed\n");
        return 1;
    }
    held h;
    held_reset(&h);
    hs_engine *e = hs_engine_new(
        hs_cli_find_dir(o.fonts, "HOSO_FONTS", "fonts", "families.conf", fonts_buf, sizeof fonts_buf),
        held_sink, &h);
    release(&h, 0, NULL);
    if (e == NULL)
        return 1;
    o.source_date_epoch = hs_cli_source_date_epoch();
    hs_engine_say_record_errors_once(e, 1);
    if (strcmp(o.command, "check") == 0 && o.nrecords == 0) {
        /* the templates alone, no record */
        int bad = 0;
        for (int t = 0; t < o.ntemplates; t++) {
            if (hs_check_template(e, o.templates[t], o.strict) != 0)
                bad++;
            else if (!o.quiet)
                fprintf(stderr, "%s: ok\n", o.templates[t]);
            release(&h, 0, NULL);
        }
        for (int t = first_all; t < o.ntemplates; t++)
            free((char *)o.templates[t]);
        free(o.templates);
        engine_done(e);
        return bad ? 1 : 0;
    }
    if (strcmp(o.command, "batch") == 0) {
        hs_batch_options bo;
        hs_batch_options_init(&bo);
        bo.templates = o.templates, bo.ntemplates = o.ntemplates;
        bo.profile_path = o.profile;
        bo.inputs = (const char **)o.records, bo.ninputs = o.nrecords;
        bo.out_dir = o.out;
        bo.jobs = o.jobs;
        bo.timeout_s = o.timeout_s;
        bo.memory_limit = (size_t)(o.memory_mb * 1024 * 1024);
        bo.report_path = o.report, bo.resume_path = o.resume;
        bo.shard_k = o.shard_k, bo.shard_n = o.shard_n;
        bo.ascii_names = o.ascii;
        bo.source_date_epoch = o.source_date_epoch;
        bo.overwrite = o.overwrite, bo.no_sync = o.no_sync;
        bo.strict = o.strict;
        hs_batch_stats st;
        batch_ui ui = {&o, &h};
        hs_batch_events ev = {&ui, batch_document, batch_diag, batch_progress, batch_lowered};
        catch_stop_signals(on_batch_stop);
        int brc = hs_batch_run(e, &bo, &ev, &st);
        catch_stop_signals(SIG_DFL);
        if (st.stopped) {
            char line[1024];
            snprintf(line, sizeof line, "hoso: stopped by signal %d (%s): %d document%s not made%s",
                     st.stopped, strsignal(st.stopped), st.not_made, st.not_made == 1 ? "" : "s",
                     o.report ? "; --resume with the report goes on" : "");
            say_line(line);
        }
        if (!o.quiet)
            fprintf(stderr,
                    "%d document%s: %d made, %d failed, %d skipped, %d done before; %.1f s (%.0f "
                    "documents/s)\n",
                    st.total, st.total == 1 ? "" : "s", st.ok, st.failed, st.skipped, st.resumed,
                    st.seconds, st.seconds > 0 ? st.ok / st.seconds : 0.0);
        for (int t = first_all; t < o.ntemplates; t++)
            free((char *)o.templates[t]);
        free(o.templates);
        engine_done(e);
        return brc == 0 ? 0 : 1;
    }
    int failed = 0;
    signal(SIGTERM, on_stop);
    signal(SIGINT, on_stop);
    signal(SIGHUP, on_stop);
    if (o.timeout_s > 0 && watchdog_setup(argc, argv, optind_end, &o) != 0) {
        engine_done(e);
        return 1;
    }
    for (int i = 0; i < o.nrecords; i++) {
        for (int t = i == 0 ? o.first_template : 0; t < o.ntemplates; t++) {
            watchdog_arm(&o, i, t, failed, o.timeout_s);
            if (one_document(e, &o, o.records[i], o.templates[t], &h, t >= first_all) != 0)
                failed++;
            watchdog_arm(&o, -1, 0, 0, 0);
        }
    }
    if (!stdout_closed && fflush(stdout) != 0 && list_errno == 0)
        list_errno = errno;
    if (list_errno != 0) {
        fprintf(stderr,
                "hoso: cannot write the list of the files written to standard output: %s (the "
                "files themselves are written)\n",
                strerror(list_errno));
        failed++;
    }
    for (int t = first_all; t < o.ntemplates; t++)
        free((char *)o.templates[t]);
    free(o.templates);
    free(again);
    engine_done(e);
    return failed || o.failed_before ? 1 : 0;
}
