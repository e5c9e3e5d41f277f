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
    "support", "supportTotal", "grades"}``; ``label`` reads from the source ("attacked"),
    ``inverse`` from the target ("attacked by", or None when English has no safe passive),
    ``support`` lists up to :data:`MAX_EVIDENCE` ``{"article", "sentence", "confidence",
    "status", "date"}`` (and ``from``, ``until`` where the text gives them), surest first;
    ``grades`` lists every row's ``[confidence, status, date, until]`` once, so that the
    page filters on all of a fact's rows, not only those it shows.
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
    pairs = {(a, s) for f in facts.values() for a, s, *_ in f["rows"]}
    return {
        "source": source,
        "target": target,
        "symmetric": symmetric,
        "facts": records,
        "weight": max(len(pairs), 1),
        "polarity": combine(f["polarity"] for f in records),
    }


def _fact(relation: str, fact: dict, wording: Wording) -> dict:
    rows = sorted(fact["rows"], key=lambda r: (-(r[2] if r[2] is not None else 1.0), r[0], r[1], *r[3:]))
    confidences = [r[2] for r in rows if r[2] is not None]
    return {
        "relation": relation,
        "label": wording.forward(relation),
        "inverse": wording.backward(relation),
        "polarity": combine(fact["polarities"]),
        "confidence": max(confidences) if confidences else None,
        "statuses": sorted({r[3] for r in rows}),
        "support": [_row(r) for r in rows[:MAX_EVIDENCE]],
        "supportTotal": len(rows),
        "grades": [list(g) for g in sorted({(r[2], r[3], r[4], r[6]) for r in rows}, key=str)],
    }


def _row(r: tuple) -> dict:
    row = dict(zip(("article", "sentence", "confidence", "status", "date", "from", "until"), r))
    return {k: v for k, v in row.items() if v or k not in ("from", "until")}


def _support_rows(d: dict) -> dict:
    """(source, relation, target) -> {(article, sentence, confidence, status, date, from, until)}; key None:
    rows for every fact, for a network written before facts carried their own support (its edge evidence,
    ungraded); a network written before rows were dated gives "" for the dates."""
    rows: dict = defaultdict(set)
    if "support" in d:
        for r in d["support"]:
            rows[(str(r["source"]), r["relation"], str(r["target"]))].add(
                (
                    r["article"],
                    r["sentence"],
                    r.get("confidence"),
                    r.get("status") or "asserted",
                    *(r.get(k) or "" for k in ("date", "from", "until")),
                )
            )
    else:
        rows[None] = {(e["article"], e["sentence"], None, "asserted", "", "", "") for e in d.get("evidence", [])}
    return rows
