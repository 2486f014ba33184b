template "tests/golden/cases/para-br.xml"
  document @tests/golden/cases/para-br.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-br.xml:4
      text {customer/name} @tests/golden/cases/para-br.xml:4
      br @tests/golden/cases/para-br.xml:4
      text {customer/address} @tests/golden/cases/para-br.xml:4
      br @tests/golden/cases/para-br.xml:4
      text "Mã số thuế: " {customer/tax-code} @tests/golden/cases/para-br.xml:4
