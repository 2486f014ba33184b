# tests/groups/groups.sh — each with group-by: a group per distinct key with
# current-group() and current-grouping-key(); subtotals by money-sum over a
# group's items add up to the document's total (tests/groups/check.py reads
# them against the record); groups in data order, or sorted in Vietnamese
# collation (breve and circumflex letters, D before Đ, U before Ư, the six
# tones in their order).
. tests/lib/tap.sh
. tests/lib/template-error.sh
PY=${PYTHON:-python3}
PROF=samples/profile.xml
$PY tests/groups/mkrecord.py samples/large.xml "$T/rec.xml"
render() { # TEMPLATE PDF
    rm -f "$2"
    "$HOSO" render -q -t "$1" -p $PROF -o "$2" "$T/rec.xml" 2>"$T/err"
    echo "$?:$(cat "$T/err")"
}
groups() { # TEMPLATE NAME WHAT ORDER-NAME EXPECTED-ORDER [sorted]
    check_eq "$2: renders (exit 0, no message)" "0:" "$(render "$1" "$T/$2.pdf")"
    check "$2: qpdf --check passes" qpdf --check "$T/$2.pdf"
    pdftotext -layout "$T/$2.pdf" "$T/$2.txt"
    $PY tests/groups/check.py "$T/$2.txt" "$T/rec.xml" $6 >"$T/names" 2>"$T/why"
    check_eq "$2: $3" "0:" "$?:$(cat "$T/why")"
    check_eq "$2: $4" "$5" "$(tr '\n' '|' <"$T/names" | sed 's/|$//')"
}
groups tests/groups/groups.xml data \
    "each group's items, subtotal and count are the record's, and the subtotals add up to the total" \
    "the groups in the order their first items come" \
    "Đào tạo|Cá|Ưu đãi|Dữ liệu|Cạ|Báo cáo|Cả|Ứng dụng|Ăn uống|Cà|Uỷ quyền|An toàn|Cã|Ấn phẩm|Ca"
sed "s/group-by=/sort=\"substring-before(title, ' — ')\" group-by=/" tests/groups/groups.xml >"$T/sorted.xml"
groups "$T/sorted.xml" sorted "items in record order within each group, subtotals and total agree" \
    "sorted in Vietnamese collation: A Ă Â, D Đ, U Ư; Ca Cà Cả Cã Cá Cạ" \
    "An toàn|Ăn uống|Ấn phẩm|Báo cáo|Ca|Cà|Cả|Cã|Cá|Cạ|Dữ liệu|Đào tạo|Uỷ quyền|Ứng dụng|Ưu đãi" sorted

# the checker catches a subtotal that is not over the whole group
sed 's|money-sum(current-group()/feedback/cost)|money-sum($g[1]/feedback/cost)|' tests/groups/groups.xml >"$T/wrong.xml"
check_eq "a template whose subtotals take one item: renders" "0:" "$(render "$T/wrong.xml" "$T/wrong.pdf")"
pdftotext -layout "$T/wrong.pdf" "$T/wrong.txt"
$PY tests/groups/check.py "$T/wrong.txt" "$T/rec.xml" >/dev/null 2>"$T/why"
check_eq "and the check says its subtotals are wrong" 1 "$?"

# nested: a group per VAT rate inside a group per feasibility, keys of both
cat >"$T/nested.xml" <<'X'
<document page="A4" margin="15mm" font="sans" size="10pt">
  <name>nested</name>
  <p each="items/item" group-by="feedback/@feasible" sort="feedback/@feasible">{current-grouping-key()}: {count(current-group())}<for each="current-group()" group-by="feedback/@vat-rate" sort="feedback/@vat-rate"> [{current-grouping-key()} {count(current-group())}]</for></p>
</document>
X
check_eq "nested groups render" "0:" "$(render "$T/nested.xml" "$T/nested.pdf")"
want=$($PY - "$T/rec.xml" <<'P'
import sys, xml.etree.ElementTree as ET
from collections import Counter
items = ET.parse(sys.argv[1]).getroot().findall("items/item")
for f in sorted({i.find("feedback").get("feasible") for i in items}):
    g = [i for i in items if i.find("feedback").get("feasible") == f]
    rates = Counter(i.find("feedback").get("vat-rate", "") for i in g)
    print("%s: %d%s" % (f, len(g), "".join(" [%s %d]" % (r, rates[r]) for r in sorted(rates))))
P
)
check_eq "the inner group's key and members are its own, the outer's again after it" "$want" \
    "$(pdftotext -raw "$T/nested.pdf" - | grep -v '^$' | tr -d '\f')"

template_error "group-by without each" "3: error: <p group-by=\"title\"> needs each [template]" \
    '  <p group-by="title">x</p>'
template_error "current-group() outside a group" \
    "3: error: current-group() is for the inside of an element with each and group-by in {count(current-group())} [template]" \
    '  <p>{count(current-group())}</p>'
