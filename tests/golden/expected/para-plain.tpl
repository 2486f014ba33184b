template "tests/golden/cases/para-plain.xml"
  document @tests/golden/cases/para-plain.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/para-plain.xml:4
      text "Kính gửi: " {customer/name} ". Chúng tôi xin gửi tới Quý khách báo giá các hạng mục phần mềm theo yêu cầu số " {@id} ", gồm những chức năng sau đây." @tests/golden/cases/para-plain.xml:4
