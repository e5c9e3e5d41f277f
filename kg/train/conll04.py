"""Training kg's entity recogniser and relation classifier on CoNLL04 (``kg train conll04``).

1. The entity recogniser starts from the English model's own ``ner`` and is fine-tuned
   on the training sentences (persons, organisations, locations, other); the pass whose
   averaged weights score best on the development sentences is kept.
2. kg's pipeline (English model, gazetteer, the new recogniser, the rules) then runs on
   every sentence, and the relation classifier learns from the ordered pairs of names
   of the training sentences, each labelled by the gold relation between the same
   spans, or none.
3. The classifier's probability threshold is the one that gives the best relation F1
   on the development sentences, rules and classifier together.

The test split is never read.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Span
from spacy.training import Example
from spacy.util import minibatch

from kg.eval import conll04, mapping
from kg.eval.scoring import entity_scores, relation_scores
from kg.learn.features import pair_features
from kg.learn.linear import DEFAULT_BUCKETS, SoftmaxClassifier, hash_features
from kg.learn.relations import NONE, PREDICATES, RelationClassifier, candidates, keep, label_mask
from kg.nlp.assembly import add_entity_recognizer
from kg.nlp.model import ENTITY_RECOGNIZER, RELATION_CLASSIFIER, load_model
from kg.nlp.recognizer import recognised, save_recognizer
from kg.pipeline import Pipeline

THRESHOLDS = tuple(round(float(x), 2) for x in np.arange(0.2, 0.95, 0.05))
BATCH = 16
DROPOUT = 0.35


@dataclass
class TrainReport:
    """What training chose and how the result scores on the development sentences."""

    ner_epochs: int = 0
    threshold: float = 0.0
    entity_f1: float = 0.0
    relation_f1: float = 0.0
    candidates: int = 0
    positives: int = 0
    seconds: float = 0.0


def _examples(nlp, sentences: list[conll04.Sentence]) -> list:
    """spaCy training examples: each sentence's words with its gold entities."""
    out = []
    for s in sentences:
        starts = s.starts()
        ref = nlp.make_doc(s.text)
        ents = []
        for a, b, typ in sorted(s.entities):
            span = ref.char_span(starts[a], starts[b - 1] + len(s.tokens[b - 1]), alignment_mode="expand")
            if span is not None and not any(span.start < e.end and e.start < span.end for e in ents):
                ents.append(Span(ref, span.start, span.end, label=mapping.CONLL04_TO_SPACY[typ]))
        ref.ents = ents
        out.append(Example(nlp.make_doc(s.text), ref))
    return out


def _recogniser_entities(ner, nlp, sentences) -> set:
    """The recogniser's names in ``sentences`` as CoNLL04 entities (to choose the pass)."""
    back = {v: k for k, v in mapping.CONLL04_TO_SPACY.items()}
    out = set()
    for s in sentences:
        doc = nlp.make_doc(s.text)
        tmap = conll04.TokenMap(s.tokens)
        for span in recognised(ner, doc):
            if span.label_ in back:
                out.add((s.id, *tmap.span(span.start_char, span.end_char), back[span.label_]))
    return out


def train_recognizer(
    train,
    dev,
    out_path: Path,
    *,
    epochs: int,
    seed: int,
    model: str | None,
    say: Callable[[str], None],
    trained_on: str = "",
) -> tuple[int, float]:
    """Fine-tune the English model's ``ner`` on ``train``; keep the pass best on ``dev``."""
    base = load_model(model)
    nlp = spacy.blank("en", vocab=base.vocab)
    ner = nlp.add_pipe("ner", source=base)
    for label in mapping.CONLL04_TO_SPACY.values():
        ner.add_label(label)
    config = {k: v for k, v in nlp.config["components"]["ner"].items() if k != "factory"}
    examples = _examples(nlp, train)
    gold = set().union(*(s.gold_entities() for s in dev))
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    optimizer = nlp.resume_training()
    best = (-1.0, 0)
    for epoch in range(1, epochs + 1):
        random.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        with nlp.use_params(optimizer.averages):
            f1 = entity_scores(gold, _recogniser_entities(ner, nlp, dev)).overall.f1
            say(
                f"  entity recogniser pass {epoch}: loss {losses.get('ner', 0):.0f}, "
                f"dev entity F1 {100 * f1:.1f} (recogniser alone)"
            )
            if f1 > best[0]:
                best = (f1, epoch)
                save_recognizer(
                    ner,
                    config,
                    out_path,
                    {
                        "trained_on": trained_on,
                        "passes": epoch,
                        "dev_entity_f1": round(f1, 4),
                    },
                )
    return best[1], best[0]


