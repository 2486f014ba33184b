template "tests/golden/cases/table-valign.xml"
  document @tests/golden/cases/table-valign.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    table @tests/golden/cases/table-valign.xml:4
        columns=1* 1* 1*
        border=0.5pt
      tr @tests/golden/cases/table-valign.xml:5
        td @tests/golden/cases/table-valign.xml:5
            valign=top
          text "trên" @tests/golden/cases/table-valign.xml:5
        td @tests/golden/cases/table-valign.xml:5
            valign=middle
          text "giữa" @tests/golden/cases/table-valign.xml:5
        td @tests/golden/cases/table-valign.xml:5
            valign=bottom
          text {items/item[1]/content} @tests/golden/cases/table-valign.xml:5
