"""The benchmark scorers on tiny hand-made gold/prediction pairs whose scores are known."""

from __future__ import annotations

import doctest

import pytest

from kg.eval import scoring
from kg.eval.scoring import (
    MISSING,
    PRF,
    SPURIOUS,
    WRONG_DIRECTION,
    WRONG_SPAN,
    WRONG_TYPE,
    GoldArg,
    argument_scores,
    entity_scores,
    relation_scores,
    trigger_scores,
)

PEOP, ORG, LOC = (0, 2, "Peop"), (5, 7, "Org"), (9, 10, "Loc")
GOLD_ENTITIES = [("s1", 0, 2, "Peop"), ("s1", 5, 7, "Org"), ("s1", 9, 10, "Loc"), ("s2", 1, 2, "Loc")]
GOLD_RELATIONS = [("s1", PEOP, ORG, "Work_For"), ("s1", ORG, LOC, "OrgBased_In")]


def test_eval_scoring_doctests_hold():
    result = doctest.testmod(scoring)
    assert result.attempted and not result.failed


@pytest.mark.parametrize(
    "scorer, gold",
    [
        (entity_scores, GOLD_ENTITIES),
        (relation_scores, GOLD_RELATIONS),
        (trigger_scores, [("d", 3, 4, "Life.Die"), ("d", 8, 9, "Conflict.Attack")]),
    ],
)
def test_eval_scoring_perfect_prediction_scores_one(scorer, gold):
    r = scorer(gold, list(gold))
    assert (r.overall.precision, r.overall.recall, r.overall.f1) == (1.0, 1.0, 1.0)
    assert all(s.f1 == 1.0 for s in r.per_type.values())
    assert not r.errors


@pytest.mark.parametrize(
    "scorer, gold",
    [
        (entity_scores, GOLD_ENTITIES),
        (relation_scores, GOLD_RELATIONS),
        (trigger_scores, [("d", 3, 4, "Life.Die")]),
    ],
)
def test_eval_scoring_empty_prediction_scores_zero(scorer, gold):
    r = scorer(gold, [])
    assert r.overall == PRF(0, 0, len(gold))
    assert (r.overall.precision, r.overall.recall, r.overall.f1) == (0.0, 0.0, 0.0)
    assert r.errors[MISSING] == len(gold)


def test_eval_scoring_entity_type_error_is_a_false_positive_and_a_false_negative():
    pred = [("s1", 0, 2, "Peop"), ("s1", 5, 7, "Loc"), ("s1", 9, 10, "Loc"), ("s2", 1, 2, "Loc")]
    r = entity_scores(GOLD_ENTITIES, pred)
    assert r.overall == PRF(tp=3, fp=1, fn=1)
    assert r.overall.f1 == pytest.approx(0.75)
    assert r.per_type["Org"] == PRF(0, 0, 1) and r.per_type["Loc"] == PRF(2, 1, 0)
    assert r.errors == {WRONG_TYPE: 1}
    assert r.confusion[("Org", "Loc")] == 1


def test_eval_scoring_entity_span_must_be_exact():
    r = entity_scores([("s1", 0, 2, "Peop")], [("s1", 0, 3, "Peop"), ("s1", 6, 7, "Org")])
    assert r.overall == PRF(0, 2, 1)
    assert r.errors == {WRONG_SPAN: 1, SPURIOUS: 1}


def test_eval_scoring_entity_types_restrict_both_sides():
    r = entity_scores(
        [("s1", 0, 1, "Other"), ("s1", 2, 3, "Peop")], [("s1", 2, 3, "Peop"), ("s1", 5, 6, "MISC")], types=["Peop"]
    )
    assert r.overall == PRF(1, 0, 0)


def test_eval_scoring_relation_needs_argument_types_too():
    wrong_arg_type = ("s1", (0, 2, "Org"), ORG, "Work_For")
    r = relation_scores(GOLD_RELATIONS, [wrong_arg_type, GOLD_RELATIONS[1]])
    assert r.overall == PRF(tp=1, fp=1, fn=1)
    assert r.errors == {WRONG_SPAN: 1}


