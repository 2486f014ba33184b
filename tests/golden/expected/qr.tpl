template "tests/golden/cases/qr.xml"
  document @tests/golden/cases/qr.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    qr @tests/golden/cases/qr.xml:4
        data=interp {@id}
        size=56.6929pt
    qr @tests/golden/cases/qr.xml:5
        data=interp "https://thienphucsoft.vn/" {@id}
        size=85.0394pt
        level=H
