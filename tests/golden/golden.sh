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
# The command line of hoso dump: usage errors are status 2 with the reason,
# a document that fails is status 1 with its file:line: error, no dump.
out=$("$hoso" dump -t tests/golden/cases/para-plain.xml tests/golden/record.xml 2>&1)
check_eq "dump without --stage: status 2 and the reason" "2:hoso dump: give --stage=tpl, doc or pages" \
    "$?:$(printf '%s' "$out" | head -1)"
out=$("$hoso" dump --stage=boxes -t tests/golden/cases/para-plain.xml 2>&1)
check_eq "dump --stage=boxes: status 2" "2:hoso dump: unknown stage 'boxes' (tpl, doc or pages)" \
    "$?:$(printf '%s' "$out" | head -1)"
out=$("$hoso" dump --stage=tpl -t tests/golden/cases/para-plain.xml tests/golden/record.xml 2>&1)
check_eq "dump --stage=tpl with a record: status 2" \
    "2:hoso dump: --stage=tpl takes no record (tests/golden/record.xml)" "$?:$(printf '%s' "$out" | head -1)"
out=$("$hoso" dump --stage=pages -t tests/golden/cases/para-plain.xml 2>&1)
check_eq "dump --stage=pages without a record: status 2" "2:hoso dump: --stage=pages takes one record" \
    "$?:$(printf '%s' "$out" | head -1)"
printf '<?xml version="1.0"?>\n<document>\n  <p>{money(@id)}</p>\n</document>\n' >"$tmp.xml"
out=$("$hoso" dump --stage=doc -t "$tmp.xml" tests/golden/record.xml 2>"$tmp.err")
check_eq "a failing document: status 1, nothing on stdout" "1:" "$?:$out"
check_eq "a failing document: its error on stderr" \
    "tests/golden/record.xml:2: error: <request id=\"YC-2021-017\"> is not an amount in đồng [amount]" \
    "$(head -1 "$tmp.err")"
rm -f "$tmp.xml"
