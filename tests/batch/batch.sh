# tests/batch/batch.sh — hoso batch: bad records reported and the rest made,
# a worker killed mid-record, a timeout, a SIGKILLed batch resumed to
# completion, shards, and the JSON Lines report checked field by field.
# Uses the sanitizer build's test hooks (HOSO_TEST_KILL, HOSO_TEST_HANG).
. tests/lib/tap.sh
B="$HOSO batch -q -t templates/quote.xml -p samples/profile.xml"

# Good, malformed and glyph-missing records together.
$B -j 2 -o "$T/o1" --report "$T/r1.jsonl" samples/chinh-dai.xml samples/small.xml \
    tests/errors/malformed.xml tests/errors/glyph.xml 2>"$T/err1"
check_eq "bad records: exit status 1" 1 $?
check_eq "bad records: the good ones are made" 2 "$(ls "$T/o1" | wc -l)"
check_contains "malformed record reported with file:line" "$T/err1" "tests/errors/malformed.xml:64: error: Opening and ending tag mismatch"
check_contains "glyph-missing record reported with file:line" "$T/err1" "tests/errors/glyph.xml:8: error: U+4E2D"
python3 - "$T/r1.jsonl" >"$T/json1" 2>&1 <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by = {r["record"]: r for r in rows}
assert len(rows) == 4, rows
for r in rows:
    assert set(r) >= {"record", "template", "status", "output", "pages", "bytes", "ms"}, r
    assert r["template"] == "templates/quote.xml" and r["ms"] > 0, r
ok = by["samples/chinh-dai.xml"]
assert ok["status"] == "ok" and ok["pages"] == 5 and ok["bytes"] > 1000, ok
assert ok["output"].endswith("Báo giá tùy biến Chính Đại (23.06.21).pdf"), ok
import os; assert os.path.getsize(ok["output"]) == ok["bytes"], ok
bad = by["tests/errors/glyph.xml"]
assert bad["status"] == "error" and bad["output"] == "" and bad["pages"] == 0, bad
assert bad["error"] == {"file": "tests/errors/glyph.xml", "line": 8, "code": "glyph",
    "message": "U+4E2D '中' in customer/name: no font of family 'serif' or its fallbacks has it"}, bad
mal = by["tests/errors/malformed.xml"]
assert mal["error"]["line"] == 64 and mal["error"]["code"] == "xml", mal
print("fine")
PY
check_eq "the JSON Lines report, field by field" fine "$(tail -n 1 "$T/json1")"

# A worker killed mid-record, and one that hangs: reported, the batch goes on.
HOSO_TEST_KILL=small.xml $B -o "$T/o2" --report "$T/r2.jsonl" samples/small.xml samples/chinh-dai.xml 2>"$T/err2"
check_eq "killed worker: exit status 1" 1 $?
check_contains "killed worker: reported" "$T/err2" "samples/small.xml: error: the worker died (signal 9"
check_contains "killed worker: status in the report" "$T/r2.jsonl" '"status":"crashed"'
check_eq "killed worker: the other record is made" 1 "$(ls "$T/o2" | wc -l)"
start=$(date +%s)
HOSO_TEST_HANG=small.xml $B --timeout 1 -o "$T/o3" --report "$T/r3.jsonl" samples/small.xml samples/chinh-dai.xml 2>"$T/err3"
check_eq "timeout: exit status 1" 1 $?
check "timeout: stopped within a few seconds" test $(( $(date +%s) - start )) -lt 15
check_contains "timeout: reported" "$T/err3" "samples/small.xml: error: took longer than 1 s and was stopped"
check_contains "timeout: status in the report" "$T/r3.jsonl" '"status":"timeout"'
check_eq "timeout: no partial file" "" "$(ls -A "$T/o3" | grep -v '^Báo giá tùy biến Chính Đại')"

# A batch killed with SIGKILL, then resumed: every record once, nothing partial.
mkdir -p "$T/many"
for i in $(seq -w 1 40); do sed "s/YC-2021-017/YC-K-$i/" samples/small.xml >"$T/many/r$i.xml"; done
$B -j 2 -o "$T/o4" --report "$T/r4.jsonl" "$T/many" 2>/dev/null &
pid=$!
# kill it once a few documents are done
for _ in $(seq 200); do
    [ "$(cat "$T/r4.jsonl" 2>/dev/null | wc -l)" -ge 3 ] && break
    sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
before=$(grep -c '"status":"ok"' "$T/r4.jsonl" 2>/dev/null || echo 0)
$B -j 2 -o "$T/o4" --report "$T/r4.jsonl" --resume "$T/r4.jsonl" "$T/many" 2>"$T/err4"
check_eq "resumed batch: exit 0" 0 $?
check "the batch was really interrupted (some done, not all: $before)" test "$before" -lt 40
python3 - "$T/r4.jsonl" >"$T/json4" 2>&1 <<'PY'
import json, sys, collections
ok = [json.loads(l)["record"] for l in open(sys.argv[1]) if '"status":"ok"' in l]
c = collections.Counter(ok)
assert len(c) == 40 and max(c.values()) == 1, c
print("fine")
PY
check_eq "resumed batch: each record made exactly once" fine "$(tail -n 1 "$T/json4")"
check_eq "resumed batch: 40 files" 40 "$(ls "$T/o4" | wc -l)"
check_eq "resumed batch: no partial file" "" "$(ls -A "$T/o4" | grep -v '\.pdf$')"

# Shards: 1/3, 2/3, 3/3 cover every record exactly once.
for k in 1 2 3; do
    $B --shard $k/3 -o "$T/o5" --report "$T/r5.jsonl" "$T/many" 2>/dev/null
done
python3 - "$T/r5.jsonl" >"$T/json5" 2>&1 <<'PY'
import json, sys, collections
c = collections.Counter(json.loads(l)["record"] for l in open(sys.argv[1]))
assert len(c) == 40 and set(c.values()) == {1}, c
print("fine")
PY
check_eq "shards 1/3 2/3 3/3: every record exactly once" fine "$(tail -n 1 "$T/json5")"
