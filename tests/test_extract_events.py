"""Events: one per occurrence, with the agents that matter, designations and their kinds.

The sentences are written for these tests. Most run through the real pipeline (the
English model, the gazetteer and kg's rules), so they are marked slow; the rules that
need no parse are tested on hand-made records first.
"""

from __future__ import annotations

import doctest
import importlib

import pytest
from support.extraction import extract_one

from kg.extract import designations
from kg.extract.events import confidence
from kg.extract.implied import implied_relations
from kg.ontology import ONT
from kg.types import Argument, EventMention, Span

slow = pytest.mark.slow


def _extract(pipeline, text: str):
    return extract_one(pipeline, text)


def _events(ex) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(class, trigger, {role: [argument texts]}) for each event, in text order."""
    mentions = {m.id: m for m in ex.mentions}
    by_id = {ev.id: ev for ev in ex.events}
    out = []
    for ev in ex.events:
        roles: dict[str, list[str]] = {}
        for a in ev.arguments:
            role = a.role.rsplit("#", 1)[-1]
            if a.mention is not None:
                roles.setdefault(role, []).append(mentions[a.mention].text)
            elif a.event is not None and a.event in by_id:
                roles.setdefault(role, []).append(by_id[a.event].trigger.text)
        out.append((ev.cls.rsplit("#", 1)[-1], ev.trigger.text, roles))
    return out


def _find(events, cls: str, trigger: str) -> dict[str, list[str]]:
    found = [roles for c, t, roles in events if c == cls and t == trigger]
    assert found, f"no {cls} on {trigger!r} in {events}"
    return found[0]


@slow
def test_extract_events_injury_victim_and_the_blast_it_happened_in(pipeline):
    events = _events(_extract(pipeline, "Two soldiers were wounded when a bomb exploded in Kabul."))
    injury = _find(events, "Injury", "wounded")
    assert injury["victim"] == ["Two soldiers"]
    assert injury["during"] == ["exploded"]
    attack = _find(events, "Attack", "exploded")
    assert attack["location"] == ["Kabul"]
    assert "agent" not in attack  # the bomb is what exploded, not who attacked


@slow
@pytest.mark.parametrize(
    "text,cls,trigger,role,expected",
    [
        # the subject of an intransitive "die" is the one who died, not a killer
        ("Three people died in the attack on Tuesday.", "Killing", "died", "victim", ["Three people"]),
        # a reduced relative clause names the harmed
        ("Doctors treated the men injured in the blast.", "Injury", "injured", "victim", ["the men"]),
        # a passive subject is harmed; numbers stand for people
        ("At least 12 were killed and another 30 wounded.", "Injury", "wounded", "victim", ["another 30"]),
        # common-noun attackers and targets
        ("On Sunday, gunmen attacked a police checkpoint near Mosul.", "Attack", "attacked", "agent", ["gunmen"]),
        (
            "On Sunday, gunmen attacked a police checkpoint near Mosul.",
            "Attack",
            "attacked",
            "target",
            ["a police checkpoint"],
        ),
        ("On Sunday, gunmen attacked a police checkpoint near Mosul.", "Attack", "attacked", "location", ["Mosul"]),
        # "dead" said of someone, and the shooting it came from
        ("A man was shot dead by police in Lyon.", "Killing", "dead", "victim", ["A man"]),
        ("A man was shot dead by police in Lyon.", "Killing", "dead", "during", ["shot"]),
        # a participle clause shares its subject: the bomber killed them
        (
            "A suicide bomber blew himself up at a market, killing six civilians.",
            "Killing",
            "killing",
            "victim",
            ["six civilians"],
        ),
        (
            "A suicide bomber blew himself up at a market, killing six civilians.",
            "Attack",
            "blew",
            "agent",
            ["A suicide bomber"],
        ),
        # what is fired is the weapon; what it is fired at is the target
        ("Troops fired tear gas at the protesters.", "Attack", "fired", "target", ["the protesters"]),
        # "suffered injuries": the subject is hurt
        ("Thirteen shoppers suffered minor injuries.", "Injury", "injuries", "victim", ["Thirteen shoppers"]),
    ],
)
def test_extract_events_unnamed_participants(pipeline, text, cls, trigger, role, expected):
    roles = _find(_events(_extract(pipeline, text)), cls, trigger)
    assert roles.get(role) == expected, roles


@slow
@pytest.mark.parametrize(
    "text,cls,trigger",
    [
        ("A loud explosion hit the city centre on Sunday.", "Attack", "explosion"),
        ("The blast at the station shattered windows.", "Attack", "blast"),
        ("They tried to assassinate the mayor.", "Attack", "assassinate"),  # an attempt, no death
        ("Police are investigating the assassination attempt on the mayor.", "Attack", "assassination"),
        ("The gunfire in the old town lasted an hour.", "Attack", "gunfire"),
        ("Nine people were dead.", "Killing", "dead"),
    ],
)
def test_extract_events_kept_without_named_participants(pipeline, text, cls, trigger):
    events = _events(_extract(pipeline, text))
    assert any(c == cls and t == trigger for c, t, _ in events), events


@slow
@pytest.mark.parametrize(
    "text",
    [
        "The sanctions hurt the economy.",  # harm to a thing is a figure of speech
        "Lawmakers killed the bill on Tuesday.",
        "The union called a general strike.",  # a strike by workers
        "Workers went on strike for a day.",
        "Shares in the company exploded after the results.",  # only a device explodes as an attack
        "The company will fire 200 workers.",  # fired from a job
        "Police found a bomb under the car.",  # the device is no attack until it goes off
        "He faces the death penalty.",
    ],
)
def test_extract_events_no_attack_or_harm(pipeline, text):
    events = _events(_extract(pipeline, text))
    assert not [e for e in events if e[0] in ("Attack", "AirStrike", "Killing", "Injury")], events


@slow
def test_extract_events_descriptions_are_not_entities(pipeline):
    from kg.resolve import resolve_article

    ex = _extract(pipeline, "Rebels killed two soldiers in Kabul. Three civilians were injured.")
    described = {m.id for m in ex.mentions if m.kind == "description"}
    assert {m.text for m in ex.mentions if m.kind == "description"} == {"Rebels", "two soldiers", "Three civilians"}
    # every description fills a role, and no relation runs through one
    used = {a.mention for ev in ex.events for a in ev.arguments}
    assert described <= used
    assert not [r for r in ex.relations if r.subject in described or r.object in described]
    resolved = resolve_article(ex, pipeline.by_iri)
    assert not described & set(resolved.mention_entity)
    assert {e.label for e in resolved.entities.values()} == {"Kabul"}


@slow
def test_extract_events_without_names_conform_to_the_shapes(pipeline):
    from rdflib import RDF

    from kg.analyze.project import project
    from kg.rdf.build import article_graph
    from kg.rdf.validate import validate
    from kg.rdf.vocab import KG
    from kg.resolve import resolve_article

    text = "Two soldiers were wounded when a bomb exploded. Later, gunmen attacked a checkpoint."
    ex = _extract(pipeline, text)
    graph = article_graph(resolve_article(ex, pipeline.by_iri))
    conforms, report = validate(graph)
    assert conforms, report
    assert set(graph.subjects(RDF.type, KG.Injury)) and len(set(graph.subjects(RDF.type, KG.Attack))) == 2
    assert not list(graph.triples((None, KG.victim, None)))  # "Two soldiers" is not a node
    assert {m.kind for m in ex.mentions} == {"description"}
    assert project(graph).number_of_nodes() == 0  # no actor, so no network


@slow
def test_extract_events_descriptions_reach_the_extractions_file_without_an_entity(pipeline):
    from kg.resolve import resolve_article
    from kg.store.jsonl import records

    ex = _extract(pipeline, "Two soldiers were wounded when a bomb exploded in Kabul.")
    recs = list(records(resolve_article(ex, pipeline.by_iri)))
    (injury,) = [r for r in recs if r["kind"] == "event" and r["class"].endswith("#Injury")]
    (victim,) = [a for a in injury["arguments"] if a["role"].endswith("#victim")]
    assert victim["entity"] is None and victim["text"] == "Two soldiers"
    assert "Two soldiers" not in {r["text"] for r in recs if r["kind"] == "mention"}


@slow
@pytest.mark.parametrize(
    "text,cls",
    [
        # "week's" says when, not what kind; a country's strike with no ground weapon is from the air
        ("Last week's US strikes on Iraq killed ten people.", "AirStrike"),
        ("The day's air strikes hit Gaza.", "AirStrike"),
    ],
)
def test_extract_events_a_time_before_the_strike_does_not_make_it_a_labour_strike(pipeline, text, cls):
    events = _events(_extract(pipeline, text))
    assert any(c == cls and t == "strikes" for c, t, _ in events), events


@slow
@pytest.mark.parametrize(
    "text,cls,trigger",
    [
        ("The militia did not attack the base.", "Attack", "attack"),
        ("No one was killed in the blast.", "Killing", "killed"),
        ("None of the soldiers were injured.", "Injury", "injured"),
        ("Two soldiers were not hurt.", "Injury", "hurt"),
        ("The victims were never dead.", "Killing", "dead"),
        ("There was no attack on the embassy.", "Attack", "attack"),
    ],
)
def test_extract_events_what_the_text_says_did_not_happen_is_no_event(pipeline, text, cls, trigger):
    events = _events(_extract(pipeline, text))
    assert not any(c == cls and t == trigger for c, t, _ in events), events


@slow
@pytest.mark.parametrize(
    "text,cls,trigger",
    [
        ("A bomb exploded in Kabul, but no one was killed.", "Attack", "exploded"),  # the blast still happened
        ("Nobody claimed the bombing of the embassy.", "Attack", "bombing"),  # nobody claimed it, but it happened
        ("The group has not claimed the attack that killed two soldiers.", "Killing", "killed"),
        ("Iran denied that it had attacked the ship.", "Attack", "attacked"),  # a denial is a claim
    ],
)
def test_extract_events_negation_elsewhere_in_the_sentence_keeps_the_event(pipeline, text, cls, trigger):
    _find(_events(_extract(pipeline, text)), cls, trigger)


# -- rules on hand-made records (no model) ----------------------------------------------------
@pytest.mark.parametrize("module", ["kg.extract.designations", "kg.extract.events"])
def test_extract_events_doctests_hold(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed


@pytest.mark.parametrize(
    "text,label",
    [
        ("a U.S.-designated Foreign Terrorist Organization", "Foreign Terrorist Organization"),
        ("Foreign Terrorist Organisation (FTO)", "Foreign Terrorist Organization"),
        ("an SDGT", "Specially Designated Global Terrorist"),
        ("a proscribed terrorist organisation", "proscribed organisation"),
        ("a terrorist organisation", None),  # kept in the article's words by the caller
    ],
)
def test_extract_events_designation_kinds_get_one_label(text, label):
    assert designations.kind_label(text) == label


@pytest.mark.parametrize(
    "text,kind",
    [("Foreign Terrorist Organization", True), ("the SDGT", True), ("Kataib Hezbollah", False), ("Terror", False)],
)
def test_extract_events_a_kind_name_is_no_actor(text, kind):
    assert designations.is_kind_text(text) is kind


def _designation(value: str) -> EventMention:
    span = Span(0, 3, "abc")
    return EventMention(
        id="e1",
        cls=ONT + "Designation",
        trigger=span,
        arguments=(
            Argument(ONT + "agent", mention=0),
            Argument(ONT + "target", mention=1),
            Argument(ONT + "designatedAs", value=value, span=span),
        ),
        sentence=span,
        confidence=0.8,
        extractor="dependency-patterns/verb-frame",
    )


@pytest.mark.parametrize(
    "value,revoked",
    [
        ("Foreign Terrorist Organization", False),
        (designations.revocation_label("Foreign Terrorist Organization"), True),
        (designations.revocation_label(None), True),
    ],
)
def test_extract_events_a_revoked_designation_implies_no_designated_relation(value, revoked):
    event = _designation(value)
    assert designations.is_revocation(event) is revoked
    predicates = {r.predicate.rsplit("#", 1)[-1] for r in implied_relations([event])}
    assert predicates == (set() if revoked else {"designated"})


def test_extract_events_confidence_tells_strong_from_weak_evidence():
    both = confidence("verb-frame", agent=True, patient=True, participant=True)
    claim = confidence("claim", agent=True, patient=True, participant=True)
    anaphor = confidence("discourse-anaphor", agent=False, patient=True, participant=True)
    bare = confidence("verb-frame", agent=False, patient=False, participant=False)
    assert both > claim > anaphor > bare


# -- one event per occurrence -------------------------------------------------------------------
def _full(ex) -> list[dict]:
    """Each event as a dict: id, class, trigger, extractor, status, source text, roles."""
    mentions = {m.id: m for m in ex.mentions}
    out = []
    for ev in ex.events:
        roles: dict[str, list[str]] = {}
        for a in ev.arguments:
            role = a.role.rsplit("#", 1)[-1]
            if a.mention is not None:
                roles.setdefault(role, []).append(mentions[a.mention].text)
            elif a.value is not None:
                roles.setdefault(role, []).append(a.value)
        out.append(
            {
                "id": ev.id,
                "cls": ev.cls.rsplit("#", 1)[-1],
                "trigger": ev.trigger.text,
                "extractor": ev.extractor,
                "status": ev.status,
                "source": mentions[ev.source].text if ev.source is not None else None,
                **roles,
            }
        )
    return out


def _one(events, trigger: str) -> dict:
    found = [e for e in events if e["trigger"] == trigger]
    assert len(found) == 1, events
    return found[0]


@slow
def test_extract_events_swapped_sides_stay_two_attacks(pipeline):
    text = (
        "US forces struck five facilities of Kataib Hezbollah on Sunday. "
        "Recent Kataib Hezbollah strikes included a rocket attack on Erbil."
    )
    events = _full(_extract(pipeline, text))
    struck, strikes = _one(events, "struck"), _one(events, "strikes")
    assert struck["id"] != strikes["id"]
    assert strikes["agent"] == ["Kataib Hezbollah"]  # the possessor of an attack noun attacks
    assert struck["agent"] == ["US forces"] and struck["target"] == ["Kataib Hezbollah"]
    for e in events:  # nobody attacks itself
        assert not set(e.get("agent", [])) & set(e.get("target", [])), e


@slow
def test_extract_events_a_definite_mention_of_the_same_attack_is_the_same_event(pipeline):
    text = "US forces struck five facilities of Kataib Hezbollah on Sunday. The strikes killed ten fighters."
    events = _full(_extract(pipeline, text))
    assert _one(events, "strikes")["id"] == _one(events, "struck")["id"]
    assert _one(events, "strikes")["extractor"].endswith("/discourse-anaphor")


@pytest.mark.parametrize(
    "text,first,second",
    [
        # its own modifier says it is another bombing: no truck was said of the first
        ("A bombing at a wedding in Kabul killed 20 people. The truck bombing killed 90.", "bombing", "bombing"),
        # "previous" sets it apart
        ("Gunmen attacked a hotel in Kabul. The previous attack killed 40 people.", "attacked", "attack"),
        # another place
        ("A bombing in Kabul killed 20 people. The bombing in Kandahar killed five.", "bombing", "bombing"),
    ],
)
@slow
def test_extract_events_different_occurrences_never_merge(pipeline, text, first, second):
    events = [e for e in _full(_extract(pipeline, text)) if e["cls"] in ("Attack", "AirStrike")]
    ids = {e["id"] for e in events if e["trigger"] in (first, second)}
    assert len(ids) == 2, events


@slow
def test_extract_events_an_event_with_nothing_said_of_it_is_not_emitted(pipeline):
    assert _full(_extract(pipeline, "Police are investigating the assassination attempt.")) == []
    # said of an event the article tells more of, it is a mention of that event
    events = _full(_extract(pipeline, "A bomb exploded in Kabul on Sunday. Police are investigating the blast."))
    assert _one(events, "blast")["id"] == _one(events, "exploded")["id"]


# -- the agents that matter ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,trigger,agents,targets",
    [
        (
            "France and Britain struck targets of the Islamic State group in Syria.",
            "struck",
            ["France", "Britain"],
            None,
        ),
        ("The base was targeted by the Houthis.", "targeted", ["Houthis"], ["The base"]),
        ("Missiles fired by the Houthis hit the ship.", "fired", ["Houthis"], ["the ship"]),
        ("Hezbollah's attack on the base killed two soldiers.", "attack", ["Hezbollah"], ["the base"]),
        ("An Israeli strike killed three fighters in Jouya.", "strike", ["Israeli"], None),
        ("Al Shabaab fighters killed 15 soldiers in an attack on a military base.", "attack", ["Al Shabaab"], None),
        ("Militants attacked a military base near Mogadishu.", "attacked", ["Militants"], ["a military base"]),
        # who leads the campaign that acts: "X-led"
        ("A French-led coalition struck Islamic State positions in Mosul.", "struck", ["French"], None),
    ],
)
@slow
def test_extract_events_agents_and_targets(pipeline, text, trigger, agents, targets):
    event = _one(_full(_extract(pipeline, text)), trigger)
    assert event.get("agent") == agents, event
    if targets is not None:
        assert event.get("target") == targets, event
    assert event["status"] == "asserted"


@pytest.mark.parametrize(
    "text,trigger,claimant",
    [
        ("Hezbollah claimed the bombing.", "bombing", "Hezbollah"),
        ("The Islamic State group claimed responsibility for the attack in Kabul.", "attack", "Islamic State group"),
        ("Al Shabaab claimed responsibility on Thursday for an attack on a military camp.", "attack", "Al Shabaab"),
    ],
)
@slow
def test_extract_events_a_claim_makes_the_claimant_the_agent_as_a_claim(pipeline, text, trigger, claimant):
    event = _one(_full(_extract(pipeline, text)), trigger)
    assert event["agent"] == [claimant]
    assert event["status"] == "claimed" and event["source"] == claimant
    assert event["extractor"].endswith("/claim")


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Nobody claimed the bombing of the embassy.", "bombing"),
        ("The Houthis did not claim the attack on the ship.", "attack"),
        ("The Houthis have yet to claim the attack on the ship.", "attack"),
    ],
)
@slow
def test_extract_events_a_claim_that_was_not_made_names_no_agent(pipeline, text, trigger):
    assert "agent" not in _one(_full(_extract(pipeline, text)), trigger)


@slow
def test_extract_events_a_denial_of_responsibility_is_marked_denied(pipeline):
    event = _one(_full(_extract(pipeline, "Ukraine denied responsibility for the drone strike on Moscow.")), "strike")
    assert event["agent"] == ["Ukraine"] and event["status"] == "denied" and event["source"] == "Ukraine"


@slow
@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah fighters attacked the base on Monday. Hezbollah claimed the attack.",
        "Gunmen attacked the base on Monday. Hezbollah claimed the attack.",  # who, the text says
    ],
)
def test_extract_events_a_claim_does_not_replace_the_agent_the_text_gives(pipeline, text):
    events = [e for e in _full(_extract(pipeline, text)) if e["cls"] == "Attack"]
    assert len({e["id"] for e in events}) == 1, events
    assert _one(events, "attacked")["status"] == "asserted"
    # no agent from the claim (the status of the words "claimed the attack" is the modality pass's)
    anaphor = _one(events, "attack")
    assert anaphor.get("agent") is None and anaphor["extractor"].endswith("/discourse-anaphor"), anaphor


# -- questions ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Which Moscow-backed groups did France strike?",
        "Which Moscow-backed groups did France strike",  # a headline without its question mark
        "Did Israel kill the commander in Beirut?",
    ],
)
@slow
def test_extract_events_a_question_asserts_no_event(pipeline, text):
    assert _full(_extract(pipeline, text)) == []


@slow
def test_extract_events_the_same_words_stated_are_an_event(pipeline):
    event = _one(_full(_extract(pipeline, "France struck Moscow-backed groups in Mali.")), "struck")
    assert event["agent"] == ["France"] and "France" not in event.get("target", [])


# -- designations ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,trigger,agent,target,kind",
    [
        (
            "Kataib Hezbollah, a US-designated Foreign Terrorist Organization, denied it.",
            "designated",
            ["US"],
            ["Kataib Hezbollah"],
            ["Foreign Terrorist Organization"],
        ),
        (
            "Kataib Hezbollah, a U.S.-designated Foreign Terrorist Organization, denied it.",
            "U.S.-designated",
            None,  # "U.S." inside one token is no mention yet
            ["Kataib Hezbollah"],
            ["Foreign Terrorist Organization"],
        ),
        (
            "The US branded the Houthis a Foreign Terrorist Organization in January.",
            "branded",
            ["US"],
            ["Houthis"],
            ["Foreign Terrorist Organization"],
        ),
        ("Britain proscribed Hamas in 2021.", "proscribed", ["Britain"], ["Hamas"], ["proscribed organisation"]),
        (
            "The US re-listed the Houthis as a Specially Designated Global Terrorist group.",
            "re-listed",
            ["US"],
            ["Houthis"],
            ["Specially Designated Global Terrorist"],
        ),
        ("The Treasury sanctioned Hezbollah on Tuesday.", "sanctioned", ["Treasury"], ["Hezbollah"], ["sanctions"]),
        ("Washington imposed sanctions on Hezbollah.", "sanctions", ["Washington"], ["Hezbollah"], ["sanctions"]),
        (
            "Canada added Hamas to its list of terrorist entities.",
            "added",
            ["Canada"],
            ["Hamas"],
            ["terrorist entities"],
        ),
        # revocations are designations too, marked in their kind
        (
            "The State Department revoked the designation of the Houthis as a Foreign Terrorist Organization.",
            "designation",
            ["State Department"],
            ["Houthis"],
            ["revoked: Foreign Terrorist Organization"],
        ),
        ("Hamas was de-listed by Canada last year.", "de-listed", ["Canada"], ["Hamas"], ["revoked"]),
        (
            "Washington lifted sanctions on Hezbollah.",
            "sanctions",
            ["Washington"],
            ["Hezbollah"],
            ["revoked: sanctions"],
        ),
    ],
)
@slow
def test_extract_events_designations(pipeline, text, trigger, agent, target, kind):
    ex = _extract(pipeline, text)
    event = _one([e for e in _full(ex) if e["cls"] == "Designation"], trigger)
    assert event.get("agent") == agent and event.get("target") == target, event
    assert event.get("designatedAs") == kind, event
    designated = {r.predicate.rsplit("#", 1)[-1] for r in ex.relations} & {"designated"}
    assert designated == (set() if kind[0].startswith("revoked") or agent is None else {"designated"})


@slow
def test_extract_events_a_designation_kind_is_never_a_participant(pipeline):
    text = (
        "Muhammadawi is the former Secretary-General of Kataib Hezbollah (KH), "
        "a US-designated Foreign Terrorist Organization and SDGT."
    )
    events = _full(_extract(pipeline, text))
    (designation,) = [e for e in events if e["cls"] == "Designation"]
    assert designation["agent"] == ["US"] and designation["target"] == ["KH"]
    assert designation["designatedAs"] == ["Foreign Terrorist Organization", "Specially Designated Global Terrorist"]
    participants = {t for e in events for r in ("agent", "target", "victim") for t in e.get(r, [])}
    assert not participants & {"Foreign Terrorist Organization", "SDGT"}


@pytest.mark.parametrize(
    "text",
    [
        "Officials listed the names of the victims.",
        "The Specially Designated Global Terrorist list grew.",
        "He added that the talks would resume.",
        "The US did not designate Hamas.",
    ],
)
@slow
def test_extract_events_no_designation(pipeline, text):
    assert not [e for e in _full(_extract(pipeline, text)) if e["cls"] == "Designation"]


# -- types ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,trigger,cls",
    [
        ("The Houthis launched an anti-ship missile attack on a tanker.", "attack", "Attack"),
        # an air strike is an attack from the air by aircraft or drones (ontologies/kg.ttl)
        ("A drone strike hit the convoy near Sanaa.", "strike", "AirStrike"),
        ("Militants launched a drone attack on the airport.", "attack", "AirStrike"),
        ("Helicopter gunships struck the convoy.", "struck", "AirStrike"),
        ("The village was struck from the air.", "struck", "AirStrike"),
        # a country's strike is from the air unless a ground weapon is named
        ("An Israeli strike killed a commander in the village.", "strike", "AirStrike"),
        ("A French strike hit the convoy.", "strike", "AirStrike"),
        ("An Israeli artillery strike hit the village.", "strike", "Attack"),
        ("A Russian missile strike hit the city.", "strike", "Attack"),
        ("Israeli attacks hit the village.", "attacks", "Attack"),
        ("Gunmen launched a strike on the convoy.", "strike", "Attack"),
        ("Rockets struck the base near Erbil.", "struck", "Attack"),
        ("US warplanes struck the base near Erbil.", "struck", "AirStrike"),
        ("Israeli air strikes hit Gaza.", "strikes", "AirStrike"),
        ("The airstrike hit a school in Gaza.", "airstrike", "AirStrike"),
    ],
)
@slow
def test_extract_events_only_aircraft_make_an_air_strike(pipeline, text, trigger, cls):
    assert _one(_full(_extract(pipeline, text)), trigger)["cls"] == cls


# -- statements -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Hezbollah said in a statement that its commander was killed.", "said"),
        ("Hamas announced a ceasefire on Monday.", "announced"),
        ("The Pentagon said in a press release that the base was hit.", "said"),
        ("“We struck the base,” Hamas’s statement reads.", "reads"),
    ],
)
@slow
def test_extract_events_an_explicit_statement_is_a_statement_event(pipeline, text, trigger):
    assert _one(_full(_extract(pipeline, text)), trigger)["cls"] == "Statement"


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah said its commander was killed.",
        "Hamas told reporters that the talks had failed.",
        "The ceasefire holds, Hamas added.",
        "Hamas tweeted that the talks had failed.",
        "Hamas claimed that the talks had failed.",
        "Hamas read the report.",
    ],
)
@slow
def test_extract_events_plain_saying_is_no_statement_event(pipeline, text):
    assert [e for e in _full(_extract(pipeline, text)) if e["cls"] == "Statement"] == []


# -- casualties of an attack ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,cls,trigger,attack",
    [
        ("Officials said the attack killed 100 soldiers and injured many others.", "Injury", "injured", "attack"),
        ("Hamas claimed the attack, with officials saying three people were wounded.", "Injury", "wounded", "attack"),
        ("An artillery strike wounded two people in the town of Kherson.", "Injury", "wounded", "strike"),
        ("The campaign went on, with a series of strikes killing 16 people.", "Killing", "killing", "strikes"),
        ("Gunmen stormed the hotel on Monday and five guests were killed.", "Killing", "killed", "stormed"),
    ],
)
@slow
def test_extract_events_a_casualty_of_an_attack_in_its_sentence_happened_during_it(
    pipeline, text, cls, trigger, attack
):
    events = _events(_extract(pipeline, text))
    assert _find(events, cls, trigger).get("during") == [attack], events


@pytest.mark.parametrize(
    "text,cls,trigger",
    [
        # a killer of its own: its own event
        ("After the attack on the base, Hamas said it killed nine soldiers.", "Killing", "killed"),
        # the attacks come after, in a clause about the place
        ("He was killed near the frontline, an area that has seen attacks since May.", "Killing", "killed"),
    ],
)
@slow
def test_extract_events_a_casualty_with_its_own_doer_or_before_any_attack_stays_apart(pipeline, text, cls, trigger):
    events = _events(_extract(pipeline, text))
    assert "during" not in _find(events, cls, trigger), events


def _occasions(ex, trigger: str) -> list[str | None]:
    """For each harm on ``trigger``, in text order, the first trigger word of the event it
    happened in (None when it is linked to none)."""
    first = {}
    for ev in ex.events:
        first.setdefault(ev.id, ev.trigger.text)
    harms = [ev for ev in ex.events if ev.trigger.text == trigger and ev.cls.endswith(("#Killing", "#Injury"))]
    return [next((first.get(a.event) for a in h.arguments if a.role.endswith("#during")), None) for h in harms]


@slow
def test_extract_events_a_death_told_later_with_no_doer_happened_in_the_attack_the_article_opens_with(pipeline):
    text = (
        "An Israeli strike killed a Hezbollah commander in south Lebanon on Tuesday. "
        "A second strike hit a car in the town of Shehabiya. "
        "Hezbollah said in a statement that Taleb Abdallah had been killed."
    )
    ex = _extract(pipeline, text)
    assert _occasions(ex, "killed") == ["strike", "strike"]
    strikes = [ev.id for ev in ex.events if ev.trigger.text == "strike"]
    later = [ev for ev in ex.events if ev.trigger.text == "killed"][-1]
    assert len(set(strikes)) == 2
    assert [a.event for a in later.arguments if a.role.endswith("#during")] == strikes[:1]  # the lede's
    # linked, but its own sentence names no doer: the later killing takes no agent from the strike
    assert not [a for a in later.arguments if a.role.endswith("#agent")]


@slow
@pytest.mark.parametrize(
    ("text", "harm", "attack"),
    [
        # the death of someone told later, with only who it befell, is a casualty of the lede attack
        (
            "An Israeli strike killed a Hezbollah commander in south Lebanon on Tuesday. "
            "Hezbollah confirmed the death of the commander in a statement.",
            "death",
            "strike",
        ),
        # "killed in the attack": the attack is the assault told before, and so is the harm's
        (
            "Al Shabaab claimed Sunday's large assault on a military base near Mogadishu. "
            "At least 23 soldiers were killed in the attack.",
            "killed",
            "assault",
        ),
    ],
)
def test_extract_events_a_harm_told_later_joins_the_attack_it_refers_to(pipeline, text, harm, attack):
    assert _occasions(_extract(pipeline, text), harm) == [attack]


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("An Israeli strike hit a car in Lebanon on Tuesday. Officials said the commander is dead.", "dead"),
        ("An Israeli strike hit a car in Lebanon on Tuesday. His brother died in a car crash in 2019.", "died"),
        # its own cause and its own time: an earlier bombing recalled, not the lede's
        (
            "A truck bomb went off in Mogadishu on Saturday. In 2017 a truck bomb ignited a tanker and killed 587.",
            "killed",
        ),
    ],
)
@slow
def test_extract_events_a_state_or_a_death_with_its_own_occasion_is_no_casualty_of_an_earlier_attack(
    pipeline, text, trigger
):
    assert _occasions(_extract(pipeline, text), trigger) in ([None], [])


# -- where ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,trigger,place",
    [
        # where the targets were is where the attack was
        ("US air strikes against militants in Syria killed ten.", "strikes", "Syria"),
        ("The US carried out more air strikes against positions near the city of Mosul.", "strikes", "Mosul"),
        ("An artillery strike wounded one person in the town of Kherson.", "strike", "Kherson"),
        ("Gunmen shelled positions near Mosul.", "shelled", "Mosul"),
    ],
)
@slow
def test_extract_events_the_place_of_the_target_is_the_place_of_the_attack(pipeline, text, trigger, place):
    assert place in _one(_full(_extract(pipeline, text)), trigger).get("location", [])


@pytest.mark.parametrize(
    "text,trigger,place",
    [
        # a border has two sides; "from" says where someone came from
        ("Air strikes against militants near the border with Mali killed ten.", "strikes", "Mali"),
        ("Gunmen launched an attack on a camp in Niger near the border with Mali.", "attack", "Mali"),
        ("Warplanes struck militias near the Iraq-Syria border.", "struck", "Syria"),
        ("Police said a man from Gaza was killed.", "killed", "Gaza"),
    ],
)
@slow
def test_extract_events_a_border_or_an_origin_is_no_place_of_the_attack(pipeline, text, trigger, place):
    assert place not in _one(_full(_extract(pipeline, text)), trigger).get("location", [])


@slow
def test_extract_events_an_attack_on_a_groups_fighters_targets_the_group(pipeline):
    event = _one(_full(_extract(pipeline, "Al Shabaab claimed an attack on fighters from Hamas.")), "attack")
    assert "Hamas" in event.get("target", [])


@pytest.mark.parametrize(
    "text,trigger,group",
    [
        ("An Israeli strike killed a Hezbollah commander in the village.", "strike", "Hezbollah"),
        ("An airstrike killed a commander of Hamas in Gaza.", "airstrike", "Hamas"),
        ("Two Hamas fighters were killed in the raid.", "raid", "Hamas"),
    ],
)
@slow
def test_extract_events_an_attack_that_harms_a_groups_members_targets_the_group(pipeline, text, trigger, group):
    assert group in _one(_full(_extract(pipeline, text)), trigger).get("target", [])


@slow
def test_extract_events_an_attack_that_harms_residents_does_not_target_their_town(pipeline):
    event = _one(_full(_extract(pipeline, "A rocket attack killed three Gaza residents.")), "attack")
    assert "Gaza" not in event.get("target", [])


# -- when: an event's date from the text, resolved against the article's date -----------------


def _dated(pipeline, text: str, published: str = "2024-06-12"):
    return _full(extract_one(pipeline, text, published))


@slow
@pytest.mark.parametrize(
    "text,trigger,time",
    [
        # the harm's time is the strike's: "a strike ... late Tuesday killed"
        ("Earlier, an Israeli strike on the town of Khiam late Tuesday killed two fighters.", "strike", "2024-06-11"),
        # a date and a time of day are one expression
        ("Later, a rocket attack killed a Hamas official in Gaza City on Monday morning.", "attack", "2024-06-10"),
        # an act done by saying it is dated by its report
        ("Earlier, the US has designated the Houthis as terrorists, informed the State Department on Monday.",
         "designated", "2024-06-10"),
        # the lede's simple past, with no time of its own: the article's day
        ("An Israeli strike killed a Hamas commander in Rafah.", "strike", "2024-06-12"),
    ],
)  # fmt: skip
def test_extract_events_are_dated_from_the_text_and_the_articles_date(pipeline, text, trigger, time):
    assert _one(_dated(pipeline, text), trigger).get("time") == [time]


@slow
@pytest.mark.parametrize(
    "text,trigger",
    [
        # a perfect reports a campaign, not a day
        ("The Houthis have attacked more than 60 ships in the Red Sea.", "attacked"),
        # only the lede takes the article's day
        ("Talks resumed in Cairo. An Israeli strike killed a Hamas commander in Rafah.", "strike"),
    ],
)
def test_extract_events_without_a_time_in_the_text_stay_undated(pipeline, text, trigger):
    assert "time" not in _one(_dated(pipeline, text), trigger)


@slow
@pytest.mark.parametrize(
    "text,trigger,cls,agents,targets",
    [
        ("Turkey accused the PKK of a bombing in Ankara.", "accused", "Accusation", ["Turkey"], ["PKK"]),
        ("The minister blamed Hezbollah for the rocket fire.", "blamed", "Accusation", None, ["Hezbollah"]),
        ("Hamas rejected the Israeli proposal on Monday.", "rejected", "Rejection", ["Hamas"], None),
        ("Hamas and Fatah agreed to form a government.", "agreed", "Agreement", ["Hamas", "Fatah"], None),
        ("Iraqi police arrested a Kataib Hezbollah commander in Baghdad.", "arrested", "Arrest", None, None),
        ("Thousands of Kurds protested against Turkey in Berlin.", "protested", "Protest", None, ["Turkey"]),
        ("Iran mobilized troops near the border with Iraq.", "mobilized", "Mobilization", ["Iran"], None),
    ],
)
def test_extract_events_plover_acts(pipeline, text, trigger, cls, agents, targets):
    event = _one(_full(_extract(pipeline, text)), trigger)
    assert event["cls"] == cls, event
    if agents is not None:
        assert event.get("agent") == agents, event
    if targets is not None:
        assert event.get("target") == targets, event


@slow
@pytest.mark.parametrize(
    "text",
    [
        "The two sides remain in a dispute over the border.",  # a dispute is no act of rejecting
        "Analysts agree that the war will be long.",  # no named party agrees to anything
    ],
)
def test_extract_events_no_plover_act_without_its_syntax(pipeline, text):
    assert not [e for e in _full(_extract(pipeline, text)) if e["cls"] in ("Rejection", "Agreement")]


@slow
def test_extract_events_weapons_launched_at_a_target_are_an_attack_and_a_product_launch_is_not(pipeline):
    events = _events(_extract(pipeline, "The Lantern Front launched rockets at an army base in Kassala on Monday."))
    attack = _find(events, "Attack", "launched")
    assert attack["agent"] == ["Lantern Front"] and attack["location"] == ["Kassala"]
    assert _events(_extract(pipeline, "Orvex launched a new phone and a campaign in Kassala on Monday.")) == []


@slow
def test_extract_events_what_came_under_fire_is_the_target(pipeline):
    events = _events(_extract(pipeline, "A police convoy came under fire near Kassala on Monday."))
    assert _find(events, "Attack", "fire")["target"] == ["A police convoy"]


@slow
def test_extract_events_coming_under_fire_in_an_attack_by_someone_is_that_one_attack(pipeline):
    text = (
        "A cargo ship traveling through the Gulf of Aden came under fire on Friday "
        "in an attack launched by the Lantern Front."
    )
    events = [e for e in _events(_extract(pipeline, text)) if e[0] in ("Attack", "AirStrike")]
    assert len(events) == 1, events
    roles = events[0][2]
    assert roles["agent"] == ["Lantern Front"] and roles["target"] == ["A cargo ship"]
    assert roles["location"] == ["Gulf of Aden"]  # where the ship was passing


@slow
def test_extract_events_where_a_target_was_passing_is_no_place_of_a_target_going_somewhere(pipeline):
    events = _events(_extract(pipeline, "A convoy driving near Kassala was ambushed on Monday."))
    assert _find(events, "Attack", "ambushed")["location"] == ["Kassala"]
    events = _events(_extract(pipeline, "A convoy carrying aid to Kassala was ambushed on Monday."))
    assert "location" not in _find(events, "Attack", "ambushed")


@slow
def test_extract_events_a_date_inside_the_event_phrase_dates_it_even_when_tagged_a_place(pipeline):
    strike = _one(_dated(pipeline, "Officials called it a reply to the Jan. 3 strike on the port."), "strike")
    assert strike["time"] == ["2024-01-03"]


@slow
def test_extract_events_a_harm_in_the_lede_takes_the_day_of_the_attack_that_did_it(pipeline):
    events = _dated(pipeline, "Two guards were killed when a drone hit a depot near Kassala on Sunday.", "2024-06-12")
    assert _one(events, "killed")["time"] == _one(events, "hit")["time"] == ["2024-06-09"]


@slow
def test_extract_events_strikes_told_after_one_strike_are_a_series_not_that_strike(pipeline):
    text = (
        "Rami Haddad, a senior commander, was killed in an Israeli strike in January. "
        "Some 300 fighters have been killed in Israeli strikes on Lebanon since October."
    )
    ex = _extract(pipeline, text)
    strikes = {ev.id for ev in ex.events if ev.cls.endswith(("#AirStrike", "#Attack"))}
    assert len(strikes) == 2, _events(ex)


@slow
def test_extract_events_the_accused_is_the_claimed_agent_of_the_attacks_they_are_accused_of(pipeline):
    ex = _extract(pipeline, "The Lantern Front accused the Kassala Brigade of drone attacks on Kassala.")
    attack = next(ev for ev in ex.events if ev.trigger.text == "attacks")
    text_of = {m.id: m.text for m in ex.mentions}
    agents = [text_of[a.mention] for a in attack.arguments if a.role.endswith("#agent")]
    assert agents == ["Kassala Brigade"]
    assert attack.status == "claimed" and text_of[attack.source] == "Lantern Front"
    # "blamed X for the attack": which attack is for the anaphor to say; X is not made its agent here
    ex = _extract(
        pipeline, "A drone hit a depot in Kassala. The Lantern Front blamed the Kassala Brigade for the attack."
    )
    assert not any(a.role.endswith("#agent") for ev in ex.events if ev.trigger.text == "attack" for a in ev.arguments)


@slow
def test_extract_events_a_clause_of_since_bounds_the_time_and_is_no_occasion_of_the_harm(pipeline):
    text = "Some 300 fighters have been killed by Israeli strikes in Lebanon since Hamas attacked southern Israel."
    killed = _find(_events(_extract(pipeline, text)), "Killing", "killed")
    assert killed.get("during") == ["strikes"]
    text = "Two guards were wounded when a bomb exploded in Kassala."
    assert _find(_events(_extract(pipeline, text)), "Injury", "wounded")["during"] == ["exploded"]


@slow
@pytest.mark.parametrize(
    "text",
    [
        "The president stopped short of striking inside Kassala.",
        "The Lantern Front refrained from attacking the port.",
        "The army refused to fire on the protesters.",
    ],
)
def test_extract_events_an_act_someone_held_back_from_is_no_event(pipeline, text):
    assert [e for e in _events(_extract(pipeline, text)) if e[0] in ("Attack", "AirStrike")] == []


@slow
def test_extract_events_a_place_that_killed_is_the_attack_on_it_that_did(pipeline):
    text = "The Lantern Front struck back for a drone attack on an army base that killed three soldiers and wounded 40."
    events = _events(_extract(pipeline, text))
    for cls, trigger in (("Killing", "killed"), ("Injury", "wounded")):
        harm = _find(events, cls, trigger)
        assert "agent" not in harm and harm["during"] == ["attack"], harm


@slow
def test_extract_events_a_group_is_never_the_one_killed_its_people_are(pipeline):
    events = _events(_extract(pipeline, "He was the most senior Lantern Front figure killed since the war began."))
    assert all("Lantern Front" not in roles.get("victim", []) for _, _, roles in events), events
    events = _events(_extract(pipeline, "A drone strike killed a Lantern Front commander near Kassala."))
    assert _find(events, "AirStrike", "strike")["target"] == ["Lantern Front"]  # the group was the target


@slow
def test_extract_events_a_designation_kind_is_no_actor_and_an_intended_designation_is_hedged(pipeline):
    text = (
        "Pompeo said he intends to designate the Lantern Front as a Foreign Terrorist Organization (FTO) "
        "and as a Specially Designated Global Terrorist (SDGT)."
    )
    ex = _extract(pipeline, text)
    assert not {m.text for m in ex.mentions} & {"Foreign Terrorist Organization", "FTO", "SDGT"}
    (designation,) = [ev for ev in ex.events if ev.cls.endswith("#Designation")]
    text_of = {m.id: m.text for m in ex.mentions}
    targets = [text_of[a.mention] for a in designation.arguments if a.role.endswith("#target")]
    assert targets == ["Lantern Front"]  # "designate" has an object: a verb, whatever its tag
    assert designation.status == "hedged"  # intended, not done


@slow
@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        # an active verb joined to a passive one shares its subject
        (
            "The Lantern Front was driven out of Kassala in 2011, but still carries out attacks on army posts.",
            "attacks",
            "Lantern Front",
        ),
        # who "was reported to have" done it did it
        ("The Kassala Brigade was reported to have carried out the raid on the port.", "raid", "Kassala Brigade"),
    ],
)
def test_extract_events_the_subject_of_a_passive_verb_above_the_act_did_it(pipeline, text, trigger, agent):
    assert _find(_events(_extract(pipeline, text)), "Attack", trigger)["agent"] == [agent]


@slow
def test_extract_events_a_state_before_deaths_is_whose_people_died_not_the_killer(pipeline):
    events = _events(_extract(pipeline, "The first US deaths came after months of attacks near Kassala."))
    assert all("US" not in roles.get("agent", []) for _, _, roles in events), events
    events = _events(_extract(pipeline, "A US strike killed two fighters near Kassala."))
    assert _find(events, "AirStrike", "strike")["agent"] == ["US"]
