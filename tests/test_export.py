"""Exports of the actor network load back with networkx (and a spreadsheet) unchanged."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, URIRef
from support.turtle import turtle

from kg.analyze import annotate, project
from kg.analyze.export import (
    PLOVER_KEYS,
    flatten,
    lifetimes,
    plover_records,
    write,
    write_gexf,
    write_graphml,
    write_network_json,
)
from kg.cli import main
from kg.rdf.schema import load_ontology
from kg.rdf.vocab import KG

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
        got = dict(back.nodes[node])
        got.pop("start", None)  # GEXF's lifetimes, tested below
        assert got == data
    for key, data in _edges(flat).items():
        got = dict(_edges(back)[key])
        for extra in ("id", "start", "end"):  # GEXF numbers its edges, and gives them lifetimes
            got.pop(extra, None)
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


# a tie read in 2019 and still open; one known only from 2024, dated by the texts' bounds;
# an event of March 2018 (closed); an actor only mentioned in 2024
DATED = """
kge:Ali a kg:Person ; rdfs:label "Ali" .  kge:G a kg:ArmedGroup ; rdfs:label "G" .
kge:H a kg:ArmedGroup ; rdfs:label "H" .  kge:S a kg:State ; rdfs:label "S" .  kge:Q a kg:Person ; rdfs:label "Q" .
kga:a2019 a kg:Article ; schema:datePublished "2019-05-01"^^xsd:date ; schema:mentions kge:Ali, kge:G .
kga:a2024 a kg:Article ; schema:datePublished "2024-05-01"^^xsd:date ; schema:mentions kge:S, kge:Q .
kge:Ali kg:leaderOf kge:G .  kge:G kg:alliedWith kge:H .
kgx:r1 a kg:Evidence ; rdf:subject kge:Ali ; rdf:predicate kg:leaderOf ; rdf:object kge:G ;
    prov:wasDerivedFrom kga:a2019 ; kg:confidence 0.9 .
kgx:r2 a kg:Evidence ; rdf:subject kge:G ; rdf:predicate kg:alliedWith ; rdf:object kge:H ;
    prov:wasDerivedFrom kga:a2024 ; kg:confidence 0.9 ; kg:validFrom "2022"^^xsd:gYear ;
    kg:validUntil "2025-06"^^xsd:gYearMonth .
kgv:e1 a kg:Attack ; kg:agent kge:S ; kg:target kge:H ; kg:time "2018-03"^^xsd:gYearMonth ;
    kg:confidence 0.9 ; prov:wasDerivedFrom kga:a2024 .
"""
GEXF_NS = "{http://www.gexf.net/1.2draft}"
XSD_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def dated_gexf(tmp_path_factory) -> Path:
    G = annotate(project(turtle(DATED)))
    return write_gexf(G, tmp_path_factory.mktemp("gexf") / "network.gexf")


def test_export_gexf_is_dynamic_with_the_lifetimes_of_nodes_and_ties(dated_gexf):
    back = nx.read_gexf(dated_gexf)
    assert back.graph["mode"] == "dynamic"
    label = {n: d["label"] for n, d in back.nodes(data=True)}
    assert {label[n]: d["start"] for n, d in back.nodes(data=True)} == {
        "Ali": "2019-05-01",
        "G": "2019-05-01",
        "H": "2018-03-01",  # the attack's own time, though reported in 2024
        "S": "2018-03-01",
        "Q": "2024-05-01",  # only mentioned
    }
    assert {frozenset((label[u], label[v])): (d["start"], d.get("end")) for u, v, d in back.edges(data=True)} == {
        frozenset({"Ali", "G"}): ("2019-05-01", None),  # no end given: still open
        frozenset({"G", "H"}): ("2022-01-01", "2025-06-30"),  # the text's bounds
        frozenset({"S", "H"}): ("2018-03-01", "2018-03-31"),  # an event ends with its time
    }


def test_export_gexf_has_the_structure_the_gexf_schema_asks_of_a_dynamic_graph(dated_gexf):
    """No package ships the GEXF XSD, so the parts of it a dynamic graph relies on are checked here:
    the 1.2 namespace and version, ``<graph mode="dynamic" timeformat="date">``, and ``start``/``end``
    as xs:date on nodes and edges, each edge starting no earlier than its ends."""
    root = ET.parse(dated_gexf).getroot()
    assert root.tag == GEXF_NS + "gexf" and root.get("version") == "1.2"
    graph = root.find(GEXF_NS + "graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert [child.tag for child in graph if child.tag != GEXF_NS + "attributes"] == [
        GEXF_NS + "nodes",
        GEXF_NS + "edges",
    ]
    nodes = {n.get("id"): n.get("start") for n in graph.iter(GEXF_NS + "node")}
    edges = graph.findall(f"{GEXF_NS}edges/{GEXF_NS}edge")
    assert len(nodes) == 5 and len(edges) == 3
    assert all(XSD_DATE.match(start) for start in nodes.values())
    for edge in edges:
        start, end = edge.get("start"), edge.get("end")
        assert XSD_DATE.match(start) and (end is None or (XSD_DATE.match(end) and end >= start))
        assert nodes[edge.get("source")] <= start and nodes[edge.get("target")] <= start


def test_export_gexf_of_an_undated_network_stays_static(tmp_path):
    G = nx.Graph()
    G.add_edge("a", "b", support=[{"date": "", "article": "x"}])
    assert lifetimes(G) == ({}, {})
    back = nx.read_gexf(write_gexf(G, tmp_path / "network.gexf"))
    assert back.graph["mode"] == "static" and "start" not in back.nodes["a"]


# --------------------------------------------------------------------- PLOVER records

SMALL = DATA / "small.ttl"
KG_NS = "https://w3id.org/kg-news/ontology#"
EVENT_NS = "https://w3id.org/kg-news/event/us-airstrikes-2021/"
US = "https://w3id.org/kg-news/entity/United_States"


@pytest.fixture(scope="module")
def small_records() -> tuple[dict, dict]:
    """small.ttl's events as PLOVER records (by event IRI), with one statement added."""
    graph = Graph().parse(SMALL)
    graph.update(
        f"""INSERT DATA {{ <{EVENT_NS}Statement-100> a <{KG_NS}Statement> ;
            <{KG_NS}agent> <{US}> ; <{KG_NS}sentence> "The Pentagon said." . }}"""
    )
    records, unmapped = plover_records(graph)
    return {r["event_id"]: r for r in records}, unmapped


