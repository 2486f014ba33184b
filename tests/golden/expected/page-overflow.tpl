template "tests/golden/cases/page-overflow.xml"
  document @tests/golden/cases/page-overflow.xml:3
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    p @tests/golden/cases/page-overflow.xml:4
        space-after=4pt
        each=xpath {items/item}
      text {content} " " {explanation} " " {purpose} @tests/golden/cases/page-overflow.xml:4
