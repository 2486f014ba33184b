template "tests/golden/cases/watermark.xml"
  document @tests/golden/cases/watermark.xml:4
      font="serif"
      size=11pt
      page=297.638x255.118pt
      margin=42.5197pt 28.3465pt 42.5197pt 28.3465pt
    watermark @tests/golden/cases/watermark.xml:5
        size=30pt
        bold=yes
      text "BẢN NHÁP" @tests/golden/cases/watermark.xml:5
    watermark @tests/golden/cases/watermark.xml:6
        size=20pt
        on=not-first
        angle=0
        extractable=no
        opacity=30%
      text "Trang " @tests/golden/cases/watermark.xml:6
      page-number @tests/golden/cases/watermark.xml:6
    p @tests/golden/cases/watermark.xml:7
      text {customer/name} @tests/golden/cases/watermark.xml:7
    page-break @tests/golden/cases/watermark.xml:8
    p @tests/golden/cases/watermark.xml:9
      text {project} @tests/golden/cases/watermark.xml:9
