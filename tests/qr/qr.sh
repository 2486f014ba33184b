# tests/qr/qr.sh — <qr> and vietqr(), end to end: the rendered page, read back
# by zbarimg at 150 dpi, is the exact payload; the code is vector squares (no
# image); bad payment data and impossible codes are errors naming the line.
. tests/lib/tap.sh
PROF=tests/qr/profile.xml REC=samples/small.xml
# zbarimg prints D-Bus complaints on some machines: only its decoded lines count.
decode() { # PDF -> the payloads on its first page, one a line, sorted
    pdftoppm -r 150 -f 1 -l 1 -png "$1" "$T/page" && zbarimg -q --raw "$T"/page-*.png 2>/dev/null |
        grep -v '^Connection' | sort
    rm -f "$T"/page-*.png
}

# The deposit of the sample quote: BIN and account from the profile (the
# account's spaces dropped by the template), 2.500.000 đồng, the purpose
# transliterated.
want='00020101021238570010A00000072701270006970436011304510003876540208QRIBFTTA5303704540725000005802VN62220818Dat coc Hoang Long6304D945'
"$HOSO" render -q -t tests/qr/pay.xml -p $PROF -o "$T/pay.pdf" $REC 2>"$T/err"
check_eq "renders a payment code (exit 0, no message)" "0:" "$?:$(cat "$T/err")"
check "qpdf --check passes" qpdf --check "$T/pay.pdf"
check_eq "zbarimg reads the exact VietQR payload at 150 dpi" "$want" "$(decode "$T/pay.pdf")"
check_eq "the code is vector squares: the PDF has no image" 2 "$(pdfimages -list "$T/pay.pdf" | wc -l)"
# (pdftotext drops the space where the line wraps: compare without spaces)
pdftotext -raw "$T/pay.pdf" - | tr -d '\n ' >"$T/pay.txt"
check_contains "the payload printed under the code is the same" "$T/pay.txt" "$(echo "$want" | tr -d ' ')"

# Every error correction level, a code without an amount, codes in table
# cells, one aligned right, Vietnamese data (ECI UTF-8): each reads back.
static='00020101021138570010A00000072701270006970436011304510003876540208QRIBFTTA53037045802VN6304'
cat >"$T/levels.xml" <<'X'
<document page="A4" margin="15mm" font="sans" size="10pt">
  <name>levels</name>
  <table columns="* 45mm">
    <tr><td><qr data="hoso L" size="20mm" level="L"/></td><td><qr data="hoso Q" size="20mm" level="Q" align="right"/></td></tr>
    <tr><td><qr data="hoso H {customer/short-name}" size="20mm" level="H"/></td><td><qr data="{vietqr($profile/bank/@bin, translate($profile/bank/@account, ' ', ''), '')}" size="40mm"/></td></tr>
  </table>
</document>
X
"$HOSO" render -q -t "$T/levels.xml" -p $PROF -o "$T/levels.pdf" $REC 2>"$T/err"
check_eq "renders codes at levels L, Q, H and one without an amount" "0:" "$?:$(cat "$T/err")"
decode "$T/levels.pdf" >"$T/levels.txt"
got=$(sed "s/^$static....\$/STATIC/" "$T/levels.txt" | tr '\n' '|')
check_eq "zbarimg reads all four, Vietnamese as UTF-8" "STATIC|hoso H Hoàng Long|hoso L|hoso Q|" "$got"
# (its CRC and fields are checked in tests/unit/test_pay.c)
check_contains "the code without an amount has point of initiation 11, no field 54" \
    "$T/levels.txt" "$static"

