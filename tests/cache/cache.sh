# tests/cache/cache.sh — the on-disk cache of font subsets and images
# (engine/cache/): a second process with the same inputs reads what the
# first stored, and nothing it can find there (a corrupted, truncated or
# foreign entry, a read-only or unusable folder, another process writing)
# changes a byte of the PDF, the messages or the exit status.
# A hit is seen without a debug switch: reading an entry sets its
# modification time (the pruning's "least recently used") and leaves its
# inode; a miss writes a new file renamed over the entry (a new inode).
. tests/lib/tap.sh
TPL=templates/quote.xml PRO=samples/profile.xml REC=samples/chinh-dai.xml
C="$T/c"
# run CACHE NAME [OPTIONS]: the quote into $T/NAME.pdf, messages in $T/NAME.err,
# its exit status in $T/NAME.rc
run() {
    r_cache=$1 r_name=$2; shift 2
    HOSO_CACHE=$r_cache $HOSO render -q "$@" -t $TPL -p "$PRO" -o "$T/$r_name.pdf" $REC \
        2>"$T/$r_name.err" </dev/null
    echo $? >"$T/$r_name.rc"
}
same() { cmp -s "$T/$1.pdf" "$T/$2.pdf"; }
entries() { find "$1" -maxdepth 1 -name '*.hc' | wc -l | tr -d ' '; }
# the entries' inode and modification time, one line each
stamps() { find "$C" -maxdepth 1 -name '*.hc' -exec stat -c '%n %i %Y' {} + | sort; }
old() { find "$C" -maxdepth 1 -name '*.hc' -exec touch -d '2001-01-01 00:00:00' {} +; }

run off plain
check_eq "without a cache: exit 0" 0 "$(cat "$T/plain.rc")"
run "$C" fill
check_eq "first run: exit 0" 0 "$(cat "$T/fill.rc")"
check "first run: the same PDF as without a cache" same plain fill
# the quote's faces (regular, bold, italic, bold italic) and the logo
check_eq "first run: an entry for each face's subset and the logo" 5 "$(entries "$C")"

old
before=$(stamps)
run "$C" hit
check "second run: the same PDF" same plain hit
check_eq "second run: nothing said" "" "$(cat "$T/hit.err")"
after=$(stamps)
check_eq "second run: every entry read (its time set), none written (its inode kept)" \
    "$(echo "$before" | awk '{ print $1, $2 }')" "$(echo "$after" | awk '$3 > 1000000000 { print $1, $2 }')"

old
before=$(stamps)
HOSO_CACHE="$C" $HOSO render -q --no-cache -t $TPL -p "$PRO" -o "$T/nc.pdf" $REC 2>"$T/nc.err"
check_eq "--no-cache: exit 0" 0 $?
check "--no-cache: the same PDF" same plain nc
check_eq "--no-cache: no entry read or written" "$before" "$(stamps)"
HOSO_CACHE="" $HOSO render -q -t $TPL -p "$PRO" -o "$T/empty.pdf" $REC 2>/dev/null
check "HOSO_CACHE empty: the same PDF" same plain empty

