# tests/batch/output.sh — where documents land: names fixed by the inputs
# (3 shards on one folder = -j 1 = -j 2), never over a file hoso did not make
# for that record and template, refreshed by a rerun, as the umask says, and
# a report that is JSON whatever the file names. The many-document cases run
# the release build ($HOSO_RELEASE) on a small template, to stay quick.
. tests/lib/tap.sh
Q=templates/quote.xml P=samples/profile.xml

# ---- 400 records whose documents have one name ----
printf '<document>\n<name>Báo giá {customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/tiny.xml"
mkdir -p "$T/c"
$PYTHON - "$T/c" <<'PY'
import sys
src = open("samples/small.xml", encoding="utf-8").read()
for i in range(1, 401):
    with open("%s/r%d.xml" % (sys.argv[1], i), "w", encoding="utf-8") as f:
        f.write(src.replace("Công ty TNHH Thương mại và Dịch vụ Hoàng Long", "Công ty số %d" % i))
PY
B="$HOSO_RELEASE batch -q -t $T/tiny.xml"
for k in 1 2 3; do
    $B -j 1 --shard $k/3 -o "$T/shared" --report "$T/shard$k.jsonl" "$T/c" 2>"$T/shard$k.err" &
done
wait
$B -j 1 --no-sync -o "$T/j1" --report "$T/j1.jsonl" "$T/c" 2>"$T/j1.err"
check_eq "-j 1 run of 400 colliding records: exit 0" 0 $?
$B -j 2 --no-sync -o "$T/j2" --report "$T/j2.jsonl" "$T/c" 2>"$T/j2.err"
check_eq "-j 2 run: exit 0" 0 $?
check_eq "3 shards at once on one folder: 400 files" 400 "$(ls "$T/shared" | wc -l)"
cat "$T"/shard?.jsonl >"$T/shards.jsonl"
$PYTHON - "$T" >"$T/map.out" 2>&1 <<'PY'
import json, os, sys, collections
t = sys.argv[1]
def mapping(report, folder):
    rows = [json.loads(l) for l in open(report)]
    c = collections.Counter(r["record"] for r in rows)
    assert len(c) == 400 and set(c.values()) == {1}, ("each record once", report, c.most_common(3))
    assert all(r["status"] == "ok" for r in rows), report
    m = {r["record"].rsplit("/", 1)[1]: os.path.basename(r["output"]) for r in rows}
    assert len(set(m.values())) == 400, ("400 distinct files", report)
    assert sorted(m.values()) == sorted(os.listdir(os.path.join(t, folder))), folder
    return m
a, b, c = mapping(t + "/shards.jsonl", "shared"), mapping(t + "/j1.jsonl", "j1"), mapping(t + "/j2.jsonl", "j2")
assert a == b, [(k, a[k], b[k]) for k in a if a[k] != b[k]][:3]
assert b == c, [(k, b[k], c[k]) for k in b if b[k] != c[k]][:3]
# the rule of the README: the record that sorts first keeps the name
assert b["r1.xml"] == "Báo giá Hoàng Long.pdf", b["r1.xml"]
assert b["r2.xml"] == "Báo giá Hoàng Long (r2).pdf", b["r2.xml"]
print("fine")
PY
check_eq "3 shards, -j 1 and -j 2: each record's document once, the same record→file mapping" \
    fine "$(tail -n 1 "$T/map.out")"
check "each file is the document of its record" sh -c \
    "pdftotext '$T/shared/Báo giá Hoàng Long (r123).pdf' - | grep -q 'Công ty số 123\$'"

# ---- another file under a document's name ----
mkdir -p "$T/own"
echo "my notes" >"$T/own/Báo giá tùy biến Hoàng Long (09.03.21).pdf"
$HOSO batch -q -t $Q -p $P -o "$T/own" --report "$T/own.jsonl" samples/small.xml samples/chinh-dai.xml 2>"$T/err"
check_eq "a user's file under the name: exit 1" 1 $?
check_contains "a user's file under the name: the error names it" "$T/err" \
    "$T/own/Báo giá tùy biến Hoàng Long (09.03.21).pdf: error: a file hoso did not make for this record and template has this name; it is left as it is (--overwrite replaces it) [exists]"
