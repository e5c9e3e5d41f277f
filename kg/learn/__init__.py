"""kg's trained relation classifier at run time: pair features, a linear model, predictions.

kg has two trained models, small and offline; the other, the entity recogniser, is part
of the spaCy assembly (:mod:`kg.nlp.recognizer`). Both are trained on annotated news by
:mod:`kg.train` (``kg train conll04``) and shipped in ``kg/data/``: the entity recogniser
as a spaCy ``ner`` pipe (``entity-recognizer.bin``, spaCy's own serialisation, no
pickle), the relation classifier as ``relation-classifier.npz`` weights; each has a
``.json`` description. A directory written by ``kg train -o DIR`` holds the same files
and can replace them
(``Pipeline(trained=DIR)``, ``kg eval ... --model DIR``).
"""

from __future__ import annotations

from pathlib import Path

from kg.learn.calibration import Calibrator, load_calibrator
from kg.learn.relations import RelationClassifier
from kg.nlp.model import RELATION_CLASSIFIER, model_path


def load_relation_model(trained: bool | str | Path = True):
    """The trained :class:`kg.learn.relations.RelationClassifier`."""
    return RelationClassifier.load(model_path(trained, RELATION_CLASSIFIER))


__all__ = ["Calibrator", "RelationClassifier", "load_calibrator", "load_relation_model"]
