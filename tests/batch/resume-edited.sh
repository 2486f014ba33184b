# tests/batch/resume-edited.sh — --resume skips a document made before only
# while every file it read (its record, its template and the parts it
# includes, the profile, the images) holds the bytes it held then, whatever
# the files' times say: a record put right after its document was made (an
# amount) is rendered again; it was left as it was, the old amount printed,
# with exit status 0 (and so it was, with a time check, for an edit dated
# back by cp -p, a restored backup, git checkout or touch -d).
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
    check_eq "resumed after $f was touched, its bytes the same: done before" \
        "0 1 document: 0 made, 0 failed, 0 skipped, 1 done before" "$? $(summary)"
    old
    echo '<!-- edited -->' >>"$T/$f"
    $B "$T/r.xml" 2>"$T/err"
    check_eq "resumed after $f changed: made again" \
        "0 1 document: 1 made, 0 failed, 0 skipped, 0 done before" "$? $(summary)"
done

# An edit whose file keeps an old time (cp -p, a restored backup, git
# checkout, touch -d) was missed: the time said the document was newer.
again() { # NAME: resumed after the edit, every input dated 2020, the PDF 2021
    old
    touch -d 2020-01-01 "$T/tpl/parts/letterhead.xml" "$T/logo.png"
    $B "$T/r.xml" 2>"$T/err"
    check_eq "$1: made again" "0 1 document: 1 made, 0 failed, 0 skipped, 0 done before" \
        "$? $(summary)"
}
sed -i 's|<cost>3600000</cost>|<cost>3700000</cost>|' "$T/r.xml"
again "the record edited, then dated before its document (touch -d)"
check_eq "… with the record's new amount" "0 1" "$(cost 3.600.000) $(cost 3.700.000)"
sed -i 's|Mã số thuế:|Mã số doanh nghiệp:|' "$T/tpl/parts/letterhead.xml"
again "a part the template includes edited, dated before"
check_eq "… with the part's new text" "1" "$(cost 'Mã số doanh nghiệp:')"
cat samples/logo.png samples/logo.png >"$T/logo.png"
again "the logo replaced by other bytes, dated before"
old
touch -d 2020-01-01 "$T/tpl/parts/letterhead.xml" "$T/logo.png"
$B "$T/r.xml" 2>"$T/err"
check_eq "then nothing changed: done before" \
    "0 1 document: 0 made, 0 failed, 0 skipped, 1 done before" "$? $(summary)"
# a report written by a hoso that listed no inputs: nothing is known, the document is made again
sed -i 's/,"inputs":\[[^]]*\]//' "$T/r.jsonl"
$B "$T/r.xml" 2>"$T/err"
check_eq "a report line without the inputs: made again" \
    "0 1 document: 1 made, 0 failed, 0 skipped, 0 done before" "$? $(summary)"

# another profile, its files unchanged: not what the document was made with
sed 's|<phone>024 3562 8899</phone>|<phone>024 3562 7777</phone>|' "$T/profile.xml" >"$T/profile2.xml"
touch -d 2020-01-01 "$T/profile2.xml"
$B "$T/r.xml" 2>"$T/err"
check_eq "the same again: done before" "0 1 document: 0 made, 0 failed, 0 skipped, 1 done before" \
    "$? $(summary)"
$(echo "$B" | sed "s|-p $T/profile.xml|-p $T/profile2.xml|") "$T/r.xml" 2>"$T/err"
check_eq "resumed with another profile: made again" \
    "0 1 document: 1 made, 0 failed, 0 skipped, 0 done before" "$? $(summary)"
check_eq "… with its phone" "1" "$(cost '024 3562 7777')"
