# tests/install/install.sh — make install and make uninstall: the installed
# hoso renders every sample through every template with only the installed
# files (no option, no environment, run from /), the library links through
# pkg-config, the man page and the completion work, a DESTDIR install stages
# the same files with the final path compiled in, and uninstall removes them.
# Also: tools/deps.sh for a user without root and without sudo.
. tests/lib/tap.sh
# make, on its own: not a sub-make of make test's jobserver (its file
# descriptors are not passed to the tests)
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s "$@"; }
P="$T/prefix"
inst() { # make install-files ARGS... (the release objects are already built)
    mk BUILD=release V= "$@" install-files
}

inst PREFIX="$P" >"$T/make.out" 2>&1
check_eq "make install PREFIX=…: exit 0" "0" "$?"
for f in bin/hoso lib/libhoso.a lib/pkgconfig/hoso.pc include/hoso/hoso.h \
    share/hoso/templates/quote.xml share/hoso/templates/parts/letterhead.xml \
    share/hoso/fonts/families.conf share/hoso/fonts/HosoSerif-Regular.ttf \
    share/hoso/fonts/original/LiberationSerif-Regular.ttf share/hoso/fonts/LICENSE-Liberation.txt \
    share/man/man1/hoso.1 share/man/man5/hoso-template.5 share/bash-completion/completions/hoso share/doc/hoso/examples/profile.xml; do
    [ -f "$P/$f" ] || missing_files="${missing_files:-} $f"
done
check_eq "installed: binary, templates, parts, fonts, library, header, man page, completion" \
    "" "${missing_files:-}"
