"""The actor network as one self-contained, offline HTML page.

pyvis builds the node and edge records and the vis-network options; the page itself
comes from our own autoescaped Jinja2 template (``assets/page.html.j2``), because
pyvis's template loads Bootstrap from a CDN and inserts text unescaped. vis-network is
inlined from ``assets/vis-network.min.js``, so the page refers to no URL at all, and a
Content-Security-Policy with ``default-src 'none'`` and script hashes lets nothing
else load or run (inline event handlers included).

The graph travels as JSON in ``<script type="application/json">`` with ``<``, ``>``,
``&``, U+2028 and U+2029 escaped, and ``assets/graph.js`` puts every string into the
page with ``textContent``: article text and names are data, never markup.

Large graphs: above ``LAYOUT_THRESHOLD`` nodes, networkx computes starting positions
(communities placed by a spring layout of the community graph, each community laid out
on its own), so vis-network needs few iterations; physics stops after stabilisation.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import json
import math
from collections import Counter
from pathlib import Path

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from kg.analyze import metrics
from kg.analyze.polarity import COOPERATIVE, HOSTILE, MIXED, NEUTRAL
from kg.atomic import atomic_path

VIS_VERSION = "10.1.5"
LAYOUT_THRESHOLD = 500
MAX_EVIDENCE = 12  # sentences per tie shown in the page (the count says how many more)
TYPE_COLORS = {
    "State": "#4e79a7",
    "ArmedGroup": "#e15759",
    "Person": "#f28e2b",
    "Organization": "#76b7b2",
    "GovernmentBody": "#59a14f",
    "Military": "#9c755f",
    "NewsOrganization": "#edc948",
    "Place": "#bab0ac",
    "City": "#b07aa1",
    "Actor": "#ff9da7",
}
_SPARE_COLORS = ("#8cd17d", "#499894", "#d37295", "#a0cbe8", "#ffbe7d", "#79706e")
POLARITY_COLORS = {HOSTILE: "#d62728", COOPERATIVE: "#2ca02c", NEUTRAL: "#9a9a9a", MIXED: "#9467bd"}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def page_title(articles: int) -> str:
    """The page's title for a graph of ``articles`` articles: the same from `kg build` and `kg render`."""
    return f"kg: actor network of {articles} article{'s' if articles != 1 else ''}"


def write_html(G: nx.Graph, path: str | Path, **options) -> Path:
    """Write the page for ``G`` to ``path``; ``options`` (title, focus, depth, top, types,
    seed) as for :func:`render_html`."""
    html = render_html(G, **options)
    with atomic_path(path) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return Path(path)


