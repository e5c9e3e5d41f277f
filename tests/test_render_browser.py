"""The page in a real browser: headless Chromium, networking off, opened from a file: URL.

Skipped when no Chromium is installed, unless KG_REQUIRE_BROWSER=1 (CI), where that fails.
Set KG_SCREENSHOT=docs/graph.png to keep the screenshot of the example's page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from support.browser import find_chromium, open_page, png_size_and_colours

from kg.analyze import project
from kg.analyze.polarity import load_ontology
from kg.render import write_html

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent / "data" / "analyze"
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')

PWNED = "typeof window.kgPwned === 'undefined' ? null : String(window.kgPwned)"
CANVAS_COLOURS = """(() => {
  const c = document.querySelector('#kg-network canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]);
  return seen.size;
})()"""
SEARCH = """(() => {
  document.getElementById('kg-search-input').value = %r;
  document.getElementById('kg-search').requestSubmit();
  return kgNetwork.getSelectedNodes().map(id => kgNetwork.body.data.nodes.get(id).label);
})()"""
HIDE_FIRST_TYPE = """(() => {
  const box = document.querySelector('#kg-types input');
  box.click();
  return [box.parentNode.textContent, kgNetwork.body.data.nodes.length];
})()"""
LINKS = """kgNetwork.body.data.nodes.get().flatMap(
  n => Array.from(n.title.querySelectorAll('a')).map(a => a.getAttribute('href')))"""


def _at_node(prefix: str) -> str:
    """JavaScript for the viewport position of the node whose label starts with ``prefix``."""
    return f"""(() => {{
  const id = kgNetwork.body.data.nodes.get().find(n => n.label.startsWith({prefix!r})).id;
  const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
  const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}})()"""


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary:
        return binary
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        pytest.fail("KG_REQUIRE_BROWSER=1 but no Chromium found: apt-get install -y chromium")
    pytest.skip(
        "headless Chromium is not installed (apt-get install -y chromium); "
        "set KG_REQUIRE_BROWSER=1 to make this a failure"
    )


@pytest.fixture(scope="module")
def small() -> nx.Graph:
    return project(Graph().parse(DATA / "small.ttl"), ontology=load_ontology(DATA / "ontology.ttl"))


def test_render_browser_draws_offline_without_errors(tmp_path, chromium, small):
    page = write_html(small, tmp_path / "graph.html", title="Small network")
    run = open_page(
        page,
        chromium=chromium,
        evaluate={
            "nodes": "kgNetwork.body.data.nodes.length",
            "edges": "kgNetwork.body.data.edges.length",
            "physics": "kgNetwork.physics.physicsEnabled",
            "canvas_colours": CANVAS_COLOURS,
            "search": SEARCH % "kh",
            "hide": HIDE_FIRST_TYPE,
        },
    )
    assert run.errors == []
    assert run.requests == []
    assert run.state == "stable" and run.stable_ms is not None
    assert run.title == "Small network"
    assert (run.values["nodes"], run.values["edges"]) == (8, 11)
    assert run.values["physics"] is False  # stopped after stabilisation
    assert run.values["canvas_colours"] > 20  # nodes and edges were drawn, the canvas is not blank
    width, height, colours = png_size_and_colours(run.screenshot)
    assert (width, height) == (1280, 800) and colours > 50
    assert run.values["search"] == ["Kataib Hezbollah"]  # by alias
    hidden_type, visible = run.values["hide"]
    assert hidden_type.startswith("ArmedGroup") and visible == 6  # the two armed groups are filtered out


@pytest.mark.parametrize("csp", ["with CSP", "without CSP"])
def test_render_browser_xss_payload_does_not_run(tmp_path, chromium, csp):
    G = project(Graph().parse(DATA / "xss.ttl"))
    G.nodes["https://w3id.org/kg-news/entity/plain"]["wikidata"] = (
        "javascript:window.kgPwned='wikidata'//http://www.wikidata.org/entity/Q1"
    )
    page = write_html(G, tmp_path / "graph.html", title="<img src=x onerror=\"window.kgPwned='title'\">")
    if csp == "without CSP":  # escaping alone must hold, without the policy's help
        page.write_text(CSP.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    run = open_page(
        page,
        chromium=chromium,
        mouse_at=_at_node("<script>"),
        evaluate={
            "pwned": PWNED,
            "tooltip": "(document.querySelector('div.vis-tooltip') || {}).textContent || ''",
            "visible": "getComputedStyle(document.querySelector('div.vis-tooltip')).visibility",
            "elements": "document.querySelectorAll('img, svg, iframe, object').length",
            "links": LINKS,
        },
    )
    assert run.values["pwned"] is None
    assert run.title == "<img src=x onerror=\"window.kgPwned='title'\">"  # shown as text
    assert run.values["elements"] == 0
    assert run.values["links"] == ["http://www.wikidata.org/entity/Q42"]  # the javascript: one is not a link
    assert run.values["visible"] == "visible"
    assert run.values["tooltip"].startswith('<script>window.kgPwned="script";document.title="pwned"</script>')
    assert "<img src=x onerror=\"window.kgPwned='alias'\">" in run.values["tooltip"]
    assert run.errors == [] and run.requests == []


@pytest.mark.parametrize(("csp", "pwned"), [("without CSP", "control"), ("with CSP", None)])
def test_render_browser_detects_a_payload_that_runs(tmp_path, chromium, small, csp, pwned):
    """Controls: markup injected raw does run without the policy, so the test above can fail."""
    page = write_html(small, tmp_path / "graph.html")
    body = '<body data-kg-state="loading">'
    html = page.read_text(encoding="utf-8").replace(body, body + "<img src=x onerror=\"window.kgPwned='control'\">")
    if csp == "without CSP":
        html = CSP.sub("", html)
    page.write_text(html, encoding="utf-8")
    run = open_page(page, chromium=chromium, evaluate={"pwned": PWNED})
    assert run.values["pwned"] == pwned
    if pwned is None:
        assert any("Content Security Policy" in e for e in run.errors)


@pytest.mark.slow
def test_render_browser_example_page(tmp_path, chromium, example_graph):
    G = project(example_graph)
    page = write_html(G, tmp_path / "graph.html", title="US air strikes in Iraq and Syria (example article)")
    run = open_page(
        page,
        chromium=chromium,
        width=1280,
        height=800,
        evaluate={"nodes": "kgNetwork.body.data.nodes.length", "canvas_colours": CANVAS_COLOURS},
    )
    assert run.errors == [] and run.requests == []
    assert run.state == "stable"
    assert run.values["nodes"] == G.number_of_nodes() and run.values["canvas_colours"] > 20
    target = os.environ.get("KG_SCREENSHOT")
    if target:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_bytes(run.screenshot)
