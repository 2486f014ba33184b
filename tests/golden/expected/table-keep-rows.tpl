template "tests/golden/cases/table-keep-rows.xml"
  document @tests/golden/cases/table-keep-rows.xml:3
      font="serif"
      size=10pt
      page=297.638x170.079pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    p @tests/golden/cases/table-keep-rows.xml:4
        each=xpath {items/item}
      text {content} @tests/golden/cases/table-keep-rows.xml:4
    table @tests/golden/cases/table-keep-rows.xml:5
        columns=1* 85.0394pt
        border=0.5pt
      tr @tests/golden/cases/table-keep-rows.xml:6
          keep-with-next=yes
        td @tests/golden/cases/table-keep-rows.xml:6
          text {items/item[1]/title} @tests/golden/cases/table-keep-rows.xml:6
        td @tests/golden/cases/table-keep-rows.xml:6
          text {money(items/item[1]/feedback/cost)} @tests/golden/cases/table-keep-rows.xml:6
      tr @tests/golden/cases/table-keep-rows.xml:7
          keep-with-next=yes
        td @tests/golden/cases/table-keep-rows.xml:7
          text {items/item[2]/title} @tests/golden/cases/table-keep-rows.xml:7
        td @tests/golden/cases/table-keep-rows.xml:7
          text {money(items/item[2]/feedback/cost)} @tests/golden/cases/table-keep-rows.xml:7
      tr @tests/golden/cases/table-keep-rows.xml:8
        td @tests/golden/cases/table-keep-rows.xml:8
          text {items/item[3]/title} @tests/golden/cases/table-keep-rows.xml:8
        td @tests/golden/cases/table-keep-rows.xml:8
          text {money(items/item[3]/feedback/cost)} @tests/golden/cases/table-keep-rows.xml:8
