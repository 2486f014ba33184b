#!/bin/sh
# bench.sh — speed and memory of the release build, measured, not guessed.
# For each sample record: N documents rendered in one process (the batch
# case), repeated R times; prints the median ms per document, the peak RSS
# and the PDF size. Machines are shared and noisy: compare medians and
# ratios between runs on the same machine, never single timings.
#   N=50 R=5 sh tools/bench.sh
set -eu
cd "$(dirname "$0")/.."
N=${N:-50} R=${R:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoso-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '%-22s %10s %12s %10s %6s\n' record "ms/doc" "peak RSS" "PDF size" pages
for rec in samples/*.xml; do
    [ "$rec" = samples/profile.xml ] && continue
    python3 - "$rec" "$N" "$R" "$tmp" <<'PY'
import resource, statistics, subprocess, sys, time, os, glob
rec, n, r, tmp = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
cmd = ["build/hoso", "render", "-q", "-t", "templates/quote.xml", "-p", "samples/profile.xml",
       "-o", tmp + "/"] + [rec] * n
times = []
for _ in range(r):
    t = time.perf_counter()
    subprocess.run(cmd, check=True)
    times.append((time.perf_counter() - t) * 1000 / n)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
pdf = max(glob.glob(tmp + "/*.pdf"), key=os.path.getmtime)
pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
pages = [l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")][0]
print("%-22s %10.1f %9.1f MB %7.0f KB %6s" % (os.path.basename(rec), statistics.median(times),
      rss / 1024, os.path.getsize(pdf) / 1024, pages))
PY
done
