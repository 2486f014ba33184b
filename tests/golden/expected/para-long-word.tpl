template "tests/golden/cases/para-long-word.xml"
  document @tests/golden/cases/para-long-word.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-long-word.xml:4
      text "Mã: A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A hết." @tests/golden/cases/para-long-word.xml:4
