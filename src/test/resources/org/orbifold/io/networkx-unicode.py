# Writes networkx-unicode.dot and networkx-unicode-directed.dot, read by DotReaderTest, and
# networkx-unicode.tsv, what networkx reads back from them: small graphs made for the test
# (not data from anywhere) whose node ids, attribute values and class hold CJK, Greek,
# Cyrillic, Latin-1 and emoji characters, written and read by networkx 3.6.1 with pydot 4.0.1
# (python3 networkx-unicode.py). networkx writes the ids and values of letters unquoted
# (日本, α, Привет) and quotes the emoji, which pydot does not read unquoted (Graphviz and
# DotReader do).
import networkx as nx

nodes = [("日本", {"el": "日本", "w": 0.5}),
         ("α", {"el": "α", "w": 1}),
         ("Привет", {"el": "Привет", "w": -2}),
         ("😀", {"el": "😀", "w": 3}),
         ("é", {"el": "é", "w": 0.25}),
         ("ωmega_2", {"el": "日本", "w": 7})]
edges = [("日本", "😀", {"el": "😀", "len": 1.5}),
         ("α", "Привет", {"el": "Ω", "len": 2}),
         ("Привет", "日本", {"el": "кот", "len": 0.5}),
         ("ωmega_2", "é", {"el": "Ω", "len": 4})]
undirected = nx.Graph()
undirected.graph["graph"] = {"label": "класс"}
undirected.add_nodes_from(nodes)
undirected.add_edges_from(edges)
nx.nx_pydot.write_dot(undirected, "networkx-unicode.dot")
directed = nx.DiGraph()
directed.graph["graph"] = {"label": "類"}
directed.add_nodes_from(nodes)
directed.add_edges_from(edges)
directed.add_edge("😀", "日本", el="🙂", len=9)
nx.nx_pydot.write_dot(directed, "networkx-unicode-directed.dot")

with open("networkx-unicode.tsv", "w", encoding="utf-8") as out:
    out.write("# what nx.nx_pydot.read_dot reads: file NAME KIND, then graph NAME=VALUE, node ID"
              " NAME=VALUE..., edge U V NAME=VALUE...; networkx keeps the quotes of a quoted"
              " value (\"-2\"), whose DOT value is the text inside them\n")
    for name in ["networkx-unicode.dot", "networkx-unicode-directed.dot"]:
        g = nx.nx_pydot.read_dot(name)
        out.write("file\t%s\t%s\n" % (name, "directed" if g.is_directed() else "undirected"))
        for key, value in g.graph.get("graph", {}).items():
            out.write("graph\t%s=%s\n" % (key, value))
        for node, data in g.nodes(data=True):
            out.write("\t".join(["node", node] + ["%s=%s" % kv for kv in data.items()]) + "\n")
        for u, v, data in g.edges(data=True):
            out.write("\t".join(["edge", u, v] + ["%s=%s" % kv for kv in data.items()]) + "\n")
