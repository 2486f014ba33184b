# tests/images/images.sh — images drawn as they are, or one clear error.
# The profile's logo in every PNG colour type and bit depth, interlaced or
# not, with tRNS, and JPEG grey, colour and CMYK with and without EXIF
# rotation: page 1 of the quote must look like page 1 drawn with the 8-bit
# RGBA PNG ImageMagick decodes the same file to (and, for the files that hold
# the picture exactly, like the original logo). Broken files: exit 1, one
# message naming the file, no signal.
. tests/lib/tap.sh
PY=${PYTHON:-python3}
TPL=templates/quote.xml REC=samples/small.xml
MK=tests/images/make.py
mkdir -p "$T/img"

# render NAME FILE [OPTIONS]: the quote with FILE as the logo -> $T/NAME.pdf
# (FILE is in $T/img: the profile beside it names it relatively)
render() {
    r_name=$1 r_file=$(basename "$2"); shift 2
    sed "s|<logo>logo.png</logo>|<logo>$r_file</logo>|" samples/profile.xml >"$T/img/$r_name.profile.xml"
    "${R_HOSO:-$HOSO}" render -q "$@" -t $TPL -p "$T/img/$r_name.profile.xml" -o "$T/$r_name.pdf" $REC \
        2>"$T/$r_name.err" </dev/null
}
# page1 NAME: the logo's place on page 1 of $T/NAME.pdf, as a PNG
page1() {
    pdftoppm -r 60 -f 1 -l 1 -x 50 -y 35 -W 80 -H 80 -png "$T/$1.pdf" "$T/$1.p" &&
        mv "$T/$1.p-1.png" "$T/$1.page.png"
}
# differs A B: RMSE of two page pictures, 0..1 (ImageMagick compare)
differs() {
    compare -metric RMSE "$T/$1.page.png" "$T/$2.page.png" null: 2>&1 | sed 's/.*(\(.*\)).*/\1/'
}
near() { awk -v d="$1" -v t="$2" 'BEGIN { exit !(d + 0 <= t + 0) }'; }

cp samples/logo.png "$T/img/logo.png"
render ref "$T/img/logo.png"
page1 ref
convert samples/logo.png -background white -flatten "$T/img/flat.png"

