#!/bin/sh
# readme-pictures.sh — page 1 of each document, from samples/chinh-dai.xml,
# as the small pictures the README shows (docs/pages/*.png), so that a reader
# sees what hoso makes before installing it. Run after a change of layout,
# look at the pictures, commit them:
#   make && sh tools/readme-pictures.sh
set -eu
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoso-pictures.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p docs/pages
for doc in analysis quote appendix acceptance handover survey; do
    build/hoso render -q -t templates/$doc.xml -p samples/profile.xml -o "$tmp/$doc.pdf" \
        samples/chinh-dai.xml
    pdftoppm -r 40 -f 1 -l 1 -png "$tmp/$doc.pdf" "$tmp/$doc"
    # a 16-colour palette keeps a page under 40 KB and its text legible
    convert "$tmp/$doc"-*1.png -colors 16 -strip "png8:docs/pages/$doc.png"
    echo "docs/pages/$doc.png"
done
