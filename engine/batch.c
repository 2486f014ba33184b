/* engine/batch.c — many documents, unattended, in worker processes.
 *
 * The parent holds the warm engine (fonts, schemas, templates parsed once)
 * and forks workers from it; each worker renders one document after another,
 * as the parent hands them out on a pipe, so a document costs a render, not a
 * process (a fork's copy-on-write faults cost as much as the render on a
 * virtual machine). One document's crash or hang ends only its worker: the
 * parent reports that document and forks a fresh worker; a worker is also
 * replaced after WORKER_DOCS documents, so nothing builds up. A worker
 * renders into a hidden temporary file in the output folder and tells the
 * parent on a pipe; the parent picks the final name (unique within the run),
 * renames the file into place and appends a line to the JSON Lines report,
 * flushed at once: after a SIGKILL the report lists exactly the documents
 * that exist, and --resume skips them. Workers die with the parent
 * (PR_SET_PDEATHSIG); their temporary files are removed by the next run. */
#include "hoso.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TMP_PREFIX ".hoso-"
#define TMP_SUFFIX ".part"
#define MSG_MAX 8192
#define WORKER_DOCS 256 /* documents a worker renders before it is replaced */

typedef struct bjob {
    const char *record, *template_path;
    int done;
} bjob;

typedef struct worker {
    pid_t pid;        /* 0: no process in this slot */
    int fd, job_fd;   /* results from the worker; job numbers to it */
    int job;          /* the document in work; -1: idle */
    int count;        /* documents handed to this worker */
    double start;     /* when the document in work was handed out */
    char msg[MSG_MAX];
    size_t len;
} worker;

