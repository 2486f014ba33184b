template "tests/golden/cases/image.xml"
  document @tests/golden/cases/image.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    img @tests/golden/cases/image.xml:4
        width=56.6929pt
        src="../../../samples/logo.png"
    img @tests/golden/cases/image.xml:5
        align=center
        width=85.0394pt
        height=28.3465pt
        src="../../../samples/logo.png"
