/* engine/out/out.h — writing documents: durable files, safe and owned names. */
#ifndef HS_OUT_H
#define HS_OUT_H

#include "base/base.h"

/* Remove the temporary file of a write in progress, if any; safe to call
 * from a signal handler (SIGTERM while a PDF is being written). */
void hs_out_abandon(void);

/* How a document takes its name. */
enum {
    HS_OUT_REPLACE = 1,   /* an explicit --out FILE: replace whatever is there */
    HS_OUT_OVERWRITE = 2, /* --overwrite: a computed name may replace any file */
    HS_OUT_NO_SYNC = 4,   /* --no-sync: no fsync of the file and its folder */
};

/* Write data to path: a temporary file beside it, fsync, then into place
 * (see hs_out_install), then fsync of the folder. owner is the document's
 * mark (hs_out_owner), or NULL. 0 or -1 (reported, code "io" or "exists"). */
int hs_out_write(const char *path, const void *data, size_t len, const char *owner, int flags,
                 hs_report *r);

/* Move the finished temporary file tmp to path. With HS_OUT_REPLACE, a plain
 * rename. Otherwise only if path is free (renameat2 RENAME_NOREPLACE, else
 * link), so that two processes never overwrite each other; a path already
 * taken is replaced only by the same document (its file carries owner's
 * mark) or with HS_OUT_OVERWRITE; else it is an error naming the file. The
 * folder is not synced (hs_out_sync_dir). tmp is gone afterwards. */
int hs_out_install(const char *tmp, const char *path, const char *owner, int flags, hs_report *r);

/* fsync the folder that holds path (a file's name is durable only then). */
int hs_out_sync_dir(const char *path, hs_report *r);

/* The mark of the document of record × template written into the folder
 * out_dir: 32 hex digits of a hash of the two files' canonical paths (seen
 * from out_dir when they share a top folder with it, see mark.c), so that
 * any spelling of the same two files is the same document. Into buf, which
 * holds HS_OUT_OWNER_LEN + 1. */
#define HS_OUT_OWNER_LEN 32
void hs_out_owner(const char *record, const char *template_path, const char *out_dir, char *buf);

/* What the file at path holds: 32 hex digits (CRC-32, Adler-32 and the
 * length of its bytes) into buf, which holds HS_OUT_DIGEST_LEN + 1. 0, or -1
 * if it cannot be read (missing, not a regular file). */
#define HS_OUT_DIGEST_LEN HS_DIGEST_LEN
int hs_out_digest(const char *path, char *buf);
/* The digests kept for files not changed since (at engine end, for leak checkers). */
void hs_out_digest_forget(void);

/* A copy of the PDF with the mark in it: a comment line "%hoso-owner KEY"
 * just before the cross-reference table (startxref is moved to match), so
 * that every reader ignores it. malloc'd; NULL if the PDF has no xref table
 * where startxref says. */
unsigned char *hs_out_mark(const unsigned char *pdf, size_t len, const char *owner,
                           size_t *out_len);

/* 1 if the file at path carries owner's mark, 0 if not (or missing, or not
 * readable by us), -1 (errno set) if it could not be opened for another
 * reason (no descriptor left). */
int hs_out_marked(const char *path, const char *owner);

/* Make name (UTF-8) safe as a file name, in place semantics: returns a new
 * string in a, with ".pdf" added. Never NULL. */
const char *hs_out_safe_name(hs_arena *a, const char *name, size_t n);

/* ---- strings from outside, made safe to print (escape.c) ---- */
/* Append s[0..n) to b with control characters and bytes that are not UTF-8
 * written as \n, \t, \r, \xNN (and, with backslash, '\' as "\\"). */
void hs_out_escape(hs_buf *b, const char *s, size_t n, int backslash);
/* Append "key":"s" (JSON, always valid UTF-8: a bad byte is U+FFFD) and,
 * when s is not UTF-8, "key_bytes":"…" with its bytes C-escaped. */
void hs_out_json_field(hs_buf *b, const char *key, const char *s);
/* s[0..n) as a quoted JSON string (invalid UTF-8 as U+FFFD). */
void hs_out_json_string(hs_buf *b, const char *s, size_t n);

/* ---- temporary files of a run in progress (temp.c) ---- */
/* The prefix of this process's temporary files in a folder:
 * ".hoso-HOST-PID-" (a folder shared by several machines keeps them apart). */
void hs_out_temp_prefix(char *buf, size_t cap);
/* Remove the temporary files in dir that processes of this host no longer
 * running left behind (a killed run). */
void hs_out_sweep(const char *dir);

/* ---- file names of a batch (names.c) ---- */
typedef struct hs_out_doc {
    const char *record, *template_path; /* the key; sorted by it */
    const char *name;                   /* hs_file_name of the document; NULL: none */
    char *file;                         /* out: the file name assigned; malloc'd */
} hs_out_doc;
/* Give each document with a name a file name unique among them, by a rule
 * that depends on the set alone (not on its order, nor on timing): the
 * document whose record path (then template path) sorts first keeps its
 * name; the others become "NAME (RECORD).pdf", RECORD the record's file name
 * without ".xml", then "NAME (RECORD, TEMPLATE).pdf", then "… (2).pdf" in
 * that same order; a NAME that is the record's own (hs_out_unnamed) becomes
 * "NAME (TEMPLATE).pdf", then "… (2).pdf". ascii: the added words in ASCII
 * too. */
void hs_out_assign_names(hs_out_doc *docs, size_t n, int ascii);
/* The name of a document whose template has no <name>, in render and batch
 * alike: its record's file name without its folder and without ".xml"
 * (a record read from standard input, "-": "document"). malloc'd. */
char *hs_out_unnamed(const char *record);

#endif
