/* engine/batch/results.c — the parent's side of a result: a document placed under its name,
 * the folder fsynced once for the documents finished together, and reported. */
#include "batch/batch.h"

char *
hs_bt_out_path(const run *r, const char *file)
{
    char *p = malloc(strlen(r->o->out_dir) + strlen(file) + 2);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    sprintf(p, "%s/%s", r->o->out_dir, file);
    return p;
}

/* The documents placed since the last flush are made durable (one fsync of
 * the folder for all of them) and then reported. */
void
hs_bt_flush_placed(run *r)
{
    if (r->nplaced == 0)
        return;
    char why[1024] = "";
    /* the folder is held open from the start: no descriptor is needed hs_bt_now,
     * when a lowered -j may have left none */
    if (!r->o->no_sync && fsync(r->dirfd) != 0 && errno != EINVAL) {
        snprintf(why, sizeof why, "cannot sync the folder: %s", strerror(errno));
        hs_bt_diag(r, r->o->out_dir, HS_CODE_IO, "%s", why);
    }
    for (int i = 0; i < r->nplaced; i++) {
        placed *p = &r->placed[i];
        bjob *j = &r->jobs[p->job];
        if (why[0] != '\0') {
            hs_bt_doc_failed(r, j, HS_OUTCOME_FAILED, p->ms,
                             (hs_diag){HS_SEV_ERROR, {r->o->out_dir, 0}, HS_CODE_IO, why}, NULL, 0);
        } else {
            hs_batch_doc d = {0};
            d.outcome = HS_OUTCOME_MADE;
            d.output = p->path, d.pages = p->pages, d.bytes = p->bytes, d.ms = p->ms;
            hs_bt_doc_done(r, j, &d);
        }
        free(p->path);
    }
    r->nplaced = 0;
}

