template "tests/golden/cases/header-footer.xml"
  document @tests/golden/cases/header-footer.xml:3
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=51.0236pt 28.3465pt 51.0236pt 28.3465pt
    header @tests/golden/cases/header-footer.xml:4
        offset=17.0079pt
      p @tests/golden/cases/header-footer.xml:4
          size=8pt
          align=right
        text {customer/short-name} @tests/golden/cases/header-footer.xml:4
    footer @tests/golden/cases/header-footer.xml:5
        offset=17.0079pt
      p @tests/golden/cases/header-footer.xml:5
          size=8pt
          align=center
        text "Trang " @tests/golden/cases/header-footer.xml:5
        page-number @tests/golden/cases/header-footer.xml:5
        text "/" @tests/golden/cases/header-footer.xml:5
        page-count @tests/golden/cases/header-footer.xml:5
    p @tests/golden/cases/header-footer.xml:6
        each=xpath {items/item}
      text {content} " " {explanation} @tests/golden/cases/header-footer.xml:6
