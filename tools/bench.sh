#!/bin/sh
# bench.sh — speed and memory of the release build, measured, not guessed.
#  1. one process, N documents of each sample (the fixed costs paid once):
#     median ms per document over R runs, peak RSS, PDF size;
#  2. a batch of a generated corpus (CORPUS records, the sample quote with
#     varied customers and item counts) with `hoso batch -j JOBS`: documents
#     per second, median and p95 ms per document from the report;
#  3. the 2-page reference quote (the sample quote cut to its first 8
#     feasible items): a single cold `hoso render`, median wall time over R
#     runs; N documents in one process; and the floor, build/floor: the same
#     fonts and the same text (pdftotext of hoso's PDF) with bare libharu, no
#     XML and no layout; the ratio engine/floor.
# Machines are shared and noisy: compare medians and ratios on one machine.
#   N=50 R=5 CORPUS=2000 JOBS=2 sh tools/bench.sh
#   BEFORE=/path/to/old/hoso sh tools/bench.sh   (adds 0., this build against an older one)
set -eu
cd "$(dirname "$0")/.."
N=${N:-30} R=${R:-5} CORPUS=${CORPUS:-400} JOBS=${JOBS:-2}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoso-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 - "$N" "$R" "$CORPUS" "$JOBS" "$tmp" <<'PY'
import glob, json, os, random, re, resource, statistics, subprocess, sys, time
n, r, corpus, jobs, tmp = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
base = ["build/hoso", "render", "-q", "-t", "templates/quote.xml", "-p", "samples/profile.xml"]

# BEFORE=path/to/an/older/hoso: section 1 for it too, beside this build (the
# same fonts, templates and records), e.g. to see what a change of the engine
# did to the time per document.
before = os.environ.get("BEFORE")
def cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime

if before:
    # CPU time, not wall time: a shared machine's load moves the wall clock
    print("0. CPU ms per document, this build against BEFORE=%s (%d documents, median of %d runs)" % (before, n, r))
    print("%-16s %-15s %10s %10s" % ("record", "template", "before ms", "after ms"))
    for rec in ("samples/small.xml", "samples/chinh-dai.xml", "samples/large.xml"):
        for tpl in ("templates/quote.xml", "templates/analysis.xml", "templates/acceptance.xml"):
            times = {before: [], "build/hoso": []}
            for _ in range(r):  # interleaved, so that both see the same load
                for exe in (before, "build/hoso"):
                    t = cpu()
                    subprocess.run([exe, "render", "-q", "-t", tpl, "-p", "samples/profile.xml",
                                    "-o", os.path.join(tmp, "cmp") + "/"] + [rec] * n, check=True)
                    times[exe].append((cpu() - t) * 1000 / n)
            row = [statistics.median(times[before]), statistics.median(times["build/hoso"])]
            print("%-16s %-15s %10.1f %10.1f" % (os.path.basename(rec), os.path.basename(tpl), row[0], row[1]))
    print()

print("1. one process, %d documents of each sample, median of %d runs" % (n, r))
print("%-16s %8s %10s %9s %6s" % ("record", "ms/doc", "peak RSS", "PDF size", "pages"))
for rec in sorted(glob.glob("samples/*.xml")):
    if rec.endswith("profile.xml"):
        continue
    out = os.path.join(tmp, "one")
    times = []
    for _ in range(r):
        t = time.perf_counter()
        subprocess.run(base + ["-o", out + "/"] + [rec] * n, check=True)
        times.append((time.perf_counter() - t) * 1000 / n)
    pdf = max(glob.glob(out + "/*.pdf"), key=os.path.getmtime)
    pages = re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("%-16s %8.1f %7.1f MB %6.0f KB %6s" % (os.path.basename(rec), statistics.median(times), rss, os.path.getsize(pdf) / 1024, pages))

