/* engine/font/family.c — font families from DIR/families.conf.
 *
 * A family maps the four styles to faces and lists fallback families for code
 * points it lacks. Faces are parsed once per engine and shared by every
 * document; the whole set is freed with hs_fontset_free. */
#include "font/font.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FAMILIES 32

struct hs_fontset {
    hs_arena *arena; /* names, family structs, fallback arrays */
    hs_family *fam[MAX_FAMILIES];
    long line[MAX_FAMILIES]; /* where each family first appears, for later errors */
    int count;
    hs_face *faces[MAX_FAMILIES * 4];
    int nfaces;
    const char *conf; /* DIR/families.conf, in the arena */
};

static hs_family *
find(hs_fontset *fs, const char *name)
{
    for (int i = 0; i < fs->count; i++)
        if (strcmp(fs->fam[i]->name, name) == 0)
            return fs->fam[i];
    return NULL;
}

static hs_family *
find_or_add(hs_fontset *fs, const char *name, long line)
{
    hs_family *f = find(fs, name);
    if (f != NULL || fs->count == MAX_FAMILIES)
        return f;
    f = HS_NEW(fs->arena, hs_family);
    f->name = hs_arena_strdup(fs->arena, name);
    fs->line[fs->count] = line;
    fs->fam[fs->count++] = f;
    return f;
}

static int
style_of(const char *s, hs_face_style *out)
{
    static const char *names[] = {"regular", "bold", "italic", "bold-italic"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return *out = (hs_face_style)i, 0;
    return -1;
}

/* Split a line into words (spaces and tabs); returns the count, or max + 1
 * when there are more than max, so that a long line is an error, not cut. */
static int
words(char *line, char **w, int max)
{
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(line, " \t\r\n", &save); t != NULL;
         t = strtok_r(NULL, " \t\r\n", &save)) {
        if (n == max)
            return max + 1;
        w[n++] = t;
    }
    return n;
}

static int
conf_line(hs_fontset *fs, const char *dir, char *line, hs_loc loc, hs_report *r)
{
    char *hash = strchr(line, '#');
    if (hash != NULL)
        *hash = '\0';
    char *w[MAX_FAMILIES + 2];
    int n = words(line, w, MAX_FAMILIES + 2);
    if (n == 0)
        return 0;
    if (n > MAX_FAMILIES + 2)
        return hs_error(r, loc, HS_CODE_FONT, "too many words (at most %d families a line)",
                        MAX_FAMILIES);
    if (strcmp(w[0], "fallback") == 0) {
        if (n < 3)
            return hs_error(r, loc, HS_CODE_FONT, "fallback needs a family and at least one other");
        hs_family *f = find(fs, w[1]);
        if (f == NULL)
            return hs_error(r, loc, HS_CODE_FONT, "fallback for '%s', a family not defined above",
                            w[1]);
        f->fallback = hs_arena_alloc(fs->arena, sizeof(hs_family *) * (size_t)(n - 2));
        f->nfallback = 0;
        for (int i = 2; i < n; i++) {
            hs_family *g = find(fs, w[i]);
            if (g == NULL)
                return hs_error(r, loc, HS_CODE_FONT, "fallback '%s' is not a family defined above",
                                w[i]);
            f->fallback[f->nfallback++] = g;
        }
        return 0;
    }
    hs_face_style st;
    if (n != 3 || style_of(w[1], &st) != 0)
        return hs_error(r, loc, HS_CODE_FONT,
                        "expected '<family> regular|bold|italic|bold-italic <file>' or "
                        "'fallback <family> <family>...'");
    hs_family *f = find_or_add(fs, w[0], loc.line);
    if (f == NULL)
        return hs_error(r, loc, HS_CODE_FONT, "more than %d families", MAX_FAMILIES);
    if (f->face[st] != NULL)
        return hs_error(r, loc, HS_CODE_FONT, "%s %s is defined twice", w[0], w[1]);
    const char *path = w[2][0] == '/' ? w[2] : hs_arena_printf(fs->arena, "%s/%s", dir, w[2]);
    hs_face *face = hs_face_load(path, f->name, st, r, loc);
    if (face == NULL)
        return -1;
    fs->faces[fs->nfaces++] = face;
    f->face[st] = face;
    return 0;
}

