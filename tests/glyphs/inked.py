#!/usr/bin/python3
"""inked.py FILE.pdf — for every character drawn in FILE.pdf, whether the
glyph that draws it in the embedded font program has ink.

Prints one line per (character, font) drawn: "U+XXXX ok FONT" or
"U+XXXX EMPTY FONT" (the glyph, or a component of it at any depth, has no
outline: a blank where a letter should be). hoso's fonts are CID TrueType
with Identity-H (each 2-byte code of a string is a CID) or a one-byte
encoding CMap (each byte is a CID); the font's /ToUnicode CMap gives its
character and /CIDToGIDMap its glyph in /FontFile2 (a map stream, or
/Identity: the CID is the glyph id).
The PDF is first normalised by qpdf (uncompressed, no object streams)."""
import io
import re
import subprocess
import sys

from fontTools.ttLib import TTFont

qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                      "--stream-data=uncompress", sys.argv[1], "-"],
                     check=True, capture_output=True).stdout
objs = {}
for m in re.finditer(rb"\n(\d+) 0 obj\n", qdf):
    objs[int(m.group(1))] = m.end()


def body(n):
    """(dictionary text, stream bytes or None) of object n."""
    at = objs[n]
    end = qdf.index(b"\nendobj", at)
    text = qdf[at:end]
    s = text.find(b"\nstream\n")
    if s < 0:
        return text, None
    d = text[:s]
    ln = re.search(rb"/Length (\d+)( 0 R)?", d)
    length = int(ln.group(1))
    if ln.group(2):
        length = int(body(length)[0].strip())
    return d, text[s + 8:s + 8 + length]


def ref(d, key):
    m = re.search(rb"/" + key + rb"\s*\[?\s*(\d+) 0 R", d)
    return int(m.group(1)) if m else None


def inked(glyf, name, depth=0):
    g = glyf[name]
    if depth > 10:
        return False
    if g.isComposite():
        return all(inked(glyf, c.glyphName, depth + 1) for c in g.components)
    return g.numberOfContours > 0


ESC = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


def literal(b):
    """The bytes of a PDF literal string's body."""
    out, i = bytearray(), 0
    while i < len(b):
        c = b[i]
        i += 1
        if c != 0x5C:
            out.append(c)
            continue
        m = re.match(rb"[0-7]{1,3}", b[i:i + 3])
        if m:
            out.append(int(m.group(0), 8) & 0xFF)
            i += len(m.group(0))
        elif b[i] in (10, 13):  # a line continuation
            i += 2 if b[i:i + 2] == b"\r\n" else 1
        else:
            out.append(ESC.get(b[i], b[i]))
            i += 1
    return bytes(out)


fonts = {}  # object number -> (name, glyf, glyph order, cid->gid bytes, cid->code point)


def to_unicode(cmap):
    """CID -> code point from a ToUnicode CMap's bfrange and bfchar rows."""
    out = {}
    for sec in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for a, b, c in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", sec):
            for k in range(int(a, 16), int(b, 16) + 1):
                out[k] = int(c, 16) + k - int(a, 16)
    for sec in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for a, c in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", sec):
            out[int(a, 16)] = int(c, 16)
    return out


def font(n):
    if n not in fonts:
        d, _ = body(n)
        name = re.search(rb"/BaseFont /(\S+)", d).group(1).decode()
        cid = body(ref(d, b"DescendantFonts"))[0]
        desc = body(ref(cid, b"FontDescriptor"))[0]
        tt = TTFont(io.BytesIO(body(ref(desc, b"FontFile2"))[1]))
        # a CIDToGIDMap stream, or /Identity (None): the glyph id is the CID
        m = ref(cid, b"CIDToGIDMap")
        # codes of one byte through an encoding CMap whose code space is
        # <00> <FF>, else two (Identity-H)
        e = ref(d, b"Encoding")
        width = 1 if e is not None and re.search(rb"begincodespacerange\s*<00>\s*<FF>",
                                                 body(e)[1]) else 2
        fonts[n] = (name, tt["glyf"], tt.getGlyphOrder(), body(m)[1] if m is not None else None,
                    to_unicode(body(ref(d, b"ToUnicode"))[1]), width)
    return fonts[n]


# characters whose glyph is rightly blank
BLANK = {0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000} | set(range(0x2000, 0x200B))
seen = set()
for n in sorted(objs):
    d, _ = body(n)
    if not re.search(rb"/Type /Page\b", d):
        continue
    res = d
    r = ref(d, b"Resources")
    if r is not None:
        res = body(r)[0]
    fd = re.search(rb"/Font\s*<<(.*?)>>", res, re.S)
    if fd is None:
        fd_obj = ref(res, b"Font")
        fd = re.search(rb"<<(.*?)>>", body(fd_obj)[0], re.S)
    names = {k: int(v) for k, v in re.findall(rb"/(\S+)\s+(\d+) 0 R", fd.group(1))}
    contents = [int(x) for x in re.findall(rb"(\d+) 0 R",
                                           re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", d, re.S).group(1))]
    cur = None
    for c in contents:
        stream = body(c)[1]
        for tok in re.finditer(rb"/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj"
                               rb"|\(((?:\\.|[^\\)])*)\)\s*Tj", stream, re.S):
            if tok.group(1):
                cur = names[tok.group(1)]
                continue
            codes = bytes.fromhex(tok.group(2).decode()) if tok.group(2) is not None \
                else literal(tok.group(3))
            name, glyf, order, cmap, uni, width = font(cur)
            for i in range(0, len(codes) - width + 1, width):
                cid = codes[i] if width == 1 else codes[i] << 8 | codes[i + 1]
                cp = uni.get(cid, 0xFFFD)
                if (cp, name) in seen or cp in BLANK:
                    continue
                seen.add((cp, name))
                if cmap is None:
                    gid = cid
                else:
                    gid = cmap[2 * cid] << 8 | cmap[2 * cid + 1] if 2 * cid + 1 < len(cmap) else 0
                ok = gid != 0 and gid < len(order) and inked(glyf, order[gid])
                print("U+%04X %s %s" % (cp, "ok" if ok else "EMPTY", name))
