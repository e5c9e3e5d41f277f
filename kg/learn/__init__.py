"""kg's trained models: an entity recogniser and a relation classifier, small and offline.

Both are trained on annotated news by :mod:`kg.learn.train` (``kg train conll04``)
and shipped in ``kg/data/``: the entity recogniser as a spaCy ``ner`` pipe
(``entity-recognizer.bin``, spaCy's own serialisation, no pickle), the relation
classifier as ``relation-classifier.npz`` weights; each has a ``.json`` description. A directory written by
``kg train -o DIR`` holds the same files and can replace them
(``Pipeline(trained=DIR)``, ``kg eval ... --model DIR``).
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import ModelNotFound

ENTITY_RECOGNIZER = "entity-recognizer"
RELATION_CLASSIFIER = "relation-classifier"
# the files each model needs, relative to its path
_FILES = {ENTITY_RECOGNIZER: (".bin", ".json"), RELATION_CLASSIFIER: (".npz", ".json")}


def shipped_dir() -> Path:
    """The directory of the models that come with kg (``kg/data``)."""
    return Path(__file__).resolve().parents[1] / "data"


def model_path(trained: bool | str | Path, name: str) -> Path:
    """Path of model ``name`` in ``trained`` (True: the shipped ones); checks its files."""
    directory = shipped_dir() if trained is True else Path(trained)
    path = directory / name
    for suffix in _FILES[name]:
        need = path.with_suffix(suffix)
        if not need.is_file():
            hint = ("reinstall kg (`pip install -e .`)" if trained is True
                    else "train them with `kg train conll04 TRAIN DEV -o DIR`, or leave --model out")
            raise ModelNotFound(f"No trained {name} in {directory} ({need.name} is missing): {hint}")
    return path


def add_entity_recognizer(nlp, trained: bool | str | Path = True) -> None:
    """Append the trained entity recogniser to a spaCy pipeline (after ``ner``)."""
    from kg.learn.entities import FACTORY

    nlp.add_pipe(FACTORY, config={"path": str(model_path(trained, ENTITY_RECOGNIZER))})


def load_relation_model(trained: bool | str | Path = True):
    """The trained :class:`kg.learn.relations.RelationClassifier`."""
    from kg.learn.relations import RelationClassifier

    return RelationClassifier.load(model_path(trained, RELATION_CLASSIFIER))
