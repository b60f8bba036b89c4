# Writes networkx-small.graphml, read by GraphMlReaderTest: a four-node graph made for the
# test (not data from anywhere), written by networkx 3.6.1 (python3 networkx-small.py).
import networkx as nx

g = nx.Graph(**{"class": "ring", "title": "made for GraphMlReaderTest"})
g.add_node("a", element="C", charge=0, mass=12.011, aromatic=True)
g.add_node("b", element="N", charge=1, mass=14.007, aromatic=False)
g.add_node("c", element="C", charge=0, mass=12.011, aromatic=True)
g.add_node("d", element="O", charge=-1, mass=15.999, aromatic=False)
g.add_edge("a", "b", order=1)
g.add_edge("b", "c", order=2)
g.add_edge("c", "d", order=1)
g.add_edge("d", "a", order=1)
nx.write_graphml(g, "networkx-small.graphml")
