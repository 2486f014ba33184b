#!/usr/bin/env python3
"""tests/pdf/pagination.py — the pagination rules, over records made to put
rows near page ends.

Generates records whose items have contents, notes and remarks of lengths
that sweep over several lines, so that across the set table rows, headings and
signature blocks fall at every height of a page; renders the quote, the
appendix, the analysis form and the acceptance minutes of each with one hoso
call; then checks, page by page in the text pdftotext gives back:
  - no table row is split: an item's title and the ends of its content, note
    and remark are on the same page (rows here are much shorter than a page);
  - no page ends with a heading;
  - a signature block is whole: each "ĐẠI DIỆN …" is followed on its page by
    the signer's name;
  - the totals stay with the last row.
Prints TAP. Run by tests/pdf/pagination.sh with $HOSO_RELEASE and $T."""
import os
import re
import subprocess
import sys

HOSO = os.environ["HOSO_RELEASE"]
T = os.environ["T"]
RECORDS = int(os.environ.get("RECORDS", 30))

WORDS = ("phần mềm ghi nhận số liệu của từng chuồng theo ngày và gửi báo cáo tổng hợp cho "
         "trưởng trại kỹ thuật vùng và ban giám đốc mỗi sáng kèm biểu đồ so sánh với định mức "
         "của giống đã khai báo").split()


def text(n, seed):
    """n words of running Vietnamese text, varied by seed"""
    return " ".join(WORDS[(seed * 7 + k) % len(WORDS)] for k in range(n))


