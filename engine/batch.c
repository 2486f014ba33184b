/* engine/batch.c — many documents, unattended, in worker processes.
 *
 * The parent reads the templates and the profile once (parsing only: it
 * never renders a user's document, which might loop or crash) and forks
 * workers from it; each worker takes one task after another from a pipe, so
 * a document costs a render, not a process. One document's crash or hang
 * ends only its worker: the parent reports that document and forks a fresh
 * worker; a worker is also replaced after WORKER_TASKS tasks.
 *
 * A run has two passes. First the workers work out the file name of every
 * document of the run — of every shard, not only this one's — so that the
 * collision rule (out/names.c) gives each document a name fixed by the
 * inputs alone, the same for any -j and any --shard split. Then they render
 * this shard's documents, each into a hidden temporary file in the output
 * folder, fsynced; the parent moves it to its name without replacing what is
 * not this document's own (out/write.c), fsyncs the folder once for all the
 * documents finished together, and only then appends their lines to the
 * JSON Lines report, flushed at once: after a SIGKILL or a power cut the
 * report lists only documents that are whole on disk, and --resume skips
 * them. A write error on the report stops the batch. Workers die with the
 * parent (PR_SET_PDEATHSIG); their temporary files are removed by the next
 * run. */
#include "hoso.h"
#include "out/out.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MSG_MAX 16384
#define WORKER_TASKS 256 /* tasks a worker does before it is replaced */

enum { TASK_NAME = 'N', TASK_RENDER = 'R' };

typedef struct bjob {
    const char *record, *template_path;
    int mine;     /* in this process's shard */
    int reported; /* an earlier report (--resume) lists it as made */
    int done;     /* made before: not to be made again */
    char *name;   /* from the name pass: hs_file_name of its name; NULL: none */
    char *file;   /* the file name assigned (out/names.c) */
    char *prefix; /* its report line's start, for --resume */
    char *failed; /* why its name pass was stopped or crashed; NULL: it was not */
    int failed_timeout;
    double failed_ms;
} bjob;

typedef struct worker {
    pid_t pid;      /* 0: no process in this slot */
    int fd, job_fd; /* results from the worker; tasks to it */
    int job;        /* the task's job; -1: idle */
    int count;      /* tasks handed to this worker */
    double start;   /* when the task was handed out */
    char msg[MSG_MAX];
    size_t len;
} worker;

typedef struct placed {
    int job;
    char *path;
    int pages;
    size_t bytes;
    double ms;
} placed;

typedef struct run {
    hs_engine *e;
    const hs_batch_opts *o;
    hs_batch_stats *st;
    bjob *jobs;
    int njobs, cap;
    FILE *report;
    int report_errno; /* the report could not be written: the batch stops */
    int unreported;   /* documents done whose line could not be written */
    int dirfd;        /* the output folder, for its fsync */
    mode_t umask;
    double t0;
    int kind; /* the pass: TASK_NAME or TASK_RENDER */
    worker *w;
    int nworkers, max_workers;
    placed *placed; /* made, waiting for the folder's fsync to be reported */
    int nplaced, placed_cap;
} run;

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
xstrdup(const char *s)
{
    char *d = strdup(s);
    if (d == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return d;
}

static void *
grow(void *p, int *cap, size_t size)
{
    *cap = *cap ? *cap * 2 : 64;
    p = realloc(p, (size_t)*cap * size);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return p;
}

/* A line on stderr: every control character or byte that is not UTF-8 in
 * it (they come from file names and records) is escaped, so that no file
 * name can forge a line. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
    char line[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_out_escape(&b, line, strlen(line), 0);
    hs_buf_addc(&b, '\n');
    fputs(b.data, stderr);
    hs_arena_free(a);
}

static void
add_job(run *r, const char *record, const char *tpl, int mine)
{
    if (r->njobs == r->cap)
        r->jobs = grow(r->jobs, &r->cap, sizeof *r->jobs);
    r->jobs[r->njobs++] = (bjob){record, tpl, mine, 0, 0, NULL, NULL, NULL, NULL, 0, 0};
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct strv {
    char **v;
    int n, cap;
} strv;

static void
push(strv *s, char *p)
{
    if (s->n == s->cap)
        s->v = grow(s->v, &s->cap, sizeof *s->v);
    s->v[s->n++] = p;
}

/* Record paths from an argument: a file, a folder (its *.xml) or "-" (one
 * path a line on standard input). */
static int
expand_input(const char *in, strv *out)
{
    if (strcmp(in, "-") == 0) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, stdin)) > 0) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] != '\0')
                push(out, xstrdup(line));
        }
        free(line);
        return 0;
    }
    struct stat sb;
    if (stat(in, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        size_t dl = strlen(in);
        while (dl > 1 && in[dl - 1] == '/')
            dl--;
        DIR *d = opendir(in);
        if (d == NULL)
            return -1;
        for (struct dirent *de; (de = readdir(d)) != NULL;) {
            size_t len = strlen(de->d_name);
            if (len > 4 && strcmp(de->d_name + len - 4, ".xml") == 0 && de->d_name[0] != '.') {
                char *p = malloc(dl + len + 2);
                if (p == NULL)
                    hs_fatal_at(__FILE__, __LINE__, "out of memory");
                sprintf(p, "%.*s/%s", (int)dl, in, de->d_name);
                push(out, p);
            }
        }
        closedir(d);
        return 0;
    }
    push(out, xstrdup(in));
    return 0;
}

