"""One real-world event reported by several articles becomes one kg:Incident; others stay apart."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import DATA
from rdflib import Graph

from kg.analyze.contested import contested
from kg.eval.reports import bcubed
from kg.extract.counts import count
from kg.rdf.validate import validate
from kg.resolve.incidents import Report, World, fold, group, same_incident

STRIKE = "https://w3id.org/kg-news/ontology#AirStrike"
KILLING = "https://w3id.org/kg-news/ontology#Killing"
E = "https://w3id.org/kg-news/entity/"
US, IRAQ, BAGHDAD, MOSUL, SYRIA = (E + x for x in ("US", "Iraq", "Baghdad", "Mosul", "Syria"))
MILITIA, COMMANDER = E + "Northern_Brigades", E + "Farid_Osmani"
WORLD = World(
    states=frozenset({US, IRAQ, SYRIA}),
    within={BAGHDAD: frozenset({IRAQ}), MOSUL: frozenset({IRAQ})},
    people=frozenset({COMMANDER}),
)


def day(d: str) -> tuple[date, date]:
    x = date.fromisoformat(d)
    return x, x


TUESDAY = day("2025-03-04")


def report(article: str, n: int = 1, *, when=TUESDAY, dated_by="text", cls=STRIKE, **roles) -> Report:
    roles = {k: frozenset(v) for k, v in roles.items()}
    return Report(
        iri=f"https://w3id.org/kg-news/event/{article}/{cls.rsplit('#', 1)[-1]}-{n}",
        article=f"https://w3id.org/kg-news/article/{article}",
        cls=cls,
        family="ASSAULT",
        when=when,
        dated_by=dated_by,
        **roles,
    )


def members(incidents) -> set[tuple[str, frozenset[str]]]:
    return {(i.iri, frozenset(r.iri for r in i.reports)) for i in incidents}


def test_two_outlets_reporting_one_strike_make_one_incident_with_a_reason():
    a = report("wire", agents={US}, targets={MILITIA}, places={MOSUL})
    b = report("paper", when=(date(2025, 3, 2), date(2025, 3, 5)), dated_by="article", targets={MILITIA})
    (incident,) = group([a, b], WORLD)
    assert {r.article.rsplit("/", 1)[-1] for r in incident.reports} == {"wire", "paper"}
    (join,) = incident.joins
    assert "Northern Brigades" in join.reason and "ASSAULT" in join.reason


def test_a_strike_and_the_strike_back_stay_apart():
    a = report("wire", agents={US}, targets={MILITIA})
    b = report("paper", agents={MILITIA}, targets={US})
    assert same_incident(a, b, WORLD) is None
    assert len(group([a, b], WORLD)) == 2


def test_the_same_actors_a_week_apart_are_two_incidents():
    a = report("wire", agents={US}, targets={MILITIA}, when=day("2025-03-04"))
    b = report("paper", agents={US}, targets={MILITIA}, when=day("2025-03-11"))
    assert len(group([a, b], WORLD)) == 2


def test_a_state_alone_identifies_no_incident_but_a_shared_city_does():
    a = report("wire", agents={US})
    b = report("paper", agents={US})
    assert same_incident(a, b, WORLD) is None
    assert same_incident(
        report("wire", agents={US}, places={BAGHDAD}), report("paper", agents={US}, places={BAGHDAD}), WORLD
    )


def test_places_in_two_countries_clash_and_a_city_fits_its_country():
    a = report("wire", targets={MILITIA}, places={MOSUL})
    assert same_incident(a, report("paper", targets={MILITIA}, places={SYRIA}), WORLD) is None
    assert same_incident(a, report("paper", targets={MILITIA}, places={IRAQ}), WORLD)


def test_a_year_names_no_incident():
    a = report("wire", targets={MILITIA})
    b = report("paper", targets={MILITIA}, when=(date(2025, 1, 1), date(2025, 12, 31)))
    assert same_incident(a, b, WORLD) is None


def test_a_person_is_killed_once_so_a_later_undated_report_of_the_killing_joins():
    a = report("wire", agents={US}, victims={COMMANDER}, killed={COMMANDER})
    later = report("weekly", cls=KILLING, when=(date(2025, 3, 18), date(2025, 3, 21)), dated_by="article")
    later = Report(**{**later.__dict__, "victims": frozenset({COMMANDER}), "killed": frozenset({COMMANDER})})
    assert "killed once" in same_incident(a, later, WORLD)
    # a report published before the strike cannot be of it
    early = Report(**{**later.__dict__, "when": (date(2025, 2, 1), date(2025, 2, 3))})
    assert same_incident(a, early, WORLD) is None


def test_one_articles_strike_and_killing_of_one_person_fold_into_one_report():
    strike = report("wire", 1, agents={US}, victims={COMMANDER}, killed={COMMANDER})
    killing = report("wire", 2, cls=KILLING, victims={COMMANDER}, killed={COMMANDER})
    other = report("wire", 3, targets={IRAQ})
    folded = fold([strike, killing, other], WORLD)
    assert len(folded) == 2
    (both,) = [r for r in folded if r.parts]
    assert {both.iri, *both.parts} == {strike.iri, killing.iri}


def test_the_incidents_do_not_depend_on_the_order_reports_come_in():
    reports = [
        report("a", agents={US}, targets={MILITIA}, places={MOSUL}),
        report("b", targets={MILITIA}, places={IRAQ}),
        report("c", agents={MILITIA}, targets={US}),
        report("d", agents={US}, targets={MILITIA}, when=day("2025-03-20")),
    ]
    expected = members(group(reports, WORLD))
    assert len(expected) == 3
    for order in itertools.permutations(reports):
        assert members(group(list(order), WORLD)) == expected


def test_an_undone_join_stays_apart():
    a = report("wire", agents={US}, targets={MILITIA}, places={MOSUL})
    b = report("paper", targets={MILITIA}, places={MOSUL})
    (incident,) = group([a, b], WORLD)
    assert len(group([a, b], WORLD, undone=frozenset({incident.joins[0].iri}))) == 2


# -- through kg build, into a store ------------------------------------------------------

REPORTS = DATA / "incidents" / "reports.jsonl"
INCIDENTS = "SELECT ?i ?n WHERE { ?i a kg:Incident ; kg:reportCount ?n }"


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


def incidents(store: Path) -> dict[str, int]:
    out = kg("query", str(store), INCIDENTS, "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["results"]["bindings"]
    return {r["i"]["value"]: int(r["n"]["value"]) for r in rows}


@pytest.mark.slow
def test_a_store_built_in_two_halves_has_the_incidents_and_iris_of_one_build(tmp_path):
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(lines[2] + "\n", encoding="utf-8")  # the later attack first
    second.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    once = kg("build", str(REPORTS), "--store", str(tmp_path / "once"))
    assert once.returncode == 0, once.stderr
    assert "incidents:" in once.stdout and "1 reported by several articles" in once.stdout
    for half in (first, second):
        assert kg("build", str(half), "--store", str(tmp_path / "halves"), "-q").returncode == 0
    at_once = incidents(tmp_path / "once")
    assert at_once == incidents(tmp_path / "halves")
    assert sorted(at_once.values())[-1] == 2  # the two reports of the Mosul strike

    analysis = json.loads(kg("analyze", str(tmp_path / "once"), "--format", "json").stdout)
    (reported,) = analysis["incidents"]  # the one incident two articles report
    assert reported["reports"] == 2 and "Mosul" in reported["label"]

    merges = kg("merges", str(tmp_path / "once"), "--format", "json")
    rows = json.loads(merges.stdout)
    spelled = [r for r in rows if r["kind"] == "actor"]
    assert [(r["merged_label"], r["into_label"]) for r in spelled] in (
        [("Farid Osmani", "Fareed Osmani")],
        [("Fareed Osmani", "Farid Osmani")],
    )
    join = next(r for r in rows if r["kind"] == "incident")
    listed = kg("merges", str(tmp_path / "once")).stdout
    short = join["iri"].rsplit("/", 1)[-1]
    assert f"id:  {short}" in listed and "why: same kind of event (ASSAULT)" in listed
    undo = kg("merges", str(tmp_path / "once"), "--undo", short)
    assert undo.returncode == 0, undo.stderr
    assert sorted(incidents(tmp_path / "once").values())[-1] == 1
    # a later build into the store keeps it undone
    assert kg("build", str(REPORTS), "--store", str(tmp_path / "once"), "--rebuild", "-q").returncode == 0
    assert sorted(incidents(tmp_path / "once").values())[-1] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 20 people", 20),
        ("three US soldiers", 3),
        ("1,200 civilians", 1200),
        ("twenty-one fighters", 21),
        ("some two hundred villagers", 200),
        ("dozens of people", None),
        ("many others", None),
    ],
)
def test_a_victims_description_gives_its_count(text, expected):
    assert count(text) == expected


@pytest.mark.slow
def test_two_outlets_giving_different_death_tolls_for_one_bombing_are_both_kept(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "wire-2024-03-10.txt").write_text(
        "Truck bomb in Kismayo\n\nA truck bomb killed at least 20 people in Kismayo on Saturday, police said.\n"
    )
    (src / "paper-2024-03-11.txt").write_text(
        "Kismayo toll rises\n\nA truck bomb killed 31 people in Kismayo on Saturday, hospital officials said.\n"
    )
    assert kg("build", str(src), "-o", str(tmp_path / "out"), "-q", "--no-network").returncode == 0
    graph = tmp_path / "out" / "graph.ttl"
    (toll,) = [c for c in contested(graph) if c.kind == "death toll"]
    assert {(s.says, s.article.rsplit("/", 1)[-1]) for s in toll.sides} == {
        ("20 killed", "wire-2024-03-10"),
        ("31 killed", "paper-2024-03-11"),
    }
    assert toll.fact == "Killing on 2024-03-09"
    conforms, report = validate(Graph().parse(graph, format="turtle"))  # incidents, merges, tolls: the shapes
    assert conforms, report


@pytest.mark.slow
def test_kg_diff_shows_an_incident_a_later_article_reports_again(tmp_path):
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    monday, later = tmp_path / "monday.jsonl", tmp_path / "later.jsonl"
    monday.write_text(lines[0] + "\n", encoding="utf-8")
    later.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    store = tmp_path / "kgstore"
    assert kg("build", str(monday), "--store", str(store), "-q").returncode == 0
    before = tmp_path / "kgstore-monday"
    shutil.copytree(store, before)
    assert kg("build", str(later), "--store", str(store), "-q").returncode == 0
    out = kg("diff", str(before), str(store), "--format", "json")
    assert out.returncode == 0, out.stderr
    incidents = json.loads(out.stdout)["incidents"]
    (again,) = incidents["reports_changed"]
    assert (again["old_reports"], again["reports"]) == (1, 2) and "Mosul" in again["label"]
    assert any("Kirkuk" in i["label"] for i in incidents["added"])
    table = kg("diff", str(before), str(store)).stdout
    assert "Incidents more or fewer articles report (1)" in table


def test_bcubed_scores_each_item_by_the_share_of_its_cluster_that_is_right():
    items = ["a", "b", "c"]
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed(items, gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0)
    p, r = bcubed(items, gold, {"a": "x", "b": "y", "c": "y"})
    assert (round(p, 3), round(r, 3)) == (0.667, 0.667)


@pytest.mark.slow
def test_kg_eval_reports_scores_incidents_and_checks_two_builds_agree():
    out = kg("eval", "reports", str(DATA / "incidents"))
    assert out.returncode == 0, out.stderr
    assert "B-cubed precision 100.0  recall 100.0" in out.stdout
    assert "built at once and in two halves: the same incidents, IRIs and reports" in out.stdout
