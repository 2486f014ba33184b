template "tests/golden/cases/para-center-right.xml"
  document @tests/golden/cases/para-center-right.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-center-right.xml:4
        align=center
      text "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" @tests/golden/cases/para-center-right.xml:4
    p @tests/golden/cases/para-center-right.xml:5
        align=center
      b @tests/golden/cases/para-center-right.xml:5
        text "Độc lập - Tự do - Hạnh phúc" @tests/golden/cases/para-center-right.xml:5
    p @tests/golden/cases/para-center-right.xml:6
        align=right
      i @tests/golden/cases/para-center-right.xml:6
        text {date-line('Hà Nội', quote/@date)} @tests/golden/cases/para-center-right.xml:6