def record(k):
    items, results = [], []
    count = 7 + k % 6  # the totals check below knows this
    for i in range(1, count + 1):
        # lengths sweep with k and i so that row ends land all over a page
        nc, nn, nr = 12 + (k * 13 + i * 29) % 70, 6 + (k * 5 + i * 11) % 30, 4 + (k + i * 7) % 25
        items.append(f"""    <item id="{i}">
      <title>Hạng mục số {i}: {text(3 + (k + i) % 9, i)}</title>
      <content>{text(nc, k + i)} (hết nội dung {i})</content>
      <explanation>{text(8 + (k * 3 + i) % 40, i)} (hết giải thích {i})</explanation>
      <purpose>{text(5 + (i * 3) % 15, k)} (hết mục đích {i})</purpose>
      <feedback feasible="yes" vat-rate="{("KCT", "8", "10")[(k + i) % 3] if k % 3 else "KCT"}">
        <cost>{(1 + (k * 7 + i * 3) % 40) * 500000}</cost>
        <days>{1 + (k + i) % 9}</days>
        <note>{text(nn, k * i)} (hết ghi chú {i})</note>
      </feedback>
    </item>""")
        results.append(f'    <result item="{i}" status="{"fail" if (k + i) % 5 == 0 else "pass"}">'
                       f"{text(nr, i + 3)} (hết nhận xét {i})</result>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<request id="YC-PG-{k:02d}">
  <received date="2021-05-03" channel="email">
    <sales name="Trần Văn Minh" phone="0936 482 117"/>
  </received>
  <customer>
    <name>Công ty Cổ phần Thử nghiệm Phân trang số {k}</name>
    <short-name>Phân trang {k:02d}</short-name>
    <address>Số {k + 1}, phố Huế, phường Ngô Thì Nhậm, quận Hai Bà Trưng, thành phố Hà Nội</address>
    <tax-code>0101234567</tax-code>
    <representative honorific="Ông" name="Nguyễn Văn Bình" position="Giám đốc"/>
  </customer>
  <project>{text(6 + k, k)}</project>
  <items>
{chr(10).join(items)}
  </items>
  <review reviewer="Lê Thị Thu Hằng" position="Trưởng phòng Kinh doanh" date="2021-05-05">
    <budget-fits>yes</budget-fits>
    <logical>yes</logical>
    <benefit>{text(20 + k * 9, k)}</benefit>
  </review>
  <technical engineer="Phạm Ngọc Trường" date="2021-05-07" dedicated-server="no" start-after-days="5"/>
  <schedule start="2021-05-25">
{chr(10).join(f'    <stage days="{d}">Giai đoạn {j + 1}: {text(2 + (k + j) % 6, j)}</stage>' for j, d in enumerate((2, 6, 1, 20, 1, 2)[: 3 + k % 4]))}
  </schedule>
  <quote number="BG-PG/{k:02d}" date="2021-05-10">
    <payment>{text(15 + k * 4, k + 1)}</payment>
    <timeline>{text(10 + k * 7, k + 2)}</timeline>
  </quote>
  <contract number="{k:02d}/2021/HĐDV" date="2021-05-20">
    <appendix number="01" date="2021-05-20">
      <payment>Bên B thanh toán {text(12 + k * 3, k + 5)}</payment>
    </appendix>
  </contract>
  <acceptance number="{k:02d}/2021/BBNT" date="2021-08-02">
    <present party="A" honorific="Ông" name="Trần Văn Minh" position="Chuyên viên Kinh doanh"/>
    <present party="B" honorific="Bà" name="Đỗ Thị Hải Yến" position="Trưởng phòng"/>
{chr(10).join(results)}
    <conclusion>{text(20 + k * 6, k + 4)}</conclusion>
  </acceptance>
</request>
"""


def pages(pdf):
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return [p.splitlines() for p in out.split("\f")[:-1]]


def body(lines, i, n):
    # without the page numbers (Decree 30 header, "Trang X/Y" footer)
    return [l for l in lines if l.strip() not in (str(i), f"Trang {i}/{n}")]


HEADING = re.compile(r"^(I|II|III|IV|V)\. [A-ZĐÁÀẢÃẠÂĂÊÔƠƯ ]|^Điều \d+\. |^\d\. Kết (quả|luận)"
                     r"|^Các hạng mục chưa thể thực hiện$|^Điều kiện báo giá$")

# the heading of each signature block and the name signed under it
SIGNERS = {"ĐẠI DIỆN BÊN A": "Đặng Quốc Hưng", "ĐẠI DIỆN BÊN B": "Nguyễn Văn Bình",
           "ĐẠI DIỆN THIÊN PHÚC": "Đặng Quốc Hưng", "NHÂN VIÊN KINH DOANH": "Trần Văn Minh",
           "XÁC NHẬN CỦA KHÁCH HÀNG": "Nguyễn Văn Bình",
           "TRƯỞNG PHÒNG DUYỆT": "Lê Thị Thu Hằng", "KỸ THUẬT PHẢN HỒI": "Phạm Ngọc Trường"}
# minutes are signed by those present (the first of each party here)
MINUTES_SIGNERS = {"ĐẠI DIỆN BÊN A": "Trần Văn Minh", "ĐẠI DIỆN BÊN B": "Đỗ Thị Hải Yến"}

n = 0


def check(name, problems):
    global n
    n += 1
    if problems:
        print(f"not ok {n} - {name}")
        for p in problems[:8]:
            print(f"# {p}")
    else:
        print(f"ok {n} - {name}")


os.makedirs(f"{T}/rec", exist_ok=True)
os.makedirs(f"{T}/pdf", exist_ok=True)
recs = []
for k in range(RECORDS):
    path = f"{T}/rec/pg{k:02d}.xml"
    with open(path, "w", encoding="utf-8") as f:
        f.write(record(k))
    recs.append(path)
docs = ["quote", "appendix", "analysis", "acceptance"]
cmd = [HOSO, "render", "-q", "-p", "samples/profile.xml", "-o", f"{T}/pdf/"]
for d in docs:
    cmd += ["-t", f"templates/{d}.xml"]
r = subprocess.run(cmd + recs, capture_output=True, text=True)
pdfs = sorted(os.path.join(f"{T}/pdf", f) for f in os.listdir(f"{T}/pdf"))
check(f"{len(recs)} records × {len(docs)} documents render", ([r.stderr.strip()] if r.returncode
      else []) + ([f"{len(pdfs)} files"] if len(pdfs) != len(recs) * len(docs) else []))

split_rows, end_headings, split_sigs, lone_totals, lone_words = [], [], [], [], []
breaks_in_tables = 0
for pdf in pdfs:
    name = os.path.basename(pdf)
    ps = pages(pdf)
    for i, lines in enumerate(ps, 1):
        b = body(lines, i, len(ps))
        flat = " ".join(" ".join(b).split())
        # rows: every marker of an item on a page goes with its title there
        for m in re.finditer(r"\(hết (nội dung|ghi chú|nhận xét) (\d+)\)", flat):
            item = m.group(2)
            if f"Hạng mục số {item}:" not in flat:
                split_rows.append(f"{name} page {i}: '{m.group(0)}' without its row's title")
        for m in re.finditer(r"Hạng mục số (\d+):", flat):
            item = m.group(1)
            if not re.search(rf"\(hết (nội dung|ghi chú|nhận xét|mục đích) {item}\)", flat) \
                    and not name.startswith("Phiếu phân tích"):
                split_rows.append(f"{name} page {i}: the row of item {item} ends on another page")
        # the analysis form prints the title alone in its feedback table only
        # when the note ends the same row: count titles against row ends
        if name.startswith("Phiếu phân tích"):
            for item in set(re.findall(r"Hạng mục số (\d+):", flat)):
                t = flat.count(f"Hạng mục số {item}:")
                e = flat.count(f"(hết nội dung {item})") + flat.count(f"(hết ghi chú {item})")
                if t != e:
                    split_rows.append(f"{name} page {i}: item {item}: {t} titles, {e} row ends")
        # headings
        last = [l for l in b if l.strip()]
        if last and HEADING.search(last[-1].strip()) and i < len(ps):
            end_headings.append(f"{name} page {i} ends with the heading '{last[-1].strip()}'")
        # signature blocks
        signers = dict(SIGNERS, **MINUTES_SIGNERS) if name.startswith("Biên bản") else SIGNERS
        for head, signer in signers.items():
            for m in re.finditer(head, flat):
                if signer not in flat[m.end():]:
                    split_sigs.append(f"{name} page {i}: '{head}' without its signer {signer}")
        if i > 1 and b and b[0].startswith("STT"):
            breaks_in_tables += 1
    # totals with the last row
    for i, lines in enumerate(ps, 1):
        flat = " ".join(" ".join(body(lines, i, len(ps))).split())
        if re.search(r"TỔNG CỘNG THANH TOÁN|TỔNG GIÁ TRỊ PHỤ LỤC", flat) \
                and not re.search(r"(TỔNG CỘNG THANH TOÁN|TỔNG GIÁ TRỊ PHỤ LỤC) [0-9.]+ Bằng chữ: ",
                                  flat):
            lone_words.append(f"{name} page {i}: the total without 'Bằng chữ' under it")
        if re.search(r"TỔNG CỘNG THANH TOÁN|TỔNG GIÁ TRỊ PHỤ LỤC", flat):
            k = int(re.search(r"Phân trang (\d+)", name).group(1))
            last_item = 7 + k % 6
            if f"Hạng mục số {last_item}:" not in flat:
                lone_totals.append(f"{name} page {i}: the totals without the last row")

check("no table row is split over two pages", split_rows)
check("no page ends with a heading", end_headings)
check("no signature block is split", split_sigs)
check("the totals stay with the last row", lone_totals)
check("the total and its amount in words are on the same page", lone_words)
# the set must exercise the rules: tables go on over many page breaks
check(f"the records put many page breaks inside tables ({breaks_in_tables})",
      [] if breaks_in_tables >= 20 else [f"only {breaks_in_tables} page breaks in tables"])
