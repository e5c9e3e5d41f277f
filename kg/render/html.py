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

Readable at hundreds of actors: positions come from Python (:mod:`kg.render.layout`)
and vis-network's physics stays off; ties are drawn per direction and worded from the
ontology (:mod:`kg.render.ties`, :mod:`kg.render.labels`); ``graph.js`` fits the view
with a margin, names only as many actors as fit without overlapping (the most central
first, more on zoom), hides isolated actors behind a toggle and filters facts by
confidence, status and, when facts are dated, a range of dates (a fact is in the range
when its date is on or before the range's end and its ``until``, if any, on or after its
start). docs/design.md, "The page", says why.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import json
import math
from collections import Counter
from datetime import date
from pathlib import Path

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from kg.analyze import metrics
from kg.analyze.polarity import COOPERATIVE, HOSTILE, MIXED, NEUTRAL
from kg.analyze.project import STATUSES
from kg.atomic import atomic_path
from kg.rdf.schema import load_ontology
from kg.render.labels import Wording
from kg.render.layout import layout
from kg.render.ties import ties

VIS_VERSION = "10.1.5"
BIG_GRAPH = 500  # above this many actors, edges are hidden while dragging or zooming
LABEL_THRESHOLD_PX = 10  # vis-network draws no label smaller than this on screen
EDGE_LABEL_THRESHOLD_PX = 9  # edge labels (14 px at zoom 1) are drawn from zoom ~0.6
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
COMMUNITY_COLORS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ad494a",
    "#637939",
)  # the largest communities; the others share OTHER_COMMUNITY
OTHER_COMMUNITY = "#c7c7c7"
POLARITY_COLORS = {HOSTILE: "#d62728", COOPERATIVE: "#2ca02c", NEUTRAL: "#9a9a9a", MIXED: "#9467bd"}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def page_title(
    articles: int, *, since: date | None = None, until: date | None = None, as_of: date | None = None
) -> str:
    """The page's title for a graph of ``articles`` articles: the same from `kg build` and `kg render`,
    with the dates the network is drawn at or over (`kg render --as-of`, `--from`/`--to`).

    >>> page_title(3, since=date(2024, 6, 1), until=date(2024, 6, 30))
    'kg: actor network of 3 articles, 2024-06-01 to 2024-06-30'
    >>> page_title(1, as_of=date(2020, 12, 31))
    'kg: actor network of 1 article, as of 2020-12-31'
    """
    title = f"kg: actor network of {articles} article{'s' if articles != 1 else ''}"
    if as_of is not None:
        return f"{title}, as of {as_of.isoformat()}"
    if since is not None and until is not None:
        return f"{title}, {since.isoformat()} to {until.isoformat()}"
    if since is not None:
        return f"{title}, from {since.isoformat()}"
    return f"{title}, up to {until.isoformat()}" if until is not None else title


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


