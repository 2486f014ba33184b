# tests/groups/check.py TEXT RECORD [sorted]: the groups printed in TEXT
# (pdftotext -layout of tests/groups/groups.xml) against the record itself:
# the groups' names in the order of their first items (or as given by the
# caller when sorted), each group's amounts those of its items in record
# order, each subtotal their sum, the subtotals' sum the printed total and
# the record's. Prints the groups' names, one a line; complaints go to
# stderr with exit status 1.
import re, sys
import xml.etree.ElementTree as ET

text, record = sys.argv[1], sys.argv[2]
items = [i for i in ET.parse(record).getroot().findall("items/item") if i.find("feedback/cost") is not None]
want = {}
for i in items:
    name = i.findtext("title").split(" — ")[0]
    want.setdefault(name, []).append(int(re.sub(r"[. ]", "", i.findtext("feedback/cost"))))
money = lambda s: int(s.replace(".", ""))
groups, cur, total, bad = [], None, None, []
for line in open(text, encoding="utf-8"):
    m = re.match(r"\s*Nhóm (\d+)/(\d+): (.*\S)\s*$", line)
    if m:
        cur = {"name": m.group(3), "amounts": [], "sub": None, "count": None}
        groups.append(cur)
        if int(m.group(1)) != len(groups) or int(m.group(2)) != len(want):
            bad.append("numbered %s/%s" % (m.group(1), m.group(2)))
        continue
    m = re.match(r"\s*Cộng nhóm (.*) \((\d+) mục\)\s+([\d.]+) ₫\s*$", line)
    if m:
        if cur is None or m.group(1) != cur["name"]:
            bad.append("a subtotal of %s outside its group" % m.group(1))
        else:
            cur["sub"], cur["count"] = money(m.group(3)), int(m.group(2))
        continue
    m = re.match(r"\s*Tổng cộng\s+([\d.]+) ₫\s*$", line)
    if m:
        total = money(m.group(1))
        continue
    m = re.match(r"\s*\d+\s+\S.*\s([\d.]+) ₫\s*$", line)
    if m and cur is not None:
        cur["amounts"].append(money(m.group(1)))
first_seen = list(want)  # dicts keep insertion order: the order of first items
names = [g["name"] for g in groups]
if len(sys.argv) < 4 and names != first_seen:
    bad.append("groups not in data order: %s" % names)
if sorted(names) != sorted(first_seen):
    bad.append("groups %s, the record has %s" % (names, first_seen))
for g in groups:
    w = want.get(g["name"], [])
    if g["amounts"] != w:
        bad.append("%s: items %s, the record's %s" % (g["name"], g["amounts"], w))
    if g["sub"] != sum(w) or g["count"] != len(w):
        bad.append("%s: subtotal %s (%s items), the record's %d (%d)" % (g["name"], g["sub"], g["count"], sum(w), len(w)))
subs = sum(g["sub"] or 0 for g in groups)
if total is None or subs != total or total != sum(sum(w) for w in want.values()):
    bad.append("subtotals add up to %d, the total printed is %s" % (subs, total))
for b in bad:
    print(b, file=sys.stderr)
print("\n".join(names))
sys.exit(1 if bad else 0)
