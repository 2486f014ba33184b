# tests/errors/errors.sh — bad records fail with "FILE:LINE: error: …" and
# leave no file behind. Each tests/errors/*.xml starts with the expected
# message: <!-- expect: :LINE: error: TEXT -->, matched after the file name.
. tests/lib/tap.sh
for f in tests/errors/*.xml; do
    name=$(basename "$f" .xml)
    expect=$(sed -n '1s/^<!-- expect: \(.*\) -->$/\1/p' "$f")
    rm -f "$T"/*
    "$HOSO" render -t templates/quote.xml -p samples/profile.xml -o "$T/out.pdf" "$f" \
        >"$T/stdout" 2>"$T/stderr"
    status=$?
    check_eq "$name: exit status 1" 1 "$status"
    check_contains "$name: message" "$T/stderr" "$f$expect"
    left=$(ls -A "$T" | grep -v '^std' || true)
    check_eq "$name: no output file left behind" "" "$left"
done

# Several records: the bad one fails, the good ones are still written.
mkdir -p "$T/batch"
"$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/batch/" \
    samples/small.xml tests/errors/bad-amount.xml samples/chinh-dai.xml 2>"$T/stderr"
check_eq "a bad record among good ones: exit status 1" 1 "$?"
check_eq "a bad record among good ones: the good ones are written" 2 "$(ls "$T/batch" | wc -l)"

# A template error names the template file and line.
cat >"$T/bad.xml" <<'X'
<document>
  <p>Tổng: {money(quote/total}</p>
</document>
X
"$HOSO" render -t "$T/bad.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/stderr"
check_eq "XPath syntax error: exit status 1" 1 "$?"
check_contains "XPath syntax error: names the template line" "$T/stderr" "$T/bad.xml:2: error:"
cat >"$T/bad2.xml" <<'X'
<document>
  <table columns="10mm *"><tr><td>a</td></tr></table>
</document>
X
"$HOSO" render -t "$T/bad2.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/stderr"
check_contains "a row with too few cells: names the template line" "$T/stderr" \
    "$T/bad2.xml:2: error: this row has 1 cell but the table has 2 columns"
cat >"$T/bad3.xml" <<'X'
<document>
  <p>{money(customer/name)}</p>
</document>
X
"$HOSO" render -t "$T/bad3.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/stderr"
check_contains "money() of a record field that is no amount: names the record line" \
    "$T/stderr" 'samples/small.xml:8: error: <name> "Công ty TNHH Thương mại và Dịch vụ Hoàng Long" is not an amount in đồng'
check_contains "… with a note at the template line" "$T/stderr" "$T/bad3.xml:2: note: used by {money(customer/name)}"
check_eq "no file after template errors" "" "$(ls "$T"/x.pdf* 2>/dev/null)"

# XPath errors name what is wrong, and nothing of libxml2's own reaches stderr
printf '<document>\n  <p>{money-total(items/item/feedback/cost)}</p>\n</document>\n' >"$T/bad4.xml"
"$HOSO" render -t "$T/bad4.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/stderr"
check_contains "an unknown function is named" "$T/stderr" \
    "$T/bad4.xml:2: error: unknown function money-total() in {money-total(items/item/feedback/cost)}"
check_eq "only hoso's lines on stderr" "" "$(grep -v ': error: ' "$T/stderr")"
printf '<document>\n  <p>{$nowhere}</p>\n</document>\n' >"$T/bad5.xml"
"$HOSO" render -t "$T/bad5.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/stderr"
check_contains "an undefined variable is said so" "$T/stderr" \
    "$T/bad5.xml:2: error: unknown variable \$nowhere in {\$nowhere}"
