"""Page furniture: what a page sets around and into a story that is not the story.

Menus, UI glyphs, the headline, standfirst, byline, date line, dateline, photo captions
and credits, teasers ("Read more: ..."), "Reporting by" trailers, agency sign-offs,
source and copyright lines. kg extracts only from the body that is left, so none of
them can become an actor, a place or an event; what is worth keeping goes to
``Page.title``, ``Page.published``, ``Page.source`` and ``Page.metadata``.

Guarantees:

- Whole lines are removed, with two exceptions: a dateline opening the first body line
  ("BEIRUT, June 12 (Reuters) - ") and an agency sign-off closing the last one
  ("(ANI/Sputnik)") are cut off it. Every character left keeps its place in its line.
- Conservative by design: a line that reads like a sentence (ends in . ! ? : ; , a
  quote or a bracket, or has more than 25 words including lowercase ones) is never
  removed, unless a label or credit ends or opens it ("Read more: ...", "... Photograph:
  Jane Roe/AP", "... (AP Photo/Jane Roe)", "Image caption, ...", "(Reporting by ...)")
  or it is the standfirst: the one line between a headline and a dateline. A sentence
  that merely starts like a label ("Read more than 300 pages ...") or a dateline
  ("Paris, the French capital, ...") stays.
- Rules are about layout and language (line shape, capitals, labels, dashes, a list of
  known agencies), never about one site or article; see ``dateline``, ``credits`` and
  ``teasers`` for each kind.
- A plain text keeps every line but a headline: a first line that does not end like a
  sentence and has body text after it becomes the title. Text without one is unaltered.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from kg.ingest.credits import byline, photo_credit, reporting_credit
from kg.ingest.dateline import Dateline, dateline, signoff
from kg.ingest.dates import date_line
from kg.ingest.shape import is_sentence, is_title_like, squash
from kg.ingest.teasers import teaser

_BLANK_RUN = re.compile(r"\n{3,}")
_MAX_CREDIT_WORDS = 12
_MAX_STANDFIRST_WORDS = 60
_MAX_TEASER_LIST = 8  # headlines listed under one "Related" label
_GLYPHS = set("×✕✖✗✘☰≡⋮⋯‹›«»←→↑↓▲▼◀▶►◄")
_UI_PHRASES = {
    "skip to content", "skip to main content", "skip to navigation", "menu", "main menu",
    "close", "search", "sign in", "log in", "login", "register", "subscribe", "sign up",
    "advertisement", "advert", "ad", "sponsored", "share", "share this", "share this article",
    "print", "email", "back to top", "accept cookies", "cookie settings", "listen to this article",
    "listen", "save", "save article", "gift this article", "share full article", "copy link", "follow",
    "comments", "show comments", "view comments", "toggle caption", "hide caption", "enlarge this image",
    "view image in fullscreen", "expand", "image", "photo", "video", "play video", "open in app",
}  # fmt: skip
_READ_TIME = re.compile(r"^(?:reading time:?\s*)?\d{1,3}[\s-]*min(?:ute)?s?(?:\s+read)?$", re.IGNORECASE)
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
_SOURCE = re.compile(r"^(?:source|sources|via)\s*:\s*(.+)$", re.IGNORECASE)
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

    With ``known_title`` (from HTML or a JSONL field) a first line repeating it is
    removed and the title stays ``known_title``; without, a first line shaped like a
    headline (no sentence ending, body text after it) becomes the title.
    """
    lines = normalise_whitespace(text).split("\n")
    keep = [bool(line.strip()) for line in lines]
    meta: list[tuple[int, str, str]] = []  # (line, key, value): sorted into page order at the end
    published: date | None = None
    listing = 0  # headlines still expected under a "Related" label
    for i, line in enumerate(lines):  # furniture that can sit anywhere on a page
        s = line.strip()
        if not s:
            continue
        if listing and is_title_like(s) and not (_COPYRIGHT.match(s) or _SOURCE.match(s)):
            keep[i], listing = False, listing - 1
            meta.append((i, "teaser", s))
            continue
        listing = 0
        if _is_glyph_line(s) or s.lower().strip(" :|") in _UI_PHRASES or _READ_TIME.match(s):
            keep[i] = False
        elif (pairs := photo_credit(s)) is not None:
            keep[i] = False
            meta.extend((i, k, v) for k, v in pairs)
        elif (t := teaser(s)) is not None:
            keep[i] = False
            if t.label_only:
                listing = _MAX_TEASER_LIST
            else:
                meta.append((i, "teaser", t.headline))
        elif (b := byline(s)) is not None:
            keep[i], published = False, published or b.published
            meta.extend((i, k, v) for k, v in b.pairs)
        elif (credit := reporting_credit(s)) is not None:
            keep[i] = False
            meta.append((i, "reporting", credit))
    idx = [i for i, k in enumerate(keep) if k]
    pos, end = 0, len(idx)
    while pos < end and _is_nav_line(lines[idx[pos]]):  # menus above the title
        keep[idx[pos]], pos = False, pos + 1
    # a long run of capitalised words followed by another heading is a menu, not a title
    if pos + 1 < end and _is_word_list(lines[idx[pos]]) and _is_title_like(lines[idx[pos + 1]]):
        keep[idx[pos]], pos = False, pos + 1
    sources: list[str] = []
    while end - 1 > pos:  # credits, source and menus below the body
        i = idx[end - 1]
        s = lines[i].strip()
        if (m := _SOURCE.match(s)) and _is_short_value(m.group(1)):
            sources.append(m.group(1).strip())
        elif _COPYRIGHT.match(s) and len(s.split()) <= 15 and not is_sentence(s):
            meta.append((i, "copyright", s))
        elif (off := signoff(s)) is not None and off[0] == 0:
            meta.extend((i, "agency", a) for a in off[1])
        elif not _is_nav_line(s):
            break
        keep[i], end = False, end - 1
    title: str | None = None
    if known_title and pos + 1 < end and _repeats_title(lines[idx[pos]], known_title):
        keep[idx[pos]], title, pos = False, lines[idx[pos]].strip(), pos + 1
    headed = bool(known_title)
    standfirst = False
    while pos + 1 < end:  # title, standfirst, date line and a dateline alone, above the body
        i = idx[pos]
        s = lines[i].strip()
        if published is None and (d := date_line(s)) is not None:
            published = d
        elif (dl := dateline(s)) is not None:
            if dl.end < len(s):
                break  # the body starts here
            meta.extend(_dateline_pairs(i, dl))
        elif not headed and _is_title_like(s):
            title, headed = s, True
        elif headed and (b := byline(s, header=True)) is not None:
            published = published or b.published
            meta.extend((i, k, v) for k, v in b.pairs)
        elif headed and not standfirst and _is_standfirst(s, [lines[j] for j in idx[pos + 1 : end]]):
            standfirst = True
            meta.append((i, "standfirst", s))
        else:
            break
        keep[i], pos = False, pos + 1
    if pos < end:  # a dateline opening the first body line
        i = idx[pos]
        s = lines[i].lstrip()
        if (dl := dateline(s)) is not None and dl.end < len(s.rstrip()):
            lines[i] = s[dl.end :]
            meta.extend(_dateline_pairs(i, dl))
    if pos < end:  # an agency sign-off closing the last body line
        i = idx[end - 1]
        if (off := signoff(lines[i])) is not None and off[0] > 0:
            lines[i] = lines[i][: off[0]]
            meta.extend((i, "agency", a) for a in off[1])
    sources.reverse()
    meta.extend((len(lines), "source", s) for s in sources[1:])
    body = normalise_whitespace("\n".join(line for line, k in zip(lines, keep) if k or not line.strip()))
    pairs = dict.fromkeys((k, v) for _, k, v in sorted(meta, key=lambda m: m[0]))  # page order, no repeats
    return Page(body, title, published, sources[0] if sources else None, tuple(pairs))


