/* tests/unit/harness.h — minimal checks that report the test's file:line.
 * Each test binary prints "ok N name" / "not ok N name" lines (TAP) and exits
 * non-zero when any check failed. */
#ifndef HS_HARNESS_H
#define HS_HARNESS_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int hs_t_failed, hs_t_count, hs_t_case_failed;

#define CHECK(c)                                                                        \
    do {                                                                                \
        if (!(c)) {                                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);        \
            hs_t_case_failed = 1;                                                       \
        }                                                                               \
    } while (0)

#define CHECK_INT(a, b)                                                                 \
    do {                                                                                \
        long long hs_a_ = (long long)(a), hs_b_ = (long long)(b);                       \
        if (hs_a_ != hs_b_) {                                                           \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, \
                    hs_a_, hs_b_);                                                      \
            hs_t_case_failed = 1;                                                       \
        }                                                                               \
    } while (0)

#define CHECK_STR(a, b)                                                                 \
    do {                                                                                \
        const char *hs_a_ = (a), *hs_b_ = (b);                                          \
        if (hs_a_ == NULL || hs_b_ == NULL || strcmp(hs_a_, hs_b_) != 0) {               \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, hs_a_ ? hs_a_ : "(null)", hs_b_ ? hs_b_ : "(null)");            \
            hs_t_case_failed = 1;                                                       \
        }                                                                               \
    } while (0)

#define RUN(fn)                                                                         \
    do {                                                                                \
        hs_t_case_failed = 0;                                                           \
        fn();                                                                           \
        hs_t_count++;                                                                   \
        printf("%s %d %s\n", hs_t_case_failed ? "not ok" : "ok", hs_t_count, #fn);      \
        hs_t_failed += hs_t_case_failed;                                                \
    } while (0)

#define DONE() (hs_t_failed ? 1 : 0)

#endif
