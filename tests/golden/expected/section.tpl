template "tests/golden/cases/section.xml"
  document @tests/golden/cases/section.xml:5
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=42.5197pt 28.3465pt 42.5197pt 28.3465pt
    footer @tests/golden/cases/section.xml:6
      p @tests/golden/cases/section.xml:6
          size=9pt
          align=center
        text "Trang " @tests/golden/cases/section.xml:6
        page-number @tests/golden/cases/section.xml:6
        text "/" @tests/golden/cases/section.xml:6
        page-count @tests/golden/cases/section.xml:6
    p @tests/golden/cases/section.xml:7
      text {customer/name} @tests/golden/cases/section.xml:7
    section @tests/golden/cases/section.xml:8
        page=419.528x297.638pt
        orientation=portrait
        margin=34.0157pt 42.5197pt 34.0157pt 42.5197pt
        bookmark="Phụ lục"
      header @tests/golden/cases/section.xml:9
          on=first
        p @tests/golden/cases/section.xml:9
            size=9pt
            align=right
          text "Phụ lục" @tests/golden/cases/section.xml:9
      p @tests/golden/cases/section.xml:10
          each=xpath {items/item[position() <= 2]}
        text {position()} ". " {title} @tests/golden/cases/section.xml:10
    section @tests/golden/cases/section.xml:12
        margin=56.6929pt 56.6929pt 56.6929pt 56.6929pt
    p @tests/golden/cases/section.xml:13
      text "Hết." @tests/golden/cases/section.xml:13
