#!/usr/bin/env python3
"""xsd-min.py FILE: the schema as hoso compiles it into the binary, on stdout:
without comments, <xs:annotation> elements and white-space-only text between
elements, which a schema processor ignores.

Why: the engine parses and compiles both schemas at every start, and a cold
`hoso render` paid for parsing their comments, documentation and indentation
(half the bytes of record.xsd). The source in engine/record/ stays the
commented one; nothing of what is dropped reaches validation or a message
(record/content.c skips annotations too)."""
import sys
from xml.dom import minidom

XS = "http://www.w3.org/2001/XMLSchema"


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
                        sys.exit("xsd-min.py: %s: a tab or line end in %s=\"...\"" % (sys.argv[1], name))
                strip(child)
        elif child.nodeType == child.TEXT_NODE and child.data.strip() == "":
            node.removeChild(child)
        elif child.nodeType != child.TEXT_NODE:
            sys.exit("xsd-min.py: %s: unexpected node type %d" % (sys.argv[1], child.nodeType))


doc = minidom.parse(sys.argv[1])
strip(doc.documentElement)
sys.stdout.buffer.write((doc.documentElement.toxml() + "\n").encode("utf-8"))
