"""Resolving time expressions against the article's publication date.

``resolve_time("last year", date(2021, 6, 28))`` is ``("2020", XSD_GYEAR)``: the value
keeps the granularity the text had (a year, a month, a day). Expressions that name no
point in time ("in recent years") resolve to ``None``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE, XSD_GYEARMONTH, XSD_GYEAR = XSD + "date", XSD + "gYearMonth", XSD + "gYear"

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_NOISE = re.compile(r"\b(early|late|mid|in|on|since|at|about|around|the|of|this|last|by|until|from|during)\b|[-,.]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_AGO = re.compile(r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(year|month|week|day)s?\s+ago\b")
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def resolve_time(text: str, published: date | None) -> tuple[str, str] | None:
    """``(lexical value, XSD datatype IRI)`` for a time expression, or ``None``."""
    t = " ".join(text.lower().split())
    if m := _ISO.search(t):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), XSD_DATE
        except ValueError:
            return None
    if published is not None:
        relative = _relative(t, published)
        if relative is not None:
            return relative
    words = _NOISE.sub(" ", t).split()
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    year_match = _YEAR.search(t)
    year = int(year_match[1]) if year_match else None
    if month is not None:
        if year is None:
            if published is None:
                return None
            # a month without a year is the latest such month up to the article's date
            year = published.year if month <= published.month else published.year - 1
        day_match = _DAY.search(_YEAR.sub(" ", t))
        if day_match and 1 <= int(day_match[1]) <= 31:
            try:
                return date(year, month, int(day_match[1])).isoformat(), XSD_DATE
            except ValueError:
                pass
        return f"{year:04d}-{month:02d}", XSD_GYEARMONTH
    if year is not None and len(words) <= 3:
        return f"{year:04d}", XSD_GYEAR
    return None


def _relative(t: str, pub: date) -> tuple[str, str] | None:
    if re.search(r"\b(yesterday|last night|overnight)\b", t):
        return (pub - timedelta(days=1)).isoformat(), XSD_DATE
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening|earlier today)\b", t):
        return pub.isoformat(), XSD_DATE
    if re.search(r"\blast year\b", t):
        return f"{pub.year - 1:04d}", XSD_GYEAR
    if re.search(r"\bthis year\b", t):
        return f"{pub.year:04d}", XSD_GYEAR
    if re.search(r"\bnext year\b", t):
        return f"{pub.year + 1:04d}", XSD_GYEAR
    if re.search(r"\blast month\b", t):
        y, m = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        return f"{y:04d}-{m:02d}", XSD_GYEARMONTH
    if re.search(r"\bthis month\b", t):
        return f"{pub.year:04d}-{pub.month:02d}", XSD_GYEARMONTH
    if m := _AGO.search(t):
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
        unit = m[2]
        if unit == "year":
            return f"{pub.year - n:04d}", XSD_GYEAR
        if unit == "month":
            total = pub.year * 12 + pub.month - 1 - n
            return f"{total // 12:04d}-{total % 12 + 1:02d}", XSD_GYEARMONTH
        days = n * (7 if unit == "week" else 1)
        return (pub - timedelta(days=days)).isoformat(), XSD_DATE
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", t):
            back = (pub.weekday() - wd) % 7
            if re.search(r"\blast\b", t) and back == 0:
                back = 7
            return (pub - timedelta(days=back)).isoformat(), XSD_DATE
    return None


def period(value: object) -> tuple[date, date] | None:
    """The first and last day an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` lexical
    value covers (None for anything else).

    >>> period("2019")
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> period("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> period("2024-06-11")
    (datetime.date(2024, 6, 11), datetime.date(2024, 6, 11))
    >>> period("soon") is None, period(None) is None
    (True, True)
    """
    if value is None:
        return None
    text = str(value)
    try:
        if len(text) == 4:
            year = int(text)
            return date(year, 1, 1), date(year, 12, 31)
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date.fromisoformat(text[:10])
        return day, day
    except ValueError:
        return None
