template "tests/golden/cases/header-first.xml"
  document @tests/golden/cases/header-first.xml:3
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=51.0236pt 28.3465pt 51.0236pt 28.3465pt
    header @tests/golden/cases/header-first.xml:4
        on=first
      p @tests/golden/cases/header-first.xml:4
        text "Trang đầu" @tests/golden/cases/header-first.xml:4
    header @tests/golden/cases/header-first.xml:5
        on=all
      p @tests/golden/cases/header-first.xml:5
        text "Mọi trang" @tests/golden/cases/header-first.xml:5
    footer @tests/golden/cases/header-first.xml:6
        on=not-first
      p @tests/golden/cases/header-first.xml:6
          align=right
        text "Tiếp theo" @tests/golden/cases/header-first.xml:6
    p @tests/golden/cases/header-first.xml:7
        each=xpath {items/item}
      text {content} " " {explanation} @tests/golden/cases/header-first.xml:7
