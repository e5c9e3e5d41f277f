"""Reading plain-text (.txt) articles, and the byte checks every reader shares."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from kg.ingest.furniture import normalise_whitespace, strip_furniture
from kg.types import Article, Skipped

_SNIFF_BYTES = 8192
_CONTROL_SHARE = 0.10  # more control bytes than this in the first 8 KB: not text
_TEXT_CONTROLS = {9, 10, 11, 12, 13, 27}  # tab, newlines, form feed, escape
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def read_bytes(path: Path, origin: str, max_bytes: int) -> bytes | Skipped:
    """The file's bytes, or Skipped when it cannot be read or is larger than ``max_bytes``."""
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # not stat(): pipes and /dev/fd have no size
    except OSError as err:
        return Skipped(origin, f"{origin} could not be read: {err.strerror or err}")
    if len(data) > max_bytes:
        try:
            size = f"{path.stat().st_size:,} bytes"
        except OSError:
            size = "more than that"
        return Skipped(
            origin,
            f"{origin} is {size}, over the {max_bytes:,}-byte limit for one article; "
            "split it into smaller files or raise the limit",
        )
    return data


def decode_text(data: bytes, origin: str) -> str | Skipped:
    """UTF-8 text (a BOM is dropped), or Skipped saying why the bytes are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Skipped(
            origin,
            f"{origin} is UTF-16 encoded; convert it to UTF-8 ({_iconv('UTF-16', origin)})",
        )
    if looks_binary(data):
        return Skipped(origin, f"{origin} looks like a binary file, not text; kg reads UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start]
        return Skipped(
            origin,
            f"{origin} is not valid UTF-8 (byte 0x{bad:02x} at offset {err.start}); "
            f"convert it to UTF-8 ({_iconv('latin1', origin)})",
        )


def _iconv(encoding: str, origin: str) -> str:
    if origin == "stdin":
        return f"e.g. pipe it through iconv -f {encoding} -t UTF-8"
    return f"e.g. iconv -f {encoding} -t UTF-8 {origin} > converted.txt"


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a large share of control characters near the start."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    return bool(head) and controls / len(head) > _CONTROL_SHARE


def date_in_name(name: str) -> date | None:
    """The first valid ISO date (YYYY-MM-DD) in a file name, e.g. ``strikes-2021-06-28.txt``."""
    for m in _ISO_DATE.finditer(name):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


def stdin_id(text: str) -> str:
    """A stable id for an article read from stdin: its content decides it."""
    return "stdin-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def read_text_file(path: Path, origin: str, max_bytes: int) -> Article | Skipped:
    """A .txt article; its id is the file name without the extension."""
    data = read_bytes(path, origin, max_bytes)
    if isinstance(data, Skipped):
        return data
    text = decode_text(data, origin)
    if isinstance(text, Skipped):
        return text
    return article_from_text(text, article_id=path.stem, origin=origin, fallback_date=date_in_name(path.name))


def article_from_text(
    text: str, *, article_id: str, origin: str, fallback_date: date | None = None
) -> Article | Skipped:
    """An article from the text of a possibly scraped page, furniture removed.

    ``fallback_date`` (a date in the file name) is used when no date line was found.
    """
    if not normalise_whitespace(text):
        detail = "" if not text else " (it holds only whitespace)"
        return Skipped(origin, f"{origin} is empty{detail}")
    page = strip_furniture(text)
    if not page.text:
        return Skipped(
            origin,
            f"{origin} has no article text once menus, title, date and credit lines are removed",
        )
    return Article(
        id=article_id,
        text=page.text,
        title=page.title,
        published=page.published or fallback_date,
        source=page.source,
        origin=origin,
        metadata=page.metadata,
    )
