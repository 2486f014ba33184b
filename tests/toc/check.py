# tests/toc/check.py PDF: every entry of the table of contents (the lines
# "title ..... N" of the pages before the first heading after it) is on
# page N: the first page after the contents whose text has the title. Prints
# "entries pages"; complaints go to stderr with exit status 1.
import re, subprocess, sys

pdf = sys.argv[1]
# one pdftotext for the whole file: pages end in a form feed
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout.split("\f")[:-1]
pages = len(text)
squeeze = lambda s: re.sub(r"\s+", " ", s).strip()
entries, title, body, in_toc = [], "", [], True
for k, t in enumerate(text):
    lines = [l for l in t.splitlines() if l.strip()]
    rest = lines
    if in_toc:
        last = -1
        for i, l in enumerate(lines):
            m = re.match(r"\s*(.*?)\s*(?:\.\s*){2,}\s*(\d+)\s*$", l)
            if m:
                entries.append((squeeze(title + " " + m.group(1)), int(m.group(2))))
                title, last = "", i
            elif not re.match(r"\s*(MỤC LỤC|Trang \d+/\d+)\s*$", l):
                title += " " + l  # a title that goes on over lines
        # the contents end on the first page whose last entry is not its last
        # line but the footer's
        tail = [l for l in lines[last + 1:] if not re.match(r"\s*Trang \d+/\d+\s*$", l)]
        rest = tail
        if tail or last < 0:
            in_toc = False
            title = ""
    body.append(squeeze(" ".join(rest)))
bad = []
if not entries:
    bad.append("no entries")
for name, page in entries:
    on = [i + 1 for i, t in enumerate(body) if name in t]
    if not on or on[0] != page:
        bad.append("%r: the contents say page %d, it is on %s" % (name, page, on))
for b in bad[:5]:
    print(b, file=sys.stderr)
print(len(entries), pages)
sys.exit(1 if bad else 0)
