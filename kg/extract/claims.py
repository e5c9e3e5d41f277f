"""Claims of responsibility: "X claimed the bombing", "X claimed responsibility for the attack".

The claimant becomes the event's agent only on its own word, so the event records how it
is known: ``status="claimed"`` and ``source`` the claimant's mention (``"denied"`` for
"X denied responsibility for ..."). See :data:`kg.nlp.lexicon.RESPONSIBILITY_VERBS`.
A claim that did not happen ("nobody claimed the attack", "X has not claimed it", "X has
yet to claim it") names no one.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.syntax import Syntax
from kg.extract.triggers import ATTACKS, HARMS, negated, trigger_class
from kg.nlp import lexicon as lex
from kg.types import Mention


@dataclass(frozen=True)
class Claim:
    """``claimants`` say they did (or did not do) the event whose trigger is ``event``."""

    event: object  # the trigger token
    claimants: tuple[Mention, ...]
    status: str  # "claimed" or "denied"


def find_claims(syn: Syntax, skip=lambda tok: False) -> list[Claim]:
    """Every claim of responsibility for an attack, killing or injury in the Doc.

    ``skip(tok)`` leaves out verbs (e.g. those of questions).
    """
    found = []
    for verb in syn.doc:
        status = lex.RESPONSIBILITY_VERBS.get(verb.lemma_.lower())
        if status is None or verb.pos_ not in ("VERB", "AUX") or skip(verb) or _unfulfilled(verb):
            continue
        claimants = tuple(m for c in verb.children if c.dep_ == "nsubj" for m in _claimants(syn, c))
        if not claimants:
            continue
        for event in _claimed_events(verb, direct=status == "claimed"):
            found.append(Claim(event, claimants, status))
    return found


def _unfulfilled(verb) -> bool:
    """ "did not claim", "nobody claimed", "has yet to claim"."""
    if negated(verb):
        return True
    head = verb.head if verb.dep_ == "xcomp" else verb
    adverbs = [t for c in (*head.children, *verb.children) if c.dep_ in ("advmod", "neg") for t in c.subtree]
    return any(t.lower_ in ("yet", "never") for t in adverbs)  # "almost never publicly claims"


def _claimants(syn: Syntax, subj) -> list[Mention]:
    found = syn.referents(subj)
    if not found and (m := syn.mention(subj)) is not None:
        found = [m]  # "it", "the group"
    return [m for m in found if m.kind != "description"]


def _claimed_events(verb, *, direct: bool) -> list:
    """ "claimed the bombing"; "claimed responsibility for the attack" (the "for" on either word).

    Only a claim takes its event as a direct object: "X denied the attack" may deny that
    there was one, "X denied responsibility for the attack" denies doing it.
    """
    out = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    holders = []
    for obj in objects:
        if _is_event(obj) and direct:
            out.append(obj)
        elif obj.lemma_.lower() in lex.RESPONSIBILITY_NOUNS:
            holders += [obj, verb]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "over", "of"):
                out += [p for p in prep.children if p.dep_ == "pobj" and _is_event(p)]
    return out


def _is_event(tok) -> bool:
    return trigger_class(tok) in (*ATTACKS, *HARMS)
