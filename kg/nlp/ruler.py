"""Gazetteer-driven entity ruling: known actors get the right span, label and link.

The small English model tags names such as "Kataib Hezbollah" or "Islamic State" as
PERSON. A ruler placed before the parser fixes those spans; ``ner`` then predicts around
them, and the parser never starts a sentence inside one (:mod:`kg.nlp.sentences`). Each
span's ``id`` is the gazetteer IRI, so ``ent.ent_id_`` links the mention.

The ruler works like spaCy's ``entity_ruler`` (longest match first, then leftmost) but
matches with ``PhraseMatcher`` tables instead of token patterns: spaCy's token
``Matcher`` spent about 0.15 s per article on 1,500 names, the phrase tables a few
milliseconds. The tables match on keys of the words (:mod:`kg.nlp.spelling`), never on
the words the model sees, so typography ("Kata’ib") and, for long names,
transliteration ("Kataib Hizbullah") do not hide a name:

* exact: acronyms and short names ("IS" must never match "is"), plain punctuation;
* folded: other names, ignoring case, written as a name (capitalised, or after a
  particle: "al Shabaab");
* variant: names of two words or more, or of seven letters or more, by their
  transliteration key; an exact or folded match of the same length wins over it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp import lexicon as lex
from kg.nlp.sentences import protect
from kg.nlp.spelling import typography, variant_eligible, variant_words
from kg.types import GazetteerEntry

FACTORY = "kg_gazetteer_ruler"

# ontology class -> the spaCy label the rest of the model understands
SPACY_LABEL = {
    "Person": "PERSON",
    "State": "GPE",
    "City": "GPE",
    "Place": "LOC",
}
_DETERMINERS = {"the", "The"}
# punctuation a transliterated name may hold between its words ("al-Sham", "Kata'ib");
# a comma or a full stop between two words ends the name
_JOINERS = frozenset({"-", "'"})
# the tables, in the order an equal match is preferred
EXACT, FOLDED, VARIANT = 0, 1, 2


def spacy_label(cls_iri: str) -> str:
    return SPACY_LABEL.get(cls_iri.rsplit("#", 1)[-1], "ORG")


def _phrase(words: list[str]) -> tuple[tuple[str, ...], bool] | None:
    """The words a name is matched by, and whether they must match exactly."""
    if words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words:
        return None
    text = "".join(words)
    # acronyms and short names match exactly: "IS" must never match "is"
    exact = text.isupper() or any(c.isdigit() for c in text) or len(text) <= 3
    return tuple(words if exact else (w.lower() for w in words)), exact


def written_as_name(span) -> bool:
    """Whether ``span`` is written as a name: not all lower case ("turkey" is a bird),
    though it may start with a lower-case particle ("al Shabaab", "al-Qaeda")."""
    first = span[0]
    if not first.is_lower:
        return True
    return first.lower_ in lex.NAME_PARTICLES and any(t.is_title or t.is_upper for t in span[1:] if t.is_alpha)


class GazetteerRuler:
    """Marks every gazetteer name in a doc as an entity linked to its gazetteer IRI."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.tables = (
            PhraseMatcher(vocab, attr="ORTH"),
            PhraseMatcher(vocab, attr="LOWER"),
            PhraseMatcher(vocab, attr="ORTH"),
        )
        self.names: list[tuple[str, str]] = []  # match key (its index) -> (spaCy label, gazetteer IRI)
        self._seen: set = set()

    def add_entries(self, entries: Iterable[GazetteerEntry], tokenize) -> None:
        """Every label and alias of ``entries``; ``tokenize(str) -> list[str]``."""
        for entry in entries:
            label = spacy_label(entry.cls)
            for name in (entry.label, *entry.aliases):
                phrase = _phrase([typography(w) for w in tokenize(name)])
                if phrase is None:
                    continue
                words, exact = phrase
                self._add(EXACT if exact else FOLDED, words, label, entry.iri)
                if not exact and variant_eligible(list(words)):
                    self._add(VARIANT, tuple(k for w in words for k in variant_words(w)), label, entry.iri)

    def _add(self, table: int, words: tuple[str, ...], label: str, iri: str) -> None:
        if not words or (table, words, iri) in self._seen:
            return
        self._seen.add((table, words, iri))
        self.tables[table].add(str(len(self.names)), [Doc(self.vocab, words=list(words))])
        self.names.append((label, iri))

    def matches(self, doc: Doc) -> list[Span]:
        """The gazetteer names in ``doc``, longest first, then leftmost, exact before
        folded before variant, then in the order they were added."""
        found = []
        texts = [t.text for t in doc]
        typed = _typography_doc(doc, texts)
        for table in (EXACT, FOLDED):
            for key, start, end in self.tables[table](typed):
                found.append((table, key, start, end))
        variant, where = _variant_doc(doc, texts)
        keyed = {i for i, _, _ in where}
        if variant is not None:
            for key, start, end in self.tables[VARIANT](variant):
                (first, whole_first, _), (last, _, whole_last) = where[start], where[end - 1]
                if not (whole_first and whole_last):
                    continue  # the match starts or ends inside a word: "al-Shuhada" of "Sayyid-al-Shuhada"
                if all(t.i in keyed or typography(t.text) in _JOINERS for t in doc[first : last + 1]):
                    found.append((VARIANT, key, first, last + 1))
        spans = []
        for table, key, start, end in found:
            span = doc[start:end]
            if table != EXACT and not written_as_name(span):
                continue
            order = int(self.vocab.strings[key])
            label, iri = self.names[order]
            spans.append(((-(end - start), start, table, order), Span(doc, start, end, label=label, span_id=iri)))
        spans.sort(key=lambda item: item[0])
        return [span for _, span in spans]

    def __call__(self, doc: Doc) -> Doc:
        # entity_ruler's rule: the longest match wins, then the leftmost, then the first added
        doc.ents = filter_spans(self.matches(doc) + list(doc.ents))
        protect(doc, [e for e in doc.ents if e.ent_id])
        return doc


def _typography_doc(doc: Doc, texts: list[str]) -> Doc:
    """``doc``'s words (``texts``) with plain punctuation, token for token (``doc``
    itself if none changes)."""
    words = [w if w.isspace() else typography(w) for w in texts]
    if words == texts:
        return doc
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def _variant_doc(doc: Doc, texts: list[str]) -> tuple[Doc | None, list[tuple[int, bool, bool]]]:
    """The transliteration keys of ``doc``'s words (``texts``; punctuation left out, a
    hyphenated word gives a key for each part), and for each key the index of its token
    and whether it is the token's first and its last key."""
    keys, where = [], []
    for i, text in enumerate(texts):
        parts = variant_words(text)
        for k, key in enumerate(parts):
            keys.append(key)
            where.append((i, k == 0, k == len(parts) - 1))
    return (Doc(doc.vocab, words=keys) if keys else None), where


@Language.factory(FACTORY)
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler(nlp.vocab)


def add_gazetteer_ruler(nlp, entries: Iterable[GazetteerEntry]) -> None:
    """Put a ruler fed from ``entries`` before the model's parser (else before ``ner``)."""
    where = next(({"before": p} for p in ("parser", "ner") if p in nlp.pipe_names), {})
    ruler = nlp.add_pipe(FACTORY, name="kg_gazetteer", **where)
    tokenizer = nlp.tokenizer
    ruler.add_entries(entries, lambda s: [t.text for t in tokenizer(s)])
