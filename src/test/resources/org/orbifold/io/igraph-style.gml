Creator "igraph version 0.10.4 made by hand for GmlReaderTest"
Version 1
graph
[
  directed 0
  y 2
  node
  [
    id 0
    name "a"
    size 1.5
  ]
  node
  [
    id 1
    name "b"
    size 2
  ]
  node
  [
    id 2
    name "c"
    size 0.25
  ]
  edge
  [
    source 0
    target 1
    weight 3
  ]
  edge
  [
    source 2
    target 1
    weight 4.5
  ]
]
