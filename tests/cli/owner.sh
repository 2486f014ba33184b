# tests/cli/owner.sh — a document's file is "its own" for the same record file
# and template file however the paths are spelt: `make run` (render --all,
# which names the templates "build/../templates/quote.xml") then a render of
# one of them with "templates/quote.xml" refreshes the document (it failed
# with "exists", exit 1, on the very document it made); relative or absolute,
# through a symbolic link, in a moved folder. Two different records never
# share a file: the second is an error, the first document kept.
. tests/lib/tap.sh
mkdir -p "$T/share/recs" "$T/share/other"
cp samples/small.xml "$T/share/recs/r.xml"
cp samples/small.xml "$T/share/other/r.xml"
ln -s share/recs "$T/link"
printf '<document>\n<name>{customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' \
    >"$T/share/t.xml"
quote="Báo giá tùy biến Hoàng Long (09.03.21).pdf"

"$HOSO_RELEASE" render -q --all -p samples/profile.xml -o "$T/run/" "$T/share/recs/r.xml" 2>"$T/err"
check_eq "render --all: made" "0" "$?"
"$HOSO_RELEASE" render -q --all -p samples/profile.xml -o "$T/run/" "$T/none.xml" 2>"$T/err"
check_contains "render --all: the templates found beside hoso named without \"..\"" "$T/err" \
    "$T/none.xml: error: not made with $(pwd -P)/templates/analysis.xml: the record has 1 error (above) [record]"
"$HOSO" render -t templates/quote.xml -p samples/profile.xml -o "$T/run/" "$T/share/recs/r.xml" \
    >"$T/out" 2>"$T/err"
check_eq "then render -t templates/quote.xml: the same document, refreshed" \
    "0 $T/run/$quote|" "$? $(cat "$T/out")|$(cat "$T/err")"

H=$(cd "$(dirname "$HOSO")" && pwd)/$(basename "$HOSO") # for the runs from another folder
R() { "$H" render -q -t "$1" -o "$2" "$3" 2>"$T/err"; echo "$? $(cat "$T/err")"; }
check_eq "first render: made" "0 " "$(R "$T/share/t.xml" "$T/share/o/" "$T/share/recs/r.xml")"
check_eq "relative paths: the same document" "0 " \
    "$(cd "$T" && R share/t.xml share/o/ ./share/recs/../recs/r.xml)"
check_eq "through a symbolic link to the records' folder: the same document" "0 " \
    "$(R "$T/share/t.xml" "$T/share/o/" "$T/link/r.xml")"
mv "$T/share" "$T/moved"
check_eq "the folder mounted elsewhere (moved with its records): the same document" "0 " \
    "$(R "$T/moved/t.xml" "$T/moved/o/" "$T/moved/recs/r.xml")"
check_eq "another record of the same name in another folder: exists, exit 1" \
    "1 $T/moved/o/Hoàng Long.pdf: error: a file hoso did not make for this record and template has this name; it is left as it is (--overwrite replaces it) [exists]" \
    "$(R "$T/moved/t.xml" "$T/moved/o/" "$T/moved/other/r.xml")"
"$HOSO" batch -q -t "$T/moved/t.xml" -o "$T/moved/o" "$T/moved/recs/r.xml" 2>"$T/err"
check_eq "batch over render's document, another spelling of the folder: its own, replaced" \
    "0 " "$? $(cat "$T/err")"
"$HOSO" batch -q -t "$T/moved/t.xml" -o "$T/moved/o" "$T/moved/other/r.xml" 2>"$T/err"
check_eq "batch, the other record: not its file, exit 1" "1" "$?"
check_contains "… saying so" "$T/err" "a file hoso did not make for this record and template has this name"

# one render, one record given twice in two spellings: one document, not "written twice"
"$HOSO" render -q -t "$T/moved/t.xml" -o "$T/twice/" "$T/moved/recs/r.xml" \
    "$T/moved/recs/../recs/r.xml" 2>"$T/err"
check_eq "one render, one record in two spellings: no error" "0 " "$? $(cat "$T/err")"
