#!/bin/sh
# reduced-families.sh CONF [FULL [OLD NEW]] — the families.conf of a folder of
# reduced fonts: each family uses the reduced files beside it, and falls back
# to the original files (family "NAME-full") in the folder FULL (default
# ../../fonts, for build/fonts) for characters outside the reduced repertoire.
# With OLD and NEW, the reduced files are named with NEW in place of OLD (the
# installed fonts, renamed by tools/rename-font.py).
set -eu
conf=$1
fulldir=${2:-../../fonts}
old=${3:-}
new=${4:-}
echo "# Made by tools/reduced-families.sh from $conf; do not edit."
fams=""
while read -r fam style file rest; do
    case $fam in ''|'#'*|fallback) continue ;; esac
    reduced=$file
    [ -n "$old" ] && reduced=$(printf '%s' "$file" | sed "s/$old/$new/g")
    echo "$fam $style $reduced"
    echo "$fam-full $style $fulldir/$file"
    case " $fams " in *" $fam "*) ;; *) fams="$fams $fam" ;; esac
done <"$conf"
for fam in $fams; do
    fb=$(awk -v f="$fam" '$1 == "fallback" && $2 == f { for (i = 3; i <= NF; i++) printf " %s", $i }' "$conf")
    full=""
    for g in $fam $fb; do full="$full $g-full"; done
    echo "fallback $fam$fb$full"
done
