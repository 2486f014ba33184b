# tests/watermark/watermark.sh — <watermark>: drawn first in each page's
# content stream (under the content), on exactly the pages its on= and if=
# say, turned; its text extracted by pdftotext, or with extractable="no"
# not there at all as text (glyph outlines), though the page shows it.
. tests/lib/tap.sh
. tests/lib/template-error.sh
REC=samples/large.xml PROF=samples/profile.xml
render() { # TEMPLATE PDF: renders, says the exit status and the messages
    rm -f "$2"
    "$HOSO" render -q -t "$1" -p $PROF -o "$2" $REC 2>"$T/err"
    echo "$?:$(cat "$T/err")"
}
# stream PDF PAGE: the page's content stream, uncompressed
stream() {
    qpdf --qdf --object-streams=disable "$1" "$T/qdf.pdf" &&
        obj=$(qpdf --show-pages "$T/qdf.pdf" | awk -v p="page $2:" '$1 " " $2 == p {getline; getline; print $1; exit}') &&
        qpdf --show-object="$obj" --filtered-stream-data "$T/qdf.pdf"
}
# joined PDF PAGE: the page's text without spaces and line breaks (pdftotext
# puts a turned text's letters on lines of their own), in content order
joined() { pdftotext -raw -f "$2" -l "$2" "$1" - | tr -d '\n '; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# where WANT PDF PAGES: "1:yes 2:no …", whether each page's text has WANT
where() {
    w=""
    for p in $(seq 1 "$3"); do
        case $(joined "$2" $p) in *"$1"*) w="$w $p:yes" ;; *) w="$w $p:no" ;; esac
    done
    echo "${w# }"
}
expect() { # N: "1:no 2:yes …" for pages 2..N
    e="1:no"
    for p in $(seq 2 "$1"); do e="$e $p:yes"; done
    echo "$e"
}

check_eq "renders with a watermark on pages after the first (exit 0, no message)" "0:" \
    "$(render tests/watermark/wm.xml "$T/wm.pdf")"
check "qpdf --check passes" qpdf --check "$T/wm.pdf"
np=$(pages "$T/wm.pdf")
check "it runs over several pages ($np)" test "$np" -ge 4
check_eq "the text BẢN NHÁP is on every page but the first" "$(expect "$np")" \
    "$(where BẢNNHÁP "$T/wm.pdf" "$np")"
first=""
for p in $(seq 2 "$np"); do
    case $(joined "$T/wm.pdf" $p) in BẢNNHÁP*) first="${first}y" ;; *) first="${first}n" ;; esac
done
check_eq "and first on each of those pages (pdftotext -raw: content order)" \
    "$(printf 'y%.0s' $(seq 2 "$np"))" "$first"
stream "$T/wm.pdf" 2 >"$T/s2"
check_eq "page 2's content stream opens with the watermark, turned 45°" \
    "BT|/F1 80 Tf|0.851 0.851 0.851 rg|0.70711 0.70711 -0.70711 0.70711" \
    "$(head -n 4 "$T/s2" | sed 's/ [0-9.]* [0-9.]* Tm$//' | tr '\n' '|' | sed 's/|$//')"
stream "$T/wm.pdf" 1 >"$T/s1"
check_eq "page 1 has no turned text" 0 "$(grep -c ' Tm$' "$T/s1")"
pdftoppm -r 40 -gray -f 2 -l 2 "$T/wm.pdf" "$T/on"

# if= false: no watermark anywhere, the pages as they are without one
sed 's/if="[^"]*"/if="false()"/' tests/watermark/wm.xml >"$T/off.xml"
check_eq 'if= false: renders' "0:" "$(render "$T/off.xml" "$T/off.pdf")"
check_eq 'if= false: no page has the text' "$(expect "$np" | sed 's/yes/no/g')" \
    "$(where BẢNNHÁP "$T/off.pdf" "$np")"
pdftoppm -r 40 -gray -f 1 -l 2 "$T/off.pdf" "$T/off"
check 'if= false: page 2 looks different without it' sh -c "! cmp -s '$T/off-2.pgm' '$T/on-2.pgm'"

