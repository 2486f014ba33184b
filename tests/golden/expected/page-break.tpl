template "tests/golden/cases/page-break.xml"
  document @tests/golden/cases/page-break.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/page-break.xml:4
      text "Trang một" @tests/golden/cases/page-break.xml:4
    page-break @tests/golden/cases/page-break.xml:5
    p @tests/golden/cases/page-break.xml:6
      text "Trang hai" @tests/golden/cases/page-break.xml:6
    page-break @tests/golden/cases/page-break.xml:7
        if=xpath {false()}
    p @tests/golden/cases/page-break.xml:8
      text "vẫn trang hai" @tests/golden/cases/page-break.xml:8
