"""Measures of the actor network: pure functions ``f(G, *, seed=None) -> dict``.

``G`` is the undirected graph from :func:`kg.analyze.project.project` (or any
``nx.Graph``: ``label``/``aliases`` node attributes and ``weight``/``sign`` edge
attributes are used when present).
"""

from __future__ import annotations

import difflib
from collections import Counter

import networkx as nx

from kg.errors import NotInGraph

EXACT_BETWEENNESS_MAX = 1000  # above this many nodes betweenness samples 500 sources


def degree(G: nx.Graph, *, seed: int | None = None) -> dict:
    """Degree centrality: the share of other actors each actor is tied to.

    Examples:
        >>> degree(nx.star_graph(3))
        {0: 1.0, 1: 0.3333333333333333, 2: 0.3333333333333333, 3: 0.3333333333333333}
    """
    return nx.degree_centrality(G) if len(G) > 1 else {n: 0.0 for n in G}


def betweenness(G: nx.Graph, *, seed: int | None = 0) -> dict:
    """Betweenness centrality (unweighted: ``weight`` counts mentions, not distance).

    Exact up to ``EXACT_BETWEENNESS_MAX`` nodes; beyond, estimated from 500 source
    nodes drawn with ``seed``.

    Examples:
        >>> betweenness(nx.path_graph(3))
        {0: 0.0, 1: 1.0, 2: 0.0}
    """
    k = 500 if len(G) > EXACT_BETWEENNESS_MAX else None
    return nx.betweenness_centrality(G, k=k, seed=seed)


def pagerank(G: nx.Graph, *, seed: int | None = None) -> dict:
    """PageRank with edges weighted by their number of mentions.

    Examples:
        >>> ranks = pagerank(nx.star_graph(3))
        >>> max(ranks, key=ranks.get), round(sum(ranks.values()), 6)
        (0, 1.0)
    """
    if len(G) == 0:
        return {}
    return nx.pagerank(G, weight="weight")


def communities(G: nx.Graph, *, seed: int | None = 0) -> dict:
    """Louvain communities (weighted, fixed seed), largest first.

    Returns ``communities`` (lists of nodes), ``membership`` (node -> index) and
    ``modularity``.

    Examples:
        >>> G = nx.barbell_graph(4, 0)
        >>> communities(G)["communities"]
        [[0, 1, 2, 3], [4, 5, 6, 7]]
    """
    found = nx.community.louvain_communities(G, weight="weight", seed=seed) if len(G) else []
    groups = sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))
    membership = {n: i for i, group in enumerate(groups) for n in group}
    q = nx.community.modularity(G, groups, weight="weight") if G.number_of_edges() else 0.0
    return {"communities": groups, "membership": membership, "modularity": q}


def components(G: nx.Graph, *, seed: int | None = None) -> dict:
    """Connected components, largest first, and each node's component.

    Examples:
        >>> components(nx.Graph([(1, 2), (3, 4), (4, 5)]))["components"]
        [[3, 4, 5], [1, 2]]
    """
    groups = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    return {
        "components": groups,
        "count": len(groups),
        "membership": {n: i for i, group in enumerate(groups) for n in group},
    }


def brokers(G: nx.Graph, *, seed: int | None = 0, membership: dict | None = None, between: dict | None = None) -> dict:
    """Actors who tie communities together, and the bridges between groups.

    ``participation`` is each node's participation coefficient, 1 - sum over communities
    of (share of its ties into that community)^2: 0 when all its ties stay at home.
    ``brokers`` lists the nodes with ties into more than one community, by betweenness.
    ``bridges`` are the edges whose removal disconnects the graph, leaving out the
    trivial ones to a node of degree 1. Pass ``membership`` / ``between`` to reuse
    :func:`communities` / :func:`betweenness` results.

    Examples:
        >>> G = nx.barbell_graph(4, 0)  # two 4-cliques joined by the edge 3-4
        >>> result = brokers(G)
        >>> [b["node"] for b in result["brokers"]], result["bridges"]
        ([3, 4], [[3, 4]])
    """
    membership = membership if membership is not None else communities(G, seed=seed)["membership"]
    between = between if between is not None else betweenness(G, seed=seed)
    participation, found = {}, []
    for node in G:
        ties = Counter(membership[n] for n in G[node])
        k = sum(ties.values())
        participation[node] = 1.0 - sum((c / k) ** 2 for c in ties.values()) if k else 0.0
        if len(ties) > 1:
            found.append(
                {
                    "node": node,
                    "participation": participation[node],
                    "betweenness": between.get(node, 0.0),
                    "communities": len(ties),
                }
            )
    found.sort(key=lambda b: (-b["betweenness"], -b["participation"], str(b["node"])))
    bridges = sorted(
        (sorted((u, v), key=str) for u, v in nx.bridges(G) if G.degree(u) > 1 and G.degree(v) > 1), key=str
    )
    return {"participation": participation, "brokers": found, "bridges": bridges}