# extractable="no": outlines, not text; the page looks the same as with text
sed 's/bold="yes"/bold="yes" extractable="no"/' tests/watermark/wm.xml >"$T/no.xml"
check_eq 'extractable="no": renders' "0:" "$(render "$T/no.xml" "$T/no.pdf")"
check 'extractable="no": qpdf --check passes' qpdf --check "$T/no.pdf"
# FreeType is opened on the first outlined text: when it cannot be, the
# error names it at the watermark's line of the template and no PDF is
# written (the sanitizer build's hook looks for it in a folder that is not
# there)
export HOSO_TEST_LIB_DIR=/nonexistent
out=$(render "$T/no.xml" "$T/nolib.pdf")
unset HOSO_TEST_LIB_DIR
check_eq 'extractable="no" without FreeType: exit 1, the library named, no PDF' \
    "1:$T/no.xml:3: error: FreeType cannot start: /nonexistent/libfreetype.so.N: cannot open shared object file:no" \
    "$(echo "$out" | sed 's/libfreetype\.so\.[0-9]*: \(cannot open shared object file\).*/libfreetype.so.N: \1/'):$([ -e "$T/nolib.pdf" ] && echo yes || echo no)"
check_eq 'extractable="no": no page has the text' "$(expect "$np" | sed 's/yes/no/g')" \
    "$(where BẢNNHÁP "$T/no.pdf" "$np")"
check_eq 'extractable="no": page 2 starts with the body text' "quy" \
    "$(joined "$T/no.pdf" 2 | head -c 3)"
stream "$T/no.pdf" 2 >"$T/n2"
check_eq 'extractable="no": page 2 opens with filled outlines, turned 45°, before any text' \
    "q|0.851 0.851 0.851 rg|cm|f|Q|BT" \
    "$(sed -n '1,/^BT$/p' "$T/n2" | grep -E '^(q|Q|BT|f)$| rg$| cm$' | sed 's/^.* cm$/cm/' | tr '\n' '|' | sed 's/|$//')"
check_contains 'extractable="no": the matrix scales and turns by 45°' "$T/n2" " -0.02762 0.02762 "
pdftoppm -r 40 -gray -f 1 -l 2 "$T/no.pdf" "$T/no"
check 'extractable="no": page 1 is exactly the page without a watermark' cmp "$T/off-1.pgm" "$T/no-1.pgm"
check 'extractable="no": page 2 shows it' sh -c "! cmp -s '$T/off-2.pgm' '$T/no-2.pgm'"
# the outlines cover what the text would: at 40 dpi in grey, the two pages
# differ in a few pixels of antialiasing at most
d=$(compare -metric AE -fuzz 15% "$T/on-2.pgm" "$T/no-2.pgm" null: 2>&1)
check "extractable=\"no\": the outlines are where the text was ($d pixels differ by over 15%)" \
    test "$d" -lt 100

# on="first", a turned image on every page, a page number in a watermark
cat >"$T/img.xml" <<'X'
<document page="A5" margin="15mm" font="sans" size="11pt">
  <name>img</name>
  <watermark angle="-30" opacity="15%"><img src="LOGO" width="60mm"/></watermark>
  <watermark on="first" angle="0" size="40pt" color="#f0c0c0">MẪU</watermark>
  <watermark on="not-first" angle="90" size="20pt">trang <page-number/></watermark>
  <p each="items/item">{position()}. {title}. {explanation}</p>
</document>
X
sed -i "s|LOGO|$PWD/samples/logo.png|" "$T/img.xml"
check_eq "an image watermark and two with on= render" "0:" "$(render "$T/img.xml" "$T/img.pdf")"
m=$(pages "$T/img.pdf")
check_eq 'on="first": only page 1 has MẪU' "$(expect "$m" | sed 's/yes/x/g; s/no/yes/; s/x/no/g')" \
    "$(where MẪU "$T/img.pdf" "$m")"
check_eq 'a page number in a watermark prints its page' "$m" \
    "$(joined "$T/img.pdf" "$m" | grep -o '^trang[0-9]*' | sed 's/trang//')"
first=""
for p in $(seq 1 "$m"); do
    stream "$T/img.pdf" $p >"$T/i"
    first="$first$(grep -m1 -E ' Do$|^BT$' "$T/i" | sed 's/^.* Do$/Do/')"
done
check_eq "the image is drawn first on every page" "$(printf 'Do%.0s' $(seq 1 "$m"))" "$first"
check_contains "turned by -30° about its centre" "$T/i" "0.86603 -0.5 0.5 0.86603"

template_error "a check box in a watermark" \
    "3: error: <watermark>: only text, lines and images can be turned (no backgrounds, check boxes or QR codes in a watermark) [template]" \
    '  <watermark><checkbox/> x</watermark>'
template_error "a link in a watermark" \
    "3: error: <watermark>: a link cannot be turned (no <a> in a watermark) [template]" \
    '  <watermark><a href="https://example.vn">x</a></watermark>'
template_error "an angle out of range" \
    '3: error: <watermark angle="200">: expected a number from -180 to 180 [template]' \
    '  <watermark angle="200">x</watermark>'
template_error "a watermark inside a paragraph's div" \
    '3: error: <watermark> belongs directly under <document> [template]' \
    '  <div><watermark>x</watermark></div>'
