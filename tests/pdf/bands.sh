# tests/pdf/bands.sh — headers, footers and page numbers as a reader sees
# them: no band is dropped for another, and the space before a page number
# stays.
. tests/lib/tap.sh
mkdir -p "$T/parts"
cat >"$T/parts/foot.xml" <<'X'
<part>
  <footer on="not-first"><p align="center">Trang <page-number/>/<page-count/></p></footer>
</part>
X
cat >"$T/own.xml" <<'X'
<document>
  <footer on="all"><p align="left">Bản quyền công ty</p></footer>
  <include src="parts/foot.xml"/>
  <p>một</p>
  <page-break/>
  <p>hai</p>
  <page-break/>
  <p>ba</p>
</document>
X
"$HOSO" render -q -t "$T/own.xml" -o "$T/own.pdf" samples/small.xml 2>"$T/stderr"
check_eq "a template with its own footer and a part's: exit status 0" 0 "$?"
for p in 1 2 3; do
    pdftotext -f $p -l $p "$T/own.pdf" "$T/p$p.txt"
    check_contains "page $p keeps the template's own footer on=\"all\"" "$T/p$p.txt" "Bản quyền công ty"
done
check_contains "page 2 has the part's footer too" "$T/p2.txt" "Trang 2/3"
check_contains "page 3 has the part's footer too" "$T/p3.txt" "Trang 3/3"
check_eq "page 1 has no not-first footer" "" "$(grep 'Trang' "$T/p1.txt")"

# on="first" still replaces on="all" on page 1 (a different first page).
cat >"$T/first.xml" <<'X'
<document>
  <header on="first"><p>ĐẦU TRANG MỘT</p></header>
  <header on="all"><p>ĐẦU MỌI TRANG</p></header>
  <p>một</p>
  <page-break/>
  <p>hai</p>
</document>
X
"$HOSO" render -q -t "$T/first.xml" -o "$T/first.pdf" samples/small.xml 2>"$T/stderr"
pdftotext -f 1 -l 1 "$T/first.pdf" "$T/f1.txt"
pdftotext -f 2 -l 2 "$T/first.pdf" "$T/f2.txt"
check_eq "page 1: the first-page header only" "1 0" \
    "$(grep -c 'ĐẦU TRANG MỘT' "$T/f1.txt") $(grep -c 'ĐẦU MỌI TRANG' "$T/f1.txt")"
check_eq "page 2: the all-pages header" "0 1" \
    "$(grep -c 'ĐẦU TRANG MỘT' "$T/f2.txt") $(grep -c 'ĐẦU MỌI TRANG' "$T/f2.txt")"

# "trang <page-number/>": the space before the number stays, whatever the alignment.
cat >"$T/pn.xml" <<'X'
<document>
  <footer><p align="center">trang <page-number/></p></footer>
  <p align="right">trang <page-number/></p>
  <p>trang <page-number/> của <page-count/></p>
</document>
X
"$HOSO" render -q -t "$T/pn.xml" -o "$T/pn.pdf" samples/small.xml 2>"$T/stderr"
pdftotext "$T/pn.pdf" "$T/pn.txt"
check_eq "no \"trang1\"" "" "$(grep 'trang1' "$T/pn.txt")"
check_eq "\"trang 1\" in the body and the footer" 2 "$(grep -c '^trang 1$' "$T/pn.txt")"
check_contains "\"trang 1 của 1\"" "$T/pn.txt" "trang 1 của 1"
