"""The spaCy pipeline kg runs: the English model plus the gazetteer ruler."""

from __future__ import annotations

from collections.abc import Iterable

from kg.nlp.model import load_model
from kg.nlp.ruler import add_gazetteer_ruler
from kg.types import GazetteerEntry


def build_nlp(entries: Iterable[GazetteerEntry], *, model: str | None = None):
    """A ``Language`` ready for :func:`kg.extract.extract`: parser, NER, gazetteer ruler."""
    nlp = load_model(model)
    add_gazetteer_ruler(nlp, entries)
    return nlp
