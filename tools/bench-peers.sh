#!/bin/sh
# bench-peers.sh — hoso beside two other engines on the same quote, in one
# run (make bench-peers; never part of make test):
#  - Typst 0.14 through its Node.js compiler (npm's
#    @myriaddreamin/typst-ts-node-compiler, pinned by tools/peers/package.json
#    and package-lock.json, installed into build/peers/ with the machine's
#    npm), template tools/peers/quote.typ driven by tools/peers/typst-quote.js;
#  - ReportLab, Debian's python3-reportlab (installed by tools/deps.sh), run by
#    /usr/bin/python3: tools/peers/reportlab-quote.py.
# The content is the reference quote of tools/bench.sh (its record(), read
# from that file so that the two cannot differ: samples/chinh-dai.xml cut to
# its first 8 feasible items): every engine reads the same record and profile
# XML files, the same Liberation Serif faces (build/fonts) and logo, and lays
# out an A4 quote with the letterhead, the items table with its VAT rows and
# the amount in words, the schedule on the working calendar, the terms and the
# signatures. Typst's quote has no VietQR code (Typst draws none without a
# package of its own registry); ReportLab's has one.
# Before anything is timed, each engine's PDF of the quote is checked:
# pdftotext must give back the record's Vietnamese text exactly (NFC), and
# hoso's amount in words and validity line; an engine whose output is wrong is
# reported and not timed. Then, interleaved so that all see the same load:
#  - cold: one process for one document (Typst: node, the compiler and its
#    fonts loaded; ReportLab: python3 and its imports), median of R;
#  - batch of CORPUS documents (varied request ids), 1 and 2 workers: hoso
#    batch -j 1 / -j 2; Typst one node process compiling every document with
#    one compiler (its own in-process reuse), and two such processes for 2
#    workers, each half of the corpus; ReportLab likewise one python3 process,
#    and two; median of B runs: documents/s and CPU ms per document. The
#    corpus's documents differ only in their request id, and Typst keeps its
#    memoized layout between the documents of a process, so it lays out again
#    little more than what differs: "Typst --fresh" is the same batch with
#    that memo cleared after each document, what documents of other content
#    cost it;
#  - hoso twice, each cold and batch figure: as a user types it (every PDF
#    and the batch's report fsynced, the default) and with --no-sync, which
#    writes its files as Typst and ReportLab write theirs (none fsyncs): the
#    ratios are printed for both, the --no-sync ones marked like-for-like;
#  - file size and pages; hoso's time over each peer's (below 1: hoso faster).
# A peer that cannot be installed (no network, no npm, no root) is left out in
# one line and the run goes on with the others.
#   R=5 B=3 CORPUS=100 sh tools/bench-peers.sh
set -eu
cd "$(dirname "$0")/.."
R=${R:-5} B=${B:-3} CORPUS=${CORPUS:-100}
peers=""
# ReportLab: Debian's package, so Debian's python3 (a pyenv python3 first on
# PATH does not see it)
if sh tools/deps.sh python3-reportlab >&2 && /usr/bin/python3 -c 'import reportlab' 2>/dev/null; then
    peers="$peers reportlab"
else
    echo "bench-peers: ReportLab left out: python3-reportlab could not be installed (tools/deps.sh above)"
fi
# Typst: npm ci from the lock file into build/peers/, again when the lock changed
typst_install() {
    if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
        echo "no node and npm on this machine"
        return 1
    fi
    mkdir -p build/peers
    if [ -d build/peers/node_modules ] && cmp -s tools/peers/package-lock.json build/peers/package-lock.json; then
        return 0
    fi
    cp tools/peers/package.json tools/peers/package-lock.json build/peers/
    if ! (cd build/peers && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1); then
        rm -rf build/peers/node_modules
        echo "npm ci failed ($(sed -n 's/^npm error code //p' build/peers/npm.log | head -n 1), build/peers/npm.log)"
        return 1
    fi
}
if why=$(typst_install); then
    peers="$peers typst"
else
    echo "bench-peers: Typst left out: $why"
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoso-peers.XXXXXX")
export HOSO_CACHE="$tmp/cache" # hoso's on-disk cache: this run's, not the user's
trap 'rm -rf "$tmp"' EXIT
python3 - "$R" "$B" "$CORPUS" "$tmp" "$peers" <<'PY'
import os, re, statistics, subprocess, sys, time, unicodedata
import xml.etree.ElementTree as ET
r, rounds, corpus, tmp, peers = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5].split()
fonts, profile = os.path.abspath("build/fonts"), os.path.abspath("samples/profile.xml")

# the reference quote: tools/bench.sh's own record() and what it needs,
# read from that file, so that this is the quote make bench measures
bench = open("tools/bench.sh", encoding="utf-8").read()
start = bench.find('src = open("samples/chinh-dai.xml"')
end = bench.find("    return path\n", start)
if start < 0 or end < 0:
    sys.exit("bench-peers: tools/bench.sh has no record() of the reference quote where expected")
