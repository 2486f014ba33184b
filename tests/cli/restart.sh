# tests/cli/restart.sh — render remembers the files it has written, so that
# a second document of one run never replaces the first (with --overwrite
# too); the list was lost when the --timeout watchdog started the process
# again (execv) past a stopped document, and a document after the new start
# replaced one written before it, exit status 1 only for the stopped one.
# (HOSO_TEST_HANG, a test hook of the sanitizer build: the document of that
# record hangs where nothing allocates, as one XPath expression can.)
. tests/lib/tap.sh
cp samples/small.xml "$T/a.xml"
cp samples/small.xml "$T/hang.xml"
sed 's|<name>Công ty TNHH Thương mại và Dịch vụ Hoàng Long</name>|<name>Công ty Bình Minh</name>|' \
    samples/small.xml >"$T/b.xml"
printf '<document>\n<name>one name</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/t.xml"
HOSO_TEST_HANG=hang.xml "$HOSO" render -q --overwrite --timeout 1 -t "$T/t.xml" -o "$T/o/" \
    "$T/a.xml" "$T/hang.xml" "$T/b.xml" 2>"$T/err"
check_eq "a document after the watchdog's new start, the name of one before: exit 1, both said" \
    "1|$T/hang.xml: error: took longer than 1 s in one computation and was stopped (template $T/t.xml) [limit]
$T/o/one name.pdf: error: this run has written the document of $T/a.xml × $T/t.xml under this name; $T/b.xml × $T/t.xml is not written over it (give the template a <name> that tells them apart, or use hoso batch, which makes names unique) [exists]" \
    "$?|$(cat "$T/err")"
check_eq "… the first document kept" "Công ty TNHH Thương mại và Dịch vụ Hoàng Long" \
    "$(pdftotext "$T/o/one name.pdf" - 2>/dev/null | sed '/^$/d' | tr -d '\f')"
# the same record again after the new start is its own document: refreshed
HOSO_TEST_HANG=hang.xml "$HOSO" render -q --timeout 1 -t "$T/t.xml" -o "$T/o2/" \
    "$T/a.xml" "$T/hang.xml" "$T/a.xml" 2>"$T/err"
check_eq "the same record after the new start: its own file, only the stopped one fails" \
    "1|$T/hang.xml: error: took longer than 1 s in one computation and was stopped (template $T/t.xml) [limit]" \
    "$?|$(cat "$T/err")"
