"""Datelines and agency sign-offs: where a wire story was filed and who filed it.

``BEIRUT, June 12 (Reuters) - An Israeli strike ...`` opens a story with the place it was
filed from and the agency that filed it; ``... the release added. (ANI/Sputnik)`` closes
one with the agency again. Neither is part of the story: read as text they make the
first actor ``basedIn`` the dateline city and the agency a participant.

A dateline is recognised by its layout only:

- an ALL-CAPS place ("BEIRUT", "GAZA CITY", "WASHINGTON/BAGHDAD", "KYIV, Ukraine") followed
  by a date, a credit in parentheses, or a dash: ``WASHINGTON —``, ``PARIS (AFP) –``;
- a capitalised place ("Washington [US]", "New Delhi") only with a known agency's credit
  (``New Delhi, June 12 (PTI)``), or with a date or [country] and then a dash or colon
  (``Paris, June 12 –``). "Paris, the capital, ..." and "Paris, June 12 was hot" are story.

The story after a dateline must start with a capital letter, a digit or an opening quote,
and end like a sentence: "UKRAINE — Russia launches drones at Kyiv" is a headline.

>>> d = dateline("BEIRUT, June 12 (Reuters) - An Israeli strike killed three.")
>>> d.places, d.agencies, "BEIRUT, June 12 (Reuters) - An Israeli strike killed three."[d.end:]
(('BEIRUT',), ('Reuters',), 'An Israeli strike killed three.')
>>> dateline("Paris, the French capital, hosted the talks.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.agencies import agency_names, is_agency
from kg.ingest.shape import is_sentence

_U = "A-ZÀ-ÖØ-Þ"  # Latin capitals: datelines are written in Latin script
_L = "a-zß-öø-ÿ"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_CALENDAR = re.compile(rf"^(?:{_MONTH}|{_WEEKDAY})$", re.IGNORECASE)
_CAPS_WORD = rf"[{_U}][{_U}'’.\-]*"
_TITLE_WORD = rf"[{_U}][{_L}{_U}'’.\-]*"
_PLACE = rf"(?:{_TITLE_WORD}|{_CAPS_WORD})(?:\s(?:{_TITLE_WORD}|de|del|es|da|do|al|el|la|le)){{0,3}}"
_DATE = (
    rf"(?:{_MONTH}\.?\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s{_MONTH}\.?(?:,?\s\d{{4}})?|{_WEEKDAY})"
    rf"(?![{_L}{_U}\d])"
)
_STORY = rf"(?=[\"“‘'(\[]?[{_U}\d])"  # the story starts with a capital, a digit or a quote
_DATELINE = re.compile(
    rf"""^(?P<place>{_PLACE}(?:\s?/\s?{_PLACE})*)
    (?:,\s(?!(?:{_MONTH}|{_WEEKDAY})\b)(?P<region>{_PLACE}))?   # , Ukraine
    (?:\s?\[(?P<bracket>[^\]\n]{{1,40}})\])?                   # [US]
    (?:,?\s(?P<date>{_DATE}))?                                 # , June 12
    (?:\s?\((?P<credit>[^()\n]{{1,60}})\)                      # (Reuters)
      |\.?\s?/(?P<slashed>[^/\n]{{1,30}})/\.?)?                # . /TASS/.
    (?:\s?(?P<lone>[-–—]{{1,2}}|:)?\s*$                         # a dateline on a line of its own
      |\s?(?P<mark>[-–—]{{1,2}}|:)\s+{_STORY}                   # " - ", " — ", ": "
      |\s+{_STORY})                                            # "(PTI) The ..."
    """,
    re.VERBOSE,
)
# ALL-CAPS labels that open a line the way a dateline does but name no place
_KICKERS = frozenset(
    "BREAKING EXCLUSIVE UPDATE UPDATED UPDATES WATCH LIVE ANALYSIS OPINION EDITORIAL FACTBOX "
    "EXPLAINER CORRECTION CORRECTED REFILE URGENT FLASH VIDEO PHOTOS ALERT NEW NEWS WARNING "
    "COMMENT REVIEW INTERVIEW FEATURE SPONSORED ADVERTISEMENT NOTE EDITOR'S".split()
)
_MIN_COLON_PLACE = 5  # "NATO:" or "UN:" opens a sentence; "NEW DELHI:" or "ANKARA:" a dateline
_SIGNOFF_LINE = re.compile(
    r"^(?:\((?P<paren>[^()\n]{1,60})\)|[-–—]{1,2}\s?(?P<dashed>[^\n]{1,60})|(?P<bare>[^\n]{1,40}))$"
)
_SIGNOFF_TAIL = re.compile(r"(?<=[.!?\"”’])\s+(?:\((?P<paren>[^()\n]{1,60})\)|[-–—]{1,2}\s?(?P<dashed>[^\n()]{1,40}))$")
_WITH_INPUTS = re.compile(
    r"^\(?\s*(?:with\s+(?:inputs?|input)\s+from|with\s+agency\s+inputs|with\s+agencies)\s*(?P<who>[^()]*?)\s*\)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a paragraph: ``paragraph[end:]`` is the story."""

    end: int
    places: tuple[str, ...]
    agencies: tuple[str, ...] = ()


def dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None (see the module docstring for the rules).

    A paragraph that is nothing but a dateline ("BAGHDAD, June 12 (Reuters) -") has
    ``end == len(paragraph)``.
    """
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    whole = m.end() == len(paragraph)
    if not whole and not is_sentence(paragraph.rstrip()):
        return None  # "UKRAINE — Russia launches drones at Kyiv" is a headline: a story ends like a sentence
    places = [p.strip() for p in m["place"].split("/")]
    if any(_CALENDAR.match(p) for p in places):
        return None
    credit = m["credit"] or m["slashed"]
    agencies = _credit_names(credit) if credit else ()
    if agencies is None:
        return None
    mark = m["mark"] or m["lone"]
    dashed, colon = mark is not None and mark != ":", mark == ":"
    marked = bool(m["date"] or m["bracket"])
    if whole and not (credit or marked or dashed):  # "BEIRUT" alone on a line is a heading
        return None
    if all(p == p.upper() for p in places):
        if any(set(p.split()) <= _KICKERS or is_agency(p) for p in places):
            return None
        colon_ok = marked or len(places[0].replace(" ", "")) >= _MIN_COLON_PLACE
        if not (credit or marked or dashed or (colon and colon_ok)):
            return None
    elif not ((credit and all(is_agency(a) for a in agencies)) or (marked and (dashed or colon))):
        return None
    region = f", {m['region']}" if m["region"] else ""
    bracket = f" [{m['bracket']}]" if m["bracket"] else ""
    named = [*places[:-1], places[-1] + region + bracket]
    return Dateline(m.end(), tuple(named), tuple(agencies))


def signoff(paragraph: str) -> tuple[int, tuple[str, ...]] | None:
    """Where an agency sign-off ending ``paragraph`` starts, and the agencies it names.

    ``... the release added. (ANI/Sputnik)`` gives the offset of the space before "(";
    a paragraph that is only a sign-off ("(Reuters)", "— AFP", "With inputs from PTI")
    gives 0. Only known agency names count.

    >>> signoff("The talks ended, the release added. (ANI/Sputnik)")
    (35, ('ANI', 'Sputnik'))
    >>> signoff("Talks resumed with the AP.") is None
    True
    """
    s = paragraph.rstrip()
    if m := _WITH_INPUTS.match(s):
        who = m["who"].strip()
        names = agency_names(who) if who and who.lower() != "agencies" else ()
        return (0, tuple(names)) if names is not None else None
    for pattern, start in ((_SIGNOFF_LINE.match, 0), (_SIGNOFF_TAIL.search, None)):
        if (m := pattern(s)) is not None:
            names = agency_names(m["paren"] or m["dashed"] or m.groupdict().get("bare") or "")
            if names:
                return (m.start() if start is None else start, tuple(names))
    return None


def _credit_names(credit: str) -> tuple[str, ...] | None:
    """The names in a dateline credit: known agencies, or a short capitalised name ("CNN")."""
    names = agency_names(credit)
    if names is not None:
        return tuple(names)
    words = credit.split()
    if 0 < len(words) <= 4 and all(w[:1].isupper() for w in words):
        return (credit.strip(),)
    return None
