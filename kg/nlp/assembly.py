"""The spaCy pipeline kg runs: the English model, the gazetteer ruler, the trained recogniser,
and the guards that keep names inside one sentence."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.nlp.acronyms import add_acronym_norms
from kg.nlp.model import ENTITY_RECOGNIZER, load_model, model_path, numpy_blas
from kg.nlp.recognizer import FACTORY as RECOGNIZER_FACTORY
from kg.nlp.ruler import add_gazetteer_ruler
from kg.nlp.sentences import SENTENCE_MERGE, add_sentence_guards
from kg.types import GazetteerEntry


def build_nlp(entries: Iterable[GazetteerEntry], *, model: str | None = None, trained: bool | str | Path = True):
    """A ``Language`` ready for :func:`kg.extract.extract`: parser, NER, gazetteer ruler and,
    unless ``trained`` is False, the trained entity recogniser (True: the shipped one; or
    the directory ``kg train -o DIR`` wrote). Its networks run on numpy's BLAS
    (:func:`kg.nlp.model.numpy_blas`)."""
    with numpy_blas():
        nlp = load_model(model)
        entries = list(entries)
        add_acronym_norms(nlp, entries)
        add_gazetteer_ruler(nlp, entries)
        if trained:
            add_entity_recognizer(nlp, trained)
        add_sentence_guards(nlp)
    return nlp


def add_entity_recognizer(nlp, trained: bool | str | Path = True) -> None:
    """Append the trained entity recogniser to a spaCy pipeline (after ``ner``, before
    the sentence merge that keeps its names whole)."""
    where = {"before": SENTENCE_MERGE} if SENTENCE_MERGE in nlp.pipe_names else {}
    nlp.add_pipe(RECOGNIZER_FACTORY, config={"path": str(model_path(trained, ENTITY_RECOGNIZER))}, **where)
