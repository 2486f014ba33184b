# tests/install/chroot.sh — make install DESTDIR=<a Debian 12 root>, then in
# that root (chroot: no source tree, no build folder, only the installed
# files) every sample through every template; make uninstall leaves the root
# as it was. Root and debootstrap only (the root is made once and kept in
# build/, tools/deb12-root.sh); skipped with the reason elsewhere.
. tests/lib/tap.sh
# make, on its own: not a sub-make of make test's jobserver (its file
# descriptors are not passed to the tests)
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s "$@"; }
name="make install into a Debian 12 root, render there, uninstall"
if [ "$(id -u)" != 0 ]; then
    skip "$name" "needs root (chroot)"
    exit 0
fi
if ! R=$(sh tools/deb12-root.sh runtime 2>"$T/root.err"); then
    skip "$name" "no Debian 12 root: $(tail -n 1 "$T/root.err")"
    exit 0
fi
R=$PWD/$R
list() { (cd "$R" && find . -xdev \( -path ./proc -o -path ./tmp \) -prune -o -print | sort); }
list >"$T/before"
mk BUILD=release V= DESTDIR="$R" PREFIX=/usr/local install-files >"$T/make.out" 2>&1
check_eq "make install DESTDIR=<root> PREFIX=/usr/local: exit 0" "0:" "$?:$(tail -n 3 "$T/make.out")"
rm -rf "$R/tmp/out" && mkdir -p "$R/tmp/out"
ex=/usr/local/share/doc/hoso/examples
# shellcheck disable=SC2016
chroot "$R" env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 sh -c \
    'cd / && hoso render -q --all -p '$ex'/profile.xml -o /tmp/out/ $(ls '$ex'/*.xml | grep -v /profile.xml)' \
    >"$T/out" 2>"$T/err"
check_eq "in the root, hoso render --all of every example: exit 0" "0" "$?"
mkdir -p "$T/tree"
# shellcheck disable=SC2046
"$HOSO_RELEASE" render -q --all -p samples/profile.xml -o "$T/tree/" \
    $(ls samples/*.xml | grep -v '^samples/profile.xml$') 2>/dev/null
check_eq "… as many documents as the build tree's hoso makes" "$(ls "$T/tree" | wc -l)" "$(ls "$R/tmp/out" | wc -l)"
first=$(ls "$R/tmp/out" | head -n 1)
check "… which pass qpdf --check" qpdf --check "$R/tmp/out/$first"
pdffonts "$R/tmp/out/$first" >"$T/fonts" 2>&1
check_contains "… in the installed fonts" "$T/fonts" "HosoSerif"
rm -rf "$R/tmp/out"
mk DESTDIR="$R" PREFIX=/usr/local uninstall >"$T/make.out" 2>&1
check_eq "make uninstall DESTDIR=<root>: exit 0" "0" "$?"
list >"$T/after"
check_eq "… the root is as it was" "" "$(diff "$T/before" "$T/after")"
