# tests/cli/args.sh — the command line, strictly: numbers that are not
# numbers, options after records, the argument to blame, each command's own
# --help; -j beyond the descriptors there are; render going on after the
# watchdog stops one document.
. tests/lib/tap.sh
Q=templates/quote.xml P=samples/profile.xml

# bad "OPTION VALUE" (as two words) → exit 2, the message names the option
bad() { # COMMAND OPTION VALUE EXPECTED
    out="-o $T/bad"
    [ "$1" = check ] && out=""
    # shellcheck disable=SC2086
    "$HOSO" "$1" -t $Q -p $P $out "$2" "$3" samples/small.xml >/dev/null 2>"$T/err"
    check_eq "$1 $2 $3: exit 2" 2 $?
    check_contains "$1 $2 $3: names the option" "$T/err" "hoso: $2 $3: $4"
}
bad batch --timeout abc "expected seconds"
bad batch --timeout nan "expected seconds"
bad batch --timeout inf "expected seconds"
bad batch --timeout -1 "expected seconds"
bad render --timeout 0x10 "expected seconds"
bad batch --memory inf "expected megabytes"
bad batch --memory 8 "expected megabytes"
bad check --memory 12junk "expected megabytes"
bad batch -j 3junk "expected a whole number of workers"
bad batch -j 0 "expected a whole number of workers"
bad batch -j -2 "expected a whole number of workers"
bad batch --shard 1/2junk "expected K/N"
bad batch --shard 3/2 "expected K/N"
bad batch --shard /2 "expected K/N"
check_eq "no document was made by a bad command line" "" "$(ls "$T/bad" 2>/dev/null)"

"$HOSO" render -t $Q -p $P -o "$T/d/" -rf.xml 2>"$T/err"
check_eq "-rf.xml: exit 2" 2 $?
check_contains "-rf.xml: blames that argument" "$T/err" \
    "hoso: unknown option '-r' in '-rf.xml' (a file whose name starts with '-': write ./-rf.xml, or put it after --)"
"$HOSO" render --template 2>"$T/err"
check_contains "a missing value: names the option as written" "$T/err" "hoso: option '--template' needs a value"
"$HOSO" check -j 2 -t $Q samples/small.xml 2>"$T/err"
check_eq "a batch option to check: exit 2" 2 $?
check_contains "a batch option to check: says whose it is" "$T/err" "hoso: option '-j' belongs to hoso batch, not to hoso check"

# options after the records (GNU permutation), and "--"
p=$("$HOSO" render samples/small.xml -t $Q -p $P -o "$T/perm.pdf")
check_eq "options after a record: taken as options" "$T/perm.pdf" "$p"
cp samples/small.xml "$T/-o.xml"
(cd "$T" && "$HS_SRCDIR/$HOSO" render -q -t "$HS_SRCDIR/$Q" -p "$HS_SRCDIR/$P" -o d2/ -- -o.xml)
check_eq "after --, '-o.xml' is a record" 1 "$(ls "$T/d2" | wc -l)"

# each command's --help lists its own options only
"$HOSO" render --help >"$T/h-render"
check_eq "render --help: exit 0" 0 $?
check_contains "render --help: its usage" "$T/h-render" "Usage: hoso render"
check_contains "render --help: --overwrite" "$T/h-render" "--overwrite"
check_eq "render --help: no batch options" "" "$(grep -e '--jobs' -e '--report' -e '--shard' "$T/h-render")"
"$HOSO" batch --help >"$T/h-batch"
check_contains "batch --help: its usage" "$T/h-batch" "Usage: hoso batch"
check_contains "batch --help: --shard" "$T/h-batch" "--shard K/N"
"$HOSO" check --help >"$T/h-check"
check_contains "check --help: its usage" "$T/h-check" "Usage: hoso check"
check_eq "check --help: no output or batch options" "" \
    "$(grep -e '--out' -e '--jobs' -e '--overwrite' -e '--no-sync' "$T/h-check")"
"$HOSO" help batch >"$T/h-batch2"
check "hoso help batch = hoso batch --help" cmp "$T/h-batch" "$T/h-batch2"

# more workers than descriptors: -j is lowered, named, and the work done
mkdir -p "$T/many"
for i in $(seq 30); do cp samples/small.xml "$T/many/r$i.xml"; done
(ulimit -n 40 && "$HOSO_RELEASE" batch -j 64 --no-sync -t $Q -p $P -o "$T/fd" "$T/many" 2>"$T/err")
check_eq "ulimit -n 40, -j 64: exit 0" 0 $?
check_contains "ulimit -n 40, -j 64: says -j was lowered, naming the limit" "$T/err" \
    "cannot start more worker processes: Too many open files (open files: ulimit -n is 40)"
check_eq "ulimit -n 40, -j 64: every document made" 30 "$(ls "$T/fd" | wc -l)"
# (the shell's redirection first: it needs a descriptor above 9)
(exec 2>"$T/err"; ulimit -n 6; exec "$HOSO_RELEASE" batch -j 4 -t $Q -p $P -o "$T/fd2" samples/small.xml)
check_eq "ulimit -n 6: exit 1" 1 $?
check_contains "ulimit -n 6: names the limit" "$T/err" \
    "hoso: error: cannot start a worker process: Too many open files (open files: ulimit -n is 6)"

# render of several documents: a limit stops one, the next still run (the
# large record: the template's one expression takes hours on it). libxml2's
# XPath step limit stops it at about the time limit in the release build; in
# the slower sanitizer build the watchdog may come first ("in one
# computation"), and render starts itself again for the documents left:
# either way the document is reported stopped and the others are made.
sed 's|<short-name>Trường Xuân</short-name>|<short-name>Trường Xuân Hai</short-name>|' samples/large.xml >"$T/large2.xml"
"$HOSO_RELEASE" render --timeout 1 -t tests/hostile/templates/spin.xml -t $Q -p $P -o "$T/wd/" \
    samples/large.xml "$T/large2.xml" >"$T/wd.out" 2>"$T/err"
check_eq "render, documents stopped by the time limit: exit 1" 1 $?
sed -i 's/ in one computation and was stopped/ and was stopped/' "$T/err"
check_contains "render: the stopped document is reported" "$T/err" \
    "samples/large.xml: error: took longer than 1 s and was stopped (template tests/hostile/templates/spin.xml) [limit]"
check_contains "render: so is the next record's" "$T/err" \
    "$T/large2.xml: error: took longer than 1 s and was stopped (template tests/hostile/templates/spin.xml) [limit]"
check_eq "render: the documents after each are made" \
    "Báo giá tùy biến Trường Xuân (06.04.21).pdf|Báo giá tùy biến Trường Xuân Hai (06.04.21).pdf" \
    "$(ls "$T/wd" | tr '\n' '|' | sed 's/|$//')"
check_eq "render: every file made is listed" 2 "$(wc -l <"$T/wd.out")"
