#!/usr/bin/python3
# rename-reduced.py FILE — give a build-time reduced copy of a font its own
# names, in place.
#
# Why: libharu 2.3.0 knows a font by its PostScript name; loading a second
# file with a name it has seen returns the first (HPDF_Doc_FindFontDef). A
# reduced face and its full fallback with the same name would both draw with
# the reduced one, and a character only the full face has would print blank.
# And Liberation's licence reserves its name for unmodified fonts. So every
# "Liberation" in the names becomes "Hoso", and any other family gets a
# "Reduced" after its name.
import sys
from fontTools.ttLib import TTFont

path = sys.argv[1]
font = TTFont(path)
names = font["name"]
for rec in names.names:
    if rec.nameID not in (1, 3, 4, 6, 16, 17, 18, 21, 22):
        continue
    s = rec.toUnicode()
    if "Liberation" in s:
        s = s.replace("Liberation", "Hoso")
    elif rec.nameID in (1, 4, 16, 21):
        s += " Reduced"
    elif rec.nameID == 6:
        base, dash, style = s.partition("-")
        s = base + "Reduced" + dash + style
    rec.string = s
font.save(path)
