#!/bin/sh
# setup-size.sh BASE DEPS.SH — what tools/deps.sh installs on a fresh Debian 12:
# copies the debootstrap root BASE (made with debootstrap --variant=minbase
# bookworm), adds git and make (the README's starting point), then runs
# DEPS.SH in it and prints the package count and installed size before and
# after, and the packages it added. Root only; needs network to a Debian mirror. The figures of docs/install.md
# come from this script.
set -eu
base=$1 deps=$2
root=$(mktemp -d "${TMPDIR:-/tmp}/hoso-setup.XXXXXX")
trap 'umount "$root/proc" 2>/dev/null || :; rm -rf --one-file-system "$root"' EXIT INT TERM
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"
export DEBIAN_FRONTEND=noninteractive
in_root() { chroot "$root" env PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends git make >/dev/null
figures() { # label
    in_root apt-get clean
    n=$(in_root dpkg-query -W -f='${Status}\n' | grep -c 'install ok installed')
    kb=$(in_root dpkg-query -W -f='${Status} ${Installed-Size}\n' |
        awk '/install ok installed/ { s += $NF } END { print s }')
    du=$(du -sxm "$root" | cut -f1)
    echo "$1: $n packages, $((kb / 1024)) MB installed (dpkg), $du MB on disk"
}
figures before
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/tmp/before.list"
cp "$deps" "$root/tmp/deps.sh"
start=$(date +%s)
in_root sh /tmp/deps.sh
echo "deps.sh took $(($(date +%s) - start)) s"
figures after
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/tmp/after.list"
echo "added:"
comm -13 "$root/tmp/before.list" "$root/tmp/after.list" | fmt -w 76 | sed 's/^/    /'
