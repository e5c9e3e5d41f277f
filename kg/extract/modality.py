"""How the text presents each fact: asserted, claimed, hedged, denied; and questions.

A fact is read from the clause that carries it (an event's trigger, the words joining a
relation's two names) upwards through the parse:

* inside the complement of a speech or claim verb ("X said ...", "..., X said",
  "X claimed responsibility for ..."), of an accusation ("X accused Y of ...", "X blamed
  Y for ..."), of an attribution ("Y was identified by X as ...") or under "according
  to X", it is **claimed**, by the verb's subject (or its "by" agent) or the object of
  "according to";
* inside the complement of a denial ("X denied that ...", "X denied involvement in
  ...", "X rejected claims that ...") it is **denied**, by the denier;
* under a hedge ("reportedly", "allegedly", "may have", "suspected", "likely", "reports
  suggest", "is believed to") it is **hedged**, and a hedge wins over a claim;
* otherwise it is **asserted**: the outlet says it in its own voice.

A sentence in question form ("Which groups did France strike?") asserts nothing: its
facts are dropped (:func:`kg.extract.triggers.in_question`). The outlet's own descriptive modifiers stay
asserted even inside a reported sentence ("Iran-backed militia X ..., Y said"), so
relations read off a noun phrase (compounds, appositions, role nouns) are not passed
through here; the extractor only asks about verb frames. What the text says did not
happen is not extracted at all (see :func:`kg.extract.triggers.negated`).

Performative acts keep their own voice: a designation announced by the body that makes
it is asserted ("The State Department said it designated X"), and so are speech-act
events themselves (a statement, a threat, a condemnation is reported as made).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.syntax import Syntax
from kg.nlp import lexicon as lex

ASSERTED, CLAIMED, HEDGED, DENIED = "asserted", "claimed", "hedged", "denied"

# how a verb's child carries what the verb reports: "said (that) ...", "..., X said",
# "claimed the bombing"; adjuncts ("said after the strike") and coordinated verbs do not
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
# how far up the parse a fact's clause may be reported: "X said that Y claimed that ..."
_MAX_STEPS = 12
# a clause that describes a noun ("X, a commander killed in a strike", "the base, which
# was hit") is the outlet's description of it, even inside a reported sentence
_DESCRIPTIVE_DEPS = frozenset({"acl", "relcl", "appos"})
_FINITE = frozenset({"VBZ", "VBD", "VBP"})


@dataclass(frozen=True)
class Modality:
    """The status of a fact and the mention id of the party behind it (None: unnamed or the outlet)."""

    status: str = ASSERTED
    source: int | None = None


def modality(syn: Syntax, anchor, *, performative: bool = False) -> Modality:
    """The status of the fact whose clause is headed by token ``anchor``.

    ``performative``: the fact is an act done by saying it (a designation, a statement,
    a condemnation, a threat), so a speech verb or "according to" above it does not make
    it a claim: the outlet reports that the act was made.
    """
    if _hedged(anchor):
        return Modality(HEDGED)
    found = _attributed(syn, anchor) or Modality()
    child, tok = anchor, anchor
    own_clause = False  # passed a finite verb joined by "and": "wants to X and is responsible for Y"
    for _ in range(_MAX_STEPS):
        if tok is not anchor and child.dep_ in _DESCRIPTIVE_DEPS:
            break  # the fact is part of the outlet's description of a noun
        own_clause = own_clause or (child.dep_ == "conj" and child.tag_ in _FINITE)
        if found.status == ASSERTED and not performative and (according := _according_to(syn, tok)) is not None:
            found = according
        lemma = tok.lemma_.lower()
        if tok is not child and tok.pos_ in ("VERB", "AUX") and _reports(child) and not _negated(tok):
            if lemma in lex.DENIAL_VERBS:
                return Modality(DENIED, _subject(syn, tok))
            if lemma in lex.HEDGE_VERBS or (lemma in lex.INTENT_VERBS and child.dep_ == "xcomp" and not own_clause):
                return Modality(HEDGED)  # "reports suggest X did it"; "X intends to do it"
            if lemma in lex.SPEECH_VERBS and not performative and found.status == ASSERTED:
                found = Modality(CLAIMED, _subject(syn, tok))
        charger = _charger(tok, child)
        if charger is not None and not _negated(charger) and not performative and found.status == ASSERTED:
            found = Modality(CLAIMED, _subject(syn, charger))
        if tok.head is tok:
            break
        child, tok = tok, tok.head
    return found


def _attributed(syn: Syntax, verb) -> Modality | None:
    """A description attributed by its verb ("X was identified by the sources as G's
    commander", "police described X as a member of G"): claimed by whoever identifies."""
    if verb.lemma_.lower() not in lex.ATTRIBUTING_AS_VERBS or not any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
    ):
        return None
    for c in verb.children:
        if c.dep_ == "agent":  # the passive's "by X"
            by = [p for p in c.children if p.dep_ == "pobj"]
            found = [m for p in by for m in (syn.referents(p) or [syn.mention(p)]) if m is not None]
            return Modality(CLAIMED, found[0].id if found else None)
    return Modality(CLAIMED, _subject(syn, verb) if not any(c.dep_ == "nsubjpass" for c in verb.children) else None)