/* A stable share: FNV-1a of the record path, so shards never depend on the
 * order or the count of the other inputs. */
static int
in_shard(const char *record, int k, int n)
{
    if (n <= 1)
        return 1;
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)record; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return (int)(h % (uint64_t)n) == k - 1;
}

/* ---- fields on the pipe: tab-separated, '\\', tab and newline escaped ---- */

static void
pipe_field(hs_buf *b, const char *s)
{
    hs_buf_addc(b, '\t');
    for (; s && *s; s++)
        if (*s == '\\' || *s == '\t' || *s == '\n')
            hs_buf_printf(b, "\\%c", *s == '\t' ? 't' : *s == '\n' ? 'n' : '\\');
        else
            hs_buf_addc(b, *s);
}

/* Split a line into at most max fields, unescaping them in place. */
static int
split_fields(char *line, char **f, int max)
{
    int n = 0;
    char *out = line;
    f[n++] = out;
    for (char *p = line; *p && *p != '\n'; p++) {
        if (*p == '\t' && n < max) {
            *out++ = '\0';
            f[n++] = out;
        } else if (*p == '\\' && p[1] != '\0' && p[1] != '\n') {
            p++;
            *out++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
        } else {
            *out++ = *p;
        }
    }
    *out = '\0';
    return n;
}

/* ---- the report ---- */

/* '{"record":…,"template":…,' — the start of every line about a job. */
static char *
line_prefix(const bjob *j)
{
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_buf_addc(&b, '{');
    hs_out_json_field(&b, "record", j->record);
    hs_buf_addc(&b, ',');
    hs_out_json_field(&b, "template", j->template_path);
    hs_buf_addc(&b, ',');
    char *s = xstrdup(b.data);
    hs_arena_free(a);
    return s;
}

static void
report_line(run *r, const bjob *j, const char *status, const char *output, int pages, size_t bytes,
            double ms, const char *efile, long eline, const char *ecode, const char *emsg)
{
    if (r->report == NULL)
        return;
    if (r->report_errno != 0) {
        r->unreported++;
        return;
    }
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_buf_adds(&b, j->prefix);
    hs_out_json_field(&b, "status", status);
    hs_buf_addc(&b, ',');
    hs_out_json_field(&b, "output", output ? output : "");
    if (strcmp(status, "ok") == 0 && j->name != NULL) {
        /* the name before clashes were resolved: a resumed run needs no
         * name pass for this document */
        hs_buf_addc(&b, ',');
        hs_out_json_field(&b, "name", j->name);
    }
    hs_buf_printf(&b, ",\"pages\":%d,\"bytes\":%zu,\"ms\":%.1f", pages, bytes, ms);
    if (emsg != NULL) {
        hs_buf_adds(&b, ",\"error\":{");
        hs_out_json_field(&b, "file", efile);
        hs_buf_printf(&b, ",\"line\":%ld,", eline);
        hs_out_json_field(&b, "code", ecode);
        hs_buf_addc(&b, ',');
        hs_out_json_field(&b, "message", emsg);
        hs_buf_addc(&b, '}');
    }
    hs_buf_adds(&b, "}\n");
    errno = 0;
    if (fwrite(b.data, 1, b.len, r->report) != b.len || fflush(r->report) != 0) {
        r->report_errno = errno ? errno : EIO;
        r->unreported++;
    }
    hs_arena_free(a);
}

static int
cmp_prefix(const void *a, const void *b)
{
    return strcmp((*(bjob *const *)a)->prefix, (*(bjob *const *)b)->prefix);
}

/* The JSON string that starts at p (after its opening quote), decoded;
 * malloc'd, or NULL if it is cut short. */
static char *
json_string(const char *p)
{
    size_t cap = strlen(p) + 1, n = 0;
    char *out = malloc(cap);
    if (out == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (; *p && *p != '"'; p++) {
        if (*p != '\\') {
            out[n++] = *p;
            continue;
        }
        p++;
        const char *simple = strchr("\"\\/bfnrt", *p);
        if (*p != '\0' && simple != NULL) {
            out[n++] = "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"];
            continue;
        }
        unsigned v;
        if (*p != 'u' || sscanf(p + 1, "%4x", &v) != 1)
            break;
        p += 4;
        if (v >= 0xD800 && v < 0xDC00) { /* a surrogate pair */
            unsigned lo;
            if (p[1] != '\\' || p[2] != 'u' || sscanf(p + 3, "%4x", &lo) != 1)
                break;
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
        }
        char u[4];
        int k = hs_utf8_encode(v, u);
        memcpy(out + n, u, (size_t)k); /* \uXXXX is 6 bytes: it fits */
        n += (size_t)k;
    }
    if (*p != '"') {
        free(out);
        return NULL;
    }
    out[n] = '\0';
    return out;
}

/* --resume: the jobs an earlier report lists as made. Whether the file is
 * still there, and this document's, is asked once names are known. */
