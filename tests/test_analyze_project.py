"""The projection of kg's RDF graph onto the network of actors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from support.turtle import turtle

from kg.analyze import metrics, project
from kg.analyze.polarity import polarity_table
from kg.analyze.project import EVERYTHING
from kg.rdf.schema import load_ontology
from kg.rdf.vocab import ENTITY, EVENT, KG
from kg.store.source import load_graph

DATA = Path(__file__).resolve().parent / "data" / "analyze"
ART1 = "https://w3id.org/kg-news/article/us-airstrikes-2021"
ART2 = "https://w3id.org/kg-news/article/kh-designation-2009"
US, KH, KSS = str(ENTITY.United_States), str(ENTITY.Kataib_Hezbollah), str(ENTITY["Kataib_Sayyid_al-Shuhada"])
IRAN, IRAQ = str(ENTITY.Iran), str(ENTITY.Iraq)
MUHANDIS, SOLEIMANI = str(ENTITY["Abu_Mahdi_al-Muhandis"]), str(ENTITY.Qasem_Soleimani)
JURF = str(ENTITY["Jurf_al-Sakhar"])
AIRSTRIKE = str(EVENT["us-airstrikes-2021/AirStrike-812"])
KILLING = str(EVENT["us-airstrikes-2021/Killing-2600"])
CONDEMNATION = str(EVENT["us-airstrikes-2021/Condemnation-1500"])


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """A tiny stand-in ontology: only polarity and the class hierarchy."""
    return load_ontology(DATA / "ontology.ttl")


@pytest.fixture(scope="module")
def small(ontology):
    return project(Graph().parse(DATA / "small.ttl"), ontology=ontology)


def test_project_keeps_actors_and_places_tied_to_actors(small):
    assert set(small) == {US, KH, KSS, IRAN, IRAQ, MUHANDIS, SOLEIMANI, JURF}
    # Albu Kamal and Baghdad are only where events happened: not in the network
    assert str(ENTITY.Baghdad) not in small and str(ENTITY.Albu_Kamal) not in small


def test_project_node_attributes(small):
    assert small.nodes[US] == {
        "iri": US,
        "label": "United States",
        "type": "State",
        "aliases": ["US", "the United States"],
        "wikidata": "http://www.wikidata.org/entity/Q30",
        "articles": 2,
        "first_seen": "2021-02-01",  # the air strike's own time, though reported in June
    }
    assert small.nodes[JURF]["type"] == "Place"
    assert small.nodes[KSS]["wikidata"] == ""


@pytest.mark.parametrize(
    ("a", "b", "relations", "polarity", "sign", "weight", "events"),
    [
        (US, KH, ["AirStrike", "designated"], "hostile", -1, 3, [AIRSTRIKE]),
        (US, KSS, ["AirStrike"], "hostile", -1, 1, [AIRSTRIKE]),
        (IRAN, KH, ["backedBy"], "cooperative", 1, 1, []),
        (MUHANDIS, KH, ["leaderOf"], "cooperative", 1, 1, []),
        (US, MUHANDIS, ["Killing"], "hostile", -1, 1, [KILLING]),
        (MUHANDIS, SOLEIMANI, ["killedAlongside"], "neutral", 0, 1, [KILLING]),
        (IRAN, US, ["Condemnation"], "hostile", -1, 1, [CONDEMNATION]),
        (IRAQ, US, ["condemned", "supports"], "mixed", 0, 2, []),
        (KH, JURF, ["basedIn"], "neutral", 0, 1, []),
        (KSS, KH, ["alliedWith"], "cooperative", 1, 1, []),
    ],
    ids=[
        "designated+airstrike",
        "airstrike",
        "backedBy",
        "leaderOf",
        "killing",
        "co-victims",
        "condemned an event",
        "mixed",
        "place",
        "no evidence",
    ],
)
def test_project_edges(small, a, b, relations, polarity, sign, weight, events):
    edge = small.edges[a, b]
    assert (edge["relations"], edge["polarity"], edge["sign"], edge["weight"], edge["events"]) == (
        relations,
        polarity,
        sign,
        weight,
        events,
    )


def test_project_edge_count(small):
    assert small.number_of_edges() == 11


def test_project_weight_counts_distinct_article_sentence_pairs(small):
    edge = small.edges[US, KH]
    # e2 and e2b are the same sentence of the same article: one mention
    assert edge["evidence"] == [
        {"article": ART2, "sentence": "Washington designated KH in 2009."},
        {"article": ART1, "sentence": "The US has designated Kataib Hezbollah a terrorist group."},
        {"article": ART1, "sentence": "US airstrikes hit KH and KSS."},
    ]
    assert edge["articles"] == [ART2, ART1]
    assert edge["weight"] == 3


def test_project_fact_without_evidence_counts_once(small):
    edge = small.edges[KSS, KH]
    assert edge["evidence"] == [] and edge["articles"] == [] and edge["weight"] == 1


def test_project_edges_keep_direction_in_facts(small):
    assert {(f["source"], f["relation"], f["target"]) for f in small.edges[US, KH]["facts"]} == {
        (US, "designated", KH),
        (US, "AirStrike", KH),
    }
    assert small.edges[IRAN, KH]["facts"] == [
        {"source": KH, "relation": "backedBy", "target": IRAN, "polarity": "cooperative"}
    ]
    # condemning the air strike is a tie to the striker
    assert small.edges[IRAN, US]["facts"][0]["source"] == IRAN


def test_project_polarity_inherited_from_superclass(ontology):
    # the stand-in ontology gives kg:AirStrike no polarity of its own, only rdfs:subClassOf kg:Attack
    assert (KG.AirStrike, KG.polarity, None) not in ontology
    assert polarity_table(ontology)[KG.AirStrike] == "hostile"


def test_project_polarity_comes_from_the_ontology(ontology):
    flipped = Graph()
    for triple in ontology:
        flipped.add(triple)
    flipped.set((KG.backedBy, KG.polarity, KG.hostile))
    G = project(Graph().parse(DATA / "small.ttl"), ontology=flipped)
    assert G.edges[IRAN, KH]["polarity"] == "hostile"


def test_project_unknown_predicate_is_neutral(ontology):
    data = Graph().parse(DATA / "small.ttl")
    data.add((ENTITY.Iran, KG.demonym, Literal("Iranian")))  # a literal: never an edge
    data.add((ENTITY.Iran, KG.participant, ENTITY.Iraq))  # a role, not a relation
    G = project(data, ontology=ontology)
    assert not G.has_edge(IRAN, IRAQ)


def test_project_reads_a_dataset_like_a_graph(small, ontology):
    G = project(load_graph(DATA / "small.ttl"), ontology=ontology)
    assert set(G) == set(small)
    assert {frozenset(e): d for *e, d in G.edges(data=True)} == {frozenset(e): d for *e, d in small.edges(data=True)}


def test_project_bundled_ontology_agrees(small):
    G = project(Graph().parse(DATA / "small.ttl"))  # ontologies/kg.ttl
    assert {frozenset((u, v)): d["polarity"] for u, v, d in G.edges(data=True)} == {
        frozenset((u, v)): d["polarity"] for u, v, d in small.edges(data=True)
    }


def test_project_names_resolve_for_paths(small):
    path = metrics.shortest_path(small, "iran", "KH")
    assert path["labels"] == ["Iran", "Kataib Hezbollah"]


# --- the bundled example article, built by the real pipeline


def _node(G, label: str) -> str:
    matches = [n for n, d in G.nodes(data=True) if d["label"] == label]
    assert matches, f"no actor labelled {label!r}; actors: {sorted(d['label'] for _, d in G.nodes(data=True))}"
    return matches[0]


def _top(values: dict, node, k: int) -> bool:
    """``node`` is among the ``k`` highest values (ties share a rank)."""
    return sum(1 for v in values.values() if v > values[node]) < k


@pytest.fixture(scope="module")
def example_network(example_graph):
    return project(example_graph)


@pytest.mark.slow
@pytest.mark.parametrize("label", ["Kataib Hezbollah", "United States", "Iran", "Iraq"])
def test_project_example_central_actors(example_network, label):
    G = example_network
    node = _node(G, label)
    measures = {"degree": metrics.degree(G), "pagerank": metrics.pagerank(G), "betweenness": metrics.betweenness(G)}
    ranked = {name: _top(values, node, 6) for name, values in measures.items()}
    assert any(ranked.values()), f"{label} is not in the top 6 by any measure: {ranked}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "polarity"),
    [("United States", "Kataib Hezbollah", "hostile"), ("Iran", "Kataib Hezbollah", "cooperative")],
)
def test_project_example_tie_polarity(example_network, a, b, polarity):
    G = example_network
    u, v = _node(G, a), _node(G, b)
    assert G.has_edge(u, v), f"no tie between {a} and {b}"
    assert G.edges[u, v]["polarity"] == polarity
    assert G.edges[u, v]["evidence"], "the tie should cite its sentences"


def test_project_file_reads_files_and_stores_through_oxigraph_to_the_same_network(example_out, example_store):
    from kg.analyze import project, project_file
    from kg.store.source import load_graph

    for source in (example_out / "graph.ttl", example_store):
        fast, full = project_file(source), project(load_graph(source))
        assert fast.number_of_nodes() > 10
        assert dict(fast.nodes(data=True)) == dict(full.nodes(data=True))
        assert sorted(map(repr, fast.edges(data=True))) == sorted(map(repr, full.edges(data=True)))


# Two articles, 2019 and 2024: a role the 2024 article calls former, an alliance bounded by
# the text, an attack dated by its own time (a month) though reported in 2024, and an actor
# only mentioned (also by an article with no date).
DATED = """
kge:Ali a kg:Person ; rdfs:label "Ali" .  kge:G a kg:ArmedGroup ; rdfs:label "G" .
kge:H a kg:ArmedGroup ; rdfs:label "H" .  kge:S a kg:State ; rdfs:label "S" .
kge:Quiet a kg:Person ; rdfs:label "Quiet" .
kga:a2019 a kg:Article ; schema:datePublished "2019-05-01"^^xsd:date ; schema:mentions kge:Ali, kge:G .
kga:a2024 a kg:Article ; schema:datePublished "2024-05-01"^^xsd:date ; schema:mentions kge:S, kge:Quiet .
kga:undated a kg:Article ; schema:mentions kge:Quiet .
kge:Ali kg:leaderOf kge:G .  kge:G kg:alliedWith kge:H .
kgx:r1 a kg:Evidence ; rdf:subject kge:Ali ; rdf:predicate kg:leaderOf ; rdf:object kge:G ;
    prov:wasDerivedFrom kga:a2019 ; kg:sentence "Ali leads G." ; kg:confidence 0.9 .
