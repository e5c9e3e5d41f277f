"""A different conflict, written for these tests, gives a sensible graph too."""

from __future__ import annotations

import pytest
from conftest import SECOND_ARTICLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def red_sea(pipeline):
    from kg.builder import build_in_memory
    from kg.store.source import open_store

    return open_store(build_in_memory(pipeline, [SECOND_ARTICLE]).dataset)


def ask(store, where: str) -> bool:
    from kg.store.query import query

    return query(store, f"ASK {{ {where} }}").boolean


@pytest.mark.parametrize(
    "where",
    [
        '?h rdfs:label "Houthis" ; a kg:ArmedGroup',
        '?us rdfs:label "United States" . ?h rdfs:label "Houthis" . ?us kg:attacked ?h',
        '?uk rdfs:label "United Kingdom" . ?h rdfs:label "Houthis" . ?uk kg:attacked ?h',
        '?h rdfs:label "Houthis" . ?i rdfs:label "Iran" . ?h kg:backedBy ?i',
        '?p rdfs:label "Yahya Saree" ; kg:spokespersonFor ?h . ?h rdfs:label "Houthis"',
        '?p rdfs:label "Nasser Kanaani" ; kg:spokespersonFor ?m . '
        '?m kg:affiliatedWithCountry ?i . ?i rdfs:label "Iran"',
        '?c a kg:Condemnation ; kg:agent ?i ; kg:target ?s . ?i rdfs:label "Iran" . ?s a kg:AirStrike',
        '?d a kg:Designation ; kg:target ?h ; kg:time "2024-01"^^xsd:gYearMonth . ?h rdfs:label "Houthis"',
        '?a a kg:Attack ; kg:agent ?h ; kg:time "2023-11"^^xsd:gYearMonth . ?h rdfs:label "Houthis"',
    ],
)
def test_second_article_holds(red_sea, where):
    assert ask(red_sea, where), where


def test_second_article_places_are_places(red_sea):
    from kg.store.query import query

    rows = query(red_sea, 'SELECT ?c WHERE { ?e rdfs:label ?n ; a ?c VALUES ?n { "Yemen" "Sanaa" "Hodeidah" } }').rows
    classes = {r[0].value.rsplit("#", 1)[-1] for r in rows}
    assert classes and classes <= {"State", "City", "Place"}
