"""Attacks, killings and injuries: found without named participants, with their victims.

The sentences are written for these tests. Each runs through the real pipeline (the
English model, the gazetteer and kg's rules), so these tests are marked slow.
"""

from __future__ import annotations

import pytest

from kg.types import Article

pytestmark = pytest.mark.slow


def _extract(pipeline, text: str):
    (ex,) = pipeline.extract([Article(id="t", text=text)])
    return ex


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


def test_extract_events_injury_victim_and_the_blast_it_happened_in(pipeline):
    events = _events(_extract(pipeline, "Two soldiers were wounded when a bomb exploded in Kabul."))
    injury = _find(events, "Injury", "wounded")
    assert injury["victim"] == ["Two soldiers"]
    assert injury["during"] == ["exploded"]
    attack = _find(events, "Attack", "exploded")
    assert attack["location"] == ["Kabul"]
    assert "agent" not in attack  # the bomb is what exploded, not who attacked


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


@pytest.mark.parametrize(
    "text,cls,trigger",
    [
        ("A loud explosion was heard across the city.", "Attack", "explosion"),
        ("The blast shattered windows.", "Attack", "blast"),
        ("They tried to assassinate the mayor.", "Attack", "assassinate"),  # an attempt, no death
        ("Police are investigating the assassination attempt.", "Attack", "assassination"),
        ("The gunfire lasted an hour.", "Attack", "gunfire"),
        ("Nine people were dead.", "Killing", "dead"),
    ],
)
def test_extract_events_kept_without_named_participants(pipeline, text, cls, trigger):
    events = _events(_extract(pipeline, text))
    assert any(c == cls and t == trigger for c, t, _ in events), events


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


def test_extract_events_descriptions_reach_the_extractions_file_without_an_entity(pipeline):
    from kg.resolve import resolve_article
    from kg.store.jsonl import records

    ex = _extract(pipeline, "Two soldiers were wounded when a bomb exploded in Kabul.")
    recs = list(records(resolve_article(ex, pipeline.by_iri)))
    (injury,) = [r for r in recs if r["kind"] == "event" and r["class"].endswith("#Injury")]
    (victim,) = [a for a in injury["arguments"] if a["role"].endswith("#victim")]
    assert victim["entity"] is None and victim["text"] == "Two soldiers"
    assert "Two soldiers" not in {r["text"] for r in recs if r["kind"] == "mention"}


@pytest.mark.parametrize(
    "text,cls",
    [
        ("Last week's US strikes on Iraq killed ten people.", "Attack"),  # "week's" says when, not what kind
        ("The day's air strikes hit Gaza.", "AirStrike"),
    ],
)
def test_extract_events_a_time_before_the_strike_does_not_make_it_a_labour_strike(pipeline, text, cls):
    events = _events(_extract(pipeline, text))
    assert any(c == cls and t == "strikes" for c, t, _ in events), events


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


@pytest.mark.parametrize(
    "text,cls,trigger",
    [
        ("No one was killed in the blast.", "Attack", "blast"),  # the blast still happened
        ("Nobody claimed the bombing.", "Attack", "bombing"),  # nobody claimed it, but it happened
        ("The group has not claimed the attack that killed two soldiers.", "Killing", "killed"),
        ("Iran denied that it had attacked the ship.", "Attack", "attacked"),  # a denial is a claim
    ],
)
def test_extract_events_negation_elsewhere_in_the_sentence_keeps_the_event(pipeline, text, cls, trigger):
    _find(_events(_extract(pipeline, text)), cls, trigger)
