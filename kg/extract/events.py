"""Events from trigger words and their dependency arguments: one event per occurrence.

A trigger (``strike``, ``killed``, ``designated``...) becomes a draft with its agent,
target or victims, places and time read from the parse (:mod:`kg.extract.event_args`);
words in a sentence that is a question assert nothing and are skipped. Then:

* a claim of responsibility makes the claimant the agent of an event that names none
  ("G claimed the bombing"), and the event says so: ``status="claimed"``, ``source`` the
  claimant (:mod:`kg.extract.claims`). The modality pass that runs after extraction
  (:mod:`kg.extract.modality`) may still set another status for a hedge or a denial;
* a verb and the attack noun it reports ("targeted in US airstrikes") are one event,
  and a definite mention without its own time ("the strikes") is an earlier event of
  its family, when who, whom, where and when allow it (:mod:`kg.extract.event_discourse`);
* a killing "in a strike" happened during that strike, and so did one that its sentence
  tells after an attack without naming another doer ("the attack killed 100 and injured
  many"; :func:`kg.extract.event_discourse.link_casualties`).

An event with no participant (a name or a description), no place, no time and no other
event pointing at it is not emitted: the word alone says too little. Other events than
attacks, killings and injuries (statements, designations, threats) need a named
participant. Each event records the rule family that read it in ``extractor``
("dependency-patterns/verb-frame", ".../noun-frame", ".../claim",
".../discourse-anaphor", ...) and a confidence from that family and from how complete
its roles are (:func:`confidence`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import timedelta

from kg.extract import designations as des
from kg.extract.claims import find_claims
from kg.extract.counts import count
from kg.extract.event_args import KEPT_WITHOUT_NAMES, ArgumentReader, Draft
from kg.extract.event_discourse import (
    _group,
    aliases,
    anaphoric,
    antecedent,
    key,
    link_casualties,
    merge_reported_attacks,
)
from kg.extract.syntax import Syntax, sentence_span
from kg.extract.timex import MONTHS, XSD_DATE, resolve_time
from kg.extract.triggers import ATTACKS, HARMS, PERFORMATIVE, in_question, question_sentence, trigger_class
from kg.nlp import lexicon as lex
from kg.ontology import ONT, ORGANIZATIONS, local
from kg.types import Argument, EventMention, Mention, Span

EXTRACTOR = "dependency-patterns"
_NAMING_KINDS = frozenset({"name", "body", "nominal", "demonym"})  # not a description of people
_BODIES = frozenset(ORGANIZATIONS | {"State"})  # what no harm befalls: its people are hurt
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PATIENT_ROLE = {
    "Attack": "target",
    "AirStrike": "target",
    "Killing": "victim",
    "Injury": "victim",
    "Designation": "target",
    "Condemnation": "target",
    "Threat": "target",
    "Accusation": "target",
    "Rejection": "target",
    "Agreement": "target",
    "Arrest": "target",
    "Protest": "target",
    "Aid": "target",
    "Mobilization": "target",
}
# how much a rule family's reading is worth before the roles it found are counted
RULE_CONFIDENCE = {
    "verb-frame": 0.75,
    "appositive": 0.75,
    "noun-frame": 0.7,
    "predicative": 0.7,
    "modifier": 0.65,
    "claim": 0.65,
    "discourse-anaphor": 0.6,
}


def confidence(rule: str, *, agent: bool, patient: bool, participant: bool) -> float:
    """The prior of an event read by ``rule``: more with both sides, less with no one.

    >>> confidence("verb-frame", agent=True, patient=True, participant=True)
    0.8
    >>> confidence("noun-frame", agent=False, patient=False, participant=False)
    0.55
    """
    base = RULE_CONFIDENCE.get(rule, 0.6)
    if not participant:
        return min(base, 0.55)  # only a place or a time says it happened
    if agent and patient:
        base += 0.05
    return round(base, 2)


class EventFinder:
    def __init__(self, syn: Syntax, published):
        self.syn = syn
        self.published = published
        self.reader = ArgumentReader(syn)
        self.drafts: dict[int, Draft] = {}

    def find(self) -> list[EventMention]:
        for sent in self.syn.doc.sents:
            if question_sentence(sent):
                continue  # "Which groups did France strike?" says nobody struck anyone
            for tok in sent:
                cls = trigger_class(tok)
                if cls is not None:
                    self.drafts[tok.i] = self.reader.draft(tok, cls)
        merge_reported_attacks(self.drafts)
        link_casualties(self.drafts)
        return self._finish()

    def _apply_claims(self, alias: dict[int, int]) -> None:
        """ "G claimed the bombing": G did it, on its own word, if no mention of the event
        names who did it (then the claim adds nothing, G's or another's)."""
        for claim in find_claims(self.syn, skip=in_question):
            d = self.drafts.get(claim.event.i)
            if d is None:
                continue
            event = alias[d.token.i]
            if any(o.agents for i, o in self.drafts.items() if alias[i] == event):
                continue
            d.agents = list(claim.claimants)
            d.claim = (claim.status, claim.claimants[0])

    def _finish(self) -> list[EventMention]:
        for d in self.drafts.values():
            # "a bomb exploded, wounding 13 people on a busy street": the street is the blast's too
            strike = self.drafts.get(d.during.i) if d.during is not None and d.cls in HARMS else None
            if strike is not None and not strike.places and d.token.sent == strike.token.sent:
                strike.places = list(d.places)
            # "X killed 15 soldiers in an attack on a base": X made the attack
            if strike is not None and not strike.agents and d.own_agent and d.token.sent == strike.token.sent:
                strike.agents = list(d.agents)
            # "a strike killed a Hezbollah commander": the strike was on Hezbollah
            if strike is not None and d.token.sent == strike.token.sent:
                taken = {m.id for m in strike.patients} | {key(m) for m in strike.agents} - {None}
                strike.patients += [m for m in d.victim_groups if m.id not in taken and key(m) not in taken]
        alias = aliases(self.drafts)
        self._apply_claims(alias)
        built = {i: self._event(self.drafts[i], alias) for i in sorted(self.drafts)}
        own = {alias[i] for i, b in built.items() if b is not None and b[1]}
        # a mention that says nothing of its own ("the attack", "the explosion") is a
        # mention of an event the article tells more of, or of nothing worth a node; so
        # is one whose only content is a harm told of it ("23 soldiers were killed in the
        # attack"): the harm happened in the event it refers to
        weight = Counter(alias[i] for i, b in built.items() if b is not None and b[1])
        weight.update(int(a.event[1:]) for b in built.values() if b is not None for a in b[0].arguments if a.event)
        kept = _with_content(built, alias)
        referring = set()
        for i, b in built.items():
            if b is None or alias[i] in own:
                continue
            if alias[i] in kept and not anaphoric(self.drafts[i]):
                continue  # "a bomb exploded, wounding two": an event of its own, told by its harm
            j = antecedent(self.drafts, i, kept, weight)
            if j is not None:
                alias[i] = j
                referring.add(i)
        if referring:  # the harms told of a referring mention name the event it refers to
            built = {i: self._event(self.drafts[i], alias) for i in sorted(self.drafts)}
        for i in referring:
            ev = built[i][0]
            built[i] = (replace(ev, arguments=tuple(a for a in ev.arguments if a.event is None)), False)
        kept = _with_content(built, alias)
        return [b[0] for i, b in sorted(built.items()) if b is not None and alias[i] in kept]

    def _times_just_before(self, d: Draft) -> list:
        """The time of the last event of ``d``'s kind told in the sentence just before
        ``d``'s: a definite mention ("the raids") with no time of its own is about what
        the text has just told."""
        sent = d.token.sent
        before = [h for h in self.drafts.values() if h.times and _kin(h.cls, d.cls) and h.token.sent.end == sent.start]
        return max(before, key=lambda h: h.token.i).times if before else []

    def _event(self, d: Draft, alias: dict[int, int]) -> tuple[EventMention, bool] | None:
        """The event mention of draft ``d``, and whether its own words give it any content."""
        cls = d.cls
        patient_role = PATIENT_ROLE.get(cls)
        args: list[Argument] = []
        seen = set()

        def add(role: str, m: Mention) -> None:
            # a demonym stands for its state only as the one who acts: "an Israeli strike"
            if (role, m.id) not in seen and (m.kind != "demonym" or role == "agent"):
                seen.add((role, m.id))
                args.append(Argument(ONT + role, mention=m.id))

        if d.during is not None and d.during.i in self.drafts and cls in HARMS and d.during.sent == d.token.sent:
            # "killed in a US drone strike in Baghdad": the strike's agent, place and time
            # (a harm told sentences after its attack is linked to it, and has only its own)
            strike = self.drafts[d.during.i]
            agents = d.agents or strike.agents
            places = d.places or strike.places
            times = d.times or strike.times or _dated_modifier(strike.token)
        else:
            agents, places, times = d.agents, d.places, d.times
        if not times:
            # "a strike ... late Tuesday killed three": the harm's time is the strike's
            times = next(
                (h.times for h in self.drafts.values() if h.times and h.during is not None and h.during.i == d.token.i),
                [],
            )
        if not times and cls in PERFORMATIVE:
            times = _report_times(self.syn, d.token)
        if not times:
            times = _dated_modifier(d.token)  # "the Jan. 3 US strike" (the parser may call it a place)
        if not times and _definite(d.token):
            # "...killed a leader on Thursday. Five civilians were also killed in the raids."
            times = self._times_just_before(d)
        for m in agents:
            add("agent", m)
        agent_keys = {key(m) for m in agents} - {None}
        if patient_role:
            for m in d.patients:
                if cls in HARMS and m.kind in _NAMING_KINDS and local(m.cls) in _BODIES:
                    continue  # "a Hezbollah figure killed": a person dies, not the group (its target)
                if m.id not in {a.mention for a in args} and (key(m) is None or key(m) not in agent_keys):
                    add(patient_role, m)
        participants = len(args)
        for m in places:
            add("location", m)
        entity_args = len(args)
        if d.target_event is not None and d.target_event.i in alias:
            args.append(Argument(ONT + "target", event=_local_id(alias[d.target_event.i])))
            entity_args += 1
        if d.during is not None and d.during.i in alias and cls in HARMS:
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
        tok = d.token
        trigger = _trigger_span(tok, designation=cls == "Designation")
        if cls == "Designation":
            args += _designated_as(d, trigger)
        if entity_args == 0 and cls not in KEPT_WITHOUT_NAMES:
            return None
        if d.figurative and not d.patients:
            return None
        if cls == "Statement" and not agents:
            return None
        own = alias[tok.i] == tok.i
        rule = d.rule if own else "discourse-anaphor"
        status, source = "asserted", None
        if d.claim is not None:
            status, source = d.claim[0], d.claim[1].id
            rule = "claim" if own else rule
        event = EventMention(
            id=_local_id(alias[tok.i]),
            cls=ONT + (self.drafts[alias[tok.i]].cls if not own else cls),
            trigger=trigger,
            arguments=tuple(args),
            sentence=sentence_span(tok),
            confidence=confidence(
                rule,
                agent=bool(agents),
                patient=participants > len([a for a in args if a.role == ONT + "agent"]),
                participant=participants > 0,
            ),
            extractor=f"{EXTRACTOR}/{rule}",
            status=status,
            source=source,
        )
        return event, any(a.role != ONT + "during" for a in args)


def _kin(a: str, b: str) -> bool:
    """Events of one kind, for a definite mention: attacks and the harms they do are one."""
    return _group(a) == _group(b) or ({a, b} <= {*ATTACKS, *HARMS})


def _dated_modifier(tok) -> list:
    """A date that modifies an event noun inside its own phrase ("the Jan. 3 strike",
    "the 14 October bombing"), read by its month word: the entity recogniser sometimes
    tags such a date a place."""
    if tok.pos_ != "NOUN":
        return []
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("nmod", "compound", "npadvmod") and c.lower_.rstrip(".") in MONTHS:
            words = sorted(c.subtree, key=lambda w: w.i)
            return [(tok.doc[words[0].i : words[-1].i + 1], "")]
    return []


def _definite(tok) -> bool:
    """A noun the text presents as known ("the raids", "these attacks")."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)


