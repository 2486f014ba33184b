# tests/batch/resume-edited.sh — --resume skips a document made before only
# while its file is newer than its record, its template and the profile: a
# record put right after its document was made (an amount) is rendered again;
# it was left as it was, the old amount printed, with exit status 0.
. tests/lib/tap.sh
cp samples/small.xml "$T/r.xml"
cp samples/profile.xml samples/logo.png "$T/"
cp -r templates "$T/tpl"
B="$HOSO batch -t $T/tpl/quote.xml -p $T/profile.xml -o $T/o --report $T/r.jsonl --resume $T/r.jsonl"
pdf="$T/o/Báo giá tùy biến Hoàng Long (09.03.21).pdf"
cost() { pdftotext "$pdf" - 2>/dev/null | grep -cF "$1"; }
summary() { sed 's/;.*//' "$T/err"; }
# inputs of 2020, a document of 2021: each input edited later is dated now
old() { touch -d 2020-01-01 "$T/r.xml" "$T/profile.xml" "$T/tpl/quote.xml"; touch -d 2021-01-01 "$pdf"; }
$B "$T/r.xml" 2>"$T/err"
check_eq "first run: made" "0 1" "$? $(cost 3.500.000)"
old
$B "$T/r.xml" 2>"$T/err"
check_eq "resumed, nothing changed: done before" \
    "0 1 document: 0 made, 0 failed, 0 skipped, 1 done before" "$? $(summary)"

sed -i 's|<cost>3500000</cost>|<cost>3600000</cost>|' "$T/r.xml"
$B "$T/r.xml" 2>"$T/err"
check_eq "resumed after the record changed: made again" \
    "0 1 document: 1 made, 0 failed, 0 skipped, 0 done before" "$? $(summary)"
check_eq "… with the record's new amount" "0 1" "$(cost 3.500.000) $(cost 3.600.000)"

for f in profile.xml tpl/quote.xml; do
    old
    touch "$T/$f"
    $B "$T/r.xml" 2>"$T/err"
    check_eq "resumed after $f changed: made again" \
        "0 1 document: 1 made, 0 failed, 0 skipped, 0 done before" "$? $(summary)"
done