for t in templates/*.xml templates/parts/*.xml; do
    cmp -s "$t" "$P/share/hoso/$t" || differ="${differ:-} $t"
done
check_eq "installed templates and parts are the source's" "" "${differ:-}"

# every sample through every template, from /, with a clean environment
EX="$P/share/doc/hoso/examples"
records=$(ls "$EX"/*.xml | grep -v '/profile.xml$')
mkdir -p "$T/out"
# shellcheck disable=SC2086
(cd / && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$P/bin/hoso" render -q --all \
    -p "$EX/profile.xml" -o "$T/out/" $records) 2>"$T/err"
check_eq "installed hoso renders every sample through every template (exit 0)" "0" "$?"
# the same documents as the build tree's hoso makes
mkdir -p "$T/tree"
# shellcheck disable=SC2086
"$HOSO_RELEASE" render -q --all -p samples/profile.xml -o "$T/tree/" \
    $(ls samples/*.xml | grep -v '^samples/profile.xml$') 2>/dev/null
check_eq "as many documents as the build tree's hoso makes" "$(ls "$T/tree" | wc -l)" "$(ls "$T/out" | wc -l)"
check_eq "the same skip messages (a record without a survey)" \
    "$(sed "s|$EX/|samples/|g; s|$P/share/hoso/||g" "$T/err")" \
    "$("$HOSO_RELEASE" render -q --all -p samples/profile.xml -o "$T/tree/" \
        $(ls samples/*.xml | grep -v '^samples/profile.xml$') 2>&1 >/dev/null | sed "s|$PWD/||g")"
first=$(ls "$T/out" | head -n 1)
pdffonts "$T/out/$first" >"$T/fonts" 2>&1
check_contains "its PDFs embed the installed (renamed) fonts" "$T/fonts" "HosoSerif"
check_eq "no font named Liberation in its PDFs (the name is reserved for the originals)" "" \
    "$(grep Liberation "$T/fonts")"
pdftotext "$T/out/Báo giá tùy biến Hoàng Long (09.03.21).pdf" "$T/txt" 2>/dev/null
squeeze "$T/txt" >"$T/flat"
check_contains "its text comes back (Vietnamese letters)" "$T/flat" \
    "Kính gửi: Công ty TNHH Thương mại và Dịch vụ Hoàng Long"
check_eq "a reduced font's names say Hoso, none says Liberation" "" \
    "$($PYTHON -c 'import sys
from fontTools.ttLib import TTFont
for r in TTFont(sys.argv[1])["name"].names:
    if r.nameID in (1, 3, 4, 6, 16, 17) and "Liberation" in r.toUnicode(): print(r.nameID, r.toUnicode())' \
        "$P/share/hoso/fonts/HosoSerif-Bold.ttf")"

# it looks in its data folder and nowhere else
mv "$P/share/hoso/templates" "$P/share/hoso/t.away"
(cd "$HS_SRCDIR" && env -i PATH=/usr/bin:/bin "$P/bin/hoso" render -q --all -p samples/profile.xml \
    -o "$T/out/" samples/small.xml) 2>"$T/err"
check_eq "without its templates folder: exit status 1" "1" "$?"
check_contains "… and the error names the installed folder, not the source tree's" "$T/err" \
    "no templates in $P/share/hoso/templates"
mv "$P/share/hoso/t.away" "$P/share/hoso/templates"

# embedding: pkg-config, the header, the static library
cat >"$T/app.c" <<'EOF'
#include <hoso.h>
#include <stdio.h>
int main(void) { puts(hs_version()); return 0; }
EOF
cc -o "$T/app" "$T/app.c" $(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs hoso) \
    >"$T/cc.err" 2>&1
check_eq "a program links with pkg-config --cflags --libs hoso" "0:" "$?:$(cat "$T/cc.err")"
check_eq "… and runs" "$(sed -n 's/^#define HS_VERSION "\(.*\)"/\1/p' engine/hoso.h)" "$("$T/app" 2>&1)"
# the embedding example against the installed header (hoso.h alone) and library
cc -o "$T/embed" examples/embed.c $(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs hoso) \
    >"$T/cc.err" 2>&1
check_eq "examples/embed.c builds against the installed hoso.h and libhoso.a" "0:" "$?:$(cat "$T/cc.err")"
check_eq "the installed header is hoso.h alone" "hoso.h" "$(ls "$P/include/hoso")"
(cd / && env -i PATH=/usr/bin:/bin "$T/embed" "$P/share/hoso/fonts" "$P/share/hoso/templates/quote.xml" \
    "$EX/small.xml" "$EX/profile.xml" "$T/embed.pdf") >"$T/embed.out" 2>"$T/embed.err"
check_eq "… and renders a document with the installed fonts and template (exit 0)" "0:" \
    "$?:$(cat "$T/embed.err")"
check_eq "… of 2 pages" "2" "$(pdfinfo "$T/embed.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"

# the man page: formats without warnings, names every long option of --help
MANWIDTH=80 man --warnings -l "$P/share/man/man1/hoso.1" >"$T/man.txt" 2>"$T/man.err"
check_eq "man hoso: formats, no warning" "0:" "$?:$(cat "$T/man.err")"
check_eq "man hoso: no placeholder left" "" "$(grep -o '@[A-Z]*@' "$P/share/man/man1/hoso.1")"
opts=$("$HOSO_RELEASE" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u)
for o in $opts; do
    grep -qF -- "$o" "$T/man.txt" || man_missing="${man_missing:-} $o"
done
check_eq "man hoso: every long option of hoso --help is described" "" "${man_missing:-}"

# bash completion
comp() { # WORDS...: what the completion offers for the last word
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _hoso; echo "${COMPREPLY[*]}"' \
        comp "$P/share/bash-completion/completions/hoso" "$@"
}
check_eq "completion: the commands" "render" "$(comp hoso re)"
check_eq "completion: batch's options" "--report --resume" "$(comp hoso batch --re)"
check_eq "completion: render has no batch option" "" "$(comp hoso render --rep)"

# DESTDIR: the same files, staged, with the final path compiled in
S="$T/stage"
inst DESTDIR="$S" PREFIX=/opt/hoso-test >"$T/make.out" 2>&1
check_eq "make install DESTDIR=… PREFIX=/opt/hoso-test: exit 0" "0" "$?"
check_eq "DESTDIR stages the same files" "$(cd "$P" && find . | sort)" \
    "$(cd "$S/opt/hoso-test" 2>/dev/null && find . | sort)"
check_eq "the staged binary looks in /opt/hoso-test/share/hoso, not in the stage" \
    "1:0" "$(grep -c /opt/hoso-test/share/hoso "$S/opt/hoso-test/bin/hoso"):$(grep -c "$S" "$S/opt/hoso-test/bin/hoso")"
check_eq "the staged man page names the final folders" "0" "$(grep -c "$S" "$S/opt/hoso-test/share/man/man1/hoso.1")"
check_eq "the staged hoso.pc names the final folders" "prefix=/opt/hoso-test" \
    "$(grep '^prefix=' "$S/opt/hoso-test/lib/pkgconfig/hoso.pc")"
mk DESTDIR="$S" PREFIX=/opt/hoso-test uninstall >"$T/make.out" 2>&1
check_eq "make uninstall DESTDIR=…: exit 0, leaves no file" "0:" "$?:$(find "$S" -type f)"
mk PREFIX="$P" uninstall >/dev/null 2>&1
check_eq "make uninstall PREFIX=…: no file left" "" "$(find "$P" -type f)"

# tools/deps.sh for a user without root and without sudo: the command to run
# (in a folder the unprivileged user can read: $T is the runner's, mode 700)
U=$(mktemp -d /tmp/hoso-deps.XXXXXX) && chmod 755 "$U" && mkdir -p "$U/bin"
for c in sh dpkg-query grep id cat; do ln -sf "$(command -v $c)" "$U/bin/$c"; done
as_user() { "$@"; }
[ "$(id -u)" = 0 ] && as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
    skip "deps.sh without root and without sudo" "this user has sudo"
else
    cp tools/deps.sh "$U/deps.sh" && chmod 644 "$U/deps.sh"
    as_user env -i PATH="$U/bin" sh "$U/deps.sh" hoso-no-such-package >"$T/dout" 2>&1
    check_eq "deps.sh, no root, no sudo: exit status 1" "1" "$?"
    check_eq "… names what is missing" "1" \
        "$(grep -c '^hoso: these Debian packages are missing: .*hoso-no-such-package$' "$T/dout")"
    check_eq "… and the command to run as root" "1" \
        "$(grep -cE '^ +apt-get update && apt-get install -y --no-install-recommends .*hoso-no-such-package$' "$T/dout")"
fi
rm -rf "$U"
