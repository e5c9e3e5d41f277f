"""CoNLL04 (SpERT JSON): read the benchmark, run kg on its sentences, score strictly.

Each record's tokens are joined by single spaces into an article's text; kg's
character offsets are mapped back to the tokens they cover. Labels are translated in
:mod:`kg.eval.mapping` only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.eval import mapping
from kg.eval.scoring import Report, entity_scores, relation_scores
from kg.types import Article, Extraction, Mention


@dataclass(frozen=True)
class Sentence:
    """One CoNLL04 record: tokens, gold entities ``(start, end, type)`` and relations."""

    id: str
    tokens: tuple[str, ...]
    entities: tuple[tuple[int, int, str], ...]
    relations: tuple[tuple[int, int, str], ...]  # (head entity index, tail entity index, type)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def starts(self) -> list[int]:
        """Character offset of each token in :attr:`text`."""
        out, pos = [], 0
        for tok in self.tokens:
            out.append(pos)
            pos += len(tok) + 1
        return out

    def gold_entities(self) -> set[tuple]:
        return {(self.id, s, e, t) for s, e, t in self.entities}

    def gold_relations(self) -> set[tuple]:
        return {(self.id, self.entities[h], self.entities[t], typ) for h, t, typ in self.relations}


def load(path: str | Path) -> list[Sentence]:
    """Read a CoNLL04 file in SpERT's JSON format (a list of records)."""
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"No CoNLL04 file at {path}: give the path of conll04_dev.json or similar") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path} is not CoNLL04 JSON ({err}): expected SpERT's format") from None
    if not isinstance(records, list):
        raise InputError(f"{path} is not CoNLL04 JSON: expected a list of records with 'tokens'")
    out = []
    for i, r in enumerate(records):
        try:
            ents = tuple((e["start"], e["end"], e["type"]) for e in r["entities"])
            rels = tuple((x["head"], x["tail"], x["type"]) for x in r.get("relations", ()))
            out.append(Sentence(f"{path.stem}-{r.get('orig_id', i)}-{i}", tuple(r["tokens"]), ents, rels))
        except (KeyError, TypeError) as err:
            raise InputError(f"{path}: record {i} lacks {err} (SpERT format: tokens, entities, relations)") from None
    return out


# -- from kg's output to token spans ------------------------------------------------------


class TokenMap:
    """Character offsets in the joined text -> token indexes."""

    def __init__(self, tokens: Iterable[str]):
        self.bounds = []
        pos = 0
        for tok in tokens:
            self.bounds.append((pos, pos + len(tok)))
            pos += len(tok) + 1

    def token_at(self, char: int) -> int:
        for i, (_, e) in enumerate(self.bounds):
            if char < e:
                return i
        return len(self.bounds) - 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The tokens a character span touches, as ``[first, last + 1)``."""
        return self.token_at(start), self.token_at(max(start, end - 1)) + 1


def mention_span(m: Mention, text: str, named_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """A mention's characters as the benchmark sees them: with its title if the name had one.

    kg keeps "Ms." of "Ms. Toth" as ``kg:title``; the recognised name (one of
    ``named_spans``, character offsets) tells whether the title was part of it.
    """
    start = m.start
    if m.title:
        before = text[: m.start].rstrip()
        if before.endswith(m.title):
            t_start = len(before) - len(m.title)
            if any(s <= t_start and m.end <= e for s, e in named_spans):
                start = t_start
    return start, m.end


def is_benchmark_entity(m: Mention) -> bool:
    return m.kind in mapping.CONLL04_MENTION_KINDS and not (m.kind == "body" and m.text.islower())


@dataclass
class Predicted:
    entities: set[tuple] = field(default_factory=set)
    relations: set[tuple] = field(default_factory=set)


def predictions(sentence: Sentence, doc, ex: Extraction) -> Predicted:
    """kg's mentions and relations of one sentence as CoNLL04 items."""
    tmap = TokenMap(sentence.tokens)
    text = ex.article.text
    group = doc.spans.get("kg_entities") if hasattr(doc, "spans") else None
    named = [(e.start_char, e.end_char) for e in doc.ents]
    if group is not None:
        named += [(s.start_char, s.end_char) for s in group]
    pred = Predicted()
    arg: dict[int, tuple[int, int, str]] = {}
    for m in ex.mentions:
        typ = mapping.conll04_entity_type(m.cls)
        if typ is None:
            continue
        s, e = tmap.span(*mention_span(m, text, named))
        arg[m.id] = (s, e, typ)
        if is_benchmark_entity(m):
            pred.entities.add((sentence.id, s, e, typ))
    if group is not None:
        for span in group:
            if span.label_ in mapping.CONLL04_OTHER_LABELS:
                s, e = tmap.span(span.start_char, span.end_char)
                pred.entities.add((sentence.id, s, e, "Other"))
    for r in ex.relations:
        typ = mapping.conll04_relation_type(r.predicate)
        if typ is None or r.subject not in arg or r.object not in arg:
            continue
        pred.relations.add((sentence.id, arg[r.subject], arg[r.object], typ))
    return pred


def run(
    pipeline, sentences: list[Sentence], *, progress: bool = False
) -> Iterator[tuple[Sentence, object, Extraction]]:
    """Run the real kg pipeline on each sentence: ``(sentence, doc, extraction)``."""
    articles = (Article(id=s.id, text=s.text) for s in sentences)
    stream = pipeline.extract_docs(articles)
    if progress:
        from tqdm import tqdm

        stream = tqdm(stream, total=len(sentences), desc="sentences", leave=False)
    for s, (doc, ex) in zip(sentences, stream):
        yield s, doc, ex


@dataclass
class Result:
    entities: Report
    relations: Report
    sentences: int


def evaluate(pipeline, sentences: list[Sentence], *, progress: bool = False) -> Result:
    """Strict entity and relation scores of ``pipeline`` on ``sentences``."""
    gold_e, gold_r, pred_e, pred_r = set(), set(), set(), set()
    for s, doc, ex in run(pipeline, sentences, progress=progress):
        gold_e |= s.gold_entities()
        gold_r |= s.gold_relations()
        p = predictions(s, doc, ex)
        pred_e |= p.entities
        pred_r |= p.relations
    return Result(
        entities=entity_scores(gold_e, pred_e, types=mapping.CONLL04_ENTITY_TYPES),
        relations=relation_scores(gold_r, pred_r),
        sentences=len(sentences),
    )
