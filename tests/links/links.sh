# tests/links/links.sh — <a href>: link annotations read back with qpdf --json
# lie over the words pdftotext -bbox gives (tests/links/annots.py), one per
# line of a link, with their URIs or, for #id, the page and top of the block
# with that id; bad targets are errors naming the line.
. tests/lib/tap.sh
PY=${PYTHON:-python3}
"$HOSO" render -q -t tests/links/links.xml -p samples/profile.xml -o "$T/l.pdf" samples/small.xml \
    2>"$T/err"
check_eq "renders links (exit 0, no message)" "0:" "$?:$(cat "$T/err")"
check "qpdf --check passes" qpdf --check "$T/l.pdf"
pdftotext -bbox "$T/l.pdf" "$T/l.html"
$PY tests/links/annots.py "$T/l.pdf" "$T/l.html" >"$T/annots" 2>&1
check_eq "every annotation is its words' box within 1 pt" "0" "$?"
check_eq "the annotations: page, URI and the words under each" "$(cat <<'X'
1 https://thienphucsoft.vn thienphucsoft.vn
1 mailto:kinhdoanh@thienphucsoft.vn kinhdoanh@thienphucsoft.vn
1 tel:+842435628899 024 3562 8899
1 https://thienphucsoft.vn/bao-gia?so=BG-2021%2F017 xem báo giá đầy đủ trên
1 https://thienphucsoft.vn/bao-gia?so=BG-2021%2F017 trang web của chúng tôi
1 mailto:hotro@thienphucsoft.vn hộp thư hỗ
1 mailto:hotro@thienphucsoft.vn trợ của công ty
1 page 1 top 445 bảng liên hệ
1 http://example.com/bg/BG-2021/017 báo giá BG-2021/017
X
)" "$(cat "$T/annots")"

# The checker can fail: a link that ends inside a word ("vn" of "vn,") has a
# box narrower than pdftotext's word, and annots.py says so.
printf '<document page="A5" margin="15mm" font="sans"><name>x</name><p>Web <a href="https://thienphucsoft.vn">thienphucsoft.vn</a>, thư</p></document>\n' >"$T/part.xml"
"$HOSO" render -q -t "$T/part.xml" -p samples/profile.xml -o "$T/part.pdf" samples/small.xml
pdftotext -bbox "$T/part.pdf" "$T/part.html"
$PY tests/links/annots.py "$T/part.pdf" "$T/part.html" >"$T/part.out" 2>&1
check_eq "annots.py refuses a box that is not its words' (exit 1)" 1 "$?"
check_contains "annots.py says which link" "$T/part.out" "the link to https://thienphucsoft.vn"

. tests/lib/template-error.sh
err_case() { # NAME EXPECTED-MESSAGE HREF
    template_error "$1" "3: error: $2 [template]" "  <p>x <a href=\"$3\">y</a></p>"
}
err_case "another scheme" '<a href="ftp://x.vn/a">: a link is http://, https://, mailto: or tel:' 'ftp://x.vn/a'
err_case "a Vietnamese domain" \
    '<a href="https://thiênphúc.vn">: a link target is ASCII without spaces (write %20 for a space, punycode for a Vietnamese domain)' \
    'https://thiênphúc.vn'
err_case "a space in the target" \
    '<a href="mailto:a b@x.vn">: a link target is ASCII without spaces (write %20 for a space, punycode for a Vietnamese domain)' \
    'mailto:a b@x.vn'
err_case "nothing after the scheme" '<a href="tel:">: the link has nothing after tel:' 'tel:'
err_case "a link to an id no block has" '<a href="#gia">: no block has id="gia"' '#gia'
err_case "a link to a bad id" \
    "<a href=\"#gi/a\">: after '#' comes the id of a block (ASCII letters, digits, '-', '_' and '.')" \
    '#gi/a'
err_case "an empty target" '<a> needs an href (http, https, mailto or tel)' ''
