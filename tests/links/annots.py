"""tests/links/annots.py PDF BBOX.html — every link annotation against the words under it.

Reads the annotations with qpdf --json (Rect, /A /URI) and the words' boxes
from `pdftotext -bbox` (BBOX.html), then prints one line per annotation:
    PAGE URI WORDS
where WORDS are the words whose boxes lie inside the rectangle (1 pt of
slack), and fails (exit 1, a line saying why) when a rectangle is not the
union of its words' boxes within 1 pt on every side, or when it covers none."""
import json
import re
import subprocess
import sys

pdf, bbox = sys.argv[1], sys.argv[2]
doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-key=pages", pdf],
                                check=True, capture_output=True, text=True).stdout)
objects = {k[4:]: v.get("value", v.get("stream", {}).get("dict")) for k, v in doc["qpdf"][1].items()
           if k.startswith("obj:")}


def obj(ref):
    """An indirect reference ("12 0 R") resolved; anything else as it is."""
    return objects.get(ref, ref) if isinstance(ref, str) else ref


# pdftotext -bbox: <page width height> then <word xMin yMin xMax yMax>text</word>, y down.
pages_words = []
for page in re.findall(r"<page (.*?)</page>", open(bbox, encoding="utf-8").read(), re.S):
    h = float(re.search(r'height="([\d.]+)"', page).group(1))
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        words.append((x0, h - y1, x1, h - y0, m.group(5)))  # to PDF's y up
    pages_words.append(words)

page_no = {page["object"]: no for no, page in enumerate(doc["pages"], 1)}
bad = 0
for no, page in enumerate(doc["pages"], 1):
    pobj = obj(page["object"])
    annots = obj(pobj.get("/Annots", []))
    for ref in annots:
        a = obj(ref)
        if a.get("/Subtype") != "/Link":
            continue
        rect = [float(v) for v in obj(a["/Rect"])]
        x0, y0, x1, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
        if "/Dest" in a:  # inside the document: "page N" and the top it shows
            dest = obj(a["/Dest"])
            uri = f"page {page_no[dest[0]]} top {float(dest[2]):.0f}"
        else:
            uri = obj(obj(a["/A"])["/URI"])
            uri = uri[2:] if uri[:2] in ("u:", "b:") else uri
        inside = [w for w in pages_words[no - 1]
                  if w[0] >= x0 - 1 and w[2] <= x1 + 1 and w[1] >= y0 - 1 and w[3] <= y1 + 1]
        if not inside:
            print(f"page {no}: the link to {uri} at {rect} covers no word")
            bad = 1
            continue
        ux0, uy0 = min(w[0] for w in inside), min(w[1] for w in inside)
        ux1, uy1 = max(w[2] for w in inside), max(w[3] for w in inside)
        off = max(abs(ux0 - x0), abs(uy0 - y0), abs(ux1 - x1), abs(uy1 - y1))
        if off > 1:
            print(f"page {no}: the link to {uri} at {[round(v, 1) for v in (x0, y0, x1, y1)]} is "
                  f"{off:.1f} pt off its words' box {[round(v, 1) for v in (ux0, uy0, ux1, uy1)]}")
            bad = 1
        print(no, uri, " ".join(w[4] for w in inside))
sys.exit(bad)
