/* engine/batch/inputs.c — the jobs of a run: record paths from files, folders and standard
 * input, sorted, each record × template once, and the shard each is in. */
#include "batch/batch.h"

void
hs_bt_add_job(run *r, const char *record, const char *tpl, int mine)
{
    if (r->njobs == r->cap)
        r->jobs = hs_bt_grow(r->jobs, &r->cap, sizeof *r->jobs);
    r->jobs[r->njobs++] = (bjob){.record = record, .template_path = tpl, .mine = mine};
}

int
hs_bt_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
push(strv *s, char *p)
{
    if (s->n == s->cap)
        s->v = hs_bt_grow(s->v, &s->cap, sizeof *s->v);
    s->v[s->n++] = p;
}

/* Record paths from an argument: a file, a folder (its *.xml) or "-" (one
 * path a line on standard input). */
int
hs_bt_expand_input(const char *in, strv *out)
{
    if (strcmp(in, "-") == 0) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, stdin)) > 0) {
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] != '\0')
                push(out, hs_bt_strdup(line));
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
    push(out, hs_bt_strdup(in));
    return 0;
}

/* A stable share: FNV-1a of the record path, so shards never depend on the
 * order or the count of the other inputs. */
int
hs_bt_in_shard(const char *record, int k, int n)
{
    if (n <= 1)
        return 1;
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)record; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return (int)(h % (uint64_t)n) == k - 1;
}
