# tests/batch/names.sh — the names of a batch under --timeout: a name is
# limited by work, not by the clock, so which documents have one, and so
# every file name, is the same in every run of the same inputs — a name pass
# slowed down by the machine still counts, one past the work of --timeout
# fails the same way in every run, whatever -j or --shard split; a worker
# killed on a name is replaced and the name tried once more; a document that
# fails after its name (an <assert>) keeps its place among the names.
# Uses the sanitizer build's test hooks HOSO_TEST_SLOW_NAME (a name pass that
# sleeps 2 s, as on a very busy machine) and HOSO_TEST_KILL_NAME (a worker
# that dies on a name; with HOSO_TEST_ONCE, only the first time).
. tests/lib/tap.sh
mkdir -p "$T/in"
for x in a b c; do cp samples/small.xml "$T/in/$x.xml"; done
# a.xml's name runs away (an expression that works for hours without
# allocating, for this record only); the others' are quick. All three
# documents are called "Giấy Hoàng Long".
sed -i 's|Công ty TNHH Thương mại và Dịch vụ Hoàng Long|Công ty chậm|' "$T/in/a.xml"
cat >"$T/spin.xml" <<'EOF'
<document>
<name>Giấy {customer/short-name}{substring(count(//node()[contains(/request/customer/name, 'chậm') and count(//node()[count(//node()) > 0]) > 0]), 1, 0)}</name>
<p>{customer/name}</p>
</document>
EOF
printf '<document>\n<name>Giấy {customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/tiny.xml"

# files: "record file" lines of a report, sorted
files() { $PYTHON -c '
import json, os, sys
for l in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(l)
    print(os.path.basename(r["record"]), r["status"], os.path.basename(r["output"]))' "$1" | sort; }

# ---- a name pass slowed down past --timeout by the machine still counts ----
B="$HOSO batch -q --timeout 1 -t $T/tiny.xml"
$B -j 2 -o "$T/fast" --report "$T/fast.jsonl" "$T/in" 2>"$T/fast.err"
check_eq "tiny template: exit 0" 0 $?
HOSO_TEST_SLOW_NAME=a.xml $B -j 2 -o "$T/slow" --report "$T/slow.jsonl" "$T/in" 2>"$T/slow.err"
check_eq "a name pass that takes 2 s with --timeout 1: not stopped, exit 0" 0 $?
check_eq "the same files as without the delay (a.xml keeps the name)" \
    "$(printf 'a.xml ok Giấy Hoàng Long.pdf\nb.xml ok Giấy Hoàng Long (b).pdf\nc.xml ok Giấy Hoàng Long (c).pdf')" \
    "$(files "$T/slow.jsonl")"
check_eq "the same record→file mapping as the undelayed run" "$(files "$T/fast.jsonl")" "$(files "$T/slow.jsonl")"

# ---- a name past the work of --timeout: stopped the same way in every run ----
B="$HOSO batch -q --timeout 1 -t $T/spin.xml"
$B -j 1 -o "$T/j1" --report "$T/j1.jsonl" "$T/in" 2>"$T/j1.err"
check_eq "a runaway name: exit 1" 1 $?
check_contains "a runaway name: the error says why" "$T/j1.err" \
    "a.xml: error: its name needs more than 10 million steps of work, what --timeout 1 s allows, and was stopped (template $T/spin.xml)"
check_contains "a runaway name: status timeout in the report" "$T/j1.jsonl" \
    '"status":"timeout","output":"","pages":0,"bytes":0,'
want=$(printf 'a.xml timeout \nb.xml ok Giấy Hoàng Long.pdf\nc.xml ok Giấy Hoàng Long (c).pdf')
check_eq "-j 1: the others named as if a.xml had no name" "$want" "$(files "$T/j1.jsonl")"
$B -j 2 -o "$T/j2" --report "$T/j2.jsonl" "$T/in" 2>/dev/null
check_eq "-j 2: the same mapping" "$want" "$(files "$T/j2.jsonl")"
HOSO_TEST_SLOW_NAME=b.xml $B -j 2 -o "$T/js" --report "$T/js.jsonl" "$T/in" 2>/dev/null
check_eq "-j 2 with b.xml's name pass slowed to 2 s: the same mapping" "$want" "$(files "$T/js.jsonl")"
$B -j 1 --shard 1/2 -o "$T/sh" --report "$T/sh.jsonl" "$T/in" 2>/dev/null &
$B -j 1 --shard 2/2 -o "$T/sh" --report "$T/sh.jsonl" "$T/in" 2>/dev/null
wait
check_eq "two shards at once on one folder: the same mapping" "$want" "$(files "$T/sh.jsonl")"
check_eq "two shards: the files of the mapping, nothing else" \
    "$(printf 'Giấy Hoàng Long (c).pdf\nGiấy Hoàng Long.pdf')" "$(ls -A "$T/sh")"

# ---- a worker that dies on a name: once more in a fresh worker ----
B="$HOSO batch -q -j 2 -t $T/tiny.xml"
HOSO_TEST_KILL_NAME=a.xml HOSO_TEST_ONCE="$T/once" $B -o "$T/k1" --report "$T/k1.jsonl" "$T/in" 2>"$T/k1.err"
check_eq "a worker killed once on a name: exit 0" 0 $?
check_eq "a worker killed once on a name: the same mapping as without" "$(files "$T/fast.jsonl")" "$(files "$T/k1.jsonl")"
HOSO_TEST_KILL_NAME=a.xml $B -o "$T/k2" --report "$T/k2.jsonl" "$T/in" 2>"$T/k2.err"
check_eq "a worker that dies on a name every time: exit 1" 1 $?
check_contains "that document crashed" "$T/k2.err" \
    "a.xml: error: the worker died (signal 9: Killed); the document was not made (template $T/tiny.xml)"
check_eq "the others named as if it had no name" \
    "$(printf 'a.xml crashed \nb.xml ok Giấy Hoàng Long.pdf\nc.xml ok Giấy Hoàng Long (c).pdf')" "$(files "$T/k2.jsonl")"

# ---- a document that fails after its name keeps its place among the names ----
printf '<document>\n<name>Giấy {customer/short-name}</name>\n<assert test="customer/name != '"'"'Công ty chậm'"'"'">chậm quá</assert>\n<p>{customer/name}</p>\n</document>\n' >"$T/check.xml"
$HOSO batch -q -j 2 -t "$T/check.xml" -o "$T/as" --report "$T/as.jsonl" "$T/in" 2>"$T/as.err"
check_eq "an <assert> that fails for a.xml: exit 1" 1 $?
check_contains "an <assert> that fails: said at render" "$T/as.err" "error: chậm quá"
check_eq "a.xml keeps its name unused; the others' names as with it made" \
    "$(printf 'a.xml error \nb.xml ok Giấy Hoàng Long (b).pdf\nc.xml ok Giấy Hoàng Long (c).pdf')" "$(files "$T/as.jsonl")"
