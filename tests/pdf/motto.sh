# tests/pdf/motto.sh — the rule under the national motto (Decree 30) of every
# official document: a separate solid line (not a text underline), starting
# and ending where the motto's text does (pdftotext -bbox), below the text's
# box so that it never crosses the marks under ộ, ậ, ự, ạ.
. tests/lib/tap.sh
for doc in appendix acceptance handover; do
    "$HOSO" render -q -t templates/$doc.xml -p samples/profile.xml -o "$T/$doc.pdf" samples/small.xml \
        2>"$T/err"
    check_eq "$doc: renders (exit 0, no message)" "0:" "$?:$(cat "$T/err")"
    qpdf --qdf --object-streams=disable "$T/$doc.pdf" "$T/$doc.qdf.pdf"
    pdftotext -f 1 -l 1 -bbox "$T/$doc.pdf" "$T/$doc.html"
    got=$($PYTHON - "$T/$doc.qdf.pdf" "$T/$doc.html" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read().decode("latin-1")
page_h = float(re.search(r"/MediaBox \[\s*0\s+0\s+[\d.]+\s+([\d.]+)", pdf).group(1))
words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                   open(sys.argv[2], encoding="utf-8").read())
# the motto: "Độc lập - Tự do - Hạnh phúc", eight words on one line
for i, w in enumerate(words):
    if w[4] == "Độc" and i + 7 < len(words) and words[i + 7][4] == "phúc":
        x0, top, x1, bottom = float(w[0]), float(w[1]), float(words[i + 7][2]), float(w[3])
        break
else:
    sys.exit("no motto on page 1")
# horizontal strokes of page 1's content: "x y m" then "x2 y l"
lines = re.findall(r"([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l", pdf)
under = [(float(a), float(c), page_h - float(b)) for a, b, c, d in lines if b == d
         and bottom < page_h - float(b) < bottom + 6]
ok = [u for u in under if abs(u[0] - x0) < 0.5 and abs(u[1] - x1) < 0.5]
print("ok" if len(ok) == 1 else "rules under the motto: %s, motto %.1f-%.1f" % (under, x0, x1))
PY
)
    check_eq "$doc: one rule just below the motto, from its first letter to its last" ok "$got"
    check "$doc: the motto is not underlined text (no rule through its box)" $PYTHON - "$T/$doc.qdf.pdf" "$T/$doc.html" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read().decode("latin-1")
page_h = float(re.search(r"/MediaBox \[\s*0\s+0\s+[\d.]+\s+([\d.]+)", pdf).group(1))
html = open(sys.argv[2], encoding="utf-8").read()
w = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Độc</word>', html)
top, bottom = float(w.group(2)), float(w.group(4))
for a, b, c, d in re.findall(r"([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l", pdf):
    y = page_h - float(b)
    if b == d and top < y < bottom and float(a) <= float(w.group(1)) + 1 <= float(c):
        sys.exit(1)
PY
done
