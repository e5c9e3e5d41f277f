"""Reading HTML (.html/.htm) articles: trafilatura finds the body, title, date and site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.ingest.dates import parse_date
from kg.ingest.furniture import strip_furniture
from kg.ingest.text import date_in_name, looks_binary, read_bytes
from kg.types import Article, Skipped

_PROSE_WORDS = 8  # a line this long, or a sentence, means trafilatura found a body


def read_html_file(path: Path, origin: str, max_bytes: int) -> Article | Skipped:
    """An .html/.htm article; its id is the file name without the extension."""
    data = read_bytes(path, origin, max_bytes)
    if isinstance(data, Skipped):
        return data
    if not data.strip():
        return Skipped(origin, f"{origin} is empty")
    if looks_binary(data):
        return Skipped(origin, f"{origin} looks like a binary file, not HTML")
    return article_from_html(data, article_id=path.stem, origin=origin, fallback_date=date_in_name(path.name))


def article_from_html(
    html: bytes | str, *, article_id: str, origin: str, fallback_date: date | None = None
) -> Article | Skipped:
    """An article from an HTML page, or Skipped when it holds no article text.

    Bytes are best: trafilatura then honours the page's own charset. The site name
    becomes ``Article.source``; hostname, author and description go to metadata.
    Paragraphs are separated by single newlines, as trafilatura writes them. What
    trafilatura leaves of the page furniture (a standfirst, byline, caption, dateline,
    teaser) is removed by ``strip_furniture``, as for a .txt page.
    """
    from trafilatura import bare_extraction  # slow to import: only when HTML is read

    try:
        doc = bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as err:  # noqa: BLE001 - lxml and trafilatura raise many kinds
        return Skipped(origin, f"{origin} could not be parsed as HTML: {err}")
    title = _field(doc, "title")
    page = strip_furniture(_field(doc, "text") or "", known_title=title)
    if not _has_prose(page.text):
        return Skipped(
            origin,
            f"{origin}: no article text found in the HTML (only menus, links or nothing); "
            "save the article page itself, or its text as .txt",
        )
    sitename = _field(doc, "sitename")
    meta = [(key, v) for key in ("hostname", "author", "description") if (v := _field(doc, key))]
    if page.source and page.source != sitename:
        meta.append(("source", page.source))
    meta.extend(page.metadata)
    return Article(
        id=article_id,
        text=page.text,
        title=title or page.title,
        published=parse_date(_field(doc, "date")) or page.published or fallback_date,
        url=_field(doc, "url"),
        source=sitename or page.source,
        origin=origin,
        metadata=tuple(meta),
    )


def _field(doc: object, name: str) -> str | None:
    value = getattr(doc, name, None)
    return (value.strip() or None) if isinstance(value, str) else None


def _has_prose(text: str) -> bool:
    for line in text.split("\n"):
        words = line.split()
        if len(words) >= _PROSE_WORDS or (len(words) >= 3 and line.rstrip().endswith((".", "!", "?"))):
            return True
    return False
