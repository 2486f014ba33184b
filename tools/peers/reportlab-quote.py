#!/usr/bin/python3
"""tools/peers/reportlab-quote.py: the reference quote of make bench-peers in
ReportLab (Debian's python3-reportlab, so /usr/bin/python3), laid out like
templates/quote.xml: letterhead with the logo, items table with the VAT rows
and the amount in words, schedule on the working calendar, terms, the deposit
with its VietQR code (ReportLab's own QR widget), signatures, "Trang n/N".
It reads the same record and profile XML files as hoso and computes what
hoso's template computes (sums, money, dates, working days, words), so that
the content cannot drift from hoso's. One process renders every record given,
its fonts and styles made once.
    reportlab-quote.py FONTS PROFILE OUT RECORD...
OUT is a .pdf file for one record, else a folder (RECORD's name, .pdf)."""
import binascii
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)
from xml.sax.saxutils import escape

BLUE, HEAD = colors.HexColor("#1F3A93"), colors.HexColor("#E8EDF7")


def fonts(folder):
    faces = {"LS": "Regular", "LS-B": "Bold", "LS-I": "Italic", "LS-BI": "BoldItalic"}
    for name, face in faces.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, "LiberationSerif-%s.ttf" % face)))
    pdfmetrics.registerFontFamily("LS", normal="LS", bold="LS-B", italic="LS-I", boldItalic="LS-BI")


def style(size=12, **kw):
    kw.setdefault("fontName", "LS")
    return ParagraphStyle("s", fontSize=size, leading=size * 1.25, **kw)


P, SMALL, NOTE = style(spaceAfter=2), style(11), style(10.5)
CENTER, RIGHT, COND = style(alignment=TA_CENTER), style(alignment=TA_RIGHT), style(alignment=TA_JUSTIFY, spaceAfter=2)


def tx(e):
    return "" if e is None else re.sub(r"\s+", " ", "".join(e.itertext())).strip()


def h(e):
    """A record's text as ReportLab paragraph markup."""
    return escape(tx(e))


def money(n):
    return "{:,}".format(n).replace(",", ".")


def dmy(d):
    return d.strftime("%d/%m/%Y")


def day(s):
    return datetime.date.fromisoformat(s)


DIGIT = "không một hai ba bốn năm sáu bảy tám chín".split()


def three(n, full):
    hu, te, un = n // 100, n // 10 % 10, n % 10
    w = []
    if full or hu:
        w.append(DIGIT[hu] + " trăm")
    if te == 0 and un and (full or hu):
        w.append("linh")
    if te == 1:
        w.append("mười")
    elif te > 1:
        w.append(DIGIT[te] + " mươi")
    if un == 1 and te > 1:
        w.append("mốt")
    elif un == 4 and te > 1:
        w.append("tư")
    elif un == 5 and te:
        w.append("lăm")
    elif un:
        w.append(DIGIT[un])
    return " ".join(w)


