# tests/embed/embed.sh — examples/embed.c, a program that embeds the engine
# through hoso.h alone (built by make test in the sanitizer build): it
# renders a document, the same bytes as hoso render makes, and a failure
# reaches it as diagnostics (file, code, message) with nothing written.
. tests/lib/tap.sh
E=build/sanitize/examples/embed
if [ ! -x "$E" ]; then
    not_ok "examples/embed is built (make test builds it)" "no $E"
    exit 0
fi
ok "examples/embed is built"
"$E" "$HOSO_FONTS" templates/quote.xml samples/small.xml samples/profile.xml "$T/a.pdf" \
    >"$T/out" 2>"$T/err"
check_eq "it renders samples/small.xml: exit 0, nothing on stderr" "0:" "$?:$(cat "$T/err")"
check_eq "… says the pages and the document's name" \
    "$T/a.pdf: 2 pages, $(wc -c <"$T/a.pdf") bytes, named \"Báo giá tùy biến Hoàng Long (09.03.21)\"" \
    "$(cat "$T/out")"
check_eq "… a PDF of 2 pages" "2" "$(pdfinfo "$T/a.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
pdftotext "$T/a.pdf" "$T/a.txt" 2>/dev/null
squeeze "$T/a.txt" >"$T/a.flat"
check_contains "… with the quote's text" "$T/a.flat" "Kính gửi: Công ty TNHH Thương mại và Dịch vụ Hoàng Long"
SOURCE_DATE_EPOCH=1624406400 "$HOSO" render -q -t templates/quote.xml -p samples/profile.xml \
    -o "$T/b.pdf" samples/small.xml 2>/dev/null
check "… the same bytes as hoso render makes" cmp -s "$T/a.pdf" "$T/b.pdf"

"$E" "$HOSO_FONTS" templates/quote.xml "$T/none.xml" samples/profile.xml "$T/c.pdf" \
    >"$T/out" 2>"$T/err"
check_eq "a record that is not there: exit 1" "1" "$?"
check_eq "… its diagnostic comes to the program: file, message, code" \
    "$T/none.xml: error: cannot open: No such file or directory [io]" "$(cat "$T/err")"
check_eq "… and nothing is written" "no" "$([ -e "$T/c.pdf" ] && echo yes || echo no)"

printf '<quote>\n' >"$T/bad.xml"
"$E" "$HOSO_FONTS" templates/quote.xml "$T/bad.xml" samples/profile.xml "$T/d.pdf" 2>"$T/err"
check_eq "a record that is not XML: exit 1, errors with its line and [xml]" "1:1" \
    "$?:$(grep -c "^$T/bad.xml:[0-9]*: error: .*\[xml\]$" "$T/err")"
"$E" "$T/no-fonts" templates/quote.xml samples/small.xml samples/profile.xml "$T/e.pdf" 2>"$T/err"
check_eq "no font folder: exit 1, the engine is not made, said with [font]" "1:1" \
    "$?:$(grep -c '\[font\]$' "$T/err")"
