# tests/batch/resume-inputs.sh — --resume skips a document only when what
# it would be made from now is what it was made from: the font files it
# embedded, the build of hoso that made it (its version and build id) and
# the options that change a document's bytes (the font folder,
# SOURCE_DATE_EPOCH, --strict) are compared as its record and template are;
# the digests the report carries are of the bytes the render read, not of
# the files after it (a file saved while the batch ran); and a document that
# read too many files to list in its worker's result is made again, never
# skipped on a list cut short. Each of these was a document left as it was,
# with the old fonts, date or bytes, and exit status 0.
. tests/lib/tap.sh
cp samples/small.xml "$T/r.xml"
cp samples/profile.xml samples/logo.png "$T/"
cp -r templates "$T/tpl"
# the fonts the tests' hoso uses, in a folder of their own (the full
# fallback fonts named where they are)
mkdir "$T/fonts" && cp build/fonts/*.ttf "$T/fonts/"
sed "s|\.\./\.\./fonts/|$PWD/fonts/|" build/fonts/families.conf >"$T/fonts/families.conf"
cp -r "$T/fonts" "$T/fonts2"
B="$HOSO batch -t $T/tpl/quote.xml -p $T/profile.xml -o $T/o --report $T/r.jsonl --resume $T/r.jsonl"
pdf="$T/o/Báo giá tùy biến Hoàng Long (09.03.21).pdf"
summary() { sed 's/;.*//' "$T/err"; }
made="0 1 document: 1 made, 0 failed, 0 skipped, 0 done before"
done_before="0 1 document: 0 made, 0 failed, 0 skipped, 1 done before"

# --- fonts and options
$B --fonts "$T/fonts" "$T/r.xml" 2>"$T/err"
check_eq "first run: made" "$made" "$? $(summary)"
check_eq "… with the serif face" "1" "$(pdffonts "$pdf" | grep -c '+LiberationSerif ')"
$B --fonts "$T/fonts" -j 2 --no-sync --timeout 100 --memory 512 "$T/r.xml" 2>"$T/err"
check_eq "resumed with other -j, --no-sync, --timeout, --memory: done before" "$done_before" \
    "$? $(summary)"
grep -q '"inputs":\[[^]]*fonts/LiberationSerif-Regular.ttf' "$T/r.jsonl"
check_eq "the report lists the font files the document embedded" "0" "$?"
cp "$T/fonts/LiberationSans-Regular.ttf" "$T/fonts/LiberationSerif-Regular.ttf"
touch -d 2020-01-01 "$T/fonts/LiberationSerif-Regular.ttf"
$B --fonts "$T/fonts" "$T/r.xml" 2>"$T/err"
check_eq "resumed after a font file it embedded was replaced (dated back): made again" "$made" \
    "$? $(summary)"
check_eq "… with the new file's face" "1 0" \
    "$(pdffonts "$pdf" | grep -c '+LiberationSans ') $(pdffonts "$pdf" | grep -c '+LiberationSerif ')"
echo "# edited" >>"$T/fonts/families.conf"
$B --fonts "$T/fonts" "$T/r.xml" 2>"$T/err"
check_eq "resumed after families.conf changed: made again" "$made" "$? $(summary)"
$B --fonts "$T/fonts2" "$T/r.xml" 2>"$T/err"
check_eq "resumed with another --fonts folder: made again" "$made" "$? $(summary)"
check_eq "… with that folder's serif face" "1" "$(pdffonts "$pdf" | grep -c '+LiberationSerif ')"
$B --fonts "$T/fonts2" "$T/r.xml" 2>"$T/err"
check_eq "the same again: done before" "$done_before" "$? $(summary)"
SOURCE_DATE_EPOCH=1600000000 $B --fonts "$T/fonts2" "$T/r.xml" 2>"$T/err"
check_eq "resumed with SOURCE_DATE_EPOCH set: made again" "$made" "$? $(summary)"
check_eq "… dated by it" "D:20200913" \
    "$(pdfinfo -rawdates "$pdf" | sed -n 's/^CreationDate: *\(D:[0-9]\{8\}\).*/\1/p')"
