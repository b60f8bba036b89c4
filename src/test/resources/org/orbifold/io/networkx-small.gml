graph [
  class "ring"
  title "made for GmlReaderTest"
  node [
    id 0
    label "a"
    element "C"
    charge 0
    mass 12.011
    aromatic 1
  ]
  node [
    id 1
    label "b"
    element "N"
    charge 1
    mass 14.007
    aromatic 0
  ]
  node [
    id 2
    label "c"
    element "C"
    charge 0
    mass 12.011
    aromatic 1
  ]
  node [
    id 3
    label "d"
    element "O"
    charge -1
    mass 1.E-05
    aromatic 0
  ]
  edge [
    source 0
    target 1
    order 1
  ]
  edge [
    source 0
    target 3
    order 1
  ]
  edge [
    source 1
    target 2
    order 2
  ]
  edge [
    source 2
    target 3
    order 1
  ]
]
