# tests/golden/golden.sh — golden dumps: every case of tests/golden/cases/
# dumped at each stage (compiled template, document tree, laid-out pages)
# and compared with the committed file in tests/golden/expected/. After an
# intended change, `make golden` (sh tests/golden/update) writes them
# again, and the diff is reviewed like code.
. tests/lib/tap.sh
. tests/lib/golden.sh
hoso=${HOSO_RELEASE:-build/hoso}
tmp=${TMPDIR:-/tmp}/hoso-golden.$$
trap 'rm -f "$tmp" "$tmp.err"' EXIT
cases=0
for c in $(golden_cases); do
    cases=$((cases + 1))
    for s in $GOLDEN_STAGES; do
        exp=tests/golden/expected/$c.$s
        if ! golden_dump "$hoso" "$c" "$s" >"$tmp" 2>"$tmp.err"; then
            not_ok "$c: $s dump" "hoso dump failed:" "$(head -c 600 "$tmp.err")"
        elif [ ! -f "$exp" ]; then
            not_ok "$c: $s dump" "no $exp: run make golden and review it"
        elif [ -s "$tmp.err" ]; then
            not_ok "$c: $s dump" "hoso said something:" "$(head -c 600 "$tmp.err")"
        elif ! cmp -s "$exp" "$tmp"; then
            not_ok "$c: $s dump" "differs from $exp (make golden rewrites it):" \
                "$(diff -u "$exp" "$tmp" | head -40)"
        else
            ok "$c: $s dump"
        fi
    done
done
# No expected file is left over from a case that is gone.
stale=""
for f in tests/golden/expected/*; do
    [ -e "$f" ] || continue
    b=${f##*/}
    [ -f "tests/golden/cases/${b%.*}.xml" ] || stale="$stale $f"
done
check_eq "every expected dump has its case" "" "$stale"
check "the corpus has at least 40 cases" test "$cases" -ge 40
