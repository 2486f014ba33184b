template "tests/golden/cases/para-justify.xml"
  document @tests/golden/cases/para-justify.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-justify.xml:4
        align=justify
      text {items/item[1]/content} " " {items/item[1]/explanation} @tests/golden/cases/para-justify.xml:4
