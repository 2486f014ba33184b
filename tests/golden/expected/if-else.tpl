template "tests/golden/cases/if-else.xml"
  document @tests/golden/cases/if-else.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    if else@4 @tests/golden/cases/if-else.xml:4
        test=xpath {review/@decision = 'approved'}
      p @tests/golden/cases/if-else.xml:4
        text "Đã duyệt" @tests/golden/cases/if-else.xml:4
    else @tests/golden/cases/if-else.xml:4
      p @tests/golden/cases/if-else.xml:4
        text "Chưa duyệt" @tests/golden/cases/if-else.xml:4
    if else@5 @tests/golden/cases/if-else.xml:5
        test=xpath {outcome/@answer = 'refused'}
      p @tests/golden/cases/if-else.xml:5
        text "Từ chối" @tests/golden/cases/if-else.xml:5
    else @tests/golden/cases/if-else.xml:5
      p @tests/golden/cases/if-else.xml:5
        text "Không từ chối" @tests/golden/cases/if-else.xml:5
    p @tests/golden/cases/if-else.xml:6
        if=xpath {technical/@dedicated-server = 'yes'}
      text "Cần máy chủ riêng" @tests/golden/cases/if-else.xml:6
    p @tests/golden/cases/if-else.xml:7
        if=xpath {technical/@dedicated-server = 'no'}
      text "Không cần máy chủ riêng" @tests/golden/cases/if-else.xml:7
