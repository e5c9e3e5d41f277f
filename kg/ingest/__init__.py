"""Readers that turn inputs (.txt, .html/.htm, .jsonl files, directories, stdin) into articles.

``read_inputs(paths)`` yields an ``Article`` per readable article and a ``Skipped`` (with
a reason naming the input) for everything else, in input order.
"""

from __future__ import annotations

from kg.ingest.dates import parse_date
from kg.ingest.furniture import Page, normalise_whitespace, strip_furniture
from kg.ingest.sources import MAX_BYTES, Source, expand_inputs, read_inputs, read_stdin
from kg.types import Article, Skipped

__all__ = [
    "MAX_BYTES",
    "Article",
    "Page",
    "Skipped",
    "Source",
    "expand_inputs",
    "normalise_whitespace",
    "parse_date",
    "read_inputs",
    "read_stdin",
    "strip_furniture",
]
