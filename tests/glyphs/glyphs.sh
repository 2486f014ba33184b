# tests/glyphs/glyphs.sh — every character of the repertoire is drawn, or
# named: for each vector of vectors.txt, a quote whose first item has the
# vector as its title (bold), content (regular) and note (italic) renders,
# pdftotext gives every word back, and the glyph that draws each character in
# the embedded font program has ink (inked.py, with fontTools). The vectors
# that no font draws fail with their U+XXXX and the record line.
. tests/lib/tap.sh
PY=${PYTHON:-python3}
TPL=templates/quote.xml PROF=samples/profile.xml REC=samples/small.xml

# record NAME TEXT: the small sample with TEXT in item 1's title and content
# and item 3's note
record() {
    $PY - "$REC" "$2" >"$T/$1.xml" <<'PYEOF'
import sys
src, text = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
for old in ("Chiết khấu theo từng dòng hàng trên đơn bán",
            "Cho phép nhập chiết khấu theo phần trăm hoặc theo số tiền cho từng dòng hàng, bên cạnh chiết khấu trên tổng đơn.",
            "Dùng được với máy quét mã vạch Hoàng Long đang có tại kho."):
    assert old in src, old
    src = src.replace(old, text, 1)
sys.stdout.write(src)
PYEOF
}

while IFS='	' read -r name a b; do
    case $name in ''|'#'*) continue ;; esac
    case $name in
    !*)
        name=${name#!}
        record "$name" "$b"
        "$HOSO" render -q -t $TPL -p $PROF -o "$T/$name.pdf" "$T/$name.xml" 2>"$T/$name.err"
        st=$?
        line=$(grep -n "<title>" "$T/$name.xml" | head -1 | cut -d: -f1)
        first=$(grep -c "^$T/$name.xml:$line: error: $a " "$T/$name.err")
        check_eq "$name: exit 1, the first error names $a at the record line, no PDF" \
            "1:yes:no" "$st:$([ "$first" -ge 1 ] && echo yes):$([ -e "$T/$name.pdf" ] && echo yes || echo no)"
        ;;
    *)
        record "$name" "$a"
        "$HOSO" render -q -t $TPL -p $PROF -o "$T/$name.pdf" "$T/$name.xml" 2>"$T/$name.err"
        check_eq "$name: renders (exit 0, no message)" "0:" "$?:$(cat "$T/$name.err")"
        pdftotext -raw "$T/$name.pdf" - 2>/dev/null | squeeze /dev/stdin >"$T/$name.txt"
        lost=""
        for w in $a; do
            grep -qF -- "$w" "$T/$name.txt" || lost="$lost $w"
        done
        check_eq "$name: pdftotext gives every word back" "" "$lost"
        $PY tests/glyphs/inked.py "$T/$name.pdf" >"$T/$name.ink"
        check_eq "$name: no drawn glyph is empty in its embedded font" "" \
            "$(grep -v ' ok ' "$T/$name.ink" | head -5)"
        # every character of the vector, in each of the three styles' fonts
        missing=$($PY - "$a" "$T/$name.ink" <<'PYEOF'
import sys
drawn = {}
for l in open(sys.argv[2]):
    cp, state, font = l.split()
    drawn.setdefault(int(cp[2:], 16), set()).add(font)
print(" ".join("U+%04X" % ord(c) for c in sorted(set(sys.argv[1]) - {" "})
               if len(drawn.get(ord(c), ())) < 3))
PYEOF
)
        check_eq "$name: every character drawn with ink in the bold, regular and italic text" "" "$missing"
        ;;
    esac
done <tests/glyphs/vectors.txt

# A user's font whose composite glyphs are built from composites (DejaVu
# Sans: Ằ, ₫; Noto Serif's ½ is the same case): libharu embeds only a used
# glyph's direct components, so hoso marks the deeper ones.
DV=/usr/share/fonts/truetype/dejavu
mkdir -p "$T/dejavu"
printf 'serif regular %s/DejaVuSans.ttf\nserif bold %s/DejaVuSans-Bold.ttf\nserif italic %s/DejaVuSans-Oblique.ttf\n' \
    $DV $DV $DV >"$T/dejavu/families.conf"
viet=$(awk -F'	' '$1 == "vietnamese" {print $2}' tests/glyphs/vectors.txt)
record dejavu "$viet ½ ¼"
"$HOSO" render -q --fonts "$T/dejavu" -t $TPL -p $PROF -o "$T/dejavu.pdf" "$T/dejavu.xml" 2>"$T/dejavu.err"
check_eq "DejaVu Sans (nested composite glyphs): renders" "0:" "$?:$(cat "$T/dejavu.err")"
$PY tests/glyphs/inked.py "$T/dejavu.pdf" >"$T/dejavu.ink"
check_eq "DejaVu Sans: every part of every composite glyph is embedded (Ằ keeps its breve, ₫ its bar)" \
    "" "$(grep -v ' ok ' "$T/dejavu.ink" | head -5)"
check_eq "DejaVu Sans: the check saw the nested composites (Ằ, ₫ drawn)" "2" \
    "$(grep -c -E '^U\+(1EB0|20AB) ok .*Bold' "$T/dejavu.ink")"

# A face whose cmap maps a character to a blank glyph does not have it: Ł
# mapped to the space glyph is an error naming U+0141, not a blank.
$PY - fonts/LiberationSerif-Regular.ttf "$T/blank.ttf" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
for t in f["cmap"].tables:
    if 0x141 in t.cmap:
        t.cmap[0x141] = "space"
f.save(sys.argv[2])
PYEOF
mkdir -p "$T/blank"
printf 'serif regular %s/blank.ttf\n' "$T" >"$T/blank/families.conf"
record blank "Łódź"
"$HOSO" render -q --fonts "$T/blank" -t $TPL -p $PROF -o "$T/blank.pdf" "$T/blank.xml" 2>"$T/blank.err"
check_eq "a cmap entry to a blank glyph is no glyph: exit 1, U+0141 named" "1:1" \
    "$?:$(grep -c "error: U+0141 'Ł' in items/item\[1\]/title: no font" "$T/blank.err")"

# Two files of one font name: each face is its own font in the PDF
# (render/fontres.c), so the second draws with its own glyphs, never with
# the first one's (blanks for what the first lacks). The fallback here is the
# full Liberation Serif, and the first face is the copy above without Ł.
mkdir -p "$T/same"
printf 'serif regular %s/blank.ttf\nfull regular %s/fonts/LiberationSerif-Regular.ttf\nfallback serif full\n' \
    "$T" "$PWD" >"$T/same/families.conf"
"$HOSO" render -q --fonts "$T/same" -t $TPL -p $PROF -o "$T/same.pdf" "$T/blank.xml" 2>"$T/same.err"
check_eq "two fonts of one name in a document: renders" "0:" "$?:$(cat "$T/same.err")"
$PY tests/glyphs/inked.py "$T/same.pdf" >"$T/same.ink"
check_eq "... Ł is drawn with ink, from the second (the fallback)" "1" \
    "$(grep -c '^U+0141 ok ' "$T/same.ink")"
check_eq "... and nothing is drawn blank" "" "$(grep -v ' ok ' "$T/same.ink")"
