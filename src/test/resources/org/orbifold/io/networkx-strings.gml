graph [
  class "caf&#233;"
  node [
    id 0
    label "0"
    s "\d+"
  ]
  node [
    id 1
    label "1"
    s "\t"
  ]
  node [
    id 2
    label "2"
    s "\u0041"
  ]
  node [
    id 3
    label "3"
    s "A"
  ]
  node [
    id 4
    label "4"
    s "C:\path\"
  ]
  node [
    id 5
    label "5"
    s "&#233;&#34;&#38;<>"
  ]
  edge [
    source 0
    target 1
  ]
]
