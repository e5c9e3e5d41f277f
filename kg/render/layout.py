"""Where each actor is drawn: positions in pixels computed once, in Python, with a seed.

The page draws these positions as they are (vis-network's physics stays off), so it is
still the moment it opens, the same graph always looks the same, and an actor hidden by
a filter comes back where it was.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx

from kg.analyze import metrics

UNIT = 45.0  # pixels of spacing per node
SMALL_COMPONENT = 60  # up to this many actors, one spring layout; above, by community
TIE_LENGTH = 3 * UNIT  # median length of a tie in a small component: room for its label
NEAREST = 2.6 * UNIT  # no two actors of a small component closer than this
ISOLATED_SPACING = 4 * UNIT  # isolated actors are shown with their names: room for a label
ASPECT = 1.2  # rows about this much wider than the packing is tall: a landscape canvas


def layout(G: nx.Graph, *, seed: int = 0) -> dict:
    """Node -> ``(x, y)`` in pixels: tied actors packed component by component, isolated ones in a grid below.

    >>> pos = layout(nx.Graph([("a", "b"), ("c", "d")]))
    >>> sorted(pos) == ["a", "b", "c", "d"] and len(set(pos.values())) == 4
    True
    """
    tied = [n for n in G if G.degree(n) > 0]
    positions = pack_components(_ordered(G, tied), seed=seed)
    lonely = sorted((n for n in G if G.degree(n) == 0), key=str)
    bottom = max((y for _, y in positions.values()), default=-ISOLATED_SPACING) + 2 * ISOLATED_SPACING / 3
    width = max((x for x, _ in positions.values()), default=0.0)
    per_row = max(int(width // ISOLATED_SPACING) + 1, math.ceil(math.sqrt(len(lonely))), 1)
    for i, node in enumerate(lonely):
        row, col = divmod(i, per_row)
        positions[node] = (round(col * ISOLATED_SPACING, 1), round(bottom + row * UNIT * 1.5, 1))
    return positions


def pack_components(G: nx.Graph, *, seed: int = 0) -> dict:
    """Each connected component laid out on its own, the components packed in rows, largest first."""
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    boxes = [_component_layout(_ordered(G, part), seed) for part in parts]
    gap = 3 * UNIT
    row_limit = max(
        math.sqrt(sum((_width(b) + gap) * (_height(b) + gap) for b in boxes)) * ASPECT,
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


def _ordered(G: nx.Graph, nodes) -> nx.Graph:
    """The subgraph of ``G`` on ``nodes``, its nodes and ties in sorted order. A subgraph
    view lists its nodes in the order of a Python set, which changes from one process to
    the next, and the spring layout's start depends on that order: the page would move."""
    keep = sorted(nodes, key=str)
    H = nx.Graph()
    H.add_nodes_from((n, G.nodes[n]) for n in keep)
    H.add_edges_from(
        sorted(
            ((*sorted((u, v), key=str), d) for u, v, d in G.subgraph(keep).edges(data=True)),
            key=lambda e: (str(e[0]), str(e[1])),
        )
    )
    return H


def _component_layout(C: nx.Graph, seed: int) -> dict:
    if len(C) == 1:
        return {next(iter(C)): (0.0, 0.0)}
    if len(C) == 2:
        a, b = sorted(C, key=str)
        return {a: (0.0, 0.0), b: (3 * UNIT, 0.0)}
    if len(C) <= SMALL_COMPONENT:
        # Fruchterman-Reingold: Kamada-Kawai draws small trees a little better, but costs ~0.3 s each
        pos = nx.spring_layout(C, seed=seed, iterations=200, k=2 / math.sqrt(len(C)))
        lengths = sorted(math.dist(pos[u], pos[v]) for u, v in C.edges())
        scale = TIE_LENGTH / max(lengths[len(lengths) // 2], 1e-9)  # a typical tie: room for its label
        return _spread({n: (x * scale, y * scale) for n, (x, y) in pos.items()})
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
    spread = UNIT * math.sqrt(len(C)) * 1.6
    positions = {}
    for i, group in enumerate(groups):
        inner = (
            _component_layout(_ordered(C, group), seed)
            if 2 < len(group) <= SMALL_COMPONENT and nx.is_connected(C.subgraph(group))
            else _spring(_ordered(C, group), seed)
        )
        cx, cy = centres[i]
        mx = sum(x for x, _ in inner.values()) / len(inner)
        my = sum(y for _, y in inner.values()) / len(inner)
        for node, (x, y) in inner.items():
            positions[node] = (cx * spread + (x - mx) * 0.8, cy * spread + (y - my) * 0.8)
    return positions


def _spread(pos: dict, rounds: int = 30) -> dict:
    """Push apart any two actors closer than NEAREST (a spring layout crowds tied hubs together).

    >>> pos = _spread({"a": (0.0, 0.0), "b": (1.0, 0.0)})
    >>> math.dist(pos["a"], pos["b"]) >= NEAREST - 0.5
    True
    """
    pos = {n: list(p) for n, p in pos.items()}
    nodes = sorted(pos, key=str)
    for _ in range(rounds):
        moved = False
        for a, b in itertools.combinations(nodes, 2):
            (ax, ay), (bx, by) = pos[a], pos[b]
            gap = math.hypot(bx - ax, by - ay)
            if gap < NEAREST - 0.5:
                dx, dy = ((bx - ax) / gap, (by - ay) / gap) if gap > 1e-9 else (1.0, 0.0)
                push = (NEAREST - gap) / 2
                pos[a] = [ax - dx * push, ay - dy * push]
                pos[b] = [bx + dx * push, by + dy * push]
                moved = True
        if not moved:
            break
    return {n: (x, y) for n, (x, y) in pos.items()}


def _spring(C: nx.Graph, seed: int) -> dict:
    if len(C) == 1:
        return {next(iter(C)): (0.0, 0.0)}
    pos = nx.spring_layout(C, seed=seed, iterations=30 if len(C) > 300 else 50)
    scale = UNIT * 0.8 * math.sqrt(len(C))
    return {n: (x * scale, y * scale) for n, (x, y) in pos.items()}


def _width(box: dict) -> float:
    xs = [p[0] for p in box.values()]
    return max(xs) - min(xs)


def _height(box: dict) -> float:
    ys = [p[1] for p in box.values()]
    return max(ys) - min(ys)
