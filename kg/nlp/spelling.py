"""Keys under which two spellings of one name match: typography, case, transliteration.

Keys are for *matching* only (the gazetteer ruler, the mention finder's gazetteer
lookup, resolution): offsets and mention texts always stay as the article wrote them.

* :func:`typography` makes typewriter punctuation of curly apostrophes and quotes,
  en and em dashes and non-breaking spaces, character for character, so offsets into
  the key are offsets into the text.
* :func:`name_key` is that, case-folded, with runs of white space made one space.
* :func:`variant_key` is a conservative transliteration key for Arabic, Persian and
  similar names written in Latin letters ("Kata'ib Hizbullah", "Kataib Hezbollah"): no
  diacritics, apostrophes or hyphens, ``e`` read as ``i`` and ``o`` as ``u``, ``ou`` as
  ``u``, doubled letters as one, and a final ``h`` after a vowel dropped. It is applied
  only to names :func:`variant_eligible` accepts (two words or more, or one word of
  seven letters or more), where a chance clash with another name is rare; a test checks
  it never makes two entries of the bundled gazetteer one.

>>> typography("Kata\u2019ib \u201cHizballah\u201d \u2013 al\u2011Sham")
'Kata\\'ib "Hizballah" - al-Sham'
>>> variant_key("Kata\u2019ib Hizbullah") == variant_key("Kataib Hezbollah") == variant_key("Kataeb Hizbollah")
True
>>> variant_key("Hay'at Tahrir al-Sham")
'hayat tahrir al sham'
>>> variant_key("Niger") == variant_key("Nigeria")
False
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# one character for one character, so that offsets survive
_TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark (the usual curly apostrophe)
        "\u2018": "'",  # left single quotation mark
        "\u02bc": "'",  # modifier letter apostrophe
        "\u02bb": "'",  # modifier letter turned comma
        "\u2032": "'",  # prime
        "`": "'",
        "\u00b4": "'",  # acute accent used as an apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
    }
)
# letters an apostrophe stands between in transliterated names (hamza, ayn) and hyphens
_DROP = re.compile(r"['\"\u02be\u02bf.]")
_SPLIT = re.compile(r"[\s\-]+")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = "aeiouy"
MIN_LONG_NAME = 7  # letters a one-word name needs before its variants are matched


def typography(text: str) -> str:
    """``text`` with typographic punctuation made plain, one character for one."""
    return text.translate(_TYPOGRAPHY)


def name_key(text: str) -> str:
    """``text`` as names are compared: plain punctuation, case-folded, single spaces.

    >>> name_key("Kata\u2019ib  HEZBOLLAH") == name_key("kata'ib Hezbollah")
    True
    """
    return " ".join(typography(text).casefold().split())


def fold_diacritics(text: str) -> str:
    """``text`` without combining marks: "Hezbollāh" -> "Hezbollah"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variant_word(word: str) -> str:
    """The transliteration key of one word (see the module docs); "" for punctuation.

    >>> [variant_word(w) for w in ("Hizballah", "Hezbollah", "Houthis", "Huthis", "Shabaab", "Hodeidah")]
    ['hizbala', 'hizbula', 'huthis', 'huthis', 'shabab', 'hudida']
    """
    w = _DROP.sub("", fold_diacritics(typography(word)).casefold())
    if not any(c.isalnum() for c in w):
        return ""
    w = w.replace("ou", "u").replace("e", "i").replace("o", "u")
    w = _DOUBLE.sub(r"\1", w)
    if len(w) > 3 and w.endswith("h") and w[-2] in _VOWELS:
        w = w[:-1]
    return w


@lru_cache(maxsize=1 << 16)  # the ruler asks for every word of every article
def variant_words(text: str) -> tuple[str, ...]:
    """The transliteration keys of the words of ``text``, hyphens read as spaces."""
    return tuple(k for k in (variant_word(w) for w in _SPLIT.split(typography(text))) if k)


def variant_key(text: str) -> str:
    """The transliteration key of a name (see the module docs)."""
    return " ".join(variant_words(text))


def variant_eligible(words: list[str]) -> bool:
    """Whether a name of these words may be matched through its transliteration key:
    two words or more, or one of :data:`MIN_LONG_NAME` letters or more, and no digits
    (an acronym or a code is matched exactly)."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters or any(c.isdigit() for w in words for c in w):
        return False
    return len(letters) >= 2 or sum(c.isalpha() for c in letters[0]) >= MIN_LONG_NAME
