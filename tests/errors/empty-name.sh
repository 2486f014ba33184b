# tests/errors/empty-name.sh — a <name> that this record leaves empty (a field
# it lacks, only spaces, dots or invisible characters) is an error at the
# <name> line, with exit status 1 and no file, in render, batch and check
# alike (the name pass and the full evaluation agree); never the record's
# file name or "document.pdf" in its place. A template without <name> names
# its document by the record, in batch as in render (tests/cli/unnamed.sh).
. tests/lib/tap.sh
mkdir -p "$T/in"
sed '/<short-name>/d' samples/small.xml >"$T/in/small.xml"
printf '<document>\n<name>{customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/field.xml"
msg='error: <name> is empty for this record (""): the file name must come from the data, e.g. default(customer/short-name, customer/name) for a field a record may lack [template]'

mkdir -p "$T/r"
"$HOSO" render -q -t "$T/field.xml" -o "$T/r/" "$T/in/small.xml" 2>"$T/err"
check_eq "render, a field the record lacks: exit 1" 1 $?
check_eq "render: the message at the <name> line" "$T/field.xml:2: $msg" "$(cat "$T/err")"
check_eq "render: no file (not small.pdf)" "" "$(ls "$T/r")"

"$HOSO" batch -q -t "$T/field.xml" -o "$T/b" "$T/in/small.xml" 2>"$T/err"
check_eq "batch: exit 1" 1 $?
check_contains "batch: the same message" "$T/err" "$T/field.xml:2: $msg"
check_eq "batch: no file (not document.pdf)" "" "$(ls "$T/b" 2>/dev/null)"

"$HOSO" check -t "$T/field.xml" "$T/in/small.xml" 2>"$T/err"
check_eq "check: exit 1" 1 $?
check_contains "check: the same message" "$T/err" "$T/field.xml:2: $msg"

# only what a file name drops: spaces, dots, a zero-width space
for case in "spaces|{substring(customer/name, 1, 0)}   |   " "dots|{customer/short-name}..|.." \
    "invisible|{customer/short-name}$(printf '\342\200\213')|$(printf '\342\200\213')"; do
    what=${case%%|*}; rest=${case#*|}; pat=${rest%%|*}; val=${rest#*|}
    printf '<document>\n\n<name>%s</name>\n<p>x</p>\n</document>\n' "$pat" >"$T/$what.xml"
    "$HOSO" render -q -t "$T/$what.xml" -o "$T/r/" "$T/in/small.xml" 2>"$T/err"
    check_eq "$what only: exit 1 and the message" \
        "1 $T/$what.xml:3: error: <name> is empty for this record (\"$val\"): the file name must come from the data, e.g. default(customer/short-name, customer/name) for a field a record may lack [template]" \
        "$? $(cat "$T/err")"
done
check_eq "no file from any of them" "" "$(ls "$T/r")"

# the record has the field: named by it
"$HOSO" render -q -t "$T/field.xml" -o "$T/r/" samples/small.xml 2>"$T/err"
check_eq "a record with the field: exit 0, named by it" "0 Hoàng Long.pdf" "$? $(ls "$T/r")"

# no <name> at all: the record's name
printf '<document>\n<p>{customer/name}</p>\n</document>\n' >"$T/none.xml"
"$HOSO" batch -q -t "$T/none.xml" -o "$T/n" "$T/in/small.xml" 2>"$T/err"
check_eq "no <name>: batch names it by the record" "0 small.pdf" "$? $(ls "$T/n")"
