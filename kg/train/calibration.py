"""Training the confidence calibrator on annotated news (``kg train calibration``).

kg runs on every article of the training split with its extractors' own confidences
(:class:`kg.pipeline.Pipeline` with ``calibrated=False``); the news scorer
(:mod:`kg.eval.news_align`) judges each fact: a relation is right when its triple is in
the gold, an event when its type and every compared argument are. A logistic regression
(scikit-learn, L2) learns the chance of being right from :func:`kg.learn.calibration.fact_features`.

Only the split given is read (by default news-dev's tune half): the held-back half is
for measuring. Cross-validation by article reports how well calibrated the model is on
articles it did not learn from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from kg.eval import news
from kg.eval import news_align as align
from kg.learn.calibration import Calibrator, fact_features
from kg.pipeline import Pipeline
from kg.types import EventMention, ResolvedArticle

# chosen by grouped cross-validation on the tune half (log loss; docs/quality.md): with the
# coarse features the fit is stable from C = 0.5 up
C = 1.0
FOLDS = 5


@dataclass
class Judged:
    """One fact kg stated, what the calibrator reads of it, and whether the gold has it."""

    article: str
    kind: str  # "relation" or "event"
    features: dict[str, float]
    right: bool


@dataclass
class CalibrationReport:
    facts: int = 0
    right: int = 0
    cv_ece: float = 0.0  # expected calibration error, cross-validated by article
    cv_bins: list = field(default_factory=list)
    prior_ece: float = 0.0  # the extractors' own confidences, for comparison


def judge(record: news.NewsRecord, ra: ResolvedArticle) -> Iterable[Judged]:
    """Every relation and scored event of one article, judged against its gold record."""
    entity_of = align.align_entities(record, ra)
    mentions = {m.id: m for m in ra.extraction.mentions}
    required, optional = align.gold_relation_keys(record)
    for r in (*ra.extraction.relations, *ra.relations):
        key = align.relation_key(r, ra, entity_of)
        if key not in optional:
            yield Judged(record.id, "relation", fact_features(r, mentions), key in required)
    events, _ = align.kg_events(ra, entity_of)
    gold = list(record.events)
    spans = [align.evidence_span(ra.extraction.article.text, g.evidence) for g in gold]
    matched = align.match_events(events, gold, spans)
    first: dict[str, EventMention] = {}
    for ev in ra.extraction.events:
        first.setdefault(ev.id, ev)
    for j, e in enumerate(events):
        right = align.fully_right(e, gold[matched[j]] if j in matched else None)
        yield Judged(record.id, "event", fact_features(first[e.id], mentions), right)


def judged_facts(pipeline: Pipeline, records: list[news.NewsRecord]) -> list[Judged]:
    resolved = pipeline.resolve(news.to_article(r) for r in records)
    return [j for record, ra in zip(records, resolved) for j in judge(record, ra)]


def fit(facts: list[Judged]) -> Calibrator:
    """The logistic model of ``facts``, as plain feature weights."""
    vec = DictVectorizer()
    X = vec.fit_transform([f.features for f in facts])
    y = np.array([f.right for f in facts])
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000).fit(X, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    return Calibrator(weights)


def cross_validated(facts: list[Judged]) -> list[tuple[float, bool]]:
    """(calibrated confidence, right) of each fact, from a model that never saw its article."""
    groups = [f.article for f in facts]
    out: list[tuple[float, bool]] = []
    for train, test in GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(facts, groups=groups):
        model = fit([facts[i] for i in train])
        out += [(model.probability(facts[i].features), facts[i].right) for i in test]
    return out


def train_calibration(
    path: str | Path, out: str | Path, *, split: str = "tune", gazetteers=(), model: str | None = None,
    trained: bool | str | Path = True,
) -> CalibrationReport:  # fmt: skip
    """Fit the calibrator on the ``split`` of the news file ``path``; write it to ``out``."""
    records = news.select(news.load(path), split)
    pipeline = Pipeline(gazetteers=gazetteers, model=model, trained=trained, calibrated=False)
    facts = judged_facts(pipeline, records)
    calibrator = fit(facts)
    cv = cross_validated(facts)
    calibrator.meta = {"trained_on": f"{Path(path).name} ({split} split)", "facts": len(facts), "C": C}
    calibrator.save(out)
    priors = [(_prior(f), f.right) for f in facts]
    return CalibrationReport(
        facts=len(facts),
        right=sum(f.right for f in facts),
        cv_ece=news.expected_calibration_error(cv),
        cv_bins=news.reliability(cv),
        prior_ece=news.expected_calibration_error(priors),
    )


def _prior(f: Judged) -> float:
    return float(1 / (1 + np.exp(-f.features["prior_logit"])))


__all__ = ["CalibrationReport", "Judged", "judge", "train_calibration"]