@pytest.mark.parametrize(
    "pred, kind",
    [
        (("s1", PEOP, ORG, "Kill"), WRONG_TYPE),
        (("s1", ORG, PEOP, "Work_For"), WRONG_DIRECTION),
        (("s1", (1, 2, "Peop"), ORG, "Work_For"), WRONG_SPAN),
        (("s1", PEOP, LOC, "Live_In"), SPURIOUS),
    ],
)
def test_eval_scoring_relation_errors_are_named(pred, kind):
    r = relation_scores([GOLD_RELATIONS[0]], [pred])
    assert r.overall == PRF(0, 1, 1)
    assert r.errors[kind] == 1
    assert r.errors[MISSING] == (1 if kind == SPURIOUS else 0)


def test_eval_scoring_relation_micro_average_pools_types():
    gold = [("s", PEOP, ORG, "Work_For")] * 1 + [("t", PEOP, LOC, "Live_In"), ("u", PEOP, LOC, "Live_In")]
    pred = [("s", PEOP, ORG, "Work_For"), ("t", PEOP, LOC, "Live_In"), ("v", PEOP, LOC, "Live_In")]
    r = relation_scores(gold, pred)
    assert r.overall == PRF(2, 1, 1)
    assert r.per_type["Work_For"].f1 == 1.0 and r.per_type["Live_In"].f1 == pytest.approx(0.5)


def test_eval_scoring_triggers_match_by_overlap_and_type_once_each():
    gold = [("d", 3, 5, "Conflict.Attack")]
    r = trigger_scores(gold, [("d", 4, 6, "Conflict.Attack"), ("d", 3, 4, "Conflict.Attack")])
    assert r.overall == PRF(1, 1, 0)  # one gold trigger is matched once
    assert trigger_scores(gold, [("d", 5, 6, "Conflict.Attack")]).overall == PRF(0, 1, 1)
    assert trigger_scores(gold, [("e", 3, 5, "Conflict.Attack")]).overall == PRF(0, 1, 1)


GOLD_ARGS = [
    GoldArg("d", "Life.Die", 10, 11, "Victim", head=12, cluster_heads=frozenset({2, 12})),
    GoldArg("d", "Life.Die", 10, 11, "Killer", head=8, cluster_heads=frozenset({8})),
]


@pytest.mark.parametrize(
    "pred, head_f1, coref_f1",
    [
        ([("d", "Life.Die", 10, 11, "Victim", 12), ("d", "Life.Die", 10, 11, "Killer", 8)], 1.0, 1.0),
        ([("d", "Life.Die", 10, 11, "Victim", 2)], 0.0, 2 / 3),  # an earlier mention of the victim
        ([("d", "Life.Die", 9, 11, "Victim", 12)], 2 / 3, 2 / 3),  # the trigger only overlaps
        ([("d", "Conflict.Attack", 10, 11, "Victim", 12)], 0.0, 0.0),  # another event type
        ([("d", "Life.Die", 20, 21, "Victim", 12)], 0.0, 0.0),  # another event of the same type
        ([], 0.0, 0.0),
    ],
)
def test_eval_scoring_arguments_by_head_and_by_coreference(pred, head_f1, coref_f1):
    assert argument_scores(GOLD_ARGS, pred).overall.f1 == pytest.approx(head_f1)
    assert argument_scores(GOLD_ARGS, pred, coref=True).overall.f1 == pytest.approx(coref_f1)


def test_eval_scoring_argument_role_error_is_a_false_positive_and_a_false_negative():
    r = argument_scores(GOLD_ARGS[:1], [("d", "Life.Die", 10, 11, "Killer", 12)])
    assert r.overall == PRF(0, 1, 1)
    assert r.errors == {WRONG_TYPE: 1}
    assert r.confusion[("Life.Die.Victim", "Life.Die.Killer")] == 1


def test_eval_scoring_one_mention_fills_one_gold_argument_once():
    pred = [("d", "Life.Die", 10, 11, "Victim", 12), ("d", "Life.Die", 10, 11, "Victim", 2)]
    r = argument_scores(GOLD_ARGS[:1], pred, coref=True)
    assert r.overall == PRF(1, 1, 0)
