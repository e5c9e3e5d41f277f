"""The HTML page: self-contained, offline, and article text never becomes markup."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.analyze import metrics, project
from kg.rdf.schema import load_ontology
from kg.render import render_html, write_html
from kg.render.html import page_data, select
from kg.render.labels import Wording

DATA = Path(__file__).resolve().parent / "data" / "analyze"
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)


@pytest.fixture(scope="module")
def small() -> nx.Graph:
    return project(Graph().parse(DATA / "small.ttl"), ontology=load_ontology(DATA / "ontology.ttl"))


@pytest.fixture(scope="module")
def xss() -> nx.Graph:
    return project(Graph().parse(DATA / "xss.ttl"))


@pytest.fixture(scope="module")
def xss_html(xss) -> str:
    return render_html(xss, title='<script>document.title="pwned"</script> "title" & more')


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_render_html_refers_to_no_url(small):
    html = render_html(small)
    tags = re.findall(r"<[a-zA-Z][^>]*>", SCRIPT.sub("", html))  # markup outside the inline scripts
    assert not [t for t in tags if re.search(r"\b(src|href|action|srcset|poster|data)\s*=", t, re.I)]
    assert "<link" not in html.lower() and "@import" not in html
    assert set(re.findall(r"""\burl\(\s*["']?(\w*:?)""", html)) <= {"data:"}  # vis-network's icons
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrapcdn|\bcdn\.|//cdn", html, re.I)
    # nothing in the scripts loads from a URL either
    assert not re.search(r"""(src|href)\s*=\s*["']https?:""", html, re.I)
    assert "sourceMappingURL" not in html


def test_render_html_inlines_vis_network_and_nothing_else(small):
    html = render_html(small)
    scripts = SCRIPT.findall(html)
    assert [attrs.strip() for attrs, _ in scripts] == ['type="application/json" id="kg-data"', "", ""]
    assert "vis-network" in scripts[1][1][:500] and "@version 10.1.5" in scripts[1][1][:500]
    assert "bootstrap" not in html.lower()