def _report_times(syn: Syntax, tok) -> list:
    """The time of the report that makes an act ("has designated X, informed the State
    Department on Wednesday"; "said on Tuesday it had designated X")."""
    near = [*tok.ancestors, *(c for c in tok.children if c.dep_ in ("conj", "parataxis", "advcl"))]
    for verb in near:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.REPORTING_VERBS:
            if found := syn.time_expressions(verb):
                return found
    return []


def _with_content(built: dict[int, tuple[EventMention, bool] | None], alias: dict[int, int]) -> set[int]:
    """The events with content: a participant, a place, a time or a kind in some mention
    of them, or another such event that happened during them or is about them ("five
    civilians were killed in the raids": the raids are the killing's occasion)."""
    kept = {alias[i] for i, b in built.items() if b is not None and b[1]}
    for b in built.values():
        if b is not None and b[1]:
            kept |= {int(a.event[1:]) for a in b[0].arguments if a.event is not None and int(a.event[1:]) in built}
    return kept


def _designated_as(d: Draft, trigger: Span) -> list[Argument]:
    """The ``designatedAs`` literals: each kind, marked when the designation was undone."""
    out = []
    for label, span in d.kinds or [(None, None)]:
        if label is None and not d.revoked:
            continue
        value = des.revocation_label(label) if d.revoked else label
        where = Span(span.start_char, span.end_char, span.text) if span is not None else trigger
        out.append(Argument(ONT + "designatedAs", value=value, datatype=XSD_STRING, span=where))
    return out


