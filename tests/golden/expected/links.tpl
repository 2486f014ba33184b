template "tests/golden/cases/links.xml"
  document @tests/golden/cases/links.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/links.xml:4
      text "Website: " @tests/golden/cases/links.xml:4
      a @tests/golden/cases/links.xml:4
          href=interp {$profile/website}
        text {$profile/website} @tests/golden/cases/links.xml:4
    p @tests/golden/cases/links.xml:5
      text "Thư: " @tests/golden/cases/links.xml:5
      a @tests/golden/cases/links.xml:5
          href=interp "mailto:" {customer/email}
        text {customer/email} @tests/golden/cases/links.xml:5
    p @tests/golden/cases/links.xml:6
      text "Xem " @tests/golden/cases/links.xml:6
      a @tests/golden/cases/links.xml:6
          href="#dieu-khoan"
        text "điều khoản" @tests/golden/cases/links.xml:6
      text "." @tests/golden/cases/links.xml:6
    p @tests/golden/cases/links.xml:7
        id="dieu-khoan"
        bookmark="Điều khoản"
        bookmark-level=2
      text "Điều khoản thanh toán: " {quote/payment} @tests/golden/cases/links.xml:7
