# tests/qr/deposit.sh — the quote's deposit (<quote><deposit percent amount>):
# the quote prints its amount, a share of the computed total half-up to the
# đồng, and a VietQR code for it that zbarimg reads back, at 150 dpi, as the
# exact payload built here independently (EMVCo TLV and CRC-16/CCITT-FALSE);
# a record whose stated deposit or payment terms disagree is refused.
. tests/lib/tap.sh
PY=${PYTHON:-python3}
TPL=templates/quote.xml PROF=samples/profile.xml
payload() { # BIN ACCOUNT AMOUNT PURPOSE: the VietQR payload, computed here
    $PY - "$@" <<'P'
import sys
bin_, account, amount, purpose = sys.argv[1:]
tlv = lambda t, v: "%s%02d%s" % (t, len(v), v)
acct = tlv("00", "A000000727") + tlv("01", tlv("00", bin_) + tlv("01", account)) + tlv("02", "QRIBFTTA")
s = (tlv("00", "01") + tlv("01", "12") + tlv("38", acct) + tlv("53", "704") + tlv("54", amount)
     + tlv("58", "VN") + tlv("62", tlv("08", purpose)) + "6304")
crc = 0xFFFF
for b in s.encode("ascii"):
    crc ^= b << 8
    for _ in range(8):
        crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
        crc &= 0xFFFF
print(s + "%04X" % crc)
P
}
# decode PDF: the payloads of the page that has the code, one a line
decode() {
    for p in $(seq 1 "$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')"); do
        pdftotext -f $p -l $p "$1" - | grep -q 'Quét mã VietQR' || continue
        pdftoppm -r 150 -f $p -l $p -png "$1" "$T/page"
        zbarimg -q --raw "$T"/page-*.png 2>/dev/null | grep -v '^Connection'
        rm -f "$T"/page-*.png
    done
}
acct=$(sed -n 's/.*<bank [^>]*account="\([^"]*\)".*/\1/p' $PROF | tr -d ' .-')
bin=$(sed -n 's/.*<bank [^>]*bin="\([0-9]*\)".*/\1/p' $PROF)
# large.xml: 30% of 994.525.000 ₫; chinh-dai.xml: 50% of 295.000.000 ₫
for c in "large 298357500 298.357.500 30 BG-2021/031" "chinh-dai 147500000 147.500.000 50 BG-2021/042"; do
    set -- $c
    "$HOSO" render -q -t $TPL -p $PROF -o "$T/$1.pdf" samples/$1.xml 2>"$T/err"
    check_eq "$1: the quote renders (exit 0, no message)" "0:" "$?:$(cat "$T/err")"
    check_eq "$1: zbarimg reads the deposit's exact VietQR payload" \
        "$(payload "$bin" "$acct" "$2" "Tam ung $5")" "$(decode "$T/$1.pdf")"
    pdftotext "$T/$1.pdf" - | tr '\n' ' ' | tr -s ' ' >"$T/$1.txt"
    check_contains "$1: the quote says the deposit and its share" "$T/$1.txt" \
        "Số tiền tạm ứng đợt 1 ($4% tổng giá trị báo giá): $3 ₫"
    check_contains "$1: and the transfer's content beside the code" "$T/$1.txt" "nội dung chuyển khoản: Tạm ứng $5."
done
# small.xml pays once after the acceptance: no deposit, no code in its quote
"$HOSO" render -q -t $TPL -p $PROF -o "$T/small.pdf" samples/small.xml
check_eq "a quote without a deposit has no code and no deposit line" "" \
    "$(decode "$T/small.pdf"; pdftotext "$T/small.pdf" - | grep 'tạm ứng đợt 1')"

NB=$(printf '\302\240') # money() puts a no-break space before ₫
rec_error() { # NAME EXPECTED SED-EXPRESSION: large.xml changed so, checked
    sed "$3" samples/large.xml >"$T/r.xml"
    "$HOSO" check -t $TPL -p $PROF "$T/r.xml" >/dev/null 2>"$T/err"
    check_eq "$1: exit status 1" 1 "$?"
    check_eq "$1: the message" "$T/r.xml:$2" "$(grep -v ': note: ' "$T/err")"
}
rec_error "a stated deposit that is not 30% of the total" \
    "601: error: <deposit amount=\"298.357.000\"> is not 30% of the total 994.525.000${NB}₫: 298.357.500${NB}₫ [total]" \
    's/amount="298.357.500"/amount="298.357.000"/'
rec_error "payment terms that do not state the percentage" \
    '600: error: <payment> does not say the deposit'"'"'s 25% (<deposit percent="25">) [deposit]' \
    's/percent="30"/percent="25"/'
rec_error "a deposit without payment terms" \
    '600: error: <deposit percent="30"> needs the <payment> terms that state it [deposit]' \
    '/<payment>Thanh toán bằng chuyển khoản làm ba đợt/d'
rec_error "a deposit of 100%" \
    "601: error: <deposit percent=\"100\"> is not a deposit's share of the total (a whole percent, 1 to 99) [schema]" \
    's/percent="30"/percent="100"/'
