"""How the text presents a fact: asserted, claimed (and by whom), hedged or denied."""

from __future__ import annotations

import pytest
from support.extraction import extract_one

slow = pytest.mark.slow


def _event(ex, trigger: str) -> tuple[str, str | None]:
    """(status, text of the source mention) of the one event on ``trigger``."""
    found = [ev for ev in ex.events if ev.trigger.text == trigger]
    assert len(found) == 1, [(ev.trigger.text, ev.status) for ev in ex.events]
    source = found[0].source
    return found[0].status, None if source is None else ex.mentions[source].text


def _relation(ex, subject: str, predicate: str, obj: str) -> tuple[str, str | None]:
    """(status, source text) of the relation between the two named mentions."""
    text = {m.id: m.text for m in ex.mentions}
    found = [
        r
        for r in ex.relations
        if text[r.subject] == subject and r.predicate.endswith("#" + predicate) and text[r.object] == obj
    ]
    assert found, [(text[r.subject], r.predicate, text[r.object], r.status) for r in ex.relations]
    r = max(found, key=lambda r: r.confidence)
    return r.status, None if r.source is None else text[r.source]


@slow
@pytest.mark.parametrize(
    "text,trigger,status,source",
    [
        ("Gunmen attacked a police post in Kirkuk on Monday.", "attacked", "asserted", None),
        ("Gunmen reportedly attacked a police post in Kirkuk.", "attacked", "hedged", None),
        ("Turkey said gunmen attacked a police post in Kirkuk.", "attacked", "claimed", "Turkey"),
        ("The army said gunmen attacked a police post in Kirkuk.", "attacked", "claimed", None),  # unnamed
        # a second subject after a speech verb that has one is the reported clause's (a common misparse)
        (
            "Separately, the governor of Hatay, near the border, says a rocket strike wounded two guards.",
            "strike",
            "claimed",
            None,
        ),
        # an accusation is the accuser's claim
        ("Turkey accused the PKK of sending drones to attack a depot.", "attack", "claimed", "Turkey"),
        ("Turkey blamed the PKK for the bombing in Ankara.", "bombing", "claimed", "Turkey"),
        # an act yet to be done, or done only under a condition, is no act done
        ("Turkey warned it would strike the PKK in Iraq if attacked.", "strike", "hedged", None),
        ("The PKK will attack army posts in Hakkari, its commander said.", "attack", "hedged", None),
        ("The PKK vowed to attack army posts in Hakkari.", "attack", "hedged", None),
        # a finite verb joined by "and" is a clause of its own, not under the intention
        ("The PKK wants to expand and carried out attacks in Hakkari.", "attacks", "asserted", None),
        # a hedge on what the fact is said to be
        ("A drone attack on Hatay was the probable cause of the fire.", "attack", "hedged", None),
        ("The PKK denied carrying out the bombing in Ankara.", "bombing", "denied", "PKK"),
    ],
)
def test_modality_of_events(pipeline, text, trigger, status, source):
    assert _event(extract_one(pipeline, text), trigger) == (status, source)


@slow
def test_modality_a_description_inside_a_direct_quote_is_the_speakers_claim(pipeline):
    ex = extract_one(pipeline, 'The army said its "jets struck Omar Haddad, the commander of Hezbollah in the south".')
    assert _relation(ex, "Omar Haddad", "leaderOf", "Hezbollah")[0] == "claimed"
    ex = extract_one(pipeline, "Omar Haddad, the commander of Hezbollah in the south, was killed, the army said.")
    assert _relation(ex, "Omar Haddad", "leaderOf", "Hezbollah") == ("asserted", None)  # the outlet's words


@slow
def test_modality_an_identification_by_someone_is_their_claim(pipeline):
    ex = extract_one(pipeline, "Omar Haddad was identified by Israel as the commander of Hezbollah.")
    assert _relation(ex, "Omar Haddad", "leaderOf", "Hezbollah") == ("claimed", "Israel")


@slow
def test_modality_an_attack_a_report_tells_of_in_its_prepositional_phrase_is_claimed(pipeline):
    ex = extract_one(pipeline, "The state news agency reported one dead in a drone strike on a car near Kassala.")
    assert _event(ex, "strike")[0] == "claimed"
    ex = extract_one(pipeline, "A drone strike on a car near Kassala killed one, the agency reported in a bulletin.")
    assert _event(ex, "strike")[0] == "claimed"
