graph [
  node [
    id 0
    label "0"
    s "&nbsp;"
  ]
  node [
    id 1
    label "1"
    s "&eacute;"
  ]
  node [
    id 2
    label "2"
    s "caf&eacute"
  ]
  node [
    id 3
    label "3"
    s "&foo;"
  ]
  node [
    id 4
    label "4"
    s "&amp;eacute;"
  ]
  node [
    id 5
    label "5"
    s "&#X41;"
  ]
  node [
    id 6
    label "6"
    s "&hellip;"
  ]
  node [
    id 7
    label "7"
    s "&NewLine;"
  ]
  node [
    id 8
    label "8"
    s "&Eacute;&euro;&thetasym;"
  ]
  node [
    id 9
    label "9"
    s "&lt&gt;"
  ]
  node [
    id 10
    label "10"
    s "&sup2;&frac12;"
  ]
]
