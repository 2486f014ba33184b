#!/bin/sh
# test-deb.sh — the Debian package in a fresh Debian 12 root (make test-deb):
# apt install ./hoso_*.deb, every sample through every template with only
# the installed files, apt remove leaves none of the package's files, and
# apt autoremove gives back the root as it was. Root and debootstrap only;
# the base root is made once and kept (tools/deb12-root.sh).
set -eu
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then echo "hoso: make test-deb needs root (chroot, mount)" >&2; exit 1; fi
command -v debootstrap >/dev/null || sh tools/deps.sh debootstrap
deb=$(ls build/deb/hoso_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "hoso: no build/deb/hoso_*.deb: run make deb" >&2; exit 1; }
start=$(date +%s)
base=$(sh tools/deb12-root.sh base) || exit 1
root=build/deb12-test
umount "$root/proc" 2>/dev/null || :
rm -rf --one-file-system "$root" && cp -a "$base" "$root"
mount -t proc proc "$root/proc"
trap 'umount "$PWD/$root/proc" 2>/dev/null || :' EXIT INT TERM
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
files() { # every path of the root but the ones apt, dpkg and the kernel keep changing
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./tmp -o -path ./var/cache -o -path ./var/log \
        -o -path ./var/lib/apt -o -path ./var/lib/dpkg \) -prune -o -print | sort)
}
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAILED: $1" >&2; fail=1; }
files >build/deb12-before.txt
cp "$deb" "$root/tmp/"
t0=$(date +%s)
in_root apt-get update -qq
in_root apt-get install -y -q --no-install-recommends "./tmp/$(basename "$deb")" >build/deb12-apt.log 2>&1 ||
    { tail -n 20 build/deb12-apt.log >&2; echo "hoso: apt install failed (build/deb12-apt.log)" >&2; exit 1; }
ok "apt install ./$(basename "$deb") ($(($(date +%s) - t0)) s; $(grep -c '^Setting up' build/deb12-apt.log) packages)"
[ "$(in_root sh -c 'command -v hoso')" = /usr/bin/hoso ] && ok "hoso is /usr/bin/hoso" || bad "hoso not on PATH"
v=$(in_root hoso --version) && ok "hoso --version: $v" || bad "hoso --version"
# every sample through every template, only installed files, from /
ex=/usr/share/doc/hoso/examples
rm -rf build/deb12-out && mkdir -p build/deb12-out
mkdir -p "$root/tmp/out"
# shellcheck disable=SC2016
in_root sh -c 'cd / && hoso render -q --all -p '$ex'/profile.xml -o /tmp/out/ $(ls '$ex'/*.xml | grep -v /profile.xml)' \
    2>build/deb12-render.err && ok "hoso render --all of every example: exit 0" || bad "render: $(cat build/deb12-render.err)"
cp "$root"/tmp/out/*.pdf build/deb12-out/ 2>/dev/null || :
records=$(ls samples/*.xml | grep -v '^samples/profile.xml$')
mkdir -p build/deb12-tree && rm -f build/deb12-tree/*
# shellcheck disable=SC2086
build/hoso render -q --all -p samples/profile.xml -o build/deb12-tree/ $records 2>/dev/null
want=$(ls build/deb12-tree | wc -l) got=$(ls build/deb12-out | wc -l)
[ "$got" = "$want" ] && [ "$got" -gt 0 ] && ok "$got documents, as many as build/hoso makes" || bad "$got documents, want $want"
pdfs_bad=0
for f in build/deb12-out/*.pdf; do
    qpdf --check "$f" >/dev/null 2>&1 || { bad "qpdf --check $f"; pdfs_bad=1; }
    pdffonts "$f" | grep -q HosoSerif || { bad "$f: not set in the installed fonts"; pdfs_bad=1; }
done
[ "$pdfs_bad" = 0 ] && ok "every PDF passes qpdf --check and uses the installed Hoso fonts"
in_root dpkg -L hoso >build/deb12-hoso-files.txt
in_root apt-get remove -y -q hoso >>build/deb12-apt.log 2>&1 || bad "apt remove hoso"
left=""
while read -r f; do
    if [ -e "$root$f" ] && [ ! -d "$root$f" ]; then left="$left $f"; fi
done <build/deb12-hoso-files.txt
for d in /usr/share/hoso /usr/share/doc/hoso; do [ -e "$root$d" ] && left="$left $d"; done
[ -z "$left" ] && ok "apt remove hoso: none of its $(wc -l <build/deb12-hoso-files.txt) paths is left" ||
    bad "left after apt remove:$left"
st=$(in_root dpkg-query -W -f='${db:Status-Abbrev}' hoso 2>/dev/null || :)
case $st in ii* | rc*) bad "dpkg still knows hoso: $st" ;; *) ok "dpkg: hoso is not installed, nothing to purge" ;; esac
in_root apt-get autoremove -y -q >>build/deb12-apt.log 2>&1 || bad "apt autoremove"
files >build/deb12-after.txt
if diff build/deb12-before.txt build/deb12-after.txt >build/deb12-diff.txt; then
    ok "apt autoremove: the root is as it was before (every file outside apt's and dpkg's own)"
else
    bad "the root differs from before: $(head -n 10 build/deb12-diff.txt | tr '\n' ' ')"
fi
echo "hoso: make test-deb took $(($(date +%s) - start)) s"
[ "$fail" = 0 ]
