/* engine/batch/worker.c — a worker process: a task at a time from its pipe, each document
 * rendered into a temporary file in the output folder, fsynced. */
#include "batch/batch.h"

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

/* The files the document just made read, each with what the engine read
 * from it (base/digest.c: the bytes the render used, a template parsed once,
 * an image decoded once, not the file now, which may have changed since),
 * as one field: lines "DIGEST PATH" ("-" for a file whose bytes are not
 * known, which no later digest equals), or "DIGEST=HEX" for a path that is
 * not UTF-8, its bytes in hex (the report is JSON: such a path would not come
 * back). A list that would not fit the result's line (MSG_MAX: a document
 * that draws thousands of images) is sent as "?": not known, so --resume
 * makes the document again, never skips it on a list cut short. */
static void
inputs_of(hs_buf *msg, hs_arena *a)
{
    size_t n;
    const char *const *v = hs_inputs(&n);
    hs_buf b, field;
    hs_buf_init(&b, a);
    hs_buf_init(&field, a);
    for (size_t i = 0; i < n; i++) {
        char d[HS_DIGEST_LEN + 1];
        size_t len = strlen(v[i]);
        hs_buf_adds(&b, hs_inputs_digest(v[i], d) == 0 ? d : "-");
        if (hs_utf8_invalid_at(v[i], len) == (size_t)-1) {
            hs_buf_printf(&b, " %s\n", v[i]);
            continue;
        }
        hs_buf_addc(&b, '=');
        for (size_t k = 0; k < len; k++)
            hs_buf_printf(&b, "%02x", (unsigned char)v[i][k]);
        hs_buf_addc(&b, '\n');
    }
    hs_bt_pipe_field(&field, hs_buf_cstr(&b));
    if (msg->len + field.len > MSG_MAX - 2) /* the line's newline, and the parent's '\0' */
        hs_bt_pipe_field(msg, "?");
    else
        hs_buf_add(msg, field.data, field.len);
}

/* One task; its result on fd as one line:
 * "name\tNAME\tDIGEST" (of the record's bytes, "-": not known), "noname" or "stopped\tMSG"
 * (TASK_NAME); "ok\tTMP\tNAME\tPAGES\tBYTES\tINPUTS" or "error\tFILE\tLINE\tCODE\tMSG". INPUTS: a
 * line "DIGEST PATH" for each file the document read, or "?" (see inputs_of). */
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
    held h;
    hs_bt_held_init(&h);
    hs_report rep = {hs_bt_held_sink, &h, 0, 20};
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
    hs_buf_init(&msg, h.a);
    int failed = hs_render_report(r->e, &job, &rep, &out) != 0;
#ifdef HS_TEST_HOOKS
    /* a file saved while the batch runs, between the render's read and its
     * report: FILE.next put in the place of FILE */
    const char *edit = getenv("HOSO_TEST_EDIT_AFTER_RENDER");
    if (kind == TASK_RENDER && edit != NULL) {
        char next[4096];
        snprintf(next, sizeof next, "%s.next", edit);
        rename(next, edit);
    }
