"""Parsing a published-date string into a ``datetime.date``, and telling a date line from text."""

from __future__ import annotations

import re
from datetime import date, datetime

_FORMATS = (
    "%B %d, %Y",  # June 28, 2021
    "%b %d, %Y",  # Jun 28, 2021
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",  # 28 June 2021
    "%d %b %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",  # Monday, June 28, 2021
    "%A %d %B %Y",  # Monday 28 June 2021
    "%A, %d %B %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_MAX_LEN = 80
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
).split()
_DATE_WORDS = {*_MONTHS, *_WEEKDAYS, "am", "pm", "a.m", "p.m", "at", "on", "of", "st", "nd", "rd", "th"}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DATE_PREFIX = re.compile(
    r"^(?:first\s+published|last\s+updated|published|updated|posted|date)(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)


def parse_date(s: str | None) -> date | None:
    """The calendar date in ``s`` (ISO date/datetime or a common English form), or None.

    Only absolute dates with a day, month and year count: "yesterday", "2 days ago" and
    "June 2021" give None, so the result never depends on when kg runs. Fast formats
    are tried first; dateparser (slow to import) is only the fallback.

    >>> parse_date("2021-06-28T09:30:00Z"), parse_date("June 28, 2021")
    (datetime.date(2021, 6, 28), datetime.date(2021, 6, 28))
    """
    if not s:
        return None
    text = _SPACES.sub(" ", s).strip()
    if not text or len(text) > _MAX_LEN or not any(ch.isdigit() for ch in text):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    plain = _ORDINAL.sub(r"\1", text)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(plain, fmt).date()
        except ValueError:
            continue
    return _parse_with_dateparser(text)


def _parse_with_dateparser(text: str) -> date | None:
    import dateparser  # slow to import: only when the fast formats fail

    settings = {
        # absolute dates only: relative ones would change with the day kg runs
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def date_line(line: str) -> date | None:
    """The date when ``line`` is nothing but a date ("June 28, 2021", "Updated 28 Jun 2021 10:30 BST")."""
    s = _DATE_PREFIX.sub("", line.strip())
    if not s or len(s) > 60 or not _YEAR.search(s) or s.endswith((".", "!", "?", '"', "”")):
        return None
    for part in re.split(r"\s*[|•·]\s*", s):
        if not _YEAR.search(part):
            continue
        words = re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*", part)
        # every word must be a month, weekday or time-zone code: "28 Killed In 2021" is no date
        if all(w.lower() in _DATE_WORDS or (w.isupper() and len(w) <= 4) for w in words):
            return parse_date(part)
    return None
