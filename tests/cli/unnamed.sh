# tests/cli/unnamed.sh — the file of a document whose template has no
# <name>: named by its record (its file name without ".xml") in render and in
# batch alike (batch called every one "document.pdf", then "document
# (b).pdf"). Two documents of one render that would get one name are an
# error naming both, the first one's file kept, with --overwrite too (it
# replaced the first document with exit status 0); batch makes the names
# unique, a record's own name by its template: "a (other).pdf".
. tests/lib/tap.sh
mkdir -p "$T/in"
for x in a b; do cp samples/small.xml "$T/in/$x.xml"; done
printf '<document>\n<p>{customer/name} một</p>\n</document>\n' >"$T/one.xml"
printf '<document>\n<p>{customer/name} hai</p>\n</document>\n' >"$T/two.xml"
text() { pdftotext "$1" - 2>/dev/null | tr -d '\f' | sed '/^$/d' | tr '\n' ' '; }

"$HOSO" render -q -t "$T/one.xml" -o "$T/r/" "$T/in/a.xml" "$T/in/b.xml" 2>"$T/err"
check_eq "render, two records: exit 0, each named by its record" "0 a.pdf b.pdf" \
    "$? $(ls "$T/r" | tr '\n' ' ' | sed 's/ $//')"
"$HOSO" batch -q -t "$T/one.xml" -o "$T/b" "$T/in" 2>"$T/err"
check_eq "batch, the same records: the same names" "0 a.pdf b.pdf" \
    "$? $(ls "$T/b" | tr '\n' ' ' | sed 's/ $//')"

# two templates without <name>, one record: one name for two documents
for over in "" --overwrite; do
    rm -rf "$T/r2"
    "$HOSO" render -q $over -t "$T/one.xml" -t "$T/two.xml" -o "$T/r2/" "$T/in/a.xml" 2>"$T/err"
    check_eq "render ${over:-(no --overwrite)}: two templates, one name: exit 1 and the message" \
        "1 $T/r2/a.pdf: error: this run has written the document of $T/in/a.xml × $T/one.xml under this name; $T/in/a.xml × $T/two.xml is not written over it (give the template a <name> that tells them apart, or use hoso batch, which makes names unique) [exists]" \
        "$? $(cat "$T/err")"
    check_eq "render ${over:-(no --overwrite)}: the first document kept" \
        "a.pdf|Công ty TNHH Thương mại và Dịch vụ Hoàng Long một " "$(ls "$T/r2")|$(text "$T/r2/a.pdf")"
done
"$HOSO" batch -q -t "$T/one.xml" -t "$T/two.xml" -o "$T/b2" "$T/in" 2>"$T/err"
check_eq "batch: two templates, two records: four files, unique" \
    "0 a (two).pdf|a.pdf|b (two).pdf|b.pdf" "$? $(ls "$T/b2" | tr '\n' '|' | sed 's/|$//')"
check_eq "… the template's name added to the second" \
    "Công ty TNHH Thương mại và Dịch vụ Hoàng Long hai " "$(text "$T/b2/a (two).pdf")"

# two records with the same <name> in one render, --overwrite: an error
printf '<document>\n<name>Giấy {customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/named.xml"
"$HOSO" render -q --overwrite -t "$T/named.xml" -o "$T/r3/" "$T/in/a.xml" "$T/in/b.xml" 2>"$T/err"
check_eq "render --overwrite, two records, one <name>: exit 1, the second not written" \
    "1 Giấy Hoàng Long.pdf|$T/r3/Giấy Hoàng Long.pdf: error: this run has written the document of $T/in/a.xml × $T/named.xml under this name; $T/in/b.xml × $T/named.xml is not written over it (give the template a <name> that tells them apart, or use hoso batch, which makes names unique) [exists]" \
    "$? $(ls "$T/r3")|$(cat "$T/err")"

# the same document twice: its own file, refreshed
"$HOSO" render -q -t "$T/one.xml" -o "$T/r4/" "$T/in/a.xml" "$T/in/a.xml" 2>"$T/err"
check_eq "render, one record given twice: exit 0, one file" "0 a.pdf" "$? $(ls "$T/r4")"

# a record from standard input, no <name>: document.pdf
"$HOSO" render -q -t "$T/one.xml" -o "$T/r5/" - <"$T/in/a.xml" 2>"$T/err"
check_eq "render, a record from standard input: document.pdf" "0 document.pdf" "$? $(ls "$T/r5")"
