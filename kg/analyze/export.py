"""Write the actor network for other tools: node-link JSON, GraphML, GEXF, CSV.

GraphML and GEXF hold only scalars, so lists become one string joined with " | ",
evidence becomes "article: sentence" items, None becomes "", and anything else that
is not a str, int, float or bool becomes its ``str``. Every file is written atomically.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from kg.atomic import atomic_path

SEPARATOR = " | "
FORMATS = ("graphml", "gexf", "csv", "json")
NODE_COLUMNS = (
    "id",
    "label",
    "type",
    "aliases",
    "wikidata",
    "articles",
    "degree",
    "pagerank",
    "betweenness",
    "community",
    "component",
)
EDGE_COLUMNS = (
    "source",
    "target",
    "source_label",
    "target_label",
    "relations",
    "polarity",
    "sign",
    "weight",
    "articles",
    "events",
    "evidence",
    "facts",
)


def write_network_json(G: nx.Graph, path: str | Path) -> Path:
    """Node-link JSON (``nx.node_link_graph(data, edges="edges")`` reads it back)."""
    data = nx.node_link_data(G, edges="edges")
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return Path(path)


def write_graphml(G: nx.Graph, path: str | Path) -> Path:
    """GraphML for Cytoscape, Gephi or yEd, with flattened attributes."""
    with atomic_path(path) as tmp:
        nx.write_graphml(flatten(G), tmp, encoding="utf-8")
    return Path(path)


def write_gexf(G: nx.Graph, path: str | Path) -> Path:
    """GEXF for Gephi, with flattened attributes."""
    with atomic_path(path) as tmp:
        nx.write_gexf(flatten(G), tmp, encoding="utf-8")
    return Path(path)


def write_csv(G: nx.Graph, directory: str | Path) -> tuple[Path, Path]:
    """``DIRECTORY/nodes.csv`` and ``DIRECTORY/edges.csv``, one row per node / edge."""
    directory = Path(directory)
    flat = flatten(G)
    node_columns = _columns(NODE_COLUMNS, (d for _, d in flat.nodes(data=True)), skip={"iri"})
    edge_columns = _columns(EDGE_COLUMNS, (d for *_, d in flat.edges(data=True)))
    nodes_path, edges_path = directory / "nodes.csv", directory / "edges.csv"
    with atomic_path(nodes_path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, node_columns, extrasaction="ignore")
        writer.writeheader()
        for node, data in flat.nodes(data=True):
            writer.writerow(data | {"id": node})
    with atomic_path(edges_path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, edge_columns, extrasaction="ignore")
        writer.writeheader()
        for u, v, data in flat.edges(data=True):
            writer.writerow(
                data
                | {
                    "source": u,
                    "target": v,
                    "source_label": flat.nodes[u].get("label", u),
                    "target_label": flat.nodes[v].get("label", v),
                }
            )
    return nodes_path, edges_path


def write(G: nx.Graph, fmt: str, out: str | Path) -> list[Path]:
    """Write ``G`` in ``fmt`` (one of FORMATS) to ``out``; csv takes a directory."""
    if fmt == "csv":
        return list(write_csv(G, out))
    writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_network_json}[fmt]
    return [writer(G, out)]


def flatten(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose graph, node and edge attributes are all str, int, float or bool."""
    H = G.__class__()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items()})
    H.add_nodes_from((str(n), {k: _scalar(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((str(u), str(v), {k: _scalar(v) for k, v in d.items()}) for u, v, d in G.edges(data=True))
    return H


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        if set(value) == {"article", "sentence"}:
            return f"{value['article']}: {value['sentence']}"
        if {"source", "relation", "target"} <= set(value):
            return f"{value['source']} {value['relation']} {value['target']}"
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return SEPARATOR.join(str(_scalar(item)) for item in items)
    return str(value)


def _columns(preferred: tuple[str, ...], rows, skip: set[str] = frozenset()) -> list[str]:
    """The preferred columns that occur, in order, then any others, sorted."""
    present = set().union(*[set(r) for r in rows])
    always = {"id", "source", "target", "source_label", "target_label"}
    first = [c for c in preferred if c in present or c in always]
    return first + sorted(present - set(first) - set(skip))
