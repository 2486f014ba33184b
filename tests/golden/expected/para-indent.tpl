template "tests/golden/cases/para-indent.xml"
  document @tests/golden/cases/para-indent.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-indent.xml:4
        line-height=1.6
        indent=28.3465pt
        indent-right=28.3465pt
        first-indent=22.6772pt
      text {items/item[2]/content} " " {items/item[2]/explanation} @tests/golden/cases/para-indent.xml:4
