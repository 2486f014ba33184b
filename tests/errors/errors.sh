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

# Money in templates: grouped amounts, exact division with its rounding, amounts as numbers.
cat >"$T/div.xml" <<'X'
<document>
  <p each="items/item[feedback/@feasible = 'yes']">{feedback/cost} / {feedback/days} = {money(money-div(feedback/cost, feedback/days))}; {money-div(feedback/cost, feedback/days, 'down')}; {amount(feedback/cost) > 40000000}</p>
  <p>{money-div('10', '4')} {money-div('10', '4', 'down')} {money-div('-10', '4')}</p>
</document>
X
"$HOSO" render -q -t "$T/div.xml" -o "$T/div.pdf" samples/large.xml 2>"$T/stderr"
check_eq "money-div on grouped amounts: exit status 0" 0 "$?"
pdftotext "$T/div.pdf" "$T/div.txt"
check_contains "money-div rounds half-up" "$T/div.txt" "32.000.000 / 12 = 2.666.667 ₫; 2666666; false"
check_contains "amount() compares grouped amounts as numbers" "$T/div.txt" "45.000.000 / 15 = 3.000.000 ₫; 3000000; true"
check_contains "halves away from zero, 'down' towards it" "$T/div.txt" "3 2 -3"
printf '<document>\n  <p each="items/item">{money(feedback/cost div feedback/days)}</p>\n</document>\n' >"$T/nan.xml"
"$HOSO" check -t "$T/nan.xml" samples/large.xml 2>"$T/stderr"
check_eq "XPath div of grouped amounts: exit status 1" 1 "$?"
check_contains "NaN is explained" "$T/stderr" \
    "$T/nan.xml:2: error: NaN is not an amount: XPath arithmetic does not read grouped amounts (9.500.000); compute with money-add, money-sub, money-mul, money-div, or compare with amount(x) in {money(feedback/cost div feedback/days)} [amount]"
check_contains "… with the record line of the item" "$T/stderr" \
    "samples/large.xml:23: note: while at <item> (items/item[1])"
printf '<document>\n  <p>{money(10 div 3)}</p>\n</document>\n' >"$T/frac.xml"
"$HOSO" check -t "$T/frac.xml" samples/small.xml 2>"$T/stderr"
check_contains "a fraction of a đồng points to money-div" "$T/stderr" \
    "\"3.333333333333333\" is a fraction of a đồng: divide with money-div(a, n), half-up, or money-div(a, n, 'down')"

# With --all a record's errors are said once; each of its other documents fails for them in one line.
mkdir -p "$T/all"
"$HOSO" render -q --all -p samples/profile.xml -o "$T/all/" tests/errors/duplicate-item.xml 2>"$T/stderr"
check_eq "--all with a bad record: exit status 1" 1 "$?"
check_eq "--all: the record's error is printed once" 1 "$(grep -c 'item id 1 is used twice (lines 20 and 30)' "$T/stderr")"
check_eq "--all: each other document is reported failed for it" "$(($(ls templates/*.xml | wc -l) - 1))" \
    "$(grep -c '^tests/errors/duplicate-item.xml: error: not made with .*: the record has 2 errors (above) \[record\]$' "$T/stderr")"
check_eq "--all: no file" "" "$(ls "$T/all")"

# The white-space patterns of record.xsd (\S(.*\S)? and \S([\s\S]*\S)?) are
# checked in C on the way to a valid record (engine/record/trim.c); a value
# in doubt sends the record to the whole schema. Both ways agree with the
# schema: running text may span lines, a name may not; outer white space,
# in elements and attributes, is refused with the schema's message; a
# comment inside a value is the whole schema's to judge.
trim_case() { # name, expected status, expected first stderr line ("" none), sed script
    sed "$4" samples/chinh-dai.xml >"$T/trim.xml"
    "$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/trim.pdf" "$T/trim.xml" \
        2>"$T/stderr"
    check_eq "white space: $1: exit status" "$2" "$?"
    check_eq "white space: $1: message" "$3" "$(head -n 1 "$T/stderr" | sed "s|^$T/||")"
    rm -f "$T/trim.pdf"
}
trim_case "running text over two lines" 0 "" '0,/<content>Bổ sung báo cáo/s//<content>Bổ sung\n báo cáo/'
trim_case "a name over two lines" 1 \
    'trim.xml:8: error: <name> "Công ty Cổ phần\nChăn nuôi Chính Đại" is not in the form the schema allows [schema]' \
    '0,/<name>Công ty Cổ phần Chăn nuôi Chính Đại/s//<name>Công ty Cổ phần\nChăn nuôi Chính Đại/'
trim_case "a name ending in a tab" 1 \
    'trim.xml:8: error: <name> "Công ty Cổ phần Chăn nuôi Chính Đại\t" is not in the form the schema allows [schema]' \
    '0,/<name>Công ty Cổ phần Chăn nuôi Chính Đại/s//<name>Công ty Cổ phần Chăn nuôi Chính Đại\t/'
trim_case "a comment inside a name" 0 "" \
    '0,/<name>Công ty Cổ phần Chăn nuôi Chính Đại/s//<name>Công ty Cổ phần<!-- x --> Chăn nuôi Chính Đại/'
trim_case "an attribute ending in a space" 1 \
    'trim.xml:4: error: <customer-service name="Nguyễn Thị Lan "> is not in the form the schema allows [schema]' \
    's/name="Nguyễn Thị Lan"/name="Nguyễn Thị Lan "/'
trim_case "an attribute over two lines" 1 \
    'trim.xml:4: error: <customer-service name="Nguyễn Thị Lan\nX"> is not in the form the schema allows [schema]' \
    's/name="Nguyễn Thị Lan"/name="Nguyễn Thị Lan\&#10;X"/'
sed 's/<cost>14000000</<cost>12.5tr</; 0,/<name>Công ty Cổ phần Chăn nuôi Chính Đại/s//<name> Công ty Cổ phần Chăn nuôi Chính Đại/' \
    samples/chinh-dai.xml >"$T/trim.xml"
"$HOSO" render -q -t templates/quote.xml -p samples/profile.xml -o "$T/trim.pdf" "$T/trim.xml" 2>"$T/stderr"
check_eq "white space and an amount: both, in the order of the record" \
    "trim.xml:8: error: <name> \" Công ty Cổ phần Chăn nuôi Chính Đại\" is not in the form the schema allows [schema]
trim.xml:28: error: <cost> \"12.5tr\" is not an amount in đồng (digits, optionally grouped: 12500000 or 12.500.000) [schema]" \
    "$(sed "s|^$T/||" "$T/stderr" | head -n 2)"
