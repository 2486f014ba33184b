# tests/pdf/quote.sh — the sample quote, end to end: text, fonts, structure,
# NFD input, reproducibility, page count. Runs the sanitizer build ($HOSO).
. tests/lib/tap.sh
TPL=templates/quote.xml PROF=samples/profile.xml REC=samples/chinh-dai.xml

"$HOSO" render -q -t $TPL -p $PROF -o "$T/a.pdf" $REC 2>"$T/err"
check_eq "renders the sample quote (exit 0, no message)" "0:" "$?:$(cat "$T/err")"

check "qpdf --check passes" qpdf --check "$T/a.pdf"

pdffonts "$T/a.pdf" >"$T/fonts"
notemb=$(awk 'NR > 2 && $(NF-4) != "yes"' "$T/fonts")
check_eq "pdffonts: every font embedded" "" "$notemb"
check_contains "pdffonts: Liberation Serif is used" "$T/fonts" "LiberationSerif"

pdftotext -raw "$T/a.pdf" "$T/a.txt" 2>"$T/pt.err"
check_eq "pdftotext prints no warning (valid ToUnicode maps)" "" "$(cat "$T/pt.err")"
uconv -x any-nfc <"$T/a.txt" >"$T/a.nfc"
check "pdftotext gives NFC text" cmp -s "$T/a.txt" "$T/a.nfc"

squeeze "$T/a.txt" >"$T/a.flat"
${PYTHON:-python3} tests/lib/strings.py template $TPL >"$T/want"
${PYTHON:-python3} tests/lib/strings.py record $REC customer/name customer/address customer/tax-code \
    items/item/title feasible:content feasible:feedback/note items/item/feedback/reason \
    project quote/payment quote/timeline >>"$T/want"
${PYTHON:-python3} tests/lib/strings.py record $PROF name address tax-code >>"$T/want"
missing=$(${PYTHON:-python3} tests/lib/missing.py "$T/want" "$T/a.flat")
check_eq "pdftotext gives back every string of the template and the record" "" "$missing"

for s in "Số: BG-2021/042" "Hà Nội, ngày 23 tháng 6 năm 2021" "Đơn vị tính: đồng" \
    "Cộng giá trị 21 hạng mục 295.000.000 Thuế GTGT KCT TỔNG CỘNG THANH TOÁN 295.000.000" \
    "Bằng chữ: Hai trăm chín mươi lăm triệu đồng." \
    "KCT: sản phẩm phần mềm và dịch vụ phần mềm thuộc đối tượng không chịu thuế giá trị gia tăng theo khoản 21 Điều 5 Luật Thuế giá trị gia tăng số 13/2008/QH12" \
    "Tài khoản nhận thanh toán: Công ty TNHH Phần mềm Thiên Phúc, số tài khoản 0451000387654 tại Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh Thành Công." \
    "Tổng thời gian thực hiện 52 ngày làm việc." "4. Bảo hành: Bảo hành 12 tháng" \
    "Người liên hệ: Bà Huỳnh Thị Ngọc Quỳnh – Trưởng phòng Công nghệ thông tin" \
    "xin liên hệ: Ông Trần Văn Minh" \
    "đến hết ngày 08/07/2021" "XÁC NHẬN CỦA KHÁCH HÀNG CHÍNH ĐẠI" "ĐẠI DIỆN THIÊN PHÚC GIÁM ĐỐC" "Đặng Quốc Hưng"; do
    check_contains "the quote says: $s" "$T/a.flat" "$s"
done

pages=$(pdfinfo "$T/a.pdf" | awk '/^Pages:/ {print $2}')
check_eq "the items table runs onto further pages (5 pages: the deposit's code moves the signatures to page 5)" 5 "$pages"
check_contains "page 2 says Trang 2/5 in its footer" "$T/a.flat" "Trang 2/5"
pdftotext -raw -f 1 -l 1 "$T/a.pdf" - | squeeze /dev/stdin >"$T/p1" 2>/dev/null
check_eq "page 1 has its page number too (a multi-page business document)" "Trang 1/5" "$(grep -o 'Trang [0-9]*/[0-9]*' "$T/p1")"
pdftotext -raw -f 2 -l 2 "$T/a.pdf" - | squeeze /dev/stdin >"$T/p2" 2>/dev/null
check_contains "the header row repeats on page 2" "$T/p2" "STT Hạng mục Ngày công Thuế suất GTGT Thành tiền"

# The same record in NFD (as typed on macOS) gives the same text and pictures.
uconv -x any-nfd <$REC >"$T/nfd.xml"
check "the NFD record differs from the NFC one in bytes" sh -c "! cmp -s $REC '$T/nfd.xml'"
"$HOSO" render -q -t $TPL -p $PROF -o "$T/nfd.pdf" "$T/nfd.xml"
pdftotext -raw "$T/nfd.pdf" "$T/nfd.txt"
check "NFD record: same pdftotext output" cmp "$T/a.txt" "$T/nfd.txt"
pdftoppm -r 60 "$T/a.pdf" "$T/a" && pdftoppm -r 60 "$T/nfd.pdf" "$T/n"
same=yes
for f in "$T"/a-*.ppm; do cmp -s "$f" "$T/n-${f##*/a-}" || same="no: ${f##*/}"; done
check_eq "NFD record: same page images" yes "$same"

# Reproducible: same input, same bytes (release and sanitizer builds alike).
"$HOSO_RELEASE" render -q -t $TPL -p $PROF -o "$T/b.pdf" $REC
check "rendering twice gives byte-identical files" cmp "$T/a.pdf" "$T/b.pdf"
# The second document of a process gets fonts made without libharu's
# HPDF_Type0Font_New (render/fontres.c): the same bytes as the first.
mkdir -p "$T/alone" "$T/second"
"$HOSO_RELEASE" render -q -t $TPL -p $PROF -o "$T/alone/" $REC
"$HOSO_RELEASE" render -q -t $TPL -p $PROF -o "$T/second/" samples/small.xml $REC
name=$(cd "$T/alone" && ls)
check "the second document of a process: byte-identical to it made alone" \
    cmp "$T/alone/$name" "$T/second/$name"
SOURCE_DATE_EPOCH=1700000000 "$HOSO_RELEASE" render -q -t $TPL -p $PROF -o "$T/c.pdf" $REC
check "SOURCE_DATE_EPOCH changes the file (it is the creation date)" sh -c "! cmp -s '$T/a.pdf' '$T/c.pdf'"
pdfinfo "$T/a.pdf" >"$T/info"
check_contains "title in the PDF info (UTF-8, not mojibake)" "$T/info" "Báo giá tùy biến Chính Đại số BG-2021/042"
check_contains "author in the PDF info" "$T/info" "Công ty TNHH Phần mềm Thiên Phúc"
check_contains "creation date from the quote date" "$T/info" "2021"
