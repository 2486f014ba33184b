# tests/faults/durable.sh — a document is on disk before the report says so
# (fsync of the file, the move, fsync of the folder, then the report line,
# seen with strace -f); a report that cannot be written stops the batch with
# exit 1; inputs that are not regular files and templates that loop fail as
# documents, never hang or kill the batch.
. tests/lib/tap.sh
Q=templates/quote.xml P=samples/profile.xml
B="$HOSO batch -q -t $Q -p $P"

# ---- the order: fsync(file) < rename < fsync(folder) < report line ----
# (where the machine lets us trace: a container may forbid ptrace)
if strace -f -qq -o /dev/null true 2>/dev/null; then
# LeakSanitizer cannot run under ptrace: off for the traced commands
ASAN_OPTIONS=detect_leaks=0 strace -f -y -qq -s 600 -e trace=fsync,fdatasync,rename,renameat2,link,write -o "$T/trace" \
    $HOSO_RELEASE batch -q -j 2 --ascii-names -t $Q -p $P -o "$T/st" --report "$T/st.jsonl" \
    samples/small.xml samples/chinh-dai.xml samples/large.xml
check_eq "strace: the batch ran" 3 "$(wc -l <"$T/st.jsonl")"
$PYTHON - "$T/trace" >"$T/order" 2>&1 <<'PY'
import re, sys
ev = []       # (index, kind, detail) in the order calls completed
pending = {}  # pid -> the call a "<... resumed>" line finishes
for i, line in enumerate(open(sys.argv[1], errors="replace")):
    # strace pads the pid to 5 columns: "4711  write(…" or "47110 write(…"
    m = re.match(r"(\d+) +(.*)", line.rstrip("\n"))
    if not m:
        continue
    pid, rest = m.groups()
    if rest.endswith("<unfinished ...>"):
        pending[pid] = rest
        continue
    r = re.match(r"<\.\.\. (\w+) resumed>", rest)
    if r:
        rest = pending.pop(pid, "")
    c = re.match(r"(fsync|fdatasync)\(\d+<([^>]*)>", rest)
    if c:
        ev.append((i, "fsync", c.group(2)))
    c = re.match(r'renameat2\(AT_FDCWD<[^>]*>, "([^"]*)", AT_FDCWD<[^>]*>, "([^"]*)"', rest)
    if c:
        ev.append((i, "rename", (c.group(1), c.group(2))))
    c = re.match(r'write\(\d+<[^>]*st\.jsonl>, "(.*)"', rest)
    if c:
        ev.append((i, "report", c.group(1)))
reports = [(k, e) for k, e in enumerate(ev) if e[1] == "report"]
assert len(reports) == 3, ev
for k, (_, _, text) in reports:
    out = re.search(r'\\"output\\":\\"([^\\]*)\\"', text).group(1)
    ren = [j for j in range(k) if ev[j][1] == "rename" and ev[j][2][1] == out]
    assert len(ren) == 1, ("one rename to", out)
    j = ren[0]
    tmp = ev[j][2][0]
    assert any(ev[x][1] == "fsync" and ev[x][2] == tmp for x in range(j)), ("file fsync before rename", out)
    folder = out.rsplit("/", 1)[0]
    assert any(ev[x][1] == "fsync" and ev[x][2] == folder for x in range(j + 1, k)), ("folder fsync between rename and report", out)
print("fine")
PY
check_eq "strace -f: fsync(file) → rename → fsync(folder) → report line, for every document" \
    fine "$(tail -n 1 "$T/order")"
ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=fsync -o "$T/trace2" $HOSO_RELEASE batch -q --no-sync -t $Q -p $P -o "$T/ns" samples/small.xml
check_eq "--no-sync: no fsync at all" 0 "$(grep -c fsync "$T/trace2")"
else
    ok "strace -f: the write order # skip: strace cannot trace here"
fi

# ---- the report cannot be written ----
$B -o "$T/r1" --report - samples/small.xml samples/chinh-dai.xml >/dev/full 2>"$T/err"
check_eq "report to /dev/full: exit 1" 1 $?
check_contains "report to /dev/full: says so" "$T/err" \
    "<stdout>: error: cannot write the report: No space left on device; the batch was stopped"
$B -o "$T/r2" --report - samples/small.xml >&- 2>"$T/err"
check_eq "report to a closed stdout: exit 1" 1 $?
check_contains "report to a closed stdout: says so" "$T/err" \
    "hoso: error: cannot write the report: standard output is closed"
check_eq "report to a closed stdout: nothing made before the check" "" "$(ls "$T/r2" 2>/dev/null)"
{ $B -o "$T/r3" --report - samples/small.xml samples/chinh-dai.xml 2>"$T/err"; echo $? >"$T/rc"; } | true
check_eq "report to a closed pipe: exit 1" 1 "$(cat "$T/rc")"
check_contains "report to a closed pipe: says so" "$T/err" "cannot write the report: Broken pipe"
# ---- render: the list of the files written cannot be written ----
# (it was lost with exit status 0: a script reading it saw nothing made)
"$HOSO" render -t $Q -p $P -o "$T/l1/" samples/small.xml samples/chinh-dai.xml >/dev/full 2>"$T/err"
check_eq "render's list to /dev/full: exit 1, said once" \
    "1 hoso: cannot write the list of the files written to standard output: No space left on device (the files themselves are written)" \
    "$? $(cat "$T/err")"
