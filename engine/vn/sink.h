/* engine/vn/sink.h — the bounded output of the vn formatters (internal).
 * A write that does not fit marks the sink full instead of truncating a
 * character or a word; the formatter then reports HS_VN_E_SPACE. */
#ifndef HS_VN_SINK_H
#define HS_VN_SINK_H

#include "vn/vn.h"

#include <string.h>

typedef struct vn_sink {
    char *buf;
    size_t cap, len;
    int full;
} vn_sink;

static inline void
vn_put(vn_sink *o, const char *s, size_t n)
{
    if (o->full || o->len + n >= o->cap) {
        o->full = 1;
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* The status of what was written: a full sink leaves an empty string. */
static inline hs_vn_status
vn_finish(vn_sink *o)
{
    if (o->full || o->len >= o->cap) {
        if (o->cap > 0)
            o->buf[0] = '\0';
        return HS_VN_E_SPACE;
    }
    o->buf[o->len] = '\0';
    return HS_VN_OK;
}

#endif
