template "tests/golden/cases/widows-orphans.xml"
  document @tests/golden/cases/widows-orphans.xml:3
      font="serif"
      size=11pt
      page=297.638x141.732pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    p @tests/golden/cases/widows-orphans.xml:4
      text {items/item[1]/title} @tests/golden/cases/widows-orphans.xml:4
    p @tests/golden/cases/widows-orphans.xml:5
      text {items/item[1]/content} " " {items/item[1]/explanation} " " {items/item[1]/purpose} @tests/golden/cases/widows-orphans.xml:5
