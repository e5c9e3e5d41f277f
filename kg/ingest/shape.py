"""The shape of one line of a page: a sentence, a heading, a run of capitalised names.

Every furniture rule asks these questions first; a line that :func:`is_sentence` says
reads like story is one no rule may take away, unless a label or credit marks it or it
is a standfirst (the exceptions ``kg.ingest.furniture`` documents).
"""

from __future__ import annotations

import re

SENTENCE_END = tuple(".!?:;,\"'”’»…)")
MAX_TITLE_WORDS = 20
NAME_PARTICLES = frozenset("al el bin ibn abu de del della der di da dos du la le van von y".split())
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")


def is_sentence(s: str) -> bool:
    """Ends like a sentence (. ! ? : ; , quote, bracket), or is long and has lowercase words."""
    words = s.split()
    if s.rstrip().endswith(SENTENCE_END):
        return True
    return len(words) > 25 and any(w[:1].islower() for w in words)


def is_title_like(s: str, *, max_words: int = MAX_TITLE_WORDS) -> bool:
    """A heading: short, has letters, and does not end like a sentence."""
    s = s.strip()
    words = s.split()
    return (
        0 < len(words) <= max_words
        and len(s) <= 10 * max_words
        and any(ch.isalpha() for ch in s)
        and not is_sentence(s)
    )


def is_name_word(word: str) -> bool:
    """A capitalised word of a proper name ("Roe", "O'Neil", "J.", "al-Sadr"), or a particle ("bin")."""
    if word.lower() in NAME_PARTICLES or word.lower().startswith(("al-", "el-")):
        return True
    return bool(_NAME_WORD.match(word)) and word[:1].isupper()


def is_person_name(s: str) -> bool:
    """Two to five name words, the first and last capitalised: "Jane Roe", "Ali bin Hassan"."""
    words = s.split()
    return (
        2 <= len(words) <= 5
        and all(is_name_word(w) for w in words)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )


def squash(s: str) -> str:
    """Whitespace collapsed and case folded, for comparing a line with a known title."""
    return " ".join(s.split()).casefold()
