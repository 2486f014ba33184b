# tests/lib/template-error.sh — sourced after tap.sh: template_error NAME
# EXPECTED BODY [DOCUMENT-ATTRIBUTES] renders a small A5 template made of
# BODY against the small sample; it must fail with exit status 1, say
# "$T/e.xml:EXPECTED" (notes aside) and leave no file.
template_error() {
    printf '<document page="A5" margin="15mm" font="sans"%s>\n  <name>e</name>\n%s\n  <p>x</p>\n</document>\n' \
        "${4:-}" "$3" >"$T/e.xml"
    rm -f "$T/e.pdf"
    "$HOSO" render -t "$T/e.xml" -p samples/profile.xml -o "$T/e.pdf" samples/small.xml \
        >/dev/null 2>"$T/err"
    check_eq "$1: exit status 1" 1 "$?"
    check_eq "$1: the message" "$T/e.xml:$2" "$(grep -v ': note: ' "$T/err")"
    check_eq "$1: no file left" "" "$(ls "$T/e.pdf" 2>/dev/null)"
}