SOURCE_DATE_EPOCH=1600000000 $B --fonts "$T/fonts2" "$T/r.xml" 2>"$T/err"
check_eq "the same again: done before" "$done_before" "$? $(summary)"
SOURCE_DATE_EPOCH=1600000000 $B --fonts "$T/fonts2" --no-strict "$T/r.xml" 2>"$T/err"
check_eq "resumed with --no-strict: made again" "$made" "$? $(summary)"
sed -i 's/"made_with":"hoso [^;]*;/"made_with":"hoso 0.0.1;/' "$T/r.jsonl"
SOURCE_DATE_EPOCH=1600000000 $B --fonts "$T/fonts2" --no-strict "$T/r.xml" 2>"$T/err"
check_eq "a report of another hoso version: made again" "$made" "$? $(summary)"
# another build of the same version (the sanitizer build's test hook
# HOSO_TEST_BUILD_ID gives the program another build id), which may make
# other bytes from the same inputs
E="SOURCE_DATE_EPOCH=1600000000"
env $E $B --fonts "$T/fonts2" --no-strict "$T/r.xml" 2>"$T/err"
check_eq "the same build again: done before" "$done_before" "$? $(summary)"
check_eq "… the report says the build (its GNU build id)" "1" \
    "$(tail -n 1 "$T/r.jsonl" | grep -c '"made_with":"hoso [^ ;]* build [0-9a-f]\{16,\};')"
env $E HOSO_TEST_BUILD_ID=another-build $B --fonts "$T/fonts2" --no-strict "$T/r.xml" 2>"$T/err"
check_eq "resumed by another build of the same version: made again" "$made" "$? $(summary)"
check_eq "… the report says that build" "1" \
    "$(tail -n 1 "$T/r.jsonl" | grep -c '"made_with":"hoso [^ ;]* build 616e6f746865722d6275696c64;')"
env $E HOSO_TEST_BUILD_ID=another-build $B --fonts "$T/fonts2" --no-strict "$T/r.xml" 2>"$T/err"
check_eq "… and by that build again: done before" "$done_before" "$? $(summary)"

# --- a file saved between the render's read and the report (a test hook
# puts FILE.next in FILE's place right after the render)
rm -f "$T/r.jsonl"
sed 's|<cost>3500000</cost>|<cost>3600000</cost>|' "$T/r.xml" >"$T/r.xml.next"
HOSO_TEST_EDIT_AFTER_RENDER="$T/r.xml" $B "$T/r.xml" 2>"$T/err"
check_eq "the record saved while its document was made: made from what was read" "0 1 0" \
    "$? $(pdftotext "$pdf" - | grep -c 3.500.000) $(pdftotext "$pdf" - | grep -c 3.600.000)"
$B "$T/r.xml" 2>"$T/err"
check_eq "resumed: made again, the report did not pair the new record with the old PDF" "$made" \
    "$? $(summary)"
check_eq "… with the record's new amount" "0 1" \
    "$(pdftotext "$pdf" - | grep -c 3.500.000) $(pdftotext "$pdf" - | grep -c 3.600.000)"
# the template a batch parses once, in the parent, before any worker renders
sed 's|Mã số thuế:|Mã số doanh nghiệp:|' "$T/tpl/parts/letterhead.xml" >"$T/tpl/parts/letterhead.xml.next"
sed -i 's|<cost>3600000</cost>|<cost>3700000</cost>|' "$T/r.xml"
HOSO_TEST_EDIT_AFTER_RENDER="$T/tpl/parts/letterhead.xml" $B "$T/r.xml" 2>"$T/err"
check_eq "a part saved while the document was made: made with the part as read" "0 0" \
    "$? $(pdftotext "$pdf" - | grep -c 'Mã số doanh nghiệp:')"
$B "$T/r.xml" 2>"$T/err"
check_eq "resumed: made again" "$made" "$? $(summary)"
check_eq "… with the part's new text" "1" "$(pdftotext "$pdf" - | grep -c 'Mã số doanh nghiệp:')"
$B "$T/r.xml" 2>"$T/err"
check_eq "then nothing changed: done before" "$done_before" "$? $(summary)"

# --- the render pass does not validate again what the name pass validated,
# but only the same bytes: a record saved between the passes (a test hook
# puts FILE.next in FILE's place) with an element the schema does not allow
# (which the template never reads) is judged by the schema, not made
rm -f "$T/r.jsonl"
sed 's|<cost>3700000</cost>|<cost>3700000</cost><bogus>x</bogus>|' "$T/r.xml" >"$T/r.xml.next"
HOSO_TEST_EDIT_AFTER_NAMES="$T/r.xml" $B "$T/r.xml" 2>"$T/err"
check_eq "a record saved between the passes, no longer valid: not made" \
    "1 1 document: 0 made, 1 failed, 0 skipped, 0 done before" "$? $(summary | tail -1)"
