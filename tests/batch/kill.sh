# tests/batch/kill.sh — a 2,000-document batch killed with SIGKILL at 20
# random moments, each time resumed: in the end every document exactly once
# in the report and on disk under the name the rule gives it, each file a
# whole PDF (qpdf --check) with its record's text, no temporary file left.
# The moments are spread over the whole batch: 20 random report sizes
# between 1 and 1,950 lines (the kill comes as soon as the report holds that
# many lines, which arrive in groups, one per fsync of the folder), and, for
# about a third of the runs, a random delay of up to 0.3 s instead, which
# most often falls in the name pass. No timing is asserted: a run that ends
# before its moment comes is not counted, and another one is made.
. tests/lib/tap.sh
printf '<document>\n<name>Giấy {customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/tiny.xml"
mkdir -p "$T/in"
$PYTHON - "$T" "$HOSO_RELEASE" >"$T/kill.out" 2>&1 <<'PY'
import collections, json, os, random, signal, subprocess, sys, time
t, hoso = sys.argv[1], sys.argv[2]
N = 2000
src = open("samples/small.xml", encoding="utf-8").read()
for i in range(N):
    open("%s/in/r%04d.xml" % (t, i), "w", encoding="utf-8").write(
        src.replace("Công ty TNHH Thương mại và Dịch vụ Hoàng Long", "Công ty số %d" % i))
seed = int(time.time())
rnd = random.Random(seed)
print("# seed", seed)
rep = t + "/r.jsonl"
cmd = [hoso, "batch", "-q", "-j", "2", "-t", t + "/tiny.xml", "-o", t + "/out",
       "--report", rep, "--resume", rep, t + "/in"]
def lines():
    try:
        return sum(1 for _ in open(rep, "rb"))
    except FileNotFoundError:
        return 0
moments = sorted(rnd.sample(range(1, 1950), 20))
kills = runs = 0
while kills < 20 and runs < 60:
    runs += 1
    before = lines()
    target = next((m for m in moments[kills:] if m > before), None)
    p = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    if target is None or rnd.random() < 0.33:
        time.sleep(rnd.uniform(0.0, 0.3))
    else:
        deadline = time.time() + 300  # a hung batch still ends the test
        while lines() < target and p.poll() is None and time.time() < deadline:
            time.sleep(0.002)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    p.wait()
reported = lines()
rc = subprocess.run(cmd, stderr=subprocess.DEVNULL).returncode
print("# killed", kills, "times in", runs, "runs, the last one with", reported,
      "report lines; final run exit", rc)
assert rc == 0, rc
ok = [json.loads(l) for l in open(rep, encoding="utf-8") if '"status":"ok"' in l]
c = collections.Counter(r["record"] for r in ok)
assert len(c) == N and set(c.values()) == {1}, ("each document once in the report", c.most_common(2), len(c))
files = sorted(os.listdir(t + "/out"))
left = [f for f in files if not f.endswith(".pdf")]
assert not left, ("temporary files left", left[:3])
assert len(files) == N, ("%d files" % N, len(files))
# the rule of the names: the first record keeps the name, the others add theirs
want = {"%s/in/r%04d.xml" % (t, i): "Giấy Hoàng Long%s.pdf" % ("" if i == 0 else " (r%04d)" % i)
        for i in range(N)}
got = {r["record"]: os.path.basename(r["output"]) for r in ok}
assert got == want, ("the files named by the rule", sorted(set(got.items()) - set(want.items()))[:3])
# a sample of the files holds its own record's text
for i in rnd.sample(range(N), 12):
    text = subprocess.run(["pdftotext", os.path.join(t, "out", want["%s/in/r%04d.xml" % (t, i)]), "-"],
                          capture_output=True, text=True).stdout
    assert "Công ty số %d\n" % i in text, ("the text of record %d" % i, text[:80])
assert kills == 20, ("20 runs killed with work left", kills, runs)
print("fine")
PY
check_eq "SIGKILL at 20 random moments of 2,000 documents, each resumed: every document exactly once" fine "$(tail -n 1 "$T/kill.out")"
grep '^#' "$T/kill.out"
bad=$(find "$T/out" -name '*.pdf' -print0 | xargs -0 -P 2 -n 50 sh -c 'for f; do qpdf --check "$f" >/dev/null 2>&1 || echo "$f"; done' sh | head -n 3)
check_eq "every file passes qpdf --check" "" "$bad"
