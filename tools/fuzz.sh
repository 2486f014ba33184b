#!/bin/sh
# fuzz.sh — build the libFuzzer targets of tests/fuzz/ and run each in turn
# for FUZZ_SECONDS (default 60), one at a time (the machine is shared).
#   sh tools/fuzz.sh [--build-only] [TARGET...]    targets: record template vn render
# Without clang and libFuzzer (and no way to install them) it prints one line
# and exits 0: fuzzing is never what makes a build fail. With them, the exit
# status is 1 when a target crashed, leaked or timed out; the input is in
# build/fuzz/artifacts/TARGET/ and the log in build/fuzz/TARGET.log.
# New corpus entries go to build/fuzz/corpus/TARGET/; the seeds of
# tests/fuzz/seeds/TARGET/ are read, never written.
set -u
cd "$(dirname "$0")/.." || exit 1
build_only=0
if [ "${1:-}" = --build-only ]; then build_only=1; shift; fi
[ $# -gt 0 ] || set -- record template vn render
seconds=${FUZZ_SECONDS:-60}
cc=${FUZZ_CC:-clang}

# The packages, when they can be had (apt output kept out of the way: a
# machine without them skips in one line below).
mkdir -p build/fuzz
sh tools/deps.sh fuzz >build/fuzz/deps.log 2>&1 || true
probe=build/fuzz/probe
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\n%s\n' \
    'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return d && n; }' \
    >"$probe.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" >/dev/null 2>&1; then
    echo "hoso: make fuzz skipped: $cc with libFuzzer not found (Debian: clang libclang-rt-14-dev)"
    exit 0
fi
rm -f "$probe" "$probe.c"

make --no-print-directory BUILD=fuzz FUZZ_CC="$cc" FUZZ_TARGETS="$*" fuzz-targets || exit 1
[ "$build_only" = 1 ] && exit 0

export HS_SRCDIR="$PWD"
# no on-disk cache (engine/cache/): every input its own, nothing in the home
export HOSO_CACHE=off
# the targets' scratch folders: one a process, left behind only by a crash
mkdir -p build/fuzz/tmp
export TMPDIR="$PWD/build/fuzz/tmp"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=""
for t in "$@"; do
    mkdir -p "build/fuzz/corpus/$t" "build/fuzz/artifacts/$t"
    # the render target's input is a record: it shares record.dict
    d=$t; [ "$t" = render ] && d=record
    dict=""
    [ -f "tests/fuzz/$d.dict" ] && dict="-dict=tests/fuzz/$d.dict"
    echo "fuzz_$t: $seconds s (log: build/fuzz/$t.log)"
    # shellcheck disable=SC2086
    "build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$t/" $dict \
        "build/fuzz/corpus/$t" "tests/fuzz/seeds/$t" </dev/null >"build/fuzz/$t.log" 2>&1
    status=$?
    # the final stats, or after a crash the last status line ("#1234 NEW …")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/$t.log" | tail -n 1)
    [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "build/fuzz/$t.log" | tail -n 1)
    if [ "$status" -eq 0 ]; then
        echo "fuzz_$t: ${runs:-?} runs, nothing found"
    else
        echo "fuzz_$t: FAILED (status $status) after ${runs:-?} runs:"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' \
            "build/fuzz/$t.log" | head -n 5 | sed 's/^/    /'
        failed="$failed $t"
    fi
done
[ -z "$failed" ] || { echo "make fuzz: found something in:$failed"; exit 1; }
