# tests/fuzz/regressions.sh — the inputs a fuzz target once failed on
# (tests/fuzz/regressions/TARGET/NAME) through the command-line tool, release
# and sanitizer builds: exit status 0 or 1, never a signal or a sanitizer
# report; stderr is UTF-8 and one diagnostic a line; a record that fails
# names itself and a line ("FILE:LINE: error:").
#   record/, render/   records, rendered with templates/quote.xml
#   template/          templates, against samples/chinh-dai.xml (beside a
#                      link to templates/parts, as in the fuzz target)
# A vn/ input has no command of its own: it becomes a line of tests/vectors/.
. tests/lib/tap.sh
ln -s "$PWD/templates/parts" "$T/parts"
run() { # name, input, binary, args...
    name=$1 input=$2 bin=$3; shift 3
    "$bin" check -p samples/profile.xml "$@" >"$T/stdout" 2>"$T/stderr"
    status=$?
    case $status in
    0 | 1) ok "$name: exit status $status" ;;
    *) not_ok "$name: exit status 0 or 1" "status $status" "$(head -c 600 "$T/stderr")" ;;
    esac
    if grep -qE 'Sanitizer|runtime error' "$T/stderr"; then
        not_ok "$name: no sanitizer report" "$(grep -m 3 -E 'Sanitizer|runtime error' "$T/stderr")"
    else
        ok "$name: no sanitizer report"
    fi
    if iconv -f UTF-8 -t UTF-8 "$T/stderr" >/dev/null 2>&1; then
        ok "$name: stderr is UTF-8"
    else
        not_ok "$name: stderr is UTF-8" "$(head -c 300 "$T/stderr")"
    fi
    if [ "$input" = record ]; then
        bad=$(LC_ALL=C grep -avE '^[^ ]+(:[0-9]+)?: (error|warning|note): ' "$T/stderr" | head -n 3)
        check_eq "$name: one diagnostic a line" "" "$bad"
        if [ "$status" = 0 ]; then
            :
        elif grep -qE "^$f:[0-9]+: error: " "$T/stderr"; then
            ok "$name: $f:LINE: error:"
        else
            not_ok "$name: $f:LINE: error:" "$(head -c 300 "$T/stderr")"
        fi
    fi
}
for bin in "$HOSO_RELEASE" "$HOSO"; do
    b=sanitize
    [ "$bin" = "$HOSO_RELEASE" ] && b=release
    for f in tests/fuzz/regressions/record/* tests/fuzz/regressions/render/*; do
        [ -f "$f" ] || continue
        run "$b ${f#tests/fuzz/regressions/}" record "$bin" -t templates/quote.xml "$f"
    done
    for f in tests/fuzz/regressions/template/*; do
        [ -f "$f" ] || continue
        cp "$f" "$T/template.xml"
        run "$b ${f#tests/fuzz/regressions/}" template "$bin" -t "$T/template.xml" samples/chinh-dai.xml
    done
done
