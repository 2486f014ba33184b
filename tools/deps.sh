#!/bin/sh
# deps.sh — install the Debian packages hoso needs, only those missing.
# Idempotent: a machine that has them all does nothing and needs no network.
#   sh tools/deps.sh             what make run and make test need
#   sh tools/deps.sh fuzz        that, plus clang and libFuzzer for make fuzz
#   sh tools/deps.sh deb         that, plus Debian's packaging tools (make deb)
#   sh tools/deps.sh PACKAGE...  that, plus these (make valgrind: valgrind)
# Root installs with apt-get, showing its progress; another user through sudo,
# or, without sudo, is told the command to run as root.
set -eu
# fonttools (pyftsubset, for the reduced fonts) depends on
# "python3-scipy | python3-munkres": apt takes the first, 49 packages and
# about 480 MB (scipy, numpy, pythran, Boost headers); naming python3-munkres
# makes it take the small one. gcc, libc6-dev and make rather than
# build-essential, which adds g++ and libstdc++'s headers (55 MB) that hoso
# does not use. --no-install-recommends below keeps out what the packages only
# recommend.
need="gcc libc6-dev make pkg-config libhpdf-dev zlib1g-dev libxml2-dev libicu-dev icu-devtools
poppler-utils qpdf imagemagick python3 python3-munkres fonttools
libqrencode-dev zbar-tools strace"
# images: libpng, libjpeg and libexif decode them, zlib compresses them
# (engine/image/); DejaVu is the font with nested composite glyphs tests/glyphs draws
need="$need libpng-dev libjpeg-dev libexif-dev fonts-dejavu-core"
# FreeType reads the glyph outlines a watermark with extractable="no" is drawn as
need="$need libfreetype-dev"
# xxHash's XXH3-128 keys the on-disk cache of font subsets and images (engine/cache/)
need="$need libxxhash-dev"
# libFuzzer's runtime (libclang_rt.fuzzer) is in libclang-rt-14-dev, not in clang.
for a in "$@"; do
    case $a in
    fuzz) need="$need clang libclang-rt-14-dev" ;;
    deb) need="$need debhelper dpkg-dev fakeroot" ;;
    *) need="$need $a" ;;
    esac
done
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
missing=${missing# }
cmd="apt-get install -y --no-install-recommends $missing"
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    cat >&2 <<EOF
hoso: these Debian packages are missing: $missing
hoso: installing them needs root, and there is no sudo here. As root, run:

    apt-get update && $cmd

then run make again.
EOF
    exit 1
fi
echo "hoso: installing with apt-get (about 2 minutes on a fresh machine, 121 MB to download): $missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update &&
    $sudo env DEBIAN_FRONTEND=noninteractive $cmd; }; then
    echo "hoso: apt-get failed (above). As root, run: apt-get update && $cmd" >&2
    exit 1
fi
