# tests/lib/tap.sh — sourced by the test scripts: TAP output and checks.
# Each check prints "ok N - name" or "not ok N - name" plus "# " details.
n=0
ok()     { n=$((n + 1)); echo "ok $n - $1"; }
# skip NAME REASON: a check that cannot run here; counted as skipped, not passed
skip()   { n=$((n + 1)); echo "ok $n - $1 # skip $2"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
# check NAME COMMAND...: passes when the command succeeds
check() {
    name=$1; shift
    if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "command: $*" "$(printf '%s' "$out" | head -c 600)"; fi
}
# check_eq NAME EXPECTED ACTUAL
check_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2" "actual:   $3"; fi
}
# check_contains NAME HAYSTACK_FILE NEEDLE
check_contains() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1" "missing: $3" "in: $(head -c 400 "$2")"; fi
}
# squeeze FILE: whitespace runs to one space, one line (for phrase searches)
squeeze() { tr '\n\t\f' '   ' <"$1" | tr -s ' '; }
