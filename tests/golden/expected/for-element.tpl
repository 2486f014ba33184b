template "tests/golden/cases/for-element.xml"
  document @tests/golden/cases/for-element.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    for @tests/golden/cases/for-element.xml:4
        each=xpath {schedule/stage}
      p @tests/golden/cases/for-element.xml:4
        text "Giai đoạn " {position()} " (" {@days} " ngày): " {.} @tests/golden/cases/for-element.xml:4
