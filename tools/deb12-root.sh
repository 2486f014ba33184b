#!/bin/sh
# deb12-root.sh base|runtime — a Debian 12 root for the install tests, made
# once and kept under build/ (root only; debootstrap and a mirror the first
# time, $DEBIAN_MIRROR or deb.debian.org):
#   base     build/deb12-base: debootstrap --variant=minbase bookworm, plus
#            ca-certificates
#   runtime  build/deb12-runtime: base plus the Debian packages that hold the
#            libraries build/hoso is linked with (found with ldd and dpkg -S)
# Prints the folder. On failure, says why on stderr and exits 1.
set -eu
cd "$(dirname "$0")/.."
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
base=build/deb12-base
if [ ! -x "$base/bin/sh" ]; then
    command -v debootstrap >/dev/null || { echo "debootstrap is not installed" >&2; exit 1; }
    echo "hoso: making a Debian 12 root in $base (debootstrap, about a minute)" >&2
    rm -rf "$base.tmp"
    if ! debootstrap --variant=minbase --include=ca-certificates bookworm "$base.tmp" "$mirror" \
        >build/debootstrap.log 2>&1; then
        echo "debootstrap bookworm from $mirror failed (build/debootstrap.log: $(tail -n 1 build/debootstrap.log))" >&2
        rm -rf "$base.tmp"
        exit 1
    fi
    mv "$base.tmp" "$base"
fi
[ "${1:-base}" = base ] && { echo "$base"; exit 0; }
run=build/deb12-runtime
# those ldd lists, and those hoso opens on first use by soname (dlopen:
# engine/base/lib.c, engine/text/i18n.c), found in the cache of ldconfig
lazy=$(strings build/hoso | grep -xE 'lib[a-z0-9_+-]+\.so\.[0-9]+' | while read -r so; do
    ldconfig -p | awk -v s="$so" '$1 == s { print $NF; exit }'; done)
pkgs=$({ ldd build/hoso | awk '$3 ~ /^\// { print $3 }'; printf '%s\n' $lazy; } | xargs -n 1 realpath |
    xargs dpkg -S 2>/dev/null | cut -d: -f1 | sort -u | tr '\n' ' ')
# a root made for an older build lacks the libraries added since: make it anew
if [ -x "$run/bin/sh" ] && [ "$(cat "$run/.hoso-packages" 2>/dev/null)" != "$pkgs" ]; then
    rm -rf "$run"
fi
if [ ! -x "$run/bin/sh" ]; then
    echo "hoso: making $run: $base plus $pkgs" >&2
    rm -rf "$run.tmp" && cp -a "$base" "$run.tmp"
    if ! chroot "$run.tmp" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $pkgs" \
        >build/deb12-runtime.log 2>&1; then
        echo "apt-get install in $run failed (build/deb12-runtime.log: $(tail -n 1 build/deb12-runtime.log))" >&2
        rm -rf "$run.tmp"
        exit 1
    fi
    chroot "$run.tmp" apt-get clean
    printf '%s' "$pkgs" >"$run.tmp/.hoso-packages"
    mv "$run.tmp" "$run"
fi
echo "$run"
