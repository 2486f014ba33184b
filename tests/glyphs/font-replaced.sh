# tests/glyphs/font-replaced.sh — what a document measures with is what it
# embeds: one process that makes several documents (hoso render of two
# records) reads each font file once, when a document first asks about the
# face, and lays out and embeds those bytes; a font file edited after that
# (its size, inode and dates kept: cp -p, a restored backup, touch -d) is
# neither half used nor mixed with the bytes read before. An edit of the
# tables the engine read at its start, before the face's first use, is one
# error naming the file, never a PDF laid out with one version's tables and
# embedding another's. The sanitizer build's test hook
# HOSO_TEST_REPLACE_AFTER_DOCUMENT=FILE writes FILE.next over FILE in place
# after a document (the same inode, size and times: only its bytes differ).
. tests/lib/tap.sh
PY=${PYTHON:-python3}
export SOURCE_DATE_EPOCH=1600000000
mkdir "$T/fonts" "$T/o" "$T/o2" "$T/ref"
cp build/fonts/*.ttf "$T/fonts/"
sed "s|\.\./\.\./fonts/|$PWD/fonts/|" build/fonts/families.conf >"$T/fonts/families.conf"
serif="$T/fonts/LiberationSerif-Regular.ttf"
cp "$serif" "$T/serif.ttf"
# the second document alone draws with the serif face; the Ω of the first
# asks the serif face about it (the sans face lacks it, and serif is the sans
# family's first fallback) and is drawn by the next fallback, serif lacking
# it too: the serif face is read in the first document, drawn in the second
cat >"$T/t.xml" <<'EOF'
<document font="sans">
<name>{customer/short-name}</name>
<p>{customer/name} Ω</p>
<p if="contains(customer/name, 'Chính')" font="serif">{customer/name}</p>
</document>
EOF
# the serif font edited: every advance width a fifth wider, its size kept
$PY - "$serif" "$serif.next" <<'EOF'
import struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
tables = {bytes(d[12 + 16 * i:16 + 16 * i]): struct.unpack(">II", d[20 + 16 * i:28 + 16 * i])
          for i in range(struct.unpack(">H", d[4:6])[0])}
n = struct.unpack(">H", d[tables[b"hhea"][0] + 34:tables[b"hhea"][0] + 36])[0]
at = tables[b"hmtx"][0]
for g in range(n):
    w = struct.unpack(">H", d[at + 4 * g:at + 4 * g + 2])[0]
    d[at + 4 * g:at + 4 * g + 2] = struct.pack(">H", min(65535, w * 6 // 5))
open(sys.argv[2], "wb").write(d)
EOF
R="$HOSO render -q --fonts $T/fonts"
HOSO_TEST_REPLACE_AFTER_DOCUMENT="$serif" $R -t "$T/t.xml" -o "$T/o/" samples/small.xml \
    samples/chinh-dai.xml 2>"$T/err"
check_eq "a face read in one document, its file edited, drawn in the next: exit 0" "0:" \
    "$?:$(cat "$T/err")"
check_eq "… the hook edited it in place, its size and dates kept" "1" \
    "$([ ! -e "$serif.next" ] && ! cmp -s "$serif" "$T/serif.ttf" && echo 1)"
# the second document as a process of its own makes it from the font as it
# was: the bytes its layout measured with, and so those it must embed
cp "$serif" "$T/edited.ttf" && cp "$T/serif.ttf" "$serif"
$R -t "$T/t.xml" -o "$T/ref/" samples/chinh-dai.xml
check_eq "… it embeds the font it measured with: the document a process of its own makes" "same" \
    "$(cmp -s "$T/o/Chính Đại.pdf" "$T/ref/Chính Đại.pdf" && echo same || echo differ)"
check_eq "… which has the serif face" "1" \
    "$(pdffonts "$T/o/Chính Đại.pdf" | grep -c '+LiberationSerif ')"

# the tables the engine read at its start (the sans face's here, padded with
# zeros outside every table to the serif file's size) edited before the
# face's first use
printf '<document font="sans">\n<name>{customer/short-name}</name>\n<p if="contains(customer/name, '"'Chính'"')" font="serif">{customer/name}</p>\n<p>{customer/name}</p>\n</document>\n' >"$T/t2.xml"
$PY - "$T/fonts/LiberationSans-Regular.ttf" "$serif" "$serif.next" <<'EOF'
import sys
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
assert len(a) < len(b)
open(sys.argv[3], "wb").write(a + bytes(len(b) - len(a)))
EOF
cp "$serif.next" "$T/other.ttf"
HOSO_TEST_REPLACE_AFTER_DOCUMENT="$serif" $R -t "$T/t2.xml" -o "$T/o2/" samples/small.xml \
    samples/chinh-dai.xml 2>"$T/err2"
st=$?
check_eq "the hook replaced the serif file in place, its size and dates kept" "1" \
    "$(cmp -s "$serif" "$T/other.ttf" && [ ! -e "$serif.next" ] && echo 1)"
check_eq "a face whose tables read at the start were edited before its first use: not exit 0" \
    "1" "$([ "$st" -ne 0 ] && echo 1)"
check_eq "… one error naming the font file" \
    "hoso: fatal: $serif: the font file changed since hoso read it" \
    "$(head -n 1 "$T/err2" | sed 's/ (engine[^)]*)$//')"
check_eq "… the first document, made before, is there; the second is not" \
    "Hoàng Long.pdf" "$(ls "$T/o2")"
