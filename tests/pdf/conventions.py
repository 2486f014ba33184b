#!/usr/bin/env python3
"""tests/pdf/conventions.py — what a Vietnamese lawyer and accountant check
on every page of every document (shared/vietnamese.md §5), over the three
samples through the six templates and over generated records with long
titles and long place names:
  - no "Ông/Bà" (the honorific comes from the record), no "V/v" (công văn
    only), no English word of a word list;
  - no page whose only content is a signature block or the survey's tail;
    the survey on one page;
  - the total and "Bằng chữ" on the same page (quote, appendix);
  - the place-and-date line on one line (pdftotext -layout);
  - no place name of the letterhead or of a party's address split over two
    lines, no company short name split.
Prints TAP. Run by tests/pdf/conventions.sh with $HOSO_RELEASE and $T."""
import os
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET

HOSO = os.environ["HOSO_RELEASE"]
T = os.environ["T"]
PROF = "samples/profile.xml"
DOCS = ["analysis", "quote", "appendix", "acceptance", "handover", "survey"]
# English words a Vietnamese reader would flag (names of products and
# standards such as Excel, Android, RS-232, QR are not in it; "Email" and
# "Website" are the usual letterhead labels)
ENGLISH = ["sales", "stress", "deadline", "team", "support", "feedback", "meeting", "report",
           "update", "manager", "customer", "quotation", "invoice", "contract", "total",
           "payment", "project", "item", "status", "approved", "pass", "fail", "done", "pending",
           "none", "yes", "no", "true", "false", "NaN", "Infinity"]
SIGNATURE_HEADS = re.compile(r"^(ĐẠI DIỆN |XÁC NHẬN CỦA KHÁCH HÀNG|NHÂN VIÊN KINH DOANH|"
                             r"NGƯỜI ĐÁNH GIÁ|TRƯỞNG PHÒNG DUYỆT|KỸ THUẬT PHẢN HỒI|"
                             r"\(Ký, ghi rõ|Ngày [0-9.]+ tháng)")
n = 0


def check(name, problems):
    global n
    n += 1
    print(("not ok" if problems else "ok") + f" {n} - {name}")
    for p in problems[:8]:
        print(f"# {p}")


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split()))


