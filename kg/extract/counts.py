"""How many: the number a description of people gives ("at least 20 people", "three
soldiers", "1,200 civilians"), for the death toll a report states.

Only a plain count is read: "dozens of people", "many" and "several" give none, and a
number that is not about people ("two vehicles") never reaches here (only the victims
of a killing do).
"""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_DIGITS = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)")
_WORDS = re.compile(
    r"\b("
    + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
    + r")(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b"
)
_HUNDRED = re.compile(r"\b(\w+)\s+hundred\b")


def count(text: str) -> int | None:
    """The count a description of people gives, or None.

    >>> count("at least 20 people"), count("three US soldiers"), count("1,200 civilians")
    (20, 3, 1200)
    >>> count("twenty-one fighters"), count("dozens of people"), count("a dozen guards")
    (21, None, 12)
    """
    low = text.lower()
    if m := _DIGITS.search(low):
        return int(m[1].replace(",", ""))
    if (m := _HUNDRED.search(low)) and m[1] in _UNITS:
        return _UNITS[m[1]] * 100
    if m := _WORDS.search(low):
        if m[1] == "dozen" and re.search(r"\bdozens\b", low):
            return None
        return _UNITS[m[1]] + (_UNITS[m[2]] if m[2] else 0)
    return None
