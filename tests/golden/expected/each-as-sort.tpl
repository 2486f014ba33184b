template "tests/golden/cases/each-as-sort.xml"
  document @tests/golden/cases/each-as-sort.xml:3
      font="serif"
      size=11pt
      page=419.528x595.276pt
      margin=42.5197pt 42.5197pt 42.5197pt 42.5197pt
    p @tests/golden/cases/each-as-sort.xml:4
        each=xpath {items/item}
        sort=xpath {title}
        as="it"
      text {$it/@id} ". " {$it/title} @tests/golden/cases/each-as-sort.xml:4
    p @tests/golden/cases/each-as-sort.xml:5
        each=xpath {items/item}
        sort=xpath {feedback/cost}
        order=descending
      text {money(feedback/cost)} " — " {title} @tests/golden/cases/each-as-sort.xml:5
