graph [
  node [
    id 0
    label "0"
    s "&#160;"
  ]
  node [
    id 1
    label "1"
    s "&#233;"
  ]
  node [
    id 2
    label "2"
    s "caf&#38;eacute"
  ]
  node [
    id 3
    label "3"
    s "&#38;foo;"
  ]
  node [
    id 4
    label "4"
    s "&#38;eacute;"
  ]
  node [
    id 5
    label "5"
    s "&#38;#X41;"
  ]
  node [
    id 6
    label "6"
    s "&#8230;"
  ]
  node [
    id 7
    label "7"
    s "&#38;NewLine;"
  ]
  node [
    id 8
    label "8"
    s "&#201;&#8364;&#977;"
  ]
  node [
    id 9
    label "9"
    s "&#38;lt>"
  ]
  node [
    id 10
    label "10"
    s "&#178;&#189;"
  ]
]
