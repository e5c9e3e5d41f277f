"""Confidence that means something: the chance that a fact kg states is right.

Each extractor gives a fact a prior (a rule's fixed value, the classifier's
probability). Priors are not probabilities of being right: on real news a wrong edge
carried the same 0.6-0.9 as a right one. A :class:`Calibrator` is a logistic model over
what kg knows of a fact when it states it: which extractor found it (rules, the
classifier, discourse), whether it is a relation or an event, the fact's status, how
its participants were named (a gazetteer name, a name, a pronoun, a description), how
many there are, and the prior itself. It is
trained (``kg train calibration``, :mod:`kg.train.calibration`) on annotated news,
judged fact by fact, so that among facts of confidence about *p*, about *p* are right.

The weights are plain JSON (``kg/data/calibration.json``): feature name -> weight.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

from kg.nlp.model import shipped_dir
from kg.ontology import local
from kg.types import EventMention, Extraction, Mention, Relation

CALIBRATION = "calibration.json"
_ROLES = ("agent", "target", "victim", "location")


def fact_features(fact: Relation | EventMention, mentions: dict[int, Mention]) -> dict[str, float]:
    """What the calibrator reads of one fact: named indicator features and the prior."""
    prior = min(max(float(fact.confidence), 1e-3), 1 - 1e-3)
    f = {"bias": 1.0, "prior_logit": math.log(prior / (1 - prior)), f"status={fact.status}": 1.0}
    # coarse features only: a weight per rule, predicate or event class cannot be learned
    # from a hundred judged facts, and over-fitted ones did not carry to unseen news
    f[f"extractor={fact.extractor.split('/', 1)[0]}"] = 1.0
    if isinstance(fact, Relation):
        f["kind=relation"] = 1.0
        for end, mid in (("subject", fact.subject), ("object", fact.object)):
            f[f"{end}={_naming(mentions.get(mid))}"] = 1.0
        return f
    f["kind=event"] = 1.0
    named = [a for a in fact.arguments if a.mention is not None and local(a.role) in _ROLES]
    for role in _ROLES:
        here = [mentions.get(a.mention) for a in named if local(a.role) == role]
        if here:
            f[f"{role}={_naming(here[0])}"] = 1.0
    f["named_arguments"] = min(len(named), 4) / 4
    f["has_time"] = float(any(a.value is not None and local(a.role) == "time" for a in fact.arguments))
    return f


def _naming(m: Mention | None) -> str:
    """How a participant is named: gazetteer, name, body, demonym, nominal, pronoun, description."""
    if m is None:
        return "none"
    if m.kind == "name" and m.link:
        return "gazetteer"
    return m.kind


class Calibrator:
    """A logistic model from :func:`fact_features` to the chance that the fact is right."""

    def __init__(self, weights: dict[str, float], meta: dict | None = None):
        self.weights = weights
        self.meta = meta or {}

    @classmethod
    def load(cls, path: str | Path) -> Calibrator:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls({k: float(v) for k, v in data["weights"].items()}, data.get("meta", {}))

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {"meta": self.meta, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(body, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return path

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def calibrate(self, fact: Relation | EventMention, mentions: dict[int, Mention]) -> Relation | EventMention:
        """``fact`` with its confidence replaced by the calibrated chance that it is right."""
        return replace(fact, confidence=round(self.probability(fact_features(fact, mentions)), 4))

    def calibrate_all(self, ex: Extraction) -> Extraction:
        """``ex`` with every relation's and event's confidence calibrated."""
        mentions = {m.id: m for m in ex.mentions}
        return replace(
            ex,
            relations=tuple(self.calibrate(r, mentions) for r in ex.relations),
            events=tuple(self.calibrate(e, mentions) for e in ex.events),
        )


def load_calibrator(trained: bool | str | Path = True) -> Calibrator | None:
    """The shipped calibrator (``trained`` True), the one in a ``kg train`` directory, or
    None when that directory has none (priors then stay as the extractors gave them)."""
    directory = shipped_dir() if trained is True else Path(trained)
    path = directory / CALIBRATION
    return Calibrator.load(path) if path.is_file() else None
