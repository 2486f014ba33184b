# tests/faults/faults.sh — faults around a good record: an output folder that
# is read-only, missing or full; a missing or corrupt font; SIGTERM in the
# middle of a batch or a render. Each ends with a clear error, a non-zero exit
# status and no partial file. Runs the sanitizer build ($HOSO), whose test
# hooks simulate a full disk and a hanging document.
. tests/lib/tap.sh
Q=templates/quote.xml P=samples/profile.xml R=samples/small.xml

# no_partial DIR: nothing but finished PDFs in DIR
no_partial() { find "$1" -type f ! -name '*.pdf' | head -n 5; find "$1" -name '.*' -type f | head -n 5; }

# ---- read-only output folder ----
# root ignores permissions: run as nobody, in a folder nobody can reach
RO=$(mktemp -d /tmp/hoso-ro.XXXXXX) && chmod 755 "$RO" && mkdir "$RO/out" && chmod 555 "$RO/out"
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
fi
if as_user "$HOSO_RELEASE" render -q -t $Q -p $P -o - $R >/dev/null 2>&1; then
    as_user "$HOSO_RELEASE" render -q -t $Q -p $P -o "$RO/out/" $R 2>"$T/err"
    check_eq "read-only folder: exit status 1" 1 "$?"
    check_contains "read-only folder: the error names the file and the reason" "$T/err" \
        "$RO/out/Báo giá tùy biến Hoàng Long (09.03.21).pdf: error: cannot create a file here: Permission denied"
    check_eq "read-only folder: nothing written" "" "$(ls -A "$RO/out")"
    as_user "$HOSO_RELEASE" batch -q -t $Q -p $P -o "$RO/out" $R 2>"$T/err"
    check_eq "read-only folder, batch: exit status 1" 1 "$?"
    check_contains "read-only folder, batch: the error" "$T/err" \
        "$RO/out: error: cannot write in the output folder: Permission denied"
else
    ok "read-only folder # skip: the unprivileged user cannot read this checkout"
fi
chmod 755 "$RO/out" && rm -rf "$RO"

# ---- missing output folder ----
"$HOSO" render -q -t $Q -p $P -o "$T/missing/x.pdf" $R 2>"$T/err"
check_eq "missing folder: exit status 1" 1 "$?"
check_contains "missing folder: the error" "$T/err" \
    "$T/missing/x.pdf: error: cannot create a file here: No such file or directory"
check_eq "missing folder: not created" "" "$(ls -d "$T/missing" 2>/dev/null)"

# ---- a full file system ----
# simulated in the test build: half the file is written, then ENOSPC
mkdir -p "$T/full"
HOSO_TEST_ENOSPC=1 "$HOSO" render -q -t $Q -p $P -o "$T/full/" $R 2>"$T/err"
check_eq "full disk (simulated): exit status 1" 1 "$?"
check_contains "full disk (simulated): the error" "$T/err" "error: cannot write: No space left on device"
check_eq "full disk (simulated): no partial file" "" "$(ls -A "$T/full")"
HOSO_TEST_ENOSPC=1 "$HOSO" batch -q -t $Q -p $P -o "$T/full" $R samples/chinh-dai.xml 2>"$T/err"
check_eq "full disk (simulated), batch: exit status 1" 1 "$?"
check_contains "full disk (simulated), batch: the error" "$T/err" \
    "$T/full: error: cannot write in the output folder: No space left on device (record $R)"
check_eq "full disk (simulated), batch: no partial file" "" "$(ls -A "$T/full")"
# and a real one, where the machine lets us mount a 16 KiB tmpfs
mkdir -p "$T/tiny"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=16k tmpfs "$T/tiny" 2>/dev/null; then
    "$HOSO_RELEASE" render -q -t $Q -p $P -o "$T/tiny/" samples/chinh-dai.xml 2>"$T/err"
    check_eq "full disk (16 KiB tmpfs): exit status 1" 1 "$?"
    check_contains "full disk (16 KiB tmpfs): the error" "$T/err" "error: cannot write: No space left on device"
    check_eq "full disk (16 KiB tmpfs): no partial file" "" "$(ls -A "$T/tiny")"
    umount "$T/tiny"
