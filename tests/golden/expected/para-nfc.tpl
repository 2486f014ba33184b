template "tests/golden/cases/para-nfc.xml"
  document @tests/golden/cases/para-nfc.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-nfc.xml:4
      text "Tiếng Việt tổ hợp: Nguyễn Thị Ánh — đã chuẩn hoá." @tests/golden/cases/para-nfc.xml:4
