template "tests/golden/cases/require-assert.xml"
  document @tests/golden/cases/require-assert.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    require @tests/golden/cases/require-assert.xml:4
        path=xpath {quote/@number}
        what="the quote number"
    assert content "the items do not add up" @tests/golden/cases/require-assert.xml:5
        test=xpath {money-eq(money-sum(items/item/feedback/cost), 10000000)}
    p @tests/golden/cases/require-assert.xml:6
      text {quote/@number} @tests/golden/cases/require-assert.xml:6
