/* tests/fuzz/fuzz_record.c — the record loader on any bytes: parse, validate
 * against the record schema and the profile schema, run the record checks.
 *
 * Whatever the bytes, the loader returns a document with no error, or NULL
 * after at least one error that names the file; nothing leaks (the document
 * is freed with the arena either way). */
#include "fuzz.h"

#include "record/record.h"

#define LABEL "fuzz.xml"

static hs_schema *record_schema, *profile_schema;
static const char *input_path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hs_report r = {0};
    record_schema = hs_schema_new(HS_SCHEMA_RECORD, &r);
    profile_schema = hs_schema_new(HS_SCHEMA_PROFILE, &r);
    if (record_schema == NULL || profile_schema == NULL)
        fz_fail("the built-in schemas do not compile");
    input_path = fz_scratch_path("record.xml");
    return 0;
}

static void
load(const hs_schema *s)
{
    fz_diags c;
    hs_report r = fz_report(&c, LABEL);
    hs_arena *a = hs_arena_new(0);
    xmlDocPtr doc = hs_record_load(input_path, LABEL, s, a, &r);
    if (doc == NULL && c.errors == 0)
        fz_fail("the loader failed without an error");
    if (doc != NULL && c.errors != 0)
        fz_fail("the loader reported %d errors and returned a document", c.errors);
    hs_arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_write(input_path, data, size);
    load(record_schema);
    load(profile_schema);
    return 0;
}
