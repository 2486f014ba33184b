template "tests/golden/cases/table-row-split.xml"
  document @tests/golden/cases/table-row-split.xml:3
      font="serif"
      size=10pt
      page=297.638x283.465pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    table @tests/golden/cases/table-row-split.xml:4
        columns=56.6929pt 1*
        border=0.5pt
      tr @tests/golden/cases/table-row-split.xml:5
        td @tests/golden/cases/table-row-split.xml:5
          text "Nội dung" @tests/golden/cases/table-row-split.xml:5
        td @tests/golden/cases/table-row-split.xml:5
          p @tests/golden/cases/table-row-split.xml:5
              each=xpath {items/item}
            text {content} " " {explanation} " " {purpose} @tests/golden/cases/table-row-split.xml:5
