# tests/sections/sections.sh — <section>: pages of their own size,
# orientation and margins, with their own header and footer (or the
# document's), starting and ending on a page boundary; the page numbers go
# on across sections and page-count counts every page.
. tests/lib/tap.sh
. tests/lib/template-error.sh
PROF=samples/profile.xml
"$HOSO" render -q -t tests/sections/sections.xml -p $PROF -o "$T/s.pdf" samples/large.xml 2>"$T/err"
check_eq "renders a document with two sections (exit 0, no message)" "0:" "$?:$(cat "$T/err")"
check "qpdf --check passes" qpdf --check "$T/s.pdf"
np=$(pdfinfo "$T/s.pdf" | awk '/^Pages:/ {print $2}')
# each page: P (A4 portrait), L (A4 landscape), 5 (A5 portrait), from its media box
pdfinfo -f 1 -l "$np" -box "$T/s.pdf" | awk '/MediaBox:/ {
    w = $6 - $4; h = $7 - $5
    printf "%s", (w > 841 && w < 843 && h > 594 && h < 596) ? "L" : (w > 594 && w < 596 && h > 841 && h < 843) ? "P" : (w > 419 && w < 420 && h > 594 && h < 596) ? "5" : "?"
}' >"$T/kinds"
kinds=$(cat "$T/kinds")
check "the pages are portrait, then landscape, then A5, then portrait again ($kinds)" \
    sh -c "echo '$kinds' | grep -qE '^P+L{2,}5P+\$'"
check_eq "no page is turned (/Rotate): the landscape media box is wider than tall" "" \
    "$(pdfinfo -f 1 -l "$np" "$T/s.pdf" | grep 'rot:' | grep -v 'rot:  *0$')"
first_l=$(($(expr index "$kinds" L)))
last_l=$(($(echo "$kinds" | sed 's/[^L]*$//' | wc -c) - 1))
a5=$(($(expr index "$kinds" 5)))
page() { pdftotext -layout -f "$1" -l "$1" "$T/s.pdf" - | tr -s ' \n' '  '; }
bad=""
for p in $(seq 1 "$np"); do
    t=$(page $p)
    case $(echo "$kinds" | cut -c$p) in
    L) want="Bảng tổng hợp – trang $p/$np" ;;
    *) want="Trang $p/$np" ;;
    esac
    case $t in *"$want"*) ;; *) bad="$bad $p" ;; esac
done
check_eq "every page's footer has its number in the whole document and the page count ($np)" "" "$bad"
check_contains "the landscape section starts with its heading on a page of its own" \
    /dev/stdin "Bảng tổng hợp kinh phí các hạng mục" <<X
$(page "$first_l")
X
check_eq "the section's first page has its on=\"first\" header, not the continuation's" "1:0" \
    "$(page "$first_l" | grep -c '(khổ ngang)'):$(page "$first_l" | grep -c '(tiếp theo)')"
cont=0
for p in $(seq $((first_l + 1)) "$last_l"); do page $p | grep -q '(tiếp theo)' && cont=$((cont + 1)); done
check_eq "its later pages have the on=\"not-first\" one" "$((last_l - first_l))" "$cont"
check_eq "the document's own pages have neither" 0 \
    "$(for p in $(seq 1 $((first_l - 1))) $a5 $((a5 + 1)); do page $p; done | grep -c 'Bảng tổng hợp kinh phí (')"
check_contains "the A5 section is its page alone" /dev/stdin "Ghi chú khổ A5" <<X
$(page "$a5")
X
check_contains "what follows the sections starts a page in the document's set-up" /dev/stdin \
    "Điều khoản chung" <<X
$(page $((a5 + 1)))
X
check_eq "the last table row is in the landscape section" 1 \
    "$(page "$last_l" | grep -c 'Cung cấp máy quét mã vạch hai chiều')"
# the section's bookmark goes to its first page
qpdf --json=2 --json-key=outlines "$T/s.pdf" | ${PYTHON:-python3} -c '
import json, sys
o = json.load(sys.stdin)["outlines"]
print(" ".join("%s:%d" % (x["title"], x["destpageposfrom1"]) for x in o if x["title"] == "Bảng tổng hợp"))' >"$T/bm"
check_eq "the section's bookmark opens its first page" "Bảng tổng hợp:$first_l" "$(cat "$T/bm")"

template_error "a section inside a div" \
    "3: error: <section> starts pages of its own: it belongs in the body, not in another block or section [template]" \
    '  <div><section><p>x</p></section></div>'
template_error "a header inside a section's div" \
    "3: error: <header> belongs directly under <document> or a <section> [template]" \
    '  <section><div><header><p>x</p></header></div></section>'
template_error "a section's margins that leave no page" \
    "3: error: the margins leave less than an inch of page [template]" \
    '  <section page="A5" margin="80mm"><p>x</p></section>'