@pytest.mark.parametrize(
    ("event", "plover_type", "mode"),
    [
        ("AirStrike-812", "ASSAULT", "aerial"),
        ("Killing-2600", "ASSAULT", ""),
        ("Condemnation-1500", "ACCUSE", ""),
    ],
)
def test_export_plover_type_and_mode_come_from_the_ontology(small_records, event, plover_type, mode):
    record = small_records[0][EVENT_NS + event]
    assert (record["event_type"], record["event_mode"]) == (plover_type, mode)
    assert list(record) == list(PLOVER_KEYS)


def test_export_plover_leaves_out_classes_plover_has_no_type_for(small_records):
    records, unmapped = small_records
    assert unmapped == {"Statement": 1}
    assert EVENT_NS + "Statement-100" not in records


def test_export_plover_record_names_actors_recipients_place_date_and_source(small_records):
    strike = small_records[0][EVENT_NS + "AirStrike-812"]
    assert [a["iri"] for a in strike["actors"]] == [US]
    assert strike["actors"][0] == {
        "name": "United States",
        "kg_type": "State",
        "iri": US,
        "wikidata": "http://www.wikidata.org/entity/Q30",
    }
    assert [r["name"] for r in strike["recipients"]] == ["Kataib Hezbollah", "Kataib Sayyid al-Shuhada"]
    assert [p["name"] for p in strike["locations"]] == ["Albu Kamal"]
    assert (strike["event_date"], strike["confidence"], strike["status"]) == ("2021-02", 0.7, "asserted")
    assert (strike["story_id"], strike["publication_date"]) == ("us-airstrikes-2021", "2021-06-28")
    assert strike["sentence"] == "US airstrikes hit KH and KSS." and strike["trigger"] == "airstrikes"


def test_export_plover_condemnation_of_a_strike_is_aimed_at_the_striker(small_records):
    records, _ = small_records
    condemnation = records[EVENT_NS + "Condemnation-1500"]
    assert [a["name"] for a in condemnation["actors"]] == ["Iran"]
    assert [r["iri"] for r in condemnation["recipients"]] == [US]
    assert condemnation["target_events"] == [EVENT_NS + "AirStrike-812"]
    assert records[EVENT_NS + "Killing-2600"]["during"] == EVENT_NS + "AirStrike-2650"


@pytest.mark.slow
def test_export_plover_example_build_attack_is_an_assault_by_the_attacker(example_out, tmp_path):
    """Every record parses with the documented keys; each attack in the graph is an
    ASSAULT record whose actors are its agents, and the US air strikes are among them."""
    graph = Graph().parse(example_out / "graph.ttl")
    out = tmp_path / "events.jsonl"
    assert main(["export", str(example_out / "graph.ttl"), "--format", "plover", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(list(r) == list(PLOVER_KEYS) for r in records)
    by_id = {r["event_id"]: r for r in records}
    attacks = {
        str(e): cls.split("#")[1]
        for cls in (URIRef(KG_NS + "Attack"), URIRef(KG_NS + "AirStrike"))
        for e in graph.subjects(RDF.type, cls)
    }
    assert attacks
    for event, cls in attacks.items():
        record = by_id[event]
        assert record["event_type"] == "ASSAULT" and record["kg_class"] == cls
        assert {a["iri"] for a in record["actors"]} == {str(a) for a in graph.objects(URIRef(event), KG.agent)}
    us_strikes = [r for r in records if r["event_mode"] == "aerial" and US in {a["iri"] for a in r["actors"]}]
    assert us_strikes and all(r["kg_class"] == "AirStrike" for r in us_strikes)


def test_export_plover_min_confidence_filters_records(tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    assert main(["export", str(SMALL), "--format", "plover", "-o", str(out), "--min-confidence", "0.6"]) == 0
    ids = [json.loads(line)["event_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert EVENT_NS + "AirStrike-812" in ids  # confidence 0.7
    assert "PLOVER record(s)" in capsys.readouterr().out


def test_export_plover_to_a_bad_location_is_a_coded_error(tmp_path, capsys):
    (tmp_path / "a-file").write_text("keep me")
    assert main(["export", str(SMALL), "--format", "plover", "-o", str(tmp_path / "a-file" / "below.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "[E009]" in err and "below.jsonl" in err
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
