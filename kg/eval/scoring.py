"""Scorers for extraction benchmarks: pure functions over plain tuples.

Two families, both micro-averaged with per-type figures:

* **strict spans** (CoNLL04 entities and relations): a prediction counts only if it is
  exactly a gold item. An entity is ``(doc, start, end, type)``; a relation is
  ``(doc, head, tail, type)`` where ``head`` and ``tail`` are entities without the doc,
  ``(start, end, type)``. So a relation is right only if its type, both argument spans
  and both argument types are right.
* **events** (WikiEvents): a trigger is right if a gold trigger of the same event type
  overlaps it; an argument ``(event type, role, head word)`` is right if a gold event of
  that type with an overlapping trigger has that role filled by a mention with the same
  head word (*head* matching), or by any mention in the same coreference cluster
  (*coref* matching). Gold and predicted items are matched one to one.

Spans are half-open token offsets ``[start, end)``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

# error kinds, in the order reports print them
WRONG_TYPE = "wrong type"
WRONG_SPAN = "wrong span"
WRONG_DIRECTION = "wrong direction"
MISSING = "missing"
SPURIOUS = "spurious"
ERROR_KINDS = (WRONG_TYPE, WRONG_SPAN, WRONG_DIRECTION, MISSING, SPURIOUS)

Entity = tuple[Hashable, int, int, str]  # (doc, start, end, type)
Arg = tuple[int, int, str]  # (start, end, type)
RelationItem = tuple[Hashable, Arg, Arg, str]  # (doc, head, tail, type)


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class Report:
    """Micro-averaged figures, the same per type, and the errors by kind."""

    overall: PRF
    per_type: dict[str, PRF]
    errors: Counter = field(default_factory=Counter)  # error kind -> count
    confusion: Counter = field(default_factory=Counter)  # (gold type, predicted type) -> count, errors only


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _per_type(gold: set, pred: set, type_of) -> tuple[PRF, dict[str, PRF]]:
    types = sorted({type_of(x) for x in gold | pred})
    per = {}
    for t in types:
        g = {x for x in gold if type_of(x) == t}
        p = {x for x in pred if type_of(x) == t}
        per[t] = PRF(len(g & p), len(p - g), len(g - p))
    overall = PRF(len(gold & pred), len(pred - gold), len(gold - pred))
    return overall, per


def entity_scores(gold: Iterable[Entity], pred: Iterable[Entity], *, types: Iterable[str] | None = None) -> Report:
    """Strict entity scores: span and type must both be right.

    ``types`` restricts scoring to those types (others are dropped on both sides).
    A type error is a false positive and a false negative.

    Examples:
        >>> gold = [("s1", 0, 2, "Peop"), ("s1", 5, 6, "Loc")]
        >>> entity_scores(gold, gold).overall.f1
        1.0
        >>> r = entity_scores(gold, [("s1", 0, 2, "Peop"), ("s1", 5, 6, "Org")])
        >>> r.overall, r.errors[WRONG_TYPE], r.confusion[("Loc", "Org")]
        (PRF(tp=1, fp=1, fn=1), 1, 1)
        >>> entity_scores(gold, []).overall.f1
        0.0
    """
    gold_set, pred_set = set(gold), set(pred)
    if types is not None:
        keep = set(types)
        gold_set = {g for g in gold_set if g[3] in keep}
        pred_set = {p for p in pred_set if p[3] in keep}
    overall, per = _per_type(gold_set, pred_set, lambda x: x[3])
    errors: Counter = Counter()
    confusion: Counter = Counter()
    gold_by_doc = defaultdict(list)
    for g in gold_set:
        gold_by_doc[g[0]].append(g)
    explained = set()
    for p in sorted(pred_set - gold_set, key=repr):
        doc, start, end, typ = p
        same_span = [g for g in gold_by_doc[doc] if g[1] == start and g[2] == end]
        overlapping = [g for g in gold_by_doc[doc] if _overlap(start, end, g[1], g[2]) and g not in pred_set]
        if same_span:
            errors[WRONG_TYPE] += 1
            confusion[(same_span[0][3], typ)] += 1
            explained.update(same_span)
        elif overlapping:
            errors[WRONG_SPAN] += 1
            explained.update(overlapping)
        else:
            errors[SPURIOUS] += 1
            confusion[("-", typ)] += 1
    _count_missing(gold_set - pred_set, explained, errors, confusion)
    return Report(overall, per, errors, confusion)


def _count_missing(unmatched_gold, explained: set, errors: Counter, confusion: Counter) -> None:
    """Gold items no prediction matched nor explained are *missing*."""
    for g in unmatched_gold:
        if g not in explained:
            errors[MISSING] += 1
            confusion[(g[3], "-")] += 1


def relation_scores(gold: Iterable[RelationItem], pred: Iterable[RelationItem]) -> Report:
    """Strict relation scores: type, both argument spans and both argument types.

    Errors: *wrong type* (same arguments, other relation), *wrong direction* (head and
    tail swapped), *wrong span* (same relation with an argument's span or entity type
    wrong), *spurious* (none of these), *missing* (a gold relation none of these explain).

    Examples:
        >>> a, b, c = (0, 2, "Peop"), (4, 5, "Org"), (7, 8, "Loc")
        >>> gold = [("s1", a, b, "Work_For")]
        >>> relation_scores(gold, gold).overall.f1
        1.0
        >>> r = relation_scores(gold, [("s1", a, b, "Kill")])
        >>> r.overall, r.errors[WRONG_TYPE]
        (PRF(tp=0, fp=1, fn=1), 1)
        >>> r = relation_scores(gold, [("s1", (1, 2, "Peop"), b, "Work_For"), ("s1", a, c, "Live_In")])
        >>> r.errors[WRONG_SPAN], r.errors[SPURIOUS], r.errors[MISSING]
        (1, 1, 0)
        >>> relation_scores(gold, []).errors[MISSING]
        1
    """
    gold_set, pred_set = set(gold), set(pred)
    overall, per = _per_type(gold_set, pred_set, lambda x: x[3])
    errors: Counter = Counter()
    confusion: Counter = Counter()
    gold_by_doc = defaultdict(list)
    for g in gold_set - pred_set:
        gold_by_doc[g[0]].append(g)
    explained = set()

    def near(x: Arg, y: Arg) -> bool:
        return _overlap(x[0], x[1], y[0], y[1])

    for p in sorted(pred_set - gold_set, key=repr):
        doc, head, tail, typ = p
        cands = gold_by_doc[doc]
        same_args = [g for g in cands if g[1] == head and g[2] == tail]
        swapped = [g for g in cands if g[1] == tail and g[2] == head]
        fuzzy = [g for g in cands if g[3] == typ and near(g[1], head) and near(g[2], tail)]
        if same_args:
            errors[WRONG_TYPE] += 1
            confusion[(same_args[0][3], typ)] += 1
            explained.update(same_args)
        elif swapped:
            errors[WRONG_DIRECTION] += 1
            explained.update(swapped)
        elif fuzzy:
            errors[WRONG_SPAN] += 1
            explained.update(fuzzy)
        else:
            errors[SPURIOUS] += 1
            confusion[("-", typ)] += 1
    _count_missing(gold_set - pred_set, explained, errors, confusion)
    return Report(overall, per, errors, confusion)


# -- events --------------------------------------------------------------------------

Trigger = tuple[Hashable, int, int, str]  # (doc, start, end, event type)
# a predicted argument: (doc, event type, trigger start, trigger end, role, head token)
PredArg = tuple[Hashable, str, int, int, str, int]


@dataclass(frozen=True)
class GoldArg:
    """One filled role of a gold event.

    ``head`` is the head token of the mention that fills it; ``cluster_heads`` the head
    tokens of every mention coreferent with it (``head`` included).
    """

    doc: Hashable
    event_type: str
    trigger_start: int
    trigger_end: int
    role: str
    head: int
    cluster_heads: frozenset[int] = frozenset()


def _match_one_to_one(gold: list, pred: list, ok) -> tuple[list[tuple[int, int]], set[int], set[int]]:
    """Greedy one-to-one matching: each prediction takes the first free gold item it fits."""
    used: set[int] = set()
    pairs = []
    for j, p in enumerate(pred):
        for i, g in enumerate(gold):
            if i not in used and ok(g, p):
                used.add(i)
                pairs.append((i, j))
                break
    matched_pred = {j for _, j in pairs}
    return pairs, used, matched_pred


def trigger_scores(gold: Iterable[Trigger], pred: Iterable[Trigger]) -> Report:
    """Trigger identification and classification: same event type, overlapping span.

    Examples:
        >>> gold = [("d", 3, 4, "Attack"), ("d", 9, 10, "Die")]
        >>> trigger_scores(gold, gold).overall.f1
        1.0
        >>> r = trigger_scores(gold, [("d", 3, 5, "Attack"), ("d", 9, 10, "Injure")])
        >>> r.overall, r.errors[WRONG_TYPE]
        (PRF(tp=1, fp=1, fn=1), 1)
        >>> trigger_scores(gold, []).overall
        PRF(tp=0, fp=0, fn=2)
    """
    gold_l, pred_l = sorted(set(gold), key=repr), sorted(set(pred), key=repr)

    def ok(g, p):
        return g[0] == p[0] and g[3] == p[3] and _overlap(g[1], g[2], p[1], p[2])

    return _event_report(
        gold_l,
        pred_l,
        ok,
        type_of=lambda x: x[3],
        same_place=lambda g, p: g[0] == p[0] and _overlap(g[1], g[2], p[1], p[2]),
    )


def argument_scores(gold: Iterable[GoldArg], pred: Iterable[PredArg], *, coref: bool = False) -> Report:
    """End-to-end argument scores, by head word or (``coref=True``) by coreference cluster.

    Per-type figures are keyed ``"EventType.Role"``.

    Examples:
        >>> gold = [GoldArg("d", "Die", 5, 6, "Victim", head=7, cluster_heads=frozenset({2, 7}))]
        >>> argument_scores(gold, [("d", "Die", 5, 6, "Victim", 7)]).overall.f1
        1.0
        >>> argument_scores(gold, [("d", "Die", 5, 6, "Victim", 2)]).overall.f1
        0.0
        >>> argument_scores(gold, [("d", "Die", 5, 6, "Victim", 2)], coref=True).overall.f1
        1.0
        >>> r = argument_scores(gold, [("d", "Die", 5, 6, "Killer", 7)])
        >>> r.overall, r.errors[WRONG_TYPE]
        (PRF(tp=0, fp=1, fn=1), 1)
    """
    gold_l = sorted(set(gold), key=repr)
    pred_l = sorted(set(pred), key=repr)

    def heads(g: GoldArg) -> frozenset[int]:
        return (g.cluster_heads | {g.head}) if coref else frozenset({g.head})

    def same_event(g: GoldArg, p) -> bool:
        return g.doc == p[0] and g.event_type == p[1] and _overlap(g.trigger_start, g.trigger_end, p[2], p[3])

    def ok(g: GoldArg, p) -> bool:
        return same_event(g, p) and g.role == p[4] and p[5] in heads(g)

    return _event_report(
        gold_l,
        pred_l,
        ok,
        type_of=lambda x: f"{x.event_type}.{x.role}" if isinstance(x, GoldArg) else f"{x[1]}.{x[4]}",
        same_place=lambda g, p: same_event(g, p) and p[5] in heads(g),
    )


def _event_report(gold: list, pred: list, ok, *, type_of, same_place) -> Report:
    pairs, used_gold, used_pred = _match_one_to_one(gold, pred, ok)
    per_tp: Counter = Counter(type_of(gold[i]) for i, _ in pairs)
    per_gold: Counter = Counter(type_of(g) for g in gold)
    per_pred: Counter = Counter(type_of(p) for p in pred)
    per = {
        t: PRF(per_tp[t], per_pred[t] - per_tp[t], per_gold[t] - per_tp[t])
        for t in sorted(set(per_gold) | set(per_pred))
    }
    tp = len(pairs)
    overall = PRF(tp, len(pred) - tp, len(gold) - tp)
    errors: Counter = Counter()
    confusion: Counter = Counter()
    free_gold = [i for i in range(len(gold)) if i not in used_gold]
    explained: set[int] = set()
    for j, p in enumerate(pred):
        if j in used_pred:
            continue
        near = [i for i in free_gold if same_place(gold[i], p)]
        if near:
            errors[WRONG_TYPE] += 1
            confusion[(type_of(gold[near[0]]), type_of(p))] += 1
            explained.add(near[0])
        else:
            errors[SPURIOUS] += 1
            confusion[("-", type_of(p))] += 1
    for i in free_gold:
        if i not in explained:
            errors[MISSING] += 1
            confusion[(type_of(gold[i]), "-")] += 1
    return Report(overall, per, errors, confusion)
