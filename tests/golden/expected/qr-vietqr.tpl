template "tests/golden/cases/qr-vietqr.xml"
  document @tests/golden/cases/qr-vietqr.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    qr @tests/golden/cases/qr-vietqr.xml:4
        data=interp {vietqr($profile/bank/@bin, $profile/bank/@account, quote/total, quote/@number)}
        size=85.0394pt
