"""Events from trigger words and their dependency arguments.

A trigger (``strike``, ``killed``, ``condemned``...) becomes an event; its agent,
target or victims, places and time come from the parse. Three discourse steps follow:
a verb and the attack noun it reports ("targeted in US airstrikes") are one event; a
definite or bare mention without its own time ("the strikes") is the most talked-about
earlier event of its family; a killing "in a strike" happened during that strike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.extract import lexicon as lex
from kg.extract.mentions import ONT
from kg.extract.syntax import Syntax, local, sentence_span
from kg.extract.timex import resolve_time
from kg.types import Argument, EventMention, Mention, Span

EXTRACTOR = "dependency-patterns"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PATIENT_ROLE = {
    "Attack": "target", "AirStrike": "target", "Killing": "victim", "Injury": "victim",
    "Designation": "target", "Condemnation": "target", "Threat": "target",
}
_STRIKE_FAMILY = {"strike", "airstrike", "air-strike", "raid", "bombing", "bomb", "bombardment", "shelling"}
_INDEFINITE = {"a", "an", "another", "several", "many", "some", "further", "more", "few"}
_ANAPHORIC_DETS = {"the", "these", "those", "this", "that", "such"}
_ACTOR = {"Person", "Organization", "ArmedGroup", "GovernmentBody", "Military", "NewsOrganization", "State"}
_ACCUSE = {"accuse", "blame", "charge", "suspect"}


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

    @property
    def family(self) -> str:
        lemma = _lemma(self.token)
        if self.token.pos_ in ("ADJ",) or self.token.dep_ == "amod":
            return "*"
        return "strike" if lemma in _STRIKE_FAMILY else lemma


def _lemma(tok) -> str:
    """The lemma, with participles used as adjectives reduced too ("targeted" -> "target")."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.EVENT_TRIGGERS and tok.tag_ == "JJ" and lemma.endswith("ed"):
        for stem in (lemma[:-2], lemma[:-1]):
            if stem in lex.EVENT_TRIGGERS:
                return stem
    return lemma


def _trigger_class(tok) -> str | None:
    lemma = _lemma(tok)
    cls = lex.EVENT_TRIGGERS.get(lemma)
    if cls is None:
        return None
    is_verb = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
    adjectival = tok.dep_ == "amod" and tok.tag_ in ("VBN", "JJ") and cls in ("Attack",)
    if lemma in lex.VERB_ONLY_TRIGGERS and not (is_verb or adjectival):
        return None
    if not is_verb and tok.pos_ != "NOUN" and not adjectival:
        return None
    if cls == "Attack":
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        subj = {c.lemma_.lower() for c in tok.children if c.dep_ == "nsubj"}
        if mods & lex.AIR_MODIFIERS or subj & lex.AIR_MODIFIERS:
            return "AirStrike"
    return cls