def page_data(G: nx.Graph, *, ranks: dict | None = None, seed: int = 0, wording: Wording | None = None) -> dict:
    """Node and edge records (built with pyvis), vis-network options, legends and filters, as plain data.

    Every node carries its position (:func:`kg.render.layout.layout`), its rank by
    PageRank (the page labels the best ranked first), its community and whether it is
    isolated; every edge is one direction of a tie (:func:`kg.render.ties.ties`).
    """
    ranks = ranks if ranks is not None else metrics.pagerank(G)
    wording = wording if wording is not None else Wording.from_ontology(load_ontology())
    top_rank = max((ranks.get(n, 0.0) for n in G), default=0.0) or 1.0
    positions = layout(G, seed=seed)
    ids = {node: i for i, node in enumerate(sorted(G, key=str))}
    order = {node: i for i, node in enumerate(sorted(G, key=lambda n: (-ranks.get(n, 0.0), str(n))))}
    community = metrics.communities(G, seed=seed)["membership"]
    colors = type_colors(d.get("type", "") for _, d in G.nodes(data=True))
    net = Network(directed=True)  # directed: pyvis skips its quadratic duplicate-edge check
    for node, i in ids.items():
        d = G.nodes[node]
        isolated = G.degree(node) == 0
        net.add_node(
            i,
            label=str(d.get("label") or node),
            color=colors[d.get("type", "")],
            communityColor=COMMUNITY_COLORS[community[node]]
            if community[node] < len(COMMUNITY_COLORS) and not isolated
            else OTHER_COMMUNITY,
            x=positions[node][0],
            y=positions[node][1],
            size=round(6 + 16 * math.sqrt(ranks.get(node, 0.0) / top_rank), 1),
            kgType=d.get("type", ""),
            iri=str(d.get("iri", node)),
            aliases=list(d.get("aliases", [])),
            wikidata=d.get("wikidata", ""),
            articles=d.get("articles", 0),
            pagerank=round(ranks.get(node, 0.0), 5),
            rank=order[node],
            importance=round(math.sqrt(ranks.get(node, 0.0) / top_rank), 3),
            isolated=isolated,
            firstSeen=d.get("first_seen", ""),
        )
    drawn = ties(G, wording)
    pairs = Counter(frozenset((t["source"], t["target"])) for t in drawn)
    statuses: Counter = Counter()
    confidences, days = [], []
    for tie in drawn:
        for fact in tie["facts"]:
            statuses.update(r["status"] for r in fact["support"])
            confidences += [r["confidence"] for r in fact["support"] if r["confidence"] is not None]
            days += [day for _, _, date, until in fact["grades"] if date for day in (date, until) if day]
        shared = pairs[frozenset((tie["source"], tie["target"]))] > 1
        net.add_edge(
            ids[tie["source"]],
            ids[tie["target"]],
            label=", ".join(f["label"] for f in tie["facts"]),
            arrows="" if tie["symmetric"] else "to",
            color=POLARITY_COLORS.get(tie["polarity"], POLARITY_COLORS[NEUTRAL]),
            width=round(1 + 1.5 * math.log2(tie["weight"]), 2),
            smooth={"enabled": True, "type": "curvedCW", "roundness": 0.2}
            if shared and not tie["symmetric"]
            else False,
            polarity=tie["polarity"],
            weight=tie["weight"],
            facts=tie["facts"],
        )
    net.options = vis_options(len(G), seed=seed)
    nodes, edges, _, _, _, options = net.get_network_data()
    types = Counter(d.get("type", "") for _, d in G.nodes(data=True))
    polarities = Counter(t["polarity"] for t in drawn)
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "types": [{"name": t, "color": colors[t], "count": n} for t, n in sorted(types.items())],
        "polarities": [
            {"name": p, "color": c, "count": polarities[p]} for p, c in POLARITY_COLORS.items() if polarities[p]
        ],
        "statuses": [{"name": s, "count": statuses[s]} for s in STATUSES],
        "minConfidence": math.floor(20 * min(confidences, default=0.0)) / 20,
        "isolated": sum(1 for n in G if G.degree(n) == 0),
        # the date range control's ends: the first day of any fact, the last any fact held on (None: nothing dated)
        "dates": {"first": min(days), "last": max(days)} if days else None,
    }


def vis_options(n: int, *, seed: int = 0) -> dict:
    """vis-network options: no physics (positions come from Python), labels drawn only when legible."""
    big = n > BIG_GRAPH
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
            # graph.js gives the labels it chooses a legible size; the others stay below this and are not drawn
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_THRESHOLD_PX, "maxVisible": 40}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}},
            "font": {"size": 14, "align": "middle", "color": "#333333", "strokeWidth": 3},
            "scaling": {"label": {"enabled": False, "drawThreshold": EDGE_LABEL_THRESHOLD_PX}},
            "color": {"inherit": False},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "physics": {"enabled": False},
    }


def type_colors(types) -> dict[str, str]:
    """Colour of each actor type: fixed for kg's classes, spare colours for others."""
    colors = dict(TYPE_COLORS)
    spare = iter(_SPARE_COLORS * 10)
    for t in sorted(set(types) - set(colors)):
        colors[t] = next(spare, "#888888")
    return colors


def _vis_js() -> str:
    js = _asset("vis-network.min.js")
    cut = js.rfind("//# sourceMappingURL=")
    return (js[:cut] if cut >= 0 else js).rstrip() + "\n"


def _asset(name: str) -> str:
    return importlib.resources.files("kg.render").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"
