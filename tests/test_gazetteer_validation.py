"""A user's gazetteer file is checked as it loads: IRIs, classes, owl:sameAs, the entity shape.

Each bad fixture in tests/data/gazetteer/ must be refused with one OntologyError that
names the file and the entry (and its line where the file shows it), so that nothing
it holds can reach a graph that fails kg's own shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import OntologyError
from kg.ontology import ONT, WIKIDATA_BASE, entity_iri
from kg.rdf.gazetteer import load_gazetteer

DATA = Path(__file__).parent / "data" / "gazetteer"
FRONT = entity_iri("Example Front")


def _refusal(name: str) -> str:
    path = DATA / name
    with pytest.raises(OntologyError) as info:
        load_gazetteer([path])
    message = str(info.value)
    assert message.startswith("[E003] ")
    assert str(path) in message, message
    return message


def test_gazetteer_bundled_file_loads():
    entries = load_gazetteer()
    assert len(entries) > 700
    assert all(e.wikidata is None or e.wikidata.startswith(WIKIDATA_BASE + "Q") for e in entries)


def test_gazetteer_valid_user_file_adds_an_entry_and_an_alias():
    entries = {e.iri: e for e in load_gazetteer([DATA / "valid.ttl"])}
    front = entries[FRONT]
    assert (front.label, front.cls, front.aliases) == ("Example Front", ONT + "ArmedGroup", ("the Front",))
    assert front.wikidata == WIKIDATA_BASE + "Q42"
    assert "Mesopotamia" in entries[entity_iri("Iraq")].aliases


def test_gazetteer_javascript_same_as_is_refused_naming_file_entry_and_line():
    message = _refusal("javascript_sameas.ttl")
    assert f'line 9, entry <{FRONT}> "Example Front"' in message
    assert "<javascript:alert(1)> is not a Wikidata item IRI" in message


@pytest.mark.parametrize(
    "name,iri,minted",
    [
        ("iri_space.ttl", "https://w3id.org/kg-news/entity/Example Front", FRONT),
        ("iri_angle.ttl", "https://w3id.org/kg-news/entity/Example>Front", entity_iri("Example>Front")),
    ],
)
def test_gazetteer_invalid_entry_iri_is_refused_with_the_minted_one(name, iri, minted):
    message = _refusal(name)
    assert f"entry <{iri}>" in message
    assert "not a valid IRI" in message
    assert f"use <{minted}>" in message


def test_gazetteer_entry_outside_the_entity_namespace_is_refused():
    message = _refusal("other_namespace.ttl")
    assert "line 9, entry <http://example.org/Example_Front>" in message
    assert "not in kg's entity namespace" in message


def test_gazetteer_turtle_syntax_error_names_the_line():
    message = _refusal("syntax_error.ttl")
    assert "is not valid Turtle: line 11:" in message


@pytest.mark.parametrize(
    "name,shape_message",
    [
        ("two_labels.ttl", "needs exactly one rdfs:label"),
        ("alias_not_string.ttl", "An alias (skos:altLabel) must be a plain non-empty string"),
    ],
)
def test_gazetteer_shacl_violation_names_the_entry_and_the_shape_message(name, shape_message):
    message = _refusal(name)
    assert f"line 9, entry <{FRONT}>" in message
    assert shape_message in message


def test_gazetteer_class_not_in_the_ontology_is_refused():
    message = _refusal("unknown_class.ttl")
    assert f'line 9, entry <{FRONT}> "Example Front"' in message
    assert "class kg:Militia is not an actor or place class of the kg ontology" in message