def _trigger_span(tok, *, designation: bool) -> Span:
    """The trigger's words: the token, with a hyphenated prefix split off by the tokenizer
    ("de-listed") when it triggers a designation."""
    p = des.prefix(tok) if designation else None
    first = p[1][0] if p is not None else tok
    # the words' own text (Doc.text would join the whole article for every trigger)
    return Span(first.idx, tok.idx + len(tok.text), tok.doc[first.i : tok.i + 1].text)


def _local_id(token_index: int) -> str:
    return f"e{token_index}"


def find_events(syn: Syntax, published) -> list[EventMention]:
    """The events of one parsed article; adds the descriptions they use to ``syn.finder``."""
    events = EventFinder(syn, published).find()
    return _drop_unused_descriptions(syn.finder, _dated_by_the_article(syn, events, published))


def _dated_by_the_article(syn: Syntax, events: list[EventMention], published) -> list[EventMention]:
    """An event the lede reports as done, with no time in the text ("An Israeli strike
    killed a commander in south Lebanon"), is dated by the article: news leads with what
    happened on its day. The time has no kg:timeText, which tells it came from the date.
    Only the first sentence, and only a simple past ("killed", "was killed"): a perfect
    ("has targeted") reports a campaign, not a day."""
    if published is None or not events:
        return events
    doc = syn.doc
    lede = next(iter(doc.sents))
    dated = {ev.id for ev in events if any(a.role == ONT + "time" for a in ev.arguments)}
    # a harm told with the attack that did it ("three soldiers were killed when a drone hit
    # the base on Sunday") happened when the attack did, not on the article's day
    attack_times = [
        a
        for ev in events
        if ev.sentence.start == lede.start_char and ev.cls.rsplit("#", 1)[-1] in ATTACKS
        for a in ev.arguments
        if a.role == ONT + "time" and a.span is not None
    ]
    out, done = [], set()
    for ev in events:
        if ev.id not in dated and ev.id not in done and ev.sentence.start == lede.start_char and _simple_past(doc, ev):
            done.add(ev.id)
            harm = ev.cls.rsplit("#", 1)[-1] in HARMS
            if harm and len({a.value for a in attack_times}) == 1:
                ev = replace(ev, arguments=(*ev.arguments, attack_times[0]))
            else:
                day = published + _offset(doc, ev)
                dated_by = Argument(ONT + "time", value=day.isoformat(), datatype=XSD_DATE)
                ev = replace(ev, arguments=(*ev.arguments, dated_by))
        out.append(ev)
    return out


