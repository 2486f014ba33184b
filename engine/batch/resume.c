/* engine/batch/resume.c — --resume: the documents an earlier report lists as made. */
#include "batch/batch.h"

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

/* After the opening quote of a JSON string: just past its closing quote, or
 * NULL if it is cut short. */
static const char *
json_string_end(const char *p)
{
    for (; *p && *p != '"'; p++)
        if (*p == '\\' && *++p == '\0')
            return NULL;
    return *p == '"' ? p + 1 : NULL;
}

/* "inputs":["DIGEST PATH",…] of a report line (at p, after the '['), as
 * worker.c made it: lines "DIGEST PATH"; malloc'd, NULL if cut short. */
static char *
json_inputs(const char *p)
{
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    char *res = NULL;
    while (*p == '"') {
        char *s = json_string(p + 1);
        const char *end = json_string_end(p + 1);
        if (s == NULL || end == NULL || strchr(s, '\n') != NULL) {
            free(s);
            hs_arena_free(a);
            return NULL;
        }
        hs_buf_adds(&b, s);
        hs_buf_addc(&b, '\n');
        free(s);
        p = *end == ',' ? end + 1 : end;
    }
    if (*p == ']')
        res = hs_bt_strdup(hs_buf_cstr(&b));
    hs_arena_free(a);
    return res;
}

/* --resume: the jobs an earlier report lists as made. Whether the file is
 * still there, and this document's, is asked once names are known. */
void
hs_bt_read_resume(run *r)
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
        const char *in = strstr(st, ",\"inputs\":[");
        free((*hit)->inputs);
        (*hit)->inputs = in != NULL ? json_inputs(in + 11) : NULL; /* the last line's */
        const char *pr = strstr(st, ",\"profile\":\"");
        free((*hit)->profile);
        (*hit)->profile = pr != NULL ? json_string(pr + 12) : NULL;
        const char *mw = strstr(st, ",\"made_with\":\"");
        free((*hit)->made_with);
        (*hit)->made_with = mw != NULL ? json_string(mw + 14) : NULL;
    }
    free(line);
    free(by);
    fclose(f);
}
