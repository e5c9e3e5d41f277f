"""Cutting an over-long article into sections that kg parses one at a time.

spaCy's parser and kg's extractors hold per-token data for the whole Doc, so one Doc
of a million characters takes gigabytes and minutes; sections of a bounded size keep
both proportional to the length. Guarantees of :func:`sections`:

- the sections tile the text: each starts where the one before ends, the first at 0,
  the last at ``len(text)``, so an offset into a section plus its start is an offset
  into the whole text;
- none is longer than ``size``, and a text of up to ``size`` characters is one section;
- a cut falls after a blank line when the second half of the window has one, else after
  a line break, else after a sentence's final stop, else at a space: never inside a
  word (only a run of ``size`` characters with no whitespace at all is cut where it must).

>>> text = "First paragraph.\\n\\nSecond one here.\\n\\nThird."
>>> [text[a:b] for a, b in sections(text, size=20)]
['First paragraph.\\n\\n', 'Second one here.\\n\\n', 'Third.']
>>> sections("Short.", size=20)
[(0, 6)]
"""

from __future__ import annotations

import re

# about 3,300 words, several times a news article's length, so only long reads are cut;
# smaller sections parse no slower and take less memory (docs/benchmarks.md)
SECTION_CHARS = 20_000

# cut points, best first; a cut goes at the end of the match
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line (spaces allowed on it)
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s+"),  # a sentence's final stop, closing quotes, space
    re.compile(r"\s+"),  # any space between words
)


def sections(text: str, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each section of ``text``, in order (see the module docstring)."""
    if size < 2:
        raise ValueError(f"a section holds at least 2 characters, not {size}")
    out, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where the section from ``start`` ends: the best boundary within ``(start, limit]``."""
    half = start + (limit - start) // 2
    for i, pattern in enumerate(_BOUNDARIES):
        # the better boundaries only in the window's second half, so sections stay large
        lo = half if i < len(_BOUNDARIES) - 1 else start + 1
        end = _last_end(pattern, text, lo, limit)
        if end is not None:
            return end
    return limit


def _last_end(pattern: re.Pattern, text: str, lo: int, limit: int) -> int | None:
    """The end of the last match of ``pattern`` that starts at or after ``lo`` and ends by
    ``limit`` (whitespace a match would run past ``limit`` is left to the next section)."""
    best = None
    for m in pattern.finditer(text, lo, limit):
        best = m.end()
    return best
