#!/usr/bin/python3
"""make.py KIND IN OUT — test images ImageMagick cannot write as we need.

  exif N IN.jpg OUT.jpg     IN with an EXIF APP1 saying orientation N
  short IN.png OUT.png      IN with valid chunks but image data for half its rows
  lying IN.png OUT.png      IN whose IHDR (with a right CRC) says 20000 x 2000 pixels
  big W H OUT.png           a W x H 16-bit RGBA PNG, streamed (a few MB at most)
  jpeg-nosos OUT.jpg        17 bytes: SOI, a frame header saying 65535 x 65535, no scan
"""
import struct
import sys
import zlib


def chunks(data):
    at, out = 8, []
    while at < len(data):
        n = struct.unpack(">I", data[at:at + 4])[0]
        out.append((data[at + 4:at + 8], data[at + 8:at + 8 + n]))
        at += 12 + n
    return out


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(parts):
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunk(k, b) for k, b in parts)


kind = sys.argv[1]
if kind == "exif":
    n, src, dst = int(sys.argv[2]), sys.argv[3], sys.argv[4]
    d = open(src, "rb").read()
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">H", 1) + \
        struct.pack(">HHIHH", 0x0112, 3, 1, n, 0) + b"\x00\x00\x00\x00"
    body = b"Exif\x00\x00" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    open(dst, "wb").write(d[:2] + app1 + d[2:])
elif kind == "short":
    src, dst = sys.argv[2], sys.argv[3]
    cs = chunks(open(src, "rb").read())
    ihdr = cs[0][1]
    w, h, depth, ctype = struct.unpack(">IIBB", ihdr[:10])
    raw = zlib.decompress(b"".join(b for k, b in cs if k == b"IDAT"))
    half = raw[:len(raw) // 2]
    keep = [(k, b) for k, b in cs if k not in (b"IDAT", b"IEND")]
    open(dst, "wb").write(png(keep + [(b"IDAT", zlib.compress(half)), (b"IEND", b"")]))
elif kind == "lying":
    src, dst = sys.argv[2], sys.argv[3]
    cs = chunks(open(src, "rb").read())
    cs[0] = (b"IHDR", struct.pack(">II", 20000, 2000) + cs[0][1][8:])
    open(dst, "wb").write(png(cs))
elif kind == "big":
    w, h, dst = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    z = zlib.compressobj(9)
    row = b"\x00" + b"\x80\x00\x40\x00\x20\x00\xff\xff" * w
    data = b"".join(z.compress(row) for _ in range(h)) + z.flush()
    open(dst, "wb").write(png([(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 6, 0, 0, 0)),
                               (b"IDAT", data), (b"IEND", b"")]))
elif kind == "jpeg-nosos":
    dst = sys.argv[2]
    # SOI; SOF0: precision 8, 65535 x 65535, 1 component (id 1, 1x1, table 0); EOI
    open(dst, "wb").write(b"\xff\xd8\xff\xc0\x00\x0b\x08\xff\xff\xff\xff\x01\x01\x11\x00\xff\xd9")
