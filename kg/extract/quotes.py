"""Who is speaking a quote, so that "we" and "our" inside it can be resolved."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kg.extract.syntax import Syntax
from kg.nlp import lexicon as lex

OPEN = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb"}


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages: straight quotes pair up in order."""
    regions, start, closer = [], None, None
    for i, ch in enumerate(text):
        if start is None and ch in OPEN:
            start, closer = i, OPEN[ch]
        elif start is not None and ch == closer:
            regions.append((start, i + 1))
            start = None
    return regions


def quotations(syn: Syntax) -> list[tuple[int, int, int | None]]:
    """Each quoted passage of the article as ``(start, end, speaker mention id or None)``."""
    text = syn.doc.text  # spaCy joins Doc.text anew at every call: once here
    starts = [t.idx for t in syn.doc]
    return [(start, end, _speaker_of(syn, starts, len(text), start, end)) for start, end in quote_regions(text)]


def quoted_in(quotes: list[tuple[int, int, int | None]], *spans: tuple[int, int]) -> tuple[int, int, int | None] | None:
    """The quotation holding every one of ``spans`` (character ranges), or None."""
    for quote in quotes:
        if all(quote[0] < start and end < quote[1] for start, end in spans):
            return quote
    return None


def speakers(syn: Syntax, quotes: list[tuple[int, int, int | None]]) -> dict[int, int]:
    """Mention id of each "we"/"our"/"us" pronoun inside one of ``quotes`` (see
    :func:`quotations`) -> mention id of its speaker."""
    we = [m for m in syn.finder.mentions if m.kind == "pronoun" and m.text.lower() in ("we", "our", "us")]
    return {
        m.id: speaker for start, end, speaker in quotes if speaker is not None for m in we if start <= m.start < end
    }


def _speaker_of(syn: Syntax, starts: list[int], length: int, start: int, end: int) -> int | None:
    """The speaker of the quotation ``start``-``end`` of a text of ``length`` characters
    whose tokens begin at ``starts``."""
    doc = syn.doc
    first, last = bisect_left(starts, start), bisect_right(starts, end)
    sents = set(doc[first:last].sents) if first < last else set()
    # the sentence just after a quote often says who spoke it: '"...," it warned.'
    after = doc.char_span(end, min(end + 1, length), alignment_mode="expand")
    if after is not None and len(after):
        sents.add(after[0].sent)
    for sent in sorted(sents, key=lambda s: s.start):
        for tok in sent:
            if tok.lemma_.lower() in lex.SPEECH_VERBS and not (start <= tok.idx < end):
                for c in tok.children:
                    if c.dep_ == "nsubj" and not (start <= c.idx < end):
                        m = syn.mention(c)
                        if m is None:
                            continue
                        return m.id
    return None