check_eq "render's list to /dev/full: both documents written" 2 "$(ls "$T/l1" | wc -l)"
"$HOSO" render -q -t $Q -p $P -o "$T/l2/" samples/small.xml >/dev/full 2>"$T/err"
check_eq "render -q, stdout /dev/full: nothing to list, exit 0" "0 " "$? $(cat "$T/err")"
"$HOSO" render -q -t $Q -p $P -o - samples/small.xml >/dev/full 2>"$T/err"
check_eq "render -o - to /dev/full: exit 1" \
    "1 hoso: cannot write to standard output: No space left on device" "$? $(cat "$T/err")"

mkdir -p "$T/tiny"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=16k tmpfs "$T/tiny" 2>/dev/null; then
    head -c 1048576 /dev/zero >"$T/tiny/fill" 2>/dev/null
    $B -o "$T/r4" --report "$T/tiny/r.jsonl" samples/small.xml samples/chinh-dai.xml 2>"$T/err"
    check_eq "report on a full tmpfs: exit 1" 1 $?
    check_contains "report on a full tmpfs: says so" "$T/err" \
        "$T/tiny/r.jsonl: error: cannot write the report: No space left on device; the batch was stopped with 2 documents not made or not reported (--resume with the report goes on)"
    umount "$T/tiny"
else
    ok "report on a full tmpfs # skip: cannot mount a tmpfs here"
fi

# ---- a FIFO record and a looping template first ----
mkdir -p "$T/in"
mkfifo "$T/in/a-fifo.xml"
# (the large record: the template's one expression takes hours on it)
cp samples/large.xml "$T/in/b.xml" && cp samples/large.xml "$T/in/c.xml"
start=$(date +%s)
$HOSO batch -q -j 2 --timeout 2 -t tests/hostile/templates/spin.xml -t $Q -p $P -o "$T/fo" \
    --report "$T/fo.jsonl" "$T/in" 2>"$T/err"
status=$?
check_eq "FIFO and looping template: exit 1" 1 $status
check "FIFO and looping template: done within 10 s" test $(($(date +%s) - start)) -le 10
check_contains "FIFO: refused before reading" "$T/err" \
    "$T/in/a-fifo.xml: error: cannot open: a FIFO (named pipe), not a regular file; refused before reading [io]"
check_contains "looping template: stopped" "$T/err" \
    "$T/in/b.xml: error: took longer than 2 s and was stopped (template tests/hostile/templates/spin.xml)"
check_eq "FIFO and looping template: the others made" 2 "$(ls "$T/fo" | wc -l)"
check_eq "FIFO and looping template: every document in the report" 6 "$(wc -l <"$T/fo.jsonl")"
$HOSO render -q --timeout 2 -t $Q -p $P -o "$T/x.pdf" "$T/in/a-fifo.xml" 2>"$T/err"
check_contains "render: a FIFO refused" "$T/err" "a FIFO (named pipe), not a regular file; refused before reading"
$HOSO render -q -t $Q -p $P -o "$T/x.pdf" "$T/in" 2>"$T/err"
check_contains "render: a folder as a record refused" "$T/err" "cannot open: a folder, not a regular file"
$HOSO render -q -t $Q -p "$T/in/a-fifo.xml" -o "$T/x.pdf" samples/small.xml 2>"$T/err"
check_contains "render: a FIFO profile refused" "$T/err" "$T/in/a-fifo.xml: error: cannot open: a FIFO"
$HOSO render -q -t /dev/zero -o "$T/x.pdf" samples/small.xml 2>"$T/err"
check_contains "render: a device as a template refused" "$T/err" "/dev/zero: error: cannot open: a character device"

# ---- a PNG logo whose image data is short (valid chunks) ----
mkdir -p "$T/png"
$PYTHON - "$T/png/short.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\0" + b"\x80" * 192 for _ in range(4))  # 4 rows of a 64-row image
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
sed 's|<logo>not-an-image.png</logo>|<logo>short.png</logo>|' tests/hostile/profile-bad-logo.xml >"$T/png/profile.xml"
$HOSO batch -q -t $Q -p "$T/png/profile.xml" -o "$T/png/out" --report "$T/png/r.jsonl" \
    samples/small.xml samples/chinh-dai.xml 2>"$T/err"
check_eq "short PNG logo: the batch ends with exit 1, not a signal" 1 $?
check_eq "short PNG logo: every document is in the report, none made" "2:0" \
    "$(wc -l <"$T/png/r.jsonl"):$(grep -c '"status":"ok"' "$T/png/r.jsonl")"
check_contains "short PNG logo: the message names the image and what is wrong" "$T/err" \
    "$T/png/short.png: corrupt or truncated PNG"
