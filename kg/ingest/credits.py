"""Credit lines: bylines, photo captions and credits, "Reporting by" trailers.

Each function takes one whole line and returns the metadata it holds, or None when the
line is not that kind of credit. A credit is recognised by its shape: a label
("By", "Photograph:", "Reporting by"), a slash or "via" joining a name to a known
agency ("Jane Roe/AP", "AFP via Getty Images"), or a separator before a known agency
("Jane Roe | Reuters"). Names must be capitalised words, so a sentence is never a credit:

>>> byline("By Jane Roe and John Doe, Reuters").pairs
(('byline', 'Jane Roe'), ('byline', 'John Doe'), ('agency', 'Reuters'))
>>> byline("By Tuesday, the army had retaken the town.") is None
True
>>> photo_credit("Smoke rises over the port. Photograph: Jane Roe/AP")
(('caption', 'Smoke rises over the port.'), ('image_source', 'Jane Roe/AP'))
>>> photo_credit('"We spoke to the AP," she said.') is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.ingest.agencies import is_agency, is_photo_agency
from kg.ingest.dates import date_line
from kg.ingest.shape import is_person_name, is_sentence

_MAX_CREDIT_WORDS = 12
_MAX_CAPTION_WORDS = 80
_BY = re.compile(r"^(?:by|written by|words by|reported by)\s+(?=\S)", re.IGNORECASE)
_BYLINE_SEGMENTS = re.compile(r"\s+[|•·]\s+")
_BYLINE_PARTS = re.compile(r"\s*,\s*|\s+(?:and|&)\s+|\s+[-–—]\s+|\s*\|\s*")
_NAME_TAIL = re.compile(r"\s+(?:in|for)\s+[A-Z][\w'’.\- ]*$")  # "Jane Roe in Baghdad", "... for Reuters"
_STAFF = re.compile(
    r"^(?:[A-Z][\w.\-]*\s+)?(?:staff|staff writers?|staff reporters?|correspondents?|bureau|desk|news desk|"
    r"web desk|agencies|news agencies|wire services|reporters?|team)$",
    re.IGNORECASE,
)
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|writer|journalist|contributor|analyst|columnist)s?$", re.I)
_NOT_NAME = frozenset("and of the for to in on with at from as by or".split())
_LABEL = (
    r"(?:(?:photograph|photographs|photo|photos|image|images|picture|pictures|illustration|composite|graphic"
    r"|credit|credits)\s*:"
    r"|(?:photo|image|picture|photograph)\s+(?:credit|credits|source|by)\s*[:,]?)"  # BBC: "Image source, AFP"
)
# the label opens the line, a bracket, or follows the caption's last sentence or a bar:
# "The big picture: Iran" is a headline, "Smoke rises. Photograph: Jane Roe/AP" a caption
_LABELLED = re.compile(
    rf"(?:^|(?<=[(\[])|(?<=[.!?\"”’|]\s))(?P<label>{_LABEL})\s*(?P<credit>[^:()\[\]]+?)\s*[)\]]?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"^(?i:image|photo|picture|video)\s+(?i:caption)\s*[:,]\s*(?P<caption>[\"“‘'(]?[A-Z0-9].*)$")
_BRACKETED = re.compile(r"[(\[](?:photo\s+by\s+|photo:\s*)?(?P<credit>[^()\[\]]+)[)\]]$", re.IGNORECASE)
_TRAILING = re.compile(r"(?<=[.!?\"”’])\s+(?:[|\-–—]\s+)?(?P<credit>[^.!?]+)$|\s+[|\-–—]\s+(?P<piped>[^|]+)$")
_CREDIT_CONNECTORS = frozenset("via for and & of the de al von van der da di el bin by - | /".split())
_CREDIT_SPLIT = re.compile(r"\s*/\s*|\s+via\s+|\s+for\s+|\s+and\s+", re.IGNORECASE)
_REPORTING = re.compile(
    r"^(?:additional\s+|further\s+)?(?:reporting|writing|editing|compiled|edited|written|produced|research|"
    r"graphics|translation|translated|fact[- ]checking|story)\s+by\s+(?P<who>\S.*)$",
    re.IGNORECASE,
)
_REPORTING_WORDS = frozenset("and in & of the from with at de al bin".split())


@dataclass(frozen=True)
class Byline:
    """The authors, agencies and date of a byline line, as metadata pairs."""

    pairs: tuple[tuple[str, str], ...]
    published: date | None = None


def byline(line: str, *, header: bool = False) -> Byline | None:
    """A byline: "By Jane Roe", "By Jane Roe and John Doe, Reuters", "Jane Roe | Reuters".

    Without "By", a known agency must follow the names ("Jane Roe, Associated Press"):
    "Middle East | Africa" and "Jane Roe said" are not bylines. ``header`` says the line
    sits between a headline and the body, where names alone are a byline ("Jane Roe in
    Beirut").
    """
    s = line.strip()
    if not s or is_sentence(s) or len(s.split()) > 3 * _MAX_CREDIT_WORDS:
        return None
    by = _BY.match(s)
    head, *extras = _BYLINE_SEGMENTS.split(s[by.end() :] if by else s)
    names: list[str] = []
    agencies: list[str] = []
    published: date | None = None
    staff = False
    for part in extras:
        if (d := date_line(part)) is not None:
            published = published or d
        elif is_agency(part):
            agencies.append(part)
        elif not (_STAFF.match(part) or _ROLE.search(part)):
            return None
    parts = [p for p in _BYLINE_PARTS.split(head) if p]
    for n, part in enumerate(parts):
        name = _NAME_TAIL.sub("", part)
        if is_agency(part):
            agencies.append(part)
        elif _STAFF.match(part):  # "Reuters Staff", "Our Correspondent"
            agencies.extend(w for w in part.split()[:1] if is_agency(w))
            staff = True
        elif _person(name):
            names.append(name)
        elif not (n == len(parts) - 1 and _ROLE.search(part) and n > 0):
            return None
    if not by and not (names and (header or (agencies and len(parts) + len(extras) > 1))):
        return None
    if not (names or agencies or (by and staff)):
        return None
    pairs = [("byline", n) for n in names] + [("agency", a) for a in agencies]
    return Byline(tuple(pairs), published)


def photo_credit(line: str) -> tuple[tuple[str, str], ...] | None:
    """A photo credit or a caption ending in one, as ("caption", ...) and ("image_source", ...).

    Recognised: a label ("Photograph: Jane Roe/AP", "Image source: Getty Images"), a
    bracketed credit ending a caption ("(AP Photo/Jane Roe)", "(AFP via Getty Images)"),
    or a bare credit naming a picture agency after a slash or "via" ("Jane Roe/AP Photo",
    "Reuters/Jane Roe"), alone on the line or after the caption's last sentence.
    """
    s = line.strip()
    if not s or len(s.split()) > _MAX_CAPTION_WORDS:
        return None
    if m := _CAPTION.match(s):
        return (("caption", m["caption"]),)
    found = _labelled(s) or _bracketed(s) or _bare(s)
    if found is None:
        return None
    caption, credit = found
    caption = caption.strip().rstrip("|-–—").strip()
    pairs = ([("caption", caption)] if caption else []) + [("image_source", credit.strip())]
    return tuple(pairs)


def reporting_credit(line: str) -> str | None:
    """A Reuters-style trailer, "(Reporting by Jane Roe in Baghdad; Editing by John Doe)"; its text."""
    s = line.strip()
    inner = s[1:-1].strip() if s.startswith("(") and s.endswith(")") else s
    segments = [seg.strip() for seg in inner.rstrip(".").split(";")]
    for seg in segments:
        m = _REPORTING.match(seg)
        if m is None or len(seg.split()) > 2 * _MAX_CREDIT_WORDS:
            return None
        words = m["who"].split()
        if not words[0][:1].isupper() or any(not (w[:1].isupper() or w in _REPORTING_WORDS) for w in words):
            return None  # "Reporting by the BBC found ..." is story
    return inner


def _person(name: str) -> bool:
    """A person's name: no connector ("Land And Sea") and no agency ("Watch Reuters") in it."""
    return is_person_name(name) and not any(w.lower() in _NOT_NAME or is_agency(w) for w in name.split())


def _labelled(s: str) -> tuple[str, str] | None:
    m = _LABELLED.search(s)
    if m is None or not _is_credit(m["credit"]):
        return None
    if not m["label"].rstrip().endswith((":", ",")) and not _names_picture_desk(m["credit"]):
        return None  # "a photo by Jane Roe" may be story; "Photo by Jane Roe/AFP" is a credit
    caption = s[: m.start()].rstrip(" (|[")
    return caption, m["credit"]


def _bracketed(s: str) -> tuple[str, str] | None:
    m = _BRACKETED.search(s)
    if m is None or not (_is_credit(m["credit"]) and _names_picture_desk(m["credit"])):
        return None
    return s[: m.start()], m["credit"]


def _bare(s: str) -> tuple[str, str] | None:
    if _is_credit(s) and _names_picture_desk(s):
        return "", s
    m = _TRAILING.search(s)
    credit = m and (m["credit"] or m["piped"])
    if not credit or not (_is_credit(credit) and _names_picture_desk(credit)):
        return None
    return s[: m.start()], credit


def _is_credit(credit: str) -> bool:
    """Capitalised names joined by "/", "via", "for", "and": the words of a credit, not a sentence."""
    words = credit.replace("/", " / ").split()
    if not words or len(words) > _MAX_CREDIT_WORDS or is_sentence(credit.strip()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CREDIT_CONNECTORS for w in words)


def _names_picture_desk(credit: str) -> bool:
    """A picture library is named, or a slash or "via" joins a photographer to an agency.

    Agencies alone ("(AP)", "(ANI/Sputnik)") are a sign-off that may end a story
    paragraph, and "(Reuters/Ipsos)" names a poll: neither is a photo credit.
    """
    pieces = [p for p in _CREDIT_SPLIT.split(credit.strip()) if p]
    libraries = [p for p in pieces if is_photo_agency(p) and not is_agency(p)]
    if libraries:
        return True
    return len(pieces) > 1 and any(is_agency(p) for p in pieces) and any(is_person_name(p) for p in pieces)
