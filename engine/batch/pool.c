/* engine/batch/pool.c — the worker processes: started, handed tasks, watched for a result,
 * a crash or a timeout, replaced, and stopped (hs_batch_stop). */
#include "batch/batch.h"

/* Set by hs_batch_stop (the caller's handler of SIGTERM, SIGINT, SIGHUP):
 * no new document is started, the running ones are killed, their temporary
 * files removed; the report lists what was made, so --resume goes on from
 * there. */
volatile sig_atomic_t hs_bt_stop_signal;

void
hs_batch_stop(int sig)
{
    hs_bt_stop_signal = sig;
}

void
hs_bt_progress(run *r, int done, int total)
{
    if (r->ev->progress != NULL)
        r->ev->progress(r->ev->user, done, total);
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
        hs_bt_worker_main(r, jobs[0], res[1], parent);
    }
    close(res[1]);
    close(jobs[0]);
    fcntl(res[0], F_SETFD, FD_CLOEXEC);
    fcntl(jobs[1], F_SETFD, FD_CLOEXEC);
    x->pid = pid, x->fd = res[0], x->job_fd = jobs[1], x->job = -1, x->count = 0, x->len = 0;
    x->overlong = 0;
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

/* When the parent kills a worker's task. A name is limited by work, not by
 * the clock (job.c), so that which documents have one never depends on how
 * busy the machine is; the clock stops a name pass only far past that. */
double
hs_bt_watchdog(const run *r)
{
    return r->kind == TASK_NAME ? 10 * r->o->timeout_s + 10 : r->o->timeout_s;
}

/* Hand out the tasks of one pass (jobs whose index is in todo) and collect
 * their results. -1 when the batch must stop (a signal, the report, no
 * worker could be started). */
int
hs_bt_run_pass(run *r, const int *todo, int ntodo, int *done, int total)
{
    int next = 0;
    struct pollfd *pf = malloc((size_t)r->nworkers * sizeof *pf);
    int *map = malloc((size_t)r->nworkers * sizeof *map);
    if (pf == NULL || map == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int rc = 0;
    for (;;) {
        if (hs_bt_stop_signal || r->report_errno) {
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
                    hs_bt_diag(r, NULL, HS_CODE_NONE, "cannot start a worker process: %s", why);
                    free(pf), free(map);
                    return -1;
                }
                /* one fewer than hs_bt_now running: the parent keeps a few
                 * descriptors free for its own files */
                int keep = alive_workers(r) > 1 ? alive_workers(r) - 1 : 1;
                if (r->ev->workers_lowered != NULL)
                    r->ev->workers_lowered(r->ev->user, r->max_workers, keep, why);
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
            x->start = hs_bt_now();
            x->len = 0;
            hs_bt_send_all(x->job_fd, line, (size_t)n); /* a dead worker: seen on its result pipe */
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
            int timed_out = r->o->timeout_s > 0 && hs_bt_now() - x->start > hs_bt_watchdog(r);
            if (!(pf[k].revents & (POLLIN | POLLHUP | POLLERR)) && !timed_out)
                continue;
            if (!timed_out) {
                ssize_t got = read(x->fd, x->msg + x->len, sizeof x->msg - 1 - x->len);
                if (got < 0 && errno == EINTR)
                    continue;
                if (got > 0) {
                    x->len += (size_t)got;
                    int whole = memchr(x->msg, '\n', x->len) != NULL;
                    if (!whole && x->len < sizeof x->msg - 1)
                        continue;
                    if (whole) {
                        hs_bt_finish(r, x, 0, 0); /* a whole result line: the worker goes on */
                        x->job = -1;
                        if (r->kind == TASK_RENDER)
                            hs_bt_progress(r, ++*done, total);
                        continue;
                    }
                    /* a line longer than the buffer: its rest would be read
                     * as the next task's result; the document fails, its
                     * worker with it */
                    x->overlong = 1;
                }
            }
            if (timed_out || x->overlong)
                kill(x->pid, SIGKILL);
            /* the worker died (or was killed) with a task in work */
            int ws = 0;
            waitpid(x->pid, &ws, 0);
            close(x->fd);
            close(x->job_fd);
            hs_bt_finish(r, x, ws, timed_out);
            x->pid = 0;
            x->job = -1;
            if (r->kind == TASK_RENDER)
                hs_bt_progress(r, ++*done, total);
        }
        hs_bt_flush_placed(r);
    }
    hs_bt_flush_placed(r);
    free(pf);
    free(map);
    return rc;
}

void
hs_bt_stop_workers(run *r)
{
    for (int i = 0; i < r->nworkers; i++) {
        if (r->w[i].pid == 0)
            continue;
        if (r->w[i].job >= 0)
            kill(r->w[i].pid, SIGKILL);
        retire(&r->w[i]);
    }
}