def balance(G: nx.Graph, *, seed: int | None = None) -> dict:
    """Structural balance of the signed network: which triads break "the enemy of my enemy".

    Only triangles whose three edges are signed (``sign`` +1 or -1) count; neutral and
    mixed edges (sign 0) are left out. A triad is unbalanced when the product of its
    signs is negative: (+,+,-) or (-,-,-).

    Examples:
        >>> G = nx.Graph()
        >>> G.add_edge("a", "b", sign=1); G.add_edge("b", "c", sign=1); G.add_edge("a", "c", sign=-1)
        >>> result = balance(G)
        >>> result["triads"], result["unbalanced"], result["unbalanced_triads"][0]["nodes"]
        (1, 1, ['a', 'b', 'c'])
    """
    signed = nx.Graph([(u, v, d) for u, v, d in G.edges(data=True) if d.get("sign", 0) in (1, -1)])
    order = {n: i for i, n in enumerate(sorted(signed, key=str))}
    balanced, unbalanced = 0, []
    for u in signed:
        for v in signed[u]:
            if order[v] <= order[u]:
                continue
            for w in set(signed[u]) & set(signed[v]):
                if order[w] <= order[v]:
                    continue
                signs = [signed[u][v]["sign"], signed[v][w]["sign"], signed[u][w]["sign"]]
                if signs[0] * signs[1] * signs[2] > 0:
                    balanced += 1
                else:
                    unbalanced.append({"nodes": [u, v, w], "signs": signs})
    unbalanced.sort(key=lambda t: [str(n) for n in t["nodes"]])
    total = balanced + len(unbalanced)
    return {
        "triads": total,
        "balanced": balanced,
        "unbalanced": len(unbalanced),
        "ratio": balanced / total if total else None,
        "unbalanced_triads": unbalanced,
    }


def shortest_path(G: nx.Graph, a: str, b: str) -> dict:
    """The shortest chain of ties between two actors named by IRI, label or alias.

    ``path`` is empty when they are not connected. ``edges`` gives each step's
    relations and polarity.

    Examples:
        >>> G = nx.Graph([("x", "y"), ("y", "z")])
        >>> nx.set_node_attributes(G, {"x": "Iran", "y": "Kataib Hezbollah", "z": "US"}, "label")
        >>> shortest_path(G, "iran", "us")["labels"]
        ['Iran', 'Kataib Hezbollah', 'US']
    """
    source, target = resolve(G, a), resolve(G, b)
    try:
        path = nx.shortest_path(G, source, target)
    except nx.NetworkXNoPath:
        path = []
    steps = [
        {"relations": G[u][v].get("relations", []), "polarity": G[u][v].get("polarity", "")}
        for u, v in zip(path, path[1:])
    ]
    return {
        "source": source,
        "target": target,
        "path": path,
        "labels": [G.nodes[n].get("label", str(n)) for n in path],
        "length": len(path) - 1 if path else None,
        "edges": steps,
    }


def resolve(G: nx.Graph, name: str) -> object:
    """The node called ``name``: its IRI, else its label, else an alias (case-insensitive).

    Raises NotInGraph, with the closest labels, when nothing or several actors match.
    """
    if name in G:
        return name
    wanted = name.casefold().strip()
    for field in ("label", "aliases"):
        matches = sorted((n for n, d in G.nodes(data=True) if wanted in _names(d, field)), key=str)
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = ", ".join(f"'{G.nodes[n].get('label', n)}' ({n})" for n in matches[:5])
            raise NotInGraph(f"'{name}' could mean several actors: {listed}; use the full label or IRI")
    known = {}
    for _, data in G.nodes(data=True):
        for text in [data.get("label", "")] + list(data.get("aliases", [])):
            if text:
                known.setdefault(text.casefold(), text)
    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)
    hint = (
        f"; did you mean {', '.join(repr(known[c]) for c in close)}?"
        if close
        else "; run `kg analyze GRAPH` to list the actors"
    )
    raise NotInGraph(f"No actor called '{name}' in the graph{hint}")


def _names(data: dict, field: str) -> set[str]:
    value = data.get(field)
    values = [value] if isinstance(value, str) else list(value or [])
    return {v.casefold().strip() for v in values}