env = {"re": re}
exec(bench[start:end + len("    return path\n")], env)
record = env["record"]

def run(cmds):
    """Commands started together, waited for together: wall ms, CPU ms
    (user + sys of the processes, their threads and children)."""
    t = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in cmds]
    cpu = 0.0
    for p, c in zip(procs, cmds):
        _, status, ru = os.wait4(p.pid, 0)
        err = p.stderr.read().decode(errors="replace")
        if status != 0:
            sys.exit("bench-peers: %s failed:\n%s" % (" ".join(c[:4]), err))
        cpu += (ru.ru_utime + ru.ru_stime) * 1000
    return (time.perf_counter() - t) * 1000, cpu

def pdfinfo(pdf):
    return subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout

def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])

# each engine: a command that renders records into OUT (a .pdf for one
# record, a folder for many), and its batch of a corpus with j workers
# hoso twice: as a user types it (each PDF and the batch's report fsynced
# before it counts as written, hoso's default), and with --no-sync, written
# as the peers write theirs (none of them fsyncs): the like-for-like one.
# Both with -q and the same --fonts, so that they differ in the fsyncs only.
def hoso(sync):
    flags = [] if sync else ["--no-sync"]
    def one(out, recs):
        return [["build/hoso", "render", "-q"] + flags + ["--fonts", fonts, "-t", "templates/quote.xml",
                 "-p", profile, "-o", out + ("" if out.endswith(".pdf") else "/")] + recs]
    def batch(out, cdir, recs, j):
        return [["build/hoso", "batch", "-q", "-j", str(j)] + flags + ["--fonts", fonts, "-t",
                 "templates/quote.xml", "-p", profile, "-o", out, cdir]]
    return one, batch
hoso_one = hoso(False)[0]
def peer(cmd):
    one = lambda out, recs: [cmd + [fonts, profile, out] + recs]
    # j workers: j processes, each rendering every j-th record
    batch = lambda out, cdir, recs, j: [cmd + [fonts, profile, out] + recs[k::j] for k in range(j)]
    return one, batch
HOSO, LIKE = "hoso", "hoso --no-sync"
hosos = (HOSO, LIKE)
engines = {HOSO: hoso(True), LIKE: hoso(False)}
if "typst" in peers:
    engines["Typst"] = peer(["node", "tools/peers/typst-quote.js", "build/peers/node_modules"])
    engines["Typst --fresh"] = peer(["node", "tools/peers/typst-quote.js", "--fresh", "build/peers/node_modules"])
if "reportlab" in peers:
    engines["ReportLab"] = peer(["/usr/bin/python3", "tools/peers/reportlab-quote.py"])

print("hoso bench-peers, %d cores, load %s at the start; R=%d B=%d CORPUS=%d" % (os.cpu_count(), load(), r, rounds, corpus))
ref = record(os.path.join(tmp, "ref.xml"), 8)

# what every engine's PDF must give back: the record's text (NFC, as the
# record holds it), and hoso's amount in words and validity line
def tx(e):
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", "".join(e.itertext())).strip())
root = ET.parse(ref).getroot()
want = [tx(root.find(p)) for p in ("customer/name", "customer/address", "project", "quote/payment",
                                     "quote/timeline", "quote/warranty")]
want += [tx(s) for s in root.findall("schedule/stage")]
for item in root.find("items"):
    if item.find("feedback").get("feasible") == "yes":
        want += [tx(item.find(p)) for p in ("title", "content", "feedback/note") if item.find(p) is not None]
