# tests/visual/quote.sh — page 1 of the sample quote against a reference
# image, so that a layout regression fails the suite. The comparison allows
# small anti-aliasing differences (poppler versions) but not a moved line.
# To accept a deliberate change of layout, look at the new PNG, then:
#   UPDATE_REFERENCE=1 sh tests/run visual
. tests/lib/tap.sh
REF=tests/visual/quote-p1.png
"$HOSO_RELEASE" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/q.pdf" \
    samples/chinh-dai.xml
pdftoppm -r 80 -f 1 -l 1 -png "$T/q.pdf" "$T/p"
png=$(ls "$T"/p-*1.png)
if [ "${UPDATE_REFERENCE:-}" = 1 ]; then
    cp "$png" "$REF"
    ok "reference image updated: $REF"
    exit 0
fi
size=$(identify -format '%wx%h' "$REF")
check_eq "page 1 has the reference size (A4 at 80 dpi)" "$size" "$(identify -format '%wx%h' "$png")"
# pixels that differ by more than 25% in colour
diff=$(compare -metric AE -fuzz 25% "$REF" "$png" "$T/diff.png" 2>&1 >/dev/null)
total=$(identify -format '%[fx:w*h]' "$REF")
limit=$((total / 500)) # 0.2 % of the page
if [ "${diff%%.*}" -le "$limit" ] 2>/dev/null; then
    ok "page 1 matches the reference ($diff pixels differ, limit $limit)"
else
    not_ok "page 1 matches the reference" "$diff pixels differ (limit $limit); see $T/diff.png"
    mkdir -p out && cp "$T/diff.png" out/visual-diff.png && cp "$png" out/visual-new.png
fi
