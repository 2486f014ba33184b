/* engine/text/i18n.c — ICU's i18n library, opened when a document first
 * sorts or transliterates.
 *
 * Why: of ICU, most documents need only the common library (breaks,
 * normalisation, scripts); collation and transliteration live in
 * libicui18n, 3 MB with some 1,700 symbol and 5,300 relative relocations.
 * Linked, the dynamic linker maps and relocates it at every start: 0.9 M
 * instructions and 37 page faults of each `hoso render`, a fifth of a
 * `hoso --version`, whether or not the document sorts a name. Opened here
 * on first use (the same library, by the soname of the ICU the engine was
 * compiled against), it costs only the documents that use it. The table
 * takes each function's type from ICU's own header, so a prototype that
 * differs fails to compile, and the names from ICU's renaming macros (the
 * version suffix included). It stays open for the process: ICU's cleanup
 * (u_cleanup) calls back into it. */
#include "text/icu_int.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uvernum.h>

#define HS_I18N_SONAME "libicui18n.so." U_ICU_VERSION_SHORT
/* the name an ICU function has in the library: its macro expanded first */
#define HS_NAME(f) HS_NAME_(f)
#define HS_NAME_(f) #f

static hs_tx_i18n table;
static int state; /* 0 not tried, 1 open, -1 failed */
static char failure[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* a data pointer from dlsym into a function pointer, as POSIX allows */
static int
bind(void *lib, const char *name, void *fn, size_t size)
{
    void *p = dlsym(lib, name);
    if (p == NULL) {
        snprintf(failure, sizeof failure, "%s has no %s", HS_I18N_SONAME, name);
        return -1;
    }
    memcpy(fn, &p, size);
    return 0;
}

#define BIND(lib, field, f) bind(lib, HS_NAME(f), &table.field, sizeof table.field)

static void
open_library(void)
{
    void *lib = dlopen(HS_I18N_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "%s", why ? why : HS_I18N_SONAME ": cannot be opened");
        state = -1;
        return;
    }
    if (BIND(lib, col_open, ucol_open) != 0 || BIND(lib, col_close, ucol_close) != 0 ||
        BIND(lib, col_set_strength, ucol_setStrength) != 0 ||
        BIND(lib, col_set_attribute, ucol_setAttribute) != 0 ||
        BIND(lib, col_sort_key, ucol_getSortKey) != 0 ||
        BIND(lib, col_strcoll_utf8, ucol_strcollUTF8) != 0 ||
        BIND(lib, trans_open_u, utrans_openU) != 0 || BIND(lib, trans_close, utrans_close) != 0 ||
        BIND(lib, trans_uchars, utrans_transUChars) != 0) {
        state = -1;
        return;
    }
    state = 1;
}

const hs_tx_i18n *
hs_tx_i18n_get(hs_report *r, hs_loc loc)
{
    pthread_once(&once, open_library);
    if (state > 0)
        return &table;
    if (r != NULL)
        hs_error(r, loc, HS_CODE_INTERNAL, "ICU's collation and transliteration: %s", failure);
    return NULL;
}
