#!/usr/bin/env python3
"""tests/lib/lines.py FILE.pdf — the lines of page 1 as a reader sees them:
one line a row, "TEXT|GAP|SHORT": its words, its widest gap between two words
in tenths of the font size, and how far (pt) it stops short of the right end
of the page's longest line (0: it reaches the margin, a justified line)."""
import html, re, subprocess, sys

xml = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", sys.argv[1], "-"],
                     capture_output=True, text=True, check=True).stdout
rows = {}
for a, b, c, d, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', xml):
    rows.setdefault(round(float(d)), []).append((float(a), float(c), float(d) - float(b),
                                                 html.unescape(t)))
right = max(w[1] for ws in rows.values() for w in ws)
for y in sorted(rows):
    ws = sorted(rows[y])
    gap = max([ws[i + 1][0] - ws[i][1] for i in range(len(ws) - 1)] or [0])
    # the word box is about 1.2 font sizes high (Liberation's ascent and descent)
    size = ws[0][2] / 1.15
    print("%s|%d|%d" % (" ".join(w[3] for w in ws), round(10 * gap / size), round(right - ws[-1][1])))
