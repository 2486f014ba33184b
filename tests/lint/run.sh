# tests/lint/run.sh — `sh tests/run GROUP` without the builds said nothing but
# status 127 in every check: it says what to run first, one line, exit 2.
. tests/lib/tap.sh
out=$(HOSO="$T/none/hoso" sh tests/run cli 2>"$T/err")
check_eq "a missing hoso: exit 2, one line naming it and what to run, nothing run" \
    "2|tests/run: $T/none/hoso is missing: run make test (or make -j2 all && make -j2 BUILD=sanitize build/sanitize/hoso unit examples) first|" \
    "$?|$(cat "$T/err")|$out"
out=$(HOSO_RELEASE="$T/none/hoso" sh tests/run lint 2>"$T/err")
check_eq "a missing release hoso: the same" \
    "2|tests/run: $T/none/hoso is missing: run make test (or make -j2 all && make -j2 BUILD=sanitize build/sanitize/hoso unit examples) first|" \
    "$?|$(cat "$T/err")|$out"
