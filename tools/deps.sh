#!/bin/sh
# deps.sh — install the Debian packages hoso needs, only those missing.
# Idempotent: a machine that has them all does nothing and needs no network.
#   sh tools/deps.sh             what make run and make test need
#   sh tools/deps.sh fuzz        that, plus clang and libFuzzer for make fuzz
#   sh tools/deps.sh PACKAGE...  that, plus these (make valgrind: valgrind)
set -eu
need="build-essential pkg-config libhpdf-dev libxml2-dev libicu-dev icu-devtools
poppler-utils qpdf imagemagick python3 fonttools"
# images: libpng, libjpeg and libexif decode them, zlib compresses them
# (engine/image/); DejaVu is the font with nested composite glyphs tests/glyphs draws
need="$need libpng-dev libjpeg-dev libexif-dev zlib1g-dev fonts-dejavu-core"
# libFuzzer's runtime (libclang_rt.fuzzer) is in libclang-rt-14-dev, not in clang.
for a in "$@"; do
    case $a in
    fuzz) need="$need clang libclang-rt-14-dev" ;;
    *) need="$need $a" ;;
    esac
done
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "hoso: installing:$missing" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