# a corpus: the sample quote with varied customers and 3 to 30 feasible items
src = open("samples/chinh-dai.xml", encoding="utf-8").read()
items = re.findall(r"    <item id=.*?</item>\n", src, re.S)
feasible = [i for i in items if 'feasible="yes"' in i]
head, tail = src.split("  <items>\n")[0], src.split("  </items>\n")[1]
tail = re.sub(r"\s*<total>\d+</total>", "", tail)
# the acceptance and survey name items by number: not for a reshuffled item list
tail = re.sub(r"  <acceptance .*?</acceptance>\n|  <survey .*?</survey>\n", "", tail, flags=re.S)
cdir = os.path.join(tmp, "corpus"); os.makedirs(cdir)
rnd = random.Random(42)
names = ["Chính Đại", "Hoàng Long", "Trường Xuân", "Phú Thịnh", "Đức Việt", "Nam Á", "Bảo Minh", "Kim Ngân"]
for k in range(corpus):
    count = rnd.randint(3, 30)
    chosen = [feasible[rnd.randrange(len(feasible))] for _ in range(count)]
    body = "".join(re.sub(r'id="\d+"', 'id="%d"' % (j + 1), it, 1) for j, it in enumerate(chosen))
    name = names[k % len(names)]
    h = head.replace("Chính Đại", name).replace('id="YC-2021-042"', 'id="YC-%05d"' % k)
    open(os.path.join(cdir, "r%05d.xml" % k), "w", encoding="utf-8").write(h + "  <items>\n" + body + "  </items>\n" + tail)
rep = os.path.join(tmp, "report.jsonl")
t = time.perf_counter()
subprocess.run(["build/hoso", "batch", "-q", "-j", str(jobs), "-t", "templates/quote.xml", "-p", "samples/profile.xml",
                "-o", os.path.join(tmp, "batch"), "--report", rep, cdir], check=True)
wall = time.perf_counter() - t
rows = [json.loads(l) for l in open(rep)]
ms = sorted(x["ms"] for x in rows)
print()
print("2. hoso batch -j %d over %d generated records (3 to 30 items)" % (jobs, corpus))
print("   %.0f documents/s; per document: median %.1f ms, p95 %.1f ms; mean size %.0f KB; %d pages on average"
      % (len(rows) / wall, statistics.median(ms), ms[int(len(ms) * 0.95) - 1],
         statistics.mean(x["bytes"] for x in rows) / 1024, statistics.mean(x["pages"] for x in rows)))
print("   peak RSS of a worker: %.1f MB" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))

# the 2-page reference quote: the sample quote's first 8 feasible items
ref = os.path.join(tmp, "ref.xml")
open(ref, "w", encoding="utf-8").write(head + "  <items>\n" + "".join(feasible[:8]) + "  </items>\n" + tail)
cold = []
for _ in range(r):
    t = time.perf_counter()
    subprocess.run(base + ["-o", os.path.join(tmp, "cold.pdf"), ref], check=True)
    cold.append((time.perf_counter() - t) * 1000)
info = subprocess.run(["pdfinfo", os.path.join(tmp, "cold.pdf")], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
size = os.path.getsize(os.path.join(tmp, "cold.pdf"))
warm = []
for _ in range(r):
    t = time.perf_counter()
    subprocess.run(base + ["-o", os.path.join(tmp, "warm") + "/"] + [ref] * n, check=True)
    warm.append((time.perf_counter() - t) * 1000 / n)
text = os.path.join(tmp, "ref.txt")
subprocess.run(["pdftotext", "-layout", os.path.join(tmp, "cold.pdf"), text], check=True)
fl = subprocess.run(["build/floor", "build/fonts", text, str(max(n, 20)), os.path.join(tmp, "floor.pdf")],
                    capture_output=True, text=True, check=True).stdout
floor_ms, floor_bytes = float(fl.split()[1]), int(fl.split()[3])
print()
print("3. the reference quote (%d pages, %.0f KB)" % (pages, size / 1024))
print("   a single cold hoso render: median %.1f ms" % statistics.median(cold))
print("   one process, %d documents: median %.1f ms per document" % (n, statistics.median(warm)))
print("   floor (bare libharu, same fonts and text, no XML, no layout): %.1f ms, %.0f KB" % (floor_ms, floor_bytes / 1024))
print("   engine / floor: %.2f" % (statistics.median(warm) / floor_ms))
PY
