#!/bin/sh
# template-reference.sh [HOSO]: rewrite the template reference of
# docs/templates.md (between the template-reference markers) from
# `hoso help template --markdown`, which prints engine/tpl/vocab.h.
# tests/errors/templates.sh fails when they differ.
set -eu
hoso=build/hoso
if [ $# -gt 0 ]; then
    case $1 in /*) hoso=$1 ;; *) hoso=$PWD/$1 ;; esac
fi
cd "$(dirname "$0")/.."
ref=$(mktemp)
trap 'rm -f "$ref"' EXIT
"$hoso" help template --markdown >"$ref"
python3 - "$ref" <<'P'
import sys
ref = open(sys.argv[1], encoding="utf-8").read()
s = open("docs/templates.md", encoding="utf-8").read()
a, b = "<!-- template-reference -->\n", "<!-- /template-reference -->\n"
i, j = s.index(a) + len(a), s.index(b)
open("docs/templates.md", "w", encoding="utf-8").write(s[:i] + ref + s[j:])
P