# NAME  EXACT (1: the same picture as the logo; c: CMYK)  OUTPUT-PREFIX  CONVERT-ARGUMENTS
while read -r name exact prefix args <&3; do
    case $name in ''|'#'*) continue ;; esac
    case $name in
    *.jpg) src="$T/img/flat.png" ;;
    *) src=samples/logo.png ;;
    esac
    # shellcheck disable=SC2086
    [ "$prefix" = - ] && prefix=""
    convert "$src" $args "$prefix$T/img/$name"
    case $name in
    exif*) o=${name#exif}; o=${o%%.*}; mv "$T/img/$name" "$T/img/raw-$name"
        $PY $MK exif "$o" "$T/img/raw-$name" "$T/img/$name" ;;
    esac
    convert "$T/img/$name" -auto-orient PNG32:"$T/img/$name.ref.png"
    render "$name" "$T/img/$name"
    st=$?
    R_HOSO=$HOSO_RELEASE render "$name.ref" "$T/img/$name.ref.png" # the known path: faster build
    if [ $st -ne 0 ]; then
        not_ok "logo $name: renders" "$(head -c 300 "$T/$name.err")"
        continue
    fi
    page1 "$name" && page1 "$name.ref"
    d=$(differs "$name" "$name.ref")
    tol=0.02
    [ "$exact" = c ] && tol=0.06 # poppler's CMYK to RGB is not ImageMagick's: samples checked below
    if near "$d" $tol; then ok "logo $name: drawn as its picture (RMSE $d)"; else
        not_ok "logo $name: drawn as its picture" "RMSE $d against ImageMagick's 8-bit RGBA of it"; fi
    if [ "$exact" = 1 ]; then
        d=$(differs "$name" ref)
        if near "$d" 0.02; then ok "logo $name: drawn as the original logo (RMSE $d)"; else
            not_ok "logo $name: drawn as the original logo" "RMSE $d"; fi
    fi
done 3<<'LIST'
rgba16.png         1 PNG64:  -depth 16
rgba16-i.png       1 PNG64:  -depth 16 -interlace PNG
rgba8-i.png        1 PNG32:  -interlace PNG
rgb8.png           0 PNG24:  -background white -flatten
rgb16.png          0 PNG48:  -background white -flatten -depth 16
rgb8-trns.png      0 PNG24:  -background white -flatten -transparent white
palette8-trns.png  0 PNG8:   -colors 200
palette8-i.png     0 PNG8:   -background white -flatten -colors 200 -interlace PNG
palette4.png       0 -       -background white -flatten -colors 16 -define png:bit-depth=4 -define png:color-type=3
palette2-i.png     0 -       -background white -flatten -colors 3 -define png:bit-depth=2 -define png:color-type=3 -interlace PNG
palette1.png       0 -       -background white -flatten -monochrome -define png:bit-depth=1 -define png:color-type=3
grey1.png          0 -       -background white -flatten -colorspace gray -threshold 50% -define png:bit-depth=1 -define png:color-type=0
grey2.png          0 -       -background white -flatten -colorspace gray -define png:bit-depth=2 -define png:color-type=0
grey4.png          0 -       -background white -flatten -colorspace gray -define png:bit-depth=4 -define png:color-type=0
grey8.png          0 -       -background white -flatten -colorspace gray -define png:bit-depth=8 -define png:color-type=0
grey16-i.png       0 -       -background white -flatten -colorspace gray -define png:bit-depth=16 -define png:color-type=0 -interlace PNG
grey8-trns.png     0 -       -background white -flatten -colorspace gray -transparent white -define png:bit-depth=8 -define png:color-type=0
greya8.png         0 -       -colorspace gray -define png:bit-depth=8 -define png:color-type=4
greya16.png        0 -       -colorspace gray -define png:bit-depth=16 -define png:color-type=4
rgb.jpg            0 -       -quality 95
grey.jpg           0 -       -colorspace gray -quality 95
cmyk.jpg           c -       -colorspace cmyk -quality 95
progressive.jpg    0 -       -interlace JPEG -quality 95
exif6.jpg          0 -       -rotate -90 -quality 95
exif3.jpg          0 -       -rotate 180 -quality 95
exif8.jpg          0 -       -rotate 90 -quality 95
exif2.jpg          0 -       -flop -quality 95
LIST

# the matrix is what its names say (ImageMagick picks depths itself otherwise)
check_eq "the PNG matrix has every colour type and depth it names" "" "$($PY - "$T/img" <<'PYEOF'
import struct, sys
want = {  # name: (bit depth, colour type, interlaced, tRNS)
    "rgba16": (16, 6, 0, 0), "rgba16-i": (16, 6, 1, 0), "rgba8-i": (8, 6, 1, 0),
    "rgb8": (8, 2, 0, 0), "rgb16": (16, 2, 0, 0), "rgb8-trns": (8, 2, 0, 1),
    "palette8-trns": (8, 3, 0, 1), "palette8-i": (8, 3, 1, 0), "palette4": (4, 3, 0, 0),
    "palette2-i": (2, 3, 1, 0), "palette1": (1, 3, 0, 0), "grey1": (1, 0, 0, 0),
    "grey2": (2, 0, 0, 0), "grey4": (4, 0, 0, 0), "grey8": (8, 0, 0, 0),
    "grey16-i": (16, 0, 1, 0), "grey8-trns": (8, 0, 0, 1), "greya8": (8, 4, 0, 0),
    "greya16": (16, 4, 0, 0)}
for name, w in want.items():
    d = open("%s/%s.png" % (sys.argv[1], name), "rb").read()
    bd, ct, il = d[24], d[25], d[28]
    if (bd, ct, il, int(b"tRNS" in d)) != w:
        print(name, (bd, ct, il, int(b"tRNS" in d)), "wanted", w)
PYEOF
)"
check_eq "the JPEG matrix: grey, colour, CMYK, progressive" "Gray sRGB CMYK sRGB" \
    "$(for f in grey rgb cmyk progressive; do identify -format '%[colorspace] ' "$T/img/$f.jpg"; done | sed 's/ $//')"

# CMYK is drawn by the viewer's own conversion: its samples are checked exactly
# (pdfimages applies the /Decode of Adobe's inverted CMYK)
pdfimages -f 1 -l 1 -tiff "$T/cmyk.jpg.pdf" "$T/cmyk-x"
check_eq "logo cmyk.jpg: the PDF holds its CMYK samples exactly" "0 (0)" \
    "$(compare -metric RMSE "$T/cmyk-x-000.tif" "$T/img/cmyk.jpg" null: 2>&1)"

# an upright JPEG goes in as it is (decoded only to check it); a turned one as pixels
check_eq "rgb.jpg embedded as its JPEG, exif6.jpg as turned pixels" "jpeg image" \
    "$(pdfimages -list "$T/rgb.jpg.pdf" | awk 'NR == 3 {print $9}') $(pdfimages -list "$T/exif6.jpg.pdf" | awk 'NR == 3 {print $9}')"

