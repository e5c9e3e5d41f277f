"""Entity IRIs: one per name, stable, and valid for any input text."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.rdf.iri import article_iri, entity_iri, event_iri, evidence_iri


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_rdf_iri_any_text_gives_a_valid_iri(text):
    for iri in (entity_iri(text), article_iri(text), event_iri(text, 3, "Attack"), evidence_iri(text, 1)):
        ox.NamedNode(iri)
        assert " " not in iri


def test_rdf_iri_is_stable_and_readable():
    assert entity_iri("Kataib Hezbollah") == "https://w3id.org/kg-news/entity/Kataib_Hezbollah"
    assert entity_iri("Kataib  Hezbollah ") == entity_iri("Kataib Hezbollah")
    assert entity_iri('a <b> "c" 100%#') == "https://w3id.org/kg-news/entity/a_%3Cb%3E_%22c%22_100%25%23"


def test_rdf_iri_distinct_names_stay_distinct():
    assert entity_iri("Hezbollah") != entity_iri("Kataib Hezbollah")
    long_a, long_b = "x" * 300 + "a", "x" * 300 + "b"
    assert entity_iri(long_a) != entity_iri(long_b)
