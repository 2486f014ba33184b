# tests/amounts/vat.sh — a quote and a contract appendix say how their VAT
# was worked out, so that an accountant can recompute each figure: once per
# rate on the sum of that rate's lines (the base printed in the row), not line
# by line, half-up to the đồng. The figures here tell the ways apart: two
# lines at 10% of 1.234.567.895 and 5 đồng (on the sum: 123.456.790; line by
# line 123.456.790 + 1), one at 8% of 2.500.006 (200.000,48: 200.000).
. tests/lib/tap.sh
$PYTHON - "$T/vat.xml" <<'PY'
import re, sys
s = open("samples/small.xml", encoding="utf-8").read()
s = re.sub(r"\s*<offer .*?</offer>", "", s, flags=re.S)
lines = iter([("10", "1234567895"), ("10", "5"), ("8", "2500006")])
s = re.sub(r'<feedback feasible="yes" vat-rate="KCT">\s*<cost>\d+</cost>',
           lambda m: '<feedback feasible="yes" vat-rate="%s">\n<cost>%s</cost>' % next(lines), s)
s = s.replace("<total>9.500.000</total>", "<total>1.360.724.696</total>")
s = s.replace(">9500000</payable>", ">1360724696</payable>")
s = s.replace("<budget>15.000.000</budget>", "<budget>1.500.000.000</budget>")
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
rule="Thuế GTGT của mỗi thuế suất được tính một lần trên giá trị ghi trong ngoặc (tổng thành tiền các hạng mục cùng thuế suất), không tính riêng từng hạng mục, và làm tròn đến đồng: phần lẻ từ 0,5 đồng trở lên được làm tròn lên, dưới 0,5 đồng được bỏ đi."
for t in quote appendix; do
    "$HOSO" render -q -t templates/$t.xml -p samples/profile.xml -o "$T/$t.pdf" "$T/vat.xml" 2>"$T/err"
    check_eq "$t: renders" "0:" "$?:$(cat "$T/err")"
    pdftotext -raw "$T/$t.pdf" - 2>/dev/null | squeeze /dev/stdin >"$T/$t.txt"
    check_contains "$t: the VAT rows, each with its base" "$T/$t.txt" \
        "Cộng giá trị 3 hạng mục 1.237.067.906 Thuế GTGT 8% (trên 2.500.006) 200.000 Thuế GTGT 10% (trên 1.234.567.900) 123.456.790"
    check_contains "$t: how VAT is rounded, under the table" "$T/$t.txt" "$rule"
done

# with a discount the base is the price after it
sed 's|vat-rate="8"|vat-rate="10"|' "$T/vat.xml" |
    sed 's|<payment>Thanh|<offer by="Nguyễn Hoàng Nam" honorific="Ông" position="Giám đốc" date="2021-03-08">1.000.000.000</offer><payment>Thanh|; s|<total>1.360.724.696</total>|<total>1.100.000.000</total>|; s|>1360724696</payable>|>1100000000</payable>|' >"$T/offer.xml"
"$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/offer.pdf" "$T/offer.xml" 2>"$T/err"
check_eq "quote with an offer: renders" "0:" "$?:$(cat "$T/err")"
pdftotext -raw "$T/offer.pdf" - 2>/dev/null | squeeze /dev/stdin >"$T/offer.txt"
check_contains "quote with an offer: VAT on the offer" "$T/offer.txt" \
    "Giá trị sau giảm giá 1.000.000.000 Thuế GTGT 10% (trên 1.000.000.000) 100.000.000"
check_contains "quote with an offer: the rule says after the discount" "$T/offer.txt" \
    "(tổng thành tiền các hạng mục cùng thuế suất, sau giảm giá), không tính riêng từng hạng mục"

# every line KCT: no VAT computed, no rule printed
"$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/kct.pdf" samples/small.xml 2>"$T/err"
check_eq "an all-KCT quote: no rounding rule" "0 0" \
    "$? $(pdftotext "$T/kct.pdf" - 2>/dev/null | grep -c 'làm tròn đến đồng')"

# a deposit that is not a whole đồng of the total says it is rounded, and how
# (30% of 1.360.724.696 is 408.217.408,8); one that is whole says nothing
$PYTHON - "$T/vat.xml" "$T/dep.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("<payment>Thanh toán một lần bằng chuyển khoản, toàn bộ giá trị báo giá",
              "<payment>Tạm ứng 30% giá trị báo giá khi ký hợp đồng, phần còn lại")
s = s.replace("<timeline>", '<deposit percent="30"/>\n    <timeline>', 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
"$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/dep.pdf" "$T/dep.xml" 2>"$T/err"
check_eq "a deposit of 30%: renders" "0:" "$?:$(cat "$T/err")"
pdftotext -raw "$T/dep.pdf" - 2>/dev/null | squeeze /dev/stdin >"$T/dep.txt"
check_contains "… rounded, and it says so" "$T/dep.txt" \
    "Số tiền tạm ứng đợt 1 (30% tổng giá trị báo giá, làm tròn đến đồng: phần lẻ từ 0,5 đồng trở lên được làm tròn lên): 408.217.409 ₫"
"$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/cd.pdf" samples/chinh-dai.xml 2>"$T/err"
pdftotext -raw "$T/cd.pdf" - 2>/dev/null | squeeze /dev/stdin >"$T/cd.txt"
check_contains "a deposit that is a whole đồng: no rounding said" "$T/cd.txt" \
    "Số tiền tạm ứng đợt 1 (50% tổng giá trị báo giá): 147.500.000 ₫"
