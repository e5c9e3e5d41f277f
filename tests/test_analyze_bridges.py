"""`kg analyze` counts bridges as networkx's bridges() does and says which it lists."""

from __future__ import annotations

import networkx as nx

from kg.analyze.report import build_report, format_report


def two_triangles_and_three_leaves() -> nx.Graph:
    G = nx.Graph()
    G.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    G.add_edges_from([("a", "leaf1"), ("a", "leaf2"), ("z", "leaf3")])
    for n in G:
        G.nodes[n]["label"] = n
    return G


def test_analyze_bridges_count_what_networkx_counts():
    G = two_triangles_and_three_leaves()
    report = build_report(G)
    assert report["bridges_total"] == len(list(nx.bridges(G))) == 4
    assert report["bridges"] == [["c", "x"]]
    assert report["bridges_to_lone_actors"] == 3


def test_analyze_bridges_heading_says_what_is_listed():
    text = format_report(build_report(two_triangles_and_three_leaves()))
    heading = next(line for line in text.splitlines() if line.startswith("Bridges"))
    assert "4" in heading and "1 " in heading and "3 " in heading, heading