def test_render_html_csp_allows_exactly_its_own_scripts(small):
    html = render_html(small)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1).replace("&#39;", "'")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    hashes = set(re.findall(r"'(sha256-[^']+)'", csp))
    inline = [body for attrs, body in SCRIPT.findall(html) if "application/json" not in attrs]
    assert hashes == {"sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline}


def test_render_html_payloads_are_escaped(xss_html):
    html = xss_html
    outside_json = SCRIPT.sub("", html)
    for payload in ("<script>window", "<script>document", "<img src=x", "<svg onload", "</script><script>"):
        assert payload not in html
    assert len(SCRIPT.findall(html)) == 3  # nobody added a script element
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt; &#34;title&#34; &amp; more" in outside_json
    assert "\u2028" not in html and "\\u2028" in html


def test_render_html_payloads_survive_as_data(xss_html):
    data = _data(xss_html)
    labels = {n["label"] for n in data["nodes"]}
    assert '<script>window.kgPwned="script";document.title="pwned"</script>' in labels
    assert """Quote" ' & </script><script>window.kgPwned="breakout"</script>""" in labels
    aliases = [a for n in data["nodes"] for a in n["aliases"]]
    assert """<img src=x onerror="window.kgPwned='alias'">""" in aliases
    sentences = [ev["sentence"] for e in data["edges"] for f in e["facts"] for ev in f["support"]]
    assert any(s.startswith('He said "<img src=x onerror=') and "\u2028" in s for s in sentences)
    assert all("title" not in n for n in data["nodes"])  # tooltips are built in the page, as DOM text


def test_render_html_page_js_uses_no_markup_sinks():
    js = (Path(__file__).resolve().parents[1] / "kg" / "render" / "assets" / "graph.js").read_text()
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", js)


def test_render_html_colours_sizes_and_labels(small):
    data = page_data(small)
    nodes = {n["iri"]: n for n in data["nodes"]}
    us, jurf = (
        nodes["https://w3id.org/kg-news/entity/United_States"],
        nodes["https://w3id.org/kg-news/entity/Jurf_al-Sakhar"],
    )
    assert us["size"] > jurf["size"]  # size by PageRank
    assert us["color"] != nodes["https://w3id.org/kg-news/entity/Kataib_Hezbollah"]["color"]  # colour by type
    assert us["wikidata"] == "http://www.wikidata.org/entity/Q30" and us["aliases"] == ["US", "the United States"]
    by_label = {e["label"]: e for e in data["edges"]}
    assert by_label["supports"]["polarity"] == "cooperative"
    assert by_label["supports"]["color"] != by_label["air strike, designated"]["color"]
    assert by_label["air strike, designated"]["arrows"] == "to"
    assert by_label["allied with"]["arrows"] == ""  # symmetric: no arrow
    assert {t["name"] for t in data["types"]} == {"State", "ArmedGroup", "Person", "Place"}
    assert {p["name"]: p["count"] for p in data["polarities"]} == {"hostile": 6, "cooperative": 4, "neutral": 2}
    assert data["options"]["physics"] == {"enabled": False}


def test_render_html_every_actor_has_its_own_fixed_position(small):
    """Positions come from Python for any size, so a filter round-trip cannot move an actor."""
    data = page_data(small)
    assert all(isinstance(n.get("x"), float | int) and isinstance(n.get("y"), float | int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert page_data(small)["nodes"] == data["nodes"]  # seeded: the same graph, the same picture


_LAYOUT_IN_A_PROCESS = """
import json, networkx as nx
from kg.render.layout import layout
G = nx.Graph()
names = [f"actor {i}" for i in range(40)]
for i, a in enumerate(names):
    for b in names[i + 1 : i + 1 + i % 3]:
        G.add_edge(a, b)
G.add_edges_from([("lone a", "lone b"), ("x", "y"), ("y", "z"), ("z", "x"), ("z", "w")])
print(json.dumps(sorted(layout(G).items())))
"""


def test_render_html_the_page_is_drawn_the_same_in_every_process():
    """Building twice draws the same picture: positions do not follow Python's per-process
    string hashing (a subgraph view lists its nodes in the order of a set)."""
    drawn = {
        subprocess.run(
            [sys.executable, "-c", _LAYOUT_IN_A_PROCESS],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(drawn) == 1


def _tie_graph(*facts) -> nx.Graph:
    G = nx.Graph()
    for name in ("US", "KH", "Iran"):
        G.add_node(name, label=name, type="State")
    for source, relation, target in facts:
        edge = G.get_edge_data(source, target) or {"facts": [], "relations": [], "support": []}
        edge["facts"].append({"source": source, "relation": relation, "target": target, "polarity": "hostile"})
        edge["relations"] = sorted({*edge["relations"], relation})
        edge["support"].append(
            {
                "source": source,
                "relation": relation,
                "target": target,
                "article": f"https://w3id.org/kg-news/article/{relation}",
                "sentence": f"{source} {relation} {target}.",
                "confidence": 0.8,
                "status": "claimed",
            }
        )
        G.add_edge(source, target, **edge)
    return G


def test_render_html_a_relation_and_its_inverse_are_one_tie_read_forwards():
    data = page_data(_tie_graph(("US", "attacked", "KH"), ("KH", "attackedBy", "US")))
    names = {n["id"]: n["label"] for n in data["nodes"]}
    [edge] = data["edges"]
    assert (names[edge["from"]], edge["label"], names[edge["to"]], edge["arrows"]) == ("US", "attacked", "KH", "to")
    [fact] = edge["facts"]
    assert (fact["label"], fact["inverse"]) == ("attacked", "attacked by")
    assert fact["supportTotal"] == 2  # both readings' sentences, under the one fact


def test_render_html_ties_are_drawn_per_direction():
    data = page_data(_tie_graph(("US", "attacked", "KH"), ("KH", "attacked", "US"), ("Iran", "backedBy", "KH")))
    names = {n["id"]: n["label"] for n in data["nodes"]}
    drawn = sorted((names[e["from"]], e["label"], names[e["to"]]) for e in data["edges"])
    assert drawn == [("KH", "attacked", "US"), ("KH", "supports", "Iran"), ("US", "attacked", "KH")]
    curved = [e for e in data["edges"] if e["smooth"]]
    assert len(curved) == 2  # the two directions between US and KH are drawn apart
    for edge in data["edges"]:
        assert not re.search(r"By\b| by\b", edge["label"]), edge["label"]


@pytest.mark.parametrize(
    ("relation", "forward", "backward"),
    [
        ("attacked", "attacked", "attacked by"),
        ("supports", "supports", "backed by"),
        ("AirStrike", "air strike", "air strike by"),
        ("condemned", "condemned", "condemned by"),
        ("leaderOf", "leader of", "has leader"),
        ("alliedWith", "allied with", "allied with"),
        ("basedIn", "based in", None),
        ("worksFor", "works for", None),
    ],
)
def test_render_html_relations_read_from_either_end(relation, forward, backward):
    words = Wording.from_ontology(load_ontology())
    assert (words.forward(relation), words.backward(relation)) == (forward, backward)


def test_render_html_facts_carry_status_confidence_and_sentences(small):
    data = page_data(small)
    names = {n["id"]: n["label"] for n in data["nodes"]}
    [edge] = [e for e in data["edges"] if (names[e["from"]], names[e["to"]]) == ("United States", "Kataib Hezbollah")]
    designated = next(f for f in edge["facts"] if f["relation"] == "designated")
    assert designated["confidence"] == 0.9 and designated["statuses"] == ["asserted"]
    assert designated["support"][0] == {
        "article": "https://w3id.org/kg-news/article/kh-designation-2009",
        "sentence": "Washington designated KH in 2009.",
        "confidence": 0.9,
        "status": "asserted",
        "date": "",  # the 2009 article gives no date
    }
    assert {s["name"] for s in data["statuses"]} == {"asserted", "claimed", "hedged", "denied", "negated"}


def _dated_network() -> nx.Graph:
    """A -> B attacked in 2019 (an event: it ends), C allied with D from 2024 on, and 20 more
    sentences for A -> B, the surest of them undated."""
    G = nx.Graph()
    for name in "ABCD":
        G.add_node(name, label=name, type="Person", first_seen="2024-03-01" if name in "CD" else "2019-06-01")
    rows = [("A", "attacked", "B", f"A hit B ({i}).", 0.95, "", "") for i in range(20)]
    rows += [
        ("A", "attacked", "B", "A hit B in June 2019.", 0.6, "2019-06-01", "2019-06-30"),
        ("C", "alliedWith", "D", "C and D allied.", 0.8, "2024-03-01", ""),
    ]
    for s, r, t, sentence, confidence, date, until in rows:
        if not G.has_edge(s, t):
            G.add_edge(s, t, facts=[{"source": s, "relation": r, "target": t, "polarity": "neutral"}], support=[])
        row = {"source": s, "relation": r, "target": t, "article": "https://example.org/a", "sentence": sentence}
        G.edges[s, t]["support"].append(
            row | {"confidence": confidence, "status": "asserted", "date": date} | ({"until": until} if until else {})
        )
    return G


def test_render_html_the_date_range_spans_every_dated_fact_and_filters_on_all_rows():
    data = page_data(_dated_network())
    assert data["dates"] == {"first": "2019-06-01", "last": "2024-03-01"}
    assert {n["label"]: n["firstSeen"] for n in data["nodes"]} == {
        "A": "2019-06-01",
        "B": "2019-06-01",
        "C": "2024-03-01",
        "D": "2024-03-01",
    }
    [attacked] = [f for e in data["edges"] for f in e["facts"] if f["relation"] == "attacked"]
    assert len(attacked["support"]) < attacked["supportTotal"] == 21
    assert "2019-06-01" not in {r["date"] for r in attacked["support"]}  # the dated row is not among those shown
    assert [0.6, "asserted", "2019-06-01", "2019-06-30"] in attacked["grades"]  # but the filter sees it


def test_render_html_an_undated_network_has_no_date_range(small):
    G = small.copy()
    for *_, d in G.edges(data=True):  # as written before rows were dated
        d["support"] = [{k: v for k, v in r.items() if k != "date"} for r in d["support"]]
    assert page_data(G)["dates"] is None
    assert "kg-date-start" in render_html(G)  # the control is there, hidden until the data dates it


@pytest.mark.parametrize(
    ("options", "title"),
    [
        ([], "kg: actor network of 2 articles"),
        (["--from", "2021-06", "--to", "2021"], "kg: actor network of 2 articles, 2021-06-01 to 2021-12-31"),
        (["--as-of", "2021-06-30"], "kg: actor network of 2 articles, as of 2021-06-30"),
        (["--to", "2022"], "kg: actor network of 2 articles, up to 2022-12-31"),
    ],
)
def test_render_html_cli_title_says_the_dates_drawn(tmp_path, options, title):
    from kg.cli import main

    out = tmp_path / "graph.html"
    assert main(["render", str(DATA / "small.ttl"), "-o", str(out), *options]) == 0
    assert f"<title>{title}</title>" in out.read_text(encoding="utf-8")


def test_render_html_counts_and_marks_isolated_actors(small):
    G = small.copy()
    G.add_nodes_from((f"lonely {i}", {"label": f"lonely {i}", "type": "Person"}) for i in range(12))
    data = page_data(G)
    assert data["isolated"] == 12
    assert sorted(n["label"] for n in data["nodes"] if n["isolated"]) == sorted(f"lonely {i}" for i in range(12))


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"focus": "KH", "depth": 1},
            {
                "Kataib Hezbollah",
                "United States",
                "Iran",
                "Abu Mahdi al-Muhandis",
                "Kataib Sayyid al-Shuhada",
                "Jurf al-Sakhar",
            },
        ),
        ({"focus": "qasem soleimani", "depth": 1}, {"Qasem Soleimani", "Abu Mahdi al-Muhandis", "United States"}),
        ({"top": 2}, {"United States", "Kataib Hezbollah"}),
        ({"types": ["state"]}, {"United States", "Iran", "Iraq"}),
        ({"types": ["Person"], "focus": "Iran", "depth": 5}, {"Iran"}),
    ],
)
def test_render_html_select(small, kwargs, expected):
    H = select(small, **kwargs)
    assert {d["label"] for _, d in H.nodes(data=True)} == expected


@pytest.mark.parametrize("kwargs", [{"focus": "Hezbolah Kataib"}, {"types": ["Militia"]}])
def test_render_html_select_unknown_name_is_a_clear_error(small, kwargs):
    with pytest.raises(metrics.NotInGraph, match="E008"):
        select(small, **kwargs)


def test_render_html_big_graph_gets_positions_fast():
    G = nx.connected_caveman_graph(60, 10)  # 600 nodes in 60 blocs
    G.add_nodes_from(["lonely 1", "lonely 2"])
    nx.set_node_attributes(G, {n: {"label": f"actor {n}", "type": "State"} for n in G})
    data = page_data(G)
    assert len(data["nodes"]) == len(G)
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(G)  # every node placed, none on top of another
    assert data["options"]["layout"]["improvedLayout"] is False


def test_render_html_write_is_complete_file(tmp_path, small):
    path = write_html(small, tmp_path / "graph.html", title="Example")
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<title>Example</title>" in html
    assert list(tmp_path.iterdir()) == [path]
