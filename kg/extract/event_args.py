"""The arguments of one event trigger, read from the dependency parse.

A verb's subject, object and by-phrase; a noun's modifiers, possessor and prepositions;
the noun a participle modifies ("the targeted facilities"); who is said to be dead. Each
trigger becomes a :class:`Draft`, which :mod:`kg.extract.events` assembles into events.
Which rule family read a draft (``Draft.rule``) is kept as evidence of how it is known.

Participants need not be names: for attacks, killings and injuries, "two police
officers", "the bomber", "a military base" become ``description`` mentions (see
:meth:`kg.extract.mentions.MentionFinder.description`). A designation kind ("Foreign
Terrorist Organization") is never a participant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract import designations as des
from kg.extract.syntax import Syntax
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
    undergone_under,
)
from kg.nlp import lexicon as lex
from kg.ontology import ACTORS, ONT, PLACES, local
from kg.types import Mention

_STRIKE_FAMILY = {"strike", "airstrike", "air-strike", "raid", "bombing", "bomb", "bombardment", "shelling"}
_ACCUSE = {"accuse", "blame", "charge", "suspect"}
# events kept without a named participant: they happened whoever took part
KEPT_WITHOUT_NAMES = frozenset({*ATTACKS, *HARMS})
_EXPLOSION_FAMILY = {"explosion", "explode", "blast", "detonation", "detonate"}
_RELATIVE = {"who", "whom", "that", "which"}
_NOT_PARTICIPANTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_PLACE_PREPS = {"in", "at", "near", "on", "outside", "inside", "along"}
_ACTIVE_FINITE = {"VBZ", "VBD", "VBP"}  # "carries", "carried", "carry": a verb with a subject of its own
_TIME_BOUND_MARKS = {"since", "before", "until", "till"}
_TRANSIT_PREPS = {"in", "through", "off", "near", "along", "across", "past", "toward", "towards"}
_LED = frozenset({"led", "-led"})
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# the bodies whose harmed members make an attack on them
_MEMBER_BODIES = frozenset({"ArmedGroup", "Military", "GovernmentBody", "Organization"})


@dataclass
class Draft:
    """What the parse says about one trigger, before events are assembled."""

    token: object
    cls: str
    rule: str = "verb-frame"  # the rule family that read it: verb-frame, noun-frame, modifier, ...
    agents: list[Mention] = field(default_factory=list)
    patients: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    times: list[tuple[object, str]] = field(default_factory=list)  # (ent, preposition)
    target_event: object = None  # token of an event this one is about (condemned the strikes)
    during: object = None  # token of an attack this killing happened in, or this attack is part of
    kinds: list[tuple[str, object]] = field(default_factory=list)  # designations: (label, span)
    revoked: bool = False  # a designation undone: "de-listed", "revoked the designation"
    claim: tuple[str, Mention] | None = None  # (status, claimant) when the agent is known from a claim
    own_agent: bool = False
    victim_groups: list[Mention] = field(default_factory=list)  # harms: the groups the harmed belong to
    figurative: bool = False  # a harm done to a thing: "hurt the economy", "killed the bill"

    @property
    def family(self) -> str:
        lemma = trigger_lemma(self.token)
        if self.token.pos_ in ("ADJ",) or self.token.dep_ == "amod":
            return "*"
        if lemma in _EXPLOSION_FAMILY:
            return "explosion"
        return "strike" if lemma in _STRIKE_FAMILY else lemma


class ArgumentReader:
    """Reads the :class:`Draft` of each trigger of one parsed article."""

    def __init__(self, syn: Syntax):
        self.syn = syn

    def draft(self, tok, cls: str) -> Draft:
        d = Draft(tok, cls)
        # a word with a direct object is a verb, whatever its tag: "intends to designate X"
        # (tagged an adjective, as in "president-designate")
        has_object = any(c.dep_ == "dobj" for c in tok.children)
        is_verb = tok.dep_ != "amod" and (has_object or (tok.tag_.startswith("VB") and not is_predicative(tok)))
        if cls == "Designation" and tok.dep_ == "amod":
            d.rule = "appositive"
            self._designation_appositive(d)
        elif cls == "Designation" and (is_verb or tok.pos_ in ("VERB", "AUX") or des.prefix(tok)):
            self._designation_verb(d)
        elif is_verb:
            self._verb_arguments(d)
        elif is_predicative(tok):
            d.rule = "predicative"
            self._predicative_arguments(d)
        elif tok.dep_ == "amod":  # "the targeted facilities", "wounded soldiers"
            d.rule = "modifier"
            noun = tok.head
            d.patients += self._participants(noun, d, "patient", owners=True)
            if noun.dep_ in ("nsubj", "nsubjpass"):
                d.places = self.syn.places(noun.head)
        else:
            d.rule = "noun-frame"
            self._noun_arguments(d)
        if cls in KEPT_WITHOUT_NAMES and not d.places:
            d.places = self._place_descriptions(d)
        d.places = [m for m in d.places if not self._side_of_a_border(m, tok)]
        return d

    def _side_of_a_border(self, m: Mention, trigger) -> bool:
        """ "near the border with Mali", "the Iraq-Syria border": a side of a border it
        happened near, not where it happened."""
        span = self.syn.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        t = span.root
        while t.head.i != t.i and t.i != trigger.i:
            head = t.head
            if head.dep_ == "prep" and head.lower_ in ("with", "between") and head.head.lemma_.lower() in _BORDER_NOUNS:
                return True
            if t.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in _BORDER_NOUNS:
                return True
            t = head
        return False

    def _verb_arguments(self, d: Draft) -> None:
        tok = d.token
        lemma = trigger_lemma(tok)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or is_bare_participle(tok)
        harmed_subject = lemma in lex.PATIENT_SUBJECT_VERBS  # "three people died"
        device_subject = has_device_subject(tok)  # "the bomb exploded": what, not who
        for c in tok.children:
            if c.dep_ == "nsubj" and not passive:
                self._verb_subject(d, c, harmed_subject=harmed_subject, device_subject=device_subject)
            elif c.dep_ == "dobj" and not passive:
                if trigger_class(c) is not None:
                    d.target_event = c  # "condemned the strikes": the event, not its agent
                elif not (lemma in lex.DEVICE_OBJECT_VERBS or c.lower_.endswith(("self", "selves"))):
                    d.patients += self._object(c, d)  # not "detonated a bomb", "blew himself up"
            elif c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and passive):
                if not (lemma in lex.DEVICE_OBJECT_VERBS and d.cls in ATTACKS):  # not "the bombs were detonated"
                    d.patients += self._object(c, d)
            elif c.dep_ == "agent":
                self._by_agent(d, c)
            elif c.dep_ == "prep":
                self._verb_preposition(d, c, lemma)
            elif c.dep_ == "advcl" and d.cls in HARMS and trigger_class(c) in ATTACKS and not _bounds_in_time(c):
                d.during = c  # "two soldiers were wounded when a bomb exploded"
        self._verb_occasion(d, lemma, passive=passive)
        if not d.agents and not harmed_subject and not passive and not device_subject:
            d.agents += self._inherited_subject(tok, d)
        d.own_agent = bool(d.agents)
        if d.cls in HARMS:
            self._victim_groups(d, passive=passive, harmed_subject=harmed_subject)
        self._verb_setting(d)

    def _verb_subject(self, d: Draft, c, *, harmed_subject: bool, device_subject: bool) -> None:
        """The active subject ``c``: the one who acts, the one harmed, or the attack it was."""
        tok, cls = d.token, d.cls
        if c.lower_ in ("that", "which") and tok.dep_ == "relcl" and trigger_class(tok.head):
            d.during = tok.head  # "an attack that killed ..."
        elif self._place_relative(c):
            # "an attack on a base that killed three soldiers": the parse hangs the clause on
            # the place, which kills no one; the attack on it did
            attack = _attack_on(tok.head)
            if attack is not None and cls in HARMS:
                d.during = attack
        elif trigger_class(c) in ATTACKS and cls in (*HARMS, *ATTACKS):
            d.during = c  # "the explosion killed three", "the blast targeted a bakery"
        elif (series := _attacks_of(c)) is not None and cls in HARMS:
            d.during = series  # "a series of strikes killing 16 people"
        elif (fired := _fired_device(c)) is not None and cls in (*HARMS, *ATTACKS):
            d.during = fired  # "missiles fired by X hit the ship": X's attack hit it
        elif harmed_subject:
            d.patients += self._participants(c, d, "patient")
        elif device_subject:
            return
        elif cls == "Statement" and c.lemma_.lower() in lex.STATEMENT_NOUNS:
            # "the group's statement reads": whose statement it is
            d.agents += [m for g in c.children if g.dep_ == "poss" for m in self._participants(g, d, "agent")]
        else:
            d.agents += self._participants(c, d, "agent")

    def _by_agent(self, d: Draft, c) -> None:
        """A passive's "by" phrase: who did it, or the attack it happened in ("killed by an explosion")."""
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if trigger_class(p) in ATTACKS and d.cls in HARMS:
                d.during = p
            else:
                d.agents += self._participants(p, d, "agent", owners=True)

    def _verb_preposition(self, d: Draft, c, lemma: str) -> None:
        """A prepositional phrase on the verb: with whom, against whom, at what, in which attack."""
        cls, word = d.cls, c.lower_
        objects = [p for p in c.children if p.dep_ == "pobj"]
        if (word in ("alongside", "with") and cls in HARMS) or (word == "against" and cls == "Protest"):
            d.patients += [m for p in objects for m in self._participants(p, d, "patient")]
        elif word in ("on", "against", "at") and cls in ATTACKS:
            # "fired at the base" is aimed at it; "attacked at the station" is where, not whom
            where = word == "at" and lemma not in lex.AIMED_VERBS
            d.patients += [
                m
                for p in objects
                if not (where and self._place(p))
                for m in self._participants(p, d, "patient", owners=True)
            ]
        elif word in ("in", "during", "by"):
            for p in objects:
                if trigger_class(p) in ATTACKS:
                    d.during = p

    def _verb_occasion(self, d: Draft, lemma: str, *, passive: bool) -> None:
        """What the verb's place in the sentence says: the attack a harm happened in, the
        harmed a reduced relative clause describes, a passive subject shared by "and"."""
        tok, cls = d.token, d.cls
        if cls in HARMS and d.during is None and tok.dep_ in ("advcl", "conj") and trigger_class(tok.head) in ATTACKS:
            d.during = tok.head  # "a device exploded, wounding 13 people"
        if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and "nsubj" not in {c.dep_ for c in tok.children}:
            if trigger_class(tok.head) in ATTACKS and cls in ATTACKS:
                d.during = tok.head  # "bombings targeted at the military": one event
            elif trigger_class(tok.head) in ATTACKS and cls in HARMS:
                d.during = tok.head  # "an artillery strike wounded one person" read as a relative clause
            elif not (_is_device(tok.head) and lemma in lex.DEVICE_OBJECT_VERBS):  # not "missiles fired by X"
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

    def _victim_groups(self, d: Draft, *, passive: bool, harmed_subject: bool) -> None:
        """The groups the harmed belong to ("a Hezbollah commander killed in a strike")."""
        tok = d.token
        harmed = [
            c
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and (passive or harmed_subject))
        ]
        if tok.dep_ == "acl":
            harmed.append(tok.head)
        d.victim_groups = [m for h in harmed for m in self._groups_of(h)]

    def _verb_setting(self, d: Draft) -> None:
        """Where and when: the verb's places (or its object's), and its time expressions."""
        syn, tok = self.syn, d.token
        d.places = syn.places(tok) or self._object_places(d) or d.places  # or where the target was passing
        if (
            tok.dep_ == "relcl"
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
            and self._place(tok.head)
        ):
            d.places += self._place_mentions(tok.head)  # "the station, where six people were killed"
        d.times = syn.time_expressions(tok)

    def _object_places(self, d: Draft) -> list[Mention]:
        """Where the one acted on was: "wounded one person in the town of X", "shelled
        positions near X". Not "from": "a man from Gaza" says where he came from."""
        if d.cls not in (*ATTACKS, *HARMS):
            return []
        tok = d.token
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if d.cls in ATTACKS:
            objects += [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for p in c.children
                if p.dep_ == "pobj"
            ]
        return [m for o in objects if trigger_class(o) is None for m in self._target_places(o)]

    def _target_places(self, noun) -> list[Mention]:
        """Places in the prepositions of a target noun, but not where it came from ("a man
        from Gaza") nor a border it is near: "the border with Mali" has two sides."""

        def skipped(prep) -> bool:
            return prep.lower_ == "from" or any(
                p.dep_ == "pobj" and p.lemma_.lower() in _BORDER_NOUNS for p in prep.children
            )

        return self.syn.places(noun, skip={c.i for c in noun.children if c.dep_ == "prep" and skipped(c)})

    def _groups_of(self, tok) -> list[Mention]:
        """The bodies the people of a phrase belong to: "a Hezbollah commander", "fighters
        of group G", "G's fighters"; not a place or a country ("Gaza residents")."""
        found = []
        for t in self.syn.conjuncts(tok):
            if not (is_person(t) or is_group(t)) or self.syn.mention(t) is not None:
                continue
            found += self.syn.owners(t)
            found += [
                m
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "from")
                for p in c.children
                if p.dep_ == "pobj"
                for m in self.syn.referents(p)
            ]
        unique = {m.id: m for m in found if local(m.cls) in _MEMBER_BODIES}
        return list(unique.values())

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
        syn, tok = self.syn, d.token
        # "the assassination attempt on the mayor": the attempt's words are the attack's
        attempt = tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.ATTEMPT_WORDS
        nouns = [tok, tok.head] if attempt else [tok]
        self._noun_modifiers(d, nouns)
        for c in tok.children:  # "an attack launched by X", "strikes carried out by X"
            if c.dep_ == "acl" and c.lemma_.lower() in lex.LIGHT_VERBS:
                d.agents += self._passive_agents(c, d)
                d.times += syn.time_expressions(c)
                d.places += syn.places(c)
        d.own_agent = bool(d.agents)
        if d.cls == "Designation":
            self._designation_kinds(d)
        self._governing_verb(d)
        for n in nouns:
            d.places += syn.places(n)
            d.times += syn.time_expressions(n)

    def _noun_modifiers(self, d: Draft, nouns: list) -> None:
        """What modifies the event noun: "G's attack", "an Israeli strike", "his death",
        "the strike by G", "attacks on G", "the bombing of the city"."""
        syn, tok, cls = self.syn, d.token, d.cls
        designation = cls == "Designation"
        # "the designation of X": a possessor or a name before it is who designated;
        # without "of" ("the Houthis' designation") it is who was designated
        aimed = designation and any(c.dep_ == "prep" and c.lower_ in ("of", "on", "against") for c in tok.children)
        for c in (c for n in nouns for c in n.children if c.i != tok.i):
            if c.dep_ == "poss" and cls in HARMS:
                d.patients += self._participants(c, d, "patient")  # "his death"
            elif c.dep_ in ("compound", "amod", "nmod", "poss") and c.lower_ not in lex.AIR_MODIFIERS:
                m = syn.mention(c)
                if m is None and c.dep_ == "amod" and cls in ATTACKS:
                    d.agents += self._leaders(c)  # "US-led air strikes"
                elif m is None or local(m.cls) not in ACTORS or des.is_kind_text(m.text):
                    continue
                elif cls in HARMS and tok.lemma_.lower() in lex.SUFFERED_HARM_NOUNS:
                    continue  # "US deaths", "Israeli casualties": whose people died, not who killed
                elif designation and not aimed:
                    d.patients.append(m)
                elif m.kind != "demonym" or (cls in ATTACKS and c.dep_ == "amod"):
                    d.agents.append(m)  # "G strikes", "G's attack", "an Israeli strike": G's
            elif c.dep_ == "prep" and c.lower_ == "by":
                d.agents += [m for p in c.children if p.dep_ == "pobj" for m in self._participants(p, d, "agent")]
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
                self._aimed_at(d, c)

    def _aimed_at(self, d: Draft, prep) -> None:
        """ "attacks on G", "strikes against militants in Syria" (and where they were), "the
        bombing of the city" (where)."""
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if prep.lower_ == "of" and d.cls in ATTACKS and self._place(p, areas_only=True):
                d.places += self._place_mentions(p)  # "the bombing of the city": where
                continue
            d.patients += self._participants(p, d, "patient", owners=True)
            if d.cls in ATTACKS and prep.lower_ in ("on", "against"):
                d.places += self._target_places(p)  # "strikes against militants in Syria"

    def _passive_agents(self, verb, d: Draft) -> list[Mention]:
        """The "by" phrase of a passive ``verb``: "carried out by X", "were launched by X"."""
        return [
            m
            for c in verb.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
            for m in self._participants(p, d, "agent", owners=True)
        ]

    def _designation_kinds(self, d: Draft) -> None:
        """A designation noun's kinds ("as an FTO") and whether it is revoked."""
        tok = d.token
        # "revoked the designation of X as a FTO": the "as" may hang from the verb
        governed = tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
        d.kinds += [des.kind_of(k) for k in des.kind_phrases(tok, [tok, tok.head] if governed else [tok])]
        if lemma_kind := lex.DESIGNATION_IMPLIED_KINDS.get(tok.lemma_.lower()):
            d.kinds = d.kinds or [(lemma_kind, None)]
        d.revoked = des.revoked_by_head(tok)

    def _governing_verb(self, d: Draft) -> None:
        """The verb the event noun is an argument of: "carried out strikes" (who, when, where,
        on whom), "the worst explosion was at the station" (where), "suffered injuries" (who)."""
        syn, tok, cls = self.syn, d.token, d.cls
        head = tok.head
        light = lex.LIGHT_VERBS | (
            lex.REVOKING_VERBS | lex.DESIGNATING_LIGHT_VERBS if cls == "Designation" else frozenset()
        )
        if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in light:
            if tok.dep_ == "dobj":
                subj = [m for c in head.children if c.dep_ == "nsubj" for m in self._participants(c, d, "agent")]
                d.agents += subj or self._inherited_subject(head, d)
            else:
                d.agents += self._passive_agents(head, d)
            d.own_agent = bool(d.agents)
            d.times += syn.time_expressions(head)
            d.places += syn.places(head)
            if cls in ATTACKS and not any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children):
                # "carried out strikes against militants in Syria": the verb holds the target
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
                        for p in prep.children:
                            if p.dep_ == "pobj":
                                d.patients += self._participants(p, d, "patient", owners=True)
                                d.places += self._target_places(p)
        elif (accused := self._accused_of(tok, d)) is not None:
            # "Moscow accused Kyiv of drone attacks", "he blamed Kyiv for the attack": the
            # charge names who did it, on the accuser's word (the status says so)
            if not d.agents:
                d.agents += accused
                d.own_agent = bool(accused)
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
        elif (verb := _undergoing_verb(tok)) is not None:
            # "13 people suffered injuries", "he survived an attack", "the base came under fire"
            d.patients += [
                m for c in verb.children if c.dep_ == "nsubj" for m in self._participants(c, d, "patient", owners=True)
            ]
            d.times += syn.time_expressions(verb)
            d.places += syn.places(verb)
            if d.cls in ATTACKS:  # "the ship came under fire in an attack launched by X": one attack
                d.during = next(
                    (
                        p
                        for prep in verb.children
                        if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
                        for p in prep.children
                        if p.dep_ == "pobj" and trigger_class(p) in ATTACKS
                    ),
                    d.during,
                )

    def _place_relative(self, c) -> bool:
        """ "a base that killed ...": a relative pronoun standing for a place, which acts on no one."""
        verb = c.head
        return c.lower_ in ("that", "which") and verb.dep_ == "relcl" and self._place(verb.head)

    def _accused_of(self, tok, d: Draft) -> list[Mention] | None:
        """Whom a verb of accusing charges with the attack or harm ``tok`` ("accused X of
        drone attacks", "blamed X for a strike", "accused X of a series of strikes"), or
        None when ``tok`` is no such charge or a definite one told elsewhere."""
        if d.cls not in (*ATTACKS, *HARMS) or tok.dep_ != "pobj":
            return None
        if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children):
            return None  # "blamed X for the attack": which attack is the anaphor's to say
        prep = tok.head
        if prep.head.pos_ == "NOUN" and _attacks_of(prep.head) is tok and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "of a series of strikes"
        verb = prep.head
        if verb.dep_ == "dobj":
            verb = verb.head  # "accused [X of attacks]": the parse may hang the charge on X
        if prep.lower_ not in ("of", "for") or verb.lemma_.lower() not in _ACCUSE:
            return None
        return [m for c in verb.children if c.dep_ == "dobj" for m in self._participants(c, d, "agent")]

    def _participants(self, tok, d: Draft, role: str, *, owners: bool = False) -> list[Mention]:
        """Who the noun phrase headed by ``tok`` stands for as ``d``'s agent or patient.

        Names first (with their coordination, apposition and "including" lists). A
        phrase with no name is, for attacks, killings and injuries, a description
        ("two police officers"); for other events, or when ``owners`` is set and the
        phrase is not about people ("US bases"), the actors that own it.
        """
        found = self._people(tok, d, role, owners=owners)
        if role == "patient" and d.cls in ATTACKS:
            d.places += self._passing_through(tok)
        return [m for m in found if not des.is_kind_text(m.text)]

    def _passing_through(self, tok) -> list[Mention]:
        """Where a target was when it was hit, told by a participle of moving on it: "a ship
        traveling through the Red Sea came under fire", "a convoy passing near X was hit"."""
        return [
            m
            for acl in tok.children
            if acl.dep_ == "acl" and acl.tag_ == "VBG"
            for prep in acl.children
            if prep.dep_ == "prep" and prep.lower_ in _TRANSIT_PREPS
            for p in prep.children
            if p.dep_ == "pobj" and self._place(p)
            for m in self._place_mentions(p)
        ]

    def _people(self, tok, d: Draft, role: str, *, owners: bool) -> list[Mention]:
        syn = self.syn
        relative = _antecedent(tok) is not tok
        if relative:  # "Jack Ruby, who killed ...": Ruby alone, not what Ruby is listed with
            tok = _antecedent(tok)
            own = syn.mention(tok)
            names = [own] if own is not None else []
        else:
            names = syn.referents(tok)
        if d.cls not in KEPT_WITHOUT_NAMES:
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
            if (owners or role == "agent") and (
                role == "agent" or d.cls in ATTACKS or not _describable(t, role, d.cls)
            ):  # the group acts through its members: "Al Shabaab fighters killed ..."
                own = syn.owners(t) or self._of_owner(t, d)  # "attacks on US bases": the US is attacked
                if not own and role == "agent":  # "a US-led campaign targeted X": who leads it
                    own = [m for c in t.children if c.dep_ == "amod" for m in self._leaders(c)]
                if own:
                    found += own
                    continue
            if _describable(t, role, d.cls):
                # victims are described even when owned: "NATO service members were killed"
                found.append(syn.finder.description(t, _description_class(t)))
        unique = {m.id: m for m in found}
        return list(unique.values())

    def _of_owner(self, tok, d: Draft) -> list[Mention]:
        """ "five facilities of group G": an attack on them is an attack on G; "the
        village of Marwin" is Marwin."""
        if d.cls not in ATTACKS:
            return []
        person = is_person(tok)
        # "an attack on fighters from group G": on G's members, so on G
        preps = ("from",) if person else ("of",)
        found = [
            m
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
            for m in self.syn.referents(p)
        ]
        if person:
            return [m for m in found if local(m.cls) in ACTORS - {"Person", "State"}]
        place_noun = tok.lemma_.lower() in lex.PLACE_NOUNS
        return [m for m in found if local(m.cls) in ACTORS - {"Person"} or (place_noun and local(m.cls) in PLACES)]

    def _leaders(self, mod) -> list[Mention]:
        """ "US-led", "Saudi-led": who leads the attack a participle before it names."""
        if mod.lower_.split("-")[-1] not in ("led",) and mod.lower_ not in _LED:
            return []
        found = []
        for c in mod.children:
            m = self.syn.mention(c)
            if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and m is not None and local(m.cls) in ACTORS:
                found.append(m)
            elif c.dep_ == "agent":
                found += [x for p in c.children if p.dep_ == "pobj" for x in self.syn.referents(p)]
        return found

    # -- designations ------------------------------------------------------------------
    def _designation_verb(self, d: Draft) -> None:
        """ "X designated Y (as) Z", "Y was de-listed by X", "X added Y to the list of Z"."""
        syn, tok = self.syn, d.token
        words = des.frame(tok)
        kinds = des.kind_phrases(tok, words)
        kind_heads = {k.i for k in kinds}
        passive = tok.tag_ == "VBN" and (
            any(c.dep_ in ("nsubjpass", "auxpass") for w in words for c in w.children)
            or any(w.lemma_ == "be" for w in words)
        )
        for w in words:
            for c in w.children:
                if c.i in kind_heads or c in words:
                    continue
                if c.dep_ == "nsubj" and not passive:
                    d.agents += self._participants(c, d, "agent")
                elif c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and passive):
                    d.patients += self._participants(c, d, "patient", owners=True)
                elif c.dep_ == "agent":
                    d.agents += [m for p in c.children if p.dep_ == "pobj" for m in self._participants(p, d, "agent")]
            d.times += syn.time_expressions(w)
        if not d.agents and not passive:
            d.agents += self._inherited_subject(tok, d)
        d.own_agent = bool(d.agents)
        d.kinds = [des.kind_of(k) for k in kinds]
        if not d.kinds and (implied := lex.DESIGNATION_IMPLIED_KINDS.get(tok.lemma_.lower())):
            d.kinds = [(implied, None)]
        d.revoked = des.revoked_by_word(tok)
        for k in kinds:
            d.times += syn.time_expressions(k)

    def _designation_appositive(self, d: Draft) -> None:
        """ "X, a U.S.-designated Foreign Terrorist Organization": X designated by the U.S."""
        syn, tok = self.syn, d.token
        noun = tok.head
        d.kinds = [des.kind_of(k) for k in des.kind_phrases(tok)]
        for c in tok.children:
            m = syn.mention(c)
            if c.dep_ in ("npadvmod", "compound", "nmod") and m is not None and local(m.cls) in ACTORS:
                d.agents.append(m)
            elif c.dep_ == "agent":
                d.agents += [x for p in c.children if p.dep_ == "pobj" for x in syn.referents(p)]
        d.agents += self._inside(tok)  # "U.S.-designated" read as one word
        d.own_agent = bool(d.agents)
        if noun.dep_ == "appos":  # "X, a US-designated FTO"
            d.patients += self._participants(noun.head, d, "patient")
        elif noun.dep_ == "attr" and noun.i > 0 and noun.doc[noun.left_edge.i - 1].text == ",":
            d.patients += self._before_comma(noun.left_edge.i - 1)  # an apposition parsed as "is ... , a FTO"
        elif noun.dep_ == "attr":
            d.patients += [
                m for c in noun.head.children if c.dep_ == "nsubj" for m in self._participants(c, d, "patient")
            ]
        named = [a for a in noun.children if a.dep_ == "appos"]  # "the US-designated group Kataib Hezbollah"
        d.patients += [m for a in named for m in self._participants(a, d, "patient")]
        if noun.dep_ == "compound" and (m := syn.mention(noun.head)) is not None:
            d.patients.append(m)

    def _inside(self, tok) -> list[Mention]:
        """Actor mentions inside the token itself (a name fused with its suffix: "U.S.-designated")."""
        start, end = tok.idx, tok.idx + len(tok.text)
        return [
            m
            for m in self.syn.finder.mentions
            if start <= m.start and m.end <= end and m.kind == "name" and local(m.cls) in ACTORS
        ]

    def _before_comma(self, comma: int) -> list[Mention]:
        """The actor named right before a comma: "Kataib Hezbollah (KH), a ..."."""
        doc = self.syn.doc
        for i in range(comma - 1, max(comma - 6, -1), -1):
            m = self.syn.mention(doc[i])
            if m is not None and local(m.cls) in ACTORS and m.kind == "name" and not des.is_kind_text(m.text):
                return [m]
            if doc[i].text in (",", ";") or doc[i].pos_ == "VERB":
                break
        return []

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
                # "X was driven out but still carries out attacks": an active verb joined to a
                # passive one shares its subject
                deps = ("nsubj", "nsubjpass") if v.dep_ == "conj" and v.tag_ in _ACTIVE_FINITE else ("nsubj",)
                if v.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in v.head.children):
                    deps = ("nsubjpass",)  # "X was reported to have announced": X announced
                v = v.head
                if has_device_subject(v):
                    return []  # "the bomb exploded, killing two": no one to blame in this clause
                subj = [
                    m
                    for c in v.children
                    if c.dep_ in deps and trigger_class(c) is None and not self._place_relative(c)
                    for m in self._participants(c, d, "agent")
                ]
                if subj:
                    return subj
                continue
            if v.dep_ == "pcomp" and v.head.head.lemma_.lower() in _ACCUSE:
                return [m for c in v.head.head.children if c.dep_ == "dobj" for m in syn.referents(c)]
            break
        return []


