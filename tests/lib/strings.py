#!/usr/bin/env python3
"""tests/lib/strings.py — the strings a rendered PDF must give back.

  strings.py template TEMPLATE.xml   literal text of a template and of the parts
                                     it includes, cut at {expr}, one per line
  strings.py record RECORD.xml XPATH...   the text of every node each XPath
                                     (ElementTree's subset) selects, one per line;
                                     "feasible:X" selects X in feasible items only

Whitespace is collapsed as the engine does, and every string is NFC."""
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET


def norm(s):
    return unicodedata.normalize("NFC", re.sub(r"[ \t\r\n]+", " ", s).strip())


def template_strings(path, seen):
    if path in seen:
        return []
    seen.add(path)
    out = []
    root = ET.parse(path).getroot()
    # header and footer text (page numbers) is checked page by page
    skip = {"let", "require", "assert", "style", "name", "header", "footer"}
    def walk(el):
        # conditional content may rightly be absent
        if el.tag in skip or el.tag in ("if", "else") or el.get("if") is not None:
            return
        if el.tag == "include":
            out.extend(template_strings(os.path.join(os.path.dirname(path), el.get("src")), seen))
        # text before the first child and after each child, cut at {expr}
        for text in [el.text] + [c.tail for c in el]:
            if text:
                for part in re.split(r"\{[^}]*\}", text):
                    p = norm(part).strip(" ,.:;()–-/")
                    if len(p) >= 2 and not p.isdigit():
                        out.append(p)
        for c in el:
            walk(c)
    walk(root)
    return out


def main():
    if sys.argv[1] == "template":
        for s in template_strings(sys.argv[2], set()):
            print(s)
    else:
        root = ET.parse(sys.argv[2]).getroot()
        for xp in sys.argv[3:]:
            # "feasible:X": X under each item the technical team can do
            if xp.startswith("feasible:") and "/@" not in xp:
                els = [e for it in root.findall("items/item")
                       if it.find("feedback") is not None
                       and it.find("feedback").get("feasible") == "yes"
                       for e in it.findall(xp[9:])]
            elif "/@" in xp:
                # "X/@a": the attribute a of each X (ElementTree has no @ steps)
                path, _, attr = xp.rpartition("/@")
                els = [e.get(attr) for e in root.findall(path) if e.get(attr)]
            else:
                els = root.findall(xp)
            for el in els:
                t = norm(el if isinstance(el, str) else "".join(el.itertext()))
                if t:
                    print(t)


main()