# every entry corrupted in its payload, then truncated, then foreign
for f in "$C"/*.hc; do
    printf 'X' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null
done
bad=$(stamps)
run "$C" corrupt
check_eq "corrupted entries: exit 0" 0 "$(cat "$T/corrupt.rc")"
check_eq "corrupted entries: nothing said" "" "$(cat "$T/corrupt.err")"
check "corrupted entries: the same PDF" same plain corrupt
check_eq "corrupted entries: all replaced (new inodes)" 0 \
    "$(stamps | awk '{ print $1, $2 }' | grep -cxF "$(echo "$bad" | awk '{ print $1, $2 }')")"
old
run "$C" good
check "replaced entries: read by the next run" same plain good
for f in "$C"/*.hc; do
    truncate -s 60 "$f"
done
run "$C" trunc
check_eq "truncated entries: exit 0" 0 "$(cat "$T/trunc.rc")"
check "truncated entries: the same PDF" same plain trunc
check_eq "truncated entries: replaced whole" 0 "$(find "$C" -name '*.hc' -size -100c | wc -l | tr -d ' ')"
for f in "$C"/*.hc; do
    head -c 4000 /dev/urandom >"$f"
done
run "$C" foreign
check "foreign bytes under the entries' names: the same PDF" same plain foreign
check_eq "foreign bytes: exit 0" 0 "$(cat "$T/foreign.rc")"

# entries whose payload is changed and whose checksum is made again: what
# the reader checks of the fields themselves refuses them (a font subset's
# length said, here 2 GB, not that of its bytes)
${CC:-cc} -O1 -o "$T/reseal" tests/cache/reseal.c -lxxhash
run "$C" refill
fonts=0
for f in "$C"/*.hc; do
    # a font subset's entry: a first part of 4 bytes (its length1)
    if [ "$(od -An -tu8 -j48 -N8 "$f" | tr -d ' ')" = 4 ]; then
        printf '\377\377\377\177' | dd of="$f" bs=1 seek=72 conv=notrunc 2>/dev/null
        "$T/reseal" "$f"
        fonts=$((fonts + 1))
    fi
done
check_eq "resealed entries: the quote's four font subsets" 4 "$fonts"
run "$C" resealed
check_eq "resealed font subsets of a length not theirs: exit 0, nothing said" "0" \
    "$(cat "$T/resealed.rc")$(cat "$T/resealed.err")"
check "resealed font subsets of a length not theirs: the same PDF" same plain resealed

# folders the cache cannot use
: >"$T/file"
run "$T/file/cache" notdir
check "a cache path under a file: the same PDF" same plain notdir
check_eq "a cache path under a file: nothing said" "" "$(cat "$T/notdir.err")"
run "$T/no/such/deep/cache" missing
check "a cache folder two levels missing: the same PDF" same plain missing
# read-only, with good entries, a corrupted one and a missing one (so that
# the run reads, rejects and fails to store): as root, whom permissions do not
# stop, through a read-only bind mount in a mount namespace of its own
mkdir -p "$T/ro"
cp "$C"/*.hc "$T/ro/"
n_ro=$(entries "$T/ro")
rm -f "$(find "$T/ro" -name '*.hc' | sort | head -n 1)"
printf 'X' | dd of="$(find "$T/ro" -name '*.hc' | sort | tail -n 1)" bs=1 seek=100 conv=notrunc 2>/dev/null
sum_ro=$(cat "$T/ro"/*.hc | cksum)
ro_run() {
    HOSO_CACHE="$T/ro" $HOSO render -q -t $TPL -p "$PRO" -o "$T/ro.pdf" $REC 2>"$T/ro.err" </dev/null
    echo $? >"$T/ro.rc"
}
ro_ok=1
if [ "$(id -u)" != 0 ]; then
    chmod 555 "$T/ro"
    ro_run
    chmod 755 "$T/ro"
elif unshare -m sh -c "mount --bind -o ro '$T/ro' '$T/ro'" 2>/dev/null; then
    export T TPL PRO REC HOSO
    unshare -m sh -c 'mount --bind -o ro "$T/ro" "$T/ro" &&
        HOSO_CACHE="$T/ro" $HOSO render -q -t $TPL -p "$PRO" -o "$T/ro.pdf" $REC 2>"$T/ro.err" </dev/null
        echo $? >"$T/ro.rc"'
else
    ro_ok=0
fi
if [ $ro_ok = 1 ]; then
    check "a read-only cache folder: the same PDF" same plain ro
    check_eq "a read-only cache folder: exit 0, nothing said" "0" "$(cat "$T/ro.rc")$(cat "$T/ro.err")"
    check_eq "a read-only cache folder: left as it was" "$((n_ro - 1)) $sum_ro" "$(entries "$T/ro") $(cat "$T/ro"/*.hc | cksum)"
else
    skip "a read-only cache folder: the same PDF" "root, and no read-only bind mount (unshare -m)"
fi

# folders and entries another user could have written: not used (anyone who
# can write them could plant an entry that changes this user's PDF), and the
# output as without a cache
dstamps() { find "$1" -maxdepth 1 -name '*.hc' -exec stat -c '%n %i %Y' {} + | sort; }
untrusted() { # NAME: the run into $T/u-NAME, whose entries were good
    u_before=$(dstamps "$T/u-$1")
    run "$T/u-$1" "u-$1"
    check "$2: the same PDF" same plain "u-$1"
    check_eq "$2: exit 0, nothing said" "0" "$(cat "$T/u-$1.rc")$(cat "$T/u-$1.err")"
    check_eq "$2: no entry read or written" "$u_before" "$(dstamps "$T/u-$1")"
}
for m in 777 770 702; do
    mkdir -p "$T/u-$m"
    cp "$C"/*.hc "$T/u-$m/"
    touch -d '2001-01-01' "$T/u-$m"/*.hc
    chmod $m "$T/u-$m"
done
untrusted 777 "a folder writable by all"
untrusted 770 "a folder writable by its group"
untrusted 702 "a folder writable by others"
ln -s "$C" "$T/u-link"
old
before=$(stamps)
run "$T/u-link" u-link
check "a cache folder named through a symbolic link: the same PDF, exit 0" same plain u-link
check_eq "a cache folder named through a symbolic link: not used" "$before" "$(stamps)"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    mkdir -p "$T/u-nobody"
    cp "$C"/*.hc "$T/u-nobody/"
    touch -d '2001-01-01' "$T/u-nobody"/*.hc
    chmod 700 "$T/u-nobody"
    chown -R nobody "$T/u-nobody"
    untrusted nobody "a folder another user owns"
    # in this user's folder, entries another user owns or others may write
    old
    f1=$(find "$C" -name '*.hc' | sort | head -n 1)
    f2=$(find "$C" -name '*.hc' | sort | tail -n 1)
    chown nobody "$f1"
    chmod 666 "$f2"
    bad=$(stat -c '%n %i' "$f1" "$f2")
    run "$C" u-entries
    check "entries another user owns or could write: the same PDF" same plain u-entries
    check_eq "entries another user owns or could write: exit 0, nothing said" "0" \
        "$(cat "$T/u-entries.rc")$(cat "$T/u-entries.err")"
    check_eq "entries another user owns or could write: not read, replaced (new inodes, ours)" \
        "0 $(id -u) $(id -u)" "$(stat -c '%n %i' "$f1" "$f2" | grep -cxF "$bad") $(stat -c %u "$f1") $(stat -c %u "$f2")"
else
    skip "a folder another user owns" "not root, or no user nobody"
fi

# errors: the same messages and status with entries that hit, none, or no cache
sed '0,/<\/received>/s|</received>|</received><bogus/>|' $REC >"$T/broken.xml"
i=0
for c in off "$C" "$T/c2"; do
    i=$((i + 1))
    HOSO_CACHE=$c $HOSO render -q -t $TPL -p "$PRO" -o "$T/broken.pdf" "$T/broken.xml" >/dev/null 2>"$T/broken.$i.err"
    echo "status $?" >>"$T/broken.$i.err"
done
check_contains "a record error: said, exit 1" "$T/broken.1.err" "status 1"
check "a record error: the same message and status with a filled cache" cmp "$T/broken.1.err" "$T/broken.2.err"
check "a record error: the same message and status with an empty cache" cmp "$T/broken.1.err" "$T/broken.3.err"
# an image over the document's memory limit: the limit applies to a cached image
# exactly as to one decoded
mkdir -p "$T/img"
convert -size 2000x2000 xc:'#3366cc' "$T/img/big.png"
sed "s|<logo>logo.png</logo>|<logo>big.png</logo>|" $PRO >"$T/img/big.profile.xml"
PRO="$T/img/big.profile.xml"
run off big-off --memory 32
run "$T/c3" big-fill
check_eq "a large logo: cached under the default limit" 0 "$(cat "$T/big-fill.rc")"
find "$T/c3" -name '*.hc' -exec touch -d '2001-01-01' {} +
run "$T/c3" big-hit --memory 32
check_eq "a large logo over --memory 32: its entry read" 1 \
    "$(find "$T/c3" -name '*.hc' -newer "$T/file" | wc -l | tr -d ' ')"
run off big-off2
check "a large logo from the cache: the same PDF as decoded" same big-off2 big-fill
check_eq "a large logo over --memory 32: refused" 1 "$(cat "$T/big-off.rc")"
check_eq "a large logo over --memory 32 with its entry cached: the same status" \
    "$(cat "$T/big-off.rc")" "$(cat "$T/big-hit.rc")"
check_eq "a large logo over --memory 32 with its entry cached: the same message" \
    "$(cat "$T/big-off.err")" "$(cat "$T/big-hit.err")"
# a JPEG embedded as it is (its entry holds no copy of the file) and a PNG
# with alpha, each filled then read
convert samples/logo.png -background white -flatten -quality 90 "$T/img/logo.jpg"
convert samples/logo.png -resize 50% "$T/img/half.png"
for f in logo.jpg half.png; do
    sed "s|<logo>logo.png</logo>|<logo>$f</logo>|" samples/profile.xml >"$T/img/$f.profile.xml"
    PRO="$T/img/$f.profile.xml"
    run off "$f-off"
    run "$T/c4-$f" "$f-fill"
    find "$T/c4-$f" -name '*.hc' -exec touch -d '2001-01-01' {} +
    run "$T/c4-$f" "$f-hit"
    check "$f as the logo: the same PDF filled and read as without a cache" \
        sh -c "cmp '$T/$f-off.pdf' '$T/$f-fill.pdf' && cmp '$T/$f-off.pdf' '$T/$f-hit.pdf'"
    check_eq "$f as the logo: its entries read" 0 \
        "$(find "$T/c4-$f" -name '*.hc' ! -newer "$T/file" | wc -l | tr -d ' ')"
done
PRO=samples/profile.xml

# two processes filling one empty cache at once
rm -rf "$T/cc"
run "$T/cc" conc1 &
p1=$!
run "$T/cc" conc2 &
p2=$!
wait $p1 $p2
check "two at once into an empty cache: the first PDF as without" same plain conc1
check "two at once into an empty cache: the second PDF as without" same plain conc2
check_eq "two at once: no temporary file left" "" "$(find "$T/cc" -name '.tmp-*')"
run "$T/cc" conc3
check "after them: the entries they stored serve" same plain conc3

# bounded: a folder over 32 MiB is pruned, the least recently used first
mkdir -p "$T/big"
for i in 1 2 3 4 5; do
    head -c 8000000 /dev/zero >"$T/big/0000000000000000000000000000000$i.hc"
done
touch -d '2001-01-01' "$T/big"/*.hc
run "$T/big" pruned
check "a folder over its bound: the same PDF" same plain pruned
kb=$(du -sk "$T/big" | awk '{ print $1 }')
check "a folder over its bound: pruned to at most 32 MiB ($kb KiB)" test "$kb" -le 32768
check_eq "a folder over its bound: the new entries kept" 5 "$(find "$T/big" -name '*.hc' -newer "$T/file" | wc -l | tr -d ' ')"
