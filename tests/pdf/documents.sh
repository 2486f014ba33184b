# tests/pdf/documents.sh — the analysis form, the contract appendix, the
# acceptance minutes and the survey, from the three samples: structure, fonts,
# every string of the template and the record, the amounts, words and dates in
# their Vietnamese forms, page counts and page numbering. (The quote has its
# own script, tests/pdf/quote.sh.) Runs the sanitizer build ($HOSO).
. tests/lib/tap.sh
PROF=samples/profile.xml
PY=${PYTHON:-python3}

# render TPL REC: $T/TPL-REC.pdf; its text in content order with the page
# numbers taken out, squeezed to one line ($T/TPL-REC.flat), so that a sentence
# running over a page break reads whole; one squeezed line per page in content
# order ($T/TPL-REC.pN) and in reading order ($T/TPL-REC.lN)
render() {
    base="$T/$1-$2"
    "$HOSO" render -q -t "templates/$1.xml" -p $PROF -o "$base.pdf" "samples/$2.xml" 2>"$base.err"
    check_eq "$1 from $2: exit 0, no message" "0:" "$?:$(cat "$base.err")"
    pdftotext -raw "$base.pdf" "$base.txt" 2>"$base.pterr"
    pages=$(pdfinfo "$base.pdf" | awk '/^Pages:/ {print $2}')
    : >"$base.body"
    i=1
    while [ "$i" -le "${pages:-0}" ]; do
        pdftotext -raw -f $i -l $i "$base.pdf" "$base.r$i" 2>/dev/null
        squeeze "$base.r$i" >"$base.p$i"
        pdftotext -f $i -l $i "$base.pdf" - 2>/dev/null | squeeze /dev/stdin >"$base.l$i"
        grep -v -x -e "$i" -e "Trang $i/$pages" "$base.r$i" >>"$base.body"
        i=$((i + 1))
    done
    # a line broken after a hyphen (TP-|Pharma) joins without a space
    sed -e ':a' -e '/[[:alnum:]]-$/{N;s/-\n/-/;ba' -e '}' "$base.body" | squeeze /dev/stdin >"$base.flat"
}

# structure: qpdf, fonts embedded, no pdftotext warning, NFC text
structure() {
    base="$T/$1-$2"
    check "$1 from $2: qpdf --check passes" qpdf --check "$base.pdf"
    notemb=$(pdffonts "$base.pdf" | awk 'NR > 2 && $(NF-4) != "yes"')
    check_eq "$1 from $2: every font embedded" "" "$notemb"
    check_eq "$1 from $2: pdftotext prints no warning" "" "$(cat "$base.pterr")"
    uconv -x any-nfc <"$base.txt" >"$base.nfc"
    check "$1 from $2: the text is NFC" cmp -s "$base.txt" "$base.nfc"
}

# strings TPL REC XPATH...: every literal of the template and every record
# string the XPaths select is in the text; "profile:X" selects X in the profile
strings() {
    tpl=$1 rec=$2; shift 2
    base="$T/$tpl-$rec"
    rx="" px=""
    for x in "$@"; do
        case $x in profile:*) px="$px ${x#profile:}" ;; *) rx="$rx $x" ;; esac
    done
    { $PY tests/lib/strings.py template templates/$tpl.xml
      $PY tests/lib/strings.py record samples/$rec.xml $rx
      [ -z "$px" ] || $PY tests/lib/strings.py record $PROF $px; } >"$base.want"
    missing=$($PY tests/lib/missing.py "$base.want" "$base.flat" | head -n 8)
    check_eq "$tpl from $rec gives back every string of the template and the record" "" "$missing"
}

# says TPL REC PHRASE...
says() {
    tpl=$1 rec=$2; shift 2
    for s in "$@"; do check_contains "$tpl from $rec says: $s" "$T/$tpl-$rec.flat" "$s"; done
}

pages_of() { pdfinfo "$T/$1-$2.pdf" | awk '/^Pages:/ {print $2}'; }

# business_numbers TPL REC: "Trang X/N" on every page but the first
business_numbers() {
    n=$(pages_of "$1" "$2") bad=""
    i=1
    while [ "$i" -le "$n" ]; do
        got=$(grep -o "Trang [0-9]*/[0-9]*" "$T/$1-$2.p$i" | tr '\n' ' ')
        if [ "$i" -eq 1 ]; then want=""; else want="Trang $i/$n "; fi
        [ "$got" = "$want" ] || bad="$bad page $i: '$got' (want '$want');"
        i=$((i + 1))
    done
    check_eq "$1 from $2: Trang X/$n on every page but the first" "" "$bad"
}

# official_numbers TPL REC: Decree 30, a bare number first on every page but the first
official_numbers() {
    n=$(pages_of "$1" "$2") bad=""
    i=1
    while [ "$i" -le "$n" ]; do
        first=$(cut -d' ' -f1 <"$T/$1-$2.l$i")
        if [ "$i" -eq 1 ]; then
            case $first in [0-9]*) bad="$bad page 1 starts with '$first';" ;; esac
        elif [ "$first" != "$i" ]; then
            bad="$bad page $i starts with '$first';"
        fi
        i=$((i + 1))
    done
    check_eq "$1 from $2: page numbers at the top from page 2, none on page 1" "" "$bad"
}

