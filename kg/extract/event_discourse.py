"""When two trigger words are one event: a definite mention and the event it refers back to.

"US forces struck five sites on Sunday. The strikes killed ten": "The strikes" is the
earlier strike. A definite or bare mention without its own time is the most talked-about
earlier event of its family that it can be: never one whose agent it names as its
target or the other way round ("G strikes" after "US forces struck G"), one done by
someone else, somewhere else or to someone else, nor one its own modifiers set apart
("the truck bombing" after a wedding bombing; "the previous attack").

Participants are compared by what they name (a gazetteer link, else the name's words).
Pronouns, nominals and descriptions ("its fighters", "the group", "gunmen") could be
anyone, so they never set two mentions apart.
"""

from __future__ import annotations

from collections import Counter

from kg.extract.event_args import Draft
from kg.extract.triggers import ATTACKS, HARMS
from kg.nlp import lexicon as lex
from kg.types import Mention

_INDEFINITE = {"a", "an", "another", "several", "many", "some", "further", "more", "few"}
_ANAPHORIC_DETS = {"the", "these", "those", "this", "that", "such"}
_MODIFIER_DEPS = ("amod", "compound", "nmod")
# words that may stand for an attack of any kind ("the attack" after "a car bomb exploded")
_GENERIC_FAMILIES = frozenset({"*", "attack", "assault", "explosion"})


def key(m: Mention) -> str | None:
    """What a mention names, for comparing participants; None when it could be anyone."""
    if m.kind in ("pronoun", "nominal", "description"):
        return None
    words = m.text.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return m.link or " ".join(words)


def _keys(mentions) -> set[str]:
    return {k for m in mentions if (k := key(m)) is not None}


def compatible(prior: Draft, d: Draft) -> bool:
    """Whether ``d`` can be the same occurrence as ``prior``, by who, whom, where and when.

    Swapped roles never are; named agents, targets or places that the other names
    differently are not; two different times are not.
    """
    prior_agents, prior_patients, prior_places = _keys(prior.agents), _keys(prior.patients), _keys(prior.places)
    agents, patients, places = _keys(d.agents), _keys(d.patients), _keys(d.places)
    if agents & prior_patients or patients & prior_agents:
        return False  # "G strikes" after "US forces struck G": each side's own attack
    if agents and prior_agents and not agents & prior_agents:
        return False
    # "strikes on Iraq" may be the strikes in Iraq: a place can be either
    if patients and prior_patients and not patients & (prior_patients | prior_places):
        return False
    if places and prior_places and not places & (prior_places | prior_patients):
        return False
    times = {ent.text.lower() for ent, _ in d.times}
    prior_times = {ent.text.lower() for ent, _ in prior.times}
    return not (times and prior_times and not times & prior_times)


def anaphoric(d: Draft) -> bool:
    """A definite or bare plural attack noun without a time of its own ("the strikes")."""
    if d.times or d.cls not in ATTACKS:
        return False
    tok = d.token if d.token.dep_ != "amod" else d.token.head
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "nummod", "quantmod")]
    if any(w in _INDEFINITE or w.isdigit() for w in dets) or any(c.dep_ == "nummod" for c in tok.children):
        return False
    if any(c.lower_ in lex.DISTINCT_EVENT_MODIFIERS for c in tok.children if c.dep_ in (*_MODIFIER_DEPS, "det")):
        return False  # "the previous attack", "another bombing"
    return any(w in _ANAPHORIC_DETS for w in dets) or tok.tag_ in ("NNS", "NNPS")


def _noun(d: Draft):
    return d.token if d.token.dep_ != "amod" else d.token.head


def _same_family(prior: Draft, d: Draft) -> bool:
    return prior.cls in ATTACKS and (d.family == "*" or prior.family == d.family)


def _described_alike(prior: Draft, d: Draft) -> bool:
    """ "the truck bombing" is an earlier bombing only if a truck was said of it.

    Each content word modifying the anaphor ("truck", "wedding") must appear in the
    sentence of the earlier mention; actors and evaluative words ("the deadly attack")
    do not count.
    """
    tok = d.token if d.token.dep_ != "amod" else d.token.head
    words = {t.lemma_.lower() for t in prior.token.sent} | {t.lower_ for t in prior.token.sent}
    for c in tok.children:
        if (
            c.i == d.token.i
            or c.dep_ not in _MODIFIER_DEPS
            or c.ent_type_
            or c.pos_ not in ("NOUN", "ADJ", "PROPN", "VERB")
        ):
            continue
        word = c.lemma_.lower()
        if word in lex.GENERIC_EVENT_MODIFIERS or c.lower_ in lex.GENERIC_EVENT_MODIFIERS:
            continue
        if word in lex.AIR_MODIFIERS and prior.cls == "AirStrike":
            continue
        if word not in words and c.lower_ not in words:
            return False
    return True


def _series_after_one(prior: Draft, d: Draft) -> bool:
    """ "Israeli strikes on Lebanon" after "an Israeli strike in January": many attacks are
    not the one told before (a verb, "Israel struck", has no number and may be either)."""
    noun, before = _noun(d), _noun(prior)
    return noun.tag_ in ("NNS", "NNPS") and before.pos_ == "NOUN" and before.tag_ == "NN"


