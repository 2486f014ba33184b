# tests/pdf/optional.sh — a field the record schema lets a record leave out
# is never printed as a label followed by nothing: a request with no
# salesperson (received/sales) made the quote say "Mọi thắc mắc về báo giá,
# xin liên hệ: ." with exit status 0; it names the company, with the
# profile's phone and email. (The templates were audited by rendering
# samples/small.xml and samples/chinh-dai.xml with each optional element
# and attribute left out in turn; this was the one label left empty.)
. tests/lib/tap.sh
P=samples/profile.xml
text() { pdftotext "$1" - 2>/dev/null | tr '\n' ' ' | tr -s ' '; }
sed '/<sales /d' samples/small.xml >"$T/nosales.xml"
"$HOSO" render -t templates/quote.xml -p $P -o "$T/q.pdf" "$T/nosales.xml" >/dev/null 2>"$T/err"
check_eq "quote, no salesperson: exit 0, nothing said" "0 " "$? $(cat "$T/err")"
text "$T/q.pdf" >"$T/q.txt"
check_contains "quote, no salesperson: the company to ask, its phone and email" "$T/q.txt" \
    "Mọi thắc mắc về báo giá, xin liên hệ Công ty TNHH Phần mềm Thiên Phúc, điện thoại 024 3562 8899, email kinhdoanh@thienphucsoft.vn."
check_eq "quote, no salesperson: no label left empty" 0 "$(grep -c 'liên hệ: *\.' "$T/q.txt")"
# a profile without phone and email: the company alone
sed '/<phone>/d; /<email>/d' $P >"$T/profile.xml"
cp samples/logo.png "$T/"
"$HOSO" render -t templates/quote.xml -p "$T/profile.xml" -o "$T/q2.pdf" "$T/nosales.xml" >/dev/null 2>"$T/err"
check_eq "no salesperson, a profile without phone or email: exit 0" "0 " "$? $(cat "$T/err")"
text "$T/q2.pdf" >"$T/q2.txt"
check_contains "… the company alone" "$T/q2.txt" \
    "Mọi thắc mắc về báo giá, xin liên hệ Công ty TNHH Phần mềm Thiên Phúc. "
"$HOSO" render -t templates/quote.xml -p $P -o "$T/q3.pdf" samples/small.xml >/dev/null 2>&1
text "$T/q3.pdf" >"$T/q3.txt"
check_contains "with a salesperson: the salesperson, as before" "$T/q3.txt" "xin liên hệ: Ông Bùi Quang Thắng, điện thoại 0915 732 608, email thang.bq@thienphucsoft.vn."
