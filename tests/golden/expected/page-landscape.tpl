template "tests/golden/cases/page-landscape.xml"
  document @tests/golden/cases/page-landscape.xml:3
      page=419.528x595.276pt
      orientation=landscape
      margin=56.6929pt 42.5197pt 56.6929pt 42.5197pt
    p @tests/golden/cases/page-landscape.xml:4
      text "Trang ngang: " {project} @tests/golden/cases/page-landscape.xml:4
