"""Page furniture: the menus, UI glyphs, title, date and credit lines around a scraped body.

Only whole lines are ever removed, so every body line keeps its exact characters.
Conservative by design: a line that reads like a sentence (ends in . ! ? : or a quote,
or has more than 25 words including lowercase ones) is never removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from kg.ingest.dates import parse_date

_BLANK_RUN = re.compile(r"\n{3,}")
_SENTENCE_END = tuple(".!?:;,\"'”’»…)")
_MAX_TITLE_WORDS = 20
_MAX_CREDIT_WORDS = 12
_GLYPHS = set("×✕✖✗✘☰≡⋮⋯‹›«»←→↑↓▲▼◀▶►◄")
_UI_PHRASES = {
    "skip to content", "skip to main content", "skip to navigation", "menu", "main menu",
    "close", "search", "sign in", "log in", "login", "register", "subscribe", "sign up",
    "advertisement", "advert", "ad", "sponsored", "share", "share this", "share this article",
    "print", "email", "back to top", "accept cookies", "cookie settings",
}  # fmt: skip
_MENU_WORDS = {
    "home", "news", "world", "uk", "us", "politics", "business", "economy", "markets",
    "tech", "technology", "science", "health", "sport", "sports", "football", "entertainment",
    "arts", "culture", "lifestyle", "travel", "travels", "opinion", "weather", "video",
    "videos", "audio", "podcasts", "live", "education", "finance", "wealth", "rankings",
    "leadership", "careers", "jobs", "design", "environment", "climate", "energy", "luxury",
    "retail", "automotive", "automotives", "motoring", "cars", "photography", "photos",
    "press", "release", "media", "food", "style", "fashion", "music", "film", "books",
    "games", "local", "national", "international", "latest", "more", "contact", "about",
    "newsletters", "subscribe", "login", "search", "menu", "startups", "property", "crime",
    "obituaries", "puzzles", "sections", "topics", "trending", "article", "articles",
    "investing", "money", "personal", "real", "estate", "magazine", "events",
}  # fmt: skip
_CONNECTORS = {"and", "&", "of", "the", "in", "for", "to"}
_NAV_SEPARATORS = "|•·›»/>"
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
_SOURCE = re.compile(r"^(?:source|sources|via)\s*:\s*(.+)$", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?:image|images|photo|photos|picture|pictures|photograph|illustration)\s*:"
    r"|(?:image|photo|picture|photograph)\s+(?:source|credit|credits|by)\s*[:,])\s*(.+)$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """An article body and what was taken off around it."""

    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()


def normalise_whitespace(text: str) -> str:
    """Unix newlines, whitespace-only lines made blank, at most one blank line in a row.

    Leading and trailing blank lines go; every other character is kept as it was.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = ["" if _is_blank(line) else line for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def strip_furniture(text: str, *, known_title: str | None = None) -> Page:
    """Split a (possibly scraped) page into its body and the furniture around it.

    With ``known_title`` (from HTML or a JSONL field) only a first line repeating it is
    removed; without, a title line is guessed only when the text looks like a scraped
    page (furniture was found, or the line is followed by a date line).
    """
    lines = normalise_whitespace(text).split("\n")
    keep = [bool(line.strip()) for line in lines]
    meta: list[tuple[str, str]] = []
    found = False
    for i, line in enumerate(lines):  # furniture that can sit anywhere on a page
        s = line.strip()
        if not s:
            continue
        if _is_glyph_line(s) or s.lower().strip(" :|") in _UI_PHRASES:
            keep[i], found = False, True
        elif (credit := _credit(s)) is not None:
            keep[i], found = False, True
            meta.append(("image_source", credit))
    idx = [i for i, k in enumerate(keep) if k]
    pos, end = 0, len(idx)
    while pos < end and _is_nav_line(lines[idx[pos]]):  # menus above the title
        keep[idx[pos]], found, pos = False, True, pos + 1
    # a long run of capitalised words followed by another heading is a menu, not a title
    if pos + 1 < end and _is_word_list(lines[idx[pos]]) and _is_title_like(lines[idx[pos + 1]]):
        keep[idx[pos]], found, pos = False, True, pos + 1
    sources: list[str] = []
    while end - 1 > pos:  # credits, source and menus below the body
        s = lines[idx[end - 1]].strip()
        if (m := _SOURCE.match(s)) and _is_short_value(m.group(1)):
            sources.append(m.group(1).strip())
        elif _COPYRIGHT.match(s) and len(s.split()) <= 15 and not _is_sentence(s):
            meta.append(("copyright", s))
        elif not _is_nav_line(s):
            break
        keep[idx[end - 1]], found, end = False, True, end - 1
    title: str | None = None
    published: date | None = None
    first = lines[idx[pos]].strip() if pos < end else ""
    if known_title and pos + 1 < end and _squash(first) == _squash(known_title):
        keep[idx[pos]], title, pos = False, first, pos + 1
    while pos + 1 < end:  # a title and a date line, in either order, above the body
        s = lines[idx[pos]].strip()
        if published is None and (d := date_line(s)) is not None:
            published = d
        elif (
            title is None
            and known_title is None
            and _is_title_like(s)
            and (found or date_line(lines[idx[pos + 1]]) is not None)
        ):
            title = s
        else:
            break
        keep[idx[pos]], pos = False, pos + 1
    sources.reverse()
    meta.extend(("source", s) for s in sources[1:])
    body = normalise_whitespace("\n".join(line for line, k in zip(lines, keep) if k or not line.strip()))
    return Page(body, title, published, sources[0] if sources else None, tuple(meta))


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


def _is_blank(line: str) -> bool:
    return not line.strip().strip("\u200b\u200c\u200d\u2060\ufeff")


def _is_sentence(s: str) -> bool:
    words = s.split()
    if s.rstrip().endswith(_SENTENCE_END):
        return True
    return len(words) > 25 and any(w[:1].islower() for w in words)


def _is_glyph_line(s: str) -> bool:
    """Close buttons, hamburger menus, arrows: non-ASCII symbols and nothing else."""
    chars = [ch for ch in s if not ch.isspace()]
    return all(ch in _GLYPHS or (ord(ch) > 127 and unicodedata.category(ch) in ("So", "Sm", "Sk")) for ch in chars)


def _capitalised_words(s: str) -> list[str] | None:
    """The words of a line made only of capitalised words (connectors allowed), else None."""
    if _is_sentence(s) or any(ch in s for ch in ',;:!?"') or ". " in s:
        return None
    words = [w for w in s.split() if any(ch.isalnum() for ch in w)]
    if any(w[0].islower() and w.lower() not in _CONNECTORS for w in words):
        return None
    return words


def _is_nav_line(line: str) -> bool:
    """A menu: capitalised section names ("News Sport Business ...") or "A | B | C" links."""
    s = line.strip()
    words = _capitalised_words(s)
    if not words or len(words) < 3:
        return False
    menu = sum(re.sub(r"\W", "", w).lower() in _MENU_WORDS for w in words)
    if menu >= 3 and menu >= 0.4 * len(words):
        return True
    separators = sum(s.count(ch) for ch in _NAV_SEPARATORS)
    return separators >= 2 and separators >= len(words) / 3


def _is_word_list(line: str) -> bool:
    words = _capitalised_words(line.strip())
    return words is not None and len(words) >= 12


def _is_title_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (
        0 < len(words) <= _MAX_TITLE_WORDS
        and len(s) <= 200
        and any(ch.isalpha() for ch in s)
        and not _is_sentence(s)
        and date_line(s) is None
    )


def _credit(s: str) -> str | None:
    m = _CREDIT.match(s)
    if m and _is_short_value(m.group(1)):
        return m.group(1).strip()
    return None


def _is_short_value(value: str) -> bool:
    v = value.strip()
    return bool(v) and len(v.split()) <= _MAX_CREDIT_WORDS and not _is_sentence(v)


def _squash(s: str) -> str:
    return " ".join(s.split()).casefold()
