/* engine/out/escape.c — strings from outside (paths, record text) made safe
 * to print: a file named "x\nfake.xml:1: error: all good" must not forge a
 * line on stderr, and a path with a byte like \xff must not make a report
 * line that is not UTF-8. */
#include "out/out.h"

#include <stdio.h>
#include <string.h>

/* One byte as C writes it: \n, \t, \r or \xNN. */
static size_t
esc_byte(unsigned char c, char *out)
{
    if (c == '\n')
        return memcpy(out, "\\n", 2), 2;
    if (c == '\t')
        return memcpy(out, "\\t", 2), 2;
    if (c == '\r')
        return memcpy(out, "\\r", 2), 2;
    return (size_t)sprintf(out, "\\x%02x", c);
}

void
hs_out_escape(hs_buf *b, const char *s, size_t n, int backslash)
{
    char tmp[8];
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = hs_utf8_decode(s + i, n - i, &cp);
        unsigned char c = (unsigned char)s[i];
        if (k == 0 || c < 0x20 || c == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            /* a C1 control is two bytes: both escaped */
            int m = k == 0 ? 1 : k;
            for (int j = 0; j < m; j++)
                hs_buf_add(b, tmp, esc_byte((unsigned char)s[i + (size_t)j], tmp));
            i += (size_t)m;
        } else if (c == '\\' && backslash) {
            hs_buf_add(b, "\\\\", 2);
            i++;
        } else {
            hs_buf_add(b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
}

/* s[0..n) as a JSON string, quoted; invalid UTF-8 becomes U+FFFD. */
void
hs_out_json_string(hs_buf *b, const char *s, size_t n)
{
    hs_buf_addc(b, '"');
    size_t from = 0; /* the start of the run of bytes copied as they are, at once */
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = hs_utf8_decode(s + i, n - i, &cp);
        unsigned char c = (unsigned char)s[i];
        if (k > 0 && c != '"' && c != '\\' && c >= 0x20 && c != 0x7F) {
            i += (size_t)k;
            continue;
        }
        hs_buf_add(b, s + from, i - from);
        if (k == 0)
            hs_buf_adds(b, "\\ufffd");
        else if (c == '"' || c == '\\')
            hs_buf_printf(b, "\\%c", c);
        else if (c == '\n')
            hs_buf_adds(b, "\\n");
        else
            hs_buf_printf(b, "\\u%04x", c);
        i += k > 0 ? (size_t)k : 1;
        from = i;
    }
    hs_buf_add(b, s + from, n - from);
    hs_buf_addc(b, '"');
}

/* "key":"value" in JSON; invalid UTF-8 becomes U+FFFD there, and then
 * "key_bytes" keeps the raw bytes, C-escaped ("caf\xe9.xml"). */
void
hs_out_json_field(hs_buf *b, const char *key, const char *s)
{
    s = s ? s : "";
    size_t n = strlen(s);
    hs_buf_printf(b, "\"%s\":", key);
    hs_out_json_string(b, s, n);
    if (hs_utf8_invalid_at(s, n) != (size_t)-1) {
        hs_buf_printf(b, ",\"%s_bytes\":\"", key);
        hs_buf b2;
        hs_buf_init(&b2, b->arena);
        hs_out_escape(&b2, s, n, 1);
        /* the escape is ASCII; its backslashes and quotes are JSON-escaped */
        for (size_t i = 0; i < b2.len; i++) {
            if (b2.data[i] == '\\' || b2.data[i] == '"')
                hs_buf_addc(b, '\\');
            hs_buf_addc(b, b2.data[i]);
        }
        hs_buf_addc(b, '"');
    }
}