def aliases(drafts: dict[int, Draft]) -> dict[int, int]:
    """Trigger index -> trigger index of the event it is (itself, unless an anaphor)."""
    salience: Counter[int] = Counter()
    alias: dict[int, int] = {}
    for i in sorted(drafts):
        d = drafts[i]
        alias[i] = i
        if anaphoric(d):
            prior = [
                j
                for j in salience
                if _same_family(drafts[j], d)
                and compatible(drafts[j], d)
                and _described_alike(drafts[j], d)
                and not _series_after_one(drafts[j], d)
            ]
            if prior:
                alias[i] = max(prior, key=lambda j: (salience[j], j))
        salience[alias[i]] += 1
    return alias


def merge_reported_attacks(drafts: dict[int, Draft]) -> None:
    """ "X was targeted in US airstrikes": the verb's arguments join the noun's event.

    Only when the two can be one occurrence (:func:`compatible`); otherwise both stay.
    """
    for i, d in list(drafts.items()):
        if d.cls not in ATTACKS or d.during is None or d.during.i not in drafts:
            continue
        noun = drafts[d.during.i]
        if not compatible(noun, d):
            d.during = None
            continue
        noun.patients += d.patients
        noun.places += d.places
        noun.times += d.times
        if not noun.agents:
            noun.agents += d.agents
            noun.own_agent = noun.own_agent or d.own_agent
        if noun.cls == "Attack" and d.cls == "AirStrike":
            noun.cls = "AirStrike"  # "missiles fired by X", "hit by warplanes"
        del drafts[i]


def link_casualties(drafts: dict[int, Draft]) -> None:
    """A killing or injury its sentence tells as the result of an attack happened during it.

    "The attack killed 100 soldiers and injured many others": the injuries share the
    killing's attack. "X claimed the attack, with officials saying three people were
    wounded": a harm no one is said to have done, after an attack in its sentence,
    happened in the nearest such attack. A harm with its own doer ("X said it killed
    nine fighters") or before any attack stays its own event.
    """
    for i in sorted(drafts):
        d = drafts[i]
        if d.cls not in HARMS or d.during is not None:
            continue
        tok = d.token
        head = drafts.get(tok.head.i) if tok.dep_ == "conj" else None
        if head is not None and head.cls in HARMS and head.during is not None:
            d.during = head.during
            continue
        if d.agents:
            continue
        earlier = [j for j, a in drafts.items() if a.cls in ATTACKS and j < i and a.token.sent == tok.sent]
        if earlier:
            d.during = drafts[max(earlier)].token
        elif _told_again(tok):
            # "An Israeli strike killed a commander. ... Hezbollah said Baz had been
            # killed", "Hezbollah confirmed the death of the commander": a death no one is
            # said to have caused, told after the attack the article opens with, is that
            # attack's (not "X is dead": a state, no story)
            first = min((j for j, a in drafts.items() if a.cls in ATTACKS and j < i), default=None)
            if first is not None:
                d.during = drafts[first].token


def _told_again(tok) -> bool:
    """A harm told as the result of something the sentence does not say: a verb with no
    occasion of its own, or a definite noun whose only complement is who it befell."""
    if tok.pos_ == "VERB":
        return not _occasion_of_its_own(tok)
    if tok.pos_ != "NOUN":
        return False
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children)
    preps = [c.lower_ for c in tok.children if c.dep_ == "prep"]
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)
    return definite and all(p == "of" for p in preps) and not dated


def _occasion_of_its_own(tok) -> bool:
    """The harm's words tell how or when it came about, so it need not be the attack
    told before: "died of his wounds", "killed in a car crash", "a truck bomb ignited a
    tanker and killed 587", "In 2017 ... killed 587"."""
    clause = tok.head if tok.dep_ == "conj" else tok
    if any(c.dep_ in ("prep", "advcl", "agent") for c in tok.children):
        return True
    # in the active voice, what killed is said ("the blast killed"); who died is no cause
    if tok.lemma_.lower() != "die" and any(c.dep_ == "nsubj" for c in (*tok.children, *clause.children)):
        return True
    return any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)


def _group(cls: str) -> str:
    return "Attack" if cls in ATTACKS else cls


def antecedent(drafts: dict[int, Draft], i: int, kept: set[int], weight: dict[int, int]) -> int | None:
    """The event a mention with nothing of its own is a mention of, if any.

    "There was an explosion", "Saturday's attack", "the injuries": the event of its kind
    the article tells most of (``weight``: how many mentions and events point at it),
    the nearest earlier one on a tie, unless the mention's own words set it apart ("the
    previous attack", "the truck bombing" when no truck was said of it). Having no
    participants, it cannot give the event a wrong one.
    """
    d = drafts[i]
    if any(c.lower_ in lex.DISTINCT_EVENT_MODIFIERS for c in _noun(d).children):
        return None
    candidates = [
        j
        for j in kept
        if j in drafts
        and _group(drafts[j].cls) == _group(d.cls)
        and (d.cls != "AirStrike" or drafts[j].cls == "AirStrike")  # "air strikes" are no drone attack
        and (d.family in _GENERIC_FAMILIES or d.family == drafts[j].family)  # "the fighting" is no air strike
        and drafts[j].token.sent != d.token.sent  # two words of one sentence are two events
        and _described_alike(drafts[j], d)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda j: (weight.get(j, 0), j < i, -abs(i - j)))
