template "tests/golden/cases/each-position.xml"
  document @tests/golden/cases/each-position.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/each-position.xml:4
        each=xpath {items/item}
      text {position()} "/" {last()} ": " {title} @tests/golden/cases/each-position.xml:4
