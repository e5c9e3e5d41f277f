"""WikiEvents (KAIROS): read the benchmark, run kg on its documents, score events.

A document's text is its tokens joined by single spaces (kg finds the sentences
itself), so kg's character offsets map straight back to tokens.
Head words come from kg's own parse of that text: the syntactic head of a gold
mention, and of the mention kg chose as an argument. Labels are translated in
:mod:`kg.eval.mapping` only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.eval import mapping
from kg.eval.conll04 import TokenMap
from kg.eval.scoring import GoldArg, Report, argument_scores, trigger_scores
from kg.types import Article, Extraction


@dataclass(frozen=True)
class GoldEvent:
    type: str  # KAIROS type, second level ("Life.Die")
    start: int
    end: int
    arguments: tuple[tuple[str, str], ...]  # (role, entity mention id)


@dataclass(frozen=True)
class Document:
    id: str
    tokens: tuple[str, ...]
    mentions: dict  # entity mention id -> (start, end)
    events: tuple[GoldEvent, ...]
    clusters: tuple[tuple[str, ...], ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _read_jsonl(path: Path, what: str) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"No WikiEvents {what} at {path}") from None
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as err:
        raise InputError(f"{path} is not JSON lines ({err})") from None


def load(path: str | Path, coref: str | Path | None = None) -> list[Document]:
    """Read WikiEvents documents and (if given or found beside them) coreference clusters.

    ``coref`` defaults to ``coref-<split>.jsonlines`` in the same directory when it exists.
    """
    path = Path(path)
    if coref is None:
        guess = path.with_name(f"coref-{path.stem}.jsonlines")
        coref = guess if guess.is_file() else None
    clusters = {}
    if coref is not None:
        for rec in _read_jsonl(Path(coref), "coreference file"):
            clusters[rec["doc_key"]] = tuple(tuple(c) for c in rec["clusters"])
    docs = []
    for i, rec in enumerate(_read_jsonl(path, "file")):
        try:
            events = []
            for ev in rec["event_mentions"]:
                typ = mapping.kairos_event_type(ev["event_type"])
                if typ is None:
                    continue
                events.append(
                    GoldEvent(
                        typ,
                        ev["trigger"]["start"],
                        ev["trigger"]["end"],
                        tuple((a["role"], a["entity_id"]) for a in ev["arguments"]),
                    )
                )
            docs.append(
                Document(
                    id=rec["doc_id"],
                    tokens=tuple(rec["tokens"]),
                    mentions={m["id"]: (m["start"], m["end"]) for m in rec["entity_mentions"]},
                    events=tuple(events),
                    clusters=clusters.get(rec["doc_id"], ()),
                )
            )
        except (KeyError, TypeError, IndexError) as err:
            raise InputError(f"{path}: line {i + 1} lacks {err} (WikiEvents format)") from None
    return docs


def check_roles(role_file: str | Path) -> list[str]:
    """Roles our mapping uses that the KAIROS role file does not list for their type (none is good)."""
    path = Path(role_file)
    try:
        roles = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"No KAIROS role file at {path}") from None
    known: dict[str, set[str]] = {}
    for full, spec in roles.items():
        typ = mapping.kairos_event_type(full)
        if typ is not None:
            known.setdefault(typ, set()).update(spec.get("roles", ()))
    return [f"{t}.{r}" for (t, _), r in mapping.ROLE_TO_KAIROS.items() if r not in known.get(t, set())]


# -- scoring -------------------------------------------------------------------------------


class _Heads:
    """Head tokens (benchmark indexes) of character spans, from kg's parse of the document."""

    def __init__(self, doc, tmap: TokenMap, text: str):
        self.doc, self.tmap = doc, tmap
        self.starts = [s for s, _ in tmap.bounds]

    def of_chars(self, start: int, end: int) -> int:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self.tmap.token_at(start)
        return self.tmap.token_at(span.root.idx)

    def of_tokens(self, start: int, end: int) -> int:
        last = self.tmap.bounds[end - 1][1]
        return self.of_chars(self.starts[start], last)


def gold_items(d: Document, heads: _Heads) -> tuple[set, set]:
    """Gold triggers and arguments of one document."""
    cluster_of = {m: c for c in d.clusters for m in c}
    triggers, args = set(), set()
    for ev in d.events:
        triggers.add((d.id, ev.start, ev.end, ev.type))
        for role, mid in ev.arguments:
            if mid not in d.mentions:
                continue
            head = heads.of_tokens(*d.mentions[mid])
            cluster = cluster_of.get(mid, (mid,))
            cheads = frozenset(heads.of_tokens(*d.mentions[x]) for x in cluster if x in d.mentions)
            args.add(GoldArg(d.id, ev.type, ev.start, ev.end, role, head, cheads | {head}))
    return triggers, args


def predicted_items(d: Document, ex: Extraction, heads: _Heads) -> tuple[set, set]:
    """kg's events of one document as benchmark triggers and arguments."""
    tmap = heads.tmap
    mentions = {m.id: m for m in ex.mentions}
    triggers, args = set(), set()
    for ev in ex.events:
        typ = mapping.kg_event_type(ev.cls)
        if typ is None:
            continue
        s, e = tmap.span(ev.trigger.start, ev.trigger.end)
        triggers.add((d.id, s, e, typ))
        for a in ev.arguments:
            role = mapping.kg_role(typ, a.role)
            if role is None or a.mention is None or a.mention not in mentions:
                continue
            m = mentions[a.mention]
            args.add((d.id, typ, s, e, role, heads.of_chars(m.start, m.end)))
    return triggers, args


@dataclass
class Result:
    triggers: Report
    arguments_head: Report
    arguments_coref: Report
    documents: int


def run(pipeline, docs: list[Document]) -> Iterator[tuple[Document, object, Extraction]]:
    stream = pipeline.extract_docs(Article(id=d.id, text=d.text) for d in docs)
    for d, (doc, ex) in zip(docs, stream):
        yield d, doc, ex


def evaluate(pipeline, docs: list[Document]) -> Result:
    """Trigger and argument scores of ``pipeline`` on ``docs`` (attack, die, injure)."""
    gold_t, gold_a, pred_t, pred_a = set(), set(), set(), set()
    for d, doc, ex in run(pipeline, docs):
        heads = _Heads(doc, TokenMap(d.tokens), d.text)
        gt, ga = gold_items(d, heads)
        pt, pa = predicted_items(d, ex, heads)
        gold_t |= gt
        gold_a |= ga
        pred_t |= pt
        pred_a |= pa
    return Result(
        triggers=trigger_scores(gold_t, pred_t),
        arguments_head=argument_scores(gold_a, pred_a),
        arguments_coref=argument_scores(gold_a, pred_a, coref=True),
        documents=len(docs),
    )
