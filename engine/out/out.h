/* engine/out/out.h — writing documents: atomic files and safe file names. */
#ifndef HS_OUT_H
#define HS_OUT_H

#include "base/base.h"

/* Temporary file beside path, then rename. 0 or -1 (reported, code "io"). */
/* Remove the temporary file of a write in progress, if any; safe to call
 * from a signal handler (SIGTERM while a PDF is being written). */
void hs_out_abandon(void);

int hs_out_write(const char *path, const void *data, size_t len, hs_report *r);

/* Make name (UTF-8) safe as a file name, in place semantics: returns a new
 * string in a, with ".pdf" added. Never NULL. */
const char *hs_out_safe_name(hs_arena *a, const char *name, size_t n);

#endif
