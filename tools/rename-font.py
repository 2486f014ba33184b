#!/usr/bin/python3
"""rename-font.py IN OUT OLD NEW — a copy of the font IN whose names say NEW
where they said OLD.

The fonts hoso installs are reduced copies (Makefile, fonts-reduced), and
Liberation's licence (SIL OFL 1.1) reserves the name "Liberation" for the
unmodified fonts: a modified copy that is distributed must carry another
name. This rewrites the names a user or a PDF reader sees (family, subfamily
groups, full name, PostScript name, unique ID); the copyright, trademark and
licence records stay as they are, as the licence requires."""
import sys

from fontTools.ttLib import TTFont

NAME_IDS = {1, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25}


def main():
    src, dst, old, new = sys.argv[1:5]
    font = TTFont(src)
    for rec in font["name"].names:
        if rec.nameID not in NAME_IDS:
            continue
        text = rec.toUnicode()
        if old in text:
            # PostScript names (6, 20, 25) have no spaces
            rep = new.replace(" ", "") if rec.nameID in (6, 20, 25) else new
            rec.string = text.replace(old, rep)
    # Liberation's licence also reserves Google's names Arimo, Tinos, Cousine
    for rec in font["name"].names:
        for reserved in (old, "Arimo", "Tinos", "Cousine"):
            if rec.nameID in NAME_IDS and reserved in rec.toUnicode():
                sys.exit(f"{src}: name {rec.nameID} says {reserved}, a reserved font name")
    if "CFF " in font:
        sys.exit(f"{src}: a CFF font; its names are not rewritten here")
    font.save(dst)


main()
