"""``extractions.jsonl``: kg's interchange format, one JSON object per line.

Kinds: ``mention``, ``relation``, ``event`` (see README, "The extractions file").
Offsets index the article text as kg read it: ``text[start:end]`` is the mention.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg import ontology as mint
from kg.atomic import atomic_path
from kg.types import ResolvedArticle

# characters that Python's str.splitlines() and some JSON Lines readers take as line ends;
# JSON allows them raw inside strings, so each is written as its \u escape instead
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def json_line(record: dict) -> str:
    """``record`` as one JSON Lines line (UTF-8 text, no raw character any reader splits on)."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def _validity(r) -> dict:
    """When the text says the relation held: ``former``, ``since`` and ``until`` (value and
    datatype), present only when the text gives them."""
    out: dict = {"former": True} if r.former else {}
    for key in ("since", "until"):
        if (found := getattr(r, key)) is not None:
            out[key] = {"value": found[0], "datatype": found[1]}
    return out


def records(resolved: ResolvedArticle) -> Iterator[dict]:
    """The JSONL records of one resolved article."""
    ex = resolved.extraction
    art = ex.article.id
    ents = resolved.mention_entity
    mentions = {m.id: m for m in ex.mentions}

    def ref(mid: int) -> dict:
        m = mentions[mid]
        return {"entity": ents.get(mid), "text": m.text, "start": m.start, "end": m.end, "class": m.cls}

    for m in ex.mentions:
        if m.id in ents:
            yield {
                "kind": "mention",
                "article": art,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "class": m.cls,
                "entity": ents[m.id],
                "mention_kind": m.kind,
            }
    for r in [*ex.relations, *resolved.relations]:
        if r.subject in ents and r.object in ents and ents[r.subject] != ents[r.object]:
            yield {
                "kind": "relation",
                "article": art,
                "predicate": r.predicate,
                "subject": ref(r.subject),
                "object": ref(r.object),
                "sentence": r.sentence.text,
                "sentence_start": r.sentence.start,
                "sentence_end": r.sentence.end,
                "confidence": r.confidence,
                "extractor": r.extractor,
                "status": r.status,
                "according_to": ref(r.source) if r.source is not None else None,
                **_validity(r),
            }
    first: dict[str, object] = {}
    for ev in ex.events:
        first.setdefault(ev.id, ev)
    for ev in ex.events:
        head = first[ev.id]
        args = []
        for a in ev.arguments:
            item = {"role": a.role}
            if a.mention is not None:
                if a.mention not in ents and mentions[a.mention].kind != "description":
                    continue  # a description ("two soldiers") is written with entity null
                item.update(ref(a.mention))
            elif a.event is not None:
                if a.event not in first:
                    continue
                other = first[a.event]
                item["event"] = mint.event_iri(art, other.trigger.start, other.cls.rsplit("#", 1)[-1])
            else:
                item["value"] = a.value
                item["datatype"] = a.datatype
                if a.span is not None:
                    item.update(text=a.span.text, start=a.span.start, end=a.span.end)
            args.append(item)
        yield {
            "kind": "event",
            "article": art,
            "event": mint.event_iri(art, head.trigger.start, head.cls.rsplit("#", 1)[-1]),
            "class": ev.cls,
            "trigger": {"text": ev.trigger.text, "start": ev.trigger.start, "end": ev.trigger.end},
            "arguments": args,
            "sentence": ev.sentence.text,
            "sentence_start": ev.sentence.start,
            "sentence_end": ev.sentence.end,
            "confidence": ev.confidence,
            "extractor": ev.extractor,
            "status": ev.status,
            "according_to": ref(ev.source) if ev.source is not None else None,
        }


class ExtractionsWriter:
    """Writes records article by article; the file appears complete, or not at all."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.lines = 0

    def __enter__(self) -> ExtractionsWriter:
        self._atomic = atomic_path(self.path)
        self._fh = open(self._atomic.__enter__(), "w", encoding="utf-8")
        return self

    def write(self, resolved: ResolvedArticle) -> None:
        for rec in records(resolved):
            self._fh.write(json_line(rec))
            self.lines += 1

    def __exit__(self, *exc) -> None:
        self._fh.close()
        self._atomic.__exit__(*exc)


def write_extractions(resolved_articles: Iterable[ResolvedArticle], path: str | Path) -> int:
    """Write every record atomically to ``path``; returns the number of lines."""
    with ExtractionsWriter(path) as out:
        for r in resolved_articles:
            out.write(r)
    return out.lines
