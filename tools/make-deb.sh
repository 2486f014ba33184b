#!/bin/sh
# make-deb.sh — the Debian packages with Debian's tooling (debian/,
# dpkg-buildpackage -b), into build/deb/: hoso_VERSION_ARCH.deb (the command,
# templates, fonts, man page, completion) and libhoso-dev (static library,
# header, pkg-config file). Built in a copy of the tree (the files git knows,
# committed or not), because a package build starts with the Makefile's
# clean, which removes build/.
set -eu
cd "$(dirname "$0")/.."
version=$(sed -n 's/^#define HS_VERSION "\(.*\)"/\1/p' engine/hoso.h)
head -n 1 debian/changelog | grep -qF "hoso ($version)" || {
    echo "hoso: debian/changelog's first entry is not version $version (engine/hoso.h)" >&2
    exit 1
}
out=$PWD/build/deb
src=$out/src/hoso-$version
rm -rf "$out" && mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src"
start=$(date +%s)
echo "hoso: dpkg-buildpackage -b in $src (log: build/deb/build.log)"
if ! (cd "$src" && dpkg-buildpackage -b -us -uc) >"$out/build.log" 2>&1; then
    tail -n 30 "$out/build.log" >&2
    echo "hoso: the package build failed; the whole log is build/deb/build.log" >&2
    exit 1
fi
mv "$out"/src/*.deb "$out"/src/*.buildinfo "$out"/src/*.changes "$out"/ 2>/dev/null || :
rm -rf "$out/src"
echo "hoso: made in $(($(date +%s) - start)) s:"
for d in "$out"/*.deb; do
    echo "  $d ($(du -k "$d" | cut -f1) KB) Depends: $(dpkg-deb -f "$d" Depends)"
done
