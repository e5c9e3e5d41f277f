"""Turning INPUT arguments (files, directories, "-") into articles, in the order given."""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.ingest.html import article_from_html, read_html_file
from kg.ingest.jsonl import looks_like_jsonl, read_jsonl_file, read_jsonl_lines
from kg.ingest.text import article_from_text, decode_text, looks_binary, read_text_file, stdin_id
from kg.types import Article, Skipped

STDIN = "-"
STDIN_ORIGIN = "stdin"
KINDS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_BYTES = 20_000_000
_READABLE = ".txt, .html/.htm and .jsonl files (or - for stdin)"


@dataclasses.dataclass(frozen=True)
class Source:
    """One readable input: a file of a known kind, or stdin (``path`` None)."""

    origin: str  # as the user gave it, or joined onto the directory they gave
    kind: str  # "txt", "html", "jsonl" or "stdin"
    path: Path | None = None


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    stdin: IO[str] | IO[bytes] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | Skipped]:
    """Lazily read every input into articles, in order; a bad input yields Skipped.

    Never raises for a bad input (missing path, unknown extension, undecodable file):
    the caller decides what a Skipped means. Ids are made unique in input order by
    suffixing "-2", "-3", ... to later duplicates. ``stdin`` defaults to ``sys.stdin``;
    ``max_bytes`` limits one article (a .txt/.html file, stdin text or a JSONL line).
    """
    taken: set[str] = set()
    for item in _readers(expand_inputs(inputs), stdin, max_bytes):
        if isinstance(item, Article):
            item = _unique(item, taken)
        yield item


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Source | Skipped]:
    """Files as given, directories recursively (sorted, hidden entries skipped), "-" as stdin."""
    if isinstance(inputs, (str, Path)):  # one path, not an iterable of characters
        inputs = [inputs]
    for given in inputs:
        origin = os.fspath(given)
        if origin == STDIN:
            yield Source(STDIN, "stdin")
            continue
        path = Path(origin)
        if path.is_dir():
            yield from _expand_dir(path, origin)
        elif path.is_file():
            yield _source(path, origin)
        elif path.exists():
            yield Skipped(origin, f"{origin} is not a regular file or a directory; kg reads {_READABLE}")
        elif path.is_symlink():
            yield _dangling(path, origin)
        else:
            yield Skipped(origin, f"{origin} does not exist; check the path")


def _expand_dir(root: Path, origin: str) -> Iterator[Source | Skipped]:
    found = False
    for item in _walk(root, origin, set()):
        found = True
        yield item
    if not found:
        yield Skipped(origin, f"{origin} is a directory with no files in it; kg reads {_READABLE}")


def _walk(directory: Path, origin: str, seen: set[Path]) -> Iterator[Source | Skipped]:
    """Entries in name order, each subdirectory read where its name sorts (like ``find | sort``)."""
    real = directory.resolve()
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield Skipped(origin, f"{origin} could not be listed: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_origin = os.path.join(origin, entry.name)
        if entry.is_dir():
            yield from _walk(entry, entry_origin, seen)
        elif entry.is_file():
            yield _source(entry, entry_origin)
        elif entry.is_symlink() and not entry.exists():
            yield _dangling(entry, entry_origin)


def _dangling(path: Path, origin: str) -> Skipped:
    try:
        target = os.readlink(path)
    except OSError:
        target = "a missing file"
    return Skipped(origin, f"{origin} is a symbolic link to {target}, which does not exist; fix or remove the link")


def _source(path: Path, origin: str) -> Source | Skipped:
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        ext = f"has extension {path.suffix}" if path.suffix else "has no extension"
        return Skipped(origin, f"{origin} {ext}; kg reads {_READABLE}")
    return Source(origin, kind, path)


def _readers(
    sources: Iterable[Source | Skipped], stdin: IO[str] | IO[bytes] | None, max_bytes: int
) -> Iterator[Article | Skipped]:
    stdin_read = False
    for src in sources:
        if isinstance(src, Skipped):
            yield src
        elif src.kind == "stdin":
            if stdin_read:
                yield Skipped(STDIN, "- was given more than once; stdin can only be read once")
                continue
            stdin_read = True
            stream = stdin if stdin is not None else sys.stdin
            if stream is None:  # no stdin at all (e.g. a detached process)
                yield Skipped(STDIN, "- was given but this process has no stdin to read")
            else:
                yield from read_stdin(stream, max_bytes)
        elif src.kind == "jsonl":
            yield from read_jsonl_file(src.path, src.origin, max_bytes)
        elif src.kind == "html":
            yield read_html_file(src.path, src.origin, max_bytes)
        else:
            yield read_text_file(src.path, src.origin, max_bytes)


def read_stdin(stream: IO[str] | IO[bytes], max_bytes: int = MAX_BYTES) -> Iterator[Article | Skipped]:
    """Standard input read as the same bytes in a file would be: JSON Lines, HTML or text,
    recognised by content (:func:`stdin_kind`), with the same articles and skips.

    Only the names differ: origins are ``stdin`` (``stdin:LINE`` for JSON Lines) and a
    text or HTML article's id is drawn from its content.
    """
    binary = getattr(stream, "buffer", None)  # sys.stdin: read bytes and check them ourselves
    data = (binary or stream).read()
    given = data if isinstance(data, str) else None  # a text stream: already decoded
    if given is not None:
        data = given.encode("utf-8", "surrogatepass")
    kind = stdin_kind(data)
    if kind == "jsonl":  # lines split at "\n" only, as in a file
        lines = io.StringIO(given, newline="\n") if given is not None else io.BytesIO(data)
        yield from read_jsonl_lines(lines, STDIN_ORIGIN, max_bytes)
        return
    if len(data) > max_bytes:
        yield Skipped(STDIN_ORIGIN, f"stdin holds more than the {max_bytes:,}-byte limit for one article")
        return
    if kind == "html":
        yield article_from_html(data, article_id=stdin_id(data.decode("utf-8", "replace")), origin=STDIN_ORIGIN)
        return
    text = given if given is not None else decode_text(data, STDIN_ORIGIN)
    if isinstance(text, Skipped):
        yield text
    else:
        yield article_from_text(text, article_id=stdin_id(text), origin=STDIN_ORIGIN)


def stdin_kind(data: bytes) -> str:
    """What the bytes on stdin hold, judged by content: "jsonl", "html" or "txt".

    HTML starts with a tag; JSON Lines has a first line that opens a JSON object or some
    line that is one (a broken line is then skipped, as in a .jsonl file); the rest is text.
    """
    if looks_binary(data):
        return "txt"  # decode_text says why it is not read
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"{") or looks_like_jsonl(data.decode("utf-8", "replace")):
        return "jsonl"
    return "txt"


def _unique(article: Article, taken: set[str]) -> Article:
    new_id, n = article.id, 1
    while new_id in taken:
        n += 1
        new_id = f"{article.id}-{n}"
    taken.add(new_id)
    return article if new_id == article.id else dataclasses.replace(article, id=new_id)