def train_conll04(
    train_path: str | Path,
    dev_path: str | Path,
    out_dir: str | Path,
    *,
    ner_epochs: int = 16,
    classifier_epochs: int = 20,
    seed: int = 0,
    gazetteers=(),
    model: str | None = None,
    say: Callable[[str], None] = lambda line: None,
) -> TrainReport:
    """Train both models on CoNLL04 ``train_path``, tune on ``dev_path``, write ``out_dir``."""
    started = time.perf_counter()
    report = TrainReport()
    out_dir = Path(out_dir)
    train, dev = conll04.load(train_path), conll04.load(dev_path)

    say(f"fine-tuning the entity recogniser on {len(train)} sentences ({len(dev)} to choose the pass)")
    report.ner_epochs, _ = train_recognizer(
        train,
        dev,
        out_dir / ENTITY_RECOGNIZER,
        epochs=ner_epochs,
        seed=seed,
        model=model,
        say=say,
        trained_on=Path(train_path).name,
    )

    say("running kg's pipeline with the new recogniser")
    pipeline = Pipeline(gazetteers=gazetteers, model=model, trained=False)
    add_entity_recognizer(pipeline.nlp, out_dir)  # the new recogniser, no relation classifier yet
    train_relations(
        pipeline,
        train,
        dev,
        out_dir / RELATION_CLASSIFIER,
        report,
        epochs=classifier_epochs,
        seed=seed,
        say=say,
        meta={"trained_on": Path(train_path).name, "tuned_on": Path(dev_path).name},
    )
    report.seconds = time.perf_counter() - started
    return report


def train_relations(
    pipeline,
    train,
    dev,
    out_path: Path,
    report: TrainReport,
    *,
    epochs: int,
    seed: int,
    say: Callable[[str], None],
    meta: dict,
) -> None:
    """Train the relation classifier on kg's own output for ``train``; tune its threshold on ``dev``."""
    train_run = list(conll04.run(pipeline, train))
    dev_run = list(conll04.run(pipeline, dev))

    labels = (NONE, *PREDICATES)
    data = []
    for s, doc, ex in train_run:
        tmap = conll04.TokenMap(s.tokens)
        named = [(e.start_char, e.end_char) for e in doc.ents]
        gold = {(s.entities[h][:2], s.entities[t][:2]): typ for h, t, typ in s.relations}
        for a, b, sa, sb in candidates(doc, ex.mentions):
            mask = label_mask(labels, a, b)
            if mask.sum() <= 1:
                continue
            ka = tmap.span(*conll04.mention_span(a, s.text, named))
            kb = tmap.span(*conll04.mention_span(b, s.text, named))
            typ = gold.get((ka, kb))
            y = labels.index(mapping.CONLL04_TO_PREDICATE[typ]) if typ else 0
            if not mask[y]:
                y = 0
            data.append((hash_features(pair_features(doc, sa, sb, a.cls, b.cls), DEFAULT_BUCKETS), y, mask))
    report.candidates = len(data)
    report.positives = sum(1 for _, y, _ in data if y)
    say(f"training the relation classifier on {len(data)} pairs of names ({report.positives} related)")
    clf = SoftmaxClassifier(labels, meta=meta)
    clf.fit(data, epochs=epochs, seed=seed)

    say("choosing the probability threshold on the development sentences")
    classifier = RelationClassifier(clf)
    scored = [list(classifier.scored(doc, ex.mentions)) for _, doc, ex in dev_run]
    gold_e = set().union(*(s.gold_entities() for s in dev))
    gold_r = set().union(*(s.gold_relations() for s in dev))
    best = None
    for th in THRESHOLDS:
        pred_e, pred_r = set(), set()
        for (s, doc, ex), sc in zip(dev_run, scored):
            full = replace(ex, relations=(*ex.relations, *keep(sc, ex.relations, th)))
            p = conll04.predictions(s, doc, full)
            pred_r |= p.relations
            pred_e |= p.entities
        f1 = relation_scores(gold_r, pred_r).overall.f1
        say(f"  threshold {th:.2f}: dev relation F1 {100 * f1:.1f}")
        if best is None or f1 > best[0]:
            best = (f1, th, entity_scores(gold_e, pred_e).overall.f1)
    report.relation_f1, report.threshold, report.entity_f1 = best
    clf.meta["threshold"] = report.threshold
    clf.save(out_path)
