template "tests/golden/cases/money-words-dates.xml"
  document @tests/golden/cases/money-words-dates.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/money-words-dates.xml:4
      text {money(quote/total)} " — " {words(quote/total)} @tests/golden/cases/money-words-dates.xml:4
    p @tests/golden/cases/money-words-dates.xml:5
      text {date(quote/@date, 'dd/MM/yyyy')} "; " {date(quote/@date, 'dd.MM.yy')} "; " {date-line($profile/place, quote/@date)} "; " {date(quote/@date, 'long')} @tests/golden/cases/money-words-dates.xml:5
    p @tests/golden/cases/money-words-dates.xml:6
      text "Hiệu lực đến " {date(add-days(quote/@date, quote/@valid-days), 'dd/MM/yyyy')} @tests/golden/cases/money-words-dates.xml:6
    p @tests/golden/cases/money-words-dates.xml:7
      text {upper(customer/short-name)} @tests/golden/cases/money-words-dates.xml:7