# the EXIF ones are upright: compared with the flattened logo too
render flat "$T/img/flat.png" && page1 flat
for o in 6 3 8 2; do
    d=$(differs "exif$o.jpg" flat)
    if near "$d" 0.02; then ok "logo exif$o.jpg: upright, as the logo (RMSE $d)"; else
        not_ok "logo exif$o.jpg: upright, as the logo" "RMSE $d"; fi
done
# the test can fail: the logo stored rotated, without its EXIF tag, is not the logo
render raw6 "$T/img/raw-exif6.jpg" && page1 raw6
d=$(differs raw6 flat)
if near "$d" 0.02; then not_ok "a rotated picture without EXIF differs from the logo" "RMSE $d"; else
    ok "a rotated picture without EXIF differs from the logo (RMSE $d)"; fi

# ---- broken files: exit 1, one message, naming the file and what is wrong
bad() { # NAME FILE EXPECTED-TEXT [OPTIONS]
    name=$1 file=$2 want=$3; shift 3
    render "$name" "$file" "$@"
    st=$?
    lines=$(wc -l <"$T/$name.err")
    if [ $st -eq 1 ] && [ "$lines" -eq 1 ] && grep -qF -- "$file: $want" "$T/$name.err" &&
        [ ! -e "$T/$name.pdf" ]; then
        ok "$name: exit 1, one message: $want"
    else
        not_ok "$name: exit 1, one message naming the file: $want" "exit $st, $lines lines:" \
            "$(head -c 400 "$T/$name.err")"
    fi
}
head -c 1500 samples/logo.png >"$T/img/cut.png"
bad truncated-png "$T/img/cut.png" "corrupt or truncated PNG"
cp samples/logo.png "$T/img/crc.png"
printf "XXXX" | dd of="$T/img/crc.png" bs=1 seek=1200 conv=notrunc 2>/dev/null
bad corrupt-png "$T/img/crc.png" "corrupt or truncated PNG"
$PY $MK short samples/logo.png "$T/img/short.png"
bad short-idat-png "$T/img/short.png" "corrupt or truncated PNG"
$PY $MK lying samples/logo.png "$T/img/lying.png"
bad lying-png "$T/img/lying.png" "the header says 20000 x 2000 pixels, but the file holds"
$PY $MK jpeg-nosos "$T/img/nosos.jpg"
bad lying-jpeg "$T/img/nosos.jpg" "corrupt or truncated JPEG"
convert "$T/img/flat.png" "$T/img/whole.jpg"
head -c 2500 "$T/img/whole.jpg" >"$T/img/cut.jpg"
bad truncated-jpeg "$T/img/cut.jpg" "corrupt or truncated JPEG"
# libjpeg is opened on the first JPEG: when it cannot be, the error names
# it (the sanitizer build's hook looks for it in a folder that is not there)
export HOSO_TEST_LIB_DIR=/nonexistent
bad no-libjpeg "$T/img/whole.jpg" "/nonexistent/libjpeg.so."
unset HOSO_TEST_LIB_DIR
printf 'not an image\n' >"$T/img/text.png"
bad not-an-image "$T/img/text.png" "not a PNG or JPEG image"
mkdir -p "$T/img/folder.png"
bad folder "$T/img/folder.png" "cannot open: a folder, not a regular file; refused before reading"
bad missing "$T/img/nothere.png" "cannot open: No such file or directory"
# a FIFO is refused before it is read (reading one without a writer would
# wait for ever): the timeout only keeps a regression from hanging the suite
mkfifo "$T/img/fifo.png"
sed "s|<logo>logo.png</logo>|<logo>fifo.png</logo>|" samples/profile.xml >"$T/img/fifo.profile.xml"
timeout 20 "$HOSO" render -q -t $TPL -p "$T/img/fifo.profile.xml" -o "$T/fifo.pdf" $REC 2>"$T/fifo.err" </dev/null
check_eq "a FIFO as the logo: exit 1, refused unread, naming it" "1:1" \
    "$?:$(grep -c "$T/img/fifo.png: cannot open: a FIFO (named pipe), not a regular file; refused before reading" "$T/fifo.err")"

# a 7000 x 7000 16-bit RGBA PNG (600 KB of file) under --memory 256: refused
# before decoding, with what it would need; the process stays small
$PY $MK big 7000 7000 "$T/img/big.png"
bad big-png "$T/img/big.png" "decoding its 7000 x 7000 pixels (16-bit RGBA) needs" --memory 256
check_contains "big-png: says the limit it passes" "$T/big-png.err" "more than the document's memory limit of 256 MiB"
