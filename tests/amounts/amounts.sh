# tests/amounts/amounts.sh — an amount is one unbreakable unit: never split
# inside, shrunk to fit its cell down to a floor, an error past it.
. tests/lib/tap.sh
PY=${PYTHON:-python3}
PROF=samples/profile.xml

# record FILE ITEM1 ITEM2 ITEM3 TOTAL: the small sample with these amounts
record() {
    sed "s|<cost>3500000</cost>|<cost>$2</cost>|; s|<cost>4000000</cost>|<cost>$3</cost>|
         s|<cost>2500000</cost>|<cost>$4</cost>|; s|<total>10.000.000</total>|<total>$5</total>|
         s|<budget>15.000.000</budget>|<budget>$5</budget>|" samples/small.xml >"$1"
}
# words FILE.pdf: "yMin height word" for every word of every page
words() {
    pdftotext -bbox "$1" - | sed -n 's|.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)">\(.*\)</word>|\1 \2 \3|p' |
        awk '{ printf "%.1f %.2f %s\n", $1, $2 - $1, $3 }'
}

record "$T/huge.xml" 999999999999997 1 1 999.999.999.999.999
record "$T/large.xml" 999999999997 1 1 999.999.999.999
for t in templates/*.xml; do
    name=$(basename "$t" .xml)
    for size in huge large; do
        "$HOSO" render -q -t "$t" -p $PROF -o "$T/$name-$size.pdf" "$T/$size.xml" 2>"$T/$name-$size.err"
        check_eq "$name, $size amounts: renders" "0:" "$?:$(cat "$T/$name-$size.err")"
        words "$T/$name-$size.pdf" >"$T/$name-$size.words"
    done
    # Every amount whole, its ₫ on its line: a word of digit groups is a
    # whole amount, and the word after it (if it is ₫) has its baseline.
    bad=$(awk '
        $3 ~ /^[0-9]{1,3}(\.[0-9]{3})*$/ { y = $1; w = $3; next }
        $3 == "₫" && w != "" && $1 != y { print "₫ of " w " on another line" }
        { w = "" }' "$T/$name-huge.words"
        grep -E ' [0-9.]*9{3}\.9{2}?$| ^9{1,2}\.' "$T/$name-huge.words" | grep -vE ' 999\.999\.999\.999\.99[79]$')
    check_eq "$name: 999.999.999.999.999 ₫ never split, its ₫ on its line" "" "$bad"
    cnt=$(grep -cE ' 999\.999\.999\.999\.99[79]$' "$T/$name-huge.words")
    case $name in
    quote|analysis|appendix) [ "$cnt" -ge 2 ] && ok "$name: prints the huge amounts whole ($cnt)" ||
        not_ok "$name: prints the huge amounts whole" "found $cnt" ;;
    esac
    # 999.999.999.999 ₫ fits the money columns at the text's own size: each
    # amount is as tall as some word of the page that is not an amount (a
    # shrunk one is of a size no other text has; its ₫ shrinks with it).
    small=$($PY - "$T/$name-large.words" <<'PYEOF'
import re, sys
rows = [l.rstrip("\n").split(" ", 2) for l in open(sys.argv[1], encoding="utf-8")]
amount = re.compile(r"999\.999\.999\.99[79]")
heights = {h for y, h, w in rows if not amount.fullmatch(w) and not w.startswith("₫")}
print(" ".join(w for y, h, w in rows if amount.fullmatch(w) and h not in heights))
PYEOF
)
    check_eq "$name: 999.999.999.999 ₫ at its normal size (not shrunk)" "" "$small"
done

# past the floor: one error a cell, naming the amount's record line; no break
rm -rf "$T/tpl" && cp -r templates "$T/tpl"
sed -i "s/<table columns=\"11mm \* 16mm 17mm 32mm\"/<table shrink-min=\"95%\" columns=\"11mm * 16mm 17mm 32mm\"/" "$T/tpl/quote.xml"
"$HOSO" render -q -t "$T/tpl/quote.xml" -p $PROF -o "$T/floor.pdf" "$T/huge.xml" 2>"$T/floor.err"
st=$?
line=$(grep -n "<cost>999999999999997</cost>" "$T/huge.xml" | cut -d: -f1)
check_eq "shrink-min=95%: exit 1, no PDF" "1:no" "$st:$([ -e "$T/floor.pdf" ] && echo yes || echo no)"
tline=$(grep -n "{money(feedback/cost, 'none')}" "$T/tpl/quote.xml" | cut -d: -f1)
check_contains "shrink-min=95%: the error is at the template's cell" "$T/floor.err" \
    "$T/tpl/quote.xml:$tline: error: \"999.999.999.999.997"
check_contains "shrink-min=95%: ... names the field and its record line, and says why" "$T/floor.err" \
    "(items/item[1]/feedback/cost, $T/huge.xml:$line) is 102.0 pt wide and must not be broken, but its line is 82.7 pt: it would have to shrink to 81 %, below the 95 % floor"
check_eq "shrink-min=95%: one error an amount (the item, the subtotal, the total)" 3 "$(wc -l <"$T/floor.err")"
sed -i 's|shrink-min="95%"|shrink-min="5"|' "$T/tpl/quote.xml"
"$HOSO" render -q -t "$T/tpl/quote.xml" -p $PROF -o "$T/floor.pdf" "$T/huge.xml" 2>"$T/floor.err"
check_contains "shrink-min=\"5\" is refused" "$T/floor.err" "shrink-min=\"5\">: expected a percentage from 10% to 100%"
