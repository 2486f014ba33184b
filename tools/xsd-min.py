#!/usr/bin/env python3
"""xsd-min.py [--fast | --trim NAME] FILE: the schema as hoso compiles it into
the binary, on stdout.

FILE alone: the schema without comments, <xs:annotation> elements and
white-space-only text between elements, which a schema processor ignores.
Why: the engine parses and compiles the schemas at its start, and a cold
`hoso render` paid for parsing their comments, documentation and indentation
(half the bytes of record.xsd). The source in engine/record/ stays the
commented one; nothing of what is dropped reaches validation or a message
(record/content.c skips annotations too).

--fast: the same without the two "no outer white space" patterns, \\S(.*\\S)?
and \\S([\\s\\S]*\\S)?, which engine/record/trim.c checks in C (libxml2 runs
them with a backtracking engine, about 50 instructions a character).

--trim NAME: C source for trim.c: the names of the elements and attributes
whose types carry those patterns, sorted by their bytes, each with the
stricter kind it carries (2: one line, \\S(.*\\S)?; 1: no outer white space),
as NAME_names, NAME_kinds and NAME_n. Read from the schema here, at build
time, so that no start of hoso walks the schema for them."""
import sys
from xml.dom import minidom

XS = "http://www.w3.org/2001/XMLSchema"
ONE_LINE = "\\S(.*\\S)?"  # also no line end inside
TRIMMED = "\\S([\\s\\S]*\\S)?"  # no outer white space
KIND = {ONE_LINE: 2, TRIMMED: 1}


def strip(node):
    for child in list(node.childNodes):
        if child.nodeType == child.COMMENT_NODE:
            node.removeChild(child)
        elif child.nodeType == child.ELEMENT_NODE:
            if child.namespaceURI == XS and child.localName == "annotation":
                node.removeChild(child)
            else:
                # written back, a tab or line end of a value (a character
                # reference in the source) would be read as a space
                for name, value in child.attributes.items():
                    if any(c in value for c in "\t\n\r"):
                        sys.exit("xsd-min.py: %s: a tab or line end in %s=\"...\"" % (path, name))
                strip(child)
        elif child.nodeType == child.TEXT_NODE and child.data.strip() == "":
            node.removeChild(child)
        elif child.nodeType != child.TEXT_NODE:
            sys.exit("xsd-min.py: %s: unexpected node type %d" % (path, child.nodeType))


def is_xs(node, *local):
    return node.nodeType == node.ELEMENT_NODE and node.namespaceURI == XS and node.localName in local


def elements(node):
    return [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE]


def prop(node, name):
    return node.getAttribute(name) if node.hasAttribute(name) else None


def drop_patterns(node):
    for c in elements(node):
        if is_xs(c, "pattern") and prop(c, "value") in KIND:
            node.removeChild(c)
        else:
            drop_patterns(c)


def kind_in(types, qname):
    return types.get(qname.split(":", 1)[-1], 0) if qname is not None else 0


def kind_below(node, types):
    """The strictest kind a declaration or type gets from its own patterns
    and from the types it names (type=, base=), not looking into nested
    declarations of elements or attributes."""
    k = 0
    for c in elements(node):
        if is_xs(c, "element", "attribute"):
            continue
        if is_xs(c, "pattern"):
            ck = KIND.get(prop(c, "value"), 0)
        else:
            ck = max(kind_in(types, prop(c, "base")), kind_below(c, types))
        k = max(k, ck)
    return k


def trim_table(root):
    types = {}
    changed = True
    while changed:  # a type may name one defined later
        changed = False
        for c in elements(root):
            if not is_xs(c, "simpleType", "complexType"):
                continue
            name, k = prop(c, "name"), kind_below(c, types)
            if name is not None and k > types.get(name, 0):
                types[name] = k
                changed = True
    decls = {}

    def walk(node):
        for c in elements(node):
            if is_xs(c, "element", "attribute"):
                name = prop(c, "name")
                k = max(kind_in(types, prop(c, "type")), kind_below(c, types))
                if name is not None and k != 0:
                    decls[name] = max(decls.get(name, 0), k)
            walk(c)

    walk(root)
    return sorted(decls.items(), key=lambda d: d[0].encode("utf-8"))


def c_string(s):
    return '"%s"' % "".join(c if c.isalnum() or c in "-_.:" else "\\%03o" % b
                            for c in s for b in c.encode("utf-8"))


args = sys.argv[1:]
mode = args.pop(0) if args and args[0].startswith("--") else None
symbol = args.pop(0) if mode == "--trim" else None
if len(args) != 1 or mode not in (None, "--fast", "--trim"):
    sys.exit("usage: xsd-min.py [--fast | --trim NAME] FILE")
path = args[0]
doc = minidom.parse(path)
root = doc.documentElement
strip(root)
if mode == "--trim":
    table = trim_table(root)
    out = ["/* %s by tools/xsd-min.py --trim */" % path, "#include <stddef.h>"]
    out.append("const char *const %s_names[] = {%s};" % (symbol, ", ".join(c_string(n) for n, _ in table) or "NULL"))
    out.append("const unsigned char %s_kinds[] = {%s};" % (symbol, ", ".join(str(k) for _, k in table) or "0"))
    out.append("const size_t %s_n = %d;" % (symbol, len(table)))
    sys.stdout.write("\n".join(out) + "\n")
else:
    if mode == "--fast":
        drop_patterns(root)
    sys.stdout.write(root.toxml() + "\n")
