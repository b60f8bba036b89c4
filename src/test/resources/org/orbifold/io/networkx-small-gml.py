# Writes networkx-small.gml, networkx-directed.gml and networkx-strings.gml, read by
# GmlReaderTest: graphs made for
# the test (not data from anywhere), written by networkx 3.6.1 (python3 networkx-small-gml.py).
import networkx as nx

g = nx.Graph(**{"class": "ring", "title": "made for GmlReaderTest"})
g.add_node("a", element="C", charge=0, mass=12.011, aromatic=True)
g.add_node("b", element="N", charge=1, mass=14.007, aromatic=False)
g.add_node("c", element="C", charge=0, mass=12.011, aromatic=True)
g.add_node("d", element="O", charge=-1, mass=0.00001, aromatic=False)
g.add_edge("a", "b", order=1)
g.add_edge("b", "c", order=2)
g.add_edge("c", "d", order=1)
g.add_edge("d", "a", order=1)
nx.write_gml(g, "networkx-small.gml")

h = nx.DiGraph(label="chain")
h.add_node(0, weight=0.5)
h.add_node(1, weight=1.5)
h.add_node(2, weight=2.5)
h.add_edge(0, 1, kind="forward")
h.add_edge(1, 2, kind="forward")
h.add_edge(2, 0, kind="back")
nx.write_gml(h, "networkx-directed.gml")

# Strings as networkx writes them: backslashes as they are, a quote, an ampersand and
# characters outside ASCII as HTML character references; nx.read_gml gives them back unchanged.
s = nx.Graph(**{"class": "caf\u00e9"})
s.add_node(0, s="\\d+")
s.add_node(1, s="\\t")
s.add_node(2, s="\\u0041")
s.add_node(3, s="A")
s.add_node(4, s="C:\\path\\")
s.add_node(5, s="\u00e9\"&<>")
s.add_edge(0, 1)
nx.write_gml(s, "networkx-strings.gml")
back = nx.read_gml("networkx-strings.gml")
assert [back.nodes[v]["s"] for v in back] == [s.nodes[v]["s"] for v in s]
assert back.graph["class"] == "caf\u00e9"

# Character references as other writers put them in GML strings (networkx writes only numeric
# ones, as above). networkx-entities.tsv: for every name of HTML 5 (Python's
# html.entities.html5, with its semicolon and, where HTML 5 allows it, without), and for some
# numeric and malformed references, the string as written, a tab, and the code points (hex) of
# what nx.read_gml gives for it.
# networkx-entities.gml holds a few of them in a graph; networkx-entities-read.gml is that
# graph as nx.read_gml reads it, written back by nx.write_gml (numeric references only).
import html.entities
import os
import tempfile

samples = ["&" + name for name in sorted(html.entities.html5)]
samples += ["&amp;eacute;", "&amp;amp;", "&foo;", "&EACUTE;", "&AMP;", "&#x41;", "&#X41;",
            "&#65", "&#0065;", "&#x1F600;", "caf&eacute;s", "&&eacute;;", "&eacute&eacute;",
            "a & b", "&;", "&#;", "&#x;", "&ampx;", "\\&eacute;", "&#xe9;&#233;"]


def gml_of(strings):
    text = "graph [\n"
    for i, s in enumerate(strings):
        text += '  node [\n    id %d\n    label "%d"\n    s "%s"\n  ]\n' % (i, i, s)
    return text + "]\n"


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "all.gml")
    with open(path, "w", encoding="ascii") as f:
        f.write(gml_of(samples))
    read = nx.read_gml(path)
with open("networkx-entities.tsv", "w", encoding="ascii") as f:
    for i, s in enumerate(samples):
        value = read.nodes[str(i)]["s"]
        f.write(s + "\t" + " ".join("%X" % ord(c) for c in value) + "\n")

few = ["&nbsp;", "&eacute;", "caf&eacute", "&foo;", "&amp;eacute;", "&#X41;", "&hellip;",
       "&NewLine;", "&Eacute;&euro;&thetasym;", "&lt&gt;", "&sup2;&frac12;"]
with open("networkx-entities.gml", "w", encoding="ascii") as f:
    f.write(gml_of(few))
nx.write_gml(nx.read_gml("networkx-entities.gml"), "networkx-entities-read.gml")