check_eq "… for the schema's reason" "1" "$(grep -c 'before <bogus> in <feedback>.*\[schema\]' "$T/err")"
sed -i 's|<bogus>x</bogus>||' "$T/r.xml"
$B "$T/r.xml" 2>"$T/err"
check_eq "… and made once it is valid again" "$made" "$? $(summary)"

# --- more inputs than a worker's result line holds (128 KiB): 600 parts
# with long names; the document is made, its report says its inputs are not
# known, and --resume makes it again
long=$(printf 'a-part-with-a-long-name-%.0s' 1 2 3 4 5 6 7 8)
mkdir "$T/tpl/many"
i=0
while [ $i -lt 600 ]; do
    printf '<part><p>part %d</p></part>\n' $i >"$T/tpl/many/$long$i.xml"
    echo "  <include src=\"many/$long$i.xml\"/>"
    i=$((i + 1))
done >"$T/includes"
sed "/<include src=\"parts\/letterhead.xml\"\/>/r $T/includes" "$T/tpl/quote.xml" >"$T/tpl/many.xml"
M="$HOSO batch -t $T/tpl/many.xml -p $T/profile.xml -o $T/m --report $T/m.jsonl --resume $T/m.jsonl"
mpdf="$T/m/Báo giá tùy biến Hoàng Long (09.03.21).pdf"
$M "$T/r.xml" 2>"$T/err"
check_eq "600 parts with long names: made" "$made 1 1" \
    "$? $(summary) $(pdftotext "$mpdf" - | grep -c '^part 0$') $(pdftotext "$mpdf" - | grep -c '^part 599$')"
check_eq "… its report line says its inputs are not known" "1 ok" \
    "$(grep -c '"inputs":null' "$T/m.jsonl") $(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' "$T/m.jsonl")"
$M "$T/r.xml" 2>"$T/err"
check_eq "resumed: made again, not skipped on a list cut short" "$made" "$? $(summary)"
printf '<part><p>part 599 edited</p></part>\n' >"$T/tpl/many/${long}599.xml"
$M "$T/r.xml" 2>"$T/err"
check_eq "the last part edited, resumed: made again with it" "$made 1" \
    "$? $(summary) $(pdftotext "$mpdf" - | grep -c '^part 599 edited$')"

# --- a record edited so that its document's name changes: the name the
# report gives is of the old record; the resumed run names it anew (it
# failed with "the document's name changed while the batch ran", in every
# resumed run)
rm -f "$T/r.jsonl"
$B "$T/r.xml" 2>"$T/err"
sed -i 's|<short-name>Hoàng Long</short-name>|<short-name>Hoàng Long Mới</short-name>|' "$T/r.xml"
$B "$T/r.xml" 2>"$T/err"
check_eq "resumed after the record's name changed: made under its new name" "$made 1" \
    "$? $(summary) $(pdftotext "$T/o/Báo giá tùy biến Hoàng Long Mới (09.03.21).pdf" - | grep -c 3.700.000)"
$B "$T/r.xml" 2>"$T/err"
check_eq "then: done before" "$done_before" "$? $(summary)"

# --- a worker's result longer than the parent's line (a test hook pads
# it): that document fails, saying so; the rest of the line is not read as
# the next document's result, which is made
cp "$T/r.xml" "$T/r2.xml"
rm -rf "$T/o" "$T/r.jsonl"
HOSO_TEST_LONG_RESULT=r2.xml $B -j 1 "$T/r.xml" "$T/r2.xml" 2>"$T/err"
check_eq "a result longer than 128 KiB: that document failed, the other made" \
    "1 2 documents: 1 made, 1 failed, 0 skipped, 0 done before" "$? $(tail -n 1 "$T/err" | sed 's/;.*//')"
check_contains "… saying why" "$T/err" \
    "r2.xml: error: the worker's result was longer than 128 KiB and was stopped; the document was not made"
check_eq "… the report: one ok, one crashed" "crashed ok" \
    "$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' "$T/r.jsonl" | sort | tr '\n' ' ' | sed 's/ $//')"
$B -j 1 "$T/r.xml" "$T/r2.xml" 2>"$T/err"
check_eq "resumed: the failed one made, the other done before" \
    "0 2 documents: 1 made, 0 failed, 0 skipped, 1 done before" "$? $(tail -n 1 "$T/err" | sed 's/;.*//')"