#endif
    if (failed) {
        if (kind == TASK_NAME && h.set && h.first.code == HS_CODE_TIMEOUT) {
            hs_buf_adds(&msg, "stopped"); /* past the work of --timeout: so it is again */
            hs_bt_pipe_field(&msg, h.first.message);
        } else if (kind == TASK_NAME) {
            hs_buf_adds(&msg, "noname"); /* the render pass says why */
        } else {
            hs_diag none = {
                HS_SEV_ERROR, {j->record, 0}, HS_CODE_INTERNAL, "failed with no message"};
            hs_bt_pipe_error(&msg, h.set ? &h.first : &none, h.d, h.n);
        }
    } else {
        char *own = hs_document_name(&out, j->record); /* as render names it */
        char *name = hs_file_name_report(own, r->o->ascii_names, &rep);
        free(own);
        char tmp[4096], owner[HS_OUT_OWNER_LEN + 1];
        if (kind == TASK_RENDER && j->owner[0] != '\0')
            memcpy(owner, j->owner, sizeof owner); /* the parent's (run.c, render_todo) */
        else if (kind == TASK_RENDER)
            hs_out_owner(j->record, j->template_path, r->o->out_dir, owner);
        if (name != NULL && kind == TASK_RENDER && hs_mark_with(&out, owner, j->record, &rep) != 0)
            free(name), name = NULL;
        int e = name == NULL ? 0 : kind == TASK_NAME ? 0 : write_temp(r, &out, tmp, sizeof tmp);
        if (name == NULL) {
            if (kind == TASK_NAME) {
                hs_buf_adds(&msg, "noname");
            } else {
                hs_diag first =
                    h.set ? h.first : (hs_diag){HS_SEV_ERROR, {"", 0}, HS_CODE_NONE, ""};
                first.loc.line = 0;
                hs_bt_pipe_error(&msg, &first, NULL, 0);
            }
        } else if (kind == TASK_NAME) {
            /* the record loaded: its bytes passed the schema (record/known.c) */
            char d[HS_DIGEST_LEN + 1];
            hs_buf_adds(&msg, "name");
            hs_bt_pipe_field(&msg, name);
            hs_bt_pipe_field(&msg, hs_inputs_digest(j->record, d) == 0 ? d : "-");
        } else if (e != 0) {
            char text[512], said[4096];
            snprintf(text, sizeof text, "cannot write in the output folder: %s", strerror(e));
            snprintf(said, sizeof said, "%s (record %s)", text, j->record);
            hs_diag error = {HS_SEV_ERROR, {r->o->out_dir, 0}, HS_CODE_IO, text};
            hs_diag shown = {HS_SEV_ERROR, {r->o->out_dir, 0}, HS_CODE_IO, said};
            hs_bt_pipe_error(&msg, &error, &shown, 1);
        } else {
            char num[64];
            const char *base = strrchr(tmp, '/') + 1;
            hs_buf_adds(&msg, "ok");
            hs_bt_pipe_field(&msg, base);
            hs_bt_pipe_field(&msg, name);
            snprintf(num, sizeof num, "%d\t%zu", out.pages, out.len);
            hs_buf_addc(&msg, '\t');
            hs_buf_adds(&msg, num);
            inputs_of(&msg, h.a);
        }
        free(name);
        hs_output_free(&out);
    }
#ifdef HS_TEST_HOOKS
    /* a result longer than the parent's line (diagnostics that escape
     * to twice their length): the parent must not read its rest as the
     * next task's */
    const char *longer = getenv("HOSO_TEST_LONG_RESULT");
    if (kind == TASK_RENDER && longer != NULL && strstr(j->record, longer) != NULL)
        for (int k = 0; k < MSG_MAX; k++)
            hs_buf_addc(&msg, k % 64 ? 'x' : '\t');
#endif
    hs_buf_addc(&msg, '\n');
    hs_bt_send_all(fd, msg.data, msg.len);
    hs_arena_free(h.a);
}

/* Worker: tasks "N 12" / "R 12", one a line, until the pipe closes. */
_Noreturn void
hs_bt_worker_main(run *r, int job_fd, int fd, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* the parent died before prctl took effect */
        _exit(1);
    /* the caller's handlers are the parent's: a worker stops at once */
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
#ifndef __SANITIZE_ADDRESS__
    if (r->o->memory_limit > 0) {
        struct rlimit rl = {r->o->memory_limit * 2 + ((size_t)256 << 20),
                            r->o->memory_limit * 2 + ((size_t)256 << 20)};
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    /* The pipe is this worker's alone and the parent sends a task only
     * when the last one's result is in, so reading ahead takes nothing from
     * another worker; a read a task, not a read a byte. */
    char buf[256];
    size_t len = 0;
    for (;;) {
        char *nl = memchr(buf, '\n', len);
        if (nl == NULL) {
            if (len == sizeof buf)
                len = 0; /* no task is that long: not one */
            ssize_t got = read(job_fd, buf + len, sizeof buf - len);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                _exit(0);
            len += (size_t)got;
            continue;
        }
        *nl = '\0';
        char line[64];
        int fits = (size_t)(nl - buf) < sizeof line;
        if (fits)
            memcpy(line, buf, (size_t)(nl - buf) + 1);
        len -= (size_t)(nl + 1 - buf);
        memmove(buf, nl + 1, len);
        if (!fits)
            continue;
        char *end;
        long k = strtol(line + 1, &end, 10);
        if ((line[0] == TASK_NAME || line[0] == TASK_RENDER) && *end == '\0' && k >= 0 &&
            k < r->njobs)
            work_one(r, line[0], &r->jobs[k], fd);
    }
}
