"""Acronyms an article defines: "the Popular Mobilisation Forces (PMF)"."""

from __future__ import annotations

import re

from kg.types import Mention

_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z\-\.]{0,9})\s*\)")
_SKIP_WORDS = {"of", "the", "for", "and", "al", "el", "de", "in", "on", "to", "a"}


def matches(long: str, short: str) -> bool:
    """Whether ``short`` abbreviates ``long`` (initials, optionally skipping small words).

    >>> matches("Popular Mobilisation Forces", "PMF")
    True
    >>> matches("Islamic State", "IS")
    True
    >>> matches("Islamic State", "PMF")
    False
    """
    letters = short.replace(".", "").replace("-", "").upper()
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    initials_all = "".join(w[0] for w in words).upper()
    initials_content = "".join(w[0] for w in words if w.lower() not in _SKIP_WORDS).upper()
    return len(letters) >= 2 and letters in (initials_all, initials_content)


def defined_acronyms(text: str, mentions: list[Mention]) -> dict[int, int]:
    """Mention id of each acronym defined in parentheses -> mention id of its long form."""
    by_start = {m.start: m for m in mentions}
    out = {}
    for m in mentions:
        if m.kind != "name" or len(m.text.split()) < 2:
            continue
        after = _AFTER.match(text, m.end)
        if after and matches(m.text, after.group(1)):
            short = by_start.get(after.start(1))
            if short is not None:
                out[short.id] = m.id
    return out