def _offset(doc, ev: EventMention) -> timedelta:
    """How far before or after the lede's day an event in "a day after ...", "two weeks
    before ..." happened: "A day after G accused H, the governor said ..." dates the
    accusation the day before the news."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return timedelta(0)
    root = span.root
    # "a day after G accused H": the trigger's own clause; "a day after the attack": its phrase
    markers = [c for c in root.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if root.dep_ == "pobj" and root.head.lower_ in ("after", "before"):
        markers.append(root.head)
    for marker in markers:
        for unit in (*marker.children, *marker.head.children):
            days = _UNIT_DAYS.get(unit.lemma_.lower())
            if unit.dep_ == "npadvmod" and days is not None:
                n = next((_count(c) for c in unit.children if c.dep_ in ("det", "nummod")), None)
                if n is not None:
                    return timedelta(days=-n * days if marker.lower_ == "after" else n * days)
    return timedelta(0)


_UNIT_DAYS = {"day": 1, "week": 7}


def _count(tok) -> int | None:
    """ "a day", "two weeks", "10 days": how many."""
    return 1 if tok.lower_ in ("a", "an") else count(tok.text)


def _simple_past(doc, ev: EventMention) -> bool:
    """Whether the event's own clause is in the simple past: its verb ("killed", "was hit"),
    or the verb a trigger noun is the subject or object of when that verb tells the event
    ("a strike killed", "carried out a strike"). A noun under another act ("denied
    responsibility for the strike") is dated by nothing here: the past tense is the act's."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span.root
    if verb.pos_ not in ("VERB", "AUX"):
        head = verb.head
        telling = head.lemma_.lower() in lex.LIGHT_VERBS or trigger_class(head) is not None
        if verb.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.pos_ != "VERB" or not telling:
            return False
        verb = head
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"has", "have", "had", "will", "would", "may", "might", "could", "can"}:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"was", "were"}))


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

    def moved_event(ev: EventMention) -> EventMention:
        source = new_id.get(ev.source, ev.source) if ev.source is not None else None
        return replace(ev, arguments=tuple(moved(a) for a in ev.arguments), source=source)

    return [moved_event(ev) for ev in events]
