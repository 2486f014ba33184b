template "tests/golden/cases/styles-class.xml"
  document @tests/golden/cases/styles-class.xml:3
      font="sans"
      size=10pt
      color=#333333
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    style @tests/golden/cases/styles-class.xml:4
        space-after=3pt
        name="p"
    style @tests/golden/cases/styles-class.xml:5
        size=90%
        italic=yes
        color=#555555
        name="note"
    style @tests/golden/cases/styles-class.xml:6
        bold=yes
        align=right
        name="money"
    p @tests/golden/cases/styles-class.xml:7
      text "Đoạn thường theo kiểu của thẻ p." @tests/golden/cases/styles-class.xml:7
    p @tests/golden/cases/styles-class.xml:8
        class="note"
      text "Ghi chú nhỏ hơn và nghiêng." @tests/golden/cases/styles-class.xml:8
    p @tests/golden/cases/styles-class.xml:9
        class="note money"
      text {money(quote/total)} @tests/golden/cases/styles-class.xml:9
