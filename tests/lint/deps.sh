# tests/lint/deps.sh — each stage includes only the stages below it
# (design.md: the layout knows nothing of XML, the renderer nothing of
# templates). A grep over #include lines, per folder.
. tests/lib/tap.sh
allowed() { # folder -> allowed engine folders (besides itself)
    case $1 in
    base) echo "" ;;
    vn) echo "base" ;;
    text) echo "base" ;;
    font) echo "base text" ;;
    image) echo "base" ;;
    xml) echo "base" ;;
    record) echo "base xml vn" ;;
    tpl) echo "base xml vn doc" ;;
    eval) echo "base xml record tpl doc vn text pay qr" ;;
    doc) echo "base" ;;
    layout) echo "base doc text font page image qr" ;;
    page) echo "base layout font" ;;
    render) echo "base page font image" ;;
    out) echo "base" ;;
    pay) echo "base text" ;;
    qr) echo "base" ;;
    cli) echo "hoso.h" ;;
    esac
}
for dir in engine/*/; do
    d=$(basename "$dir")
    bad=""
    for f in "$dir"*.c "$dir"*.h; do
        [ -e "$f" ] || continue
        for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
            top=${inc%%/*}
            [ "$top" = "$d" ] && continue
            case " $(allowed "$d") " in *" $top "*) continue ;; esac
            [ "$d" = cli ] && [ "$inc" = hoso.h ] && continue
            case $inc in */*) ;; *) [ "$d" != cli ] && continue ;; esac
            bad="$bad $f:$inc"
        done
    done
    check_eq "engine/$d includes only what it may" "" "$bad"
done
# Only these folders include the big libraries.
check_eq "only text/ includes ICU" "" "$(grep -l '#include <unicode/' engine/*/*.[ch] | grep -v '^engine/text/')"
check_eq "only image/ includes libpng, libjpeg, libexif" "" \
    "$(grep -lE '#include <(png|jpeglib|libexif/)' engine/*/*.[ch] | grep -v '^engine/image/')"
check_eq "only qr/ includes libqrencode" "" "$(grep -l '#include <qrencode' engine/*/*.[ch] | grep -v '^engine/qr/')"
check_eq "only render/outlines.c includes FreeType" "" \
    "$(grep -lE '#include <(ft2build|freetype)' engine/*/*.[ch] | grep -v '^engine/render/outlines.c$')"
check_eq "only render/ includes libharu" "" "$(grep -l "#include <hpdf" engine/*/*.[ch] | grep -v "^engine/render/")"
check_eq "no layout or render code includes libxml2" "" \
    "$(grep -l '#include <libxml' engine/layout/* engine/page/* engine/render/* engine/font/* 2>/dev/null)"
