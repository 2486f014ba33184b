# tests/visual/pages.sh — chosen pages of the six documents against reference
# images, so that a layout regression fails the suite. The comparison allows
# small anti-aliasing differences (poppler versions) but not a moved line.
# To accept a deliberate change of layout, look at the new PNGs, then:
#   UPDATE_REFERENCE=1 sh tests/run visual
. tests/lib/tap.sh
# template sample page: what the page shows
while read -r tpl rec page; do
    ref=tests/visual/$tpl-$rec-p$page.png
    "$HOSO_RELEASE" render -q -t templates/$tpl.xml -p samples/profile.xml -o "$T/$tpl.pdf" \
        samples/$rec.xml
    rm -f "$T"/p-*.png
    pdftoppm -r 80 -f "$page" -l "$page" -png "$T/$tpl.pdf" "$T/p"
    png=$(ls "$T"/p-*.png)
    if [ "${UPDATE_REFERENCE:-}" = 1 ]; then
        cp "$png" "$ref"
        ok "reference image updated: $ref"
        continue
    fi
    if [ ! -f "$ref" ]; then
        not_ok "$tpl page $page of $rec has a reference image" "missing: $ref"
        continue
    fi
    # pixels that differ by more than 25% in colour, at most 0.2 % of the page
    diff=$(compare -metric AE -fuzz 25% "$ref" "$png" "$T/diff.png" 2>&1 >/dev/null)
    total=$(identify -format '%[fx:w*h]' "$ref")
    limit=$((total / 500))
    if [ "$(identify -format '%wx%h' "$ref")" = "$(identify -format '%wx%h' "$png")" ] &&
        [ "${diff%%.*}" -le "$limit" ] 2>/dev/null; then
        ok "$tpl page $page of $rec matches the reference ($diff pixels differ, limit $limit)"
    else
        not_ok "$tpl page $page of $rec matches the reference" \
            "$diff pixels differ (limit $limit); see out/visual-$tpl-diff.png"
        mkdir -p out && cp "$T/diff.png" "out/visual-$tpl-diff.png" &&
            cp "$png" "out/visual-$tpl-new.png"
    fi
done <<'LIST'
quote chinh-dai 1
analysis chinh-dai 2
appendix chinh-dai 1
acceptance chinh-dai 2
survey chinh-dai 1
survey small 1
handover chinh-dai 1
LIST
