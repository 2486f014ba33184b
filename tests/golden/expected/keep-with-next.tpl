template "tests/golden/cases/keep-with-next.xml"
  document @tests/golden/cases/keep-with-next.xml:3
      font="serif"
      size=11pt
      page=297.638x170.079pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    p @tests/golden/cases/keep-with-next.xml:4
      text {items/item[1]/content} " " {items/item[1]/explanation} @tests/golden/cases/keep-with-next.xml:4
    h2 @tests/golden/cases/keep-with-next.xml:5
      text "Hạng mục tiếp theo" @tests/golden/cases/keep-with-next.xml:5
    p @tests/golden/cases/keep-with-next.xml:6
      text {items/item[2]/content} @tests/golden/cases/keep-with-next.xml:6
