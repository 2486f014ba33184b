template "tests/golden/cases/table-colspan.xml"
  document @tests/golden/cases/table-colspan.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    table @tests/golden/cases/table-colspan.xml:4
        columns=1* 99.2126pt
        border=0.5pt
        border-color=#555555
      tr @tests/golden/cases/table-colspan.xml:5
          background=#dde4f0
        th @tests/golden/cases/table-colspan.xml:5
            colspan=2
          text "Tổng hợp chi phí" @tests/golden/cases/table-colspan.xml:5
      tr @tests/golden/cases/table-colspan.xml:6
          each=xpath {items/item}
        td @tests/golden/cases/table-colspan.xml:6
          text {title} @tests/golden/cases/table-colspan.xml:6
        td @tests/golden/cases/table-colspan.xml:6
            align=right
          text {money(feedback/cost)} @tests/golden/cases/table-colspan.xml:6
      tr @tests/golden/cases/table-colspan.xml:7
        td @tests/golden/cases/table-colspan.xml:7
            align=right
          b @tests/golden/cases/table-colspan.xml:7
            text "Cộng" @tests/golden/cases/table-colspan.xml:7
        td @tests/golden/cases/table-colspan.xml:7
            align=right
            background=#fff2cc
          b @tests/golden/cases/table-colspan.xml:7
            text {money(money-sum(items/item/feedback/cost))} @tests/golden/cases/table-colspan.xml:7
