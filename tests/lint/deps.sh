# tests/lint/deps.sh — each stage includes only the stages below it
# (design.md: the layout knows nothing of XML, the renderer nothing of
# templates), and of another stage only its interface header (X/X.h): a
# grep over #include lines, per folder. The table below is the one place the
# rule is written. hoso.h, the public API, includes only system headers.
. tests/lib/tap.sh
allowed() { # folder -> the stages (folders) and top-level headers it may include
    case $1 in
    base) echo "hoso.h" ;; # the types it shares with programs (hs_diag, hs_code)
    vn) echo "base" ;;
    text) echo "base" ;;
    font) echo "base text" ;;
    cache) echo "base hoso.h" ;; # hoso.h: HS_VERSION, in every key
    image) echo "base cache" ;;
    xml) echo "base" ;;
    record) echo "base xml vn" ;;
    tpl) echo "base xml vn doc" ;;
    eval) echo "base xml record tpl doc vn text pay qr" ;;
    doc) echo "base" ;;
    layout) echo "base doc text font image qr" ;;
    page) echo "base doc layout font" ;;
    render) echo "base page font image cache" ;;
    out) echo "base job.h" ;; # names.c: a stem in ASCII as hs_file_name makes it
    pay) echo "base text" ;;
    qr) echo "base" ;;
    batch) echo "base out hoso.h job.h" ;;
    cli) echo "hoso.h" ;;     # the public API alone, as any program
    examples) echo "hoso.h" ;; # programs that embed the engine
    .) echo "*" ;;            # job.c and api.c wire the stages together
    *) echo "?" ;;            # a new folder: give it a line here
    esac
}
for dir in engine/*/ engine/ examples/; do
    case $dir in engine/) d=. ;; *) d=$(basename "$dir") ;; esac
    may=$(allowed "$d")
    bad=""
    [ "$may" = "?" ] && bad=" (no line in the table of tests/lint/deps.sh)"
    for f in "$dir"*.c "$dir"*.h; do
        [ -e "$f" ] || continue
        for inc in $(sed -n 's/^#include *\([<"][^">]*[">]\).*/\1/p' "$f"); do
            case $inc in
            "<hoso.h>") [ "$d" = examples ] || bad="$bad $f:$inc" ;; # as an installed program
            "<"*) ;;                                                 # a system header
            esac
            case $inc in "<"*) continue ;; esac
            inc=${inc#\"} inc=${inc%\"}
            [ "$may" = "*" ] && continue
            case $inc in
            */*)
                top=${inc%%/*} name=$(basename "$inc" .h)
                [ "$top" = "$d" ] && continue
                case " $may " in *" $top "*) ;; *) bad="$bad $f:$inc" && continue ;; esac
                # another stage: its interface header only
                [ "$name" = "$top" ] || bad="$bad $f:$inc(not-the-interface)"
                ;;
            *)
                case " $may " in *" $inc "*) ;; *) bad="$bad $f:$inc" ;; esac
                ;;
            esac
        done
    done
    check_eq "${dir%/} includes only what it may" "" "$bad"
done
check_eq "hoso.h includes only system headers" "" "$(grep '^#include' engine/hoso.h | grep -v '^#include <')"
check_eq "examples include hoso.h as an installed program does (<hoso.h>), no engine header" "" \
    "$(grep -h '^#include "' examples/*.c)"
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
check_eq "the library prints nothing: no stdout or stderr outside engine/cli/" "" \
    "$(grep -nE '\bstderr\b|(^|[^<_a-z])stdout\b|[^sn]printf\(|\bputs\(|\bperror\(' engine/*.c engine/*/*.c |
        grep -v '^engine/cli/' | grep -vE ':[0-9]+: *(/\*|\*)' | grep -vE 'hs_buf_printf|hs_arena_printf|fprintf\(out,' |
        grep -vE 'report = to_stdout \? stdout|r->report != stdout')"
