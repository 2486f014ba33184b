# tests/links/outline.sh — bookmarks: the outline read back with qpdf --json
# (titles, nesting, target pages and tops) is the headings and the pages
# they are on (tests/links/outline.py checks each against pdftotext -bbox).
. tests/lib/tap.sh
PY=${PYTHON:-python3}
"$HOSO" render -q -t tests/links/outline.xml -p samples/profile.xml -o "$T/o.pdf" samples/large.xml \
    2>"$T/err"
check_eq "renders a long document with headings (exit 0, no message)" "0:" "$?:$(cat "$T/err")"
check "qpdf --check passes" qpdf --check "$T/o.pdf"
pages=$(pdfinfo "$T/o.pdf" | awk '/^Pages:/ {print $2}')
check "it runs over several pages ($pages)" test "$pages" -ge 5
$PY tests/links/outline.py "$T/o.pdf" "Bảng tổng hợp=Hạng mục Số ngày" \
    "Phụ lục=Điều khoản chung" >"$T/outline" 2>&1
check_eq "every bookmark goes to the page and top of its heading" 0 "$?"
grep -v '^[0-9] ' "$T/outline" | head -n 5 >"$T/why"
check_eq "(no complaint)" "" "$(cat "$T/why")"
levels=$(cut -d' ' -f1 "$T/outline" | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')
check_eq "h1, an h2 per item of the record (55), the h3 and a div's h3 nested, by level" "1:3 2:56 3:11 " "$levels"
check_eq "the first entries" "1 1 Các hạng mục tùy biến|2 1 1. Liên thông với Cơ sở dữ liệu Dược quốc gia" \
    "$(head -n 2 "$T/outline" | tr '\n' '|' | sed 's/|$//')"
check_eq "the last entries: the table's and the div's own bookmarks, the h3 under the div" \
    "1 Bảng tổng hợp|1 Phụ lục|2 Điều khoản chung" \
    "$(tail -n 3 "$T/outline" | cut -d' ' -f1,3- | tr '\n' '|' | sed 's/|$//')"
check_eq 'bookmark="" leaves a heading out' "" "$(grep 'Không có trong mục lục' "$T/outline")"
qpdf --json=2 --json-key=qpdf "$T/o.pdf" | grep -o '"/PageMode": "[^"]*"' >"$T/mode"
check_eq "the document opens with the outline shown" '"/PageMode": "/UseOutlines"' "$(cat "$T/mode")"

# bookmarks="no": no outline at all, bookmark="…" attributes included
sed 's/<document /<document bookmarks="no" /' tests/links/outline.xml >"$T/off.xml"
"$HOSO" render -q -t "$T/off.xml" -p samples/profile.xml -o "$T/off.pdf" samples/large.xml
n=$(qpdf --json=2 --json-key=outlines "$T/off.pdf" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["outlines"]))')
check_eq 'bookmarks="no": the PDF has no outline' 0 "$n"

. tests/lib/template-error.sh
err_case() { # NAME EXPECTED-MESSAGE BODY [DOCUMENT-ATTRIBUTES]
    template_error "$1" "$2 [template]" "$3" "${4:-}"
}
err_case "a level past 6" '3: error: <p bookmark-level="7">: expected a whole number from 1 to 6' \
    '  <p bookmark="x" bookmark-level="7">x</p>'
err_case "an id given twice" '4: error: id="a" is used twice in the document' \
    "$(printf '  <p id="a">x</p>\n  <p id="a">y</p>')"
check_contains "an id given twice: a note says where first" "$T/err" "$T/e.xml:3: note: first here"
err_case "an id with a space" "3: error: id=\"a b\": an id is ASCII letters, digits, '-', '_' and '.'" \
    '  <p id="a b">x</p>'
err_case "bookmarks neither yes nor no" '1: error: <document bookmarks="maybe">: expected yes or no' \
    '  <h1>x</h1>' ' bookmarks="maybe"'
err_case "an id in a footer" \
    "3: error: <p id=\"…\">: a header or footer is on every page; ids and bookmarks are for blocks of the body" \
    "$(printf '  <footer><p id="f">x</p></footer>\n  <p>y</p>')"
