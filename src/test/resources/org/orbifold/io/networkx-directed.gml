graph [
  directed 1
  label "chain"
  node [
    id 0
    label "0"
    weight 0.5
  ]
  node [
    id 1
    label "1"
    weight 1.5
  ]
  node [
    id 2
    label "2"
    weight 2.5
  ]
  edge [
    source 0
    target 1
    kind "forward"
  ]
  edge [
    source 1
    target 2
    kind "forward"
  ]
  edge [
    source 2
    target 0
    kind "back"
  ]
]
