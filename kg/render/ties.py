"""The ties the page draws: one per direction between two actors, each with its facts graded.

The network (:mod:`kg.analyze.project`) has one undirected edge per pair of actors; its
``facts`` say who did what to whom, and ``support`` gives each fact's sentences with their
confidence and status. Here a pair becomes up to three ties: A -> B, B -> A, and A - B for
symmetric relations. A relation and its inverse are merged into one fact, read in the
direction :class:`kg.render.labels.Wording` keeps, so no tie reads "attacked, attackedBy".
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.analyze.polarity import NEUTRAL, combine
from kg.render.labels import Wording

MAX_EVIDENCE = 12  # sentences per fact in the page (the count says how many more)


def ties(G: nx.Graph, wording: Wording) -> list[dict]:
    """The directed ties of ``G``, sorted: ``{"source", "target", "symmetric", "facts", "weight", "polarity"}``.

    Each fact: ``{"relation", "label", "inverse", "polarity", "confidence", "statuses",
    "support", "supportTotal"}``; ``label`` reads from the source ("attacked"), ``inverse``
    from the target ("attacked by", or None when English has no safe passive), ``support``
    lists ``{"article", "sentence", "confidence", "status"}``, surest first.
    """
    merged: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for u, v, d in G.edges(data=True):
        rows = _support_rows(d)
        for f in d.get("facts") or [{"source": u, "relation": r, "target": v} for r in d.get("relations", [])]:
            s, r, t = wording.canonical(str(f["source"]), f["relation"], str(f["target"]))
            ends = (u, v) if (str(u), str(v)) == (s, t) else (v, u)
            key = (*ends, r in wording.symmetric)
            fact = merged[key].setdefault(r, {"polarities": [], "rows": set()})
            fact["polarities"].append(f.get("polarity", d.get("polarity", NEUTRAL)))
            fact["rows"] |= rows.get((str(f["source"]), f["relation"], str(f["target"])), rows.get(None, set()))
    return [
        _tie(source, target, symmetric, facts, wording)
        for (source, target, symmetric), facts in sorted(merged.items(), key=lambda kv: tuple(map(str, kv[0])))
    ]


def _tie(source, target, symmetric: bool, facts: dict[str, dict], wording: Wording) -> dict:
    records = [_fact(r, f, wording) for r, f in sorted(facts.items())]
    pairs = {(a, s) for f in facts.values() for a, s, _, _ in f["rows"]}
    return {
        "source": source,
        "target": target,
        "symmetric": symmetric,
        "facts": records,
        "weight": max(len(pairs), 1),
        "polarity": combine(f["polarity"] for f in records),
    }


def _fact(relation: str, fact: dict, wording: Wording) -> dict:
    rows = sorted(fact["rows"], key=lambda r: (-(r[2] if r[2] is not None else 1.0), r[0], r[1], r[3]))
    confidences = [r[2] for r in rows if r[2] is not None]
    return {
        "relation": relation,
        "label": wording.forward(relation),
        "inverse": wording.backward(relation),
        "polarity": combine(fact["polarities"]),
        "confidence": max(confidences) if confidences else None,
        "statuses": sorted({r[3] for r in rows}),
        "support": [
            {"article": a, "sentence": s, "confidence": c, "status": st} for a, s, c, st in rows[:MAX_EVIDENCE]
        ],
        "supportTotal": len(rows),
    }


def _support_rows(d: dict) -> dict:
    """(source, relation, target) -> {(article, sentence, confidence, status)}; key None: rows for every fact,
    for a network written before facts carried their own support (its edge evidence, ungraded)."""
    rows: dict = defaultdict(set)
    if "support" in d:
        for r in d["support"]:
            rows[(str(r["source"]), r["relation"], str(r["target"]))].add(
                (r["article"], r["sentence"], r.get("confidence"), r.get("status") or "asserted")
            )
    else:
        rows[None] = {(e["article"], e["sentence"], None, "asserted") for e in d.get("evidence", [])}
    return rows
