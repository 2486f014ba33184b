template "tests/golden/cases/space-hr.xml"
  document @tests/golden/cases/space-hr.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/space-hr.xml:4
      text "Trên" @tests/golden/cases/space-hr.xml:4
    space @tests/golden/cases/space-hr.xml:5
        height=34.0157pt
    hr @tests/golden/cases/space-hr.xml:6
    hr @tests/golden/cases/space-hr.xml:7
        color=#1f3a93
        thickness=2pt
        width=113.386pt
    p @tests/golden/cases/space-hr.xml:8
        space-before=6pt
        space-after=6pt
      text "Dưới" @tests/golden/cases/space-hr.xml:8