hs_fontset *
hs_fontset_new(const char *dir, hs_report *r)
{
    hs_arena *a = hs_arena_new(0);
    hs_fontset *fs = HS_NEW(a, hs_fontset);
    fs->arena = a;
    const char *conf = hs_arena_printf(a, "%s/families.conf", dir);
    FILE *fp = fopen(conf, "r");
    if (fp == NULL) {
        hs_error(r, (hs_loc){conf, 0}, HS_CODE_FONT,
                 "cannot open the font list: %s (set --fonts "
                 "or HOSO_FONTS to the fonts folder)",
                 strerror(errno));
        hs_fontset_free(fs);
        return NULL;
    }
    /* Locations must outlive this function: keep the path in the arena. */
    char line[1024];
    long lineno = 0;
    int rc = 0;
    fs->conf = conf;
    /* what a batch's report says the documents were made with (a NUL
     * byte in a line makes it differ from the file's: made again) */
    hs_digest read;
    hs_digest_init(&read);
    while (fgets(line, sizeof line, fp) != NULL) {
        lineno++;
        size_t len = strlen(line);
        hs_digest_add(&read, line, len);
        if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(fp)) {
            /* Reading the rest as a new line would misnumber every later line. */
            rc = hs_error(r, (hs_loc){conf, lineno}, HS_CODE_FONT, "line longer than %zu bytes",
                          sizeof line - 2);
            break;
        }
        if (conf_line(fs, dir, line, (hs_loc){conf, lineno}, r) != 0)
            rc = -1;
    }
    if (feof(fp) && !ferror(fp))
        hs_inputs_read_digest(conf, &read);
    fclose(fp);
    for (int i = 0; i < fs->count && rc == 0; i++) {
        hs_family *f = fs->fam[i];
        if (f->face[HS_FACE_REGULAR] == NULL)
            rc = hs_error(r, (hs_loc){conf, fs->line[i]}, HS_CODE_FONT,
                          "family '%s' has no regular face", f->name);
        for (int s = 1; s < 4 && rc == 0; s++)
            if (f->face[s] == NULL)
                f->face[s] = f->face[HS_FACE_REGULAR];
    }
    if (rc == 0 && fs->count == 0)
        rc = hs_error(r, (hs_loc){conf, 0}, HS_CODE_FONT, "no font family defined");
    if (rc != 0) {
        hs_fontset_free(fs);
        return NULL;
    }
    return fs;
}

void
hs_fontset_free(hs_fontset *fs)
{
    if (fs == NULL)
        return;
    for (int i = 0; i < fs->nfaces; i++)
        hs_face_free(fs->faces[i]);
    hs_arena_free(fs->arena);
}

const hs_family *
hs_fontset_lookup(const hs_fontset *fs, const char *family)
{
    return find((hs_fontset *)fs, family);
}

const char *
hs_fontset_conf(const hs_fontset *fs)
{
    return fs->conf;
}

int
hs_fontset_count(const hs_fontset *fs)
{
    return fs->count;
}

const hs_family *
hs_fontset_at(const hs_fontset *fs, int i)
{
    return i >= 0 && i < fs->count ? fs->fam[i] : NULL;
}

const hs_face *
hs_family_face_for(const hs_family *fam, hs_face_style style, uint32_t cp)
{
    hs_assert(style >= HS_FACE_REGULAR && style <= HS_FACE_BOLD_ITALIC);
    if (cp > 0xFFFF) /* libharu prints these as spaces: no face draws them */
        return NULL;
    const hs_face *f = fam->face[style] ? fam->face[style] : fam->face[HS_FACE_REGULAR];
    if (hs_face_has(f, cp))
        return f;
    for (int i = 0; i < fam->nfallback; i++) {
        const hs_family *g = fam->fallback[i];
        const hs_face *h = g->face[style] ? g->face[style] : g->face[HS_FACE_REGULAR];
        if (hs_face_has(h, cp))
            return h;
    }
    return NULL;
}
