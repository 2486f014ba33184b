"""tests/links/outline.py PDF [TITLE=WORDS...] — the outline against the pages, read back.

Prints the outline as "LEVEL PAGE TITLE" lines (qpdf --json: titles, nesting,
destination pages), then checks each entry against the page text
(pdftotext -bbox): its title is on its page, the first page from the
previous entry's on where it is; the destination's top is at the top of the
title's first word (at most one line above it, never below it). A bookmark
whose title is not printed (bookmark="…" on a table) is looked for by the
words its block starts with, given as TITLE=WORDS. Exit 1 with a line
saying why when an entry fails."""
import json
import re
import subprocess
import sys

pdf = sys.argv[1]
starts = dict(a.split("=", 1) for a in sys.argv[2:])
doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=outlines", pdf], check=True,
                                capture_output=True, text=True).stdout)
html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True,
                      text=True).stdout
pages = []  # per page: (height, [(word, yMin from the top)])
for page in re.findall(r"<page (.*?)</page>", html, re.S):
    h = float(re.search(r'height="([\d.]+)"', page).group(1))
    words = [(m.group(2), float(m.group(1))) for m in
             re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>', page)]
    pages.append((h, words))


def unescape(s):
    return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


entries = []


def walk(items, level):
    for o in items:
        entries.append((level, o["destpageposfrom1"], o["title"], o["dest"]))
        walk(o["kids"], level + 1)


walk(doc["outlines"], 1)
bad = 0
at = 1
for level, page, title, dest in entries:
    print(level, page, title)
    want = starts.get(title, title).split()
    found = None
    for p in range(at, len(pages) + 1):
        words = [unescape(w) for w, _ in pages[p - 1][1]]
        for i in range(len(words) - len(want) + 1):
            if words[i:i + len(want)] == want:
                found = (p, pages[p - 1][1][i][1])
                break
        if found:
            break
    if found is None:
        print(f"'{title}': not on any page from {at} on")
        bad = 1
        continue
    if found[0] != page:
        print(f"'{title}': the bookmark goes to page {page}, the title is on page {found[0]}")
        bad = 1
    at = found[0]
    h = pages[page - 1][0]
    top = h - float(dest[2])  # FitH's top, from the page's top
    if not (dest[1] == "/FitH" and top <= found[1] + 0.5 and found[1] - top < 20):
        print(f"'{title}': the destination {dest} is not the top of its title (at {found[1]:.1f} pt)")
        bad = 1
sys.exit(bad)
