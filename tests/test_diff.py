"""`kg diff OLD NEW`: what a user sees change between two graphs or stores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from conftest import EXAMPLE_ARTICLE, SECOND_ARTICLE
from rdflib import Graph

from kg.analyze import metrics
from kg.analyze.diff import Snapshot, diff, diff_files, format_diff
from kg.analyze.report import annotate
from kg.cli import main
from kg.rdf.vocab import ENTITY, EVENT
from kg.store.persistent import PersistentStore
from kg.store.source import load_graph, write_graph

DATA = Path(__file__).resolve().parent / "data" / "analyze"
SMALL = DATA / "small.ttl"
IRAQ, US = str(ENTITY.Iraq), str(ENTITY.United_States)
KILLING = str(EVENT["us-airstrikes-2021/Killing-2600"])
AIRSTRIKE = str(EVENT["us-airstrikes-2021/AirStrike-812"])
HOUTHIS = str(ENTITY.Houthis)
REPORT_KEYS = {
    "old",
    "new",
    "actors",
    "relations",
    "events",
    "incidents",
    "ties",
    "centrality",
    "communities",
    "balance",
}


# --------------------------------------------------------------------- hand-made graphs, no model


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> tuple[Path, Path]:
    """small.ttl, and a later version of it: Iraq's condemnation now hedged, the killing
    denied, the first air strike gone, and a new actor tied to the US."""
    root = tmp_path_factory.mktemp("diff-small")
    old = root / "old.ttl"
    shutil.copy(SMALL, old)
    graph = Graph().parse(SMALL)
    graph.update(
        """
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX kge: <https://w3id.org/kg-news/entity/>
        PREFIX kgx: <https://w3id.org/kg-news/evidence/>
        PREFIX kgv: <https://w3id.org/kg-news/event/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        DELETE WHERE { <https://w3id.org/kg-news/event/us-airstrikes-2021/AirStrike-812> ?p ?o } ;
        INSERT DATA {
          kgx:e6 kg:status kg:hedged .
          <https://w3id.org/kg-news/event/us-airstrikes-2021/Killing-2600> kg:status kg:denied .
          kge:Jordan a kg:State ; rdfs:label "Jordan" .
          kge:Jordan kg:alliedWith kge:United_States .
        }
        """
    )
    new = root / "new.trig"  # another format on purpose: the diff is of graphs, not files
    write_graph(load_graph(write_graph(graph, root / "new.ttl")), new)
    return old, new


@pytest.fixture(scope="module")
def small_report(changed) -> dict:
    return diff_files(*changed)


def test_diff_actor_only_in_new_is_added(small_report):
    added = {a["iri"]: a for a in small_report["actors"]["added"]}
    assert set(added) == {str(ENTITY.Jordan)}
    assert added[str(ENTITY.Jordan)] == {"iri": str(ENTITY.Jordan), "label": "Jordan", "type": "State"}
    assert small_report["actors"]["removed"] == []


def test_diff_relation_status_change_is_listed(small_report):
    changed = small_report["relations"]["status_changed"]
    assert [(r["subject"], r["relation"], r["object"], r["old_status"], r["status"]) for r in changed] == [
        (IRAQ, "condemned", US, ["asserted"], ["hedged"])
    ]


def test_diff_event_status_change_and_removal_are_listed(small_report):
    events = small_report["events"]
    assert [(e["iri"], e["old_status"], e["status"]) for e in events["status_changed"]] == [
        (KILLING, "asserted", "denied")
    ]
    assert [e["iri"] for e in events["removed"]] == [AIRSTRIKE]
    assert events["added"] == []


def test_diff_network_ties_follow_trust(small_report, changed):
    """The denied killing and the hedged condemnation leave the network; the new alliance joins it."""
    removed = {(t["source_label"], t["target_label"]) for t in small_report["ties"]["removed"]}
    added = {(t["source_label"], t["target_label"], t["polarity"]) for t in small_report["ties"]["added"]}
    assert ("Abu Mahdi al-Muhandis", "United States") in removed
    assert ("Iraq", "United States") not in removed  # still tied: the US supports Iraq
    assert ("Jordan", "United States", "cooperative") in added
    polarity = {(t["source_label"], t["target_label"]): t for t in small_report["ties"]["polarity_changed"]}
    assert polarity[("Iraq", "United States")]["old_polarity"] == "mixed"
    assert polarity[("Iraq", "United States")]["polarity"] == "cooperative"


def test_diff_nothing_changed_between_a_graph_and_itself(changed):
    old, _ = changed
    report = diff_files(old, old)
    for part in ("actors", "relations", "events", "incidents", "ties"):
        assert all(rows == [] for rows in report[part].values()), part
    assert {a["change"] for a in report["centrality"]["actors"]} == {"same"}
    assert report["communities"]["moved"] == []


def _side(G: nx.Graph) -> Snapshot:
    return Snapshot("g", annotate(G), {}, {}, {}, {}, 0, metrics.balance(G))


def test_diff_actor_that_changed_community_is_moved_and_the_rest_are_not():
    before = nx.barbell_graph(5, 0)  # cliques 0-4 and 5-9 joined by the edge 4-5
    after = before.copy()
    after.remove_edges_from([(4, n) for n in range(4)])
    after.add_edges_from([(4, n) for n in range(6, 10)])  # 4 now belongs with 5-9
    nx.set_node_attributes(before, {n: f"actor {n}" for n in before}, "label")
    nx.set_node_attributes(after, {n: f"actor {n}" for n in after}, "label")
    moved = diff(_side(before), _side(after))["communities"]["moved"]
    assert [m["iri"] for m in moved] == [4]
    assert "actor 0" in moved[0]["old_with"] and "actor 9" in moved[0]["new_with"]


def test_diff_centrality_names_who_rose_and_fell():
    before = nx.star_graph(4)  # 0 at the centre
    after = before.copy()
    after.add_edges_from([(1, n) for n in range(5, 12)])  # 1 becomes the larger hub
    for G in (before, after):
        nx.set_node_attributes(G, {n: f"actor {n}" for n in G}, "label")
    rows = {r["iri"]: r for r in diff(_side(before), _side(after), top=2)["centrality"]["actors"]}
    assert rows[1]["change"] == "rose" and rows[1]["new_rank"] == 1
    assert rows[0]["change"] == "fell"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_diff_text_forms_name_the_changes(small_report, fmt):
    text = format_diff(small_report, fmt)
    assert "Jordan" in text and "hedged" in text and "denied" in text
    assert ("## Actors added (1)" if fmt == "markdown" else "Actors added (1)") in text


def test_diff_table_caps_long_lists_and_says_so(small_report):
    text = format_diff(
        small_report | {"actors": {"added": small_report["actors"]["added"] * 3, "removed": []}}, limit=1
    )
    assert "... and 2 more" in text


def test_diff_cli_json_parses_with_the_documented_keys(changed, capsys):
    assert main(["diff", str(changed[0]), str(changed[1]), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == REPORT_KEYS
    assert set(report["relations"]) == {"added", "removed", "status_changed"}
    assert set(report["events"]) == {"added", "removed", "status_changed"}
    assert set(report["incidents"]) == {"added", "removed", "reports_changed"}
    assert set(report["ties"]) == {"added", "removed", "polarity_changed"}
    assert {"old", "new", "moved"} == set(report["communities"])
    assert {"old", "new", "unbalanced_added", "unbalanced_removed"} == set(report["balance"])
    assert {"source", "articles", "actors", "ties", "relations", "events", "incidents"} == set(report["old"])


@pytest.mark.parametrize("missing", ["old", "new"])
def test_diff_cli_missing_graph_is_a_coded_error(changed, tmp_path, capsys, missing):
    args = [str(tmp_path / "nope.ttl"), str(changed[1])] if missing == "old" else [str(changed[0]), "nope.nq"]
    assert main(["diff", *args]) == 1
    err = capsys.readouterr().err
    assert "[E005]" in err and "nope" in err


# --------------------------------------------------------------------- real builds


@pytest.fixture(scope="module")
def builds(pipeline, example_result, tmp_path_factory):
    """The example article as a graph file and as a store; it and the second article as a TriG file."""
    from kg.builder import build_in_memory

    root = tmp_path_factory.mktemp("diff-real")
    old = write_graph(example_result.dataset, root / "monday.ttl")
    new = write_graph(build_in_memory(pipeline, [EXAMPLE_ARTICLE, SECOND_ARTICLE]).dataset, root / "tuesday.trig")
    store = root / "monday-store"
    with PersistentStore.open(store, write=True, create=True) as s:
        for resolved in example_result.extractions:
            s.add_resolved(resolved)
    return old, store, new


@pytest.mark.slow
def test_diff_real_builds_list_the_second_articles_actors_as_added(builds):
    old, _, new = builds
    report = diff_files(old, new)
    assert HOUTHIS in {a["iri"] for a in report["actors"]["added"]}
    assert report["actors"]["removed"] == []
    assert (report["old"]["articles"], report["new"]["articles"]) == (1, 2)
    houthis = next(r for r in report["centrality"]["actors"] if r["iri"] == HOUTHIS)
    assert houthis["old_rank"] is None and houthis["change"] == "new"
    # a fact written both ways is listed once
    relations = {(r["relation"], r["object"]) for r in report["relations"]["added"]}
    assert ("designated", HOUTHIS) in relations
    assert not any(r["relation"] == "designatedBy" for r in report["relations"]["added"])
    assert all(e["iri"].startswith(str(EVENT["red-sea-strikes-2024-01-12/"])) for e in report["events"]["added"])


@pytest.mark.slow
def test_diff_store_directory_reads_like_the_graph_file(builds):
    old, store, new = builds
    from_file, from_store = diff_files(old, new), diff_files(store, new)
    for part in ("actors", "relations", "events", "ties", "centrality", "communities", "balance"):
        assert from_store[part] == from_file[part], part


@pytest.mark.slow
def test_diff_cli_on_a_store_prints_the_table(builds, capsys):
    _, store, new = builds
    assert main(["diff", str(store), str(new)]) == 0
    out = capsys.readouterr().out
    assert "Actors added" in out and "Houthis" in out
