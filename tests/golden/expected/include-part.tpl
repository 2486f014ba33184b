template "tests/golden/cases/include-part.xml"
  document @tests/golden/cases/include-part.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    let @tests/golden/cases/include-part.xml:4
        name="who"
        value=xpath {string(customer/short-name)}
    include part="tests/golden/cases/../parts/greeting.xml" @tests/golden/cases/include-part.xml:5
        src="../parts/greeting.xml"
    include part="tests/golden/cases/../parts/greeting.xml" @tests/golden/cases/include-part.xml:6
        src="../parts/greeting.xml"
part "tests/golden/cases/../parts/greeting.xml"
  part @tests/golden/cases/../parts/greeting.xml:2
    p @tests/golden/cases/../parts/greeting.xml:3
      text "Kính gửi: " @tests/golden/cases/../parts/greeting.xml:3
      b @tests/golden/cases/../parts/greeting.xml:3
        text {$who} @tests/golden/cases/../parts/greeting.xml:3
      text " — " {customer/name} @tests/golden/cases/../parts/greeting.xml:3
