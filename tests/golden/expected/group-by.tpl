template "tests/golden/cases/group-by.xml"
  document @tests/golden/cases/group-by.xml:5
      font="serif"
      size=10pt
      page=297.638x396.85pt
      margin=28.3465pt 28.3465pt 28.3465pt 28.3465pt
    for @tests/golden/cases/group-by.xml:6
        each=xpath {items/item}
        group-by=xpath {feedback/days}
        as="g"
      p @tests/golden/cases/group-by.xml:7
          bold=yes
        text {position()} "/" {last()} ": " {current-grouping-key()} " ngày, " {count($g)} " mục, " {money(money-sum(current-group()/feedback/cost))} @tests/golden/cases/group-by.xml:7
      p @tests/golden/cases/group-by.xml:8
          each=xpath {current-group()}
        text {position()} ". " {title} @tests/golden/cases/group-by.xml:8
