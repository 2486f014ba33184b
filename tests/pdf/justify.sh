# tests/pdf/justify.sh — justified lines as a typesetter sets them. Vietnamese
# words are syllables, so a gap is wide only before a unit that never breaks
# (a date, a number, a name): the line above gives it words while that evens
# the two out, and a line whose gaps would still be over three spaces is set
# flush left with its natural spaces (it showed holes of one to fifteen ems:
# "– Căn cứ   Biên   bản   nghiệm   thu   số   01/2021/BBNT/TP-CĐ"). A line
# before a forced break or at a paragraph's end is never stretched, and
# nowrap() text is never broken, not even at its hyphen ("TP-" / "CĐ").
# Each line below: its text | its widest gap in tenths of the font size (3: a
# natural space) | how far it stops short of the page's longest line, pt.
. tests/lib/tap.sh
lines() { $PYTHON tests/lib/lines.py "$1"; }
full='<p align="justify">Bên A thực hiện cho Bên B các hạng mục tùy biến phần mềm thuộc dự án quản lý bán hàng của Bên B theo các điều khoản của hợp đồng đã ký giữa hai bên.</p>'
# para WIDTH NAME: a justified paragraph WIDTH mm wide whose last words are a
# name that never breaks, under a full one (the margin)
para() {
    printf '<document page="A4" margin="15mm" font="serif" size="12pt">\n  %s\n  <p align="justify" indent-right="%smm">Chuyển tự động chứng từ bán hàng, mua hàng, thu chi và công nợ sang phần mềm kế toán của {nowrap(%s)} trong ngày làm việc kế tiếp.</p>\n%s</document>\n' \
        "$full" $((180 - $1)) "'$2'" "${3:-}"
}

# a line left short by a name that never breaks takes a word from the line
# above: the widest gap 0.6 em, not 0.8 ("thu" stayed above)
para 92 "Trường Xuân" >"$T/even.xml"
"$HOSO" render -q -t "$T/even.xml" -o "$T/even.pdf" samples/small.xml 2>"$T/err"
check_eq "evened out: exit 0" "0:" "$?:$(cat "$T/err")"
check_eq "evened out: a word down, both lines justified" \
    "Chuyển tự động chứng từ bán hàng, mua hàng,|6|249
thu chi và công nợ sang phần mềm kế toán của|6|249
Trường Xuân trong ngày làm việc kế tiếp.|3|308" "$(lines "$T/even.pdf" | sed -n '3,5p')"

# a line that cannot be evened out: flush left with natural spaces (it had
# gaps of 1.7 em), and so is a basis line before a date that never breaks
# (1.3 em)
para 62 "Trường Xuân" "  <p align=\"justify\" first-indent=\"10mm\" indent-right=\"40mm\">– Căn cứ Biên bản nghiệm thu số {nowrap('01/2021/BBNT/TP-CĐ')} {nowrap(date('2021-09-28', 'long'))}, tại Hà Nội.</p>
" >"$T/flush.xml"
"$HOSO" render -q -t "$T/flush.xml" -o "$T/flush.pdf" samples/small.xml 2>"$T/err"
check_eq "too wide to justify: exit 0" "0:" "$?:$(cat "$T/err")"
check_eq "too wide to justify: flush left, every gap a space" \
    "Chuyển tự động chứng từ bán hàng,|3|334
mua hàng, thu chi và công nợ sang|4|334
phần mềm kế toán của|3|402
Trường Xuân trong ngày làm việc|5|334
kế tiếp.|3|475
– Căn cứ Biên bản nghiệm thu số 01/2021/BBNT/TP-CĐ|3|206
ngày 28 tháng 9 năm 2021, tại Hà Nội.|3|324" "$(lines "$T/flush.pdf" | sed -n '3,9p')"
# nowrap() text that fits on a line is never broken, at its hyphen neither
printf '<document page="A5" margin="15mm" font="serif">\n  <p align="justify">– Căn cứ Biên bản nghiệm thu số {nowrap(%s)}.</p>\n</document>\n' \
    "'01/2021/BBNT/TP-CĐ ngày 28 tháng 9 năm 2021'" >"$T/hyphen.xml"
"$HOSO" render -q -t "$T/hyphen.xml" -o "$T/hyphen.pdf" samples/small.xml 2>"$T/err"
check_eq "nowrap() with a hyphen: on one line, whole (it was cut after TP-)" \
    "0 01/2021/BBNT/TP-CĐ ngày 28 tháng 9 năm 2021." \
    "$? $(pdftotext "$T/hyphen.pdf" - | sed -n 2p)"

# before a forced break and at the end: natural spaces
printf '<document page="A5" margin="15mm" font="serif">\n  <p align="justify">Căn cứ một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám chín mười một hai<br/>Căn cứ hai ba bốn.</p>\n</document>\n' >"$T/br.xml"
"$HOSO" render -q -t "$T/br.xml" -o "$T/br.pdf" samples/small.xml 2>"$T/err"
check_eq "a line before <br/> and the last line: not stretched" \
    "Căn cứ một hai ba bốn năm sáu bảy tám chín mười một hai ba|3|0
bốn năm sáu bảy tám chín mười một hai|3|125
Căn cứ hai ba bốn.|3|237" "$(lines "$T/br.pdf")"
