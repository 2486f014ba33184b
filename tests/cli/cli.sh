# tests/cli/cli.sh — the command line: help, version, usage errors, stdout.
. tests/lib/tap.sh
"$HOSO" --help >"$T/help"
check_eq "--help exits 0" 0 $?
check_contains "--help shows the usage" "$T/help" "Usage: hoso render --template FILE"
check_contains "--help explains --out" "$T/help" "--out PATH"
v=$("$HOSO" --version); check_eq "--version" "hoso 0.1.0" "$v"
"$HOSO" >/dev/null 2>"$T/err"; check_eq "no command: exit 2" 2 $?
check_contains "no command: says so" "$T/err" "hoso: no command given"
"$HOSO" render --bogus x 2>"$T/err"; check_eq "unknown option: exit 2" 2 $?
check_contains "unknown option: names it" "$T/err" "unknown option '--bogus'"
"$HOSO" render samples/small.xml 2>"$T/err"; check_eq "no template: exit 2" 2 $?
check_contains "no template: says so" "$T/err" "--template FILE (or --all) is required"
"$HOSO" render -t templates/nope.xml -o "$T/x.pdf" samples/small.xml 2>"$T/err"
check_eq "missing template file: exit 1" 1 $?
check_contains "missing template file: names it" "$T/err" "templates/nope.xml: error: cannot open"
"$HOSO" render -t templates/quote.xml -p samples/profile.xml -o "$T/x.pdf" samples/nope.xml 2>"$T/err"
check_contains "missing record: names it" "$T/err" "samples/nope.xml: error: cannot open"
"$HOSO" render -t templates/quote.xml -o "$T/x.pdf" samples/small.xml 2>"$T/err"
check_contains "template needs \$profile: says to give --profile" "$T/err" "give the company profile with --profile"
"$HOSO" render -t templates/quote.xml -p samples/profile.xml -o - samples/small.xml >"$T/out.pdf"
check_eq "--out - writes the PDF to stdout" "%PDF" "$(head -c 4 "$T/out.pdf")"
"$HOSO" render -t templates/quote.xml -p samples/profile.xml -o - <samples/small.xml - >"$T/in.pdf"
check "a record from stdin" cmp "$T/out.pdf" "$T/in.pdf"
mkdir -p "$T/dir"
p=$("$HOSO" render -t templates/quote.xml -p samples/profile.xml -o "$T/dir" samples/small.xml)
check_eq "--out DIR: file named by the template, NFC" "$T/dir/Báo giá tùy biến Hoàng Long (09.03.21).pdf" "$p"
p=$("$HOSO" render --ascii-names -t templates/quote.xml -p samples/profile.xml -o "$T/dir" samples/small.xml)
check_eq "--ascii-names: transliterated file name" "$T/dir/Bao gia tuy bien Hoang Long (09.03.21).pdf" "$p"
"$HOSO" check -t templates/quote.xml -p samples/profile.xml samples/small.xml 2>"$T/err"
check_eq "check: exit 0 for a good record" 0 $?
check_contains "check: reports the page count" "$T/err" "samples/small.xml: ok, 2 pages"
check_eq "check writes nothing" "" "$(ls "$T" | grep -v -e err -e out.pdf -e in.pdf -e dir -e help)"

# --all: every template of a folder; a document the record lacks data for is
# skipped by name, and is not a failure.
mkdir -p "$T/tdir" "$T/alldir"
cp templates/quote.xml "$T/tdir/" && cp -r templates/parts "$T/tdir/"
printf '<document>\n<require path="survey" what="the survey"/>\n<p>x</p>\n</document>\n' >"$T/tdir/needs.xml"
"$HOSO" render --all --templates "$T/tdir" -q -p samples/profile.xml -o "$T/alldir/" samples/small.xml 2>"$T/err"
check_eq "--all: exit 0 when the only problem is a missing part" 0 $?
check_contains "--all: the skipped document is named with the reason" "$T/err" \
    "skipped: samples/small.xml × $T/tdir/needs.xml: the record lacks survey (the survey)"
check_eq "--all: the documents the record has data for are written" 1 "$(ls "$T/alldir" | wc -l)"
"$HOSO" render --all --templates "$T/tdir" -q -p samples/profile.xml -o "$T/alldir/" tests/errors/bad-amount.xml 2>"$T/err"
check_eq "--all: bad data is still a failure" 1 $?
