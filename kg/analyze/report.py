"""The network report: every measure in one JSON-serialisable dict, and its text forms."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.analyze import metrics
from kg.analyze.text import FORMATS, Document, as_json

__all__ = ["FORMATS", "annotate", "build_report", "format_report", "network_lines"]


def annotate(G: nx.Graph, *, seed: int = 0) -> nx.Graph:
    """A copy of ``G`` whose nodes also carry degree, betweenness, pagerank, community, component."""
    return _annotated(G, seed)[0]


def _annotated(G: nx.Graph, seed: int) -> tuple[nx.Graph, dict]:
    """:func:`annotate`'s graph, and the communities found (Louvain runs once)."""
    H = G.copy()
    found = metrics.communities(G, seed=seed)
    for name, values in (
        ("degree", metrics.degree(G)),
        ("betweenness", metrics.betweenness(G, seed=seed)),
        ("pagerank", metrics.pagerank(G)),
        ("community", found["membership"]),
        ("component", metrics.components(G)["membership"]),
    ):
        nx.set_node_attributes(H, values, name)
    H.graph["modularity"] = found["modularity"]
    return H, found


def build_report(
    G: nx.Graph,
    *,
    top: int = 10,
    seed: int = 0,
    path: tuple[str, str] | None = None,
    contested=None,
    incidents: list[dict] | None = None,
) -> dict:
    """Everything ``kg analyze`` prints, as plain data; ``top`` bounds the actor lists.
    ``contested``: the :class:`kg.analyze.contested.Contest` list of the graph, if asked;
    ``incidents``: the incidents most articles report (:func:`kg.store.merges.reported_incidents`)."""
    H, found = _annotated(G, seed)
    label = lambda n: H.nodes[n].get("label", str(n))  # noqa: E731
    ranked = sorted(H, key=lambda n: (-H.nodes[n]["pagerank"], label(n)))
    between = {n: H.nodes[n]["betweenness"] for n in H}
    broker = metrics.brokers(G, seed=seed, membership=found["membership"], between=between)
    signed = metrics.balance(G)
    parts = metrics.components(G)["components"]
    total_bridges = sum(1 for _ in nx.bridges(G))
    report = {
        "nodes": H.number_of_nodes(),
        "edges": H.number_of_edges(),
        "polarity": dict(sorted(Counter(d.get("polarity", "neutral") for *_, d in H.edges(data=True)).items())),
        "actors": [
            {
                "iri": n,
                "label": label(n),
                "type": H.nodes[n].get("type", ""),
                "degree": H.degree(n),
                "pagerank": H.nodes[n]["pagerank"],
                "betweenness": H.nodes[n]["betweenness"],
                "community": H.nodes[n]["community"],
            }
            for n in ranked[:top]
        ],
        "communities": {
            "count": len(found["communities"]),
            "modularity": found["modularity"],
            "groups": [
                {
                    "id": i,
                    "size": len(group),
                    "members": [label(n) for n in sorted(group, key=lambda n: -H.nodes[n]["pagerank"])],
                }
                for i, group in enumerate(found["communities"])
            ],
        },
        "components": {"count": len(parts), "sizes": [len(c) for c in parts]},
        "brokers": [
            {
                "iri": b["node"],
                "label": label(b["node"]),
                "participation": b["participation"],
                "betweenness": b["betweenness"],
                "communities": b["communities"],
            }
            for b in broker["brokers"][:top]
        ],
        # the bridges listed are those between groups of 2+ actors; networkx's bridges()
        # also counts each tie to an actor with no other tie, counted here apart
        "bridges": [[label(u), label(v)] for u, v in broker["bridges"]],
        "bridges_total": total_bridges,
        "bridges_to_lone_actors": total_bridges - len(broker["bridges"]),
        "balance": {key: signed[key] for key in ("triads", "balanced", "unbalanced", "ratio")}
        | {
            "unbalanced_triads": [
                {"labels": [label(n) for n in t["nodes"]], "signs": t["signs"]} for t in signed["unbalanced_triads"]
            ]
        },
    }
    if path:
        report["path"] = metrics.shortest_path(G, *path)
    if contested is not None:
        report["contested"] = [c.as_dict() for c in contested]
    if incidents is not None:
        report["incidents"] = incidents
    return report