typedef struct run {
    hs_engine *e;
    const hs_batch_opts *o;
    hs_batch_stats *st;
    bjob *jobs;
    int njobs, cap;
    char **names; /* output names used in this run (and the resumed one) */
    int nnames, names_cap;
    FILE *report;
    double t0;
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

static void
add_job(run *r, const char *record, const char *tpl)
{
    if (r->njobs == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->jobs = realloc(r->jobs, (size_t)r->cap * sizeof *r->jobs);
        if (r->jobs == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    r->jobs[r->njobs++] = (bjob){record, tpl, 0};
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Record paths from an argument: a file, a folder (its *.xml, sorted) or
 * "-" (one path a line on standard input). */
static int
expand_input(const char *in, char ***out, int *n, int *cap)
{
#define PUSH(p)                                                                                    \
    do {                                                                                           \
        if (*n == *cap) {                                                                          \
            *cap = *cap ? *cap * 2 : 64;                                                           \
            *out = realloc(*out, (size_t)*cap * sizeof **out);                                     \
            if (*out == NULL)                                                                      \
                hs_fatal_at(__FILE__, __LINE__, "out of memory");                                  \
        }                                                                                          \
        (*out)[(*n)++] = (p);                                                                      \
    } while (0)
    if (strcmp(in, "-") == 0) {
        char line[4096];
        while (fgets(line, sizeof line, stdin) != NULL) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] != '\0')
                PUSH(xstrdup(line));
        }
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
        int first = *n;
        for (struct dirent *de; (de = readdir(d)) != NULL;) {
            size_t len = strlen(de->d_name);
            if (len > 4 && strcmp(de->d_name + len - 4, ".xml") == 0 && de->d_name[0] != '.') {
                char *p = malloc(dl + len + 2);
                if (p == NULL)
                    hs_fatal_at(__FILE__, __LINE__, "out of memory");
                sprintf(p, "%.*s/%s", (int)dl, in, de->d_name);
                PUSH(p);
            }
        }
        closedir(d);
        qsort(*out + first, (size_t)(*n - first), sizeof **out, cmp_str);
        return 0;
    }
    PUSH(xstrdup(in));
    return 0;
#undef PUSH
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

/* ---- JSON Lines ---- */

static void
json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* The value of "key":"…" in a line we wrote ourselves, unescaped into buf. */
static int
json_field(const char *line, const char *key, char *buf, size_t cap)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = strstr(line, pat);
    if (p == NULL)
        return -1;
    p += strlen(pat);
    size_t n = 0;
    for (; *p && *p != '"' && n + 1 < cap; p++) {
        if (*p == '\\' && p[1] != '\0') {
            p++;
            if (*p == 'n')
                buf[n++] = '\n';
            else if (*p == 'u') {
                unsigned v = 0;
                if (sscanf(p + 1, "%4x", &v) == 1)
                    buf[n++] = (char)v;
                p += 4;
            } else
                buf[n++] = *p;
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = '\0';
    return 0;
}

static void
remember_name(run *r, const char *name)
{
    if (r->nnames == r->names_cap) {
        r->names_cap = r->names_cap ? r->names_cap * 2 : 64;
        r->names = realloc(r->names, (size_t)r->names_cap * sizeof *r->names);
        if (r->names == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    r->names[r->nnames++] = xstrdup(name);
}

static int
name_used(const run *r, const char *name)
{
    for (int i = 0; i < r->nnames; i++)
        if (strcmp(r->names[i], name) == 0)
            return 1;
    return 0;
}

/* --resume: documents an earlier run finished (status ok, file present). */
static void
resume(run *r)
{
    FILE *f = fopen(r->o->resume_path, "r");
    if (f == NULL)
        return; /* nothing done yet */
    char *line = NULL;
    size_t cap = 0;
    char rec[4096], tpl[4096], status[32], out[4096];
    while (getline(&line, &cap, f) > 0) {
        if (json_field(line, "status", status, sizeof status) != 0 || strcmp(status, "ok") != 0 ||
            json_field(line, "record", rec, sizeof rec) != 0 ||
            json_field(line, "template", tpl, sizeof tpl) != 0 ||
            json_field(line, "output", out, sizeof out) != 0 || access(out, F_OK) != 0)
            continue;
        for (int i = 0; i < r->njobs; i++)
            if (!r->jobs[i].done && strcmp(r->jobs[i].record, rec) == 0 &&
                strcmp(r->jobs[i].template_path, tpl) == 0) {
                r->jobs[i].done = 1;
                r->st->resumed++;
                remember_name(r, out);
            }
    }
    free(line);
    fclose(f);
}

/* Temporary files of workers that no longer run (a killed batch). */
/* A worker of a killed batch is reparented; until its new parent reaps it,
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

static void
sweep_temps(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        long pid;
        if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0 ||
            sscanf(de->d_name + strlen(TMP_PREFIX), "%ld-", &pid) != 1)
            continue;
        if (alive((pid_t)pid))
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        unlink(p);
    }
    closedir(d);
}

/* ---- the child ---- */

/* A child holds its diagnostics: a document skipped for a missing part is
 * one line from the parent, anything else is printed in full. */
typedef struct first_error {
    char text[1024];
    int set, missing_only;
    char held[8192];
    size_t len;
} first_error;

static void
child_sink(void *user, const hs_diag *d)
{
    first_error *fe = user;
    char line[1024];
    hs_diag_format(d, line, sizeof line);
    size_t n = strlen(line);
    if (fe->len + n + 2 < sizeof fe->held) {
        memcpy(fe->held + fe->len, line, n);
        fe->len += n;
        fe->held[fe->len++] = '\n';
    }
    if (d->severity == HS_SEV_ERROR && !fe->set) {
        /* file \t line \t code \t message, for the parent's report */
        snprintf(fe->text, sizeof fe->text, "%s\t%ld\t%s\t%s", d->loc.file ? d->loc.file : "",
                 d->loc.line, d->code ? d->code : "", d->message);
        fe->set = 1;
        fe->missing_only = d->code != NULL && strcmp(d->code, "missing") == 0;
    } else if (d->severity == HS_SEV_ERROR && strcmp(d->code ? d->code : "", "missing") != 0) {
        fe->missing_only = 0;
    }
}

static void
send_all(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0 && errno != EINTR)
            return;
        if (w > 0)
            s += w, n -= (size_t)w;
    }
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

/* Worker: one document, into a temporary file; the result on fd as one line,
 * "ok\tTMP\tNAME\tPAGES\tBYTES" or "error\tFILE\tLINE\tCODE\tMSG". */
static void
work_one(run *r, const bjob *j, int fd)
{
#ifdef HS_TEST_HOOKS
    /* Tests of the batch: a worker that dies or hangs on a given record. */
    const char *crash = getenv("HOSO_TEST_KILL"), *hang = getenv("HOSO_TEST_HANG");
    if (crash != NULL && strstr(j->record, crash) != NULL)
        raise(SIGKILL);
    if (hang != NULL && strstr(j->record, hang) != NULL)
        sleep(3600);
#endif
    static first_error fe; /* a worker renders one document at a time */
    memset(&fe, 0, sizeof fe);
    hs_report rep = {child_sink, &fe, 0, 20};
    hs_job job = {j->template_path,        j->record,          NULL,           r->o->profile_path,
                  r->o->source_date_epoch, r->o->memory_limit, r->o->timeout_s,
                  r->o->strict};
    hs_output out;
    char msg[MSG_MAX];
    if (hs_render(r->e, &job, &rep, &out) != 0) {
        if (!fe.missing_only && fe.len > 0)
            fwrite(fe.held, 1, fe.len, stderr);
        fflush(stderr);
        snprintf(msg, sizeof msg, "error\t%s\n", fe.set ? fe.text : "\t0\tinternal\tfailed");
        /* a message holds no newline but its last: the parent reads lines */
        for (char *p = msg; p[0] != '\0' && p[1] != '\0'; p++)
            if (*p == '\n')
                *p = ' ';
        send_all(fd, msg);
        return;
    }
    char *name = hs_file_name(out.name ? out.name : "document", r->o->ascii_names, &rep);
    char tmp[2048];
    snprintf(tmp, sizeof tmp, "%s/" TMP_PREFIX "%ld-XXXXXX" TMP_SUFFIX, r->o->out_dir,
             (long)getpid());
    int tfd = mkstemps(tmp, (int)strlen(TMP_SUFFIX));
    int ok = tfd >= 0 && name != NULL;
    size_t end = out.len;
#ifdef HS_TEST_HOOKS
    if (getenv("HOSO_TEST_ENOSPC") != NULL) /* a full file system, half-way */
        end = out.len / 2;
#endif
    for (size_t off = 0; ok && off < end;) {
        ssize_t w = write(tfd, out.pdf + off, end - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            ok = 0;
        else
            off += (size_t)w;
    }
    if (end < out.len) {
        ok = 0;
        errno = ENOSPC;
    }
    int e = errno;
    if (tfd >= 0 && (fchmod(tfd, 0644) != 0 || close(tfd) != 0) && ok)
        ok = 0, e = errno;
    if (!ok) {
        if (tfd >= 0)
            unlink(tmp);
        fprintf(stderr, "%s: error: cannot write in the output folder: %s (record %s) [io]\n",
                r->o->out_dir, strerror(e), j->record);
        fflush(stderr);
        snprintf(msg, sizeof msg, "error\t%s\t0\tio\tcannot write in the output folder: %s\n",
                 r->o->out_dir, strerror(e));
    } else {
        snprintf(msg, sizeof msg, "ok\t%s\t%s\t%d\t%zu\n", tmp, name, out.pages, out.len);
    }
    free(name);
    hs_output_free(&out);
    send_all(fd, msg);
}

/* Worker: the job numbers the parent writes on job_fd, one per line, until
 * the pipe closes. */
static _Noreturn void
worker_main(run *r, int job_fd, int fd, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* the parent died before prctl took effect */
        _exit(1);
    catch_stop_signals(SIG_DFL);
#ifndef __SANITIZE_ADDRESS__
    if (r->o->memory_limit > 0) {
        struct rlimit rl = {r->o->memory_limit * 2 + ((size_t)256 << 20),
                            r->o->memory_limit * 2 + ((size_t)256 << 20)};
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    char line[32];
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
        int k = atoi(line);
        if (k >= 0 && k < r->njobs)
            work_one(r, &r->jobs[k], fd);
    }
}

/* ---- the parent ---- */

static void
report_line(run *r, const bjob *j, const char *status, const char *output, int pages, size_t bytes,
            double ms, const char *efile, long eline, const char *ecode, const char *emsg)
{
    if (r->report == NULL)
        return;
    FILE *f = r->report;
    fputs("{\"record\":", f);
    json_str(f, j->record);
    fputs(",\"template\":", f);
    json_str(f, j->template_path);
    fputs(",\"status\":", f);
    json_str(f, status);
    fputs(",\"output\":", f);
    json_str(f, output ? output : "");
    fprintf(f, ",\"pages\":%d,\"bytes\":%zu,\"ms\":%.1f", pages, bytes, ms);
    if (emsg != NULL) {
        fputs(",\"error\":{\"file\":", f);
        json_str(f, efile);
        fprintf(f, ",\"line\":%ld,\"code\":", eline);
        json_str(f, ecode);
        fputs(",\"message\":", f);
        json_str(f, emsg);
        fputc('}', f);
    }
    fputs("}\n", f);
    fflush(f);
}

/* Move the child's temporary file to a name unique within the run. */
static char *
place_output(run *r, const char *tmp, const char *name)
{
    char path[4096];
    const char *dot = strrchr(name, '.');
    size_t stem = dot ? (size_t)(dot - name) : strlen(name);
    snprintf(path, sizeof path, "%s/%s", r->o->out_dir, name);
    for (int k = 2; name_used(r, path) && k < 10000; k++)
        snprintf(path, sizeof path, "%s/%.*s (%d)%s", r->o->out_dir, (int)stem, name, k,
                 dot ? dot : "");
    if (rename(tmp, path) != 0) {
        unlink(tmp);
        return NULL;
    }
    remember_name(r, path);
    return xstrdup(path);
}

static void
finish(run *r, worker *w, int wstatus, int timed_out)
{
    bjob *j = &r->jobs[w->job];
    double ms = (now() - w->start) * 1000;
    char *f[6] = {0};
    int nf = 0;
    w->msg[w->len] = '\0';
    /* fields may be empty (an error without a file): strsep keeps them */
    w->msg[strcspn(w->msg, "\n")] = '\0';
    for (char *rest = w->msg; rest != NULL && nf < 6;)
        f[nf++] = strsep(&rest, "\t");
    if (nf == 1 && f[0][0] == '\0')
        nf = 0;
    const char *why = NULL;
    char buf[256];
    if (timed_out) {
        snprintf(buf, sizeof buf, "took longer than %.0f s and was stopped", r->o->timeout_s);
        why = buf;
    } else if (WIFSIGNALED(wstatus)) {
        snprintf(buf, sizeof buf, "the worker died (signal %d: %s); the document was not made",
                 WTERMSIG(wstatus), strsignal(WTERMSIG(wstatus)));
        why = buf;
    }
    if (why != NULL) {
        if (nf >= 2 && strcmp(f[0], "ok") == 0)
            unlink(f[1]);
        r->st->failed++;
        fprintf(stderr, "%s: error: %s (template %s)\n", j->record, why, j->template_path);
        report_line(r, j, timed_out ? "timeout" : "crashed", NULL, 0, 0, ms, j->record, 0,
                    timed_out ? "timeout" : "crash", why);
        return;
    }
    if (nf == 5 && strcmp(f[0], "ok") == 0) {
        char *path = place_output(r, f[1], f[2]);
        if (path == NULL) {
            r->st->failed++;
            fprintf(stderr, "%s: error: cannot rename the document into place (record %s) [io]\n",
                    r->o->out_dir, j->record);
            report_line(r, j, "error", NULL, 0, 0, ms, r->o->out_dir, 0, "io",
                        "cannot rename the document into place");
            return;
        }
        r->st->ok++;
        report_line(r, j, "ok", path, atoi(f[3]), (size_t)strtoull(f[4], NULL, 10), ms, NULL, 0,
                    NULL, NULL);
        free(path);
        return;
    }
    /* error: f[1] file, f[2] line, f[3] code, f[4] message */
    int missing = nf >= 5 && strcmp(f[3], "missing") == 0;
    if (missing) {
        r->st->skipped++;
        if (!r->o->quiet)
            fprintf(stderr, "skipped: %s × %s: %s\n", j->record, j->template_path, f[4]);
    } else {
        r->st->failed++;
    }
    report_line(r, j, missing ? "skipped" : "error", NULL, 0, 0, ms, nf > 1 ? f[1] : "",
                nf > 2 ? atol(f[2]) : 0, nf > 3 ? f[3] : "internal",
                nf > 4 ? f[4] : "the worker gave no reason");
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

/* A new worker in slot x of the n in w, forked from the warm parent. */
static int
spawn(run *r, worker *w, int n, worker *x)
{
    int res[2], jobs[2];
    if (pipe(res) != 0)
        hs_fatal_at(__FILE__, __LINE__, "pipe: %s", strerror(errno));
    if (pipe(jobs) != 0)
        hs_fatal_at(__FILE__, __LINE__, "pipe: %s", strerror(errno));
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0)
        hs_fatal_at(__FILE__, __LINE__, "fork: %s", strerror(errno));
    if (pid == 0) {
        close(res[0]);
        close(jobs[1]);
        /* the other workers' pipes: a copy held here would keep a retired
         * worker from seeing its job pipe close */
        for (int i = 0; i < n; i++)
            if (&w[i] != x && w[i].pid != 0) {
                close(w[i].fd);
                close(w[i].job_fd);
            }
        worker_main(r, jobs[0], res[1], parent);
    }
    close(res[1]);
    close(jobs[0]);
    fcntl(res[0], F_SETFD, FD_CLOEXEC);
    fcntl(jobs[1], F_SETFD, FD_CLOEXEC);
    *x = (worker){pid, res[0], jobs[1], -1, 0, 0, "", 0};
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

int
hs_batch_run(hs_engine *e, const hs_batch_opts *o, hs_batch_stats *st)
{
    memset(st, 0, sizeof *st);
    run r = {e, o, st, NULL, 0, 0, NULL, 0, 0, NULL, now()};
    char **records = NULL;
    int nrec = 0, rcap = 0;
    for (int i = 0; i < o->ninputs; i++)
        if (expand_input(o->inputs[i], &records, &nrec, &rcap) != 0) {
            fprintf(stderr, "%s: error: cannot read the folder: %s\n", o->inputs[i],
                    strerror(errno));
            st->failed++;
        }
    for (int i = 0; i < nrec; i++)
        if (in_shard(records[i], o->shard_k, o->shard_n))
            for (int t = 0; t < o->ntemplates; t++)
                add_job(&r, records[i], o->templates[t]);
    st->total = r.njobs;
    if (mkdir(o->out_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: error: cannot create the output folder: %s\n", o->out_dir,
                strerror(errno));
        return -1;
    }
    sweep_temps(o->out_dir);
    if (o->resume_path != NULL)
        resume(&r);
    if (o->report_path != NULL) {
        int to_stdout = strcmp(o->report_path, "-") == 0;
        r.report = to_stdout ? stdout : fopen(o->report_path, "a");
        if (r.report == NULL) {
            fprintf(stderr, "%s: error: cannot write the report: %s\n", o->report_path,
                    strerror(errno));
            return -1;
        }
    }
    /* Warm the parent: one render per template loads the profile, the
     * template and the parts it includes, so the workers inherit them parsed
     * instead of parsing them once per document. The result is dropped. */
    for (int t = 0; t < o->ntemplates && r.njobs > 0; t++) {
        hs_report quiet = {hs_diag_discard, NULL, 0, 20};
        hs_job job = {o->templates[t],      r.jobs[0].record, NULL, o->profile_path,
                      o->source_date_epoch, o->memory_limit,  0, o->strict};
        hs_output out;
        if (hs_render(e, &job, &quiet, &out) == 0)
            hs_output_free(&out);
    }
    int nworkers = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (nworkers < 1)
        nworkers = 1;
    worker *w = calloc((size_t)nworkers, sizeof *w);
    if (w == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int next = 0, done = st->resumed;
    progress(&r, done, r.njobs);
    stop_signal = 0;
    catch_stop_signals(on_stop);
    signal(SIGPIPE, SIG_IGN); /* a worker that died mid-job: write() fails instead */
    for (;;) {
        if (stop_signal)
            break;
        /* hand out work: to an idle worker, or to a new one in a free slot */
        for (int i = 0; i < nworkers; i++) {
            while (next < r.njobs && r.jobs[next].done)
                next++;
            worker *x = &w[i];
            if (x->pid != 0 && x->job < 0 && (next >= r.njobs || x->count >= WORKER_DOCS))
                retire(x); /* nothing left for it, or it has done its share */
            if (next >= r.njobs || (x->pid != 0 && x->job >= 0))
                continue;
            if (x->pid == 0 && spawn(&r, w, nworkers, x) != 0)
                continue;
            char line[32];
            snprintf(line, sizeof line, "%d\n", next);
            x->job = next++;
            x->count++;
            x->start = now();
            x->len = 0;
            send_all(x->job_fd, line);
        }
        int busy = 0;
        for (int i = 0; i < nworkers; i++)
            busy += w[i].pid != 0 && w[i].job >= 0;
        if (busy == 0 && next >= r.njobs)
            break;
        struct pollfd pf[256];
        int map[256], n = 0;
        for (int i = 0; i < nworkers && n < 256; i++)
            if (w[i].pid != 0 && w[i].job >= 0) {
                pf[n] = (struct pollfd){w[i].fd, POLLIN, 0};
                map[n++] = i;
            }
        poll(pf, (nfds_t)n, 50);
        for (int k = 0; k < n; k++) {
            worker *x = &w[map[k]];
            int timed_out = o->timeout_s > 0 && now() - x->start > o->timeout_s;
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
                    finish(&r, x, 0, 0); /* a whole result line: the worker goes on */
                    x->job = -1;
                    progress(&r, ++done, r.njobs);
                    continue;
                }
            } else {
                kill(x->pid, SIGKILL);
            }
            /* the worker died (or was killed) with a document in work */
            int ws = 0;
            waitpid(x->pid, &ws, 0);
            close(x->fd);
            close(x->job_fd);
            finish(&r, x, ws, timed_out);
            x->pid = 0;
            x->job = -1;
            progress(&r, ++done, r.njobs);
        }
    }
    for (int i = 0; i < nworkers; i++) {
        if (w[i].pid == 0)
            continue;
        if (stop_signal || w[i].job >= 0)
            kill(w[i].pid, SIGKILL);
        retire(&w[i]);
    }
    free(w);
    /* again at the end: a worker of a killed run may have outlived the first sweep */
    sweep_temps(o->out_dir);
    catch_stop_signals(SIG_DFL);
    if (stop_signal) {
        st->stopped = stop_signal;
        fprintf(stderr, "hoso: stopped by signal %d (%s): %d document%s not made%s\n",
                (int)stop_signal, strsignal(stop_signal),
                st->total - st->ok - st->failed - st->skipped - st->resumed,
                st->total - st->ok - st->failed - st->skipped - st->resumed == 1 ? "" : "s",
                o->report_path ? "; --resume with the report goes on" : "");
    }
    if (r.report != NULL && r.report != stdout)
        fclose(r.report);
    for (int i = 0; i < r.nnames; i++)
        free(r.names[i]);
    free(r.names);
    free(r.jobs);
    for (int i = 0; i < nrec; i++)
        free(records[i]);
    free(records);
    st->seconds = now() - r.t0;
    return st->failed > 0 || st->stopped ? -1 : 0;
}
