template "tests/golden/cases/lines-checkbox.xml"
  document @tests/golden/cases/lines-checkbox.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/lines-checkbox.xml:4
      text "Ý kiến khách hàng:" @tests/golden/cases/lines-checkbox.xml:4
    lines @tests/golden/cases/lines-checkbox.xml:5
        count=3
        spacing=22.6772pt
    p @tests/golden/cases/lines-checkbox.xml:6
      checkbox @tests/golden/cases/lines-checkbox.xml:6
          checked=xpath {review/@decision = 'approved'}
      text " Đồng ý " @tests/golden/cases/lines-checkbox.xml:6
      checkbox @tests/golden/cases/lines-checkbox.xml:6
          checked=xpath {false()}
      text " Không đồng ý" @tests/golden/cases/lines-checkbox.xml:6