# The geometry: a version 1 code (21 modules) of 40mm at 20mm from the page's
# corner is 29 modules of 40/29mm with its quiet zone. Sampled at each
# module's centre at 150 dpi: the 4-module border is white, and the three
# finder patterns are where ISO/IEC 18004 puts them, just inside it.
cat >"$T/qz.xml" <<'X'
<document page="A4" margin="20mm" font="sans"><name>qz</name><qr data="hoso" size="40mm"/></document>
X
"$HOSO" render -q -t "$T/qz.xml" -p $PROF -o "$T/qz.pdf" $REC
pdftoppm -r 150 -png "$T/qz.pdf" "$T/qz"
at=$(${PYTHON:-python3} -c 'print(round(20 * 150 / 25.4), round(40 * 150 / 25.4))')
convert "$T/qz-1.png" -crop "${at#* }x${at#* }+${at% *}+${at% *}" +repage -sample '29x29!' \
    -threshold 50% -compress none pbm:- | tail -n +3 | tr -d ' \n' | fold -w 29 >"$T/qz.txt"
echo >>"$T/qz.txt"
row() { sed -n "$(($1 + 1))p" "$T/qz.txt"; }
border=$( (head -n 4 "$T/qz.txt"; tail -n 4 "$T/qz.txt"; cut -c1-4 "$T/qz.txt"; cut -c26-29 "$T/qz.txt") |
    tr -d '0\n')
check_eq "the quiet zone: 4 white modules on every side" "" "$border"
finder="1111111 1000001 1011101 1011101 1011101 1000001 1111111"
got_tl="" got_tr="" got_bl=""
for r in 0 1 2 3 4 5 6; do
    got_tl="$got_tl $(row $((4 + r)) | cut -c5-11)"
    got_tr="$got_tr $(row $((4 + r)) | cut -c19-25)"
    got_bl="$got_bl $(row $((18 + r)) | cut -c5-11)"
done
check_eq "finder pattern at the top left, 4 modules in" " $finder" "$got_tl"
check_eq "finder pattern at the top right" " $finder" "$got_tr"
check_eq "finder pattern at the bottom left" " $finder" "$got_bl"

# Errors: one line naming the file and line, exit 1, no file left.
err_case() { # NAME EXPECTED-STDERR-LINE TEMPLATE-BODY [PROFILE]
    printf '<document page="A5" margin="15mm" font="sans">\n  <name>e</name>\n%s\n</document>\n' \
        "$3" >"$T/e.xml"
    rm -f "$T/e.pdf"
    "$HOSO" render -t "$T/e.xml" -p "${4:-$PROF}" -o "$T/e.pdf" $REC >/dev/null 2>"$T/err"
    st=$?
    check_eq "$1: exit status 1" 1 "$st"
    check_eq "$1: the message" "$2" "$(grep -v ': note: ' "$T/err" | head -n 1)"
    check_eq "$1: one error" 1 "$(grep -c ': error: ' "$T/err")"
    check_eq "$1: no file left" "" "$(ls "$T/e.pdf" 2>/dev/null)"
}
E="$T/e.xml"
err_case "a BIN of 5 digits" \
    "$E:3: error: vietqr(): the bank BIN \"97043\" has 5 digits; a bank's BIN has 6 in {vietqr('97043', '0451000387654', '1000')} [vietqr]" \
    "  <qr data=\"{vietqr('97043', '0451000387654', '1000')}\"/>"
sed 's/ bin="[0-9]*"//' samples/profile.xml >"$T/nobin.xml"
err_case "a profile without the bank's BIN" \
    "$E:3: error: vietqr(): the bank BIN \"\" is empty; a payment code needs the bank's 6-digit BIN in {vietqr(\$profile/bank/@bin, \$profile/bank/@account, '1000')} [vietqr]" \
    "  <qr data=\"{vietqr(\$profile/bank/@bin, \$profile/bank/@account, '1000')}\"/>" "$T/nobin.xml"
line=$(grep -n ' account=' $PROF | cut -d: -f1)
err_case "an account written with spaces is not rewritten" \
    "$PROF:$line: error: <bank account=\"0451 000 387654\"> is not an account number as a payment code carries it: ' ' is not a digit or a letter (write the account without separators, or pass translate(account, ' .-', '')) [vietqr]" \
    "  <qr data=\"{vietqr(\$profile/bank/@bin, \$profile/bank/@account, '1000')}\"/>"