# headers_repeat TPL REC HEADER: a table that goes on over a page starts it
# again with its header row: no page after the first starts with a bare row
# number, and the header is on every page but those that hold no table row
headers_repeat() {
    n=$(pages_of "$1" "$2") bad=""
    i=2
    while [ "$i" -le "$n" ]; do
        first=$(cut -d' ' -f1 <"$T/$1-$2.p$i")
        case $first in [0-9]*) bad="$bad page $i starts with row $first;" ;; esac
        i=$((i + 1))
    done
    check_eq "$1 from $2: every page that goes on with a table repeats its header ($3)" "" "$bad"
}

# ---------------- the analysis form ----------------
for rec in chinh-dai small large; do
    render analysis $rec
    structure analysis $rec
    strings analysis $rec customer/name customer/address customer/tax-code customer/contact/@name \
        items/item/title items/item/content items/item/explanation items/item/purpose \
        items/item/feedback/reason items/item/feedback/note review/benefit review/computation \
        review/comment profile:address profile:tax-code
    business_numbers analysis $rec
done
says analysis chinh-dai "PHIẾU PHÂN TÍCH YÊU CẦU TÙY BIẾN" "Mã yêu cầu: YC-2021-042" \
    "Ngày tiếp nhận: 10/06/2021" "Nguyễn Thị Lan" "Trần Văn Minh" \
    "350.000.000 ₫ (Ba trăm năm mươi triệu đồng)" "Lê Thị Thu Hằng – Trưởng phòng Kinh doanh; ngày duyệt: 14/06/2021" \
    "Phạm Ngọc Trường – Trưởng nhóm Phát triển; ngày phản hồi: 18/06/2021" \
    "14.000.000 ₫" "Cộng 21 hạng mục làm được 295.000.000 ₫ 130" \
    "Bắt đầu sau 7 ngày kể từ ngày ký hợp đồng" "ngày báo giá: 23/06/2021" \
    "trong 15 ngày kể từ ngày báo giá, tức hết ngày 08/07/2021"
says analysis small "NỘI DUNG YÊU CẦU CỦA KHÁCH HÀNG (3 hạng mục)" "Cộng 3 hạng mục làm được 10.000.000 ₫ 5"
check_eq "analysis from large runs to four pages or more" yes \
    "$([ "$(pages_of analysis large)" -ge 4 ] && echo yes || echo "no: $(pages_of analysis large)")"
headers_repeat analysis large "STT Hạng mục"
headers_repeat appendix large "STT Hạng mục và nội dung công việc"
headers_repeat acceptance large "STT Hạng mục Kết quả Ghi chú"
check_eq "analysis: a record with only its intake prints '(chưa có)' where later stages go" yes \
    "$(sed -e '/<review/,/<\/review>/d' -e '/<technical/d' -e '/<quote/,/<\/quote>/d' \
         -e '/<feedback/,/<\/feedback>/d' -e '/<contract/,/<\/acceptance>/d' samples/small.xml \
         >"$T/intake.xml" &&
       "$HOSO_RELEASE" render -q -t templates/analysis.xml -p $PROF -o "$T/intake.pdf" "$T/intake.xml" &&
       pdftotext -raw "$T/intake.pdf" - | grep -c 'chưa có' | awk '{print ($1 >= 5) ? "yes" : "no: " $1}')"

# ---------------- the contract appendix ----------------
for rec in chinh-dai small large; do
    render appendix $rec
    structure appendix $rec
    strings appendix $rec customer/name customer/address customer/tax-code customer/bank/@account \
        customer/bank/@name customer/representative/@name feasible:title feasible:content \
        feasible:feedback/note quote/payment quote/timeline profile:name profile:address \
        profile:tax-code profile:bank/@account profile:representative/@name
    official_numbers appendix $rec
    # the items are exactly the feasible ones: none of the others is listed
    $PY - "samples/$rec.xml" "$T/appendix-$rec.flat" >"$T/extra" <<'EOF'
import sys, xml.etree.ElementTree as ET, unicodedata
text = open(sys.argv[2], encoding="utf-8").read()
for it in ET.parse(sys.argv[1]).getroot().findall("items/item"):
    if it.find("feedback").get("feasible") != "yes":
        t = unicodedata.normalize("NFC", it.findtext("title"))
        if t in text: print(t)
EOF
    check_eq "appendix from $rec lists no item that cannot be done" "" "$(cat "$T/extra")"