static void
finish_render(run *r, bjob *j, char **f, int nf, double ms)
{
    if (nf == 6 && strcmp(f[0], "ok") == 0) {
        char *tmp = hs_bt_out_path(r, f[1]);
        if (strchr(f[1], '/') != NULL || strncmp(f[1], ".hoso-", 6) != 0) {
            free(tmp);
            hs_bt_doc_failed(r, j, HS_OUTCOME_FAILED, ms,
                             (hs_diag){HS_SEV_ERROR,
                                       {j->record, 0},
                                       HS_CODE_INTERNAL,
                                       "the worker named a file outside the output folder"},
                             NULL, 0);
        } else if (j->name == NULL || strcmp(j->name, f[2]) != 0) {
            unlink(tmp);
            free(tmp);
            char said[8192];
            snprintf(said, sizeof said,
                     "the document's name came out as \"%s\" this time, not \"%s\" as when the "
                     "batch began (template %s)",
                     f[2], j->name ? j->name : "", j->template_path);
            hs_diag shown = {HS_SEV_ERROR, {j->record, 0}, HS_CODE_NAME, said};
            hs_bt_doc_failed(r, j, HS_OUTCOME_FAILED, ms,
                             (hs_diag){HS_SEV_ERROR,
                                       {j->record, 0},
                                       HS_CODE_NAME,
                                       "the document's name changed while the batch ran"},
                             &shown, 1);
        } else {
            char *path = hs_bt_out_path(r, j->file);
            held h;
            hs_bt_held_init(&h);
            hs_report rep = {hs_bt_held_sink, &h, 0, 20};
            int flags = r->o->overwrite ? HS_OUT_OVERWRITE : 0;
            if (hs_out_install(tmp, path, j->owner, flags, &rep) != 0) {
                /* the report says the last of what was said */
                hs_diag last =
                    h.n > 0 ? h.d[h.n - 1] : (hs_diag){HS_SEV_ERROR, {NULL, 0}, HS_CODE_NONE, ""};
                last.loc = (hs_loc){path, 0};
                hs_bt_doc_failed(r, j, HS_OUTCOME_FAILED, ms, last, h.d, h.n);
                free(path);
            } else {
                free(j->inputs);
                j->unlisted = strcmp(f[5], "?") == 0; /* too many to list: not known */
                j->inputs = j->unlisted ? NULL : hs_bt_strdup(f[5]);
                if (r->nplaced == r->placed_cap)
                    r->placed = hs_bt_grow(r->placed, &r->placed_cap, sizeof *r->placed);
                r->placed[r->nplaced++] = (placed){(int)(j - r->jobs), path, atoi(f[3]),
                                                   (size_t)strtoull(f[4], NULL, 10), ms};
            }
            hs_arena_free(h.a);
            free(tmp);
        }
        return;
    }
    /* error: f[1] file, f[2] line, f[3] code, f[4] message, then what to show */
    hs_diag error = {HS_SEV_ERROR,
                     {nf > 1 ? f[1] : "", nf > 2 ? atol(f[2]) : 0},
                     nf > 3 ? (hs_code)atoi(f[3]) : HS_CODE_INTERNAL,
                     nf > 4 ? f[4] : "the worker gave no reason"};
    hs_diag *shown = malloc(HELD_MAX * sizeof *shown);
    if (shown == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int n = hs_bt_unpipe_diags(f, nf, shown);
    hs_bt_doc_failed(r, j, error.code == HS_CODE_MISSING ? HS_OUTCOME_SKIPPED : HS_OUTCOME_FAILED,
                     ms, error, shown, n);
    free(shown);
}

/* A worker that was stopped or died: why, in words; NULL if it answered. */
static const char *
failure(const run *r, const worker *w, int wstatus, int timed_out, int nf, char *buf, size_t cap)
{
    if (w->overlong)
        snprintf(buf, cap,
                 "the worker's result was longer than %d KiB and was stopped; the document was "
                 "not made",
                 MSG_MAX >> 10);
    else if (timed_out)
        snprintf(buf, cap, "took longer than %g s and was stopped", hs_bt_watchdog(r));
    else if (WIFSIGNALED(wstatus))
        snprintf(buf, cap, "the worker died (signal %d: %s); the document was not made",
                 WTERMSIG(wstatus), strsignal(WTERMSIG(wstatus)));
    else if (nf < 1)
        snprintf(buf, cap, "the worker ended without a result; the document was not made");
    else
        return NULL;
    return buf;
}

void
hs_bt_report_failure(run *r, bjob *j, const char *why, int timed_out, double ms)
{
    char said[8192];
    snprintf(said, sizeof said, "%s (template %s)", why, j->template_path);
    hs_diag shown = {HS_SEV_ERROR, {j->record, 0}, HS_CODE_NONE, said};
    hs_bt_doc_failed(
        r, j, timed_out ? HS_OUTCOME_TIMEOUT : HS_OUTCOME_CRASHED, ms,
        (hs_diag){HS_SEV_ERROR, {j->record, 0}, timed_out ? HS_CODE_TIMEOUT : HS_CODE_CRASH, why},
        &shown, 1);
}

void
hs_bt_finish(run *r, worker *w, int wstatus, int timed_out)
{
    bjob *j = &r->jobs[w->job];
    double ms = (hs_bt_now() - w->start) * 1000;
    /* not zeroed (12 KB a result): only the nf fields split are read */
    char **f = malloc(NF_MAX * sizeof *f);
    if (f == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    w->msg[w->len] = '\0';
    int nf = w->len > 0 && memchr(w->msg, '\n', w->len) ? hs_bt_split_fields(w->msg, f, NF_MAX) : 0;
    char buf[256];
    const char *why = failure(r, w, wstatus, timed_out, nf, buf, sizeof buf);
    if (r->kind == TASK_NAME) {
        free(j->name);
        int named = why == NULL && nf == 3 && strcmp(f[0], "name") == 0;
        j->name = named ? hs_bt_strdup(f[1]) : NULL;
        j->checked[0] = '\0';
        if (named && strlen(f[2]) == HS_DIGEST_LEN)
            memcpy(j->checked, f[2], HS_DIGEST_LEN + 1);
        if (why == NULL && nf == 2 && strcmp(f[0], "stopped") == 0)
            why = f[1], timed_out = 1;
        /* stopped or crashed: so it would be again; it is not rendered */
        if (why != NULL) {
            j->failed = hs_bt_strdup(why);
            j->failed_timeout = timed_out;
            j->failed_ms = ms;
        }
    } else if (why != NULL) {
        if (nf >= 2 && strcmp(f[0], "ok") == 0 && strchr(f[1], '/') == NULL) {
            char *tmp = hs_bt_out_path(r, f[1]);
            unlink(tmp);
            free(tmp);
        }
        hs_bt_report_failure(r, j, why, timed_out, ms);
    } else {
        finish_render(r, j, f, nf, ms);
    }
    free(f);
}
