/* engine/batch/batch.h — many documents, unattended, in worker processes.
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
 * run.
 *
 * The interface between the files of engine/batch/; the rest of hoso sees
 * only hs_batch_run in hoso.h. */
#ifndef HS_BATCH_H
#define HS_BATCH_H

#include "hoso.h"
#include "job.h"
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

#define MSG_MAX (1 << 17) /* a worker's result line, its diagnostics included */
#define HELD_BYTES 65536  /* a document's diagnostics sent to the parent, at most */
#define HELD_MAX 256      /* … and as many */
#define NF_MAX (5 + 6 * HELD_MAX)
#define WORKER_TASKS 256 /* tasks a worker does before it is replaced */

enum { TASK_NAME = 'N', TASK_RENDER = 'R' };

typedef struct bjob {
    const char *record, *template_path;
    int mine;      /* in this process's shard */
    int reported;  /* an earlier report (--resume) lists it as made */
    int unchanged; /* … and what it was made from is what this run reads */
    int done;      /* made before: not to be made again */
    char *name;    /* from the name pass: hs_file_name of its name; NULL: none */
    char *file;    /* the file name assigned (out/names.c) */
    char *prefix;  /* its report line's start, for --resume */
    char *failed;  /* why its name pass was stopped or crashed; NULL: it was not */
    int failed_timeout;
    double failed_ms;
    char *inputs;    /* the files it read, lines "DIGEST PATH" (worker.c); NULL: unknown */
    int unlisted;    /* made, but its inputs did not fit the worker's result: not known */
    char *profile;   /* --resume: the profile its report line names; NULL: none */
    char *made_with; /* --resume: what else its bytes depend on (hs_bt_made_with); NULL: none */
    /* the digest of its record's bytes the name pass validated; "": none */
    char checked[HS_DIGEST_LEN + 1];
    /* its mark (hs_out_owner), made once before pass 2; "": not yet */
    char owner[HS_OUT_OWNER_LEN + 1];
} bjob;

typedef struct worker {
    pid_t pid;      /* 0: no process in this slot */
    int fd, job_fd; /* results from the worker; tasks to it */
    int job;        /* the task's job; -1: idle */
    int count;      /* tasks handed to this worker */
    double start;   /* when the task was handed out */
    char msg[MSG_MAX];
    size_t len;
    int overlong; /* its result was longer than msg: it was stopped */
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
    const hs_batch_options *o;
    const hs_batch_events *ev;
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
    char *made_with; /* this run's hs_bt_made_with, for each report line */
    placed *placed;  /* made, waiting for the folder's fsync to be reported */
    int nplaced, placed_cap;
} run;

typedef struct strv {
    char **v;
    int n, cap;
} strv;

/* A document's diagnostics, held (copied) until its outcome is known: to
 * go to the caller with it. The first error is its report line's. */
typedef struct held {
    hs_arena *a;
    hs_diag *d;
    int n, cap;
    size_t bytes;
    hs_diag first;
    int set;
} held;

/* util.c */
double hs_bt_now(void);
char *hs_bt_strdup(const char *s);
void *hs_bt_grow(void *p, int *cap, size_t size);

/* inputs.c */
void hs_bt_add_job(run *r, const char *record, const char *tpl, int mine);
int hs_bt_cmp_str(const void *a, const void *b);
int hs_bt_expand_input(const char *in, strv *out);
int hs_bt_in_shard(const char *record, int k, int n);

/* pipe.c */
void hs_bt_pipe_field(hs_buf *b, const char *s);
int hs_bt_split_fields(char *line, char **f, int max);
void hs_bt_pipe_error(hs_buf *b, const hs_diag *error, const hs_diag *d, int n);
int hs_bt_unpipe_diags(char **f, int nf, hs_diag *d);
int hs_bt_send_all(int fd, const char *s, size_t n);

/* held.c */
void hs_bt_held_init(held *h);
void hs_bt_held_sink(void *user, const hs_diag *d);

/* report.c */
void hs_bt_diag(const run *r, const char *file, hs_code code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
char *hs_bt_line_prefix(const bjob *j);
char *hs_bt_made_with(const run *r);
void hs_bt_doc_done(run *r, const bjob *j, hs_batch_doc *d);
void hs_bt_doc_failed(run *r, const bjob *j, hs_outcome outcome, double ms, hs_diag error,
                      const hs_diag *diags, int n);

/* resume.c */
void hs_bt_read_resume(run *r);

/* worker.c */
_Noreturn void hs_bt_worker_main(run *r, int job_fd, int fd, pid_t parent);

/* pool.c */
extern volatile sig_atomic_t hs_bt_stop_signal;
void hs_bt_progress(run *r, int done, int total);
/* Seconds after which the parent stops a worker's task (pool.c). */
double hs_bt_watchdog(const run *r);
int hs_bt_run_pass(run *r, const int *todo, int ntodo, int *done, int total);
void hs_bt_stop_workers(run *r);

/* results.c */
char *hs_bt_out_path(const run *r, const char *file);
void hs_bt_flush_placed(run *r);
void hs_bt_report_failure(run *r, bjob *j, const char *why, int timed_out, double ms);
void hs_bt_finish(run *r, worker *w, int wstatus, int timed_out);

#endif
