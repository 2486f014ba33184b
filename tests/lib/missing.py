#!/usr/bin/env python3
"""tests/lib/missing.py WANT TEXT — print each non-blank line of WANT that is
not a substring of TEXT (one process instead of a grep per string)."""
import sys

text = open(sys.argv[2], encoding="utf-8").read()
for line in open(sys.argv[1], encoding="utf-8"):
    s = line.rstrip("\n")
    if s.strip() and s not in text:
        print(s)
