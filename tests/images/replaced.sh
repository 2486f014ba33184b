# tests/images/replaced.sh — one process that makes several documents
# (hoso render of two records) draws in each the image its file holds when
# that document reads it: a logo replaced between two documents by another
# file of the same size, dated back as cp -p, touch -d or a restored backup
# date it, is the new logo in the second document, never the first one's
# decoded image kept for the process. The sanitizer build's test hook
# HOSO_TEST_REPLACE_AFTER_DOCUMENT=FILE writes FILE.next over FILE in place
# after a document (same inode, size and times: only its bytes differ).
. tests/lib/tap.sh
PY=${PYTHON:-python3}
cp samples/profile.xml "$T/"
# two logos of the same size, of other pixels: the sample and its negative,
# each padded to the same length by a text chunk before IEND
convert samples/logo.png -negate "$T/neg.png"
$PY - samples/logo.png "$T/neg.png" "$T/logo.png" "$T/logo.png.next" <<'EOF'
import struct, sys, zlib
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
size = max(len(a), len(b)) + 64
def pad(png):
    n = size - len(png) - 12
    chunk = b"tEXt" + b"c\0" + b"x" * (n - 2)
    chunk = struct.pack(">I", n) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return png[:-12] + chunk + png[-12:]
open(sys.argv[3], "wb").write(pad(a))
open(sys.argv[4], "wb").write(pad(b))
EOF
check_eq "the two logos have the same size" "$(wc -c <"$T/logo.png")" "$(wc -c <"$T/logo.png.next")"
cp "$T/logo.png" "$T/old.png"
cp "$T/logo.png.next" "$T/new.png"

# logo_of PDF NAME: the logo of the PDF, as the PNG pdfimages extracts, in $T/NAME.png
logo_of() { rm -f "$T/x"-*.png; pdfimages -png "$1" "$T/x" && mv "$T/x-000.png" "$T/$2.png"; }

mkdir "$T/o" "$T/ref1" "$T/ref2"
HOSO_TEST_REPLACE_AFTER_DOCUMENT="$T/logo.png" "$HOSO" render -q -t templates/quote.xml \
    -p "$T/profile.xml" -o "$T/o/" samples/small.xml samples/chinh-dai.xml 2>"$T/err"
check_eq "two documents, the logo replaced in place between them: exit 0" "0" "$?"
check_eq "… the hook replaced it (its bytes, not its size or dates)" "1" \
    "$(cmp -s "$T/logo.png" "$T/new.png" && [ ! -e "$T/logo.png.next" ] && echo 1)"
# each document against one made by a process of its own from that logo
sed 's|<logo>logo.png</logo>|<logo>old.png</logo>|' "$T/profile.xml" >"$T/old.xml"
sed 's|<logo>logo.png</logo>|<logo>new.png</logo>|' "$T/profile.xml" >"$T/new.xml"
"$HOSO" render -q -t templates/quote.xml -p "$T/old.xml" -o "$T/ref1/" samples/small.xml
"$HOSO" render -q -t templates/quote.xml -p "$T/new.xml" -o "$T/ref2/" samples/chinh-dai.xml
logo_of "$(ls "$T/o/"*Hoàng*.pdf)" first
logo_of "$(ls "$T/o/"*Chính*.pdf)" second
logo_of "$(ls "$T/ref1/"*.pdf)" ref1
logo_of "$(ls "$T/ref2/"*.pdf)" ref2
same() { cmp -s "$T/$1.png" "$T/$2.png" && echo same || echo differ; }
check_eq "the first document has the logo as it was" same "$(same first ref1)"
check_eq "the second document has the new logo, not the one decoded for the first" same \
    "$(same second ref2)"
check_eq "… which is not the first's" differ "$(same second first)"
