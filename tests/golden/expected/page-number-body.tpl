template "tests/golden/cases/page-number-body.xml"
  document @tests/golden/cases/page-number-body.xml:3
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    p @tests/golden/cases/page-number-body.xml:4
      text "Tài liệu gồm " @tests/golden/cases/page-number-body.xml:4
      page-count @tests/golden/cases/page-number-body.xml:4
      text " trang; đây là trang " @tests/golden/cases/page-number-body.xml:4
      page-number @tests/golden/cases/page-number-body.xml:4
      text "." @tests/golden/cases/page-number-body.xml:4
    page-break @tests/golden/cases/page-number-body.xml:5
    p @tests/golden/cases/page-number-body.xml:6
      text "Trang " @tests/golden/cases/page-number-body.xml:6
      page-number @tests/golden/cases/page-number-body.xml:6
      text " trên " @tests/golden/cases/page-number-body.xml:6
      page-count @tests/golden/cases/page-number-body.xml:6
      text "." @tests/golden/cases/page-number-body.xml:6
