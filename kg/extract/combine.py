"""One article's Extraction from the Extractions of its sections (see :mod:`kg.ingest.sections`).

An over-long article is parsed section by section, each section its own Doc, and each
section's Extraction counts from its own start: character offsets, mention ids, sentence
indices and event ids (``e`` + the trigger's token index). :func:`combine` shifts them
all so that they count from the start of the article, as if one Doc had been read:

- offsets by the section's first character, so ``article.text[m.start:m.end] == m.text``;
- sentence indices by the sentences of the sections before;
- event ids by the tokens of the sections before;
- mention ids renumbered like one Doc's: the names, pronouns and nominals of every
  section in text order, then every section's descriptions; every reference to a
  mention (relations, arguments, speakers, countries, sources) follows.

Nothing of a Doc is kept: a section's Extraction holds plain records only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.types import Argument, Article, EventMention, Extraction, Mention, Relation, Span

_EVENT_ID = re.compile(r"e(\d+)")


@dataclass(frozen=True)
class Section:
    """A section's Extraction and where the section starts in its article."""

    start: int  # its first character's offset in the article text
    tokens: int  # the tokens of the sections before it
    extraction: Extraction


def combine(article: Article, sections: Sequence[Section]) -> Extraction:
    """The Extraction of ``article`` from those of its ``sections``, in text order."""
    if len(sections) == 1 and sections[0].start == 0 and sections[0].extraction.article == article:
        return sections[0].extraction
    names = sum(sum(m.kind != "description" for m in s.extraction.mentions) for s in sections)
    mentions, relations, events, sentences = [], [], [], []
    named = described = 0
    for s in sections:
        ids = {}
        for m in s.extraction.mentions:
            if m.kind == "description":
                ids[m.id] = names + described
                described += 1
            else:
                ids[m.id] = named
                named += 1
        shift = _Shift(s.start, len(sentences), s.tokens, ids)
        mentions += (shift.mention(m) for m in s.extraction.mentions)
        relations += (shift.relation(r) for r in s.extraction.relations)
        events += (shift.event(e) for e in s.extraction.events)
        sentences += (shift.span(x) for x in s.extraction.sentences)
    mentions.sort(key=lambda m: m.id)
    return Extraction(
        article=article,
        mentions=tuple(mentions),
        relations=tuple(relations),
        events=tuple(events),
        sentences=tuple(sentences),
    )


@dataclass(frozen=True)
class _Shift:
    """Moves one section's records to the article's offsets, sentences, tokens and ids."""

    chars: int
    sentences: int
    tokens: int
    ids: dict[int, int]

    def span(self, s: Span) -> Span:
        return replace(s, start=s.start + self.chars, end=s.end + self.chars)

    def mention_id(self, i: int | None) -> int | None:
        return None if i is None else self.ids[i]

    def event_id(self, eid: str | None) -> str | None:
        if eid is None or not self.tokens:
            return eid
        if m := _EVENT_ID.fullmatch(eid):
            return f"e{int(m.group(1)) + self.tokens}"
        raise ValueError(f"event id {eid!r} is not 'e' + a token index: kg.extract.combine cannot shift it")

    def mention(self, m: Mention) -> Mention:
        return replace(
            m,
            id=self.ids[m.id],
            start=m.start + self.chars,
            end=m.end + self.chars,
            sent=m.sent + self.sentences,
            country=self.mention_id(m.country),
            speaker=self.mention_id(m.speaker),
            not_coref=tuple(self.ids[i] for i in m.not_coref),
        )

    def relation(self, r: Relation) -> Relation:
        return replace(
            r,
            subject=self.ids[r.subject],
            object=self.ids[r.object],
            sentence=self.span(r.sentence),
            source=self.mention_id(r.source),
        )

    def argument(self, a: Argument) -> Argument:
        return replace(
            a,
            mention=self.mention_id(a.mention),
            event=self.event_id(a.event),
            span=None if a.span is None else self.span(a.span),
        )

    def event(self, e: EventMention) -> EventMention:
        return replace(
            e,
            id=self.event_id(e.id),
            trigger=self.span(e.trigger),
            arguments=tuple(self.argument(a) for a in e.arguments),
            sentence=self.span(e.sentence),
            source=self.mention_id(e.source),
        )
