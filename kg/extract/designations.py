"""Designations: who listed, proscribed or sanctioned whom, as what, and whether it was undone.

A designation is read from a verb ("designated X as a Foreign Terrorist Organization",
"Britain proscribed X", "the Treasury sanctioned X", "X was re-listed", "branded X a
terrorist organisation", "added X to the list of ..."), a noun ("the designation of X",
"sanctions on X", "lifted sanctions") or an appositive ("X, a U.S.-designated Foreign
Terrorist Organization"). Its *kind* is what the actor was designated as; well-known
kinds get one label each (:data:`kg.nlp.lexicon.DESIGNATION_KINDS`: "FTO" and "Foreign
Terrorist Organisation" are both "Foreign Terrorist Organization"), others keep the
article's words.

Undoing a designation ("de-listed", "revoked the designation", "lifted sanctions",
"removed X from the list") is a Designation event too, marked as a revocation: its
``kg:designatedAs`` literal is :data:`REVOKED` followed by the kind ("revoked: Foreign
Terrorist Organization", or "revoked" alone when no kind is given), so a query for
designations of a kind never counts a revocation, and no ``kg:designated`` relation is
implied from it (:func:`is_revocation`). A kind phrase names a label, never an actor:
:func:`is_kind_text` tells the mentions that are kinds ("Foreign Terrorist
Organization", "SDGT") so no event takes them as a participant.

Only syntax and word lists: nothing here knows an actor's name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.syntax import conjuncts
from kg.nlp import lexicon as lex

if TYPE_CHECKING:
    from kg.types import EventMention

REVOKED = "revoked"
_REVOKED_PREFIX = REVOKED + ": "
_KIND_KEYS = sorted(lex.DESIGNATION_KINDS, key=len, reverse=True)
_WORD = re.compile(r"[a-z0-9]+")
_DESIGNATE = "designate"


def revocation_label(kind: str | None) -> str:
    """The ``designatedAs`` literal of a revocation.

    >>> revocation_label("Foreign Terrorist Organization")
    'revoked: Foreign Terrorist Organization'
    >>> revocation_label(None)
    'revoked'
    """
    return _REVOKED_PREFIX + kind if kind else REVOKED


def is_revocation(event: EventMention) -> bool:
    """Whether a Designation event undoes a designation (see the module docstring)."""
    return any(
        a.value is not None
        and a.role.endswith("#designatedAs")
        and (a.value == REVOKED or a.value.startswith(_REVOKED_PREFIX))
        for a in event.arguments
    )


def kind_label(text: str) -> str | None:
    """The label a known kind goes by, when ``text`` contains one; else None.

    >>> kind_label("a U.S.-designated Foreign Terrorist Organisation")
    'Foreign Terrorist Organization'
    >>> kind_label("Specially Designated Global Terrorist (SDGT)")
    'Specially Designated Global Terrorist'
    >>> kind_label("a terrorist organisation") is None
    True
    """
    words = " " + " ".join(_WORD.findall(text.lower())) + " "
    for key in _KIND_KEYS:
        if f" {key} " in words:
            return lex.DESIGNATION_KINDS[key]
    return None


def is_kind_text(text: str) -> bool:
    """Whether a name is only a designation kind ("Foreign Terrorist Organization", "SDGT").

    >>> is_kind_text("the Foreign Terrorist Organization"), is_kind_text("Kataib Hezbollah")
    (True, False)
    """
    words = " ".join(w for w in _WORD.findall(text.lower()) if w not in ("the", "a", "an"))
    return words in lex.DESIGNATION_KINDS


def prefix(tok) -> tuple[str, list] | None:
    """ "de-listed", "re-listed": the prefix and its tokens (the tokenizer splits them off)."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        word = doc[i - 2].lower_
        if word in lex.DESIGNATION_PREFIXES:
            return word, [doc[i - 2], doc[i - 1]]
    return None


def revoked_by_word(tok) -> bool:
    """The word itself undoes a designation: "de-listed", "delist", "removed ... from"."""
    p = prefix(tok)
    if p is not None:
        return lex.DESIGNATION_PREFIXES[p[0]]
    lemma = tok.lemma_.lower()
    return lemma == "delist" or lemma == "remove"


def revoked_by_head(tok) -> bool:
    """A designation noun undone by the verb that governs it: "revoked the designation",
    "sanctions were lifted"."""
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in lex.REVOKING_VERBS