def _dateline_pairs(i: int, dl: Dateline) -> list[tuple[int, str, str]]:
    return [(i, "dateline", p) for p in dl.places] + [(i, "agency", a) for a in dl.agencies]


def _is_standfirst(s: str, below: list[str]) -> bool:
    """A summary under the headline: no final full stop, or one sentence just above the dateline."""
    words = s.split()
    if not words or len(words) > _MAX_STANDFIRST_WORDS or not any(ch.isalpha() for ch in s):
        return False
    if not is_sentence(s):
        return True
    nxt = next((line.strip() for line in below if date_line(line) is None), "")
    return s.endswith(".") and nxt != "" and dateline(nxt) is not None


def _repeats_title(line: str, title: str) -> bool:
    """The line is the known title, perhaps with the site after a separator ("Title | Site")."""
    a, b = squash(line), squash(title)
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    rest = longer[len(shorter) :] if longer.startswith(shorter) else ""
    return bool(re.match(r"^\s*[|\-–—:]\s*\S", rest)) and len(rest.split()) <= 6


def _is_blank(line: str) -> bool:
    return not line.strip().strip("\u200b\u200c\u200d\u2060\ufeff")


def _is_glyph_line(s: str) -> bool:
    """Close buttons, hamburger menus, arrows: non-ASCII symbols and nothing else."""
    chars = [ch for ch in s if not ch.isspace()]
    return all(ch in _GLYPHS or (ord(ch) > 127 and unicodedata.category(ch) in ("So", "Sm", "Sk")) for ch in chars)


def _capitalised_words(s: str) -> list[str] | None:
    """The words of a line made only of capitalised words (connectors allowed), else None."""
    if is_sentence(s) or any(ch in s for ch in ',;:!?"') or ". " in s:
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
    return is_title_like(line) and date_line(line) is None


def _is_short_value(value: str) -> bool:
    v = value.strip()
    return bool(v) and len(v.split()) <= _MAX_CREDIT_WORDS and not is_sentence(v)
