"""The network at a date or over dates: facts by their article's date and the validity the text gives."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph
from support.turtle import turtle

from kg.analyze import project
from kg.analyze.timeline import Window
from kg.extract.timex import period
from kg.rdf.vocab import ENTITY

# two articles, 2019 and 2024: a leader, the same role called former later, a bounded
# alliance, and an attack dated by its own time (2018) though reported in 2024
DATA = """
kge:Ali a kg:Person ; rdfs:label "Ali" .  kge:G a kg:ArmedGroup ; rdfs:label "G" .
kge:H a kg:ArmedGroup ; rdfs:label "H" .  kge:S a kg:State ; rdfs:label "S" .
kge:Late a kg:ArmedGroup ; rdfs:label "Late" .
kga:a2019 a kg:Article ; schema:datePublished "2019-05-01"^^xsd:date ; schema:mentions kge:Ali, kge:G .
kga:a2024 a kg:Article ; schema:datePublished "2024-05-01"^^xsd:date ;
    schema:mentions kge:Ali, kge:G, kge:H, kge:S, kge:Late .
kge:Ali kg:leaderOf kge:G .  kge:G kg:alliedWith kge:H .
kgx:r1 a kg:Evidence ; rdf:subject kge:Ali ; rdf:predicate kg:leaderOf ; rdf:object kge:G ;
    prov:wasDerivedFrom kga:a2019 ; kg:confidence 0.9 .
kgx:r2 a kg:Evidence ; rdf:subject kge:Ali ; rdf:predicate kg:leaderOf ; rdf:object kge:G ;
    prov:wasDerivedFrom kga:a2024 ; kg:confidence 0.9 ; kg:former true .
kgx:r3 a kg:Evidence ; rdf:subject kge:G ; rdf:predicate kg:alliedWith ; rdf:object kge:H ;
    prov:wasDerivedFrom kga:a2024 ; kg:confidence 0.9 ; kg:validFrom "2022"^^xsd:gYear .
kgv:e1 a kg:Attack ; kg:agent kge:S ; kg:target kge:H ; kg:time "2018-03"^^xsd:gYearMonth ;
    kg:confidence 0.9 ; prov:wasDerivedFrom kga:a2024 .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return turtle(DATA)


def _ties(graph: Graph, **window) -> set[frozenset[str]]:
    G = project(graph, trust=Window(**window))
    return {frozenset(G.nodes[n]["label"] for n in e) for e in G.edges}


def test_timeline_as_of_a_date_shows_what_held_then(graph):
    ali_g, g_h, s_h = frozenset({"Ali", "G"}), frozenset({"G", "H"}), frozenset({"S", "H"})
    # the 2019 article's role, and the 2018 attack (by its own time, though reported in 2024)
    assert _ties(graph, end=date(2020, 1, 1)) == {ali_g, s_h}
    # by 2024 the text calls the role former; the alliance holds since 2022; the 2018 attack happened
    assert _ties(graph, end=date(2024, 6, 1)) == {ali_g, g_h, s_h}  # the 2019 evidence still stands
    assert _ties(graph, end=date(2018, 1, 1)) == set()


def test_timeline_a_window_shows_what_its_articles_report(graph):
    assert _ties(graph, start=date(2024, 1, 1), end=date(2024, 12, 31)) == {frozenset({"G", "H"})}
    # the attack's own time, not its report's, places it: 2018
    assert _ties(graph, start=date(2018, 1, 1), end=date(2018, 12, 31)) == {frozenset({"S", "H"})}


def test_timeline_actors_outside_the_window_are_not_in_its_network(graph):
    G = project(graph, trust=Window(end=date(2020, 1, 1)))
    assert {G.nodes[n]["label"] for n in G} == {"Ali", "G", "S", "H"}  # "Late": only in 2024
    assert str(ENTITY.Late) in project(graph, trust=Window(end=date(2024, 6, 1)))


def test_timeline_periods_of_each_precision():
    assert period("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert period("2023-02") == (date(2023, 2, 1), date(2023, 2, 28))


def test_timeline_cli_as_of_and_a_window_are_exclusive(tmp_path, graph):
    import subprocess
    import sys

    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    run = [sys.executable, "-m", "kg", "analyze", str(path), "--min-confidence", "0"]
    ok = subprocess.run([*run, "--as-of", "2020"], capture_output=True, text=True)
    assert ok.returncode == 0 and "4 actors, 2 ties" in ok.stdout, ok.stderr
    both = subprocess.run([*run, "--as-of", "2020", "--from", "2019"], capture_output=True, text=True)
    assert both.returncode != 0 and "not both" in both.stderr and "Traceback" not in both.stderr
    bad = subprocess.run([*run, "--as-of", "soon"], capture_output=True, text=True)
    assert bad.returncode == 2 and "not a date" in bad.stderr