static void
read_resume(run *r)
{
    FILE *f = fopen(r->o->resume_path, "r");
    if (f == NULL)
        return; /* nothing done yet */
    bjob **by = malloc((size_t)(r->njobs ? r->njobs : 1) * sizeof *by);
    if (by == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int n = 0;
    for (int i = 0; i < r->njobs; i++)
        if (r->jobs[i].mine)
            by[n++] = &r->jobs[i];
    qsort(by, (size_t)n, sizeof *by, cmp_prefix);
    char *line = NULL;
    size_t cap = 0;
    static const char ok[] = "\"status\":\"ok\"";
    while (getline(&line, &cap, f) > 0) {
        /* a value's quotes are escaped: ,"status": only ends the prefix */
        char *st = strstr(line, "\"status\":");
        if (st == NULL || strncmp(st, ok, sizeof ok - 1) != 0 || strchr(st, '\n') == NULL)
            continue; /* not made, or a line cut short */
        char c = *st;
        *st = '\0';
        bjob key = {0}, *kp = &key;
        key.prefix = line;
        bjob **hit = bsearch(&kp, by, (size_t)n, sizeof *by, cmp_prefix);
        *st = c;
        if (hit == NULL)
            continue;
        (*hit)->reported = 1;
        const char *nm = strstr(st, ",\"name\":\"");
        if (nm != NULL && (*hit)->name == NULL)
            (*hit)->name = json_string(nm + 9);
    }
    free(line);
    free(by);
    fclose(f);
}

/* ---- the worker ---- */

/* A worker holds a document's diagnostics: a document skipped for a missing
 * part is one line from the parent, anything else is printed in full. */
typedef struct first_error {
    char file[4096], code[64], message[1024];
    long line;
    int set, missing_only;
    hs_arena *a;
    hs_buf held;
} first_error;

static void
child_sink(void *user, const hs_diag *d)
{
    first_error *fe = user;
    char line[2048];
    int n = hs_diag_format(d, line, sizeof line);
    if (fe->held.len < 65536) {
        hs_out_escape(&fe->held, line, n < (int)sizeof line ? (size_t)n : sizeof line - 1, 0);
        hs_buf_addc(&fe->held, '\n');
    }
    if (d->severity == HS_SEV_ERROR && !fe->set) {
        snprintf(fe->file, sizeof fe->file, "%s", d->loc.file ? d->loc.file : "");
        snprintf(fe->code, sizeof fe->code, "%s", d->code ? d->code : "");
        snprintf(fe->message, sizeof fe->message, "%s", d->message);
        fe->line = d->loc.line;
        fe->set = 1;
        fe->missing_only = d->code != NULL && strcmp(d->code, "missing") == 0;
    } else if (d->severity == HS_SEV_ERROR && strcmp(d->code ? d->code : "", "missing") != 0) {
        fe->missing_only = 0;
    }
}

static int
send_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        s += w, n -= (size_t)w;
    }
    return 0;
}

/* SIGTERM (a scheduler's stop), SIGINT or SIGHUP: no new document is
 * started, the running ones are killed, their temporary files removed; the
 * report lists what was made, so --resume goes on from there. */
static volatile sig_atomic_t stop_signal;

