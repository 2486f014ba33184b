#!/bin/sh
# reduced-families.sh CONF — the families.conf of build/fonts: each family
# uses the reduced files beside it, and falls back to the original files
# (family "NAME-full") for characters outside the reduced repertoire.
set -eu
conf=$1
echo "# Made by tools/reduced-families.sh from $conf; do not edit."
fams=""
while read -r fam style file rest; do
    case $fam in ''|'#'*|fallback) continue ;; esac
    echo "$fam $style $file"
    echo "$fam-full $style ../../fonts/$file"
    case " $fams " in *" $fam "*) ;; *) fams="$fams $fam" ;; esac
done <"$conf"
for fam in $fams; do
    fb=$(awk -v f="$fam" '$1 == "fallback" && $2 == f { for (i = 3; i <= NF; i++) printf " %s", $i }' "$conf")
    full=""
    for g in $fam $fb; do full="$full $g-full"; done
    echo "fallback $fam$fb$full"
done
