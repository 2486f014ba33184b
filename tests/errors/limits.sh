# tests/errors/limits.sh — a document stopped by --memory or --timeout at 20
# different points (records and templates of growing size, limits from tight
# to loose) fails with its one message and leaks nothing: under the sanitizer
# build (the suite's $HOSO) LeakSanitizer checks every run. The limits stop a
# document at the safe points of our stages, and libxml2's and libharu's
# allocations fail past the limit so that they unwind by themselves.
. tests/lib/tap.sh
$PYTHON - "$T" <<'P'
import re, sys
t = sys.argv[1]
src = open("samples/large.xml", encoding="utf-8").read()
items = re.findall(r"    <item id=.*?</item>\n", src, re.S)
head, tail = src.split("  <items>\n")[0], src.split("  </items>\n")[1]
tail = re.sub(r"\s*<total>[^<]*</total>", "", tail)
tail = re.sub(r'(<deposit [^>]*?) amount="[^"]*"', r"\1", tail)  # a share of the old total
tail = re.sub(r"  <acceptance .*?</acceptance>\n|  <survey .*?</survey>\n", "", tail, flags=re.S)
for n in (100, 200):
    body = "".join(re.sub(r'id="\d+"', 'id="%d"' % (k + 1), items[k % len(items)], 1) for k in range(n))
    open("%s/items-%d.xml" % (t, n), "w", encoding="utf-8").write(head + "  <items>\n" + body + "  </items>\n" + tail)
P
cat >"$T/wide.xml" <<'X'
<document>
  <p each="//node()"><span each="//node()">x </span></p>
</document>
X
cat >"$T/deep.xml" <<'X'
<document>
  <table columns="10mm *"><tr each="//node()"><td>{position()}</td><td><span each="//node()"><span each="//node()">{name()} </span></span></td></tr></table>
</document>
X
cat >"$T/calls.xml" <<'X'
<document>
  <p each="//node()"><span each="//node()">{money(string-length(name()))} {upper(name())} </span></p>
</document>
X
n=0
point() { # what, expected message start, hoso arguments...
    what=$1 want=$2; shift 2
    n=$((n + 1))
    rm -f "$T/out.pdf"
    "$HOSO" render -q -o "$T/out.pdf" "$@" >"$T/stdout" 2>"$T/stderr"
    status=$?
    if [ "$status" = 1 ] && grep -q "error: $want" "$T/stderr" && ! grep -q 'Sanitizer' "$T/stderr" &&
        [ ! -e "$T/out.pdf" ]; then
        ok "limit point $n ($what): stopped, one message, nothing leaked"
    else
        not_ok "limit point $n ($what)" "status $status" "$(head -c 600 "$T/stderr")"
    fi
}
M="needs more than"
S="took longer than"
point "deep template, chinh-dai, 16 MiB" "$M" --memory 16 -t "$T/deep.xml" samples/chinh-dai.xml
point "wide template, chinh-dai, 16 MiB" "$M" --memory 16 -t "$T/wide.xml" samples/chinh-dai.xml
point "wide template, large, 24 MiB" "$M" --memory 24 -t "$T/wide.xml" samples/large.xml
point "wide template, 100 items, 32 MiB" "$M" --memory 32 -t "$T/wide.xml" "$T/items-100.xml"
point "deep template, small, 16 MiB" "$M" --memory 16 -t "$T/deep.xml" samples/small.xml
point "deep template, large, 32 MiB" "$M" --memory 32 -t "$T/deep.xml" samples/large.xml
point "deep template, 200 items, 48 MiB" "$M" --memory 48 -t "$T/deep.xml" "$T/items-200.xml"
point "function calls, chinh-dai, 16 MiB" "$M" --memory 16 -t "$T/calls.xml" samples/chinh-dai.xml
point "function calls, 100 items, 24 MiB" "$M" --memory 24 -t "$T/calls.xml" "$T/items-100.xml"
point "runaway, large, 64 MiB" "$M" --memory 64 -t tests/hostile/templates/runaway.xml samples/large.xml
point "analysis, large, 0.01 s" "$S" --timeout 0.01 -p samples/profile.xml -t templates/analysis.xml samples/large.xml
point "analysis, 200 items, 0.035 s" "$S" --timeout 0.035 -p samples/profile.xml -t templates/analysis.xml "$T/items-200.xml"
point "analysis, 200 items, 0.02 s" "$S" --timeout 0.02 -p samples/profile.xml -t templates/analysis.xml "$T/items-200.xml"
point "appendix, 200 items, 0.02 s" "$S" --timeout 0.02 -p samples/profile.xml -t templates/appendix.xml "$T/items-200.xml"
point "quote, 200 items, 0.03 s" "$S" --timeout 0.03 -p samples/profile.xml -t templates/quote.xml "$T/items-200.xml"
point "wide template, large, 0.1 s" "$S" --timeout 0.1 -t "$T/wide.xml" samples/large.xml
point "deep template, chinh-dai, 0.3 s" "$S" --timeout 0.3 -t "$T/deep.xml" samples/chinh-dai.xml
point "function calls, large, 0.2 s" "$S" --timeout 0.2 -t "$T/calls.xml" samples/large.xml
point "wide template, 100 items, 0.05 s" "$S" --timeout 0.05 -t "$T/wide.xml" "$T/items-100.xml"
point "acceptance, large, 0.02 s" "$S" --timeout 0.02 -p samples/profile.xml -t templates/acceptance.xml samples/large.xml
