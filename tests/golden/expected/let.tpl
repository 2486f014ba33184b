template "tests/golden/cases/let.xml"
  document @tests/golden/cases/let.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    let @tests/golden/cases/let.xml:4
        name="tong"
        value=xpath {money-sum(items/item[feedback/@feasible='yes']/feedback/cost)}
    let content {customer/short-name} " (" {@id} ")" @tests/golden/cases/let.xml:5
        name="ten"
    let @tests/golden/cases/let.xml:6
        name="ok"
        value=xpath {items/item[feedback/@feasible='yes']}
    p @tests/golden/cases/let.xml:7
      text "Tổng: " {money($tong)} " — " {words($tong)} @tests/golden/cases/let.xml:7
    p @tests/golden/cases/let.xml:8
      text {$ten} @tests/golden/cases/let.xml:8
    p @tests/golden/cases/let.xml:9
        each=xpath {$ok}
      text {title} @tests/golden/cases/let.xml:9
