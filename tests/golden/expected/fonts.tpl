template "tests/golden/cases/fonts.xml"
  document @tests/golden/cases/fonts.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/fonts.xml:4
        font="serif"
      text "Serif: Ánh xạ " @tests/golden/cases/fonts.xml:4
      b @tests/golden/cases/fonts.xml:4
        text "đậm" @tests/golden/cases/fonts.xml:4
      i @tests/golden/cases/fonts.xml:4
        text "nghiêng" @tests/golden/cases/fonts.xml:4
      b @tests/golden/cases/fonts.xml:4
        i @tests/golden/cases/fonts.xml:4
          text "cả hai" @tests/golden/cases/fonts.xml:4
    p @tests/golden/cases/fonts.xml:5
        font="sans"
      text "Sans: Ánh xạ " @tests/golden/cases/fonts.xml:5
      b @tests/golden/cases/fonts.xml:5
        text "đậm" @tests/golden/cases/fonts.xml:5
      i @tests/golden/cases/fonts.xml:5
        text "nghiêng" @tests/golden/cases/fonts.xml:5
      b @tests/golden/cases/fonts.xml:5
        i @tests/golden/cases/fonts.xml:5
          text "cả hai" @tests/golden/cases/fonts.xml:5
