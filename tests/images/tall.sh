# tests/images/tall.sh — an image the template sizes taller than the page's
# body is an error at the <img> line, exit status 1, no PDF (never cut off
# or shrunk against the size given); one without a size shrinks to the page,
# keeping its shape. The tall PNG (10 x 2000 pixels) is made by make.py.
. tests/lib/tap.sh
PY=${PYTHON:-python3}
$PY tests/images/make.py big 10 2000 "$T/tall.png"
check_eq "the test image is 10 x 2000" "10 x 2000" "$(file "$T/tall.png" | sed 's/.*data, \([0-9]* x [0-9]*\),.*/\1/')"

# tall IMG-ATTRIBUTES: an A5 page (180 mm of body) with the image
tall() {
    printf '<document page="A5" margin="15mm">\n  <p>a</p>\n  <img src="tall.png" %s/>\n</document>\n' "$1" >"$T/t.xml"
    rm -f "$T/t.pdf"
    "$HOSO" render -q -t "$T/t.xml" -o "$T/t.pdf" samples/small.xml 2>"$T/err"
}
tall 'width="20mm"'
check_eq "width 20 mm makes it 4000 mm tall: exit 1, the message at the <img>" \
    "1 $T/t.xml:3: error: a 4000.0mm tall image is taller than the page's 180.0mm (give a smaller size) [image]" \
    "$? $(cat "$T/err")"
check_eq "… and no PDF" "" "$(ls "$T/t.pdf" 2>/dev/null)"
tall 'height="180.5mm"'
check_eq "a height just past the body: the same error" \
    "1 $T/t.xml:3: error: a 180.5mm tall image is taller than the page's 180.0mm (give a smaller size) [image]" \
    "$? $(cat "$T/err")"
tall 'height="180mm"'
check_eq "a height of the body exactly: made" "0 " "$? $(cat "$T/err")"
tall ''
check_eq "no size: made, shrunk to the page" "0 " "$? $(cat "$T/err")"
check_eq "… on a page of its own after the paragraph" "2" "$(pdfinfo "$T/t.pdf" | sed -n 's/^Pages: *//p')"
check_eq "… 180 mm (510.24 pt) tall, its shape kept (10 : 2000)" "image 42.52,42.52 2.55x510.24 src=\"$T/tall.png\"" \
    "$("$HOSO" dump --stage=pages -t "$T/t.xml" samples/small.xml | sed -n 's/^ *\(image .*\)/\1/p')"
