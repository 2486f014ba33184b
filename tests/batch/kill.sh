# tests/batch/kill.sh — a batch killed with SIGKILL at 20 random moments,
# each time resumed: in the end every document exactly once in the report
# and on disk, each file a whole PDF (qpdf --check), no temporary file left.
# 400 small documents on the release build keep it to tens of seconds; a run
# that finishes before its moment comes is not counted, and another is made.
. tests/lib/tap.sh
printf '<document>\n<name>Giấy {customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n' >"$T/tiny.xml"
mkdir -p "$T/in"
$PYTHON - "$T" "$HOSO_RELEASE" >"$T/kill.out" 2>&1 <<'PY'
import collections, json, os, random, signal, subprocess, sys, time
t, hoso = sys.argv[1], sys.argv[2]
# enough documents that work is left after 20 runs, however the reports of
# a group of fsyncs arrive (several lines at once)
N = 400
src = open("samples/small.xml", encoding="utf-8").read()
for i in range(N):
    open("%s/in/r%03d.xml" % (t, i), "w", encoding="utf-8").write(
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
# a random moment: after 0 to 6 more documents are reported (so that some
# work is left for every one of the 20 runs), or at once after a random delay
kills = runs = 0
while kills < 20 and runs < 40:
    runs += 1
    before, more = lines(), rnd.randint(0, 6)
    p = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    if more == 0:
        time.sleep(rnd.uniform(0.01, 0.3))
    else:
        deadline = time.time() + 30
        while lines() < before + more and p.poll() is None and time.time() < deadline:
            time.sleep(0.002)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    p.wait()
rc = subprocess.run(cmd, stderr=subprocess.DEVNULL).returncode
print("# killed", kills, "times in", runs, "runs; final run exit", rc)
assert rc == 0, rc
ok = [json.loads(l) for l in open(rep, encoding="utf-8") if '"status":"ok"' in l]
c = collections.Counter(r["record"] for r in ok)
assert len(c) == N and set(c.values()) == {1}, ("each document once in the report", c.most_common(2), len(c))
files = sorted(os.listdir(t + "/out"))
assert len(files) == N, ("%d files" % N, len(files), [f for f in files if not f.endswith(".pdf")][:3])
assert sorted(os.path.basename(r["output"]) for r in ok) == files, "the report names the files"
assert kills == 20, ("20 runs killed with work left", kills, runs)
print("fine")
PY
check_eq "SIGKILL at 20 random moments, each resumed: every document exactly once" fine "$(tail -n 1 "$T/kill.out")"
grep '^#' "$T/kill.out"
bad=$(find "$T/out" -name '*.pdf' -print0 | xargs -0 -P 2 -n 20 sh -c 'for f; do qpdf --check "$f" >/dev/null 2>&1 || echo "$f"; done' sh | head -n 3)
check_eq "every file passes qpdf --check" "" "$bad"