def render_html(
    G: nx.Graph,
    *,
    title: str = "Actor network",
    focus: str | None = None,
    depth: int = 2,
    top: int | None = None,
    types: list[str] | None = None,
    seed: int = 0,
) -> str:
    """The page for ``G``, or the part chosen by ``focus``/``depth``, ``top`` and ``types``, as a string."""
    ranks = metrics.pagerank(G)
    H = select(G, focus=focus, depth=depth, top=top, types=types, ranks=ranks)
    data = page_data(H, ranks=ranks, seed=seed)
    data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES.items():
        data_json = data_json.replace(raw, escaped)
    vis_js = _vis_js()
    page_js, css = _asset("graph.js"), _asset("page.css")
    if "</style" in css.lower() or any("</script" in s.lower() for s in (vis_js, page_js)):
        raise AssertionError("an inlined asset would end its own <script>/<style> element early")
    csp = (
        "default-src 'none'; "
        + "script-src "
        + " ".join(_sha256(s) for s in (vis_js, page_js))
        + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    counts = Counter(d.get("polarity", NEUTRAL) for *_, d in H.edges(data=True))
    stats = f"{H.number_of_nodes()} actors, {H.number_of_edges()} ties" + (
        " (" + ", ".join(f"{counts[p]} {p}" for p in POLARITY_COLORS if counts[p]) + ")" if counts else ""
    )
    if len(H) < len(G):
        stats += f", of {G.number_of_nodes()} actors in the graph"
    template = Environment(autoescape=True).from_string(_asset("page.html.j2"))
    return template.render(
        title=title,
        stats=stats,
        csp=csp,
        vis_version=VIS_VERSION,
        css=Markup(css),
        data_json=Markup(data_json),
        vis_js=Markup(vis_js),
        page_js=Markup(page_js),
    )


def select(
    G: nx.Graph,
    *,
    focus: str | None = None,
    depth: int = 2,
    top: int | None = None,
    types: list[str] | None = None,
    ranks: dict | None = None,
) -> nx.Graph:
    """The subgraph to draw: only ``types``, then within ``depth`` ties of ``focus``, then the ``top`` by PageRank.

    The focus actor is always kept. Raises NotInGraph for an unknown actor or type.
    """
    keep = set(G)
    centre = metrics.resolve(G, focus) if focus else None
    if types:
        present = {d.get("type", "") for _, d in G.nodes(data=True)}
        by_name = {t.casefold(): t for t in present}
        unknown = [t for t in types if t.casefold() not in by_name]
        if unknown:
            raise metrics.NotInGraph(
                f"No actors of type {', '.join(map(repr, unknown))} in the graph; "
                f"types present: {', '.join(sorted(present))}"
            )
        wanted = {by_name[t.casefold()] for t in types}
        keep = {n for n in keep if G.nodes[n].get("type") in wanted} | ({centre} if centre else set())
    if centre is not None:
        keep = set(nx.ego_graph(G.subgraph(keep), centre, radius=depth))
    if top is not None and top < len(keep):
        ranks = ranks if ranks is not None else metrics.pagerank(G)
        best = sorted(keep, key=lambda n: (-ranks.get(n, 0.0), str(n)))[: max(top, 0)]
        keep = set(best) | ({centre} if centre else set())
    return G.subgraph(keep).copy()


def page_data(G: nx.Graph, *, ranks: dict | None = None, seed: int = 0) -> dict:
    """Node and edge records (built with pyvis), vis-network options and the legend, as plain data."""
    ranks = ranks if ranks is not None else metrics.pagerank(G)
    top_rank = max((ranks.get(n, 0.0) for n in G), default=0.0) or 1.0
    positions = initial_layout(G, seed=seed) if len(G) > LAYOUT_THRESHOLD else {}
    ids = {node: i for i, node in enumerate(sorted(G, key=str))}
    colors = type_colors(d.get("type", "") for _, d in G.nodes(data=True))
    net = Network(directed=True)  # directed: pyvis skips its quadratic duplicate-edge check
    for node, i in ids.items():
        d = G.nodes[node]
        extra = {"x": positions[node][0], "y": positions[node][1]} if node in positions else {}
        net.add_node(
            i,
            label=str(d.get("label") or node),
            color=colors[d.get("type", "")],
            size=round(8 + 32 * math.sqrt(ranks.get(node, 0.0) / top_rank), 1),
            kgType=d.get("type", ""),
            iri=str(d.get("iri", node)),
            aliases=list(d.get("aliases", [])),
            wikidata=d.get("wikidata", ""),
            articles=d.get("articles", 0),
            pagerank=round(ranks.get(node, 0.0), 5),
            **extra,
        )
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]])):
        source, target, arrows = _direction(u, v, d.get("facts", []))
        evidence = list(d.get("evidence", []))
        polarity = d.get("polarity", NEUTRAL)
        net.add_edge(
            ids[source],
            ids[target],
            label=", ".join(d.get("relations", [])),
            arrows=arrows,
            color=POLARITY_COLORS.get(polarity, POLARITY_COLORS[NEUTRAL]),
            width=round(1 + 1.5 * math.log2(max(d.get("weight", 1), 1)), 2),
            relations=list(d.get("relations", [])),
            polarity=polarity,
            weight=d.get("weight", 1),
            evidence=evidence[:MAX_EVIDENCE],
            evidenceTotal=len(evidence),
        )
    net.options = vis_options(len(G), laid_out=bool(positions), seed=seed)
    nodes, edges, _, _, _, options = net.get_network_data()
    types = Counter(d.get("type", "") for _, d in G.nodes(data=True))
    polarities = Counter(d.get("polarity", NEUTRAL) for *_, d in G.edges(data=True))
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "types": [{"name": t, "color": colors[t], "count": n} for t, n in sorted(types.items())],
        "polarities": [
            {"name": p, "color": c, "count": polarities[p]} for p, c in POLARITY_COLORS.items() if polarities[p]
        ],
    }