def network_lines(G: nx.Graph, top: int = 5, *, seed: int = 0) -> list[str]:
    """A few lines on the actor network for the build summary: top actors by PageRank, communities found."""
    if len(G) == 0:
        return ["Actor network: empty (no actors found)"]
    ranks = metrics.pagerank(G)
    label = lambda n: G.nodes[n].get("label", str(n))  # noqa: E731
    best = sorted(G, key=lambda n: (-ranks[n], label(n)))[:top]
    found = metrics.communities(G, seed=seed)
    lines = [
        f"Actor network: {G.number_of_nodes()} actors, {G.number_of_edges()} ties",
        "Most central (PageRank): " + ", ".join(f"{label(n)} ({ranks[n]:.3f})" for n in best),
        f"Communities (Louvain): {len(found['communities'])}, modularity {found['modularity']:.2f}",
    ]
    for i, group in enumerate(found["communities"][:top]):
        names = [label(n) for n in sorted(group, key=lambda n: -ranks[n])]
        more = f" +{len(names) - 4} more" if len(names) > 4 else ""
        lines.append(f"  {i + 1}. " + ", ".join(names[:4]) + more)
    return lines


def format_report(report: dict, fmt: str = "table") -> str:
    """``report`` as "table" (aligned plain text), "json" or "markdown"."""
    if fmt == "json":
        return as_json(report)
    doc = Document(fmt)
    section = doc.section

    polarity = ", ".join(f"{n} {p}" for p, n in report["polarity"].items()) or "none"
    doc.title(
        "Actor network",
        f"{report['nodes']} actors, {report['edges']} ties ({polarity}); "
        f"{report['components']['count']} connected component(s)",
    )
    section(
        "Most central actors",
        ["#", "actor", "type", "ties", "pagerank", "betweenness", "community"],
        [
            [
                i + 1,
                a["label"],
                a["type"],
                a["degree"],
                f"{a['pagerank']:.3f}",
                f"{a['betweenness']:.3f}",
                a["community"] + 1,
            ]
            for i, a in enumerate(report["actors"])
        ],
    )
    c = report["communities"]
    section(
        f"Communities (Louvain, modularity {c['modularity']:.2f})",
        ["#", "size", "members"],
        [
            [g["id"] + 1, g["size"], ", ".join(g["members"][:8]) + (" ..." if g["size"] > 8 else "")]
            for g in c["groups"]
        ],
    )
    section(
        "Brokers between communities",
        ["actor", "communities", "participation", "betweenness"],
        [
            [b["label"], b["communities"], f"{b['participation']:.2f}", f"{b['betweenness']:.3f}"]
            for b in report["brokers"]
        ],
    )
    listed, lone = len(report["bridges"]), report.get("bridges_to_lone_actors", 0)
    section(
        f"Bridges: {report.get('bridges_total', listed)} ties whose loss splits the network; listed, the {listed} "
        f"between groups of 2+ actors (not the {lone} to an actor with no other tie)",
        ["actor", "actor"],
        report["bridges"],
    )
    b = report["balance"]
    ratio = "n/a" if b["ratio"] is None else f"{b['ratio']:.0%}"
    section(
        f"Structural balance: {b['triads']} signed triads, {b['unbalanced']} unbalanced ({ratio} balanced)",
        ["triad", "signs"],
        [
            [" / ".join(t["labels"]), " ".join("+" if s > 0 else "-" for s in t["signs"])]
            for t in b["unbalanced_triads"]
        ],
    )
    if "path" in report:
        p = report["path"]
        title = f"Shortest path ({p['length']} step(s))" if p["path"] else "Shortest path: not connected"
        section(
            title,
            ["from", "ties", "to"],
            [
                [p["labels"][i], ", ".join(e["relations"]) + f" ({e['polarity']})", p["labels"][i + 1]]
                for i, e in enumerate(p["edges"])
            ],
        )
    if "contested" in report:
        section(
            f"Contested facts: {len(report['contested'])} (claimed by one source and denied by another, "
            "or reports of one event naming different agents or death tolls)",
            ["kind", "fact", "sides (what each source says, who says it, the article)"],
            [[c["kind"], c["fact"], "; ".join(_side(s) for s in c["sides"])] for c in report["contested"]],
        )
    if "incidents" in report:
        section(
            f"Incidents several articles report: {len(report['incidents'])} listed (kg merges says why)",
            ["incident", "reports"],
            [[i["label"], i["reports"]] for i in report["incidents"]],
        )
    return doc.text()


def _side(side: dict) -> str:
    by = f" by {side['party']}" if side["party"] else ""
    return f"{side['says']}{by} ({side['article'].rsplit('/', 1)[-1]})"