check_eq "a user's file under the name: it survives" "my notes" "$(cat "$T/own/Báo giá tùy biến Hoàng Long (09.03.21).pdf")"
check_contains "a user's file under the name: the other document is made" "$T/own.jsonl" '"status":"ok"'
check_contains "a user's file under the name: the report says why" "$T/own.jsonl" '"code":"exists"'
$HOSO render -q -t $Q -p $P -o "$T/own/" samples/small.xml 2>"$T/err"
check_eq "render -o DIR/ over a user's file: exit 1" 1 $?
check_contains "render -o DIR/ over a user's file: the error" "$T/err" "(--overwrite replaces it) [exists]"
check_eq "render -o DIR/ over a user's file: it survives" "my notes" "$(cat "$T/own/Báo giá tùy biến Hoàng Long (09.03.21).pdf")"
$HOSO batch -q --overwrite -t $Q -p $P -o "$T/own" samples/small.xml 2>"$T/err"
check_eq "--overwrite: exit 0" 0 $?
check_eq "--overwrite: the document replaced the file" "%PDF" "$(head -c 4 "$T/own/Báo giá tùy biến Hoàng Long (09.03.21).pdf")"
cp "$T/own/Báo giá tùy biến Chính Đại (23.06.21).pdf" "$T/before.pdf"
$HOSO batch -q -t $Q -p $P -o "$T/own" samples/small.xml samples/chinh-dai.xml 2>"$T/err"
check_eq "a rerun over hoso's own output: exit 0" 0 $?
check "a rerun over hoso's own output: the same bytes" cmp "$T/before.pdf" "$T/own/Báo giá tùy biến Chính Đại (23.06.21).pdf"
check_eq "a rerun over hoso's own output: no other file" 2 "$(ls -A "$T/own" | wc -l)"
$HOSO render -q -t $Q -p $P -o "$T/own/" samples/chinh-dai.xml 2>"$T/err"
check_eq "render -o DIR/ over the batch's own document: exit 0" 0 $?
check "render and batch make the same file" cmp "$T/before.pdf" "$T/own/Báo giá tùy biến Chính Đại (23.06.21).pdf"
check "the marked file passes qpdf --check" qpdf --check "$T/before.pdf"
# another record's document is not this one's
sed 's/Công ty TNHH Thương mại và Dịch vụ Hoàng Long/Công ty Khác/' samples/small.xml >"$T/other.xml"
$HOSO render -q -t $Q -p $P -o "$T/own/" "$T/other.xml" 2>"$T/err"
check_eq "render over another record's document of the same name: exit 1" 1 $?
echo "x" >"$T/file.pdf"
$HOSO render -q -t $Q -p $P -o "$T/file.pdf" samples/small.xml
check_eq "--out FILE.pdf replaces its file on purpose" "%PDF" "$(head -c 4 "$T/file.pdf")"

# ---- 70 templates ----
mkdir -p "$T/t70"
$PYTHON -c '
import sys
for i in range(1, 71):
    open("%s/t%d.xml" % (sys.argv[1], i), "w").write("<document>\n<name>T%d {customer/short-name}</name>\n<p>%d</p>\n</document>\n" % (i, i))
' "$T/t70"
$HOSO_RELEASE batch --all --templates "$T/t70" -o "$T/o70" samples/small.xml 2>"$T/err"
check_eq "70 templates: exit 0" 0 $?
check_eq "70 templates: 70 documents" 70 "$(ls "$T/o70" | wc -l)"
check_contains "70 templates: the summary says 70" "$T/err" "70 documents: 70 made"
$HOSO_RELEASE render -q --all --templates "$T/t70" -o "$T/r70/" samples/small.xml 2>"$T/err"
check_eq "70 templates, render: 70 documents" 70 "$(ls "$T/r70" | wc -l)"

# ---- the umask ----
(umask 077 && $HOSO batch -q -t $Q -p $P -o "$T/m" samples/small.xml && $HOSO render -q -t $Q -p $P -o "$T/m/r.pdf" samples/small.xml)
check_eq "umask 077: batch writes 0600" 600 "$(stat -c %a "$T/m/Báo giá tùy biến Hoàng Long (09.03.21).pdf")"
check_eq "umask 077: render writes 0600" 600 "$(stat -c %a "$T/m/r.pdf")"
(umask 022 && $HOSO batch -q -t $Q -p $P -o "$T/m2" samples/small.xml)
check_eq "umask 022: batch writes 0644" 644 "$(stat -c %a "$T/m2/Báo giá tùy biến Hoàng Long (09.03.21).pdf")"

# ---- file names with a newline and with \xff ----
mkdir -p "$T/evil"
nl='
'
cp tests/errors/glyph.xml "$T/evil/evil${nl}fake.xml:1: error: all good${nl}.xml"
cp tests/errors/glyph.xml "$T/evil/bad$(printf '\377').xml"
cp samples/small.xml "$T/evil/ok$(printf '\376').xml"
$HOSO batch -t $Q -p $P -o "$T/evil-out" --report "$T/evil.jsonl" "$T/evil" 2>"$T/err"
check_eq "odd file names: exit 1 (two bad records)" 1 $?
check_eq "odd file names: no forged line on stderr" "" "$(grep -a '^fake.xml\|^\.xml' "$T/err")"
check_eq "odd file names: one line per error" 2 "$(grep -ac 'error: U+4E2D' "$T/err")"
check_contains "odd file names: the newline is shown escaped" "$T/err" 'evil\nfake.xml:1: error: all good\n.xml:8: error: U+4E2D'
check_contains "odd file names: the byte is shown escaped" "$T/err" 'bad\xff.xml:8: error'
$PYTHON - "$T/evil.jsonl" >"$T/evil.out" 2>&1 <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
raw.decode("utf-8")  # the whole report is UTF-8
rows = [json.loads(l) for l in raw.decode().splitlines()]
assert len(rows) == 3, rows
by = {r["status"]: r for r in rows}
assert any(r.get("record_bytes", "").endswith("bad\\xff.xml") for r in rows), rows
ok = [r for r in rows if r["status"] == "ok"][0]
assert ok["record_bytes"].endswith("ok\\xfe.xml") and ok["record"].endswith("ok\ufffd.xml"), ok
assert any("evil\nfake.xml" in r["record"] for r in rows), rows
print("fine")
PY
check_eq "odd file names: every report line is JSON, the raw bytes kept in record_bytes" fine "$(tail -n 1 "$T/evil.out")"
$HOSO batch -t $Q -p $P -o "$T/evil-out" --report "$T/evil.jsonl" --resume "$T/evil.jsonl" "$T/evil" 2>"$T/err"
check_contains "odd file names: --resume finds the document of a non-UTF-8 record" "$T/err" "2 failed, 0 skipped, 1 done before"
