template "tests/golden/cases/toc.xml"
  document @tests/golden/cases/toc.xml:5
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=42.5197pt 28.3465pt 42.5197pt 28.3465pt
    h1 @tests/golden/cases/toc.xml:6
        align=center
        bookmark=""
      text "MỤC LỤC" @tests/golden/cases/toc.xml:6
    toc @tests/golden/cases/toc.xml:7
        levels=2
    h1 @tests/golden/cases/toc.xml:8
        id="items"
      text "Các hạng mục" @tests/golden/cases/toc.xml:8
    for @tests/golden/cases/toc.xml:9
        each=xpath {items/item[position() <= 2]}
      page-break @tests/golden/cases/toc.xml:10
      h2 @tests/golden/cases/toc.xml:11
        text {title} @tests/golden/cases/toc.xml:11
      h3 @tests/golden/cases/toc.xml:12
        text "Mục đích" @tests/golden/cases/toc.xml:12
      p @tests/golden/cases/toc.xml:13
        text {purpose} @tests/golden/cases/toc.xml:13
