"""Pronouns, "the group", short names and "we" in quotes, linked to their antecedents.

No offline coreference package works with spaCy 3.8 (each downloads a model), so this is a
small salience model in the style of Lappin & Leass (1994): each earlier mention of a
candidate adds weight for its grammatical role, halved for every sentence back; the
candidate must fit the pronoun (``he`` a person, ``it`` an organisation or state).
"""

from __future__ import annotations

from collections.abc import Callable, Set

from kg.nlp import lexicon as lex
from kg.ontology import THINGS, local
from kg.types import Mention

RECENCY = 100
# Lappin & Leass weights: sentence recency 100, subject 80, object 50, head-noun
# emphasis; a name inside another noun phrase ("US forces") gets no recency or emphasis,
# one in a clause that describes a noun ("forces backed by Iran") little.
# The one a report was told to ("told Reuters") is no antecedent of "it" or "the group".
ROLE_WEIGHT = {
    "subj": 80,
    "obj": 50,
    "poss": 40,
    "pobj": 30,
    "other": 20,
    "embedded": -50,
    "mod": -RECENCY,
    "addressee": -RECENCY,
}
WINDOW = 2  # sentences back
# the classes (local names) an antecedent may have, by the anaphor's class; the default,
# for "it" and "the group", is kg.ontology.THINGS: an organisation or a state
_STATE_SIDE = frozenset({"State", "Military", "GovernmentBody"})
FITS: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Organization": THINGS,
    "ArmedGroup": frozenset({"ArmedGroup", "Organization"}),
    "GovernmentBody": frozenset({"GovernmentBody", "Military"}),
    "State": frozenset({"State"}),
    "Place": frozenset({"Place", "City"}),
}


def salience(cluster: list[Mention], before: Mention) -> float:
    score = 0.0
    for m in cluster:
        back = before.sent - m.sent
        if m.start >= before.start or back > WINDOW or back < 0:
            continue
        score += (RECENCY + ROLE_WEIGHT.get(m.role, 20)) * 0.5**back
    return score


def best_antecedent(
    anaphor: Mention,
    clusters: dict[int, list[Mention]],
    class_of: Callable[[int], str],
    fits: Set[str],
) -> int | None:
    """The cluster id with the highest salience before ``anaphor`` whose class fits."""
    best, best_key = None, None
    excluded = set(anaphor.not_coref)
    for cid, members in clusters.items():
        if class_of(cid) not in fits:
            continue
        if any(m.id in excluded for m in members):
            continue
        if any(m.id == anaphor.id for m in members):
            continue
        score = salience(members, anaphor)
        if score <= 0:
            continue
        last = max((m.start for m in members if m.start < anaphor.start and m.role != "mod"), default=-1)
        key = (score, last)
        if best_key is None or key > best_key:
            best, best_key = cid, key
    return best


def fits_for(anaphor: Mention) -> frozenset[str]:
    """The local class names ``anaphor``'s antecedent may have ("he": Person; "the group"
    an organisation, never a state or a state's military or government: "it" may be any)."""
    fits = FITS.get(local(anaphor.cls), THINGS)
    if anaphor.kind != "nominal" or local(anaphor.cls) == "State":
        return fits
    if anaphor.text.lower().split()[-1] in lex.NON_STATE_GROUP_NOUNS:
        return fits - _STATE_SIDE  # "the group", "the movement": no state, nor a state's army
    return fits - {"State"}
