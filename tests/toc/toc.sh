# tests/toc/toc.sh — <toc/>: for documents of 1 to 30 pages (the same
# template over more and more of the record's items), every entry of the
# table of contents gives the page its heading is on, although the contents
# themselves take one page or several and so move the headings
# (tests/toc/check.py reads the entries and the pages with pdftotext).
. tests/lib/tap.sh
. tests/lib/template-error.sh
PY=${PYTHON:-python3}
PROF=samples/profile.xml REC=samples/large.xml
seen=" " bad="" k=0
while [ $k -le 55 ]; do
    sed "s/COUNT/$k/" tests/toc/toc.xml >"$T/t.xml"
    if ! "$HOSO" render -q -t "$T/t.xml" -p $PROF -o "$T/t.pdf" $REC 2>"$T/err"; then
        bad="$bad $k items: $(cat "$T/err");"
        break
    fi
    p=$(pdfinfo "$T/t.pdf" | awk '/^Pages:/ {print $2}')
    case $seen in *" $p "*) k=$((k + 1)); continue ;; esac
    seen="$seen$p "
    $PY tests/toc/check.py "$T/t.pdf" >"$T/out" 2>"$T/why" || bad="$bad $k items, $p pages: $(head -n 2 "$T/why");"
    [ $p -ge 30 ] && cp "$T/t.pdf" "$T/long.pdf"
    k=$((k + 1))
done
check_eq "every entry's page is its heading's, in each document" "" "$bad"
missing=""
for p in $(seq 1 30); do case $seen in *" $p "*) ;; *) missing="$missing $p" ;; esac; done
check_eq "documents of every length from 1 to 30 pages were made" "" "$missing"
pdftotext -layout -f 1 -l 1 "$T/long.pdf" - >"$T/p1"
check "the contents have dot leaders up to the number" grep -qE '[^.] \.{10,} +[0-9]+$' "$T/p1"
contents=$(pdftotext -layout "$T/long.pdf" - | grep -c '\.\.\.\. *[0-9][0-9]*$')
check "a long document's contents take several pages ($contents entries)" test "$contents" -gt 60

# each entry is a link over its words (tests/links/annots.py) to its
# heading's page: the number printed on the entry's last line
pdftotext -bbox "$T/long.pdf" "$T/long.html"
$PY tests/links/annots.py "$T/long.pdf" "$T/long.html" >"$T/annots" 2>&1
check_eq "the entries' link rectangles are their words' boxes" 0 "$?"
wrong=$(awk '$2 == "page" && $NF ~ /^[0-9]+$/ && $(NF-1) ~ /^\.+$/ { n++; if ($3 != $NF) print } END { print n " entries" }' "$T/annots")
check_eq "every entry links to the page it prints" "$contents entries" "$wrong"

# the check itself finds a number that is not the heading's page
cat >"$T/fake.xml" <<'X'
<document page="A5" margin="15mm" font="serif" size="12pt">
  <name>fake</name>
  <p>Mục 1: Một .......................................... 3</p>
  <page-break/>
  <h2>Mục 1: Một</h2>
</document>
X
"$HOSO" render -q -t "$T/fake.xml" -p $PROF -o "$T/fake.pdf" $REC
$PY tests/toc/check.py "$T/fake.pdf" >/dev/null 2>"$T/why"
check_eq "a contents line with a wrong page number fails the check" "1:'Mục 1: Một': the contents say page 3, it is on [2]" \
    "$?:$(cat "$T/why")"

template_error "a table of contents in a footer" \
    "3: error: <toc/> is a block of the body, not of a header or footer [template]" \
    '  <footer><toc/></footer>'
printf '<document bookmarks="no">\n  <name>e</name>\n  <toc/>\n</document>\n' >"$T/nob.xml"
"$HOSO" render -q -t "$T/nob.xml" -p $PROF -o "$T/nob.pdf" $REC 2>"$T/err"
check_eq 'a table of contents with bookmarks="no": the error' \
    "1:$T/nob.xml:3: error: <toc/> lists the bookmarks, and <document bookmarks=\"no\"> makes none [template]" \
    "$?:$(cat "$T/err")"
template_error "levels out of range" '3: error: <toc levels="7">: expected a whole number from 1 to 6 [template]' \
    '  <toc levels="7"/>'
