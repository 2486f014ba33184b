#!/bin/sh
# template-reference.sh [HOSO]: rewrite the README's template reference (between
# the template-reference markers) from `hoso help template --markdown`, which
# prints engine/tpl/vocab.h. tests/errors/templates.sh fails when they differ.
set -eu
hoso=${1:-build/hoso}
ref=$(mktemp)
trap 'rm -f "$ref"' EXIT
"$hoso" help template --markdown >"$ref"
python3 - "$ref" <<'P'
import sys, re
ref = open(sys.argv[1], encoding="utf-8").read()
s = open("README.md", encoding="utf-8").read()
a, b = "<!-- template-reference -->\n", "<!-- /template-reference -->\n"
i, j = s.index(a) + len(a), s.index(b)
open("README.md", "w", encoding="utf-8").write(s[:i] + ref + s[j:])
P
