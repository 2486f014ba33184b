# tests/errors/extension.sh — data a company adds: elements in its own
# namespace at the record root, in <customer>, in <item> and in the profile
# are accepted (checked lax) and printed through a prefix the template
# declares; an unknown element in no namespace is still an error. A <let>
# with element content is a node list.
. tests/lib/tap.sh
$PYTHON - "$T" <<'P'
import sys
t = sys.argv[1]
ns = 'xmlns:co="urn:example:company"'
r = open("samples/small.xml", encoding="utf-8").read()
r = r.replace("</customer>", "  <co:hotline>1900 6868</co:hotline>\n  </customer>", 1)
i = r.index("</item>")
r = r[:i] + "  <co:owner>Phòng Kế toán</co:owner>\n    " + r[i:]
r = r.replace("</request>", "  <co:handover date=\"2021-07-01\">Bàn giao tại văn phòng khách hàng</co:handover>\n</request>", 1)
r = r.replace("<request ", "<request " + ns + " ", 1)
open(t + "/company.xml", "w", encoding="utf-8").write(r)
p = open("samples/profile.xml", encoding="utf-8").read()
p = p.replace("</company>", "  <co:hotline>1800 1234</co:hotline>\n</company>", 1).replace("<company", "<company " + ns, 1)
open(t + "/profile.xml", "w", encoding="utf-8").write(p)
bad = open("samples/small.xml", encoding="utf-8").read().replace("</customer>", "  <hotline>1900 6868</hotline>\n  </customer>", 1)
open(t + "/no-namespace.xml", "w", encoding="utf-8").write(bad)
P
cat >"$T/company-fields.xml" <<'X'
<document xmlns:co="urn:example:company">
  <p>Đường dây nóng của khách hàng: {customer/co:hotline}</p>
  <p>Đường dây nóng của chúng tôi: {$profile/co:hotline}</p>
  <p each="items/item[co:owner]">Phụ trách hạng mục {@id}: {co:owner}</p>
  <p if="co:handover">Bàn giao ngày {date(co:handover/@date)}: {co:handover}</p>
  <let name="docs"><d>Hướng dẫn sử dụng</d><d>Biên bản cài đặt</d></let>
  <p each="$docs/d">Tài liệu {position()}/{count($docs/d)}: {.}</p>
</document>
X
"$HOSO" render -q --strict -t "$T/company-fields.xml" -p "$T/profile.xml" -o "$T/out.pdf" \
    "$T/company.xml" 2>"$T/stderr"
check_eq "a record and profile with company fields: exit status 0" "0 " "$? $(cat "$T/stderr")"
pdftotext "$T/out.pdf" "$T/out.txt"
check_contains "a customer field" "$T/out.txt" "Đường dây nóng của khách hàng: 1900 6868"
check_contains "a profile field" "$T/out.txt" "Đường dây nóng của chúng tôi: 1800 1234"
check_contains "an item field" "$T/out.txt" "Phụ trách hạng mục 1: Phòng Kế toán"
check_contains "a field at the record root" "$T/out.txt" "Bàn giao ngày 01/07/2021: Bàn giao tại văn phòng khách hàng"
check_contains "a <let> of elements is a node list" "$T/out.txt" "Tài liệu 2/2: Biên bản cài đặt"

"$HOSO" check -t templates/quote.xml -p "$T/profile.xml" "$T/no-namespace.xml" 2>"$T/stderr"
check_eq "an unknown element in no namespace: exit status 1" 1 "$?"
check_contains "… is an error naming it" "$T/stderr" "$T/no-namespace.xml:"
check_contains "… names <hotline>" "$T/stderr" "<hotline>"

printf '<document>\n  <p>{customer/co:hotline}</p>\n</document>\n' >"$T/undeclared.xml"
"$HOSO" check -t "$T/undeclared.xml" 2>"$T/stderr"
check_contains "a prefix the template does not declare" "$T/stderr" \
    "$T/undeclared.xml:2: error: the prefix co: is not declared (add xmlns:co=\"…\" to <document>) in {customer/co:hotline} [xpath]"