done
says appendix chinh-dai "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
    "Hà Nội, ngày 02 tháng 7 năm 2021" "PHỤ LỤC HỢP ĐỒNG SỐ 01" \
    "(Kèm theo Hợp đồng số 27/2021/HĐDV/TP-CĐ ký ngày 02 tháng 7 năm 2021)" \
    "Căn cứ Báo giá số BG-2021/042 ngày 23 tháng 6 năm 2021" \
    "BÊN A (BÊN CUNG CẤP DỊCH VỤ): CÔNG TY TNHH PHẦN MỀM THIÊN PHÚC" \
    "BÊN B (BÊN SỬ DỤNG DỊCH VỤ): CÔNG TY CỔ PHẦN CHĂN NUÔI CHÍNH ĐẠI" \
    "Tài khoản số: 0451000387654 tại Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh Thành Công" \
    "Cộng (21 hạng mục) 130 295.000.000" "Thuế GTGT (10%) 29.500.000" "TỔNG GIÁ TRỊ PHỤ LỤC 324.500.000" \
    "Bằng chữ: Ba trăm hai mươi tư triệu năm trăm nghìn đồng." \
    "Tổng giá trị Phụ lục là 324.500.000 ₫ (Ba trăm hai mươi tư triệu năm trăm nghìn đồng), đã bao gồm thuế giá trị gia tăng 10% là 29.500.000 ₫" \
    "chậm nhất 7 ngày kể từ ngày hai bên ký Phụ lục này" "trong 12 tháng kể từ ngày ký biên bản nghiệm thu" \
    "Điều 1. Phạm vi công việc" "Điều 6. Hiệu lực của Phụ lục" \
    "lập thành 4 (bốn) bản có giá trị pháp lý như nhau, mỗi bên giữ 2 bản" \
    "ĐẠI DIỆN BÊN A GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Đặng Quốc Hưng ĐẠI DIỆN BÊN B TỔNG GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Trịnh Xuân Khải"
says appendix small "TỔNG GIÁ TRỊ PHỤ LỤC 10.000.000" "Thuế GTGT (KCT)" \
    "thuộc đối tượng không chịu thuế giá trị gia tăng" "lập thành 2 (hai) bản"
check_eq "appendix from large runs to four pages or more" yes \
    "$([ "$(pages_of appendix large)" -ge 4 ] && echo yes || echo "no: $(pages_of appendix large)")"

# ---------------- the acceptance minutes ----------------
for rec in chinh-dai small large; do
    render acceptance $rec
    structure acceptance $rec
    strings acceptance $rec customer/name acceptance/present/@name acceptance/present/@position \
        acceptance/result acceptance/conclusion profile:representative/@name
    official_numbers acceptance $rec
    # each result row names the title of the item it refers to
    $PY - "samples/$rec.xml" "$T/acceptance-$rec.flat" >"$T/rows" <<'EOF'
import sys, xml.etree.ElementTree as ET, unicodedata
n = lambda s: unicodedata.normalize("NFC", " ".join(s.split()))
text = open(sys.argv[2], encoding="utf-8").read()
root = ET.parse(sys.argv[1]).getroot()
titles = {i.get("id"): i.findtext("title") for i in root.findall("items/item")}
for k, r in enumerate(root.findall("acceptance/result"), 1):
    row = "%d %s %s" % (k, n(titles[r.get("item")]), "Đạt" if r.get("status") == "pass" else "Không đạt")
    if row not in text: print("missing row:", row)
EOF
    check_eq "acceptance from $rec: one row per result, with the item's title and đạt/không đạt" "" "$(cat "$T/rows")"
done
says acceptance chinh-dai "Số: 01/2021/BBNT/TP-CĐ" "Hưng Yên, ngày 28 tháng 9 năm 2021" \
    "BIÊN BẢN NGHIỆM THU" \
    "(Theo Hợp đồng số 27/2021/HĐDV/TP-CĐ ký ngày 02 tháng 7 năm 2021 và Phụ lục hợp đồng số 01 ký ngày 02 tháng 7 năm 2021)" \
    "Hôm nay, ngày 28 tháng 9 năm 2021, tại Hưng Yên" \
    "1. Ông/Bà Trần Văn Minh Chức vụ: Chuyên viên Kinh doanh" \
    "3. Ông/Bà Đỗ Thị Hải Yến Chức vụ: Trưởng trại gà đẻ Văn Lâm" \
    "Tổng cộng: 21 hạng mục Đạt: 20; không đạt: 1" \
    "ĐẠI DIỆN BÊN A GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Đặng Quốc Hưng ĐẠI DIỆN BÊN B TỔNG GIÁM ĐỐC"
says acceptance small "Hà Nội, ngày 22 tháng 3 năm 2021" "Tổng cộng: 3 hạng mục Đạt: 3; không đạt: 0" \
    "Bên B đồng ý nghiệm thu và đưa vào sử dụng chính thức"

# ---------------- the survey ----------------
for rec in chinh-dai small large; do
    render survey $rec
    structure survey $rec
    business_numbers survey $rec
done
strings survey chinh-dai customer/name project survey/respondent/@name survey/respondent/@position \
    survey/comment profile:address
says survey chinh-dai "PHIẾU ĐÁNH GIÁ DỊCH VỤ" "Hợp đồng: Số 27/2021/HĐDV/TP-CĐ ngày 02/07/2021" \
    "Ngày 12 tháng 10 năm 2021 NGƯỜI ĐÁNH GIÁ"
says survey small "Ngày ...... tháng ...... năm 20......"
check_eq "survey from small (no answers) names no respondent" "" \
    "$(grep -o 'Vũ Thị Mỹ Hạnh' "$T/survey-small.flat")"
