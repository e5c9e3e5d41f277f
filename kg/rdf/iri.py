"""The one place where kg mints IRIs for entities, articles, events and evidence.

Every function returns a plain ``str`` that is a valid absolute IRI for *any* input
text: local names are NFC-normalised, whitespace becomes ``_`` and everything outside
the unreserved characters is percent-encoded, so spaces, quotes, angle brackets,
control characters, ``%`` and ``#`` can never reach a serializer raw; so is a final
``.``, which Turtle writers escape in a way rdflib cannot read.
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import quote

BASE = "https://w3id.org/kg-news/"
ENTITY_BASE = BASE + "entity/"
ARTICLE_BASE = BASE + "article/"
EVENT_BASE = BASE + "event/"
EVIDENCE_BASE = BASE + "evidence/"
EXTRACTOR_BASE = BASE + "extractor/"
WIKIDATA_BASE = "http://www.wikidata.org/entity/"

_MAX_SLUG = 120


def normalize_label(text: str) -> str:
    """A label as kg stores it: NFC, no control characters, single spaces.

    Two labels that normalise alike get the same IRI, and vice versa.
    """
    norm = unicodedata.normalize("NFC", text)
    norm = "".join(ch for ch in norm if unicodedata.category(ch)[0] != "C" or ch in "\t\n\r")
    return " ".join(norm.split())


def slug(text: str) -> str:
    """A percent-encoded local name for ``text``; never empty.

    >>> slug("Kataib Hezbollah")
    'Kataib_Hezbollah'
    >>> slug('a <b> "c" 100%#')
    'a_%3Cb%3E_%22c%22_100%25%23'
    """
    norm = normalize_label(text).replace(" ", "_")
    if not norm:
        return "_" + _digest(text)
    if len(norm) > _MAX_SLUG:  # keep IRIs readable; the digest keeps them distinct
        norm = norm[:_MAX_SLUG] + "-" + _digest(norm)
    local = quote(norm, safe="")
    # a final "." is written kge:Name\. in Turtle, which rdflib's parser cannot read
    return local[:-1] + "%2E" if local.endswith(".") else local


def _digest(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def entity_iri(label: str) -> str:
    """The IRI of the actor or place whose canonical label is ``label``."""
    return ENTITY_BASE + slug(label)


def article_iri(article_id: str) -> str:
    return ARTICLE_BASE + slug(article_id)


def event_iri(article_id: str, trigger_start: int, cls_local: str) -> str:
    """Events are per article: the article, the trigger offset and the event class."""
    return f"{EVENT_BASE}{slug(article_id)}/{cls_local}-{trigger_start}"


def evidence_iri(*parts: object) -> str:
    """A content-addressed IRI: the same fact from the same text gets the same IRI."""
    return EVIDENCE_BASE + _digest("\x1f".join(map(str, parts)), 20)


def extractor_iri(name: str) -> str:
    return EXTRACTOR_BASE + slug(name)


def wikidata_iri(qid: str) -> str:
    return WIKIDATA_BASE + slug(qid)
