"""Entity IRIs: one per name, stable, and valid for any input text."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDFS, Graph

from kg.ontology import article_iri, entity_iri, event_iri, evidence_iri
from kg.rdf.vocab import PREFIXES


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_rdf_iri_any_text_gives_a_valid_iri(text):
    for iri in (entity_iri(text), article_iri(text), event_iri(text, 3, "Attack"), evidence_iri(text, 1)):
        ox.NamedNode(iri)
        assert " " not in iri


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab. -~%_9\u00e9"), max_size=8) | st.text(max_size=8))
def test_rdf_iri_written_as_kg_prefixed_names_reads_back_in_rdflib(text):
    # Oxigraph writes kge:Vina_del_Mar\. for a name ending in a dot: valid Turtle that
    # rdflib cannot read. Every IRI kg mints must survive our writer and rdflib's parser.
    iris = [entity_iri(text), article_iri(text), event_iri(text, 3, "Attack")]
    quads = [ox.Quad(ox.NamedNode(iri), ox.NamedNode(str(RDFS.label)), ox.Literal("x")) for iri in iris]
    turtle = ox.serialize(quads, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    assert {str(s) for s in Graph().parse(data=turtle, format="turtle").subjects()} == set(iris)


def test_rdf_iri_name_ending_in_a_dot_is_readable():
    assert entity_iri("Vina del Mar.") == "https://w3id.org/kg-news/entity/Vina_del_Mar%2E"
    assert entity_iri("U.S.") != entity_iri("U.S")


def test_rdf_iri_is_stable_and_readable():
    assert entity_iri("Kataib Hezbollah") == "https://w3id.org/kg-news/entity/Kataib_Hezbollah"
    assert entity_iri("Kataib  Hezbollah ") == entity_iri("Kataib Hezbollah")
    assert entity_iri('a <b> "c" 100%#') == "https://w3id.org/kg-news/entity/a_%3Cb%3E_%22c%22_100%25%23"


def test_rdf_iri_distinct_names_stay_distinct():
    assert entity_iri("Hezbollah") != entity_iri("Kataib Hezbollah")
    long_a, long_b = "x" * 300 + "a", "x" * 300 + "b"
    assert entity_iri(long_a) != entity_iri(long_b)


@pytest.mark.slow
def test_a_builds_triples_are_the_article_graphs_in_the_same_order(example_result):
    """Files and stores get the article's triples without an rdflib graph: the same
    triples, in the order rdflib's triples-only store gives, so Turtle stays byte-identical."""
    from kg.rdf.build import TRIPLES_ONLY, article_graph, article_triples

    for resolved in example_result.extractions:
        triples = article_triples(resolved)
        graph = article_graph(resolved, store=TRIPLES_ONLY)
        assert list(triples) == list(graph) and len(triples) == len(graph) > 100
        assert triples.identifier == graph.identifier