def _is_device(tok) -> bool:
    return tok.lemma_.lower() in lex.DEVICE_NOUNS or tok.lower_ in lex.DEVICE_NOUNS


def _fired_device(tok):
    """The attack a device subject was part of: "missiles fired by X" -> "fired"."""
    if not _is_device(tok):
        return None
    for c in tok.children:
        if c.dep_ == "acl" and trigger_class(c) in ATTACKS and any(g.dep_ == "agent" for g in c.children):
            return c
    return None


def _attack_on(place):
    """The attack a place is the object of ("an attack on a base"), or None."""
    prep = place.head
    if place.dep_ == "pobj" and prep.lower_ in ("on", "against", "at") and trigger_class(prep.head) in ATTACKS:
        return prep.head
    return None


def _bounds_in_time(clause) -> bool:
    """ "killed ... since Hamas attacked Israel", "before the strike": a clause that only
    bounds the time, not the occasion of a harm ("when a bomb exploded")."""
    return any(c.dep_ == "mark" and c.lower_ in _TIME_BOUND_MARKS for c in clause.children)


def _attacks_of(tok):
    """The attack a quantity noun counts: "a series of strikes", "a wave of attacks"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj" and trigger_class(p) in ATTACKS:
                    return p
    return None


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
        if tok.tag_ in ("WP", "WDT") and _antecedent(tok) is tok:
            return False  # "no information on who launched the attacks": nobody in particular
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


def _undergoing_verb(tok):
    """The verb whose subject undergoes the event noun ``tok``: "suffered injuries",
    "survived an attack" (its object), "came under fire" (under it); else None."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in lex.EXPERIENCER_VERBS:
        return head
    return undergone_under(tok) if tok.dep_ == "pobj" else None
