"""Acronyms spelled like an auxiliary verb: "IS fighters launched attacks".

The English model reads the capitalised "IS" of "Islamic State (IS)" as the verb "is"
(its word features are the lower-cased form), and the parse of the whole sentence goes
wrong: "IS fighters" becomes a clause, "fighting IS in Kobane" loses its object. A known
actor's acronym (a gazetteer label or alias in capitals) that is spelled like an
auxiliary verb, written in capitals inside running text, keeps its own capitals as its
normal form, which the model's word features read: it is then parsed as the name it is.
The text, the offsets and every other word are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from kg.types import GazetteerEntry

FACTORY = "kg_acronym_norms"
# auxiliaries and copulas the model would take such an acronym for
_AUXILIARY_SPELLINGS = frozenset("is am are was be do did has had can may will".split())


class AcronymNorms:
    """Sets the normal form of a known acronym spelled like an auxiliary to its capitals."""

    def __init__(self) -> None:
        self.acronyms: frozenset[str] = frozenset()

    def add_entries(self, entries: Iterable[GazetteerEntry]) -> None:
        names = {n for e in entries for n in (e.label, *e.aliases)}
        self.acronyms = frozenset(n for n in names if n.isupper() and n.isalpha() and n.lower() in _AUXILIARY_SPELLINGS)

    def __call__(self, doc: Doc) -> Doc:
        if not self.acronyms:
            return doc
        for tok in doc:
            if tok.text in self.acronyms and _in_running_text(doc, tok.i):
                tok.norm_ = tok.text
        return doc


def _in_running_text(doc: Doc, i: int) -> bool:
    """The nearest word before or after the token has small letters: not a line written
    all in capitals ("THIS IS WAR")."""
    before = next((t for t in reversed(doc[:i]) if t.is_alpha), None)
    after = next((t for t in doc[i + 1 :] if t.is_alpha), None)
    return any(t is not None and not t.is_upper for t in (before, after))


@Language.factory(FACTORY)
def make_acronym_norms(nlp: Language, name: str) -> AcronymNorms:
    return AcronymNorms()


def add_acronym_norms(nlp, entries: Iterable[GazetteerEntry]) -> None:
    """Put the component first, before the word features are computed."""
    component = nlp.add_pipe(FACTORY, first=True)
    component.add_entries(entries)