def number(n, started, out):
    """n > 0 read from the top into out; started[0]: a group has been read
    before, so the next ones are read in full; above 10^9 "tỷ" repeats."""
    if n >= 10 ** 9:
        number(n // 10 ** 9, started, out)
        out.append("tỷ")
        started[0], n = True, n % 10 ** 9
    for scale, name in ((10 ** 6, "triệu"), (1000, "nghìn"), (1, None)):
        g = n // scale % 1000
        if g:
            out += [three(g, started[0])] + ([name] if name else [])
            started[0] = True


def words(n):
    """The amount in Vietnamese words, as hoso's words()."""
    out = []
    if n:
        number(n, [False], out)
    s = " ".join(out or ["không"]) + " đồng"
    return s[0].upper() + s[1:]


def tlv(tag, value):
    return "%s%02d%s" % (tag, len(value), value)


def vietqr(bin_, account, amount, purpose):
    """The EMVCo payload of a VietQR (NAPAS 247) transfer, CRC-16/CCITT-FALSE."""
    acct = tlv("00", "A000000727") + tlv("01", tlv("00", bin_) + tlv("01", account)) + tlv("02", "QRIBFTTA")
    s = (tlv("00", "01") + tlv("01", "12") + tlv("38", acct) + tlv("53", "704") + tlv("54", str(amount))
         + tlv("58", "VN") + tlv("62", tlv("08", purpose)) + "6304")
    return s + "%04X" % binascii.crc_hqx(s.encode("ascii"), 0xFFFF)


class Numbered(canvas.Canvas):
    """Pages kept until the end, so that each footer says "Trang n/N"."""

    def __init__(self, *a, **kw):
        canvas.Canvas.__init__(self, *a, **kw)
        self.kept = []

    def showPage(self):
        self.kept.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for n, state in enumerate(self.kept, 1):
            self.__dict__.update(state)
            self.setFont("LS", 10)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawCentredString(A4[0] / 2 + 5 * mm, 10 * mm, "Trang %d/%d" % (n, len(self.kept)))
            canvas.Canvas.showPage(self)
        canvas.Canvas.save(self)


def quote(rec, prof, profile_path):
    cust, q, cal, bank = rec.find("customer"), rec.find("quote"), prof.find("calendar"), prof.find("bank")
    items = [i for i in rec.find("items") if i.find("feedback").get("feasible") == "yes"]
    cost = lambda i: int(tx(i.find("feedback/cost")))
    rate = lambda i: i.find("feedback").get("vat-rate", q.get("vat-rate", "KCT"))
    subtotal = sum(cost(i) for i in items)
    # VAT per rate, on the sum of the lines at that rate, half-up to the đồng
    base = {r: sum(cost(i) for i in items if rate(i) == r) for r in ("0", "5", "8", "10")}
    vat_at = {r: (b * int(r) + 50) // 100 for r, b in base.items()}
    vat = sum(vat_at.values())
    total = subtotal + vat
    kct = [i for i in items if rate(i) == "KCT"]
    qdate, valid = day(q.get("date")), int(q.get("valid-days", "15"))
    until = dmy(qdate + datetime.timedelta(days=valid))
    short, us, name = h(cust.find("short-name")), h(prof.find("short-name")), h(prof.find("name"))
    week = [int(d) for d in cal.get("week", "1 2 3 4 5").split()]
    holidays = {x.get("date") for x in cal.findall("holiday")}
    one = datetime.timedelta(days=1)

    def next_working(d):
        while d.isoweekday() not in week or d.isoformat() in holidays:
            d += one
        return d

    out = []
    logo = os.path.join(os.path.dirname(profile_path), tx(prof.find("logo")))
    head = [Paragraph('<font size="12" color="#1F3A93"><b>%s</b></font>' % name.upper(), style(10.5)),
            Paragraph("Địa chỉ: " + h(prof.find("address")), style(10.5)),
            Paragraph("Mã số thuế: %s · Điện thoại: %s" % (h(prof.find("tax-code")), h(prof.find("phone"))), style(10.5)),
            Paragraph("Email: %s · Website: %s" % (h(prof.find("email")), h(prof.find("website"))), style(10.5))]
    t = Table([[Image(logo, 24 * mm, 24 * mm, kind="proportional"), head]], colWidths=[28 * mm, None])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out += [t, Table([[""]], colWidths=[170 * mm], style=[("LINEABOVE", (0, 0), (-1, 0), 1, BLUE)])]
    place = h(prof.find("place"))
    out.append(Table([[Paragraph("Số: <b>%s</b>" % escape(q.get("number")), P),
                       Paragraph("<i>%s, ngày %d tháng %d năm %d</i>" % (place, qdate.day, qdate.month, qdate.year), RIGHT)]],
                     colWidths=[None, 95 * mm], style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    out.append(Paragraph("<b>BÁO GIÁ TÙY BIẾN PHẦN MỀM</b>", style(16, alignment=TA_CENTER, spaceBefore=4)))
    out.append(Paragraph("<i>(Có hiệu lực %d ngày, đến hết ngày %s)</i>" % (valid, until), style(alignment=TA_CENTER, spaceAfter=8)))
    c = cust.find("contact")
    out += [Paragraph("Kính gửi: <b>%s</b>" % h(cust.find("name")), P),
            Paragraph("Địa chỉ: " + h(cust.find("address")), P),
            Paragraph("Mã số thuế: " + h(cust.find("tax-code")), P),
            Paragraph("Người liên hệ: %s %s – %s, điện thoại %s" % tuple(escape(c.get(a)) for a in ("honorific", "name", "position", "phone")), P),
            Paragraph("Dự án: " + h(rec.find("project")), P)]
    out.append(Paragraph("%s trân trọng cảm ơn Quý công ty đã quan tâm đến sản phẩm và dịch vụ của chúng tôi. Căn cứ yêu cầu tùy biến số %s "
                         "nhận ngày %s, chúng tôi xin gửi Quý công ty báo giá các hạng mục có thể thực hiện như sau:"
                         % (name, escape(rec.get("id")), dmy(day(rec.find("received").get("date")))),
                         style(alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceBefore=6, spaceAfter=2)))
    out.append(Paragraph("<i>Đơn vị tính: đồng</i>", style(11, alignment=TA_RIGHT)))
    bold_c, bold_r = style(alignment=TA_CENTER, fontName="LS-B"), style(alignment=TA_RIGHT, fontName="LS-B")
    rows = [[Paragraph(x, bold_c) for x in ("STT", "Hạng mục", "Ngày công", "Thuế suất GTGT", "Thành tiền")]]
    for n, i in enumerate(items, 1):
        cell = [Paragraph("<b>%s</b>" % h(i.find("title")), P), Paragraph(h(i.find("content")), SMALL)]
        if i.find("feedback/note") is not None:
            cell.append(Paragraph("<i>Ghi chú: %s</i>" % h(i.find("feedback/note")), NOTE))
        r = rate(i)
        rows.append([Paragraph(str(n), CENTER), cell, Paragraph(h(i.find("feedback/days")), CENTER),
                     Paragraph("KCT" if r == "KCT" else r + "%", CENTER), Paragraph(money(cost(i)), RIGHT)])
    last = len(rows)
    rows.append([Paragraph("Cộng giá trị %d hạng mục" % len(items), bold_r), "", "", "", Paragraph(money(subtotal), bold_r)])
    if 0 < len(kct) < len(items):
        rows.append([Paragraph("Trong đó: không chịu thuế GTGT (KCT)", RIGHT), "", "", "",
                     Paragraph(money(sum(cost(i) for i in kct)), RIGHT)])
    rows += [[Paragraph("Thuế GTGT %s%% (trên %s)" % (r, money(b)), RIGHT), "", "", "", Paragraph(money(vat_at[r]), RIGHT)]
             for r, b in base.items() if b]
    if len(kct) == len(items):
        rows.append([Paragraph("Thuế GTGT", RIGHT), "", "", "", Paragraph("KCT", RIGHT)])
    rows += [[Paragraph("TỔNG CỘNG THANH TOÁN", bold_r), "", "", "", Paragraph(money(total), bold_r)],
             [Paragraph("Bằng chữ: <i><b>%s</b></i>." % words(total), P), "", "", "", ""]]
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    n = len(rows)  # the closing rows span the columns left of the amount; the words, all
    spans = [("SPAN", (0, r), (3, r)) for r in range(last, n - 1)] + [("SPAN", (0, n - 1), (4, n - 1))]
    out.append(Table(rows, colWidths=[11 * mm, None, 16 * mm, 17 * mm, 32 * mm], repeatRows=1,
                     style=grid + spans + [("BACKGROUND", (0, n - 2), (-1, n - 2), HEAD)]))
    if kct:
        out.append(Paragraph("<i>KCT: sản phẩm phần mềm và dịch vụ phần mềm thuộc đối tượng không chịu thuế giá trị gia tăng theo khoản 21 "
                             "Điều 5 Luật Thuế giá trị gia tăng số 13/2008/QH12 và khoản 21 Điều 4 Thông tư số 219/2013/TT-BTC của Bộ Tài chính.</i>",
                             style(11, alignment=TA_JUSTIFY)))
    H2 = style(fontName="LS-B", spaceBefore=8, spaceAfter=3, keepWithNext=1)
    sched = rec.find("schedule")
    stages = [] if sched is None else sched.findall("stage")
    if sched is not None:
        out.append(Paragraph("Tiến độ dự kiến", H2))
        s11, c11 = style(11), style(11, alignment=TA_CENTER)
        b11 = style(11, alignment=TA_CENTER, fontName="LS-B")
        srows = [[Paragraph(x, b11) for x in ("STT", "Giai đoạn", "Số ngày làm việc", "Từ ngày", "Đến ngày")]]
        cur, first, end = next_working(day(sched.get("start"))), None, None
        for n, st in enumerate(stages, 1):
            days = int(st.get("days"))
            s = e = next_working(cur)
            for _ in range(1, max(days, 1)):
                e = next_working(e + one)
            cur = e + one if days else s
            first, end = first or s, e
            srows.append([Paragraph(str(n), c11), Paragraph(h(st), s11), Paragraph(str(days) if days else "mốc", c11),
                          Paragraph(dmy(s), c11), Paragraph(dmy(e), c11)])
        srows.append([Paragraph("Tổng thời gian thực hiện", style(11, alignment=TA_RIGHT, fontName="LS-B")), "",
                      Paragraph(str(sum(int(x.get("days")) for x in stages)), b11), Paragraph(dmy(first), b11), Paragraph(dmy(end), b11)])
        out.append(Table(srows, colWidths=[11 * mm, None, 24 * mm, 25 * mm, 25 * mm], repeatRows=1,
                         style=grid + [("SPAN", (0, len(srows) - 1), (1, len(srows) - 1)),
                                       ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        out.append(Paragraph("<i>Số ngày làm việc không kể ngày nghỉ hằng tuần và ngày nghỉ lễ, Tết; giai đoạn ghi “mốc” không chiếm ngày làm việc.</i>",
                             style(11, spaceBefore=2)))
    out.append(Paragraph("Điều kiện báo giá", H2))
    out.append(Paragraph("<b>1. Hiệu lực:</b> báo giá có hiệu lực %d ngày kể từ ngày %s, đến hết ngày %s." % (valid, dmy(qdate), until), COND))
    out.append(Paragraph("<b>2. Thanh toán:</b> %s Tài khoản nhận thanh toán: %s, số tài khoản %s tại %s – %s."
                         % (h(q.find("payment")), name, escape(bank.get("account")), escape(bank.get("name")), escape(bank.get("branch"))), COND))
    dep = q.find("deposit")
    if dep is not None:
        pay = (total * int(dep.get("percent")) + 50) // 100
        out.append(Paragraph("Số tiền tạm ứng đợt 1 (%s%% tổng giá trị báo giá): <b>%s ₫</b> (<i>%s</i>)."
                             % (dep.get("percent"), money(pay), words(pay)), style(alignment=TA_JUSTIFY, leftIndent=5 * mm, keepWithNext=1)))
        if bank.get("bin"):
            purpose = "Tam ung " + q.get("number")
            # sized by the widget itself: the code is encoded once, when drawn
            d = Drawing(30 * mm, 30 * mm)
            d.add(QrCodeWidget(vietqr(bank.get("bin"), bank.get("account"), pay, purpose), barLevel="M",
                               barWidth=30 * mm, barHeight=30 * mm))
            out.append(Table([[d, Paragraph("<i>Quét mã VietQR bằng ứng dụng ngân hàng để chuyển khoản %s ₫ tạm ứng đợt 1 sau khi ký hợp đồng "
                                            "vào tài khoản số %s của %s tại %s; nội dung chuyển khoản: Tạm ứng %s.</i>"
                                            % (money(pay), escape(bank.get("account")), name, escape(bank.get("name")), escape(q.get("number"))),
                                            style(11.5))]], colWidths=[34 * mm, None], style=[("VALIGN", (1, 0), (1, 0), "MIDDLE")]))
    out.append(Paragraph("<b>3. Tiến độ:</b> %s Tổng thời gian thực hiện %d ngày làm việc."
                         % (h(q.find("timeline")), sum(int(x.get("days")) for x in stages)), COND))
    out.append(Paragraph("<b>4. Bảo hành:</b> " + h(q.find("warranty")), COND))
    sales = rec.find("received/sales")
    out.append(Paragraph("Mọi thắc mắc về báo giá, xin liên hệ: %s %s, điện thoại %s, email %s."
                         % tuple(escape(sales.get(a)) for a in ("honorific", "name", "phone", "email")), style(spaceBefore=4)))
    bc, ic = style(alignment=TA_CENTER, fontName="LS-B"), style(11, alignment=TA_CENTER, fontName="LS-I")
    sig = Table([[[Paragraph("XÁC NHẬN CỦA KHÁCH HÀNG", bc), Paragraph(short.upper(), bc),
                   Paragraph("(Ký, ghi rõ họ tên, đóng dấu và ngày xác nhận)", ic)],
                  [Paragraph("ĐẠI DIỆN " + us.upper(), bc), Paragraph(escape(prof.find("representative").get("position").upper()), bc),
                   Paragraph("(Ký, ghi rõ họ tên và đóng dấu)", ic)]],
                 [[Spacer(1, 32 * mm), Paragraph(escape(cust.find("representative").get("name", "")), bc)],
                  [Spacer(1, 32 * mm), Paragraph(escape(prof.find("representative").get("name")), bc)]]])
    out += [Spacer(1, 8), KeepTogether([sig])]
    return out


def main():
    folder, profile, dest, records = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    if not records or (dest.endswith(".pdf") and len(records) != 1):
        sys.exit("usage: reportlab-quote.py FONTS PROFILE OUT.pdf RECORD | FONTS PROFILE FOLDER RECORD...")
    fonts(folder)
    prof = ET.parse(profile).getroot()
    for r in records:
        rec = ET.parse(r).getroot()
        path = dest if dest.endswith(".pdf") else os.path.join(dest, os.path.basename(r)[:-4] + ".pdf")
        doc = SimpleDocTemplate(path, pagesize=A4, topMargin=20 * mm, rightMargin=15 * mm, bottomMargin=20 * mm,
                                leftMargin=25 * mm, title="Báo giá tùy biến %s số %s" % (tx(rec.find("customer/short-name")),
                                                                                   rec.find("quote").get("number")),
                                author=tx(prof.find("name")))
        doc.build(quote(rec, prof, profile), canvasmaker=Numbered)


main()
