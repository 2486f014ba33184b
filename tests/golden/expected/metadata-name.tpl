template "tests/golden/cases/metadata-name.xml"
  document @tests/golden/cases/metadata-name.xml:3
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
      title=interp "Báo giá " {quote/@number}
      author=interp {$profile/name}
      subject=interp {project}
      keywords=interp "báo giá, " {customer/short-name}
      date="2021-03-09"
    name content "Báo giá " {customer/short-name} " (" {date(quote/@date, 'dd.MM.yy')} ")" @tests/golden/cases/metadata-name.xml:4
    p @tests/golden/cases/metadata-name.xml:5
      text "Nội dung" @tests/golden/cases/metadata-name.xml:5
