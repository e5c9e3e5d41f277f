"""Teasers: links to other stories set into a page ("Read more: ...", "Related", "WATCH: ...").

A teaser is another story's headline: read as text, "Read more: Rockets hit X base,
killing a contractor" becomes an attack whose agent is "Rockets". It is recognised by
its label, the separator after it and a headline (capitalised, at most 30 words, not a
quote with its attribution); a sentence that only starts with the same words has no
separator and is kept:

>>> teaser("Read more: Rockets hit X base, killing a contractor")
Teaser(headline='Rockets hit X base, killing a contractor', label_only=False)
>>> teaser("Read more than 300 pages of the report, she said.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_TEASER_WORDS = 30
# Labels that may stand alone on a line above a list of headlines.
_LIST_LABELS = (
    r"read more|read also|also read|read next|related|related (?:articles?|stories|story|news|coverage|content|"
    r"reading|links|topics)|recommended(?: (?:reading|stories|for you|articles))?|see also|also see|"
    r"more on this(?: story| topic)?|more stories|more news|must read|don'?t miss|do not miss|further reading|"
    r"you may also like|you might also like|most read|most popular|editor'?s picks?"
)
# Labels that only count with a separator and a headline after them.
_LINE_LABELS = rf"{_LIST_LABELS}|watch|watch video|watch now|video|also watch|listen now"
_SEPARATOR = r"\s*(?::|\||»|›|>>|\s[-–—])\s*"
_LABELLED = re.compile(rf"^[(\[]?\s*(?:{_LINE_LABELS}){_SEPARATOR}(?P<headline>.+?)\s*[)\]]?$", re.IGNORECASE)
_LABEL_ONLY = re.compile(rf"^[(\[]?\s*(?:{_LIST_LABELS})\s*(?::|»|›|>>|…|\.\.\.)?\s*[)\]]?$", re.IGNORECASE)
# a quote with its attribution ('..., he said') is story even after "Watch:"
_ATTRIBUTION = re.compile(r"[,!?][\"”’']\s+[a-z]")


@dataclass(frozen=True)
class Teaser:
    """A teaser line: the headline it links to, or only a label ("Related") above a list."""

    headline: str
    label_only: bool = False


def teaser(line: str) -> Teaser | None:
    """The teaser on ``line`` (a whole line), or None."""
    s = line.strip()
    if _LABEL_ONLY.match(s):
        return Teaser("", label_only=True)
    m = _LABELLED.match(s)
    if m is None:
        return None
    headline = m["headline"]
    first = headline.lstrip("\"“‘'([")[:1]
    if not (first.isupper() or first.isdigit()) or len(headline.split()) > _MAX_TEASER_WORDS:
        return None
    if _ATTRIBUTION.search(headline):
        return None
    return Teaser(headline)
