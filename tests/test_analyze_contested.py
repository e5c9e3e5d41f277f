"""Contested facts: a claim and a denial of one fact, and reports of one event naming different agents."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.analyze.contested import contested

ARTICLES = {
    # one strike, claimed by one party and denied by the other, in two articles
    "moscow-strike-2023-05-31.txt": "Drone strike hits Moscow\n\n"
    "Ukraine carried out a drone strike on Moscow on Tuesday, Russia said.\n",
    "kyiv-denies-2023-05-31.txt": "Kyiv denies strike\n\n"
    "Ukraine denied responsibility for the drone strike on Moscow on Tuesday.\n",
    # one attack, two reports, two attackers
    "hotel-a-2023-06-02.txt": "Hotel attacked\n\nAl Shabaab fighters attacked a hotel in Mogadishu on Thursday.\n",
    "hotel-b-2023-06-02.txt": "Claim for hotel attack\n\n"
    "The Islamic State group carried out an attack on a hotel in Mogadishu on Thursday.\n",
    # an attack on another day: not the same event
    "hotel-c-2023-06-09.txt": "Another attack\n\nHezbollah attacked a hotel in Mogadishu on Thursday.\n",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    src = tmp_path_factory.mktemp("contested")
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "-q", "--no-network"], check=True)
    return out / "graph.ttl"


@pytest.mark.slow
def test_contested_a_claim_and_a_denial_are_both_kept_with_their_sources(graph):
    (denial,) = [c for c in contested(graph) if c.kind == "claimed and denied"]
    assert denial.fact == "AirStrike agent Ukraine"
    sides = {(s.says, s.party, s.article.rsplit("/", 1)[-1]) for s in denial.sides}
    assert sides == {("claimed", "Russia", "moscow-strike-2023-05-31"), ("denied", "Ukraine", "kyiv-denies-2023-05-31")}


@pytest.mark.slow
def test_contested_reports_of_one_attack_that_name_different_agents(graph):
    (who,) = [c for c in contested(graph) if c.kind == "who did it"]
    assert who.fact == "Attack on 2023-06-01"  # the 2023-06-08 attack is another event
    assert {s.article.rsplit("/", 1)[-1] for s in who.sides} == {"hotel-a-2023-06-02", "hotel-b-2023-06-02"}
    assert len({s.says for s in who.sides}) == 2


@pytest.mark.slow
def test_contested_facts_are_a_section_of_kg_analyze(graph):
    run = [sys.executable, "-m", "kg", "analyze", str(graph)]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "Contested facts: 2" in text and "denied by Ukraine (kyiv-denies-2023-05-31)" in text
    report = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    assert {c["kind"] for c in report["contested"]} == {"claimed and denied", "who did it"}


@pytest.mark.slow
def test_contested_the_cookbook_query_flags_reports_naming_other_agents(graph):
    from pathlib import Path

    from kg.store.query import query, term_text

    text = (Path(__file__).resolve().parents[1] / "examples" / "queries" / "16-who-did-it.rq").read_text()
    result = query(graph, text)
    rows = [{v: term_text(t) for v, t in zip(result.variables, r)} for r in result.rows]
    flagged = {(r["article"], r["agent"]) for r in rows if r["disagree"] == "true"}
    assert {a for a, _ in flagged} == {"hotel-a-2023-06-02", "hotel-b-2023-06-02"}
