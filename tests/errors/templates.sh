# tests/errors/templates.sh — template mistakes are errors at load, before any
# record: `hoso check -t FILE` with no record fails each case of
# tests/errors/templates/*.xml with exit status 1 and its exact message, given
# on the first line: <!-- expect: :LINE: error: TEXT --> (matched after the
# file name) or <!-- expect: PATH:LINE: … --> (a message about another file).
# Every shipped template passes, with --strict too.
. tests/lib/tap.sh
count=0
for f in tests/errors/templates/*.xml; do
    name=$(basename "$f" .xml)
    expect=$(sed -n '1s/^<!-- expect: \(.*\) -->$/\1/p' "$f")
    case $expect in :*) expect="$f$expect" ;; esac
    "$HOSO" check -t "$f" >"$T/stdout" 2>"$T/stderr"
    check_eq "$name: exit status 1" 1 "$?"
    check_contains "$name: message" "$T/stderr" "$expect"
    count=$((count + 1))
done
check "at least 30 template mistakes" test "$count" -ge 30

for t in templates/*.xml; do
    "$HOSO" check -t "$t" >"$T/stdout" 2>"$T/stderr"
    check_eq "$t passes hoso check -t without a record" "0 $t: ok" "$? $(cat "$T/stderr")"
    "$HOSO" check --strict -t "$t" >"$T/stdout" 2>"$T/stderr"
    check_eq "$t passes --strict" "0 $t: ok" "$? $(cat "$T/stderr")"
done

# The caret stands under the place where the expression went wrong.
"$HOSO" check -t tests/errors/templates/xpath-if.xml 2>"$T/stderr"
check_contains "the expression is shown" "$T/stderr" \
    'tests/errors/templates/xpath-if.xml:3: note:   if="quote and"'
check_contains "a caret under the end" "$T/stderr" \
    'tests/errors/templates/xpath-if.xml:3: note:                ^'

# Every mistake of a file is reported, not only the first.
cat >"$T/many.xml" <<'X'
<document>
  <table columns="38 *"><tr each="items/item"><td algin="center">{title}</td><td/></tr></table>
  <tabel/>
  <p>{$nowhere}</p>
</document>
X
"$HOSO" check -t "$T/many.xml" 2>"$T/stderr"
check_eq "four mistakes, four errors" 4 "$(grep -c ': error: ' "$T/stderr")"

# --strict: path steps the schemas do not define, with the nearest name.
cat >"$T/strict.xml" <<'X'
<document>
  <p>{customer/adress}</p>
  <table columns="10mm *"><tr each="items/iten"><td>{title}</td><td>{@idd}</td></tr></table>
  <p>{$profile/hotlin}</p>
</document>
X
"$HOSO" check --strict -t "$T/strict.xml" 2>"$T/stderr"
check_eq "--strict: exit status 1" 1 "$?"
check_contains "--strict: customer/adress" "$T/stderr" \
    "$T/strict.xml:2: error: the record schema has no <adress> (did you mean <address>?) in {customer/adress} [strict]"
check_contains "--strict: items/iten" "$T/stderr" \
    "$T/strict.xml:3: error: the record schema has no <iten> (did you mean <item>?) in each=\"items/iten\" [strict]"
check_contains "--strict: an attribute" "$T/stderr" \
    "$T/strict.xml:3: error: the record schema has no @idd (did you mean @id?) in {@idd} [strict]"
check_contains "--strict: the profile schema for \$profile" "$T/stderr" \
    "$T/strict.xml:4: error: the profile schema has no <hotlin>"
"$HOSO" check --no-strict -t "$T/strict.xml" 2>"$T/stderr"
check_eq "with --no-strict the same template loads" 0 "$?"
# strict is the default: a misspelt step is an error, never a blank page
"$HOSO" render -t "$T/strict.xml" -p samples/profile.xml -o "$T/strict.pdf" samples/small.xml 2>"$T/stderr"
check_eq "render without a flag: exit status 1" 1 "$?"
check_contains "render without a flag: customer/adress" "$T/stderr" \
    "$T/strict.xml:2: error: the record schema has no <adress> (did you mean <address>?) in {customer/adress} [strict]"
check_eq "render without a flag: no file" no "$([ -e "$T/strict.pdf" ] && echo yes || echo no)"
"$HOSO" render --no-strict -t "$T/strict.xml" -p samples/profile.xml -o "$T/strict.pdf" samples/small.xml 2>"$T/stderr"
check_eq "render --no-strict: made" 0 "$?"
# quotes forgotten: {status = pass} compares with an element <pass> that no record has
printf '<document>\n  <p each="acceptance/result">{@status = pass}</p>\n</document>\n' >"$T/quotes.xml"
"$HOSO" check --strict -t "$T/quotes.xml" 2>"$T/stderr"
check_contains "--strict: a string without its quotes" "$T/stderr" \
    "$T/quotes.xml:2: error: the record schema has no <pass> in {@status = pass} [strict]"
mkdir -p "$T/batch"
"$HOSO" batch -q --strict -t "$T/strict.xml" -o "$T/batch" --report "$T/report.jsonl" samples/small.xml \
    2>"$T/stderr"
check_eq "batch --strict: exit status 1" 1 "$?"
check_contains "batch --strict: the report says why" "$T/report.jsonl" "did you mean <address>?"
"$HOSO" render --strict -t "$T/strict.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/stderr"
check_eq "render --strict: exit status 1" 1 "$?"
check_contains "render --strict: the message" "$T/stderr" "did you mean <address>?"
check_eq "render --strict: no file" "" "$(ls "$T"/x.pdf* 2>/dev/null)"
"$HOSO" render --strict -q -t templates/quote.xml -p samples/profile.xml -o "$T/q.pdf" \
    samples/small.xml 2>"$T/stderr"
check_eq "render --strict of a shipped template works" "0" "$?"

# The reference is printed from the vocabulary table.
"$HOSO" help template >"$T/ref.txt"
check_eq "hoso help template: exit status 0" 0 "$?"
check_contains "the reference names <table> and its columns" "$T/ref.txt" "columns"
check_contains "the reference gives the type of align" "$T/ref.txt" "left | center | right | justify"
"$HOSO" help template --man >"$T/ref.5"
check_contains "the man page form" "$T/ref.5" ".TH HOSO-TEMPLATE 5"
"$HOSO" help template --markdown >"$T/ref.md"
check_contains "the markdown form" "$T/ref.md" '| `columns` |'
"$HOSO" help template --markdown >"$T/ref.md"
python3 - "$T/ref.md" >"$T/readme-diff" <<'P'
import sys
ref = open(sys.argv[1], encoding="utf-8").read()
s = open("docs/templates.md", encoding="utf-8").read()
a, b = "<!-- template-reference -->\n", "<!-- /template-reference -->\n"
print("same" if s[s.index(a) + len(a):s.index(b)] == ref else "differs")
P
check_eq "docs/templates.md's template reference is the table's (tools/template-reference.sh)" same \
    "$(cat "$T/readme-diff")"
