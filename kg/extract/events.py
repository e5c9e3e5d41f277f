"""Events from trigger words and their dependency arguments.

A trigger (``strike``, ``killed``, ``condemned``...) becomes an event; its agent,
target or victims, places and time come from the parse. Three discourse steps follow:
a verb and the attack noun it reports ("targeted in US airstrikes") are one event; a
definite or bare mention without its own time ("the strikes") is the most talked-about
earlier event of its family; a killing "in a strike" happened during that strike.

Attacks, killings and injuries are kept even when no named actor takes part in them
("a bomb exploded"), and their participants need not be names: "two police officers",
"the bomber", "scores more" become ``description`` mentions (see
:meth:`kg.extract.mentions.MentionFinder.description`) that fill the event's roles but
are never entities. Other events (statements, condemnations, designations, threats)
still need a named participant.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kg.extract.syntax import Syntax, sentence_span
from kg.extract.timex import resolve_time
from kg.extract.triggers import (
    ATTACKS,
    HARMS,
    has_device_subject,
    is_bare_participle,
    is_group,
    is_person,
    is_predicative,
    trigger_class,
    trigger_lemma,
)
from kg.nlp import lexicon as lex
from kg.ontology import ACTORS, ONT, PLACES, local
from kg.types import Argument, EventMention, Mention, Span

EXTRACTOR = "dependency-patterns"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PATIENT_ROLE = {
    "Attack": "target",
    "AirStrike": "target",
    "Killing": "victim",
    "Injury": "victim",
    "Designation": "target",
    "Condemnation": "target",
    "Threat": "target",
}
_STRIKE_FAMILY = {"strike", "airstrike", "air-strike", "raid", "bombing", "bomb", "bombardment", "shelling"}
_INDEFINITE = {"a", "an", "another", "several", "many", "some", "further", "more", "few"}
_ANAPHORIC_DETS = {"the", "these", "those", "this", "that", "such"}
_ACCUSE = {"accuse", "blame", "charge", "suspect"}
# events kept without a named participant: they happened whoever took part
_KEPT_WITHOUT_NAMES = frozenset({*ATTACKS, *HARMS})
_EXPLOSION_FAMILY = {"explosion", "explode", "blast", "detonation", "detonate"}
_RELATIVE = {"who", "whom", "that", "which"}
_NOT_PARTICIPANTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_PLACE_PREPS = {"in", "at", "near", "on", "outside", "inside", "along"}


@dataclass
class Draft:
    token: object
    cls: str
    agents: list[Mention] = field(default_factory=list)
    patients: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    times: list[tuple[object, str]] = field(default_factory=list)  # (ent, preposition)
    target_event: object = None  # token of an event this one is about (condemned the strikes)
    during: object = None  # token of an attack this killing happened in
    designated_as: object = None  # token heading "as a foreign terrorist organisation"
    own_agent: bool = False
    figurative: bool = False  # a harm done to a thing: "hurt the economy", "killed the bill"

    @property
    def family(self) -> str:
        lemma = trigger_lemma(self.token)
        if self.token.pos_ in ("ADJ",) or self.token.dep_ == "amod":
            return "*"
        if lemma in _EXPLOSION_FAMILY:
            return "explosion"
        return "strike" if lemma in _STRIKE_FAMILY else lemma


class EventFinder:
    def __init__(self, syn: Syntax, published):
        self.syn = syn
        self.published = published
        self.drafts: dict[int, Draft] = {}

    def find(self) -> list[EventMention]:
        for tok in self.syn.doc:
            cls = trigger_class(tok)
            if cls is not None:
                self.drafts[tok.i] = self._draft(tok, cls)
        self._merge_reported_attacks()
        return self._finish()

    # -- arguments of one trigger ---------------------------------------------------
    def _draft(self, tok, cls: str) -> Draft:
        d = Draft(tok, cls)
        is_verb = tok.tag_.startswith("VB") and tok.dep_ != "amod" and not is_predicative(tok)
        if is_verb:
            self._verb_arguments(d)
        elif is_predicative(tok):
            self._predicative_arguments(d)
        elif tok.dep_ == "amod":  # "the targeted facilities", "wounded soldiers"
            noun = tok.head
            d.patients += self._participants(noun, d, "patient", owners=True)
            if noun.dep_ in ("nsubj", "nsubjpass"):
                d.places = self.syn.places(noun.head)
        else:
            self._noun_arguments(d)
        if cls in _KEPT_WITHOUT_NAMES and not d.places:
            d.places = self._place_descriptions(d)
        return d

    def _verb_arguments(self, d: Draft) -> None:
        syn, tok, cls = self.syn, d.token, d.cls
        lemma = trigger_lemma(tok)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or is_bare_participle(tok)
        harmed_subject = lemma in lex.PATIENT_SUBJECT_VERBS  # "three people died"
        device_subject = has_device_subject(tok)  # "the bomb exploded": what, not who
        for c in tok.children:
            if c.dep_ == "nsubj" and not passive:
                if c.lower_ in ("that", "which") and tok.dep_ == "relcl" and trigger_class(tok.head):
                    d.during = tok.head  # "an attack that killed ..."
                elif trigger_class(c) in ATTACKS and cls in (*HARMS, *ATTACKS):
                    d.during = c  # "the explosion killed three", "the blast targeted a bakery"
                elif harmed_subject:
                    d.patients += self._participants(c, d, "patient")
                elif device_subject:
                    continue
                else:
                    d.agents += self._participants(c, d, "agent")
            elif c.dep_ == "dobj" and not passive:
                if trigger_class(c) is not None:
                    d.target_event = c  # "condemned the strikes": the event, not its agent
                elif lemma in lex.DEVICE_OBJECT_VERBS or c.lower_.endswith(("self", "selves")):
                    continue  # "detonated a bomb", "blew himself up": not a target
                else:
                    d.patients += self._object(c, d)
            elif c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and passive):
                if lemma in lex.DEVICE_OBJECT_VERBS and cls in ATTACKS:
                    continue  # "the bombs were detonated"
                d.patients += self._object(c, d)
            elif c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if trigger_class(p) in ATTACKS and cls in HARMS:
                        d.during = p  # "killed by an explosion"
                    else:
                        d.agents += self._participants(p, d, "agent", owners=True)
            elif c.dep_ == "prep" and c.lower_ in ("alongside", "with") and cls in HARMS:
                d.patients += [m for p in c.children if p.dep_ == "pobj" for m in self._participants(p, d, "patient")]
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and cls in ATTACKS:
                # "fired at the base" is aimed at it; "attacked at the station" is where, not whom
                where = c.lower_ == "at" and lemma not in lex.AIMED_VERBS
                d.patients += [
                    m
                    for p in c.children
                    if p.dep_ == "pobj" and not (where and self._place(p))
                    for m in self._participants(p, d, "patient", owners=True)
                ]
            elif c.dep_ == "prep" and c.lower_ == "as" and cls == "Designation":
                d.designated_as = next((p for p in c.children if p.dep_ == "pobj"), None)
            elif c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                for p in c.children:
                    if p.dep_ == "pobj" and trigger_class(p) in ATTACKS:
                        d.during = p
            elif c.dep_ == "advcl" and cls in HARMS and trigger_class(c) in ATTACKS:
                d.during = c  # "two soldiers were wounded when a bomb exploded"
        if cls in HARMS and d.during is None and tok.dep_ in ("advcl", "conj") and trigger_class(tok.head) in ATTACKS:
            d.during = tok.head  # "a device exploded, wounding 13 people"
        if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and "nsubj" not in {c.dep_ for c in tok.children}:
            if trigger_class(tok.head) in ATTACKS and cls in ATTACKS:
                d.during = tok.head  # "bombings targeted at the military": one event
            else:
                # a reduced relative clause: "six soldiers killed in the attack"
                d.patients += self._participants(tok.head, d, "patient", owners=True)
        if not d.patients and not passive and tok.dep_ == "conj" and tok.tag_ == "VBN":
            # "a man was shot and killed": the passive subject is shared
            d.patients += [
                m
                for c in tok.head.children
                if c.dep_ == "nsubjpass"
                for m in self._participants(c, d, "patient", owners=True)
            ]
        if not d.agents and not harmed_subject and not passive and not device_subject:
            d.agents += self._inherited_subject(tok, d)
        d.own_agent = bool(d.agents)
        d.places = syn.places(tok)
        if (
            tok.dep_ == "relcl"
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
            and self._place(tok.head)
        ):
            d.places += self._place_mentions(tok.head)  # "the station, where six people were killed"
        d.times = syn.time_expressions(tok)
        if d.designated_as is not None:
            d.times += syn.time_expressions(d.designated_as)

    def _object(self, tok, d: Draft) -> list[Mention]:
        """Who a verb acts on; a harm to no one ("hurt the economy") marks ``d`` figurative."""
        found = self._participants(tok, d, "patient", owners=True)
        if not found and d.cls in HARMS and tok.pos_ == "NOUN":
            d.figurative = True
        return found

    def _predicative_arguments(self, d: Draft) -> None:
        """ "nine people were dead", "a man was shot dead by police": the one it is said of."""
        syn, head = self.syn, d.token.head
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and head.pos_ == "VERB"):
                d.patients += self._participants(c, d, "patient")
            elif c.dep_ == "agent":
                d.agents += [
                    m for p in c.children if p.dep_ == "pobj" for m in self._participants(p, d, "agent", owners=True)
                ]
        if trigger_class(head) in ATTACKS:
            d.during = head  # "shot dead": killed in the shooting
        d.places = syn.places(head) + syn.places(d.token)
        d.times = syn.time_expressions(head)

    def _noun_arguments(self, d: Draft) -> None:
        syn, tok, cls = self.syn, d.token, d.cls
        for c in tok.children:
            if c.dep_ == "poss" and cls in HARMS:
                d.patients += self._participants(c, d, "patient")  # "his death"
            elif c.dep_ in ("compound", "amod", "nmod", "poss") and c.lower_ not in lex.AIR_MODIFIERS:
                m = syn.mention(c)
                if m is not None and local(m.cls) in ACTORS and m.kind != "demonym":
                    d.agents.append(m)
            elif c.dep_ == "prep" and c.lower_ == "by":
                d.agents += [m for p in c.children if p.dep_ == "pobj" for m in self._participants(p, d, "agent")]
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if c.lower_ == "of" and cls in ATTACKS and self._place(p, areas_only=True):
                        d.places += self._place_mentions(p)  # "the bombing of the city": where
                        continue
                    d.patients += self._participants(p, d, "patient", owners=True)
        d.own_agent = bool(d.agents)
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.LIGHT_VERBS:
            if tok.dep_ == "dobj":
                subj = [m for c in head.children if c.dep_ == "nsubj" for m in self._participants(c, d, "agent")]
                d.agents += subj or self._inherited_subject(head, d)
            else:
                d.agents += [
                    m
                    for c in head.children
                    if c.dep_ == "agent"
                    for p in c.children
                    if p.dep_ == "pobj"
                    for m in self._participants(p, d, "agent", owners=True)
                ]
            d.own_agent = bool(d.agents)
            d.times += syn.time_expressions(head)
            d.places += syn.places(head)
        elif tok.dep_ == "nsubj" and head.lemma_.lower() in lex.OCCURRENCE_VERBS:
            # "the worst explosion was at the bus station"
            d.places += syn.places(head) or [
                m
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
                for p in prep.children
                if p.dep_ == "pobj" and self._place(p)
                for m in self._place_mentions(p)
            ]
            d.times += syn.time_expressions(head)
        elif tok.dep_ == "dobj" and head.lemma_.lower() in lex.EXPERIENCER_VERBS:
            # "13 people suffered injuries", "he survived an attack"
            d.patients += [
                m for c in head.children if c.dep_ == "nsubj" for m in self._participants(c, d, "patient", owners=True)
            ]
            d.times += syn.time_expressions(head)
            d.places += syn.places(head)
        d.places += syn.places(tok)
        d.times += syn.time_expressions(tok)

    def _participants(self, tok, d: Draft, role: str, *, owners: bool = False) -> list[Mention]:
        """Who the noun phrase headed by ``tok`` stands for as ``d``'s agent or patient.

        Names first (with their coordination, apposition and "including" lists). A
        phrase with no name is, for attacks, killings and injuries, a description
        ("two police officers"); for other events, or when ``owners`` is set and the
        phrase is not about people ("US bases"), the actors that own it.
        """
        syn = self.syn
        relative = _antecedent(tok) is not tok
        if relative:  # "Jack Ruby, who killed ...": Ruby alone, not what Ruby is listed with
            tok = _antecedent(tok)
            own = syn.mention(tok)
            names = [own] if own is not None else []
        else:
            names = syn.referents(tok)
        if d.cls not in _KEPT_WITHOUT_NAMES:
            return names or (syn.owners(tok) if owners else [])
        found = list(names)
        for t in [tok] if relative else syn.conjuncts(tok):
            m = syn.mention(t)
            if m is not None:
                if m.kind == "demonym" and _describable(t, role, d.cls):
                    found.append(syn.finder.description(t, _description_class(t)))  # "Iraqis"
                continue
            if (
                any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in ("including", "such")) for c in t.children)
                and names
            ):
                continue  # the name it is followed by stands for it
            if owners and (role == "agent" or d.cls in ATTACKS or not _describable(t, role, d.cls)):
                own = syn.owners(t)  # "attacks on US bases": the US is attacked
                if own:
                    found += own
                    continue
            if _describable(t, role, d.cls):
                # victims are described even when owned: "NATO service members were killed"
                found.append(syn.finder.description(t, _description_class(t)))
        unique = {m.id: m for m in found}
        return list(unique.values())

    def _place(self, tok, *, areas_only: bool = False) -> bool:
        """A named place, "the city" said of one, or a noun for a place ("a busy street").

        With ``areas_only``, buildings do not count: "the bombing of the city" happened in
        the city, "the bombing of the building" was aimed at the building.
        """
        m = self.syn.mention(tok)
        if m is not None:
            return local(m.cls) in PLACES and m.kind in ("name", "nominal")
        nouns = lex.TYPE_NOUNS["Place"] if areas_only else lex.PLACE_NOUNS
        return tok.lemma_.lower() in nouns and tok.ent_type_ not in _NOT_PARTICIPANTS

    def _place_mentions(self, tok) -> list[Mention]:
        m = self.syn.mention(tok)
        if m is not None:
            return [m] if self._place(tok) else []
        named = self.syn.places(tok)  # "the city of Lyon": Lyon
        return named or ([self.syn.finder.description(tok, ONT + "Place")] if self._place(tok) else [])

    def _place_descriptions(self, d: Draft) -> list[Mention]:
        """ "on a busy street", "at the station": where it happened, when no place is named."""
        anchors = [d.token]
        if d.token.dep_ == "amod" or is_predicative(d.token):
            anchors.append(d.token.head)
        found = []
        for anchor in anchors:
            aimed = trigger_lemma(anchor) in lex.AIMED_VERBS
            for prep in anchor.children:
                if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS and not (aimed and prep.lower_ == "at"):
                    for p in prep.children:
                        if p.dep_ == "pobj" and self._place(p):
                            found += self._place_mentions(p)
        return found

    def _inherited_subject(self, verb, d: Draft) -> list[Mention]:
        """The subject a verb shares: "X said ... and threatened"; "accused X of carrying out";
        "X launched attacks, killing 130 people"."""
        syn = self.syn
        v = verb
        for _ in range(4):
            participle = v.dep_ == "advcl" and v.tag_ == "VBG" and d.cls in HARMS
            if (v.dep_ in ("conj", "xcomp") or participle) and v.head is not v:
                v = v.head
                if has_device_subject(v):
                    return []  # "the bomb exploded, killing two": no one to blame in this clause
                subj = [
                    m
                    for c in v.children
                    if c.dep_ in ("nsubj",) and trigger_class(c) is None
                    for m in self._participants(c, d, "agent")
                ]
                if subj:
                    return subj
                continue
            if v.dep_ == "pcomp" and v.head.head.lemma_.lower() in _ACCUSE:
                return [m for c in v.head.head.children if c.dep_ == "dobj" for m in syn.referents(c)]
            break
        return []

    # -- discourse ----------------------------------------------------------------------
    def _merge_reported_attacks(self) -> None:
        """ "X was targeted in US airstrikes": the verb's arguments join the noun's event."""
        for i, d in list(self.drafts.items()):
            if d.cls not in ("Attack", "AirStrike") or d.during is None or d.during.i not in self.drafts:
                continue
            noun = self.drafts[d.during.i]
            noun.patients += d.patients
            noun.places += d.places
            noun.times += d.times
            if not noun.agents:
                noun.agents += d.agents
            del self.drafts[i]

    def _finish(self) -> list[EventMention]:
        for d in self.drafts.values():
            # "a bomb exploded, wounding 13 people on a busy street": the street is the blast's too
            strike = self.drafts.get(d.during.i) if d.during is not None and d.cls in HARMS else None
            if strike is not None and not strike.places and d.token.sent == strike.token.sent:
                strike.places = list(d.places)
        salience: Counter[int] = Counter()
        alias: dict[int, int] = {}  # trigger index -> trigger index of the event it is
        for i in sorted(self.drafts):
            d = self.drafts[i]
            alias[i] = i
            if d.cls in ("Attack", "AirStrike") and self._anaphoric(d):
                prior = [j for j in salience if self._same_family(self.drafts[j], d)]
                if prior:
                    best = max(prior, key=lambda j: (salience[j], -j))
                    alias[i] = best
            salience[alias[i]] += 1
        events = []
        for i in sorted(self.drafts):
            ev = self._event(self.drafts[i], alias)
            if ev is not None:
                events.append(ev)
        return events

    def _anaphoric(self, d: Draft) -> bool:
        if d.times:
            return False
        tok = d.token if d.token.dep_ != "amod" else d.token.head
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "nummod", "quantmod")]
        if any(w in _INDEFINITE or w.isdigit() for w in dets) or any(c.dep_ == "nummod" for c in tok.children):
            return False
        definite = any(w in _ANAPHORIC_DETS for w in dets) or tok.tag_ in ("NNS", "NNPS")
        return definite and tok.pos_ in ("NOUN", "PROPN")

    def _same_family(self, prior: Draft, d: Draft) -> bool:
        if prior.cls not in ("Attack", "AirStrike"):
            return False
        return d.family == "*" or prior.family == d.family

    def _event(self, d: Draft, alias: dict[int, int]) -> EventMention | None:
        syn = self.syn
        cls = d.cls
        patient_role = PATIENT_ROLE.get(cls)
        args: list[Argument] = []
        seen = set()

        def add(role: str, m: Mention) -> None:
            if (role, m.id) not in seen and m.kind != "demonym":
                seen.add((role, m.id))
                args.append(Argument(ONT + role, mention=m.id))

        if d.during is not None and d.during.i in self.drafts and cls in ("Killing", "Injury"):
            # "killed in a US drone strike in Baghdad": the strike's agent, place and time
            strike = self.drafts[d.during.i]
            agents = d.agents or strike.agents
            places = d.places or strike.places
            times = d.times or strike.times
        else:
            agents, places, times = d.agents, d.places, d.times
        for m in agents:
            add("agent", m)
        if patient_role:
            for m in d.patients:
                if not any(a.mention == m.id and a.role == ONT + "agent" for a in args):
                    add(patient_role, m)
        for m in places:
            add("location", m)
        entity_args = len(args)
        if d.target_event is not None and d.target_event.i in alias:
            args.append(Argument(ONT + "target", event=_local_id(alias[d.target_event.i])))
            entity_args += 1
        if d.during is not None and d.during.i in alias and cls in ("Killing", "Injury"):
            args.append(Argument(ONT + "during", event=_local_id(alias[d.during.i])))
        for ent, prep in times[:1]:
            resolved = resolve_time(prep + ent.text, self.published)
            if resolved is not None:
                args.append(
                    Argument(
                        ONT + "time",
                        value=resolved[0],
                        datatype=resolved[1],
                        span=Span(ent.start_char, ent.end_char, ent.text),
                    )
                )
        if d.designated_as is not None:
            words = [t for t in d.designated_as.subtree if t.dep_ != "det" and t.i <= d.designated_as.i]
            if words:
                span = syn.doc[words[0].i : d.designated_as.i + 1]
                args.append(
                    Argument(
                        ONT + "designatedAs",
                        value=span.text,
                        datatype=XSD_STRING,
                        span=Span(span.start_char, span.end_char, span.text),
                    )
                )
        if entity_args == 0 and cls not in _KEPT_WITHOUT_NAMES:
            return None
        if d.figurative and not d.patients:
            return None
        if cls == "Statement" and not agents:
            return None
        tok = d.token
        confidence = 0.75 if alias[tok.i] == tok.i else 0.6
        if not args:
            confidence = 0.5  # nobody and nowhere: the word alone says it happened
        return EventMention(
            id=_local_id(alias[tok.i]),
            cls=ONT + (self.drafts[alias[tok.i]].cls if alias[tok.i] != tok.i else cls),
            trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
            arguments=tuple(args),
            sentence=sentence_span(tok),
            confidence=confidence,
            extractor=EXTRACTOR,
        )


def _antecedent(tok):
    """The noun a relative pronoun stands for ("the men who died": men), else ``tok``."""
    if tok.lower_ in _RELATIVE and tok.tag_ in ("WP", "WDT", "WP$") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _describable(tok, role: str, cls: str) -> bool:
    """Whether a phrase without a name can fill ``role`` of a ``cls`` event as a description.

    Agents must be people or armed bodies ("the bomber", "troops"; not "the bomb"); the
    harmed may be any people, numbers included ("another 15", "scores"); an attack's
    target may be a thing too ("a bakery", "the convoy"). Never a time or an event.
    """
    if tok.ent_type_ in _NOT_PARTICIPANTS or trigger_class(tok) is not None or not any(ch.isalnum() for ch in tok.text):
        return False
    lower = tok.lower_
    if tok.pos_ == "PRON":
        return (
            lower in lex.PERSON_PRONOUNS
            and not lower.endswith(("self", "selves"))
            or (role == "patient" and cls in ATTACKS and lower == "it")
        )
    if role == "agent":
        return is_person(tok) or is_group(tok)
    if cls in HARMS:  # people, or a count of them ("nine lives", "another 15", "the wounded")
        return (
            is_person(tok)
            or is_group(tok)
            or tok.pos_ in ("NUM", "PROPN")
            or any(c.dep_ == "nummod" for c in tok.children)
            or (tok.pos_ == "ADJ" and tok.dep_ != "amod")
        )
    return tok.pos_ in ("NOUN", "PROPN", "NUM")


def _description_class(tok) -> str:
    """The class a description reads as: people, an armed body, a place, else a person."""
    lemma = tok.lemma_.lower()
    for cls in ("ArmedGroup", "Military", "GovernmentBody"):
        if lemma in lex.TYPE_NOUNS[cls] or tok.lower_ in lex.TYPE_NOUNS[cls]:
            return ONT + cls
    if lemma in lex.PLACE_NOUNS and not is_person(tok):
        return ONT + "Place"
    return ONT + "Person"


def _local_id(token_index: int) -> str:
    return f"e{token_index}"


def find_events(syn: Syntax, published) -> list[EventMention]:
    """The events of one parsed article; adds the descriptions they use to ``syn.finder``."""
    events = EventFinder(syn, published).find()
    return _drop_unused_descriptions(syn.finder, events)


def _drop_unused_descriptions(finder, events: list[EventMention]) -> list[EventMention]:
    """Keep only the descriptions some event's argument points at, renumbered after the rest.

    Descriptions are made while reading every candidate trigger, and some of those
    triggers come to nothing ("lawmakers killed the bill"); a description no event uses
    would be a mention of nothing.
    """
    used = {a.mention for ev in events for a in ev.arguments if a.mention is not None}
    first = next((m.id for m in finder.mentions if m.kind == "description"), len(finder.mentions))
    kept = [m for m in finder.mentions[first:] if m.id in used]
    new_id = {m.id: first + i for i, m in enumerate(kept)}
    finder.mentions[first:] = [replace(m, id=new_id[m.id]) for m in kept]
    finder.token_description = {t: new_id[i] for t, i in finder.token_description.items() if i in new_id}

    def moved(a: Argument) -> Argument:
        return replace(a, mention=new_id[a.mention]) if a.mention in new_id else a

    return [replace(ev, arguments=tuple(moved(a) for a in ev.arguments)) for ev in events]
