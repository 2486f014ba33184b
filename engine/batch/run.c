/* engine/batch/run.c — hs_batch_run: the two passes of a run (names, then documents). */
#include "batch/batch.h"

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

/* The jobs of the run, each record (sorted, once each) × template (once
 * each), and their report line prefixes. Returns the number of records. */
static int
collect_jobs(run *r, strv *rec)
{
    const hs_batch_options *o = r->o;
    for (int i = 0; i < o->ninputs; i++)
        if (hs_bt_expand_input(o->inputs[i], rec) != 0) {
            hs_bt_diag(r, o->inputs[i], HS_CODE_NONE, "cannot read the folder: %s",
                       strerror(errno));
            r->st->failed++;
        }
    /* sorted and once each: the same set of jobs in every process of a run */
    qsort(rec->v, (size_t)rec->n, sizeof *rec->v, hs_bt_cmp_str);
    int nrec = 0;
    for (int i = 0; i < rec->n; i++)
        if (nrec > 0 && strcmp(rec->v[nrec - 1], rec->v[i]) == 0)
            free(rec->v[i]);
        else
            rec->v[nrec++] = rec->v[i];
    /* a template given twice is one document */
    char *dup = calloc((size_t)o->ntemplates + 1, 1);
    if (dup == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (int t = 0; t < o->ntemplates; t++)
        for (int u = 0; u < t && !dup[t]; u++)
            dup[t] = strcmp(o->templates[u], o->templates[t]) == 0;
    for (int i = 0; i < nrec; i++) {
        int mine = hs_bt_in_shard(rec->v[i], o->shard_k, o->shard_n);
        for (int t = 0; t < o->ntemplates; t++)
            if (!dup[t])
                hs_bt_add_job(r, rec->v[i], o->templates[t], mine);
    }
    free(dup);
    for (int i = 0; i < r->njobs; i++) {
        r->jobs[i].prefix = hs_bt_line_prefix(&r->jobs[i]);
        r->st->total += r->jobs[i].mine;
    }
    return nrec;
}

/* The output folder (made, held open, swept of temporary files), what an
 * earlier report made, and the report opened. 0, or -1 after saying why. */
static int
open_outputs(run *r)
{
    const hs_batch_options *o = r->o;
    if (mkdir(o->out_dir, 0777) != 0 && errno != EEXIST) {
        hs_bt_diag(r, o->out_dir, HS_CODE_NONE, "cannot create the output folder: %s",
                   strerror(errno));
        return -1;
    }
    r->dirfd = open(o->out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (r->dirfd < 0) {
        hs_bt_diag(r, o->out_dir, HS_CODE_NONE, "cannot open the output folder: %s",
                   strerror(errno));
        return -1;
    }
    hs_out_sweep(o->out_dir);
    if (o->resume_path != NULL)
        hs_bt_read_resume(r);
    if (o->report_path != NULL) {
        int to_stdout = strcmp(o->report_path, "-") == 0;
        r->report = to_stdout ? stdout : fopen(o->report_path, "a");
        if (r->report == NULL) {
            hs_bt_diag(r, o->report_path, HS_CODE_NONE, "cannot write the report: %s",
                       strerror(errno));
            return -1;
        }
    }
    return 0;
}

/* What each file a resumed run's documents read holds now: every file once
 * (a template or a logo is read by each document), sorted by path. */
typedef struct seen {
    const char *path;
    char digest[HS_OUT_DIGEST_LEN + 1]; /* "-": it cannot be read */
} seen;

static int
cmp_seen(const void *a, const void *b)
{
    return strcmp(((const seen *)a)->path, ((const seen *)b)->path);
}

static int
hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Each line of the jobs' inputs cut into "DIGEST" and "PATH" in place, and
 * every path's digest now, in *out (sorted, once each). */
static size_t
digest_inputs(run *r, seen **out)
{
    int n = 0, cap = 0;
    seen *v = NULL;
    for (int i = 0; i < r->njobs; i++) {
        bjob *j = &r->jobs[i];
        if (!j->mine || !j->reported || j->inputs == NULL)
            continue;
        size_t len = strlen(j->inputs);
        for (char *p = j->inputs, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
            if (p[strcspn(p, " =\n")] == '\n')
                len = 0; /* a line that is not "DIGEST PATH" or "DIGEST=HEX" */
        if (len == 0 || j->inputs[len - 1] != '\n') {
            free(j->inputs); /* a list not as worker.c writes it: unknown */
            j->inputs = NULL;
            continue;
        }
        /* rewritten in place (never longer) as "DIGEST\0PATH\0" each */
        char *w = j->inputs;
        for (char *p = j->inputs, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
            size_t dl = strcspn(p, " =");
            char sep = p[dl], *from = p + dl + 1;
            memmove(w, p, dl);
            w[dl] = '\0';
            w += dl + 1;
            char *path = w;
            if (sep == '=') /* a path that is not UTF-8, its bytes in hex */
                for (; from + 1 < nl && hex(from[0]) >= 0 && hex(from[1]) >= 0; from += 2)
                    *w++ = (char)(hex(from[0]) << 4 | hex(from[1]));
            else
                memmove(w, from, (size_t)(nl - from)), w += nl - from;
            *w++ = '\0';
            if (n == cap)
                v = hs_bt_grow(v, &cap, sizeof *v);
            v[n++] = (seen){path, ""};
        }
        *w = '\0';
    }
    if (n > 0)
        qsort(v, (size_t)n, sizeof *v, cmp_seen);
    size_t m = 0;
    for (int i = 0; i < n; i++)
        if (m == 0 || strcmp(v[m - 1].path, v[i].path) != 0)
            v[m++] = v[i];
    for (size_t i = 0; i < m; i++)
        if (hs_out_digest(v[i].path, v[i].digest) != 0)
            strcpy(v[i].digest, "-");
    *out = v;
    return m;
}

/* Every file the document read when it was made holds what it held then:
 * an edit is seen whatever its time says (cp -p, a restored backup, git
 * checkout of an older version, touch -d), in a part the template includes
 * or an image too. A report without the list (an older hoso) says nothing:
 * the document is made again. */
static int
same_inputs(const run *r, const bjob *j, const seen *v, size_t n)
{
    if (j->inputs == NULL || j->inputs[0] == '\0')
        return 0;
    /* made by another hoso (or this one has no build id to tell), with
     * other fonts, another date or --strict */
    if (j->made_with == NULL || r->made_with == NULL || strcmp(j->made_with, r->made_with) != 0)
        return 0;
    /* made with another profile (or none): the same files may be unchanged,
     * but they are not what this run reads */
    const char *now = r->o->profile_path;
    char a[PATH_MAX], b[PATH_MAX];
    if ((now == NULL) != (j->profile == NULL) ||
        (now != NULL && strcmp(now, j->profile) != 0 &&
         (realpath(now, a) == NULL || realpath(j->profile, b) == NULL || strcmp(a, b) != 0)))
        return 0;
    /* "DIGEST\0PATH\0" each after digest_inputs, then the string's own '\0' */
    for (const char *p = j->inputs; *p != '\0';) {
        const char *path = p + strlen(p) + 1;
        seen key = {path, ""};
        const seen *hit = bsearch(&key, v, n, sizeof *v, cmp_seen);
        if (hit == NULL || strcmp(hit->digest, p) != 0 || strcmp(p, "-") == 0)
            return 0;
        p = path + strlen(path) + 1;
    }
    return 1;
}

/* --resume: which jobs an earlier report lists as made are what they were
 * made from (every file they read, the profile, hs_bt_made_with). The name
 * the report gives is only theirs: a job whose record changed may have
 * another name now (its customer's, its date), so it goes through the name
 * pass again (it was failed as "the document's name changed while the batch
 * ran", in every resumed run). */
static void
check_resumed(run *r)
{
    seen *v = NULL;
    size_t nv = digest_inputs(r, &v);
    for (int i = 0; i < r->njobs; i++) {
        bjob *j = &r->jobs[i];
        j->unchanged = j->mine && j->reported && same_inputs(r, j, v, nv);
        if (j->mine && j->reported && !j->unchanged) {
            free(j->name);
            j->name = NULL;
        }
    }
    free(v);
}

/* Pass 2's jobs into todo: this shard's, but those made before (--resume:
 * listed, and the file is still there, this document's, and every file it
 * read unchanged) and those whose
 * name pass crashed or was stopped (reported now). Returns their count. */
static int
render_todo(run *r, int *todo)
{
    int ntodo = 0;
    for (int i = 0; i < r->njobs; i++) {
        bjob *j = &r->jobs[i];
        if (!j->mine)
            continue;
        /* once, for the worker's mark and the parent's check of the file
         * it goes in (three realpath calls, a dozen system calls) */
        hs_out_owner(j->record, j->template_path, r->o->out_dir, j->owner);
        if (j->unchanged && j->file != NULL) {
            char *p = hs_bt_out_path(r, j->file);
            j->done = hs_out_marked(p, j->owner) == 1;
            free(p);
        }
        if (j->done)
            r->st->resumed++;
        else if (j->failed != NULL)
            hs_bt_report_failure(r, j, j->failed, j->failed_timeout, j->failed_ms);
        else
            todo[ntodo++] = i;
    }
    return ntodo;
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

/* The two passes, with workers forked from this process. */
static void
passes(run *r)
{
    const hs_batch_options *o = r->o;
    /* The parent reads the templates and the profile (parsing only), so the
     * workers inherit them parsed. What fails here fails again, and is
     * reported, in each document's own worker. */
    for (int t = 0; t < o->ntemplates; t++)
        hs_engine_warm(r->e, o->templates[t], o->profile_path);
    r->nworkers = r->max_workers = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (r->nworkers < 1)
        r->nworkers = r->max_workers = 1;
    r->w = calloc((size_t)r->nworkers, sizeof *r->w);
    int *todo = malloc((size_t)(r->njobs ? r->njobs : 1) * sizeof *todo);
    if (r->w == NULL || todo == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int ntodo = 0, done = 0;
    check_resumed(r);
    /* pass 1: the names of every document of the run (but those an earlier
     * report gave, of documents unchanged since) */
    for (int i = 0; i < r->njobs; i++)
        if (!(r->jobs[i].unchanged && r->jobs[i].name != NULL))
            todo[ntodo++] = i;
    r->kind = TASK_NAME;
    int names = hs_bt_run_pass(r, todo, ntodo, &done, 0);
    if (names == 0 && (ntodo = crashed_names(r, todo)) > 0)
        names = hs_bt_run_pass(r, todo, ntodo, &done, 0);
    if (names == 0) {
        assign_names(r);
        ntodo = render_todo(r, todo);
#ifdef HS_TEST_HOOKS
        /* a file saved between the passes: FILE.next put in the place of FILE */
        const char *edit = getenv("HOSO_TEST_EDIT_AFTER_NAMES");
        if (edit != NULL) {
            char next[4096];
            snprintf(next, sizeof next, "%s.next", edit);
            rename(next, edit);
        }
#endif
        /* the records the name pass validated, for the render pass's
         * workers, forked after this, not to validate the same bytes again */
        for (int i = 0; i < ntodo; i++)
            if (r->jobs[todo[i]].checked[0] != '\0')
                hs_job_record_validated(r->jobs[todo[i]].record, r->jobs[todo[i]].checked);
        /* pass 2: this shard's documents */
        r->kind = TASK_RENDER;
        done = r->st->resumed;
        hs_bt_progress(r, done, r->st->total);
        hs_bt_run_pass(r, todo, ntodo, &done, r->st->total);
    }
    hs_bt_stop_workers(r);
    hs_job_records_validated_forget();
    free(todo);
    free(r->w);
    free(r->placed);
}

/* What the run ended with: a report that could not be written, a stop, or
 * documents no worker could be started for; the report closed. */
static void
wind_up(run *r)
{
    const hs_batch_options *o = r->o;
    hs_batch_stats *st = r->st;
    int left = st->total - st->ok - st->failed - st->skipped - st->resumed;
    if (r->report_errno != 0) {
        hs_bt_diag(r, strcmp(o->report_path, "-") == 0 ? "<stdout>" : o->report_path, HS_CODE_NONE,
                   "cannot write the report: %s; the batch was stopped with %d document%s "
                   "not made or not reported (--resume with the report goes on)",
                   strerror(r->report_errno), left + r->unreported,
                   left + r->unreported == 1 ? "" : "s");
        st->report_failed = 1;
    } else if (hs_bt_stop_signal) {
        st->stopped = hs_bt_stop_signal;
        st->not_made = left;
    } else if (left > 0) {
        st->failed += left; /* no worker could be started */
    }
    if (r->report != NULL && r->report != stdout && fclose(r->report) != 0 && !st->report_failed) {
        hs_bt_diag(r, o->report_path, HS_CODE_NONE, "cannot write the report: %s", strerror(errno));
        st->report_failed = 1;
    }
}

int
hs_batch_run(hs_engine *e, const hs_batch_options *o, const hs_batch_events *ev, hs_batch_stats *st)
{
    memset(st, 0, sizeof *st);
    static const hs_batch_events no_events;
    run r = {0};
    r.e = e, r.o = o, r.ev = ev ? ev : &no_events, r.st = st, r.t0 = hs_bt_now();
    if (o->version != HS_BATCH_OPTIONS_VERSION) {
        hs_bt_diag(&r, NULL, HS_CODE_USAGE,
                   "hs_batch_options version %d, not %d (hs_batch_options_init)", o->version,
                   HS_BATCH_OPTIONS_VERSION);
        return -1;
    }
    r.umask = umask(0);
    umask(r.umask);
    r.made_with = hs_bt_made_with(&r);
    /* what each file read held, as read: the workers' reports (base/digest.c) */
    hs_inputs_track(1);
    strv rec = {0};
    int nrec = collect_jobs(&r, &rec);
    int rc = -1;
    if (open_outputs(&r) == 0) {
        /* a worker that died mid-job, a closed report: write() fails */
        struct sigaction ign, pipe_was;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = SIG_IGN;
        sigemptyset(&ign.sa_mask);
        sigaction(SIGPIPE, &ign, &pipe_was);
        passes(&r);
        /* again at the end: a worker of a killed run may have outlived the first sweep */
        hs_out_sweep(o->out_dir);
        wind_up(&r);
        sigaction(SIGPIPE, &pipe_was, NULL);
        rc = st->failed > 0 || st->stopped || st->report_failed ? -1 : 0;
    }
    hs_bt_stop_signal = 0; /* for the next batch of this process */
    if (r.dirfd > 0)
        close(r.dirfd);
    for (int i = 0; i < r.njobs; i++) {
        free(r.jobs[i].name);
        free(r.jobs[i].file);
        free(r.jobs[i].prefix);
        free(r.jobs[i].failed);
        free(r.jobs[i].inputs);
        free(r.jobs[i].profile);
        free(r.jobs[i].made_with);
    }
    free(r.made_with);
    free(r.jobs);
    for (int i = 0; i < nrec; i++)
        free(rec.v[i]);
    free(rec.v);
    st->seconds = hs_bt_now() - r.t0;
    return rc;
}