def _kind_like(tok) -> bool:
    """A phrase that names a kind: "a Foreign Terrorist Organization", "a terrorist group"."""
    if tok.lemma_.lower() in lex.DESIGNATION_KIND_HEADS or tok.lower_ in lex.DESIGNATION_KIND_HEADS:
        return True
    return kind_label(" ".join(t.text for t in tok.subtree if t.i <= tok.i)) is not None


def _list_phrases(tok) -> list:
    """ "to the list of ...", "from its blacklist": the list nouns of ``tok``'s prepositions."""
    return [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("to", "on", "onto", "from", "off")
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in lex.LIST_NOUNS
    ]


def frame(tok) -> list:
    """The words a designation verb's arguments hang from: the verb, a hyphenated prefix
    the parser made the head ("re - listed"), and a copula it was attached to ("was de-listed")."""
    words = [tok]
    p = prefix(tok)
    if p is not None:
        words += [t for t in p[1] if t not in words]
    for t in list(words):
        if t.dep_ in ("acomp", "xcomp") and (t.head in words or t.head.lemma_ == "be" or p is not None):
            if t.head not in words:
                words.append(t.head)
    return words


def kind_phrases(tok, words=None) -> list:
    """The heads of the phrases saying what ``tok`` designates as.

    "as a Foreign Terrorist Organization", "designated X a terrorist organisation" (a
    second object, or an apposition the parser made of it), "the FTO designation", and
    for "X-designated" the noun it modifies.
    """
    if tok.dep_ == "amod":
        return conjuncts(tok.head) if _kind_like(tok.head) else []
    words = words or frame(tok)
    found = []
    for w in words:
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                found += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "PROPN") and _kind_like(c):
                found.append(c)
            elif c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                if _kind_like(c) and _has_other_object(w, c):
                    found.append(c)  # "designated whom a terrorist organisation"
                found += [a for a in c.children if a.dep_ == "appos" and _kind_like(a)]
            elif c.dep_ in ("compound", "amod", "nmod") and tok.pos_ == "NOUN" and kind_label(c.text) is not None:
                found.append(c)  # "the FTO designation"
    for lst in (p for w in words for p in _list_phrases(w)):
        found += [
            g for c in lst.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    out = []
    for f in found:
        out += [t for t in conjuncts(f) if t not in out]
    return out


def _has_other_object(verb, obj) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i != obj.i for c in verb.children) or any(
        c.dep_ == "nsubjpass" for c in verb.head.children
    )


def kind_span(head):
    """The words of a kind phrase headed by ``head``: its left modifiers, without the
    determiner, the "X-designated" that introduced it, or a conjunction's tail."""
    skip = set()
    for c in head.children:
        if c.dep_ in ("det", "poss", "cc", "conj", "punct") or c.lemma_.lower().endswith(_DESIGNATE):
            skip.update(t.i for t in c.subtree)
    left = sorted(t.i for t in head.subtree if t.i <= head.i and t.i not in skip)
    start = head.i
    while start - 1 in left:
        start -= 1
    end = head.i + 1
    # "(SDGT)" or "Organization (FTO)" right after the head belongs to it
    return head.doc[start:end]


def kind_of(head) -> tuple[str, object]:
    """(label, span) of the kind phrase headed by ``head``."""
    span = kind_span(head)
    return kind_label(span.text) or span.text, span


def designates_here(tok) -> bool | None:
    """Whether a designation word designates in this use; None for other words.

    "designated" inside a kind's own name ("Specially Designated Global Terrorist") or
    before a noun that is no kind ("a designated area") does not; "list", "brand", "add"
    and "remove" need a kind or a list ("listed X as", "added X to the list").
    """
    lemma = tok.lemma_.lower()
    if tok.dep_ == "amod" and tok.lower_.rsplit("-", 1)[-1] == "designated":
        lemma = _DESIGNATE  # "U.S.-designated", which the tokenizer keeps whole
    context_verb = lemma in lex.DESIGNATION_CONTEXT_VERBS
    if lex.EVENT_TRIGGERS.get(lemma) != "Designation" and not context_verb:
        return None
    if tok.pos_ == "PROPN" or (tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME") and tok.ent_iob_ == "I"):
        return False  # a word of a name: "Specially Designated Global Terrorist"
    if tok.dep_ == "amod":
        return _kind_like(tok.head) and lemma == _DESIGNATE
    if lemma == "listing" or context_verb:
        verbish = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or lemma == "listing"
        words = frame(tok)
        listed = any(_list_phrases(w) for w in words)
        if not verbish:
            return False
        if lex.EVENT_TRIGGERS.get(lemma) != "Designation":
            return True if listed else None  # "he added": a statement, not a listing
        return listed or prefix(tok) is not None or bool(kind_phrases(tok, words))
    return True
