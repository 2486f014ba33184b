template "tests/golden/cases/table-nested.xml"
  document @tests/golden/cases/table-nested.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    table @tests/golden/cases/table-nested.xml:4
        columns=85.0394pt 1*
        border=0.5pt
      tr @tests/golden/cases/table-nested.xml:5
        td @tests/golden/cases/table-nested.xml:5
          text "Khách hàng" @tests/golden/cases/table-nested.xml:5
        td @tests/golden/cases/table-nested.xml:5
          table @tests/golden/cases/table-nested.xml:6
              columns=70.8661pt 1*
              border=0.25pt
            tr @tests/golden/cases/table-nested.xml:7
              td @tests/golden/cases/table-nested.xml:7
                text "Tên" @tests/golden/cases/table-nested.xml:7
              td @tests/golden/cases/table-nested.xml:7
                text {customer/name} @tests/golden/cases/table-nested.xml:7
            tr @tests/golden/cases/table-nested.xml:8
              td @tests/golden/cases/table-nested.xml:8
                text "Điện thoại" @tests/golden/cases/table-nested.xml:8
              td @tests/golden/cases/table-nested.xml:8
                text {customer/phone} @tests/golden/cases/table-nested.xml:8
