"""One text through the real pipeline, as the extraction tests read it."""

from __future__ import annotations

from datetime import date

from kg.types import Article, Extraction


def extract_one(pipeline, text: str, published: date | str | None = None) -> Extraction:
    """The extraction of ``text`` read as one article (published on ``published``, if given)."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    (ex,) = pipeline.extract([Article(id="t", text=text, published=published)])
    return ex
