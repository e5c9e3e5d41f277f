"""Resolution rules on hand-made mentions: acronyms, salience, surnames."""

from __future__ import annotations

import pytest

from kg.resolve.acronyms import defined_acronyms, matches
from kg.resolve.coref import best_antecedent, salience
from kg.types import Mention

ONT = "https://w3id.org/kg-news/ontology#"


@pytest.mark.parametrize("long,short,ok", [
    ("Popular Mobilisation Forces", "PMF", True),
    ("Islamic State", "IS", True),
    ("Syrian Observatory for Human Rights", "SOHR", True),
    ("Islamic State", "ISIS", False),
    ("Kataib Hezbollah", "PMF", False),
])
def test_resolve_acronym_matching(long, short, ok):
    assert matches(long, short) is ok


def test_resolve_acronym_defined_in_parentheses():
    text = "the Popular Mobilisation Forces (PMF) said"
    long = Mention(0, 4, 31, "Popular Mobilisation Forces", ONT + "ArmedGroup")
    short = Mention(1, 33, 36, "PMF", ONT + "ArmedGroup")
    assert defined_acronyms(text, [long, short]) == {1: 0}


def _m(i, start, text, cls, sent, role, kind="name", **kw):
    return Mention(i, start, start + len(text), text, ONT + cls, kind=kind, sent=sent, role=role, **kw)


def test_resolve_salience_prefers_subjects_and_objects_over_modifiers():
    # "The US designated KH ... and accused it of attacks on US forces. Its leader ..."
    us, kh = _m(0, 0, "US", "State", 0, "subj"), _m(1, 20, "Kataib Hezbollah", "ArmedGroup", 0, "obj")
    it = _m(2, 50, "it", "Organization", 0, "obj", kind="pronoun")
    us_forces = _m(3, 70, "US", "State", 0, "mod")
    its = _m(4, 100, "Its", "Organization", 1, "poss", kind="pronoun")
    clusters = {0: [us, us_forces], 1: [kh, it]}
    classes = {0: "State", 1: "ArmedGroup"}
    assert salience([us_forces], its) == 0
    assert best_antecedent(its, clusters, classes.get, {"State", "ArmedGroup"}) == 1


def test_resolve_pronoun_never_takes_its_own_subject():
    us = _m(0, 0, "US", "State", 0, "subj")
    it = _m(1, 30, "it", "Organization", 0, "obj", kind="pronoun", not_coref=(0,))
    assert best_antecedent(it, {0: [us]}, {0: "State"}.get, {"State"}) is None


def test_resolve_he_needs_a_person():
    iran = _m(0, 0, "Iran", "State", 0, "subj")
    he = _m(1, 20, "he", "Person", 0, "subj", kind="pronoun")
    assert best_antecedent(he, {0: [iran]}, {0: "State"}.get, {"Person"}) is None
