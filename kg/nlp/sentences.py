"""Sentence boundaries that never cut a name in two.

The parser sometimes ends a sentence at the full stop of a title ("Brig. | Gen. Yahya
Saree") or inside a name. Two components and a helper keep names whole:

* before the parser, :func:`protect` marks the words inside known names (the gazetteer
  ruler calls it) as no sentence start, and the ``kg_title_guard`` component does the
  same for the word after an abbreviated title ("Brig.", "Gen.") when a capitalised word
  follows; the parser honours both;
* after the entity recognisers, ``kg_sentence_merge`` joins two sentences whose boundary
  still falls inside a recognised name, by hanging the second sentence's root under the
  first's (a sentence is a tree of the parse; a Doc that is parsed refuses new sentence
  starts).
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import lexicon as lex

TITLE_GUARD = "kg_title_guard"
SENTENCE_MERGE = "kg_sentence_merge"
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
JOINED = "dep"  # the label of a root hung under another sentence's root


def protect(doc: Doc, spans) -> None:
    """No sentence starts inside any of ``spans`` (only before the parser has run)."""
    if doc.has_annotation("DEP"):
        return
    for span in spans:
        for tok in span[1:]:
            tok.is_sent_start = False


def after_title(doc: Doc) -> list[int]:
    """Indices of the capitalised words that follow an abbreviated title ("Brig. Gen. X").

    >>> import spacy
    >>> doc = spacy.blank("en")("Brig. Gen. Yahya Saree spoke. He left.")
    >>> [doc[i].text for i in after_title(doc)]
    ['Gen.', 'Yahya']
    """
    out = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.text == "." and tok.i > 0:
            title = doc[tok.i - 1]  # "Brig" "." when the tokenizer split the stop off
            if title.whitespace_ or title.lower_ not in lex.TITLE_ABBREVIATIONS:
                continue
        elif not (tok.text.endswith(".") and tok.lower_[:-1] in lex.TITLE_ABBREVIATIONS):
            continue
        if nxt.text[:1].isupper() and nxt.text.rstrip(".").isalpha():
            out.append(nxt.i)
    return out


class TitleGuard:
    """Before the parser: no sentence starts right after an abbreviated title."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            for i in after_title(doc):
                doc[i].is_sent_start = False
        return doc


def merge_sentences(doc: Doc, spans) -> int:
    """Join the sentences of a parsed ``doc`` wherever one starts inside one of ``spans``;
    returns how many boundaries went.

    The sentences to join make a block; the roots of all but the longest hang under the
    longest one's root (labelled :data:`JOINED`), so its parse stays as it was.
    """
    cuts = {tok.i for span in spans for tok in span[1:] if tok.is_sent_start}
    if not cuts or not doc.has_annotation("DEP"):
        return 0
    blocks: list[list] = []
    for sent in doc.sents:
        if sent.start in cuts and blocks:
            blocks[-1].append(sent)
        else:
            blocks.append([sent])
    array = doc.to_array([HEAD, DEP])
    joined = doc.vocab.strings.add(JOINED)
    for block in blocks:
        main = max(block, key=len).root
        for sent in block:
            root = sent.root
            if root.i != main.i:
                array[root.i, 0] = (main.i - root.i) % 2**64  # HEAD: relative, as an unsigned int
                array[root.i, 1] = joined
    doc.from_array([HEAD, DEP], array)
    return len(cuts)


class SentenceMerge:
    """After the entity recognisers: no sentence boundary inside a recognised name."""

    def __call__(self, doc: Doc) -> Doc:
        merge_sentences(doc, [e for e in doc.ents if e.label_ in NAME_LABELS])
        return doc


@Language.factory(TITLE_GUARD)
def make_title_guard(nlp: Language, name: str) -> TitleGuard:
    return TitleGuard()


@Language.factory(SENTENCE_MERGE)
def make_sentence_merge(nlp: Language, name: str) -> SentenceMerge:
    return SentenceMerge()


def add_sentence_guards(nlp) -> None:
    """The title guard before the parser, the merge at the end of the pipeline."""
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(TITLE_GUARD, before="parser")
    nlp.add_pipe(SENTENCE_MERGE, last=True)
