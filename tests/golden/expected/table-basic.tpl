template "tests/golden/cases/table-basic.xml"
  document @tests/golden/cases/table-basic.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    table @tests/golden/cases/table-basic.xml:4
        columns=28.3465pt 1* 85.0394pt
        border=0.5pt
        padding=2pt 3pt 2pt 3pt
      tr @tests/golden/cases/table-basic.xml:5
        th @tests/golden/cases/table-basic.xml:5
          text "STT" @tests/golden/cases/table-basic.xml:5
        th @tests/golden/cases/table-basic.xml:5
          text "Hạng mục" @tests/golden/cases/table-basic.xml:5
        th @tests/golden/cases/table-basic.xml:5
          text "Thành tiền" @tests/golden/cases/table-basic.xml:5
      tr @tests/golden/cases/table-basic.xml:6
          each=xpath {items/item}
        td @tests/golden/cases/table-basic.xml:6
            align=center
          text {position()} @tests/golden/cases/table-basic.xml:6
        td @tests/golden/cases/table-basic.xml:6
          text {title} @tests/golden/cases/table-basic.xml:6
        td @tests/golden/cases/table-basic.xml:6
            align=right
          text {money(feedback/cost)} @tests/golden/cases/table-basic.xml:6