def text_of(pdf):
    return re.sub(r"\s+", " ", subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
hoso_pdf = os.path.join(tmp, "hoso.pdf")
run(hoso_one(hoso_pdf, [ref]))
computed = [re.search(p, text_of(hoso_pdf)) for p in (r"Bằng chữ: [^.]+\.", r"\(Có hiệu lực [^)]+\)")]
if None in computed:
    sys.exit("bench-peers: hoso's quote has no amount in words or validity line")
want += [m.group(0) for m in computed]

info = {}
for name in list(engines):
    pdf = hoso_pdf if name in hosos else os.path.join(tmp, name.replace(" ", "") + ".pdf")
    if name not in hosos:
        run(engines[name][0](pdf, [ref]))
    got, meta = text_of(pdf), pdfinfo(pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", meta).group(1))
    missing = [w for w in want if w not in got]
    if "Trang 1/%d" % pages not in got:
        missing.append("Trang 1/%d" % pages)
    creator = re.search(r"(?:Creator|Producer):\s+(.*)", meta)
    info[name] = (pages, os.path.getsize(pdf), creator.group(1) if creator else "")
    if missing:
        print("bench-peers: %s's PDF is wrong, not timed: %d of %d texts missing, the first: \"%s\""
              % (name, len(missing), len(want) + 1, missing[0]))
        if name in hosos:
            sys.exit(1)
        del engines[name]

ver = subprocess.run(["build/hoso", "--version"], capture_output=True, text=True).stdout.strip()
label = {HOSO: ver + " (fsync, as a user types it)", LIKE: ver + " --no-sync (like-for-like)"}
pkg = open("build/peers/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json").read() if "typst" in peers else ""
for name in ("Typst", "Typst --fresh"):
    if name in engines:
        label[name] = ("%s (typst-ts-node-compiler %s)" % (info[name][2], re.search(r'"version": "([^"]+)"', pkg).group(1))
                       if name == "Typst" else "%s, nothing reused between documents" % info[name][2])
if "ReportLab" in engines:
    label["ReportLab"] = "ReportLab " + subprocess.run(["/usr/bin/python3", "-c", "import reportlab; print(reportlab.Version)"],
                                                       capture_output=True, text=True).stdout.strip()

# a single document has nothing to reuse: Typst --fresh is timed in batches only
batch_only = {"Typst --fresh"}
cold = {n: [] for n in engines if n not in batch_only}
for k in range(r):
    for name in cold:
        cold[name].append(run(engines[name][0](os.path.join(tmp, "cold-%s.pdf" % name.replace(" ", "")), [ref])))

cdir = os.path.join(tmp, "corpus")
os.makedirs(cdir)
recs = [record(os.path.join(cdir, "r%05d.xml" % k), 8, "YC-%05d" % k) for k in range(corpus)]
batch = {(n, j): [] for n in engines for j in (1, 2)}
for k in range(rounds):
    for j in (1, 2):
        for name, (_, many) in engines.items():
            out = os.path.join(tmp, "b-%s-%d-%d" % (name.replace(" ", ""), j, k))
            os.makedirs(out)
            batch[name, j].append(run(many(out, cdir, recs, j)))
            pdfs = sorted(os.listdir(out))
            if len(pdfs) != corpus:
                sys.exit("bench-peers: %s with %d workers wrote %d of %d documents" % (name, j, len(pdfs), corpus))
            last = int(re.search(r"Pages:\s+(\d+)", pdfinfo(os.path.join(out, pdfs[-1]))).group(1))
            if last != info[name][0]:
                sys.exit("bench-peers: %s's %s has %d pages, the quote %d" % (name, pdfs[-1], last, info[name][0]))
            subprocess.run(["rm", "-rf", out], check=True)

med = statistics.median
fig = {}
for name in engines:
    fig[name] = {"cold": med(w for w, _ in cold[name]), "cold_cpu": med(c for _, c in cold[name])} if name in cold else {}
    for j in (1, 2):
        fig[name]["b%d" % j] = med(w for w, _ in batch[name, j])
        fig[name]["c%d" % j] = med(c for _, c in batch[name, j]) / corpus
print()
print("the reference quote (tools/bench.sh), %d documents a batch, medians of %d (cold) and %d (batch) runs" % (corpus, r, rounds))
print("| engine | pages | KB | cold ms (CPU) | batch -j 1 docs/s | batch -j 2 docs/s | CPU ms/doc -j 1 (-j 2) |")
print("|---|---|---|---|---|---|---|")
for name in engines:
    f, (pages, size, _) = fig[name], info[name]
    print("| %s | %d | %.1f | %s | %.0f | %.0f | %.2f (%.2f) |"
          % (label[name], pages, size / 1024, "%.0f (%.0f)" % (f["cold"], f["cold_cpu"]) if name in cold else "–",
             corpus / f["b1"] * 1000, corpus / f["b2"] * 1000, f["c1"], f["c2"]))
print()
print("hoso's time over the peer's, wall and CPU (below 1: hoso takes less), and hoso's documents/s over the peer's;")
print("like-for-like: hoso --no-sync, since no peer fsyncs its PDFs; hoso as typed fsyncs each PDF and the report")
print("| hoso | peer | batch -j 1 | batch -j 2 | cold | CPU/doc -j 1 | CPU/doc -j 2 | cold CPU | hoso's throughput -j 2 |")
print("|---|---|---|---|---|---|---|---|---|")
for hname in (LIKE, HOSO):
    h = fig[hname]
    for name in engines:
        if name not in hosos:
            f = fig[name]
            colds = ("%.2f" % (h["cold"] / f["cold"]), "%.2f" % (h["cold_cpu"] / f["cold_cpu"])) if name in cold else ("–", "–")
            print("| %s | %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %.1f× |"
                  % ("--no-sync (like-for-like)" if hname == LIKE else "as typed (fsync)", label[name],
                     h["b1"] / f["b1"], h["b2"] / f["b2"], colds[0], h["c1"] / f["c1"], h["c2"] / f["c2"],
                     colds[1], f["b2"] / h["b2"]))
print("load at the end: %s" % load())
PY