def pages(pdf, layout):
    args = ["pdftotext", "-layout" if layout else "-raw", pdf, "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return [p.splitlines() for p in out.split("\f")[:-1]]


def body(lines, i, count):
    return [l for l in lines if l.strip() and l.strip() not in (str(i), f"Trang {i}/{count}")]


def render(recs, outdir):
    os.makedirs(outdir, exist_ok=True)
    cmd = [HOSO, "render", "-q", "-p", PROF, "-o", outdir + "/"]
    for d in DOCS:
        cmd += ["-t", f"templates/{d}.xml"]
    r = subprocess.run(cmd + recs, capture_output=True, text=True)
    return r.returncode, r.stderr.strip()


def split_names(lines, names):
    """a name whose words end one line and begin the next"""
    bad = []
    rows = [l.strip() for l in lines]
    for name in names:
        words = name.split()
        for k in range(1, len(words)):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            for a, b in zip(rows, rows[1:]):
                if a.endswith(head) and b.startswith(tail) and name not in a:
                    bad.append(f"'{head}' / '{tail}'")
    return bad


def address_parts(addr):
    return [p.strip() for p in addr.split(",") if len(p.strip().split()) > 1]


def examine(label, pdfdir, recpaths):
    profile = ET.parse(PROF).getroot()
    words, lone, survey_pages, totals, dates, splits = [], [], [], [], [], []
    by_name = {}
    for rp in recpaths:
        root = ET.parse(rp).getroot()
        short = root.findtext("customer/short-name")
        by_name[short] = root
    for f in sorted(os.listdir(pdfdir)):
        pdf = os.path.join(pdfdir, f)
        short = next((s for s in by_name if f.endswith(f"{s}.pdf") or f" {s} (" in f or f" {s}." in f), None)
        root = by_name.get(short)
        raw, lay = pages(pdf, False), pages(pdf, True)
        count = len(raw)
        flat = " ".join(" ".join(body(p, i, count)) for i, p in enumerate(raw, 1))
        # words
        if "Ông/Bà" in flat:
            words.append(f"{f}: 'Ông/Bà'")
        if re.search(r"\bV/v\b", flat):
            words.append(f"{f}: 'V/v'")
        for w in ENGLISH:
            if re.search(rf"(?<![\w@./-]){w}(?![\w@.-])", flat, re.IGNORECASE):
                words.append(f"{f}: English word '{w}'")
        # pages holding only a signature block or the survey's tail
        for i, p in enumerate(raw, 1):
            b = body(p, i, count)
            if i > 1 and b and SIGNATURE_HEADS.search(b[0].strip()):
                lone.append(f"{f} page {i} starts with '{b[0].strip()}'")
        if f.startswith("Phiếu đánh giá") and count != 1:
            survey_pages.append(f"{f}: {count} pages")
        # total and its words
        for i, p in enumerate(raw, 1):
            t = " ".join(" ".join(body(p, i, count)).split())
            if re.search(r"TỔNG CỘNG THANH TOÁN|TỔNG GIÁ TRỊ PHỤ LỤC", t) and \
                    not re.search(r"(TỔNG CỘNG THANH TOÁN|TỔNG GIÁ TRỊ PHỤ LỤC) [0-9.]+ Bằng chữ: ", t):
                totals.append(f"{f} page {i}: the total without 'Bằng chữ' after it")
        # the date line, on page 1 of every document that has one
        if not f.startswith("Phiếu phân tích") and not (f.startswith("Phiếu đánh giá")
                                                       and root.find("survey[@date]") is None):
            page1 = "\n".join(lay[0])
            one = [d for d in re.findall(r"[^\s,][^,\n]*?, ngày \d{2} tháng \d{1,2} năm \d{4}", page1)
                   if not d.startswith("Hôm nay")]  # running text, not the date line
            if f.startswith("Phiếu đánh giá"):
                one = re.findall(r"Ngày \d{2} tháng \d{1,2} năm \d{4}", page1)
            if not one:
                dates.append(f"{f}: no place-and-date line whole on one line of page 1")
            if re.search(r"ngày \d+ tháng \d+ năm\s*$|ngày \d+ tháng\s*$", page1, re.M):
                dates.append(f"{f}: a date line ends before its year")
            places = {"Hà Nội", "Hưng Yên", "Thành phố Hồ Chí Minh"}
            for d in one:
                if not f.startswith("Phiếu đánh giá") and d.split(",")[0].strip().split("  ")[-1].strip() not in places:
                    dates.append(f"{f}: '{d}' does not start with its place")
        # names never split: letterhead and parties' address parts, short names
        names = address_parts(profile.findtext("address")) + [profile.findtext("short-name")]
        if root is not None:
            names += address_parts(root.findtext("customer/address")) + [short]
        names = [nfc(x) for x in names if x and " " in x]
        for i, p in enumerate(lay, 1):
            for s in split_names(p, names):
                splits.append(f"{f} page {i}: {s}")
    check(f"{label}: no 'Ông/Bà', no 'V/v', no English word", words)
    check(f"{label}: no page starts with a signature block or the survey's tail", lone)
    check(f"{label}: the survey on one page", survey_pages)
    check(f"{label}: the total and 'Bằng chữ' on the same page", totals)
    check(f"{label}: the place-and-date line on one line", dates)
    check(f"{label}: no place or company name split over two lines", splits)


# ---- the samples ----
samples = ["samples/small.xml", "samples/chinh-dai.xml", "samples/large.xml"]
rc, err = render(samples, f"{T}/samples")
made = len(os.listdir(f"{T}/samples"))
check("every sample renders every document (3 × 6)",
      ([err] if rc else []) + ([f"{made} files"] if made != 18 else []))
examine("samples", f"{T}/samples", samples)

# ---- generated: long titles, long place names ----
LONG = ("chức năng tổng hợp số liệu bán hàng của các chi nhánh theo từng ngày và từng nhóm "
        "hàng để lập báo cáo quản trị gửi ban giám đốc vào đầu mỗi tuần").split()
src = open("samples/large.xml", encoding="utf-8").read()
gen = []
for k in range(8):
    s = src
    counter = [0]

    def longer(m, k=k):
        counter[0] += 1
        extra = " ".join(LONG[: (k * 5 + counter[0] * 3) % len(LONG)])
        return f"<title>{m.group(1)} {extra}".rstrip() + "</title>"
    s = re.sub(r"<title>([^<]*)</title>", longer, s)
    s = s.replace("<short-name>Trường Xuân</short-name>", f"<short-name>Trường Xuân {k}</short-name>")
    path = f"{T}/gen{k}.xml"
    with open(path, "w", encoding="utf-8") as f:
        f.write(s)
    gen.append(path)
rc, err = render(gen, f"{T}/gen")
made = len(os.listdir(f"{T}/gen"))
check("8 records with long titles render every document",
      ([err] if rc else []) + ([f"{made} files"] if made != 48 else []))
examine("long titles", f"{T}/gen", gen)
