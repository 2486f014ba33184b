template "tests/golden/cases/table-header-repeat.xml"
  document @tests/golden/cases/table-header-repeat.xml:3
      font="serif"
      size=10pt
      page=297.638x419.528pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    table @tests/golden/cases/table-header-repeat.xml:4
        columns=22.6772pt 1* 70.8661pt
        border=0.5pt
        header-rows=1
      tr @tests/golden/cases/table-header-repeat.xml:5
        th @tests/golden/cases/table-header-repeat.xml:5
          text "#" @tests/golden/cases/table-header-repeat.xml:5
        th @tests/golden/cases/table-header-repeat.xml:5
          text "Ngày nghỉ" @tests/golden/cases/table-header-repeat.xml:5
        th @tests/golden/cases/table-header-repeat.xml:5
          text "Ngày" @tests/golden/cases/table-header-repeat.xml:5
      tr @tests/golden/cases/table-header-repeat.xml:6
          each=xpath {$profile/calendar/holiday}
        td @tests/golden/cases/table-header-repeat.xml:6
          text {position()} @tests/golden/cases/table-header-repeat.xml:6
        td @tests/golden/cases/table-header-repeat.xml:6
          text {.} @tests/golden/cases/table-header-repeat.xml:6
        td @tests/golden/cases/table-header-repeat.xml:6
          text {date(@date, 'dd/MM/yyyy')} @tests/golden/cases/table-header-repeat.xml:6
