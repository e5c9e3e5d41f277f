"""Is an article in English? kg's model and rules read English only.

A cheap check that needs no model: running English prose is full of a few hundred
function words ("the", "of", "and", "said"); other languages, code and binary junk
are not. Short texts pass, since a headline can have none.
"""

from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(
    """the of and to a in is was for on that with as by at from it its he his she her they
    their we our this these those be been has have had were are will would said says not
    but or an which who whom after before over into than also about more during against
    while when where there up out one two three new last first""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 40  # below this, too little to judge
MIN_SHARE = 0.12  # English news prose runs at 0.35-0.5


def english_share(text: str, sample: int = 20_000) -> tuple[float, int]:
    """Share of function words among the words of (the start of) ``text``, and the word count."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in FUNCTION_WORDS for w in words) / len(words), len(words)


def not_english_reason(text: str) -> str | None:
    """Why ``text`` does not look like English, or None if it does (or is too short to tell)."""
    share, n = english_share(text)
    if n < MIN_WORDS:
        return None if n else "has no words"
    if share < MIN_SHARE:
        return (
            f"does not look like English ({share:.0%} English function words, expected over "
            f"{MIN_SHARE:.0%}); kg extracts from English articles only"
        )
    return None