def _charger(tok, child):
    """The verb of accusing whose charge ``child`` is ("accused Y *of* ...", "blamed Y *for*
    the attack", also when the parse hangs the charge on Y), or None: the accuser's claim."""
    if child.dep_ != "prep" or child.lower_ not in ("of", "for"):
        return None
    verb = tok.head if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") else tok
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.ACCUSING_VERBS else None


def _negated(verb) -> bool:
    """ "did not (immediately) claim", "has yet to claim": no one makes the claim."""
    return any(c.dep_ == "neg" for c in verb.children)


def _reports(child) -> bool:
    """Whether ``child`` is the part of its head that carries what the head reports.

    A second subject after a verb that already has one before it ("the governor says an
    artillery strike wounded ...", parsed with "strike" as a subject of "says") is the
    reported clause's subject.
    """
    if child.dep_ in _COMPLEMENT_DEPS:
        return True
    if child.dep_ == "prep" and child.lower_ in ("in", "during"):
        # "the agency reported one dead in an Israeli strike": the strike is what it reported
        return any(p.dep_ == "pobj" and p.lemma_.lower() in lex.EVENT_TRIGGERS for p in child.children)
    head = child.head
    return child.dep_ == "nsubj" and child.i > head.i and any(c.dep_ == "nsubj" and c.i < head.i for c in head.children)


def _hedged(anchor) -> bool:
    """A hedge on the fact's own clause: an adverb ("reportedly"), a modal ("may have";
    "would hit", "will strike": not done, or not yet), a hedging adjective on the event
    noun ("the suspected attack", "an alleged strike") or on what it is said to be ("X
    was the likely cause")."""
    for c in anchor.children:
        low = c.lower_
        if c.dep_ == "advmod" and low in lex.HEDGE_ADVERBS:
            return True
        if c.dep_ == "aux" and (low in lex.HEDGE_MODALS or low in lex.FUTURE_MODALS):
            return True
        if c.dep_ == "amod" and low in lex.HEDGE_ADJECTIVES:
            return True
    # "a drone was the likely cause of the fire": the hedge sits on what the fact is said to be
    if anchor.dep_ == "nsubj" and anchor.head.lemma_ == "be":
        attrs = [c for c in anchor.head.children if c.dep_ == "attr"]
        return any(c.dep_ == "amod" and c.lower_ in lex.HEDGE_ADJECTIVES for a in attrs for c in a.children)
    return False


def _subject(syn: Syntax, verb) -> int | None:
    """The mention id of who does ``verb`` ("X said", "said X", "X told Reuters")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            found = syn.referents(c)
            if found:
                return found[0].id
            m = syn.mention(c)
            return m.id if m is not None else None
    return None


def _according_to(syn: Syntax, tok) -> Modality | None:
    """A claim by X when "according to X" is attached to ``tok`` or to a verb coordinated
    with it ("killed one and wounded four, according to officials"), else None."""
    for c in (c for t in (tok, *(k for k in tok.children if k.dep_ == "conj")) for c in t.children):
        if c.dep_ == "prep" and c.lower_ == "according":
            for pobj in (p for to in c.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"):
                found = syn.referents(pobj) or [m for m in [syn.mention(pobj)] if m is not None]
                return Modality(CLAIMED, found[0].id if found else None)
    return None
