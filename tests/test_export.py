"""Exports of the actor network load back with networkx (and a spreadsheet) unchanged."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.analyze import annotate, project
from kg.analyze.export import flatten, write, write_gexf, write_graphml, write_network_json
from kg.analyze.polarity import load_ontology

DATA = Path(__file__).resolve().parent / "data" / "analyze"


@pytest.fixture(scope="module")
def network() -> nx.Graph:
    G = project(Graph().parse(DATA / "small.ttl"), ontology=load_ontology(DATA / "ontology.ttl"))
    return annotate(G)


def _edges(G: nx.Graph) -> dict:
    return {frozenset((u, v)): d for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize(
    ("fmt", "writer", "reader"),
    [
        ("graphml", write_graphml, nx.read_graphml),
        ("gexf", write_gexf, nx.read_gexf),
    ],
)
def test_export_round_trip(tmp_path, network, fmt, writer, reader):
    path = writer(network, tmp_path / f"network.{fmt}")
    back = reader(path)
    flat = flatten(network)
    assert set(back) == set(flat) == set(network)
    assert set(_edges(back)) == set(_edges(flat))
    for node, data in flat.nodes(data=True):
        assert dict(back.nodes[node]) == data
    for key, data in _edges(flat).items():
        got = dict(_edges(back)[key])
        got.pop("id", None)  # GEXF numbers its edges
        assert got == data  # GEXF reads weight back as a float: 3.0 == 3
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_export_flattens_lists_and_missing_values(network):
    flat = flatten(network)
    us = flat.nodes["https://w3id.org/kg-news/entity/United_States"]
    assert us["aliases"] == "US | the United States"
    edge = flat.edges[
        "https://w3id.org/kg-news/entity/United_States", "https://w3id.org/kg-news/entity/Kataib_Hezbollah"
    ]
    assert edge["relations"] == "AirStrike | designated"
    assert "https://w3id.org/kg-news/article/kh-designation-2009: Washington designated KH in 2009." in edge["evidence"]
    for _, data in flat.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    G = nx.Graph()
    G.add_node("a", when=None, tags={"y", "x"})
    assert flatten(G).nodes["a"] == {"when": "", "tags": "x | y"}


def test_export_node_link_json_keeps_lists(tmp_path, network):
    path = write_network_json(network, tmp_path / "network.json")
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert set(back) == set(network)
    assert _edges(back) == _edges(network)
    assert back.nodes["https://w3id.org/kg-news/entity/United_States"]["aliases"] == ["US", "the United States"]


def test_export_csv_has_headers_and_one_row_each(tmp_path, network):
    nodes_path, edges_path = write(network, "csv", tmp_path / "out")
    assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    with open(nodes_path, newline="", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with open(edges_path, newline="", encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0])[:6] == ["id", "label", "type", "aliases", "wikidata", "articles"]
    assert {"pagerank", "community", "degree"} <= set(nodes[0])
    assert list(edges[0])[:6] == ["source", "target", "source_label", "target_label", "relations", "polarity"]
    assert len(nodes) == network.number_of_nodes() and len(edges) == network.number_of_edges()
    kh_iran = [e for e in edges if {e["source_label"], e["target_label"]} == {"Iran", "Kataib Hezbollah"}]
    assert kh_iran[0]["polarity"] == "cooperative" and kh_iran[0]["sign"] == "1"