err_case "an account with a hyphen" \
    "$E:3: error: vietqr(): the account \"0451-000387654\" is not an account number as a payment code carries it: '-' is not a digit or a letter (write the account without separators, or pass translate(account, ' .-', '')) in {vietqr('970436', '0451-000387654', '1000')} [vietqr]" \
    "  <qr data=\"{vietqr('970436', '0451-000387654', '1000')}\"/>"
line=$(grep -n '<name>' $REC | head -n 1 | cut -d: -f1)
err_case "a purpose from the record too long in ASCII" \
    "$REC:$line: error: <name> \"$(sed -n "${line}s/.*<name>\(.*\)<\/name>.*/\1/p" $REC)\" is 45 characters in ASCII (\"Cong ty TNHH Thuong mai va Dich vu Hoang Long\"); a payment purpose has at most 25 [vietqr]" \
    "  <qr data=\"{vietqr('970436', '0451000387654', '1000', customer/name)}\"/>"
err_case "an amount that is not one" \
    "$E:3: error: vietqr(): \"12,5\" is not an amount in đồng in {vietqr('970436', '0451000387654', '12,5')} [amount]" \
    "  <qr data=\"{vietqr('970436', '0451000387654', '12,5')}\"/>"
err_case "an amount of 14 digits" \
    "$E:3: error: vietqr(): the amount \"10000000000000\" has more than 13 digits, the most a payment code carries in {vietqr('970436', '0451000387654', '10000000000000')} [vietqr]" \
    "  <qr data=\"{vietqr('970436', '0451000387654', '10000000000000')}\"/>"
err_case "an unknown level" \
    "$E:3: error: <qr level=\"X\">: expected L, M, Q or H [template]" \
    "  <qr data=\"x\" level=\"X\"/>"
err_case "no data" \
    "$E:3: error: <qr> needs a data attribute with something to encode [template]" \
    "  <qr data=\"{substring('x', 5)}\"/>"
err_case "a code wider than its column" \
    "$E:3: error: a 150.0mm QR code does not fit its 118.0mm column [qr]" \
    "  <qr data=\"x\" size=\"150mm\"/>"
err_case "modules too small to print" \
    "$E:3: error: a 10.0mm QR code of 57 modules (version 8 with its quiet zone) has modules of 0.18mm; it needs size=\"15mm\" at least (0.25mm a module) [qr]" \
    "  <qr data=\"$(printf '%0200d' 7)\" size=\"10mm\" level=\"H\"/>"
err_case "more data than a QR code holds" \
    "$E:3: error: this QR code has more data than the largest QR code (version 40) holds at this level (3000 bytes) [qr]" \
    "  <qr data=\"$(printf '%03000d' 7 | tr 0 a)\" level=\"H\"/>"

# The shipped acceptance minutes: the amount payable now as a VietQR code to
# the profile's account (page 2 of the small sample), none when nothing is due.
"$HOSO" render -q -t templates/acceptance.xml -p samples/profile.xml -o "$T/acc.pdf" samples/small.xml 2>"$T/err"
check_eq "the acceptance minutes render with their payment code" "0:" "$?:$(cat "$T/err")"
pdftoppm -r 150 -f 2 -l 2 -png "$T/acc.pdf" "$T/accpage"
got=$(zbarimg -q --raw "$T"/accpage-*.png 2>/dev/null | grep -v '^Connection')
check_eq "… which pays 9.500.000 đồng to BIN 970436, account 0451000387654, for contract 05/2021/HĐDV/TP-HL" \
    "00020101021238570010A00000072701270006970436011304510003876540208QRIBFTTA5303704540795000005802VN6222081805/2021/HDDV/TP-HL6304E168" "$got"
"$HOSO" render -q -t templates/acceptance.xml -p samples/profile.xml -o "$T/acc0.pdf" samples/chinh-dai.xml 2>"$T/err"
check_eq "nothing payable now (chinh-dai): no payment code" "0:0" "$?:$(pdftoppm -r 150 -png "$T/acc0.pdf" "$T/acc0" && zbarimg -q --raw "$T"/acc0-*.png 2>/dev/null | grep -vc '^Connection')"