static void
on_stop(int sig)
{
    stop_signal = sig;
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

/* Write the PDF to a new temporary file in the output folder, as the umask
 * allows, and fsync it. 0 and its name in tmp, or an errno value. */
static int
write_temp(run *r, const hs_output *out, char *tmp, size_t cap)
{
    char prefix[200];
    hs_out_temp_prefix(prefix, sizeof prefix);
    snprintf(tmp, cap, "%s/%sXXXXXX.part", r->o->out_dir, prefix);
    int fd = mkstemps(tmp, 5);
    if (fd < 0)
        return errno;
    size_t end = out->len;
    int e = 0;
#ifdef HS_TEST_HOOKS
    if (getenv("HOSO_TEST_ENOSPC") != NULL) /* a full file system, half-way */
        end = out->len / 2, e = ENOSPC;
#endif
    for (size_t off = 0; off < end;) {
        ssize_t w = write(fd, out->pdf + off, end - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            e = w < 0 ? errno : EIO;
            break;
        }
        off += (size_t)w;
    }
    if (e == 0 && fchmod(fd, 0666 & ~r->umask) != 0)
        e = errno;
    if (e == 0 && !r->o->no_sync && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e != 0)
        unlink(tmp);
    return e;
}

/* One task; its result on fd as one line:
 * "name\tNAME", "noname" or "stopped\tMSG" (TASK_NAME);
 * "ok\tTMP\tNAME\tPAGES\tBYTES" or "error\tFILE\tLINE\tCODE\tMSG". */
static void
work_one(run *r, int kind, const bjob *j, int fd)
{
#ifdef HS_TEST_HOOKS
    /* Tests of the batch: a worker that dies or hangs on a given record. */
    const char *crash = getenv("HOSO_TEST_KILL"), *hang = getenv("HOSO_TEST_HANG");
    if (kind == TASK_RENDER && crash != NULL && strstr(j->record, crash) != NULL)
        raise(SIGKILL);
    if (kind == TASK_RENDER && hang != NULL && strstr(j->record, hang) != NULL)
        sleep(3600);
    /* a name pass on a machine so busy that it takes seconds; a worker that
     * dies on a name (every time, or only while the file HOSO_TEST_ONCE can
     * be made: once) */
    const char *slow = getenv("HOSO_TEST_SLOW_NAME"), *die = getenv("HOSO_TEST_KILL_NAME");
    const char *once = getenv("HOSO_TEST_ONCE");
    if (kind == TASK_NAME && slow != NULL && strstr(j->record, slow) != NULL)
        sleep(2);
    if (kind == TASK_NAME && die != NULL && strstr(j->record, die) != NULL &&
        (once == NULL || open(once, O_CREAT | O_EXCL | O_WRONLY, 0600) >= 0))
        raise(SIGKILL);
#endif
    first_error fe;
    memset(&fe, 0, sizeof fe);
    fe.a = hs_arena_new(0);
    hs_buf_init(&fe.held, fe.a);
    hs_report rep = {child_sink, &fe, 0, 20};
    hs_job job = {j->template_path,
                  j->record,
                  NULL,
                  r->o->profile_path,
                  r->o->source_date_epoch,
                  r->o->memory_limit,
                  r->o->timeout_s,
                  r->o->strict,
                  kind == TASK_NAME};
    hs_output out;
    hs_buf msg;
    hs_buf_init(&msg, fe.a);
    if (hs_render(r->e, &job, &rep, &out) != 0) {
        if (kind == TASK_NAME && fe.set && strcmp(fe.code, "timeout") == 0) {
            hs_buf_adds(&msg, "stopped"); /* past the work of --timeout: so it is again */
            pipe_field(&msg, fe.message);
        } else if (kind == TASK_NAME) {
            hs_buf_adds(&msg, "noname"); /* the render pass says why */
        } else {
            if (!fe.missing_only && fe.held.len > 0)
                fwrite(fe.held.data, 1, fe.held.len, stderr);
            fflush(stderr);
            char ln[32];
            snprintf(ln, sizeof ln, "%ld", fe.line);
            hs_buf_adds(&msg, "error");
            pipe_field(&msg, fe.set ? fe.file : j->record);
            pipe_field(&msg, ln);
            pipe_field(&msg, fe.set ? fe.code : "internal");
            pipe_field(&msg, fe.set ? fe.message : "failed with no message");
        }
    } else {
        char *name = hs_file_name(out.name ? out.name : "document", r->o->ascii_names, &rep);
        char tmp[4096];
        if (name != NULL && kind == TASK_RENDER &&
            hs_mark_owner(&out, j->record, j->template_path, &rep) != 0)
            free(name), name = NULL;
        int e = name == NULL ? 0 : kind == TASK_NAME ? 0 : write_temp(r, &out, tmp, sizeof tmp);
        if (name == NULL) {
            hs_buf_adds(&msg, kind == TASK_NAME ? "noname" : "error");
            if (kind != TASK_NAME) {
                pipe_field(&msg, fe.file), pipe_field(&msg, "0");
                pipe_field(&msg, fe.code), pipe_field(&msg, fe.message);
            }
        } else if (kind == TASK_NAME) {
            hs_buf_adds(&msg, "name");
            pipe_field(&msg, name);
        } else if (e != 0) {
            char text[512];
            snprintf(text, sizeof text, "cannot write in the output folder: %s", strerror(e));
            say("%s: error: %s (record %s) [io]", r->o->out_dir, text, j->record);
            fflush(stderr);
            hs_buf_adds(&msg, "error");
            pipe_field(&msg, r->o->out_dir), pipe_field(&msg, "0");
            pipe_field(&msg, "io"), pipe_field(&msg, text);
        } else {
            char num[64];
            const char *base = strrchr(tmp, '/') + 1;
            hs_buf_adds(&msg, "ok");
            pipe_field(&msg, base);
            pipe_field(&msg, name);
            snprintf(num, sizeof num, "%d\t%zu", out.pages, out.len);
            hs_buf_addc(&msg, '\t');
            hs_buf_adds(&msg, num);
        }
        free(name);
        hs_output_free(&out);
    }
    hs_buf_addc(&msg, '\n');
    send_all(fd, msg.data, msg.len);
    hs_arena_free(fe.a);
}

/* Worker: tasks "N 12" / "R 12", one a line, until the pipe closes. */
static _Noreturn void
worker_main(run *r, int job_fd, int fd, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* the parent died before prctl took effect */
        _exit(1);
    catch_stop_signals(SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
#ifndef __SANITIZE_ADDRESS__
    if (r->o->memory_limit > 0) {
        struct rlimit rl = {r->o->memory_limit * 2 + ((size_t)256 << 20),
                            r->o->memory_limit * 2 + ((size_t)256 << 20)};
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    char line[64];
    size_t len = 0;
    for (;;) {
        ssize_t got = read(job_fd, line + len, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            _exit(0);
        if (line[len] != '\n' && len + 2 < sizeof line) {
            len++;
            continue;
        }
        line[len] = '\0';
        len = 0;
        char *end;
        long k = strtol(line + 1, &end, 10);
        if ((line[0] == TASK_NAME || line[0] == TASK_RENDER) && *end == '\0' && k >= 0 &&
            k < r->njobs)
            work_one(r, line[0], &r->jobs[k], fd);
    }
}

/* ---- the parent ---- */

static char *
out_path(const run *r, const char *file)
{
    char *p = malloc(strlen(r->o->out_dir) + strlen(file) + 2);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    sprintf(p, "%s/%s", r->o->out_dir, file);
    return p;
}

/* What the diagnostics of a parent-side failure go to: a line on stderr
 * (escaped), and its message kept for the report. */
typedef struct last_diag {
    char code[32], message[1024];
} last_diag;

static void
parent_sink(void *user, const hs_diag *d)
{
    last_diag *l = user;
    char line[2048];
    hs_diag_format(d, line, sizeof line);
    say("%s", line);
    snprintf(l->code, sizeof l->code, "%s", d->code ? d->code : "");
    snprintf(l->message, sizeof l->message, "%s", d->message);
}

/* The documents placed since the last flush are made durable (one fsync of
 * the folder for all of them) and then reported. */
static void
flush_placed(run *r)
{
    if (r->nplaced == 0)
        return;
    last_diag ld = {"", ""};
    int bad = 0;
    /* the folder is held open from the start: no descriptor is needed now,
     * when a lowered -j may have left none */
    if (!r->o->no_sync && fsync(r->dirfd) != 0 && errno != EINVAL) {
        snprintf(ld.message, sizeof ld.message, "cannot sync the folder: %s", strerror(errno));
        say("%s: error: %s [io]", r->o->out_dir, ld.message);
        bad = 1;
    }
    for (int i = 0; i < r->nplaced; i++) {
        placed *p = &r->placed[i];
        bjob *j = &r->jobs[p->job];
        if (bad) {
            r->st->failed++;
            report_line(r, j, "error", NULL, 0, 0, p->ms, r->o->out_dir, 0, "io", ld.message);
        } else {
            r->st->ok++;
            report_line(r, j, "ok", p->path, p->pages, p->bytes, p->ms, NULL, 0, NULL, NULL);
        }
        free(p->path);
    }
    r->nplaced = 0;
}

static void
finish_render(run *r, worker *w, bjob *j, char **f, int nf, double ms)
{
    if (nf == 5 && strcmp(f[0], "ok") == 0) {
        char *tmp = out_path(r, f[1]);
        if (strchr(f[1], '/') != NULL || strncmp(f[1], ".hoso-", 6) != 0) {
            free(tmp);
            f[0] = "error", f[1] = (char *)j->record, f[2] = "0", f[3] = "internal",
            f[4] = "the worker named a file outside the output folder";
        } else if (j->name == NULL || strcmp(j->name, f[2]) != 0) {
            unlink(tmp);
            free(tmp);
            say("%s: error: the document's name came out as \"%s\" this time, not \"%s\" as "
                "when the batch began (template %s) [name]",
                j->record, f[2], j->name ? j->name : "", j->template_path);
            r->st->failed++;
            report_line(r, j, "error", NULL, 0, 0, ms, j->record, 0, "name",
                        "the document's name changed while the batch ran");
            return;
        } else {
            char *path = out_path(r, j->file), owner[HS_OUT_OWNER_LEN + 1];
            hs_out_owner(j->record, j->template_path, owner);
            last_diag ld = {"", ""};
            hs_report rep = {parent_sink, &ld, 0, 20};
            int flags = r->o->overwrite ? HS_OUT_OVERWRITE : 0;
            if (hs_out_install(tmp, path, owner, flags, &rep) != 0) {
                r->st->failed++;
                report_line(r, j, "error", NULL, 0, 0, ms, path, 0, ld.code, ld.message);
                free(path);
            } else {
                if (r->nplaced == r->placed_cap)
                    r->placed = grow(r->placed, &r->placed_cap, sizeof *r->placed);
                r->placed[r->nplaced++] = (placed){(int)(j - r->jobs), path, atoi(f[3]),
                                                   (size_t)strtoull(f[4], NULL, 10), ms};
            }
            free(tmp);
            return;
        }
    }
    (void)w;
    /* error: f[1] file, f[2] line, f[3] code, f[4] message */
    int missing = nf >= 5 && strcmp(f[3], "missing") == 0;
    if (missing) {
        r->st->skipped++;
        if (!r->o->quiet)
            say("skipped: %s × %s: %s", j->record, j->template_path, f[4]);
    } else {
        r->st->failed++;
    }
    report_line(r, j, missing ? "skipped" : "error", NULL, 0, 0, ms, nf > 1 ? f[1] : "",
                nf > 2 ? atol(f[2]) : 0, nf > 3 ? f[3] : "internal",
                nf > 4 ? f[4] : "the worker gave no reason");
}

/* When the parent kills a worker's task. A name is limited by work, not by
 * the clock (job.c), so that which documents have one never depends on how
 * busy the machine is; the clock stops a name pass only far past that. */
static double
watchdog(const run *r)
{
    return r->kind == TASK_NAME ? 10 * r->o->timeout_s + 10 : r->o->timeout_s;
}

/* A worker that was stopped or died: why, in words; NULL if it answered. */
static const char *
failure(const run *r, int wstatus, int timed_out, int nf, char *buf, size_t cap)
{
    if (timed_out)
        snprintf(buf, cap, "took longer than %g s and was stopped", watchdog(r));
    else if (WIFSIGNALED(wstatus))
        snprintf(buf, cap, "the worker died (signal %d: %s); the document was not made",
                 WTERMSIG(wstatus), strsignal(WTERMSIG(wstatus)));
    else if (nf < 1)
        snprintf(buf, cap, "the worker ended without a result; the document was not made");
    else
        return NULL;
    return buf;
}

static void
report_failure(run *r, bjob *j, const char *why, int timed_out, double ms)
{
    r->st->failed++;
    say("%s: error: %s (template %s)", j->record, why, j->template_path);
    report_line(r, j, timed_out ? "timeout" : "crashed", NULL, 0, 0, ms, j->record, 0,
                timed_out ? "timeout" : "crash", why);
}

static void
finish(run *r, worker *w, int wstatus, int timed_out)
{
    bjob *j = &r->jobs[w->job];
    double ms = (now() - w->start) * 1000;
    char *f[6] = {0};
    w->msg[w->len] = '\0';
    int nf = w->len > 0 && memchr(w->msg, '\n', w->len) ? split_fields(w->msg, f, 5) : 0;
    char buf[256];
    const char *why = failure(r, wstatus, timed_out, nf, buf, sizeof buf);
    if (r->kind == TASK_NAME) {
        free(j->name);
        j->name = why == NULL && nf == 2 && strcmp(f[0], "name") == 0 ? xstrdup(f[1]) : NULL;
        if (why == NULL && nf == 2 && strcmp(f[0], "stopped") == 0)
            why = f[1], timed_out = 1;
        /* stopped or crashed: so it would be again; it is not rendered */
        if (why != NULL) {
            j->failed = xstrdup(why);
            j->failed_timeout = timed_out;
            j->failed_ms = ms;
        }
        return;
    }
    if (why != NULL) {
        if (nf >= 2 && strcmp(f[0], "ok") == 0 && strchr(f[1], '/') == NULL) {
            char *tmp = out_path(r, f[1]);
            unlink(tmp);
            free(tmp);
        }
        report_failure(r, j, why, timed_out, ms);
        return;
    }
    finish_render(r, w, j, f, nf, ms);
}

static void
progress(run *r, int done, int total)
{
    if (r->o->quiet || !isatty(2) || total == 0)
        return;
    int width = 30, fill = done * width / total;
    fprintf(stderr, "\r[%.*s%*s] %d/%d", fill, "##############################", width - fill, "",
            done, total);
    if (done == total)
        fputc('\n', stderr);
}

/* The limit that the error e of pipe() or fork() ran into, for a message. */
static void
limit_text(int e, char *buf, size_t cap)
{
    struct rlimit rl;
    if ((e == EMFILE || e == ENFILE) && getrlimit(RLIMIT_NOFILE, &rl) == 0)
        snprintf(buf, cap, "%s (open files: ulimit -n is %llu)", strerror(e),
                 (unsigned long long)rl.rlim_cur);
    else if (e == EAGAIN && getrlimit(RLIMIT_NPROC, &rl) == 0)
        snprintf(buf, cap, "%s (processes: ulimit -u is %llu)", strerror(e),
                 rl.rlim_cur == RLIM_INFINITY ? 0ull : (unsigned long long)rl.rlim_cur);
    else
        snprintf(buf, cap, "%s", strerror(e));
}

/* A new worker in slot x, forked from the parent. -1 (errno set) when the
 * system has no descriptors or processes left. */
static int
spawn(run *r, worker *x)
{
    int res[2], jobs[2];
    if (pipe(res) != 0)
        return -1;
    if (pipe(jobs) != 0) {
        int e = errno;
        close(res[0]), close(res[1]);
        errno = e;
        return -1;
    }
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(res[0]), close(res[1]), close(jobs[0]), close(jobs[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        close(res[0]);
        close(jobs[1]);
        /* the other workers' pipes: a copy held here would keep a retired
         * worker from seeing its job pipe close */
        for (int i = 0; i < r->nworkers; i++)
            if (&r->w[i] != x && r->w[i].pid != 0) {
                close(r->w[i].fd);
                close(r->w[i].job_fd);
            }
        if (r->report != NULL && fileno(r->report) > 2)
            close(fileno(r->report));
        worker_main(r, jobs[0], res[1], parent);
    }
    close(res[1]);
    close(jobs[0]);
    fcntl(res[0], F_SETFD, FD_CLOEXEC);
    fcntl(jobs[1], F_SETFD, FD_CLOEXEC);
    x->pid = pid, x->fd = res[0], x->job_fd = jobs[1], x->job = -1, x->count = 0, x->len = 0;
    return 0;
}

/* An idle worker leaves: its job pipe closes, it exits. */
static void
retire(worker *x)
{
    close(x->job_fd);
    close(x->fd);
    waitpid(x->pid, NULL, 0);
    x->pid = 0;
}

static int
alive_workers(const run *r)
{
    int n = 0;
    for (int i = 0; i < r->nworkers; i++)
        n += r->w[i].pid != 0;
    return n;
}

/* Hand out the tasks of one pass (jobs whose index is in todo) and collect
 * their results. -1 when the batch must stop (a signal, the report, no
 * worker could be started). */
static int
run_pass(run *r, const int *todo, int ntodo, int *done, int total)
{
    int next = 0;
    struct pollfd *pf = malloc((size_t)r->nworkers * sizeof *pf);
    int *map = malloc((size_t)r->nworkers * sizeof *map);
    if (pf == NULL || map == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int rc = 0;
    for (;;) {
        if (stop_signal || r->report_errno) {
            rc = -1;
            break;
        }
        for (int i = 0; i < r->max_workers; i++) {
            worker *x = &r->w[i];
            if (x->pid != 0 && x->job < 0 && (next >= ntodo || x->count >= WORKER_TASKS))
                retire(x); /* nothing left for it, or it has done its share */
            if (next >= ntodo || (x->pid != 0 && x->job >= 0))
                continue;
            if (x->pid == 0 && spawn(r, x) != 0) {
                char why[256];
                limit_text(errno, why, sizeof why);
                if (alive_workers(r) == 0) {
                    say("hoso: error: cannot start a worker process: %s", why);
                    free(pf), free(map);
                    return -1;
                }
                /* one fewer than now running: the parent keeps a few
                 * descriptors free for its own files */
                int keep = alive_workers(r) > 1 ? alive_workers(r) - 1 : 1;
                say("hoso: -j %d lowered to %d: cannot start more worker processes: %s",
                    r->max_workers, keep, why);
                r->max_workers = keep;
                /* the first slots must hold the live ones */
                for (int a = 0, b = 0; a < r->nworkers; a++)
                    if (r->w[a].pid != 0) {
                        worker t = r->w[a];
                        r->w[a] = r->w[b];
                        r->w[b++] = t;
                    }
                break;
            }
            char line[32];
            int n = snprintf(line, sizeof line, "%c%d\n", r->kind, todo[next]);
            x->job = todo[next++];
            x->count++;
            x->start = now();
            x->len = 0;
            send_all(x->job_fd, line, (size_t)n); /* a dead worker: seen on its result pipe */
        }
        for (int i = r->max_workers; i < r->nworkers; i++)
            if (r->w[i].pid != 0 && r->w[i].job < 0)
                retire(&r->w[i]); /* past a lowered -j */
        int n = 0;
        for (int i = 0; i < r->nworkers; i++)
            if (r->w[i].pid != 0 && r->w[i].job >= 0) {
                pf[n] = (struct pollfd){r->w[i].fd, POLLIN, 0};
                map[n++] = i;
            }
        if (n == 0 && next >= ntodo)
            break;
        poll(pf, (nfds_t)n, 50);
        for (int k = 0; k < n; k++) {
            worker *x = &r->w[map[k]];
            int timed_out = r->o->timeout_s > 0 && now() - x->start > watchdog(r);
            if (!(pf[k].revents & (POLLIN | POLLHUP | POLLERR)) && !timed_out)
                continue;
            if (!timed_out) {
                ssize_t got = read(x->fd, x->msg + x->len, sizeof x->msg - 1 - x->len);
                if (got < 0 && errno == EINTR)
                    continue;
                if (got > 0) {
                    x->len += (size_t)got;
                    if (memchr(x->msg, '\n', x->len) == NULL && x->len < sizeof x->msg - 1)
                        continue;
                    finish(r, x, 0, 0); /* a whole result line: the worker goes on */
                    x->job = -1;
                    if (r->kind == TASK_RENDER)
                        progress(r, ++*done, total);
                    continue;
                }
            } else {
                kill(x->pid, SIGKILL);
            }
            /* the worker died (or was killed) with a task in work */
            int ws = 0;
            waitpid(x->pid, &ws, 0);
            close(x->fd);
            close(x->job_fd);
            finish(r, x, ws, timed_out);
            x->pid = 0;
            x->job = -1;
            if (r->kind == TASK_RENDER)
                progress(r, ++*done, total);
        }
        flush_placed(r);
    }
    flush_placed(r);
    free(pf);
    free(map);
    return rc;
}

static void
stop_workers(run *r)
{
    for (int i = 0; i < r->nworkers; i++) {
        if (r->w[i].pid == 0)
            continue;
        if (r->w[i].job >= 0)
            kill(r->w[i].pid, SIGKILL);
        retire(&r->w[i]);
    }
}

/* The documents whose worker died on their name (a signal, not the
 * watchdog), into todo, to be tried once more in a fresh worker: a worker
 * killed from outside (the OOM killer, a user) must not take a name out of
 * the run. One that dies again fails; so it does in every run. */
static int
crashed_names(run *r, int *todo)
{
    int n = 0;
    for (int i = 0; i < r->njobs; i++) {
        bjob *j = &r->jobs[i];
        if (j->failed != NULL && !j->failed_timeout) {
            free(j->failed);
            j->failed = NULL;
            todo[n++] = i;
        }
    }
    return n;
}

/* Every document of the run (all shards) gets its file name. */
static void
assign_names(run *r)
{
    hs_out_doc *d = malloc((size_t)(r->njobs ? r->njobs : 1) * sizeof *d);
    if (d == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (int i = 0; i < r->njobs; i++)
        d[i] = (hs_out_doc){r->jobs[i].record, r->jobs[i].template_path, r->jobs[i].name, NULL};
    hs_out_assign_names(d, (size_t)r->njobs, r->o->ascii_names);
    for (int i = 0; i < r->njobs; i++)
        r->jobs[i].file = d[i].file;
    free(d);
}

int
hs_batch_run(hs_engine *e, const hs_batch_opts *o, hs_batch_stats *st)
{
    memset(st, 0, sizeof *st);
    run r = {0};
    r.e = e, r.o = o, r.st = st, r.t0 = now();
    r.umask = umask(0);
    umask(r.umask);
    strv rec = {0};
    for (int i = 0; i < o->ninputs; i++)
        if (expand_input(o->inputs[i], &rec) != 0) {
            say("%s: error: cannot read the folder: %s", o->inputs[i], strerror(errno));
            st->failed++;
        }
    /* sorted and once each: the same set of jobs in every process of a run */
    qsort(rec.v, (size_t)rec.n, sizeof *rec.v, cmp_str);
    int nrec = 0;
    for (int i = 0; i < rec.n; i++)
        if (nrec > 0 && strcmp(rec.v[nrec - 1], rec.v[i]) == 0)
            free(rec.v[i]);
        else
            rec.v[nrec++] = rec.v[i];
    /* a template given twice is one document */
    char *dup = calloc((size_t)o->ntemplates + 1, 1);
    if (dup == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (int t = 0; t < o->ntemplates; t++)
        for (int u = 0; u < t && !dup[t]; u++)
            dup[t] = strcmp(o->templates[u], o->templates[t]) == 0;
    for (int i = 0; i < nrec; i++) {
        int mine = in_shard(rec.v[i], o->shard_k, o->shard_n);
        for (int t = 0; t < o->ntemplates; t++)
            if (!dup[t])
                add_job(&r, rec.v[i], o->templates[t], mine);
    }
    free(dup);
    for (int i = 0; i < r.njobs; i++) {
        r.jobs[i].prefix = line_prefix(&r.jobs[i]);
        st->total += r.jobs[i].mine;
    }
    int rc = 0;
    if (mkdir(o->out_dir, 0777) != 0 && errno != EEXIST) {
        say("%s: error: cannot create the output folder: %s", o->out_dir, strerror(errno));
        rc = -1;
        goto out;
    }
    r.dirfd = open(o->out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (r.dirfd < 0) {
        say("%s: error: cannot open the output folder: %s", o->out_dir, strerror(errno));
        rc = -1;
        goto out;
    }
    hs_out_sweep(o->out_dir);
    if (o->resume_path != NULL)
        read_resume(&r);
    if (o->report_path != NULL) {
        int to_stdout = strcmp(o->report_path, "-") == 0;
        r.report = to_stdout ? stdout : fopen(o->report_path, "a");
        if (r.report == NULL) {
            say("%s: error: cannot write the report: %s", o->report_path, strerror(errno));
            rc = -1;
            goto out;
        }
    }
    /* The parent reads the templates and the profile (parsing only), so the
     * workers inherit them parsed. What fails here fails again, and is
     * reported, in each document's own worker. */
    for (int t = 0; t < o->ntemplates; t++)
        hs_engine_warm(e, o->templates[t], o->profile_path);
    r.nworkers = r.max_workers = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (r.nworkers < 1)
        r.nworkers = r.max_workers = 1;
    r.w = calloc((size_t)r.nworkers, sizeof *r.w);
    int *todo = malloc((size_t)(r.njobs ? r.njobs : 1) * sizeof *todo);
    if (r.w == NULL || todo == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    stop_signal = 0;
    catch_stop_signals(on_stop);
    signal(SIGPIPE, SIG_IGN); /* a worker that died mid-job, a closed report: write() fails */
    int ntodo = 0, done = 0;
    /* pass 1: the names of every document of the run (but those an earlier
     * report gave) */
    for (int i = 0; i < r.njobs; i++)
        if (!(r.jobs[i].reported && r.jobs[i].name != NULL))
            todo[ntodo++] = i;
    r.kind = TASK_NAME;
    int names = run_pass(&r, todo, ntodo, &done, 0);
    if (names == 0 && (ntodo = crashed_names(&r, todo)) > 0)
        names = run_pass(&r, todo, ntodo, &done, 0);
    if (names == 0) {
        assign_names(&r);
        ntodo = 0;
        for (int i = 0; i < r.njobs; i++) {
            bjob *j = &r.jobs[i];
            if (!j->mine)
                continue;
            if (j->reported && j->file != NULL) {
                char *p = out_path(&r, j->file), owner[HS_OUT_OWNER_LEN + 1];
                hs_out_owner(j->record, j->template_path, owner);
                j->done = hs_out_marked(p, owner) == 1;
                free(p);
            }
            if (j->done)
                st->resumed++;
            else if (j->failed != NULL)
                report_failure(&r, j, j->failed, j->failed_timeout, j->failed_ms);
            else
                todo[ntodo++] = i;
        }
        /* pass 2: this shard's documents */
        r.kind = TASK_RENDER;
        done = st->resumed;
        progress(&r, done, st->total);
        run_pass(&r, todo, ntodo, &done, st->total);
    }
    stop_workers(&r);
    free(todo);
    free(r.w);
    free(r.placed);
    /* again at the end: a worker of a killed run may have outlived the first sweep */
    hs_out_sweep(o->out_dir);
    catch_stop_signals(SIG_DFL);
    int left = st->total - st->ok - st->failed - st->skipped - st->resumed;
    if (r.report_errno != 0) {
        say("%s: error: cannot write the report: %s; the batch was stopped with %d document%s "
            "not made or not reported (--resume with the report goes on)",
            strcmp(o->report_path, "-") == 0 ? "<stdout>" : o->report_path,
            strerror(r.report_errno), left + r.unreported, left + r.unreported == 1 ? "" : "s");
        st->report_failed = 1;
    } else if (stop_signal) {
        st->stopped = stop_signal;
        say("hoso: stopped by signal %d (%s): %d document%s not made%s", (int)stop_signal,
            strsignal(stop_signal), left, left == 1 ? "" : "s",
            o->report_path ? "; --resume with the report goes on" : "");
    } else if (left > 0) {
        st->failed += left; /* no worker could be started */
    }
    if (r.report != NULL && r.report != stdout && fclose(r.report) != 0 && !st->report_failed) {
        say("%s: error: cannot write the report: %s", o->report_path, strerror(errno));
        st->report_failed = 1;
    }
    rc = st->failed > 0 || st->stopped || st->report_failed ? -1 : 0;
out:
    if (r.dirfd > 0)
        close(r.dirfd);
    for (int i = 0; i < r.njobs; i++) {
        free(r.jobs[i].name);
        free(r.jobs[i].file);
        free(r.jobs[i].prefix);
        free(r.jobs[i].failed);
    }
    free(r.jobs);
    for (int i = 0; i < nrec; i++)
        free(rec.v[i]);
    free(rec.v);
    st->seconds = now() - r.t0;
    return rc;
}