def vis_options(n: int, *, laid_out: bool, seed: int = 0) -> dict:
    """vis-network options: Barnes-Hut with a bounded stabilisation, lighter drawing for big graphs."""
    big = n > LAYOUT_THRESHOLD
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": n <= 100 and not laid_out},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 16, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}},
            "font": {"size": 12, "align": "middle", "color": "#444444", "strokeWidth": 3},
            "color": {"inherit": False},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -8000,
                "centralGravity": 0.5,
                "springLength": 170,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.3,
            },
            "maxVelocity": 50,
            "minVelocity": 1.0,
            "timestep": 0.5,
            "stabilization": {
                "enabled": True,
                "iterations": stabilization_iterations(n, laid_out),
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def stabilization_iterations(n: int, laid_out: bool) -> int:
    """Bounded physics: about 3 s of Barnes-Hut in Chromium at any size (an iteration costs ~n)."""
    return max(40, min(150, 150_000 // max(n, 1))) if laid_out else 300


def initial_layout(G: nx.Graph, *, seed: int = 0) -> dict:
    """Starting positions in pixels, so that vis-network needs only a short stabilisation.

    Each connected component is laid out on its own and the components are packed in
    rows, largest first. Within a big component, communities are placed by a spring
    layout of the graph of communities and each community is laid out alone: much
    faster than one spring layout of the whole graph, whose cost grows with n^2.
    """
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    boxes = [_component_layout(G.subgraph(part), seed) for part in parts]
    gap = 2 * _UNIT
    row_limit = max(
        math.sqrt(sum((_width(b) + gap) * (_height(b) + gap) for b in boxes)) * 1.3,
        max((_width(b) for b in boxes), default=0.0),
    )
    positions, x, y, row_height = {}, 0.0, 0.0, 0.0
    for box in boxes:
        if x > 0 and x + _width(box) > row_limit:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        left, top = min(p[0] for p in box.values()), min(p[1] for p in box.values())
        for node, (px, py) in box.items():
            positions[node] = (round(x + px - left, 1), round(y + py - top, 1))
        x += _width(box) + gap
        row_height = max(row_height, _height(box))
    return positions


_UNIT = 45.0  # pixels of spacing per node


def _component_layout(C: nx.Graph, seed: int) -> dict:
    if len(C) == 1:
        return {next(iter(C)): (0.0, 0.0)}
    if len(C) <= 60:
        pos = nx.spring_layout(C, seed=seed)
        return {n: (x * _UNIT * math.sqrt(len(C)), y * _UNIT * math.sqrt(len(C))) for n, (x, y) in pos.items()}
    groups = metrics.communities(C, seed=seed)["communities"]
    member = {n: i for i, group in enumerate(groups) for n in group}
    between = nx.Graph()
    between.add_nodes_from(range(len(groups)))
    for u, v in C.edges():
        if member[u] != member[v]:
            a, b = sorted((member[u], member[v]))
            between.add_edge(a, b, weight=between.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    centres = (
        nx.spring_layout(between, seed=seed, weight="weight", iterations=60) if len(groups) > 1 else {0: (0.0, 0.0)}
    )
    spread = _UNIT * math.sqrt(len(C)) * 1.2
    positions = {}
    for i, group in enumerate(groups):
        radius = _UNIT * math.sqrt(len(group)) * 0.6
        inner = (
            nx.spring_layout(C.subgraph(group), seed=seed, iterations=30 if len(group) > 300 else 50)
            if len(group) > 1
            else {group[0]: (0.0, 0.0)}
        )
        cx, cy = centres[i]
        for node, (x, y) in inner.items():
            positions[node] = (cx * spread + x * radius, cy * spread + y * radius)
    return positions


def _width(box: dict) -> float:
    xs = [p[0] for p in box.values()]
    return max(xs) - min(xs)


def _height(box: dict) -> float:
    ys = [p[1] for p in box.values()]
    return max(ys) - min(ys)


def type_colors(types) -> dict[str, str]:
    """Colour of each actor type: fixed for kg's classes, spare colours for others."""
    colors = dict(TYPE_COLORS)
    spare = iter(_SPARE_COLORS * 10)
    for t in sorted(set(types) - set(colors)):
        colors[t] = next(spare, "#888888")
    return colors


def _direction(u, v, facts: list[dict]) -> tuple[object, object, str]:
    """(from, to, arrows) for an edge: one arrow when all its facts point the same way."""
    ways = {(f.get("source"), f.get("target")) for f in facts} & {(u, v), (v, u)}
    if len(ways) == 1:
        source, target = ways.pop()
        return source, target, "to"
    return u, v, "to, from" if ways else ""


def _vis_js() -> str:
    js = _asset("vis-network.min.js")
    cut = js.rfind("//# sourceMappingURL=")
    return (js[:cut] if cut >= 0 else js).rstrip() + "\n"


def _asset(name: str) -> str:
    return importlib.resources.files("kg.render").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"
