/* engine/base/lib.c — libraries opened when a document first needs them.
 *
 * Why: a library the program links is mapped and relocated at every start,
 * whether or not the document uses it. FreeType (with Brotli behind it),
 * libjpeg and libexif serve only outlined watermarks and JPEG images, and
 * their relocations (libexif alone has 2,600) were 0.55 M instructions and
 * 50 page faults of every `hoso render` of a quote that has neither. Opened
 * here on first use, by the soname of the library the engine was compiled
 * against (the Makefile reads it from the library), they stay open for the
 * process. A library that cannot be opened, or lacks a function, is an
 * error naming it, never a skip. */
#include "base/base.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int
open_lib(hs_lib *l)
{
    const char *name = l->soname;
#ifdef HS_TEST_HOOKS
    /* Tests of a library that is not installed: its name under a folder
     * that does not exist, so that the loader's own message is seen. */
    char moved[512];
    const char *dir = getenv("HOSO_TEST_LIB_DIR");
    if (dir != NULL) {
        snprintf(moved, sizeof moved, "%s/%s", dir, name);
        name = moved;
    }
#endif
    void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        const char *why = dlerror();
        snprintf(l->why, sizeof l->why, "%s", why != NULL ? why : "cannot be opened");
        if (strstr(l->why, l->soname) == NULL)
            snprintf(l->why, sizeof l->why, "%s: %s", l->soname,
                     why != NULL ? why : "cannot be opened");
        return -1;
    }
    for (size_t i = 0; i < l->n; i++) {
        void *p = dlsym(h, l->fns[i].name);
        if (p == NULL) {
            snprintf(l->why, sizeof l->why, "%s has no function %s", l->soname, l->fns[i].name);
            return -1;
        }
        /* a data pointer from dlsym into a function pointer, as POSIX allows */
        memcpy((char *)l->table + l->fns[i].offset, &p, sizeof p);
    }
    return 0;
}

int
hs_lib_get(hs_lib *l)
{
    pthread_mutex_lock(&lock);
    if (l->state == 0)
        l->state = open_lib(l) == 0 ? 1 : -1;
    int st = l->state;
    pthread_mutex_unlock(&lock);
    return st > 0 ? 0 : -1;
}