kgx:r2 a kg:Evidence ; rdf:subject kge:Ali ; rdf:predicate kg:leaderOf ; rdf:object kge:G ;
    prov:wasDerivedFrom kga:a2024 ; kg:sentence "Ali, G's former leader." ; kg:confidence 0.9 ; kg:former true .
kgx:r3 a kg:Evidence ; rdf:subject kge:G ; rdf:predicate kg:alliedWith ; rdf:object kge:H ;
    prov:wasDerivedFrom kga:a2024 ; kg:sentence "G and H, allies from 2022 to 2025." ; kg:confidence 0.9 ;
    kg:validFrom "2022"^^xsd:gYear ; kg:validUntil "2025-06"^^xsd:gYearMonth .
kgv:e1 a kg:Attack ; kg:agent kge:S ; kg:target kge:H ; kg:time "2018-03"^^xsd:gYearMonth ;
    kg:sentence "S attacked H in March 2018." ; kg:confidence 0.9 ; prov:wasDerivedFrom kga:a2024 .
"""


@pytest.fixture(scope="module")
def dated() -> Graph:
    return turtle(DATED)


def _rows(G) -> dict[str, dict]:
    """Sentence -> the dates of its support row."""
    rows = (r for *_, d in G.edges(data=True) for r in d["support"])
    return {r["sentence"]: {k: r[k] for k in ("date", "from", "until") if k in r} for r in rows}


def test_project_support_rows_are_dated_by_article_event_time_and_the_texts_bounds(dated):
    assert _rows(project(dated)) == {
        "Ali leads G.": {"date": "2019-05-01"},  # the article's date; open-ended
        "Ali, G's former leader.": {"date": "2024-05-01", "until": "2024-04-30"},  # ended before its article
        "G and H, allies from 2022 to 2025.": {"date": "2024-05-01", "from": "2022-01-01", "until": "2025-06-30"},
        "S attacked H in March 2018.": {"date": "2018-03-01", "until": "2018-03-31"},  # the event's own time
    }


def test_project_first_seen_is_the_earliest_dated_fact_or_mention(dated):
    G = project(dated, trust=EVERYTHING)
    seen = {d["label"]: d["first_seen"] for _, d in G.nodes(data=True)}
    assert seen == {"Ali": "2019-05-01", "G": "2019-05-01", "H": "2018-03-01", "S": "2018-03-01", "Quiet": "2024-05-01"}


def test_project_undated_facts_have_an_empty_date(small):
    rows = [r for *_, d in small.edges(data=True) for r in d["support"] if r["article"] == ART2]
    assert rows and all(r["date"] == "" and "until" not in r for r in rows)  # kh-designation-2009 has no date


def test_project_dates_read_through_oxigraph_as_through_rdflib(dated):
    from kg.store.sink import StoreView
    from kg.store.source import open_store

    fast, full = project(StoreView(open_store(dated))), project(dated)
    assert dict(fast.nodes(data=True)) == dict(full.nodes(data=True))
    assert sorted(map(repr, fast.edges(data=True))) == sorted(map(repr, full.edges(data=True)))
