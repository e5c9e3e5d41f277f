"""Reading JSON Lines (.jsonl): one article object per line.

Each line holds ``{"id": ..., "text": ...}`` plus optional ``title``, ``published``
(ISO date or datetime), ``url`` and ``source``; other keys go to ``Article.metadata``
as strings. A bad line is Skipped on its own and the next lines are still read.

``text`` goes through the same furniture rules as a .txt page (``kg.ingest.furniture``:
dateline, sign-off, teasers, captions, bylines, a standfirst, a repeated headline);
an explicit ``title`` stays the title.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.ingest.dates import parse_date
from kg.ingest.furniture import strip_furniture
from kg.ingest.text import looks_binary
from kg.types import Article, Skipped

_FIELDS = ("id", "text", "title", "published", "url", "source")
_EXAMPLE = '{"id": "a1", "text": "..."}'


def read_jsonl_file(path: Path, origin: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """Articles from a .jsonl file, lazily; ``max_bytes`` limits each line, not the file."""
    try:
        with open(path, "rb") as f:
            if looks_binary(f.read(8192)):
                yield Skipped(origin, f"{origin} looks like a binary file, not JSON Lines text")
                return
            f.seek(0)
            yield from read_jsonl_lines(f, origin, max_bytes)
    except OSError as err:
        yield Skipped(origin, f"{origin} could not be read: {err.strerror or err}")


def read_jsonl_lines(lines: Iterable[bytes | str], origin: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """Articles from JSON lines; origins are ``ORIGIN:LINE`` (1-based)."""
    records = 0
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if len(raw) > max_bytes:
            limit = f"over the {max_bytes:,}-byte limit for one article"
            yield Skipped(where, f"{where}: line is {len(raw):,} bytes, {limit}")
            continue
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield Skipped(
                    where,
                    f"{where}: not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}); "
                    "convert the file to UTF-8",
                )
                continue
        if not raw.strip():
            continue
        records += 1
        yield article_from_json(raw.lstrip("\ufeff").rstrip("\r\n"), where)
    if records == 0:
        yield Skipped(origin, f"{origin} is empty (no JSON lines)")


def article_from_json(line: str, where: str) -> Article | Skipped:
    """One article from one JSON line, or Skipped saying what the line lacks."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return Skipped(
            where,
            f"{where}: not valid JSON: {err.msg.removesuffix(' at')} at column {err.colno}; "
            "each line must hold one complete JSON object (was the file cut short?)",
        )
    if not isinstance(obj, dict):
        kind = type(obj).__name__.replace("dict", "object").replace("list", "array")
        return Skipped(where, f"{where}: expected a JSON object like {_EXAMPLE}, got a {kind}")
    raw_id = obj.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        return Skipped(
            where,
            f'{where}: no usable "id" (a non-empty string or number); every line needs one, e.g. {_EXAMPLE}',
        )
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "no" if text is None else "an empty" if isinstance(text, str) else "a non-string"
        return Skipped(where, f'{where}: {problem} "text" field; it must hold the article body as a string')
    title, url, source = (_string(obj.get(key)) for key in ("title", "url", "source"))
    published_raw = _string(obj.get("published"))
    published = parse_date(published_raw)
    meta = [(k, _string(v) or "") for k, v in obj.items() if k not in _FIELDS and v is not None]
    if published_raw and published is None:
        meta.append(("published_unparsed", published_raw))
    page = strip_furniture(text, known_title=title)
    if not page.text:
        return Skipped(where, f"{where}: no article text once menus, title, date and credit lines are removed")
    return Article(
        id=str(raw_id).strip(),
        text=page.text,
        title=title or page.title,
        published=published or page.published,
        url=url,
        source=source or page.source,
        origin=where,
        metadata=tuple(meta) + page.metadata,
    )


def looks_like_jsonl(text: str) -> bool:
    """True when some line of ``text`` is a JSON object with an "id" or a "text" (stdin's test)."""
    for line in text.split("\n"):
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and ("text" in obj or "id" in obj):
                return True
    return False


def _string(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
