template "tests/golden/cases/headings.xml"
  document @tests/golden/cases/headings.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    h1 @tests/golden/cases/headings.xml:4
        rule-below=0.5pt
      text "BÁO GIÁ TÙY BIẾN" @tests/golden/cases/headings.xml:4
    h2 @tests/golden/cases/headings.xml:5
      text "1. Hạng mục" @tests/golden/cases/headings.xml:5
    p @tests/golden/cases/headings.xml:6
      text {project} @tests/golden/cases/headings.xml:6
    h3 @tests/golden/cases/headings.xml:7
      text "1.1. Chi tiết" @tests/golden/cases/headings.xml:7
    p @tests/golden/cases/headings.xml:8
      text {items/item[1]/title} @tests/golden/cases/headings.xml:8
