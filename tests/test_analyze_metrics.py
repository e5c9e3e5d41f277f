"""Network measures on small hand-built graphs whose answers are known."""

from __future__ import annotations

import doctest
import importlib
import json

import networkx as nx
import pytest

from kg.analyze import build_report, format_report, metrics, network_lines
from kg.errors import KGError


def actors(edges: list[tuple[str, str, int]]) -> nx.Graph:
    """A graph of labelled actors whose edges carry a sign and a weight of 1."""
    G = nx.Graph()
    for u, v, sign in edges:
        G.add_edge(
            u, v, sign=sign, weight=1, polarity={1: "cooperative", -1: "hostile", 0: "neutral"}[sign], relations=["r"]
        )
    for n in G:
        G.nodes[n].update(label=n, aliases=[], type="State")
    return G


def test_metrics_star_centre_is_most_central():
    G = nx.star_graph(4)
    assert metrics.degree(G) == {0: 1.0, 1: 0.25, 2: 0.25, 3: 0.25, 4: 0.25}
    assert metrics.betweenness(G) == {0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    ranks = metrics.pagerank(G)
    assert max(ranks, key=ranks.get) == 0
    assert ranks[1] == pytest.approx(ranks[4])
    assert sum(ranks.values()) == pytest.approx(1.0)


def test_metrics_pagerank_follows_weight():
    G = nx.Graph()
    G.add_edge("a", "b", weight=10)
    G.add_edge("a", "c", weight=1)
    ranks = metrics.pagerank(G)
    assert ranks["b"] > ranks["c"]


def test_metrics_two_cliques_make_two_communities_and_one_bridge():
    G = nx.barbell_graph(5, 0)  # cliques 0-4 and 5-9, joined by the edge 4-5
    found = metrics.communities(G, seed=0)
    assert found["communities"] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    assert found["membership"][0] != found["membership"][9]
    assert found["modularity"] > 0.4
    broker = metrics.brokers(G, seed=0)
    assert [b["node"] for b in broker["brokers"]] == [4, 5]
    assert broker["participation"][4] == pytest.approx(1 - (4 / 5) ** 2 - (1 / 5) ** 2)
    assert broker["participation"][0] == 0.0
    assert broker["bridges"] == [[4, 5]]


def test_metrics_communities_same_seed_same_answer():
    G = nx.karate_club_graph()
    assert metrics.communities(G, seed=3) == metrics.communities(G, seed=3)


def test_metrics_bridges_leave_out_pendant_edges():
    G = nx.star_graph(3)  # every edge is a bridge, but only to a leaf
    assert metrics.brokers(G)["bridges"] == []


def test_metrics_components_largest_first():
    G = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    G.add_node("lonely")
    found = metrics.components(G)
    assert found["count"] == 3
    assert found["components"] == [["a", "b", "c"], ["x", "y"], ["lonely"]]


@pytest.mark.parametrize(
    ("signs", "unbalanced"),
    [((1, 1, 1), 0), ((1, 1, -1), 1), ((1, -1, -1), 0), ((-1, -1, -1), 1)],
    ids=["+++ friends", "++- unbalanced", "+-- enemy of my enemy", "--- all enemies"],
)
def test_metrics_balance_of_one_triad(signs, unbalanced):
    G = actors([("a", "b", signs[0]), ("b", "c", signs[1]), ("a", "c", signs[2])])
    result = metrics.balance(G)
    assert result["triads"] == 1
    assert result["unbalanced"] == unbalanced
    assert result["balanced"] == 1 - unbalanced
    if unbalanced:
        assert result["unbalanced_triads"][0]["nodes"] == ["a", "b", "c"]
        assert sorted(result["unbalanced_triads"][0]["signs"]) == sorted(signs)


def test_metrics_balance_ignores_neutral_and_mixed_edges():
    G = actors([("a", "b", 1), ("b", "c", 1), ("a", "c", 0)])
    assert metrics.balance(G) == {"triads": 0, "balanced": 0, "unbalanced": 0, "ratio": None, "unbalanced_triads": []}


def test_metrics_balance_counts_every_triangle_once():
    G = actors([("a", "b", 1), ("b", "c", 1), ("a", "c", -1), ("c", "d", 1), ("b", "d", 1)])
    result = metrics.balance(G)
    assert (result["triads"], result["unbalanced"], result["balanced"]) == (2, 1, 1)
    assert result["ratio"] == 0.5


def test_metrics_shortest_path_by_label_and_alias():
    G = actors([("iran", "kh", 1), ("kh", "us", -1), ("us", "uk", 1)])
    G.nodes["iran"]["label"] = "Iran"
    G.nodes["kh"].update(label="Kataib Hezbollah", aliases=["KH"])
    G.nodes["us"].update(label="United States", aliases=["US", "the United States"])
    result = metrics.shortest_path(G, "IRAN", "the united states")
    assert result["path"] == ["iran", "kh", "us"]
    assert result["labels"] == ["Iran", "Kataib Hezbollah", "United States"]
    assert result["length"] == 2
    assert [e["polarity"] for e in result["edges"]] == ["cooperative", "hostile"]
    assert metrics.shortest_path(G, "kh", "us")["length"] == 1  # node id works too


def test_metrics_shortest_path_not_connected_is_empty():
    G = actors([("a", "b", 1), ("c", "d", 1)])
    result = metrics.shortest_path(G, "a", "d")
    assert result["path"] == [] and result["length"] is None


def test_metrics_unknown_name_suggests_close_labels():
    G = actors([("a", "b", 1)])
    G.nodes["a"]["label"] = "Kataib Hezbollah"
    with pytest.raises(KGError, match=r"\[E008\] No actor called 'Kataib Hizbollah'.*'Kataib Hezbollah'"):
        metrics.shortest_path(G, "Kataib Hizbollah", "b")


def test_metrics_ambiguous_alias_is_an_error():
    G = actors([("a", "b", 1)])
    G.nodes["a"]["aliases"] = ["PMF"]
    G.nodes["b"]["aliases"] = ["PMF"]
    with pytest.raises(metrics.NotInGraph, match="several actors"):
        metrics.resolve(G, "pmf")


def test_metrics_empty_graph_gives_empty_answers():
    G = nx.Graph()
    assert metrics.pagerank(G) == {}
    assert metrics.communities(G)["communities"] == []
    assert metrics.balance(G)["triads"] == 0
    assert network_lines(G) == ["Actor network: empty (no actors found)"]


@pytest.mark.parametrize(
    "module",
    [
        "kg.analyze.metrics",
        "kg.analyze.polarity",
        "kg.analyze.project",
        "kg.analyze.report",
        "kg.analyze.export",
        "kg.render.html",
        "kg.serve.media",
        "kg.extract.timex",
    ],
)
def test_metrics_docstring_examples_run(module):
    # kg.analyze.project is also the name of a function: import the module by name
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_report_formats_agree():
    G = actors([("a", "b", 1), ("b", "c", -1), ("a", "c", -1), ("c", "d|x", 1)])
    report = build_report(G, top=3, path=("a", "d|x"))
    assert [a["label"] for a in report["actors"]][0] == "c"
    assert len(report["actors"]) == 3
    assert json.loads(format_report(report, "json")) == json.loads(json.dumps(report))
    table = format_report(report, "table")
    assert "Most central actors" in table and "d|x" in table
    markdown = format_report(report, "markdown")
    assert "| 1 | c |" in markdown
    assert "d\\|x" in markdown  # a "|" in a name does not break the table
    assert "Shortest path (2 step(s))" in table


def test_report_summary_lines_name_top_actors_and_communities():
    G = nx.barbell_graph(4, 0)
    nx.set_node_attributes(G, {n: f"actor {n}" for n in G}, "label")
    lines = network_lines(G, top=2)
    assert lines[0] == "Actor network: 8 actors, 13 ties"
    assert lines[1].startswith("Most central (PageRank): actor 3") or lines[1].startswith(
        "Most central (PageRank): actor 4"
    )
    assert lines[2].startswith("Communities (Louvain): 2")