class EventFinder:
    def __init__(self, syn: Syntax, published):
        self.syn = syn
        self.published = published
        self.drafts: dict[int, Draft] = {}

    def find(self) -> list[EventMention]:
        for tok in self.syn.doc:
            cls = _trigger_class(tok)
            if cls is not None:
                self.drafts[tok.i] = self._draft(tok, cls)
        self._merge_reported_attacks()
        return self._finish()

    # -- arguments of one trigger ---------------------------------------------------
    def _draft(self, tok, cls: str) -> Draft:
        syn = self.syn
        d = Draft(tok, cls)
        is_verb = tok.tag_.startswith("VB") and tok.dep_ != "amod"
        if is_verb:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            for c in tok.children:
                if c.dep_ == "nsubj" and not passive:
                    if c.lower_ in ("that", "which") and tok.dep_ == "relcl":
                        d.during = tok.head  # "an attack that killed ..."
                    else:
                        d.agents += syn.referents(c)
                elif c.dep_ == "dobj" and not passive:
                    if _trigger_class(c) is not None:
                        d.target_event = c  # "condemned the strikes": the event, not its agent
                    else:
                        d.patients += syn.referents(c) or syn.owners(c)
                elif c.dep_ == "nsubjpass":
                    d.patients += syn.referents(c) or syn.owners(c)
                elif c.dep_ == "agent":
                    d.agents += [m for p in c.children if p.dep_ == "pobj" for m in syn.referents(p) or syn.owners(p)]
                elif c.dep_ == "prep" and c.lower_ in ("alongside", "with") and cls in ("Killing", "Injury"):
                    d.patients += [m for p in c.children if p.dep_ == "pobj" for m in syn.referents(p)]
                elif c.dep_ == "prep" and c.lower_ in ("on", "against") and cls in ("Attack", "AirStrike"):
                    d.patients += [m for p in c.children if p.dep_ == "pobj" for m in syn.referents(p) or syn.owners(p)]
                elif c.dep_ == "prep" and c.lower_ == "as" and cls == "Designation":
                    d.designated_as = next((p for p in c.children if p.dep_ == "pobj"), None)
                elif c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj" and _trigger_class(p) in ("Attack", "AirStrike"):
                            d.during = p
            if not d.agents:
                d.agents += self._inherited_subject(tok)
            d.own_agent = bool(d.agents)
            d.places = syn.places(tok)
            d.times = syn.time_expressions(tok)
            if d.designated_as is not None:
                d.times += syn.time_expressions(d.designated_as)
        elif tok.dep_ == "amod":  # "the targeted facilities"
            noun = tok.head
            d.patients += syn.referents(noun) or syn.owners(noun)
            if noun.dep_ in ("nsubj", "nsubjpass"):
                d.places = syn.places(noun.head)
        else:
            for c in tok.children:
                if c.dep_ in ("compound", "amod", "nmod", "poss") and c.lower_ not in lex.AIR_MODIFIERS:
                    m = syn.mention(c)
                    if m is not None and local(m.cls) in _ACTOR and m.kind != "demonym":
                        d.agents.append(m)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    d.agents += [m for p in c.children if p.dep_ == "pobj" for m in syn.referents(p)]
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
                    d.patients += [m for p in c.children if p.dep_ == "pobj" for m in syn.referents(p) or syn.owners(p)]
            d.own_agent = bool(d.agents)
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in lex.LIGHT_VERBS:
                light = tok.head
                if tok.dep_ == "dobj":
                    subj = [m for c in light.children if c.dep_ == "nsubj" for m in syn.referents(c)]
                    d.agents += subj or self._inherited_subject(light)
                else:
                    d.agents += [m for c in light.children if c.dep_ == "agent" for p in c.children
                                 if p.dep_ == "pobj" for m in syn.referents(p) or syn.owners(p)]
                d.own_agent = bool(d.agents)
                d.times += syn.time_expressions(light)
                d.places += syn.places(light)
            d.places += syn.places(tok)
            d.times += syn.time_expressions(tok)
        return d

    def _inherited_subject(self, verb) -> list[Mention]:
        """The subject a verb shares: "X said ... and threatened"; "accused X of carrying out"."""
        syn = self.syn
        v = verb
        for _ in range(4):
            if v.dep_ in ("conj", "xcomp") and v.head is not v:
                v = v.head
                subj = [m for c in v.children if c.dep_ in ("nsubj",) for m in syn.referents(c)]
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
                args.append(Argument(ONT + "time", value=resolved[0], datatype=resolved[1],
                                     span=Span(ent.start_char, ent.end_char, ent.text)))
        if d.designated_as is not None:
            words = [t for t in d.designated_as.subtree if t.dep_ != "det" and t.i <= d.designated_as.i]
            if words:
                span = syn.doc[words[0].i: d.designated_as.i + 1]
                args.append(Argument(ONT + "designatedAs", value=span.text, datatype=XSD_STRING,
                                     span=Span(span.start_char, span.end_char, span.text)))
        if entity_args == 0:
            return None
        if cls == "Statement" and not agents:
            return None
        tok = d.token
        confidence = 0.75 if alias[tok.i] == tok.i else 0.6
        return EventMention(
            id=_local_id(alias[tok.i]),
            cls=ONT + (self.drafts[alias[tok.i]].cls if alias[tok.i] != tok.i else cls),
            trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
            arguments=tuple(args),
            sentence=sentence_span(tok),
            confidence=confidence,
            extractor=EXTRACTOR,
        )


def _local_id(token_index: int) -> str:
    return f"e{token_index}"


def find_events(syn: Syntax, published) -> list[EventMention]:
    return EventFinder(syn, published).find()
