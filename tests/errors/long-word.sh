# tests/errors/long-word.sh — a word wider than its column is never broken
# between its characters ("M/ư/ờ/i" down a 5 mm column read as other
# words): it is drawn smaller to fit, down to shrink-min (70 % by default),
# as an amount is; past that it is an error at the template's line naming
# the word and the line's width, exit status 1, no PDF.
. tests/lib/tap.sh
printf '<document page="A5">\n  <name>w</name>\n  <table columns="5mm *"><tr><td>Mười hai</td><td>x</td></tr></table>\n</document>\n' >"$T/narrow.xml"
"$HOSO" render -q -t "$T/narrow.xml" -o "$T/narrow.pdf" samples/small.xml 2>"$T/err"
check_eq "a word in a 5 mm column: exit 1, the error at the table's line" \
    "1 $T/narrow.xml:3: error: \"Mười\" is 29.1 pt wide and a word is never broken, but its line is 6.2 pt: it would have to shrink to 21 %, below the 70 % floor (widen the column, or set shrink-min) [layout]" \
    "$? $(cat "$T/err")"
check_eq "… and no PDF" "" "$(ls "$T/narrow.pdf" 2>/dev/null)"

# from the record: the record's line is named too
printf '<document page="A5">\n  <table columns="5mm *"><tr><td>{customer/short-name}</td><td>x</td></tr></table>\n</document>\n' >"$T/field.xml"
line=$(grep -n '<short-name>' samples/small.xml | cut -d: -f1)
"$HOSO" check -t "$T/field.xml" samples/small.xml 2>"$T/err"
check_eq "a record's word: exit 1, the field and its record line named" \
    "1 $T/field.xml:2: error: \"Hoàng\" (customer/short-name, samples/small.xml:$line) is 34.6 pt wide and a word is never broken, but its line is 6.2 pt: it would have to shrink to 18 %, below the 70 % floor (widen the column, or set shrink-min) [layout]" \
    "$? $(cat "$T/err")"

# a little too wide: shrunk, whole; with shrink-min low enough, much too
printf '<document page="A5">\n  <table columns="10.5mm *"><tr><td>Mười hai</td><td>x</td></tr></table>\n  <table columns="5mm *" shrink-min="20%%"><tr><td>Ba</td><td>Mười</td></tr></table>\n  <table columns="5mm *" shrink-min="20%%"><tr><td>Mười</td><td>y</td></tr></table>\n</document>\n' >"$T/fit.xml"
"$HOSO" render -q -t "$T/fit.xml" -o "$T/fit.pdf" samples/small.xml 2>"$T/err"
check_eq "shrunk to fit: exit 0" "0 " "$? $(cat "$T/err")"
pdftotext "$T/fit.pdf" "$T/fit.txt"
check_eq "every word whole (never M / ư / ờ / i)" "Mười hai Ba Mười Mười y" "$(tr -s ' \n\f' '  ' <"$T/fit.txt" | sed 's/ x / /; s/^ //; s/ $//')"
