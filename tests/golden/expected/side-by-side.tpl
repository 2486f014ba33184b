template "tests/golden/cases/side-by-side.xml"
  document @tests/golden/cases/side-by-side.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    table @tests/golden/cases/side-by-side.xml:4
        columns=1* 1*
        padding=0pt 0pt 0pt 0pt
      tr @tests/golden/cases/side-by-side.xml:5
        td @tests/golden/cases/side-by-side.xml:5
            align=center
          b @tests/golden/cases/side-by-side.xml:5
            text "ĐẠI DIỆN BÊN A" @tests/golden/cases/side-by-side.xml:5
          br @tests/golden/cases/side-by-side.xml:5
          i @tests/golden/cases/side-by-side.xml:5
            text "(Ký, ghi rõ họ tên)" @tests/golden/cases/side-by-side.xml:5
        td @tests/golden/cases/side-by-side.xml:6
            align=center
          b @tests/golden/cases/side-by-side.xml:6
            text "ĐẠI DIỆN BÊN B" @tests/golden/cases/side-by-side.xml:6
          br @tests/golden/cases/side-by-side.xml:6
          i @tests/golden/cases/side-by-side.xml:6
            text "(Ký, ghi rõ họ tên)" @tests/golden/cases/side-by-side.xml:6
      tr @tests/golden/cases/side-by-side.xml:7
        td @tests/golden/cases/side-by-side.xml:7
            align=center
          space @tests/golden/cases/side-by-side.xml:7
              height=42.5197pt
          p @tests/golden/cases/side-by-side.xml:7
            text {$profile/representative/@name} @tests/golden/cases/side-by-side.xml:7
        td @tests/golden/cases/side-by-side.xml:8
            align=center
          space @tests/golden/cases/side-by-side.xml:8
              height=42.5197pt
          p @tests/golden/cases/side-by-side.xml:8
            text {customer/representative/@name} @tests/golden/cases/side-by-side.xml:8