else
    ok "full disk (16 KiB tmpfs) # skip: cannot mount a tmpfs here"
fi

# ---- fonts ----
cp -r fonts "$T/f-missing" && rm "$T/f-missing/LiberationSerif-Bold.ttf"
"$HOSO" render -q --fonts "$T/f-missing" -t $Q -p $P -o "$T/x.pdf" $R 2>"$T/err"
check_eq "missing font file: exit status 1" 1 "$?"
check_contains "missing font file: names the list's line and the file" "$T/err" \
    "$T/f-missing/families.conf:12: error: $T/f-missing/LiberationSerif-Bold.ttf: cannot open font file: No such file or directory"
cp -r fonts "$T/f-cut" && head -c 5000 fonts/LiberationSerif-Bold.ttf >"$T/f-cut/LiberationSerif-Bold.ttf"
"$HOSO" render -q --fonts "$T/f-cut" -t $Q -p $P -o "$T/x.pdf" $R 2>"$T/err"
check_eq "truncated font file: exit status 1" 1 "$?"
check_contains "truncated font file: says so" "$T/err" \
    "$T/f-cut/LiberationSerif-Bold.ttf: table 'FFTM' lies outside the file (truncated or corrupt)"
cp -r fonts "$T/f-junk" && head -c 3000 /dev/urandom >"$T/f-junk/LiberationSerif-Regular.ttf"
"$HOSO" render -q --fonts "$T/f-junk" -t $Q -p $P -o "$T/x.pdf" $R 2>"$T/err"
check_eq "a font file that is not a font: exit status 1" 1 "$?"
check_contains "a font file that is not a font: says so" "$T/err" \
    "$T/f-junk/LiberationSerif-Regular.ttf: not a TrueType font"
"$HOSO" render -q --fonts "$T/nowhere" -t $Q -p $P -o "$T/x.pdf" $R 2>"$T/err"
check_contains "no font folder: says where to look" "$T/err" \
    "$T/nowhere/families.conf: error: cannot open the font list: No such file or directory (set --fonts or HOSO_FONTS"
check_eq "font faults: no output file" "" "$(ls "$T"/x.pdf* 2>/dev/null)"

# ---- SIGTERM in the middle of a batch ----
# one record hangs (test hook); the batch is stopped while it runs
mkdir -p "$T/term"
HOSO_TEST_HANG=chinh-dai "$HOSO" batch -q -j 2 -t $Q -p $P -o "$T/term" --report "$T/term.jsonl" \
    $R samples/chinh-dai.xml samples/large.xml 2>"$T/err" &
pid=$!
i=0
while [ "$(wc -l <"$T/term.jsonl" 2>/dev/null || echo 0)" -lt 2 ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
kill -TERM $pid
wait $pid
check_eq "SIGTERM in a batch: exit status 1" 1 "$?"
check_contains "SIGTERM in a batch: says what was not made" "$T/err" \
    "hoso: stopped by signal 15 (Terminated): 1 document not made; --resume with the report goes on"
check_eq "SIGTERM in a batch: the finished documents stay, no partial file" "2:" \
    "$(ls "$T/term" | wc -l):$(no_partial "$T/term")"
"$HOSO" batch -q -t $Q -p $P -o "$T/term" --resume "$T/term.jsonl" --report "$T/term.jsonl" \
    $R samples/chinh-dai.xml samples/large.xml 2>"$T/err"
check_eq "SIGTERM in a batch: --resume makes the rest" "0:3" "$?:$(ls "$T/term" | wc -l)"

# ---- SIGTERM during a render ----
mkdir -p "$T/rterm"
# shellcheck disable=SC2046
"$HOSO" render -q -t $Q -p $P -o "$T/rterm/" $(for i in $(seq 40); do echo samples/large.xml; done) \
    2>/dev/null &
pid=$!
sleep 0.3
kill -TERM $pid
wait $pid
status=$?
check_eq "SIGTERM during render: ended by the signal" 143 "$status"
check_eq "SIGTERM during render: no partial file" "" "$(no_partial "$T/rterm")"
