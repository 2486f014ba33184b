/* engine/batch/pipe.c — the lines between the parent and its workers: tab-separated fields,
 * '\\', tab and newline escaped; a result's diagnostics after its error. */
#include "batch/batch.h"

void
hs_bt_pipe_field(hs_buf *b, const char *s)
{
    hs_buf_addc(b, '\t');
    while (s && *s) {
        size_t plain = strcspn(s, "\\\t\n"); /* what needs no escape, copied at once */
        hs_buf_add(b, s, plain);
        s += plain;
        if (*s == '\0')
            break;
        char esc[2] = {'\\', *s == '\t' ? 't' : *s == '\n' ? 'n' : '\\'};
        hs_buf_add(b, esc, 2);
        s++;
    }
}

/* Split a line into at most max fields, unescaping them in place. */
int
hs_bt_split_fields(char *line, char **f, int max)
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

/* "error\tFILE\tLINE\tCODE\tMSG", the report's error, then for each diagnostic
 * to show "\tSEVERITY\tHAS-FILE\tFILE\tLINE\tCODE\tMSG". */
void
hs_bt_pipe_error(hs_buf *b, const hs_diag *error, const hs_diag *d, int n)
{
    hs_buf_adds(b, "error");
    hs_bt_pipe_field(b, error->loc.file);
    hs_buf_printf(b, "\t%ld\t%d", error->loc.line, (int)error->code);
    hs_bt_pipe_field(b, error->message);
    for (int i = 0; i < n; i++) {
        hs_buf_printf(b, "\t%d\t%d", (int)d[i].severity, d[i].loc.file != NULL);
        hs_bt_pipe_field(b, d[i].loc.file);
        hs_buf_printf(b, "\t%ld\t%d", d[i].loc.line, (int)d[i].code);
        hs_bt_pipe_field(b, d[i].message);
    }
}

/* The diagnostics after a result's first five fields, read back. */
int
hs_bt_unpipe_diags(char **f, int nf, hs_diag *d)
{
    int n = 0;
    for (int i = 5; i + 6 <= nf && n < HELD_MAX; i += 6, n++)
        d[n] = (hs_diag){(hs_severity)atoi(f[i]),
                         {atoi(f[i + 1]) ? f[i + 2] : NULL, atol(f[i + 3])},
                         (hs_code)atoi(f[i + 4]),
                         f[i + 5]};
    return n;
}

int
hs_bt_send_all(int fd, const char *s, size_t n)
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
