template "tests/golden/cases/para-inline-styles.xml"
  document @tests/golden/cases/para-inline-styles.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-inline-styles.xml:4
      text "Thường " @tests/golden/cases/para-inline-styles.xml:4
      b @tests/golden/cases/para-inline-styles.xml:4
        text "đậm" @tests/golden/cases/para-inline-styles.xml:4
      i @tests/golden/cases/para-inline-styles.xml:4
        text "nghiêng" @tests/golden/cases/para-inline-styles.xml:4
      u @tests/golden/cases/para-inline-styles.xml:4
        text "gạch chân" @tests/golden/cases/para-inline-styles.xml:4
      b @tests/golden/cases/para-inline-styles.xml:4
        i @tests/golden/cases/para-inline-styles.xml:4
          text "đậm nghiêng" @tests/golden/cases/para-inline-styles.xml:4
      span @tests/golden/cases/para-inline-styles.xml:4
          size=14pt
          color=#c00000
        text "lớn và đỏ" @tests/golden/cases/para-inline-styles.xml:4
      strong @tests/golden/cases/para-inline-styles.xml:4
        text "mạnh" @tests/golden/cases/para-inline-styles.xml:4
      em @tests/golden/cases/para-inline-styles.xml:4
        text "nhấn" @tests/golden/cases/para-inline-styles.xml:4
      text "." @tests/golden/cases/para-inline-styles.xml:4
